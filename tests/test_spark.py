"""The Spark engine against the local one, on a real Spark (local[2] and a standalone cluster on loopback).

Java and pyspark are required: CI installs both (.ci/run), so these tests run, never skip.
"""

from __future__ import annotations

import gzip
import json
import os
import shutil
import socket
import subprocess
import sys
import time
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from corpuscheck.check import check

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "tests" / "fixtures"


def _key(report):
    findings = sorted((f.path, f.record, f.code, f.line, f.end_line, f.message, repr(f.edits)) for f in report.findings)
    outcomes = [(o.label, o.source, o.success, o.element_count, o.unexpected_count, sorted(o.failing_doc_ids))
                for o in report.outcomes]
    errors = sorted((e.path, e.record, e.message) for e in report.errors)
    return findings, outcomes, errors, report.documents, report.passed


@pytest.fixture(scope="session")
def spark():
    """One local[2] SparkSession for the whole test session (start-up costs seconds)."""
    from corpuscheck import spark as engine

    session = engine.session("local[2]")
    yield session
    session.stop()


@pytest.fixture(scope="session")
def every_format(tmp_path_factory) -> Path:
    """One corpus in every input format, with the loader's hard cases: blank JSONL lines,
    a broken record, a BOM, CRLF, gzip, Parquet with a missing text, HTML pages."""
    folder = tmp_path_factory.mktemp("formats")
    records = [json.loads(line) for line in (ROOT / "corpus" / "benchmark-gold.jsonl").read_text("utf-8").splitlines()[:6]]
    lines = [json.dumps(r) for r in records[:3]] + ["", "{not json", json.dumps(records[3])]
    (folder / "plain.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    with gzip.open(folder / "packed.jsonl.gz", "wt", encoding="utf-8") as handle:
        handle.write("\n".join(json.dumps(r) for r in records[3:]) + "\n")
    table = pa.table({"text": [r.get("text") for r in records] + [None], "title": [r.get("title") for r in records] + ["x"]})
    pq.write_table(table, folder / "table.parquet")
    (folder / "texts").mkdir()
    shutil.copy(FIXTURES / "input" / "crlf-bom.txt", folder / "texts" / "crlf-bom.txt")
    (folder / "texts" / "latin1.txt").write_bytes("Caf\xe9 au lait.\n\nA second paragraph here.\n".encode("latin-1"))
    (folder / "texts" / "article.txt").write_text(records[0].get("text") or "text", encoding="utf-8")
    pages = sorted((FIXTURES / "html_pages").rglob("*.html.gz"))[:2]
    assert pages, "the HTML page fixtures are missing"
    for page in pages:
        shutil.copy(page, folder / page.name)
    return folder


@pytest.mark.parametrize("target", ["corpus", "formats"])
def test_spark_engine_finds_what_the_local_engine_finds(spark, every_format, target):
    paths = [str(ROOT / "corpus")] if target == "corpus" else [str(every_format)]
    local = check(paths)
    distributed = check(paths, engine="spark", spark_master="local[2]")
    assert local.findings, "the parity corpus must give findings, or the comparison proves nothing"
    assert _key(distributed) == _key(local)
    assert distributed.files and [f.path for f in distributed.files] == [f.path for f in local.files]


# Every shape the suite compiler knows: rule counts with `mostly`, each severity, per-source
# thresholds (every source, and named budgets with the rest together), built-in GX expectations
# over row columns and over a field (`meta.url`), one that passes and ones that fail.
PARITY_SUITE = """name: parity
expectations:
  - rule: boilerplate-line
    severity: warning
    mostly: 0.9
    per_source: true
    sources: {corpus: 0.95}
  - rule: missing-dateline
    severity: error
    mostly: 0.7
    sources: {corpus/indonesian-news-pages: 0.5}
  - rule: byline-residue
    severity: info
  - rule: exact-duplicate-document
    severity: error
  - rule: mined-boilerplate
    severity: warning
  - expectation: expect_column_values_to_be_between
    kwargs: {column: n_chars, min_value: 500, max_value: 20000}
    mostly: 0.9
    severity: warning
  - expectation: expect_column_values_to_be_between
    kwargs: {column: n_lines, min_value: 1}
    severity: info
  - expectation: expect_column_value_lengths_to_be_between
    kwargs: {column: meta.url, max_value: 90}
    severity: warning
  - expectation: expect_column_values_to_not_be_null
    kwargs: {column: meta.url}
    mostly: 0.5
    severity: info
"""


def test_gx_on_spark_gives_the_outcomes_gx_on_pandas_gives(spark, tmp_path):
    """The feature table validated by GX's Spark datasource: the same expectations, counts,
    failing documents (in order) and verdicts as the local engine's pandas validation."""
    from corpuscheck.gx import validate as gx_validate

    suite = tmp_path / "parity.yml"
    suite.write_text(PARITY_SUITE, encoding="utf-8")
    used = []
    original = gx_validate.validate_spark

    def spy(*args, **kwargs):
        used.append(type(args[2]).__name__)
        return original(*args, **kwargs)

    gx_validate.validate_spark = spy
    try:
        distributed = check([str(ROOT / "corpus")], str(suite), engine="spark", spark_master="local[2]")
    finally:
        gx_validate.validate_spark = original
    local = check([str(ROOT / "corpus")], str(suite))
    assert used == ["SparkSession"], "the Spark engine validates through GX's Spark datasource"
    labels = [o.label for o in local.outcomes]
    assert len(labels) > 9 and any("[corpus/indonesian-news-pages]" in label for label in labels)
    assert {o.success for o in local.outcomes} == {True, False}, "passing and failing expectations both"
    assert {o.severity for o in local.outcomes if not o.success} >= {"warning", "info"}
    assert [(o.label, o.source, o.success, o.element_count, o.unexpected_count, o.failing_doc_ids,
             o.failing_values, o.threshold) for o in distributed.outcomes] == [
        (o.label, o.source, o.success, o.element_count, o.unexpected_count, o.failing_doc_ids, o.failing_values,
         o.threshold) for o in local.outcomes]
    assert _key(distributed) == _key(local)
    assert sum(f.code == "GX" for f in local.findings) > 0


def test_gx_on_spark_writes_data_docs(spark, tmp_path):
    report = check([str(ROOT / "corpus" / "indonesian-news-pages")], engine="spark", spark_master="local[2]",
                   data_docs_dir=tmp_path / "gx")
    local = check([str(ROOT / "corpus" / "indonesian-news-pages")])
    assert (tmp_path / "gx" / "index.html").is_file()
    assert _key(report) == _key(local)


def _duplicates_corpus(folder: Path) -> Path:
    """Two JSONL files where every corpus rule fires: exact copies (another title, other spacing),
    a near copy (one word and the sign-off changed), a title reused over another text and over the
    same text, and a furniture line in 8 of one source's 13 documents (B102; another line in 3 is
    under the share)."""
    records = []
    for name in ("benchmark-gold.jsonl", "benchmark-html-text.jsonl"):
        records += [json.loads(line) for line in (ROOT / "corpus" / name).read_text("utf-8").splitlines() if line.strip()]
    texts = [r["text"] for r in records if len((r.get("text") or "").split()) > 80][:9]
    assert len(texts) == 9, "the bundled corpus has nine long articles"
    docs = []
    for number, text in enumerate(texts):
        paragraphs = text.split("\n")
        if number < 8:
            paragraphs.insert(1, "Follow our WhatsApp channel for the latest stories")
        if number < 3:
            paragraphs.append("Sponsored content from our partners today")
        docs.append({"title": f"Story number {number} of the wire today", "text": "\n".join(paragraphs), "source": "wire"})
    docs.append(dict(docs[2], title="A copy under another title entirely", text=docs[2]["text"].replace("\n", "\n\n")))
    near = docs[4]["text"].split(" ")
    near[len(near) // 2] = "changed"
    docs.append(dict(docs[4], title="The near copy of story four today", text=" ".join(near) + "\n(Reporting by A. N. Other)"))
    docs.append(dict(docs[6], text=docs[7]["text"].replace("\n", " ") + " And one more closing sentence here."))
    docs.append(dict(docs[5]))  # same title, same text: X101's, not X103's
    docs.append({"title": "Elsewhere", "text": texts[0], "source": "other"})
    first, second = docs[:7], docs[7:]
    (folder / "a.jsonl").write_text("".join(json.dumps(d) + "\n" for d in first), encoding="utf-8")
    (folder / "b.jsonl").write_text("".join(json.dumps(d) + "\n" for d in second), encoding="utf-8")
    return folder


CORPUS_RULES = ["X101", "X102", "X103", "B102"]


@pytest.mark.parametrize("way", ["native", "applyInPandas"])
def test_corpus_rules_in_spark_give_the_local_findings(spark, tmp_path, monkeypatch, way):
    """Corpus rules as Spark aggregations (hash groupBy, title windows, exploded lines, LSH bands), and
    the applyInPandas path any other corpus rule takes: the same findings, counts and verdicts."""
    from corpuscheck import spark as engine

    folder = _duplicates_corpus(tmp_path)
    called = []
    if way == "native":
        native = {code: (lambda aggregate, code: lambda *a: called.append(code) or aggregate(*a))(f, code)
                  for code, f in engine.NATIVE.items()}
    else:
        native = {}
    monkeypatch.setattr(engine, "NATIVE", native)
    local = check([str(folder)], select=CORPUS_RULES, jobs=1)
    distributed = check([str(folder)], select=CORPUS_RULES, engine="spark", spark_master="local[2]")
    found = {f.code for f in local.findings}
    assert found >= set(CORPUS_RULES), f"every corpus rule must fire, or the test proves nothing: {found}"
    assert sorted(called) == (sorted(CORPUS_RULES) if way == "native" else [])
    assert _key(distributed) == _key(local)
    assert [(f.code, f.excerpt, f.message) for f in sorted(distributed.findings, key=lambda f: (f.path, f.record, f.line, f.code))] == \
        [(f.code, f.excerpt, f.message) for f in sorted(local.findings, key=lambda f: (f.path, f.record, f.line, f.code))]


def test_spark_engine_leaves_b101_lines_to_b101_as_the_local_engine_does(spark, tmp_path):
    from tests.test_precedence import _corpus, _lines

    path = _corpus(tmp_path)
    local = check([path], select=["B101", "B102"], jobs=1)
    distributed = check([path], select=["B101", "B102"], engine="spark", spark_master="local[2]")
    assert _lines(local, "B101") and _lines(local, "B102"), "both rules must fire, or the test proves nothing"
    assert _key(distributed) == _key(local)
    assert not set(_lines(distributed, "B101")) & set(_lines(distributed, "B102"))


def test_spark_engine_reads_every_format_like_the_loader(spark, every_format):
    report = check([str(every_format)], engine="spark", spark_master="local[2]")
    paths = {Path(f.path).name for f in report.files}
    assert {"plain.jsonl", "packed.jsonl.gz", "table.parquet", "crlf-bom.txt", "latin1.txt"} <= paths
    assert any(p.endswith(".html.gz") for p in paths)
    broken = [(e.line, e.record) for e in report.errors if e.path.endswith("plain.jsonl")]
    assert broken == [(5, 4)], "the broken record keeps its line and record number (the blank line is no record)"


def test_findings_round_trip_through_parquet_partitioned_by_source(spark, tmp_path):
    from corpuscheck import spark as engine
    from corpuscheck.gx.suite import load_suite

    suite = load_suite(None)
    run = engine.run_rules([str(ROOT / "corpus")], suite.rule_entries, master="local[2]", findings_dir=str(tmp_path / "f"))
    parts = sorted(p.name for p in (tmp_path / "f").iterdir() if p.name.startswith("source="))
    assert parts, "findings are partitioned by source"
    back = pq.read_table(tmp_path / "f").num_rows
    assert back == len(run.findings) > 0


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _wait_for(port: int, seconds: float = 90) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=1):
                return
        except OSError:
            time.sleep(0.5)
    raise AssertionError(f"nothing listens on 127.0.0.1:{port} after {seconds} s")


def test_standalone_cluster_on_loopback_gives_the_same_report(tmp_path):
    """A standalone master and one worker on 127.0.0.1, and the CLI checking the corpus against them."""
    import pyspark

    spark_class = Path(pyspark.__file__).parent / "bin" / "spark-class"
    env = dict(os.environ, SPARK_LOCAL_IP="127.0.0.1", SPARK_HOME=str(Path(pyspark.__file__).parent),
               PYSPARK_PYTHON=sys.executable, SPARK_WORKER_DIR=str(tmp_path / "work"))
    port, ui, worker_ui = _free_port(), _free_port(), _free_port()
    master = subprocess.Popen(
        [str(spark_class), "org.apache.spark.deploy.master.Master", "--host", "127.0.0.1", "--port", str(port),
         "--webui-port", str(ui)], env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    worker = None
    try:
        _wait_for(port)
        url = f"spark://127.0.0.1:{port}"
        worker = subprocess.Popen(
            [str(spark_class), "org.apache.spark.deploy.worker.Worker", "--host", "127.0.0.1", "--cores", "2",
             "--memory", "1g", "--webui-port", str(worker_ui), url], env=env,
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        corpus = str(ROOT / "corpus")
        cli = [sys.executable, "-m", "corpuscheck.cli", "check", corpus, "--format", "json", "--no-report", "--no-progress"]
        local = subprocess.run(cli, capture_output=True, text=True, cwd=tmp_path, env=env, timeout=600)
        remote = subprocess.run(cli + ["--engine", "spark", "--spark-master", url], capture_output=True, text=True,
                                cwd=tmp_path, env=env, timeout=600)
        assert remote.returncode == local.returncode, remote.stderr[-2000:]
        ours, theirs = json.loads(remote.stdout), json.loads(local.stdout)
        assert ours["summary"]["findings"] > 0 and ours["expectations"]
        assert ours == theirs  # every finding, error, count and expectation verdict
    finally:
        for process in (worker, master):
            if process is not None:
                process.terminate()
                try:
                    process.wait(timeout=30)
                except subprocess.TimeoutExpired:
                    process.kill()


def test_missing_java_is_a_one_line_error(tmp_path):
    env = dict(os.environ, PATH=str(Path(sys.executable).parent), JAVA_HOME="")
    env.pop("JAVA_HOME")
    done = subprocess.run([sys.executable, "-m", "corpuscheck.cli", "check", str(ROOT / "corpus"), "--engine", "spark",
                           "--no-report", "--no-progress"], capture_output=True, text=True, env=env, cwd=tmp_path, timeout=300)
    assert done.returncode == 2
    assert done.stderr.strip().splitlines() == ["corpuscheck: error: the Spark engine needs Java 17 or newer "
                                                "(java is not on PATH and JAVA_HOME is unset)"]


def test_dotted_columns_get_spark_safe_names_that_collide_with_nothing():
    from corpuscheck.gx.validate import _spark_names

    names = _spark_names(["doc_id", "meta.url", "meta__url", "meta.a`b", "n_chars"])
    assert names["doc_id"] == "doc_id" and names["n_chars"] == "n_chars" and names["meta__url"] == "meta__url"
    assert names["meta.url"] == "meta__url_" and names["meta.a`b"] == "meta__a_b"
    assert len(set(names.values())) == len(names)
