"""G102 gopher-repetition."""

import re
from operator import itemgetter

from corpuscheck.quality import DROP_MESSAGE, Check, cached, doc_words, drop_hit, failures, repeated_lines_span
from corpuscheck.rules.base import Hit, Option, Rule, bad, good

TOP_NGRAMS = {2: 0.2, 3: 0.18, 4: 0.16}
DUP_NGRAMS = {5: 0.15, 6: 0.14, 7: 0.13, 8: 0.12, 9: 0.11, 10: 0.10}
_PARAGRAPH_BREAK = re.compile(r"\n{2,}")
_LINE_BREAKS = re.compile(r"\n+")


def _repeats(items: list[str]) -> tuple[int, int]:
    """How many items repeat an earlier one, and their characters."""
    seen: set[str] = set()
    count = chars = 0
    for item in items:
        if item in seen:
            count += 1
            chars += len(item)
        else:
            seen.add(item)
    return count, chars


def _top_ngram_chars(words: list[str], n: int) -> int:
    """Characters covered by the most frequent n-gram (words joined by spaces) times its count;
    among equally frequent n-grams, the first one seen."""
    counts: dict[str, int] = {}
    for i in range(len(words) - n + 1):
        gram = " ".join(words[i : i + n])
        counts[gram] = counts.get(gram, 0) + 1
    if not counts:
        return 0
    gram, count = max(counts.items(), key=itemgetter(1))
    return len(gram) * count


def _repeated_ngram_chars(words: list[str], n: int) -> int:
    """Characters of n-grams (words joined without spaces) that repeat an earlier n-gram,
    scanning left to right and jumping past each repeat so no word counts twice."""
    seen: set[str] = set()
    chars = i = 0
    last = len(words) - n
    while i <= last:
        gram = "".join(words[i : i + n])
        if gram in seen:
            chars += len(gram)
            i += n
        else:
            seen.add(gram)
            i += 1
    return chars


def _top_column(n: int) -> str:
    return f"gopher_top_{n}gram_char_frac"


def _dup_column(n: int) -> str:
    return f"gopher_dup_{n}gram_char_frac"


def statistics(doc, top_ns, dup_ns) -> dict[str, float]:
    text = doc.text
    size = len(text) or 1
    paragraphs = _PARAGRAPH_BREAK.split(text.strip())
    para_repeats, para_chars = _repeats(paragraphs)
    lines = _LINE_BREAKS.split(text)
    line_repeats, line_chars = _repeats(lines)
    stats = {
        "gopher_dup_para_frac": para_repeats / len(paragraphs),
        "gopher_dup_para_char_frac": para_chars / size,
        "gopher_dup_line_frac": line_repeats / len(lines),
        "gopher_dup_line_char_frac": line_chars / size,
    }
    words = doc_words(doc)
    for n in top_ns:
        stats[_top_column(n)] = _top_ngram_chars(words, n) / size
    for n in dup_ns:
        stats[_dup_column(n)] = _repeated_ngram_chars(words, n) / size
    return stats


def _ngram_limits(options, name):
    return {int(n): frac for n, frac in dict(options[name]).items()}


def measure(doc, options):
    top, dup = _ngram_limits(options, "top_ngram_char_fracs"), _ngram_limits(options, "dup_ngram_char_fracs")
    top_ns, dup_ns = tuple(sorted(set(top) | set(TOP_NGRAMS))), tuple(sorted(set(dup) | set(DUP_NGRAMS)))
    return cached(doc, ("gopher-repetition", top_ns, dup_ns), lambda: statistics(doc, top_ns, dup_ns))




BASE_CHECKS = (
    Check(
        "dup_para_frac", "gopher_dup_para_frac", "max_dup_para_frac", "max",
        "{value} of the paragraphs repeat an earlier one, more than {limit}", repeated_lines_span,
    ),
    Check(
        "dup_para_char_frac", "gopher_dup_para_char_frac", "max_dup_para_char_frac", "max",
        "{value} of the characters are in repeated paragraphs, more than {limit}", repeated_lines_span,
    ),
    Check(
        "dup_line_frac", "gopher_dup_line_frac", "max_dup_line_frac", "max",
        "{value} of the lines repeat an earlier one, more than {limit}", repeated_lines_span,
    ),
    Check(
        "dup_line_char_frac", "gopher_dup_line_char_frac", "max_dup_line_char_frac", "max",
        "{value} of the characters are in repeated lines, more than {limit}", repeated_lines_span,
    ),
)


