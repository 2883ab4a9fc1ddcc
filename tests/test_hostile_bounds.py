"""Read bounds: one JSONL record, one Parquet row group, an HTML page (size, nesting depth), the
document length, each a one-line error naming the file, the place and the bound; the rest is checked.
Files that change while they are read are reported for that file alone."""

import gzip
import json
import os

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from corpuscheck.cli import main
from corpuscheck.input import loader
from corpuscheck.input.document import Document, LoadError
from corpuscheck.input.html import PARSER_MAX_DEPTH, HtmlOptions, page_items, tree_depth
from corpuscheck.input.loader import ReadLimits

BODY = "JAKARTA - A body line long enough to be a paragraph of a news article here."


def _items(path, **options):
    return [i for i in loader.iter_items([path], **options) if not isinstance(i, loader.FileStart)]


@pytest.mark.parametrize("opener", ["", "gzip"])
def test_jsonl_record_over_the_bound_is_skipped_and_named(tmp_path, opener):
    lines = [json.dumps({"text": BODY}), json.dumps({"text": "x" * 5_000}), "", json.dumps({"text": BODY + " 3"})]
    data = ("\n".join(lines) + "\n").encode()
    path = tmp_path / ("big.jsonl.gz" if opener else "big.jsonl")
    path.write_bytes(gzip.compress(data) if opener else data)
    items = _items(path, limits=ReadLimits(max_record_bytes=1_000))
    docs = [i for i in items if isinstance(i, Document)]
    (error,) = [i for i in items if isinstance(i, LoadError)]
    assert [d.record for d in docs] == [1, 3] and docs[1].text.endswith(" 3") and docs[1].source_line == 4
    assert (error.record, error.line, error.fatal) == (2, 2, False)
    assert str(path) == error.path and "record 2 (line 2) is 5,013 bytes long" in error.message
    assert "record bound of 1,000 bytes (max-record-bytes)" in error.message


def test_jsonl_record_bound_in_a_utf16_file_and_at_the_last_line(tmp_path):
    path = tmp_path / "wide.jsonl"
    text = json.dumps({"text": BODY}) + "\n" + json.dumps({"text": "y" * 3_000})  # no final line end
    path.write_bytes(text.encode("utf-16"))
    items = _items(path, limits=ReadLimits(max_record_bytes=500))
    assert [type(i).__name__ for i in items] == ["Document", "LoadError"] and items[1].record == 2


def test_jsonl_record_bound_holds_only_the_bound_in_memory(tmp_path, monkeypatch):
    """The oversized line is read in pieces: no read call asks for more than the bound + 1."""
    path = tmp_path / "huge.jsonl"
    path.write_bytes(b'{"text": "' + b"z" * 3_000_000 + b'"}\n' + json.dumps({"text": BODY}).encode() + b"\n")
    asked = []
    real = loader._bounded_lines

    def spy(handle, limit, end):
        class Reader:
            def readline(self, size=-1):
                asked.append(size)
                return handle.readline(size)
        return real(Reader(), limit, end)

    monkeypatch.setattr(loader, "_bounded_lines", spy)
    items = _items(path, limits=ReadLimits(max_record_bytes=10_000))
    assert [type(i).__name__ for i in items] == ["LoadError", "Document"] and "3,000,013 bytes" in items[0].message
    assert max(asked) <= 1 << 20 and -1 not in asked


def _parquet(path, groups):
    writer = None
    for texts in groups:
        table = pa.table({"text": pa.array(texts, pa.string())})
        writer = writer or pq.ParquetWriter(path, table.schema)
        writer.write_table(table)
    writer.close()


def test_parquet_row_group_over_the_bound_is_skipped_and_named(tmp_path):
    path = tmp_path / "groups.parquet"
    _parquet(path, [[BODY, BODY + " b"], ["w" * 50_000, "v" * 50_000], [BODY + " c"]])
    items = _items(path, limits=ReadLimits(max_row_group_bytes=20_000))
    docs = [i for i in items if isinstance(i, Document)]
    (error,) = [i for i in items if isinstance(i, LoadError)]
    assert [d.record for d in docs] == [1, 2, 5]  # the skipped group's records keep their numbers
    assert error.record == 3 and not error.fatal and error.path == str(path)
    assert "row group 1 (records 3-4) holds" in error.message and "row-group bound of 20,000 bytes" in error.message
    assert len(_items(path)) == 5  # under the default bound every row group is read


def test_parquet_is_read_row_group_by_row_group(tmp_path, monkeypatch):
    path = tmp_path / "groups.parquet"
    _parquet(path, [[BODY], [BODY + " 2"], [BODY + " 3"]])
    asked = []
    real = pq.ParquetFile.iter_batches

    def spy(self, *args, **kwargs):
        asked.append(kwargs.get("row_groups"))
        return real(self, *args, **kwargs)

    monkeypatch.setattr(pq.ParquetFile, "iter_batches", spy)
    assert len(_items(path)) == 3 and asked == [[0], [1], [2]]


