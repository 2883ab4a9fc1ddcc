"""The whole job as one call: load -> rules -> GX validation -> a Report."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from corpuscheck import __version__
from corpuscheck.engine import FileReport, run_rules
from corpuscheck.findings import Finding, excerpt
from corpuscheck.gx.suite import GxEntry, Suite, load_suite
from corpuscheck.gx.validate import ExpectationOutcome, validate
from corpuscheck.rules import all_rules, select_rules

SEVERITY_RANK = {"info": 0, "warning": 1, "error": 2}


@dataclass
class Report:
    """Everything a reporter shows: per-file findings and errors, and each expectation's verdict."""

    suite: Suite
    files: list[FileReport]
    outcomes: list[ExpectationOutcome]
    documents: int
    tool_version: str = __version__
    extra: dict = field(default_factory=dict)
    fail_on: str = "error"  # lowest severity of a failed expectation that fails the run, or "never"

    @property
    def findings(self) -> list[Finding]:
        return [f for report in self.files for f in report.findings]

    @property
    def errors(self):
        return [e for report in self.files for e in report.errors]

    @property
    def failed_outcomes(self) -> list[ExpectationOutcome]:
        return [o for o in self.outcomes if not o.success]

    @property
    def passed(self) -> bool:
        """Every file could be read, and no expectation at or above ``fail_on`` failed."""
        if self.errors:
            return False
        failing = SEVERITY_RANK.get(self.fail_on, len(SEVERITY_RANK))
        return not any(SEVERITY_RANK[o.severity] >= failing for o in self.failed_outcomes)

    @property
    def documents_failed(self) -> int:
        return len({f.doc_id for f in self.findings})

    def by_rule(self) -> dict[str, int]:
        counts: dict[str, int] = {}
        for finding in self.findings:
            counts[finding.rule] = counts.get(finding.rule, 0) + 1
        return dict(sorted(counts.items()))


def _gx_findings(outcome: ExpectationOutcome, docs: dict[str, dict]) -> list[Finding]:
    """Documents failing a built-in GX expectation become findings at the document's first line."""
    entry = outcome.entry
    assert isinstance(entry, GxEntry)
    found = []
    for doc_id, value in zip(outcome.failing_doc_ids, outcome.failing_values, strict=True):
        row = docs.get(doc_id, {})
        args = ", ".join(f"{k}={v!r}" for k, v in entry.kwargs.items() if k not in ("column", "mostly"))
        shown = excerpt(str(value)) if value is not None else ""
        found.append(
            Finding(
                path=row.get("path", doc_id),
                doc_id=doc_id,
                record=row.get("record", 1),
                code="GX",
                rule=entry.expectation,
                severity=entry.severity,
                line=1,
                end_line=max(1, row.get("n_lines", 1)),
                column=1,
                message=entry.description or f"{entry.column or 'row'} fails {entry.expectation}({args})",
                excerpt=shown,
            )
        )
    return found


def check(
    paths: Iterable[str] | str = ("corpus",),
    suite: Suite | str | None = None,
    *,
    select: list[str] | None = None,
    ignore: list[str] | None = None,
    text_field: str = "text",
    title_field: str | None = "title",
    jobs: int | None = None,
    data_docs_dir: Path | None = None,
    progress: Callable[[int], None] | None = None,
    per_path_ignores: dict[str, list[str]] | None = None,
    fail_on: str = "error",
    html=None,
) -> Report:
    """Check ``paths`` against ``suite`` (a Suite, a file, a name, or None for the default).

    ``html``: a :class:`corpuscheck.input.html.HtmlOptions` for HTML pages.
    ``per_path_ignores`` maps path globs to rule selectors whose findings are
    dropped for matching files (before validation, so thresholds see them gone).
    """
    paths = [paths] if isinstance(paths, str) else list(paths)
    if not isinstance(suite, Suite):
        suite = load_suite(suite)
    if select or ignore:
        suite = suite.restrict(select_rules(all_rules(), select, ignore), add_missing=bool(select))
    columns = {c for e in suite.gx_entries for c in e.columns}
    run = run_rules(
        paths,
        suite.rule_entries,
        columns=columns,
        text_field=text_field,
        title_field=title_field,
        jobs=jobs,
        progress=progress,
        prefetch_gx=True,
        html=html,
    )
    if per_path_ignores:
        _drop_ignored(run, suite, per_path_ignores)
    import pandas as pd  # only now: the rules start sooner, and GX's background import brings it meanwhile

    frame = pd.DataFrame(run.rows)
    if frame.empty:
        frame = pd.DataFrame(columns=["doc_id", "path", "record", *[e.rule.column for e in suite.rule_entries], *columns])
    outcomes = validate(suite, frame, data_docs_dir=data_docs_dir) if suite.entries else []
    docs = {row["doc_id"]: row for row in run.rows}
    for outcome in outcomes:
        if isinstance(outcome.entry, GxEntry):
            for finding in _gx_findings(outcome, docs):
                run.files[finding.path].findings.append(finding)
    report = Report(
        suite=suite, files=list(run.files.values()), outcomes=outcomes, documents=len(run.rows), fail_on=fail_on
    )
    # per document (path, record, source, n_chars): the report's charts and per-source counts (corpuscheck.report.data)
    report.extra["doc_stats"] = [(r["path"], r["record"], r.get("source"), r.get("n_chars", 0)) for r in run.rows]
    if any(e.rule.code == "L101" for e in suite.rule_entries):
        from corpuscheck.rules.language.unexpected_language import language_mix

        report.extra["language_mix"] = language_mix(run.rows)
    return report


def _drop_ignored(run, suite: Suite, per_path_ignores: dict[str, list[str]]) -> None:
    """Remove the findings of rules ignored for a path, and zero their counts in its rows."""
    from fnmatch import fnmatch

    from corpuscheck.rules import matches

    rules = [e.rule for e in suite.rule_entries]
    ignored_by_path: dict[str, set[str]] = {}
    for path in run.files:
        codes = {
            rule.code
            for glob, selectors in per_path_ignores.items()
            if fnmatch(path, glob) or fnmatch(path, glob.rstrip("/") + "/*")
            for rule in rules
            if any(matches(rule, s) for s in selectors)
        }
        if codes:
            ignored_by_path[path] = codes
            run.files[path].findings = [f for f in run.files[path].findings if f.code not in codes]
    columns = {r.code: r.column for r in rules}
    for row in run.rows:
        for code in ignored_by_path.get(row["path"], ()):
            row[columns[code]] = 0
