"""The CLI: the JSON contract (DESIGN.md), the text format, exit codes 0/1/2, the no-argument run."""

import gzip
import json
import os
import re
import shutil
import subprocess
import sys

import pytest

from corpuscheck.cli import main
from tests.conftest import FIXTURES

SEED = FIXTURES / "seed" / "000_232fd3ee54a89291.txt"
CLEAN = (
    "Presiden Resmikan Jalan Tol Baru\n"
    "JAKARTA - Presiden meresmikan jalan tol baru sepanjang 42 kilometer pada hari Senin pagi.\n"
    "Jalan tol itu menghubungkan dua kota besar dan diharapkan memangkas waktu tempuh hingga satu jam.\n"
    "Menteri Pekerjaan Umum mengatakan pembangunan berlangsung selama tiga tahun dengan biaya yang sesuai rencana.\n"
    "Warga setempat menyambut baik peresmian itu karena selama ini jalan lama selalu macet pada akhir pekan.\n"
)
# (code, rule, line, end_line, related) the seed article must give, and nothing else
SEED_FINDINGS = [
    ("P101", "placeholder-line", 2, 2, None),
    ("P102", "ui-residue-line", 3, 3, None),
    ("P102", "ui-residue-line", 4, 4, None),
    ("P102", "ui-residue-line", 5, 5, None),
    ("D101", "duplicated-paragraph-run", 13, 18, {"line": 7, "end_line": 12}),
    ("N102", "byline-residue", 19, 19, None),
]
TEXT_LINE = re.compile(r"^(?P<path>.+?):(?P<line>\d+):(?P<col>\d+): (?P<code>[A-Z]+\d*) \[(?P<rule>[a-z0-9-]+)\] (?P<message>\S.*)$")
FINDING_KEYS = {"doc_id", "record", "code", "rule", "severity", "line", "end_line", "column", "message", "excerpt",
                "related"}


def run(capsys, *args):
    code = main([str(a) for a in args])
    out, err = capsys.readouterr()
    return code, out, err


def assert_contract(data):
    """Every key and type of the JSON findings contract in DESIGN.md, and the sums that tie them."""
    assert {"tool", "version", "suite", "passed", "summary", "files"} <= set(data)
    assert data["tool"] == "corpuscheck"
    assert isinstance(data["version"], str) and data["version"]
    assert isinstance(data["suite"], str) and data["suite"]
    assert isinstance(data["passed"], bool)
    summary = data["summary"]
    assert set(summary) == {"files", "documents", "documents_failed", "findings", "by_rule"}
    for key in ("files", "documents", "documents_failed", "findings"):
        assert type(summary[key]) is int and summary[key] >= 0, key
    assert isinstance(summary["by_rule"], dict)
    assert all(isinstance(k, str) and type(v) is int and v > 0 for k, v in summary["by_rule"].items())
    assert isinstance(data["files"], list)
    assert summary["files"] == len(data["files"])
    assert summary["documents"] == sum(f["documents"] for f in data["files"])
    findings = [x for f in data["files"] for x in f["findings"]]
    assert summary["findings"] == len(findings) == sum(summary["by_rule"].values())
    assert summary["documents_failed"] == len({x["doc_id"] for x in findings}) <= summary["documents"]
    for file in data["files"]:
        assert set(file) == {"path", "documents", "errors", "findings"}
        assert isinstance(file["path"], str) and file["path"]
        assert type(file["documents"]) is int and file["documents"] >= 0
        for error in file["errors"]:
            assert set(error) == {"line", "record", "message"}
            assert error["line"] is None or (type(error["line"]) is int and error["line"] >= 1)
            assert error["record"] is None or (type(error["record"]) is int and error["record"] >= 1)
            assert isinstance(error["message"], str) and error["message"]
        for finding in file["findings"]:
            assert set(finding) - {"fix"} == FINDING_KEYS  # fix: only where `corpuscheck fix` repairs it
            assert finding.get("fix") is None or finding["fix"]["safety"] in ("safe", "unsafe")
            for key in ("doc_id", "code", "rule", "message", "excerpt"):
                assert isinstance(finding[key], str), key
            for key in ("record", "line", "end_line", "column"):
                assert type(finding[key]) is int and finding[key] >= 1, key
            assert finding["line"] <= finding["end_line"]
            assert finding["severity"] in ("error", "warning", "info")
            related = finding["related"]
            assert related is None or (
                set(related) == {"line", "end_line"}
                and all(type(v) is int for v in related.values())
                and 1 <= related["line"] <= related["end_line"]
            )
    if data["files"] and any(f["errors"] for f in data["files"]):
        assert data["passed"] is False  # a file that could not be read fails the run


