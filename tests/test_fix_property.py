"""Property test: generated articles with injected defects survive fix and restore unchanged."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from corpuscheck.fix.edits import apply, revert
from corpuscheck.fix.run import document_edits, plan
from corpuscheck.input.document import from_text

PLAN = plan([], None)
FIXED = [e for e in PLAN.fixing()]

WORDS = ["pemerintah", "kota", "hujan", "warga", "menteri", "jalan", "banjir", "sekolah", "pasar", "rumah",
         "the", "river", "council", "said", "on", "Monday", "report", "would", "new", "road"]
sentence = st.lists(st.sampled_from(WORDS), min_size=8, max_size=18).map(lambda w: " ".join(w).capitalize() + ".")
DEFECTS = ["loading...", "A", "Share", "Memuat...", "ADVERTISEMENT", "Baca juga:", "\u200b"]


@st.composite
def article(draw):
    paragraphs = draw(st.lists(sentence, min_size=2, max_size=6, unique=True))
    body = ["JAKARTA - " + paragraphs[0], *paragraphs[1:]]
    for defect in draw(st.lists(st.sampled_from(DEFECTS), max_size=4)):
        body.insert(draw(st.integers(0, len(body))), defect)
    if draw(st.booleans()):  # a run saved twice
        start = draw(st.integers(0, len(paragraphs) - 1))
        body += paragraphs[start:]
    ending = draw(st.sampled_from(["", "\n(ian)", "(zik)", "\n"]))
    separator = draw(st.sampled_from(["\n", "\n\n"]))
    text = "Judul berita hari ini\n" + separator.join(body) + ending
    return text.replace("\n", "\r\n") if draw(st.booleans()) else text


def _fix(raw: str) -> tuple[str, list]:
    doc = from_text(raw, "gen.txt")
    edits, drops = document_edits(doc, raw, PLAN)
    assert not drops
    return apply(raw, edits), edits


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(article())
def test_restore_of_fix_is_the_original_and_fix_is_idempotent(raw):
    cleaned, edits = _fix(raw)
    assert revert(cleaned, edits) == raw
    again, more = _fix(cleaned)
    assert more == [] and again == cleaned
    fixed_codes = {e.code for e in edits}
    doc = from_text(cleaned, "gen.txt")
    left = [e.rule.code for e in FIXED if e.rule.code in fixed_codes and e.rule.run(doc, e.options)]
    assert left == []
