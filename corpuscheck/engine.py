"""Run the rules: Documents -> findings with locations + one feature row per document.

Rules run once per document in plain Python. Large corpora are checked by a
pool of worker processes, fed in bounded chunks so memory stays flat; GX is
imported meanwhile in a background thread (it costs seconds) and only used
afterwards, on the small feature table (:mod:`corpuscheck.gx.validate`).
"""

from __future__ import annotations

import multiprocessing
import os
import threading
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field, replace
from typing import Any, NamedTuple

from corpuscheck.cache import Cache
from corpuscheck.findings import Finding, excerpt
from corpuscheck.fix.edits import hit_edits, line_starts
from corpuscheck.gx.suite import RuleEntry
from corpuscheck.input.document import Document
from corpuscheck.input.html import HTML_SUFFIXES, HtmlOptions
from corpuscheck.input.loader import (
    SUFFIXES, FileStart, HtmlPage, Item, LoadError, ReadLimits, discover, display_path, iter_items,
)
from corpuscheck.rules.base import CorpusRule, DocRef, Hit

CHUNK_DOCS = 256
CHUNK_CHARS = 4_000_000
HTML_PAGE_WEIGHT = 125_000  # characters of text an HTML page counts as: ~32 pages a chunk
HTML_BYTES_FACTOR = 4  # an HTML byte costs about this many text bytes (extraction): ~40 pages go parallel
PARALLEL_BYTES = 16_000_000  # below this, worker start-up costs more than it saves


@dataclass
class FileReport:
    path: str
    documents: int = 0
    errors: list[LoadError] = field(default_factory=list)
    findings: list[Finding] = field(default_factory=list)
    titles: dict[int, str] = field(default_factory=dict)  # record -> title, for documents with findings


def to_finding(
    hit: Hit, entry: RuleEntry, ref: DocRef | Document, line_text: Callable[[int], str] | None, edits=None
) -> Finding:
    """A rule's Hit as a Finding of the document ``ref`` (``edits``: its fix's, see :func:`_edits`)."""
    rule = entry.rule
    text = hit.excerpt if hit.excerpt is not None else (line_text(hit.line) if line_text else "")
    return Finding(
        path=ref.path,
        doc_id=ref.doc_id,
        record=ref.record,
        code=rule.code,
        rule=rule.name,
        severity=entry.severity,
        line=hit.line,
        end_line=hit.end_line or hit.line,
        column=hit.column,
        message=hit.message or rule.message.format(**hit.data),
        excerpt=excerpt(text),
        related={"line": hit.related[0], "end_line": hit.related[1]} if hit.related else None,
        edits=edits,
    )


def _edits(doc: Document, entry: RuleEntry, hit: Hit, starts: list[int]):
    """The hit's fix edits, compact, as `corpuscheck fix` computes them for this finding alone."""
    return tuple(
        (e.start, e.end, e.replacement, e.line, e.column, e.end_line, e.end_column)
        for e in hit_edits(entry.rule, doc, hit, entry.options, starts)
    )


MAX_FINDINGS_PER_RULE = 1_000  # per document; past it one finding says how many more (the count column keeps all)


def _more(hit: Hit, entry: RuleEntry, doc: Document, more: int) -> Finding:
    """The one finding that stands for the ``more`` hits of a rule past MAX_FINDINGS_PER_RULE in a document
    (a page of one repeated line gives one hit per line: listing 60,000 of them costs seconds and hundreds of MB)."""
    message = (f"{more:,} more {entry.rule.name} finding(s) in this document from this line on, not listed "
               f"(at most {MAX_FINDINGS_PER_RULE:,} per rule and document)")
    return replace(to_finding(hit, entry, doc, doc.line), message=message, end_line=hit.line)


