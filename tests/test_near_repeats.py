"""D101's near-verbatim repeats: said so in the message, and linear on adversarial documents."""

from __future__ import annotations

import time

from corpuscheck.input.document import from_text
from corpuscheck.rules import get_rule

RULE = get_rule("D101")
OPTIONS = RULE.resolve_options({})
SENTENCE = "Polisi menangkap {} tersangka pencurian sepeda motor di kawasan Tebet pada Senin malam."


def _hits(text):
    return list(RULE.run(from_text(text, "x.txt"), OPTIONS))


def test_the_message_says_nearly():
    hits = _hits("Judul\n" + SENTENCE.format("dua") + "\nLain halnya.\n" + SENTENCE.format("tiga"))
    assert [(h.line, h.related) for h in hits] == [(4, (2, 2))]
    assert "nearly word for word" in RULE.message.format(**hits[0].data)


def test_a_verbatim_repeat_keeps_its_message():
    hits = _hits("Judul\n" + SENTENCE.format("dua") + "\nLain halnya.\n" + SENTENCE.format("dua"))
    assert [h.line for h in hits] == [4]
    assert RULE.message.format(**hits[0].data).endswith("repeat lines 2-2 word for word")


def test_many_paragraphs_sharing_their_ends_stay_linear():
    # every paragraph shares its start and its end with all the others: the worst case for the hashing
    def document(n):
        return "Judul\n" + "\n".join(SENTENCE.format(f"w{i}x") for i in range(n))

    def seconds(n):
        start = time.perf_counter()
        _hits(document(n))
        return time.perf_counter() - start

    assert not _hits(document(5))  # paragraphs alike but for one word: a template
    small, large = seconds(500), seconds(4000)
    assert large < max(small, 0.01) * 8 * 3  # 8 times the text: well under quadratic (64 times)
