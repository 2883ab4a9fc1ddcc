"""``--report DIR``: one self-contained ``DIR/index.html`` for an auditor.

The page has a summary (verdict, counts, the expectations table, read errors,
an index of the files with findings) and one section per file, its findings
grouped by record for multi-document files. It loads nothing from the network
(inline CSS, no scripts, a CSP that forbids everything else) and shows every
string that comes from the corpus escaped: Jinja's autoescape is on, the only
``Markup`` built here is :func:`visible`, which escapes first, and anchors are
hashes of the path, never the path itself.

Large corpora stay usable: each file lists at most ``MAX_ROWS_PER_FILE``
findings and the whole page at most ``MAX_ROWS_TOTAL``; counts are always exact
and the full list is one ``--format json`` away.
"""

from __future__ import annotations

import hashlib
import os
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

import jinja2
import regex
from markupsafe import Markup, escape

from corpuscheck.report.base import Reporter, sorted_findings

MAX_ROWS_PER_FILE = 500  # findings listed per file
MAX_ROWS_TOTAL = 20_000  # findings listed on the whole page
MAX_FILES_LISTED = 5_000  # files in the index and with a section of their own
MAX_ERRORS_LISTED = 1_000  # rows in the read-errors table
MAX_CLEAN_LISTED = 1_000  # clean files named in the collapsed list
SEVERITY_ORDER = ("error", "warning", "info")
# Control and invisible format characters, shown as marks (tab and newline show as such; ZWNJ/ZWJ join letters and emoji: left alone).
INVISIBLE = regex.compile(r"[[\p{Cc}\p{Cf}\p{Zl}\p{Zp}\p{Cs}]--[\t\n\u200c\u200d]]", regex.V1)


def anchor(path: str) -> str:
    """A stable id for a file's section: a hash, so nothing from the path reaches an attribute."""
    return "f-" + hashlib.sha1(path.encode("utf-8", "backslashreplace")).hexdigest()[:12]


def _mark(match) -> Markup:
    return Markup('<span class="ch" title="invisible character">U+%s</span>') % f"{ord(match.group()):04X}"


def visible(value) -> Markup:
    """Escaped text in which control and invisible format characters show as ``U+XXXX`` marks.

    Bidi overrides, zero-width spaces, BOMs and C0/C1 controls are replaced by a
    visible mark, so an excerpt can neither hide them nor reorder the page.
    """
    text = "" if value is None else str(value)
    parts, start = [], 0
    for match in INVISIBLE.finditer(text):
        parts.append(escape(text[start : match.start()]))
        parts.append(_mark(match))
        start = match.end()
    if not parts:
        return escape(text)
    parts.append(escape(text[start:]))
    return Markup("").join(parts)


@dataclass
class RecordView:
    record: int
    doc_id: str
    total: int
    label: str = ""  # the document's title or URL, when the engine passes them on (FileReport.titles)
    rows: list = field(default_factory=list)


@dataclass
class FileView:
    path: str
    anchor: str
    documents: int
    errors: list
    total: int  # findings in the file, exact
    documents_failed: int
    severities: dict[str, int]
    codes: list[tuple[str, int]]
    multi: bool  # records are shown (JSONL, Parquet)
    records: list[RecordView] = field(default_factory=list)
    shown: int = 0
    short: str = ""  # the path without the folder common to all listed files

    @property
    def hidden(self) -> int:
        return self.total - self.shown


def _file_view(file, budget: int) -> FileView:
    findings = sorted_findings(file.findings)
    severities = Counter(f.severity for f in findings)
    codes = Counter(f.code for f in findings)
    multi = any(f.doc_id != f.path for f in findings) or file.documents > 1
    per_record = Counter(f.record for f in findings)
    view = FileView(
        path=file.path,
        anchor=anchor(file.path),
        documents=file.documents,
        errors=list(file.errors),
        total=len(findings),
        documents_failed=len({f.doc_id for f in findings}),
        severities={s: severities[s] for s in SEVERITY_ORDER if severities[s]},
        codes=sorted(codes.items()),
        multi=multi,
    )
    labels = getattr(file, "titles", None) or {}  # {record: title or URL}, if the engine keeps them
    current = None
    for finding in findings[: max(0, min(MAX_ROWS_PER_FILE, budget))]:
        if current is None or current.record != finding.record:
            current = RecordView(finding.record, finding.doc_id, per_record[finding.record],
                                 str(labels.get(finding.record) or ""))
            view.records.append(current)
        current.rows.append(finding)
        view.shown += 1
    return view


def _order(file) -> tuple:
    errors = sum(1 for f in file.findings if f.severity == "error")
    return (-len(file.errors), -errors, -len(file.findings), file.path)


def _rule_summaries(report) -> dict[str, str]:
    return {e.rule.code: e.rule.summary for e in report.suite.rule_entries}


def _common_folder(paths: list[str]) -> str:
    """The folder (with its trailing ``/``) that every path is under, or "" (for a shorter index)."""
    if len(paths) < 2:
        return ""
    prefix = os.path.commonprefix(paths)
    return prefix[: prefix.rfind("/") + 1]


def build_view(report) -> dict:
    """Everything the template shows, computed once (and testable without HTML)."""
    failing = sorted((f for f in report.files if f.findings or f.errors), key=_order)
    clean = sorted(f.path for f in report.files if not f.findings and not f.errors)
    budget = MAX_ROWS_TOTAL
    files = []
    for file in failing[:MAX_FILES_LISTED]:
        view = _file_view(file, budget)
        budget -= view.shown
        files.append(view)
    errors = [(file, error) for file in failing for error in file.errors]
    prefix = _common_folder([v.path for v in files])
    for v in files:
        v.short = v.path[len(prefix):]
    return {
        "files": files,
        "prefix": prefix,
        "files_failing": len(failing),
        "files_not_listed": len(failing) - len(files),
        "clean": clean[:MAX_CLEAN_LISTED],
        "clean_count": len(clean),
        "errors": [(anchor(file.path), file.path, e) for file, e in errors[:MAX_ERRORS_LISTED]],
        "errors_count": len(errors),
        "rows_shown": sum(v.shown for v in files),
        "summaries": _rule_summaries(report),
        "baseline": report.extra.get("baseline"),
    }


def _environment() -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.PackageLoader("corpuscheck.report", "templates"),
        autoescape=True,  # everything from the corpus is escaped
        trim_blocks=True,
        lstrip_blocks=True,
        undefined=jinja2.StrictUndefined,
    )
    env.filters["visible"] = visible
    return env


class HtmlReporter(Reporter):
    name = "html"

    def render(self, report) -> str:
        return _environment().get_template("report.html.j2").render(
            report=report,
            summary={
                "files": len(report.files),
                "documents": report.documents,
                "documents_failed": report.documents_failed,
                "findings": len(report.findings),
                "by_rule": report.by_rule(),
            },
            view=build_view(report),
            limits={"per_file": MAX_ROWS_PER_FILE, "total": MAX_ROWS_TOTAL, "files": MAX_FILES_LISTED},
        )


def write_html(report, folder: Path) -> Path:
    from corpuscheck.atomic import write_text

    return write_text(folder / "index.html", HtmlReporter().render(report))
