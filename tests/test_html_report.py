"""The HTML report (``--report DIR``): an offline page whose own script renders JSON data.

The static tests read the page's parts (CSP, the JSON block, the assets); the browser
tests open it in Debian's chromium through Playwright (``pip install playwright``, never
``playwright install``) and look at what the script built, with a console listener, a
dialog handler and a request log proving nothing runs or loads that should not.
"""

from __future__ import annotations

import base64
import hashlib
import json
import os
import re
import shutil
import urllib.parse
from pathlib import Path

import pytest

from corpuscheck.check import Report, check
from corpuscheck.cli import main
from corpuscheck.engine import FileReport
from corpuscheck.findings import Finding
from corpuscheck.gx.suite import load_suite
from corpuscheck.report import get_reporter
from corpuscheck.report import html as html_report
from corpuscheck.report.data import ReportData
from corpuscheck.report.datadocs import localize
from corpuscheck.report.html import HtmlReporter, json_for_script, write_html

FIXTURES = Path(__file__).resolve().parent / "fixtures"
SEED = "000_232fd3ee54a89291.txt"
SCRIPT = "<script>alert(1)</script>"
IMG = '"><img src=x onerror=alert(1)>'
HOSTILE_NAME = IMG + ".txt"


@pytest.fixture(scope="module")
def seed_report():
    return check([str(FIXTURES / "seed")])


@pytest.fixture(scope="module")
def hostile(tmp_path_factory):
    """Hostile HTML in a file name, in the text, in a JSONL title and in the suite's name."""
    root = tmp_path_factory.mktemp("hostile")
    corpus = root / "corpus"
    corpus.mkdir()
    repeated = f"Isi {IMG} lalu {SCRIPT} \u202eevil\u202c zero\u200bwidth \u2028 </script><script>alert(2)</script>."
    (corpus / HOSTILE_NAME).write_text(
        f"{SCRIPT} judul\nloading...\nJAKARTA - Paragraf pertama.\n{repeated}\nTengah.\n{repeated}\n", encoding="utf-8")
    shutil.copy(FIXTURES / "html" / "records.jsonl", corpus / "records.jsonl")
    suite = root / "suite.yml"
    suite.write_text(
        'name: "</title><script>alert(1)</script>"\nexpectations:\n'
        "  - rule: duplicated-paragraph-run\n  - rule: placeholder-line\n  - rule: ui-residue-line\n",
        encoding="utf-8")
    report = check([str(corpus)], str(suite))
    return report, HtmlReporter().render(report), root


def _data(page: str) -> dict:
    block = re.search(r'<script type="application/json" id="report-data">(.*?)</script>', page, re.S).group(1)
    return json.loads(block)


CHUNK_FILE = re.compile(r'CC\.put\("([fdt])",(\d+),(.*)\);\n', re.S)


def _chunks(where) -> dict[str, dict]:
    """The data chunks of a page (inline blocks) or of a report folder (data/*.js: one CC.put call of JSON each)."""
    if isinstance(where, str):
        return {m.group(1): json.loads(m.group(2)) for m in
                re.finditer(r'<script type="application/json" id="cc-([fdt]\d+)">(.*?)</script>', where, re.S)}
    found = {}
    name = _data(Path(where, "index.html").read_text(encoding="utf-8"))["meta"]["data"]
    from corpuscheck.report.html import is_report_data

    assert [p.name for p in Path(where).iterdir() if is_report_data(p, 0)] == [name]  # the page's own, no other
    for path in sorted(Path(where, name).glob("*.js")):
        m = CHUNK_FILE.fullmatch(path.read_text(encoding="utf-8"))
        assert m and path.stem == m.group(1) + m.group(2), path  # nothing but the call and one JSON string
        literal = json.loads(m.group(3))
        assert isinstance(literal, str)
        found[path.stem] = json.loads(literal)
    return found


