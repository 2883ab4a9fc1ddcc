"""``--format junit``: JUnit XML, read by Jenkins, GitLab, Azure and GitHub test-report actions.

Two test suites:

- ``<suite>`` (e.g. ``news``): one test case per corpus file (classname
  ``corpuscheck.<suite>``, name = the file's path). Each finding is a
  ``<failure>`` (message ``line:col CODE [rule] message``, type = the code,
  body = the excerpt), each read error an ``<error>``; a clean file passes.
  ``<system-out>`` lists all of the file's findings too, for viewers that show
  only a test case's first failure.
- ``<suite>.expectations``: one test case per expectation of the suite, failing
  when the expectation failed, so the test report agrees with the exit code.

Text from the corpus is XML-escaped, and characters XML 1.0 forbids (control
characters, lone surrogates, U+FFFE/U+FFFF) are written as ``\\xNN`` instead.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET

from corpuscheck.report.base import Reporter, report_files, sorted_findings

_ILLEGAL = {c: f"\\x{c:02x}" for c in range(0x20) if c not in (0x09, 0x0A, 0x0D)}
_ILLEGAL.update({c: f"\\u{c:04x}" for c in range(0xD800, 0xE000)})
_ILLEGAL.update({0xFFFE: "\\ufffe", 0xFFFF: "\\uffff"})


def xml_text(text: object) -> str:
    """``text`` with every character XML 1.0 cannot carry replaced by a visible escape."""
    return str(text).translate(_ILLEGAL)


def where(finding) -> str:
    """``line:col``, with ``#record:`` first for multi-document files."""
    prefix = "" if finding.doc_id == finding.path else f"#{finding.record}:"
    return f"{prefix}{finding.line}:{finding.column}"


def failure_message(finding) -> str:
    span = f" (lines {finding.line}-{finding.end_line})" if finding.end_line != finding.line else ""
    return f"{where(finding)} {finding.code} [{finding.rule}] {finding.message}{span}"


def _element(parent, tag: str, text: str | None = None, **attrs) -> ET.Element:
    node = ET.SubElement(parent, tag, {k: xml_text(v) for k, v in attrs.items()})
    if text is not None:
        node.text = xml_text(text)
    return node


def _counts(node: ET.Element, tests: int, failures: int, errors: int) -> None:
    node.set("tests", str(tests))
    node.set("failures", str(failures))
    node.set("errors", str(errors))
    node.set("skipped", "0")
    node.set("time", "0")


def _file_case(suite, classname: str, file) -> tuple[int, int]:
    case = _element(suite, "testcase", classname=classname, name=file.path, file=file.path, time="0")
    findings = sorted_findings(file.findings)
    for error in file.errors:
        place = f"line {error.line}: " if error.line else ""
        _element(case, "error", f"{file.path}{':' + str(error.line) if error.line else ''}: {error.message}",
                 message=place + error.message, type="read-error")
    for f in findings:
        body = f.excerpt
        if f.related:
            body += f"\n(first occurrence: lines {f.related['line']}-{f.related['end_line']})"
        _element(case, "failure", body, message=failure_message(f), type=f.code)
    if findings:
        _element(case, "system-out", "\n".join(f"{file.path}:{failure_message(f)}" for f in findings) + "\n")
    return len(findings), len(file.errors)


def render_junit(report) -> str:
    root = ET.Element("testsuites", name="corpuscheck")
    name = report.suite.name
    classname = f"corpuscheck.{name}"
    files = ET.SubElement(root, "testsuite", name=xml_text(name))
    failures = errors = 0
    for file in report.files:
        f, e = _file_case(files, classname, file)
        failures += f > 0 and not e
        errors += e > 0
    _counts(files, report_files(report), failures, errors)  # clean files past 10,000 have no FileReport: they pass

    checks = ET.SubElement(root, "testsuite", name=xml_text(f"{name}.expectations"))
    failed = 0
    for o in report.outcomes:
        case = _element(checks, "testcase", classname=f"{classname}.expectations", name=o.label, time="0")
        if not o.success:
            failed += 1
            text = (f"{o.unexpected_count} of {o.element_count} document(s) fail "
                    f"({o.observed:.1%} clean, need {o.threshold:.0%}); severity {o.severity}")
            _element(case, "failure", text, message=f"{o.label}: {text}", type=o.severity)
    _counts(checks, len(report.outcomes), failed, 0)

    _counts(root, report_files(report) + len(report.outcomes), failures + failed, errors)
    ET.indent(root)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n"


class JUnitReporter(Reporter):
    name = "junit"

    def render(self, report) -> str:
        return render_junit(report)
