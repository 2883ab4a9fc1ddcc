"""Size, DOM nodes and load times of an HTML report folder in headless Debian chromium (Playwright).

    python benchmarks/report_load.py [REPORT_DIR ...]
    python benchmarks/report_load.py --generate 100000 [--runs 3] [--keep DIR]

Without arguments it checks ``indonesian-news-scrapes`` (from ``$CORPUSCHECK_SHARED/corpora``,
else ``../shared`` beside the checkout, else ``/work/shared``; skipped when absent) into a
temporary folder and measures that report.

``--generate N`` writes a corpus of N distinct generated news articles as JSONL (20 files,
10 sources), each with the seed's defects (a placeholder line, two widget letters, a
duplicated paragraph run, editor initials: 5 findings a document with the five seed rules,
``benchmarks/seed-rules.yml``), checks it, writes the report (timed) and measures it.

Figures (median of ``--runs``): the overview's load (navigation start to the end of the
page's script), the explorer until every finding is loaded and its first page drawn
(the count reads "N of N findings"; its first page is drawn from the first chunk before that: both
times are the page's own performance marks, set when its script drew them; and the CPU seconds
chromium's processes spent on it, from /proc, which the machine's load does not inflate), one rule filter, the last page,
a document view, and a first search (which loads every finding's card data, the ``d<N>`` files).

Measured 2026-12-02 with ``nice -n 5 python benchmarks/report_load.py --generate 100000 --runs 3``
(2 cores): 500,000 findings of 100,000 documents; the findings' columns (``f<N>.js``) 3.9 MB, their
card data (``d<N>.js``) 34.5 MB, texts 146 MB. At load average 1.1: overview 115 ms; explorer first
page 221 ms; **explorer with all 500,000 findings loaded and every count final 300 ms** (0.53 CPU s
of chromium); rule filter 98 ms; last page 149 ms; document view 120 ms; first search 1,087 ms;
report written in 17.6 s (check 33.2 s). At load ~7 (an earlier run of the same data layout):
all loaded 462 ms (0.64 CPU s), first search 1,434 ms, report written in 50.2 s (check 192 s).
Before the findings became columns (one array per finding, ~50 MB in ``f<N>.js``), the same
figure was 4,347 ms at load ~20 and 5,996 ms (3.45 CPU s) at load ~6; the report was written in
171 s at load ~20, and from the same in-memory report in 37.3 s (now 16.4 s) at load ~6.
The CI browser test of a 100,000-document report is tests/test_report_scale.py (no timing asserted).
"""

from __future__ import annotations

import argparse
import json
import os
import random
import re
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run"]
SOURCES = ["kabar", "warta", "berita", "harian", "suara", "pos", "koran", "media", "info", "lensa"]
WORDS = ("pemerintah kota warga jalan banjir hujan presiden menteri rapat kebijakan harga pasar beras minyak sekolah "
         "guru siswa rumah sakit dokter pasien polisi kasus sidang hakim jaksa partai pemilu suara calon desa petani "
         "panen pupuk nelayan laut kapal pelabuhan bandara pesawat kereta stasiun gempa bencana bantuan relawan "
         "listrik air tanah hutan api asap udara energi investasi ekonomi bank kredit pajak anggaran proyek jembatan").split()


def shared() -> Path:
    for candidate in (os.environ.get("CORPUSCHECK_SHARED"), ROOT.parent / "shared", "/work/shared"):
        if candidate and Path(candidate, "corpora").is_dir():
            return Path(candidate)
    return ROOT.parent / "shared"


def _sentence(rng: random.Random) -> str:
    words = rng.choices(WORDS, k=rng.randint(9, 16))
    return " ".join(words).capitalize() + "."


