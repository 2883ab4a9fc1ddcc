"""The five news rules (D101, P101, P102, N101, N102) give exactly the recorded findings.

The rules are tuned for speed (line classifications remembered across rules and
documents, cheap first looks before the patterns); this pins what they find so a
speed-up cannot silently change a finding. The documents are the committed
fixtures (real/, datelines/, quality/, families/, boilerplate/, input/, seed/ and
the bundled corpus/; not html_pages/, whose text depends on the HTML extractor's
version) and the five rules' own examples, each also in three variants that take the fast paths' edge cases (the
text saved twice, lines padded with white space, lines wrapped in invisible
characters and no-break spaces), and seeded mixes of their short lines.

``tests/fixtures/speed/expected.json`` holds, per document, every finding as
``[code, line, end_line, column, related, message, excerpt]``. After a deliberate
change of a rule's findings, check the differences, then record them again::

    /work/venv/bin/python tests/test_rule_speed_equivalence.py --record

(``--record`` was first run on the rules before the speed work, so the file is
their behaviour, not the optimised code's.) A new example in one of the five rules
is a new document here: record again once its findings are checked.

The second half needs no recording: the fast paths of B101 (the Hyperscan prefilter of its
``^`` and ``~`` entries), X101, X103 and B102 (one folding of the text per Document) and S102
(word counts) are compared with references computed at test time, on the same documents,
on every line of them and on generated lines: B101 without the extension (the plain
alternation on every line), the corpus rules' signatures by their plain definitions. A
lexicon change changes both sides alike.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
import random
import sys
import unicodedata
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
import pytest
import regex
from regex import _regex

from corpuscheck.input.document import Document, from_text
from corpuscheck.input.loader import load
from corpuscheck.rules import get_rule
from corpuscheck.rules import prefilter
from corpuscheck.rules.boilerplate import boilerplate_line, mined_boilerplate
from corpuscheck.rules.duplicates import signatures
from corpuscheck.rules.duplicates.signatures import body_digest, digest, normalized, words
from corpuscheck.rules.news import lines as news
from corpuscheck.rules.news.dateline import find_dateline

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "tests" / "fixtures"
EXPECTED = FIXTURES / "speed" / "expected.json"
CODES = ("D101", "P101", "P102", "N101", "N102")  # the news suite's order
SOURCES = (
    "tests/fixtures/real",
    "tests/fixtures/datelines",
    "tests/fixtures/quality/documents.jsonl",
    "tests/fixtures/families",
    "tests/fixtures/boilerplate/pages.jsonl",
    "tests/fixtures/input",
    "tests/fixtures/seed",
    "corpus",
)
MIXES = 60
RECORD = "/work/venv/bin/python tests/test_rule_speed_equivalence.py --record"


def _variant(doc: Document, name: str, text: str) -> Document:
    title = doc.title if doc.title_line == 0 else None  # a title field stays a field
    return from_text(text, doc.path, doc_id=f"{doc.doc_id}~{name}", title=title)


def _mixes(docs: list[Document]) -> list[Document]:
    """Documents made of the fixtures' short lines (labels, placeholders, datelines, initials)
    between their sentences, shuffled with a fixed seed."""
    rng = random.Random(20250101)
    short = sorted({line.strip() for doc in docs for line in doc.lines if 0 < len(line.strip()) <= 60})
    long = sorted({line.strip() for doc in docs for line in doc.lines if len(line.strip()) > 60})
    mixed = []
    for number in range(MIXES):
        lines = rng.sample(short, 12) + rng.sample(long, 4)
        rng.shuffle(lines)
        lines += rng.sample(lines, 3)  # some lines again, for the repeats
        mixed.append(from_text("Judul\n" + "\n".join(lines), f"mix/{number:02d}.txt"))
    return mixed


def documents() -> list[Document]:
    """The fixture documents (ids relative to the repository), the rules' examples and their variants."""
    base: list[Document] = []
    for source in SOURCES:
        for doc in load(str(ROOT / source)):
            path = Path(doc.path).resolve().relative_to(ROOT).as_posix()
            base.append(dataclasses.replace(doc, path=path, doc_id=f"{path}#{doc.record}"))
    for code in CODES:
        texts = sorted({example.text for example in get_rule(code).examples})
        for text in texts:
            digest = hashlib.sha1(text.encode("utf-8")).hexdigest()[:12]
            base.append(from_text(text, f"example/{code}", doc_id=f"example/{code}/{digest}"))
    docs = list(base)
    for doc in base:
        lines = doc.text.split("\n")
        docs.append(_variant(doc, "twice", doc.text + "\n\n" + doc.text))
        docs.append(_variant(doc, "padded", "\n".join(f"   {line}\t " for line in lines)))
        docs.append(
            _variant(
                doc,
                "invisible",
                "\n".join(
                    f"\u200b{line}\u00ad" if index % 2 else f"\xa0{line}\u200b \ufeff"
                    for index, line in enumerate(lines)
                ),
            )
        )
    return docs + _mixes(base)


