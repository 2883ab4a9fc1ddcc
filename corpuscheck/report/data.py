"""What the reports read from a check, behind one small interface.

``ReportData`` wraps today's :class:`corpuscheck.check.Report` (findings in memory);
a streaming engine or a fix preview plugs in by giving a Report-like object with the
same few attributes, or by subclassing and overriding :meth:`ReportData.findings`.
Everything the HTML report, the statistics and the terminal show is computed here
(one pass over the findings), so the reporters never walk the Report themselves.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass

from corpuscheck.report.base import sorted_findings

SEVERITY_ORDER = ("error", "warning", "info")


def fix_of(finding) -> str | None:
    """The finding's fix safety ("safe" | "unsafe"), or None when it has none (:attr:`Finding.fix`;
    a Report-like object's findings without ``fix`` have none)."""
    fix = getattr(finding, "fix", None)
    return fix.get("safety") if isinstance(fix, dict) else None


@dataclass(frozen=True)
class DocStat:
    path: str
    record: int
    source: str | None
    n_chars: int


class ReportData:
    """Findings with their file, source and fix; counts; expectation outcomes; document stats."""

    def __init__(self, report):
        self.report = report
        self._documents: list[DocStat] | None = None
        self._sources = {(d.path, d.record): d.source for d in self.documents()}

    # --- what is iterated ------------------------------------------------------------------
    def findings(self) -> Iterator[tuple[object, object]]:
        """``(file, finding)`` for every finding, files in report order, findings in document order."""
        for file in self.report.files:
            for finding in sorted_findings(file.findings):
                yield file, finding

    def documents(self) -> list[DocStat]:
        """One DocStat per checked document (empty when the engine did not keep them); built once."""
        if self._documents is None:
            self._documents = [DocStat(*row) for row in self.report.extra.get("doc_stats", ())]
        return self._documents

    def source_of(self, finding) -> str:
        return self._sources.get((finding.path, finding.record)) or ""

    def title_of(self, file, finding) -> str:
        return str((getattr(file, "titles", None) or {}).get(finding.record) or "")

    @property
    def outcomes(self):
        return self.report.outcomes

    # --- counts ----------------------------------------------------------------------------
    def statistics(self) -> list[dict]:
        """Per rule: code, name, severity, findings, documents with a finding, fixable findings (as ruff
        prints: those with a safe fix, which `corpuscheck fix` applies by default)."""
        rows: dict[str, dict] = {}
        docs: dict[str, set] = {}
        for _, f in self.findings():
            row = rows.setdefault(f.code + f.rule, {"code": f.code, "rule": f.rule, "severity": f.severity,
                                                     "findings": 0, "fixable": 0, "documents": 0})
            row["findings"] += 1
            row["fixable"] += fix_of(f) == "safe"
            docs.setdefault(f.code + f.rule, set()).add(f.doc_id)
        for key, row in rows.items():
            row["documents"] = len(docs[key])
        return sorted(rows.values(), key=lambda r: (-r["findings"], r["code"], r["rule"]))

    def by_source(self) -> Counter:
        return Counter(self.source_of(f) for _, f in self.findings())

    def documents_by_source(self) -> Counter:
        return Counter(d.source or "" for d in self.documents())


def read_options(report) -> dict:
    """How the check read its files (text/title fields, HTML options), so a reporter can read them again."""
    return dict(report.extra.get("read") or {})


def iter_documents(report, wanted: dict[str, set[int]]):
    """The Documents ``wanted`` names (``{path: {record, ...}}``), read again from disk in file order.

    The check keeps no text; the report's document view reads the files its findings point to,
    with the options the check used. A file that cannot be read again (moved, changed, not a
    path) yields nothing: its documents are shown without text. Yields ``(path, Document)``.
    """
    from corpuscheck.input.document import Document
    from corpuscheck.input.html import DEFAULT_OPTIONS
    from corpuscheck.input.loader import read_file

    options = read_options(report)
    text_field = options.get("text_field") or "text"
    title_field = options.get("title_field", "title")
    html = options.get("html") or DEFAULT_OPTIONS
    for file in report.files:
        records = wanted.get(file.path)
        if not records:
            continue
        left = set(records)
        try:
            for item in read_file(file.path, file.path, text_field, title_field, html):
                if isinstance(item, Document) and item.record in left:
                    left.discard(item.record)
                    yield file.path, item
                    if not left:
                        break
        except Exception:  # noqa: BLE001 - the text is a courtesy: a report is written without it
            continue
