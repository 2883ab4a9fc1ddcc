"""G101 gopher-quality."""

from collections import Counter
from itertools import filterfalse

from corpuscheck.rules.base import Option, Rule, bad, good
from corpuscheck.rules.quality.stats import (
    DROP_MESSAGE,
    SYMBOL_CHARS,
    Check,
    cached,
    doc_words,
    drop_hit,
    failures,
    is_symbol_word,
    lines_span,
)

# The English stop words Gopher requires at least two of (case-sensitive, distinct).
STOP_WORDS = ["the", "be", "to", "of", "and", "that", "have", "with"]


def _is_bullet(line: str) -> bool:
    return line.lstrip().startswith(("\u2022", "-"))


def _ends_with_ellipsis(line: str) -> bool:
    return line.rstrip().endswith(("...", "\u2026"))


CHECKS = (
    Check("gopher_short_doc", "gopher_words", "min_words", "min", "{value} words, fewer than {limit}"),
    Check("gopher_long_doc", "gopher_words", "max_words", "max", "{value} words, more than {limit}"),
    Check(
        "gopher_below_avg_threshold", "gopher_mean_word_length", "min_mean_word_length", "min",
        "mean word length {value}, below {limit}",
    ),
    Check(
        "gopher_above_avg_threshold", "gopher_mean_word_length", "max_mean_word_length", "max",
        "mean word length {value}, above {limit}",
    ),
    Check(
        "gopher_too_many_hashes", "gopher_hash_ratio", "max_symbol_word_ratio", "max",
        "{value} '#' per word, more than {limit}", lambda doc: lines_span(doc, lambda line: "#" in line),
    ),
    Check(
        "gopher_too_many_ellipsis", "gopher_ellipsis_ratio", "max_symbol_word_ratio", "max",
        "{value} ellipses per word, more than {limit}",
        lambda doc: lines_span(doc, lambda line: "..." in line or "\u2026" in line),
    ),
    Check(
        "gopher_too_many_bullets", "gopher_bullet_lines_ratio", "max_bullet_lines_ratio", "max",
        "{value} of the lines start with a bullet, more than {limit}", lambda doc: lines_span(doc, _is_bullet),
    ),
    Check(
        "gopher_too_many_end_ellipsis", "gopher_ellipsis_lines_ratio", "max_ellipsis_lines_ratio", "max",
        "{value} of the lines end with an ellipsis, more than {limit}", lambda doc: lines_span(doc, _ends_with_ellipsis),
    ),
    Check(
        "gopher_below_alpha_threshold", "gopher_alpha_words_ratio", "min_alpha_words_ratio", "min",
        "{value} of the words contain a letter, fewer than {limit}",
    ),
    Check(
        "gopher_enough_stop_words", "gopher_stop_words", "min_stop_words", "min",
        "{value} distinct stop words, fewer than {limit}",
    ),
)
COLUMNS = tuple(dict.fromkeys(c.column for c in CHECKS))


def _word_counts(words: list[str]) -> tuple[int, int, int]:
    """(words that are not symbol words, their characters, words with a letter).

    A token of letters only (most of them) is a counted word with a letter, so only the
    others are looked at, once per distinct token."""
    other = Counter(filterfalse(str.isalpha, words))
    counted = len(words)
    chars = sum(map(len, words))
    alpha = counted - other.total()
    for word, n in other.items():
        if is_symbol_word(word):
            counted -= n
            chars -= n * len(word)
        elif any(map(str.isalpha, word)):
            alpha += n
    return counted, chars, alpha


assert not any(map(str.isalpha, SYMBOL_CHARS))  # a symbol word never has a letter


def statistics(doc) -> dict[str, float]:
    """Every Gopher quality statistic but the stop-word count (which depends on the options)."""
    words = doc_words(doc)
    n_words = len(words)
    counted, chars, alpha = _word_counts(words)
    text = doc.text
    lines = text.splitlines()
    per_word = n_words or 1
    per_line = len(lines) or 1
    return {
        "gopher_words": float(counted),
        "gopher_mean_word_length": chars / counted if counted else 0.0,
        "gopher_hash_ratio": text.count("#") / per_word,
        "gopher_ellipsis_ratio": (text.count("...") + text.count("\u2026")) / per_word,
        "gopher_bullet_lines_ratio": sum(map(_is_bullet, lines)) / per_line,
        "gopher_ellipsis_lines_ratio": sum(map(_ends_with_ellipsis, lines)) / per_line,
        "gopher_alpha_words_ratio": alpha / per_word,
    }


def measure(doc, options):
    stats = dict(cached(doc, "gopher-quality", lambda: statistics(doc)))
    stop_words = frozenset(options["stop_words"])
    stats["gopher_stop_words"] = cached(
        doc, ("gopher-stop-words", stop_words), lambda: float(len(stop_words.intersection(doc_words(doc))))
    )
    return stats


def detect(doc, options):
    failed = failures(CHECKS, measure(doc, options), options)
    if failed:
        yield drop_hit(doc, failed, "Gopher quality")


