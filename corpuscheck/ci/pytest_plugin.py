"""pytest plugin: ``pytest --corpus PATH [--corpus-suite FILE]``.

Each corpus file becomes a test item that fails with its findings, so a team
gets ``-k``, ``-x``, ``--junitxml`` and ``-n`` (pytest-xdist) for free. An item
runs the suite's rules on its own file (no GX: corpus-wide ``mostly``
thresholds are the CLI's job) and fails on findings whose severity reaches
``--corpus-fail-on`` (default: error), or on read errors.
"""

from __future__ import annotations

from pathlib import Path

import pytest

SEVERITY_RANK = {"info": 0, "warning": 1, "error": 2}


def pytest_addoption(parser: pytest.Parser) -> None:
    group = parser.getgroup("corpuscheck", "corpus quality checks (corpuscheck)")
    group.addoption("--corpus", action="append", default=[], metavar="PATH",
                    help="check this corpus file or folder; one test item per file (repeatable)")
    group.addoption("--corpus-suite", default=None, metavar="FILE",
                    help="suite file or name (default: checks/news.yml, else the built-in news suite)")
    group.addoption("--corpus-fail-on", default="error", choices=("error", "warning", "info"),
                    help="lowest finding severity that fails an item (default: error)")
    group.addoption("--corpus-text-field", default="text", help="JSONL/Parquet text field")
    group.addoption("--corpus-title-field", default="title", help="JSONL/Parquet title field")


class CorpusFindings(Exception):
    """Raised by a failing item; its report lists the findings."""


class CorpusItem(pytest.Item):
    def __init__(self, *, corpus_file: str, **kwargs):
        super().__init__(**kwargs)
        self.corpus_file = corpus_file
        self.add_marker("corpus")

    def runtest(self) -> None:
        from corpuscheck.engine import run_rules

        options = self.config.option
        suite = _suite(self.config)
        run = run_rules([self.corpus_file], suite.rule_entries, text_field=options.corpus_text_field,
                        title_field=options.corpus_title_field, jobs=1)
        threshold = SEVERITY_RANK[options.corpus_fail_on]
        lines = []
        for report in run.files.values():
            lines += [f"{e.path}:{e.line or 1}: read error: {e.message}" for e in report.errors]
            lines += [
                f"{f.location}: {f.code} [{f.rule}] {f.message}"
                for f in sorted(report.findings, key=lambda f: (f.record, f.line, f.code))
                if SEVERITY_RANK[f.severity] >= threshold
            ]
        if lines:
            raise CorpusFindings("\n".join(lines))

    def repr_failure(self, excinfo, style=None):
        if isinstance(excinfo.value, CorpusFindings):
            return str(excinfo.value)
        return super().repr_failure(excinfo, style)

    def reportinfo(self):
        return self.path, None, f"corpus: {self.corpus_file}"



class CorpusFile(pytest.File):
    """One corpus file: a single item named after the file."""

    def collect(self):
        yield CorpusItem.from_parent(self, name=self.path.name, corpus_file=_display(self.path))


def _display(path: Path) -> str:
    try:
        return str(path.relative_to(Path.cwd()))
    except ValueError:
        return str(path)


def _suite(config):
    cached = getattr(config, "_corpuscheck_suite", None)
    if cached is None:
        from corpuscheck.gx.suite import load_suite

        cached = config._corpuscheck_suite = load_suite(config.option.corpus_suite)
    return cached


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line("markers", "corpus: a corpus file checked by corpuscheck")
    roots = [Path(p).resolve() for p in config.option.corpus]
    config._corpuscheck_roots = roots
    if not roots:
        return
    missing = [str(p) for p in roots if not p.exists()]
    if missing:
        raise pytest.UsageError(f"--corpus: no such file or directory: {', '.join(missing)}")
    try:
        _suite(config)
    except ValueError as exc:
        raise pytest.UsageError(f"--corpus-suite: {exc}") from None
    config.args.extend(str(p) for p in roots if str(p) not in config.args)


def pytest_collect_file(file_path: Path, parent):
    from corpuscheck.input.loader import SUFFIXES

    roots = getattr(parent.config, "_corpuscheck_roots", [])
    if not roots or not file_path.name.lower().endswith(SUFFIXES):
        return None
    if any(file_path == root or root in file_path.parents for root in roots):
        return CorpusFile.from_parent(parent, path=file_path)
    return None
