"""P101, P102 and D101 on real text.

Clean article bodies (licensed excerpts of the article extraction benchmark's gold
text, tests/fixtures/real/) must give no finding; the seed article gives exactly its
known defects; defects pasted into the real bodies are found, in their language; and
huge or pathological lines do not make a rule slow.
"""

import pytest

from corpuscheck.input.document import from_text
from corpuscheck.rules import get_rule
from tests.conftest import FIXTURES
from tests.work import assert_linear

REAL = sorted((FIXTURES / "real").glob("*.txt"))
CODES = ("P101", "P102", "D101")
SEED = FIXTURES / "seed" / "000_232fd3ee54a89291.txt"


def body(path):
    """A gold body: every line is body text (no title line)."""
    return path.read_text(encoding="utf-8").rstrip("\n").split("\n")


def document(lines, name="real.txt"):
    return from_text("\n".join(lines), name, title="")


def spans(code, doc):
    return [(hit.line, hit.end_line or hit.line) for hit in get_rule(code).run(doc)]


def test_real_fixtures_cover_the_languages():
    assert {path.name[:2] for path in REAL} >= {"en", "ru", "ko", "ja", "pt", "de", "it", "id"}
    assert all(len(body(path)) >= 1 and path.stat().st_size > 500 for path in REAL)


@pytest.mark.parametrize("code", CODES)
@pytest.mark.parametrize("path", REAL, ids=lambda path: path.stem)
def test_clean_gold_text_has_no_findings(path, code):
    lines = body(path)
    found = [(line, lines[line - 1]) for line, _ in spans(code, document(lines, path.name))]
    assert found == []


def test_seed_findings_are_exact():
    doc = from_text(SEED.read_text(encoding="utf-8"), str(SEED))
    assert spans("P101", doc) == [(2, 2)]
    assert spans("P102", doc) == [(3, 3), (4, 4), (5, 5)]
    (run,) = get_rule("D101").run(doc)
    assert (run.line, run.end_line, run.related) == (13, 18, (7, 12))
    assert run.data["count"] == 6


# A placeholder and a widget label per language, pasted into a real body of that language.
PASTED = {
    "de_comwrap_dmexco.txt": ("Wird geladen …", "Teilen"),
    "en_ap_debate_separators.txt": ("Loading...", "Share this article"),
    "id_kabarislamia.txt": ("Memuat...", "Bagikan:"),
    "it_remember8090_zodiaco.txt": ("Caricamento in corso…", "Condividi"),
    "ja_trademark_blog.txt": ("読み込み中…", "シェア"),
    "ko_entermedia_column.txt": ("로딩 중...", "공유하기"),
    "pt_educar_filhos.txt": ("Carregando...", "Compartilhe"),
    "ru_wday_interviews_poll.txt": ("Загрузка…", "Поделиться"),
}


@pytest.mark.parametrize("name", sorted(PASTED))
def test_defects_pasted_into_real_text_are_found(name):
    placeholder, label = PASTED[name]
    lines = body(FIXTURES / "real" / name)
    # at the top, as scrapers leave them, and after the first paragraph
    first = next(i for i, line in enumerate(lines) if line.strip())
    lines[first + 1 : first + 1] = [placeholder, "A", label]
    lines[0:0] = [placeholder, "A", "A", label]
    doc = document(lines, name)
    assert spans("P101", doc) == [(1, 1), (first + 6, first + 6)]
    assert spans("P102", doc) == [(2, 2), (3, 3), (4, 4), (first + 7, first + 7), (first + 8, first + 8)]
    assert spans("D101", doc) == []


@pytest.mark.parametrize("name", ["de_comwrap_dmexco.txt", "ko_entermedia_column.txt", "id_kabarislamia.txt"])
def test_a_run_pasted_again_is_reported_once_with_its_original(name):
    lines = body(FIXTURES / "real" / name)
    paragraphs = [i for i, line in enumerate(lines) if len(line.strip()) > 80]
    first, last = paragraphs[1], paragraphs[3]  # three long paragraphs and what lies between them
    copy = lines[first : last + 1]
    at = len(lines)
    lines += [""] + copy
    doc = document(lines, name)
    (run,) = get_rule("D101").run(doc)
    assert (run.line, run.end_line) == (at + 2, at + 1 + len(copy))
    assert run.related == (first + 1, last + 1)


