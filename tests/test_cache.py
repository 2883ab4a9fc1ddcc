"""The cache (DESIGN.md "Cache"): unchanged files are not read or checked, a changed file alone is,
corpus rules stay right across cached and fresh files, the verdict needs no GX, writes are atomic."""

import json
import os
import shutil
import subprocess
import sys

import pytest

from corpuscheck.check import check
from tests.conftest import ROOT

MAIN = "import sys; from corpuscheck.cli import main; sys.exit(main())"
CODES = ["P101", "P102", "N101", "X101", "X103", "B102"]


def _summary(report):
    findings = sorted((f.path, f.doc_id, f.code, f.line, f.message) for f in report.iter_findings())
    verdicts = [(o.label, o.success, o.unexpected_count) for o in report.outcomes]
    return findings, verdicts, report.documents, sorted((r.path, r.documents) for r in report.files)


@pytest.fixture
def corpus(tmp_path):
    folder = tmp_path / "corpus"
    shutil.copytree(ROOT / "corpus", folder)
    body = "Judul\nJAKARTA - Isi berita yang sama persis di dua berkas.\nParagraf kedua berita ini."
    (folder / "same-a.txt").write_text(body, encoding="utf-8")
    return folder


class Counting:
    """Counts the documents the rules run on (in this process: jobs=1)."""

    def __init__(self, monkeypatch):
        import corpuscheck.engine as engine

        self.calls = 0
        original = engine.check_document

        def counted(doc, entries, columns=()):
            self.calls += 1
            return original(doc, entries, columns)

        monkeypatch.setattr(engine, "check_document", counted)


def test_a_warm_run_checks_nothing_and_gives_the_same_report(corpus, tmp_path, monkeypatch):
    counter = Counting(monkeypatch)
    cache = tmp_path / "cache"
    cold = check([str(corpus)], select=CODES, jobs=1, cache_dir=cache)
    assert counter.calls == cold.documents >= 20
    counter.calls = 0
    warm = check([str(corpus)], select=CODES, jobs=1, cache_dir=cache)
    assert counter.calls == 0
    assert _summary(warm) == _summary(cold)
    assert _summary(check([str(corpus)], select=CODES, jobs=1)) == _summary(cold)


def test_a_changed_file_alone_is_checked_again_and_corpus_rules_see_all(corpus, tmp_path, monkeypatch):
    counter = Counting(monkeypatch)
    cache = tmp_path / "cache"
    check([str(corpus)], select=CODES, jobs=1, cache_dir=cache)
    before = {f.code for f in check([str(corpus)], select=CODES, jobs=1, cache_dir=cache).iter_findings()
              if "same-" in f.path}
    assert "X101" not in before
    # a second copy of the same article: only it is checked, and X101 (a corpus rule) finds the pair
    (corpus / "same-b.txt").write_text((corpus / "same-a.txt").read_text(encoding="utf-8"), encoding="utf-8")
    counter.calls = 0
    after = check([str(corpus)], select=CODES, jobs=1, cache_dir=cache)
    assert counter.calls == 1
    assert _summary(after) == _summary(check([str(corpus)], select=CODES, jobs=1))
    assert any(f.code == "X101" and f.path.endswith("same-b.txt") for f in after.iter_findings())
    # the file changed in place (same name): checked again, the duplicate is gone
    (corpus / "same-b.txt").write_text("Judul lain\nJAKARTA - Berita lain sama sekali.", encoding="utf-8")
    counter.calls = 0
    again = check([str(corpus)], select=CODES, jobs=1, cache_dir=cache)
    assert counter.calls == 1
    assert not any(f.code == "X101" and "same-" in f.path for f in again.iter_findings())


def test_other_rule_options_or_suite_miss(corpus, tmp_path, monkeypatch):
    counter = Counting(monkeypatch)
    cache = tmp_path / "cache"
    first = check([str(corpus)], select=["P101"], jobs=1, cache_dir=cache)
    counter.calls = 0
    check([str(corpus)], select=["P102"], jobs=1, cache_dir=cache)
    assert counter.calls == first.documents


def test_a_corrupt_entry_is_a_miss_and_no_temp_file_is_left(corpus, tmp_path):
    cache = tmp_path / "cache"
    cold = check([str(corpus)], select=CODES, jobs=1, cache_dir=cache)
    entries = [p for p in (cache / "file").rglob("*") if p.is_file()]
    assert entries and not [p for p in cache.rglob("*.tmp")]  # corpuscheck.atomic's temporaries
    for path in entries[:5]:
        path.write_bytes(b"not a pickle")
    assert _summary(check([str(corpus)], select=CODES, jobs=1, cache_dir=cache)) == _summary(cold)


