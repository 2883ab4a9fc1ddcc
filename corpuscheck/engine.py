"""Run the rules: Documents -> findings with locations + one feature row per document.

Rules run once per document in plain Python. The main process walks the
folders and hands out work units (files, or byte ranges of large JSONL files,
:class:`corpuscheck.input.loader.Piece`); worker processes read them, run the
rules and send back compact results: findings, the feature table as columns
(:class:`corpuscheck.table.Table`, counts in small unsigned ints) and the corpus
rules' signatures. At most 2 * jobs + 1 units are in flight; findings beyond a
bound spill to disk (:mod:`corpuscheck.spill`). GX is imported meanwhile in a
background thread (it costs seconds), only once a file needs its rules run, and
used afterwards on the feature table (:mod:`corpuscheck.gx.validate`).
"""

from __future__ import annotations

import multiprocessing
import os
import pickle
import threading
import zlib
from bisect import bisect_right
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field, replace
from typing import Any, NamedTuple

from corpuscheck.cache import Cache, FilesKey
from corpuscheck.findings import Finding, excerpt, message
from corpuscheck.fix.edits import hit_edits, line_starts
from corpuscheck.gx.suite import RuleEntry
from corpuscheck.input.document import Document
from corpuscheck.input.html import HTML_SUFFIXES, HtmlOptions
from corpuscheck.input.loader import (
    MAX_ERRORS_PER_FILE,
    RANGE_BYTES,
    SUFFIXES,
    LoadError,
    Piece,
    ReadLimits,
    discover,
    display_path,
    pieces,
    read_piece,
)
from corpuscheck.rules.base import CorpusRule, DocRef, Hit
from corpuscheck.spill import SPILL_FINDINGS, FindingList, PairCounter, SpillStore
from corpuscheck.table import Table

HTML_BYTES_FACTOR = 4  # an HTML byte costs about this many text bytes (extraction): ~40 pages go parallel
PARALLEL_BYTES = 16_000_000  # below this, worker start-up costs more than it saves
CORPUS_CACHE_FINDINGS = 100_000  # a corpus rule with more findings is judged again on a cached run (held to be put)


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
        message=hit.message or message(rule.message, hit.data),
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
    gathered = _Rows()
    for doc in docs:
        checked = check_document(doc, entries, columns)
        gathered.add(checked.row)
        batch.findings.extend(checked.findings)
        batch.errors.extend(checked.errors)
        if checked.findings and checked.ref.title:
            batch.titles[checked.ref.doc_id] = checked.ref.title
        for code, signature in checked.signatures.items():
            batch.signatures[code].append((checked.ref, signature))
    batch.columns = gathered.columns
    return batch


def judge_corpus(entries: list[RuleEntry], signatures: dict[str, list[tuple[DocRef, Any]]]):
    """Each corpus rule's ``judge`` over every document's signature: ``(entry, [(DocRef, Hit), ...] | Exception)``."""
    for entry in entries:
        if not isinstance(entry.rule, CorpusRule):
            continue
        pairs = signatures.get(entry.rule.code, [])
        try:
            yield entry, [(ref, hit) for ref, _, hit in _resolved(entry.rule.judge(pairs, entry.options), pairs, False)]
        except Exception as exc:  # the caller reports it; the run goes on
            yield entry, exc


class _Rows:
    """Feature rows gathered column by column (a column first seen late is None before)."""

    def __init__(self):
        self.columns: dict[str, list[Any]] = {}
        self.count = 0

    def add(self, row: dict[str, Any]) -> None:
        table, count = self.columns, self.count
        for name, value in row.items():
            column = table.get(name)
            if column is None:  # a column this batch had not seen yet (a rule's measure failed): None before
                column = table[name] = [None] * count
            column.append(value)
        self.count = count = count + 1
        for column in table.values():
            if len(column) < count:
                column.append(None)

    def table(self, start: int = 0, stop: int | None = None) -> Table:
        if start == 0 and stop is None:
            return Table.from_columns(self.columns)
        return Table.from_columns({name: values[start:stop] for name, values in self.columns.items()})


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


# --- the streaming engine: work units out, compact results back ---------------------------------

UNIT_BYTES = 4_000_000  # bytes of corpus files per work unit (an HTML byte counts HTML_BYTES_FACTOR)
UNIT_FILES = 256  # files per work unit at most (a folder of small articles)
CLEAN_FILES_KEPT = 10_000  # files without findings or errors get a FileReport only up to this many files


