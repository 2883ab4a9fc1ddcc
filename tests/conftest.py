import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures"


@pytest.fixture
def in_tmp(tmp_path, monkeypatch):
    """Run in an empty folder (no checks/, corpus/ or reports/ around)."""
    monkeypatch.chdir(tmp_path)
    return tmp_path


@pytest.fixture
def fixtures():
    return FIXTURES


os.environ.setdefault("NO_COLOR", "1")