def _findings(doc: Document, entry: RuleEntry, starts: list[int]) -> tuple[list[Finding], int]:
    """The entry's findings on ``doc`` and how many hits it had (at most MAX_FINDINGS_PER_RULE
    findings are made, then one that counts the rest); ``starts``: the document's line starts,
    filled on first need."""
    fix = entry.rule.autofix
    hits = list(entry.rule.run(doc, entry.options))
    count = len(hits)
    rest = hits[MAX_FINDINGS_PER_RULE:]
    del hits[MAX_FINDINGS_PER_RULE:]
    if fix is None or fix.kind == "drop-document" or isinstance(entry.rule, CorpusRule) or not hits:
        found = [to_finding(hit, entry, doc, doc.line) for hit in hits]
    else:
        if not starts:
            starts.extend(line_starts(doc))
        found = [to_finding(hit, entry, doc, doc.line, _edits(doc, entry, hit, starts)) for hit in hits]
    if rest:
        found.append(_more(rest[0], entry, doc, len(rest)))
    return found, count


class Checked(NamedTuple):
    """One document's results: findings, feature row, rule crashes, corpus-rule signatures."""

    findings: list[Finding]
    row: dict[str, Any]
    errors: list[LoadError]
    signatures: dict[str, Any]
    ref: DocRef


def check_document(doc: Document, entries: list[RuleEntry], columns: Iterable[str] = ()) -> Checked:
    """Every rule on one document: its findings, its feature row, rule crashes (as errors)
    and, for corpus rules, the signature they judge at the end."""
    findings: list[Finding] = []
    errors: list[LoadError] = []
    signatures: dict[str, Any] = {}
    source = doc.source
    row: dict[str, Any] = {
        "doc_id": doc.doc_id,
        "path": doc.path,
        "record": doc.record,
        "source": source,
        "n_lines": len(doc.lines),
        "n_chars": len(doc.text),
    }
    starts: list[int] = []
    for entry in entries:
        rule = entry.rule
        try:
            found, count = _findings(doc, entry, starts)
            if rule.measure is not None:
                row.update(rule.measures(doc, entry.options))
            if isinstance(rule, CorpusRule):
                signatures[rule.code] = rule.collect(doc, entry.options)
        except Exception as exc:  # a rule bug must not stop the corpus: report it where it happened
            errors.append(LoadError(doc.path, f"rule {rule.code} failed on this document: {exc!r}", record=doc.record))
            found, count = [], 0
            row.update(dict.fromkeys(rule.measure_columns))
        row[rule.column] = count
        findings.extend(found)
    for column in columns:
        if column not in row:
            row[column] = doc.meta.get(column[5:]) if column.startswith("meta.") else getattr(doc, column, None)
    ref = DocRef(doc.doc_id, doc.path, doc.record, source, doc.title)
    return Checked(findings, row, errors, signatures, ref)


Output = Checked | LoadError


@dataclass
class Batch:
    """The columnar results of :func:`check_batch` over a batch of Documents.

    ``columns`` is the feature table: column name -> one value per document, in
    batch order (``doc_id``, ``path``, ``record``, ``source``, ``n_lines``,
    ``n_chars``, one count column per rule, the rules' measures and the asked-for
    extra columns). ``findings`` and ``errors`` (rule crashes) are flat lists;
    ``signatures`` maps each corpus rule's code to ``[(DocRef, signature), ...]``
    for its ``judge`` once every batch is in.
    """

    columns: dict[str, list[Any]] = field(default_factory=dict)
    findings: list[Finding] = field(default_factory=list)
    errors: list[LoadError] = field(default_factory=list)
    signatures: dict[str, list[tuple[DocRef, Any]]] = field(default_factory=dict)
    titles: dict[str, str] = field(default_factory=dict)  # doc_id -> title, for documents with findings

    def __len__(self) -> int:
        return len(self.columns.get("doc_id", ()))

    def rows(self) -> Iterator[dict[str, Any]]:
        names = list(self.columns)
        for values in zip(*(self.columns[n] for n in names), strict=True):
            yield dict(zip(names, values, strict=True))

    def arrow(self):
        """The feature table as a pyarrow Table; rule counts in the smallest unsigned integer type."""
        import pyarrow as pa

        arrays = {}
        for name, values in self.columns.items():
            array = pa.array(values)
            if pa.types.is_integer(array.type) and array.null_count == 0:
                top = max(values, default=0)
                if min(values, default=0) >= 0:
                    array = array.cast(pa.uint8() if top < 2**8 else pa.uint16() if top < 2**16 else pa.uint32())
            arrays[name] = array
        return pa.table(arrays)


