"""E103 control-character."""

import re
import unicodedata

import regex
from ftfy.badness import is_bad

from corpuscheck.rules.base import Change, Fix, Hit, Option, Rule, bad, good

# C0 controls but tab and newline (CR is folded into newlines by the loader), DEL, C1 controls.
CONTROL = regex.compile(r"[\x00-\x08\x0b-\x1f\x7f\x80-\x9f]")
C1 = regex.compile(r"[\x80-\x9f]")
# Zero-width and invisible format characters that never belong inside running text.
ALWAYS = regex.compile(r"[\u200b\u2060\ufeff\u180e\u2061-\u2064]")
# ZWNJ/ZWJ are part of spelling between two letters (Persian, Indic scripts, German
# ligature control), next to a letter or mark of a script that joins (Arabic, Indic: Quran
# typesetting puts them next to spaces), and inside emoji sequences (🏳️‍🌈); next to Latin
# letters, digits, spaces and punctuation only, they are debris.
JOINER = regex.compile(r"[\u200c\u200d]")
JOINED = regex.compile(r"[\p{L}\p{M}\p{Extended_Pictographic}\p{Emoji_Modifier}\ufe0f\u20e3]")
JOINING_SCRIPT = regex.compile(r"[[\p{L}\p{M}]--[\p{Latin}\p{Common}]]", regex.V1)
# A line made only of invisible characters (LRM/RLM marks, zero-width spaces, BOMs).
INVISIBLE_ONLY = regex.compile(r"[\s\p{Cf}]*\p{Cf}[\s\p{Cf}]*")
SOFT_HYPHEN = "\u00ad"
# Every character this rule reports is one of these (controls and format characters): one
# fast scan skips the other lines.
CANDIDATE = re.compile(
    "[\x00-\x08\x0b-\x1f\x7f-\x9f\u00ad\u0600-\u0605\u061c\u06dd\u070f\u180e\u200b-\u200f"
    "\u202a-\u202e\u2060-\u2064\u2066-\u206f\ufeff\ufff9-\ufffb\U000e0001-\U000e007f]"
)
SOFT_HYPHEN_BAD = regex.compile(r"(?<![\p{L}\p{M}])\u00ad|\u00ad(?![\p{L}\p{M}])")


def _joiner_is_spelling(line: str, index: int) -> bool:
    before = line[index - 1] if index > 0 else ""
    after = line[index + 1] if index + 1 < len(line) else ""
    if before and after and JOINED.match(before) and JOINED.match(after):
        return True
    return any(char and JOINING_SCRIPT.match(char) for char in (before, after))


def _found(line: str, soft_hyphens: str, mojibake: bool):
    """(index, character) of every offending character on the line."""
    if INVISIBLE_ONLY.fullmatch(line):
        yield from ((i, c) for i, c in enumerate(line) if unicodedata.category(c) == "Cf")
        return
    for match in CONTROL.finditer(line):
        if not (mojibake and C1.match(match.group())):
            yield match.start(), match.group()
    for match in ALWAYS.finditer(line):
        yield match.start(), match.group()
    for match in JOINER.finditer(line):
        if not _joiner_is_spelling(line, match.start()):
            yield match.start(), match.group()
    if soft_hyphens == "all":
        yield from ((i, c) for i, c in enumerate(line) if c == SOFT_HYPHEN)
    elif soft_hyphens == "misplaced":
        yield from ((m.start(), m.group()) for m in SOFT_HYPHEN_BAD.finditer(line))


def _name(char: str) -> str:
    return f"U+{ord(char):04X} {unicodedata.name(char, 'control character').lower()}"


def detect(doc, options):
    soft = options["soft_hyphens"]
    if soft not in ("off", "misplaced", "all"):
        raise ValueError("E103 soft_hyphens must be 'off', 'misplaced' or 'all'")
    for number, line in enumerate(doc.lines, start=1):
        if (line.isascii() and line.isprintable()) or not CANDIDATE.search(line):
            continue
        # C1 controls inside mojibake are E102's finding; do not report them twice.
        found = sorted(set(_found(line, soft, mojibake=bool(C1.search(line)) and is_bad(line))))
        if not found:
            continue
        names = sorted({_name(c) for _, c in found})
        shown = ", ".join(names[:3]) + (f" and {len(names) - 3} more" if len(names) > 3 else "")
        where = "on a line that holds nothing else" if INVISIBLE_ONLY.fullmatch(line) else f"from column {found[0][0] + 1}"
        yield Hit(
            number,
            column=found[0][0] + 1,
            excerpt=line.strip() or repr(line),
            data={"count": len(found), "s": "" if len(found) == 1 else "s", "names": shown, "where": where},
        )


