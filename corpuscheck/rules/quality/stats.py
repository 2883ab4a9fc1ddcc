"""Shared helpers for the G (quality statistics) rules.

The web-text pipelines these rules reproduce (Gopher, C4, FineWeb, as datatrove
0.10 implements them) count *words* with an English word tokenizer that splits
punctuation off words, splits clitics (``don't`` -> ``do`` ``n't``) and keeps URLs
and common abbreviations whole. :func:`words` is our own, much cheaper tokenizer
that follows the same conventions closely enough for the statistics to agree
(see ``benchmarks/datatrove_parity.py``); :func:`sentence_count` counts sentences
the way a punctuation-based sentence splitter does.

Statistics are computed once per document and shared between a rule's
``measure`` and ``detect`` through :func:`cached`.
"""

from __future__ import annotations

import re
import string
import unicodedata
import weakref
from collections.abc import Callable, Hashable, Iterable, Mapping
from dataclasses import dataclass
from itertools import chain, compress, count, filterfalse
from typing import Any, TypeVar

import regex

from corpuscheck.input.document import Document
from corpuscheck.rules.base import Hit

T = TypeVar("T")

# Characters that end a sentence in any script (Unicode's Sentence_Terminal property).
SENTENCE_END = regex.compile(r"\p{Sentence_Terminal}")


def _sentence_terminals() -> frozenset[str]:
    every = "".join(chr(c) for c in range(0x21, 0x20000) if not 0xD800 <= c < 0xE000)
    found = set(SENTENCE_END.findall(every))
    return frozenset(found | {"\u17d6", "\u17d9", "\u17da"})  # Khmer signs the pipelines also count


TERMINAL_PUNCTUATION: frozenset[str] = _sentence_terminals()
TERMINAL_TUPLE: tuple[str, ...] = tuple(sorted(TERMINAL_PUNCTUATION))

# A "symbol word" is a token made only of these characters: ASCII punctuation,
# dashes, typographic quotes, ellipsis, CJK/full-width punctuation, sentence
# terminals and control characters. Gopher does not count such tokens as words.
SYMBOL_CHARS: frozenset[str] = frozenset(
    string.punctuation
    + "\u2014\u2013\u201c\u201d\u201e\u2019\u00b4\u00ab\u00bb\u2026\u25ba\u2501\u2236"
    + "\u3001\u3002\uff0c\uff1b\uff1a\uff1f\uff01\uff08\uff09\u3010\u3011\u300c\u300d"
    + "\u300a\u300b\u3008\u3009\uff5e\uff05\uff0e"
    + "".join(chr(c) for c in list(range(0, 9)) + list(range(11, 32)) + list(range(127, 160)))
) | TERMINAL_PUNCTUATION


def is_symbol_word(word: str) -> bool:
    return SYMBOL_CHARS.issuperset(word)  # every character is a symbol character


# ---------------------------------------------------------------------------
# Word tokenizer
# ---------------------------------------------------------------------------

