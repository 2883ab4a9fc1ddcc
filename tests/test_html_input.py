"""HTML input: saved pages become Documents through trafilatura; every bad page is a LoadError, never a traceback."""

import gzip
import json
import pickle
import sys

import pytest

from corpuscheck.cli import main
from corpuscheck.input import html as html_input
from corpuscheck.input import loader
from corpuscheck.input.document import Document
from corpuscheck.input.html import HtmlOptions, decode_page, page_items
from corpuscheck.input.loader import FileStart, HtmlPage, LoadError, iter_items
from corpuscheck.rules import get_rule
from tests.conftest import FIXTURES, read_items
from tests.work import assert_linear

PAGES = FIXTURES / "html_pages"
INDONESIAN = PAGES / "indonesian-news-pages"
BENCHMARK = PAGES / "article-extraction-benchmark"
KOMPAS = INDONESIAN / "kompas-singlepage2.html.gz"
RUSSIAN = BENCHMARK / "c4a3637c66.html.gz"
ARTICLE = (
    "<html><head><title>Judul berita</title></head><body><article>"
    "<p>JAKARTA - Paragraf pertama dari berita ini cukup panjang untuk dibaca sebagai teks utama halaman.</p>"
    "<p>Paragraf kedua menyusul dengan kalimat lain yang juga panjang agar ekstraksi menemukannya.</p>"
    "</article></body></html>"
)


read = read_items


def one_page(path, **options):
    docs, errors, started = read(path, **options)
    assert started == [str(path)] and errors == {} and len(docs) == 1, (errors, docs)
    return docs[0]


def page(data: bytes, **kwargs):
    """(documents, errors) of one page's bytes."""
    items = list(page_items(data, "page.html", **kwargs))
    return [i for i in items if isinstance(i, Document)], [i for i in items if isinstance(i, LoadError)]


# --- real pages ---------------------------------------------------------------------------------

# (file, title, url, source, the opening of the article, declared language, date)
REAL = [
    (
        INDONESIAN / "kompas-singlepage2.html.gz",
        'Menteri Yuddy Ancam PNS yang Rankingnya Terendah Akan "Dipangkas" - Kompas.com',
        "http://nasional.kompas.com/read/2016/02/16/14382361/Menteri.Yuddy.Ancam.PNS.yang.Rankingnya.Terendah.Akan.Dipangkas.",
        "nasional.kompas.com",
        "JAKARTA, KOMPAS.com — Menteri Pendayagunaan Aparatur Negara dan Reformasi Birokrasi Yuddy Chrisnandi "
        "menginginkan adanya sistem untuk bisa memantau pegawai negeri sipil terbaik dalam sebuah instansi.",
        "en",  # what the page declares (<html lang="en">), not what it is
        "2016-02-16",
    ),
    (
        INDONESIAN / "liputan6-singlepage.html.gz",
        "Tri Indonesia: Broadband Dorong Ekosistem Digital Dalam Negeri",
        "http://tekno.liputan6.com/read/2436773/tri-indonesia-broadband-dorong-ekosistem-digital-dalam-negeri",
        "tekno.liputan6.com",
        "Liputan6.com, Jakarta - Indonesia memasuki fase dinamis akan pertumbuhan ekosistem digital.",
        "id",  # declared as the withdrawn code "in"
        "2016-02-16",
    ),
    (
        INDONESIAN / "kapanlagi-singlepage2.html.gz",
        "KapanLagi.com: FOTO: Dian Sastrowardoyo Saat Berusia 13 Tahun, Masih Cantik?",
        "http://www.kapanlagi.com/showbiz/selebriti/foto-dian-sastrowardoyo-saat-masih-13-tahun-masih-cantik-1b2294.html",
        "kapanlagi.com",
        "Selalu dipuja pria dan wanita, tahukah kamu jika ternyata Dian di masa lalu adalah gadis yang sangat berbeda?",
        "en",
        "2016-02-14",
    ),
    (
        INDONESIAN / "antara-singlepage.html.gz",  # no canonical link, no og:url: no url, no source
        "29 penerbangan Bandara Internasional Lombok dibatalkan",
        None,
        None,
        "Mataram, NTB (ANTARA News) - Sebanyak 29 penerbangan baik domestik dan internasional dari dan menuju "
        "Bandara Internasional Lombok harus dibatalkan",
        "id",
        "2015-11-05",
    ),
    (
        BENCHMARK / "c00962aabe.html.gz",  # the URL is in the benchmark's ground truth only
        "Seeking a bigger role for a big rocket",
        None,
        None,
        "Earlier this month, NASA announced the newest milestone in the development of its long-awaited "
        "(and long-delayed) Space Launch System.",
        None,
        "2019-11-18",
    ),
    (
        RUSSIAN,
        "Скайрим (skyrim) скорость бега как увеличить",
        "https://gto-normativy.ru/skajrim-skorost-bega-kak-uvelichit/",
        "gto-normativy.ru",
        "Характеристики бега можно увеличить за счет кодов",
        "ru",
        "2018-10-03",
    ),
    (
        BENCHMARK / "0ec95c7261.html.gz",
        "엔터 미디어",
        None,
        None,
        "[엔터미디어=정덕현의 이슈공감] 엘제이의 리벤지인가, 류화영의 피해자 코스프레인가.",
        "ko",
        "2018-08-25",
    ),
]


