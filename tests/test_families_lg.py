"""L (language) and G (quality statistics) rules: parity with datatrove on real text, measures, language mix."""

import importlib.util
import json
from pathlib import Path

import pytest

from corpuscheck.input.document import from_text
from corpuscheck.rules import get_rule
from corpuscheck.rules.language.unexpected_language import document_source, language_mix
from corpuscheck.rules.quality import stats as quality
from tests.conftest import FIXTURES

DOCUMENTS = [json.loads(line) for line in (FIXTURES / "quality" / "documents.jsonl").read_text(encoding="utf-8").splitlines()]
G_RULES = ("G101", "G102", "G103", "G104")
CASES = [(code, doc) for code in G_RULES for doc in DOCUMENTS]


def decision(code: str, text: str) -> str:
    rule = get_rule(code)
    hits = rule.run(from_text(text, "doc.txt"))
    assert len(hits) <= 1, "one finding per dropped document"
    return hits[0].data["reason"] if hits else "keep"


def test_the_sample_is_real_varied_and_small():
    assert len(DOCUMENTS) >= 30
    assert {d["set"] for d in DOCUMENTS} == {"gold", "html-text", "indonesian-pages"}
    assert len({d["lang"] for d in DOCUMENTS}) >= 6
    assert (FIXTURES / "quality" / "documents.jsonl").stat().st_size < 300_000
    for code in G_RULES:  # the sample holds documents each filter keeps and drops
        decisions = {d["datatrove"][code] for d in DOCUMENTS}
        assert "keep" in decisions and len(decisions) >= 2, code


@pytest.mark.parametrize("code,doc", CASES, ids=[f"{c}-{d['set']}-{d['id'][:8]}" for c, d in CASES])
def test_same_decision_and_reason_as_datatrove(code, doc):
    """Keep/drop and the drop reason agree with what datatrove 0.10 recorded for every document."""
    assert decision(code, doc["text"]) == doc["datatrove"][code]


datatrove_missing = importlib.util.find_spec("datatrove") is None or importlib.util.find_spec("spacy") is None


@pytest.mark.skipif(datatrove_missing, reason="datatrove 0.10 and spacy are test extras; the recorded decisions are checked above")
def test_recorded_decisions_are_datatroves():
    """The recorded decisions are what datatrove says now (guards the fixture, not our code)."""
    from datatrove.data import Document
    from datatrove.pipeline import filters

    made = {
        "G101": filters.GopherQualityFilter(),
        "G102": filters.GopherRepetitionFilter(),
        "G103": filters.C4QualityFilter(),
        "G104": filters.FineWebQualityFilter(),
    }
    for doc in DOCUMENTS:
        for code, dt_filter in made.items():
            result = dt_filter.filter(Document(text=doc["text"], id=doc["id"]))
            assert (result[1] if isinstance(result, tuple) else "keep") == doc["datatrove"][code], (code, doc["id"])


def test_tokenizer_follows_the_english_word_tokenizer():
    assert quality.words("Hello, world! I don't know (really).") == [
        "Hello", ",", "world", "!", "I", "do", "n't", "know", "(", "really", ")", ".",
    ]
    assert quality.words("Mr. Smith met U.S. officials in Washington D.C. on Jan. 5, 2021.") == [
        "Mr.", "Smith", "met", "U.S.", "officials", "in", "Washington", "D.C.", "on", "Jan.", "5", ",", "2021", ".",
    ]
    assert quality.words("The well-known site kompas.com grew 3.5% in 2020-21; see www.example.com/path.") == [
        "The", "well", "-", "known", "site", "kompas.com", "grew", "3.5", "%", "in", "2020", "-", "21", ";",
        "see", "www.example.com/path", ".",
    ]
    assert quality.words("DON'T stop: it’s 10km, they're here.") == [
        "DON'T", "stop", ":", "it", "’s", "10", "km", ",", "they", "'re", "here", ".",
    ]
    assert quality.words("東京で会議が開かれた。次の文。") == ["東京で会議が開かれた。次の文", "。"]


def test_sentence_count():
    assert quality.sentence_count("Mr. Smith arrived. He said: \"No.\" Then he left!") == 3
    assert quality.sentence_count("The U.S. economy grew 3.5 percent.") == 1
    assert quality.sentence_count("") == 0


@pytest.mark.parametrize("code", G_RULES)
def test_measures_are_the_declared_numeric_columns(code):
    rule = get_rule(code)
    doc = from_text(DOCUMENTS[0]["text"], "doc.txt")
    measured = rule.measures(doc)
    assert tuple(measured) == rule.measure_columns
    assert all(isinstance(v, float) for v in measured.values())


