"""Knowledge about scraped news text shared by several rules.

Lexicons are data files, one per rule and language, under
``corpuscheck/lexicons/<rule-name>/<lang>.txt``: one entry per line, ``#``
starts a comment. An entry matches a whole line compared by :func:`key` (case,
width, punctuation, symbols and spacing ignored), so ``Loading…``,
``LOADING . . .`` and ``[loading]`` all match the entry ``loading``. An entry
may end in `` *`` (``loading *``: ``Loading comments...``) or start with ``* ``
(``* wird geladen``: ``Video wird geladen``) to allow up to three more words on
that side. Every check is a set look-up or one short ``fullmatch`` on one line,
and only on short lines: nothing scans a whole document at once.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from importlib import resources

import regex

LANGUAGES = ("id", "en", "es", "pt", "fr", "de", "it", "ru", "ko", "ja")

MAX_PLACEHOLDER_CHARS = 100  # longer lines are never placeholders (except lorem ipsum)
MAX_UI_CHARS = 60  # longer lines are never widget labels
MAX_WILDCARD_WORDS = 3

_INVISIBLE = "\u200b\u200c\u200d\u200e\u200f\u2060\ufeff\u00ad"
_TRAILING = " \t.…:·|"
_WORD = regex.compile(r"[\p{L}\p{M}\p{N}]+")

_DROP_INVISIBLE = str.maketrans("", "", _INVISIBLE)


def normalize(line: str) -> str:
    """Case-folded, white space folded, invisible characters dropped, trailing dots/ellipses/colons removed."""
    if any(c in line for c in _INVISIBLE):
        line = line.translate(_DROP_INVISIBLE)
    return " ".join(line.split()).rstrip(_TRAILING).casefold()


def visible(line: str) -> str:
    """The line without surrounding white space and invisible characters ("" for a blank line)."""
    return line.strip().strip(_INVISIBLE).strip()


def key(line: str) -> str:
    """The words of a short line, case- and width-folded, joined by one space.

    Punctuation, symbols and spacing are ignored: ``"Share this:"``, ``"SHARE THIS"``
    and ``"[ share · this ]"`` all give ``"share this"``.
    """
    return " ".join(_WORD.findall(unicodedata.normalize("NFKC", line).casefold()))


@dataclass(frozen=True)
class Lexicon:
    """The entries of one rule's lexicon files, as keys."""

    lines: frozenset[str]  # whole-line entries
    prefixes: frozenset[str]  # "loading *": these words, then up to three more
    suffixes: frozenset[str]  # "* wird geladen": up to three words, then these

    def match(self, k: str, sentence: bool = False) -> bool:
        """Whether a line's :func:`key` is an entry (or an entry plus a few wildcard words).

        For a line that ends like a sentence (``Loading was slow.``) a one-word
        wildcard entry (``loading *``) does not match; longer ones still do.
        """
        if k in self.lines:
            return True
        if not (self.prefixes or self.suffixes) or not k:
            return False
        words = k.split(" ")
        for n in range(1, len(words)):
            if len(words) - n <= MAX_WILDCARD_WORDS and (not sentence or n > 1):
                if " ".join(words[:n]) in self.prefixes:
                    return True
            if n <= MAX_WILDCARD_WORDS and (not sentence or len(words) - n > 1):
                if " ".join(words[n:]) in self.suffixes:
                    return True
        return False

    def __contains__(self, k: object) -> bool:
        return isinstance(k, str) and self.match(k)


@cache
def lexicon(rule_name: str, languages: tuple[str, ...] = LANGUAGES) -> Lexicon:
    """The entries of one rule's lexicon files for ``languages``."""
    folder = resources.files("corpuscheck") / "lexicons" / rule_name
    lines: set[str] = set()
    prefixes: set[str] = set()
    suffixes: set[str] = set()
    for lang in languages:
        source = folder / f"{lang}.txt"
        if not source.is_file():
            raise ValueError(f"no {rule_name} lexicon for language {lang!r}")
        for raw in source.read_text(encoding="utf-8").splitlines():
            entry = raw.strip()
            if not entry or entry.startswith("#"):
                continue
            if entry.endswith(" *"):
                prefixes.add(key(entry[:-2]))
            elif entry.startswith("* "):
                suffixes.add(key(entry[2:]))
            else:
                lines.add(key(entry))
    for found in (lines, prefixes, suffixes):
        found.discard("")
    return Lexicon(frozenset(lines), frozenset(prefixes), frozenset(suffixes))


# --- placeholder shapes (language-independent) ---------------------------------