@dataclass
class PieceResult:
    """What a worker found in one Piece: everything but the feature rows and signatures."""

    shown: str
    first: bool  # the file's first piece: counts the file
    documents: int = 0
    errors: list[LoadError] = field(default_factory=list)
    findings: list[Finding] = field(default_factory=list)
    titles: dict[int, str] = field(default_factory=dict)


@dataclass
class UnitResult:
    """A work unit's compact results: per piece, the feature table, the corpus rules' signatures."""

    pieces: list[PieceResult]
    table: Table
    signatures: dict[str, list[tuple[DocRef, Any]]]


@dataclass(frozen=True)
class Plan:
    """What every worker needs, sent once by the pool's initializer."""

    entries: list[RuleEntry]
    columns: tuple[str, ...]
    text_field: str
    title_field: str | None
    html: HtmlOptions | None
    cache: Cache | None
    limits: ReadLimits | None = None  # the read bounds (None: the loader's defaults)


def check_unit(unit: list[Piece], plan: Plan) -> UnitResult:
    """Read the unit's pieces here (never in the main process) and run every rule over their
    documents; a whole file's results go to the cache (before the corpus rules judge)."""
    corpus_codes = [e.rule.code for e in plan.entries if isinstance(e.rule, CorpusRule)]
    signatures: dict[str, list[tuple[DocRef, Any]]] = {code: [] for code in corpus_codes}
    gathered = _Rows()
    results = []
    for piece in unit:
        found = PieceResult(piece.shown, first=piece.start == 0)
        first_row = gathered.count
        marks = {code: len(pairs) for code, pairs in signatures.items()}
        for item in read_piece(piece, plan.text_field, plan.title_field, plan.html, plan.limits):
            if isinstance(item, LoadError):
                found.errors.append(item)
                continue
            checked = check_document(item, plan.entries, plan.columns)
            gathered.add(checked.row)
            found.documents += 1
            found.findings.extend(checked.findings)
            found.errors.extend(checked.errors)
            if checked.findings and checked.ref.title:
                found.titles[checked.ref.record] = checked.ref.title
            for code, signature in checked.signatures.items():
                signatures[code].append((checked.ref, signature))
        if plan.cache is not None and piece.whole:
            report = FileReport(piece.shown, found.documents, list(found.errors), list(found.findings), dict(found.titles))
            mine = {code: pairs[marks[code]:] for code, pairs in signatures.items()}
            plan.cache.put_file(piece.path, (report, gathered.table(first_row), mine))
        results.append(found)
    return UnitResult(results, gathered.table(), signatures)


_WORKER_PLAN: Plan | None = None


def _init_worker(plan: Plan) -> None:
    global _WORKER_PLAN
    _WORKER_PLAN = plan


def _check_unit_in_worker(unit: list[Piece]) -> UnitResult:
    assert _WORKER_PLAN is not None, "worker started without _init_worker"
    return check_unit(unit, _WORKER_PLAN)


def _units(found: Iterable[Piece | LoadError | tuple]) -> Iterator[list]:
    """Pieces grouped into work units of about UNIT_BYTES; a LoadError or a cached file
    (a tuple) is a unit of its own, in stream order."""
    unit: list[Piece] = []
    size = 0
    for item in found:
        if not isinstance(item, Piece):
            if unit:
                yield unit
                unit, size = [], 0
            yield item
            continue
        if item.whole:
            try:
                weight = os.path.getsize(item.path) * _cost_factor(item.path)
            except OSError:
                weight = 0
        else:
            weight = (item.end - item.start) if item.end is not None else RANGE_BYTES
        unit.append(item)
        size += weight
        if size >= UNIT_BYTES or len(unit) >= UNIT_FILES:
            yield unit
            unit, size = [], 0
    if unit:
        yield unit


