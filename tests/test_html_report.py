"""The HTML report (``--report DIR``): what an auditor reads, parsed as HTML, never string-matched only.

Every page is parsed with the standard library's ``html.parser`` into a small tree;
the tests then look at elements, attributes and text the way a browser would see them.
If Debian's chromium is installed (``apt-get install -y chromium``), one more test
renders the page in it and checks the DOM it built.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import tempfile
from html.parser import HTMLParser
from pathlib import Path

import pytest

from corpuscheck.check import Report, check
from corpuscheck.cli import main
from corpuscheck.engine import FileReport
from corpuscheck.findings import Finding
from corpuscheck.gx.suite import load_suite
from corpuscheck.input.loader import LoadError
from corpuscheck.report import get_reporter
from corpuscheck.report import html as html_module
from corpuscheck.report.html import HtmlReporter, anchor, visible, write_html

FIXTURES = Path(__file__).resolve().parent / "fixtures"
SEED = "000_232fd3ee54a89291.txt"
SCRIPT = "<script>alert(1)</script>"
IMG = '"><img src=x onerror=alert(1)>'
HOSTILE_NAME = IMG + ".txt"
VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}


# --- a small DOM built with html.parser -------------------------------------------------------

class Node:
    def __init__(self, tag: str, attrs: dict[str, str | None], parent: Node | None):
        self.tag, self.attrs, self.parent, self.children = tag, attrs, parent, []

    def iter(self, tag: str | None = None, cls: str | None = None):
        for child in self.children:
            if isinstance(child, Node):
                if (tag is None or child.tag == tag) and (cls is None or cls in child.classes):
                    yield child
                yield from child.iter(tag, cls)

    def find(self, tag: str | None = None, cls: str | None = None) -> Node:
        found = next(self.iter(tag, cls), None)
        assert found is not None, f"no <{tag} class={cls}> under <{self.tag}>"
        return found

    @property
    def classes(self) -> list[str]:
        return (self.attrs.get("class") or "").split()

    @property
    def text(self) -> str:
        return "".join(c if isinstance(c, str) else c.text for c in self.children)

    def cells(self) -> list[str]:
        return [" ".join(c.text.split()) for c in self.children if isinstance(c, Node) and c.tag in ("td", "th")]


class _TreeBuilder(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.root = Node("#document", {}, None)
        self.current = self.root
        self.tags: list[tuple[str, dict]] = []  # every start tag, in order
        self.styles: list[str] = []

    def handle_starttag(self, tag, attrs):
        node = Node(tag, dict(attrs), self.current)
        self.tags.append((tag, node.attrs))
        self.current.children.append(node)
        if tag not in VOID:
            self.current = node

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs)
        if tag not in VOID:
            self.current = self.current.parent

    def handle_endtag(self, tag):
        node = self.current
        while node is not None and node.tag != tag:
            node = node.parent
        assert node is not None and node.parent is not None, f"stray </{tag}>"
        self.current = node.parent

    def handle_data(self, data):
        self.current.children.append(data)
        if self.current.tag == "style":
            self.styles.append(data)


def parse(page: str) -> _TreeBuilder:
    builder = _TreeBuilder()
    builder.feed(page)
    builder.close()
    assert builder.current is builder.root, "unclosed elements"
    return builder


def section_for(doc: _TreeBuilder, path: str) -> Node:
    sections = [s for s in doc.root.iter("section", "file") if s.find("h3").text == path]
    assert len(sections) == 1, f"{path!r}: {len(sections)} section(s)"
    return sections[0]


def finding_rows(section: Node) -> list[list[str]]:
    table = section.find("table", "findings")
    return [row.cells() for row in table.iter("tr") if row.parent.tag == "tbody" and "record" not in row.classes]


# --- reports used by several tests ---------------------------------------------------------------

@pytest.fixture(scope="module")
def seed_report():
    return check([str(FIXTURES / "seed")])


@pytest.fixture(scope="module")
def hostile(tmp_path_factory):
    """Hostile HTML in a file name, in the text, in a JSONL title and in the suite's name."""
    root = tmp_path_factory.mktemp("hostile")
    corpus = root / "corpus"
    corpus.mkdir()
    repeated = f"Isi {IMG} lalu {SCRIPT} \u202eevil\u202c zero\u200bwidth."
    (corpus / HOSTILE_NAME).write_text(
        f"{SCRIPT} judul\nloading...\nJAKARTA - Paragraf pertama.\n{repeated}\nTengah.\n{repeated}\n", encoding="utf-8")
    shutil.copy(FIXTURES / "html" / "records.jsonl", corpus / "records.jsonl")
    suite = root / "suite.yml"
    suite.write_text(
        'name: "</title><script>alert(1)</script>"\nexpectations:\n'
        "  - rule: duplicated-paragraph-run\n  - rule: placeholder-line\n  - rule: ui-residue-line\n",
        encoding="utf-8")
    report = check([str(corpus)], str(suite))
    page = HtmlReporter().render(report)
    return report, page, corpus