def _findings(index: dict, chunks: dict) -> list[dict]:
    """Every finding in the chunks, resolved to names (the page script's own reading of the columns)."""
    out = []
    texts = _texts(chunks)
    for n, (first, n_docs, n_findings) in enumerate(index["chunks"]):
        core, detail = chunks[f"f{n}"], chunks[f"d{n}"]
        assert len(core["file"]) == len(detail["title"]) == n_docs and len(core["doc"]) == len(detail["end"]) == n_findings
        s = detail["strings"]
        docs, file, record = [], 0, 0
        for j in range(n_docs):
            file, record = file + core["file"][j], record + core["record"][j]
            docs.append({"file": index["files"][file], "record": record, "source": index["sources"][core["source"][j]],
                         "multi": core["multi"][j], "title": s[detail["title"][j]], "text_chunk": detail["text"][j],
                         "url": s[detail["url"][j]], "page_title": s[detail["page_title"][j]]})
        doc, seen = first - 1, {}
        for j in range(n_findings):
            doc += core["doc"][j]
            rule, severity, fix = index["kinds"][core["kind"][j]]
            k = seen[doc] = seen.get(doc, -1) + 1  # the finding's place among its document's: its edits in the text chunk
            edits = (texts.get(doc, [0] * 6)[5] or [0] * (k + 1))[k]
            line = core["line"][j]
            out.append({**docs[doc - first], "doc": doc, "code": index["rules"][rule][0], "severity": severity, "line": line,
                        "end_line": line + detail["end"][j], "column": detail["column"][j], "message": s[detail["message"][j]],
                        "excerpt": s[detail["excerpt"][j]], "fix": fix,
                        "related": (detail["related"][j], detail["related_end"][j]), "edits": edits})
    return out


def _texts(chunks: dict) -> dict[int, list]:
    return {t[0]: t[1:] for name, c in chunks.items() if name[0] == "t" for t in c["docs"]}


def _page_parts(page: str) -> tuple[dict, list[dict], dict]:
    index, chunks = _data(page), _chunks(page)
    return index, _findings(index, chunks), _texts(chunks)


def _hand_report(files: dict[str, int]) -> Report:
    reports = []
    for path, count in files.items():
        file = FileReport(path, documents=count)
        for i in range(count):
            file.findings.append(Finding(path=path, doc_id=f"{path}#{i + 1}", record=i + 1, code="P101",
                                         rule="placeholder-line", severity="error", line=2, end_line=2, column=1,
                                         message="Placeholder line 'loading...' is not article text",
                                         excerpt="loading..."))
        reports.append(file)
    return Report(suite=load_suite(None), files=reports, outcomes=[], documents=sum(files.values()))


# --- the page itself ----------------------------------------------------------------------------

def test_every_finding_is_in_the_data_none_capped(monkeypatch):
    monkeypatch.setattr(html_report, "FINDINGS_PER_CHUNK", 500)
    report = _hand_report({f"c/{n}.jsonl": 700 for n in range(3)})
    index, found, _ = _page_parts(HtmlReporter().render(report))
    assert len(found) == 2100 == index["meta"]["findings"] == sum(c[2] for c in index["chunks"])
    assert len(index["chunks"]) == 5  # 2100 findings, 500 a chunk
    assert {f["file"] for f in found} == {"c/0.jsonl", "c/1.jsonl", "c/2.jsonl"}
    assert [(f["file"], f["record"]) for f in found] == [(f"c/{n}.jsonl", i + 1) for n in range(3) for i in range(700)]
    assert [f["doc"] for f in found] == list(range(2100))  # one document each, numbered in order across chunks


