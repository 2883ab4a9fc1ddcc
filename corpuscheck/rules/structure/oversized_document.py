"""S107 oversized-document."""

from corpuscheck.rules.base import Hit, Option, Rule, bad, good


def detect(doc, options):
    limit = options["max_document_chars"]
    size = doc.meta.get("truncated_from") if isinstance(doc.meta, dict) else None
    if not isinstance(size, int) or isinstance(size, bool):
        size = len(doc.text)
    if size <= limit and "truncated_from" not in doc.meta:
        return
    checked = (f"checked on its first {len(doc.text):,} characters" if "truncated_from" in doc.meta else "checked whole")
    line = doc.text.count("\n", 0, min(len(doc.text), limit)) + 1
    yield Hit(line, data={"size": f"{size:,}", "limit": f"{limit:,}", "checked": checked}, excerpt="")


OversizedDocument = Rule(
    code="S107",
    name="oversized-document",
    summary="A document longer than max-document-chars (the reader checks only a bounded prefix).",
    why=(
        "A single record of several megabytes is not an article: a page of one repeated character, "
        "a whole site concatenated, a binary file read as text. It distorts every per-document "
        "statistic, and checking it whole would let one record stall a run. The reader keeps the "
        "first 5,000,000 characters (cut at a line end) and this rule says so, so the cut is never silent."
    ),
    message="The document has {size} characters, over the bound of {limit}; {checked}",
    detect=detect,
    options={"max_document_chars": Option(5_000_000, "documents longer than this many characters are flagged")},
    known_problems=(
        "The reader's bound is the max-document-chars setting (config key or --max-document-chars, default "
        "5,000,000); the rule flags documents over the lower of it and this option, so a lower option flags "
        "more documents, which are still checked whole. The finding points at the line where the bound falls."
    ),
    fix=(
        "Split or drop the record; check the scraper for pages that were not articles. Safety: dropping "
        "loses nothing a reader needs; splitting needs to know where each article starts."
    ),
    severity="warning",
    examples=(
        bad("Title\n" + "A line of text.\n" * 5, 4, options={"max_document_chars": 50}),
        bad("x" * 120, 1, options={"max_document_chars": 100}),
        good("Title\nJAKARTA - A short body.", options={"max_document_chars": 100}),
    ),
)
