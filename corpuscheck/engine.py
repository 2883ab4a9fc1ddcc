"""Run the rules: Documents -> findings with locations + one feature row per document.

Rules run once per document in plain Python. Large corpora are checked by a
pool of worker processes, fed in bounded chunks so memory stays flat; GX is
imported meanwhile in a background thread (it costs seconds) and only used
afterwards, on the small feature table (:mod:`corpuscheck.validate`).
"""

from __future__ import annotations

import multiprocessing
import os
import threading
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from typing import Any

from corpuscheck.document import Document
from corpuscheck.findings import Finding, excerpt
from corpuscheck.loader import SUFFIXES, FileStart, Item, LoadError, iter_items
from corpuscheck.suite import RuleEntry

CHUNK_DOCS = 256
CHUNK_CHARS = 4_000_000
PARALLEL_BYTES = 16_000_000  # below this, worker start-up costs more than it saves


@dataclass
class FileReport:
    path: str
    documents: int = 0
    errors: list[LoadError] = field(default_factory=list)
    findings: list[Finding] = field(default_factory=list)


def _findings(doc: Document, entry: RuleEntry) -> list[Finding]:
    rule = entry.rule
    out = []
    for hit in rule.run(doc, entry.options):
        end = hit.end_line or hit.line
        message = hit.message or rule.message.format(**hit.data)
        text = hit.excerpt if hit.excerpt is not None else doc.line(hit.line)
        out.append(
            Finding(
                path=doc.path,
                doc_id=doc.doc_id,
                record=doc.record,
                code=rule.code,
                rule=rule.name,
                severity=entry.severity,
                line=hit.line,
                end_line=end,
                column=hit.column,
                message=message,
                excerpt=excerpt(text),
                related={"line": hit.related[0], "end_line": hit.related[1]} if hit.related else None,
            )
        )
    return out


def check_document(
    doc: Document, entries: list[RuleEntry], columns: Iterable[str] = ()
) -> tuple[list[Finding], dict[str, Any], list[LoadError]]:
    """Every rule on one document: its findings, its feature row, and rule crashes (as errors)."""
    findings: list[Finding] = []
    errors: list[LoadError] = []
    row: dict[str, Any] = {
        "doc_id": doc.doc_id,
        "path": doc.path,
        "record": doc.record,
        "n_lines": len(doc.lines),
        "n_chars": len(doc.text),
    }
    for entry in entries:
        try:
            found = _findings(doc, entry)
        except Exception as exc:  # a rule bug must not stop the corpus: report it where it happened
            errors.append(LoadError(doc.path, f"rule {entry.rule.code} failed on this document: {exc!r}", record=doc.record))
            found = []
        row[entry.rule.column] = len(found)
        findings.extend(found)
    for column in columns:
        if column not in row:
            row[column] = doc.meta.get(column[5:]) if column.startswith("meta.") else getattr(doc, column, None)
    return findings, row, errors


def _check_docs(docs: list[Document], entries: list[RuleEntry], columns: tuple[str, ...]):
    return [check_document(doc, entries, columns) for doc in docs]


# In a worker process: the rule entries and columns, sent once by the pool's initializer
# (pickling them with every chunk would send every rule's examples and docs again).
_WORKER_PLAN: tuple[list[RuleEntry], tuple[str, ...]] | None = None


def _init_worker(entries: list[RuleEntry], columns: tuple[str, ...]) -> None:
    global _WORKER_PLAN
    _WORKER_PLAN = (entries, columns)


def _check_docs_in_worker(docs: list[Document]):
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
        if docs >= CHUNK_DOCS or size >= CHUNK_CHARS or len(chunk) >= 4 * CHUNK_DOCS:
            yield chunk
            chunk, docs, size = [], 0, 0
    if chunk:
        yield chunk


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
                            total += entry.stat().st_size
                            if limit is not None and total >= limit:
                                return total
            elif path.lower().endswith(SUFFIXES):
                total += os.path.getsize(path)
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
        return [f for report in self.files.values() for f in report.findings]


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
) -> RuleRun:
    """Load ``paths`` and run ``entries`` over every document.

    ``jobs``: worker processes (None: all cores when the corpus is large, else 1).
    ``progress`` is called with the number of documents done after each chunk.
    """
    if prefetch_gx:
        _import_gx_in_background()
    columns = tuple(columns)
    files: dict[str, FileReport] = {}
    rows: list[dict[str, Any]] = []

    if jobs is None:
        jobs = _cores() if corpus_bytes(paths, PARALLEL_BYTES) >= PARALLEL_BYTES else 1

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
            else:
                findings, row, errors = next(found)
                report = files.get(row["path"]) or files.setdefault(row["path"], FileReport(row["path"]))
                report.documents += 1
                report.findings.extend(findings)
                report.errors.extend(errors)
                rows.append(row)
                done += 1
        if progress and done:
            progress(done)

    items = iter_items(paths, text_field=text_field, title_field=title_field)
    if jobs <= 1:
        for chunk in _chunks(items):
            collect(chunk, _check_docs([i for i in chunk if isinstance(i, Document)], entries, columns))
        return RuleRun(files, rows)

    context = multiprocessing.get_context("spawn")  # never fork a process that has threads
    with ProcessPoolExecutor(
        max_workers=jobs, mp_context=context, initializer=_init_worker, initargs=(list(entries), columns)
    ) as pool:
        # At most 2 * jobs + 1 chunks are in flight: memory stays flat whatever the corpus size.
        pending: deque = deque()
        for chunk in _chunks(items):
            docs = [i for i in chunk if isinstance(i, Document)]
            future = pool.submit(_check_docs_in_worker, docs) if docs else None
            # keep only the markers here; the worker's results stand in for the documents
            pending.append(([None if isinstance(i, Document) else i for i in chunk], future))
            while len(pending) > 2 * jobs or (pending and pending[0][1] is None):
                markers, done = pending.popleft()
                collect(markers, done.result() if done is not None else [])
        while pending:
            markers, done = pending.popleft()
            collect(markers, done.result() if done is not None else [])
    return RuleRun(files, rows)