class _Fold:
    """The run's results, folded in stream order in the main process: FileReports for files
    with findings or errors (and every file of a small corpus), the feature tables, the
    corpus rules' signatures; findings beyond the memory bound spill to disk."""

    def __init__(self, corpus_codes: list[str], spill_findings: int = SPILL_FINDINGS):
        self.files: dict[str, FileReport] = {}
        self.first_row: dict[str, int] = {}
        self.file_count = 0
        self.rows = 0
        self.tables: list[Table] = []
        self.spill_findings = spill_findings
        self.signatures: Signatures = {code: FindingList() for code in corpus_codes}
        self.refs = _Refs()  # the signatures' documents, as rows of the feature table
        self.pairs_in_memory = 0
        self.store: SpillStore | None = None
        self.in_memory = 0
        self.holding: list[FindingList] = []
        self.listed: dict[str, int] = {}  # errors listed per file split in ranges (capped as one file)
        self.hidden: dict[str, int] = {}

    def report(self, shown: str, at: int | None = None) -> FileReport:
        """The file's FileReport (made now, its place in the stream: row ``at``, default the next row)."""
        report = self.files.get(shown)
        if report is None:
            report = self.files[shown] = FileReport(shown, findings=FindingList(store=self.store))
            self.first_row.setdefault(shown, self.rows if at is None else at)
        return report

    def error(self, error: LoadError) -> None:
        self.file_count += 1
        self.report(error.path).errors.append(error)

    def piece(self, found: PieceResult, whole: bool, at: int) -> None:
        if found.first:
            self.file_count += 1
        if not whole:
            found.errors = self._cap(found.shown, found.errors)
        if found.findings or found.errors or not whole or self.file_count <= CLEAN_FILES_KEPT:
            report = self.report(found.shown, at)
            report.documents += found.documents
            report.errors.extend(found.errors)
            report.titles.update(found.titles)
            if found.findings:
                self._hold(report, found.findings)

    def _cap(self, shown: str, errors: list[LoadError]) -> list[LoadError]:
        listed = self.listed.get(shown, 0)
        room = max(0, MAX_ERRORS_PER_FILE - listed)
        self.listed[shown] = listed + min(room, len(errors))
        if len(errors) > room:
            self.hidden[shown] = self.hidden.get(shown, 0) + len(errors) - room
        return errors[:room]

    def _hold(self, report: FileReport, findings: list[Finding]) -> None:
        kept = report.findings
        if not isinstance(kept, FindingList):
            kept = report.findings = FindingList(kept, store=self.store)
        if not kept.in_memory:
            self.holding.append(kept)
        kept.extend(findings)
        self.in_memory += len(findings)
        if self.in_memory > self.spill_findings:
            self.spill()

    def spill(self) -> None:
        if self.store is None:
            self.store = SpillStore()
        for kept in self.holding:
            kept._store = self.store
            kept.spill()
        self.holding, self.in_memory = [], 0

    def unit(self, unit: list[Piece], result: UnitResult) -> int:
        at = self.rows
        for piece, found in zip(unit, result.pieces, strict=True):
            self.piece(found, piece.whole, at)
            at += found.documents
        self._rows(result.table, result.signatures)
        return len(result.table)

    def cached(self, entry: tuple) -> int:
        report, table, signatures = entry
        self.file_count += 1
        if report.findings or report.errors or self.file_count <= CLEAN_FILES_KEPT:
            kept = self.report(report.path)
            kept.documents += report.documents
            kept.errors.extend(report.errors)
            kept.titles.update(report.titles)
            if report.findings:
                self._hold(kept, report.findings)
        self._rows(table, signatures)
        return len(table)

    def _rows(self, table: Table, signatures: Signatures) -> None:
        start = self.rows
        if len(table):
            self.tables.append(table)
            self.rows += len(table)
        if any(signatures.values()):
            signatures = self.refs.rows_of(table, start, signatures)
        for code, pairs in signatures.items():
            self.signatures.setdefault(code, FindingList()).extend(pairs)
            self.pairs_in_memory += len(pairs)
        if self.pairs_in_memory > self.spill_findings // 2:  # a document's signatures weigh ~2 KB in memory
            if self.store is None:
                self.store = SpillStore()
            for kept in self.signatures.values():
                kept._store = self.store
                kept.spill()
            self.pairs_in_memory = 0

    def finish(self) -> tuple[dict[str, FileReport], Table]:
        for shown, count in self.hidden.items():
            self.files[shown].errors.append(LoadError(shown, f"{count} more error(s) in this file not listed"))
        table = Table.concat(self.tables)
        self.tables = [table]
        self.refs.table = table
        return self.files, table

    def pairs(self) -> Signatures:
        """Each corpus rule's ``(DocRef-like, signature)`` pairs, for its judge (after :meth:`finish`)."""
        return {code: _Pairs(kept, self.refs) for code, kept in self.signatures.items()}


