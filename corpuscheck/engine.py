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
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from typing import Any, Callable, Iterable, Iterator

from corpuscheck.document import Document
from corpuscheck.findings import Finding, excerpt
from corpuscheck.loader import FileStart, LoadError, discover, iter_items
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


def _check_chunk(chunk: list[Document], entries: list[RuleEntry], columns: tuple[str, ...]):
    return [check_document(doc, entries, columns) for doc in chunk]


def _chunks(items: Iterator, on_other: Callable[[Any], None]) -> Iterator[list[Document]]:
    chunk: list[Document] = []
    size = 0
    for item in items:
        if not isinstance(item, Document):
            if chunk:  # keep file order: flush before the next file's marker
                yield chunk
                chunk, size = [], 0
            on_other(item)
            continue
        chunk.append(item)
        size += len(item.text)
        if len(chunk) >= CHUNK_DOCS or size >= CHUNK_CHARS:
            yield chunk
            chunk, size = [], 0
    if chunk:
        yield chunk


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
        total = sum(os.path.getsize(p) for p in discover(paths) if isinstance(p, str))
        jobs = (os.cpu_count() or 1) if total >= PARALLEL_BYTES else 1

    def on_other(item):
        if isinstance(item, FileStart):
            files.setdefault(item.path, FileReport(item.path))
        elif isinstance(item, LoadError):
            files.setdefault(item.path, FileReport(item.path)).errors.append(item)

    def collect(results):
        for findings, row, errors in results:
            report = files.setdefault(row["path"], FileReport(row["path"]))
            report.documents += 1
            report.findings.extend(findings)
            report.errors.extend(errors)
            rows.append(row)
        if progress:
            progress(len(results))

    items = iter_items(paths, text_field=text_field, title_field=title_field)
    chunks = _chunks(items, on_other)
    if jobs <= 1:
        for chunk in chunks:
            collect(_check_chunk(chunk, entries, columns))
    else:
        context = multiprocessing.get_context("spawn")  # never fork a process that has threads
        with ProcessPoolExecutor(max_workers=jobs, mp_context=context) as pool:
            pending: deque = deque()
            for chunk in chunks:
                pending.append(pool.submit(_check_chunk, chunk, entries, columns))
                while len(pending) > 2 * jobs:
                    collect(pending.popleft().result())
            while pending:
                collect(pending.popleft().result())
    return RuleRun(files, rows)
