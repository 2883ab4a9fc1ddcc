"""S106 dateline-date-mismatch."""

from __future__ import annotations

import datetime as dt
from functools import cache, lru_cache
from importlib import resources
from typing import Any

import regex

from corpuscheck.rules.base import Hit, Option, Rule, bad, good
from corpuscheck.rules.news.dateline import find_dateline
from corpuscheck.rules.news.lines import LANGUAGES
from corpuscheck.rules.structure.empty_document import text_lines

ORDERS = ("auto", "dmy", "mdy")
_DIGITS = regex.compile(r"\d\d")


@cache
def calendar_names(languages: tuple[str, ...]) -> tuple[dict[str, int], dict[str, int]]:
    """(month name -> 1..12, weekday name -> ISO weekday 1..7) from the lexicon files."""
    folder = resources.files(__package__) / "lexicons" / "dateline-date-mismatch"
    months: dict[str, int] = {}
    weekdays: dict[str, int] = {}
    for lang in languages:
        source = folder / f"{lang}.txt"
        if not source.is_file():
            continue  # languages without month names (ja, ko) write dates with numbers
        for raw in source.read_text(encoding="utf-8").splitlines():
            parts = raw.split()
            if len(parts) < 3 or parts[0] not in ("month", "weekday"):
                continue
            table = months if parts[0] == "month" else weekdays
            for name in parts[2:]:
                name = name.casefold()
                if table.get(name, int(parts[1])) != int(parts[1]):
                    raise ValueError(f"dateline-date-mismatch lexicon: {name!r} names two different {parts[0]}s")
                table[name] = int(parts[1])
    return months, weekdays


@cache
def _patterns(languages: tuple[str, ...]):
    """Date patterns that all start matching at a digit (fast to scan), and the weekday
    pattern looked for just before a date."""
    months, weekdays = calendar_names(languages)
    month = "|".join(sorted(map(regex.escape, months), key=len, reverse=True))
    weekday = "|".join(sorted(map(regex.escape, weekdays), key=len, reverse=True))
    dates = [
        # 2025-06-10, 2025-06-10T21:02
        ("ymd", regex.compile(r"(?<![\d/.\-])(?P<y>\d{4})-(?P<m>\d{1,2})-(?P<d>\d{1,2})(?!\d)")),
        # 2019年11月20日 / 2019년 11월 20일
        ("ymd", regex.compile(r"(?<!\d)(?P<y>\d{4})\s*[年년]\s*(?P<m>\d{1,2})\s*[月월]\s*(?P<d>\d{1,2})\s*[日일]")),
        # 10 Juni 2025 / 5 de junio de 2025 / 23. September 2023
        ("dmy", regex.compile(rf"(?<![\d/.])(?P<d>\d{{1,2}})\.?\s+(?:de\s+)?(?P<mn>{month})\b\.?,?\s+(?:de\s+)?(?P<y>\d{{4}})(?!\d)", regex.I)),
        # Nov. 18, 2019 / June 10 2025 (the month is matched behind the day)
        ("mdy", regex.compile(rf"(?<=\b(?P<mn>{month})\.?\s+)(?P<d>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<y>\d{{4}})(?!\d)", regex.I)),
        # 23/9/2023, 10/21/2025, 23.09.2023, 23/9/23
        ("num", regex.compile(r"(?<![\d/.])(?P<a>\d{1,2})(?P<sep>[/.\-])(?P<b>\d{1,2})(?P=sep)(?P<y>\d{4}|\d{2})(?![\d/])")),
    ]
    # Sabtu (23/9/2023) / Selasa, 10 Juni 2025 / Monday, Nov. 18: a weekday right before the date
    before = regex.compile(rf"\b(?P<wd>{weekday})\b\.?,?\s{{0,2}}(?:\(\s?)?$", regex.I)
    return dates, before


