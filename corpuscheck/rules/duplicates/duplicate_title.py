"""X103 duplicate-title: a title that an earlier document already has, over another text."""

from __future__ import annotations

from corpuscheck.rules.base import CorpusRule, Hit, Option, bad, good, no_detection
from corpuscheck.rules.duplicates.signatures import body_identity, digest, name, site, words


def collect(doc, options):
    """``(title digest, title line, body digest)``, or None for a missing or short title."""
    if not doc.title:
        return None
    title = " ".join(words(doc.title))
    if len(title) < options["min_chars"]:
        return None
    return digest(title, 8), doc.title_line, body_identity(doc)  # the body's digest, once with X101


def judge(signatures, options):
    from corpuscheck.spill import PairCounter

    scopes: dict[str, int] = {}  # source -> the number of its scope (its site, or "" for the whole corpus)
    numbers: dict[str, int] = {}

    def key(ref, title: bytes) -> int:  # (scope, title) as one int: exact, and smaller than a tuple
        number = scopes.get(ref.source)
        if number is None:
            scope = site(ref.source) if options["same_source"] else ""
            number = scopes[ref.source] = numbers.setdefault(scope, len(numbers))
        return number << 64 | int.from_bytes(title, "little")

    # first the titles that occur twice or more, counted in bounded memory: only they are kept below
    counter = PairCounter()
    try:
        for ref, signature in signatures:
            if signature is not None:
                found = key(ref, signature[0])
                counter.add_one(found >> 64, found & 0xFFFFFFFFFFFFFFFF)
        repeated = counter.at_least(2)
    finally:
        counter.close()
    first: dict[int, tuple] = {}  # (scope, title) -> first DocRef, bodies seen
    for ref, signature in signatures:
        if signature is None:
            continue
        title, line, body = signature
        found = key(ref, title)
        if found not in repeated:
            continue  # a title seen once: nothing to report, no one to name
        earlier = first.get(found)
        if earlier is None:
            first[found] = (ref, {body})
            continue
        original, bodies = earlier
        if body in bodies:
            continue  # the same text again: X101's
        bodies.add(body)
        yield ref.doc_id, Hit(line or 1, excerpt=ref.title or "", data={"other": name(original)})


DuplicateTitle = CorpusRule(
    code="X103",
    name="duplicate-title",
    summary="A document whose title is the title of an earlier document, over a different text.",
    why=(
        "Two different texts under one title are either two versions of one article (an update, "
        "a page scraped before and after an edit), a series built from a template (`Jadwal "
        "Imsakiyah Jakarta Hari Ini`), or a scraper that took the site's or section's name for "
        "the title. Each is worth a look before training or deduplication. Titles are compared "
        "by their words (case and punctuation ignored); short titles (`Home`, `Berita`) are "
        "skipped. A later document with the same title and the same text as an earlier one is "
        "left to X101. The title's line is reported (line 1 when the title came from a field)."
    ),
    message="Same title as {other}, over a different text",
    detect=no_detection,
    autofix=None,  # no automatic fix: the texts differ; which one to keep is the user's call
    collect=collect,
    judge=judge,
    severity="info",
    options={
        "min_chars": Option(20, "shorter titles (characters of their words) are not compared"),
        "same_source": Option(False, "only compare titles within one source (subdomains folded into their site)"),
    },
    known_problems=(
        "Regular columns and series share their titles by design (`Jadwal Sholat Hari Ini`, "
        "`Kurs Dollar Hari Ini`): exclude them with a per-path ignore or raise `min_chars`. Two "
        "outlets may give different stories the same short title (`Hasil Liga Inggris Tadi "
        "Malam`): set `same_source` to compare within one source only."
    ),
    fix="Keep the latest version of an updated article; give series their dates in the title; "
    "fix the scraper's title selector if it took the site's name.",
    examples=(
        bad(
            "Banjir Rendam Ratusan Rumah di Bekasi\nBanjir setinggi satu meter merendam ratusan rumah "
            "sejak Minggu malam.\nWarga mengungsi ke masjid terdekat.",
            1,
            corpus=["Banjir Rendam Ratusan Rumah di Bekasi\nBanjir merendam rumah warga sejak Minggu malam."],
            note="the same story, updated",
        ),
        good(
            "Banjir Rendam Ratusan Rumah di Bekasi\nBanjir merendam rumah warga sejak Minggu malam.",
            corpus=["Banjir Rendam Ratusan Rumah di Bekasi\nBanjir merendam rumah warga sejak Minggu malam."],
            note="the same text again: X101 exact-duplicate-document reports it",
        ),
        good("Berita\nHarga cabai turun.", corpus=["Berita\nHarga beras naik."], note="a short title is skipped"),
    ),
)
