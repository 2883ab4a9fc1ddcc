"""X101 exact-duplicate-document: a body that an earlier document already has, word for word."""

from __future__ import annotations

from collections import Counter

from corpuscheck.rules.base import CorpusRule, Hit, Option, bad, drops_document, good, no_detection
from corpuscheck.rules.duplicates.signatures import body_identity, body_normalized, name


def collect(doc, options):
    """``(digest of the body's words, number of lines)``, or None for a body too short to compare.
    (``normalized(doc.body)`` and its digest, worked out once per Document with X103.)"""
    if len(body_normalized(doc)) < options["min_chars"]:
        return None
    return body_identity(doc), len(doc.lines)


def judge(signatures, options):
    from corpuscheck.spill import PairCounter

    # first the bodies whose digest's first 8 bytes occur twice or more, counted in bounded
    # memory; only those bodies are then counted exactly and kept
    counter = PairCounter()
    try:
        for _, signature in signatures:
            if signature is not None:
                counter.add_one(0, int.from_bytes(signature[0][:8], "little"))
        candidates = counter.at_least(2)
    finally:
        counter.close()
    copies = Counter(
        signature[0]
        for _, signature in signatures
        if signature is not None and int.from_bytes(signature[0][:8], "little") in candidates
    )
    first = {}
    for ref, signature in signatures:
        if signature is None:
            continue
        found, lines = signature
        if copies[found] < 2:
            continue  # a body seen once: nothing to report, no one to name
        if found not in first:
            first[found] = ref
            continue
        yield ref.doc_id, Hit(
            1,
            lines,
            excerpt=ref.title or "",
            data={"other": name(first[found]), "copies": copies[found]},
        )


ExactDuplicateDocument = CorpusRule(
    code="X101",
    name="exact-duplicate-document",
    summary="A document whose body is word for word the body of an earlier document.",
    why=(
        "Scrapers fetch the same article twice (a URL with and without tracking parameters, "
        "the same story listed under two sections, a re-run of a crawl) and corpora merged from "
        "several dumps hold the same text more than once. Duplicates weigh a text twice in "
        "training, leak between training and test splits, and inflate every count. The body is "
        "compared by its words: case, spacing, line breaks and punctuation are ignored, the title "
        "is not compared. The first copy in corpus order is kept; every later copy is reported, "
        "spanning the whole document, and names the first."
    ),
    message="Same text as {other} ({copies} copies in the corpus)",
    detect=no_detection,
    autofix=drops_document("unsafe"),  # the first copy stays
    collect=collect,
    judge=judge,
    severity="error",
    options={
        "min_chars": Option(20, "bodies shorter than this (characters of their words) are not compared (empty and stub documents are S101's)"),
    },
    known_problems=(
        "A one-word difference (a corrected typo, a different byline) makes the copies distinct: "
        "X102 near-duplicate-document finds those. Two different titles over one body count as "
        "duplicates (the body is the text that trains). Syndicated wire stories published by "
        "several outlets are duplicates by this rule, which is usually what deduplication wants."
    ),
    fix="Keep the first copy and drop the others.",
    examples=(
        bad(
            "Harga beras naik (diperbarui)\nHarga beras naik tipis di pasar induk pekan ini.\n"
            "PEDAGANG menyebut pasokan dari Jawa Tengah berkurang.",
            (1, 3),
            corpus=[
                "Harga beras naik\nHarga beras naik tipis di pasar induk pekan ini.\n\n"
                "Pedagang menyebut pasokan dari Jawa Tengah berkurang."
            ],
            note="case, spacing and blank lines differ, the title too: the same text",
        ),
        good(
            "Harga beras naik\nHarga beras naik tipis di pasar induk pekan ini.\n"
            "Pedagang menyebut pasokan dari Jawa Timur berkurang.",
            corpus=[
                "Harga beras naik\nHarga beras naik tipis di pasar induk pekan ini.\n"
                "Pedagang menyebut pasokan dari Jawa Tengah berkurang."
            ],
            note="one word differs: a near duplicate, X102's business",
        ),
    ),
)