def _make(year: int, month: int, day: int) -> dt.date | None:
    if year < 100:
        year += 2000
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def find_dates(text: str, languages: tuple[str, ...], order: str = "auto"):
    """Every confidently parsed date in ``text``: ``(date, start, end, has_weekday)``.

    A date is confident when it names its month, is in ISO or CJK form, or is numeric and
    either read in ``order`` (``dmy``, ``mdy``), or, with ``order="auto"``, unambiguous
    (``23/9/2023``) or resolved by the weekday name before it (``Sabtu (10/6/2025)``). A date
    whose weekday name disagrees with it is dropped: the text contradicts itself.
    """
    if not _DIGITS.search(text):
        return []
    months, weekdays = calendar_names(languages)
    patterns, before = _patterns(languages)
    found = []
    for kind, pattern in patterns:
        for match in pattern.finditer(text):
            groups = match.groupdict()
            start = match.start("mn") if kind == "mdy" else match.start()
            named = before.search(text, max(0, start - 24), start)
            weekday = weekdays.get(named.group("wd").casefold()) if named else None
            if named:
                start = named.start()
            year = int(groups["y"])
            if kind == "num":
                a, b = int(groups["a"]), int(groups["b"])
                if len(groups["y"]) == 2 and not weekday:
                    continue  # 23/9/23 without a weekday: too easily a score or a ratio
                readings = {"dmy": _make(year, b, a), "mdy": _make(year, a, b)}
                if order in readings:
                    readings = {order: readings[order]}  # a weekday may confirm it, never switch it
                if weekday:
                    readings = {k: v for k, v in readings.items() if v and v.isoweekday() == weekday}
                dates = {v for v in readings.values() if v}
                if len(dates) != 1:
                    continue  # ambiguous (10/06/2025 in "auto") or impossible
                date = dates.pop()
            else:
                month = int(groups["m"]) if groups.get("m") else months[groups["mn"].casefold()]
                date = _make(year, month, int(groups["d"]))
                if date is None or (weekday and date.isoweekday() != weekday):
                    continue
            found.append((date, start, match.end(), bool(weekday)))
    found.sort(key=lambda item: item[1])
    return found


def meta_date(value: Any, languages: tuple[str, ...], order: str) -> dt.date | None:
    """The date of a metadata value: a date/datetime, or the first confident date in a string."""
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if hasattr(value, "to_pydatetime"):  # pandas Timestamp
        return value.to_pydatetime().date()
    if isinstance(value, str):
        return _string_date(value, languages, order)
    return None


@lru_cache(maxsize=4096)
def _string_date(value: str, languages: tuple[str, ...], order: str) -> dt.date | None:
    dates = {date for date, *_ in find_dates(value, languages, order)}
    return dates.pop() if len(dates) == 1 else None


def _opening(doc, max_lines: int, skip: int = 0) -> list[tuple[int, str]]:
    """The dateline's lines and the first paragraph: text lines up to the first long one."""
    lines = []
    for number, line in text_lines(doc):
        if number == skip:
            continue
        lines.append((number, line))
        if len(line) > 80 or len(lines) >= max_lines:
            break
    return lines


_DATE_LINE_MAX = 60
_DASH_END = regex.compile(r"(?:-{1,3}|–|—)$")
_WORDS = regex.compile(r"\p{L}[\p{L}.:]*")


def _date_line(doc, languages: tuple[str, ...], order: str) -> tuple[int, dt.date] | None:
    """A publication date line under the title, as scrapers save it in text files:
    ``Selasa, 10 Juni 2025 - 07:00 WIB``, ``Kompas.com - 10/06/2025, 21:23 WIB``.

    The first of the first three body text lines that is short, holds one confident date
    and at most three other words, and does not end with a dash (a dateline does).
    """
    for count, (number, line) in enumerate(text_lines(doc)):
        if count >= 3:
            break
        if len(line) > _DATE_LINE_MAX or _DASH_END.search(line):
            continue
        dates = find_dates(line, languages, order)
        if len(dates) != 1:
            continue
        _date, start, end, _weekday = dates[0]
        if len(_WORDS.findall(line[:start] + " " + line[end:])) <= 3:
            return number, dates[0][0]
    return None