def seed_findings(file):
    return [(x["code"], x["rule"], x["line"], x["end_line"], x["related"]) for x in file["findings"]]


# --- JSON -----------------------------------------------------------------------------------------


def test_seed_json_reports_exactly_the_known_defects(capsys, in_tmp):
    code, out, err = run(capsys, "check", SEED, "--format", "json", "--no-report")
    assert code == 1 and "Traceback" not in err
    data = json.loads(out)
    assert_contract(data)
    assert data["suite"] == "news" and data["passed"] is False
    (file,) = data["files"]
    assert file["path"] == str(SEED) and file["documents"] == 1 and file["errors"] == []
    assert seed_findings(file) == SEED_FINDINGS
    assert not any(x["code"] == "N101" or x["rule"] == "missing-dateline" for x in file["findings"])
    assert {x["doc_id"] for x in file["findings"]} == {str(SEED)} and {x["record"] for x in file["findings"]} == {1}
    assert {x["severity"] for x in file["findings"] if x["code"] == "N102"} == {"warning"}
    assert file["findings"][0]["excerpt"] == "loading..." and file["findings"][0]["column"] == 1
    assert data["summary"] == {
        "files": 1, "documents": 1, "documents_failed": 1, "findings": 6,
        "by_rule": {"byline-residue": 1, "duplicated-paragraph-run": 1, "placeholder-line": 1, "ui-residue-line": 3},
    }


def test_clean_corpus_exits_0(capsys, in_tmp):
    (in_tmp / "clean.txt").write_text(CLEAN, encoding="utf-8")
    code, out, err = run(capsys, "check", "clean.txt", "--format", "json", "--no-report")
    data = json.loads(out)
    assert_contract(data)
    assert code == 0 and data["passed"] is True and data["summary"]["findings"] == 0
    assert data["files"] == [{"path": "clean.txt", "documents": 1, "errors": [], "findings": []}]


def test_jsonl_records_in_json(capsys, in_tmp):
    lines = SEED.read_text(encoding="utf-8").split("\n")
    record = {"title": lines[0], "text": "\n".join(lines[1:]), "url": "https://example.org/x"}
    with gzip.open(in_tmp / "news.jsonl.gz", "wt", encoding="utf-8") as handle:
        handle.write(json.dumps({"text": CLEAN}) + "\n" + json.dumps(record) + "\n")
    code, out, _ = run(capsys, "news.jsonl.gz", "--format", "json", "--no-report")
    data = json.loads(out)
    assert_contract(data)
    (file,) = data["files"]
    assert code == 1 and file["documents"] == 2
    assert {(x["doc_id"], x["record"]) for x in file["findings"]} == {("news.jsonl.gz#2", 2)}
    # the title came from its field, so every text line moved up by one
    assert [(x["code"], x["line"]) for x in file["findings"]][:2] == [("P101", 1), ("P102", 2)]


