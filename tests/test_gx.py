"""Every rule as a GX custom expectation (corpuscheck.gx.expectations), used as a GX user would."""

import importlib
import json
import logging
import re

import pandas as pd
import pytest

from corpuscheck.input.document import from_text
from corpuscheck.rules import CorpusRule, all_rules
from tests.conftest import FIXTURES

gx = pytest.importorskip("great_expectations")
cx = importlib.import_module("corpuscheck.gx.expectations")

SEED = (FIXTURES / "seed" / "000_232fd3ee54a89291.txt").read_text(encoding="utf-8")
CLEAN = "Judul berita\nJAKARTA - Presiden meresmikan jalan tol baru pada hari Senin.\n"
COMPLETE = {"result_format": "COMPLETE", "unexpected_index_column_names": ["id"]}


def _validate(frame, *expectations):
    """Validate ``frame`` in a fresh ephemeral context; ``{expectation type: (success, failing ids)}``."""
    context = gx.get_context(mode="ephemeral")
    suite = context.suites.add(gx.ExpectationSuite(name="user-suite"))
    for expectation in expectations:
        suite.add_expectation(expectation)
    batch = context.data_sources.add_pandas("p").add_dataframe_asset("a").add_batch_definition_whole_dataframe("b")
    definition = context.validation_definitions.add(gx.ValidationDefinition(name="v", data=batch, suite=suite))
    result = definition.run(batch_parameters={"dataframe": frame}, result_format=COMPLETE)
    assert len(result.results) == len(expectations)
    out = {}
    for item in result.results:
        assert not item.exception_info["raised_exception"], item.exception_info
        out[item.expectation_config.type] = (item.success, [u["id"] for u in item.result["unexpected_index_list"]])
    return out


def test_user_story_our_expectations_beside_a_builtin_in_a_plain_gx_suite():
    frame = pd.DataFrame({"id": ["seed", "clean"], "text": [SEED, CLEAN]})
    results = _validate(
        frame,
        cx.ExpectNoPlaceholderLine(column="text"),
        cx.ExpectNoDuplicatedParagraphRun(column="text"),
        gx.expectations.ExpectColumnValuesToNotBeNull(column="text"),
    )
    assert results == {
        "expect_no_placeholder_line": (False, ["seed"]),
        "expect_no_duplicated_paragraph_run": (False, ["seed"]),
        "expect_column_values_to_not_be_null": (True, []),
    }


def test_every_rule_has_a_registered_class_named_from_the_rule():
    from great_expectations.expectations.registry import get_expectation_impl

    assert set(cx.EXPECTATIONS) == {rule.code for rule in all_rules()}
    for rule in all_rules():
        cls = cx.expectation_for(rule.code)
        camel = "".join(part.capitalize() for part in rule.name.split("-"))
        assert cls.__name__ == f"ExpectNo{camel}" == cx.class_name(rule)
        assert cls.expectation_type == f"expect_no_{rule.column}"
        assert get_expectation_impl(cls.expectation_type) is cls
        assert getattr(cx, cls.__name__) is cls and cx.expectation_for(rule.name) is cls
        assert issubclass(cls, cx.RuleExpectation) and cls.rule() is rule
        assert rule.summary in cls.__doc__


def test_the_expectations_run_the_same_rule_functions_as_the_cli():
    """Over every rule example, each expectation fails exactly the texts its rule finds something in."""
    texts = list(dict.fromkeys([example.text for rule in all_rules() for example in rule.examples] + [SEED, CLEAN]))
    frame = pd.DataFrame({"id": [f"t{i}" for i in range(len(texts))], "text": texts})
    results = _validate(frame, *(cls(column="text") for cls in cx.EXPECTATIONS.values()))
    failing = 0
    for rule in all_rules():
        if isinstance(rule, CorpusRule):  # judged across the column: the example texts are one corpus
            expected = [f"t{i}" for i, hits in enumerate(rule.run_corpus(texts)) if hits]
            own_bad = set()
        else:
            expected = [f"t{i}" for i, text in enumerate(texts) if rule.run(from_text(text))]
            own_bad = {f"t{texts.index(e.text)}" for e in rule.examples if e.is_bad and not e.options}
        assert own_bad <= set(expected), rule.code
        assert results[f"expect_no_{rule.column}"] == (not expected, expected), rule.code
        failing += bool(expected) and not isinstance(rule, CorpusRule)
    # every document rule whose bad examples run on default options fails some text (S107's
    # need a small max_document_chars: a 5 MB example cannot ship)
    defaults_bad = [r for r in all_rules() if not isinstance(r, CorpusRule) and any(e.is_bad and not e.options for e in r.examples)]
    assert failing >= len(defaults_bad) - 1


def test_options_max_findings_and_mostly():
    frame = pd.DataFrame({"id": ["seed", "clean"], "text": [SEED, CLEAN]})
    results = _validate(
        frame,
        cx.ExpectNoPlaceholderLine(column="text", options={"languages": ["ru"]}),  # `loading...` is English
        cx.ExpectNoUiResidueLine(column="text", max_findings=3),  # the seed has three `A` lines
        cx.ExpectNoBylineResidue(column="text", mostly=0.5),  # 1 of 2 fails
    )
    assert results == {
        "expect_no_placeholder_line": (True, []),
        "expect_no_ui_residue_line": (True, []),
        "expect_no_byline_residue": (True, ["seed"]),
    }
    results = _validate(
        frame,
        cx.ExpectNoPlaceholderLine(column="text", options={"languages": ["en"]}),
        cx.ExpectNoUiResidueLine(column="text", max_findings=2),
        cx.ExpectNoBylineResidue(column="text", mostly=0.75),
    )
    assert results == {
        "expect_no_placeholder_line": (False, ["seed"]),
        "expect_no_ui_residue_line": (False, ["seed"]),
        "expect_no_byline_residue": (False, ["seed"]),
    }