def check_batch(docs: Iterable[Document], entries: list[RuleEntry], columns: Iterable[str] = ()) -> Batch:
    """Every rule entry over a batch of Documents, as columnar results (the stable entry point
    other engines call in their workers; corpus rules are judged by the caller over all batches'
    ``signatures`` with :func:`judge_corpus`)."""
    columns = tuple(columns)
    batch = Batch(signatures={e.rule.code: [] for e in entries if isinstance(e.rule, CorpusRule)})
    table: dict[str, list[Any]] = {}
    count = 0
    for doc in docs:
        checked = check_document(doc, entries, columns)
        for name, value in checked.row.items():
            column = table.get(name)
            if column is None:  # a column this batch had not seen yet (a rule's measure failed): None before
                column = table[name] = [None] * count
            column.append(value)
        count += 1
        for column in table.values():
            if len(column) < count:
                column.append(None)
        batch.findings.extend(checked.findings)
        batch.errors.extend(checked.errors)
        if checked.findings and checked.ref.title:
            batch.titles[checked.ref.doc_id] = checked.ref.title
        for code, signature in checked.signatures.items():
            batch.signatures[code].append((checked.ref, signature))
    batch.columns = table
    return batch


def judge_corpus(entries: list[RuleEntry], signatures: dict[str, list[tuple[DocRef, Any]]]):
    """Each corpus rule's ``judge`` over every document's signature: ``(entry, [(DocRef, Hit), ...] | Exception)``."""
    for entry in entries:
        if not isinstance(entry.rule, CorpusRule):
            continue
        pairs = signatures.get(entry.rule.code, [])
        refs = {ref.doc_id: ref for ref, _ in pairs}
        try:
            yield entry, [(refs[doc_id], hit) for doc_id, hit in entry.rule.judge(pairs, entry.options)]
        except Exception as exc:  # the caller reports it; the run goes on
            yield entry, exc


def _check_docs(items: list[Document | HtmlPage], entries: list[RuleEntry], columns: tuple[str, ...]) -> list[list[Output]]:
    """One list of outputs per item: a Document gives its Checked; an HtmlPage is
    extracted here first (in the worker, where the CPU is) and gives its Checked or
    its read errors."""
    results = []
    for item in items:
        if isinstance(item, Document):
            results.append([check_document(item, entries, columns)])
        else:
            results.append(
                [check_document(d, entries, columns) if isinstance(d, Document) else d for d in item.read()]
            )
    return results


# In a worker process: the rule entries and columns, sent once by the pool's initializer
# (pickling them with every chunk would send every rule's examples and docs again).
_WORKER_PLAN: tuple[list[RuleEntry], tuple[str, ...]] | None = None


def _init_worker(entries: list[RuleEntry], columns: tuple[str, ...]) -> None:
    global _WORKER_PLAN
    _WORKER_PLAN = (entries, columns)


def _check_docs_in_worker(docs: list[Document | HtmlPage]):
    assert _WORKER_PLAN is not None, "worker started without _init_worker"
    return _check_docs(docs, *_WORKER_PLAN)


def _chunks(items: Iterator[Item]) -> Iterator[list[Item]]:
    """The stream cut into chunks of up to CHUNK_DOCS documents or CHUNK_CHARS characters.

    File markers and load errors stay in their chunk, in stream order, so a file of
    one article does not make a chunk of its own (one pool task per .txt file was
    the slow part of a folder of articles).
    """
    chunk: list[Item] = []
    docs = size = 0
    for item in items:
        chunk.append(item)
        if isinstance(item, Document):
            docs += 1
            size += len(item.text)
        elif isinstance(item, HtmlPage):  # extraction costs about as much as checking 100 KB of text
            docs += 1
            size += HTML_PAGE_WEIGHT
        if docs >= CHUNK_DOCS or size >= CHUNK_CHARS or len(chunk) >= 4 * CHUNK_DOCS:
            yield chunk
            chunk, docs, size = [], 0, 0
    if chunk:
        yield chunk