def detect(doc, options):
    if not doc.text:
        yield Hit(1, data={"pipeline": "Gopher repetition", "reason": "empty", "detail": "no text", "also": ""})
        return
    limits = dict(options)
    checks = list(BASE_CHECKS)
    for n, frac in sorted(_ngram_limits(options, "top_ngram_char_fracs").items()):
        limits[f"top_{n}"] = frac
        checks.append(Check(
            f"top_{n}_gram", _top_column(n), f"top_{n}", "max",
            f"the most frequent {n}-gram covers {{value}} of the characters, more than {{limit}}",
        ))
    for n, frac in sorted(_ngram_limits(options, "dup_ngram_char_fracs").items()):
        limits[f"dup_{n}"] = frac
        checks.append(Check(
            f"duplicated_{n}_n_grams", _dup_column(n), f"dup_{n}", "max",
            f"repeated {n}-grams cover {{value}} of the characters, more than {{limit}}",
        ))
    failed = failures(checks, measure(doc, options), limits)
    if failed:
        yield drop_hit(doc, failed, "Gopher repetition")


_PROSE = (
    "The council approved the new budget on Tuesday after a long debate.\n\n"
    "Opposition members said the plan cut too deeply into local services.\n\n"
    "The mayor promised a review of the spending figures in the spring.\n\n"
    "Residents will be able to comment on the proposals at a public meeting."
)

GopherRepetition = Rule(
    code="G102",
    name="gopher-repetition",
    summary="A document that the Gopher repetition filter would drop: repeated lines, paragraphs or n-grams.",
    why=(
        "Repetition inside a page is the commonest sign of scraped boilerplate and of generated spam: "
        "the same menu line on every block, a paragraph pasted twice, a phrase repeated for search "
        "engines. Gopher (Rae et al. 2021, table A1) drops a document when more than 30% of its lines or "
        "paragraphs repeat earlier ones, when repeated lines or paragraphs hold more than 20% of its "
        "characters, when the most frequent 2-, 3- or 4-gram covers more than 20%, 18% or 16% of the "
        "characters, or when repeated 5- to 10-grams cover more than 15% down to 10%. This rule reports "
        "what datatrove's `GopherRepetitionFilter` (0.10, default thresholds) would drop, with its "
        "reason, and puts every fraction in the document's row (`gopher_dup_line_frac`, "
        "`gopher_dup_para_frac`, `gopher_dup_line_char_frac`, `gopher_dup_para_char_frac`, "
        "`gopher_top_2gram_char_frac` ... `gopher_top_4gram_char_frac`, `gopher_dup_5gram_char_frac` ... "
        "`gopher_dup_10gram_char_frac`)."
    ),
    message=DROP_MESSAGE,
    detect=detect,
    measure=measure,
    measure_columns=(
        "gopher_dup_para_frac", "gopher_dup_para_char_frac", "gopher_dup_line_frac", "gopher_dup_line_char_frac",
        *(_top_column(n) for n in TOP_NGRAMS), *(_dup_column(n) for n in DUP_NGRAMS),
    ),
    severity="warning",
    options={
        "max_dup_para_frac": Option(0.3, "highest share of paragraphs (blank-line separated) that repeat an earlier one"),
        "max_dup_para_char_frac": Option(0.2, "highest share of characters in repeated paragraphs"),
        "max_dup_line_frac": Option(0.3, "highest share of lines that repeat an earlier one"),
        "max_dup_line_char_frac": Option(0.2, "highest share of characters in repeated lines"),
        "top_ngram_char_fracs": Option(dict(TOP_NGRAMS), "{n: highest share of characters covered by the most frequent n-gram}"),
        "dup_ngram_char_fracs": Option(dict(DUP_NGRAMS), "{n: highest share of characters in repeated n-grams}"),
    },
    known_problems=(
        "Short documents are dropped by the n-gram tests even without any repetition: in a text of a "
        "few words the most frequent 2-gram, seen once, already covers more than 20% of the characters "
        "(`top_2_gram`). Lyrics, poems, recipes and tables legitimately repeat lines. n-grams are over "
        "English word tokens (punctuation marks count as words); Chinese and Japanese text without "
        "spaces makes few, long 'words', so the n-gram tests see little and the line and paragraph "
        "tests do the work. Fractions are over the whole record text (title line included). A line or "
        "paragraph finding spans the first to the last repeated line."
    ),
    fix="Remove the repeated block (see D101 duplicated-paragraph-run) or drop the document.",
    examples=(
        bad(
            "Title\n" + "\n".join(["Read more", "The council approved the new budget on Tuesday after a debate."] * 4),
            (4, 9),
            note="4 of 9 lines repeat an earlier line: `dup_line_frac`, found from the first to the last repeat",
        ),
        bad("Tiny page\nHello world.", (1, 2), note="a text this short fails `top_2_gram` without repeating anything"),
        good("Council budget\n\n" + _PROSE),
        good(
            "Chorus\nla la la\nla la la\nla la la",
            options={"max_dup_line_frac": None, "max_dup_line_char_frac": None, "max_dup_para_frac": None,
                     "max_dup_para_char_frac": None, "top_ngram_char_fracs": {}, "dup_ngram_char_fracs": {}},
            note="every test switched off",
        ),
    ),
)