def test_seed_findings_round_trip_through_the_json_block(seed_report):
    _, found, texts = _page_parts(HtmlReporter().render(seed_report))
    shown = {(f["file"].endswith(SEED), f["code"], f["line"], f["excerpt"]) for f in found}
    assert {(True, "P101", 2, "loading..."), (True, "P102", 3, "A"), (True, "N102", 19, "(ian)")} <= shown
    d101 = [f for f in found if f["code"] == "D101" and f["file"].endswith(SEED)]
    assert [(f["line"], f["end_line"], f["related"]) for f in d101] == [(13, 18, (7, 12))]  # the span and its original
    fix = {f["code"]: f["fix"] for f in found}  # 0 none, 1 safe, 2 unsafe
    assert fix["P101"] == fix["P102"] == fix["D101"] == fix["N102"] == 1  # the seed's findings are all safely fixable
    text, total, title_line, dateline, dateline_end, _ = texts[d101[0]["doc"]]
    original = (FIXTURES / "seed" / SEED).read_text(encoding="utf-8")
    assert text == original and total == len(original)  # the document view's text: the file's, whole
    assert (title_line, dateline, dateline_end) == (1, 6, 6)  # title line 1, `SEOUL - ` on line 6
    p101 = next(f for f in found if f["code"] == "P101")
    assert [text[a:b] for a, b, _ in p101["edits"]] == ["loading...\n"]  # the fix preview removes what fix removes


def test_long_texts_are_cut_at_a_line_end_and_say_so(monkeypatch, seed_report):
    monkeypatch.setattr(html_report, "TEXT_CHARS", 1000)
    _, found, texts = _page_parts(HtmlReporter().render(seed_report))
    text, total, *_ = texts[found[0]["doc"]]
    original = (FIXTURES / "seed" / SEED).read_text(encoding="utf-8")
    assert total == len(original) > 1000 >= len(text) and original.startswith(text + "\n")
    monkeypatch.setattr(html_report, "MARKED_DOCS", 0)  # past the bound the dateline is not looked for, and says so
    _, found, texts = _page_parts(HtmlReporter().render(seed_report))
    assert texts[found[0]["doc"]][2:5] == [1, -1, -1]


def test_each_finding_is_marked_with_its_fix_safety():
    report = _hand_report({"c.jsonl": 3})
    safe, none, unsafe = report.files[0].findings
    report.files[0].findings[1:] = [
        Finding(**{**none.as_dict(), "path": "c.jsonl", "code": "N101", "rule": "missing-dateline"}),
        Finding(**{**unsafe.as_dict(), "path": "c.jsonl", "code": "E102", "rule": "mojibake"}),
    ]
    _, found, texts = _page_parts(HtmlReporter().render(report))
    assert [(f["code"], f["fix"]) for f in found] == [("P101", 1), ("N101", 0), ("E102", 2)]
    assert texts == {} and {f["text_chunk"] for f in found} == {-1}  # no file to read again: no text, said so
    stats = {r["code"]: r["fixable"] for r in ReportData(report).statistics()}
    assert stats == {"P101": 1, "N101": 0, "E102": 0}  # as ruff counts: only safe fixes


def test_only_the_pages_own_script_and_style_are_allowed(hostile):
    _, page, _ = hostile
    csp = re.search(r'http-equiv="Content-Security-Policy" content="([^"]+)"', page).group(1)
    assert "default-src 'none'" in csp and "unsafe-inline" not in csp and "http" not in csp
    scripts = re.findall(r"<script>(.*?)</script>", page, re.S)
    assert len(scripts) == 1 and len(re.findall(r"<script\b", page)) == 1 + len(re.findall(r'<script type="application/json"', page))
    digest = base64.b64encode(hashlib.sha256(scripts[0].encode()).digest()).decode()
    # the hashed script, and what it inserts (the data/ chunks): 'strict-dynamic' ignores markup scripts and 'self'
    assert f"script-src 'sha256-{digest}' 'strict-dynamic';" in csp
    assert not re.search(r"""(src|href)=["']?(https?:)?//""", page)  # nothing from the network


def test_corpus_text_cannot_leave_the_json_block(hostile):
    _, page, _ = hostile
    blocks = re.findall(r'<script type="application/json" id="[^"]+">(.*?)</script>', page, re.S)
    assert len(blocks) >= 3 and not any(set("<>&\u2028\u2029") & set(block) for block in blocks)
    assert any(SCRIPT in str(c) for c in _chunks(page).values())  # the hostile text is in there, escaped
    data = json.loads(blocks[0])
    assert data["meta"]["suite"] == "</title><script>alert(1)</script>"
    assert any(HOSTILE_NAME in f for f in data["files"])
    assert "<script>" not in page.split('id="report-data">')[0]  # title and head escaped
    assert json_for_script({"x": "</script>\u2028"}) == '{"x":"\\u003c/script\\u003e\\u2028"}'


