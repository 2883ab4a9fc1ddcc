"""Corpus loader: paths -> Documents, streamed, with every read problem kept.

Recognised by extension: ``.txt`` (one article per file, optionally ``.gz``),
``.jsonl`` / ``.jsonl.gz`` / ``.json.gz`` (one JSON record per line) and
``.parquet``. Reading never stops at a bad file or record: each problem becomes
a :class:`LoadError` with its location, and the next file or record is read.
"""

from __future__ import annotations

import gzip
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Iterable, Iterator

import orjson

from corpuscheck.document import Document, from_text

TXT_SUFFIXES = (".txt", ".txt.gz")
JSONL_SUFFIXES = (".jsonl", ".jsonl.gz", ".json.gz", ".ndjson")
PARQUET_SUFFIXES = (".parquet",)
SUFFIXES = TXT_SUFFIXES + JSONL_SUFFIXES + PARQUET_SUFFIXES


@dataclass(frozen=True)
class LoadError:
    """A problem reading one file or one record; the rest is still read."""

    path: str
    message: str
    line: int | None = None
    record: int | None = None
    fatal: bool = False  # the file (not only one record) could not be read

    def as_dict(self) -> dict[str, Any]:
        return {"line": self.line, "record": self.record, "message": self.message}


@dataclass(frozen=True)
class FileStart:
    """Marks the start of a file in the stream, so files with no document are listed too."""

    path: str


Item = Document | LoadError | FileStart


def _kind(path: str) -> str | None:
    lowered = path.lower()
    if lowered.endswith(TXT_SUFFIXES):
        return "txt"
    if lowered.endswith(JSONL_SUFFIXES):
        return "jsonl"
    if lowered.endswith(PARQUET_SUFFIXES):
        return "parquet"
    return None


def discover(paths: Iterable[str]) -> Iterator[str | LoadError]:
    """Every corpus file under ``paths`` (sorted), or a LoadError for a bad path."""
    for given in paths:
        path = Path(given)
        if path.is_dir():
            found = []
            for root, dirs, files in os.walk(path):
                dirs[:] = sorted(d for d in dirs if not d.startswith("."))
                found.extend(
                    os.path.join(root, name)
                    for name in files
                    if not name.startswith(".") and _kind(name)
                )
            yield from sorted(found)
        elif path.is_file():
            if _kind(given):
                yield given
            else:
                yield LoadError(
                    given,
                    "unsupported file type (expected " + ", ".join(SUFFIXES) + ")",
                    fatal=True,
                )
        else:
            yield LoadError(given, "no such file or directory", fatal=True)


def _open_bytes(path: str) -> bytes:
    if path.lower().endswith(".gz"):
        with gzip.open(path, "rb") as handle:
            return handle.read()
    with open(path, "rb") as handle:
        return handle.read()


def decode(data: bytes, path: str) -> tuple[str, LoadError | None]:
    """UTF-8 (with or without BOM), else UTF-16 with a BOM; otherwise decode
    with replacement characters and report where the first bad byte is."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16"), None
        except UnicodeDecodeError:
            pass
    try:
        return data.decode("utf-8-sig"), None
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        bad = data[exc.start : exc.start + 4].hex(" ")
        count = data.decode("utf-8", errors="replace").count("\ufffd")
        message = (
            f"not valid UTF-8: byte {exc.start} (line {line}) is 0x{bad.split()[0]}; "
            f"{count} undecodable sequence(s) replaced by U+FFFD and the text checked anyway"
        )
        return data.decode("utf-8-sig", errors="replace"), LoadError(path, message, line=line)


def _read_txt(path: str) -> Iterator[Document | LoadError]:
    text, error = decode(_open_bytes(path), path)
    if error:
        yield error
    if not text.strip():
        yield LoadError(path, "file is empty" if not text else "file has only white space", line=1)
        return
    yield from_text(text, path)


def _document_from_record(
    record: Any, path: str, number: int, text_field: str, title_field: str | None
) -> Document | LoadError:
    if not isinstance(record, dict):
        return LoadError(path, f"record is a JSON {type(record).__name__}, not an object", line=number, record=number)
    text = record.get(text_field)
    if text is None:
        fields = ", ".join(sorted(map(str, record))[:8]) or "none"
        return LoadError(
            path,
            f"record has no {text_field!r} field (fields: {fields}); set --text-field",
            line=number,
            record=number,
        )
    if not isinstance(text, str):
        return LoadError(path, f"field {text_field!r} is a {type(text).__name__}, not a string", line=number, record=number)
    title = record.get(title_field) if title_field else None
    meta = {k: v for k, v in record.items() if k not in (text_field, title_field)}
    return from_text(
        text,
        path,
        record=number,
        doc_id=f"{path}#{number}",
        title=title if isinstance(title, str) and title.strip() else None,
        meta=meta,
    )


def _read_jsonl(path: str, text_field: str, title_field: str | None) -> Iterator[Document | LoadError]:
    data = _open_bytes(path)
    if not data.strip():
        yield LoadError(path, "file is empty", line=1)
        return
    for number, raw in enumerate(data.split(b"\n"), start=1):
        if not raw.strip():
            continue
        try:
            record = orjson.loads(raw)
        except orjson.JSONDecodeError as exc:
            yield LoadError(path, f"malformed JSON record: {exc}", line=number, record=number)
            continue
        yield _document_from_record(record, path, number, text_field, title_field)


def _read_parquet(path: str, text_field: str, title_field: str | None) -> Iterator[Document | LoadError]:
    import pyarrow.parquet as pq

    handle = pq.ParquetFile(path)
    if text_field not in handle.schema_arrow.names:
        columns = ", ".join(handle.schema_arrow.names[:8])
        yield LoadError(path, f"no {text_field!r} column (columns: {columns}); set --text-field", fatal=True)
        return
    number = 0
    for batch in handle.iter_batches(batch_size=1024):
        for record in batch.to_pylist():
            number += 1
            yield _document_from_record(record, path, number, text_field, title_field)


def iter_items(
    paths: Iterable[str], *, text_field: str = "text", title_field: str | None = "title"
) -> Iterator[Item]:
    """Stream FileStart markers, Documents and LoadErrors for every path."""
    for found in discover(paths):
        if isinstance(found, LoadError):
            yield FileStart(found.path)
            yield found
            continue
        yield FileStart(found)
        kind = _kind(found)
        try:
            if kind == "txt":
                yield from _read_txt(found)
            elif kind == "jsonl":
                yield from _read_jsonl(found, text_field, title_field)
            else:
                yield from _read_parquet(found, text_field, title_field)
        except (OSError, EOFError, ValueError) as exc:
            # gzip.BadGzipFile is an OSError; pyarrow raises ArrowInvalid (a ValueError).
            yield LoadError(found, f"could not read file: {exc}", fatal=True)


def load(paths: Iterable[str] | str, **fields: Any) -> Iterator[Document]:
    """Only the Documents under ``paths`` (errors dropped): the simple Python entry point."""
    if isinstance(paths, str):
        paths = [paths]
    return (item for item in iter_items(paths, **fields) if isinstance(item, Document))


def rows(documents: Iterable[Document]):
    """One pandas row per Document (path, record, title, dateline, body, line count, meta)."""
    import pandas as pd

    return pd.DataFrame(
        [
            {
                "doc_id": d.doc_id,
                "path": d.path,
                "record": d.record,
                "title": d.title,
                "dateline": d.dateline,
                "body": d.body,
                "body_start": d.body_start,
                "n_lines": len(d.lines),
                **{f"meta.{k}": v for k, v in d.meta.items()},
            }
            for d in documents
        ]
    )