@pytest.mark.parametrize("path, title, url, source, opening, lang, date", REAL, ids=[r[0].name for r in REAL])
def test_real_page(path, title, url, source, opening, lang, date):
    doc = one_page(path)
    assert doc.path == doc.doc_id == str(path) and doc.record == 1
    assert doc.title == title and doc.title_line == 0
    assert opening in doc.text
    assert doc.meta.get("url") == url and doc.meta.get("source") == source
    assert doc.meta.get("lang") == lang and doc.meta.get("date") == date
    assert doc.meta["encoding"] == "utf-8"
    # paragraphs one per line, folded as a browser shows them: no blank lines, no edge spaces, no space runs
    assert doc.lines and all(line and line == line.strip() and "  " not in line for line in doc.lines)
    # line numbers count lines of the extracted text (the title is not one of them)
    assert list(doc.body_lines())[0] == (1, doc.lines[0])


def test_line_numbers_point_into_the_extracted_text():
    doc = one_page(INDONESIAN / "liputan6-singlepage.html.gz")
    assert doc.line(1).startswith("Liputan6.com, Jakarta - Indonesia memasuki fase dinamis")
    assert doc.line(6) == "Baca Juga"  # a related-articles widget left inside the article
    assert doc.line(14) == "(Cas/Isk)" == doc.lines[-1]  # the editors' initials


def test_declared_latin1_but_utf8_page_is_read_as_utf8():
    """kapanlagi declares iso-8859-1, but the saved bytes are UTF-8 (the scraper re-encoded them)."""
    raw = gzip.decompress((INDONESIAN / "kapanlagi-singlepage2.html.gz").read_bytes())
    assert b'charset=iso-8859-1' in raw.lower() and "©".encode() in raw
    decoded = decode_page(raw)
    assert decoded.encoding == "utf-8" and decoded.bad_offset is None
    assert "©" in decoded.text and "Â©" not in decoded.text


def test_rss_feed_saved_as_html_is_an_error():
    path = INDONESIAN / "antara-mainpage.html.gz"
    docs, errors, started = read(path)
    assert docs == [] and started == [str(path)]
    [error] = errors[str(path)]
    assert error.fatal and "not an HTML page: an RSS feed" in error.message


def test_folder_of_pages_every_file_listed():
    docs, errors, started = read(PAGES)
    assert len(started) == 9 and len(docs) == 8
    assert list(errors) == [str(INDONESIAN / "antara-mainpage.html.gz")]