def _finding(code: str, rule, hit) -> list:
    return [
        code,
        hit.line,
        hit.end_line or hit.line,
        hit.column,
        list(hit.related) if hit.related else None,
        hit.message or rule.message.format(**hit.data),
        hit.excerpt,
    ]


def findings_by_document(docs: list[Document], codes=CODES, by_rule: bool = False) -> dict[str, list]:
    """Every finding of ``codes``, per document: the rules in turn on each document (as the
    engine runs them), or with ``by_rule`` each rule over all documents."""
    rules = [(code, get_rule(code)) for code in codes]
    options = {code: rule.resolve_options() for code, rule in rules}
    found: dict[str, list] = {doc.doc_id: [] for doc in docs}
    pairs = [(doc, entry) for entry in rules for doc in docs] if by_rule else [
        (doc, entry) for doc in docs for entry in rules
    ]
    for doc, (code, rule) in pairs:
        found[doc.doc_id].extend(_finding(code, rule, hit) for hit in rule.run(doc, options[code]))
    return {doc_id: sorted(items, key=lambda f: (CODES.index(f[0]), f[1], f[3])) for doc_id, items in found.items()}


def _forget() -> None:
    forget = getattr(news, "forget", None)  # the rules before the speed work remembered nothing
    if forget:
        forget()


def _expected() -> dict[str, list]:
    return json.loads(EXPECTED.read_text(encoding="utf-8"))["findings"]


def _differences(found: dict[str, list], expected: dict[str, list]) -> list[str]:
    lines = []
    for doc_id in sorted(set(found) | set(expected)):
        now, before = found.get(doc_id), expected.get(doc_id)
        if now != before:
            lines.append(f"{doc_id}: now {now}, recorded {before}")
    return lines


def test_the_fixtures_exercise_every_rule():
    expected = _expected()
    codes = {finding[0] for items in expected.values() for finding in items}
    assert codes == set(CODES)
    assert len(expected) > 900


def test_findings_are_the_recorded_ones():
    _forget()
    found = findings_by_document(documents())
    differences = _differences(found, _expected())
    assert not differences, "\n".join(differences[:20]) + f"\n(check, then record again: {RECORD})"


def test_order_and_remembered_lines_do_not_change_findings():
    """Rule by rule over all documents, in reverse order, with what the first pass remembered."""
    docs = documents()
    findings_by_document(docs)
    found = findings_by_document([dataclasses.replace(doc) for doc in docs], CODES[::-1], by_rule=True)
    differences = _differences(found, _expected())
    assert not differences, "\n".join(differences[:20])


def record() -> None:
    _forget()
    docs = documents()
    found = findings_by_document(docs)
    EXPECTED.parent.mkdir(parents=True, exist_ok=True)
    rows = ",\n".join(f"{json.dumps(doc_id)}: {json.dumps(items, ensure_ascii=False)}" for doc_id, items in found.items())
    header = f'{{"codes": {json.dumps(list(CODES))}, "documents": {len(docs)}, "findings": {{\n'
    EXPECTED.write_text(header + rows + "\n}}\n", encoding="utf-8")  # one document per line
    total = sum(len(items) for items in found.values())
    print(f"{total} findings on {len(docs)} documents recorded in {EXPECTED.relative_to(ROOT)}")


if __name__ == "__main__":
    if sys.argv[1:] != ["--record"]:
        sys.exit(f"usage: {sys.argv[0]} --record")
    record()


# ---------------------------------------------------------------------------------------------
# The fast paths of B101, B102, X101 and X103 against references computed here, at test time,
# from the plain definitions (no recorded findings: a lexicon change cannot stale them).

@pytest.fixture(scope="module")
def docs() -> list[Document]:
    return documents()


def _visible_lines(docs: list[Document]) -> list[str]:
    return sorted({s[: boilerplate_line.MAX_START_CHARS] for d in docs for line in d.lines if (s := news.visible(line))})


def _starts():
    return boilerplate_line.boilerplate_lexicon().starts


