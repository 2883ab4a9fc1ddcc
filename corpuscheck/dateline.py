"""Datelines: the place (and agency) opening a news body, in the forms outlets really use.

``SEOUL - ``, ``JAKARTA, KOMPAS.com - ``, ``Jakarta, CNN Indonesia -- ``,
``TEMPO.CO, Jakarta - ``, ``WASHINGTON (AP) — ``, ``BUFFALO, N.Y. — ``,
``NEW DELHI: ``, ``Hong Kong (CNN Business) ``, ``【ワシントン=共同】``,
``МОСКВА, 12 мар — РИА Новости.`` A dateline is looked for after placeholder
and widget lines, and across a few short lines (detik: ``Jakarta`` / ``-``).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

import regex

from corpuscheck.news import is_filler

if TYPE_CHECKING:
    from corpuscheck.document import Document

_PLACE_WORD = r"[\p{Lu}][\p{L}\p{M}'’.\-]*"
_UPPER_WORD = r"[\p{Lu}][\p{Lu}\p{M}'’.\-]*"
_DASH = r"(?:-{1,2}|–|—|\.-|:)"
_OUTLET = r"[\p{L}\p{N}][\p{L}\p{N}.\-]*\.(?:com|co|co\.id|id|net|org|news|tv)\b|[\p{Lu}][\p{L}\p{N}]*(?:\s[\p{Lu}][\p{L}\p{N}]*){0,2}"
_AGENCY = r"\([^()\n]{1,40}\)"
_DATE = r"\d{1,2}\s*[\p{L}.]{2,10}\.?(?:\s*\d{2,4})?|[\p{L}]{3,10}\.?\s*\d{1,2}(?:,\s*\d{4})?"

DATELINE_PATTERNS = [
    # WASHINGTON (AP) — / Berlin (dpa) - / Hong Kong (CNN Business) / Mataram, NTB (ANTARA News) -
    regex.compile(
        rf"(?P<d>{_PLACE_WORD}(?:\s{_PLACE_WORD}){{0,3}}(?:,\s?{_PLACE_WORD}(?:\s{_PLACE_WORD}){{0,2}})?"
        rf"(?:,\s?(?:{_DATE}))?\s?{_AGENCY}(?:\s?{_DASH})?)\s?"
    ),
    # SEOUL - / NEW DELHI: / BUFFALO, N.Y. — / JAKARTA, KOMPAS.com - / WARTAKOTALIVE.COM, JAKARTA -
    regex.compile(
        rf"(?P<d>{_UPPER_WORD}(?:\s{_UPPER_WORD}){{0,3}}(?:,\s?(?:{_OUTLET}|{_DATE}))*\s?{_DASH})(?=\s|\p{{L}}|\p{{N}}|\p{{Pi}}|\")"
    ),
    # Jakarta, CNN Indonesia -- / Jakarta - / Liputan6.com, Jakarta - / TEMPO.CO, Jakarta -
    regex.compile(
        rf"(?P<d>(?:(?:{_OUTLET}),\s?)?{_PLACE_WORD}(?:\s{_PLACE_WORD}){{0,2}}(?:,\s?(?:{_OUTLET}|{_DATE}))?\s?{_DASH})(?=\s)"
    ),
    # Liputan6.com, Jakarta Kita ... (dateline glued to the text): outlet + place
    regex.compile(rf"(?P<d>[\p{{L}}\p{{N}}]+\.(?:com|co|co\.id|id),\s?{_PLACE_WORD})"),
    # KOMPAS.com - / Kapanlagi.com - / TEMPO.CO -
    regex.compile(rf"(?P<d>[\p{{L}}\p{{N}}]+\.(?:com|co|co\.id|id|net)\s?{_DASH})"),
    # 【ワシントン=共同】 / [서울=뉴시스] / (서울=연합뉴스)
    regex.compile(r"(?P<d>[\[【(（][^\]】)）\n]{1,30}=[^\]】)）\n]{1,30}[\]】)）])"),
    # МОСКВА, 12 мар — РИА Новости.
    regex.compile(rf"(?P<d>{_UPPER_WORD}(?:\s{_UPPER_WORD}){{0,2}},\s?{_DATE}\s?{_DASH}\s?[^.\n]{{2,30}}\.)"),
]

# Words that start ordinary sentences and must never be read as a place name.
_NOT_PLACES = frozenset(
    "a an the this that these those it he she they we i you there here but and or so yet "
    "two three four one some many most all ini itu dia mereka kami kita namun tetapi dan "
    "el la los las un una der die das ein eine le les une il lo gli".split()
)


@dataclass(frozen=True)
class Dateline:
    text: str
    line: int
    end_line: int


def _match_dateline(start: str) -> str | None:
    for pattern in DATELINE_PATTERNS:
        found = pattern.match(start)
        if not found:
            continue
        text = found.group("d").strip()
        first = regex.split(r"[\s,(]", text, maxsplit=1)[0].casefold()
        if first in _NOT_PLACES:
            continue
        # A mixed-case place followed by a dash must be short: "Two hostages — an …" is a sentence.
        words = regex.findall(r"\p{L}+", regex.split(_DASH, text)[0])
        if any(w[:1].islower() for w in words if len(w) > 3 and not text.isupper()):
            continue
        return text
    return None


def find_dateline(doc: "Document", max_lines: int = 4) -> Dateline | None:
    """The dateline opening the body, looked for after placeholder and residue
    lines, and across a few short lines (detik: ``Jakarta`` / ``-`` / ``...``)."""
    gathered: list[tuple[int, str]] = []
    for number, line in doc.body_lines():
        stripped = line.strip()
        if not stripped or is_filler(stripped) and stripped not in {"-", "–", "—"}:
            continue
        gathered.append((number, stripped))
        if len(gathered) >= max_lines or len(stripped) > 40:
            break
    if not gathered:
        return None
    joined = ""
    for count, (_, text) in enumerate(gathered, start=1):
        joined = f"{joined} {text}".strip()
        found = _match_dateline(joined[:160])
        if found:
            # the last line the dateline itself reaches into
            length, end = 0, gathered[0][0]
            for number, part in gathered[:count]:
                end = number
                length += len(part) + 1
                if length > len(found):
                    break
            return Dateline(found, gathered[0][0], end)
    return None