_QUOTES = "'\"\u201d\u201c`\u2018\u00b4\u2019\u201a,\u201e\u00bb\u00ab\u300c\u300d\u300e\u300f\uff08\uff09\u3014\u3015\u3010\u3011\u300a\u300b\u3008\u3009\u27e6\u27e7"
_PUNCT = "\u2026,:;!?\u00bf\u061f\u00a1()\\[\\]{}<>_#*&\u3002\uff1f\uff01\uff0c\u3001\uff1b\uff1a\uff5e\u00b7\u0964\u060c\u06d4\u061b\u066a"
_Q = regex.escape(_QUOTES)
_UNCASED = r"\p{Ethiopic}\p{Bengali}\p{Hebrew}\p{Arabic}\p{Sinhala}\p{Devanagari}\p{Kannada}\p{Tamil}\p{Telugu}\p{Hangul}\p{Hiragana}\p{Katakana}\p{Han}"
_LOWER = r"\p{Ll}" + _UNCASED
_UPPER = r"\p{Lu}" + _UNCASED
_UNITS = (
    "km²|km³|km|m²|m³|m|dm|cm|mm|ha|µm|nm|yd|in|ft|kg|g|mg|µg|t|lb|oz|m/s|km/h|kmh|mph|hPa|Pa|mbar|mb|MB|kb|KB|gb|GB|"
    "tb|TB|T|G|M|K|%|км|м|см|мм|кг|г"
)
# One piece split off the front / the back of a whitespace-separated chunk.
_PREFIX = regex.compile(rf"(?:US\$|C\$|A\$|[§%=\u2014\u2013]|\+(?![0-9])|\.\.+|[{_PUNCT}{_Q}]|\p{{Sc}}|\p{{So}})")
_SUFFIX = regex.compile(
    rf"(?:\.\.+|[{_PUNCT}{_Q}\u2014\u2013]|\p{{So}}|['\u2019][sS]"
    rf"|(?<=[0-9])\+|(?<=°[FfCcKk])\.|(?<=[0-9])\p{{Sc}}|(?<=[0-9])(?:{_UNITS})"
    rf"|(?<=[0-9{_LOWER}%²\-+{_Q}{_PUNCT}])\.|(?<=[{_UPPER}][{_UPPER}])\.)$"
)
_INFIX = regex.compile(
    rf"\.\.+|\u2026|\p{{So}}|(?<=[0-9])[+\-*^](?=[0-9-])|(?<=[{_LOWER}{_Q}])\.(?=[{_UPPER}{_Q}])"
    rf"|(?<=\p{{L}}),(?=\p{{L}})|(?<=[\p{{L}}0-9])(?:---|--|\u2014\u2014|[-\u2013\u2014~])(?=\p{{L}})"
    rf"|(?<=[\p{{L}}0-9])[:<>=/](?=\p{{L}})"
)
_URL = regex.compile(
    r"(?:[\w+\-.]{2,}://)?(?:\S+(?::\S*)?@)?"
    r"(?:(?:[A-Za-z0-9\u00a1-\uffff][A-Za-z0-9\u00a1-\uffff_-]{0,62})?[A-Za-z0-9\u00a1-\uffff]\.)+"
    r"\p{Ll}{2,63}(?::\d{2,5})?(?:[/?#]\S*)?"
)
_SIMPLE = regex.compile(r"\p{L}+|[0-9]+")

# English clitics, split as the pipelines' tokenizer splits them: with or without the
# apostrophe, in lower case or capitalised (never in capitals: ``DON'T`` stays whole).
_NT_STEMS = "do does did is was are were could would should have has had must need might may ought dare".split()
_NT_ODD = {"ca": "can", "wo": "wo", "sha": "sha", "ai": "ai"}  # can't -> ca n't, won't -> wo n't
_CLITIC_STEMS = {
    "m": "i",
    "re": "you we they what who how why when where there these those",
    "ve": "i you we they who what how why when where there these those could would should might must",
    "ll": "i you he she it we they that there this these those who what where when why how",
    "d": "i you he she it we they that there this these those who what where when why how",
}
# Without an apostrophe only where the result is not an ordinary word (its, hell, well, were, shed, ill...).
_BARE_EXCLUDED = {"its", "hell", "shell", "well", "were", "ill", "shed", "whore", "hows", "whos", "thiss", "wholl"}
_BARE_S = "he she that what when where who why how there this"


def _clitic_table() -> dict[str, tuple[str, ...]]:
    table: dict[str, tuple[str, ...]] = {}
    for apostrophe in ("'", "\u2019"):
        for stem in _NT_STEMS + list(_NT_ODD):
            table[stem + "n" + apostrophe + "t"] = (stem, "n" + apostrophe + "t")
        for ending, stems in _CLITIC_STEMS.items():
            for stem in stems.split():
                table[stem + apostrophe + ending] = (stem, apostrophe + ending)
    for stem in _NT_STEMS + list(_NT_ODD):
        table[stem + "nt"] = (stem, "nt")
    for ending, stems in list(_CLITIC_STEMS.items()) + [("s", _BARE_S)]:
        for stem in stems.split():
            table[stem + ending] = (stem, ending)
    for word, parts in {"cannot": ("can", "not"), "gonna": ("gon", "na"), "gotta": ("got", "ta")}.items():
        table[word] = parts
    for hour in range(1, 13):
        for half in ("am", "pm"):
            table[f"{hour}{half}"] = (str(hour), half)
    return {k: v for k, v in table.items() if k not in _BARE_EXCLUDED}