# --- the seed: every finding, under the file's name ------------------------------------------

def test_seed_report_lists_every_finding_under_the_file(seed_report):
    path = next(f.path for f in seed_report.files)
    assert path.endswith(SEED)
    doc = parse(HtmlReporter().render(seed_report))
    rows = finding_rows(section_for(doc, path))
    expected = [
        [f"{f.line}" if f.end_line == f.line else f"{f.line}–{f.end_line}", f"{f.code} {f.rule}", f.severity.upper(),
         f.message, f.excerpt]
        for f in sorted(seed_report.findings, key=lambda f: (f.line, f.code))
    ]
    shown = [[line, rule, sev.upper(), msg.split(" ↳ ")[0], excerpt] for line, rule, sev, msg, excerpt in rows]
    assert shown == expected
    # the founding example's six defects, as the seed's README describes them
    assert {(r[0], r[1].split()[0], r[4]) for r in rows} >= {
        ("2", "P101", "loading..."), ("3", "P102", "A"), ("4", "P102", "A"), ("5", "P102", "A"),
        ("13–18", "D101", "Hal itu diungkapkan Kementerian Luar Negeri Korsel pada Sabtu (23/9/2023)."),
        ("19", "N102", "(ian)"),
    }
    (d101,) = [r for r in rows if r[1].startswith("D101")]
    assert "first occurrence: lines 7–12" in d101[3]  # the related span


def test_summary_links_to_each_file_section(seed_report):
    doc = parse(HtmlReporter().render(seed_report))
    index = doc.root.find("table", "index")
    links = [a for a in index.iter("a")]
    ids = {s.attrs["id"] for s in doc.root.iter("section", "file")}
    assert [a.attrs["href"] for a in links] == [f"#{i}" for i in sorted(ids)]
    assert doc.root.find("title").text == "corpuscheck: news failed"
    cards = {" ".join(c.text.split()) for c in doc.root.iter("div", "card")}
    assert {"1 files checked", "1 documents", "6 findings", "0 read errors"} <= cards


def test_expectations_table_shows_each_verdict(seed_report):
    doc = parse(HtmlReporter().render(seed_report))
    table = doc.root.find("h2").parent.find("table")  # the first table is the expectations table
    rows = {r.cells()[1].split()[0]: r.cells() for r in table.iter("tr") if r.parent.tag == "tbody"}
    assert rows["D101"][0] == "FAIL" and rows["D101"][3] == "0 / 1" and rows["D101"][6] == "1"
    assert rows["P102"][6] == "3"
    assert rows["N101"][0] == "pass"


# --- hostile content stays text ---------------------------------------------------------------

def test_hostile_html_appears_only_escaped(hostile):
    report, page, corpus = hostile
    doc = parse(page)
    tags = [t for t, _ in doc.tags]
    assert "script" not in tags and "img" not in tags and "iframe" not in tags
    for tag, attrs in doc.tags:
        assert not any(name.startswith("on") for name in attrs), (tag, attrs)
    # the name of the file is shown as text in its section and in the index
    name = next(f.path for f in report.files if f.path.endswith(HOSTILE_NAME))
    section = section_for(doc, name)
    assert name.endswith(IMG + ".txt")
    index_texts = [a.text for a in doc.root.find("table", "index").iter("a")]
    assert any(t.endswith(HOSTILE_NAME) for t in index_texts)
    # the text of the document too: the D101 excerpt holds both payloads, as text
    rows = finding_rows(section)
    (d101,) = [r for r in rows if r[1].startswith("D101")]
    assert IMG in d101[4] and SCRIPT in d101[4]
    # and the suite's name, in <title>
    assert doc.root.find("title").text == "corpuscheck: </title><script>alert(1)</script> failed"
    assert "&lt;script&gt;" in page and "<script" not in page and "<img" not in page


def test_anchors_are_built_from_hashes_not_paths(hostile):
    _, page, _ = hostile
    doc = parse(page)
    for _, attrs in doc.tags:
        if "id" in attrs:
            assert re.fullmatch(r"[a-z][a-z0-9-]*", attrs["id"]), attrs["id"]
        if "href" in attrs:
            assert re.fullmatch(r"#[a-z][a-z0-9-]*", attrs["href"]), attrs["href"]
    ids = [attrs["id"] for _, attrs in doc.tags if "id" in attrs]
    assert len(ids) == len(set(ids))
    assert {attrs["href"][1:] for _, attrs in doc.tags if "href" in attrs} <= set(ids)


