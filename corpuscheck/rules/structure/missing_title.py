"""S104 missing-title."""

import regex

from corpuscheck.rules.base import Hit, Option, Rule, bad, good
from corpuscheck.rules.news.dateline import match_dateline
from corpuscheck.rules.news.lines import LANGUAGES, is_placeholder, key, lexicon

_TEXT = regex.compile(r"[\p{L}\p{N}]")
_URL = regex.compile(r"(?:https?://|www\.)\S+")
# A dateline that names its outlet or agency ("JAKARTA, KOMPAS.com -", "Jakarta (ANTARA) -"),
# or an upper-case place before a spaced dash ("SEOUL - "): news bodies open so, headlines do not.
_OUTLET_DATELINE = regex.compile(r"\.(?i:com|co\.id|co|id|net)\b|\([^()]{2,40}\)")
_PLACE_DATELINE = regex.compile(r"\p{Lu}{3,}[\p{Lu}\s.,]*\s(?:-{1,3}|–|—)$")


def _opens_with_dateline(title: str) -> bool:
    found = match_dateline(title)
    if not found:
        return False
    if _OUTLET_DATELINE.search(found):
        return True
    return bool(_PLACE_DATELINE.fullmatch(found.strip())) and len(title.split()) >= 20


def _problem(title: str | None, options) -> str | None:
    if title is None or not title.strip():
        return "The document has no title"
    title = title.strip()
    if not _TEXT.search(title):
        return f"The title {title!r} has no words"
    languages = tuple(options["languages"])
    if key(title) in lexicon("missing-title", languages) or is_placeholder(title, lexicon("placeholder-line", languages)):
        return f"The title {title!r} is a placeholder or an error page's title, not a headline"
    if _URL.fullmatch(title):
        return f"The title {title!r} is a URL, not a headline"
    if _opens_with_dateline(title):
        return "The title opens with a dateline: it is the body's first paragraph, and the headline is missing"
    if len(title) > options["max_chars"]:
        return (
            f"The title is {len(title)} characters long (over {options['max_chars']}): "
            "body text was probably taken for a missing title"
        )
    return None


def detect(doc, options):
    problem = _problem(doc.title, options)
    if problem:
        yield Hit(max(doc.title_line, 1), data={"problem": problem})


MissingTitle = Rule(
    code="S104",
    name="missing-title",
    summary="A document without a usable title: none, a placeholder (`Untitled`, `404 Not Found`), a URL, or the first paragraph.",
    why=(
        "News records are used with their headlines (for titles, summaries, retrieval). A "
        "record whose title field is empty, holds an error page's title (`Page not found`, "
        "`Just a moment...`, `Tidak Ditemukan`), or a URL, comes from a failed fetch or a "
        "broken selector. When the title line (or field) is missing, the first paragraph is "
        "read as the title: a title that opens with a dateline (`JAKARTA, KOMPAS.com - `) or "
        "runs to hundreds of characters is the sign."
    ),
    message="{problem}",
    detect=detect,
    autofix=None,  # no automatic fix: the title is not in the text
    severity="warning",
    options={
        "languages": Option(list(LANGUAGES), "lexicon languages to match (ISO 639-1 codes)"),
        "max_chars": Option(250, "a longer title is taken for body text (headlines run to 60-150 characters)"),
    },
    known_problems=(
        "The finding points at the title line, or at line 1 when the title came from a "
        "separate field. When a record's title field is missing or empty, the loader takes "
        "the first line of the text as the title, so the rule judges that line: it is flagged "
        "when it opens with a dateline naming an outlet or agency (or an upper-case place, in "
        "a line of 20 words or more) or is longer than `max_chars`; a short first paragraph "
        "without one passes. An article really titled `Home` or `Error` is flagged."
    ),
    fix="Take the title from the page's `<title>`, `og:title` or `<h1>`; drop records fetched from error pages.",
    examples=(
        bad("Tidak Ditemukan\nJAKARTA - Isi berita.", 1),
        bad("\n\n404 Not Found\nThe requested URL was not found on this server.", 3),
        bad("JAKARTA, KOMPAS.com - Menteri Yuddy Chrisnandi mengancam PNS yang rankingnya terendah.\nIsi berita.", 1),
        bad(
            "JAKARTA - Daerah Istimewa Yogyakarta (DIY) mencatat penambahan enam kasus pasien positif Covid-19 "
            "pada Senin (11/5/2020) hari ini, sehingga jumlah kasus bertambah menjadi total 159 kasus, dengan 61 "
            "di antaranya dinyatakan sembuh setelah mendapat dua hasil negatif dan tujuh pasien meninggal dunia.\n"
            "Rata-rata kondisi pasien ini ringan-sedang.",
            1,
        ),
        good("Bertambah 6 Orang, Kasus Covid-19 di DIY Tembus 159\nYOGYAKARTA - Isi berita."),
        good("見出し\n本文。"),
    ),
)
