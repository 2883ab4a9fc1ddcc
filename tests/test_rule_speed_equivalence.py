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
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
import random
import sys
from pathlib import Path

from corpuscheck.input.document import Document, from_text
from corpuscheck.input.loader import load
from corpuscheck.rules import get_rule
from corpuscheck.rules.news import lines as news

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
