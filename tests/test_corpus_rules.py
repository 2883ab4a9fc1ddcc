"""Corpus rules (B102 mined-boilerplate, X101-X103 duplicates) on real licensed text, through
the whole check, in one process and in two."""

import json
import shutil

import pytest

from corpuscheck import engine
from corpuscheck.check import check
from corpuscheck.input.document import from_text
from corpuscheck.rules import get_rule
from corpuscheck.rules.duplicates.signatures import site, tokens
from tests.conftest import FIXTURES, ROOT

GOLD_CLEAN = FIXTURES / "families" / "gold-clean.jsonl"
SEED = ROOT / "corpus" / "000_232fd3ee54a89291.txt"

# Furniture of a real kompas.com page (the Indonesian news scraper's fixture
# html/kompas/kompas-singlepage4.html, MIT: tests/fixtures/boilerplate/pages.jsonl lines 24, 107, 114).
KOMPAS_FURNITURE = [
    "Ikuti perkembangan berita ini dalam topik:",
    "Pedoman Media Siber",
    "© 2008 - 2016 PT. Kompas Cyber Media (Kompas Gramedia Digital Group). All Rights Reserved.",
]
# ... and of a real detik.com page (html/detik/detik-singlepage.html, same fixtures, line 35).
DETIK_FURNITURE = "Informasi pemasangan iklan"

DUPLICATE_SUITE = """name: corpus
expectations:
  - rule: exact-duplicate-document
  - rule: near-duplicate-document
    options: {threshold: 0.5}   # the html-text page and its gold body: Jaccard 0.58
  - rule: duplicate-title
"""


def _gold():
    return [json.loads(line) for line in GOLD_CLEAN.read_text(encoding="utf-8").splitlines()]


def _found(report, root):
    return sorted(
        (f.doc_id.replace(f"{root}/", ""), f.code, f.line, f.end_line, f.message.replace(f"{root}/", ""))
        for f in report.findings
    )


@pytest.fixture
def small_chunks(monkeypatch):
    """Work units of one file, JSONL files cut in byte ranges of ~2 KB, so that two workers share even a small corpus."""
    from corpuscheck.input.loader import pieces

    monkeypatch.setattr(engine, "UNIT_FILES", 1)
    monkeypatch.setattr(engine, "pieces", lambda path, shown: pieces(path, shown, 2000))


@pytest.fixture
def duplicates(tmp_path):
    """Real pages saved twice: the benchmark's gold bodies in two files, a page before and
    after a person cleaned it, the seed article as scraped and with its defects removed."""
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    shutil.copy(ROOT / "corpus" / "benchmark-gold.jsonl", corpus / "a-gold.jsonl")
    shutil.copy(ROOT / "corpus" / "benchmark-html-text.jsonl", corpus / "b-html-text.jsonl")
    shutil.copy(GOLD_CLEAN, corpus / "c-gold-clean.jsonl")
    shutil.copy(SEED, corpus / "d-seed.txt")
    lines = SEED.read_text(encoding="utf-8").split("\n")
    # the seed without its placeholder, its font-size buttons and its repeated paragraphs
    cleaned = lines[:1] + lines[5:12] + lines[18:]
    (corpus / "e-seed-cleaned.txt").write_text("\n".join(cleaned), encoding="utf-8")
    suite = tmp_path / "corpus.yml"
    suite.write_text(DUPLICATE_SUITE, encoding="utf-8")
    return corpus, suite


def _lines(path, record=1):
    """How many lines a document has: a finding that spans it ends there."""
    text = path.read_text(encoding="utf-8")
    if path.suffix == ".jsonl":
        text = json.loads(text.splitlines()[record - 1])["text"]
    return len(text.split("\n"))


def _expected_duplicates(corpus):
    return sorted([
        # gold-clean.jsonl holds six of the gold bodies again (the same pages, saved for another test)
        *[
            (f"c-gold-clean.jsonl#{copy}", "X101", 1, _lines(corpus / "c-gold-clean.jsonl", copy),
             f"Same text as a-gold.jsonl#{first} (2 copies in the corpus)")
            for copy, first in [(4, 2), (5, 3), (6, 6), (7, 7), (11, 5), (13, 1)]
        ],
        # the html-text page holds the gold body and its menus and footer: true Jaccard 0.58
        ("b-html-text.jsonl#3", "X102", 1, _lines(corpus / "b-html-text.jsonl", 3),
         "Nearly the same text as a-gold.jsonl#7 (estimated Jaccard similarity 0.56 of 5-word shingles)"),
        ("b-html-text.jsonl#3", "X103", 1, 1, "Same title as a-gold.jsonl#7, over a different text"),
        ("e-seed-cleaned.txt", "X102", 1, _lines(corpus / "e-seed-cleaned.txt"),
         "Nearly the same text as d-seed.txt (estimated Jaccard similarity 0.96 of 5-word shingles)"),
        ("e-seed-cleaned.txt", "X103", 1, 1, "Same title as d-seed.txt, over a different text"),
    ])


@pytest.mark.parametrize("jobs", [1, 2])
def test_duplicates_of_real_pages_are_found(duplicates, small_chunks, jobs):
    corpus, suite = duplicates
    report = check([str(corpus)], str(suite), jobs=jobs)
    assert report.documents == 7 + 4 + 22 + 2
    assert _found(report, corpus) == _expected_duplicates(corpus)
    # the counts reach the rows, and GX fails exactly the copies
    outcome = next(o for o in report.outcomes if o.entry.rule.code == "X101")
    assert not outcome.success
    assert sorted(outcome.failing_doc_ids) == sorted(f"{corpus}/c-gold-clean.jsonl#{n}" for n in (4, 5, 6, 7, 11, 13))


