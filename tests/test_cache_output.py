"""The report's text in the cache: a re-check of the very same files copies the bytes a run wrote, and they
are the bytes a run without the cache writes; any change (a file, the suite, the reporter's options,
--fail-on) renders it again."""

import io
import shutil
import subprocess
import sys

import pytest

from corpuscheck.check import check
from tests.conftest import ROOT

MAIN = "import sys; from corpuscheck.cli import main; sys.exit(main())"
CODES = "P101,P102,N101,X101,X103,B102,D101"


@pytest.fixture
def corpus(tmp_path):
    folder = tmp_path / "corpus"
    shutil.copytree(ROOT / "corpus", folder)
    body = "Judul\nJAKARTA - Isi berita yang sama persis di dua berkas.\nParagraf kedua berita ini."
    (folder / "same-a.txt").write_text(body, encoding="utf-8")
    (folder / "same-b.txt").write_text(body, encoding="utf-8")
    return folder


def _run(tmp_path, corpus, *extra):
    cli = [sys.executable, "-c", MAIN, "check", str(corpus), "--no-report", "--format", "json", "--jobs", "1",
           "--select", CODES, *extra]
    done = subprocess.run(cli, capture_output=True, cwd=tmp_path)
    assert done.returncode in (0, 1), done.stderr.decode()
    return done.stdout, done.returncode


def _outputs(cache):
    return sorted(p for p in (cache / "output").rglob("*") if p.is_file()) if (cache / "output").is_dir() else []


def test_the_cached_text_is_the_uncached_text(corpus, tmp_path):
    cache = tmp_path / "cache"
    plain = _run(tmp_path, corpus, "--no-cache")
    assert b'"X101"' in plain[0]
    cold = _run(tmp_path, corpus, "--cache-dir", str(cache))
    assert cold == plain and len(_outputs(cache)) == 1
    kept = _outputs(cache)[0]
    # the next run copies the kept bytes: mark them to see that it does
    kept.write_bytes(kept.read_bytes().replace(b'"tool": "corpuscheck"', b'"tool": "from-cache!"'))
    warm = _run(tmp_path, corpus, "--cache-dir", str(cache))
    assert warm[0] == plain[0].replace(b'"tool": "corpuscheck"', b'"tool": "from-cache!"') and warm[1] == plain[1]
    kept.unlink()
    assert _run(tmp_path, corpus, "--cache-dir", str(cache)) == plain
    assert not list(cache.rglob("*.tmp"))


def test_any_change_renders_again(corpus, tmp_path):
    cache = tmp_path / "cache"
    _run(tmp_path, corpus, "--cache-dir", str(cache))
    # a file changes: the duplicate's X101 goes, in the untouched same-a/same-b pair's partner
    (corpus / "same-b.txt").write_text("Judul lain\nJAKARTA - Berita lain sama sekali.", encoding="utf-8")
    after = _run(tmp_path, corpus, "--cache-dir", str(cache))
    assert after == _run(tmp_path, corpus, "--no-cache")
    assert b'"X101"' not in after[0] and len(_outputs(cache)) == 2
    # other settings of the same files: their own text
    for extra in (["--fail-on", "warning"], ["--statistics"], ["--ignore", "D101"]):
        assert _run(tmp_path, corpus, "--cache-dir", str(cache), *extra) == _run(tmp_path, corpus, "--no-cache", *extra)
    assert len(_outputs(cache)) == 5


def test_a_text_stream_without_a_buffer_gets_the_same_text(corpus, tmp_path):
    from corpuscheck.report import get_reporter

    cache = tmp_path / "cache"
    reporter = get_reporter("json")()
    for _ in range(2):  # kept, then copied
        report = check([str(corpus)], select=CODES.split(","), jobs=1, cache_dir=cache)
        out = io.StringIO()
        report.extra["cached_output"].write(report, "json", [], lambda stream: reporter.write(report, stream), out)
        assert out.getvalue() == reporter.render(check([str(corpus)], select=CODES.split(","), jobs=1))
    assert len(_outputs(cache)) == 1


def test_a_baselined_copy_renders_afresh(corpus, tmp_path):
    """A Report made from another (a baseline drops findings) carries its extra along, not its cached text."""
    from dataclasses import replace

    from corpuscheck.report import get_reporter

    cache = tmp_path / "cache"
    reporter = get_reporter("json")()
    for _ in range(2):
        report = check([str(corpus)], select=CODES.split(","), jobs=1, cache_dir=cache)
        out = io.StringIO()
        report.extra["cached_output"].write(report, "json", [], lambda stream: reporter.write(report, stream), out)
    other = replace(report, files=report.files[:1], extra=dict(report.extra))
    out = io.StringIO()
    other.extra["cached_output"].write(other, "json", [], lambda stream: reporter.write(other, stream), out)
    assert out.getvalue() == reporter.render(other) != reporter.render(report)


def _kept(folder):
    return [p for p in folder.rglob("*") if p.is_file()]


def test_a_cache_that_cannot_hold_the_text_still_gives_it_whole(tmp_path):
    from corpuscheck.cache import Cache

    text = "first part, " + "then \udc80 a lone surrogate the cache file cannot encode"
    out = io.StringIO()
    cache = Cache(tmp_path / "cache", "run")
    cache.write_output("k", lambda stream: (stream.write(text[:12]), stream.write(text[12:])), out)
    assert out.getvalue() == text and _kept(tmp_path / "cache") == []  # not kept, nothing left behind
    (tmp_path / "file").write_text("")
    blocked = Cache(tmp_path / "file" / "cache", "run")  # its folder cannot be made
    out = io.StringIO()
    blocked.write_output("k", lambda stream: stream.write("all of it"), out)
    assert out.getvalue() == "all of it"


def test_an_output_that_fails_fails_and_keeps_nothing(tmp_path):
    from corpuscheck.cache import Cache

    def render(stream):
        stream.write("half")
        raise OSError(28, "No space left on device")

    cache = Cache(tmp_path / "cache", "run")
    with pytest.raises(OSError, match="No space"):
        cache.write_output("k", render, io.StringIO())
    assert _kept(tmp_path / "cache") == []
    out = io.StringIO()
    cache.write_output("k", lambda stream: stream.write("whole"), out)
    cache.write_output("k", lambda stream: stream.write("never rendered"), out)
    assert out.getvalue() == "wholewhole"  # kept the second time, copied the third
