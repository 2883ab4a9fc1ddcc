"""S103 truncated-body."""

from __future__ import annotations

from functools import cache
from importlib import resources
from itertools import islice

import regex

from corpuscheck.rules.base import Hit, Option, Rule, bad, good
from corpuscheck.rules.news.byline_residue import OWN_LINE
from corpuscheck.rules.news.lines import LANGUAGES, is_filler

_SPACE = regex.compile(r"[\s\u200b\u2060\ufeff]+")
_EDGES = regex.compile(r"^[\s\p{P}\p{S}]+|[\s\p{P}\p{S}]+$")
_ENDS_WITH_ELLIPSIS = regex.compile(r"(?:\.\.\.|…)[\s\p{Pe}\p{Pf}\"']*$")
# "…ditemukan di Indones..." / "All...": an ellipsis straight after a word: the text was cut.
CUT = regex.compile(r"(?<=[\p{L}\p{N},])(?:\.\.\.|…)$")
# A last line that stops on a comma, a semicolon, a dash or an opening bracket.
OPEN_END = regex.compile(r"[,;(\[{–—-]$")
LAST_WORD = regex.compile(r"(?:^|\s)(\p{Ll}[\p{L}\p{M}'’]*)$")
WORDS = regex.compile(r"[\p{L}\p{N}]+")
# The same tests, anchored at the end of the line (``last`` is stripped: no newline to end on):
# a reverse pattern's ``match`` starts at the end, and LAST_WORD can only match the last
# whitespace-separated word, which holds no whitespace.
_LAST_WORD_AT_END = regex.compile(LAST_WORD.pattern, regex.REVERSE)
_OPEN_END_CHARS = frozenset(",;([{–—-")
_APOSTROPHES = ("'", "’")


_LEADING = regex.compile(r"[\s\p{P}\p{S}]+")
_TRAILING = regex.compile(r"[\s\p{P}\p{S}]+", regex.REVERSE)


def _spaced(line: str) -> str:
    """``_SPACE.sub(" ", line)``: unchanged when every space is a single ASCII space (every
    other character of _SPACE is unprintable to Python)."""
    if "  " not in line and line.isprintable():
        return line
    return _SPACE.sub(" ", line)


def _normalize(line: str) -> str:
    """``_EDGES.sub("", _spaced(line)).casefold()``: the line without its leading and trailing
    run of spaces, punctuation and symbols (an ASCII letter or digit at an end: no run there)."""
    text = _spaced(line)
    if text and not (text[0].isascii() and text[0].isalnum()):
        if lead := _LEADING.match(text):
            text = text[lead.end() :]
    if text and not (text[-1].isascii() and text[-1].isalnum()):
        if trail := _TRAILING.match(text):  # (a reverse pattern matches at the end)
            text = text[: trail.start()]
    return text.casefold()


@cache
def stubs(languages: tuple[str, ...]) -> tuple[frozenset[str], frozenset[str], frozenset[str]]:
    """(phrases matched whole, phrases also matched at a line's end, phrases needing an ellipsis)."""
    folder = resources.files(__package__) / "lexicons" / "truncated-body"
    whole: set[str] = set()
    ending: set[str] = set()
    ellipsis: set[str] = set()
    for lang in languages:
        source = folder / f"{lang}.txt"
        if not source.is_file():
            raise ValueError(f"no truncated-body lexicon for language {lang!r}")
        for raw in source.read_text(encoding="utf-8").splitlines():
            entry = raw.strip()
            if not entry or entry.startswith("#"):
                continue
            phrase = _normalize(entry)
            if _ENDS_WITH_ELLIPSIS.search(entry):
                ellipsis.add(phrase)
            else:
                whole.add(phrase)
                if phrase.count(" ") >= 2:
                    ending.add(phrase)
    return frozenset(whole), frozenset(ending), frozenset(ellipsis)


@cache
def open_words(languages: tuple[str, ...]) -> frozenset[str]:
    """Words a sentence cannot end with (conjunctions, articles, prepositions)."""
    folder = resources.files(__package__) / "lexicons" / "truncated-body"
    found: set[str] = set()
    for lang in languages:
        source = folder / f"{lang}.open.txt"
        if source.is_file():
            for raw in source.read_text(encoding="utf-8").splitlines():
                if not raw.lstrip().startswith("#"):
                    found.update(word.casefold() for word in raw.split())
    return frozenset(found)


@cache
def credits(languages: tuple[str, ...]) -> tuple[str, ...]:
    """Starts of closing credit lines (``Artikel ini telah tayang di``, ``Reporting by``)."""
    folder = resources.files(__package__) / "lexicons" / "truncated-body"
    found: set[str] = set()
    for lang in languages:
        source = folder / f"{lang}.skip.txt"
        if source.is_file():
            for raw in source.read_text(encoding="utf-8").splitlines():
                entry = _SPACE.sub(" ", raw).strip().casefold()
                if entry and not entry.startswith("#"):
                    found.add(entry)
    return tuple(sorted(found))