def test_write_html_is_atomic_and_links_data_docs(tmp_path, seed_report):
    folder = tmp_path / "a" / "b"
    (folder / "gx").mkdir(parents=True)
    (folder / "gx" / "index.html").write_text("docs", encoding="utf-8")
    index = write_html(seed_report, folder)
    assert index == folder / "index.html" and not list(folder.glob(".index.*")) and not list(folder.glob(".data*"))
    assert _data(index.read_text(encoding="utf-8"))["meta"]["data_docs"] == "gx/index.html"
    assert sorted(_chunks(folder)) == ["d0", "f0", "t0"]
    first = _data(index.read_text(encoding="utf-8"))["meta"]["data"]
    for mine in ("data", "data-2024", "data-0123abcd"):  # the user's folders, whatever their names
        (folder / mine).mkdir()
        (folder / mine / "corpus.txt").write_text("keep me", encoding="utf-8")
    write_html(seed_report, folder)
    assert sorted(_chunks(folder)) == ["d0", "f0", "t0"] and _data(index.read_text(encoding="utf-8"))["meta"]["data"] != first
    assert not (folder / first).exists()  # the previous report's own data folder is gone
    assert all((folder / mine / "corpus.txt").exists() for mine in ("data", "data-2024", "data-0123abcd"))
    assert _data(HtmlReporter().render(seed_report))["meta"]["data_docs"] is None


def test_an_interrupted_write_keeps_the_previous_report_whole(tmp_path, monkeypatch, seed_report):
    index = write_html(seed_report, tmp_path)
    before = {p.relative_to(tmp_path): p.read_bytes() for p in tmp_path.rglob("*") if p.is_file()}

    class Interrupted(BaseException):  # as a Ctrl-C would (KeyboardInterrupt itself would stop pytest)
        pass

    def boom(*args, **kwargs):
        raise Interrupted

    monkeypatch.setattr(html_report, "json_for_script", boom)  # in the middle of writing the data files
    with pytest.raises(Interrupted):
        write_html(seed_report, tmp_path)
    assert {p.relative_to(tmp_path): p.read_bytes() for p in tmp_path.rglob("*") if p.is_file()} == before
    assert sorted(_chunks(tmp_path)) == ["d0", "f0", "t0"] and index.exists()


GX_PAGE = """<html><head><link rel="stylesheet" href="https://maxcdn.bootstrapcdn.com/bootstrap/4.3.1/css/bootstrap.min.css"/>
<link rel="stylesheet" href="https://cdnjs.cloudflare.com/ajax/libs/font-awesome/6.6.0/css/all.min.css">
<script src="https://code.jquery.com/jquery-3.7.1.min.js"></script><link rel="shortcut icon" href="../../static/images/favicon.ico"/>
</head><body><img src="https://great-expectations-web-assets.s3.us-east-2.amazonaws.com/logo-long.png?d=1">
<a href="https://docs.greatexpectations.io/">docs</a><i class="fas fa-times text-danger"></i></body></html>"""


def test_data_docs_pages_are_made_to_load_local_files_only(tmp_path):
    gx = tmp_path / "gx"
    (gx / "validations" / "s" / "run").mkdir(parents=True)
    (gx / "static" / "styles").mkdir(parents=True)
    (gx / "static" / "styles" / "own.css").write_text(".x{background:url('https://cdn.example/logo.png')}", encoding="utf-8")
    (gx / "index.html").write_text(GX_PAGE, encoding="utf-8")
    (gx / "validations" / "s" / "run" / "page.html").write_text(GX_PAGE, encoding="utf-8")
    assert localize(gx) == 2
    top, deep = (gx / "index.html").read_text(encoding="utf-8"), (gx / "validations/s/run/page.html").read_text(encoding="utf-8")
    for page, prefix in ((top, ""), (deep, "../../../")):
        assert not re.search(r"""(src|href)=["']?(https?:)?//""", page.replace('href="https://docs.greatexpectations.io/"', ""))
        assert f'href="{prefix}static/vendor/bootstrap-4.3.1.min.css"' in page and f'src="{prefix}static/images/logo-long.png"' in page
        assert f'href="{prefix}static/images/favicon.ico"' in page  # GX's own relative paths put at the page's depth
    assert "https://docs.greatexpectations.io/" in top  # a link the reader may follow stays
    assert (gx / "static" / "vendor" / "bootstrap-4.3.1.min.css").read_text(encoding="utf-8").startswith("/*!\n * Bootstrap v4.3.1")
    assert "https:" not in (gx / "static" / "styles" / "own.css").read_text(encoding="utf-8")


