"""G103 c4-quality."""

import re

from corpuscheck.rules.base import Option, Rule, bad, good
from corpuscheck.rules.quality.stats import DROP_MESSAGE, Check, cached, drop_hit, failures, freeze, sentence_count

CITATION = re.compile(r"\[(?:\d*|edit|citation needed)\]")  # Wikipedia-style markers, removed first
END_PUNCTUATION = (".", "?", "!", '"', "'")
POLICY_PHRASES = ("terms of use", "privacy policy", "cookie policy", "uses cookies", "use of cookies", "use cookies")
_STAT_OPTIONS = (
    "min_words_per_line", "max_word_length", "remove_citations", "filter_no_terminal_punct",
    "filter_lorem_ipsum", "filter_javascript", "filter_curly_bracket", "filter_policy",
)


_POLICY = re.compile("|".join(map(re.escape, POLICY_PHRASES)))  # contains one of the phrases
_POLICY_HINTS = ("polic", "cookie", "terms of use")  # every phrase contains one of these
assert all(any(hint in phrase for hint in _POLICY_HINTS) for phrase in POLICY_PHRASES)


def _policy(lower: str) -> bool:
    return ("polic" in lower or "cookie" in lower or "terms of use" in lower) and _POLICY.search(lower) is not None


def statistics(doc, options) -> dict:
    """C4's line filter over the document: the lines it keeps, their sentences, and the
    lines that make it drop the whole page (``lorem ipsum``, ``{``), with the first of them."""
    sentences = kept = lorem = curly = 0
    first_lorem = first_curly = None
    max_word_length = options["max_word_length"]
    remove_citations = options["remove_citations"]
    terminal = options["filter_no_terminal_punct"]
    min_words = options["min_words_per_line"]
    for number, raw in enumerate(doc.lines, 1):
        for line in raw.splitlines():  # the pipeline splits on every line boundary Python knows
            line = stripped = line.strip()
            # The tests that skip a line do not depend on one another: the cheap ones first.
            # Words are counted before citations are removed; a word longer than the line is not.
            if max_word_length != -1 and len(line) > max_word_length:
                words = line.split()
                if words and max(map(len, words)) > max_word_length:
                    continue
            if remove_citations and "[" in line:  # every citation marker starts with '['
                line = CITATION.sub("", line)
            if terminal and (not line.endswith(END_PUNCTUATION) or line.endswith("...")):
                continue
            if min_words > 0 and len(stripped.split()) < min_words:
                continue
            lower = line.lower()
            if options["filter_lorem_ipsum"] and "lorem ipsum" in lower:
                lorem += 1
                first_lorem = first_lorem or number
                continue
            if options["filter_javascript"] and "javascript" in lower:
                continue
            if options["filter_curly_bracket"] and "{" in line:
                curly += 1
                first_curly = first_curly or number
                continue
            if options["filter_policy"] and _policy(lower):
                continue
            sentences += sentence_count(line)
            kept += 1
    return {
        "c4_sentences": float(sentences),
        "c4_kept_lines": float(kept),
        "c4_lorem_ipsum_lines": float(lorem),
        "c4_curly_bracket_lines": float(curly),
        "_first": {"lorem_ipsum": first_lorem, "curly_bracket": first_curly},
    }


def _stats(doc, options):
    return cached(doc, ("c4-quality", freeze(options, _STAT_OPTIONS)), lambda: statistics(doc, options))


def measure(doc, options):
    return {k: v for k, v in _stats(doc, options).items() if not k.startswith("_")}


def detect(doc, options):
    stats = _stats(doc, options)
    first = stats["_first"]
    page_drops = [
        Check(
            reason, column, reason, "max", "{value} kept line(s) contain " + what,
            lambda d, line=first[reason]: (line, line) if line else None,
        )
        for reason, column, what in (
            ("lorem_ipsum", "c4_lorem_ipsum_lines", "'lorem ipsum'"),
            ("curly_bracket", "c4_curly_bracket_lines", "a curly bracket"),
        )
    ]
    page_drops.sort(key=lambda c: first[c.reason] or 0)  # the pipeline stops at the first such line
    checks = page_drops + [
        Check("too_few_sentences", "c4_sentences", "min_sentences", "min", "{value} sentence(s) in kept lines, fewer than {limit}")
    ]
    limits = {
        "lorem_ipsum": 0 if options["filter_lorem_ipsum"] else None,
        "curly_bracket": 0 if options["filter_curly_bracket"] else None,
        "min_sentences": None if options["min_sentences"] == -1 else options["min_sentences"],
    }
    failed = failures(checks, stats, limits)
    if failed:
        yield drop_hit(doc, failed, "C4 quality")


