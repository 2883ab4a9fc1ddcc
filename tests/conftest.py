import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures"

# CLI runs in tests (in process and in subprocesses) keep no cache unless a test asks for one
# (--cache-dir in a tmp folder): no run sees another's results.
os.environ["CORPUSCHECK_NO_CACHE"] = "1"


@pytest.fixture
def in_tmp(tmp_path, monkeypatch):
    """Run in an empty folder (no checks/, corpus/ or reports/ around)."""
    monkeypatch.chdir(tmp_path)
    return tmp_path


@pytest.fixture
def fixtures():
    return FIXTURES


os.environ.setdefault("NO_COLOR", "1")


def read_items(*paths, **options):
    """(documents, errors by path, started files) that the loader gives for ``paths``."""
    from corpuscheck.input.document import Document
    from corpuscheck.input.loader import FileStart, LoadError, iter_items

    docs, errors, started = [], {}, []
    for item in iter_items([str(p) for p in paths], **options):
        if isinstance(item, Document):
            docs.append(item)
        elif isinstance(item, LoadError):
            errors.setdefault(item.path, []).append(item)
        else:
            assert isinstance(item, FileStart)
            started.append(item.path)
    return docs, errors, started
