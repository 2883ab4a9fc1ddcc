"""B102 mined-boilerplate: lines that recur across many documents of one source."""

from __future__ import annotations

import zlib
from array import array
from collections import Counter

import regex

from corpuscheck.findings import EXCERPT_CHARS
from corpuscheck.rules.base import CorpusRule, Hit, Option, bad, deletes_lines, good, no_detection
from corpuscheck.rules.duplicates.signatures import folded_lines, folded_words, site, text_hash, words
from corpuscheck.rules.news.dateline import find_dateline

_DIGITS = regex.compile(r"\d+")


def line_key(line: str, mask_digits: bool = False) -> str:
    """A line's identity: its words, case- and width-folded (punctuation and spacing ignored);
    with ``mask_digits`` every run of digits counts as ``0``."""
    key = " ".join(words(line))
    return _DIGITS.sub("0", key) if mask_digits else key


def collect(doc, options):
    """The distinct candidate lines of the body: ``(hashes, line numbers, texts)``.

    The dateline's lines are left out (``JAKARTA, KOMPAS.com`` opens most of a source's
    documents and is wanted), and so are lines shorter than ``min_chars`` (after
    normalisation) or longer than ``max_chars``. At most ``max_lines`` lines are kept:
    the first and last halves, where page furniture sits.
    """
    dateline = find_dateline(doc)
    skip = range(dateline.line, dateline.end_line + 1) if dateline else range(0)
    min_chars, max_chars, mask = options["min_chars"], options["max_chars"], options["mask_digits"]
    seen: set[int] = set()
    found: list[tuple[int, int, str]] = []
    folded = folded_lines(doc)  # the lines as words() folds them, once per Document (with X101, X103)
    for number, line in doc.body_lines():
        stripped = line.strip()
        if len(stripped) < min_chars or len(stripped) > max_chars or number in skip:
            continue
        key = " ".join(folded_words(folded[number - 1]))  # line_key(stripped): the same words
        if mask:
            key = _DIGITS.sub("0", key)
        if len(key) < min_chars:
            continue
        hashed = text_hash(key)
        if hashed not in seen:
            seen.add(hashed)
            found.append((hashed, number, stripped[:EXCERPT_CHARS]))
    limit = options["max_lines"]
    if len(found) > limit:
        found = found[: limit - limit // 2] + found[len(found) - limit // 2 :]
    texts = "\n".join(t for _, _, t in found).encode("utf-8", "surrogatepass")
    return (
        array("Q", [h for h, _, _ in found]),
        array("I", [n for _, n, _ in found]),
        zlib.compress(texts, 1),  # kept for every document until the end: about half the size
    )


def group(ref, options) -> str:
    return site(ref.source) if options["fold_subdomains"] else ref.source


def mine(signatures, options) -> tuple[Counter[str], dict[str, dict[int, int]]]:
    """Documents per source, and each source's frequent line hashes with their document counts.

    Counted exactly with numpy, not a Python dict (a corpus has about as many distinct lines
    as it has lines), in bounded memory: 12 bytes a line in a fixed buffer, then on disk
    (:class:`corpuscheck.spill.PairCounter`)."""
    import numpy as np  # only here: the catalogue loads without it

    from corpuscheck.spill import PairCounter

    documents: Counter[str] = Counter()
    numbers: dict[str, int] = {}  # source -> its number in the counter
    counter = PairCounter()
    try:
        for ref, (found, _, _) in signatures:
            source = group(ref, options)
            documents[source] += 1
            counter.add(numbers.setdefault(source, len(numbers)), found)
        names = list(numbers)
        mined = [documents[s] >= options["min_documents"] for s in names]
        least = np.array([max(2, options["min_share"] * documents[s]) if m else np.inf for s, m in zip(names, mined, strict=True)])
        frequent: dict[str, dict[int, int]] = {s: {} for s, m in zip(names, mined, strict=True) if m}
        for groups, keys, counts in counter.counts():
            keep = counts >= least[groups]
            for number, key, count in zip(groups[keep].tolist(), keys[keep].tolist(), counts[keep].tolist(), strict=True):
                frequent[names[number]][key] = count
    finally:
        counter.close()
    return documents, frequent


def judge(signatures, options):
    documents, frequent = mine(signatures, options)
    for ref, (hashes, numbers, packed) in signatures:
        source = group(ref, options)
        mined = frequent.get(source)
        if not mined or not any(h in mined for h in hashes):
            continue
        texts = zlib.decompress(packed).decode("utf-8", "surrogatepass").split("\n")
        for hashed, number, text in zip(hashes, numbers, texts, strict=True):
            count = mined.get(hashed)
            if count:
                total = documents[source]
                yield ref.doc_id, Hit(
                    number,
                    excerpt=text,
                    data={"share": count / total, "count": count, "documents": total, "source": source},
                )


MinedBoilerplate = CorpusRule(
    code="B102",
    name="mined-boilerplate",
    summary="A line that recurs in a large share of one source's documents: site furniture.",
    why=(
        "Every site prints its own furniture into the pages it serves: `SCROLL TO CONTINUE "
        "WITH CONTENT` and `ADVERTISEMENT` at detik.com, `Advertisement` and a WhatsApp channel "
        "invitation at kapanlagi.com, a WhatsApp promotion split over six lines at kompas.com. "
        "No lexicon knows all of them, but the corpus does: a line that an outlet's "
        "writers would not put in a third of their articles is the page's, not the article's. "
        "Documents are grouped by source (the `source` field, else the URL's host, else the folder; "
        "subdomains folded into their site by default) and, in each source with enough documents, "
        "every body line found in at least `min_share` of them is reported wherever it occurs. "
        "Lines are compared by their words (case, punctuation and spacing ignored); the dateline "
        "is never counted."
    ),
    message="Line recurs in {share:.0%} of the {documents} documents from {source}: site boilerplate",
    detect=no_detection,
    autofix=deletes_lines("unsafe"),  # mined by a threshold: review before deleting
    collect=collect,
    judge=judge,
    severity="warning",
    defers_to=("B101", "P101", "P102"),  # a line a lexicon rule knows is reported once, by it
    options={
        "min_share": Option(0.3, "a line is boilerplate if it occurs in at least this share of its source's documents"),
        "min_documents": Option(10, "sources with fewer documents are not mined (a story cluster is not furniture)"),
        "min_chars": Option(8, "shorter lines (characters, after normalisation) are not counted"),
        "max_chars": Option(200, "longer lines are not counted: they are paragraphs"),
        "max_lines": Option(200, "at most this many distinct lines per document are counted (the first and last halves)"),
        "fold_subdomains": Option(True, "count oto.detik.com and news.detik.com as one source, detik.com"),
        "mask_digits": Option(False, "count lines that differ only in their numbers as one (`12 komentar`, `3 komentar`)"),
    },
    known_problems=(
        "Needs volume: a source with fewer than `min_documents` documents is not mined, and a "
        "corpus of one page per site (the article extraction benchmark) has nothing to mine. "
        "With subdomains folded, a section's own furniture can fall under the share: the "
        "`Hoegeng Awards 2025` promotion is in 92% of news.detik.com's documents but 17% of "
        "detik.com's. Without folding it is found, and so are a sports section's topic tags "
        "during a football week (`Timnas Indonesia`, 48% of sport.detik.com) and attribution "
        "fragments the scraper split out of sentences (`Kompas.com`, 50% of megapolitan.kompas.com). "
        "A corpus drawn from a few days of one small outlet can hold a story cluster common "
        "enough to pass the share. Lines whose numbers change (`12 komentar`) are counted apart "
        "unless `mask_digits` is set, which also merges dates (`Selasa (10/6/2025).`). A line "
        "that a lexicon rule (B101, P101, P102) reports in the same run is left to it: one line, one "
        "finding; run without them, B102 reports it."
    ),
    fix="Delete the line from every document of the source, or add it to your scraper's list of selectors to drop.",
    examples=(
        bad(
            "Fifth story\nAn earthquake shook the coast on Monday morning.\nREAD THE FULL STORY IN OUR APP\n"
            "Residents were told to stay away from the beaches.",
            3,
            corpus=[
                "First story\nThe council approved the budget.\nREAD THE FULL STORY IN OUR APP",
                "Second story\nThe river rose overnight.\nREAD THE FULL STORY IN OUR APP",
                "Third story\nThe museum reopened after repairs.",
                "Fourth story\nREAD THE FULL STORY IN OUR APP\nPrices fell for the third month.",
            ],
            options={"min_documents": 5},
            note="the line is in 4 of the source's 5 documents (case and spacing ignored)",
        ),
        good(
            "Kelima\nJAKARTA, KOMPAS.com\n- Harga cabai turun pekan ini.\nPedagang menyambut baik.",
            corpus=[
                "Pertama\nJAKARTA, KOMPAS.com\n- Hujan deras mengguyur ibu kota.",
                "Kedua\nJAKARTA, KOMPAS.com\n- Jalan tol baru dibuka hari ini.",
                "Ketiga\nJAKARTA, KOMPAS.com\n- Museum dibuka kembali setelah renovasi.",
                "Keempat\nJAKARTA, KOMPAS.com\n- Harga beras naik tipis.",
            ],
            options={"min_documents": 5},
            note="a dateline split over two lines recurs in every document, but it is the dateline",
        ),
        good(
            "Third story\nREAD THE FULL STORY IN OUR APP\nThe museum reopened.",
            corpus=[
                "First story\nThe council approved the budget.\nREAD THE FULL STORY IN OUR APP",
                "Second story\nThe river rose overnight.\nREAD THE FULL STORY IN OUR APP",
            ],
            note="three documents are too few to tell furniture from a story cluster (min_documents: 10)",
        ),
    ),
)
