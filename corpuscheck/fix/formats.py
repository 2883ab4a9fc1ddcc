"""Per input format: read raw units (a document with its raw text) and write them back cleaned.

txt (and .txt.gz): one document per file; the file's encoding (UTF-8, with or without BOM,
UTF-16/32 with a BOM) and its line breaks are kept. JSONL: only the text field's JSON string
changes, in the same escaping style; every other byte of the line stays.
"""

from __future__ import annotations

import codecs
import gzip
import json

import orjson
import regex

from corpuscheck.input.loader import _document_from_record, _open_binary, decode

BOMS = ((codecs.BOM_UTF32_LE, "utf-32-le"), (codecs.BOM_UTF32_BE, "utf-32-be"),
        (codecs.BOM_UTF16_LE, "utf-16-le"), (codecs.BOM_UTF16_BE, "utf-16-be"), (codecs.BOM_UTF8, "utf-8"))
STRING = regex.compile(r'"(?:[^"\\]|\\.)*"', regex.S)


def read_bytes(path: str) -> bytes:
    with _open_binary(path) as handle:
        return handle.read()


def write_bytes(path: str, data: bytes) -> None:
    if path.lower().endswith(".gz"):
        with open(path, "wb") as raw, gzip.GzipFile(fileobj=raw, mode="wb", mtime=0, filename="") as handle:
            handle.write(data)
    else:
        with open(path, "wb") as handle:
            handle.write(data)


def txt_encoding(data: bytes, shown: str) -> tuple[str, str] | None:
    """``(text, encoding)`` when the text encodes back to exactly ``data``, else None."""
    text, error = decode(data, shown)
    if error:
        return None
    encoding = next((codec for bom, codec in BOMS if data.startswith(bom)), "plain")
    return (text, encoding) if encode_txt(text, encoding) == data else None


def encode_txt(text: str, encoding: str) -> bytes:
    if encoding == "plain":
        return text.encode("utf-8")
    bom = next(b for b, codec in BOMS if codec == encoding)
    return bom + text.encode(encoding)


def json_style(value: str, token: bytes) -> str | None:
    if orjson.dumps(value) == token:
        return "utf8"
    if json.dumps(value).encode() == token:
        return "ascii"
    return None


def encode_json(value: str, style: str) -> bytes:
    return orjson.dumps(value) if style == "utf8" else json.dumps(value).encode()


def field_token(line: bytes, field: str, value: str) -> tuple[int, int] | None:
    """Byte span of the JSON string ``value`` of key ``field`` in a record line (the last such key)."""
    key = regex.compile(rb'"' + regex.escape(json.dumps(field)[1:-1].encode()) + rb'"\s*:\s*(?=")')
    found = None
    text = line.decode("utf-8")
    for match in key.finditer(line):
        start = len(line[: match.end()].decode("utf-8"))
        token = STRING.match(text, start)
        if token and orjson.loads(token.group()) == value:
            found = (match.end(), match.end() + len(token.group().encode("utf-8")))
    return found


def record_document(raw: bytes, shown: str, number: int, line: int, text_field: str, title_field: str | None):
    """The Document of one JSONL line, or None when it is not a readable record with a text."""
    try:
        record = orjson.loads(raw)
    except orjson.JSONDecodeError:
        return None, None
    doc = _document_from_record(record, shown, number, text_field, title_field, line=line)
    if not hasattr(doc, "lines"):
        return None, None
    return doc, record[text_field]
