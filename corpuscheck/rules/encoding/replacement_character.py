"""E101 replacement-character."""

from corpuscheck.rules.base import Hit, Rule, bad, good

REPLACEMENT = "\ufffd"


def detect(doc, options):
    for number, line in enumerate(doc.lines, start=1):
        column = line.find(REPLACEMENT)
        if column >= 0:
            count = line.count(REPLACEMENT)
            yield Hit(
                number,
                column=column + 1,
                excerpt=line[max(0, column - 30) : column + 31].strip(),
                data={"count": count, "s": "" if count == 1 else "s", "column": column + 1},
            )


ReplacementCharacter = Rule(
    code="E101",
    name="replacement-character",
    summary="A line holds U+FFFD `�`, the mark left where bytes could not be decoded.",
    why=(
        "U+FFFD is what a decoder writes for bytes that are not valid in the encoding it "
        "assumed: the original characters are lost. It appears when a page in Latin-1 or "
        "Windows-1252 is read as UTF-8, when a multi-byte character is cut in half, or when an "
        "undecodable file is read with replacement (corpuscheck's loader does so, and reports "
        "the byte offset of the first bad byte as a file error). A model trained on it learns "
        "to emit `�`."
    ),
    message="{count} replacement character{s} (U+FFFD) from column {column}: the original characters were lost in decoding",
    detect=detect,
    autofix=None,  # no automatic fix: the lost characters cannot be recovered from the text
    known_problems=(
        "A text about encodings that shows `�` on purpose is flagged. Every line of the "
        "document is checked, the title line included."
    ),
    fix=(
        "Re-read the source with its real encoding (the page's `charset`, or a detector), "
        "or re-fetch it; the lost characters cannot be recovered from the text itself."
    ),
    examples=(
        bad("Judul\nJAKARTA - Menteri menyatakan keprihatinan \ufffd\ufffd serius.", 2),
        bad("Caf\ufffd au lait\nPARIS - Le caf\ufffd est servi.\nTout va bien.", 1, 2),
        good("Judul\nJAKARTA - Menteri menyatakan keprihatinan serius. Café, naïve, 東京."),
    ),
)
