"""The whole job as one call: load -> rules -> GX validation -> a Report."""

from __future__ import annotations

import functools
import weakref
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, replace
from pathlib import Path

from corpuscheck import __version__
from corpuscheck.engine import FileReport, run_rules
from corpuscheck.findings import Finding, excerpt
from corpuscheck.gx.suite import GxEntry, RuleEntry, Suite, load_suite
from corpuscheck.gx.validate import ExpectationOutcome
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
    file_count: int | None = None  # files read (``files`` may list only those with findings or errors)

    def __post_init__(self):
        if self.file_count is None:
            self.file_count = len(self.files)

    @property
    def findings(self) -> list[Finding]:
        return list(self.iter_findings())

    def iter_findings(self):
        """The findings file by file, without building one list (for large reports)."""
        for report in self.files:
            yield from report.findings

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
        return self.tally()["documents_failed"]

    def by_rule(self) -> dict[str, int]:
        return dict(self.tally()["by_rule"])

    @property
    def finding_count(self) -> int:
        return self.tally()["findings"]

    def tally(self) -> dict:
        """Counts over every finding in one pass (findings, by_rule, documents_failed, fixable,
        unsafe), kept until a file's findings change: findings spilled to disk are read once."""
        key = tuple((id(f.findings), len(f.findings)) for f in self.files)
        cached = self.__dict__.get("_tally")
        if cached is not None and cached[0] == key:
            return cached[1]
        counts: dict[str, int] = {}
        failed: set[str] = set()
        total = fixable = unsafe = 0
        for finding in self.iter_findings():
            total += 1
            counts[finding.rule] = counts.get(finding.rule, 0) + 1
            failed.add(finding.doc_id)
            safety = (getattr(finding, "fix", None) or {}).get("safety")
            fixable += safety == "safe"
            unsafe += safety == "unsafe"
        found = {"findings": total, "by_rule": dict(sorted(counts.items())), "documents_failed": len(failed),
                 "fixable": fixable, "unsafe": unsafe}
        self.__dict__["_tally"] = (key, found)
        return found


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
    cache_dir: Path | str | None = None,
    engine: str = "local",
    spark_master: str | None = None,
    limits=None,
) -> Report:
    """Check ``paths`` against ``suite`` (a Suite, a file, a name, or None for the default).

    ``html``: a :class:`corpuscheck.input.html.HtmlOptions` for HTML pages (their size and depth bounds too).
    ``limits``: a :class:`corpuscheck.input.loader.ReadLimits` (document, JSONL record, Parquet row group, .txt bounds).
    ``engine``: "local" (worker processes) or "spark" (at ``spark_master``, default local[*]).
    ``per_path_ignores`` maps path globs to rule selectors whose findings are
    dropped for matching files (before validation, so thresholds see them gone).
    ``cache_dir``: keep per-file results and verdicts there (:mod:`corpuscheck.cache`);
    None (the default of this Python call) checks everything afresh.
    """
    paths = [paths] if isinstance(paths, str) else list(paths)
    if not isinstance(suite, Suite):
        suite = load_suite(suite)
    if select or ignore:
        suite = suite.restrict(select_rules(all_rules(), select, ignore), add_missing=bool(select))
    if limits is not None and limits.max_document_chars:
        suite = _feed_document_bound(suite, limits.max_document_chars)
    columns = {c for e in suite.gx_entries for c in e.columns}
    cache = None
    if cache_dir is not None:
        from corpuscheck.cache import Cache, fingerprint

        rules_key = [(e.rule.code, e.severity, sorted(e.options.items())) for e in suite.rule_entries]
        bounds = () if limits is None else (limits,)  # keys of runs with the default bounds stay as they were
        cache = Cache(cache_dir, fingerprint(rules_key, sorted(columns), text_field, title_field, html, *bounds))
    if engine not in ("local", "spark"):
        raise ValueError(f"unknown engine {engine!r}: local or spark")
    if engine == "spark":
        from corpuscheck import spark

        rule_run, validator = spark.run_rules, functools.partial(spark.validate, master=spark_master)
        where = {"master": spark_master}
    else:
        rule_run, validator = run_rules, None
        where = {"jobs": jobs, "progress": progress, "prefetch_gx": True, "cache": cache}
    run = rule_run(
        paths,
        suite.rule_entries,
        columns=columns,
        text_field=text_field,
        title_field=title_field,
        html=html,
        limits=limits,
        **where,
    )
    if per_path_ignores:
        _drop_ignored(run, suite, per_path_ignores)
    key = _verdict_key(suite, run.table) if cache is not None else None  # the feature table hashed once
    outcomes = _cached_verdict(cache, suite, key) if key is not None and data_docs_dir is None else None
    if outcomes is None:
        outcomes = _validate(suite, run.table, columns, data_docs_dir, validator)
        if key is not None:
            _store_verdict(cache, suite, key, outcomes)
    failing = [o for o in outcomes if isinstance(o.entry, GxEntry) and o.failing_doc_ids]
    if failing:
        docs = _rows_of(run, {doc_id for o in failing for doc_id in o.failing_doc_ids})
        for outcome in failing:
            for finding in _gx_findings(outcome, docs):
                run.report_for(finding.path).findings.append(finding)
        run.in_order()
    report = Report(
        suite=suite, files=list(run.files.values()), outcomes=outcomes, documents=len(run.table), fail_on=fail_on,
        file_count=run.file_count,
    )
    if key is not None and run.files_key is not None:
        # everything a reporter shows follows from these: its text can be kept (corpuscheck.cache.Cache.write_output)
        from corpuscheck.cache import fingerprint

        ignores = sorted((glob, list(selectors)) for glob, selectors in (per_path_ignores or {}).items())
        report.extra["cached_output"] = CachedOutput(
            cache, fingerprint(cache.run_key, run.files_key, key, ignores, fail_on, suite.name), report)
    # per document (path, record, source, n_chars): the report's charts and per-source counts (corpuscheck.report.data)
    report.extra["doc_stats"] = DocStats(run.table)
    # how the files were read, so the HTML report can show the documents' text (corpuscheck.report.data)
    report.extra["read"] = {"text_field": text_field, "title_field": title_field, "html": html}
    if any(e.rule.code == "L101" for e in suite.rule_entries):
        from corpuscheck.rules.language.unexpected_language import language_mix

        report.extra["language_mix"] = language_mix(list(run.table.rows()))
    return report