def test_a_warm_cli_run_reads_no_text_and_imports_no_gx(corpus, tmp_path):
    """In a fresh interpreter: no great_expectations, no file opened but the cache's."""
    cache = tmp_path / "cache"
    cli = [sys.executable, "-c", MAIN, "check", str(corpus), "--no-report", "--format", "json",
           "--cache-dir", str(cache), "--jobs", "1", "--select", ",".join(CODES)]
    cold = subprocess.run(cli, capture_output=True, text=True, cwd=tmp_path)
    assert cold.returncode in (0, 1), cold.stderr
    probe = (
        "import builtins, io, os, runpy, sys\n"
        "opened = []\n"
        "real = io.open\n"
        "def spy(file, *a, **k):\n"
        "    opened.append(str(file)); return real(file, *a, **k)\n"
        "builtins.open = io.open = spy\n"
        f"sys.argv = {['corpuscheck', *cli[3:]]!r}\n"
        "from corpuscheck.cli import main\n"
        "code = main()\n"
        f"corpus = {str(corpus)!r}\n"
        "read = [p for p in opened if p.startswith(corpus)]\n"
        "sys.stderr.write(repr((code, 'great_expectations' in sys.modules, read)))\n"
    )
    warm = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, cwd=tmp_path)
    code, gx, read = eval(warm.stderr.strip().splitlines()[-1])
    assert (code, gx, read) == (cold.returncode, False, [])
    assert json.loads(warm.stdout) == json.loads(cold.stdout)


def test_no_cache_leaves_no_folder(corpus, tmp_path):
    cli = [sys.executable, "-c", MAIN, "check", str(corpus), "--no-report", "--format", "json",
           "--no-cache", "--jobs", "1", "--select", "P101"]
    env = {k: v for k, v in os.environ.items() if k != "CORPUSCHECK_NO_CACHE"}
    done = subprocess.run(cli, capture_output=True, text=True, cwd=tmp_path, env=env)
    assert done.returncode in (0, 1), done.stderr
    default = [c for c in cli if c != "--no-cache"]
    assert subprocess.run(default, capture_output=True, text=True, cwd=tmp_path, env=env).returncode in (0, 1)
    assert (tmp_path / ".corpuscheck_cache").is_dir()  # the default, beside the config (none here: the cwd)
    shutil.rmtree(tmp_path / ".corpuscheck_cache")
    done = subprocess.run(cli, capture_output=True, text=True, cwd=tmp_path, env=env)
    assert not (tmp_path / ".corpuscheck_cache").exists() and not os.path.exists(corpus / ".corpuscheck_cache")


def test_cache_keys_in_pyproject(corpus, tmp_path):
    """`cache-dir` (relative to the pyproject) and `cache = false` in [tool.corpuscheck]."""
    cli = [sys.executable, "-c", MAIN, "check", str(corpus), "--no-report", "--format", "json", "--jobs", "1",
           "--select", "P101"]
    env = {k: v for k, v in os.environ.items() if k != "CORPUSCHECK_NO_CACHE"}
    project = tmp_path / "project"
    (project / "sub").mkdir(parents=True)
    (project / "pyproject.toml").write_text('[tool.corpuscheck]\ncache-dir = "build/cc"\n', encoding="utf-8")
    done = subprocess.run(cli, capture_output=True, text=True, cwd=project / "sub", env=env)
    assert done.returncode in (0, 1), done.stderr
    assert (project / "build" / "cc").is_dir() and not (project / "sub" / ".corpuscheck_cache").exists()
    shutil.rmtree(project / "build")
    (project / "pyproject.toml").write_text("[tool.corpuscheck]\ncache = false\n", encoding="utf-8")
    done = subprocess.run(cli, capture_output=True, text=True, cwd=project, env=env)
    assert done.returncode in (0, 1), done.stderr
    assert not (project / ".corpuscheck_cache").exists() and not (project / "build").exists()
    (project / "pyproject.toml").write_text('[tool.corpuscheck]\ncache = "no"\n', encoding="utf-8")
    done = subprocess.run(cli, capture_output=True, text=True, cwd=project, env=env)
    assert done.returncode == 2 and "cache must be true or false" in done.stderr


def test_the_same_files_under_another_display_path_report_that_path(corpus, tmp_path, monkeypatch):
    """The stat index is per display path: checked as ``corpus/x.txt`` and then, from inside the
    folder, as ``x.txt``, the second run's findings name ``x.txt`` (as a run without the cache does)."""
    cache = tmp_path / "cache"
    monkeypatch.chdir(corpus.parent)
    check(["corpus"], select=CODES, jobs=1, cache_dir=cache)
    monkeypatch.chdir(corpus)
    warm = check(["."], select=CODES, jobs=1, cache_dir=cache)
    assert _summary(warm) == _summary(check(["."], select=CODES, jobs=1))
    assert not any(f.path.startswith("corpus") for f in warm.iter_findings())
