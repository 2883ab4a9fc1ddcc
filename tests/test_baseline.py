"""Baselines: accept the known findings, fail on new ones only, notice fixed ones."""

import json
import shutil

import pytest

from corpuscheck.check import check
from corpuscheck.ci.baseline import (
    BaselineError,
    apply_baseline,
    baseline_summary,
    baselined_report,
    fingerprint,
    fingerprint_all,
    load_baseline,
    write_baseline,
)
from corpuscheck.findings import Finding
from corpuscheck.report.sarif import SarifReporter
from tests.conftest import FIXTURES

SEED = "000_232fd3ee54a89291.txt"
CLEAN = (
    "Pemerintah Umumkan Program Baru\n"
    "JAKARTA - Pemerintah mengumumkan program baru pada Senin (2/10/2023).\n"
    "Program itu akan berjalan selama tiga tahun.\n"
    "Menteri mengatakan anggaran sudah disiapkan.\n"
)
# the five seed rules only, so rules added later cannot add findings to the scenario
RULES = ["D101", "P101", "P102", "N101", "N102"]


def run(paths):
    return check(paths, select=RULES)


def _finding(**kw):
    base = dict(path="corpus/a.txt", doc_id="corpus/a.txt", record=1, code="P102", rule="ui-residue-line",
                severity="error", line=3, end_line=3, column=1, message="m", excerpt="A")
    return Finding(**(base | kw))


def test_fingerprints_ignore_line_numbers_but_not_content():
    here = _finding()
    assert fingerprint(here) == fingerprint(_finding(line=40, end_line=40, message="other words"))
    assert fingerprint(here) == fingerprint(_finding(path="./corpus/a.txt", excerpt="  A "))
    assert fingerprint(here) != fingerprint(_finding(excerpt="Share"))
    assert fingerprint(here) != fingerprint(_finding(path="corpus/b.txt"))
    assert fingerprint(here) != fingerprint(_finding(code="P101", rule="placeholder-line"))
    assert fingerprint(here) != fingerprint(here, occurrence=1)


def test_identical_findings_are_numbered_in_file_order():
    three = [_finding(line=n, end_line=n) for n in (5, 3, 4)]
    numbered = fingerprint_all(three)
    assert [f.line for f, _ in numbered] == [3, 4, 5]
    assert [fp for _, fp in numbered] == [fingerprint(three[0], i) for i in range(3)]
    # in a JSONL file the record, not the line, orders them; the record is not part of the fingerprint
    jsonl = [_finding(path="c.jsonl", doc_id=f"c.jsonl#{r}", record=r, line=1, end_line=1) for r in (7, 2)]
    assert [f.record for f, _ in fingerprint_all(jsonl)] == [2, 7]
    moved = [_finding(path="c.jsonl", doc_id=f"c.jsonl#{r}", record=r, line=1, end_line=1) for r in (9, 4)]
    assert {fp for _, fp in fingerprint_all(jsonl)} == {fp for _, fp in fingerprint_all(moved)}


def _names(findings):
    return sorted((f.path.rsplit("/", 1)[-1], f.code, f.line) for f in findings)


def test_baseline_gates_only_new_findings(in_tmp):
    corpus = in_tmp / "corpus"
    corpus.mkdir()
    shutil.copy(FIXTURES / "seed" / SEED, corpus / SEED)
    (corpus / "clean.txt").write_text(CLEAN, encoding="utf-8")
    seed_text = (corpus / SEED).read_text(encoding="utf-8")

    first = run(["corpus"])
    assert not first.passed and len(first.findings) == 6
    path = write_baseline(first, "baseline/corpuscheck.json")
    data = json.loads(path.read_text(encoding="utf-8"))
    assert data["version"] == 1 and data["tool"] == "corpuscheck" and data["findings"] == 6
    assert {(e["code"], e["path"], e["excerpt"]) for e in data["fingerprints"]} >= {
        ("P101", f"corpus/{SEED}", "loading..."), ("P102", f"corpus/{SEED}", "A"), ("N102", f"corpus/{SEED}", "(ian)")}
    baseline = load_baseline(path)
    assert len(baseline) == 6

    # the same corpus passes with its baseline
    gated = baselined_report(run(["corpus"]), baseline)
    assert gated.passed and gated.findings == []
    assert gated.extra["baseline"] | {"fixed": None} == {"path": str(path), "known": 6, "new": 0, "fixed": None}
    assert all(o.success for o in gated.outcomes)

    # one new defect, and every known finding moved down by two lines
    lines = seed_text.split("\n")
    shifted = "\n".join([lines[0], "Baris tambahan pertama tanpa masalah.", "Baris tambahan kedua juga bersih.", *lines[1:]])
    (corpus / SEED).write_text(shifted, encoding="utf-8")
    clean_lines = CLEAN.split("\n")
    (corpus / "clean.txt").write_text("\n".join([*clean_lines[:2], "loading...", *clean_lines[2:]]), encoding="utf-8")
    full = run(["corpus"])
    assert len(full.findings) == 7
    assert [f.line for f in full.findings if f.path.endswith(SEED) and f.code == "P101"] == [4]  # it did move
    new, known, fixed = apply_baseline(full, baseline)
    assert _names(new) == [("clean.txt", "P101", 3)] and known == 6 and fixed == []
    gated = baselined_report(full, baseline)
    assert not gated.passed
    assert _names(gated.findings) == [("clean.txt", "P101", 3)]
    assert [o.label for o in gated.outcomes if not o.success] == ["P101 placeholder-line"]
    assert gated.extra["baseline"]["known"] == 6 and gated.extra["baseline"]["new"] == 1
    assert baseline_summary(gated).startswith(f"Baseline {path}: 1 new finding(s), 6 known finding(s) not counted")

    # the defect removed: passes again (the shifted known findings are still known)
    (corpus / "clean.txt").write_text(CLEAN, encoding="utf-8")
    gated = baselined_report(run(["corpus"]), baseline)
    assert gated.passed and gated.findings == [] and gated.extra["baseline"]["known"] == 6

    # a known finding fixed: still passes, and the baseline entry is listed as fixed
    (corpus / SEED).write_text(shifted.replace("\nloading...\n", "\n"), encoding="utf-8")
    gated = baselined_report(run(["corpus"]), baseline)
    assert gated.passed
    assert [(e["code"], e["excerpt"]) for e in gated.extra["baseline"]["fixed"]] == [("P101", "loading...")]
    assert "1 baseline entry fixed" in baseline_summary(gated)