@pytest.mark.parametrize("depth", [100_000, 3_000, PARSER_MAX_DEPTH])
def test_deep_html_page_is_an_error_naming_the_depth_bound(depth):
    page = f"<html><body>{'<div>' * depth}<p>{BODY}</p>{'</div>' * depth}</body></html>".encode()
    (error,) = page_items(page, "deep.html")
    assert isinstance(error, LoadError) and error.fatal and error.path == "deep.html"
    assert "levels deep, over the bound of 255 (max-html-depth" in error.message


def test_html_depth_bound_is_configurable_and_real_pages_pass():
    page = f"<html><body>{'<div>' * 40}<p>{BODY}</p>{'</div>' * 40}</body></html>".encode()
    (doc,) = page_items(page, "ok.html")
    assert isinstance(doc, Document) and BODY in doc.text
    (error,) = page_items(page, "ok.html", HtmlOptions(max_depth=30))
    assert isinstance(error, LoadError) and "over the bound of 30" in error.message
    with pytest.raises(ValueError, match="max-depth must be a whole number >= 1 and <= 255"):
        HtmlOptions(max_depth=1_000)


def test_tree_depth_is_iterative():
    import lxml.html

    tree = lxml.html.fromstring("<html><body>" + "<div>" * 200 + "x" + "</div>" * 200 + "</body></html>")
    assert tree_depth(tree) == 202


def test_html_page_size_bound_is_configurable(tmp_path):
    page = f"<html><body><p>{BODY}</p></body></html>".encode()
    (error,) = page_items(page, "big.html", HtmlOptions(max_page_bytes=50))
    assert error.fatal and "page is larger than 50 bytes" in error.message and "(max-page-bytes)" in error.message


def test_extracted_html_text_is_bounded_like_any_document(tmp_path):
    path = tmp_path / "long.html"
    path.write_text("<html><body>" + "".join(f"<p>{BODY} {i}</p>" for i in range(200)) + "</body></html>")
    (doc,) = _items(path, limits=ReadLimits(max_document_chars=2_000))
    assert len(doc.text) <= 2_000 and doc.meta["truncated_from"] > 2_000 and doc.title_line == 0


def test_bounds_are_config_keys_and_cli_options(tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "a.txt").write_text("Title\n" + (BODY + "\n") * 100, encoding="utf-8")
    (tmp_path / "r.jsonl").write_text(json.dumps({"text": BODY}) + "\n" + json.dumps({"text": "q" * 900}) + "\n")
    (tmp_path / "pyproject.toml").write_text("[tool.corpuscheck]\nmax-document-chars = 1000\nmax-record-bytes = 500\n")
    assert main(["config"]) == 0
    shown = capsys.readouterr().out
    assert "max-document-chars = 1000" in shown and "max-record-bytes  = 500" in shown
    code = main(["check", "a.txt", "r.jsonl", "--format", "json", "--no-report", "--select", "S107", "--no-progress"])
    out = json.loads(capsys.readouterr().out)
    assert code == 1
    (s107,) = [f for f in out["files"] if f["path"] == "a.txt"][0]["findings"]
    assert "over the bound of 1,000" in s107["message"] and "checked on its first" in s107["message"]
    (error,) = [f for f in out["files"] if f["path"] == "r.jsonl"][0]["errors"]
    assert "record bound of 500 bytes" in error["message"]
    code = main(["check", "a.txt", "--format", "json", "--no-report", "--select", "S107", "--no-progress",
                 "--max-document-chars", "100000"])
    assert json.loads(capsys.readouterr().out)["files"][0]["findings"] == [] and code == 0
    (tmp_path / "pyproject.toml").write_text("[tool.corpuscheck]\nmax-html-depth = 5000\n")
    assert main(["check", "a.txt", "--no-report"]) == 2
    assert "max-html-depth must be at most 255" in capsys.readouterr().err


def test_file_that_changes_while_read_is_an_error_for_that_file(tmp_path, monkeypatch):
    first, changing = tmp_path / "a.txt", tmp_path / "b.jsonl"
    first.write_text(BODY + "\n")
    changing.write_text(json.dumps({"text": BODY}) + "\n" + json.dumps({"text": BODY + " 2"}) + "\n")
    stream = loader.iter_items([tmp_path])
    items = []
    for item in stream:
        items.append(item)
        if isinstance(item, Document) and item.path == str(changing) and item.record == 1:
            with open(changing, "a") as handle:  # a scraper appending while the check reads
                handle.write(json.dumps({"text": BODY + " 3"}) + "\n")
    errors = [i for i in items if isinstance(i, LoadError)]
    assert [e.path for e in errors] == [str(changing)] and "changed while it was read" in errors[0].message
    assert any(isinstance(i, Document) and i.path == str(first) for i in items)


def test_file_removed_after_open_is_reported(tmp_path):
    path = tmp_path / "gone.jsonl"
    path.write_text(json.dumps({"text": BODY}) + "\n" + json.dumps({"text": BODY + " 2"}) + "\n")
    stream = loader.read_file(str(path), str(path), "text", "title", HtmlOptions())
    first = next(stream)
    os.unlink(path)
    rest = list(stream)
    assert isinstance(first, Document) and "removed while it was read" in rest[-1].message
