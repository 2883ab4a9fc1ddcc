"""``--report DIR``: an offline report folder an auditor works in: ``DIR/index.html`` + ``DIR/data-<token>/``.

``index.html`` carries the overview's figures (verdict, expectations, per-rule and per-source
counts, the heat map, the worst documents) as a ``<script type="application/json">`` block,
and one inline script, allowed by its SHA-256 hash in the page's CSP. The findings and the
documents' texts are in ``DIR/data-<token>/`` (named in the page) as small script files, in
document order, each list in them a column (see :func:`build`):

- ``f<N>.js``: what the explorer filters, counts, sorts and pages by (document, file, record,
  source, rule/severity/fix as one "kind", line), small integers only; all of them load at once
  (500,000 findings: ~4 MB), and then every count is final;
- ``d<N>.js``: the rest of the same findings (message, excerpt, column, end line, related span,
  the documents' titles and URLs; strings stored once per chunk), loaded when a card of that
  chunk is drawn, and all of them when a search is typed;
- ``t<N>.js``: the documents' texts with their findings' fix edits, loaded by a card's context
  lines and by the document view.

Each file is one call ``CC.put(kind, n, "<JSON>")``
(the JSON as one string literal, which the script hands to ``JSON.parse``):
the page's script loads them on demand by adding ``<script src>`` elements, which the CSP
allows through ``'strict-dynamic'`` (only scripts the hashed script inserts run; a script
element in the markup would not). Nothing else may run or load: ``default-src 'none'``.
The chunk files hold one JSON string each (its JSON with ``<``, ``>``, ``&``, U+2028/9
escaped), so no corpus text can become code; the script writes corpus text with ``textContent`` only.

``HtmlReporter.render`` (``--format html``) gives one self-contained page: the same chunks
inline as ``<script type="application/json" id="cc-f0">`` blocks.

Documents' texts are read again from the files the findings point to (the check keeps no
text: :func:`corpuscheck.report.data.iter_documents`), at most :data:`TEXT_CHARS` characters
per document (cut at a line end; the page says so).
"""

from __future__ import annotations

import base64
import hashlib
import math
import os
import re
import secrets
import shutil
from collections import Counter
from importlib import resources
from pathlib import Path

import jinja2
import orjson

from corpuscheck.input.html import HTML_SUFFIXES
from corpuscheck.report.base import Reporter, report_files
from corpuscheck.report.data import SEVERITY_ORDER, ReportData, fix_of, iter_documents

FIX_CODES = {None: 0, "safe": 1, "unsafe": 2}
TEXT_CHARS = 100_000  # characters of one document's text the report shows
FINDINGS_PER_CHUNK = 25_000  # findings per f<N>.js (a chunk ends at a document's end)
TEXT_CHUNK_CHARS = 200_000  # characters of text per t<N>.js
DATA_DIR = "data"
_ESCAPES = {"<": "\\u003c", ">": "\\u003e", "&": "\\u0026", "\u2028": "\\u2028", "\u2029": "\\u2029"}
MARKED_DOCS = 25_000  # documents whose dateline is looked for (the grammar costs ~0.5 ms a document)


def json_for_script(data) -> str:
    """JSON that is safe inside ``<script type="application/json">`` and as a JS literal: nothing in it can close the element."""
    text = orjson.dumps(data, option=orjson.OPT_NON_STR_KEYS).decode()
    for char, escape in _ESCAPES.items():  # str.replace is far faster than str.translate on megabytes
        if char in text:
            text = text.replace(char, escape)
    return text


def csp_hash(source: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(source.encode()).digest()).decode() + "'"


class _Index:
    """Strings stored once, referred to by position (files, rules, sources, titles)."""

    def __init__(self):
        self.items: list = []
        self._pos: dict = {}

    def __call__(self, value) -> int:
        new = len(self.items)
        pos = self._pos.setdefault(value, new)
        if pos == new:
            self.items.append(value)
        return pos


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


