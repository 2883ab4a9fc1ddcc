"""Long fuzz profile: >= 10,000 generated hostile inputs (tests/fuzz_strategies.py) over every format.

Every input: loaded and run through every rule (engine.run_rules), its CPU time measured, an escaped
exception or a file missing from the run counted. Every --full-every'th input also goes through the
whole check (GX validation) and every reporter with the contracts of tests/test_fuzz_inputs.py, in a
process of its own beside each worker: as in a real run, where the worker processes read and run the
rules and GX is imported by the main process only. Prints counts per category, the slowest input per
category, the inputs over 2 s of CPU (kept whole, and run once more at once), the peak RSS of each worker and of each full-check process.
The first worker also runs the issue's pathological shapes at its sizes (ISSUE_SHAPES) once and prints the CPU of each.

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
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


BATCH = 250
FIRST_SEED = 1000
# Issue 12's pathological shapes, whole: the drawn ones (tests/fuzz_strategies.py) are at most 60,000 repeats
ISSUE_SHAPES = {
    "A-lines": lambda: b"A\n" * 200_000,  # 400 KB of one-letter lines
    "comment-token": lambda: b"<!--" * 225_000,  # one line of one token, 900 KB
    "distinct-lines": lambda: "".join(f"a{i}\n" for i in range(150_000)).encode(),  # 1.09 MB of distinct short lines
}


def _rss_now() -> float:
    """This process's resident set now, in MB (ru_maxrss is the peak)."""
    with open("/proc/self/status") as status:
        for line in status:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return 0.0


