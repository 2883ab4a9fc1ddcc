"""The report of a generated 100,000-document corpus, opened in Debian's chromium via ``file://`` (issue 10).

The corpus comes from the benchmark's generator (``benchmarks/report_load.py``: small articles,
each with the seed's defects); two of the seed rules keep the check short (200,000 findings).
The explorer's counts (every finding, one rule, one source, both) must equal the JSON report of
the same run, the last page must show the last finding, the search must find one document's
findings among all, and nothing may be logged to the console. No timing is asserted here:
``python benchmarks/report_load.py --generate 100000`` measures the load.
"""

from __future__ import annotations

import contextlib
import re
import urllib.parse
from collections import Counter
from pathlib import Path

import orjson
import pytest

from benchmarks.report_load import SOURCES, generate
from corpuscheck.cli import main
from tests.test_html_report import Watched, browser  # noqa: F401 - the browser fixture of the other browser tests

DOCUMENTS = 100_000
SUITE = """name: report-scale
expectations:
  - {rule: placeholder-line, severity: error}
  - {rule: byline-residue, severity: warning}
"""


@pytest.fixture(scope="module")
def scale(tmp_path_factory):
    """(report folder, the JSON report's data, (path, record) -> source read from the corpus itself)."""
    root = tmp_path_factory.mktemp("scale")
    corpus = root / "corpus"
    generate(corpus, DOCUMENTS, sentences=(1, 1))
    (root / "suite.yml").write_text(SUITE, encoding="utf-8")
    out = root / "report"
    # the command a user runs: the JSON on stdout, the report folder beside it
    with open(root / "report.json", "w", encoding="utf-8") as stdout, contextlib.redirect_stdout(stdout):
        code = main(["check", str(corpus), "--suite", str(root / "suite.yml"), "--format", "json",
                     "--report", str(out), "--no-progress", "--no-cache"])
    assert code == 1  # the placeholder lines fail the suite
    data = orjson.loads((root / "report.json").read_bytes())
    sources = {}
    for path in sorted(corpus.glob("*.jsonl")):
        for record, line in enumerate(path.read_bytes().splitlines(), start=1):
            sources[(str(path), record)] = orjson.loads(line)["source"]
    return out, data, sources


def test_the_explorer_of_100000_documents_counts_as_the_json_report(browser, scale):  # noqa: F811
    out, data, sources = scale
    findings = [(file["path"], f) for file in data["files"] for f in file["findings"]]
    total = data["summary"]["findings"]
    assert data["summary"]["documents"] == DOCUMENTS and total == len(findings) == 2 * DOCUMENTS
    w = Watched(browser, (out / "index.html").as_uri() + "#view=explorer")
    count = w.page.locator("#count")
    count.filter(has_text=f"{total:,} of {total:,} findings").wait_for(timeout=120_000)

    by_rule = Counter(f["code"] + " " + f["rule"] for _, f in findings)
    assert by_rule["N102 byline-residue"] == data["summary"]["by_rule"]["byline-residue"]
    w.page.select_option("#f-rule", label="N102 byline-residue")
    count.filter(has_text=f"{by_rule['N102 byline-residue']:,} of {total:,} findings").wait_for(timeout=60_000)

    source = SOURCES[3]
    in_source = [(p, f) for p, f in findings if sources[(p, f["record"])] == source]
    both = sum(f["code"] == "N102" for _, f in in_source)
    w.page.select_option("#f-source", value=source)  # the rule filter stays
    count.filter(has_text=f"{both:,} of {total:,} findings").wait_for(timeout=60_000)
    w.page.select_option("#f-rule", value="")
    count.filter(has_text=f"{len(in_source):,} of {total:,} findings").wait_for(timeout=60_000)
    assert len(in_source) == total // len(SOURCES) and both == len(in_source) // 2  # the generator's own numbers

    w.page.goto((out / "index.html").as_uri() + "#view=explorer&page=999999")  # past the end: the last page
    last = -(-total // 50)
    w.page.locator(".page", has_text=f"page {last:,} of {last:,}").first.wait_for(timeout=60_000)
    w.page.locator("#findings .finding").first.wait_for(timeout=60_000)  # the cards follow their chunk's card data
    path, final = findings[-1]
    assert w.page.locator("#findings .finding .loc").last.inner_text().startswith(f"{path}#{final['record']}:{final['line']}:")

    # the search reads every finding's card data (loaded when a query is typed): one document among all
    title = f"Berita {DOCUMENTS - 1}:"
    w.page.goto((out / "index.html").as_uri() + "#" + urllib.parse.urlencode({"view": "explorer", "q": title}))
    count.filter(has_text=re.compile(rf"^2 of {total:,} findings")).wait_for(timeout=120_000)
    w.page.locator("#findings .finding .loc").first.click()
    w.page.locator("#doc-text").wait_for(timeout=60_000)
    assert w.page.locator("#doc-title").inner_text().startswith(title)
    assert w.page.locator("#doc-text tr.hit").count() == 2  # "loading..." and "(ian)", marked in the text
    w.clean()
    assert Path(out, "index.html").stat().st_size < 1_000_000  # the page itself stays small: the data is in files