class RowRef:
    """A DocRef read from the feature table (``doc_id``, ``path``, ``record``, ``source``) and
    the run's compressed titles: what a corpus rule's judge keeps of a document costs an object
    of two slots (~60 bytes), not a DocRef with four strings of its own (~400 bytes)."""

    __slots__ = ("_refs", "row")

    def __init__(self, refs: _Refs, row: int):
        self._refs, self.row = refs, row

    @property
    def doc_id(self) -> str:
        return self._refs.table.value("doc_id", self.row)

    @property
    def path(self) -> str:
        return self._refs.table.value("path", self.row)

    @property
    def record(self) -> int:
        return self._refs.table.value("record", self.row)

    @property
    def source(self) -> str:
        return self._refs.table.value("source", self.row)

    @property
    def title(self) -> str | None:
        return self._refs.title(self.row)

    def docref(self) -> DocRef:
        return DocRef(self.doc_id, self.path, self.record, self.source, self.title)

    def __eq__(self, other) -> bool:
        if isinstance(other, RowRef | DocRef):
            return self.docref() == (other.docref() if isinstance(other, RowRef) else other)
        return NotImplemented

    def __hash__(self) -> int:
        return hash(self.docref())

    def __reduce__(self):
        return DocRef, (self.doc_id, self.path, self.record, self.source, self.title)

    def __repr__(self) -> str:
        return f"RowRef({self.row}, {self.doc_id!r})"


class _Refs:
    """The documents of the corpus rules' signatures: their rows of the feature table (bound by
    :meth:`_Fold.finish`) and their titles, compressed a work unit at a time (~40 bytes a document)."""

    def __init__(self):
        self.table: Table | None = None
        self._starts: list[int] = []
        self._blobs: list[bytes] = []
        self._open: tuple[int, dict[int, str]] = (-1, {})

    def rows_of(self, table: Table, start: int, signatures: Signatures) -> dict[str, list[tuple[Any, Any]]]:
        """``signatures`` with each DocRef replaced by its row (``start`` + its place in ``table``);
        a DocRef that does not match its row's values is kept as it is."""
        paths, records = table.column("path"), table.column("record")
        ids, sources = table.column("doc_id"), table.column("source")
        where = {(path, record): i for i, (path, record) in enumerate(zip(paths, records, strict=True))}
        titles: dict[int, str] = {}
        out: dict[str, list[tuple[Any, Any]]] = {}
        for code, pairs in signatures.items():
            rows = out[code] = []
            for ref, signature in pairs:
                i = where.get((ref.path, ref.record)) if isinstance(ref, DocRef) else None
                if i is None or ids[i] != ref.doc_id or sources[i] != ref.source:
                    rows.append((ref, signature))
                    continue
                if ref.title is not None:
                    titles[start + i] = ref.title
                rows.append((start + i, signature))
        if titles:
            self._starts.append(start)
            self._blobs.append(zlib.compress(pickle.dumps(titles, protocol=pickle.HIGHEST_PROTOCOL), 1))
        return out

    def title(self, row: int) -> str | None:
        at = bisect_right(self._starts, row) - 1
        if at < 0:
            return None
        if self._open[0] != at:
            self._open = (at, pickle.loads(zlib.decompress(self._blobs[at])))
        return self._open[1].get(row)


class _Pairs:
    """A corpus rule's ``(ref, signature)`` pairs as its judge reads them (as often as it wants):
    rows come back as :class:`RowRef`."""

    def __init__(self, kept: FindingList, refs: _Refs):
        self._kept, self._refs = kept, refs

    def __len__(self) -> int:
        return len(self._kept)

    def __iter__(self) -> Iterator[tuple[Any, Any]]:
        refs = self._refs
        for ref, signature in self._kept:
            yield (RowRef(refs, ref) if type(ref) is int else ref), signature