def test_invisible_and_bidi_characters_are_shown_not_applied(hostile):
    _, page, _ = hostile
    assert "\u202e" not in page and "\u200b" not in page
    doc = parse(page)
    marks = [m.text for m in doc.root.iter("span", "ch")]
    assert {"U+202E", "U+202C", "U+200B"} <= set(marks)


def test_visible_escapes_before_marking():
    assert str(visible("<b>&\u202e")) == '&lt;b&gt;&amp;<span class="ch" title="invisible character">U+202E</span>'
    assert str(visible("a\u200db")) == "a\u200db"  # ZWJ joins emoji and letters: left alone
    assert str(visible(None)) == ""


# --- no network ---------------------------------------------------------------------------------

def test_the_page_loads_nothing_from_the_network(hostile, seed_report):
    for page in (hostile[1], HtmlReporter().render(seed_report)):
        doc = parse(page)
        tags = [t for t, _ in doc.tags]
        assert "link" not in tags and "script" not in tags and "iframe" not in tags and "img" not in tags
        for tag, attrs in doc.tags:
            for name in ("src", "href", "action", "poster", "data"):
                value = (attrs.get(name) or "").strip().lower()
                assert not value.startswith(("http:", "https:", "//")), (tag, name, value)
        css = "".join(doc.styles).lower()
        assert css and "@import" not in css and "url(" not in css
        csp = [a["content"] for t, a in doc.tags if t == "meta" and a.get("http-equiv") == "Content-Security-Policy"]
        assert len(csp) == 1 and "default-src 'none'" in csp[0] and "script-src" not in csp[0]


# --- multi-document files, read errors ---------------------------------------------------------

def test_records_of_a_jsonl_file_are_grouped_and_read_errors_shown(hostile):
    report, page, _ = hostile
    doc = parse(page)
    path = next(f.path for f in report.files if f.path.endswith("records.jsonl"))
    section = section_for(doc, path)
    table = section.find("table", "findings")
    bodies = [b for b in table.iter("tbody")]
    assert [b.attrs["id"] for b in bodies] == [f"{anchor(path)}-r1", f"{anchor(path)}-r3"]
    assert [b.find("tr", "record").find("a").text for b in bodies] == ["record 1", "record 3"]
    assert [[r[0], r[1].split()[0], r[4]] for r in finding_rows(section)] == [
        ["2", "P102", "Share"], ["3", "P101", "loading..."], ["4", "D101", f"{IMG} and {SCRIPT} U+202Eevil"
                                                                         "U+202C zeroU+200Bwidth."]]
    # the malformed record 2: in the read-errors table (linked to the file) and in the file's section
    table = doc.root.find("table", "read-errors")
    read_rows = [r.cells() for r in table.iter("tr") if r.parent.tag == "tbody"]
    assert len(read_rows) == 1 and read_rows[0][:3] == [path, "2", "2"]
    assert read_rows[0][3].startswith("malformed JSON record")
    assert [a.attrs["href"] for a in table.iter("a")] == [f"#{anchor(path)}"]
    assert [r.cells()[:2] for r in section.find("table", "file-errors").iter("tr") if r.parent.tag == "tbody"] == [
        ["2", "2"]]
    assert "1 read error(s)" in section.find("div", "head").text


# --- large corpora: capped rows, exact counts ---------------------------------------------------

def _hand_report(files: dict[str, int], errors: int = 0) -> Report:
    reports = []
    for path, count in files.items():
        file = FileReport(path, documents=count)
        for i in range(count):
            file.findings.append(Finding(path=path, doc_id=f"{path}#{i + 1}", record=i + 1, code="P101",
                                         rule="placeholder-line", severity="error", line=2, end_line=2, column=1,
                                         message="Placeholder line 'loading...' is not article text",
                                         excerpt="loading..."))
        file.errors.extend(LoadError(path, f"malformed JSON record {i}", line=i, record=i) for i in range(errors))
        reports.append(file)
    return Report(suite=load_suite(None), files=reports, outcomes=[], documents=sum(files.values()))


def test_rows_are_capped_but_counts_stay_exact(monkeypatch):
    monkeypatch.setattr(html_module, "MAX_ROWS_PER_FILE", 10)
    monkeypatch.setattr(html_module, "MAX_ROWS_TOTAL", 15)
    report = _hand_report({"c/a.jsonl": 30, "c/b.jsonl": 25})
    doc = parse(HtmlReporter().render(report))
    index = {r.cells()[0]: r.cells() for r in doc.root.find("table", "index").iter("tr") if r.parent.tag == "tbody"}
    assert index["a.jsonl"][3] == "30" and index["b.jsonl"][3] == "25"  # exact, under the common folder c/
    assert len(finding_rows(section_for(doc, "c/a.jsonl"))) == 10
    assert len(finding_rows(section_for(doc, "c/b.jsonl"))) == 5
    notes = " ".join(" ".join(p.text.split()) for p in doc.root.iter("p"))
    assert "This page lists 15 of 55 findings" in notes
    assert notes.count("… 20 more finding(s) in this file are not listed") == 2  # 30 - 10 and 25 - 5