@cache
def _endings(languages: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(" " + phrase for phrase in stubs(languages)[1])


def _credit(line: str, languages: tuple[str, ...]) -> bool:
    return _spaced(line).casefold().startswith(credits(languages))


def _stub(line: str, languages: tuple[str, ...]) -> bool:
    whole, _, ellipsis = stubs(languages)
    text = _normalize(line)
    if text in whole or text.endswith(_endings(languages)):
        return True
    return text in ellipsis and bool(_ENDS_WITH_ELLIPSIS.search(line))


def _tail(line: str, width: int = 60) -> str:
    if len(line) <= width:
        return line
    cut = line[-width:]
    return "…" + (cut.split(" ", 1)[1] if " " in cut[:-1] else cut)


def detect(doc, options):
    languages = tuple(options["languages"])
    tail: list[tuple[int, str]] = []
    for number in range(len(doc.lines), doc.body_start - 1, -1):
        stripped = doc.lines[number - 1].strip()
        if not stripped or is_filler(stripped) or OWN_LINE.fullmatch(stripped):
            continue
        tail.append((number, stripped))
        if len(tail) >= options["tail_lines"]:
            break
    if not tail:
        return  # S101 empty-document
    found = [(number, line) for number, line in reversed(tail) if _stub(line, languages)]
    if found:
        (first, line), last_stub = found[0], found[-1][0]
        yield Hit(
            first,
            last_stub if last_stub != first else None,
            data={"reason": f"with the stub {_tail(line)!r}: the rest is behind a link or a paywall"},
        )
        return
    prose = [(number, line) for number, line in tail if not _credit(line, languages)]
    if not prose:
        return
    number, last = prose[0]
    raw = doc.line(number)
    offset = len(raw) - len(raw.lstrip()) + 1  # columns are 1-based in the raw line
    if last.endswith(("...", "…")) and (cut := CUT.search(last)):
        yield Hit(number, column=cut.start() + offset, data={"reason": f"with {_tail(last, 30)!r}: an ellipsis straight after a word"})
        return
    if sum(1 for _ in islice(WORDS.finditer(last), max(options["min_words"], 0))) < options["min_words"]:
        return  # a short last line is a credit, a caption or a heading: no verdict
    if last[-1] in _OPEN_END_CHARS:  # OPEN_END
        yield Hit(number, column=len(last) - 1 + offset, data={"reason": f"mid-sentence, on {last[-1]!r}"})
    elif (last[-1] in _APOSTROPHES or not last[-1].isascii() or last[-1].isalpha()) and (
        word := _LAST_WORD_AT_END.match(last)
    ) and word.group(1).casefold() in open_words(languages):
        yield Hit(number, column=word.start(1) + offset, data={"reason": f"mid-sentence, on the word {word.group(1)!r}"})


TruncatedBody = Rule(
    code="S103",
    name="truncated-body",
    summary="A body that stops short: a paywall or `read more` stub, an ellipsis, or a sentence cut off.",
    why=(
        "Teaser pages, paywalls and extractors that stop at the first ad leave articles that "
        "end with `Baca selengkapnya`, `Subscribe to continue reading`, `Konten ini khusus "
        "pelanggan`, with a word cut by an ellipsis (`dukungan luas, termasuk dari "
        "Indones...`), or in the middle of a sentence (`...ketujuh nama tersebut ialah`). The "
        "text is incomplete, and the stubs themselves are boilerplate that a model learns to "
        "append."
    ),
    message="The body ends {reason}",
    detect=detect,
    autofix=None,  # no automatic fix: the missing text has to be fetched again
    severity="warning",
    options={
        "languages": Option(list(LANGUAGES), "lexicon languages to match (ISO 639-1 codes)"),
        "tail_lines": Option(3, "how many text lines at the end are searched for a stub"),
        "min_words": Option(5, "a last line with fewer words gets no mid-sentence verdict"),
    },
    known_problems=(
        "Only the end of the body is examined: placeholder, widget and initials lines "
        "(`(ian)`) are looked past. A cut is only recognised by a stub from the lexicon, an "
        "ellipsis glued to a word, or a last line of five words or more that ends on a comma, "
        "a dash, or a word that cannot end a sentence (`and`, `the`, `yang`, `dan`, `ialah`); "
        "a cut after a full word (`...on Sunday night`) is missed, because many real articles "
        "end without a full stop (credits, lists, quotes). An article that ends with an "
        "ellipsis on purpose (a quoted trailing-off, a teaser) is flagged."
    ),
    fix="Re-fetch the full article (follow the `read more` link); drop paywalled records.",
    examples=(
        bad("Judul\nJAKARTA - Isi berita lengkap.\nArtikel ini telah tayang di detikSport. Baca selengkapnya di sini.", 3),
        bad("Headline\nThe first paragraph is free.\nSubscribe to continue reading\nAlready a subscriber? Log in", (3, 4)),
        bad("Judul\nJAKARTA - Proposal tiga fase ini mendapat dukungan luas, termasuk dari Indones...", 2),
        bad("Judul\nJAKARTA - Jenal melanjutkan, ketujuh nama tersebut ialah\n(ian)", 2),
        bad("Headline\nGaming used to be so simple.\nAll...", 3),
        good("Judul\nJAKARTA - Isi berita.\nBaca kisah inspiratif kandidat polisi teladan di sini\nSelengkapnya"),
        good("Headline\nThe U.S. jumped out to a 3-0 lead and held on\nReporting by Jane Doe; Editing by John Roe"),
        good(
            "Judul\nJAKARTA - Isi berita lengkap.\nArtikel ini telah tayang di Tribunnews.com dengan judul KRL Mogok di Stasiun, Penumpang Naik Angkot,",
            note="A closing credit line is looked past: the last line of text ends with a full stop.",
        ),
        good("Headline\nShe paused. \"Well...\" she said, and left it there."),
    ),
)
