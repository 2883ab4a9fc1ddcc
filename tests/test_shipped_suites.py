"""The suites we ship: they parse, compile to as many GX expectations as they list, and
checks/ (the repository's own configuration) matches the built-in copies."""

from importlib import resources

import pytest

from corpuscheck.gx.suite import load_suite
from corpuscheck.gx.validate import compile_suite, plan
from tests.conftest import ROOT

NAMES = ["news", "web"]


@pytest.mark.parametrize("name", NAMES)
def test_built_in_suite_compiles(name):
    suite = load_suite(name) if not (ROOT / "checks").exists() else load_suite(str(ROOT / "checks" / f"{name}.yml"))
    compiled = compile_suite(suite, sources=["a.com"])
    assert len(compiled.expectations) == len(plan(suite, ["a.com"])) >= len(suite.entries) > 3


@pytest.mark.parametrize("name", NAMES)
def test_checks_folder_matches_the_built_in_suite(name):
    built_in = (resources.files("corpuscheck.gx") / "suites" / f"{name}.yml").read_text(encoding="utf-8")
    assert (ROOT / "checks" / f"{name}.yml").read_text(encoding="utf-8") == built_in


def test_news_suite_keeps_the_seed_rules_strict():
    suite = load_suite(str(ROOT / "checks" / "news.yml"))
    strict = {e.rule.code for e in suite.rule_entries if e.severity == "error" and e.mostly == 1.0}
    assert {"D101", "P101", "P102"} <= strict