_CLITICS = _clitic_table()


def _split_clitic(core: str) -> tuple[str, ...] | None:
    parts = _CLITICS.get(core.lower())
    if parts is None or (len(core) > 1 and core[1:] != core[1:].lower()):
        return None
    cut = len(parts[0])
    return core[:cut], core[cut:]


# Whole tokens that are never split: emoticons and a few fixed forms. Where affix
# splitting cut one into pieces inside a chunk, the pieces are joined again.
SPECIALS = frozenset(
    """): (: 8) 8-) :) :( :-) :-( ;) ;-) :D :P :p :/ :-/ :o :O :| :] :3 =) =( =] =/ <3 '' \u2019\u2019
    and/or w/o C++ ^_^ -_- o.O O.o xD XD 's 'S \u2019s \u2019S \u2018s 'd 'll 're 'em \u2019d \u2019ll \u2019re""".split()
)

# Abbreviations that keep their final period (titles, months, companies, US states, Latin).
ABBREVIATIONS = frozenset(
    """Mr. Mrs. Ms. Messrs. Dr. Prof. St. Mt. Jr. Gen. Gov. Sen. Rep. Rev. Adm. Jan. Feb. Mar. Apr. Jun.
    Jul. Aug. Sep. Sept. Oct. Nov. Dec. Inc. Ltd. Co. co. Corp. Bros. Ala. Ariz. Ark. Calif. Colo. Conn.
    Del. Fla. Ga. Ia. Id. Ill. Ind. Kan. Kans. Ky. La. Mass. Md. Mich. Minn. Miss. Mo. Mont. Neb. Nebr. Nev.
    Okla. Ore. Pa. Tenn. Va. Wash. Wis. Ak. a.m. p.m. e.g. i.e. E.g. E.G. I.e. I.E. vs. v.s. Ph.D. D.C.
    N.Y. N.J. N.C. N.D. N.H. N.M. S.C. ä. ö. ü. ._.""".split()
) | {f"{c}." for c in string.ascii_lowercase}


# Cheap tests that spare a regex call where the regex cannot match (each is a
# necessary condition of the pattern, so the tokens are the same with or without them).
# ``str.isalpha`` is a subset of ``\p{L}`` (regex may know newer letters; then the regex decides).
_ASCII_DIGITS = frozenset("0123456789")
_APOSTROPHES = ("'", "\u2019")
_PREFIX_CLASS = regex.compile(rf"[{_PUNCT}{_Q}]")
_SUFFIX_CLASS = regex.compile(rf"[{_PUNCT}{_Q}\u2014\u2013]")
# A first character that _PREFIX matches alone: one of its [_PUNCT _Q] class that no earlier
# alternative (US$ C$ A$ [§%=—–] \+ \.\.+) can start with.
_PREFIX_ONE = frozenset(c for c in _PUNCT + _QUOTES if _PREFIX_CLASS.fullmatch(c)) - set("UCA\u00a7%=\u2014\u2013+.")
# A last character that _SUFFIX matches alone: every other alternative that can end a
# chunk ends with '.', '+', s/S, a unit's last character or a \p{So}/\p{Sc} sign, none of these.
_SUFFIX_ONE = frozenset(c for c in _PUNCT + _QUOTES + "\u2014\u2013" if _SUFFIX_CLASS.fullmatch(c))
assert not _SUFFIX_ONE & set(".+sS%\u00b2\u00b3\u043c\u0433") and not any(c.isalnum() for c in _SUFFIX_ONE)
assert not any(c.isalnum() for c in _PREFIX_ONE) and "$" not in _SUFFIX_ONE


def _is_simple(chunk: str) -> bool:
    """``_SIMPLE.fullmatch(chunk)``: letters only, or ASCII digits only."""
    if chunk.isalpha():
        return True
    if chunk.isascii():
        return chunk.isdigit()
    return _SIMPLE.fullmatch(chunk) is not None


