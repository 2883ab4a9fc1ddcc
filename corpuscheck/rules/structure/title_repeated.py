"""S105 title-repeated."""

import regex

from corpuscheck.rules.base import Hit, Option, Rule, bad, deletes_lines, good
from corpuscheck.rules.structure.empty_document import text_lines

_WORDS = regex.compile(r"[\p{L}\p{N}]+")
# "Headline - Outlet", "Headline | Outlet", "Headline – TechCrunch": a site name after a separator.
# (?<!\s): searches start only where a run of spaces starts (where the leftmost match starts): linear
_SUFFIX = regex.compile(r"(?<!\s)\s+(?:[-–—|:]|::)\s+(?P<site>[^-–—|]{1,40})$")


def _key(text: str) -> str:
    return " ".join(_WORDS.findall(text.casefold()))


def _forms(text: str) -> set[str]:
    """The text's word key, with and without a trailing site name."""
    forms = {_key(text)}
    if (suffix := _SUFFIX.search(text)) and len(_WORDS.findall(suffix.group("site"))) <= 4:
        forms.add(_key(text[: suffix.start()]))
    forms.discard("")
    return forms


def detect(doc, options):
    if not doc.title:
        return
    first = next(text_lines(doc), None)
    if first is None:
        return
    number, line = first
    title = _forms(doc.title)
    if min((len(form.split()) for form in title), default=0) < options["min_words"]:
        return
    if title & _forms(line):
        related = (doc.title_line, doc.title_line) if doc.title_line else None
        yield Hit(number, related=related, data={"where": f" (line {doc.title_line})" if doc.title_line else ""})


TitleRepeated = Rule(
    code="S105",
    name="title-repeated",
    summary="The first body line repeats the title.",
    why=(
        "Extractors that take both the page's `<title>` and its `<h1>`, or a title field and "
        "a text field that both start with the headline, give the headline twice. The "
        "repeat is not part of the body, doubles the headline's weight in training and "
        "confuses title/body pairs. A site name after the title (`Headline – TechCrunch`, "
        "`Headline | Kompas.com`) is ignored in the comparison."
    ),
    message="The first body line repeats the title{where}",
    detect=detect,
    autofix=deletes_lines("safe"),  # the line is the title again
    severity="warning",
    options={"min_words": Option(2, "titles with fewer words are not compared (a one-word title can open a body)")},
    known_problems=(
        "Only the first body line with text (after placeholder and widget lines) is compared, "
        "by its letters and digits, ignoring case and punctuation. A body that opens with a "
        "slightly reworded headline is not flagged."
    ),
    fix="Delete the repeated line.",
    examples=(
        bad("Potret 3 Selebriti Rayakan Hari Ibu Sedunia\nloading...\nPotret 3 Selebriti Rayakan Hari Ibu Sedunia!\nJAKARTA - Isi.", 3, related=[(1, 1)]),
        bad(
            "New York State Attorney General reportedly investigating WeWork – TechCrunch\n\n"
            "New York State Attorney General reportedly investigating WeWork\nThe text.",
            3,
        ),
        good("Chord Kunci Gitar dan Lirik Lagu Minangkabau - Anyqu, Bilo Den Kana Hati Den Taibo\nChord Kunci Gitar dan Lirik Lagu Minangkabau - Anyqu."),
        good("Taylor Swift\nTaylor Swift performed on Sunday."),
    ),
)
