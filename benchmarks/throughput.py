"""Throughput of `corpuscheck check` against a plain Python read of the same files: one table.

Generates corpora of real paragraphs (the Indonesian scrapes and the article
extraction benchmark's gold bodies, under ../shared/corpora: $CORPUSCHECK_SHARED,
else ``shared`` beside the checkout, else /work/shared) in two layouts, one ``.txt``
file per article and JSONL files of 2,000 records, then times, as subprocesses and
including interpreter start-up, for every size and layout:

* ``floor``: python reading every file and splitting it into lines (the plain read);
* ``five``: the founding five rules (``benchmarks/seed-rules.yml``), default jobs;
* ``default-j1`` / ``default-j2``: the default suite (checks/news.yml), --jobs 1 / 2
  (j2 runs fill a fresh cache each: the full run the cache figures compare with);
* ``cached``: the default suite again over the unchanged corpus, from that cache;
* ``touched``: the same after appending a record (JSONL) or a line (.txt) to 1% of the
  files (this changes the generated corpus: it runs last for each layout); with the default
  2,000 records a JSONL file, 75 MB is 15 files and one touched file is 6.7% of the data:
  ``--jsonl-records 200`` makes 146 files, so 1% of the files is ~1% of the data;
* ``datatrove``: datatrove's four filters (Gopher quality and repetition, C4, FineWeb)
  over the first ``--datatrove-files`` JSONL files, with its own plain-read floor.

Each row: median wall and CPU seconds (user + system, workers included) of ``--runs``
runs (``--runs-at 2000=1`` for fewer at a size), the peak RSS of the whole process tree
(sampled every 0.1 s, summed over its processes), and the ratios to the floor of the
same size and layout, measured in the same session::

    python benchmarks/throughput.py --sizes 75,500,2000 --runs 3 --runs-at 2000=1 --dir /tmp/bench --reuse
    python benchmarks/throughput.py --sizes 75 --configs floor,five --layouts jsonl
    python benchmarks/throughput.py --sizes 75 --layouts jsonl --configs floor,default-j2,cached,touched \
        --runs 1 --jsonl-records 200 --dir /tmp/bench --reuse

The corpus is written to a temporary folder (or ``--dir``), never into the repo.
"""

from __future__ import annotations

import argparse
import os
import random
import shlex
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

import orjson


def shared_dir() -> Path:
    """../shared: $CORPUSCHECK_SHARED, else ``shared`` beside the checkout, else /work/shared
    (a git worktree elsewhere has no ../shared beside it)."""
    if os.environ.get("CORPUSCHECK_SHARED"):
        return Path(os.environ["CORPUSCHECK_SHARED"])
    beside = Path(__file__).resolve().parents[2] / "shared"
    return beside if (beside / "corpora").is_dir() else Path("/work/shared")


CORPORA = shared_dir() / "corpora"
ARTICLES_PER_TXT_DIR = 1000
RECORDS_PER_JSONL = 2000
MB = 1_000_000

# The baseline: read every corpus file and split it into lines, nothing else.
PLAIN_READ = r"""
import os, sys
lines = 0
for root, dirs, files in os.walk(sys.argv[1]):
    dirs.sort()
    for name in sorted(files):
        with open(os.path.join(root, name), "rb") as handle:
            lines += len(handle.read().decode("utf-8").split("\n"))
print(lines)
"""


def source_articles(corpora: Path) -> list[tuple[str, list[str]]]:
    """(title, paragraphs) of every real article we may calibrate on."""
    found = []
    for path in sorted((corpora / "indonesian-news-scrapes").glob("*.jsonl")):
        for raw in path.read_bytes().splitlines():
            if not raw.strip():
                continue
            record = orjson.loads(raw)
            paragraphs = [p for p in str(record.get("text") or "").split("\n") if p.strip()]
            if paragraphs:
                found.append((str(record.get("title") or paragraphs[0]).strip(), paragraphs))
    gold = orjson.loads((corpora / "article-extraction-benchmark" / "ground-truth.json").read_bytes())
    for item in gold.values():
        paragraphs = [p for p in str(item.get("articleBody") or "").split("\n") if p.strip()]
        if len(paragraphs) > 1:
            found.append((paragraphs[0].strip()[:150], paragraphs[1:]))
    if not found:
        raise SystemExit(f"no source articles under {corpora}")
    return found