def _is_letters(word: str) -> bool:
    """``_LETTERS.fullmatch(word)``."""
    if word.isalpha():
        return True
    return not word.isascii() and _LETTERS.fullmatch(word) is not None


def _prefix(rest: str) -> str | None:
    """What ``_PREFIX.match(rest)`` matches, or None."""
    first = rest[0]
    if first in _PREFIX_ONE:
        return first
    if first.isascii() and first.isalnum():  # only US$, C$ and A$ start with a letter or digit
        for money in ("US$", "C$", "A$"):
            if rest.startswith(money):
                return money
        return None
    match = _PREFIX.match(rest)
    return match.group() if match else None


def _suffix(rest: str) -> str | None:
    """What ``_SUFFIX.search(rest)`` matches (always at the end of ``rest``), or None."""
    last = rest[-1]
    if last in _SUFFIX_ONE:
        return last
    if last.isascii() and last.isalnum():
        # Nothing ends with an ASCII digit; an ASCII letter ends only 's after an apostrophe
        # or a unit (at most 4 characters) right after a digit.
        if last.isdigit():
            return None
        if not (last in "sS" and rest[-2:-1] in _APOSTROPHES) and _ASCII_DIGITS.isdisjoint(rest[-5:-1]):
            return None
    if rest.endswith(".."):
        # only dots end in a dot, and only \.\.+ is longer than one: the whole run of dots
        return rest[len(rest.rstrip(".")) :]
    # Every other match is at most 4 characters long and looks at most 2 characters behind
    # itself: the last 6 characters are enough (and give no match that starts earlier).
    match = _SUFFIX.search(rest[-6:])
    return match.group() if match else None


# A URL's host ends with a dot and two lowercase letters (\p{Ll}: a-z, or beyond ASCII).
_TLD = re.compile(r"\.(?:[a-z]|[^\x00-\x7f]){2}")


def _core(core: str, out: list[str]) -> None:
    """The middle of a chunk, prefixes and suffixes removed: clitics, URLs, infixes."""
    if core in ABBREVIATIONS or core in SPECIALS or (_TLD.search(core) and _URL.fullmatch(core)):
        out.append(core)
        return
    clitic = _split_clitic(core)
    if clitic:
        out += clitic
        return
    if core.isalpha() or (core.isascii() and core.isalnum()):  # every infix needs a mark or a symbol
        out.append(core)
        return
    start = 0
    for match in _INFIX.finditer(core):
        if match.start() == 0 or match.end() == match.start():
            continue
        if match.start() > start:
            out.append(core[start : match.start()])
        out.append(match.group())
        start = match.end()
    if start < len(core):
        out.append(core[start:])


def _join_specials(tokens: list[str]) -> list[str]:
    joined: list[str] = []
    for token in tokens:
        if joined and (joined[-1] + token in SPECIALS or joined[-1] + token in ABBREVIATIONS):
            joined[-1] += token
        else:
            joined.append(token)
    return joined


_FAST_TAIL = frozenset(",;:!?.")
_LETTERS = regex.compile(r"\p{L}+")


def _chunk(chunk: str, out: list[str]) -> None:
    if _is_simple(chunk) and chunk.lower() not in _CLITICS:
        out.append(chunk)
        return
    tail = chunk[-1]
    if tail in _FAST_TAIL and len(chunk) > 1:  # the common case: a word and one mark after it
        word = chunk[:-1]
        if (
            _is_letters(word)
            and word.lower() not in _CLITICS
            and (tail != "." or (word[-1].islower() and chunk not in ABBREVIATIONS))
        ):
            out += (word, tail)
            return
    front: list[str] = []
    back: list[str] = []
    rest = chunk
    while rest:
        if rest in ABBREVIATIONS or rest in SPECIALS:
            break
        changed = False
        piece = _prefix(rest)
        if piece:
            front.append(piece)
            rest = rest[len(piece) :]
            changed = True
            if rest in ABBREVIATIONS or rest in SPECIALS:
                break
        if rest:
            piece = _suffix(rest)
            if piece:
                back.append(piece)
                rest = rest[: len(rest) - len(piece)]
                changed = True
        if not changed:
            break
    pieces = front
    if rest:
        _core(rest, pieces)
    pieces += reversed(back)
    out += _join_specials(pieces) if len(pieces) > 1 else pieces


