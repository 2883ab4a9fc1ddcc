"""The loader: every format into Documents, and every bad input into an error with its location."""

import gzip
import os
import shutil
import sys

import orjson
import pytest

from corpuscheck.engine import rows
from corpuscheck.input.document import Document
from corpuscheck.input.loader import (
    MAX_ERRORS_PER_FILE,
    FileStart,
    display_path,
    iter_items,
    load,
)
from tests.conftest import FIXTURES, read_items
from tests.work import assert_linear

INPUT = FIXTURES / "input"
SEED = FIXTURES / "seed" / "000_232fd3ee54a89291.txt"
ARTICLE = "Judul berita\n\nJAKARTA - Paragraf pertama.\n\nParagraf kedua.\n"


read = read_items


def only_error(errors, path):
    assert list(errors) == [str(path)], errors
    assert len(errors[str(path)]) == 1, errors
    return errors[str(path)][0]


def write_jsonl(path, records, opener=open):
    with opener(path, "wb") as handle:
        for record in records:
            handle.write(record if isinstance(record, bytes) else orjson.dumps(record))
            handle.write(b"\n")
    return path


# --- formats ----------------------------------------------------------------------------------


def check_article(doc, path):
    assert doc.path == doc.doc_id == str(path)
    assert doc.record == 1 and doc.source_line is None and doc.meta == {}
    assert doc.title == "Judul berita" and doc.title_line == 1
    assert [n for n, line in doc.body_lines() if line] == [3, 5]
    assert doc.line(3) == "JAKARTA - Paragraf pertama."
    assert doc.body.startswith("\nJAKARTA - Paragraf pertama.")


