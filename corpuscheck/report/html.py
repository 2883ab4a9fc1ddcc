"""``--report DIR``: one self-contained, offline ``DIR/index.html`` an auditor works in.

The page is a small application: the findings travel as compact JSON inside a
``<script type="application/json">`` block (``<``, ``>``, ``&``, U+2028/9 escaped,
so no corpus text can end the block), and one inline script, allowed by its
SHA-256 hash in the page's CSP (nothing else may run or load), draws the overview
(verdict, expectations with margins, SVG charts, worst documents and sources) and
the explorer (filters, search, sort, paging, a URL fragment per view) over ALL
findings. The script writes corpus text with ``textContent`` only.
"""

from __future__ import annotations

import base64
import hashlib
import math
from importlib import resources
from pathlib import Path

import jinja2
import orjson

from corpuscheck.report.base import Reporter, report_files
from corpuscheck.report.data import SEVERITY_ORDER, ReportData, fix_of

FIX_CODES = {None: 0, "safe": 1, "unsafe": 2}
_ESCAPES = {"<": "\\u003c", ">": "\\u003e", "&": "\\u0026", "\u2028": "\\u2028", "\u2029": "\\u2029"}


def json_for_script(data) -> str:
    """JSON that is safe inside ``<script type="application/json">``: nothing in it can close the element."""
    text = orjson.dumps(data, option=orjson.OPT_NON_STR_KEYS).decode()
    return text.translate(str.maketrans(_ESCAPES))


def csp_hash(source: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(source.encode()).digest()).decode() + "'"


class _Index:
    """Strings stored once, referred to by position (files, rules, sources, titles)."""

    def __init__(self):
        self.items: list = []
        self._pos: dict = {}

    def __call__(self, value) -> int:
        if value not in self._pos:
            self._pos[value] = len(self.items)
            self.items.append(value)
        return self._pos[value]


def _length_histogram(lengths: list[int]) -> list[list]:
    """Documents per length bin (characters, powers of two from 64): [[low, high, count], ...]."""
    if not lengths:
        return []
    top = max(7, math.ceil(math.log2(max(lengths) + 1)))
    bins = [[0 if k == 6 else 2**k, 2 ** (k + 1), 0] for k in range(6, top)]
    for n in lengths:
        k = max(6, min(top - 1, int(math.log2(n)) if n > 0 else 0))
        bins[k - 6][2] += 1
    return bins


def payload(report, data_docs: str | None = None) -> dict:
    """Everything the page's script needs, as compact arrays of positions into string tables."""
    data = ReportData(report)
    files, rules, sources, titles = _Index(), _Index(), _Index(), _Index()
    titles("")
    summaries = {e.rule.code: e.rule.summary for e in report.suite.rule_entries}
    for file in report.files:
        files(file.path)
    rule_pos: dict[tuple[str, str], int] = {}
    rows = []
    for file, f in data.findings():
        key = (f.code, f.rule)
        if key not in rule_pos:
            rule_pos[key] = rules((f.code, f.rule, f.code.rstrip("0123456789") or f.code, summaries.get(f.code, "")))
        rows.append([files(file.path), f.record, rule_pos[key], SEVERITY_ORDER.index(f.severity),
                     f.line, f.end_line, f.column, f.message, f.excerpt, sources(data.source_of(f)),
                     titles(data.title_of(file, f)), FIX_CODES[fix_of(f)],
                     f.related["line"] if f.related else 0, 0 if f.doc_id == f.path else 1])
    docs = data.documents()
    by_source: dict[str, int] = {}
    for d in docs:
        by_source[d.source or ""] = by_source.get(d.source or "", 0) + 1
        sources(d.source or "")
    return {
        "meta": {"suite": report.suite.name, "version": report.tool_version, "passed": report.passed,
                 "files": report_files(report), "documents": report.documents, "findings": len(rows),
                 "documents_failed": report.documents_failed, "errors": len(report.errors),
                 "fail_on": report.fail_on, "data_docs": data_docs, "baseline": report.extra.get("baseline")},
        "outcomes": [[o.label, o.severity, o.success, o.element_count - o.unexpected_count, o.element_count,
                      o.observed, o.threshold, o.source] for o in report.outcomes],
        "files": files.items,
        "rules": [list(r) for r in rules.items],
        "sources": sources.items,
        "titles": titles.items,
        "docs_by_source": [[sources(s), n] for s, n in sorted(by_source.items())],
        "lengths": _length_histogram([d.n_chars for d in docs]),
        "findings": rows,
        "errors": [[files(file.path), e.line or 0, e.record or 0, e.message] for file in report.files for e in file.errors],
    }


def _asset(name: str) -> str:
    return resources.files("corpuscheck.report").joinpath("templates", name).read_text(encoding="utf-8")


def render_page(report, data_docs: str | None = None) -> str:
    script, style = _asset("report.js"), _asset("report.css")
    env = jinja2.Environment(autoescape=True, undefined=jinja2.StrictUndefined)
    page = env.from_string(_asset("report.html.j2"))
    csp = f"default-src 'none'; script-src {csp_hash(script)}; style-src {csp_hash(style)}; img-src data:; base-uri 'none'; form-action 'none'"
    return page.render(
        title=f"corpuscheck: {report.suite.name}",
        csp=jinja2.utils.markupsafe.Markup(csp),  # built here from hashes only
        style=jinja2.utils.markupsafe.Markup(style),
        script=jinja2.utils.markupsafe.Markup(script),
        data=jinja2.utils.markupsafe.Markup(json_for_script(payload(report, data_docs))),
    )


class HtmlReporter(Reporter):
    name = "html"

    def render(self, report) -> str:
        return render_page(report)


def write_html(report, folder: Path) -> Path:
    """Write ``folder/index.html`` atomically; link ``gx/index.html`` when the GX Data Docs are there."""
    from corpuscheck.atomic import write_text

    folder = Path(folder)
    docs = folder / "gx" / "index.html"
    return write_text(folder / "index.html", render_page(report, "gx/index.html" if docs.exists() else None))