def chunk_tokens(chunk: str) -> tuple[str, ...]:
    """The tokens of one whitespace-free chunk (no cache)."""
    out: list[str] = []
    _chunk(chunk, out)
    return tuple(out)


# Shortcuts for the commonest chunks, with the tokens _chunk gives them (the reasoning is
# in the comments; ``benchmarks/family_speed.py --check`` compares them with _chunk on real text).
_PREFIX_MARKS = "".join(sorted(_PREFIX_ONE))
_SUFFIX_MARKS = "".join(sorted(_SUFFIX_ONE))
# Every piece of a special or an abbreviation: a word that is none of these can never be
# part of a SPECIALS or ABBREVIATIONS test that succeeds.
_SPECIAL_PARTS = frozenset(
    entry[i:j] for entry in SPECIALS | ABBREVIATIONS for i in range(len(entry)) for j in range(i + 1, len(entry) + 1)
)


def _plain_word(word: str) -> bool:
    """ASCII letters, two or more, not a clitic form, not part of any special or abbreviation."""
    return (
        len(word) > 1 and word.isascii() and word.isalpha()
        and word not in _SPECIAL_PARTS and word.lower() not in _CLITICS
    )


def _quick_tokens(chunk: str) -> tuple[str, ...] | None:
    """The tokens of a chunk of one of the commonest shapes, or None."""
    tail = chunk[-1]
    word = chunk[:-1]
    # A word and one mark: _chunk's own shortcut.
    if (
        tail in _FAST_TAIL
        and word.isalpha()
        and word.lower() not in _CLITICS
        and (tail != "." or (word[-1].islower() and chunk not in ABBREVIATIONS))
    ):
        return (word, tail)
    # Marks before and after a plain word: "(AP)", '"Kalau', 'menarik,"'. Each mark before
    # is a prefix _PREFIX matches alone and each after a suffix _SUFFIX matches alone; a
    # plain word has no prefix or suffix of its own (no '$' after it, no apostrophe or digit
    # in its last two characters); so the loop peels the marks one by one down to the word,
    # no SPECIALS or ABBREVIATIONS test on a piece holding the word succeeds, and only the
    # marks on either side can join.
    inner = chunk.lstrip(_PREFIX_MARKS)
    word = inner.rstrip(_SUFFIX_MARKS)
    if word != chunk and _plain_word(word):
        before, after = chunk[: len(chunk) - len(inner)], inner[len(word) :]
        return (*_join_specials(list(before)), word, *_join_specials(list(after)))
    # Plain words joined by single hyphens ("benar-benar"): no prefix or suffix, no clitic or
    # URL; every hyphen between letters is an infix, and no piece joins another.
    if "-" in chunk:
        parts = chunk.split("-")
        if all(part.isascii() and part.isalpha() for part in parts):
            tokens = [parts[0]]
            for part in parts[1:]:
                tokens += ("-", part)
            return tuple(tokens)
    return None


# Tokens of the chunks met so far that are not plain words (``said,`` ``(AP)`` ``2025.``),
# shared by all documents. A chunk of letters only is its own token, unless it is a clitic
# form (``dont``, ``Cannot``): every spelling of those is in the cache from the start. Two
# generations bound the memory (about 13 MB) and keep the chunks in use: when the young one
# is full it becomes the old one, whose chunks move back to the young one as they are met.
_GENERATION = 1 << 15
_YOUNG: dict[str, tuple[str, ...]] = {}
_OLD: dict[str, tuple[str, ...]] = {}
_CLITIC_FORMS: dict[str, tuple[str, ...]] = {}


def _clitic_forms() -> dict[str, tuple[str, ...]]:
    """Every string whose ``lower()`` is a letters-only clitic (``dont``, ``DONT``, ``Dont``...).
    Only ASCII letters and the Kelvin sign (U+212A) lower-case to an ASCII letter."""
    if not _CLITIC_FORMS:
        forms = {}
        for key in (k for k in _CLITICS if k.isalpha()):
            spellings = [""]
            for ch in key:
                variants = {ch, ch.upper()} | ({"\u212a"} if ch == "k" else set())
                spellings = [s + v for s in spellings for v in variants]
            for spelling in spellings:
                forms[spelling] = chunk_tokens(spelling)
        _CLITIC_FORMS.update(forms)
    return _CLITIC_FORMS