def test_txt(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    docs, errors, started = read(path)
    assert errors == {} and started == [str(path)] and len(docs) == 1
    check_article(docs[0], path)


def test_txt_gz(tmp_path):
    path = tmp_path / "a.txt.gz"
    path.write_bytes(gzip.compress(ARTICLE.encode()))
    docs, errors, _ = read(path)
    assert errors == {} and len(docs) == 1
    check_article(docs[0], path)


def test_seed_fixture_keeps_its_line_numbers():
    (doc,) = load(str(SEED))
    assert doc.title.startswith("Rusia-Korea Utara Mesra") and doc.title_line == 1
    assert doc.line(2) == "loading..." and doc.line(19) == "(ian)" and len(doc.lines) == 19


def check_jsonl_docs(docs, path):
    assert [d.record for d in docs] == [1, 2, 3]
    assert [d.source_line for d in docs] == [1, 3, 4]  # the blank line 2 is no record
    assert [d.doc_id for d in docs] == [f"{path}#1", f"{path}#2", f"{path}#3"]
    first, second, third = docs
    # a title field: the title, and every line of the text is body (numbered from 1)
    assert first.title == "Harga beras naik di Jakarta" and first.title_line == 0
    assert [n for n, line in first.body_lines() if line] == [1, 3]
    assert first.meta == {"id": "a1", "url": "https://example.org/a1"}
    # no title field: the first non-empty line is the title, as in a .txt file
    assert second.title == "Hujan deras rendam Bekasi" and second.title_line == 1
    assert [n for n, _ in second.body_lines()] == [2, 3]
    assert second.meta == {"id": "a2", "url": "https://example.org/a2"}
    # an empty title field counts as none
    assert third.title == "Pameran buku dibuka" and third.title_line == 2
    assert third.meta == {"id": "a3"}


def test_jsonl():
    path = INPUT / "articles.jsonl"
    docs, errors, _ = read(path)
    assert errors == {}
    check_jsonl_docs(docs, path)


@pytest.mark.parametrize("name", ["articles.jsonl.gz", "articles.json.gz"])
def test_jsonl_gz_and_json_gz(tmp_path, name):
    path = tmp_path / name
    path.write_bytes(gzip.compress((INPUT / "articles.jsonl").read_bytes()))
    docs, errors, _ = read(path)
    assert errors == {}
    check_jsonl_docs(docs, path)


def test_jsonl_text_and_title_fields(tmp_path):
    path = write_jsonl(tmp_path / "a.jsonl", [{"body": "Isi satu\nbaris dua", "headline": "Judul", "title": "x"}])
    (doc,) = load(str(path), text_field="body", title_field="headline")
    assert doc.title == "Judul" and doc.title_line == 0 and doc.lines == ["Isi satu", "baris dua"]
    assert doc.meta == {"title": "x"}
    (doc,) = load(str(path), text_field="body", title_field=None)
    assert doc.title == "Isi satu" and doc.title_line == 1
    assert doc.meta == {"headline": "Judul", "title": "x"}


def test_parquet(tmp_path):
    pa = pytest.importorskip("pyarrow")
    pq = pytest.importorskip("pyarrow.parquet")
    path = tmp_path / "a.parquet"
    table = pa.table(
        {
            "content": ["JAKARTA - Isi satu.\nBaris dua.", "Judul dua\nSEOUL - Isi dua.", "Judul tiga\n\nIsi tiga."],
            "headline": ["Judul satu", None, "  "],
            "lang": ["id", "id", "en"],
            "n": [1, 2, 3],
        }
    )
    pq.write_table(table, path, row_group_size=2)  # two row groups: records keep counting across them
    docs, errors, _ = read(path, text_field="content", title_field="headline")
    assert errors == {}
    assert [d.record for d in docs] == [1, 2, 3]
    assert [d.doc_id for d in docs] == [f"{path}#{n}" for n in (1, 2, 3)]
    assert [d.source_line for d in docs] == [None, None, None]
    assert [(d.title, d.title_line) for d in docs] == [("Judul satu", 0), ("Judul dua", 1), ("Judul tiga", 1)]
    assert [n for n, line in docs[2].body_lines() if line] == [3]
    assert docs[0].meta == {"lang": "id", "n": 1}
    # the default text field is absent: one error for the file, naming the columns
    docs, errors, _ = read(path)
    error = only_error(errors, path)
    assert docs == [] and error.fatal and "no 'text' column (columns: content, headline, lang, n)" in error.message


def test_parquet_nulls_and_non_string_column(tmp_path):
    pa = pytest.importorskip("pyarrow")
    pq = pytest.importorskip("pyarrow.parquet")
    path = tmp_path / "a.parquet"
    pq.write_table(pa.table({"text": ["Judul\nIsi.", None, "Judul 3\nIsi."], "n": [1, 2, 3]}), path)
    docs, errors, _ = read(path)
    error = only_error(errors, path)
    assert [d.record for d in docs] == [1, 3]
    assert (error.record, error.line, error.message) == (2, None, "field 'text' is null, not a string")
    docs, errors, _ = read(path, text_field="n")
    assert docs == [] and "column 'n' holds int64, not strings" in only_error(errors, path).message


def test_folder_recursive_sorted_hidden_skipped(tmp_path):
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "z.txt").write_text(ARTICLE)
    (tmp_path / "a.txt").write_text(ARTICLE)
    (tmp_path / "c.jsonl").write_bytes((INPUT / "articles.jsonl").read_bytes())
    (tmp_path / "notes.md").write_text("not a corpus file")  # unsupported in a folder: silently left out
    (tmp_path / ".hidden.txt").write_text(ARTICLE)
    (tmp_path / ".git").mkdir()
    (tmp_path / ".git" / "x.txt").write_text(ARTICLE)
    docs, errors, started = read(tmp_path)
    assert errors == {}
    assert started == [str(tmp_path / n) for n in ("a.txt", "b/z.txt", "c.jsonl")]
    assert [d.doc_id for d in docs] == [str(tmp_path / "a.txt"), str(tmp_path / "b/z.txt"),
                                        *[f"{tmp_path / 'c.jsonl'}#{n}" for n in (1, 2, 3)]]
    # a hidden file named explicitly is read
    assert len(read(tmp_path / ".hidden.txt")[0]) == 1