def _cost_factor(name: str) -> int:
    return HTML_BYTES_FACTOR if name.lower().endswith(HTML_SUFFIXES) else 1


def corpus_bytes(paths: Iterable[str], limit: int | None = None) -> int:
    """Bytes of the corpus files under ``paths`` (compressed size for ``.gz``), counted
    up to ``limit`` at most: enough to decide whether workers pay off, without
    walking a large corpus twice."""
    total = 0
    seen: set[str] = set()
    stack = [os.fspath(p) for p in reversed(list(paths))]
    while stack:
        path = stack.pop()
        try:
            if os.path.isdir(path):
                real = os.path.realpath(path)
                if real in seen:
                    continue
                seen.add(real)
                with os.scandir(path) as listing:
                    for entry in listing:
                        if entry.name.startswith("."):
                            continue
                        if entry.is_dir():
                            stack.append(entry.path)
                        elif entry.name.lower().endswith(SUFFIXES):
                            total += entry.stat().st_size * _cost_factor(entry.name)
                            if limit is not None and total >= limit:
                                return total
            elif path.lower().endswith(SUFFIXES):
                total += os.path.getsize(path) * _cost_factor(path)
        except OSError:
            continue  # the loader reports it
        if limit is not None and total >= limit:
            return total
    return total


def _cores() -> int:
    """Cores this process may run on (a container's CPU set, not the host's count)."""
    try:
        return len(os.sched_getaffinity(0)) or 1
    except (AttributeError, OSError):
        return os.cpu_count() or 1


def _import_gx_in_background() -> threading.Thread:
    def work():
        try:
            import great_expectations  # noqa: F401
        except Exception:  # validate reports it properly later
            pass

    thread = threading.Thread(target=work, daemon=True, name="import-gx")
    thread.start()
    return thread


@dataclass
class RuleRun:
    files: dict[str, FileReport]
    rows: list[dict[str, Any]]

    @property
    def findings(self) -> list[Finding]:
        return list(self.iter_findings())

    def iter_findings(self) -> Iterator[Finding]:
        for report in self.files.values():
            yield from report.findings


Signatures = dict[str, list[tuple[DocRef, Any]]]


def run_rules(
    paths: list[str],
    entries: list[RuleEntry],
    *,
    columns: Iterable[str] = (),
    text_field: str = "text",
    title_field: str | None = "title",
    jobs: int | None = None,
    progress: Callable[[int], None] | None = None,
    prefetch_gx: bool = False,
    html: HtmlOptions | None = None,
    cache: Cache | None = None,
    limits: ReadLimits | None = None,
) -> RuleRun:
    """Load ``paths`` and run ``entries`` over every document.

    ``jobs``: worker processes (None: all cores when the corpus is large, else 1).
    ``progress`` is called with the number of documents done after each chunk.
    ``cache``: a :class:`corpuscheck.cache.Cache`; files it knows are not read, the
    others are checked and stored (corpus rules then judge all of them together).
    ``limits``: the read bounds (:class:`corpuscheck.input.loader.ReadLimits`).
    """
    columns = tuple(columns)
    options = dict(columns=columns, text_field=text_field, title_field=title_field, jobs=jobs, progress=progress, html=html,
                   limits=limits)
    if cache is None:
        if prefetch_gx:
            _import_gx_in_background()
        files, rows, signatures = _run_fresh(paths, entries, **options)
    else:
        files, rows, signatures = _run_cached(paths, entries, cache, prefetch_gx, **options)
    corpus_entries = [e for e in entries if isinstance(e, RuleEntry) and isinstance(e.rule, CorpusRule)]
    _judge_corpus(corpus_entries, signatures, files, rows)
    return RuleRun(files, rows)