def _token_cache(room: int) -> tuple[dict[str, tuple[str, ...]], dict[str, tuple[str, ...]]]:
    """The young and the old generation of the chunk cache; a new young one when the young
    one could not take ``room`` more chunks."""
    global _YOUNG, _OLD
    if not _YOUNG or len(_YOUNG) > _GENERATION + len(_CLITIC_FORMS) - room:
        # new dicts: a caller still holding the old ones is unaffected
        _OLD, _YOUNG = _YOUNG, dict(_clitic_forms())
    return _YOUNG, _OLD


def clear_caches() -> None:
    """Forget the chunks met so far (benchmarks time a cold start with it)."""
    global _YOUNG, _OLD
    _YOUNG, _OLD = {}, {}


def words(text: str) -> list[str]:
    """Word tokens of ``text`` (punctuation marks are tokens of their own; whitespace is not)."""
    chunks = text.split()
    cache, old = _token_cache(len(chunks))
    # Fill in the chunks not met before that are not plain words (``isalpha``); the filter is
    # lazy, so a chunk repeated in the text is computed once.
    for chunk in filterfalse(cache.__contains__, filterfalse(str.isalpha, chunks)):
        tokens = old.get(chunk)
        if tokens is None:
            tokens = _quick_tokens(chunk) or chunk_tokens(chunk)
        cache[chunk] = tokens
    # Every chunk is then its cached tokens, or (plain word) itself.
    return list(chain.from_iterable(map(cache.get, chunks, zip(chunks))))


_SENTENCE_END_TOKEN = frozenset(c for c in TERMINAL_PUNCTUATION)
_ASCII_TERMINALS = tuple(sorted(c for c in TERMINAL_PUNCTUATION if c.isascii()))


def _is_punct_token(token: str) -> bool:
    return all(unicodedata.category(c).startswith("P") for c in token)


# What may follow the last sentence mark of a line: more marks, quotes, brackets.
_CLOSING = "".join(sorted(TERMINAL_PUNCTUATION)) + "\"'\u201d\u2019\u00bb)]}\u300d\u300f\uff09 \t"


def sentence_count(line: str) -> int:
    """Sentences in ``line``: a new one starts at the first non-punctuation token after a
    token that is a sentence-ending mark (``.``, ``!``, ``?``, ``。``...). Periods that stay
    inside a token (``Mr.``, ``U.S.``, ``3.5``, ``J.``) end no sentence."""
    body = line.rstrip(_CLOSING)
    if not body.strip():
        return 1 if line.strip() else 0
    if (not any(mark in body for mark in _ASCII_TERMINALS)) if body.isascii() else TERMINAL_PUNCTUATION.isdisjoint(body):
        return 1  # sentence marks only at the very end: one sentence, no need to tokenise
    tokens = words(line)
    if not tokens:
        return 0
    # Walk from one sentence-ending token to the next: after one, the first token that is
    # neither an ending nor punctuation starts a new sentence.
    ends = compress(count(), map(_SENTENCE_END_TOKEN.__contains__, tokens))
    sentences, resume, size = 1, 0, len(tokens)
    for end in ends:
        if end < resume:
            continue
        i = end + 1
        while i < size and (tokens[i] in _SENTENCE_END_TOKEN or _is_punct_token(tokens[i])):
            i += 1
        if i < size:
            sentences += 1
        resume = i
    return sentences


# ---------------------------------------------------------------------------
# Per-document cache and finding helpers
# ---------------------------------------------------------------------------

_CACHE: weakref.WeakKeyDictionary[Document, dict[Hashable, Any]] = weakref.WeakKeyDictionary()


def cached(doc: Document, key: Hashable, compute: Callable[[], T]) -> T:
    """``compute()`` once per (document, key): measure and detect share the statistics."""
    slot = _CACHE.get(doc)
    if slot is None:
        slot = _CACHE[doc] = {}
    if key not in slot:
        slot[key] = compute()
    return slot[key]