def test_cli_report_writes_index_html(tmp_path, capsys):
    out = tmp_path / "out"
    code = main(["check", str(FIXTURES / "seed" / SEED), "--report", str(out), "--format", "json"])
    assert code == 1
    json.loads(capsys.readouterr().out)  # stdout keeps the chosen format
    assert _data((out / "index.html").read_text(encoding="utf-8"))["meta"]["findings"] == 6
    assert len(_findings(_data((out / "index.html").read_text(encoding="utf-8")), _chunks(out))) == 6
    assert get_reporter("html") is HtmlReporter


# --- in Debian's chromium, through Playwright -----------------------------------------------------

CHROMIUM = shutil.which("chromium") or ("/usr/bin/chromium" if os.path.exists("/usr/bin/chromium") else None)
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run"]


@pytest.fixture(scope="module")
def browser():
    if CHROMIUM is None:
        pytest.skip("chromium is not installed (apt-get install -y chromium; .ci/run installs it)")
    sync_api = pytest.importorskip("playwright.sync_api", reason="pip install '.[test]' brings playwright")
    with sync_api.sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield b
        b.close()


class Watched:
    """A page with every console message, dialog, page error and request recorded."""

    def __init__(self, browser, url: str):
        self.page = browser.new_page(viewport={"width": 1400, "height": 1000})
        self.console, self.dialogs, self.requests = [], [], []
        self.page.on("console", lambda m: self.console.append(f"{m.type}: {m.text}"))
        self.page.on("pageerror", lambda e: self.console.append(f"pageerror: {e}"))
        self.page.on("dialog", lambda d: (self.dialogs.append(d.message), d.dismiss()))
        self.page.on("request", lambda r: self.requests.append(r.url))
        self.url = url
        self.page.goto(url)

    def count(self) -> str:
        return self.page.locator("#count").inner_text()

    def clean(self) -> None:
        assert self.console == [] and self.dialogs == []
        assert [u for u in self.requests if not u.startswith("file://")] == []


def test_browser_filters_search_and_fragment(browser, tmp_path, seed_report):
    index = write_html(seed_report, tmp_path)
    w = Watched(browser, index.as_uri() + "#view=explorer")
    total = len(seed_report.findings)
    assert w.count().startswith(f"{total} of {total} findings")
    w.page.select_option("#f-rule", label="P102 ui-residue-line")
    p102 = sum(f.code == "P102" for f in seed_report.findings)
    assert w.count().startswith(f"{p102} of {total} findings")
    assert all(b == "P102" for b in w.page.locator("#findings .badge:not(.fix)").all_inner_texts())
    assert w.page.locator("#findings .badge.fix").all_inner_texts() == ["safe fix"] * p102
    w.page.select_option("#f-rule", value="")
    w.page.select_option("#f-fix", value="none")  # the seed's findings all have a safe fix
    assert w.count().startswith(f"0 of {total} findings")
    w.page.select_option("#f-fix", value="safe")
    assert w.count().startswith(f"{total} of {total} findings") and "fix=safe" in w.page.evaluate("location.hash")
    w.page.select_option("#f-fix", value="")
    w.page.select_option("#f-rule", label="P102 ui-residue-line")
    assert "rule=P102+ui-residue-line" in w.page.evaluate("location.hash")  # names, not positions: stable links
    w.page.select_option("#f-rule", value="")
    w.page.fill("#f-q", "(ian)")
    w.page.locator("#count", has_text=re.compile(r"^1 of")).wait_for()  # the search is debounced
    fragment = w.page.evaluate("location.hash")
    assert "q=%28ian%29" in fragment
    again = Watched(browser, index.as_uri() + fragment)  # the fragment reproduces the view
    assert again.count().startswith(f"1 of {total}") and again.page.input_value("#f-q") == "(ian)"
    w.page.goto(index.as_uri() + "#view=overview&failed=1")
    rows = w.page.locator("#expectations tr").all_inner_texts()[1:]
    assert rows and all(r.startswith("FAIL") for r in rows)
    w.clean()
    again.clean()