def full_check(name: str, data: bytes) -> tuple[str | None, float]:
    """The whole check and every reporter on one input, in the full-check process: (traceback or None, peak RSS MB)."""

    from tests.fuzz_strategies import run_one

    warnings.simplefilter("ignore")
    with tempfile.TemporaryDirectory() as folder:
        try:
            run_one(Path(folder), name, data)
            failure = None
        except Exception:
            failure = traceback.format_exc(limit=3)
    return failure, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def worker(args) -> dict:
    seed, count, full_every, deadline = args
    from hypothesis import HealthCheck, given, settings
    from hypothesis import seed as hseed

    from corpuscheck.engine import run_rules
    from corpuscheck.gx.suite import load_suite
    from corpuscheck.rules import all_rules
    from tests.fuzz_strategies import fuzz_input

    full = ProcessPoolExecutor(1, mp_context=multiprocessing.get_context("spawn"))

    warnings.simplefilter("ignore")
    entries = load_suite(None).restrict(all_rules(), add_missing=True).rule_entries
    out = {"n": defaultdict(int), "slow": {}, "escaped": [], "missing": 0, "full": 0, "over2s": 0, "bytes_max": 0,
           "over2s_inputs": [], "rss_after_max": 0.0, "shapes": []}
    done = 0
    keep = Path(tempfile.gettempdir()) / "corpuscheck-fuzz-slow"  # the inputs over 2 s, whole
    keep.mkdir(exist_ok=True)
    with tempfile.TemporaryDirectory() as folder:  # warm up imports, lexicons, models and GX: not the first input's cost
        warm = ("JAKARTA - A warm-up line of an article, long enough for every rule. " * 20 + "\nA\nA\n").encode()
        (Path(folder) / "w.txt").write_bytes(warm)
        run_rules([str(Path(folder) / "w.txt")], entries, jobs=1)
        # and a page: importing trafilatura and its first extraction (~0.7 s CPU) are not the first page's cost
        (Path(folder) / "w.html").write_bytes(b"<html><head><title>Warm</title></head><body><p>" + warm + b"</p></body></html>")
        run_rules([str(Path(folder) / "w.html")], entries, jobs=1)
        # and a page with nothing to extract: trafilatura then falls back on jusText, whose first use reads the
        # stoplists of its 100 languages (0.2 s CPU alone, once per process): not the first such page's cost
        (Path(folder) / "e.html").write_bytes(b"<html><head><title>Warm</title></head><body><!-- --></body></html>")
        run_rules([str(Path(folder) / "e.html")], entries, jobs=1)
    _, out["full_rss_base"] = full.submit(full_check, "w.txt", warm).result()
    out["rss_base"] = _rss_now()
    out["full_rss"] = out["full_rss_base"]

    def one(case):
        nonlocal done
        if deadline and time.time() > deadline:  # out of time: the rest are drawn but not run, the summary printed
            return
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
            if category == "issue-shape":
                out["shapes"].append((name, len(data), cpu))
            if cpu > 2 and len(data) < 1_000_000:
                out["over2s"] += 1
                # kept whole, to reproduce it, and run once more at once: a one-time cost of the worker (a lazy
                # import, a first use) is gone the second time, a cost of the input is not
                kept = keep / f"{seed}-{done}-{name}"
                kept.write_bytes(data)
                again = time.process_time()
                run_rules([str(path)], entries, jobs=1)
                again = time.process_time() - again
                out["over2s_inputs"].append((cpu, category, len(data), data[:32], again, str(kept)))
            if cpu > out["slow"].get(category, (0,))[0]:
                out["slow"][category] = (cpu, len(data), data[:32])
            if done % 100 == 0:  # progress, so a run cut short still tells what it saw
                slowest = max(out["slow"].values())[0]
                rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
                print(f"worker {seed}: {done} inputs, {len(out['escaped'])} escaped, {out['missing']} missing, "
                      f"{out['over2s']} over 2 s, slowest {slowest:.2f} s, peak RSS {rss:.0f} MB", file=sys.stderr, flush=True)
            if done % full_every == 0:
                out["full"] += 1
                failure, out["full_rss"] = full.submit(full_check, name, data).result()
                if failure:
                    out["escaped"].append((category + " (full check)", len(data), failure))
        out["rss_after_max"] = max(out["rss_after_max"], _rss_now())

    if seed == FIRST_SEED:  # the issue's shapes at its sizes, once (by the first worker), before the drawn inputs
        for label, shape in ISSUE_SHAPES.items():
            one(("issue-shape", f"{label}.txt", shape()))

    # in batches of BATCH inputs, each with its own seed: hypothesis keeps every example's choices for the
    # run (~28 MB per 1,000 of these inputs), which would grow the worker's RSS with the count, not the input
    for batch, start in enumerate(range(0, count, BATCH)):
        size = min(BATCH, count - start)
        run = hseed(seed * 1_000_003 + batch)(
            settings(max_examples=size, deadline=None, database=None, suppress_health_check=list(HealthCheck),
                     phases=["generate"])(given(fuzz_input())(one)))
        run()
    full.shutdown()
    out["rss_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    out["n"] = dict(out["n"])
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--inputs", type=int, default=10_000)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--full-every", type=int, default=20, help="run the whole check + reporters on every Nth input")
    parser.add_argument("--minutes", type=float, default=0, help="stop running inputs after this long (0: no limit); "
                        "the summary then counts the inputs run")
    args = parser.parse_args()
    per = -(-args.inputs // args.workers)
    start = time.time()
    # not a multiprocessing.Pool: its daemonic workers could not start their full-check process
    with ProcessPoolExecutor(args.workers, mp_context=multiprocessing.get_context("spawn")) as pool:
        deadline = start + args.minutes * 60 if args.minutes else 0
        results = list(pool.map(worker, [(FIRST_SEED + i, per, args.full_every, deadline) for i in range(args.workers)]))
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
    for name, size, cpu in (s for r in results for s in r["shapes"]):
        print(f"  issue shape {name:15} {cpu:6.2f} s CPU  ({size:,} bytes)")
    print(f"full checks (GX + every reporter): {sum(r['full'] for r in results)}")
    print(f"escaped exceptions: {len(escaped)}")
    for category, size, tb in escaped[:5]:
        print(f"  {category} ({size} bytes):\n{tb}")
    print(f"inputs missing from the run: {sum(r['missing'] for r in results)}")
    print(f"inputs under 1 MB over 2 s CPU: {sum(r['over2s'] for r in results)}")
    print(f"largest input: {max(r['bytes_max'] for r in results):,} bytes")
    for cpu, category, size, head, again, kept in sorted(i for r in results for i in r["over2s_inputs"])[::-1][:10]:
        print(f"  {cpu:.2f} s CPU, {again:.2f} s run again at once: {category} ({size:,} bytes, starts {head!r}), kept in {kept}")
    each = ", ".join(f"{r['rss_mb']:.0f}" for r in results)
    print(f"peak RSS per worker (read + every rule): {max(r['rss_mb'] for r in results):.0f} MB (each: {each} MB); "
          f"after imports and warm-up: {max(r['rss_base'] for r in results):.0f} MB; largest left after an input: "
          f"{max(r['rss_after_max'] for r in results):.0f} MB")
    each = ", ".join(f"{r['full_rss']:.0f}" for r in results)
    print(f"peak RSS per full-check process (GX + every reporter): {max(r['full_rss'] for r in results):.0f} MB "
          f"(each: {each} MB); after its warm-up: {max(r['full_rss_base'] for r in results):.0f} MB")
    sys.exit(1 if escaped or any(r["missing"] or r["over2s"] for r in results) else 0)


if __name__ == "__main__":
    main()
