"""Every rule's examples are its tests; the catalogue is checked for completeness."""

import pytest

from corpuscheck.docs import render_catalogue
from corpuscheck.input.document import from_text
from corpuscheck.rules import CorpusRule, all_rules, get_rule
from corpuscheck.rules.base import SEVERITIES

CASES = [(rule, i, ex) for rule in all_rules() for i, ex in enumerate(rule.examples)]


@pytest.mark.parametrize("rule,index,example", CASES, ids=[f"{r.code}-{i}" for r, i, _ in CASES])
def test_example(rule, index, example):
    options = rule.resolve_options(example.options)
    if isinstance(rule, CorpusRule):
        hits = rule.run_corpus([*example.corpus, example.text], options)[-1]
    else:
        hits = rule.run(from_text(example.text, "example.txt"), options)
    assert [(h.line, h.end_line or h.line) for h in hits] == list(example.spans)
    if example.related is not None:
        assert [h.related for h in hits] == list(example.related)
    for hit in hits:  # every message template formats with the hit's data
        assert (hit.message or rule.message.format(**hit.data)).strip()


def test_catalogue_is_complete():
    rules = all_rules()
    assert len({r.code for r in rules}) == len(rules)
    assert len({r.name for r in rules}) == len(rules)
    assert {"D101", "P101", "P102", "N101", "N102"} <= {r.code for r in rules}
    for rule in rules:
        assert rule.severity in SEVERITIES
        assert rule.summary and rule.why and rule.message, rule.code
        assert any(e.is_bad for e in rule.examples), f"{rule.code} has no bad example"
        assert any(not e.is_bad for e in rule.examples), f"{rule.code} has no good example"
        assert rule.name == rule.name.lower() and " " not in rule.name
        assert get_rule(rule.code) is rule and get_rule(rule.name) is rule


def test_docs_page_is_up_to_date():
    from tests.conftest import ROOT

    committed = (ROOT / "docs" / "rules.md").read_text(encoding="utf-8")
    assert committed == render_catalogue(), "docs/rules.md is stale: run `python -m corpuscheck.docs`"


def test_option_values_are_type_checked():
    rule = get_rule("placeholder-line")
    with pytest.raises(ValueError, match="option languages must be a list, not 'id'"):
        rule.resolve_options({"languages": "id"})
    with pytest.raises(ValueError, match="unknown option"):
        rule.resolve_options({"langs": ["id"]})
    assert rule.resolve_options({"languages": ["id"]})["languages"] == ["id"]