def test_statistics_are_computed_once_per_document(monkeypatch):
    calls = []
    real = quality.words
    monkeypatch.setattr(quality, "words", lambda text: calls.append(1) or real(text))
    doc = from_text(DOCUMENTS[1]["text"], "doc.txt")
    for code in ("G101", "G102", "G104"):
        rule = get_rule(code)
        rule.measures(doc)
        rule.run(doc)
    assert len(calls) == 1  # one tokenisation shared by three rules, measure and detect


def test_finding_names_reason_value_threshold_and_lines():
    rule = get_rule("G104")
    text = (
        "The budget debate in the city council\nThe mayor spoke at length about the budget today.\nAdvertisement\n"
        "The council voted on the plan late in the evening.\nAdvertisement"
    )
    (hit,) = rule.run(from_text(text, "doc.txt"))
    message = rule.message.format(**hit.data)
    assert (hit.line, hit.end_line) == (5, None)
    assert "char_dup_ratio" in message and "0.01" in message and "0.08 of the characters" in message


def test_options_change_thresholds_and_stop_words():
    text = "Judul\n" + " ".join(["yang", "dan", "di", "ini", "itu", "dengan", "untuk", "dari", "kata", "rumah"] * 8)
    rule = get_rule("G101")
    (hit,) = rule.run(from_text(text, "doc.txt"))
    assert hit.data["reason"] == "gopher_enough_stop_words"
    assert rule.run(from_text(text, "doc.txt"), rule.resolve_options({"stop_words": ["yang", "dan", "di"]})) == []


def test_japanese_fails_word_based_tests_as_documented():
    """CJK without spaces: whole sentences are 'words' (documented in known problems)."""
    text = "見出し\n" + "東京で新しい会議が開かれ、多くの専門家が経済の将来について意見を交わした。" * 30
    (hit,) = get_rule("G101").run(from_text(text, "doc.txt"))
    assert hit.data["reason"] in {"gopher_short_doc", "gopher_above_avg_threshold"}


# --- L101 -------------------------------------------------------------------

ENGLISH = next(d for d in DOCUMENTS if d["lang"] == "en" and len(d["text"]) > 1000)["text"]
INDONESIAN = next(d for d in DOCUMENTS if d["set"] == "indonesian-pages")["text"]


def test_language_measure_and_detection():
    rule = get_rule("L101")
    doc = from_text(INDONESIAN, "corpus/id/a.txt")
    measured = rule.measures(doc)
    assert measured["lang"] == "id" and measured["lang_confidence"] > 0.5 and measured["source"] == "corpus/id"
    assert rule.run(doc) == []  # nothing expected: only measured
    assert rule.run(doc, rule.resolve_options({"expected": ["id"]})) == []
    (hit,) = rule.run(doc, rule.resolve_options({"expected": ["en"]}))
    assert hit.line == 1 and hit.data["lang"] == "id"
    short = from_text("Title\nSome English words.", "a.txt")
    assert rule.measures(short)["lang"] == "und"


def test_real_documents_are_identified_as_their_language():
    rule = get_rule("L101")
    found = {d["lang"]: rule.measures(from_text(d["text"], "doc.txt"))["lang"] for d in DOCUMENTS if len(d["text"]) > 500}
    assert found == {lang: lang for lang in found} and {"en", "id", "ja", "ru", "de"} <= set(found)


def test_language_model_ships_in_the_package():
    import py3langid

    model = Path(py3langid.__file__).parent / "data" / "model.npz.xz"
    assert model.is_file() and model.stat().st_size > 1_000_000


def test_document_source_and_language_mix():
    assert document_source(from_text("x", "a/b.txt", meta={"source": "kompas", "url": "https://x.org/"})) == "kompas"
    assert document_source(from_text("x", "a/b.txt", meta={"url": "https://www.detik.com/news/1"})) == "detik.com"
    assert document_source(from_text("x", "a/b.txt")) == "a"
    rule = get_rule("L101")
    rows = []
    for text, path in ((INDONESIAN, "c/id1.txt"), (INDONESIAN, "c/id2.txt"), (ENGLISH, "c/en.txt"), (ENGLISH, "d/en.txt")):
        rows.append({"path": path, **rule.measures(from_text(text, path))})
    rows.append({"path": "e/x.txt"})  # a row without the L101 columns is left out
    mix = language_mix(rows)
    assert mix == {"c": {"id": pytest.approx(2 / 3), "en": pytest.approx(1 / 3)}, "d": {"en": 1.0}}
    assert list(mix["c"]) == ["id", "en"]