@dataclass
class RuleRun:
    """The rules' results: FileReports (see :class:`_Fold` for which files have one), the
    feature table (one row per document) and the number of files read."""

    files: dict[str, FileReport]
    _rows: list[dict[str, Any]] | None = None
    table: Table | None = None
    file_count: int | None = None
    store: SpillStore | None = None
    first_row: dict[str, int] = field(default_factory=dict)  # path -> its first row (its place in the stream)
    files_key: str | None = None  # with a cache: the hash of every file's content key (corpuscheck.cache.FilesKey)

    def __post_init__(self):
        if self.table is None:
            self.table = Table.from_rows(self._rows or [])
        self._rows = None
        if self.file_count is None:
            self.file_count = len(self.files)
        self._documents: dict[str, int] | None = None

    @property
    def rows(self) -> list[dict[str, Any]]:
        """The feature table as row dicts (built on each call: for small runs and tests)."""
        return list(self.table.rows())

    @property
    def findings(self) -> list[Finding]:
        return list(self.iter_findings())

    def iter_findings(self) -> Iterator[Finding]:
        for report in self.files.values():
            yield from report.findings

    def documents_of(self, path: str) -> int:
        if self._documents is None:
            self._documents = {}
            for value in self.table.column("path"):
                self._documents[value] = self._documents.get(value, 0) + 1
        return self._documents.get(path, 0)

    def report_for(self, path: str) -> FileReport:
        """The file's FileReport, made (with its document count) when the file had none."""
        report = self.files.get(path)
        if report is None:
            report = self.files[path] = FileReport(path, self.documents_of(path), findings=FindingList(store=self.store))
        return report

    def positions(self, doc_ids: Iterable[str]) -> dict[str, int]:
        """Row position of each of ``doc_ids`` (one pass over the doc_id column)."""
        wanted = set(doc_ids)
        if not wanted:
            return {}
        return {d: i for i, d in enumerate(self.table.column("doc_id")) if d in wanted}

    def in_order(self) -> None:
        """Files in stream order (those given a report late, for a corpus rule's or GX's finding,
        where their first row is). Without ``first_row`` (another engine), the order is kept."""
        if not self.first_row:
            return
        late = {p for p in self.files if p not in self.first_row}
        if not late:
            return
        where = self.first_row
        for position, value in enumerate(self.table.column("path")):
            if value in late and value not in where:
                where[value] = position
        # at a tie, a file with rows (first_row = its first row) goes after the error-only files before it
        self.files = dict(sorted(self.files.items(), key=lambda item: where.get(item[0], len(self.table))))


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
    spill_findings: int | None = None,
    limits: ReadLimits | None = None,
) -> RuleRun:
    """Load ``paths`` and run ``entries`` over every document.

    The main process only walks the folders and hands out work units (files, or byte
    ranges of large JSONL files); the workers read them and send back compact results
    (findings, a columnar feature table, corpus-rule signatures), folded here in stream
    order. ``jobs``: worker processes (None: all cores when the corpus is large, else 1).
    ``progress`` is called with the number of documents done after each unit. ``cache``: a
    :class:`corpuscheck.cache.Cache`; files it knows are not read, the others are checked
    and stored by the worker that checked them (corpus rules then judge all of them
    together). More than ``spill_findings`` findings in memory (default SPILL_FINDINGS) go to a
    temporary file. ``limits``: the read bounds (:class:`corpuscheck.input.loader.ReadLimits`).
    """
    columns = tuple(columns)
    corpus_entries = [e for e in entries if isinstance(e, RuleEntry) and isinstance(e.rule, CorpusRule)]
    fold = _Fold([e.rule.code for e in corpus_entries], SPILL_FINDINGS if spill_findings is None else spill_findings)
    plan = Plan(list(entries), columns, text_field, title_field, html, cache, limits)
    files_key = FilesKey() if cache is not None else None  # keys the corpus rules' verdicts and the report

    def stream() -> Iterator[Piece | LoadError | tuple]:
        imported = False
        for found in discover(paths):
            if isinstance(found, LoadError):
                if files_key is not None:
                    files_key.add_error(found)
                yield found
                continue
            shown = display_path(found)
            known = cache.get_file(found) if cache is not None else None
            if files_key is not None:
                files_key.add(cache.file_key(found))
            if known is not None and len(known) == 3 and isinstance(known[1], Table):
                yield known
                continue
            if prefetch_gx and not imported:  # only once a file needs its rules run (a warm cache needs no GX)
                _import_gx_in_background()
                imported = True
            if cache is not None:  # a cached file is stored whole, by one worker
                yield Piece(found, shown)
            else:
                yield from pieces(found, shown)

    if jobs is None:
        jobs = _cores() if corpus_bytes(paths, PARALLEL_BYTES) >= PARALLEL_BYTES else 1

    def fold_in(unit, result) -> None:
        if isinstance(unit, LoadError):
            fold.error(unit)
            return
        done = fold.cached(unit) if isinstance(unit, tuple) else fold.unit(unit, result)
        if progress and done:
            progress(done)

    if jobs <= 1:
        for unit in _units(stream()):
            fold_in(unit, check_unit(unit, plan) if isinstance(unit, list) else None)
    else:
        context = multiprocessing.get_context("spawn")  # never fork a process that has threads
        with ProcessPoolExecutor(max_workers=jobs, mp_context=context, initializer=_init_worker,
                                 initargs=(plan,)) as pool:
            # At most 2 * jobs + 1 units are in flight: memory stays flat whatever the corpus size.
            pending: deque = deque()
            for unit in _units(stream()):
                future = pool.submit(_check_unit_in_worker, unit) if isinstance(unit, list) else None
                pending.append((unit, future))
                while len(pending) > 2 * jobs or (pending and pending[0][1] is None):
                    done, future = pending.popleft()
                    fold_in(done, future.result() if future is not None else None)
            while pending:
                done, future = pending.popleft()
                fold_in(done, future.result() if future is not None else None)
    files, table = fold.finish()
    run = RuleRun(files, table=table, file_count=fold.file_count, store=fold.store, first_row=fold.first_row,
                  files_key=files_key.value if files_key is not None else None)
    _judge_corpus(corpus_entries, fold.pairs(), run, fold.spill_findings, cache, run.files_key)
    run.in_order()
    return run


