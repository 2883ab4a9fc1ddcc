"""Screenshots of the report of the bundled corpus for the README: ``python docs/make_screenshots.py``.

Needs Debian's chromium and Playwright (the test extras). Writes docs/report-overview.png,
docs/report-explorer.png and docs/report-document.png (the seed's document view).
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run"]


def main() -> None:
    from playwright.sync_api import sync_playwright

    out = Path(tempfile.mkdtemp(prefix="report-shots-"))
    subprocess.run([sys.executable, "-m", "corpuscheck", "check", "corpus", "--report", str(out), "--quiet",
                    "--no-progress"], cwd=ROOT, check=False, stdout=subprocess.DEVNULL)
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=ARGS)
        page = browser.new_page(viewport={"width": 1280, "height": 900})
        seed = "#view=doc&doc=corpus%2F000_232fd3ee54a89291.txt&rec=1"
        for view, name in (("", "overview"), ("#rule=P101+placeholder-line", "explorer"), (seed, "document")):
            page.goto((out / "index.html").as_uri() + view)
            page.wait_for_timeout(1500)  # the data/ chunks load after the page
            if name == "document":
                page.locator(".side-by-side").scroll_into_view_if_needed()
            page.screenshot(path=str(ROOT / "docs" / f"report-{name}.png"))
        browser.close()


if __name__ == "__main__":
    main()