_MEDIA = (
    r"image|img|photo|picture|pic|video|audio|embed|media|gallery|slideshow|graphic|chart|map|"
    r"tweet|twitter|instagram|facebook|youtube|tiktok|iframe|widget|"
    r"gambar|foto|galeri|grafis|infografis|imagen|imagem|immagine|vídeo|bild|"
    r"изображение|фото|видео|이미지|사진|동영상|영상|画像|写真|動画"
)
PLACEHOLDER_SHAPES = regex.compile(
    rf"""
    \{{\{{\s*[^{{}}\n]{{1,60}}\}}\}}                      # {{{{title}}}}, {{{{ article.body }}}}
    | \{{%\s*[^{{}}\n]{{1,60}}%\}}                         # {{% block body %}}
    | \$\{{\s*[\p{{L}}_][\p{{L}}\p{{N}}_.]*\s*\}}         # ${{title}}
    | \{{\s*[\p{{L}}_][\p{{L}}\p{{N}}_.]*\s*\}}           # {{title}}
    | %\([\p{{L}}_]+\)[sd] | %[sd]                          # %s, %(name)s
    | %%[\p{{L}}_]{{1,30}}%% | __[\p{{Lu}}][\p{{Lu}}_]{{1,28}}__    # %%TITLE%%, __BODY__
    | <%=?[^%\n]{{0,60}}%>                                # <%= body %>
    | [\[(<]\s*(?:{_MEDIA})\s*[\])>]                      # [image], (video), <embed>
    | \[\s*gambas\s*:[^\]\n]{{1,40}}\]                    # [Gambas:Video 20detik]
    | \[\s*(?:embed|widget|iframe)\s*:[^\]\n]{{0,60}}\]   # [embed: ...]
    | undefined | null | nan | \[object\ object\]
    """,
    regex.X | regex.I,
)
_LOREM = ("lorem ipsum", "dolor sit amet")


def is_placeholder(line: str, words: Lexicon) -> bool:
    """A loading/placeholder/template stub: a lexicon entry or a template shape."""
    stripped = line.strip()
    if not stripped:
        return False
    if stripped[:20].casefold().startswith(_LOREM):
        return True
    if len(stripped) > MAX_PLACEHOLDER_CHARS:
        return False
    sentence = stripped[-1] in ".!?" and not stripped.endswith("..")
    return words.match(key(stripped), sentence) or PLACEHOLDER_SHAPES.fullmatch(stripped) is not None


# --- UI residue shapes (language-independent) -----------------------------------

# Marks that widgets draw and that text never has alone on a line: arrows, carets, close and menu marks.
_WIDGET_MARKS = (
    r"\p{Block=Arrows}\p{Block=Supplemental_Arrows_A}\p{Block=Supplemental_Arrows_B}"
    r"‹›«»❮❯⟨⟩〈〉▲▼►◄▶◀△▽▸◂▴▾⏴⏵⏶⏷×✕✖✗✘⨯☰≡⋮⋯︙⊕⊖"
)
# Marks that also stand in tables and lists: bullets, bars, plus and minus, angle brackets.
_TABLE_MARKS = r"•∙·|¦+−＋<>"
WIDGET_MARKS = regex.compile(rf"[{_WIDGET_MARKS}][{_WIDGET_MARKS}\s]{{0,7}}")
UI_MARKS = regex.compile(rf"[{_WIDGET_MARKS}{_TABLE_MARKS}][{_WIDGET_MARKS}{_TABLE_MARKS}\s]{{0,7}}")
# Font-size buttons: "A", "Aa", "A+", "A- A+", "A A A", "가가", "小 中 大".
_SIZE_LETTER = r"[+\-−]?[Aa가][+\-−]{0,2}"
FONT_SIZE = regex.compile(rf"[Aa가]{{1,2}}|{_SIZE_LETTER}(?:\s*{_SIZE_LETTER}){{0,3}}|小\s*中\s*大|大\s*中\s*小")
# Other lines of one or two letters ("K", "vs", "MD"), or of single letters ("M M S").
UI_LETTERS = regex.compile(r"\p{L}{1,2}|\p{L}[+\-−]{1,2}|[+\-−]?\p{L}[+\-−]{0,2}(?:\s+[+\-−]?\p{L}[+\-−]{0,2}){1,3}")
# Abbreviated counters next to widgets: 1.2K, 15rb, 3 тыс.
UI_COUNTER = regex.compile(r"\d{1,3}(?:[.,]\d{1,2})?\s?(?:[kKmM]|rb|jt|тыс\.?|млн|만|천|万)")
_NUMBER = regex.compile(r"\d{1,7}(?:k|m|rb|jt)?")
_LIST_NUMBER = regex.compile(r".*\s\d{1,3}\.")  # "Zoom 2.": an item of a numbered list glued to the next number
_SEPARATORS = regex.compile(r"\s*[•·|/,;]\s*|\s{2,}")

# Chord names, so that song-lyric articles keep their chord lines (C, Am, F#m7).
CHORD = regex.compile(r"[A-G](?:#|b)?(?:m|maj|min|dim|aug|sus|add)?\d{0,2}(?:/[A-G](?:#|b)?)?")
_CHORD_LINE = regex.compile(rf"{CHORD.pattern}(?:\s+{CHORD.pattern})+")