def test_one_more_of_identical_findings_is_new(in_tmp):
    corpus = in_tmp / "corpus"
    corpus.mkdir()
    shutil.copy(FIXTURES / "seed" / SEED, corpus / SEED)
    baseline = load_baseline(write_baseline(run(["corpus"]), "b.json"))
    text = (corpus / SEED).read_text(encoding="utf-8").replace("\nA\n", "\nA\nA\n", 1)  # a fourth 'A' line
    (corpus / SEED).write_text(text, encoding="utf-8")
    gated = baselined_report(run(["corpus"]), baseline)
    assert not gated.passed
    assert [(f.code, f.excerpt) for f in gated.findings] == [("P102", "A")]
    assert gated.extra["fingerprints"] == [fp for f, fp in fingerprint_all(run(["corpus"]).findings)
                                           if fp not in baseline]
    # the SARIF output of the gated run carries that fingerprint, marked new
    (result,) = json.loads(SarifReporter().render(gated))["runs"][0]["results"]
    assert result["partialFingerprints"]["corpuscheck/v1"] == gated.extra["fingerprints"][0]
    assert result["baselineState"] == "new" and result["ruleId"] == "P102"


def test_a_warning_only_new_finding_does_not_fail(in_tmp):
    corpus = in_tmp / "corpus"
    corpus.mkdir()
    (corpus / "clean.txt").write_text(CLEAN, encoding="utf-8")
    baseline = load_baseline(write_baseline(run(["corpus"]), "b.json"))
    assert len(baseline) == 0
    (corpus / "clean.txt").write_text(CLEAN + "(ian)\n", encoding="utf-8")
    gated = baselined_report(run(["corpus"]), baseline)
    assert [f.code for f in gated.findings] == ["N102"]
    assert gated.passed  # N102 is a warning: reported, not gating, as without a baseline


@pytest.mark.parametrize(
    "content, expected",
    [
        (None, "no such file"),
        ("{not json", "not valid JSON: Expecting property name enclosed in double quotes at line 1, column 2"),
        ('["a"]', "not a corpuscheck baseline"),
        ('{"tool": "ruff", "version": 1, "fingerprints": []}', "not a corpuscheck baseline"),
        ('{"tool": "corpuscheck", "version": 99, "fingerprints": []}', "version 99 is not supported"),
        ('{"tool": "corpuscheck", "version": 1, "fingerprints": {}}', '"fingerprints" must be a list'),
        ('{"tool": "corpuscheck", "version": 1, "fingerprints": [{"code": "P101"}]}', 'entry 1 has no "fingerprint"'),
        ('{"tool": "corpuscheck", "version": 1, "fingerprint": "other/v9", "fingerprints": []}', "write the baseline again"),
    ],
)
def test_bad_baseline_files_say_what_is_wrong(tmp_path, content, expected):
    path = tmp_path / "baseline.json"
    if content is not None:
        path.write_text(content, encoding="utf-8")
    with pytest.raises(BaselineError) as info:
        load_baseline(path)
    assert str(path) in str(info.value) and expected in str(info.value)
    assert isinstance(info.value, ValueError)  # the CLI turns ValueErrors into exit code 2


def test_bad_baseline_encoding_and_folder(tmp_path):
    (tmp_path / "latin1.json").write_bytes(b'{"tool": "corpuscheck\xe9"}')
    with pytest.raises(BaselineError, match="not UTF-8"):
        load_baseline(tmp_path / "latin1.json")
    with pytest.raises(BaselineError, match="is a folder"):
        load_baseline(tmp_path)
