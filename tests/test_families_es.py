"""E (encoding and markup) and S (size and structure) rules on real licensed text.

Each rule fires on a real excerpt (tests/fixtures/families/, see its README) and finds
nothing in clean gold article bodies. Calibration figures: benchmarks/calibrate_es.py.
"""

import datetime as dt

import pytest
from ftfy.badness import is_bad

from corpuscheck.input.document import Document, from_text
from corpuscheck.input.loader import LoadError, iter_items
from corpuscheck.rules import all_rules, get_rule
from corpuscheck.rules.encoding.mojibake import _SUSPECTS
from corpuscheck.rules.encoding.script_residue import is_code
from corpuscheck.rules.news.dateline import find_dateline
from corpuscheck.rules.news.lines import LANGUAGES
from corpuscheck.rules.structure.dateline_date_mismatch import find_dates, meta_date
from tests.conftest import FIXTURES

FAMILIES = FIXTURES / "families"
ES_RULES = [r for r in all_rules() if r.family in ("E", "S")]


def load(name: str) -> list[Document | LoadError]:
    return [item for item in iter_items([str(FAMILIES / name)]) if isinstance(item, Document | LoadError)]


def docs(name: str) -> list[Document]:
    return [item for item in load(name) if isinstance(item, Document)]


def record(name: str, record_id: str) -> Document:
    return next(d for d in docs(name) if d.meta.get("id") == record_id)


def spans(code: str, doc: Document, **options) -> list[tuple[int, int]]:
    rule = get_rule(code)
    return [(h.line, h.end_line or h.line) for h in rule.run(doc, rule.resolve_options(options))]


def messages(code: str, doc: Document) -> list[str]:
    rule = get_rule(code)
    return [h.message or rule.message.format(**h.data) for h in rule.run(doc)]


def test_the_families_are_complete():
    codes = {r.code for r in ES_RULES}
    assert {"E101", "E102", "E103", "E104", "E105"} <= codes
    assert {"S101", "S102", "S103", "S104", "S105", "S106"} <= codes


# --- clean text: nothing fires ------------------------------------------------------


CLEAN = docs("gold-clean.jsonl")


def test_clean_fixture_is_there():
    assert len(CLEAN) >= 20
    # Korean, Japanese, Russian, German, Indonesian, Portuguese and Italian among them
    assert {d.meta["id"][:6] for d in CLEAN} >= {"9da36a", "85439e", "c4a363", "ba07d1", "214864", "f6ac15", "b6fb53"}


@pytest.mark.parametrize("rule", ES_RULES, ids=[r.code for r in ES_RULES])
def test_clean_gold_bodies_give_no_finding(rule):
    found = {d.meta["id"]: rule.run(d) for d in CLEAN}
    assert {k: v for k, v in found.items() if v} == {}


# --- E family -------------------------------------------------------------------------


def test_e101_cp1252_file_read_as_utf8():
    items = load("cp1252-jaragua.txt")
    errors = [i for i in items if isinstance(i, LoadError)]
    assert errors and "U+FFFD" in errors[0].message  # the loader reports the byte offset
    (doc,) = [i for i in items if isinstance(i, Document)]
    assert spans("E101", doc) == [(1, 1), (2, 2)]
    hits = get_rule("E101").run(doc)
    assert hits[0].column == doc.line(1).index("\ufffd") + 1
    assert hits[1].data["count"] == doc.line(2).count("\ufffd") > 1
    assert spans("E102", doc) == []  # lost characters are E101's, not mojibake


def test_e102_mojibake_with_ftfy_repair():
    (doc,) = docs("mojibake-jaragua.txt")
    assert spans("E102", doc) == [(1, 1), (2, 2)]
    first = messages("E102", doc)[0]
    assert "ServiÃ§o" in first and "Serviço" in first
    assert get_rule("E102").run(doc)[0].column == doc.line(1).index("Ã") + 1


def test_e102_prefilter_never_hides_what_ftfy_calls_bad():
    """The fast character-class scan must let through every line ftfy's heuristic flags."""
    lines = [line for d in CLEAN for line in d.lines]
    for d in CLEAN[:12]:
        raw = d.text.encode("utf-8")
        for encoding in ("cp1252", "latin-1", "cp1251", "cp1253", "cp1257", "mac_roman", "cp437"):
            lines += raw.decode(encoding, errors="replace").split("\n")
    bad = [line for line in lines if is_bad(line)]
    assert len(bad) > 50  # the test sees real mojibake of many code pages
    assert [line for line in bad if not _SUSPECTS.search(line)] == []


def test_e103_zero_width_spaces_and_word_joiners_in_gold():
    (doc,) = docs("gold-zero-width-spaces.txt")
    assert spans("E103", doc) == [(7, 7), (9, 9)]
    assert "nothing else" in messages("E103", doc)[0]
    (doc,) = docs("gold-word-joiners.txt")
    assert spans("E103", doc) == [(4, 4)]
    assert "U+2060 word joiner" in messages("E103", doc)[0]


def test_e103_soft_hyphens_only_on_request():
    (doc,) = docs("gold-soft-hyphens.txt")
    line = next(n for n, text in enumerate(doc.lines, start=1) if "\u00ad" in text)
    assert spans("E103", doc) == []
    assert spans("E103", doc, soft_hyphens="misplaced") == []  # all between letters
    assert spans("E103", doc, soft_hyphens="all") == [(line, line)]
    with pytest.raises(ValueError):
        spans("E103", doc, soft_hyphens="yes")