def articles(sources: list[tuple[str, list[str]]], seed: int):
    """An endless stream of (title, body paragraphs): real articles, their body paragraphs
    (after the first, which holds the dateline) shuffled, every third one padded with
    paragraphs of another article, so no two generated articles are the same."""
    rng = random.Random(seed)
    while True:
        title, paragraphs = rng.choice(sources)
        body = list(paragraphs)
        rest = body[1:]
        rng.shuffle(rest)
        body = body[:1] + rest
        if rng.random() < 1 / 3:
            body += rng.choice(sources)[1][1:4]
        yield title, body


def generate(out: Path, size_mb: float, seed: int = 7, per_jsonl: int = RECORDS_PER_JSONL) -> dict[str, Path]:
    """Write the same articles as ``out/txt/NNN/NNNNNN.txt`` and ``out/jsonl/part-NNN.jsonl``
    (``per_jsonl`` records a file) until each layout holds at least ``size_mb`` MB."""
    sources = source_articles(CORPORA)
    txt_dir, jsonl_dir = out / "txt", out / "jsonl"
    for folder in (txt_dir, jsonl_dir):
        if folder.exists():
            shutil.rmtree(folder)
        folder.mkdir(parents=True)
    target = size_mb * MB
    txt_bytes = jsonl_bytes = 0
    part = None
    for number, (title, body) in enumerate(articles(sources, seed)):
        if txt_bytes >= target and jsonl_bytes >= target:
            break
        text = title + "\n" + "\n".join(body) + "\n"
        shard = txt_dir / f"{number // ARTICLES_PER_TXT_DIR:03d}"
        if number % ARTICLES_PER_TXT_DIR == 0:
            shard.mkdir()
        data = text.encode("utf-8")
        (shard / f"{number:06d}.txt").write_bytes(data)
        txt_bytes += len(data)
        if number % per_jsonl == 0:
            if part:
                part.close()
            part = open(jsonl_dir / f"part-{number // per_jsonl:03d}.jsonl", "wb")
        line = orjson.dumps({"id": f"bench-{number:06d}", "title": title, "text": "\n".join(body)}) + b"\n"
        part.write(line)
        jsonl_bytes += len(line)
    if part:
        part.close()
    return {"txt": txt_dir, "jsonl": jsonl_dir}


def folder_stats(folder: Path) -> tuple[int, int]:
    size = files = 0
    for root, _dirs, names in os.walk(folder):
        for name in names:
            size += os.path.getsize(os.path.join(root, name))
            files += 1
    return size, files


def _tree_rss_kb(pid: int) -> int:
    """Sum of VmRSS over ``pid`` and all its descendants (0 once it is gone)."""
    total, stack, seen = 0, [pid], set()
    while stack:
        current = stack.pop()
        if current in seen:
            continue
        seen.add(current)
        try:
            with open(f"/proc/{current}/status") as handle:
                for row in handle:
                    if row.startswith("VmRSS:"):
                        total += int(row.split()[1])
                        break
            for task in os.listdir(f"/proc/{current}/task"):
                with open(f"/proc/{current}/task/{task}/children") as handle:
                    stack.extend(int(c) for c in handle.read().split())
        except (OSError, ValueError):
            continue
    return total


def timed(command: list[str], sample: bool = False) -> tuple[float, int, int, int, float]:
    """Run ``command`` with stdout to /dev/null: (seconds, exit code, max RSS of its largest
    process in KB (wait4), sampled peak RSS summed over its process tree in KB, CPU seconds
    of the process and the children it waited for)."""
    with tempfile.TemporaryFile() as errors:  # a file, not a pipe: a chatty stderr cannot block the child
        start = time.perf_counter()
        process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=errors)
        peak = [0]
        done = threading.Event()

        def sampler():
            while not done.wait(0.1):
                peak[0] = max(peak[0], _tree_rss_kb(process.pid))

        thread = threading.Thread(target=sampler, daemon=True) if sample else None
        if thread:
            thread.start()
        _pid, status, usage = os.wait4(process.pid, 0)
        elapsed = time.perf_counter() - start
        done.set()
        if thread:
            thread.join()
        process.returncode = os.waitstatus_to_exitcode(status)
        if process.returncode not in (0, 1):
            errors.seek(0)
            message = errors.read().decode("utf-8", "replace")
            raise SystemExit(f"{' '.join(command)} exited {process.returncode}:\n{message}")
    return elapsed, process.returncode, usage.ru_maxrss, peak[0], usage.ru_utime + usage.ru_stime


def corpuscheck_command(folder: Path, jobs: int | None, extra: list[str] = ()) -> list[str]:
    exe = Path(sys.executable).with_name("corpuscheck")
    command = [str(exe)] if exe.exists() else [sys.executable, "-m", "corpuscheck.cli"]
    command += ["check", str(folder), "--no-report", "--format", "json", "--no-progress"]
    if "--cache-dir" not in extra:
        command.append("--no-cache")  # the plain figures check everything; --cache measures the cache apart
    return command + (["--jobs", str(jobs)] if jobs else []) + list(extra)


