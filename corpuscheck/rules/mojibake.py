"""E102 mojibake."""

import re

import regex
from ftfy import TextFixerConfig, fix_text
from ftfy.badness import BADNESS_RE, MOJIBAKE_CATEGORIES, is_bad

from corpuscheck.rules.base import Hit, Option, Rule, bad, good

# Only the encoding repairs of ftfy.fix_text: the suggestion must not also uncurl quotes,
# unescape HTML (E104's business) or renormalise the line.
ENCODING_ONLY = TextFixerConfig(
    unescape_html=False,
    uncurl_quotes=False,
    fix_latin_ligatures=False,
    fix_character_width=False,
    fix_line_breaks=False,
    remove_terminal_escapes=False,
    remove_control_chars=False,
    normalization=None,
    explain=False,
)
_SPACE = regex.compile(r"\s")
REPLACEMENT = "\ufffd"
# Every alternative of ftfy's BADNESS_RE needs a non-ASCII character of its categories or
# of its literals, so a line without any cannot be mojibake: one fast scan of a character
# class spares the slow heuristic (tests/test_families_es.py checks the two agree).
_SUSPECTS = re.compile(
    "["
    + "".join(MOJIBAKE_CATEGORIES.values())
    + "".join(sorted({re.escape(c) for c in BADNESS_RE.pattern if ord(c) > 127}))
    + "]"
)


def _window(line: str, start: int, end: int, width: int) -> str:
    """The words around ``line[start:end]``, at most about ``2 * width`` characters."""
    left = max(0, start - width)
    right = min(len(line), end + width)
    if left > 0 and (space := _SPACE.search(line, left, start)):
        left = space.end()
    if right < len(line) and (spaces := [m.start() for m in _SPACE.finditer(line, end, right)]):
        right = spaces[-1]
    return line[left:right].strip()


def detect(doc, options):
    width = options["context"]
    for number, line in enumerate(doc.lines, start=1):
        if line.isascii() or not _SUSPECTS.search(line):
            continue
        if REPLACEMENT in line:
            line = line.replace(REPLACEMENT, " ")  # lost characters are E101's finding
        if not is_bad(line):
            continue
        found = BADNESS_RE.search(line)
        start, end = (found.start(), found.end()) if found else (0, 0)
        window = _window(line, start, end, width)
        fixed = fix_text(window, ENCODING_ONLY)
        if fixed != window:
            suggestion = f"ftfy suggests {fixed!r}"
        else:
            suggestion = "ftfy finds no safe repair (bytes were lost)"
        yield Hit(number, column=start + 1, excerpt=window, data={"text": window, "suggestion": suggestion})


Mojibake = Rule(
    code="E102",
    name="mojibake",
    summary="A line holds mojibake: UTF-8 text that was decoded as Latin-1 or Windows-1252 (`Ã©`, `â€™`, `Â `).",
    why=(
        "When a page's UTF-8 bytes are decoded with the wrong code page, every accented "
        "letter, curly quote and non-breaking space turns into two or three odd characters "
        "(`JÃ³hann`, `â€œ`, `2,5Â±1%`); Arabic and other scripts become long runs of `Ù` and "
        "`Ø`. The words are no longer the words, tokenizers split them into junk, and a "
        "model learns the junk. Detection is ftfy's heuristic (`ftfy.badness.is_bad`), which "
        "looks for character sequences that practically only occur in mis-decoded text; the "
        "suggested repair is ftfy's (`ftfy.fix_text`, limited to its encoding repairs)."
    ),
    message="Mojibake in {text!r}: {suggestion}",
    detect=detect,
    options={"context": Option(30, "characters of context shown on each side of the first mojibake on a line")},
    known_problems=(
        "Replacement characters (`�`) are left to E101: ftfy counts them as mojibake too. "
        "ftfy's heuristic is tuned for precision, but text that shows mojibake on purpose (an "
        "article about encodings) is flagged, and mojibake of a single character between "
        "plain ASCII letters can go unnoticed. When bytes were lost in the round trip ftfy "
        "cannot repair the text, and the message says so."
    ),
    fix=(
        "Decode the source with the right encoding; for text already stored, `ftfy.fix_text` "
        "repairs most mojibake (review its output: the repair is a guess)."
    ),
    examples=(
        bad("Judul\nJÃ³hann ViÃ°ar, seorang analis di Badan Pariwisata Islandia, berkata.", 2),
        bad("Headline\nThe president said it wasnâ€™t over.\nThe end.\nÂ Â Weather", 2, 4),
        good("Judul\nJóhann Viðar, seorang analis, berkata. Inflasi 2,5±1% — “kata dia”."),
        good("Заголовок\nМОСКВА, 12 мар — РИА Новости. Текст новости; 東京 で 会議。"),
    ),
)
