"""Long fuzz profile: >= 10,000 generated hostile inputs (tests/fuzz_strategies.py) over every format.

Every input: loaded and run through every rule (engine.run_rules), its CPU time measured, an escaped
exception or a file missing from the run counted. Every --full-every'th input also goes through the
whole check (GX validation) and every reporter with the contracts of tests/test_fuzz_inputs.py.
Prints counts per category, the slowest input per category, the peak RSS per worker.

    python benchmarks/fuzz.py --inputs 10000 --workers 2
"""

from __future__ import annotations

import argparse
import multiprocessing
import resource
import sys
import tempfile
import time
import traceback
import warnings
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def worker(args) -> dict:
    seed, count, full_every = args
    from hypothesis import HealthCheck, given, settings
    from hypothesis import seed as hseed

    from corpuscheck.engine import run_rules
    from corpuscheck.gx.suite import load_suite
    from corpuscheck.rules import all_rules
    from tests.fuzz_strategies import fuzz_input, run_one

    warnings.simplefilter("ignore")
    entries = load_suite(None).restrict(all_rules(), add_missing=True).rule_entries
    out = {"n": defaultdict(int), "slow": {}, "escaped": [], "missing": 0, "full": 0, "over2s": 0, "bytes_max": 0}
    done = 0
    with tempfile.TemporaryDirectory() as folder:  # warm up imports and lexicons: not the first input's cost
        (Path(folder) / "w.txt").write_text("JAKARTA - warm up.\n")
        run_rules([str(Path(folder) / "w.txt")], entries, jobs=1)

    @hseed(seed)
    @settings(max_examples=count, deadline=None, database=None, suppress_health_check=list(HealthCheck),
              phases=["generate"])
    @given(fuzz_input())
    def one(case):
        nonlocal done
        category, name, data = case
        done += 1
        out["n"][category] += 1
        out["bytes_max"] = max(out["bytes_max"], len(data))
        with tempfile.TemporaryDirectory() as folder:
            path = Path(folder) / name
            path.write_bytes(data)
            start = time.process_time()
            try:
                run = run_rules([str(path)], entries, jobs=1)
                if str(path) not in run.files:
                    out["missing"] += 1
            except Exception:
                out["escaped"].append((category, len(data), traceback.format_exc(limit=3)))
            cpu = time.process_time() - start
            if cpu > 2 and len(data) < 1_000_000:
                out["over2s"] += 1
            if cpu > out["slow"].get(category, (0,))[0]:
                out["slow"][category] = (cpu, len(data), data[:32])
            if done % 100 == 0:  # progress, so a run cut short still tells what it saw
                slowest = max(out["slow"].values())[0]
                rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
                print(f"worker {seed}: {done} inputs, {len(out['escaped'])} escaped, {out['missing']} missing, "
                      f"{out['over2s']} over 2 s, slowest {slowest:.2f} s, peak RSS {rss:.0f} MB", file=sys.stderr, flush=True)
            if done % full_every == 0:
                out["full"] += 1
                try:
                    run_one(Path(folder), "full-" + name, data)
                except Exception:
                    out["escaped"].append((category + " (full check)", len(data), traceback.format_exc(limit=3)))

    one()
    out["rss_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    out["n"] = dict(out["n"])
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--inputs", type=int, default=10_000)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--full-every", type=int, default=20, help="run the whole check + reporters on every Nth input")
    args = parser.parse_args()
    per = -(-args.inputs // args.workers)
    start = time.time()
    with multiprocessing.get_context("spawn").Pool(args.workers) as pool:
        results = pool.map(worker, [(1000 + i, per, args.full_every) for i in range(args.workers)])
    counts, slow = defaultdict(int), {}
    for r in results:
        for k, v in r["n"].items():
            counts[k] += v
        for k, v in r["slow"].items():
            if v[0] > slow.get(k, (0,))[0]:
                slow[k] = v
    escaped = [e for r in results for e in r["escaped"]]
    print(f"inputs: {sum(counts.values())} in {time.time() - start:.0f} s wall, {args.workers} worker(s)")
    for k in sorted(counts):
        cpu, size, head = slow[k]
        print(f"  {k:13} {counts[k]:6}  slowest {cpu:6.2f} s CPU  ({size:,} bytes, starts {head!r})")
    print(f"full checks (GX + every reporter): {sum(r['full'] for r in results)}")
    print(f"escaped exceptions: {len(escaped)}")
    for category, size, tb in escaped[:5]:
        print(f"  {category} ({size} bytes):\n{tb}")
    print(f"inputs missing from the run: {sum(r['missing'] for r in results)}")
    print(f"inputs under 1 MB over 2 s CPU: {sum(r['over2s'] for r in results)}")
    print(f"largest input: {max(r['bytes_max'] for r in results):,} bytes")
    print(f"peak RSS per worker: {max(r['rss_mb'] for r in results):.0f} MB")
    sys.exit(1 if escaped or any(r["missing"] or r["over2s"] for r in results) else 0)


if __name__ == "__main__":
    main()