def test_check_finds_real_defects_in_real_pages(capsys, in_tmp):
    code = main(["check", str(INDONESIAN), "--format", "json"])  # in an empty folder: the built-in news suite
    out, err = capsys.readouterr()
    assert code == 1, err
    data = json.loads(out)
    found = {
        (f["path"].rsplit("/", 1)[-1], x["code"], x["line"], x["excerpt"])
        for f in data["files"]
        for x in f["findings"]
    }
    # byline initials and a share-button label, at their lines in the extracted text
    assert ("liputan6-singlepage.html.gz", "N102", 14, "(Cas/Isk)") in found
    assert ("kapanlagi-singlepage2.html.gz", "N102", 6, "(kpl/sry)") in found
    assert ("republika-singlepage2.html.gz", "P102", 8, "SHARE") in found
    by_path = {f["path"].rsplit("/", 1)[-1]: f for f in data["files"]}
    assert by_path["antara-mainpage.html.gz"]["documents"] == 0
    assert "RSS feed" in by_path["antara-mainpage.html.gz"]["errors"][0]["message"]
    assert data["summary"]["documents"] == 5 and data["summary"]["files"] == 6


# --- options --------------------------------------------------------------------------------------


def test_tables_option():
    with_tables = one_page(KOMPAS)
    without = one_page(KOMPAS, html=HtmlOptions(tables=False))
    assert "| Penulis | : Nabilla Tashandra |" in with_tables.lines  # the author box, a table
    assert not any(line.startswith("|") for line in without.lines)
    assert without.lines == [line for line in with_tables.lines if not line.startswith("|")]


def test_unknown_mode_is_refused():
    with pytest.raises(ValueError, match="unknown HTML extraction mode"):
        HtmlOptions(mode="greedy")


def test_deferred_page_reads_the_same_in_another_process():
    items = list(iter_items([str(KOMPAS)], defer_html=True))
    assert items[0] == FileStart(str(KOMPAS))
    deferred = items[1]
    assert isinstance(deferred, HtmlPage) and len(items) == 2
    copy = pickle.loads(pickle.dumps(deferred))  # what a worker receives
    [doc] = list(copy.read())
    inline = one_page(KOMPAS)
    assert (doc.text, doc.title, doc.meta, doc.path) == (inline.text, inline.title, inline.meta, inline.path)


# --- encodings ----------------------------------------------------------------------------------


def _kompas_text():
    return gzip.decompress(KOMPAS.read_bytes()).decode("utf-8")


def test_page_in_declared_windows_1252_reads_like_the_utf8_original():
    html = _kompas_text().replace("Menteri Pendayagunaan", "Menteri “Pendayagunaan” (café)")
    [utf8], errors = page(html.encode("utf-8"))
    assert errors == [] and "Menteri “Pendayagunaan” (café)" in utf8.line(1)
    # iso-8859-1 is read as windows-1252, as browsers do: the curly quotes exist only there
    legacy = html.replace('charset="utf-8"', 'charset="iso-8859-1"', 1).encode("cp1252")
    assert legacy.count(b"iso-8859-1") == 1 and b"\x93Pendayagunaan\x94 (caf\xe9)" in legacy
    [doc], errors = page(legacy)
    assert errors == [] and doc.meta["encoding"] == "cp1252"
    assert doc.text == utf8.text and doc.title == utf8.title


def test_page_in_windows_1251_declared_or_guessed():
    original = one_page(RUSSIAN)
    html = gzip.decompress(RUSSIAN.read_bytes()).decode("utf-8")
    declared = html.replace('charset="UTF-8"', 'charset="windows-1251"').replace("charset=UTF-8", "charset=windows-1251")
    [doc], errors = page(declared.encode("cp1251", errors="ignore"))
    assert errors == [] and doc.meta["encoding"] == "cp1251" and doc.lines[0] == original.lines[0]
    undeclared = html.replace('charset="UTF-8"', "").replace("charset=UTF-8", "")
    assert "charset" not in undeclared.lower()[:16384]
    [doc], errors = page(undeclared.encode("cp1251", errors="ignore"))
    assert errors == [] and doc.lines[0] == "Характеристики бега можно увеличить за счет кодов"