_ARTICLE = (
    "Council approves budget\n"
    "The city council approved the budget on Tuesday.\n"
    "The vote was close, with seven members in favour and six against.\n"
    "Opposition members said the plan cut too deeply into local services.\n"
    "The mayor promised to review the spending figures in the spring.\n"
    "Residents can comment on the proposals until the end of the month.\n"
    "Share this article\n"
)

C4Quality = Rule(
    code="G103",
    name="c4-quality",
    summary="A document that the C4 quality filter would drop: too few sentences in proper lines, `lorem ipsum`, or `{`.",
    why=(
        "C4 (Raffel et al. 2020) keeps only lines that end in terminal punctuation (`.`, `?`, `!`, `\"`, "
        "`'`, not `...`), have at least 3 words and no word over 1,000 characters, and that do not mention "
        "javascript or a cookie or privacy policy; it drops the whole page when fewer than 5 sentences "
        "remain, or when a kept line contains `lorem ipsum` or a curly bracket (code, templates). A "
        "page it drops is menus and fragments rather than prose. This rule reports what datatrove's "
        "`C4QualityFilter` (0.10, defaults, lines split on newlines) would drop, with its reason, and "
        "puts `c4_sentences`, `c4_kept_lines`, `c4_lorem_ipsum_lines` and `c4_curly_bracket_lines` in "
        "the document's row."
    ),
    message=DROP_MESSAGE,
    detect=detect,
    autofix=None,  # no automatic fix: a filter's verdict over the whole document; drop it downstream
    measure=measure,
    measure_columns=("c4_sentences", "c4_kept_lines", "c4_lorem_ipsum_lines", "c4_curly_bracket_lines"),
    severity="warning",
    options={
        "min_sentences": Option(5, "fewest sentences in the kept lines; -1: no bound"),
        "min_words_per_line": Option(3, "lines with fewer whitespace-separated words are not kept"),
        "max_word_length": Option(1000, "lines with a longer word are not kept; -1: no bound"),
        "remove_citations": Option(True, "remove `[1]`, `[edit]`, `[citation needed]` before the end-of-line test"),
        "filter_no_terminal_punct": Option(True, "keep only lines ending in `.`, `?`, `!`, `\"` or `'` (not `...`)"),
        "filter_lorem_ipsum": Option(True, "drop the page when a kept line contains `lorem ipsum`"),
        "filter_javascript": Option(True, "do not keep lines that mention javascript"),
        "filter_curly_bracket": Option(True, "drop the page when a kept line contains `{`"),
        "filter_policy": Option(True, "do not keep lines about terms of use, privacy or cookie policies"),
    },
    known_problems=(
        "The end-of-line test knows only Latin punctuation, as C4 did: Chinese and Japanese lines "
        "ending in `。`, Hindi in `।` or Arabic in `؟` are never kept, so such documents always fail "
        "`too_few_sentences`. Sentences are counted in the kept lines with a punctuation-based splitter "
        "(a new sentence after `.`, `!`, `?` and the like, abbreviations such as `Mr.` excepted), close "
        "to but not exactly the pipeline's. In the pipeline C4 also removes the lines it does not keep, "
        "so filters after it see a shorter text; our G rules each measure the original text. A news "
        "brief of four one-sentence paragraphs is dropped. The finding is on the first `lorem ipsum` or "
        "`{` line, else on the whole document."
    ),
    fix="Drop the page from a web-text training set, or re-extract it: a page with no proper sentences is navigation.",
    examples=(
        bad(
            "Menu\nHome\nNews\nSport\nThe council approved the budget on Tuesday.\nContact us",
            (1, 6),
            note="one kept line, one sentence: `too_few_sentences`",
        ),
        bad(
            _ARTICLE + "Lorem ipsum dolor sit amet, consectetur adipiscing elit.\n",
            8,
            note="a kept line with `lorem ipsum` drops the page: `lorem_ipsum`",
        ),
        bad(
            _ARTICLE + "Use the template {{ name }} in the notice.\n",
            8,
            note="`curly_bracket`",
        ),
        good(_ARTICLE, note="five kept lines of one sentence each; the title and `Share this article` are not kept"),
        good("Brief\nOne sentence. Two sentences. Three of them here.", options={"min_sentences": 3}),
    ),
)