def _in_dateline(dateline, number: int, line: str, start: int) -> bool:
    if not dateline or not dateline.line <= number <= dateline.end_line:
        return False
    if number != dateline.line:
        return True  # a dateline spread over short lines (detik: "Jakarta" / "-")
    offset = len(line) - len(line.lstrip())
    return start < offset + len(dateline.text)


def _story_date(doc, languages: tuple[str, ...], options, skip: int = 0):
    """``(line, date, start, end)`` of the story's date: the first date of the opening that
    is in the dateline, or named by its weekday in the first sentence(s) of the paragraph."""
    dateline: list = []  # found lazily: most openings have no date outside a weekday
    for number, line in _opening(doc, options["max_lines"], skip):
        for date, start, end, weekday in find_dates(line[: options["max_chars"]], languages, options["text_order"]):
            if not weekday:
                # In the paragraph only a weekday-named date ("Sabtu (23/9/2023)") says when
                # the story happened; an undated one may be history ("sejak 1 Januari 2024").
                if not dateline:
                    dateline.append(find_dateline(doc))
                if not _in_dateline(dateline[0], number, line, start):
                    continue
            return number, date, start, end
    return None


def _publication(doc, languages: tuple[str, ...], options) -> tuple[dt.date, str, int] | None:
    """``(date, where it came from, date line to skip)``: the ``date`` option, the metadata
    field, or else a date line under the title."""
    given = options["date"] or doc.meta.get(options["date_field"])
    if given is not None and given != "":
        published = meta_date(given, languages, options["meta_order"])
        where = "`date` option" if options["date"] else f"`{options['date_field']}` field"
        return (published, where, 0) if published else None
    found = _date_line(doc, languages, options["meta_order"])
    if found is None:
        return None
    number, published = found
    return published, f"date line {number}", number


def detect(doc, options):
    languages = tuple(options["languages"])
    for name in ("meta_order", "text_order"):
        if options[name] not in ORDERS:
            raise ValueError(f"S106 {name} must be one of {', '.join(ORDERS)}")
    publication = _publication(doc, languages, options)
    if publication is None:
        return
    published, where, skip = publication
    found = _story_date(doc, languages, options, skip)
    if found is None:
        return
    number, date, start, end = found
    gap = (date - published).days
    if abs(gap) > options["max_days"]:
        line = doc.line(number)
        offset = len(line) - len(line.lstrip())
        yield Hit(
            number,
            column=offset + start + 1,
            excerpt=line.strip()[max(0, start - 20) : end + 5].strip(),
            related=(skip, skip) if skip else None,
            data={
                "text_date": date.isoformat(),
                "meta_date": published.isoformat(),
                "days": abs(gap),
                "direction": "after" if gap > 0 else "before",
                "field": where,
            },
        )


