"""G102 gopher-repetition."""

import re
from functools import cache
from itertools import groupby
from operator import itemgetter

import numpy as np

from corpuscheck.rules.base import Hit, Option, Rule, bad, good
from corpuscheck.rules.quality.stats import (
    DROP_MESSAGE,
    Check,
    cached,
    doc_words,
    drop_hit,
    failures,
    repeated_lines_span,
)

TOP_NGRAMS = {2: 0.2, 3: 0.18, 4: 0.16}
DUP_NGRAMS = {5: 0.15, 6: 0.14, 7: 0.13, 8: 0.12, 9: 0.11, 10: 0.10}
_PARAGRAPH_BREAK = re.compile(r"\n{2,}")
_LINE_BREAKS = re.compile(r"\n+")


def _lines(text: str) -> list[str]:
    """``_LINE_BREAKS.split(text)``: the pieces between runs of newlines (an empty first or last piece stays)."""
    pieces = text.split("\n")
    if len(pieces) < 3 or "\n\n" not in text:
        return pieces
    return [pieces[0], *filter(None, pieces[1:-1]), pieces[-1]]


def _paragraphs(text: str) -> list[str]:
    """``_PARAGRAPH_BREAK.split(text.strip())``: the pieces between runs of two newlines or more."""
    text = text.strip()
    if "\n\n" not in text:
        return [text]
    # the stripped text starts and ends with a character that is no newline: every empty
    # line lies inside a run of two newlines or more
    return ["\n".join(group) for nonempty, group in groupby(text.split("\n"), bool) if nonempty]


def _repeats(items: list[str]) -> tuple[int, int]:
    """How many items repeat an earlier one, and their characters."""
    distinct = set(items)
    return len(items) - len(distinct), sum(map(len, items)) - sum(map(len, distinct))


# The pipeline's definitions, word by word: the reference for the fast versions below
# (``benchmarks/family_speed.py --check`` compares the two on real text).
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


# Fast versions with the same results. Every n-gram gets a 64-bit polynomial hash of its
# text (words joined by spaces for the top n-grams, without for the repeated ones): equal
# texts have equal hashes, so an n-gram whose hash is unique in the document is unique, and
# only the n-grams whose hash repeats are compared as text (a hash collision costs time,
# never a wrong count).
_MOD = 1 << 64
_BASE = 0x9E3779B97F4A7C15  # odd: invertible modulo 2**64
_POWERS: list[np.ndarray] = []  # [BASE**t, BASE**-t for t = 0..size-1], modulo 2**64, kept up to _KEPT
_KEPT = 1 << 18


def _power_table(size: int) -> list[np.ndarray]:
    up = np.full(size, _BASE, dtype=np.uint64)
    down = np.full(size, pow(_BASE, -1, _MOD), dtype=np.uint64)
    up[0] = down[0] = 1
    return [np.cumprod(up, dtype=np.uint64), np.cumprod(down, dtype=np.uint64)]


def _powers(size: int) -> list[np.ndarray]:
    if size > _KEPT:
        return _power_table(size)  # a very long document: not kept
    if not _POWERS:
        _POWERS[:] = _power_table(_KEPT)
    return _POWERS


def _prefix_hashes(codes: np.ndarray, up: np.ndarray) -> np.ndarray:
    """``h[k] = sum(code[t] * BASE**t for t < k)``: the hash of ``text[a:b]`` is ``(h[b] - h[a]) * BASE**-a``."""
    prefix = np.zeros(len(codes) + 1, dtype=np.uint64)
    np.cumsum(codes * up[: len(codes)], out=prefix[1:])
    return prefix


_LOW = np.uint64((1 << 63) - 1)  # n-gram hashes keep 63 bits ...
_TOP = np.uint64(_MOD - 1)  # ... so the fillers 2**64 - 1 - i (top bit set) never equal one


def _gram_table(begin: np.ndarray, end: np.ndarray, scale: np.ndarray, ns: list[int]) -> np.ndarray:
    """The n-gram hashes ``(end[i + n - 1] - begin[i]) * scale[i]`` (63 bits) for every n of ``ns``
    (ascending), one row per n; past its last n-gram a row holds distinct fillers (sorted last)."""
    size, count = len(begin), len(begin) - ns[0] + 1
    index = np.arange(count) + (np.asarray(ns) - 1)[:, None]
    table = end[np.minimum(index, size - 1)]
    table -= begin[:count]
    table *= scale[:count]
    table &= _LOW
    return np.where(index < size, table, _TOP - np.arange(count, dtype=np.uint64))