_ENGLISH = (
    "The committee met on Tuesday to discuss the budget for the coming year. Members agreed that "
    "the plan should be published with the figures of the previous report, and the chair said the "
    "vote would take place next week. Several speakers asked for more time to read the documents, "
    "which ran to more than two hundred pages. The final text is expected to be approved by the end "
    "of the month."
)

GopherQuality = Rule(
    code="G101",
    name="gopher-quality",
    summary="A document that the Gopher quality filter (MassiveText) would drop, with the reason and the numbers.",
    why=(
        "Gopher's quality heuristics (Rae et al. 2021, MassiveText) are the reference filter for web "
        "text: a page with fewer than 50 or more than 100,000 words, a mean word length outside 3-10 "
        "characters, more than 0.1 `#` or ellipses per word, more than 90% of lines starting with a "
        "bullet, more than 30% of lines ending with an ellipsis, fewer than 80% of words with a letter, "
        "or fewer than two of the English stop words *the, be, to, of, and, that, have, with* is "
        "navigation, a list, a table of numbers or not English prose. This rule reports what datatrove's "
        "`GopherQualityFilter` (0.10, default thresholds) would drop, with the reason it would record, "
        "and puts every statistic in the document's row (`gopher_words`, `gopher_mean_word_length`, "
        "`gopher_hash_ratio`, `gopher_ellipsis_ratio`, `gopher_bullet_lines_ratio`, "
        "`gopher_ellipsis_lines_ratio`, `gopher_alpha_words_ratio`, `gopher_stop_words`), so a suite "
        "can put its own bounds on them."
    ),
    message=DROP_MESSAGE,
    detect=detect,
    autofix=None,  # no automatic fix: a filter's verdict over the whole document; drop it downstream
    measure=measure,
    measure_columns=COLUMNS,
    severity="warning",
    options={
        "min_words": Option(50, "fewest words (tokens with a character that is not punctuation); None: no bound"),
        "max_words": Option(100_000, "most words; None: no bound"),
        "min_mean_word_length": Option(3, "lowest mean word length in characters; None: no bound"),
        "max_mean_word_length": Option(10, "highest mean word length; None: no bound"),
        "max_symbol_word_ratio": Option(0.1, "most `#`, and most ellipses (`...`, `…`), per word token; None: no bound"),
        "max_bullet_lines_ratio": Option(0.9, "highest share of lines starting with `•` or `-`; None: no bound"),
        "max_ellipsis_lines_ratio": Option(0.3, "highest share of lines ending with `...` or `…`; None: no bound"),
        "min_alpha_words_ratio": Option(0.8, "lowest share of word tokens with a letter; None: no bound"),
        "min_stop_words": Option(2, "fewest distinct stop words; None: no bound"),
        "stop_words": Option(STOP_WORDS, "the stop words counted (case-sensitive)"),
    },
    known_problems=(
        "The filter is English-centric, as Gopher's was. Words are tokens of an English word tokenizer "
        "(punctuation split off, `don't` -> `do` `n't`), and every non-English document fails the "
        "stop-word test (`gopher_enough_stop_words`): set `min_stop_words` to None, or give "
        "`stop_words` for the corpus language, before using it on other languages. Chinese and Japanese "
        "text has no spaces, so a whole sentence is one 'word': such documents fail on word count or "
        "mean word length (`gopher_above_avg_threshold`); Korean spaces words and behaves like a "
        "spaced language. As in datatrove, punctuation marks are word tokens in the letter-ratio test, "
        "so prose dense in numbers and punctuation fails `gopher_below_alpha_threshold`: 16 of the 161 "
        "English gold articles of the extraction benchmark do; lower `min_alpha_words_ratio` (0.7) "
        "for a milder test. Counts and ratios are over the whole record text (title line included), as "
        "the pipeline sees it. Our tokenizer reproduces datatrove's (spaCy's English rules) on 360 of "
        "the 362 benchmark texts token for token; decisions can differ where a statistic sits on its "
        "threshold (`benchmarks/datatrove_parity.py`)."
    ),
    fix="Drop the document from a web-text training set, or fix the extraction that produced the list or stub.",
    examples=(
        bad(
            "Title\nThe vote is next week.",
            (1, 2),
            note="3 + 4 words: `gopher_short_doc`, found on the whole document",
        ),
        bad(
            "Menu\n" + "\n".join(f"- Item number {i} of the list, with the price and the size" for i in range(1, 12)),
            (2, 12),
            note="11 of 12 lines start with a bullet: `gopher_too_many_bullets`, found on the bullet lines",
        ),
        bad(
            "Headlines\n" + "\n".join(f"The minister said that the plan for region {i} would be..." for i in range(12)),
            (2, 13),
            note="12 of 13 lines end with an ellipsis (0.08 ellipses per word is still under 0.1)",
        ),
        good("Budget vote\n" + _ENGLISH),
        good("Short\nNot enough words here.", options={"min_words": 3, "min_stop_words": None}),
    ),
)