def test_the_prefilter_is_in_use():
    """The Hyperscan database covers the lexicon's start patterns (else the speed is gone, silently)."""
    starts = _starts()
    assert prefilter.hyperscan is not None, "hyperscan does not import"
    assert starts.database is not None
    assert len(starts.unsupported) <= len(starts.patterns) // 10, starts.unsupported


def test_start_prefilter_agrees_with_the_alternation_on_every_real_line(docs):
    starts = _starts()
    lines = _visible_lines(docs)
    fast = starts.candidates(lines)
    one_by_one = [starts.match(line) for line in lines]
    reference = [starts.exact.match(line) is not None for line in lines]
    assert sum(reference) > 40  # the fixtures hold start-pattern boilerplate
    wrong = [line for line, a, b in zip(lines, fast, reference, strict=True) if a != b]
    assert not wrong, wrong[:10]
    assert one_by_one == reference


def test_inline_prefilter_agrees_with_the_alternation_on_every_real_line(docs):
    """The ~ entries (searched anywhere in a line, scoped case flags, lookbehinds) likewise."""
    inlines = boilerplate_line.boilerplate_lexicon().inlines
    assert inlines.database is not None and not inlines.anchored
    lines = sorted({line for doc in docs for line in doc.lines if ":" in line or "：" in line})
    reference = [inlines.exact.search(line) is not None for line in lines]
    assert inlines.candidates(lines) == reference
    # the fixtures hold no glued insert: glue some in, at a line's start and after a sentence
    glued = [line[:k] + "." + variant + line[k:] for line in lines[:300] for k in (0, len(line) // 2)
             for variant in ("Baca Juga:", "BACA JUGA :", "Read more:", "READ MORE:", "Lihat Juga：", "ČITAJ:")]
    reference = [inlines.exact.search(line) is not None for line in glued]
    assert sum(reference) > 500
    assert inlines.candidates(glued) == reference
    # and where: the leftmost start, as the alternation finds it (the finding's column)
    assert inlines.starts(glued) == [m.start() if (m := inlines.exact.search(line)) else None for line in glued]


def test_start_prefilter_by_document_agrees(docs):
    """Scanned a document at a time, as B101 does (offsets of multi-byte lines, folded letters)."""
    starts = _starts()
    for doc in docs:
        lines = [s[: boilerplate_line.MAX_START_CHARS] for line in doc.lines if (s := news.visible(line))]
        assert starts.candidates(lines) == [starts.exact.match(line) is not None for line in lines], doc.doc_id


def _case_variants(char: str) -> list[str]:
    flags = regex.compile("", regex.I).flags
    return sorted({chr(c) for c in _regex.get_all_cases(flags, ord(char))} | {char})


_ODD = list("İıſKÅßẞσςΣ\u00a0\u2009\u200b’‘‚„“”–—…·•«|:»›>©()[]0123456789 \t") + ["\u0307", "\u0301"]


@st.composite
def _mutated(draw):
    """A line that starts with a start pattern (from the fixtures or the rules' examples), with
    letters swapped for other cases of them (``regex``'s own case table: ``i`` -> ``İ``), odd
    characters inserted or dropped, cut short or lengthened."""
    line = draw(st.sampled_from(_MATCHING))
    chars = list(line)
    for _ in range(draw(st.integers(0, 6))):
        if not chars:
            break
        at = draw(st.integers(0, len(chars) - 1))
        action = draw(st.sampled_from(("case", "case", "insert", "drop")))
        if action == "case":
            chars[at] = draw(st.sampled_from(_case_variants(chars[at])))
        elif action == "insert":
            chars.insert(at, draw(st.sampled_from(_ODD)))
        else:
            del chars[at]
    tail = draw(st.text(alphabet=st.sampled_from(_ODD + list("abcXYZжЖ")), max_size=20))
    cut = draw(st.integers(1, max(1, len(chars) + 1)))
    return ("".join(chars[:cut]) + tail)[: boilerplate_line.MAX_START_CHARS]


def _matching_lines(docs) -> list[str]:
    starts = _starts()
    found = [line for line in _visible_lines(docs) if starts.exact.match(line)]
    for example in boilerplate_line.BoilerplateLine.examples:
        found += [s for line in example.text.split("\n") if (s := news.visible(line)) and starts.exact.match(s)]
    return sorted(set(found))


_MATCHING: list[str] = []


@pytest.fixture(scope="module")
def matching(docs):
    _MATCHING[:] = _matching_lines(docs)
    assert len(_MATCHING) > 40
    return _MATCHING


def test_start_prefilter_never_misses_on_mutated_boilerplate(matching):
    _mutations()


@settings(max_examples=500, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(_mutated(), min_size=1, max_size=8))
def _mutations(lines):
    starts = _starts()
    assert starts.candidates(lines) == [starts.exact.match(line) is not None for line in lines]


def test_widen_leaves_what_it_cannot_rewrite_to_regex():
    patterns = [r"(\w)\1 twice", r"(?x:mixed) flags", r"baca juga\s*:", r"\N{COPYRIGHT SIGN} \d{4}"]
    starts = prefilter.PatternSet(patterns)
    assert set(starts.unsupported) == {r"(\w)\1 twice", r"(?x:mixed) flags", r"\N{COPYRIGHT SIGN} \d{4}"}
    lines = ["aa twice", "ab twice", "MIXED flags", "Baca Juga: x", "© 2024", "text", "BACA JUGA :"]
    assert starts.candidates(lines) == [starts.exact.match(line) is not None for line in lines]
    assert starts.candidates(lines) == [True, False, True, True, True, False, True]


def test_widened_patterns_are_supersets_on_case_variants():
    """Letters whose cases regex knows beyond ASCII: ``İ`` is a case of ``i``, ``ſ`` of ``s``,
    the Kelvin sign of ``k``; Cyrillic and Greek fold too."""
    starts = prefilter.PatternSet([r"iklan\s*:", r"see also\b", r"читайте также", r"σας", r"straße", r"klik\b"])
    lines = ["İKLAN: x", "ſee alſo", "\u212aLIK di sini", "ЧИТАЙТЕ ТАКЖЕ", "ΣΑΣ", "ςας", "STRAẞE", "STRASSE", "iklan"]
    assert starts.candidates(lines) == [starts.exact.match(line) is not None for line in lines]
    assert starts.candidates(lines)[:7] == [True] * 7


def _b101_findings(docs):
    rule = get_rule("B101")
    options = rule.resolve_options()
    return {doc.doc_id: [_finding("B101", rule, hit) for hit in rule.run(dataclasses.replace(doc), options)] for doc in docs}


def test_b101_findings_are_the_reference_ones(docs, monkeypatch):
    """B101 with the prefilter and B101 without the extension (the plain alternation on every
    line: the code before the prefilter) give the same findings on every fixture document."""
    fast = _b101_findings(docs)
    boilerplate_line.boilerplate_lexicon.cache_clear()
    monkeypatch.setattr(prefilter, "hyperscan", None)
    try:
        assert boilerplate_line.boilerplate_lexicon().starts.database is None
        reference = _b101_findings(docs)
    finally:
        boilerplate_line.boilerplate_lexicon.cache_clear()
    assert sum(map(len, reference.values())) > 200
    assert _differences(fast, reference) == []


def _plain_signatures(doc: Document, options: dict) -> dict:
    """X101's, X103's and B102's signatures as their plain definitions give them, each rule
    normalising the text itself (before the shared per-document folding)."""
    found = {}
    text = normalized(doc.body)
    found["X101"] = None if len(text) < options["X101"]["min_chars"] else (body_digest(text), len(doc.lines))
    title = " ".join(words(doc.title)) if doc.title else ""
    found["X103"] = (
        None if not doc.title or len(title) < options["X103"]["min_chars"]
        else (digest(title, 8), doc.title_line, body_digest(normalized(doc.body)))
    )
    o = options["B102"]
    dateline = find_dateline(doc)
    skip = range(dateline.line, dateline.end_line + 1) if dateline else range(0)
    seen, kept = set(), []
    for number, line in doc.body_lines():
        stripped = line.strip()
        if len(stripped) < o["min_chars"] or len(stripped) > o["max_chars"] or number in skip:
            continue
        key = mined_boilerplate.line_key(stripped, o["mask_digits"])
        if len(key) >= o["min_chars"] and signatures.text_hash(key) not in seen:
            seen.add(signatures.text_hash(key))
            kept.append((signatures.text_hash(key), number, stripped[:200]))
    limit = o["max_lines"]
    if len(kept) > limit:
        kept = kept[: limit - limit // 2] + kept[len(kept) - limit // 2 :]
    found["B102"] = ([h for h, _, _ in kept], [n for _, n, _ in kept])
    return found


@pytest.mark.parametrize("mask", [False, True])
def test_corpus_rule_signatures_are_the_plain_ones(docs, mask):
    codes = ("X101", "X103", "B102")
    options = {code: get_rule(code).resolve_options() for code in codes}
    options["B102"]["mask_digits"] = mask
    for doc in docs:
        plain = _plain_signatures(dataclasses.replace(doc), options)
        shared = dataclasses.replace(doc)  # one Document for the three rules, as the engine has it
        fast = {code: get_rule(code).collect(shared, options[code]) for code in codes}
        assert fast["X101"] == plain["X101"], doc.doc_id
        assert fast["X103"] == plain["X103"], doc.doc_id
        hashes, numbers, _ = fast["B102"]
        assert (list(hashes), list(numbers)) == plain["B102"], doc.doc_id


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from(_ODD + list("abAB\nﬁ①Ⅳ가\u1100\u1161\u11a8ÉéÅ\u030a")), max_size=60))
def test_folding_the_whole_text_folds_each_line(text):
    """The shared folding (NFKC and case folding of the whole text, then split) gives each line's
    own folding: no line break made, lost or crossed."""
    doc = from_text("Title\n" + text, "x.txt")
    assert signatures.folded_lines(doc) == [
        unicodedata.normalize("NFKC", line).casefold() for line in doc.lines
    ]
    assert signatures.body_normalized(doc) == normalized(doc.body)
    for folded in signatures.folded_lines(doc):  # the re shortcut for plain text finds regex's words
        assert signatures.folded_words(folded) == regex.findall(r"[\p{L}\p{M}\p{N}]+", folded)