def touch_some(folder: Path, share: float, round_: int) -> int:
    """Append a line to ``share`` of the corpus files (at least one): a small daily change."""
    files = sorted(p for p in folder.rglob("*") if p.is_file())
    step = max(1, round(1 / share))
    chosen = files[round_ % step::step] or files[:1]
    for path in chosen:
        with path.open("a", encoding="utf-8") as handle:
            handle.write("\n" if path.suffix == ".txt" else "")
        if path.suffix != ".txt":  # JSONL: one more record, same shape as the others
            with path.open("a", encoding="utf-8") as handle:
                handle.write('{"text": "Judul tambahan\\nJAKARTA - Paragraf tambahan untuk uji cache."}\n')
    return len(chosen)


DATATROVE = r"""
import os, sys, orjson
from datatrove.data import Document
from datatrove.pipeline import filters as dt
filters = [dt.GopherQualityFilter(), dt.GopherRepetitionFilter(), dt.C4QualityFilter(), dt.FineWebQualityFilter()]
kept = 0
for path in sys.argv[1:]:
    with open(path, "rb") as handle:
        for number, raw in enumerate(handle):
            if raw.strip():
                doc = Document(text=orjson.loads(raw)["text"], id=f"{path}#{number}")
                kept += all(f.filter(doc) is True for f in filters)
print(kept)
"""

PLAIN_READ_FILES = r"""
import sys
lines = 0
for path in sys.argv[1:]:
    with open(path, "rb") as handle:
        lines += len(handle.read().decode("utf-8").split("\n"))
print(lines)
"""

CONFIGS = ("floor", "five", "default-j1", "default-j2", "cached", "touched", "datatrove")
SEED_SUITE = Path(__file__).resolve().parent / "seed-rules.yml"


def runs_at(spec: str) -> dict[float, int]:
    return {float(k): int(v) for k, v in (part.split("=") for part in spec.split(",") if part.strip())}


def median_row(results: list[tuple]) -> dict:
    return {
        "runs": len(results),
        "wall": statistics.median(r[0] for r in results),
        "cpu": statistics.median(r[4] for r in results),
        "rss": max(r[3] for r in results) / 1024,
        "all": [r[0] for r in results],
        "exit": sorted({r[1] for r in results}),
    }


