"""Held-out figures: datelines and residue lines of outlets and languages outside ../shared/corpora.

The news rules were calibrated on ../shared/corpora (Indonesian outlets, the article
extraction benchmark) and on the dateline forms listed in tests/test_dateline.py. The two
fixtures read here were collected afterwards from other outlets (Malaysian, Vietnamese,
Arabic, Tamil, African and wire pages stored by the search tool) and were not used to write
the grammar or the lexicons:

* ``tests/fixtures/datelines/heldout.jsonl``: openings with their dateline (or ``null``);
  reported per language: dateline found (N101 silent) and false dateline (found where none).
* ``tests/fixtures/boilerplate/heldout-residue.tsv``: lines labelled residue (1) or text (0);
  reported: precision and recall of P101, P102 and B101 together, each line judged inside a
  small article (a title, a dateline paragraph, the line, a closing paragraph).

    /work/venv/bin/python benchmarks/heldout.py
"""

from __future__ import annotations

import collections
import json
from pathlib import Path

from corpuscheck.input.document import from_text
from corpuscheck.rules import get_rule
from corpuscheck.rules.news.dateline import find_dateline

FIXTURES = Path(__file__).resolve().parents[1] / "tests" / "fixtures"
RESIDUE_CODES = ("P101", "P102", "B101")


def datelines() -> None:
    counts: dict[str, list[int]] = collections.defaultdict(lambda: [0, 0, 0, 0])
    for raw in (FIXTURES / "datelines" / "heldout.jsonl").read_text(encoding="utf-8").splitlines():
        record = json.loads(raw)
        found = find_dateline(from_text(record["text"], title="Title"))
        row = counts[record["lang"]]
        if record["dateline"]:
            row[0] += 1
            row[1] += found is not None
            if found is not None and found.text != record["dateline"]:
                print(f"  {record['lang']} found {found.text!r}, expected {record['dateline']!r}")
        else:
            row[2] += 1
            row[3] += found is not None
    print("datelines (held out): language, found / with a dateline, false / without")
    for lang, (total, found, none, false) in sorted(counts.items()):
        print(f"  {lang}: found {found}/{total}, false {false}/{none}")


def residue() -> None:
    rules = [get_rule(code) for code in RESIDUE_CODES]
    tp = fp = fn = tn = 0
    missed, wrong = [], []
    for raw in (FIXTURES / "boilerplate" / "heldout-residue.tsv").read_text(encoding="utf-8").splitlines():
        if not raw.strip() or raw.startswith(("#", "label\t")):
            continue
        label, line, _source = raw.split("\t")
        doc = from_text(f"Title\nKUALA LUMPUR - The opening paragraph of the story, long enough to be text.\n{line}\n"
                        "The closing paragraph of the story, which is long enough to be text too.")
        flagged = any(hit.line <= 3 <= (hit.end_line or hit.line) for rule in rules for hit in rule.run(doc))
        if label == "1":
            tp, fn = tp + flagged, fn + (not flagged)
            if not flagged:
                missed.append(line)
        else:
            fp, tn = fp + flagged, tn + (not flagged)
            if flagged:
                wrong.append(line)
    print(f"residue lines (held out), {'+'.join(RESIDUE_CODES)} together: precision {tp / max(1, tp + fp):.3f} "
          f"({tp}/{tp + fp}), recall {tp / max(1, tp + fn):.3f} ({tp}/{tp + fn})")
    print(f"  missed: {missed}")
    print(f"  flagged text: {wrong}")


if __name__ == "__main__":
    datelines()
    residue()
