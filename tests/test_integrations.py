"""The pytest plugin and the pre-commit hook, each run on a real throwaway project."""

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import FIXTURES, ROOT

pytest_plugins = ["pytester"]

CLEAN = "Judul berita\nJAKARTA - Presiden meresmikan jalan tol baru pada hari Senin.\n"


def _corpus(folder: Path) -> Path:
    data = folder / "data"
    data.mkdir()
    shutil.copy(FIXTURES / "seed" / "000_232fd3ee54a89291.txt", data / "seed.txt")
    (data / "clean.txt").write_text(CLEAN, encoding="utf-8")
    return data


def test_pytest_plugin_one_item_per_corpus_file(pytester):
    _corpus(pytester.path)
    result = pytester.runpytest_subprocess("--corpus", "data", "-v", "--junitxml=junit.xml")
    result.assert_outcomes(passed=1, failed=1)
    result.stdout.fnmatch_lines(["*clean.txt PASSED*", "*data/seed.txt:2:1: P101 [[]placeholder-line[]]*"])
    assert "N102" not in result.stdout.str()  # byline-residue is a warning: below the default fail-on
    junit = (pytester.path / "junit.xml").read_text()
    assert 'tests="2"' in junit and 'failures="1"' in junit


def test_pytest_plugin_k_x_and_fail_on(pytester):
    _corpus(pytester.path)
    pytester.runpytest_subprocess("--corpus", "data", "-k", "clean").assert_outcomes(passed=1, deselected=1)
    (pytester.path / "data" / "z-second-bad.txt").write_text("Judul\nloading...\nJAKARTA - Isi.\n")
    result = pytester.runpytest_subprocess("--corpus", "data", "--corpus-fail-on", "warning", "-x")
    result.assert_outcomes(passed=1, failed=1)  # -x stopped before z-second-bad.txt
    assert "N102 [byline-residue]" in result.stdout.str()


def test_pytest_plugin_bad_options(pytester):
    result = pytester.runpytest_subprocess("--corpus", "nowhere")
    assert result.ret == pytest.ExitCode.USAGE_ERROR
    result.stderr.fnmatch_lines(["*--corpus: no such file or directory*"])
    _corpus(pytester.path)
    result = pytester.runpytest_subprocess("--corpus", "data", "--corpus-suite", "nosuch")
    assert result.ret == pytest.ExitCode.USAGE_ERROR


def _git(cwd, *args):
    subprocess.run(["git", *args], cwd=cwd, check=True, capture_output=True,
                   env={**os.environ, "GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@example.org",
                        "GIT_COMMITTER_NAME": "t", "GIT_COMMITTER_EMAIL": "t@example.org"})


@pytest.mark.skipif(shutil.which("git") is None, reason="git is needed for pre-commit")
def test_pre_commit_hook_on_a_throwaway_repository(tmp_path):
    """`pre-commit try-repo` installs this project as a hook and runs it on changed corpus files."""
    repo = tmp_path / "corpus-repo"
    repo.mkdir()
    _git(repo, "init", "-q")
    data = _corpus(repo)
    _git(repo, "add", ".")
    env = {**os.environ, "PRE_COMMIT_HOME": str(tmp_path / "pre-commit-home"), "NO_COLOR": "1"}
    command = [sys.executable, "-m", "pre_commit", "try-repo", str(ROOT), "corpuscheck", "--files"]
    failing = subprocess.run([*command, str(data / "seed.txt")], cwd=repo, env=env, capture_output=True, text=True,
                             timeout=900)
    assert failing.returncode == 1, failing.stdout + failing.stderr
    assert "P101 [placeholder-line]" in failing.stdout
    passing = subprocess.run([*command, str(data / "clean.txt")], cwd=repo, env=env, capture_output=True, text=True,
                             timeout=900)
    assert passing.returncode == 0, passing.stdout + passing.stderr
    assert "Passed" in passing.stdout