def test_files_beyond_the_limit_are_counted_not_listed(monkeypatch):
    monkeypatch.setattr(html_module, "MAX_FILES_LISTED", 2)
    report = _hand_report({f"c/{n}.jsonl": n for n in range(1, 6)})
    doc = parse(HtmlReporter().render(report))
    assert len(list(doc.root.iter("section", "file"))) == 2
    assert [s.find("h3").text for s in doc.root.iter("section", "file")] == ["c/5.jsonl", "c/4.jsonl"]
    notes = " ".join(" ".join(p.text.split()) for p in doc.root.iter("p", "note"))
    assert "3 more file(s) with findings or read errors are not listed" in notes
    heading = next(h for h in doc.root.iter("h2") if h.attrs.get("id") == "files")
    assert "(5)" in heading.text


def test_a_big_report_renders_quickly_and_stays_small():
    import time

    report = _hand_report({f"corpus/part-{n:04d}.txt": 3 for n in range(4000)})
    start = time.perf_counter()
    page = HtmlReporter().render(report)
    assert time.perf_counter() - start < 20
    assert len(page.encode()) < 12_000_000
    assert page.count('<section class="file"') == 4000


# --- the CLI writes DIR/index.html ---------------------------------------------------------------

def test_cli_report_writes_index_html(tmp_path, capsys):
    out = tmp_path / "out"
    code = main(["check", str(FIXTURES / "seed" / SEED), "--report", str(out), "--format", "json"])
    assert code == 1
    json.loads(capsys.readouterr().out)  # stdout keeps the chosen format
    doc = parse((out / "index.html").read_text(encoding="utf-8"))
    assert len(finding_rows(next(doc.root.iter("section", "file")))) == 6
    assert get_reporter("html") is HtmlReporter


def test_write_html_creates_the_folder(tmp_path, seed_report):
    index = write_html(seed_report, tmp_path / "a" / "b")
    assert index == tmp_path / "a" / "b" / "index.html" and index.read_text(encoding="utf-8").startswith("<!doctype html>")


# --- in a real browser, when one is installed -----------------------------------------------------

CHROMIUM = shutil.which("chromium") or ("/usr/bin/chromium" if os.path.exists("/usr/bin/chromium") else None)


@pytest.mark.skipif(CHROMIUM is None, reason="needs Debian's chromium: apt-get install -y chromium")
def test_chromium_builds_the_dom_we_expect(hostile, tmp_path):
    report, page, _ = hostile
    index = tmp_path / "index.html"
    index.write_text(page, encoding="utf-8")
    profile = tempfile.mkdtemp(prefix="chromium-")
    try:
        done = subprocess.run(
            [CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
             "--disable-component-update", "--disable-sync", "--no-first-run", f"--user-data-dir={profile}",
             "--dump-dom", index.as_uri()],
            capture_output=True, text=True, timeout=120, check=False,
        )
    finally:
        shutil.rmtree(profile, ignore_errors=True)
    assert done.returncode == 0, done.stderr[-2000:]
    dom = parse(done.stdout)  # what the browser built, serialised back
    tags = [t for t, _ in dom.tags]
    assert "script" not in tags and "img" not in tags
    assert dom.root.find("title").text == "corpuscheck: </title><script>alert(1)</script> failed"
    rows = [r for s in dom.root.iter("section", "file") if s.find("table", "findings") for r in finding_rows(s)]
    assert len(rows) == len(report.findings)
    name = next(f.path for f in report.files if f.path.endswith(HOSTILE_NAME))
    assert section_for(dom, name).find("h3").text == name


def test_record_headers_show_a_title_when_the_engine_passes_one_on():
    report = _hand_report({"c/a.jsonl": 2})
    report.files[0].titles = {1: "</th><script>alert(1)</script> Gempa di Lombok"}
    doc = parse(HtmlReporter().render(report))
    headers = [" ".join(r.text.split()) for r in doc.root.iter("tr", "record")]
    assert headers == ["record 1 · 1 finding(s) · </th><script>alert(1)</script> Gempa di Lombok",
                       "record 2 · 1 finding(s)"]
    assert "script" not in [t for t, _ in doc.tags]