class CachedOutput:
    """A report's text in the cache: ``write(report, name, settings, render, stream)`` copies it when a run
    with the very same files, suite, verdict and reporter settings wrote it, else renders and keeps it.
    Only for the Report it was made with (a baselined copy of it, holding other findings, renders afresh)."""

    def __init__(self, cache, key: str, report):
        self.cache, self.key = cache, key
        self._report = weakref.ref(report)

    def write(self, report, name: str, settings, render, stream) -> None:
        if self._report() is not report:
            render(stream)
            return
        from corpuscheck.cache import fingerprint

        self.cache.write_output(fingerprint(self.key, name, settings), render, stream)

    def __reduce__(self):  # never carried along (a pickled Report holds no cache)
        return type(None), ()


class DocStats:
    """``(path, record, source, n_chars)`` per document, read from the feature table's columns
    when iterated (no tuple per document is kept)."""

    def __init__(self, table):
        self.table = table

    def __len__(self) -> int:
        return len(self.table)

    def __iter__(self):
        t = self.table
        n_chars = t.column("n_chars") if "n_chars" in t.columns else [0] * len(t)
        return zip(t.column("path"), t.column("record"), t.column("source"), n_chars, strict=True)


def _rows_of(run, doc_ids: set[str]) -> dict[str, dict]:
    """The feature rows of ``doc_ids`` (path, record, n_lines: what a GX finding shows)."""
    where = run.positions(doc_ids)
    names = [n for n in ("path", "record", "n_lines") if n in run.table.columns]
    columns = {n: run.table.column(n) for n in names}
    return {doc_id: {n: columns[n][i] for n in names} for doc_id, i in where.items()}


def _feed_document_bound(suite: Suite, bound: int) -> Suite:
    """S107 flags documents over the lower of its own option and the reader's bound (a document the
    reader cut is reported with the bound that cut it)."""
    def fed(entry):
        if not isinstance(entry, RuleEntry) or entry.rule.code != "S107":
            return entry
        own = entry.options.get("max_document_chars", entry.rule.options["max_document_chars"].default)
        return replace(entry, options={**entry.options, "max_document_chars": min(own, bound)})

    return replace(suite, entries=tuple(fed(e) for e in suite.entries))


def _validate(suite: Suite, table, columns: set[str], data_docs_dir: Path | None, validator=None):
    """The feature table through GX: ``validator`` is the engine's (Spark's), else :func:`corpuscheck.gx.validate.validate`."""
    import pandas as pd  # only now: the rules start sooner, and GX's background import brings it meanwhile

    from corpuscheck.gx.validate import validate

    validate = validator or validate
    frame = table.frame()
    if frame.empty:
        frame = pd.DataFrame(columns=["doc_id", "path", "record", *[e.rule.column for e in suite.rule_entries], *columns])
    return validate(suite, frame, data_docs_dir=data_docs_dir) if suite.entries else []


def _verdict_key(suite: Suite, table) -> str:
    from corpuscheck.cache import fingerprint

    entries = [
        (e.rule.code, e.severity, e.mostly, e.max_per_document, sorted(e.options.items()), e.per_source,
         sorted(e.sources.items()), e.description) if isinstance(e, RuleEntry) else e
        for e in suite.entries
    ]
    return fingerprint(entries, table.digest())  # by value, not pickle: pickle's bytes depend on sharing


def _cached_verdict(cache, suite: Suite, key: str):
    """The outcomes of the last validation of the very same rows under the same suite (``key``:
    :func:`_verdict_key`), or None."""
    stored = cache.get_verdict(key)
    if stored is None:
        return None
    try:
        return [replace(outcome, entry=suite.entries[index]) for index, outcome in stored]
    except (IndexError, TypeError):
        return None


def _store_verdict(cache, suite: Suite, key: str, outcomes) -> None:
    index = {id(e): i for i, e in enumerate(suite.entries)}
    if all(id(o.entry) in index for o in outcomes):  # entries are stored by position, not pickled
        stored = [(index[id(o.entry)], replace(o, entry=None)) for o in outcomes]
        cache.put_verdict(key, stored)


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
    if not ignored_by_path:
        return
    positions: dict[str, list[int]] = {}
    for position, path in enumerate(run.table.column("path")):
        for code in ignored_by_path.get(path, ()):
            positions.setdefault(code, []).append(position)
    for code, where in positions.items():
        run.table.zero(columns[code], where)
