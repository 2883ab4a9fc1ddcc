"""Hostile input: bombs and vanishing files give an error naming the file; pathological shapes cost linear work."""

import gzip
import sys

import pytest

from corpuscheck.input import loader
from corpuscheck.input.document import LoadError, from_text
from corpuscheck.rules import all_rules


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
    "one-huge-line": lambda n: "lorem ipsum dolor " * (n // 4),
    "blank-paragraphs": lambda n: "A line of text.\n\n" * (n // 4),
    "mixed-endings": lambda n: "ab\r\ncd\ref\n" * (n // 3),
    "html-residue": lambda n: "<div><p>&amp;" * (n // 4),
}


def _calls(fn) -> int:
    """Python and builtin calls made by fn(): a count of work that a noisy machine does not change."""
    count = 0

    def profile(frame, event, arg):
        nonlocal count
        count += 1

    sys.setprofile(profile)
    try:
        fn()
    finally:
        sys.setprofile(None)
    return count


@pytest.mark.parametrize("shape", SHAPES)
def test_rules_do_linear_work_on_pathological_shapes(shape):
    small, large = (from_text(SHAPES[shape](n), path="x.txt") for n in (20_000, 80_000))
    for rule in all_rules():
        run = rule.run_corpus if hasattr(rule, "run_corpus") else rule.run
        arg = (lambda d: [d.text]) if hasattr(rule, "run_corpus") else (lambda d: d)
        run(arg(from_text(SHAPES[shape](1_000) + "x", path="w.txt")))  # warm lexicons and patterns, not results
        a, b = (_calls(lambda d=d, run=run, arg=arg: run(arg(d))) for d in (small, large))
        assert b <= 4 * a * 1.6 + 200, f"{rule.code} on {shape}: {a} calls at n, {b} at 4n (superlinear)"


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
