"""Calibrate the E (encoding and markup) and S (size and structure) rules on real text.

Reads the corpora under ../shared/corpora (see its README) and prints, for every
E1xx and S1xx rule, how many documents it fires on in each set:

* ``gold``: the article extraction benchmark's 181 hand-cleaned bodies (titles
  taken from the page's ``og:title`` or ``<title>``). Every finding here is a false
  positive, unless the gold itself carries the defect; the target for a rule in
  the default news suite is at most ~1 per 100 documents.
* ``html-text``: the same pages as html-text extracted them (whole-page text,
  first line the page title): menus, footers and widgets.
* ``naive``: the same pages through a naive scraper (tags dropped, but `<script>`
  and `<style>` contents and entities kept): real script, CSS and entity residue.
* ``inner-html``: the inner HTML of every ``<p>`` of the same pages, as an
  extractor that reads ``innerHTML`` keeps it: real tag and entity residue.
* ``scrapes``, ``id2020``, ``detik2025``, ``detik-titled``, ``pages``: the
  Indonesian scrapes (with ``date`` fields for S106) and the near-gold bodies of
  indonesian-news-pages.

    /work/venv/bin/python benchmarks/calibrate_es.py                  # the table
    /work/venv/bin/python benchmarks/calibrate_es.py --show S103 gold # findings of one rule in one set
    /work/venv/bin/python benchmarks/calibrate_es.py --option S106 meta_order=dmy
"""

from __future__ import annotations

import argparse
import gzip
import html
import json
import re
import time
from collections import Counter, defaultdict
from pathlib import Path

from corpuscheck.input.document import Document, from_text
from corpuscheck.input.loader import iter_items
from corpuscheck.rules import all_rules

CORPORA = Path(__file__).resolve().parents[2] / "shared" / "corpora"
BENCH = CORPORA / "article-extraction-benchmark"

_TITLE = re.compile(r"<meta[^>]+property=[\"']og:title[\"'][^>]*content=[\"']([^\"']*)|<title[^>]*>(.*?)</title>", re.S | re.I)
_TAG = re.compile(r"<[^>]*>", re.S)
_PARAGRAPH = re.compile(r"<p[\s>][^>]*?>?(.*?)</p>", re.S | re.I)


def _page(page_id: str) -> str:
    return gzip.open(BENCH / "html" / f"{page_id}.html.gz").read().decode("utf-8", "replace")


def _title(raw: str) -> str:
    found = _TITLE.search(raw)
    title = html.unescape(next((g for g in found.groups() if g), "")).strip() if found else ""
    return " ".join(title.split()) or "Article"


def gold():
    for page_id, value in json.loads((BENCH / "ground-truth.json").read_text()).items():
        yield from_text(value["articleBody"], f"gold/{page_id}", title=_title(_page(page_id)), meta={"url": value["url"]})


def extractor(name: str):
    output = json.loads((BENCH / "output" / f"{name}.json").read_text())["output"]
    for page_id, value in output.items():
        yield from_text(value["articleBody"] or "", f"{name}/{page_id}")


def naive():
    """Tags replaced by line breaks; script and style contents and entities kept."""
    for path in sorted((BENCH / "html").glob("*.html.gz")):
        raw = _page(path.name[: -len(".html.gz")])
        lines = (" ".join(line.split()) for line in _TAG.sub("\n", raw).split("\n"))
        yield from_text("\n".join(line for line in lines if line), f"naive/{path.name}")


def inner_html():
    """The inner HTML of every paragraph, one per line, under the page title."""
    for path in sorted((BENCH / "html").glob("*.html.gz")):
        raw = _page(path.name[: -len(".html.gz")])
        paragraphs = [" ".join(p.split()) for p in _PARAGRAPH.findall(raw)]
        yield from_text(_title(raw) + "\n" + "\n".join(p for p in paragraphs if p), f"inner-html/{path.name}")


def jsonl(*paths: Path, title_field: str | None = "title"):
    for item in iter_items([str(p) for p in paths], title_field=title_field):
        if isinstance(item, Document):
            yield item


def pages():
    source = CORPORA / "indonesian-news-pages" / "expected_contents.jsonl"
    for number, line in enumerate(source.read_text(encoding="utf-8").splitlines(), start=1):
        record = json.loads(line)
        yield from_text(record["content"], f"pages/{record['fixture']}", title="Berita", record=number)


SETS = {
    "gold": gold,
    "html-text": lambda: extractor("html-text"),
    "naive": naive,
    "inner-html": inner_html,
    "scrapes": lambda: jsonl(*sorted((CORPORA / "indonesian-news-scrapes").glob("*.jsonl"))),
    "id2020": lambda: jsonl(*sorted((CORPORA / "indonesian-news-2020").glob("*.jsonl"))),
    "detik2025": lambda: jsonl(CORPORA / "detik-2025" / "detik.jsonl"),
    "detik-titled": lambda: jsonl(CORPORA / "detik-2025-titled" / "detik.jsonl", title_field=None),
    "pages": pages,
}


def _value(text: str):
    try:
        return json.loads(text)
    except json.JSONDecodeError:
        return text


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--show", nargs=2, metavar=("CODE", "SET"), help="print the findings of one rule in one set")
    parser.add_argument("--option", nargs=2, action="append", default=[], metavar=("CODE", "NAME=VALUE"))
    parser.add_argument("--sets", default=",".join(SETS), help="comma-separated sets to run")
    args = parser.parse_args()

    rules = [r for r in all_rules() if r.family in ("E", "S")]
    given: dict[str, dict] = defaultdict(dict)
    for code, assignment in args.option:
        name, _, value = assignment.partition("=")
        given[code.upper()][name] = _value(value)
    options = {r.code: r.resolve_options(given.get(r.code)) for r in rules}
    names = args.sets.split(",") if not args.show else [args.show[1]]

    fired: dict[str, Counter] = {name: Counter() for name in names}
    sizes: Counter = Counter()
    seconds: Counter = Counter()
    for name in names:
        for doc in SETS[name]():
            sizes[name] += 1
            for rule in rules:
                if args.show and rule.code != args.show[0].upper():
                    continue
                started = time.perf_counter()
                hits = rule.run(doc, options[rule.code])
                seconds[rule.code] += time.perf_counter() - started
                if hits:
                    fired[name][rule.code] += 1
                if hits and args.show:
                    for hit in hits:
                        message = hit.message or rule.message.format(**hit.data)
                        excerpt = hit.excerpt if hit.excerpt is not None else doc.line(hit.line)
                        print(f"{doc.doc_id}:{hit.line}:{hit.column}: {message}\n    {excerpt[:160]!r}")

    if args.show:
        print(f"\n{args.show[0]} fired on {sum(fired[names[0]].values())} of {sizes[names[0]]} documents")
        return
    header = "rule".ljust(28) + "".join(f"{n}/{sizes[n]}".rjust(17) for n in names) + "   gold/100   ms"
    print(header)
    for rule in rules:
        row = f"{rule.code} {rule.name}".ljust(28) + "".join(str(fired[n][rule.code]).rjust(17) for n in names)
        if "gold" in names:
            row += f"{100 * fired['gold'][rule.code] / max(sizes['gold'], 1):11.1f}"
        print(row + f"{1000 * seconds[rule.code]:7.0f}")
    print("\ncells: documents with at least one finding; ms: time spent in the rule over all sets")


if __name__ == "__main__":
    main()
