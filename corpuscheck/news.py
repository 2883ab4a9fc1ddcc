"""Knowledge about scraped news text shared by several rules.

Lexicons are data files, one per rule and language, under
``corpuscheck/lexicons/<rule-name>/<lang>.txt`` (one entry per line, ``#``
starts a comment). Matching is on whole lines, normalised by
:func:`normalize`, so each check is one set look-up or one short ``fullmatch``.
"""

from __future__ import annotations

from functools import cache
from importlib import resources
from typing import Iterable

import regex

LANGUAGES = ("id", "en", "es", "pt", "fr", "de", "it", "ru", "ko", "ja")

_SPACE = regex.compile(r"[\s\u200b\u200c\u200d\u2060\ufeff]+")
_TRAILING = regex.compile(r"[\s.…:·|]+$")


def normalize(line: str) -> str:
    """Case-folded, white space folded, trailing dots/ellipses/colons removed."""
    return _TRAILING.sub("", _SPACE.sub(" ", line).strip()).casefold()


@cache
def lexicon(rule_name: str, languages: tuple[str, ...] = LANGUAGES) -> frozenset[str]:
    """The normalised entries of one rule's lexicon files for ``languages``."""
    folder = resources.files("corpuscheck") / "lexicons" / rule_name
    entries: set[str] = set()
    for lang in languages:
        source = folder / f"{lang}.txt"
        if not source.is_file():
            raise ValueError(f"no {rule_name} lexicon for language {lang!r}")
        for raw in source.read_text(encoding="utf-8").splitlines():
            if raw.strip() and not raw.lstrip().startswith("#"):
                entries.add(normalize(raw))
    entries.discard("")
    return frozenset(entries)


# --- placeholder and UI residue shapes (language-independent) ---------------

PLACEHOLDER_SHAPES = regex.compile(
    r"""
    \{\{\s*[\p{L}_][\p{L}\p{N}_.\s|]*\}\}          # {{title}}, {{ article.body }}
    | \$\{\s*[\p{L}_][\p{L}\p{N}_.]*\s*\}          # ${title}
    | %\(?[\p{L}_]*\)?[sd]                          # %s, %(name)s
    | <%=?.*%>                                      # <%= body %>
    | \[\s*(?:image|img|photo|foto|picture|video|embed|media|gambar|ad|iklan|caption|no\ title)\s*\]
    | (?:lorem\ ipsum|dolor\ sit\ amet)\b.*
    | (?:undefined|null|nan|none|\[object\ object\])
    """,
    regex.X | regex.I,
)

# A line that is only one or two letters ("A", "A A" font-size buttons), only
# symbols/arrows (×, », ‹ ›, ↑), or a bare counter next to a widget ("12", "1.2K").
UI_SHAPES = regex.compile(
    r"""
    (?:\p{L}{1,2})(?:\s+\p{L}{1,2}){0,2}            # A / A A / A A A / Aa
    | [\p{S}\p{P}\s]{1,6}                           # lone symbols, arrows, bullets
    | \d{1,3}(?:[.,]\d)?[kKmM]                      # 1.2K counters
    """,
    regex.X,
)

# Chord names, so that song-lyric articles keep their chord lines (C, Am, F#m7).
CHORD = regex.compile(r"[A-G](?:#|b)?(?:m|maj|min|dim|aug|sus)?\d{0,2}(?:/[A-G](?:#|b)?)?")
_CHORD_LINE = regex.compile(rf"{CHORD.pattern}(?:\s+{CHORD.pattern})+")


def has_chord_lines(lines: Iterable[str]) -> bool:
    """Whether a text carries chord sheets: at least two lines of two or more chords."""
    return sum(1 for line in lines if _CHORD_LINE.fullmatch(line.strip())) >= 2


def is_placeholder(line: str, words: frozenset[str]) -> bool:
    stripped = line.strip()
    if not stripped or len(stripped) > 80:
        return False
    return normalize(stripped) in words or PLACEHOLDER_SHAPES.fullmatch(stripped) is not None


def is_ui_residue(line: str, words: frozenset[str], chords: bool = False) -> bool:
    stripped = line.strip()
    if not stripped or len(stripped) > 60:
        return False
    if normalize(stripped) in words:
        return True
    if chords and CHORD.fullmatch(stripped):
        return False
    if stripped in {"-", "–", "—", '"', "“", "”", "'"}:
        return False  # a lone dash is a stripped dateline's remains (N101), quotes are text
    return UI_SHAPES.fullmatch(stripped) is not None


def is_filler(line: str) -> bool:
    """Placeholder or UI residue in any language: lines to look past."""
    return is_placeholder(line, lexicon("placeholder-line")) or is_ui_residue(line, lexicon("ui-residue-line"))