def _cut(text: str, limit: int | None = None) -> str:
    """``text``'s first ``limit`` (TEXT_CHARS) characters, cut at the last line end inside them when there is one."""
    limit = TEXT_CHARS if limit is None else limit
    if len(text) <= limit:
        return text
    end = text.rfind("\n", 0, limit)
    return text[: end if end > limit // 2 else limit]


def _marks(doc) -> list[int]:
    """[title line, dateline first line, dateline last line] (0 when absent) for the document view."""
    try:
        from corpuscheck.rules.news.dateline import find_dateline

        found = find_dateline(doc)
    except Exception:  # noqa: BLE001 - marks are a courtesy; the text is shown without them
        found = None
    return [doc.title_line, found.line if found else 0, found.end_line if found else 0]


class _Texts:
    """Documents' texts packed into chunks of about TEXT_CHUNK_CHARS characters, each document with the
    fix edits of its findings (one entry per finding, in the findings' order: 0 or [[start, end, replacement], ...])."""

    def __init__(self, emit):
        self.emit, self.n, self.size, self.items = emit, 0, 0, []

    def add(self, doc_index: int, doc, edits: list) -> int:
        text = _cut(doc.text)
        marks = _marks(doc) if doc_index < MARKED_DOCS else [doc.title_line, -1, -1]  # -1: not looked for
        edits = [[e[:3] for e in each] if each else 0 for each in edits]
        self.items.append([doc_index, text, len(doc.text), *marks, edits if any(edits) else 0])
        self.size += len(text) + 64
        chunk = self.n
        if self.size >= TEXT_CHUNK_CHARS:
            self.flush()
        return chunk

    def flush(self) -> None:
        if self.items:
            self.emit(f"t{self.n}", {"docs": self.items})
            self.n, self.size, self.items = self.n + 1, 0, []


class _Chunk:
    """One findings chunk as columns: ``f<N>`` (what the explorer filters, counts and sorts by, small
    integers only) and ``d<N>`` (what a finding's card shows and the search reads, strings stored once)."""

    def __init__(self, first: int):
        self.first, self.findings = first, 0
        self.strings = _Index()
        self.core = {"file": [], "record": [], "source": [], "multi": [], "doc": [], "kind": [], "line": []}
        self.detail = {"title": [], "url": [], "page_title": [], "text": [],
                       "end": [], "column": [], "message": [], "excerpt": [], "related": [], "related_end": []}
        self._last = (0, 0, first - 1)  # file, record, document of the previous entry: deltas are small numbers

    def add_doc(self, file: int, record: int, source: int, multi: int, title: str, url: str, page_title: str,
                text_chunk: int) -> None:
        core, detail, s = self.core, self.detail, self.strings
        core["file"].append(file - self._last[0])
        core["record"].append(record - self._last[1])
        core["source"].append(source)
        core["multi"].append(multi)
        self._last = (file, record, self._last[2])
        detail["title"].append(s(title))
        detail["url"].append(s(url))
        detail["page_title"].append(s(page_title))
        detail["text"].append(text_chunk)

    def add_finding(self, doc: int, kind: int, f) -> None:
        core, detail, s = self.core, self.detail, self.strings
        core["doc"].append(doc - self._last[2])
        self._last = (self._last[0], self._last[1], doc)
        core["kind"].append(kind)
        core["line"].append(f.line)
        related = f.related or {}
        detail["end"].append(f.end_line - f.line)
        detail["column"].append(f.column)
        detail["message"].append(s(f.message))
        detail["excerpt"].append(s(f.excerpt))
        detail["related"].append(related.get("line", 0))
        detail["related_end"].append(related.get("end_line", 0))
        self.findings += 1

    @property
    def docs(self) -> int:
        return len(self.core["file"])


def build(report, emit, data_docs: str | None = None) -> dict:
    """Write the report's data chunks through ``emit(name, data)``; return the index page's data.

    Three passes over :meth:`ReportData.findings` (which a spilling engine can serve from disk):
    the documents with findings (and their findings' fix edits), their texts read again, then the
    findings chunk by chunk. Chunks (every list a column, one entry per document or per finding):

    - ``f<N>``: documents ``file``, ``record`` (both as differences from the previous document),
      ``source``, ``multi`` (1: a record of a multi-document file); findings ``doc`` (difference from
      the previous finding's), ``kind`` (position in the index's ``kinds``: rule, severity, fix), ``line``;
    - ``d<N>``: documents ``title``, ``url``, ``page_title`` (positions in ``strings``), ``text``
      (the t-chunk, -1: none); findings ``end`` (end_line - line), ``column``, ``message``, ``excerpt``
      (positions in ``strings``), ``related``, ``related_end`` (0: none), and ``strings``;
    - ``t<N>``: ``docs``: [document, text, characters, title line, dateline line, dateline end, edits].
    """
    data = ReportData(report)
    files, rules, sources, kinds = _Index(), _Index(), _Index(), _Index()
    summaries = {e.rule.code: e.rule.summary for e in report.suite.rule_entries}
    for file in report.files:
        files(file.path)

    doc_of: dict[tuple[str, int], int] = {}  # (path, record) -> document index, in findings order
    wanted: dict[str, set[int]] = {}
    edits_of: dict[int, list] = {}  # document index -> each finding's edits (None: none), in findings order
    for _, f in data.findings():
        key = (f.path, f.record)
        index = doc_of.get(key)
        if index is None:
            index = doc_of[key] = len(doc_of)
            wanted.setdefault(f.path, set()).add(f.record)
            edits_of[index] = []
        edits_of[index].append(f.edits)

    texts = _Texts(emit)
    text_chunk: dict[int, int] = {}
    page: dict[int, tuple] = {}  # document index -> (url, page title) for saved pages and records with a URL
    for path, doc in iter_documents(report, wanted):
        index = doc_of[(path, doc.record)]
        text_chunk[index] = texts.add(index, doc, edits_of[index])
        url = doc.meta.get("url")
        url = url.strip() if isinstance(url, str) else ""
        if url or path.lower().endswith(HTML_SUFFIXES):  # a saved page: its URL (canonical, og:url) and title
            page[index] = (url, doc.title or "")
    texts.flush()
    del edits_of

    kind_pos: dict[tuple, int] = {}
    per_rule: Counter = Counter()
    rule_docs: Counter = Counter()
    per_source: Counter = Counter()
    source_docs: Counter = Counter()
    heat: Counter = Counter()
    worst: list = []  # [errors, findings, doc index, path, record, title, multi]
    chunks: list[list[int]] = []  # [first document, documents, findings] per findings chunk
    chunk = _Chunk(0)

    def flush() -> None:
        nonlocal chunk
        if chunk.findings:
            n = len(chunks)
            chunks.append([chunk.first, chunk.docs, chunk.findings])
            emit(f"f{n}", chunk.core)
            emit(f"d{n}", {**chunk.detail, "strings": chunk.strings.items})
            chunk = _Chunk(chunk.first + chunk.docs)

    current, seen_rules, seen_source, counts, where = -1, set(), 0, [0, 0], ()
    total = 0

    def close_doc() -> None:
        if current >= 0:
            worst.append([counts[0], counts[1], current, *where])

    for file, f in data.findings():
        index = doc_of[(f.path, f.record)]
        if index != current:
            close_doc()
            if chunk.findings >= FINDINGS_PER_CHUNK:
                flush()
            title = data.title_of(file, f)
            multi = 0 if f.doc_id == f.path else 1
            current, seen_rules, counts, where = index, set(), [0, 0], (f.path, f.record, title, multi)
            seen_source = sources(data.source_of(f))
            source_docs[seen_source] += 1
            url, page_title = page.get(index, ("", ""))
            chunk.add_doc(files(file.path), f.record, seen_source, multi, title, url, page_title, text_chunk.get(index, -1))
        kind_key = (f.code, f.rule, f.severity)  # a rule's fix is its code's (Finding.fix)
        kind = kind_pos.get(kind_key)
        if kind is None:
            rule = rules((f.code, f.rule, f.code.rstrip("0123456789") or f.code, summaries.get(f.code, "")))
            kind = kind_pos[kind_key] = kinds((rule, SEVERITY_ORDER.index(f.severity), FIX_CODES[fix_of(f)]))
        rule, severity, _ = kinds.items[kind]
        per_rule[rule] += 1
        per_source[seen_source] += 1
        if rule not in seen_rules:
            seen_rules.add(rule)
            rule_docs[rule] += 1
            heat[(seen_source, rule)] += 1
        counts[0] += severity == 0
        counts[1] += 1
        chunk.add_finding(index, kind, f)
        total += 1
    close_doc()
    flush()

    worst.sort(key=lambda w: (-w[0], -w[1], w[2]))
    docs = data.documents()
    by_source: dict[int, int] = {}
    for d in docs:
        pos = sources(d.source or "")
        by_source[pos] = by_source.get(pos, 0) + 1
    return {
        "meta": {"suite": report.suite.name, "version": report.tool_version, "passed": report.passed,
                 "files": report_files(report), "documents": report.documents, "findings": total,
                 "documents_failed": len(doc_of), "errors": len(report.errors),
                 "fail_on": report.fail_on, "data_docs": data_docs, "baseline": report.extra.get("baseline"),
                 "text_chars": TEXT_CHARS, "marked_docs": MARKED_DOCS},  # read at call time: tests make it small
        "outcomes": [[o.label, o.severity, o.success, o.element_count - o.unexpected_count, o.element_count,
                      o.observed, o.threshold, o.source] for o in report.outcomes],
        "files": files.items,
        "rules": [list(r) for r in rules.items],
        "kinds": [list(k) for k in kinds.items],  # [rule, severity (0 error, 1 warning, 2 info), fix (0 none, 1 safe, 2 unsafe)]
        "sources": sources.items,
        "docs_by_source": sorted(by_source.items()),
        "lengths": _length_histogram([d.n_chars for d in docs]),
        "per_rule": [[r, per_rule[r], rule_docs[r]] for r in range(len(rules.items))],
        "per_source": [[s, n, source_docs[s]] for s, n in sorted(per_source.items())],
        "heat": [[s, r, n] for (s, r), n in heat.items()],
        "worst": [[w[2], w[3], w[4], w[5], w[6], w[0], w[1]] for w in worst[:15]],  # [doc, path, record, title, multi, errors, findings]
        "chunks": chunks,
        "texts": texts.n,
        "errors": [[files(file.path), e.line or 0, e.record or 0, e.message] for file in report.files for e in file.errors],
    }


def _asset(name: str) -> str:
    return resources.files("corpuscheck.report").joinpath("templates", name).read_text(encoding="utf-8")


def render_index(index: dict, inline: dict[str, str] | None = None) -> str:
    """The page: CSP by hash (+ 'strict-dynamic' for the data files the script loads), the index JSON, the script."""
    script, style = _asset("report.js"), _asset("report.css")
    env = jinja2.Environment(autoescape=True, undefined=jinja2.StrictUndefined)
    page = env.from_string(_asset("report.html.j2"))
    csp = (f"default-src 'none'; script-src {csp_hash(script)} 'strict-dynamic'; style-src {csp_hash(style)}; "
           "img-src data:; base-uri 'none'; form-action 'none'")
    markup = jinja2.utils.markupsafe.Markup
    title = f"corpuscheck: {index['meta']['suite']}"
    return page.render(
        title=title,
        csp=markup(csp),  # built here from hashes only
        style=markup(style),
        script=markup(script),
        data=markup(json_for_script(index)),
        chunks=[(name, markup(text)) for name, text in (inline or {}).items()],
    )


def render_page(report, data_docs: str | None = None) -> str:
    """One self-contained page, the data chunks inline (``--format html``)."""
    inline: dict[str, str] = {}
    index = build(report, lambda name, data: inline.__setitem__(name, json_for_script(data)), data_docs)
    return render_index(index, inline)


class HtmlReporter(Reporter):
    name = "html"

    def render(self, report) -> str:
        return render_page(report)


def write_report(report, folder: Path) -> Path:
    """Write the report folder: a fresh ``folder/data-<token>/`` of chunks, then ``folder/index.html`` atomically.

    ``index.html`` names its own data folder, so replacing it is the one step that switches
    reports: interrupted before, the previous page still reads its previous data; after it,
    the other ``data*`` folders are removed. Links ``gx/index.html`` when the GX Data Docs are
    there, after making them work offline (:func:`corpuscheck.report.datadocs.localize`).
    """
    from corpuscheck.atomic import write_text

    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    docs = folder / "gx" / "index.html"
    if docs.exists():
        from corpuscheck.report.datadocs import localize

        localize(folder / "gx")
    name = f"{DATA_DIR}-{secrets.token_hex(4)}"
    fresh = folder / f".{name}.tmp"
    fresh.mkdir()
    try:
        def emit(chunk: str, data) -> None:
            with open(fresh / f"{chunk}.js", "w", encoding="utf-8") as handle:
                handle.write(f'CC.put("{chunk[0]}",{int(chunk[1:])},')
                handle.write(orjson.dumps(json_for_script(data)).decode())  # a string literal of the JSON
                handle.write(");\n")

        index = build(report, emit, "gx/index.html" if docs.exists() else None)
        index["meta"]["data"] = name
        os.replace(fresh, folder / name)
    except BaseException:
        shutil.rmtree(fresh, ignore_errors=True)
        raise
    written = write_text(folder / "index.html", render_index(index))
    for old in folder.iterdir():
        if old.name != name and is_report_data(old, unfinished_after=3600):
            shutil.rmtree(old, ignore_errors=True)
    return written


_DATA_NAME = re.compile(rf"\.?{DATA_DIR}-[0-9a-f]{{8}}(?:\.tmp)?")
_DATA_FILE = re.compile(r"[fdt]\d+\.js")


def is_report_data(path: Path, unfinished_after: float | None = None) -> bool:
    """Whether ``path`` is a data folder an earlier report wrote (``data-<8 hex>`` holding only
    its ``f<N>.js``/``t<N>.js`` files), never a folder of the user's that happens to be called
    ``data``. An unfinished one (``.data-<hex>.tmp``) counts only when older than
    ``unfinished_after`` seconds: another run may be writing it now."""
    import time

    if not path.is_dir() or path.is_symlink() or not _DATA_NAME.fullmatch(path.name):
        return False
    if path.name.startswith("."):
        if unfinished_after is None or time.time() - path.stat().st_mtime < unfinished_after:
            return False
    try:
        return all(entry.is_file() and _DATA_FILE.fullmatch(entry.name) for entry in os.scandir(path))
    except OSError:
        return False


write_html = write_report  # the name the CLI and the tests call