def test_browser_shows_hostile_text_as_text(browser, hostile):
    report, page, root = hostile
    index = root / "index.html"
    index.write_text(page, encoding="utf-8")
    w = Watched(browser, index.as_uri() + "#view=explorer")
    text = w.page.locator("#findings").inner_text()
    assert SCRIPT in text and HOSTILE_NAME in text and "</script><script>alert(2)</script>" in text
    assert "U+202E" in text and "U+200B" in text and "U+2028" in text  # invisible characters are marked
    assert w.page.locator("#findings img, #findings script").count() == 0
    w.page.goto(index.as_uri())
    assert w.page.title().startswith("corpuscheck: </title>")
    w.clean()


def test_browser_document_view_shows_the_run_beside_its_original_and_the_fix_preview(browser, tmp_path, seed_report):
    index = write_html(seed_report, tmp_path / "r")
    seed = next(f.path for f in seed_report.findings if f.path.endswith(SEED))
    lines = (FIXTURES / "seed" / SEED).read_text(encoding="utf-8").split("\n")
    w = Watched(browser, index.as_uri() + "#view=explorer")
    w.page.locator("#findings .finding", has_text="duplicated-paragraph-run").locator(".loc").click()
    w.page.locator("#doc-text").wait_for()
    assert "view=doc" in w.page.evaluate("location.hash") and "line=13" in w.page.evaluate("location.hash")
    assert w.page.locator("#doc-name").inner_text() == seed
    pair = w.page.locator(".side-by-side")
    assert w.page.locator(".side-by-side .original").all_inner_texts() == lines[6:12]  # lines 7-12 on the left
    assert pair.locator(".repeat").all_inner_texts() == lines[12:18]  # their repeat, lines 13-18, beside them
    rows = w.page.locator("#doc-text tr")
    assert rows.count() == len(lines) == 19
    assert rows.nth(0).get_attribute("class") == "part-title" and "part-dateline" in rows.nth(5).get_attribute("class")
    assert "hit error" in rows.nth(1).get_attribute("class") and "hit warning" in rows.nth(18).get_attribute("class")
    assert "hit" not in rows.nth(6).get_attribute("class")  # an original line is not flagged
    assert w.page.locator("#L13").get_attribute("class").endswith("target")
    assert w.page.locator("#doc-text tr:nth-child(2) mark").inner_text() == "loading..."  # the fix span, inline
    w.page.click("#tab-fix")
    w.page.locator("#fix-preview").wait_for()
    removed = w.page.locator("#fix-preview del").all_inner_texts()
    assert removed[0] == "loading...\n" and removed[1:4] == ["A\n"] * 3 and "(ian)" in removed[-1]
    assert lines[6] in w.page.locator("#fix-preview pre").inner_text()  # the original paragraphs stay
    assert "removing 1,339 character(s)" in w.page.locator("#fix-summary").inner_text()
    w.page.go_back()
    w.page.go_back()
    w.page.locator("#findings").wait_for()
    first = w.page.locator("#findings .finding").first.locator(".ctx tr").all_inner_texts()
    assert [r.split("\t")[0] for r in first] == ["1", "2", "3"] and "loading..." in first[1]  # a line before and after
    w.clean()


