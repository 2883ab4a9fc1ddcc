"""Local engine vs Spark local[2] on a generated corpus of distinct text, and where the Spark run's time goes.

    python benchmarks/spark_vs_local.py --mb 500 --runs 3
    python benchmarks/spark_vs_local.py --mb 20 --runs 1          # a quick look

The corpus: new articles assembled from real paragraphs (the shared corpora: the Indonesian
scrapes and 2020 news, detik 2025, the article extraction benchmark's gold bodies; found
through ``CORPUSCHECK_SHARED`` or ``--shared``, else ``../shared`` beside the checkout, else
``/work/shared``). Each article opens with a real opening paragraph (its dateline, if any)
and continues with 4-11 paragraphs drawn at random from the distinct paragraphs of all
sources, under a title of words drawn from its own body, in one of 40 sources. Every
document is therefore distinct (no near duplicates, no shared titles), as a real corpus
is. Injected defects, at known rates: a furniture line in 40% of each source's documents
(B102), exact copies of earlier articles under another title (0.3%, X101), a ``Loading...``
line (1%, P101), editor initials at the end (1%, N102). Written as JSONL parts of ~16 MB.

Each run is a fresh process (``python -m corpuscheck.cli``-like: the whole job, from import
to the report), so Spark's start-up is in every Spark run. Printed: a plain read of the
files, the local engine (``--jobs 2``), the Spark engine at ``--master``, and the Spark run
divided into start-up (session), rules (read + rules in the executors + collect), corpus
rules (Spark aggregations), findings (Parquet written and read back) and GX (the feature
table through GX's Spark datasource); the local run's GX validation beside it. Medians of
``--runs`` runs, each run's figures in brackets.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FILE_BYTES = 16_000_000
DRIVER_MEMORY = "--driver-memory 3g pyspark-shell"  # local mode: the driver is the executor too
SOURCES = 40
FURNITURE_SHARE = 0.4
COPY_RATE, PLACEHOLDER_RATE, INITIALS_RATE = 0.003, 0.01, 0.01


def shared_folder(option: str | None) -> Path:
    for candidate in (option, os.environ.get("CORPUSCHECK_SHARED"), ROOT.parent / "shared", "/work/shared"):
        if candidate and (Path(candidate) / "corpora").is_dir():
            return Path(candidate)
    raise SystemExit("cannot find the shared corpora: pass --shared DIR or set CORPUSCHECK_SHARED")


def real_texts(shared: Path) -> list[str]:
    corpora = shared / "corpora"
    texts = []
    for path in sorted(corpora.glob("*/*.jsonl")):
        for line in path.read_text("utf-8", errors="replace").split("\n"):
            try:
                text = json.loads(line).get("text") if line.strip() else None
            except (ValueError, AttributeError):  # the scrapes hold broken records on purpose
                continue
            if isinstance(text, str):
                texts.append(text)
    gold = corpora / "article-extraction-benchmark" / "ground-truth.json"
    if gold.exists():
        texts += [v.get("articleBody") or "" for v in json.loads(gold.read_text("utf-8")).values()]
    return texts


def pools(texts: list[str]) -> tuple[list[str], list[str]]:
    """Distinct opening paragraphs and distinct body paragraphs (>= 40 characters) of the real texts."""
    openings: dict[str, None] = {}
    body: dict[str, None] = {}
    for text in texts:
        paragraphs = [p.strip() for p in text.replace("\r", "").split("\n") if len(p.strip()) >= 40]
        if paragraphs:
            openings[paragraphs[0]] = None
            body.update(dict.fromkeys(paragraphs[1:]))
    return list(openings), list(body)


def generate(folder: Path, megabytes: int, shared: Path, seed: int = 7) -> dict[str, int]:
    """The corpus under ``folder``; returns its bytes, documents and injected defect counts."""
    rng = random.Random(seed)
    openings, body = pools(real_texts(shared))
    furniture = [f"Ikuti kanal berita outlet {n:02d} untuk kabar terbaru setiap hari" for n in range(SOURCES)]
    counts = dict(bytes=0, documents=0, copies=0, placeholders=0, initials=0, furniture=0)
    written: list[dict] = []
    handle = None
    part = 0
    while counts["bytes"] < megabytes * 1_000_000:
        if handle is None or handle.tell() >= FILE_BYTES:
            if handle:
                handle.close()
            handle = open(folder / f"part-{part:04d}.jsonl", "w", encoding="utf-8")
            part += 1
        source = rng.randrange(SOURCES)
        if written and rng.random() < COPY_RATE:
            original = rng.choice(written)
            record = dict(original, title=f"{original['title']} (salinan {counts['documents']})")
            counts["copies"] += 1
        else:
            paragraphs = [rng.choice(openings)] + rng.sample(body, rng.randint(4, 11))
            if rng.random() < FURNITURE_SHARE:
                paragraphs.insert(rng.randint(1, len(paragraphs)), furniture[source])
                counts["furniture"] += 1
            if rng.random() < PLACEHOLDER_RATE:
                paragraphs.insert(1, "Loading...")
                counts["placeholders"] += 1
            if rng.random() < INITIALS_RATE:
                paragraphs.append("(ian)")
                counts["initials"] += 1
            words = " ".join(paragraphs[1:3]).split()
            title = " ".join(rng.sample(words, min(len(words), rng.randint(6, 11)))).strip(".,;:!?-–— ")
            record = {"id": f"gen-{counts['documents']}", "source": f"outlet-{source:02d}",
                      "title": title[:1].upper() + title[1:], "text": "\n\n".join(paragraphs)}
            if len(written) < 20_000:
                written.append(record)
            elif rng.random() < 0.01:
                written[rng.randrange(len(written))] = record
        line = json.dumps(record, ensure_ascii=False) + "\n"
        handle.write(line)
        counts["bytes"] += len(line.encode("utf-8"))
        counts["documents"] += 1
    handle.close()
    return counts


def one_run(engine: str, folder: str, master: str) -> None:
    """In a fresh process: the whole check, and its phases as JSON on stdout."""
    started = time.perf_counter()
    import corpuscheck.gx.validate as gx_validate
    from corpuscheck.check import check

    phases: dict[str, float] = {}
    original = gx_validate.validate

    def measured(*args, **kwargs):
        begun = time.perf_counter()
        try:
            return original(*args, **kwargs)
        finally:
            phases["gx"] = time.perf_counter() - begun

    gx_validate.validate = measured
    if engine == "spark":
        from corpuscheck import spark

        report = check([folder], engine="spark", spark_master=master)
        phases.update(spark.TIMINGS)
    else:
        report = check([folder], jobs=2)
    counts: dict[str, int] = {}
    for finding in report.iter_findings():
        counts[finding.code] = counts.get(finding.code, 0) + 1
    phases["wall in process"] = time.perf_counter() - started
    print(json.dumps({"phases": phases, "documents": report.documents, "findings": counts, "passed": report.passed}))


def measure(engine: str, folder: Path, master: str) -> dict:
    started = time.perf_counter()
    done = subprocess.run(
        [sys.executable, __file__, "--one", engine, "--folder", str(folder), "--master", master],
        capture_output=True, text=True, cwd=ROOT, check=False,
        env=dict(os.environ, PYSPARK_SUBMIT_ARGS=os.environ.get("PYSPARK_SUBMIT_ARGS", DRIVER_MEMORY)),
    )
    wall = time.perf_counter() - started
    if done.returncode != 0:
        raise SystemExit(f"{engine} run failed:\n{done.stderr[-3000:]}")
    result = json.loads(done.stdout.strip().splitlines()[-1])
    result["wall"] = wall
    return result


def _rounded(phases: dict[str, float]) -> dict[str, float]:
    return {k: round(v, 1) for k, v in phases.items()}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--mb", type=int, default=500)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--master", default="local[2]")
    parser.add_argument("--shared", help="the shared folder holding corpora/ (default: see the module doc)")
    parser.add_argument("--keep", help="generate the corpus here and keep it (reused when it exists)")
    parser.add_argument("--one", choices=("local", "spark"), help=argparse.SUPPRESS)
    parser.add_argument("--folder", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.one:
        return one_run(args.one, args.folder, args.master)

    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(args.keep or tmp)
        folder.mkdir(parents=True, exist_ok=True)
        if not any(folder.glob("*.jsonl")):
            began = time.perf_counter()
            counts = generate(folder, args.mb, shared_folder(args.shared))
            print(f"generated in {time.perf_counter() - began:.0f} s: {counts}")
        size = sum(p.stat().st_size for p in folder.glob("*.jsonl"))
        print(f"corpus: {size / 1e6:.0f} MB in {len(list(folder.glob('*.jsonl')))} JSONL files")
        figures: dict[str, list[float]] = {}
        for run in range(args.runs):
            began = time.perf_counter()
            for path in folder.glob("*.jsonl"):
                path.read_bytes()
            figures.setdefault("plain read", []).append(time.perf_counter() - began)
            local = measure("local", folder, args.master)
            print(f"run {run + 1} local: {local['wall']:.1f} s, phases {_rounded(local['phases'])}", flush=True)
            figures.setdefault("local engine", []).append(local["wall"])
            figures.setdefault("local gx", []).append(local["phases"].get("gx", 0.0))
            distributed = measure("spark", folder, args.master)
            print(f"run {run + 1} spark: {distributed['wall']:.1f} s, phases {_rounded(distributed['phases'])}", flush=True)
            figures.setdefault("spark engine", []).append(distributed["wall"])
            for phase in ("startup", "rules", "corpus", "findings", "gx"):
                figures.setdefault(f"spark {phase}", []).append(distributed["phases"].get(phase, 0.0))
            same = (local["findings"], local["documents"], local["passed"]) == (
                distributed["findings"], distributed["documents"], distributed["passed"])
            print(f"run {run + 1}: {local['documents']} documents, findings by rule {local['findings']}; "
                  f"Spark gives the same counts and verdict: {same}", flush=True)
        for name, values in figures.items():
            print(f"{name:>16}: {statistics.median(values):8.1f} s  median of {[round(v, 1) for v in values]}")
        print(f"spark / local: {statistics.median(figures['spark engine']) / statistics.median(figures['local engine']):.2f}; "
              f"local / plain read: {statistics.median(figures['local engine']) / statistics.median(figures['plain read']):.1f}")


if __name__ == "__main__":
    main()
