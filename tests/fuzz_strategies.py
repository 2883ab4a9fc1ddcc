"""Generated hostile inputs for the fuzz suite (tests/test_fuzz_inputs.py) and benchmarks/fuzz.py.

Each input is (category, file name, bytes); the checks that every run must pass are in run_one().
"""

from __future__ import annotations

import gzip
import io
import json
import xml.etree.ElementTree as ET

from hypothesis import strategies as st

MARKER = "<x-fuzz>&</x-fuzz>"  # corpus text that must never reach the HTML report unescaped
HOSTILE = ["::error::forged", "\n::set-output name=x::y", "%0A::add-mask::z", "\r\n::warning::w", MARKER,
           "<script>alert(1)</script>", "\u202e\u2066bidi", "\x00\x1b[31m", "\ufeff", "\ud7ff\uffff", "a]]>b", '"\'&<>']
ENDINGS = ["\n", "\r\n", "\r", "\u2028", "\x0b", "\x85"]

_chars = st.characters(codec="utf-8", exclude_categories=("Cs",))
_piece = st.one_of(st.sampled_from(HOSTILE), st.text(_chars, max_size=40),
                   st.sampled_from(["JAKARTA - ", "Read more", "Baca juga:", "<!--", "A", "  ", "&amp;", "Copyright 2024"]))


@st.composite
def text_body(draw) -> str:
    parts = draw(st.lists(st.tuples(_piece, st.sampled_from(ENDINGS)), max_size=30))
    return "".join(p + e for p, e in parts)


@st.composite
def pathological(draw) -> str:
    token = draw(st.sampled_from(["<!--", "A", "ab ", ".", "\u00e9", "1 ", "=", "http://x.y/"]))
    reps = draw(st.integers(1_000, 60_000))
    sep = draw(st.sampled_from(["", "\n", "\r\n", "\n\n", " "]))
    return (token + sep) * reps


def _jsonl(records) -> bytes:
    return b"".join(json.dumps(r).encode() + b"\n" if not isinstance(r, bytes) else r + b"\n" for r in records)


_json_value = st.recursive(st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(_chars, max_size=20),
                           lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=5), inner, max_size=3),
                           max_leaves=8)


@st.composite
def jsonl_file(draw) -> bytes:
    record = st.one_of(
        st.builds(lambda t, ti: {"text": t, "title": ti}, text_body(), st.one_of(st.none(), _piece, st.integers())),
        st.builds(lambda v: {"text": v}, _json_value),
        _json_value,
        st.binary(max_size=30),
    )
    return _jsonl(draw(st.lists(record, min_size=0, max_size=8)))


@st.composite
def parquet_file(draw) -> bytes:
    import pyarrow as pa
    import pyarrow.parquet as pq

    n = draw(st.integers(0, 5))
    kind = draw(st.sampled_from(["string", "large_string", "int", "list", "missing", "nulls"]))
    texts = [draw(text_body()) for _ in range(n)]
    columns = {"title": pa.array([draw(_piece) for _ in range(n)], pa.string())}
    if kind == "string":
        columns["text"] = pa.array(texts, pa.string())
    elif kind == "large_string":
        columns["text"] = pa.array(texts, pa.large_string())
    elif kind == "int":
        columns["text"] = pa.array(list(range(n)), pa.int64())
    elif kind == "list":
        columns["text"] = pa.array([[t] for t in texts], pa.list_(pa.string()))
    elif kind == "nulls":
        columns["text"] = pa.array([None] * n, pa.string())
    buffer = io.BytesIO()
    pq.write_table(pa.table(columns), buffer)
    data = buffer.getvalue()
    if draw(st.booleans()) and draw(st.booleans()):
        data = data[: draw(st.integers(0, len(data)))]  # truncated footer
    return data


@st.composite
def html_file(draw) -> bytes:
    depth = draw(st.integers(0, 3_000))
    body = draw(text_body())
    opener = draw(st.sampled_from(["<div>", "<p><b>", "<table><tr><td>", "<!--", "<script>", ""]))
    closed = draw(st.booleans())
    page = f"<html><head><title>{draw(_piece)}</title></head><body>{opener * depth}<p>{body}</p>"
    return (page + ("</div>" * depth if closed else "") + "</body></html>").encode("utf-8", "replace")


@st.composite
def gz_file(draw) -> tuple[str, bytes]:
    inner = draw(st.sampled_from([".txt", ".jsonl"]))
    raw = draw(text_body()).encode() if inner == ".txt" else draw(jsonl_file())
    if draw(st.integers(0, 9)) == 0:
        raw = b"A" * 5_000_000  # a small bomb: 5 MB from a few KB
    data = gzip.compress(raw)
    if draw(st.booleans()):
        data = data[: draw(st.integers(0, len(data)))]
    return inner + ".gz", data


@st.composite
def fuzz_input(draw) -> tuple[str, str, bytes]:
    category = draw(st.sampled_from(["text", "pathological", "jsonl", "parquet", "html", "gzip"]))
    if category == "text":
        return category, "doc.txt", draw(text_body()).encode("utf-8", "surrogatepass")
    if category == "pathological":
        return category, "doc.txt", draw(pathological()).encode()
    if category == "jsonl":
        return category, "doc.jsonl", draw(jsonl_file())
    if category == "parquet":
        return category, "doc.parquet", draw(parquet_file())
    if category == "html":
        return category, "doc.html", draw(html_file())
    suffix, data = draw(gz_file())
    return category, "doc" + suffix, data


def run_one(folder, name: str, data: bytes, sarif_validator=None) -> None:
    """Check one generated file and assert every contract a hostile input must keep."""
    from corpuscheck.check import check
    from corpuscheck.report import get_reporter

    path = folder / name
    path.write_bytes(data)
    report = check([str(path)], jobs=1)
    paths = [f.path for f in report.files]
    assert str(path) in paths or any(e.path == str(path) for f in report.files for e in f.errors), "input missing"
    assert report.passed in (True, False)  # the CLI maps this (and errors) to exit 0/1/2
    json.loads(get_reporter("json")().render(report))
    ET.fromstring(get_reporter("junit")().render(report))
    sarif = json.loads(get_reporter("sarif")().render(report))
    if sarif_validator is not None:
        errors = list(sarif_validator.iter_errors(sarif))
        assert not errors, errors[0].message
    for line in get_reporter("github")().render(report).splitlines():
        # the runner reads a workflow command only at a line start: a newline in corpus text must not open one
        assert line.startswith(("::error ", "::warning ", "::notice ")) or not line.startswith("::"), line
    html = get_reporter("html")().render(report)
    assert MARKER not in html and "<script>alert(1)</script>" not in html