HOSTILE_PAGE = """<!doctype html><html><head><title>Judul &lt;script&gt;alert(1)&lt;/script&gt; halaman</title>
<link rel="canonical" href="https://news.example/berita/&quot;&gt;&lt;img src=x onerror=alert(1)&gt;">
<meta name="author" content="&lt;img src=x onerror=alert(3)&gt;"></head>
<body><article><h1>Gempa &lt;img src=x onerror=alert(4)&gt;</h1>
<p>MATARAM - Gempa mengguncang Lombok pagi ini dan warga berhamburan keluar rumah untuk menyelamatkan diri dari bangunan.</p>
<p>loading...</p>
<p>Petugas BPBD mengatakan belum ada laporan korban jiwa, tetapi beberapa rumah warga mengalami kerusakan ringan di atap.</p>
<p>Warga diminta tetap tenang dan mengikuti arahan petugas &lt;script&gt;alert(5)&lt;/script&gt; sampai keadaan aman.</p>
</article></body></html>"""


def test_browser_document_view_shows_hostile_text_urls_and_titles_as_text(browser, hostile):
    report, _, root = hostile
    (root / "corpus" / "page.html").write_text(HOSTILE_PAGE, encoding="utf-8")
    suite = root / "suite.yml"
    report = check([str(root / "corpus")], str(suite))
    folder = root / "report"
    index = write_html(report, folder)
    found = _findings(_data(index.read_text(encoding="utf-8")), _chunks(folder))
    page = next(f for f in found if f["file"].endswith("page.html"))
    assert page["url"].startswith("https://news.example/berita/") and "alert(4)" in page["page_title"]
    w = Watched(browser, index.as_uri() + "#view=explorer")
    urls = w.page.locator("#findings .page-url").all_inner_texts()
    assert urls and all(page["url"] in u and page["page_title"] in u for u in urls)  # saved pages: URL and title
    w.page.fill("#f-q", "page.html")
    on_page = sum(f["file"].endswith("page.html") for f in found)
    w.page.locator("#count", has_text=re.compile(rf"^{on_page} of")).wait_for()
    w.page.locator("#findings .finding .loc").first.click()
    w.page.locator("#doc-text").wait_for()
    assert w.page.locator("#doc-url").inner_text() == page["url"] and "<img src=x onerror=alert(4)>" in w.page.locator("#doc-page-title").inner_text()
    assert "<script>alert(5)</script>" in w.page.locator("#doc-text").inner_text()
    docs = [f for f in found if f["file"].endswith(HOSTILE_NAME)]
    w.page.goto(index.as_uri() + "#" + urllib.parse.urlencode({"view": "doc", "doc": docs[0]["file"], "rec": "1"}))
    w.page.locator("#doc-text").wait_for()
    text = w.page.locator("main").inner_text()
    assert HOSTILE_NAME in text and SCRIPT in text and "</script><script>alert(2)</script>" in text
    assert w.page.locator(".side-by-side .repeat").count() == 1  # the repeated hostile line beside its original
    w.page.click("#tab-fix")
    w.page.locator("#fix-preview").wait_for()
    jsonl = next(f for f in found if f["file"].endswith("records.jsonl") and "alert" in f["title"])
    w.page.goto(index.as_uri() + "#" + urllib.parse.urlencode({"view": "doc", "doc": jsonl["file"], "rec": str(jsonl["record"])}))
    w.page.locator("#doc-text").wait_for()
    assert "</title><script>alert(1)</script>" in w.page.locator("#doc-title").inner_text()
    assert w.page.locator("main img, main script, main iframe").count() == 0
    w.clean()


def test_browser_missing_data_file_is_one_clear_line(browser, tmp_path, seed_report):
    index = write_html(seed_report, tmp_path)
    name = _data(index.read_text(encoding="utf-8"))["meta"]["data"]
    (tmp_path / name / "f0.js").unlink()
    w = Watched(browser, index.as_uri() + "#view=explorer")
    w.page.locator("#count .fail").wait_for()
    assert w.page.locator("#count").inner_text() == f"{name}/f0.js is missing: the report folder is incomplete"
    assert w.dialogs == []


