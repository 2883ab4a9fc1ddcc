"""Parity of the G rules with datatrove 0.10's filters on real documents.

What it measures
----------------
For every text it runs our rule (G101 gopher-quality, G102 gopher-repetition,
G103 c4-quality, G104 fineweb-quality; default options) and the datatrove filter
it reproduces (``GopherQualityFilter``, ``GopherRepetitionFilter``,
``C4QualityFilter``, ``FineWebQualityFilter``; default arguments, English word
tokenizer), each on the same text, and compares the decision: keep, or drop
with a reason. Texts: the 181 gold bodies and the 181 html-text outputs of the
article extraction benchmark (MIT), from ``shared/corpora``, and the 26
expected bodies of ``indonesian-news-pages`` (MIT).

It prints, per rule and per set, how many decisions agree (keep = keep, or
drop = drop with the same reason), the drop counts of both, and every
disagreement with the two decisions and our statistics. It also times both.

Needs datatrove 0.10 and spaCy (test-only dependencies; spaCy's blank English
tokenizer downloads nothing). Run::

    /work/venv/bin/python benchmarks/datatrove_parity.py [--limit N]

``--write-fixture FILE`` writes the sample that ``tests/test_families_lg.py``
checks: for every rule, up to two documents per datatrove decision (keep, or
each drop reason), then one per language and set, texts under 12,000
characters, with datatrove's decisions recorded.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections import Counter
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
CORPORA = Path(__file__).resolve().parents[2] / "shared" / "corpora"
sys.path.insert(0, str(REPO))

from corpuscheck.input.document import from_text  # noqa: E402
from corpuscheck.rules import get_rule  # noqa: E402

PAIRS = {
    "G101": "GopherQualityFilter",
    "G102": "GopherRepetitionFilter",
    "G103": "C4QualityFilter",
    "G104": "FineWebQualityFilter",
}


def load_sets(limit: int | None = None) -> dict[str, list[tuple[str, str]]]:
    bench = CORPORA / "article-extraction-benchmark"
    gold = json.loads((bench / "ground-truth.json").read_text(encoding="utf-8"))
    html_text = json.loads((bench / "output" / "html-text.json").read_text(encoding="utf-8"))["output"]
    pages = [
        json.loads(line)
        for line in (CORPORA / "indonesian-news-pages" / "expected_contents.jsonl").read_text(encoding="utf-8").splitlines()
        if line.strip()
    ]
    sets = {
        "gold": [(k, v["articleBody"]) for k, v in sorted(gold.items())],
        "html-text": [(k, v["articleBody"]) for k, v in sorted(html_text.items())],
        "indonesian-pages": [(p["fixture"].split("/")[-1], p["content"]) for p in pages],
    }
    return {name: items[:limit] if limit else items for name, items in sets.items()}


def ours(code: str, text: str) -> tuple[bool, str | None, dict]:
    rule = get_rule(code)
    doc = from_text(text, "doc.txt")
    options = rule.resolve_options()
    hits = rule.run(doc, options)
    stats = rule.measures(doc, options)
    return (False, hits[0].data["reason"], stats) if hits else (True, None, stats)


def theirs(filters: dict, code: str, text: str) -> tuple[bool, str | None]:
    from datatrove.data import Document

    result = filters[code].filter(Document(text=text, id="doc"))
    return (False, result[1]) if isinstance(result, tuple) else (bool(result), None)


def make_filters() -> dict:
    from datatrove.pipeline import filters as dt

    return {code: getattr(dt, name)() for code, name in PAIRS.items()}


def compare(sets: dict[str, list[tuple[str, str]]]):
    filters = make_filters()
    table = []
    differences = []
    timing = Counter()
    for code in PAIRS:
        for name, items in sets.items():
            agree = 0
            drops_ours = drops_theirs = 0
            reasons = Counter()
            for key, text in items:
                start = time.perf_counter()
                keep, reason, stats = ours(code, text)
                timing[("ours", code)] += time.perf_counter() - start
                start = time.perf_counter()
                keep_dt, reason_dt = theirs(filters, code, text)
                timing[("datatrove", code)] += time.perf_counter() - start
                drops_ours += not keep
                drops_theirs += not keep_dt
                if not keep_dt:
                    reasons[reason_dt] += 1
                if (keep, reason) == (keep_dt, reason_dt):
                    agree += 1
                else:
                    differences.append((code, name, key, (keep, reason), (keep_dt, reason_dt), stats))
            table.append((code, name, len(items), agree, drops_ours, drops_theirs, reasons))
    return table, differences, timing


FIXTURE_MAX_CHARS = 12_000


def write_fixture(path: Path, sets: dict[str, list[tuple[str, str]]]) -> None:
    from corpuscheck.rules.language.unexpected_language import identify

    filters = make_filters()
    candidates = []
    for name, items in sets.items():
        for key, text in items:
            if 0 < len(text) <= FIXTURE_MAX_CHARS:
                decisions = {}
                for code in PAIRS:
                    keep, reason = theirs(filters, code, text)
                    decisions[code] = "keep" if keep else reason
                candidates.append({"id": key[:16], "set": name, "lang": identify(text)[0], "text": text, "datatrove": decisions})
    chosen: dict[tuple[str, str], dict] = {}
    per_decision = Counter()
    for doc in candidates:  # every decision of every filter, twice where the sample has it
        for code, decision in doc["datatrove"].items():
            if per_decision[(code, decision)] < 2 and (doc["set"], doc["id"]) not in chosen:
                per_decision[(code, decision)] += 1
                chosen[(doc["set"], doc["id"])] = doc
    languages = {(d["set"], d["lang"]) for d in chosen.values()}
    for doc in candidates:  # and every language of every set
        if (doc["set"], doc["lang"]) not in languages:
            languages.add((doc["set"], doc["lang"]))
            chosen[(doc["set"], doc["id"])] = doc
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", encoding="utf-8") as out:
        for doc in chosen.values():
            out.write(json.dumps(doc, ensure_ascii=False) + "\n")
    print(f"wrote {len(chosen)} documents, {path.stat().st_size // 1024} KB, to {path}")


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--limit", type=int, help="first N texts of each set only")
    parser.add_argument("--write-fixture", type=Path, help="write the test sample to this JSONL file and stop")
    args = parser.parse_args(argv)
    sets = load_sets(args.limit)
    if args.write_fixture:
        write_fixture(args.write_fixture, sets)
        return 0
    table, differences, timing = compare(sets)
    print(f"{'rule':5} {'set':17} {'docs':>5} {'agree':>6} {'%':>6} {'drop ours':>9} {'drop dt':>8}  datatrove's reasons")
    total = agreed = 0
    for code, name, n, agree, d_ours, d_dt, reasons in table:
        total += n
        agreed += agree
        top = ", ".join(f"{r} {c}" for r, c in reasons.most_common(4))
        print(f"{code:5} {name:17} {n:5} {agree:6} {100 * agree / max(n, 1):5.1f}% {d_ours:9} {d_dt:8}  {top}")
    print(f"all decisions: {agreed}/{total} agree ({100 * agreed / max(total, 1):.1f}%)")
    for code in PAIRS:
        print(f"time {code}: ours {timing[('ours', code)]:.2f}s, datatrove {timing[('datatrove', code)]:.2f}s")
    from datatrove.utils.text import split_into_words

    from corpuscheck.rules.quality.stats import words

    texts = [text for items in sets.values() for _, text in items]
    same = sum(words(text) == split_into_words(text) for text in texts)
    print(f"word tokens identical to datatrove's English tokenizer: {same}/{len(texts)} texts")
    if differences:
        print("\ndisagreements (ours vs datatrove):")
        for code, name, key, mine, dt, stats in differences:
            shown = {k: round(v, 3) for k, v in stats.items() if isinstance(v, float)}
            print(f"  {code} {name} {key[:24]}: ours {mine}, datatrove {dt}; {shown}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