def test_bad_bytes_in_a_utf8_page_are_reported_and_the_text_checked():
    raw = gzip.decompress(KOMPAS.read_bytes()).replace(b"Yuddy Chrisnandi menginginkan",
                                                        b"Yuddy Chrisnandi \xff menginginkan", 1)
    [doc], [error] = page(raw)
    offset = raw.index(b"\xff")
    assert error.line == raw.count(b"\n", 0, offset) + 1 and not error.fatal
    assert f"byte 0xff at offset {offset}" in error.message and "not valid UTF-8 (declared by the page)" in error.message
    assert "Yuddy Chrisnandi \ufffd menginginkan" in doc.line(1)


def test_utf16_pages():
    for data in (ARTICLE.encode("utf-16"), ARTICLE.encode("utf-16-le"), ARTICLE.encode("utf-16-be")):
        [doc], errors = page(data)
        assert errors == [] and doc.title == "Judul berita"
        assert doc.lines[0].startswith("JAKARTA - Paragraf pertama")


# --- bad input ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "data, message",
    [
        (b"", "file is empty"),
        (b"  \n\t\n", "file has only white space"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)), "binary data, not an HTML page"),
        (b'<?xml version="1.0"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"></urlset>',
         "not an HTML page: a sitemap"),
        (b'<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"><title>x</title></feed>',
         "not an HTML page: an Atom feed"),
    ],
    ids=["empty", "blank", "png", "sitemap", "atom"],
)
def test_not_a_page(tmp_path, data, message):
    path = tmp_path / "bad.html"
    path.write_bytes(data)
    good = tmp_path / "good.htm"
    good.write_text(ARTICLE, encoding="utf-8")
    docs, errors, started = read(tmp_path)
    assert started == [str(path), str(good)]
    assert [d.path for d in docs] == [str(good)]  # the other file is still checked
    [error] = errors[str(path)]
    assert message in error.message


def test_page_without_article_text_is_an_empty_document_that_s101_flags():
    challenge = (b"<html><head><title>Just a moment...</title></head><body>"
                 b"<script>window.location.reload()</script><div id='challenge'></div></body></html>")
    [doc], errors = page(challenge)
    assert errors == [] and doc.title == "Just a moment..." and doc.text == ""
    hits = get_rule("S101").run(doc)
    assert [h.line for h in hits] == [1]