def test_same_file_twice_is_read_once(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text(ARTICLE)
    docs, errors, started = read(path, tmp_path, path)
    assert errors == {} and len(docs) == 1 and started == [str(path)]


def test_empty_text_field_is_a_document_with_line_1(tmp_path):
    path = write_jsonl(tmp_path / "a.jsonl", [{"text": "", "title": "Judul saja"}])
    (doc,) = load(str(path))
    assert doc.title == "Judul saja" and doc.lines == [""] and doc.line(1) == "" and doc.body == ""


def test_rows_one_per_document():
    frame = rows(load(str(INPUT / "articles.jsonl")))
    assert list(frame["record"]) == [1, 2, 3]
    assert list(frame["meta.id"]) == ["a1", "a2", "a3"]
    assert frame.loc[0, "title"] == "Harga beras naik di Jakarta"


def test_load_streams(tmp_path):
    """The first document arrives before a bad end of the file is read: nothing is read up front."""
    path = tmp_path / "a.jsonl"
    write_jsonl(path, [{"text": f"Judul {n}\nIsi."} for n in range(3)] + [b"{broken"])
    stream = iter_items([str(path)])
    assert isinstance(next(stream), FileStart)
    first = next(stream)
    assert isinstance(first, Document) and first.record == 1
    assert [type(i).__name__ for i in stream] == ["Document", "Document", "LoadError"]


# --- encodings and line breaks ------------------------------------------------------------------


def test_crlf_and_bom():
    path = INPUT / "crlf-bom.txt"
    (doc,) = load(str(path))
    assert doc.title == "Judul dengan BOM dan CRLF"
    assert doc.lines[:4] == ["Judul dengan BOM dan CRLF", "JAKARTA - Baris pertama isi berita.", "",
                             "Baris ketiga isi berita."]
    assert "\r" not in doc.text and "\ufeff" not in doc.text


def test_crlf_and_bom_in_jsonl(tmp_path):
    path = tmp_path / "a.jsonl"
    path.write_bytes(b"\xef\xbb\xbf" + b'{"text": "Judul\\r\\nIsi."}\r\n{"text": "Dua\\nIsi."}\r\n')
    docs, errors, _ = read(path)
    assert errors == {} and [d.title for d in docs] == ["Judul", "Dua"] and docs[0].lines == ["Judul", "Isi."]


@pytest.mark.parametrize("codec", ["utf-16", "utf-16-be", "utf-32"])
def test_utf16_and_utf32_with_bom(tmp_path, codec):
    path = tmp_path / "a.txt"
    bom = {"utf-16-be": b"\xfe\xff"}.get(codec, b"")
    path.write_bytes(bom + "Judul é\nJAKARTA - Isi berita ü.\n".encode(codec))
    docs, errors, _ = read(path)
    assert errors == {} and docs[0].title == "Judul é" and docs[0].line(2) == "JAKARTA - Isi berita ü."


def test_utf16_jsonl(tmp_path):
    path = tmp_path / "a.jsonl"
    path.write_bytes('{"text": "Judul é\\nIsi."}\n{"text": "Dua"}\n'.encode("utf-16"))
    docs, errors, _ = read(path)
    assert errors == {} and [d.title for d in docs] == ["Judul é", "Dua"]


def test_latin1_txt_is_reported_and_still_checked(tmp_path):
    path = tmp_path / "a.txt"
    path.write_bytes(b"Judul\nCaf\xe9 di pojok jalan \xe0 la carte.\n")
    docs, errors, _ = read(path)
    error = only_error(errors, path)
    assert error.line == 2 and not error.fatal
    assert "byte 0xe9 at offset 9 (line 2, byte column 4)" in error.message
    assert "2 undecodable sequence(s) replaced by U+FFFD" in error.message
    assert docs[0].line(2) == "Caf\ufffd di pojok jalan \ufffd la carte."


def test_latin1_jsonl_record_is_reported_and_still_checked(tmp_path):
    path = tmp_path / "a.jsonl"
    path.write_bytes(b'{"text": "Satu\\nIsi."}\n{"text": "Caf\xe9\\nIsi."}\n{"text": "Tiga\\nIsi."}\n')
    docs, errors, _ = read(path)
    error = only_error(errors, path)
    assert (error.line, error.record) == (2, 2)
    assert "byte 0xe9 at offset 36 (line 2, byte column 14)" in error.message
    assert [d.title for d in docs] == ["Satu", "Caf\ufffd", "Tiga"]


@pytest.mark.parametrize(
    "content, message",
    [(b"", "file is empty"), (b"  \n\t\r\n\n", "file has only white space"), (b"\xef\xbb\xbf\n", "file has only white space")],
)
def test_empty_and_blank_txt(tmp_path, content, message):
    path = tmp_path / "a.txt"
    path.write_bytes(content)
    docs, errors, started = read(path)
    error = only_error(errors, path)
    assert docs == [] and started == [str(path)] and error.message == message and not error.fatal


@pytest.mark.parametrize("content, message", [(b"", "file is empty"), (b"\n \n", "file has only blank lines")])
def test_empty_jsonl(tmp_path, content, message):
    path = tmp_path / "a.jsonl"
    path.write_bytes(content)
    assert only_error(read(path)[1], path).message == message


def test_three_megabyte_single_line_is_loaded_whole_in_linear_work(tmp_path):
    def write(name, chars):
        path = tmp_path / name
        path.write_text("Judul\n" + ("kata berita presiden " * 150_000)[:chars] + "\n")
        return str(path)

    small, large = write("small.txt", 300_000), write("large.txt", 3_000_000)
    load(write("warm.txt", 1_000))
    assert_linear(load, small, large, 10, what="load")
    (doc,) = load(large)
    assert doc.line(2) == ("kata berita presiden " * 150_000)[:3_000_000] and len(doc.lines) == 3


def test_hostile_html_is_kept_verbatim(tmp_path):
    text = 'Judul <b>tebal</b>\n<script>alert("x")</script>\n<img src=x onerror=alert(1)>\n\x1b[31mmerah\n'
    path = tmp_path / "a.txt"
    path.write_text(text)
    (doc,) = load(str(path))
    assert doc.title == "Judul <b>tebal</b>" and doc.line(2) == '<script>alert("x")</script>'
    assert doc.line(4) == "\x1b[31mmerah"  # kept: reporters escape, the loader never rewrites text


# --- bad JSONL records ------------------------------------------------------------------------------


def test_bad_records_among_good_ones(tmp_path):
    path = tmp_path / "a.jsonl"
    write_jsonl(
        path,
        [
            {"text": "Satu\nIsi."},
            b'{"text": "unterminated',
            b"[1, 2]",
            b'"a string"',
            b"null",
            {"body": "no text field", "url": "u"},
            {"text": 5},
            {"text": None},
            {"text": ["a"]},
            {"text": "   "},
            {"text": "Sebelas\nIsi."},
        ],
    )
    docs, errors, _ = read(path)
    # a blank text is a document (an empty-document finding for the rules), not a read error
    assert [(d.record, d.source_line, d.title) for d in docs] == [(1, 1, "Satu"), (10, 10, None), (11, 11, "Sebelas")]
    assert docs[1].lines == ["   "] and list(docs[1].body_lines()) == [(1, "   ")]
    found = [(e.line, e.record, e.message, e.fatal) for e in errors[str(path)]]
    assert [f[:2] for f in found] == [(n, n) for n in range(2, 10)]
    assert not any(f[3] for f in found)
    messages = [f[2] for f in found]
    assert messages[0].startswith("malformed JSON record: ") and "column" in messages[0]
    assert messages[1:] == [
        "record is an array, not an object",
        "record is a string, not an object",
        "record is null, not an object",
        "record has no 'text' field (fields: body, url); set --text-field",
        "field 'text' is a number, not a string",
        "field 'text' is null, not a string",
        "field 'text' is an array, not a string",
    ]


def test_errors_per_file_are_capped(tmp_path):
    path = tmp_path / "a.jsonl"
    write_jsonl(path, [b"{bad"] * (MAX_ERRORS_PER_FILE + 50) + [{"text": "Judul\nIsi."}])
    docs, errors, _ = read(path)
    listed = errors[str(path)]
    assert len(docs) == 1 and docs[0].record == MAX_ERRORS_PER_FILE + 51
    assert len(listed) == MAX_ERRORS_PER_FILE + 1
    assert listed[-1].message == "50 more error(s) in this file not listed"


# --- damaged files ------------------------------------------------------------------------------


def test_truncated_jsonl_gz_keeps_the_records_before(tmp_path):
    path = tmp_path / "a.jsonl.gz"
    records = [{"text": f"Judul {n}\n" + "isi berita " * 50} for n in range(200)]
    write_jsonl(path, records, opener=gzip.open)
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 2])
    docs, errors, _ = read(path)
    error = only_error(errors, path)
    assert 0 < len(docs) < 200 and [d.record for d in docs] == list(range(1, len(docs) + 1))
    assert "file ends early" in error.message and "truncated gzip data" in error.message
    assert error.line is not None and error.line >= len(docs) + 1 and not error.fatal


