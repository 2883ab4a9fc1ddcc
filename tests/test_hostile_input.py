"""Hostile input: bombs and vanishing files give an error naming the file; pathological shapes cost linear work."""

import gzip
import pickle

import pytest
from hypothesis import given
from hypothesis import strategies as st

from corpuscheck.input import loader
from corpuscheck.input.document import LoadError, from_text
from corpuscheck.rules import all_rules
from tests.work import assert_linear


def test_gzip_bomb_stops_at_the_bound(tmp_path, monkeypatch):
    monkeypatch.setattr(loader, "MAX_TEXT_BYTES", 1_000_000)
    bomb = tmp_path / "bomb.txt.gz"
    with gzip.open(bomb, "wb") as handle:
        for _ in range(40):
            handle.write(b"A" * 1_000_000)
    assert bomb.stat().st_size < 100_000
    items = [i for i in loader.iter_items([bomb]) if not isinstance(i, loader.FileStart)]
    assert len(items) == 1 and isinstance(items[0], LoadError) and items[0].fatal
    assert str(bomb) in items[0].path and "1,000,000 bytes" in items[0].message


def test_file_removed_while_read_is_an_error(tmp_path, monkeypatch):
    first, gone = tmp_path / "a.txt", tmp_path / "b.txt"
    first.write_text("Some text of a document.\n")
    gone.write_text("Some other text of a document.\n")
    stream = loader.iter_items([tmp_path])
    items = [next(stream)]
    gone.unlink()
    items += list(stream)
    items = [i for i in items if not isinstance(i, loader.FileStart)]
    errors = [i for i in items if isinstance(i, LoadError)]
    assert [e.path for e in errors] == [str(gone)] and errors[0].fatal