def _plain_count_words(text: str) -> float:
    """S102's word count as first written: every word looked at (the oracle of the shortcuts)."""
    from corpuscheck.rules.structure import short_body

    total = 0.0
    for match in short_body.WORD.finditer(text):
        word = match.group()
        total += len(word) / 2 if short_body._CJK.match(word) else len(word) / 5 if short_body._SEA.match(word) else 1
    return total


def test_s102_word_counts_are_the_plain_ones(docs):
    from corpuscheck.rules.structure.short_body import count_words

    lines = {line for doc in docs for line in doc.lines}
    lines |= {"漢字 and ไทย mixed", "a漢 b", "naïve café’s", "x-ray 'quoted' ’tis"}
    wrong = [line for line in lines if count_words(line) != _plain_count_words(line)]
    assert not wrong, wrong[:5]


def test_compiled_databases_are_kept_between_runs(tmp_path, monkeypatch):
    """A second process loads the database the first compiled (same answers); a damaged file is
    compiled again; ``off`` keeps nothing."""
    monkeypatch.setenv("CORPUSCHECK_PREFILTER_CACHE", str(tmp_path))
    patterns = [r"baca juga\s*:", r"iklan\b", r"©"]
    lines = ["Baca Juga: x", "İKLAN", "© 2024", "text", "iklanan"]
    first = prefilter.PatternSet(patterns)
    kept = list(tmp_path.iterdir())
    assert len(kept) == 1
    compiled = []
    real = prefilter._compile_database
    monkeypatch.setattr(prefilter, "_compile_database", lambda p: compiled.append(p) or real(p))
    second = prefilter.PatternSet(patterns)
    assert compiled == [] and second.database is not None
    assert second.candidates(lines) == first.candidates(lines) == [True, True, True, False, False]
    kept[0].write_bytes(b"not a database")
    third = prefilter.PatternSet(patterns)
    assert len(compiled) == 1 and third.candidates(lines) == first.candidates(lines)
    monkeypatch.setenv("CORPUSCHECK_PREFILTER_CACHE", "off")
    for path in tmp_path.iterdir():
        path.unlink()
    prefilter.PatternSet(patterns)
    assert list(tmp_path.iterdir()) == []


def test_b101_works_when_the_extension_does_not_import():
    """A platform without hyperscan wheels (it is x86-only): B101 loads and gives its findings."""
    import subprocess

    script = (
        "import sys; sys.modules['hyperscan'] = None\n"
        "from corpuscheck.rules import prefilter, get_rule\n"
        "from corpuscheck.input.document import from_text\n"
        "assert prefilter.hyperscan is None\n"
        "doc = from_text('Judul\\nJakarta - Isi.\\nADVERTISEMENT\\nBaca juga: Jadwal hari ini\\nKalimat.Baca Juga:Lain')\n"
        "print([(h.line, h.column) for h in get_rule('B101').run(doc)])\n"
    )
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=120, check=True)
    assert done.stdout.strip() == "[(3, 1), (4, 1), (5, 9)]"
    assert done.stderr == ""
