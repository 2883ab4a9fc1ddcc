"""The public Python API works on every call, in any order, and after any submodule import."""

import importlib
import pkgutil
import subprocess
import sys
from pathlib import Path

import corpuscheck

SAMPLE = "JAKARTA - A body line long enough to be a paragraph of a news article.\n\nAnother paragraph here.\n"


def _use_all(tmp_path: Path):
    doc = tmp_path / "a.txt"
    doc.write_text(SAMPLE, encoding="utf-8")
    report = corpuscheck.check([str(doc)])
    assert [f.path for f in report.files] == [str(doc)]
    docs = list(corpuscheck.load(doc))
    assert docs and isinstance(docs[0], corpuscheck.Document)
    frame = corpuscheck.rows(docs)
    assert len(frame) == len(docs)


def test_api_twice_and_after_every_submodule(tmp_path):
    _use_all(tmp_path)
    _use_all(tmp_path)
    for info in pkgutil.walk_packages(corpuscheck.__path__, "corpuscheck."):
        if info.name.endswith("pytest_plugin"):
            continue
        importlib.import_module(info.name)
    importlib.import_module("corpuscheck.check")  # the submodule named like the function

    assert callable(corpuscheck.check) and not isinstance(corpuscheck.check, type(sys))
    _use_all(tmp_path)


def test_import_is_cheap():
    code = "import sys, corpuscheck; print(any(m in sys.modules for m in ('pandas', 'great_expectations')))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"
