"""Corpus loader: paths -> Documents, streamed, with every read problem kept.

Recognised by extension: ``.txt`` / ``.txt.gz`` (one article per file),
``.jsonl`` / ``.jsonl.gz`` / ``.json.gz`` / ``.ndjson`` (one JSON object per
line), ``.parquet`` (one row per article) and ``.html`` / ``.htm`` (gzipped or
not: one saved page per file, whose main text is extracted by
:mod:`corpuscheck.input.html`). Folders are walked recursively; hidden files
and folders are skipped, symbolic links are followed once.

Reading streams: a JSONL file is read line by line and a Parquet file batch by
batch, so memory does not grow with the file. Reading never stops at a bad
file or record: each problem becomes a :class:`LoadError` with its location
(line and/or record), and the next record or file is read.
"""

from __future__ import annotations

import codecs
import errno
import gzip
import io
import os
import re
import stat
import zlib
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, replace
from functools import partial
from typing import IO, Any

import orjson

from corpuscheck.input.document import Document, LoadError, from_text
from corpuscheck.input.html import DEFAULT_OPTIONS, HTML_SUFFIXES, HtmlOptions, page_items

TXT_SUFFIXES = (".txt", ".txt.gz")
JSONL_SUFFIXES = (".jsonl", ".jsonl.gz", ".json.gz", ".ndjson", ".ndjson.gz")
PARQUET_SUFFIXES = (".parquet",)
SUFFIXES = TXT_SUFFIXES + JSONL_SUFFIXES + PARQUET_SUFFIXES + HTML_SUFFIXES