def test_distinct_real_articles_give_nothing(tmp_path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    shutil.copy(GOLD_CLEAN, corpus / "gold-clean.jsonl")
    shutil.copytree(ROOT / "corpus" / "indonesian-news-pages", corpus / "indonesian-news-pages")
    shutil.copy(SEED, corpus / "seed.txt")
    suite = tmp_path / "corpus.yml"
    suite.write_text(DUPLICATE_SUITE + "  - rule: mined-boilerplate\n    options: {min_documents: 5}\n", encoding="utf-8")
    report = check([str(corpus)], str(suite), jobs=1)
    assert report.documents == 22 + 7 + 1
    assert report.findings == []


def _source(path, records, source):
    path.write_text(
        "".join(json.dumps({**r, "source": source}, ensure_ascii=False) + "\n" for r in records), encoding="utf-8"
    )


@pytest.fixture
def furnished(tmp_path):
    """Twelve real articles published by "kompas.com", eight of them under the site's real footer;
    two share a paragraph. Three more under "detik.com", all with a detik ad line."""
    gold = _gold()
    kompas = [dict(r) for r in gold[:12]]
    for record in kompas[:8]:
        record["text"] = record["text"].rstrip("\n") + "\n" + "\n".join(KOMPAS_FURNITURE)
    shared = kompas[8]["text"].split("\n")[0]
    kompas[9]["text"] = shared + "\n" + kompas[9]["text"]
    detik = [dict(r, text=r["text"].rstrip("\n") + "\n" + DETIK_FURNITURE) for r in gold[12:15]]
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    _source(corpus / "kompas.jsonl", kompas, "bola.kompas.com")
    _source(corpus / "detik.jsonl", detik, "detik.com")
    suite = tmp_path / "boilerplate.yml"
    suite.write_text("name: boilerplate\nexpectations:\n  - rule: mined-boilerplate\n", encoding="utf-8")
    return corpus, suite, kompas


@pytest.mark.parametrize("jobs", [1, 2])
def test_site_furniture_is_mined_from_the_source(furnished, small_chunks, jobs):
    corpus, suite, kompas = furnished
    report = check([str(corpus)], str(suite), jobs=jobs)
    expected = []
    for number, record in enumerate(kompas[:8], start=1):
        last = len(record["text"].split("\n"))
        for line in range(last - 2, last + 1):
            expected.append(
                (f"kompas.jsonl#{number}", "B102", line, line,
                 "Line recurs in 67% of the 12 documents from kompas.com: site boilerplate")
            )
    assert _found(report, corpus) == sorted(expected)
    excerpts = {f.excerpt for f in report.findings}
    assert excerpts == set(KOMPAS_FURNITURE)  # the shared paragraph (2 of 12) and detik's 3 documents are not mined
    assert all(f.severity == "warning" for f in report.findings)


def test_a_small_source_is_mined_when_told(furnished):
    corpus, suite, _ = furnished
    suite.write_text(
        "name: boilerplate\nexpectations:\n  - rule: mined-boilerplate\n    options: {min_documents: 3}\n",
        encoding="utf-8",
    )
    report = check([str(corpus / "detik.jsonl")], str(suite), jobs=1)
    assert [(f.record, f.excerpt) for f in report.findings] == [(n, DETIK_FURNITURE) for n in (1, 2, 3)]


def test_a_page_and_its_clean_body_are_not_near_duplicates_by_default():
    gold = json.loads((ROOT / "corpus" / "benchmark-gold.jsonl").read_text(encoding="utf-8").splitlines()[6])
    page = json.loads((ROOT / "corpus" / "benchmark-html-text.jsonl").read_text(encoding="utf-8").splitlines()[2])
    rule = get_rule("X102")
    assert rule.run_corpus([gold["text"], page["text"]]) == [[], []]
    hits = rule.run_corpus([gold["text"], page["text"]], rule.resolve_options({"threshold": 0.5}))[1]
    assert len(hits) == 1 and 0.5 <= hits[0].data["similarity"] < 0.7


def test_sources_fold_into_sites():
    assert site("oto.detik.com") == site("www.detik.com") == site("detik.com") == "detik.com"
    assert site("ekonomi.republika.co.id") == "republika.co.id"
    assert site("Liputan6.com") == "liputan6.com"
    assert site("Okezone") == "Okezone"
    assert site("corpus/news") == "corpus/news"


def test_unspaced_scripts_are_shingled_by_character():
    assert tokens("商品の改造 iPhone 販売") == ["商", "品", "の", "改", "造", "iphone", "販", "売"]
    assert tokens("Harga “beras” naik") == ["harga", "beras", "naik"]
    assert tokens("서울 뉴스") == ["서울", "뉴스"]


def test_signatures_are_small():
    doc = from_text(SEED.read_text(encoding="utf-8"), "seed.txt")
    import pickle

    for code, limit in {"B102": 1500, "X101": 64, "X102": 640, "X103": 64}.items():
        rule = get_rule(code)
        assert len(pickle.dumps(rule.collect(doc, rule.resolve_options()))) < limit, code