def test_the_recurring_interview_question_is_not_a_repeat():
    lines = body(FIXTURES / "real" / "ru_wday_interviews_poll.txt")
    question = next(line for line in lines if line.startswith("Какую кухню любите сами?"))
    assert sum(line == question for line in lines) >= 3  # the fixture really has the recurring question
    assert spans("D101", document(lines)) == []


def test_a_kapanlagi_style_block_repeat_is_found_but_not_the_photo_caption():
    caption = "Drama Thailand yang dibintangi member 4EVE (credit:mydramalist)"
    pair = [
        "Drama pertama memperlihatkan Aheye dalam peran utama sebagai Butsabong, seorang pelayan yatim piatu.",
        "Cerita dimulai saat hantu yang selama ini ditahan di rumah tersebut dibebaskan dan membalas dendam.",
    ]
    other = ["Drama kedua tayang pada 2025 dibintangi oleh Jorin dan tayang setiap hari Senin, total 12 episode.",
             "Jorin berperan sebagai Jued, seorang pria yang bersedia bekerja dengan Boss karena terpaksa."]
    lines = ["Kapanlagi.com - Girl group Thailand 4EVE telah menarik perhatian publik.", "Advertisement", caption,
             *pair, *pair, caption, *other, *other, "(kpl/vna)"]
    doc = from_text("\n".join(["Judul", *lines]), "kapanlagi.txt")
    assert [(h.line, h.end_line, h.related) for h in get_rule("D101").run(doc)] == [
        (7, 8, (5, 6)), (12, 13, (10, 11))]


HUGE = {  # name: (what opens the line, the unit repeated, how many times in 3 MB, what ends it)
    "sentences": ("", "a. ", 1_000_000, ""),
    "dots": ("", ".", 3_000_000, "x"),
    "dots and spaces": ("", ". ", 1_500_000, "x"),
    "braces": ("", "{{", 1_500_000, ""),
    "brackets": ("", "[", 3_000_000, ""),
    "letters": ("", "A ", 1_500_000, ""),
    "percent": ("", "%(", 1_500_000, ""),
    "loading": ("Loading", " .", 1_500_000, ""),
    "colons": ("", "a: ", 1_000_000, ""),
    "invisible": ("", "\u200b ", 1_500_000, ""),
}


def huge(name, tenth=False):
    start, unit, times, end = HUGE[name]
    return from_text("Title\n" + start + unit * (times // 10 if tenth else times) + end, "big.txt")


def _spans_of_all(doc):
    return {code: spans(code, doc) for code in CODES}


@pytest.mark.parametrize("name", sorted(HUGE))
def test_a_3mb_single_line_document_costs_linear_work(name):
    _spans_of_all(from_text("Title\nwarm " + HUGE[name][1] * 10, "warm.txt"))
    assert_linear(_spans_of_all, huge(name, tenth=True), huge(name), 10, what=name)
    found = _spans_of_all(huge(name))
    assert found["P102"] == [] and found["D101"] == []


def test_many_short_lines_cost_the_same_per_line():
    def document(times):
        lines = ["A", "Share", "Loading...", "Ordinary sentence of a paragraph, long enough to be text."] * times
        return from_text("Title\n" + "\n".join(lines), "many.txt")

    def counts(doc):
        return {code: len(get_rule(code).run(doc)) for code in CODES}

    counts(document(10))
    assert_linear(counts, document(6_250), document(25_000), 4, what="100,000 short lines")
    found = counts(document(25_000))
    assert (found["P101"], found["P102"]) == (25_000, 50_000)
    assert 0 < found["D101"] < 20  # the repeats of a repeated block, each reported once (they double)
