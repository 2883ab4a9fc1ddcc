"""G104 fineweb-quality."""

from collections import Counter

from corpuscheck.rules.base import Hit, Option, Rule, bad, good
from corpuscheck.rules.quality.stats import (
    DROP_MESSAGE,
    TERMINAL_TUPLE,
    Check,
    cached,
    doc_words,
    drop_hit,
    failures,
    repeated_lines_span,
)


def statistics(doc, short_line_length: int) -> dict[str, float]:
    text = doc.text
    # each distinct line measured once, times its count: a page repeats its lines (200,000 times "A")
    counts = {line: n for line, n in Counter(text.split("\n")).items() if line.strip()}
    if not counts:
        return {"fineweb_line_punct_ratio": 0.0, "fineweb_short_line_ratio": 0.0,
                "fineweb_char_dup_ratio": 0.0, "fineweb_list_ratio": 0.0, "_empty": True}
    total = sum(counts.values())
    repeated_chars = sum(len(line) * (n - 1) for line, n in counts.items())
    return {
        # lines are not stripped: trailing spaces after the full stop make a line count as unpunctuated
        "fineweb_line_punct_ratio": sum(n for line, n in counts.items() if line.endswith(TERMINAL_TUPLE)) / total,
        "fineweb_short_line_ratio": sum(n for line, n in counts.items() if len(line) <= short_line_length) / total,
        "fineweb_char_dup_ratio": repeated_chars / (len(text) - text.count("\n")),
        "fineweb_list_ratio": text.count("\n") / (len(doc_words(doc)) or 1),
        "_empty": False,
    }


def _stats(doc, options):
    length = options["short_line_length"]
    return cached(doc, ("fineweb-quality", length), lambda: statistics(doc, length))


def measure(doc, options):
    return {k: v for k, v in _stats(doc, options).items() if not k.startswith("_")}


CHECKS = (
    Check(
        "line_punct_ratio", "fineweb_line_punct_ratio", "min_line_punct_ratio", "min",
        "{value} of the lines end with terminal punctuation, fewer than {limit}",
    ),
    Check(
        "short_line_ratio", "fineweb_short_line_ratio", "max_short_line_ratio", "max",
        "{value} of the lines are short, more than {limit}",
    ),
    Check(
        "char_dup_ratio", "fineweb_char_dup_ratio", "max_char_dup_ratio", "max",
        "{value} of the characters are in repeated lines, more than {limit}", repeated_lines_span,
    ),
    Check(
        "list_ratio", "fineweb_list_ratio", "max_list_ratio", "max",
        "{value} line breaks per word, more than {limit}",
    ),
)


def detect(doc, options):
    stats = _stats(doc, options)
    if stats["_empty"]:
        yield Hit(1, data={"pipeline": "FineWeb quality", "reason": "empty", "detail": "no text", "also": ""})
        return
    limits = dict(options)
    if stats["fineweb_line_punct_ratio"] == 0 and options["line_punct_exclude_zero"]:
        limits["min_line_punct_ratio"] = None
    failed = failures(CHECKS, stats, limits)
    if failed:
        yield drop_hit(doc, failed, "FineWeb quality")


_ARTICLE = (
    "Council approves budget after a long debate\n"
    "The city council approved the budget on Tuesday after a debate that lasted most of the day.\n"
    "The vote was close, with seven members in favour and six against, and the mayor thanked both sides.\n"
    "Opposition members said the plan cut too deeply into local services and would be revisited.\n"
)

FineWebQuality = Rule(
    code="G104",
    name="fineweb-quality",
    summary="A document that the FineWeb quality filter would drop: unpunctuated, short, repeated or list-like lines.",
    why=(
        "FineWeb (Penedo et al. 2024) added three heuristics to Gopher and C4 that catch what extraction "
        "leaves of a web page: it drops a document when fewer than 12% of its non-blank lines end in "
        "terminal punctuation, when more than 67% of them are 30 characters or shorter, when repeated "
        "lines hold more than 1% of its characters, or when it has more than 0.3 line breaks per word "
        "(a list). This rule reports what datatrove's `FineWebQualityFilter` (0.10, defaults) would drop, "
        "with its reason, and puts `fineweb_line_punct_ratio`, `fineweb_short_line_ratio`, "
        "`fineweb_char_dup_ratio` and `fineweb_list_ratio` in the document's row."
    ),
    message=DROP_MESSAGE,
    detect=detect,
    autofix=None,  # no automatic fix: a filter's verdict over the whole document; drop it downstream
    measure=measure,
    measure_columns=("fineweb_line_punct_ratio", "fineweb_short_line_ratio", "fineweb_char_dup_ratio", "fineweb_list_ratio"),
    severity="warning",
    options={
        "min_line_punct_ratio": Option(0.12, "lowest share of non-blank lines ending in terminal punctuation"),
        "line_punct_exclude_zero": Option(False, "do not apply the previous test when no line at all ends in punctuation"),
        "max_short_line_ratio": Option(0.67, "highest share of short non-blank lines"),
        "short_line_length": Option(30, "a line of at most this many characters is short"),
        "max_char_dup_ratio": Option(0.01, "highest share of characters (line breaks excluded) in repeated lines"),
        "max_list_ratio": Option(0.3, "most line breaks per word token"),
    },
    known_problems=(
        "The 1% repeated-character bound is strict: one repeated short line (`Advertisement`, a "
        "repeated sub-heading) in a short article is enough. Terminal punctuation covers every script "
        "(`。`, `।`, `؟` count), but words are English word tokens: Chinese and Japanese text without "
        "spaces has few 'words', so its line-breaks-per-word ratio is high and it tends to fail "
        "`list_ratio`. A title line (in `.txt` files) counts as a line. The finding is on the repeated "
        "lines for `char_dup_ratio`, else on the whole document."
    ),
    fix="Re-extract the page without its navigation, or drop it from a web-text training set.",
    examples=(
        bad(
            "Links\nHome\nNews\nSport\nWeather\nContact",
            (1, 6),
            note="no line ends in punctuation: `line_punct_ratio`",
        ),
        bad(
            _ARTICLE + "Advertisement\nThe mayor promised to review the spending figures in the spring.\nAdvertisement\n",
            7,
            note="one repeated line is more than 1% of the characters: `char_dup_ratio`, found on the repeat",
        ),
        good(_ARTICLE),
        good("Links\nHome\nNews", options={"min_line_punct_ratio": None, "max_short_line_ratio": None, "max_list_ratio": None}),
    ),
)