def bench_layout(folder: Path, layout: str, runs: int, configs: list[str], extra: list[str],
                 datatrove_files: int, emit) -> None:
    """Every asked-for configuration on one corpus folder; ``emit(config, row, floor)`` prints each row."""
    plain = [sys.executable, "-c", PLAIN_READ, str(folder)]
    timed(plain)  # warm the page cache
    floor = median_row([timed(plain, sample=True) for _ in range(runs)])
    emit("floor", floor, floor)
    if "five" in configs:
        command = corpuscheck_command(folder, None, ["--suite", str(SEED_SUITE), *extra])
        emit("five", median_row([timed(command, sample=True) for _ in range(runs)]), floor)
    if "default-j1" in configs:
        command = corpuscheck_command(folder, 1, extra)
        emit("default-j1", median_row([timed(command, sample=True) for _ in range(runs)]), floor)
    cache = None
    if {"default-j2", "cached", "touched"} & set(configs):
        full = []
        for _ in range(runs if "default-j2" in configs else 1):
            if cache is not None:
                shutil.rmtree(cache, ignore_errors=True)
            cache = Path(tempfile.mkdtemp(prefix="corpuscheck-bench-cache-"))
            full.append(timed(corpuscheck_command(folder, 2, [*extra, "--cache-dir", str(cache)]), sample=True))
        full_row = median_row(full)
        full_row["note"] = "into a fresh cache"
        emit("default-j2", full_row, floor)
        command = corpuscheck_command(folder, 2, [*extra, "--cache-dir", str(cache)])
        try:
            if "cached" in configs:
                row = median_row([timed(command, sample=True) for _ in range(runs)])
                row["share"] = row["wall"] / full_row["wall"]
                emit("cached", row, floor)
            if "touched" in configs:
                touched, count = [], 0
                for round_ in range(runs):
                    count = touch_some(folder, 0.01, round_)
                    touched.append(timed(command, sample=True))
                row = median_row(touched)
                row["share"] = row["wall"] / full_row["wall"]
                row["note"] = f"{count} files touched"
                emit("touched", row, floor)
        finally:
            shutil.rmtree(cache, ignore_errors=True)
    if "datatrove" in configs and layout == "jsonl":
        files = [str(p) for p in sorted(folder.glob("*.jsonl"))[:datatrove_files]]
        sample_floor = median_row([timed([sys.executable, "-c", PLAIN_READ_FILES, *files], sample=True)
                                   for _ in range(runs)])
        row = median_row([timed([sys.executable, "-c", DATATROVE, *files], sample=True) for _ in range(runs)])
        mb = sum(os.path.getsize(f) for f in files) / MB
        row["note"] = f"on {len(files)} file(s), {mb:.1f} MB; ratios to their own floor of {sample_floor['wall']:.2f} s"
        emit("datatrove", row, sample_floor)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="75", help="corpus sizes in MB, comma-separated (default: 75)")
    parser.add_argument("--layouts", default="jsonl,txt", help="jsonl, txt or both (default: jsonl,txt)")
    parser.add_argument("--runs", type=int, default=3, help="timed runs per figure; the median is shown (default: 3)")
    parser.add_argument("--runs-at", default="", help="fewer runs at some sizes, e.g. 2000=1,500=2")
    parser.add_argument("--configs", default=",".join(CONFIGS), help=f"rows to measure (default: {','.join(CONFIGS)})")
    parser.add_argument("--args", default="", help="more corpuscheck arguments for every run")
    parser.add_argument("--datatrove-files", type=int, default=1, help="JSONL files datatrove's line runs on (default 1)")
    parser.add_argument("--jsonl-records", type=int, default=RECORDS_PER_JSONL,
                        help=f"records per JSONL file (default {RECORDS_PER_JSONL}; 200 gives >= 100 files at 75 MB, "
                             "so 'touched' changes 1%% of the files and about 1%% of the data)")
    parser.add_argument("--dir", type=Path, help="generate the corpus here and keep it (default: a temporary folder, removed)")
    parser.add_argument("--keep", action="store_true", help="keep the temporary corpus")
    parser.add_argument("--reuse", action="store_true", help="reuse a corpus already generated in --dir")
    args = parser.parse_args(argv)

    base = args.dir or Path(tempfile.mkdtemp(prefix="corpuscheck-bench-"))
    layouts = [part.strip() for part in args.layouts.split(",") if part.strip()]
    configs = [part.strip() for part in args.configs.split(",") if part.strip()]
    fewer = runs_at(args.runs_at)
    extra = shlex.split(args.args)
    print(f"cores: {os.cpu_count()}  load average: {' '.join(f'{x:.2f}' for x in os.getloadavg())}  corpora: {CORPORA}")
    header = (f"{'size':>6} {'layout':<6} {'config':<11} {'runs':>4} {'MB':>7} {'files':>7} {'wall s':>8} {'CPU s':>8} "
              f"{'RSS MB':>7} {'x wall':>7} {'x CPU':>7}  notes")
    print(header, flush=True)
    lines = [header]
    try:
        for size in (float(s) for s in args.sizes.split(",")):
            folder = base / (f"{size:g}MB" if args.jsonl_records == RECORDS_PER_JSONL
                             else f"{size:g}MB-{args.jsonl_records}")
            if not (args.reuse and (folder / "txt").is_dir() and (folder / "jsonl").is_dir()):
                generate(folder, size, per_jsonl=args.jsonl_records)
            runs = fewer.get(size, args.runs)
            for layout in layouts:
                mb, files = folder_stats(folder / layout)

                def emit(config, row, floor, size=size, layout=layout, mb=mb, files=files):
                    notes = []
                    if "share" in row:
                        notes.append(f"{row['share']:.1%} of the full run")
                    if row.get("note"):
                        notes.append(row["note"])
                    notes.append("walls " + " ".join(f"{t:.1f}" for t in row["all"]))
                    line = (f"{size:>5g}M {layout:<6} {config:<11} {row['runs']:>4} {mb / MB:>7.1f} {files:>7} "
                            f"{row['wall']:>8.2f} {row['cpu']:>8.1f} {row['rss']:>7.0f} "
                            f"{row['wall'] / floor['wall']:>7.1f} {row['cpu'] / max(floor['cpu'], 1e-9):>7.1f}  "
                            + "; ".join(notes))
                    print(line, flush=True)
                    lines.append(line)

                bench_layout(folder / layout, layout, runs, configs, extra, args.datatrove_files, emit)
        print("\n" + "\n".join(lines))
        print(f"corpuscheck command: {' '.join(corpuscheck_command(Path('DIR'), 2, extra))} > /dev/null")
        print(f"load average after: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
    finally:
        if args.dir is None and not args.keep:
            shutil.rmtree(base, ignore_errors=True)
        else:
            print(f"corpus kept in {base}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