MAX_ERRORS_PER_FILE = 100  # beyond this, one summary error says how many more there were
PARQUET_BATCH_ROWS = 256
GZIP_MAGIC = b"\x1f\x8b"
# (BOM, codec) longest first: a UTF-32-LE BOM starts with the UTF-16-LE one.
WIDE_BOMS = ((codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"),
             (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"))
READ_ERRORS = (OSError, EOFError, zlib.error)  # truncated/corrupt gzip: EOFError, BadGzipFile (OSError), zlib.error


@dataclass(frozen=True)
class FileStart:
    """Marks the start of a file in the stream, so files with no document are listed too."""

    path: str


@dataclass(frozen=True)
class ReadLimits:
    """Bounds on what reading one file may hold in memory; None: the module's default.

    Each bound crossed is a LoadError that names the file, the record, line or row group, and the
    bound, and the rest of the file (or the bounded prefix of the document) is still checked.
    ``max_document_chars``: a longer document is checked on its first this many characters (cut at a
    line end) and S107 says so; ``max_record_bytes``: a longer JSONL line is skipped without being held;
    ``max_row_group_bytes``: a Parquet row group larger than this (uncompressed, as its footer says) is
    skipped; ``max_text_bytes``: a .txt (after decompression: a gzip bomb) larger than this is not read.
    HTML pages have their bounds in :class:`corpuscheck.input.html.HtmlOptions` (size, nesting depth).
    """

    max_document_chars: int | None = None
    max_record_bytes: int | None = None
    max_row_group_bytes: int | None = None
    max_text_bytes: int | None = None

    def __post_init__(self):
        for name in ("max_document_chars", "max_record_bytes", "max_row_group_bytes", "max_text_bytes"):
            value = getattr(self, name)
            if value is not None and (not isinstance(value, int) or isinstance(value, bool) or value < 1):
                raise ValueError(f"{name.replace('_', '-')} must be a whole number >= 1, not {value!r}")

    @property
    def document_chars(self) -> int:
        return self.max_document_chars or MAX_DOCUMENT_CHARS

    @property
    def record_bytes(self) -> int:
        return self.max_record_bytes or MAX_RECORD_BYTES

    @property
    def row_group_bytes(self) -> int:
        return self.max_row_group_bytes or MAX_ROW_GROUP_BYTES

    @property
    def text_bytes(self) -> int:
        return self.max_text_bytes or MAX_TEXT_BYTES


DEFAULT_LIMITS = ReadLimits()


@dataclass(frozen=True)
class HtmlPage:
    """An HTML page not yet extracted (``iter_items(..., defer_html=True)``).

    Extraction costs tens of milliseconds a page, far more than the rules: a
    parallel runner sends these to its workers, where :meth:`read` yields what
    the loader would have yielded in its place (LoadErrors, then the Document).
    Picklable; holds the path, not the bytes.
    """

    path: str  # the path to open
    shown: str  # the printable path, for the Document and the errors
    options: HtmlOptions = DEFAULT_OPTIONS
    limits: ReadLimits = DEFAULT_LIMITS

    def read(self) -> Iterator[Document | LoadError]:
        return _guarded(self.path, self.shown, partial(_read_html, self.path, self.shown, self.options, self.limits))


Item = Document | LoadError | FileStart | HtmlPage


def display_path(path: str) -> str:
    """The path as text that can always be printed and put in JSON.

    A file name that is not valid UTF-8 shows its bad bytes as ``\\xNN``.
    """
    try:
        path.encode("utf-8")
        return path
    except UnicodeEncodeError:
        return os.fsencode(path).decode("utf-8", errors="backslashreplace")


def _kind(path: str) -> str | None:
    lowered = path.lower()
    if lowered.endswith(TXT_SUFFIXES):
        return "txt"
    if lowered.endswith(JSONL_SUFFIXES):
        return "jsonl"
    if lowered.endswith(PARQUET_SUFFIXES):
        return "parquet"
    if lowered.endswith(HTML_SUFFIXES):
        return "html"
    return None


def _why(exc: OSError, path: str) -> str:
    """A short reason for an OS error, without the path (the error entry has it)."""
    if exc.errno == errno.ENOENT and os.path.islink(path):
        return f"broken symbolic link (points to {display_path(os.readlink(path))})"
    reasons = {
        errno.ENOENT: "no such file or directory",
        errno.EACCES: "permission denied",
        errno.EPERM: "permission denied",
        errno.ELOOP: "symbolic link loop",
        errno.ENAMETOOLONG: "file name too long",
        errno.ENOTDIR: "a part of the path is not a folder",
    }
    return reasons.get(exc.errno, exc.strerror or str(exc))


FIX_LOGS = frozenset({"edits.jsonl", "removed.jsonl", "removed"})  # beside manifest.json in `corpuscheck fix`'s OUT
_FIX_MANIFEST = re.compile(rb'\A\s*\{\s*"tool"\s*:\s*"corpuscheck"')


def _fix_logs(folder: str, listing: list[os.DirEntry]) -> frozenset[str]:
    """The edit log, removed documents and removed rows of a folder that `corpuscheck fix` wrote
    (its manifest.json names the tool): they are not corpus files, so `check OUT` checks the
    cleaned corpus alone."""
    if not any(e.name == "manifest.json" for e in listing):
        return frozenset()
    try:
        with open(os.path.join(folder, "manifest.json"), "rb") as handle:
            head = handle.read(256)  # fix writes "tool" first; a manifest of many files is not read whole
    except OSError:
        return frozenset()
    return FIX_LOGS if _FIX_MANIFEST.match(head) else frozenset()


def _walk(top: str) -> Iterator[str | LoadError]:
    """Corpus files under folder ``top`` and errors for what could not be walked.

    Hidden entries are skipped; symbolic links to folders are followed, but a
    link back to a folder being walked is a loop and reported.
    """
    visited: set[str] = set()

    def visit(folder: str, ancestors: frozenset[str]) -> Iterator[str | LoadError]:
        try:
            with os.scandir(folder) as entries:
                listing = sorted(entries, key=lambda e: e.name)
        except OSError as exc:
            yield LoadError(display_path(folder), f"cannot list folder: {_why(exc, folder)}", fatal=True)
            return
        logs = _fix_logs(folder, listing)
        for entry in listing:
            if entry.name.startswith(".") or entry.name in logs:
                continue
            try:
                is_dir = entry.is_dir()
            except OSError:
                is_dir = False
            if is_dir:
                real = os.path.realpath(entry.path)
                if real in ancestors:
                    yield LoadError(
                        display_path(entry.path),
                        "symbolic link loop (links back to a folder being walked): not followed",
                        fatal=True,
                    )
                elif real not in visited:
                    visited.add(real)
                    yield from visit(entry.path, ancestors | {real})
            elif _kind(entry.name):
                try:
                    os.stat(entry.path)
                except OSError as exc:
                    yield LoadError(display_path(entry.path), _why(exc, entry.path), fatal=True)
                    continue
                yield entry.path

    real_top = os.path.realpath(top)
    visited.add(real_top)
    yield from visit(top, frozenset({real_top}))


def discover(paths: Iterable[str | os.PathLike]) -> Iterator[str | LoadError]:
    """Every corpus file under ``paths``, or a LoadError for a bad path.

    A folder is walked in name order, each subfolder where its name sorts.

    Files are yielded as given (a path to open); errors carry a printable path.
    A file reached twice (named twice, or through a link) is read once.
    """
    seen: set[tuple[int, int]] = set()

    def once(path: str) -> bool:
        try:
            info = os.stat(path)
        except OSError:
            return True  # reading it will report the problem
        key = (info.st_dev, info.st_ino)
        if key in seen:
            return False
        seen.add(key)
        return True

    for given in paths:
        given = os.fspath(given)
        shown = display_path(given)
        try:
            info = os.stat(given)
        except OSError as exc:
            yield LoadError(shown, _why(exc, given), fatal=True)
            continue
        if stat.S_ISDIR(info.st_mode):
            found = problems = 0
            for item in _walk(given):  # lazily: the first file is read before the whole tree is walked
                if isinstance(item, LoadError):
                    problems += 1
                    yield item
                else:
                    found += 1
                    if once(item):
                        yield item
            if not found and not problems:
                yield LoadError(
                    shown, "folder has no corpus files (" + ", ".join(SUFFIXES) + "; hidden ones are skipped)",
                    fatal=True,
                )
        elif not stat.S_ISREG(info.st_mode):
            yield LoadError(shown, "not a regular file or folder", fatal=True)
        elif not _kind(given):
            yield LoadError(shown, "unsupported file type (expected " + ", ".join(SUFFIXES) + ")", fatal=True)
        elif once(given):
            yield given


def _open_binary(path: str) -> IO[bytes]:
    """The file's bytes, gunzipped when they are gzip data (whatever the name says)."""
    raw = open(path, "rb")  # closed by the caller's with-block
    try:
        compressed = raw.peek(2)[:2] == GZIP_MAGIC
    except BaseException:
        raw.close()
        raise
    if compressed:
        raw.close()
        return gzip.open(path, "rb")  # type: ignore[return-value]
    return raw


def decode(data: bytes, path: str) -> tuple[str, LoadError | None]:
    """UTF-8 (with or without BOM), UTF-16/32 with a BOM; anything else is
    decoded as UTF-8 with U+FFFD for each bad sequence, and the first bad byte
    is reported with its offset and line."""
    for bom, codec in WIDE_BOMS:
        if data.startswith(bom):
            text = data.decode(codec, errors="replace")
            bad = text.count("\ufffd")
            if bad:
                return text, LoadError(path, f"not valid {codec.upper()}: {bad} bad sequence(s) replaced by U+FFFD")
            return text, None
    start = 3 if data.startswith(codecs.BOM_UTF8) else 0
    try:
        return data[start:].decode("utf-8"), None
    except UnicodeDecodeError as exc:
        text = data[start:].decode("utf-8", errors="replace")
        return text, _utf8_error(path, data, start + exc.start, text.count("\ufffd") - data.count("\ufffd".encode()))


def _utf8_error(
    path: str, data: bytes, offset: int, count: int, *, base: int = 0, line: int | None = None,
    record: int | None = None,
) -> LoadError:
    """``offset`` is the first bad byte inside ``data``; ``base`` is where ``data`` starts in the file."""
    if line is None:
        line = data.count(b"\n", 0, offset) + 1
    column = offset - (data.rfind(b"\n", 0, offset) + 1) + 1
    byte = data[offset : offset + 1].hex()
    return LoadError(
        path,
        f"not valid UTF-8: byte 0x{byte} at offset {base + offset} (line {line}, byte column {column}); "
        f"{count} undecodable sequence(s) replaced by U+FFFD, text checked anyway",
        line=line,
        record=record,
    )


def _read_all(handle: IO[bytes], limit: int | None = None) -> tuple[bytes, Exception | None]:
    """Everything readable from ``handle`` (at most ``limit`` bytes, when given: a gzip
    bomb is not inflated past it); a read error (e.g. truncated gzip) is returned, not raised."""
    chunks = []
    size = 0
    read = getattr(handle, "read1", handle.read)  # read1: a truncated gzip keeps all it inflated, not whole chunks
    try:
        while chunk := read(1 << 16):
            chunks.append(chunk)
            size += len(chunk)
            if limit is not None and size > limit:
                break
    except READ_ERRORS as exc:
        return b"".join(chunks), exc
    return b"".join(chunks), None


def _read_bytes(path: str, shown: str, what: str, limit: int | None = None) -> tuple[bytes | None, LoadError | None]:
    """The file's bytes (or None when nothing could be read), and the error of a read that
    stopped early (a truncated .gz: ``what`` says what happens to the part read)."""
    with _open_binary(path) as handle:
        data, failure = _read_all(handle, limit=limit) if limit is not None else _read_all(handle)
    if failure is None:
        return data, None
    if not data:
        return None, LoadError(shown, f"cannot read file: {_describe(failure)}", fatal=True)
    message = f"file ends early after byte {len(data)} ({_describe(failure)}); the part read is {what}"
    return data, LoadError(shown, message, line=data.count(b"\n") + 1)


MAX_TEXT_BYTES = 256_000_000  # a .txt (inflated) larger than this is a gzip bomb or not one document: not read


def _too_large(shown: str, limit: int) -> LoadError:
    return LoadError(shown, f"file is larger than {limit:,} bytes (after decompression), the read bound; not read",
                     fatal=True)


MAX_DOCUMENT_CHARS = 5_000_000  # a longer document is checked on this prefix; S107 oversized-document says so
MAX_RECORD_BYTES = 64 * 1024 * 1024  # one JSONL line longer than this is skipped, never held whole
MAX_ROW_GROUP_BYTES = 256 * 1024 * 1024  # a Parquet row group larger than this (uncompressed) is skipped


def bounded_document(text: str, path: str, limit: int | None = None, **fields: Any) -> Document:
    """from_text on at most ``limit`` (default MAX_DOCUMENT_CHARS) characters (cut at a line end when
    one is near); the original length is kept in ``meta["truncated_from"]`` so the cut is reported, never silent."""
    limit = limit or MAX_DOCUMENT_CHARS
    if len(text) <= limit:
        return from_text(text, path, **fields)
    meta = dict(fields.pop("meta", None) or {}, truncated_from=len(text))
    return from_text(_prefix(text, limit), path, meta=meta, **fields)


def _prefix(text: str, limit: int) -> str:
    """At most ``limit`` characters of ``text``, cut at a line end in its second half when there is one."""
    cut = text.rfind("\n", limit // 2, limit)
    return text[: cut if cut > 0 else limit]


def _read_txt(path: str, shown: str, limits: ReadLimits = DEFAULT_LIMITS) -> Iterator[Document | LoadError]:
    bound = limits.text_bytes
    data, failure = _read_bytes(path, shown, "checked", limit=bound)
    if data is not None and len(data) > bound:
        yield _too_large(shown, bound)
        return
    if failure is not None:
        yield failure
    if data is None:
        return
    text, error = decode(data, shown)
    if error:
        yield error
    if not text.strip():
        yield LoadError(shown, "file is empty" if not data else "file has only white space", line=1)
        return
    yield bounded_document(text, shown, limits.document_chars)


def _read_html(path: str, shown: str, options: HtmlOptions, limits: ReadLimits = DEFAULT_LIMITS) -> Iterator[Document | LoadError]:
    data, failure = _read_bytes(path, shown, "extracted and checked", limit=options.page_bytes)
    if failure is not None:
        yield failure
    if data is None:
        return
    for item in page_items(data, shown, options):
        if isinstance(item, Document) and len(item.text) > limits.document_chars:
            # the extracted text is bounded like any other document's (the page's size bound comes first)
            item = replace(item, text=_prefix(item.text, limits.document_chars),
                           meta=dict(item.meta, truncated_from=len(item.text)))
        yield item


def _describe(exc: BaseException) -> str:
    if isinstance(exc, EOFError):
        return "truncated gzip data"
    if isinstance(exc, gzip.BadGzipFile | zlib.error):
        return f"corrupt gzip data: {exc}"
    if isinstance(exc, OSError) and exc.errno is not None:
        return exc.strerror or str(exc)
    return str(exc) or type(exc).__name__


def _json_kind(value: Any) -> str:
    if value is None:
        return "null"
    kinds = {list: "an array", str: "a string", int: "a number", float: "a number", bool: "a boolean"}
    return kinds.get(type(value), f"a {type(value).__name__}")


def _document_from_record(
    record: Any,
    path: str,
    number: int,
    text_field: str,
    title_field: str | None,
    line: int | None = None,
    limit: int | None = None,
) -> Document | LoadError:
    def error(message: str) -> LoadError:
        return LoadError(path, message, line=line, record=number)

    if not isinstance(record, dict):
        return error(f"record is {_json_kind(record)}, not an object")
    if text_field not in record:
        fields = ", ".join(sorted(map(str, record))[:8]) or "none"
        return error(f"record has no {text_field!r} field (fields: {fields}); set --text-field")
    text = record[text_field]
    if not isinstance(text, str):
        return error(f"field {text_field!r} is {_json_kind(text)}, not a string")
    # An empty text is still a record: a document with no body is a rule's finding (S101), not a read error.
    title = record.get(title_field) if title_field else None
    meta = {k: v for k, v in record.items() if k != text_field and k != title_field}
    return bounded_document(
        text,
        path,
        limit,
        record=number,
        doc_id=f"{path}#{number}",
        title=title.strip() if isinstance(title, str) and title.strip() else None,
        meta=meta,
        source_line=line,
    )


@dataclass(frozen=True)
class _Oversized:
    """A JSONL line longer than the record bound, read past without being kept."""

    size: int  # its length (bytes; characters in a UTF-16/32 file), line end included


def _bounded_lines(handle, limit: int, end) -> Iterator[bytes | str | _Oversized]:
    """``handle``'s lines, each read with at most ``limit + 1`` units held: a longer line is
    skipped in pieces and yielded as an :class:`_Oversized`."""
    while raw := handle.readline(limit + 1):
        if len(raw) > limit and not raw.endswith(end):
            size = len(raw)
            while piece := handle.readline(1 << 20):
                size += len(piece)
                if piece.endswith(end):
                    break
            yield _Oversized(size)
            continue
        yield raw


def _lines(handle: IO[bytes], limit: int | None = None) -> Iterator[bytes | str | _Oversized]:
    """Lines of a JSONL stream: bytes for UTF-8 (a BOM dropped), str for UTF-16/32 with a BOM;
    a line over ``limit`` (default MAX_RECORD_BYTES) is an :class:`_Oversized`."""
    limit = limit or MAX_RECORD_BYTES
    head = handle.peek(4)[:4] if hasattr(handle, "peek") else b""
    for bom, codec in WIDE_BOMS:
        if head.startswith(bom):
            wrapper = io.TextIOWrapper(handle, encoding=codec, errors="replace", newline="\n")
            yield from _bounded_lines(wrapper, limit, "\n")
            return
    first = True
    for raw in _bounded_lines(handle, limit, b"\n"):
        if first and isinstance(raw, bytes) and raw.startswith(codecs.BOM_UTF8):
            raw = raw[3:]
        first = False
        yield raw


def _read_jsonl(
    path: str, shown: str, text_field: str, title_field: str | None, limits: ReadLimits = DEFAULT_LIMITS
) -> Iterator[Document | LoadError]:
    number = 0  # records: every non-blank line is one
    line = 0
    offset = 0  # byte offset of the current line (UTF-8 files)
    bound = limits.record_bytes
    with _open_binary(path) as handle:
        lines = _lines(handle, bound)
        while True:
            try:
                raw = next(lines)
            except StopIteration:
                break
            except READ_ERRORS as exc:
                yield LoadError(
                    shown,
                    f"file ends early after line {line} ({_describe(exc)}); the records before are checked",
                    line=line + 1,
                    fatal=line == 0,
                )
                return
            line += 1
            if isinstance(raw, _Oversized):
                number += 1
                offset += raw.size
                yield _oversized_record(shown, number, line, raw.size, bound)
                continue
            start, offset = offset, offset + len(raw)
            if not raw.strip():
                continue
            number += 1
            yield from _record_items(raw, shown, number, line, start, text_field, title_field, limits)
    if number == 0:
        yield LoadError(shown, "file is empty" if offset == 0 else "file has only blank lines", line=1)


def _oversized_record(shown: str, number: int, line: int, size: int, bound: int) -> LoadError:
    return LoadError(shown, f"record {number} (line {line}) is {size:,} bytes long, over the record "
                            f"bound of {bound:,} bytes (max-record-bytes): skipped, the next records are checked",
                     line=line, record=number)


def _record_items(raw: bytes, shown: str, number: int, line: int, start: int, text_field: str,
                  title_field: str | None, limits: ReadLimits) -> Iterator[Document | LoadError]:
    """One JSONL line (record ``number`` on ``line``, at byte ``start``) as its Document, with a
    read error first where its bytes are not UTF-8, or only a read error where it is not JSON."""
    try:
        record = orjson.loads(raw)
    except orjson.JSONDecodeError as exc:
        fixed = _utf8_fixed(raw)
        if fixed is None:
            yield LoadError(shown, f"malformed JSON record: {exc.msg} at column {exc.colno}", line=line, record=number)
            return
        text, position, count = fixed
        yield _utf8_error(shown, raw, position, count, base=start, line=line, record=number)
        try:
            record = orjson.loads(text)
        except orjson.JSONDecodeError as again:
            yield LoadError(shown, f"malformed JSON record: {again.msg} at column {again.colno}", line=line,
                            record=number)
            return
    yield _document_from_record(record, shown, number, text_field, title_field, line=line, limit=limits.document_chars)


def _utf8_fixed(raw: bytes | str) -> tuple[str, int, int] | None:
    """For a line that is not valid UTF-8: (the line with U+FFFD, offset of the first bad byte, count)."""
    if isinstance(raw, str):
        return None
    try:
        raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        text = raw.decode("utf-8", errors="replace")
        return text, exc.start, text.count("\ufffd") - raw.count("\ufffd".encode())
    return None


def _read_parquet(
    path: str, shown: str, text_field: str, title_field: str | None, limits: ReadLimits = DEFAULT_LIMITS
) -> Iterator[Document | LoadError]:
    import pyarrow as pa
    import pyarrow.parquet as pq

    # pre_buffer=False: with it pyarrow keeps the buffers of every row group read so far (RSS grows with the file)
    with pq.ParquetFile(path, pre_buffer=False) as handle:
        schema = handle.schema_arrow
        if text_field not in schema.names:
            columns = ", ".join(schema.names[:8]) or "none"
            yield LoadError(shown, f"no {text_field!r} column (columns: {columns}); set --text-field", fatal=True)
            return
        kind = schema.field(text_field).type
        if not (pa.types.is_string(kind) or pa.types.is_large_string(kind) or pa.types.is_string_view(kind)):
            yield LoadError(shown, f"column {text_field!r} holds {kind}, not strings; set --text-field", fatal=True)
            return
        if handle.metadata.num_rows == 0:
            yield LoadError(shown, "file has no rows")
            return
        number = 0
        bound = limits.row_group_bytes
        try:
            for index in range(handle.metadata.num_row_groups):  # row group by row group: one at a time in memory
                group = handle.metadata.row_group(index)
                if group.total_byte_size > bound:
                    first, last = number + 1, number + group.num_rows
                    yield LoadError(shown, f"row group {index} (records {first:,}-{last:,}) holds "
                                           f"{group.total_byte_size:,} bytes uncompressed, over the row-group bound of "
                                           f"{bound:,} bytes (max-row-group-bytes): skipped, the other row groups are "
                                           "checked", record=first)
                    number = last
                    continue
                for batch in handle.iter_batches(batch_size=PARQUET_BATCH_ROWS, row_groups=[index], use_threads=False):
                    for record in batch.to_pylist():
                        number += 1
                        yield _document_from_record(record, shown, number, text_field, title_field,
                                                    limit=limits.document_chars)
        except (OSError, ValueError, pa.ArrowException) as exc:
            yield LoadError(shown, f"cannot read past record {number}: {exc}", record=number + 1, fatal=number == 0)


def _read(
    path: str, shown: str, text_field: str, title_field: str | None, html: HtmlOptions = DEFAULT_OPTIONS,
    limits: ReadLimits = DEFAULT_LIMITS,
) -> Iterator[Document | LoadError]:
    kind = _kind(path)
    if kind == "txt":
        reader = partial(_read_txt, path, shown, limits)
    elif kind == "jsonl":
        reader = partial(_read_jsonl, path, shown, text_field, title_field, limits)
    elif kind == "html":
        reader = partial(_read_html, path, shown, html, limits)
    else:
        reader = partial(_read_parquet, path, shown, text_field, title_field, limits)
    return _guarded(path, shown, reader)


def _guarded(path: str, shown: str, reader: Callable[[], Iterator[Document | LoadError]]) -> Iterator[Document | LoadError]:
    """``reader()``'s items; an exception it raises becomes the file's last error, and a file
    that changed, was replaced or was removed while it was read gets an error saying so."""
    before = _identity(path)
    try:
        yield from reader()
    except OSError as exc:
        yield LoadError(shown, f"cannot read file: {_why(exc, path)}", fatal=True)
        return
    except Exception as exc:  # any other reader failure (e.g. a corrupt Parquet footer) is this file's error
        yield LoadError(shown, f"cannot read file: {_describe(exc)}", fatal=True)
        return
    after = _identity(path)
    if before is not None and after != before:
        if after is None:
            how = "was removed while it was read"
        elif after[0] != before[0]:
            how = "was replaced by another file while it was read"
        else:
            how = f"changed while it was read (size {before[1]:,} -> {after[1]:,} bytes)"
        yield LoadError(shown, f"file {how}: its results may mix two versions; check it again")


def _identity(path: str) -> tuple[int, int, int] | None:
    """(inode, size, mtime in ns) of ``path``, or None when it is gone."""
    try:
        info = os.stat(path)
    except OSError:
        return None
    return info.st_ino, info.st_size, info.st_mtime_ns


def iter_items(
    paths: Iterable[str | os.PathLike] | str,
    *,
    text_field: str = "text",
    title_field: str | None = "title",
    html: HtmlOptions | None = None,
    defer_html: bool = False,
    limits: ReadLimits | None = None,
) -> Iterator[Item]:
    """Stream FileStart markers, Documents and LoadErrors for every path.

    At most :data:`MAX_ERRORS_PER_FILE` errors are listed per file; one more
    error then says how many were left out. ``html`` sets how HTML pages are
    extracted; with ``defer_html`` an HTML page is yielded as an
    :class:`HtmlPage` (after its FileStart), to be read where it suits.
    ``limits``: the read bounds (:class:`ReadLimits`; default: the module's).
    """
    limits = limits or DEFAULT_LIMITS
    if isinstance(paths, str | os.PathLike):
        paths = [paths]
    html = html or DEFAULT_OPTIONS
    for found in discover(paths):
        if isinstance(found, LoadError):
            yield FileStart(found.path)
            yield found
            continue
        shown = display_path(found)
        yield FileStart(shown)
        if defer_html and _kind(found) == "html":
            yield HtmlPage(found, shown, html, limits)
            continue
        yield from read_file(found, shown, text_field, title_field, html, limits)


def read_file(
    path: str, shown: str, text_field: str, title_field: str | None, html: HtmlOptions,
    limits: ReadLimits | None = None,
) -> Iterator[Document | LoadError]:
    """One file's Documents and LoadErrors (``shown``: its name in them), at most
    MAX_ERRORS_PER_FILE errors listed and one line saying how many more there were."""
    listed = hidden = 0
    for item in _read(path, shown, text_field, title_field, html, limits or DEFAULT_LIMITS):
        if isinstance(item, LoadError):
            if listed >= MAX_ERRORS_PER_FILE:
                hidden += 1
                continue
            listed += 1
        yield item
    if hidden:
        yield LoadError(shown, f"{hidden} more error(s) in this file not listed")


def load(paths: Iterable[str | os.PathLike] | str, **fields: Any) -> Iterator[Document]:
    """Only the Documents under ``paths`` (errors dropped): the simple Python entry point."""
    return (item for item in iter_items(paths, **fields) if isinstance(item, Document))


# --- work units: what a worker process reads by itself (the main process never holds the text) ---

RANGE_BYTES = 32_000_000  # a plain UTF-8 JSONL file larger than this is cut into byte ranges of about this size


@dataclass(frozen=True)
class Piece:
    """A file, or a byte range of a JSONL file cut at line ends, for a worker to read.

    ``record`` and ``line`` count the records and lines before ``start``, so the
    documents of a range get the record numbers and lines the whole file would give.
    """

    path: str  # the path to open
    shown: str  # its printable name
    start: int = 0
    end: int | None = None  # None: to the end of the file (a whole file)
    record: int = 0
    line: int = 0

    @property
    def whole(self) -> bool:
        return self.start == 0 and self.end is None


def _plain_jsonl(path: str) -> bool:
    """A JSONL file that can be cut by bytes: not gzip, not UTF-16/32."""
    if _kind(path) != "jsonl":
        return False
    try:
        with open(path, "rb") as handle:
            head = handle.read(4)
    except OSError:
        return False
    return not head.startswith(GZIP_MAGIC) and not any(head.startswith(bom) for bom, _ in WIDE_BOMS)


def pieces(path: str, shown: str, range_bytes: int = RANGE_BYTES) -> Iterator[Piece]:
    """``path`` as one Piece, or, for a plain JSONL file over ``range_bytes``, as byte
    ranges cut at line ends, each with the records and lines before it (counted here,
    one sequential read of the file in blocks: records are the non-blank lines)."""
    try:
        size = os.path.getsize(path)
    except OSError:
        size = 0
    if size <= range_bytes or not _plain_jsonl(path):
        yield Piece(path, shown)
        return
    try:
        handle = open(path, "rb")
    except OSError:
        yield Piece(path, shown)  # the reader reports it
        return
    with handle:
        start = records = lines = 0
        carry = b""
        while True:
            block = handle.read(range_bytes)
            data = carry + block
            if not block:
                if data:
                    yield Piece(path, shown, start, None, records, lines)
                elif start == 0:
                    yield Piece(path, shown)
                return
            cut = data.rfind(b"\n") + 1
            if cut == 0:  # one line longer than a block: read on
                carry = data
                continue
            whole, carry = data[:cut], data[cut:]
            end = start + cut
            yield Piece(path, shown, start, end, records, lines)
            found = whole.split(b"\n")
            found.pop()  # after the last line end
            lines += len(found)
            records += sum(1 for raw in found if raw.strip())
            start = end


def read_piece(piece: Piece, text_field: str, title_field: str | None, html: HtmlOptions | None = None,
               limits: ReadLimits | None = None) -> Iterator[Document | LoadError]:
    """The piece's Documents and LoadErrors: a whole file through :func:`read_file`, a byte
    range of a JSONL file read from ``start`` to ``end`` (its errors are not capped here:
    the engine caps them per file across ranges)."""
    if piece.whole:
        return read_file(piece.path, piece.shown, text_field, title_field, html or DEFAULT_OPTIONS, limits)
    return _guarded(piece.path, piece.shown,
                    partial(_read_jsonl_range, piece, text_field, title_field, limits or DEFAULT_LIMITS))


def _read_jsonl_range(piece: Piece, text_field: str, title_field: str | None, limits: ReadLimits = DEFAULT_LIMITS
                      ) -> Iterator[Document | LoadError]:
    shown = piece.shown
    bound = limits.record_bytes
    number, line, offset = piece.record, piece.line, piece.start
    with open(piece.path, "rb") as handle:
        handle.seek(piece.start)
        remaining = None if piece.end is None else piece.end - piece.start
        while remaining is None or remaining > 0:
            raw = handle.readline() if remaining is None else handle.readline(remaining)
            if not raw:
                break
            if remaining is not None:
                remaining -= len(raw)
            if offset == 0 and raw.startswith(codecs.BOM_UTF8):
                raw = raw[3:]
            line += 1
            start, offset = offset, offset + len(raw)
            if not raw.strip():
                continue
            number += 1
            if len(raw) > bound:  # a range holds whole lines: this one was read, but is not parsed
                yield _oversized_record(shown, number, line, len(raw), bound)
                continue
            yield from _record_items(raw, shown, number, line, start, text_field, title_field, limits)
