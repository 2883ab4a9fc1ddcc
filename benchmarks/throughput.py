"""Throughput of `corpuscheck check` against a plain Python read of the same files.

Generates a corpus of real paragraphs (the Indonesian scrapes and the article
extraction benchmark's gold bodies, under ../shared/corpora) in two layouts, one
``.txt`` file per article and JSONL files, then times, as subprocesses and
including interpreter start-up:

* ``corpuscheck check DIR --no-report --format json > /dev/null``
* ``python`` reading every file of DIR and splitting it into lines

and prints MB/s, the ratio of the two wall times (median of ``--runs``), the peak
RSS of the corpuscheck process tree (largest single process, and the sampled sum
of all its processes), and the CPU seconds of both (user + system, workers
included; steadier than wall time on a machine shared with other jobs). Give several ``--sizes`` to see that memory does not grow
with the corpus::

    /work/venv/bin/python benchmarks/throughput.py                 # 50 MB, both layouts
    /work/venv/bin/python benchmarks/throughput.py --sizes 50,100 --runs 3
    /work/venv/bin/python benchmarks/throughput.py --dir /tmp/cc-bench --keep

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


def generate(out: Path, size_mb: float, seed: int = 7) -> dict[str, Path]:
    """Write the same articles as ``out/txt/NNN/NNNNNN.txt`` and ``out/jsonl/part-NNN.jsonl``
    until each layout holds at least ``size_mb`` MB."""
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
        if number % RECORDS_PER_JSONL == 0:
            if part:
                part.close()
            part = open(jsonl_dir / f"part-{number // RECORDS_PER_JSONL:03d}.jsonl", "wb")
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


def measure_cache(folder: Path, runs: int, jobs: int | None, extra: list[str] = ()) -> dict:
    """A full run that fills a fresh cache, then cached re-checks, then re-checks after touching 1% of files."""
    cache = Path(tempfile.mkdtemp(prefix="corpuscheck-bench-cache-"))
    try:
        command = corpuscheck_command(folder, jobs, [*extra, "--cache-dir", str(cache)])
        full = timed(command)
        cached = [timed(command) for _ in range(runs)]
        touched, count = [], 0
        for round_ in range(runs):
            count = touch_some(folder, 0.01, round_)
            touched.append(timed(command))
        return {
            "full_s": full[0], "full_cpu": full[4],
            "cached_s": statistics.median(t[0] for t in cached), "cached_cpu": statistics.median(t[4] for t in cached),
            "touched_s": statistics.median(t[0] for t in touched),
            "touched_cpu": statistics.median(t[4] for t in touched), "touched_files": count,
            "cached_rss_mb": max(t[2] for t in cached) / 1024,
        }
    finally:
        shutil.rmtree(cache, ignore_errors=True)


def measure(folder: Path, runs: int, jobs: int | None, extra: list[str] = ()) -> dict:
    plain = [sys.executable, "-c", PLAIN_READ, str(folder)]
    ours = corpuscheck_command(folder, jobs, extra)
    timed(plain)  # warm the page cache for both
    base_times, our_times, max_rss, tree_rss, codes = [], [], [], [], set()
    base_cpu, our_cpu = [], []
    for _ in range(runs):  # interleaved, so load from other users of the machine hits both
        seconds, _code, _rss, _tree, cpu = timed(plain)
        base_times.append(seconds)
        base_cpu.append(cpu)
        seconds, code, rss, tree, cpu = timed(ours, sample=True)
        our_times.append(seconds)
        our_cpu.append(cpu)
        max_rss.append(rss)
        tree_rss.append(tree)
        codes.add(code)
    size, files = folder_stats(folder)
    ours_s, base_s = statistics.median(our_times), statistics.median(base_times)
    return {
        "mb": size / MB,
        "files": files,
        "ours_s": ours_s,
        "base_s": base_s,
        "ours_all": our_times,
        "base_all": base_times,
        "ratio": ours_s / base_s,
        "ours_cpu": statistics.median(our_cpu),
        "base_cpu": statistics.median(base_cpu),
        "max_rss_mb": max(max_rss) / 1024,
        "tree_rss_mb": max(tree_rss) / 1024,
        "exit": sorted(codes),
        "command": " ".join(ours) + " > /dev/null",
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="50", help="corpus sizes in MB, comma-separated (default: 50)")
    parser.add_argument("--layouts", default="txt,jsonl", help="txt, jsonl or both (default: txt,jsonl)")
    parser.add_argument("--runs", type=int, default=3, help="timed runs per figure; the median is shown (default: 3)")
    parser.add_argument("--jobs", type=int, help="pass --jobs to corpuscheck (default: its own choice)")
    parser.add_argument("--args", default="", help="more corpuscheck arguments, e.g. \"--suite news --select ALL\"")
    parser.add_argument("--dir", type=Path, help="generate the corpus here and keep it (default: a temporary folder, removed)")
    parser.add_argument("--keep", action="store_true", help="keep the temporary corpus")
    parser.add_argument("--reuse", action="store_true", help="reuse a corpus already generated in --dir")
    parser.add_argument("--cache", action="store_true",
                        help="also time a full run into a fresh cache, cached re-checks and re-checks after touching "
                             "1%% of the files (this modifies the generated corpus: run it last, or on a copy)")
    args = parser.parse_args(argv)

    base = args.dir or Path(tempfile.mkdtemp(prefix="corpuscheck-bench-"))
    layouts = [part.strip() for part in args.layouts.split(",") if part.strip()]
    print(f"cores: {os.cpu_count()}  load average: {' '.join(f'{x:.2f}' for x in os.getloadavg())}  runs: {args.runs}")
    print(f"{'size':>6} {'layout':<6} {'files':>6} {'MB':>7} {'plain s':>8} {'ours s':>8} {'MB/s':>7} "
          f"{'ratio':>6} {'RSS max':>8} {'RSS sum':>8} {'CPU s':>6} {'plain':>6}  exit")
    try:
        for size in (float(s) for s in args.sizes.split(",")):
            folder = base / f"{size:g}MB"
            if not (args.reuse and (folder / "txt").is_dir() and (folder / "jsonl").is_dir()):
                generate(folder, size)
            for layout in layouts:
                result = measure(folder / layout, args.runs, args.jobs, shlex.split(args.args))
                print(f"{size:>5g}M {layout:<6} {result['files']:>6} {result['mb']:>7.1f} {result['base_s']:>8.2f} "
                      f"{result['ours_s']:>8.2f} {result['mb'] / result['ours_s']:>7.1f} {result['ratio']:>6.1f} "
                      f"{result['max_rss_mb']:>6.0f}MB {result['tree_rss_mb']:>6.0f}MB {result['ours_cpu']:>6.1f} "
                      f"{result['base_cpu']:>6.2f}  {result['exit']}", flush=True)
                print(f"        runs: ours {' '.join(f'{t:.2f}' for t in result['ours_all'])}; "
                      f"plain {' '.join(f'{t:.2f}' for t in result['base_all'])}", flush=True)
                if args.cache:
                    c = measure_cache(folder / layout, args.runs, args.jobs, shlex.split(args.args))
                    print(f"        cache: full {c['full_s']:.2f} s ({c['full_cpu']:.1f} CPU s); cached re-check "
                          f"{c['cached_s']:.2f} s ({c['cached_cpu']:.2f} CPU s, {c['cached_s'] / c['full_s']:.1%}, "
                          f"RSS {c['cached_rss_mb']:.0f} MB); {c['touched_files']} files touched "
                          f"{c['touched_s']:.2f} s ({c['touched_cpu']:.1f} CPU s, {c['touched_s'] / c['full_s']:.1%})",
                          flush=True)
        print(f"command: {' '.join(corpuscheck_command(Path('DIR'), args.jobs, shlex.split(args.args)))} > /dev/null")
        print(f"load average after: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
    finally:
        if args.dir is None and not args.keep:
            shutil.rmtree(base, ignore_errors=True)
        else:
            print(f"corpus kept in {base}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
