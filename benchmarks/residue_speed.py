"""CPU time per document of P101, P102 and B101 on the Indonesian scrapes, for this checkout or another one.

    python benchmarks/residue_speed.py [CHECKOUT]   # e.g. a main checkout, to compare before/after

Median of three runs per rule, process time, line memos emptied before each run. The corpus is found through
``CORPUSCHECK_SHARED`` (default: ``../shared`` beside the checkout, then ``/work/shared``).
"""

import glob
import json
import os
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parents[1]
sys.path.insert(0, sys.argv[1] if len(sys.argv) > 1 else str(HERE))

from corpuscheck.input.document import from_text  # noqa: E402
from corpuscheck.rules import get_rule  # noqa: E402
from corpuscheck.rules.news import lines  # noqa: E402


def shared() -> Path:
    for candidate in (os.environ.get("CORPUSCHECK_SHARED"), HERE.parent / "shared", "/work/shared"):
        if candidate and Path(candidate, "corpora").is_dir():
            return Path(candidate)
    raise SystemExit("no shared corpora: set CORPUSCHECK_SHARED")


def main() -> None:
    records = []
    for path in sorted(glob.glob(str(shared() / "corpora" / "indonesian-news-scrapes" / "*.jsonl"))):
        for raw in open(path, encoding="utf-8"):
            record = json.loads(raw)
            records.append((record.get("text") or "", record.get("title") or ""))
    for code in ("P101", "P102", "B101"):
        rule, runs = get_rule(code), []
        for _ in range(3):
            lines.forget()
            docs = [from_text(text, "x", title=title) for text, title in records]
            start = time.process_time()
            for doc in docs:
                list(rule.run(doc))
            runs.append(time.process_time() - start)
        print(f"{code} {sorted(runs)[1] * 1e6 / len(records):.0f} us/doc (median of 3, {len(records)} documents)")


if __name__ == "__main__":
    main()