def test_bad_inputs_are_errors_of_their_file_and_the_rest_is_checked(capsys, in_tmp):
    corpus = in_tmp / "corpus"
    corpus.mkdir()
    shutil.copy(SEED, corpus / "a-seed.txt")
    (corpus / "b-latin1.txt").write_bytes(b"Judul\nJAKARTA - Caf\xe9 baru dibuka.\n")
    (corpus / "c-empty.txt").write_bytes(b"")
    (corpus / "d-records.jsonl").write_text(
        json.dumps({"text": CLEAN}) + "\n{not json\n" + json.dumps({"body": "x"}) + "\n", encoding="utf-8"
    )
    packed = gzip.compress("".join(json.dumps({"text": f"{CLEAN} {n}"}) + "\n" for n in range(2000)).encode())
    (corpus / "e-cut.jsonl.gz").write_bytes(packed[: len(packed) // 2])
    (corpus / "f-corrupt.parquet").write_bytes(b"PAR1 not really")
    code, out, err = run(capsys, "check", corpus, "missing.txt", "--format", "json", "--no-report")
    assert code == 1 and "Traceback" not in err
    data = json.loads(out)
    assert_contract(data)
    files = {f["path"]: f for f in data["files"]}
    assert list(files) == [f"{corpus}/{n}" for n in ("a-seed.txt", "b-latin1.txt", "c-empty.txt", "d-records.jsonl",
                                                     "e-cut.jsonl.gz", "f-corrupt.parquet")] + ["missing.txt"]
    assert seed_findings(files[f"{corpus}/a-seed.txt"]) == SEED_FINDINGS

    def errors(name):
        return [(e["line"], e["record"], e["message"]) for e in files[name]["errors"]]

    ((line, record, message),) = errors(f"{corpus}/b-latin1.txt")
    assert (line, record) == (2, None) and "not valid UTF-8: byte 0xe9 at offset 19" in message
    assert files[f"{corpus}/b-latin1.txt"]["documents"] == 1  # checked anyway
    assert errors(f"{corpus}/c-empty.txt") == [(1, None, "file is empty")]
    assert [(x[0], x[1]) for x in errors(f"{corpus}/d-records.jsonl")] == [(2, 2), (3, 3)]
    assert files[f"{corpus}/d-records.jsonl"]["documents"] == 1
    assert "truncated gzip data" in errors(f"{corpus}/e-cut.jsonl.gz")[0][2]
    assert 0 < files[f"{corpus}/e-cut.jsonl.gz"]["documents"] < 2000  # the records before the cut are checked
    assert errors(f"{corpus}/f-corrupt.parquet")[0][2].startswith("cannot read file: ")
    assert errors("missing.txt") == [(None, None, "no such file or directory")]


@pytest.mark.skipif(sys.platform != "linux", reason="Linux file names are bytes")
def test_non_utf8_file_name_in_json_and_text(capsys, in_tmp):
    folder = in_tmp / "corpus"
    folder.mkdir()
    with open(os.path.join(os.fsencode(folder), b"caf\xe9.txt"), "wb") as handle:
        handle.write(SEED.read_bytes())
    code, out, err = run(capsys, "check", folder, "--format", "json", "--no-report")
    data = json.loads(out)
    assert code == 1 and data["files"][0]["path"] == f"{folder}/caf\\xe9.txt"
    assert seed_findings(data["files"][0]) == SEED_FINDINGS
    code, out, err = run(capsys, "check", folder, "--no-report")
    assert code == 1 and f"{folder}/caf\\xe9.txt:2:1: P101 [placeholder-line]" in out


# --- text ------------------------------------------------------------------------------------------


def text_run(capsys, folder):
    shutil.copy(SEED, folder / "seed.txt")
    (folder / "bad.jsonl").write_text('{"text": "Judul\\nloading..."}\n{oops\n', encoding="utf-8")
    code, out, _ = run(capsys, "check", "seed.txt", "bad.jsonl", "--no-report", "--select", "D101,P101,P102,N101,N102")
    assert code == 1 and "Suite 'news' failed" in out
    return out.split("\n\n")[0].splitlines()  # the listing, before the summary


def test_text_finding_lines_are_path_line_col_code_rule_message(capsys, in_tmp):
    listed = [line for line in text_run(capsys, in_tmp) if "[read-error]" not in line]
    parsed = [TEXT_LINE.match(line) for line in listed]
    assert all(parsed), [line for line in listed if not TEXT_LINE.match(line)]
    seen = [(m["path"], int(m["line"]), int(m["col"]), m["code"], m["rule"]) for m in parsed]
    assert seen == [  # files in the order given; in a file, findings by record and line
        *[("seed.txt", line, 1, code, rule) for code, rule, line, _, _ in SEED_FINDINGS],
        ("bad.jsonl#1", 2, 1, "P101", "placeholder-line"),
    ]
    d101 = next(m for m in parsed if m["code"] == "D101")
    assert "(lines 13-18)" in d101["message"]


def test_text_read_error_line_is_listed_with_its_file(capsys, in_tmp):
    listed = text_run(capsys, in_tmp)
    errors = [line for line in listed if "[read-error]" in line]
    assert len(errors) == 1 and errors[0].startswith("bad.jsonl:2") and "malformed JSON record" in errors[0]
    assert listed.index(errors[0]) < listed.index(next(x for x in listed if x.startswith("bad.jsonl#1")))


def test_text_read_error_line_has_the_same_form(capsys, in_tmp):
    (error,) = [line for line in text_run(capsys, in_tmp) if "[read-error]" in line]
    match = TEXT_LINE.match(error)
    assert match and (match["path"], match["line"], match["col"], match["code"]) == ("bad.jsonl", "2", "1", "E000")


# --- exit code 2 -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "args, says",
    [
        (["--suite", "no-such-suite", "SEED"], "no suite 'no-such-suite'"),
        (["--select", "Z999", "SEED"], "'Z999' names no rule"),
        (["--ignore", "no-such-rule", "SEED"], "'no-such-rule' names no rule"),
        (["--format", "xml", "SEED"], "unknown format 'xml'"),
        (["missing.txt"], "missing.txt: no such file or directory"),
        (["empty-folder"], "empty-folder: folder has no corpus files"),
        (["notes.md"], "notes.md: unsupported file type"),
        (["--jobs", "many", "SEED"], "invalid int value: 'many'"),
        (["--no-such-option", "SEED"], "unrecognized arguments: --no-such-option"),
    ],
)
def test_usage_and_input_errors_exit_2_with_one_line(capsys, in_tmp, args, says):
    (in_tmp / "empty-folder").mkdir()
    (in_tmp / "notes.md").write_text("# not a corpus file")
    code, out, err = run(capsys, "check", *[str(SEED) if a == "SEED" else a for a in args])
    assert code == 2
    assert out == ""
    assert err.count("\n") == 1 and err.startswith("corpuscheck: error: ") and says in err, err
    assert "Traceback" not in err
    assert not (in_tmp / "reports").exists()


def test_missing_path_among_existing_exits_1(capsys, in_tmp):
    (in_tmp / "clean.txt").write_text(CLEAN, encoding="utf-8")
    code, out, err = run(capsys, "check", "clean.txt", "missing.txt", "--format", "json", "--no-report")
    data = json.loads(out)
    assert_contract(data)
    assert code == 1 and data["passed"] is False and data["summary"]["findings"] == 0
    assert [(f["path"], f["documents"], f["errors"]) for f in data["files"]] == [
        ("clean.txt", 1, []),
        ("missing.txt", 0, [{"line": None, "record": None, "message": "no such file or directory"}]),
    ]


# --- the default run -------------------------------------------------------------------------------


def test_no_arguments_checks_corpus_with_checks_and_writes_reports(capsys, in_tmp):
    (in_tmp / "corpus" / "deep").mkdir(parents=True)
    shutil.copy(SEED, in_tmp / "corpus" / "deep" / "seed.txt")
    (in_tmp / "corpus" / "clean.txt").write_text(CLEAN, encoding="utf-8")
    (in_tmp / "checks").mkdir()
    (in_tmp / "checks" / "news.yml").write_text(
        "name: local-news\nexpectations:\n  - rule: placeholder-line\n    severity: error\n", encoding="utf-8"
    )
    code, out, err = run(capsys)
    assert code == 1, err
    assert "Suite 'local-news' failed" in out
    listed = [m for m in map(TEXT_LINE.match, out.splitlines()) if m]
    assert [(m["path"], m["line"], m["code"]) for m in listed] == [("corpus/deep/seed.txt", "2", "P101")]
    index = in_tmp / "reports" / "index.html"
    assert index.is_file() and "reports/index.html" in err
    html = index.read_text(encoding="utf-8") + "".join(p.read_text(encoding="utf-8") for p in index.parent.glob("data-*/*.js"))
    assert "corpus/deep/seed.txt" in html and "loading..." in html  # the page and its data files (report/html.py)


def test_no_arguments_without_corpus_is_a_usage_error(capsys, in_tmp):
    code, out, err = run(capsys)
    assert code == 2 and out == "" and err.count("\n") == 1 and "no corpus/ folder" in err


def test_hostile_html_is_escaped_in_the_report(capsys, in_tmp):
    hostile = '<script>alert("x")</script><img src=x onerror=alert(1)>'
    line = f"Warga menempel {hostile} di papan pengumuman balai desa pada hari Senin pagi."
    text = f"Judul\nJAKARTA - Isi berita pertama.\n{line}\nParagraf ketiga.\n{line}\n"
    (in_tmp / "hostile.txt").write_text(text, encoding="utf-8")
    code, out, err = run(capsys, "check", "hostile.txt", "--format", "json", "--report", "out", "--select", "D101,E104")
    data = json.loads(out)
    findings = data["files"][0]["findings"]
    assert code == 1 and [(x["code"], x["line"]) for x in findings] == [("E104", 3), ("D101", 5), ("E104", 5)]
    assert findings[1]["excerpt"] == line  # JSON keeps the text as it is
    files = [in_tmp / "out" / "index.html", *(in_tmp / "out").glob("data-*/*.js")]
    raw = "".join(p.read_text(encoding="utf-8") for p in files)
    assert "<script>alert" not in raw and "<img src=x" not in raw
    # a data file is CC.put(kind, n, "<JSON>"): the JSON inside its string literal
    html = files[0].read_text(encoding="utf-8") + "".join(
        json.loads(p.read_text(encoding="utf-8").split(",", 2)[2].removesuffix(");\n")) for p in files[1:])
    assert "<script>alert" not in html and "<img src=x" not in html
    assert "\\u003cscript\\u003ealert" in html  # inside the report's JSON (page and data files)


# --- real processes: exit codes as a CI job sees them ----------------------------------------------


def cli(*args, cwd):
    return subprocess.run(
        [sys.executable, "-m", "corpuscheck.cli", *map(str, args)], cwd=cwd, capture_output=True, text=True,
        timeout=300, env={**os.environ, "NO_COLOR": "1"},
    )


def test_subprocess_exit_1_and_0(tmp_path):
    failed = cli("check", SEED, "--format", "json", "--no-report", cwd=tmp_path)
    assert failed.returncode == 1, failed.stderr
    assert "Traceback" not in failed.stderr
    data = json.loads(failed.stdout)
    assert_contract(data)
    assert seed_findings(data["files"][0]) == SEED_FINDINGS
    (tmp_path / "clean.txt").write_text(CLEAN, encoding="utf-8")
    passed = cli("clean.txt", "--no-report", cwd=tmp_path)
    assert passed.returncode == 0, passed.stdout + passed.stderr
    assert "Suite 'news' passed" in passed.stdout


@pytest.mark.parametrize("args", [["check", "missing.txt"], ["check", "SEED", "--format", "xml"]])
def test_subprocess_exit_2_one_line_no_traceback(tmp_path, args):
    result = cli(*[str(SEED) if a == "SEED" else a for a in args], cwd=tmp_path)
    assert result.returncode == 2
    assert result.stdout == ""
    assert result.stderr.count("\n") == 1 and result.stderr.startswith("corpuscheck: error: "), result.stderr


# --- every mistake is one line on stderr (issue 10) -------------------------------------------------


def _jsonl(path, records):
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")


def one_line_error(err: str, says: str) -> None:
    assert err.count("\n") == 1 and err.startswith("corpuscheck: error: ") and says in err, err


def test_text_field_that_no_record_has_is_one_line_exit_2(capsys, in_tmp):
    _jsonl(in_tmp / "a.jsonl", [{"text": CLEAN, "title": "t"}] * 50)
    code, out, err = run(capsys, "check", "a.jsonl", "--text-field", "body", "--no-report")
    assert code == 2 and out == ""
    one_line_error(err, "record has no 'body' field")
    assert "and 49 more read error(s)" in err


def test_title_field_that_does_not_exist_is_one_line_exit_2(capsys, in_tmp):
    _jsonl(in_tmp / "a.jsonl", [{"text": CLEAN, "title": "t"}] * 3)
    code, out, err = run(capsys, "check", "a.jsonl", "--title-field", "headline", "--no-report")
    assert code == 2 and out == ""
    one_line_error(err, "--title-field 'headline': no such field")
    assert "fields: text, title" in err


def test_a_misspelt_source_in_a_suite_does_not_pass_on_no_documents(capsys, in_tmp):
    _jsonl(in_tmp / "a.jsonl", [{"text": CLEAN, "title": f"t{i}", "source": "detik.com"} for i in range(3)])
    (in_tmp / "s.yml").write_text("name: s\nexpectations:\n  - rule: placeholder-line\n    sources: {detik.cmo: 0.9}\n")
    code, out, err = run(capsys, "check", "a.jsonl", "--suite", "s.yml", "--no-report")
    assert code == 2 and out == ""
    one_line_error(err, "names source 'detik.cmo', which no document has (did you mean 'detik.com'?")


def test_a_failing_threshold_never_reads_like_a_pass(capsys, in_tmp):
    from corpuscheck.report.text import share

    assert share(0.9995, 1.0) == ("99.95%", "100.00%", "-0.05%")
    assert share(0.95, 0.95) == ("95.0%", "95.0%", "+0.0%")
    code, out, _ = run(capsys, "check", SEED, "--no-report", "--select", "P101")
    assert "0/1 documents clean (0.0%, need 100.0%, margin -100.0%)" in out


def test_a_misspelt_command_suggests_the_right_one(capsys, in_tmp):
    code, out, err = run(capsys, "chek", "foo")
    assert code == 2 and out == ""
    one_line_error(err, "unknown command 'chek' (did you mean 'check'?)")


def test_format_names_are_case_insensitive(capsys, in_tmp):
    code, out, _ = run(capsys, "check", SEED, "--format", "JSON", "--no-report")
    assert code == 1 and json.loads(out)["summary"]["findings"] == 6


def test_python_dash_m_corpuscheck_runs_the_cli(tmp_path):
    result = subprocess.run([sys.executable, "-m", "corpuscheck", "--version"], capture_output=True, text=True, timeout=120)
    assert result.returncode == 0 and result.stdout.startswith("corpuscheck ")


def test_rules_show_the_suites_severities_as_json(capsys, in_tmp):
    (in_tmp / "s.yml").write_text("name: s\nexpectations:\n  - rule: placeholder-line\n    severity: info\n")
    code, out, _ = run(capsys, "rules", "--suite", "s.yml", "--format", "json")
    data = json.loads(out)
    by_code = {r["code"]: r for r in data["rules"]}
    assert code == 0 and data["suite"] == "s"
    assert by_code["P101"]["severity"] == "info" and by_code["P101"]["default_severity"] == "error"
    assert by_code["D101"]["severity"] is None
    code, out, _ = run(capsys, "rules", "--suite", "s.yml")
    assert re.search(r"^P101\s+placeholder-line\s+info\s+\[error\]", out, re.M)


def test_config_prints_toml_and_the_suite_that_will_run(capsys, in_tmp):
    import tomllib

    code, out, _ = run(capsys, "config")
    assert code == 0 and "None" not in out and "['" not in out
    assert tomllib.loads(out)["tool"]["corpuscheck"]["paths"] == ["corpus"]
    assert "# suite that will run: news (" in out


def test_statistics_quiet_and_concise_cap(capsys, in_tmp):
    from corpuscheck.report import text

    code, out, _ = run(capsys, "check", SEED, "--no-report", "--statistics", "--quiet")
    assert not TEXT_LINE.search(out.splitlines()[0])  # quiet: no finding lines
    assert re.search(r"^3\s+P102\s+\[.\] ui-residue-line\s+1 document", out, re.M)
    assert "pass " not in out and "FAIL  P101" in out
    text.CONCISE_CAP = 2
    try:
        code, out, _ = run(capsys, "check", SEED, "--no-report")
    finally:
        text.CONCISE_CAP = 200
    assert len([line for line in out.splitlines() if TEXT_LINE.match(line)]) == 2
    assert "… 4 more finding(s) not shown: see them all with --show full" in out
    code, out, _ = run(capsys, "check", SEED, "--no-report", "--show", "full")
    assert "    │ loading..." in out


def test_color_follows_force_color_and_no_color(capsys, in_tmp, monkeypatch):
    monkeypatch.setenv("FORCE_COLOR", "1")
    monkeypatch.delenv("NO_COLOR", raising=False)
    _, out, _ = run(capsys, "check", SEED, "--no-report")
    assert "\x1b[" in out
    monkeypatch.setenv("NO_COLOR", "1")
    _, out, _ = run(capsys, "check", SEED, "--no-report")
    assert "\x1b[" not in out


def test_progress_total_is_counted_cheaply(in_tmp):
    from corpuscheck.progress import count_documents

    _jsonl(in_tmp / "a.jsonl", [{"text": "x"}] * 7)
    (in_tmp / "b.txt").write_text(CLEAN)
    assert count_documents([str(in_tmp)]) == 8