def test_truncated_txt_gz(tmp_path):
    path = tmp_path / "a.txt.gz"
    data = gzip.compress(("Judul\n" + "JAKARTA - isi berita yang panjang sekali.\n" * 20_000).encode())
    path.write_bytes(data[: len(data) - 30])
    docs, errors, _ = read(path)
    error = only_error(errors, path)
    assert "file ends early" in error.message and "truncated gzip data" in error.message
    assert len(docs) == 1 and docs[0].title == "Judul"  # the part read is still checked


def test_corrupt_and_tiny_gz(tmp_path):
    corrupt = tmp_path / "a.jsonl.gz"
    corrupt.write_bytes(b"\x1f\x8b\x08\x00" + b"\x00garbage" * 10)
    tiny = tmp_path / "b.txt.gz"
    tiny.write_bytes(b"\x1f\x8b")
    docs, errors, _ = read(corrupt, tiny)
    assert docs == [] and set(errors) == {str(corrupt), str(tiny)}
    for path in (corrupt, tiny):
        error = errors[str(path)][0]
        assert error.fatal and ("gzip" in error.message), error.message


def test_gz_name_on_plain_text_and_gzip_without_gz_name(tmp_path):
    plain = tmp_path / "a.txt.gz"
    plain.write_text(ARTICLE)
    packed = tmp_path / "b.jsonl"
    packed.write_bytes(gzip.compress(b'{"text": "Judul\\nIsi."}\n'))
    docs, errors, _ = read(plain, packed)
    assert errors == {} and [d.title for d in docs] == ["Judul berita", "Judul"]


