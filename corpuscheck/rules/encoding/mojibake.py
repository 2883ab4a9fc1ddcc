"""E102 mojibake."""

import re
import re._constants as sre
import re._parser as sre_parse

import regex
from ftfy import TextFixerConfig, fix_text
from ftfy.badness import BADNESS_RE, MOJIBAKE_CATEGORIES, is_bad

from corpuscheck.rules.base import Change, Fix, Hit, Option, Rule, bad, good

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


def _always_suspect(node) -> bool:
    """Whether every match of the parsed pattern ``node`` holds a character of _SUSPECTS: one
    of its items, not optional, is a character or a class of characters all in _SUSPECTS."""
    for op, arg in node:
        if op is sre.LITERAL and _SUSPECTS.fullmatch(chr(arg)):
            return True
        if op is sre.IN and arg and all(
            (kind is sre.LITERAL and _SUSPECTS.fullmatch(chr(value)))
            or (kind is sre.RANGE and all(_SUSPECTS.fullmatch(chr(c)) for c in range(value[0], value[1] + 1)))
            for kind, value in arg
        ):
            return True
        if op is sre.MAX_REPEAT and arg[0] >= 1 and _always_suspect(arg[2]):
            return True
        if op is sre.SUBPATTERN and _always_suspect(arg[-1]):
            return True
        if op is sre.BRANCH and all(_always_suspect(branch) for branch in arg[1]):
            return True
    return False


def _windowed() -> int | None:
    """The longest match of BADNESS_RE, if every match of it holds a suspect character and
    nothing in it looks past the match but ``^`` (then a match is always within that many
    characters of a suspect); else None."""
    parsed = sre_parse.parse(BADNESS_RE.pattern, BADNESS_RE.flags)
    ops: set = set()

    def walk(node):
        for op, arg in node:
            ops.add(op)
            if op is sre.AT:
                ops.add(arg)
            for part in arg if isinstance(arg, (list, tuple)) else (arg,):
                if isinstance(part, sre_parse.SubPattern):
                    walk(part)
                elif isinstance(part, (list, tuple)):
                    for item in part:
                        if isinstance(item, sre_parse.SubPattern):
                            walk(item)

    walk(parsed)
    allowed = {sre.LITERAL, sre.IN, sre.MAX_REPEAT, sre.BRANCH, sre.SUBPATTERN, sre.ANY, sre.AT, sre.AT_BEGINNING}
    width = parsed.getwidth()[1]
    if not ops <= allowed or not _always_suspect(parsed) or width >= sre.MAXREPEAT:
        return None
    return width


_WIDTH = _windowed()


def _is_bad(line: str) -> bool:
    """``ftfy.badness.is_bad(line)``, searching only around the suspect characters: a match
    holds one and is at most _WIDTH long. (``^`` still matches only at the line's start: the
    search is given positions, not a slice.)"""
    if _WIDTH is None:
        return is_bad(line)
    low = high = None
    for found in _SUSPECTS.finditer(line):
        start = max(found.start() - _WIDTH + 1, 0)
        if high is None or start > high:  # a new window: search the one before
            if high is not None and BADNESS_RE.search(line, low, high):
                return True
            low = start
        high = found.start() + _WIDTH
    return high is not None and BADNESS_RE.search(line, low, high) is not None


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
        if not _is_bad(line):
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


def fix_changes(doc, hit, options):
    """ftfy's encoding repair of the line, as the smallest replaced span."""
    line = doc.line(hit.line)
    fixed = fix_text(line, ENCODING_ONLY)
    if fixed == line:
        return ()
    head = 0
    while head < min(len(line), len(fixed)) and line[head] == fixed[head]:
        head += 1
    tail = 0
    while tail < min(len(line), len(fixed)) - head and line[-1 - tail] == fixed[-1 - tail]:
        tail += 1
    return (Change(hit.line, start=head, end=len(line) - tail, replacement=fixed[head : len(fixed) - tail]),)

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
    autofix=Fix("replace", "unsafe", fix_changes),  # ftfy's repair is a guess
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