def fix_changes(doc, hit, options):
    """A line of nothing but invisible characters goes; otherwise controls become a space and
    invisible characters nothing."""
    line = doc.line(hit.line)
    if INVISIBLE_ONLY.fullmatch(line):
        return (Change(hit.line),)
    found = _found(line, options["soft_hyphens"], mojibake=bool(C1.search(line)) and is_bad(line))
    return tuple(
        Change(hit.line, start=i, end=i + 1, replacement=" " if CONTROL.match(c) else "") for i, c in sorted(set(found))
    )

ControlCharacter = Rule(
    code="E103",
    name="control-character",
    summary="A line holds control characters or invisible zero-width characters.",
    why=(
        "C0 and C1 control characters (other than tab and newline) and invisible characters "
        "such as the zero-width space (U+200B), the word joiner (U+2060) or a byte-order mark "
        "inside the text (U+FEFF) come from copy-paste out of chat apps and word processors, "
        "from CMS editors and from broken decoding. They are invisible when read, but they "
        "split words for tokenizers, defeat exact-match deduplication and search, and lines "
        "made of nothing but such marks (`\\u200e`) are empty lines in disguise. Zero-width "
        "joiners and non-joiners are kept between two letters, next to a letter or mark of a "
        "joining script (Persian, Arabic, Indic spelling and Quran typesetting) and inside "
        "emoji sequences (🏳️‍🌈), where they are part of the text."
    ),
    message="{count} invisible or control character{s} {where}: {names}",
    detect=detect,
    autofix=Fix("replace", "safe", fix_changes),
    severity="warning",
    options={
        "soft_hyphens": Option(
            "off",
            "soft hyphens (U+00AD): `off` (default: German and other CMSs insert them as "
            "hyphenation hints, `Not\\u00adfall\\u00addaten`), `misplaced` (only those not "
            "between two letters), or `all`",
        ),
    },
    known_problems=(
        "Left-to-right and right-to-left marks are only flagged on lines that hold nothing "
        "else, because right-to-left text needs them. A zero-width space between two letters "
        "of a word (a line-break hint, or Thai word separation) is still flagged. C1 "
        "controls on a line that ftfy calls mojibake are left to E102."
    ),
    fix=(
        "Delete the characters (replace C0/C1 controls other than tab and newline with a "
        "space, zero-width ones with nothing); drop lines that hold nothing else."
    ),
    examples=(
        bad(
            "Judul\n1.\u2060 \u2060PT Gag Nikel di Pulau Gag memegang konsesi.",
            2,
            note="Line 2 holds two invisible word joiners (U+2060), around the space after `1.`.",
        ),
        bad(
            "Judul\nSeoul - Isi berita.\n\u200e\nKalimat \u200b\u200bberikutnya.",
            3,
            4,
            note="Line 3 is a lone left-to-right mark (U+200E); line 4 holds two zero-width spaces (U+200B).",
        ),
        bad(
            "Title\nThe report\x0c was filed\x07 on time.",
            2,
            note="Line 2 holds a form feed (U+000C) and a bell (U+0007).",
        ),
        bad(
            "Titel\nDer Not\u00adfall\u00addaten\u00adsatz und US \u00adforces.",
            2,
            options={"soft_hyphens": "misplaced"},
            note="Only the soft hyphen after a space is misplaced.",
        ),
        good("Titel\nDer Not\u00adfall\u00addaten\u00adsatz wird gespeichert.", note="Soft hyphens (U+00AD) as hyphenation hints."),
        good(
            "Title\nA tweet 🏳️\u200d🌈 (@someone) November 18, 2019\nمی\u200cخواهم and क्\u200dष are spelled so.",
            note="Joiners inside an emoji sequence and in Persian and Devanagari spelling.",
        ),
        bad(
            "Title\nThe \u200ciPhone 11\u200c has a wide-angle camera.",
            2,
            note="Zero-width non-joiners (U+200C) next to Latin letters and spaces join nothing.",
        ),
        good("Title\nTabs\tare fine, and so are newlines."),
    ),
)