def _run_cached(paths, entries, cache: Cache, prefetch_gx: bool, **options):
    """Cached files from the cache, the others checked (and then stored), all in discovery order."""
    order: list[str] = []
    known: dict[str, tuple] = {}
    fresh: list[str] = []
    errors: dict[str, LoadError] = {}
    for found in discover(paths):
        if isinstance(found, LoadError):
            errors[found.path] = found
            order.append(found.path)
            continue
        shown = display_path(found)
        order.append(shown)
        entry = cache.get_file(found)
        if entry is None:
            fresh.append(found)
        else:
            known[shown] = entry
    if prefetch_gx and fresh:
        _import_gx_in_background()
    if fresh:
        f_files, f_rows, f_signatures = _run_fresh(fresh, entries, **options)
        rows_of: dict[str, list] = {}
        for row in f_rows:
            rows_of.setdefault(row["path"], []).append(row)
        signatures_of: dict[str, Signatures] = {}
        for code, pairs in f_signatures.items():
            for ref, signature in pairs:
                signatures_of.setdefault(ref.path, {}).setdefault(code, []).append((ref, signature))
        for path in fresh:
            shown = display_path(path)
            report = f_files.get(shown)
            if report is None:
                continue
            entry = (report, rows_of.get(shown, []), signatures_of.get(shown, {}))
            cache.put_file(path, entry)  # pickled now: before the corpus rules add their findings
            known[shown] = entry
    files: dict[str, FileReport] = {}
    rows: list[dict[str, Any]] = []
    signatures: Signatures = {e.rule.code: [] for e in entries if isinstance(e.rule, CorpusRule)}
    for shown in order:
        if shown in errors:
            files.setdefault(shown, FileReport(shown)).errors.append(errors[shown])
            continue
        if shown not in known:
            continue
        report, file_rows, file_signatures = known[shown]
        files[shown] = report
        rows.extend(file_rows)
        for code, pairs in file_signatures.items():
            signatures.setdefault(code, []).extend(pairs)
    return files, rows, signatures


def _run_fresh(
    paths: list[str],
    entries: list[RuleEntry],
    *,
    columns: tuple[str, ...],
    text_field: str,
    title_field: str | None,
    jobs: int | None,
    progress: Callable[[int], None] | None,
    html: HtmlOptions | None,
    limits: ReadLimits | None = None,
) -> tuple[dict[str, FileReport], list[dict[str, Any]], Signatures]:
    """Every document of ``paths`` through ``entries``: reports, rows and the corpus rules'
    signatures, in stream order (the corpus rules not judged yet)."""
    files: dict[str, FileReport] = {}
    rows: list[dict[str, Any]] = []

    if jobs is None:
        jobs = _cores() if corpus_bytes(paths, PARALLEL_BYTES) >= PARALLEL_BYTES else 1

    corpus_entries = [e for e in entries if isinstance(e, RuleEntry) and isinstance(e.rule, CorpusRule)]
    signatures: dict[str, list[tuple[DocRef, Any]]] = {e.rule.code: [] for e in corpus_entries}

    def collect(chunk: list[Item | None], results: list) -> None:
        """Fold one chunk into the report, in stream order. ``results`` holds one
        ``check_document`` result per document slot of the chunk (a Document, or
        None where the Document was sent to a worker)."""
        found = iter(results)
        done = 0
        for item in chunk:
            if isinstance(item, FileStart):
                files.setdefault(item.path, FileReport(item.path))
            elif isinstance(item, LoadError):
                files.setdefault(item.path, FileReport(item.path)).errors.append(item)
            else:  # a Document or an HtmlPage, here or in a worker: its outputs
                for result in next(found):
                    if isinstance(result, LoadError):
                        files.setdefault(result.path, FileReport(result.path)).errors.append(result)
                        continue
                    row = result.row
                    report = files.get(row["path"]) or files.setdefault(row["path"], FileReport(row["path"]))
                    report.documents += 1
                    report.findings.extend(result.findings)
                    report.errors.extend(result.errors)
                    if result.findings and result.ref.title:
                        report.titles[result.ref.record] = result.ref.title
                    for code, signature in result.signatures.items():
                        signatures[code].append((result.ref, signature))
                    rows.append(row)
                    done += 1
        if progress and done:
            progress(done)

    items = iter_items(paths, text_field=text_field, title_field=title_field, html=html, defer_html=jobs > 1, limits=limits)
    if jobs <= 1:
        for chunk in _chunks(items):
            collect(chunk, _check_docs([i for i in chunk if isinstance(i, Document)], entries, columns))
        return files, rows, signatures

    context = multiprocessing.get_context("spawn")  # never fork a process that has threads
    with ProcessPoolExecutor(
        max_workers=jobs, mp_context=context, initializer=_init_worker, initargs=(list(entries), columns)
    ) as pool:
        # At most 2 * jobs + 1 chunks are in flight: memory stays flat whatever the corpus size.
        pending: deque = deque()
        for chunk in _chunks(items):
            docs = [i for i in chunk if isinstance(i, Document | HtmlPage)]
            future = pool.submit(_check_docs_in_worker, docs) if docs else None
            # keep only the markers here; the worker's results stand in for the documents
            pending.append(([None if isinstance(i, Document | HtmlPage) else i for i in chunk], future))
            while len(pending) > 2 * jobs or (pending and pending[0][1] is None):
                markers, done = pending.popleft()
                collect(markers, done.result() if done is not None else [])
        while pending:
            markers, done = pending.popleft()
            collect(markers, done.result() if done is not None else [])
    return files, rows, signatures


