"""D101's near-verbatim repeats: said so in the message, and linear on adversarial documents."""

from __future__ import annotations

from corpuscheck.input.document import from_text
from corpuscheck.rules import get_rule
from tests.work import assert_linear

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

    assert not _hits(document(5))  # paragraphs alike but for one word: a template
    _hits(document(50))  # warm the rule's patterns
    assert_linear(_hits, document(500), document(4000), 8, what="D101")  # quadratic would be 64 times
