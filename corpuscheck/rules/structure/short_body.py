"""S102 short-body."""

import regex

from corpuscheck.rules.base import Hit, Option, Rule, bad, good
from corpuscheck.rules.structure.empty_document import text_lines

# Words in scripts that separate them with spaces; in Chinese and Japanese two
# characters are counted as one word, in Thai, Lao, Khmer and Myanmar five.
WORD = regex.compile(r"[\p{Han}\p{Hiragana}\p{Katakana}]+|[\p{Thai}\p{Lao}\p{Khmer}\p{Myanmar}]+|[\p{L}\p{N}][\p{L}\p{M}\p{N}'’\-]*")
_ASCII_WORD = regex.compile(r"[A-Za-z0-9][A-Za-z0-9'\-]*")
_CJK = regex.compile(r"[\p{Han}\p{Hiragana}\p{Katakana}]")
_SEA = regex.compile(r"[\p{Thai}\p{Lao}\p{Khmer}\p{Myanmar}]")


_CJK_OR_SEA = regex.compile(r"[\p{Han}\p{Hiragana}\p{Katakana}\p{Thai}\p{Lao}\p{Khmer}\p{Myanmar}]")


def count_words(text: str) -> float:
    if text.isascii():
        return float(len(_ASCII_WORD.findall(text)))
    if not _CJK_OR_SEA.search(text):  # every word counts one: no need to look at each
        return float(len(WORD.findall(text)))
    total = 0.0
    for match in WORD.finditer(text):
        word = match.group()
        if _CJK.match(word):
            total += len(word) / 2
        elif _SEA.match(word):
            total += len(word) / 5
        else:
            total += 1
    return total


def detect(doc, options):
    first = last = None
    words = 0.0
    for number, line in text_lines(doc):
        words += count_words(line)
        if words >= options["min_words"]:
            return  # long enough: stop counting
        first = first or number
        last = number
    if first is None:
        return  # S101 empty-document
    yield Hit(first, last if last != first else None, data={"words": round(words), "min_words": options["min_words"]})


ShortBody = Rule(
    code="S102",
    name="short-body",
    summary="A body with fewer words than a news article has (50 by default).",
    why=(
        "A body of a sentence or two is usually not the article: a paywall teaser (`TEMPO.CO, "
        "Jakarta - ` and one paragraph), a photo or video page, an index page, or the first "
        "paragraph of an article whose extraction stopped early. Even when it is complete, "
        "a brief of a few words adds little and skews length statistics. A short news brief "
        "runs to 60-100 words, so the default threshold of 50 words leaves real briefs alone."
    ),
    message="The body has {words} words, fewer than {min_words}",
    detect=detect,
    autofix=None,  # no automatic fix: the missing text has to be fetched again
    severity="warning",
    options={"min_words": Option(50, "bodies with fewer words than this are flagged")},
    known_problems=(
        "Words are runs of letters and digits; Chinese and Japanese text is counted at two "
        "characters a word, Thai, Lao, Khmer and Myanmar at five, so counts there are rough. "
        "Placeholder and widget lines do not count. Genuine short items (a one-paragraph "
        "alert, a photo caption page) are flagged: raise `mostly`, or lower `min_words`, for "
        "corpora that hold them on purpose. An empty body is S101's finding, not this rule's."
    ),
    fix="Re-fetch the full article (for paywalled outlets, drop the record); filter by length downstream.",
    examples=(
        bad(
            "Judul\nTEMPO.CO, Jakarta - Pengadilan Negeri Bogor menyita sekitar sebelas hektare lahan.\nloading...",
            2,
        ),
        bad("Title\nOne line.\nTwo lines.", (2, 3), options={"min_words": 10}),
        good("Title\n" + "This sentence has exactly eight words in it. " * 7),
        good("見出し\n" + "東京で会議が開かれた。" * 12, note="Japanese: two characters count as one word."),
    ),
)