def test_truncated_gzip_page_is_extracted_as_far_as_it_goes(tmp_path):
    whole = KOMPAS.read_bytes()
    path = tmp_path / "cut.html.gz"
    path.write_bytes(whole[: len(whole) * 2 // 3])
    docs, errors, _ = read(path)
    [error] = errors[str(path)]
    assert "file ends early" in error.message and "truncated gzip data" in error.message and not error.fatal
    [doc] = docs
    assert doc.title and doc.title.startswith("Menteri Yuddy")  # the head was read
    header_only = tmp_path / "header.html.gz"
    header_only.write_bytes(whole[:12])
    docs, errors, _ = read(header_only)
    assert docs == [] and errors[str(header_only)][0].fatal


def test_gzip_by_magic_bytes_whatever_the_name(tmp_path):
    path = tmp_path / "page.html"
    path.write_bytes(gzip.compress(ARTICLE.encode()))
    assert one_page(path).title == "Judul berita"


def test_page_over_the_size_limit_is_not_extracted(tmp_path, monkeypatch):
    monkeypatch.setattr(html_input, "MAX_PAGE_BYTES", 1000)
    path = tmp_path / "huge.html.gz"  # also a gzip bomb: not inflated past the limit
    path.write_bytes(gzip.compress(b"<html><body><p>" + b"a" * 10_000_000 + b"</p></body></html>"))
    docs, errors, _ = read(path)
    [error] = errors[str(path)]
    assert docs == [] and error.fatal
    assert error.message == "page is larger than 1,000 bytes, the limit for HTML extraction (max-page-bytes): not checked"


@pytest.mark.parametrize(
    "data",
    [
        b"<html><head><title>Deep</title></head><body>" + b"<div>" * 50_000 + b"<p>x</p>" + b"</div>" * 50_000,
        b"<html><head><title>C</title></head><body>" + b"<!--" * 50_000 + b"<p>x</p></body></html>",
        b"<html><head><title>E</title></head><body><p>" + b"&amp;&#99999999;&#0;&bogus;<" * 20_000 + b"</p>",
        b"<html/><p>Hello</p>",
        b"</html></body><p>unbalanced</div></span><title>late title</title>",
        b"<html><head><meta charset='utf-16'><title>lies</title></head><body><p>Teks biasa.</p></body></html>",
        b"<html><head><meta charset='x-no-such-charset'><title>T</title></head><body><p>caf\xe9</p></body></html>",
        b"<html><body><p>stray NUL \x00 byte</p></body></html>",
        "<html><body><p>\u202eRTL override \udcff lone surrogate</p></body></html>".encode("utf-8", "surrogateescape"),
    ],
    ids=["deep-nesting", "comment-bomb", "entities", "self-closing-html", "unbalanced", "meta-utf16",
         "unknown-charset", "nul", "odd-characters"],
)
def test_hostile_html_never_raises(data):
    docs, errors = page(data)
    assert len(docs) + sum(e.fatal for e in errors) == 1  # a Document, or one fatal error saying why
    for doc in docs:
        assert "\n\n" not in doc.text and all(line == line.strip() for line in doc.lines)


def test_fragment_and_plain_text_saved_as_html():
    [doc], errors = page(b"<div class='content'><p>JAKARTA - Isi berita yang disimpan tanpa halaman di sekitarnya.</p>"
                         b"<p>Paragraf kedua yang juga cukup panjang untuk diekstrak.</p></div>")
    assert errors == [] and doc.lines[0].startswith("JAKARTA - Isi berita")
    docs, [error] = page(b"Only text, no markup at all.\nSecond line.")
    assert docs == [] and error.fatal and error.message.startswith("not an HTML page: no markup at all")


def test_extractor_crash_is_the_file_error(monkeypatch):
    import trafilatura

    def boom(*args, **kwargs):
        raise RecursionError("maximum recursion depth exceeded")

    monkeypatch.setattr(trafilatura, "bare_extraction", boom)
    docs, [error] = page(ARTICLE.encode())
    assert docs == [] and error.fatal and error.message == "HTML extraction failed: RecursionError: maximum recursion depth exceeded"


def test_missing_trafilatura_says_how_to_install(monkeypatch):
    monkeypatch.setitem(sys.modules, "trafilatura", None)  # import trafilatura now raises ImportError
    docs, [error] = page(ARTICLE.encode())
    assert docs == [] and error.fatal and "pip install trafilatura" in error.message


def test_a_large_page_is_extracted_whole_in_linear_work():
    def html(n):
        paragraphs = "".join(f"<p>Paragraf nomor {i} dari artikel yang sangat panjang, dengan kalimat yang cukup.</p>\n"
                             for i in range(n))
        return f"<html><head><title>Panjang</title></head><body><article>{paragraphs}</article></body></html>".encode()

    page(html(30))  # warm the extractor (its first page reads its stoplists and compiles its patterns)
    small, large = html(3_000), html(12_000)
    assert len(large) > 1_000_000
    assert_linear(page, small, large, 4, what="HTML page")
    [doc], errors = page(large)
    assert len(doc.lines) == 12_000 and doc.lines[-1].startswith("Paragraf nomor 11999 ")