def _taken_lines(files: dict[str, FileReport], codes: tuple[str, ...], paths: set[str]) -> set[tuple[str, int, int]]:
    """``(path, record, line)`` of every line a finding of ``codes`` covers, in the files ``paths`` only."""
    if not codes:
        return set()
    return {
        (path, f.record, line)
        for path in paths
        if path in files
        for f in files[path].findings
        if f.code in codes
        for line in range(f.line, f.end_line + 1)
    }


def _judge_corpus(entries: list[RuleEntry], signatures: Signatures, run: RuleRun,
                  spill_findings: int = SPILL_FINDINGS, cache: Cache | None = None,
                  files_key: str | None = None) -> None:
    """Corpus rules, once every document is in: their findings join the files, their counts the table.

    A judge's hits are streamed: matched to their documents along the signatures (the judges
    yield in corpus order), staged in a spillable list and only then, the judge done without
    error, added to the files; the findings held in memory stay under ``spill_findings``.
    With ``cache`` and ``files_key`` (:class:`corpuscheck.cache.FilesKey`), a rule's findings over
    the very same files come from the cache instead of its judge; a judge's findings are kept
    there when they number at most ``CORPUS_CACHE_FINDINGS`` (they are held in memory to be put)."""
    if not entries:
        return
    held = _Held(run, spill_findings)
    unique = None
    for index, entry in enumerate(entries):
        key = f"{index}|{entry.rule.code}|{files_key}" if cache is not None and files_key is not None else None
        made = cache.get_corpus(key) if key is not None else None
        if made is not None:
            _add_cached(made, entry, run, held)
            continue
        keep: list[tuple] | None = [] if key is not None else None
        pairs = signatures.get(entry.rule.code, [])
        staged = FindingList()
        try:
            if unique is None:
                unique = _ids_unique(run.table)
            judged = entry.rule.judge(pairs, entry.options)
            for item in _resolved(judged, pairs, unique):
                staged.append(item)
                held.staged(staged)
        except Exception as exc:  # reported on every file, the run goes on
            held.drop(staged)
            for report in run.files.values():
                report.errors.append(LoadError(report.path, f"corpus rule {entry.rule.code} failed: {exc!r}"))
            continue
        held.drop(staged)
        column, codes = entry.rule.column, entry.rule.defers_to
        taken_in: str | None = None
        taken: set[tuple[str, int, int]] = set()
        late: dict[str, int] = {}  # doc_id -> findings, for documents matched without their row
        for ref, row, hit in staged:
            if ref.path != taken_in:  # the hits come file by file: the lines taken, one file at a time
                taken_in, taken = ref.path, _taken_lines(run.files, codes, {ref.path})
            if (ref.path, ref.record, hit.line) in taken:
                continue  # another rule reports this line already (B101 before B102)
            report = run.report_for(ref.path)
            finding = to_finding(hit, entry, ref, None)
            held.add(report, finding)
            if keep is not None:
                keep.append((ref.path, ref.record, ref.title, ref.doc_id, finding))
                if len(keep) > CORPUS_CACHE_FINDINGS:
                    keep = None
            if ref.title:
                report.titles.setdefault(ref.record, ref.title)
            if row is None:
                late[ref.doc_id] = late.get(ref.doc_id, 0) + 1
            else:
                run.table.add(column, row, 1)
        _add_late(run, column, late)
        if keep is not None:
            cache.put_corpus(key, keep)


