"""Local engine vs Spark local[2] on a generated corpus, and where the Spark run's time goes.

    python benchmarks/spark_vs_local.py --mb 500 --runs 3

The corpus is made by repeating the bundled corpus/ JSONL records (each copy with a
new line in front, so the duplicate rules see distinct documents) into JSONL files of
~16 MB. Prints medians of ``--runs`` runs: a plain read of the files, the local
engine, the Spark engine, and the Spark run split into start-up (session), rules
(read + rules in executors + collect), corpus rules (Spark groupBy), findings
(Parquet round trip) and GX (validation on the driver).
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

FILE_BYTES = 16_000_000


def generate(folder: Path, megabytes: int) -> int:
    records = []
    for source in sorted((ROOT / "corpus").glob("*.jsonl")):
        records += [json.loads(line) for line in source.read_text("utf-8").splitlines() if line.strip()]
    total = copy = part = 0
    handle = None
    while total < megabytes * 1_000_000:
        if handle is None or handle.tell() >= FILE_BYTES:
            if handle:
                handle.close()
            handle = open(folder / f"part-{part:04d}.jsonl", "w", encoding="utf-8")
            part += 1
        for record in records:
            record = dict(record, text=f"Copy {copy} of this article.\n\n{record.get('text') or ''}")
            line = json.dumps(record, ensure_ascii=False) + "\n"
            handle.write(line)
            total += len(line.encode("utf-8"))
        copy += 1
    handle.close()
    return total


def timed(work) -> float:
    started = time.perf_counter()
    work()
    return time.perf_counter() - started


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--mb", type=int, default=500)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--master", default="local[2]")
    args = parser.parse_args()

    from corpuscheck import spark
    from corpuscheck.check import check
    from corpuscheck.gx import validate as gx_validate

    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        size = generate(folder, args.mb)
        print(f"corpus: {size / 1e6:.0f} MB in {len(list(folder.iterdir()))} JSONL files")
        figures: dict[str, list[float]] = {}
        original = gx_validate.validate

        def measured_validate(*a, **k):
            started = time.perf_counter()
            try:
                return original(*a, **k)
            finally:
                figures.setdefault("gx_current", []).append(time.perf_counter() - started)

        import corpuscheck.check as check_module

        check_module.validate = measured_validate
        for _ in range(args.runs):
            figures.setdefault("plain read", []).append(
                timed(lambda: [p.read_bytes() for p in folder.iterdir()])
            )
            figures.setdefault("local engine", []).append(timed(lambda: check([str(folder)], jobs=2)))
            figures.setdefault("local gx", []).append(figures.pop("gx_current")[-1])
            spark_time = timed(lambda: check([str(folder)], engine="spark", spark_master=args.master))
            figures.setdefault("spark engine", []).append(spark_time)
            figures.setdefault("spark gx", []).append(figures.pop("gx_current")[-1])
            for phase, seconds in spark.TIMINGS.items():
                figures.setdefault(f"spark {phase}", []).append(seconds)
        for name, values in figures.items():
            print(f"{name:>16}: {statistics.median(values):8.1f} s median of {[round(v, 1) for v in values]}")
        print(f"spark / local: {statistics.median(figures['spark engine']) / statistics.median(figures['local engine']):.2f}")


if __name__ == "__main__":
    main()