def test_null_values_are_skipped_like_any_gx_column_map_expectation():
    frame = pd.DataFrame({"id": ["none", "seed"], "text": [None, SEED]})
    assert _validate(frame, cx.ExpectNoPlaceholderLine(column="text")) == {"expect_no_placeholder_line": (False, ["seed"])}


@pytest.mark.parametrize(
    "kwargs, message",
    [
        ({"options": {"langs": ["id"]}}, "unknown option"),
        ({"max_findings": -1}, "max_findings"),
        ({"mostly": 1.5}, "mostly"),
        ({"colour": "red"}, "colour"),
    ],
)
def test_bad_arguments_fail_when_the_expectation_is_made(kwargs, message):
    from great_expectations.compatibility.pydantic import ValidationError

    with pytest.raises(ValidationError, match=message):
        cx.ExpectNoPlaceholderLine(column="text", **kwargs)


def test_suite_round_trip_through_json_keeps_every_expectation():
    """GX drops unregistered expectation types when it loads a suite: ours are registered on import."""
    suite = gx.ExpectationSuite(
        name="round-trip",
        expectations=[
            cx.ExpectNoPlaceholderLine(column="text", options={"languages": ["id", "en"]}),
            cx.ExpectNoDuplicatedParagraphRun(column="text", max_findings=1, mostly=0.9),
            gx.expectations.ExpectColumnValuesToNotBeNull(column="text"),
        ],
    )
    data = json.loads(json.dumps(suite.to_json_dict()))
    assert [e["type"] for e in data["expectations"]] == [
        "expect_no_placeholder_line", "expect_no_duplicated_paragraph_run", "expect_column_values_to_not_be_null"]
    loaded = gx.ExpectationSuite(**data)
    assert [type(e) for e in loaded.expectations] == [
        cx.ExpectNoPlaceholderLine, cx.ExpectNoDuplicatedParagraphRun, gx.expectations.ExpectColumnValuesToNotBeNull]
    assert loaded.expectations[0].options == {"languages": ["id", "en"]}
    assert (loaded.expectations[1].max_findings, loaded.expectations[1].mostly) == (1, 0.9)
    frame = pd.DataFrame({"id": ["seed", "clean"], "text": [SEED, CLEAN]})
    copies = [e.copy(update={"id": None}) for e in loaded.expectations]
    assert _validate(frame, *copies) == {
        "expect_no_placeholder_line": (False, ["seed"]),
        "expect_no_duplicated_paragraph_run": (True, []),  # the seed's one repeated run is allowed
        "expect_column_values_to_not_be_null": (True, []),
    }


def test_suite_round_trip_through_a_file_context(tmp_path):
    """The user's real path: a file-backed GX project saves the suite as JSON and reads it back."""
    context = gx.get_context(mode="file", project_root_dir=tmp_path)
    context.suites.add(gx.ExpectationSuite(name="news", expectations=[
        cx.ExpectNoPlaceholderLine(column="text"), cx.ExpectNoBylineResidue(column="text", mostly=0.5)]))
    saved = json.loads(next((tmp_path / "gx" / "expectations").glob("news.json")).read_text())
    assert [e["type"] for e in saved["expectations"]] == ["expect_no_placeholder_line", "expect_no_byline_residue"]
    again = gx.get_context(mode="file", project_root_dir=tmp_path)
    loaded = again.suites.get("news")
    assert [type(e) for e in loaded.expectations] == [cx.ExpectNoPlaceholderLine, cx.ExpectNoBylineResidue]


def test_importing_again_reuses_the_registered_classes(caplog):
    before = dict(cx.EXPECTATIONS)
    base = cx.RuleExpectation
    with caplog.at_level(logging.DEBUG, logger="great_expectations"):
        again = importlib.reload(cx)
    assert again.EXPECTATIONS == before and all(again.EXPECTATIONS[k] is v for k, v in before.items())
    assert again.RuleExpectation is base and issubclass(again.ExpectNoPlaceholderLine, again.RuleExpectation)
    overwrites = [r.getMessage() for r in caplog.records if "Overwriting" in r.getMessage()]
    assert overwrites == []


def test_data_docs_render_our_expectations(tmp_path):
    from corpuscheck.gx.suite import parse
    from corpuscheck.gx.validate import validate

    suite = parse({"name": "docs", "expectations": [
        {"expectation": "expect_no_placeholder_line", "kwargs": {"column": "text"}, "mostly": 0.5}]}, "docs.yml")
    frame = pd.DataFrame({"doc_id": ["seed.txt", "clean.txt"], "text": [SEED, CLEAN]})
    (outcome,) = validate(suite, frame, data_docs_dir=tmp_path / "gx")
    assert (outcome.success, outcome.failing_doc_ids, outcome.failing_values) == (True, ["seed.txt"], [SEED])
    pages = [re.sub(r"<[^>]+>", " ", p.read_text(encoding="utf-8")) for p in (tmp_path / "gx").rglob("*.html")]
    assert any("values must have at most 0 P101 placeholder-line finding(s) each, at least 50 % of the time" in
               " ".join(page.split()) for page in pages)