def test_e104_escaped_markup_and_beacons_in_html_text_output():
    (doc,) = docs("html-text-indiewire.txt")
    assert spans("E104", doc) == [(6, 6)]
    assert "&lt;" in messages("E104", doc)[0]
    (doc,) = docs("html-text-img-beacon.txt")
    assert spans("E104", doc) == [(3, 3)]
    assert "<img height=" in messages("E104", doc)[0]


def test_e105_script_css_and_json_ld_of_a_naive_extraction():
    (doc,) = docs("naive-techcrunch.txt")
    assert spans("E105", doc) == [(2, 21), (52, 58)]
    first = messages("E105", doc)[0]
    assert "CSS" in first and "JSON-LD" in first and "script" in first
    # the article's own lines between the two runs are not code
    assert doc.line(22) == "New York State Attorney General reportedly investigating WeWork"
    assert [n for n in range(22, 50) if is_code(doc.line(n))] == []


# --- S family -------------------------------------------------------------------------


def test_s101_page_without_paragraphs():
    doc = record("news-pages.jsonl", "kompas-4-empty")
    assert spans("S101", doc) == [(1, 1)]
    assert spans("S102", doc) == []  # an empty body is S101's, not S102's


def test_s102_teaser_page():
    doc = record("news-pages.jsonl", "detik-2")
    assert spans("S102", doc) == [(1, 1)]
    assert messages("S102", doc) == ["The body has 23 words, fewer than 50"]
    assert spans("S102", doc, min_words=20) == []


def test_s103_paywalled_gold_body():
    (doc,) = docs("gold-wsj-paywall.txt")
    assert spans("S103", doc) == [(6, 6)]
    assert "All..." in messages("S103", doc)[0]


def test_s104_first_paragraph_taken_for_the_title():
    doc = record("news-pages.jsonl", "kompas-2-untitled")
    # line 1 is a paragraph opening with a dateline: the loader keeps it in the body, no title
    assert doc.title is None and doc.body_start == 1
    assert find_dateline(doc).text.startswith("JAKARTA, KOMPAS.com")
    assert spans("S104", doc) == [(1, 1)]
    assert messages("S104", doc) == ["The document has no title"]
    assert spans("S104", record("news-pages.jsonl", "kompas-4")) == []


def test_s104_no_title_at_all():
    doc = from_text("Isi berita.", title="")
    assert spans("S104", doc) == [(1, 1)]
    assert messages("S104", doc) == ["The document has no title"]


def test_s105_page_title_and_headline_both_kept():
    (doc,) = docs("html-text-techcrunch.txt")
    assert spans("S105", doc) == [(3, 3)]
    assert [h.related for h in get_rule("S105").run(doc)] == [(1, 1)]


def test_s106_crawl_date_stored_as_publication_date():
    for agrees, disagrees in (("antara-3", "antara-3-crawled"), ("kompas-4", "kompas-4-crawled")):
        assert spans("S106", record("news-pages.jsonl", agrees)) == []
        doc = record("news-pages.jsonl", disagrees)
        assert spans("S106", doc) == [(1, 1)]
        assert messages("S106", doc)[0].startswith("The opening says 2016-02-23, 108 days before")


def test_s106_only_confident_dates():
    doc = record("news-pages.jsonl", "kompas-4-crawled")
    assert spans("S106", doc, max_days=120) == []
    assert spans("S106", doc, date_field="missing") == []  # no date: no verdict
    with pytest.raises(ValueError):
        spans("S106", doc, meta_order="ydm")


@pytest.mark.parametrize(
    "text,order,expected",
    [
        ("Selasa, 10 Juni 2025 - 07:00 WIB", "auto", dt.date(2025, 6, 10)),
        ("Kompas.com - 10/06/2025, 21:23 WIB", "auto", None),  # ambiguous
        ("Kompas.com - 10/06/2025, 21:23 WIB", "dmy", dt.date(2025, 6, 10)),
        ("10/21/2025 20:43", "auto", dt.date(2025, 10, 21)),
        ("Diperbarui 06 Jun 2025, 14:15 WIB", "auto", dt.date(2025, 6, 6)),
        ("2019-11-18T10:00:00Z", "auto", dt.date(2019, 11, 18)),
        ("2019年11月20日", "auto", dt.date(2019, 11, 20)),
        ("Monday, Nov. 18, 2019", "auto", dt.date(2019, 11, 18)),
        ("5 de junio de 2025", "auto", dt.date(2025, 6, 5)),
        ("Tidak Ditemukan", "auto", None),
        (dt.datetime(2025, 6, 10, 8, 0), "auto", dt.date(2025, 6, 10)),
    ],
)
def test_s106_publication_dates(text, order, expected):
    assert meta_date(text, LANGUAGES, order) == expected


def test_s106_weekday_confirms_or_drops_a_date():
    languages = LANGUAGES
    (found,) = find_dates("pada Sabtu (23/9/2023) hari ini", languages, "dmy")
    assert found[0] == dt.date(2023, 9, 23) and found[3] is True
    # 10/6/2025 was a Tuesday: "Senin (10/6/2025)" contradicts itself and is dropped
    assert find_dates("militer mereka pada Senin (10/6/2025).", languages, "dmy") == []
    # with "auto" the weekday picks the reading that fits
    (found,) = find_dates("Minggu (1/6/2025)", languages, "auto")
    assert found[0] == dt.date(2025, 6, 1)


@pytest.mark.parametrize("rule", ES_RULES, ids=[r.code for r in ES_RULES])
@pytest.mark.parametrize("text", ["", "Title only", "\n\n\n", "Title\n\n   \n"])
def test_degenerate_documents_do_not_crash(rule, text):
    hits = rule.run(from_text(text))
    assert all(h.line >= 1 for h in hits)