def _top_chars(words: list[str], ns: list[int], table: np.ndarray) -> dict[int, int]:
    """``_top_ngram_chars`` for each n of ``ns`` from the n-gram hash table."""
    rows, count = table.shape
    ranked = np.sort(table, axis=1)
    # Runs of equal hashes in each sorted row (a run never crosses rows, fillers are runs of
    # one): the longest per row, and the values of the runs that long.
    flat = ranked.ravel()
    change = np.empty(len(flat) + 1, dtype=bool)
    change[0] = change[-1] = True
    np.not_equal(flat[1:], flat[:-1], out=change[1:-1])
    change[:-1:count] = True
    bounds = np.flatnonzero(change)
    starts, lengths = bounds[:-1], bounds[1:] - bounds[:-1]
    first_run = np.searchsorted(starts, np.arange(rows) * count)
    most = np.maximum.reduceat(lengths, first_run)
    run_most = most[starts // count]
    tied = np.flatnonzero((lengths == run_most) & (run_most > 1))
    tied_values: dict[int, list[int]] = {}
    for row, value in zip((starts[tied] // count).tolist(), flat[starts[tied]].tolist(), strict=True):
        tied_values.setdefault(row, []).append(value)
    found = {}
    for row, (n, row_most) in enumerate(zip(ns, most.tolist(), strict=True)):
        if row_most == 1:  # every n-gram is unique: the first one, seen once
            found[n] = len(" ".join(words[:n]))
        else:
            found[n] = _top_from_hashes(words, n, table[row, : len(words) - n + 1], tied_values[row], row_most)
    return found


def _top_from_hashes(words: list[str], n: int, hashes: np.ndarray, tied: list[int], most: int) -> int:
    """The n-grams with the first of the ``tied`` hashes (each held by ``most`` n-grams) to appear,
    if they are all the same words: the most frequent n-gram and its count (a hash shared by
    different n-grams counts each of them fewer times than ``most``)."""
    if len(tied) == 1:
        value = np.uint64(tied[0])
    else:
        keys = np.array(tied, dtype=np.uint64)  # sorted
        value = hashes[int(np.argmax(keys[np.minimum(np.searchsorted(keys, hashes), len(keys) - 1)] == hashes))]
    positions = np.flatnonzero(hashes == value).tolist()
    gram = words[positions[0] : positions[0] + n]
    if all(words[p : p + n] == gram for p in positions):
        return len(" ".join(gram)) * most
    return _top_ngram_chars(words, n)  # a hash collision: count word by word


def _repeated_chars(ns: list[int], table: np.ndarray, words: list[str], joined: str, offsets: np.ndarray) -> dict[int, int]:
    """``_repeated_ngram_chars`` for each n of ``ns`` from the n-gram hash table."""
    found = dict.fromkeys(ns, 0)
    ranked = np.sort(table, axis=1)
    same = ranked[:, 1:] == ranked[:, :-1]
    bounds = None
    for row in np.flatnonzero(same.any(axis=1)).tolist():
        n = ns[row]
        hashes = table[row, : len(words) - n + 1]
        repeated = ranked[row, 1:][same[row]]  # (a filler that equals an n-gram's hash only adds a candidate)
        candidates = np.flatnonzero(repeated[np.minimum(np.searchsorted(repeated, hashes), len(repeated) - 1)] == hashes)
        bounds = bounds or offsets.tolist()
        # Only these n-grams can repeat: walk them as the pipeline walks every n-gram (the others
        # are unique, so they never match; a repeat skips the next n positions). An n-gram is
        # seen before when its hash is and its text is that of the first n-gram seen with it.
        seen: dict[int, int] = {}
        chars = resume = 0
        for i, value in zip(candidates.tolist(), hashes[candidates].tolist(), strict=True):
            if i < resume:
                continue
            first = seen.setdefault(value, i)
            if first != i:
                gram = joined[bounds[i] : bounds[i + n]]
                if gram != joined[bounds[first] : bounds[first + n]]:  # a hash collision
                    chars = _repeated_ngram_chars(words, n)
                    break
                chars += len(gram)
                resume = i + n
        found[n] = chars
    return found


def ngram_chars(words: list[str], top_ns, dup_ns) -> tuple[dict[int, int], dict[int, int]]:
    """``({n: _top_ngram_chars}, {n: _repeated_ngram_chars})`` for the n of ``top_ns`` and ``dup_ns``."""
    size = len(words)
    top = {n: _top_ngram_chars(words, n) if n < 1 else 0 for n in top_ns}
    dup = {n: _repeated_ngram_chars(words, n) if n < 1 else 0 for n in dup_ns}
    top_ns = sorted(n for n in top_ns if 1 <= n <= size)
    dup_ns = sorted(n for n in dup_ns if 1 <= n <= size)
    if not top_ns and not dup_ns:
        return top, dup
    if len(set(words)) == 1:  # one word repeated ("A" x 200,000): every n-gram is the same text, none to hash
        width = len(words[0])
        top.update({n: (n * width + n - 1) * (size - n + 1) for n in top_ns})  # the one n-gram, at every position
        dup.update({n: len(range(1, size - n + 1, n)) * n * width for n in dup_ns})  # a repeat at 1, 1 + n, ...
        return top, dup
    spaced = " ".join(words)  # words hold no whitespace: the spaces are the word boundaries
    up, down = _powers(len(spaced) + 2)
    codes = np.frombuffer(spaced.encode("utf-32-le", "surrogatepass"), dtype=np.uint32)  # every code point
    space = codes == 32
    starts = np.empty(size + 1, dtype=np.int64)  # word i is spaced[starts[i] : starts[i + 1] - 1]
    starts[0], starts[size] = 0, len(spaced) + 1
    starts[1:size] = np.flatnonzero(space) + 1
    if top_ns:  # n-gram i: spaced[starts[i] : starts[i + n] - 1]
        prefix = _prefix_hashes(codes, up)
        begin, end, scale = prefix[starts[:-1]], prefix[starts[1:] - 1], down[starts[:-1]]
        top.update(_top_chars(words, top_ns, _gram_table(begin, end, scale, top_ns)))
    if dup_ns:  # n-gram i: joined[offsets[i] : offsets[i + n]]
        offsets = starts - np.arange(size + 1)
        at = _prefix_hashes(codes[~space], up)[offsets]
        table = _gram_table(at[:-1], at[1:], down[offsets[:-1]], dup_ns)
        dup.update(_repeated_chars(dup_ns, table, words, spaced.replace(" ", ""), offsets))
    return top, dup


def _top_column(n: int) -> str:
    return f"gopher_top_{n}gram_char_frac"


def _dup_column(n: int) -> str:
    return f"gopher_dup_{n}gram_char_frac"


def statistics(doc, top_ns, dup_ns) -> dict[str, float]:
    text = doc.text
    size = len(text) or 1
    paragraphs = _paragraphs(text)
    para_repeats, para_chars = _repeats(paragraphs)
    lines = _lines(text)
    line_repeats, line_chars = _repeats(lines)
    stats = {
        "gopher_dup_para_frac": para_repeats / len(paragraphs),
        "gopher_dup_para_char_frac": para_chars / size,
        "gopher_dup_line_frac": line_repeats / len(lines),
        "gopher_dup_line_char_frac": line_chars / size,
    }
    top, dup = ngram_chars(doc_words(doc), top_ns, dup_ns)
    for n in top_ns:
        stats[_top_column(n)] = top[n] / size
    for n in dup_ns:
        stats[_dup_column(n)] = dup[n] / size
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


@cache
def _checks(top_ns: tuple[int, ...], dup_ns: tuple[int, ...]) -> tuple[Check, ...]:
    return (
        *BASE_CHECKS,
        *(
            Check(
                f"top_{n}_gram", _top_column(n), f"top_{n}", "max",
                f"the most frequent {n}-gram covers {{value}} of the characters, more than {{limit}}",
            )
            for n in top_ns
        ),
        *(
            Check(
                f"duplicated_{n}_n_grams", _dup_column(n), f"dup_{n}", "max",
                f"repeated {n}-grams cover {{value}} of the characters, more than {{limit}}",
            )
            for n in dup_ns
        ),
    )


def detect(doc, options):
    if not doc.text:
        yield Hit(1, data={"pipeline": "Gopher repetition", "reason": "empty", "detail": "no text", "also": ""})
        return
    limits = dict(options)
    top = sorted(_ngram_limits(options, "top_ngram_char_fracs").items())
    dup = sorted(_ngram_limits(options, "dup_ngram_char_fracs").items())
    limits.update((f"top_{n}", frac) for n, frac in top)
    limits.update((f"dup_{n}", frac) for n, frac in dup)
    checks = _checks(tuple(n for n, _ in top), tuple(n for n, _ in dup))
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
    autofix=None,  # no automatic fix: a filter's verdict over the whole document; drop it downstream
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