SHAPES = {
    "repeated-token-line": lambda n: "<!--" * n,
    "tiny-lines": lambda n: "A\n" * n,
    "distinct-tiny-lines": lambda n: "".join(f"a{i}\n" for i in range(n // 4)),
    "one-huge-line": lambda n: "lorem ipsum dolor " * (n // 4),
    "blank-paragraphs": lambda n: "A line of text.\n\n" * (n // 4),
    "mixed-endings": lambda n: "ab\r\ncd\ref\n" * (n // 3),
    "html-residue": lambda n: "<div><p>&amp;" * (n // 4),
}


@pytest.mark.parametrize("shape", SHAPES)
def test_rules_do_linear_work_on_pathological_shapes(shape):
    small, large = (from_text(SHAPES[shape](n), path="x.txt") for n in (20_000, 80_000))
    for rule in all_rules():
        run = rule.run_corpus if hasattr(rule, "run_corpus") else rule.run
        arg = (lambda d: [d.text]) if hasattr(rule, "run_corpus") else (lambda d: d)
        run(arg(from_text(SHAPES[shape](1_000) + "x", path="w.txt")))  # warm lexicons and patterns, not results
        assert_linear(lambda d, run=run, arg=arg: run(arg(d)), small, large, 4, what=f"{rule.code} on {shape}")


def test_oversized_document_is_checked_on_a_prefix_and_reported(tmp_path, monkeypatch):
    from corpuscheck.rules import get_rule

    monkeypatch.setattr(loader, "MAX_DOCUMENT_CHARS", 1_000)
    big = tmp_path / "big.txt"
    big.write_text("Title\n" + "A line of text here.\n" * 500)
    (doc,) = [i for i in loader.iter_items([big]) if not isinstance(i, loader.FileStart)]
    assert len(doc.text) <= 1_000 and doc.text.endswith("text here.") and doc.meta["truncated_from"] == big.stat().st_size
    (hit,) = get_rule("S107").run(doc)
    assert "10,506 characters" in get_rule("S107").message.format(**hit.data)
    record = tmp_path / "big.jsonl"
    record.write_text('{"text": "' + "x" * 5_000 + '"}\n')
    (doc,) = [i for i in loader.iter_items([record]) if not isinstance(i, loader.FileStart)]
    assert len(doc.text) == 1_000 and doc.meta["truncated_from"] == 5_000 and get_rule("S107").run(doc)


def _spanish_page(lang: str | None) -> bytes:
    declared = f' lang="{lang}"' if lang else ""
    body = "Un párrafo largo de la noticia que se lee como texto principal de la página. " * 5
    return (f"<html{declared}><head><title>Noticia</title></head><body><article><p>Publicado el 15 de marzo de 2016"
            f"</p><p>{body}</p></article></body></html>").encode()


@pytest.mark.parametrize("lang, languages", [("es", ["es", "en"]), (None, ["en"]), ("xx", ["en"]), ("en", ["en"])])
def test_html_dates_reach_dateparser_in_the_declared_language_and_english_only(monkeypatch, lang, languages):
    # dateparser given no language tries its ~400 locales and compiles each one's patterns: 2-6 s of CPU on
    # the first date-like string in a process (two 2-6 KB fuzz pages took over 2 s for it)
    from dateparser import DateDataParser
    from htmldate import extractors

    from corpuscheck.input.html import page_items

    extractors.try_date_expr.cache_clear()  # what another test's page parsed as is not read again
    seen = []
    parse = DateDataParser.get_date_data

    def spy(self, *args, **kwargs):
        seen.append(self.languages)
        return parse(self, *args, **kwargs)

    monkeypatch.setattr(DateDataParser, "get_date_data", spy)
    (doc,) = page_items(_spanish_page(lang), "p.html")
    assert seen and all(s == languages for s in seen) and doc.meta["date"] == "2016-01-01"
    assert extractors.get_external_parser().languages is None  # htmldate's own parser is left as it was


# The two many-tiny-lines shapes, whole: what every rule finds on them (the work is linear, above).
TINY_LINES = {
    "a.txt": "A\n" * 200_000,  # 400 KB of one-letter lines
    "distinct.txt": "".join(f"a{i}\n" for i in range(150_000)),  # 1.09 MB of distinct short lines
}


@pytest.fixture(scope="module")
def tiny_lines_run(tmp_path_factory):
    import warnings

    from corpuscheck.engine import run_rules
    from corpuscheck.gx.suite import load_suite

    folder = tmp_path_factory.mktemp("tiny")
    for name, text in TINY_LINES.items():
        (folder / name).write_text(text)
    entries = load_suite(None).restrict(all_rules(), add_missing=True).rule_entries
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        run = run_rules([str(folder)], entries, jobs=1)
    return folder, run


def test_many_tiny_lines_get_their_findings(tiny_lines_run):
    folder, run = tiny_lines_run
    found = {name: {} for name in TINY_LINES}
    for f in run.findings:
        found[f.path.rsplit("/", 1)[-1]].setdefault(f.code, []).append((f.line, f.end_line))
    assert {p.rsplit("/", 1)[-1] for p in run.files} >= set(TINY_LINES)
    assert not any(r.errors for r in run.files.values())
    a, distinct = found["a.txt"], found["distinct.txt"]
    # 200,000 widget letters: no text at all, every line repeats the first, and each is a widget label
    assert a["S101"] == [(1, 1)] and a["G102"] == [(2, 200_000)] and a["G104"] == [(1, 200_000)]
    assert len(a["P102"]) > 1_000 and "D101" not in a
    # distinct short lines: text (not empty), no line repeats, no dateline opens it
    assert "S101" not in distinct and "G102" not in distinct and "D101" not in distinct and "P102" not in distinct
    assert distinct["N101"] == [(2, 2)]


# The shortcuts taken on such pages give what the straightforward walk gives.


@given(st.lists(st.sampled_from(["", " ", "a", "b", "a ", "A", "(ian)", "loading..."]), max_size=14))
def test_repeated_lines_span_is_the_line_by_line_walk(lines):
    from corpuscheck.rules.quality.stats import repeated_lines_span

    doc = from_text("\n".join(lines), path="x.txt")
    seen, found = set(), []
    for number, line in enumerate(doc.lines, 1):
        if line.strip():
            if line in seen:
                found.append(number)
            seen.add(line)
    assert repeated_lines_span(doc) == ((found[0], found[-1]) if found else None)


@given(st.sampled_from(["A", "ab", "<!--", "\u00e9", "http://x.y/", "\u65e5\u672c"]), st.integers(0, 40))
def test_one_word_repeated_gets_the_word_by_word_ngram_figures(word, count):
    from corpuscheck.rules.quality.gopher_repetition import _repeated_ngram_chars, _top_ngram_chars, ngram_chars

    words = [word] * count
    top, dup = ngram_chars(words, (1, 2, 3, 4), (5, 6, 7, 8, 9, 10))
    assert top == {n: _top_ngram_chars(words, n) for n in (1, 2, 3, 4)}
    assert dup == {n: _repeated_ngram_chars(words, n) for n in (5, 6, 7, 8, 9, 10)}


@given(st.lists(st.sampled_from(["", " ", "A", "A.", "Share", "Text of a line.", "Text of a line. ", "x" * 40]),
                max_size=14))
def test_fineweb_line_statistics_are_the_line_by_line_ones(lines):
    from corpuscheck.rules.quality.fineweb_quality import statistics
    from corpuscheck.rules.quality.stats import TERMINAL_TUPLE, doc_words

    doc = from_text("\n".join(lines), path="x.txt")
    kept = [line for line in doc.text.split("\n") if line.strip()]
    got = statistics(doc, 30)
    if not kept:
        assert got["_empty"]
        return
    seen, repeated = set(), 0
    for line in kept:
        repeated += len(line) if line in seen else 0
        seen.add(line)
    assert got == {
        "fineweb_line_punct_ratio": sum(1 for line in kept if line.endswith(TERMINAL_TUPLE)) / len(kept),
        "fineweb_short_line_ratio": sum(1 for line in kept if len(line) <= 30) / len(kept),
        "fineweb_char_dup_ratio": repeated / (len(doc.text) - doc.text.count("\n")),
        "fineweb_list_ratio": doc.text.count("\n") / (len(doc_words(doc)) or 1),
        "_empty": False,
    }


@given(st.lists(st.sampled_from(["", "A", "Share", "loading...", "...", "Text of a line.", "12"]), max_size=12),
       st.integers(0, 3))
def test_text_lines_read_in_turns_are_the_lines_that_hold_text(lines, first_reads):
    from corpuscheck.rules.news.lines import is_filler
    from corpuscheck.rules.structure.empty_document import _TEXT, text_lines

    doc = from_text("Title\n" + "\n".join(lines), path="x.txt")
    expected = [(n, line.strip()) for n, line in doc.body_lines()
                if line.strip() and _TEXT.search(line.strip()) and not is_filler(line.strip())]
    partial = text_lines(doc)
    early = [line for _, line in zip(range(first_reads), partial)]  # a rule that stops after a few lines
    assert early == expected[:first_reads] and list(text_lines(doc)) == expected and list(partial) == expected[len(early):]
    assert pickle.loads(pickle.dumps(doc)).text == doc.text  # what is kept on the Document still pickles