DatelineDateMismatch = Rule(
    code="S106",
    name="dateline-date-mismatch",
    summary="The date in the dateline or first paragraph disagrees with the publication date (the `date` field, or a date line under the title).",
    why=(
        "News openings say when the story happened: `Sabtu (23/9/2023)`, `JAKARTA, 10 Juni "
        "2025 - `, `WASHINGTON, Monday, Nov. 18, 2019 — `. When that date is weeks or years "
        "away from the record's publication date, either the date field is wrong (the crawl "
        "date, an update stamp, a parse error) or the text belongs to another article (a "
        "recycled page, a wrong URL). Either way, date-based filtering, deduplication and "
        "time-aware training are misled."
    ),
    message="The opening says {text_date}, {days} days {direction} the {field} ({meta_date})",
    detect=detect,
    autofix=None,  # no automatic fix: the right date is not in the text
    severity="warning",
    options={
        "date_field": Option("date", "metadata field that holds the publication date (without one, a date line under the title is used)"),
        "date": Option(None, "a publication date for every document (e.g. `2025-06-10` for one day's crawl), used instead of the field"),
        "max_days": Option(30, "a text date within this many days of the publication date agrees with it"),
        "meta_order": Option("auto", "order of numeric dates in the field: `auto` (ambiguous ones like 10/06/2025 are skipped), `dmy` or `mdy`"),
        "text_order": Option("dmy", "order of numeric dates in the text: `dmy` (Indonesian and most of the world), `mdy`, or `auto` (unambiguous ones, or resolved by their weekday)"),
        "max_lines": Option(4, "how many opening lines (the dateline may span several) are searched"),
        "max_chars": Option(250, "how far into each opening line a date is looked for (the dateline and the first sentence)"),
        "languages": Option(list(LANGUAGES), "languages whose month and weekday names are recognised"),
    },
    known_problems=(
        "Only fires when both dates are parsed confidently: a month name, an ISO or CJK date, "
        "or a numeric date read in `meta_order`/`text_order` (with `auto`: unambiguous, or "
        "resolved by the weekday named before it). A weekday that contradicts its date "
        "(`Senin (10/6/2025)`, a Tuesday) drops the date: the text is wrong, not the field. "
        "Beyond the dateline only weekday-named dates in the first `max_chars` characters "
        "count, so a historical date (`sejak 1 Januari 2024`) is not compared. Stories that "
        "announce an event more than `max_days` ahead (`pendaftaran dibuka hingga Jumat, 31 "
        "Oktober 2025`) or look back on one are flagged. Without a date field, a short line "
        "under the title that is only a date (`Selasa, 10 Juni 2025 - 07:00 WIB`) is taken as "
        "the publication date; a field that holds no parsable date (`Tidak Ditemukan`), or "
        "neither, means no verdict."
    ),
    fix="Take the publication date from the page's metadata (`article:published_time`, JSON-LD `datePublished`), or re-fetch the right article.",
    examples=(
        bad(
            "Judul\nSenin 11 Mei 2020 23:31 WIB\nJAKARTA - Daerah Istimewa Yogyakarta mencatat enam kasus baru pada Sabtu (23/9/2023) hari ini.",
            3,
            related=[(2, 2)],
            note="Without a `date` field the date line under the title is the publication date.",
        ),
        bad(
            "Judul\nJAKARTA - Daerah Istimewa Yogyakarta mencatat enam kasus baru pada Sabtu (23/9/2023) hari ini.",
            2,
            options={"date": "10 Juni 2025"},
        ),
        bad(
            "Headline\nWASHINGTON, Nov. 18, 2019 — The Senate voted on Monday.",
            2,
            options={"date": "2019-12-24T10:00:00Z"},
        ),
        good(
            "Judul\nJakarta\n-\nLuna Maya ternyata memiliki alasan, kata dia saat ditemui pada Kamis (5/6/2025) di Jakarta.",
            options={"date": "06 Jun 2025 21:02"},
        ),
        good(
            "Judul\nJAKARTA - Aturan itu berlaku sejak 1 Januari 2024, kata menteri pada Selasa (10/6/2025).",
            options={"date": "Selasa, 10 Juni 2025 - 07:00 WIB"},
            note="The historical date has no weekday and is not compared; the weekday-named one agrees.",
        ),
        good("Judul\nSenin 11 Mei 2020 23:31 WIB\nYOGYAKARTA - DIY mencatat enam kasus baru pada Senin (11/5/2020) hari ini."),
        good(
            "Judul\nISTANBUL, 23 Februari 2016 (Antara/PRNewswire) -\nPemerintah kota Cekmekoy meresmikan kontes film pendek.",
            note="A dateline (it ends with a dash) is the story's date, not a publication date line: no date to compare with.",
        ),
        good(
            "Judul\nJAKARTA - Rapat digelar pada Senin (23/9/2023).",
            options={"date": "10/06/2025"},
            note="`10/06/2025` is ambiguous with `meta_order: auto`: no confident publication date, no finding.",
        ),
    ),
)