_SCALARS = (bool, int, float, str, type(None))


def _hashable(value):
    if isinstance(value, Mapping):
        return tuple(sorted((str(k), _hashable(v)) for k, v in value.items()))
    if isinstance(value, (list, tuple, set, frozenset)):
        return tuple(_hashable(v) for v in value)
    return value


def freeze(options: Mapping[str, Any], names: Iterable[str]) -> tuple:
    """A hashable cache key from the options the statistics depend on."""
    return tuple((name, value if type(value) in _SCALARS else _hashable(value)) for name in names for value in (options[name],))


def doc_words(doc: Document) -> list[str]:
    return cached(doc, "words", lambda: words(doc.text))


def document_span(doc: Document) -> tuple[int, int]:
    """Line 1 to the last non-blank line: a finding about the whole document."""
    last = len(doc.lines)
    while last > 1 and not doc.lines[last - 1].strip():
        last -= 1
    return 1, last


def lines_span(doc: Document, test: Callable[[str], bool]) -> tuple[int, int] | None:
    """First and last line (1-based) for which ``test`` holds, or None."""
    found = [n for n, line in enumerate(doc.lines, 1) if test(line)]
    return (found[0], found[-1]) if found else None


def repeated_lines_span(doc: Document) -> tuple[int, int] | None:
    """First and last non-blank line that repeats an earlier line word for word."""
    lines = doc.lines
    seen: set[str] = set()
    for first, line in enumerate(lines, 1):
        if line in seen and line.strip():
            break
        seen.add(line)
    else:
        return None
    # the last: walked back from the end, the first line met that occurs earlier (not one pass per line kept)
    where = {line: index for index, line in zip(range(len(lines) - 1, -1, -1), reversed(lines))}  # first occurrences
    for index in range(len(lines) - 1, first - 2, -1):
        line = lines[index]
        if where[line] < index and line.strip():
            return first, index + 1
    return first, first


def fmt(value: float) -> str:
    """A statistic for a message: integers as such, ratios with 3 significant decimals."""
    if float(value).is_integer():
        return str(int(value))
    return f"{value:.3f}".rstrip("0").rstrip(".")


# ---------------------------------------------------------------------------
# Drop decisions: the pipeline's checks in its order, every failure collected
# ---------------------------------------------------------------------------


@dataclass(frozen=True)
class Check:
    """One test of a filter: ``column`` compared with the option ``limit``.

    ``kind`` is ``"min"`` (fails when the value is below the limit) or ``"max"``
    (fails when above). A limit of ``None`` switches the check off. ``detail`` is formatted with ``value`` and ``limit``.
    ``locate`` gives the offending lines, if the check is about lines.
    """

    reason: str
    column: str
    limit: str
    kind: str
    detail: str
    locate: Callable[[Document], tuple[int, int] | None] | None = None

    def fails(self, value: float, limit: Any) -> bool:
        if limit is None or limit is False:
            return False
        return value < limit if self.kind == "min" else value > limit


def failures(checks: Iterable[Check], stats: Mapping[str, float], options: Mapping[str, Any]) -> list[tuple[Check, float, Any]]:
    """Every failed check, in the pipeline's order (the pipeline stops at the first)."""
    return [
        (check, stats[check.column], options[check.limit])
        for check in checks
        if check.fails(stats[check.column], options[check.limit])
    ]


def drop_hit(doc: Document, failed: list[tuple[Check, float, Any]], pipeline: str) -> Hit:
    """One finding for a document the pipeline would drop: the first reason (the one the
    pipeline records), located at its lines where it has any, and the other failures."""
    check, value, limit = failed[0]
    span = (check.locate(doc) if check.locate else None) or document_span(doc)
    also = ", ".join(c.reason for c, _, _ in failed[1:])
    return Hit(
        span[0],
        span[1] if span[1] != span[0] else None,
        data={
            "pipeline": pipeline,
            "reason": check.reason,
            "detail": check.detail.format(value=fmt(value), limit=fmt(limit)),
            "also": f"; also fails {also}" if also else "",
        },
    )


DROP_MESSAGE = "The {pipeline} filter would drop this document: {reason} ({detail}){also}"