def test_corrupt_and_truncated_parquet(tmp_path):
    pa = pytest.importorskip("pyarrow")
    pq = pytest.importorskip("pyarrow.parquet")
    junk = tmp_path / "junk.parquet"
    junk.write_bytes(b"PAR1 this is not parquet at all")
    good = tmp_path / "good.parquet"
    pq.write_table(pa.table({"text": [f"Judul {n}\nIsi." for n in range(10)]}), good)
    cut = tmp_path / "cut.parquet"
    cut.write_bytes(good.read_bytes()[:-20])
    docs, errors, _ = read(junk, cut, good)
    assert len(docs) == 10 and {d.path for d in docs} == {str(good)}
    for path in (junk, cut):
        error = only_error({str(path): errors[str(path)]}, path)
        assert error.fatal and error.message.startswith("cannot read file: "), error.message


# --- paths ------------------------------------------------------------------------------------------


def test_missing_path_among_existing(tmp_path):
    good = tmp_path / "a.txt"
    good.write_text(ARTICLE)
    missing = tmp_path / "nope.txt"
    docs, errors, started = read(missing, good)
    error = only_error(errors, missing)
    assert error.message == "no such file or directory" and error.fatal
    assert started == [str(missing), str(good)] and len(docs) == 1


def test_unsupported_file_named_explicitly(tmp_path):
    path = tmp_path / "notes.md"
    path.write_text("# notes")
    error = only_error(read(path)[1], path)
    assert error.fatal and error.message.startswith("unsupported file type (expected .txt, .txt.gz, .jsonl")


def test_folder_without_corpus_files(tmp_path):
    (tmp_path / "notes.md").write_text("# notes")
    (tmp_path / ".hidden.txt").write_text(ARTICLE)
    docs, errors, _ = read(tmp_path)
    error = only_error(errors, tmp_path)
    assert docs == [] and error.fatal and error.message.startswith("folder has no corpus files")


@pytest.mark.skipif(os.name != "posix", reason="POSIX permissions")
def test_permission_denied(tmp_path):
    if os.geteuid() == 0:
        pytest.skip("running as root: chmod 000 does not stop root from reading, so the case cannot occur")
    locked = tmp_path / "locked.txt"
    locked.write_text(ARTICLE)
    folder = tmp_path / "locked-folder"
    folder.mkdir()
    (folder / "a.txt").write_text(ARTICLE)
    good = tmp_path / "good.txt"
    good.write_text(ARTICLE)
    locked.chmod(0)
    folder.chmod(0)
    try:
        docs, errors, _ = read(locked, folder, good)
    finally:
        locked.chmod(0o644)
        folder.chmod(0o755)
    assert [d.path for d in docs] == [str(good)]
    assert errors[str(locked)][0].message == "cannot read file: permission denied"
    assert errors[str(folder)][0].message == "cannot list folder: permission denied"