def reported_lines(files: dict[str, FileReport], codes: tuple[str, ...]) -> set[tuple[str, int, int]]:
    """``(path, record, line)`` of every line a finding of ``codes`` covers."""
    if not codes:
        return set()
    return {
        (path, f.record, line)
        for path, report in files.items()
        for f in report.findings
        if f.code in codes
        for line in range(f.line, f.end_line + 1)
    }


def _judge_corpus(
    entries: list[RuleEntry],
    signatures: dict[str, list[tuple[DocRef, Any]]],
    files: dict[str, FileReport],
    rows: list[dict[str, Any]],
) -> None:
    """Corpus rules, once every document is in: their findings join the files, their counts the rows."""
    if not entries:
        return
    row_of = {row["doc_id"]: row for row in rows}
    for entry, judged in judge_corpus(entries, signatures):
        if isinstance(judged, Exception):  # reported on every file, the run goes on
            for report in files.values():
                report.errors.append(LoadError(report.path, f"corpus rule {entry.rule.code} failed: {judged!r}"))
            continue
        taken = reported_lines(files, entry.rule.defers_to)
        for ref, hit in judged:
            if (ref.path, ref.record, hit.line) in taken:
                continue  # another rule reports this line already (B101 before B102)
            report = files[ref.path]
            report.findings.append(to_finding(hit, entry, ref, None))
            if ref.title:
                report.titles.setdefault(ref.record, ref.title)
            row_of[ref.doc_id][entry.rule.column] += 1


def rows(documents: Iterable[Document]):
    """One pandas row per Document (path, record, title, dateline, body, line count, meta).

    The dateline is found by the news rules' grammar (a Document itself knows no news conventions)."""
    import pandas as pd

    from corpuscheck.rules.news.dateline import find_dateline

    def dateline(d: Document) -> str | None:
        found = find_dateline(d)
        return found.text if found else None

    return pd.DataFrame(
        [
            {
                "doc_id": d.doc_id,
                "path": d.path,
                "record": d.record,
                "title": d.title,
                "dateline": dateline(d),
                "body": d.body,
                "body_start": d.body_start,
                "n_lines": len(d.lines),
                **{f"meta.{k}": v for k, v in d.meta.items()},
            }
            for d in documents
        ]
    )