def test_browser_data_docs_are_linked_and_styled_offline(browser, tmp_path):
    out = tmp_path / "out"
    assert main(["check", str(FIXTURES / "seed" / SEED), "--report", str(out), "--data-docs", "--quiet", "--no-progress"]) == 1
    w = Watched(browser, (out / "index.html").as_uri())
    assert w.page.get_attribute("#data-docs", "href") == "gx/index.html"
    pages = sorted((out / "gx").rglob("*.html"))
    assert len(pages) >= 3
    for page in pages:
        d = Watched(browser, page.as_uri())
        # Bootstrap's reboot is applied (the system font stack), and nothing was asked of the network
        assert d.page.evaluate("getComputedStyle(document.body).fontFamily").startswith("-apple-system")
        if page == out / "gx" / "index.html":  # its tables are drawn by the vendored jQuery + bootstrap-table
            assert "corpus-rows" in d.page.locator("table tbody").first.inner_text()
        d.clean()
    w.clean()


def test_browser_findings_split_over_chunks_filter_sort_search_and_page(browser, tmp_path, monkeypatch):
    monkeypatch.setattr(html_report, "FINDINGS_PER_CHUNK", 500)  # 2,100 findings in 5 column chunks
    report = _hand_report({f"c/{n}.jsonl": 700 for n in range(3)})
    for file in report.files:  # every third document's finding a warning of another rule
        file.findings[2::3] = [Finding(**{**f.as_dict(), "path": f.path, "code": "N102", "rule": "byline-residue",
                                          "severity": "warning", "line": 9, "end_line": 9}) for f in file.findings[2::3]]
    index = write_html(report, tmp_path / "r")
    assert len(_data(index.read_text(encoding="utf-8"))["chunks"]) == 5
    w = Watched(browser, index.as_uri() + "#view=explorer")
    assert w.count().startswith("2,100 of 2,100 findings (1,401 error, 699 warning, 0 info)")
    w.page.select_option("#f-file", value="c/1.jsonl")
    assert w.count().startswith("700 of 2,100")
    w.page.select_option("#f-rule", label="N102 byline-residue")
    assert w.count().startswith("233 of 2,100")  # counts at once; the cards once their chunk's card data is in
    w.page.locator("#findings .finding").first.wait_for()
    locs = w.page.locator("#findings .finding .loc").all_inner_texts()
    assert locs[:2] == ["c/1.jsonl#3:9:1", "c/1.jsonl#6:9:1"] and locs[-1] == "c/1.jsonl#150:9:1"
    last = w.page.locator("#findings .finding .loc").last
    w.page.goto(index.as_uri() + "#view=explorer&sort=severity&page=42")  # the last page: the last warning
    w.page.locator(".page", has_text="page 42 of 42").first.wait_for()
    w.page.locator("#findings .finding").first.wait_for()
    assert last.inner_text() == "c/2.jsonl#699:9:1"
    assert w.page.locator("#findings .finding").count() == 50 == w.page.locator("#findings .finding.warning").count()
    w.page.goto(index.as_uri() + "#view=explorer&sort=severity")
    w.page.locator(".page", has_text="page 1 of 42").first.wait_for()
    w.page.locator("#findings .finding").first.wait_for()
    assert w.page.locator("#findings .finding .loc").first.inner_text() == "c/0.jsonl#1:2:1"
    w.page.goto(index.as_uri() + "#view=explorer&sort=file&page=42")
    w.page.locator(".page", has_text="page 42 of 42").first.wait_for()
    w.page.locator("#findings .finding").first.wait_for()
    assert last.inner_text() == "c/2.jsonl#700:2:1"
    w.page.goto(index.as_uri() + "#view=explorer&q=c%2F2.jsonl%23350%3A")  # the search reads every chunk's card data
    w.page.locator("#count", has_text=re.compile(r"^1 of 2,100")).wait_for()
    w.page.locator("#findings .finding .loc").first.click()
    w.page.locator("#no-text").wait_for()  # no file to read again: the document view says so
    assert w.page.locator("#doc-name").inner_text() == "c/2.jsonl#350"
    assert w.page.locator("#doc-findings tr").count() == 1
    w.clean()