def _add_cached(made: list[tuple], entry: RuleEntry, run: RuleRun, held: _Held) -> None:
    """A corpus rule's findings over the very same files, from the cache: into the files and the table."""
    late: dict[str, int] = {}
    for path, record, title, doc_id, finding in made:
        report = run.report_for(path)
        held.add(report, finding)
        if title:
            report.titles.setdefault(record, title)
        late[doc_id] = late.get(doc_id, 0) + 1
    _add_late(run, entry.rule.column, late)


def _add_late(run: RuleRun, column: str, late: dict[str, int]) -> None:
    """Counts of findings per doc_id into the table's ``column`` (rows found by doc_id)."""
    if late:
        where = run.positions(late)
        for doc_id, amount in late.items():
            run.table.add(column, where[doc_id], amount)


def _ids_unique(table: Table) -> bool:
    """Whether no two rows share a doc_id (hashes counted in bounded memory; equal hashes say no)."""
    counter = PairCounter()
    try:
        for position in range(len(table)):
            counter.add_one(0, hash(table.value("doc_id", position)) & 0xFFFFFFFFFFFFFFFF)
        return not counter.at_least(2)
    finally:
        counter.close()


def _resolved(judged: Iterable[tuple[str, Hit]], pairs, unique: bool) -> Iterator[tuple[Any, int | None, Hit]]:
    """``(ref, row, hit)`` for each judged ``(doc_id, hit)``: the ref of the document that doc_id
    names (the last one, were two documents to share it) and its row (None if unknown).

    With unique doc_ids and hits in corpus order, one walk along the pairs finds them; else
    (or from the first hit out of order on) a map of the judged documents' refs, as before."""
    judged = iter(judged)
    if unique:
        walk = iter(pairs)
        current = None
        for doc_id, hit in judged:
            while current is None or current.doc_id != doc_id:
                current = next((ref for ref, _ in walk), None)
                if current is None:
                    break
            if current is None:  # not ahead: a judge that does not yield in order
                judged = iter([(doc_id, hit), *judged])
                break
            yield current, getattr(current, "row", None), hit
        else:
            return
    rest = list(judged)
    wanted = {doc_id for doc_id, _ in rest}
    refs = {ref.doc_id: ref for ref, _ in pairs if ref.doc_id in wanted} if wanted else {}
    for doc_id, hit in rest:
        ref = refs[doc_id]
        yield ref, (getattr(ref, "row", None) if unique else None), hit


class _Held:
    """The corpus rules' findings and staged hits in memory, spilled past a bound."""

    def __init__(self, run: RuleRun, bound: int):
        self.run, self.bound = run, bound
        self.count = 0
        self.lists: dict[int, FindingList] = {}  # id -> each list with findings in memory since the last spill

    def store(self) -> SpillStore:
        if self.run.store is None:
            self.run.store = SpillStore()
        return self.run.store

    def staged(self, kept: FindingList) -> None:
        self._held(kept, 1)

    def add(self, report: FileReport, finding: Finding) -> None:
        kept = report.findings
        if not isinstance(kept, FindingList):
            kept = report.findings = FindingList(kept, store=self.run.store)
        kept.append(finding)
        self._held(kept, 1)

    def _held(self, kept: FindingList, more: int) -> None:
        self.lists.setdefault(id(kept), kept)
        self.count += more
        if self.count > self.bound:
            store = self.store()
            for held in self.lists.values():
                held._store = store
                held.spill()
            self.lists, self.count = {}, 0

    def drop(self, kept: FindingList) -> None:
        if self.lists.pop(id(kept), None) is not None:
            self.count -= kept.in_memory


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