def has_chord_lines(lines: Iterable[str]) -> bool:
    """Whether a text carries chord sheets: at least two lines of two or more chords."""
    found = 0
    for line in lines:
        stripped = line.strip()
        if 2 < len(stripped) <= 120 and _CHORD_LINE.fullmatch(stripped.replace("\xa0", " ")):
            found += 1
            if found >= 2:
                return True
    return False


def ui_label(line: str, words: Lexicon) -> bool:
    """A widget label from the lexicon: ``Share``, ``Bagikan:``, ``12 Comments``, ``Share · Tweet · Email``."""
    stripped = line.strip()
    if not stripped or len(stripped) > MAX_UI_CHARS:
        return False
    if stripped[-1] in ",;" or _LIST_NUMBER.fullmatch(stripped):
        return False  # "Sebelumnya," opens a sentence
    k = key(stripped)
    if not k:
        return False
    if words.match(k, sentence=stripped[-1] in ".!?" and not stripped.endswith("..")):
        return True
    parts = k.split(" ")
    numbers = sum(1 for p in parts if _NUMBER.fullmatch(p))
    if 0 < numbers <= 2:  # a counter: "12 comments", "Comments (3)", "1,2K shares"
        rest = " ".join(p for p in parts if not _NUMBER.fullmatch(p))
        if rest and words.match(rest):
            return True
    pieces = [key(p) for p in _SEPARATORS.split(stripped)]
    pieces = [p for p in pieces if p]
    if len(pieces) > 1 and all(words.match(p) for p in pieces):
        return True  # "Email • Twitter • Google+"
    if 1 < len(parts) <= 6 and all(p in words.lines for p in parts):
        return True  # "뒤로가기 인쇄하기 목록 Tweet"
    return False


LABEL, SHAPE = "label", "shape"


def ui_kind(line: str, words: Lexicon, chords: bool = False) -> str | None:
    """How a line looks like widget residue, judged on the line alone.

    ``LABEL``: a lexicon label, font-size letters or widget marks (arrows, ``×``, ``☰``):
    strong evidence. ``SHAPE``: another line of one or two letters, of table marks
    (``•``, ``|``, ``+``) or an abbreviated counter (``1.2K``): weak evidence, the rule
    also looks at the lines around it. None: text.
    """
    stripped = line.strip().replace("\xa0", " ")
    if not stripped or len(stripped) > MAX_UI_CHARS:
        return None
    if len(stripped) <= 12:
        if chords and (CHORD.fullmatch(stripped) or _CHORD_LINE.fullmatch(stripped)):
            return None
        if FONT_SIZE.fullmatch(stripped) or WIDGET_MARKS.fullmatch(stripped):
            return LABEL
        if UI_LETTERS.fullmatch(stripped) or UI_MARKS.fullmatch(stripped) or UI_COUNTER.fullmatch(stripped):
            return SHAPE
    return LABEL if ui_label(stripped, words) else None


def is_ui_residue(line: str, words: Lexicon, chords: bool = False) -> bool:
    """A widget label or a widget-shaped line, judged on the line alone."""
    return ui_kind(line, words, chords) is not None


def is_filler(line: str) -> bool:
    """Placeholder or UI residue in any language: lines to look past."""
    return is_placeholder(line, lexicon("placeholder-line")) or is_ui_residue(line, lexicon("ui-residue-line"))


# --- the shape of the text around a line ----------------------------------------

_TERMINAL = frozenset(".!?…。！？‼⁇")
_CLOSERS = " \t\"'”’»」』)]）】›*"


_OPENERS = {")": "(", "]": "[", "）": "（", "】": "【"}


def ends_sentence(text: str) -> bool:
    """Whether a line ends like a sentence (terminal punctuation, maybe inside quotes or brackets,
    maybe followed by a reference: ``...takwa.” [Al Maa-idah 8]``, ``... turun. (ANTARA)``),
    or is a whole parenthesis (``(ian)``, ``(Foto: Antara)``)."""
    stripped = text.strip()
    if stripped[:1] in "([（【" and stripped[-1:] in ")]）】":
        return True
    end = stripped.rstrip(_CLOSERS)
    if end and end[-1] in _TERMINAL:
        return True
    opener = _OPENERS.get(stripped[-1:])
    if opener:  # a trailing reference in brackets
        start = stripped.rfind(opener, max(0, len(stripped) - 60))
        if start > 0:
            end = stripped[:start].rstrip(_CLOSERS)
            return bool(end) and end[-1] in _TERMINAL
    return False


def is_fragment(text: str, max_chars: int = 40) -> bool:
    """A short line that does not end a sentence: a heading, a table cell, a link torn out of a sentence."""
    stripped = text.strip()
    return len(stripped) <= max_chars and not ends_sentence(stripped)


def continues_sentence(text: str) -> bool:
    """Whether a line starts in the middle of a sentence (lower case, or a comma or full stop)."""
    stripped = text.lstrip()
    return bool(stripped) and (stripped[0].islower() or stripped[0] in ",.;:)]”’")