def generate(folder: Path, n: int, files: int = 20, seed: int = 7, sentences: tuple[int, int] = (2, 3)) -> int:
    """N distinct articles with the seed's defects, as JSONL; returns the bytes written.

    Each article: "loading...", two widget letters "A", a dateline paragraph and three more, the
    second and third repeated, and "(ian)": five findings with the five seed rules. A paragraph has
    ``sentences`` (low, high) sentences: ``(1, 1)`` gives small articles (~0.5 KB) for the CI test
    (tests/test_report_scale.py), the default ~1.4 KB. Record ``i`` (0-based, line ``i % per_file + 1``
    of ``part-<i // per_file>.jsonl``) has the source ``SOURCES[i % len(SOURCES)]``.
    """
    rng = random.Random(seed)
    folder.mkdir(parents=True, exist_ok=True)
    per_file, written = -(-n // files), 0
    for k in range(files):
        with open(folder / f"part-{k:02d}.jsonl", "w", encoding="utf-8") as out:
            for i in range(k * per_file, min(n, (k + 1) * per_file)):
                paras = [" ".join(_sentence(rng) for _ in range(rng.randint(*sentences))) for _ in range(4)]
                lines = ["loading...", "A", "A", "JAKARTA - " + paras[0], *paras[1:], *paras[1:3], "(ian)"]
                record = {"id": i, "source": SOURCES[i % len(SOURCES)], "title": f"Berita {i}: " + _sentence(rng)[:60],
                          "text": "\n".join(lines)}
                line = json.dumps(record, ensure_ascii=False) + "\n"
                written += len(line.encode())
                out.write(line)
    return written


def browser_cpu() -> float:
    """CPU seconds used so far by this process's chromium descendants (from /proc): a figure the machine's load does not inflate."""
    ticks = os.sysconf("SC_CLK_TCK")
    parent, cpu, name = {}, {}, {}
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
        except OSError:
            continue
        comm, rest = stat[stat.index("(") + 1 : stat.rindex(")")], stat[stat.rindex(")") + 2 :].split()
        pid = int(entry.name)
        parent[pid], name[pid], cpu[pid] = int(rest[1]), comm, (int(rest[11]) + int(rest[12])) / ticks
    mine, total = os.getpid(), 0.0
    for pid in cpu:
        up, seen = pid, 0
        while up in parent and up != mine and seen < 64:
            up, seen = parent[up], seen + 1
        if up == mine and "chrom" in name[pid]:
            total += cpu[pid]
    return total


def folder_size(folder: Path) -> tuple[int, int]:
    files = [p for p in folder.rglob("*") if p.is_file()]
    return sum(p.stat().st_size for p in files), len(files)


def measure(folder: Path, runs: int = 3) -> dict:
    from playwright.sync_api import sync_playwright

    index = folder / "index.html"
    data = json.loads(index.read_text(encoding="utf-8").split('id="report-data">', 1)[1].split("</script>", 1)[0])
    total = data["meta"]["findings"]
    size, n_files = folder_size(folder)
    figures = {"index_bytes": index.stat().st_size, "folder_bytes": size, "files": n_files, "findings": total,
               "documents_with_findings": data["meta"]["documents_failed"], "data_chunks": len(data["chunks"]),
               "text_chunks": data["texts"]}
    want = f"{total:,} of {total:,} findings"
    times: dict[str, list[float]] = {"overview_ms": [], "explorer_first_page_ms": [], "explorer_all_loaded_ms": [], "rule_filter_ms": [],
                                     "last_page_ms": [], "document_view_ms": [], "search_ms": [], "explorer_all_loaded_cpu_s": []}
    errors: list[str] = []
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=ARGS)
        for _ in range(runs):
            page = browser.new_page(viewport={"width": 1400, "height": 1000})
            page.on("pageerror", lambda e: errors.append(str(e)))
            page.goto(index.as_uri(), wait_until="load")
            times["overview_ms"].append(page.evaluate("performance.now()"))
            figures["overview_dom_nodes"] = page.evaluate("document.getElementsByTagName('*').length")
            page.close()

            page = browser.new_page(viewport={"width": 1400, "height": 1000})
            page.on("pageerror", lambda e: errors.append(str(e)))
            cpu = browser_cpu()
            page.goto(index.as_uri() + "#view=explorer", wait_until="load")
            page.locator("#count", has_text=want).wait_for(timeout=120_000)
            page.wait_for_function("performance.getEntriesByName('cc-all-findings').length > 0", timeout=120_000)  # cards drawn
            times["explorer_all_loaded_cpu_s"].append(browser_cpu() - cpu)  # all of chromium's processes
            # the page marks when its script drew the first page and when every finding was in (performance.mark)
            times["explorer_first_page_ms"].append(page.evaluate("performance.getEntriesByName('cc-first-page')[0].startTime"))
            times["explorer_all_loaded_ms"].append(page.evaluate("performance.getEntriesByName('cc-all-findings')[0].startTime"))
            figures["explorer_dom_nodes"] = page.evaluate("document.getElementsByTagName('*').length")
            rule = data["per_rule"][0]
            label, rule_name = data["rules"][rule[0]][0] + " " + data["rules"][rule[0]][1], data["rules"][rule[0]][1]
            start = page.evaluate("performance.now()")
            page.select_option("#f-rule", label=label)
            page.locator("#count", has_text=f"{rule[1]:,} of {total:,} findings").wait_for(timeout=60_000)
            page.locator("#findings .finding").first.wait_for(timeout=60_000)  # the cards follow their d<N> files
            times["rule_filter_ms"].append(page.evaluate("performance.now()") - start)
            last = -(-total // 50)
            start = page.evaluate("performance.now()")
            page.evaluate(f"location.hash = 'view=explorer&page={last}'")
            page.locator(".page", has_text=f"page {last:,} of {last:,}").first.wait_for(timeout=60_000)
            page.locator("#findings .finding").first.wait_for(timeout=60_000)
            cards = page.locator("#findings .finding").count()
            times["last_page_ms"].append(page.evaluate("performance.now()") - start)
            figures["last_page_findings"] = cards  # the last finding is reachable
            start = page.evaluate("performance.now()")
            page.locator("#findings .finding .loc").last.click()
            page.locator("#doc-text").wait_for(timeout=60_000)
            times["document_view_ms"].append(page.evaluate("performance.now()") - start)
            # a search reads every finding's card data (the d<N> files, loaded when the first query is typed)
            page.go_back()
            page.locator("#f-q").wait_for(timeout=60_000)
            start = page.evaluate("performance.now()")
            page.evaluate(f"location.hash = 'view=explorer&q=' + encodeURIComponent({json.dumps(rule_name)})")
            page.locator("#count", has_text=re.compile(rf"^[\d,]+ of {total:,} findings")).wait_for(timeout=120_000)
            page.locator("#findings .finding").first.wait_for(timeout=60_000)
            times["search_ms"].append(page.evaluate("performance.now()") - start)
            page.close()
        browser.close()
    for key, values in times.items():
        digits = 2 if key.endswith("_s") else 0
        figures[key] = round(statistics.median(values), digits) if digits else round(statistics.median(values))
        figures[key + "_runs"] = [round(v, digits) if digits else round(v) for v in values]
    figures["page_errors"] = errors
    return figures


def rerender(folder: Path) -> None:
    """Write ``folder/index.html`` again with this checkout's script (same data): to measure a script change."""
    from corpuscheck.report.html import render_index

    index = folder / "index.html"
    data = json.loads(index.read_text(encoding="utf-8").split('id="report-data">', 1)[1].split("</script>", 1)[0])
    index.write_text(render_index(data), encoding="utf-8")


def main(argv: list[str]) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("folders", nargs="*", type=Path)
    parser.add_argument("--generate", type=int, metavar="N", help="generate N documents, check them, measure the report")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--rerender", action="store_true", help="rewrite the folders' index.html with this script first")
    parser.add_argument("--keep", type=Path, help="with --generate: work in this folder (corpus/ and report/)")
    args = parser.parse_args(argv)
    sys.path.insert(0, str(ROOT))
    from corpuscheck.check import check
    from corpuscheck.report.html import write_report

    folders = list(args.folders)
    if args.generate:
        work = args.keep or Path(tempfile.mkdtemp(prefix="report-bench-"))
        corpus, out = work / "corpus", work / "report"
        if not corpus.exists():
            print(f"generated {generate(corpus, args.generate):,} bytes of JSONL in {corpus}")
        t0 = time.perf_counter()
        report = check([str(corpus)], str(ROOT / "benchmarks" / "seed-rules.yml"))
        t1 = time.perf_counter()
        write_report(report, out)
        t2 = time.perf_counter()
        print(f"check {t1 - t0:.1f} s, report written in {t2 - t1:.1f} s: {report.documents:,} documents, "
              f"{sum(len(f.findings) for f in report.files):,} findings")
        folders = [out]
    elif not folders:
        corpus = shared() / "corpora" / "indonesian-news-scrapes"
        if not corpus.exists():
            print(f"skipped: {corpus} not found")
            return
        out = Path(tempfile.mkdtemp(prefix="report-bench-"))
        t0 = time.perf_counter()
        report = check([str(corpus)])
        t1 = time.perf_counter()
        write_report(report, out)
        print(f"check {t1 - t0:.1f} s, report written in {time.perf_counter() - t1:.1f} s")
        folders = [out]
    print(f"load average: {os.getloadavg()[0]:.1f} (2 cores here; wall times grow with it, CPU seconds do not)")
    for folder in folders:
        if args.rerender:
            rerender(folder)
        print(folder, json.dumps(measure(folder, args.runs), indent=1))


if __name__ == "__main__":
    main(sys.argv[1:])
