"""Suites: clear errors for bad files, and `mostly`, `max_per_document` and severities honoured through GX."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest
import yaml

from corpuscheck.check import check
from corpuscheck.gx.suite import ROW_COLUMNS, SuiteError, load_suite, parse
from tests.conftest import FIXTURES, ROOT

SUITES = FIXTURES / "suites"
SEED = FIXTURES / "seed" / "000_232fd3ee54a89291.txt"


def clean(i: int) -> str:
    return f"Judul {i}\nJAKARTA - Presiden meresmikan jalan tol baru nomor {i} pada hari Senin pagi.\n"


def corpus(folder: Path, clean_docs: int = 1, bad: dict[str, str] | None = None, seed: bool = False) -> Path:
    """``clean_docs`` clean articles, the ``bad`` ones by file name, and the seed article if asked."""
    data = folder / "corpus"
    data.mkdir()
    for i in range(clean_docs):
        (data / f"clean-{i:02d}.txt").write_text(clean(i), encoding="utf-8")
    for name, text in (bad or {}).items():
        (data / name).write_text(text, encoding="utf-8")
    if seed:
        (data / "seed.txt").write_text(SEED.read_text(encoding="utf-8"), encoding="utf-8")
    return data


def suite_file(folder: Path, data, name: str = "s.yml") -> str:
    path = folder / name
    path.write_text(data if isinstance(data, str) else yaml.safe_dump(data, sort_keys=False), encoding="utf-8")
    return str(path)


def one(entry: dict) -> dict:
    return {"name": "s", "expectations": [entry]}


PLACEHOLDER = "Judul\nloading...\nJAKARTA - Presiden meresmikan jalan tol baru pada hari Senin pagi.\n"


# --- errors a suite file can have: each names the file and the entry -------------------------------------------

@pytest.mark.parametrize(
    "data, message",
    [
        (one({"rule": "no-such-rule"}), r"s.yml: expectations\[1\]: unknown rule 'no-such-rule'"),
        (one({"rule": "P101", "mostyl": 0.9}), r"expectations\[1\]: unknown key\(s\) mostyl \(known: .*mostly"),
        (one({"rule": "P101", "mostly": 1.5}), r"expectations\[1\]: mostly must be a number from 0 to 1, not 1.5"),
        (one({"rule": "P101", "mostly": "most"}), r"mostly must be a number from 0 to 1, not 'most'"),
        (one({"rule": "P101", "mostly": True}), r"mostly must be a number from 0 to 1, not True"),
        (one({"rule": "P101", "mostly": -0.1}), r"mostly must be a number from 0 to 1"),
        (one({"rule": "P101", "max_per_document": -1}), r"max_per_document must be a whole number >= 0, not -1"),
        (one({"rule": "P101", "max_per_document": 1.5}), r"max_per_document must be a whole number"),
        (one({"rule": "P101", "severity": "fatal"}), r"severity must be error, warning or info, not 'fatal'"),
        (one({"rule": "P101", "options": ["id"]}), r"options must be a mapping"),
        (one({"rule": "P101", "options": {"langs": ["id"]}}), r"P101 placeholder-line: unknown option\(s\) langs"),
        (one({"rule": "P101", "description": 3}), r"description must be a string"),
        ({"expectations": [{"rule": "P101"}, {"rule": "placeholder-line"}]},
         r"expectations\[2\]: rule P101 placeholder-line is already listed at expectations\[1\]"),
        ({"expectations": ["placeholder-line"]}, r"an entry is a mapping with `rule:` or `expectation:`"),
        (one({"expectation": "values_between"}), r"'values_between' is not a GX expectation type"),
        (one({"expectation": "expect_column_values_to_not_be_null", "kwargs": ["body"]}), r"kwargs must be a mapping"),
        (one({"expectation": "expect_column_values_to_not_be_null", "kwargs": {"column": "body", "severity": "info"}}),
         r"put severity beside `expectation:`, not inside kwargs"),
        (one({"expectation": "expect_column_values_to_not_be_null", "kwargs": {"column": "body", "meta": {}}}),
         r"kwargs may not set meta"),
        (one({"expectation": "expect_compound_columns_to_be_unique", "kwargs": {"column_list": ["title", "bdy"]}}),
         r"names column 'bdy', which no row has \(did you mean 'body'\?\)"),
        (one({"expectation": "expect_column_values_to_not_be_null", "mostly": 0.9,
              "kwargs": {"column": "body", "mostly": 0.9}}), r"mostly is given twice"),
        (one({"expectation": "expect_column_values_to_not_be_null", "kwargs": {"column": "bodyy"}}),
         r"expectations\[1\]: expect_column_values_to_not_be_null names column 'bodyy', which no row has "
         r"\(did you mean 'body'\?\)"),
        (one({"expectation": "expect_column_values_to_be_between", "kwargs": {"column": "placeholder_line"}}),
         r"names column 'placeholder_line', which no row has"),  # a count column, but the suite has no P101 entry
        (one({"expectation": "expect_column_pair_values_a_to_be_greater_than_b",
              "kwargs": {"column_A": "n_chars", "column_B": "n_words"}}), r"names column 'n_words'"),
        ({"name": "s", "expectations": []}, r"s.yml: the suite has no expectations; an empty suite would always pass"),
        ({"name": "s"}, r"a suite is a mapping with a name and a list `expectations`"),
        ("just a string\n", r"a suite is a mapping with a name and a list `expectations`"),
        ("", r"a suite is a mapping"),
        ({"name": "s", "severity": "error", "expectations": [{"rule": "P101"}]}, r"s.yml: unknown key\(s\) severity"),
        ({"name": "", "expectations": [{"rule": "P101"}]}, r"name must be a non-empty string"),
    ],
)
def test_suite_file_errors_are_clear(tmp_path, data, message):
    with pytest.raises(SuiteError, match=message):
        load_suite(suite_file(tmp_path, data))


def test_bad_yaml_and_missing_suites():
    with pytest.raises(SuiteError, match=r"broken-yaml.yml: not valid YAML"):
        load_suite(str(SUITES / "broken-yaml.yml"))
    with pytest.raises(SuiteError, match=r"suite file nowhere.yml does not exist"):
        load_suite("nowhere.yml")
    with pytest.raises(SuiteError, match=r"no suite 'nosuch': not a file, not in checks/, not built in"):
        load_suite("nosuch")


def test_valid_columns_are_accepted():
    suite = parse({"expectations": [
        {"rule": "P101"},
        {"expectation": "expect_column_values_to_be_between", "kwargs": {"column": "placeholder_line", "max_value": 0}},
        {"expectation": "expect_column_values_to_not_be_null", "kwargs": {"column": "meta.url"}},
        {"expectation": "expect_column_value_lengths_to_be_between", "kwargs": {"column": "body", "min_value": 1}},
        {"expectation": "expect_column_values_to_not_be_null", "kwargs": {"column": "title"}, "mostly": 0.5},
    ]}, "ok.yml")
    assert [e.columns for e in suite.gx_entries] == [["placeholder_line"], ["meta.url"], ["body"], ["title"]]
    assert suite.gx_entries[-1].kwargs == {"column": "title", "mostly": 0.5}
    assert suite.name == "ok"


def test_row_columns_match_the_engine():
    from corpuscheck.engine import check_document
    from corpuscheck.input.document import from_text

    row = check_document(from_text("Judul\nJAKARTA - Isi."), []).row
    assert set(row) == set(ROW_COLUMNS)


def test_a_suite_error_on_the_command_line_is_one_line_and_exit_2(tmp_path, capsys):
    from corpuscheck.cli import main

    data = corpus(tmp_path)
    code = main(["check", str(data), "--suite", str(SUITES / "broken-yaml.yml"), "--no-report", "--no-progress"])
    out, err = capsys.readouterr()
    assert code == 2 and out == "" and "Traceback" not in err
    assert err.startswith("corpuscheck: error: ") and "broken-yaml.yml: not valid YAML" in err and err.count("\n") == 1


# --- errors found when the suite is compiled to GX --------------------------------------------------------------

@pytest.mark.parametrize(
    "entry, message",
    [
        ({"expectation": "expect_column_values_to_be_betwen", "kwargs": {"column": "n_chars", "min_value": 1}},
         r"expectations\[1\]: unknown GX expectation 'expect_column_values_to_be_betwen' "
         r"\(did you mean expect_column_values_to_be_between\?\)"),
        ({"expectation": "expect_column_values_to_be_between", "kwargs": {"column": "n_chars", "min_valu": 1}},
         r"expect_column_values_to_be_between: invalid kwargs: min_valu: extra fields not permitted"),
        ({"expectation": "expect_column_values_to_be_between", "kwargs": {"column": "n_chars", "mostly": 2}},
         r"invalid kwargs: mostly: "),
        ({"expectation": "expect_column_values_to_not_be_null", "kwargs": {}}, r"invalid kwargs: column: field required"),
        ({"expectation": "expect_no_placeholder_line", "kwargs": {"column": "text", "options": {"langs": []}}},
         r"invalid kwargs: options: P101 placeholder-line: unknown option\(s\) langs"),
        ({"expectation": "expect_column_values_to_match_regex", "kwargs": {"column": "title", "regex": "(unclosed"}},
         r"expectations\[1\] expect_column_values_to_match_regex could not run: .*"),
    ],
)
def test_gx_errors_are_suite_errors(tmp_path, entry, message):
    data = corpus(tmp_path)
    with pytest.raises(SuiteError, match=message):
        check([str(data)], suite_file(tmp_path, one(entry)))


def test_a_suite_that_gx_compiles_to_fewer_expectations_is_an_error(monkeypatch):
    """GX drops an expectation it cannot build with only a log line; we count and refuse."""
    from great_expectations.core.expectation_suite import ExpectationSuite
    from great_expectations.exceptions import InvalidExpectationConfigurationError

    from corpuscheck.gx.validate import compile_suite

    process = ExpectationSuite._process_expectation

    def dropping(self, expectation):
        if getattr(expectation, "expectation_type", "") == "expect_column_values_to_not_be_null":
            raise InvalidExpectationConfigurationError("not registered")
        return process(self, expectation)

    suite = parse({"expectations": [
        {"rule": "P101"}, {"expectation": "expect_column_values_to_not_be_null", "kwargs": {"column": "title"}}]}, "s.yml")
    assert len(compile_suite(suite).expectations) == 2
    monkeypatch.setattr(ExpectationSuite, "_process_expectation", dropping)
    with pytest.raises(SuiteError, match=r"s.yml: compiled to 1 GX expectation\(s\) but the suite lists 2"):
        compile_suite(suite)


# --- what a suite means -----------------------------------------------------------------------------------------

@pytest.mark.parametrize("mostly, passed", [(0.85, True), (0.9, True), (0.95, False), (1, False)])
def test_mostly_is_the_share_of_documents_that_must_pass(tmp_path, mostly, passed):
    data = corpus(tmp_path, clean_docs=9, bad={"bad.txt": PLACEHOLDER})
    report = check([str(data)], suite_file(tmp_path, one({"rule": "placeholder-line", "mostly": mostly})))
    (outcome,) = report.outcomes
    assert (outcome.success, report.passed) == (passed, passed)
    assert (outcome.element_count, outcome.unexpected_count, outcome.observed) == (10, 1, 0.9)
    assert outcome.failing_doc_ids == [f"{data}/bad.txt"] and outcome.failing_values == [1]
    assert [(f.path, f.code, f.line) for f in report.findings] == [(f"{data}/bad.txt", "P101", 2)]


@pytest.mark.parametrize("severity, passed", [("error", False), ("critical", False), ("warning", True), ("info", True)])
def test_only_a_failing_error_fails_the_report(tmp_path, severity, passed):
    data = corpus(tmp_path, clean_docs=2, bad={"bad.txt": PLACEHOLDER})
    report = check([str(data)], suite_file(tmp_path, one({"rule": "P101", "severity": severity})))
    (outcome,) = report.outcomes
    assert outcome.success is False and report.passed is passed
    assert outcome.severity == ("error" if severity == "critical" else severity)
    assert [f.severity for f in report.findings] == [outcome.severity]  # the failure is reported either way


def test_severity_decides_the_exit_code(tmp_path, capsys):
    from corpuscheck.cli import main

    data = corpus(tmp_path, clean_docs=1, bad={"bad.txt": PLACEHOLDER})
    for severity, code in (("warning", 0), ("error", 1)):
        suite = suite_file(tmp_path, one({"rule": "P101", "severity": severity}), f"{severity}.yml")
        assert main(["check", str(data), "--suite", suite, "--no-report", "--no-progress"]) == code
        assert "bad.txt:2:1: P101 [placeholder-line]" in capsys.readouterr().out


@pytest.mark.parametrize("maximum, success", [(3, True), (2, False)])
def test_max_per_document(tmp_path, maximum, success):
    data = corpus(tmp_path, clean_docs=1, seed=True)  # the seed has three `A` lines
    report = check([str(data)], suite_file(tmp_path, one({"rule": "ui-residue-line", "max_per_document": maximum})))
    assert report.outcomes[0].success is success and report.outcomes[0].unexpected_count == (0 if success else 1)
    assert len(report.findings) == 3


def test_mixed_suite_rules_and_gx_expectations(tmp_path):
    data = corpus(tmp_path, clean_docs=1, seed=True)
    report = check([str(data)], str(SUITES / "mixed.yml"))
    assert report.suite.name == "mixed"
    verdicts = {o.label: (o.success, o.severity, o.unexpected_count) for o in report.outcomes}
    assert verdicts == {
        "P101 placeholder-line": (False, "error", 1),
        "P102 ui-residue-line": (True, "error", 0),
        "N101 missing-dateline": (True, "warning", 0),
        "expect_column_values_to_be_between(n_chars)": (True, "warning", 1),  # 1 of 2 short, mostly 0.5
        "expect_no_duplicated_paragraph_run(text)": (False, "info", 1),
    }
    assert report.passed is False  # P101 is an error
    gx_findings = sorted((f.rule, f.path, f.severity, f.message) for f in report.findings if f.code == "GX")
    assert gx_findings == [
        ("expect_column_values_to_be_between", f"{data}/clean-00.txt", "warning", "Articles have at least 100 characters."),
        ("expect_no_duplicated_paragraph_run", f"{data}/seed.txt", "info",
         "text fails expect_no_duplicated_paragraph_run()"),
    ]


@pytest.mark.parametrize("ids, expected", [
    (["a", "b", "c"], (["b", "c"], ["b"])),
    (["a", "b", "b"], (["b", "b"], ["b"])),  # not unique: looked up by position
    (None, (["1", "2"], ["1"])),  # no doc_id column: positions
])
def test_validate_maps_failing_rows_to_doc_ids_with_any_index(ids, expected):
    from corpuscheck.gx.validate import validate

    suite = parse({"expectations": [{"rule": "P101", "mostly": 0.1},
                                    {"expectation": "expect_column_values_to_be_between",
                                     "kwargs": {"column": "n_chars", "max_value": 100}}]}, "s.yml")
    frame = pd.DataFrame({"placeholder_line": [0, 2, 1], "n_chars": [50, 500, 80]}, index=[10, 5, 7])
    if ids:
        frame["doc_id"] = ids
    rule, length = validate(suite, frame)
    assert (rule.success, rule.failing_doc_ids, rule.failing_values) == (True, expected[0], [2, 1])
    assert (length.success, length.failing_doc_ids, length.failing_values) == (False, expected[1], [500])
    assert (rule.element_count, rule.unexpected_count) == (3, 2)
    json.dumps([rule.failing_doc_ids, rule.failing_values, length.failing_values])  # plain Python values, not numpy


def test_the_callers_gx_context_stays_current(tmp_path):
    import great_expectations as gx
    from great_expectations.data_context.data_context.context_factory import project_manager

    mine = gx.get_context(mode="ephemeral")
    check([str(corpus(tmp_path))], suite_file(tmp_path, one({"rule": "P101"})))
    assert project_manager.get_current_project() is mine


def test_nothing_is_left_behind_and_gx_is_silent(tmp_path):
    """The CLI with Data Docs: no gx/ in the working folder, no temporary folder, nothing from GX on stdout/stderr."""
    work = tmp_path / "work"
    work.mkdir()
    corpus(work, clean_docs=1, seed=True)
    temp = tmp_path / "tmp"
    temp.mkdir()
    env = {**os.environ, "TMPDIR": str(temp), "NO_COLOR": "1", "PYTHONWARNINGS": "default"}
    command = [sys.executable, "-m", "corpuscheck.cli", "check", "corpus", "--suite", str(SUITES / "mixed.yml"),
               "--report", "out", "--data-docs", "--no-progress"]
    done = subprocess.run(command, cwd=work, env=env, capture_output=True, text=True, timeout=600)
    assert done.returncode == 1, done.stderr
    assert done.stderr == "HTML report: out/index.html\n"
    assert done.stdout.splitlines()[-1].startswith("Suite 'mixed' failed")
    assert "Calculating Metrics" not in done.stdout + done.stderr
    assert sorted(p.name for p in work.iterdir()) == ["corpus", "out"]
    assert list(temp.iterdir()) == []
    docs = work / "out" / "gx"
    assert (docs / "index.html").is_file() and (docs / "expectations" / "mixed.html").is_file()
    (page,) = (docs / "validations").rglob("*.html")
    assert "D101 duplicated-paragraph-run finding(s)" in page.read_text(encoding="utf-8")
    assert "corpus/seed.txt" in page.read_text(encoding="utf-8")  # failing rows are named by doc id
    assert str(ROOT) not in done.stderr


def test_data_docs_refuse_a_gx_project_folder(tmp_path):
    project = tmp_path / "out" / "gx"
    project.mkdir(parents=True)
    (project / "great_expectations.yml").write_text("config_version: 4\n")
    with pytest.raises(SuiteError, match="is a GX project folder"):
        check([str(corpus(tmp_path))], suite_file(tmp_path, one({"rule": "P101"})), data_docs_dir=project)
    assert sorted(p.name for p in project.iterdir()) == ["great_expectations.yml"]