def test_permission_denied_simulated(tmp_path, monkeypatch):
    """The same case where it cannot happen for real (as root): the OS answers EACCES."""
    import corpuscheck.input.loader as loader

    locked = tmp_path / "locked.txt"
    locked.write_text(ARTICLE)
    folder = tmp_path / "locked-folder"
    folder.mkdir()
    good = tmp_path / "good.txt"
    good.write_text(ARTICLE)
    real_open, real_scandir = open, os.scandir

    def deny(path, *args, **kwargs):
        if os.fspath(path) in (str(locked), str(folder)):
            raise PermissionError(13, "Permission denied", os.fspath(path))
        return (real_scandir if os.path.isdir(path) else real_open)(path, *args, **kwargs)

    monkeypatch.setattr(loader, "open", deny, raising=False)
    monkeypatch.setattr(loader.os, "scandir", deny)
    docs, errors, _ = read(locked, folder, good)
    assert [d.path for d in docs] == [str(good)]
    assert [e.message for e in errors[str(locked)]] == ["cannot read file: permission denied"]
    assert [e.message for e in errors[str(folder)]] == ["cannot list folder: permission denied"]


@pytest.mark.skipif(os.name != "posix", reason="symbolic links")
def test_symlinks_loops_and_broken_links(tmp_path):
    corpus = tmp_path / "corpus"
    (corpus / "sub").mkdir(parents=True)
    (corpus / "sub" / "a.txt").write_text(ARTICLE)
    (corpus / "sub" / "up").symlink_to("..")  # a folder loop
    (corpus / "x.txt").symlink_to("y.txt")  # a file loop
    (corpus / "y.txt").symlink_to("x.txt")
    (corpus / "gone.txt").symlink_to("nowhere.txt")  # broken
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    (elsewhere / "b.txt").write_text(ARTICLE)
    (corpus / "linked").symlink_to(elsewhere)  # a link to a folder outside: followed
    docs, errors, _ = read(corpus)
    assert sorted(d.path for d in docs) == [str(corpus / "linked" / "b.txt"), str(corpus / "sub" / "a.txt")]
    messages = {path: [e.message for e in found] for path, found in errors.items()}
    assert messages == {
        str(corpus / "gone.txt"): ["broken symbolic link (points to nowhere.txt)"],
        str(corpus / "sub" / "up"): ["symbolic link loop (links back to a folder being walked): not followed"],
        str(corpus / "x.txt"): ["symbolic link loop"],
        str(corpus / "y.txt"): ["symbolic link loop"],
    }
    # named explicitly
    assert only_error(read(corpus / "x.txt")[1], corpus / "x.txt").message == "symbolic link loop"


@pytest.mark.skipif(sys.platform != "linux", reason="Linux file names are bytes")
def test_non_utf8_file_name(tmp_path):
    folder = os.fsencode(tmp_path)
    name = os.path.join(folder, b"caf\xe9.txt")
    with open(name, "wb") as handle:
        handle.write(ARTICLE.encode())
    docs, errors, started = read(tmp_path)
    shown = str(tmp_path / "caf\\xe9.txt")
    assert errors == {} and started == [shown] and docs[0].path == shown and docs[0].title == "Judul berita"
    assert display_path(os.fsdecode(name)) == shown
    orjson.dumps({"path": docs[0].path})  # printable and serialisable (a raw surrogate is not)


def test_a_file_that_is_not_regular(tmp_path):
    if not hasattr(os, "mkfifo"):
        pytest.skip("no named pipes here")
    pipe = tmp_path / "pipe.txt"
    os.mkfifo(pipe)
    error = only_error(read(pipe)[1], pipe)
    assert error.fatal and error.message == "not a regular file or folder"


def test_pathlike_and_single_string(tmp_path):
    shutil.copy(SEED, tmp_path / "seed.txt")
    assert len(list(load(tmp_path / "seed.txt"))) == 1
    assert len(list(load(str(tmp_path)))) == 1
