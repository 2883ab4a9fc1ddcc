"""Restore: the original corpus from a fixed one (cleaned files + edits.jsonl + removed.jsonl)."""

from __future__ import annotations

import os
from collections import defaultdict

import orjson

from corpuscheck.fix import formats
from corpuscheck.fix.edits import revert
from corpuscheck.fix.parquet import restore_parquet


def _read_jsonl(path: str) -> list[dict]:
    with open(path, "rb") as handle:
        return [orjson.loads(line) for line in handle if line.strip()]


def restore(fixed: str, out: str) -> int:
    """Write the original corpus under ``out``; returns the number of files written."""
    manifest_path = os.path.join(fixed, "manifest.json")
    if not os.path.isfile(manifest_path):
        raise ValueError(f"{fixed} has no manifest.json: not the output of `corpuscheck fix` (or an unfinished one)")
    with open(manifest_path, "rb") as handle:
        manifest = orjson.loads(handle.read())
    edits = defaultdict(list)
    for edit in _read_jsonl(os.path.join(fixed, "edits.jsonl")):
        edits[(edit["path"], edit["record"])].append(edit)
    removed = defaultdict(list)
    for item in _read_jsonl(os.path.join(fixed, "removed.jsonl")):
        removed[item["path"]].append(item)
    text_field = manifest["options"]["text_field"]
    for info in manifest["files"]:
        source, target = os.path.join(fixed, info["output"]), os.path.join(out, info["output"])
        os.makedirs(os.path.dirname(target) or ".", exist_ok=True)
        shown = info["input"]
        if info["format"] == "txt":
            if info.get("dropped"):
                item = removed[shown][0]
                formats.write_bytes(target, formats.encode_txt(item["text"], item["encoding"]))
                continue
            data = formats.read_bytes(source)
            if info.get("encoding") and (shown, 1) in edits:
                text = data.decode("utf-8") if info["encoding"] == "plain" else data[len(
                    next(b for b, c in formats.BOMS if c == info["encoding"])):].decode(info["encoding"])
                data = formats.encode_txt(revert(text, edits[(shown, 1)]), info["encoding"])
            formats.write_bytes(target, data)
        elif info["format"] == "parquet":
            restore_parquet(fixed, info["output"], target, shown, edits, removed[shown], text_field)
        else:
            formats.write_bytes(target, b"".join(_restore_jsonl(source, shown, edits, removed[shown], text_field)))
    return len(manifest["files"])


def _restore_jsonl(source, shown, edits, removed, text_field):
    dropped = {item["line"]: item["raw"].encode("utf-8", "surrogateescape") for item in removed}
    with formats._open_binary(source) as handle:
        cleaned = iter(handle)
        line = record = 0
        while True:
            line += 1
            if line in dropped:
                raw = dropped.pop(line)
            else:
                raw = next(cleaned, None)
                if raw is None:
                    break
            if raw.strip():
                record += 1
                found = edits.get((shown, record))
                if found and line not in dropped:
                    value = orjson.loads(raw)[text_field]
                    span = formats.field_token(raw, text_field, value)
                    original = revert(value, found)
                    raw = raw[: span[0]] + formats.encode_json(original, found[0]["json"]) + raw[span[1] :]
            yield raw
