"""Size, DOM nodes and load time of an HTML report in headless Debian chromium (Playwright).

    python benchmarks/report_load.py [REPORT_DIR ...]

Without arguments it checks ../shared/corpora/indonesian-news-scrapes (skipped when absent)
into a temporary folder and measures that report. Load time: navigation start to the end
of the page's own script (the explorer's first page drawn), median of 3, overview and explorer.
"""

from __future__ import annotations

import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT.parent / "shared" / "corpora" / "indonesian-news-scrapes"
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run"]


def measure(index: Path) -> dict:
    from playwright.sync_api import sync_playwright

    figures = {"bytes": index.stat().st_size}
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=ARGS)
        for view in ("", "#view=explorer"):
            times, nodes, errors = [], 0, []
            for _ in range(3):
                page = browser.new_page(viewport={"width": 1400, "height": 1000})
                page.on("pageerror", lambda e, errors=errors: errors.append(str(e)))
                page.goto(index.as_uri() + view, wait_until="load")
                times.append(page.evaluate("performance.now()"))
                nodes = page.evaluate("document.getElementsByTagName('*').length")
                page.close()
            figures[view or "overview"] = {"load_ms": round(statistics.median(times)), "dom_nodes": nodes, "errors": errors}
        browser.close()
    return figures


def main(argv: list[str]) -> None:
    folders = [Path(a) for a in argv]
    if not folders:
        if not CORPUS.exists():
            print(f"skipped: {CORPUS} not found")
            return
        folders = [Path(tempfile.mkdtemp(prefix="report-bench-"))]
        subprocess.run([sys.executable, "-m", "corpuscheck", "check", str(CORPUS), "--report", str(folders[0]),
                        "--quiet", "--no-progress"], check=False)
    for folder in folders:
        print(folder, measure(folder / "index.html"))


if __name__ == "__main__":
    main(sys.argv[1:])
