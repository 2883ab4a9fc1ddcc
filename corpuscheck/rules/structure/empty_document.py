"""S101 empty-document."""

import regex

from corpuscheck.rules.base import Hit, Rule, bad, drops_document, good
from corpuscheck.rules.news.lines import is_filler, stripped_body

_TEXT = regex.compile(r"[\p{L}\p{N}]")


def text_lines(doc):
    """``(line number, stripped line)`` of every body line that holds text: letters or
    digits, and not a placeholder or widget line (P101/P102 shapes).

    Four rules ask, most for the first lines only: the lines found are kept on the Document
    (plain lists, so it still pickles) and each rule reads them from there, judging further
    lines (each distinct one once) only when it reads past them. A page of 200,000 widget
    lines (``A``) was walked whole by each of those rules."""
    found = doc.__dict__.get("_text_lines")
    if found is None:
        found = doc.__dict__["_text_lines"] = {"lines": [], "read": 0, "judged": {}}
    lines, judged, body = found["lines"], found["judged"], stripped_body(doc)
    index = 0
    while True:
        if index < len(lines):
            yield lines[index]
            index += 1
            continue
        read = found["read"]  # the body lines judged so far: judge on to the next one that holds text
        while read < len(body):
            number, stripped = body[read]
            read += 1
            text = judged.get(stripped)
            if text is None:
                text = judged[stripped] = _TEXT.search(stripped) is not None and not is_filler(stripped)
            if text:
                lines.append((number, stripped))
                break
        found["read"] = read
        if index == len(lines):
            return


def detect(doc, options):
    if next(text_lines(doc), None) is not None:
        return
    leftovers = sum(1 for _, line in doc.body_lines() if line.strip())
    hint = f" (only {leftovers} placeholder, widget or punctuation line{'s' if leftovers > 1 else ''})" if leftovers else ""
    yield Hit(max(doc.title_line, 1), data={"hint": hint})


EmptyDocument = Rule(
    code="S101",
    name="empty-document",
    summary="A document with no body text after its title.",
    why=(
        "An extractor that missed the article container, a page that loads its text with "
        "scripts, a paywall or a removed article all leave a record with a title and nothing "
        "else, or with only `loading...` and button labels. Such records carry no text, yet "
        "they count as documents in every statistic and can be sampled for training."
    ),
    message="The document has no body text after its title{hint}",
    detect=detect,
    autofix=drops_document("unsafe"),
    known_problems=(
        "The finding points at the title line (line 1 when the title came from a separate "
        "field). A record whose title field holds the whole text and whose text field is "
        "empty is reported here too. Lines that are placeholder or widget residue (P101, "
        "P102) do not count as text."
    ),
    fix="Re-extract the page (or drop the record); check the extractor's selector for this outlet.",
    examples=(
        bad("Judul berita yang kosong\n\n", 1),
        bad("Judul\nloading...\nA\nA\n", 1),
        bad("\n\nHeadline\n   \n-\n", 3),
        good("Judul\nJAKARTA - Isi berita."),
    ),
)
