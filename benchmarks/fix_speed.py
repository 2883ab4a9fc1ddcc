"""`corpuscheck fix` vs `check` on the same corpus, and what safe fixes remove from gold text.

    python benchmarks/fix_speed.py [--repeat 3]

1. The 181 gold bodies of the article extraction benchmark (clean text marked by people):
   characters the default (safe) fixes remove, per 100 documents, and by which rules.
2. indonesian-news-scrapes (4,078 real scraped articles): edits per rule, and the time of
   `fix` against `check` of the same corpus in the same run (medians of --repeat runs).
Reads ../shared/corpora; skips what is absent.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORPORA = next((p for p in (ROOT.parent / "shared" / "corpora", ROOT.parents[1] / "shared" / "corpora") if p.exists()), ROOT.parent / "shared" / "corpora")
sys.path.insert(0, str(ROOT))

from corpuscheck.check import check  # noqa: E402
from corpuscheck.fix import fix_corpus  # noqa: E402


def gold(tmp: Path) -> None:
    source = CORPORA / "article-extraction-benchmark" / "ground-truth.json"
    if not source.exists():
        print("article-extraction-benchmark: absent, skipped")
        return
    truth = json.loads(source.read_text(encoding="utf-8"))
    corpus = tmp / "gold.jsonl"
    with corpus.open("w", encoding="utf-8") as handle:
        for key, item in truth.items():
            handle.write(json.dumps({"id": key, "text": item["articleBody"]}, ensure_ascii=False) + "\n")
    out = tmp / "gold-out"
    summary = fix_corpus([corpus], out)
    removed = Counter()
    for line in (out / "edits.jsonl").read_text(encoding="utf-8").splitlines():
        edit = json.loads(line)
        removed[edit["code"]] += len(edit["original"]) - len(edit["replacement"])
    docs = summary["documents"]
    total = sum(removed.values())
    print(f"gold bodies: {docs} documents, {summary['edits']} safe edits in {summary['documents_changed']} documents, "
          f"{total} characters removed = {100 * total / docs:.1f} per 100 documents; by rule {dict(removed)}")


def scrapes(tmp: Path, repeat: int) -> None:
    corpus = CORPORA / "indonesian-news-scrapes"
    if not corpus.exists():
        print("indonesian-news-scrapes: absent, skipped")
        return
    fix_times, check_times = [], []
    summary = None
    for run in range(repeat):
        start = time.perf_counter()
        check([str(corpus)], jobs=1)
        check_times.append(time.perf_counter() - start)
        start = time.perf_counter()
        summary = fix_corpus([corpus], tmp / f"scrapes-{run}")
        fix_times.append(time.perf_counter() - start)
    fix_s, check_s = statistics.median(fix_times), statistics.median(check_times)
    print(f"indonesian-news-scrapes: {summary['documents']} documents, {summary['edits']} edits in "
          f"{summary['documents_changed']} documents; edits per rule {summary['edits_by_rule']}")
    print(f"  check {check_s:.1f} s, fix {fix_s:.1f} s (one process each): fix/check = {fix_s / check_s:.2f}")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        gold(Path(tmp))
        scrapes(Path(tmp), args.repeat)


if __name__ == "__main__":
    main()
