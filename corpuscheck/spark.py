"""The Spark engine: the same rules, corpus rules and suite as the local engine, run by Apache Spark.

Data flow (every step a Spark job; the driver only lists files and assembles the report):

1. ``discover`` lists the corpus files in the local loader's order (the driver), and
   Spark's ``binaryFile`` reader reads them whole into the executors.
2. In the executors (``mapInPandas``), the local loader's own readers turn each file
   into Documents (same record numbering, decode errors, BOMs, gzip, HTML extraction)
   and :func:`check_batch` runs the rules over them: findings, feature rows, load
   errors and corpus-rule signatures come back as rows.
3. Corpus rules: the signatures are grouped by rule in Spark (``groupBy().applyInPandas``)
   and judged there by the rule's own ``judge``, so the results equal the local ones.
4. Findings are written as Parquet partitioned by source and read back for the reporters;
   the feature table goes to GX (:func:`corpuscheck.check.check` validates it as locally).

Only :func:`check_batch` touches the rule engine: the adapter to swap for the columnar engine.
"""

from __future__ import annotations

import json
import os
import pickle
import shutil
import sys
import tempfile
import time
from collections.abc import Iterable, Iterator
from typing import Any

from corpuscheck.engine import Checked, FileReport, RuleRun, check_document, judge_corpus, reported_lines, to_finding
from corpuscheck.findings import Finding
from corpuscheck.gx.suite import RuleEntry
from corpuscheck.input.document import Document
from corpuscheck.input.html import HtmlOptions
from corpuscheck.input.loader import LoadError, discover, display_path, read_file
from corpuscheck.rules.base import CorpusRule

DEFAULT_MASTER = "local[*]"
OUT_SCHEMA = "file int, seq int, kind string, source string, payload binary"
FINDING_COLUMNS = ("path", "doc_id", "record", "code", "rule", "severity", "line", "end_line", "column",
                   "message", "excerpt")
FINDING_SCHEMA = (
    "path string, doc_id string, record int, code string, rule string, severity string, line int, "
    "end_line int, column int, message string, excerpt string, related string, edits string, source string, file int, seq int"
)
TIMINGS: dict[str, float] = {}  # seconds of the last run by phase: startup, rules, corpus, findings (for the benchmark)


class SparkUnavailable(ValueError):
    """pyspark or Java is missing: a usage error (one line, exit 2), not a crash."""


def check_batch(docs: Iterable[Document], entries: list[RuleEntry], columns: tuple[str, ...]) -> Iterator[Checked]:
    """The rules over a batch of Documents. The one adapter onto the rule engine:
    switch it to the columnar engine's batch function at merge time."""
    for doc in docs:
        yield check_document(doc, entries, columns)


def session(master: str | None = None):
    """The SparkSession at ``master`` (default ``local[*]``), executors on this Python."""
    try:
        from pyspark.sql import SparkSession
    except ImportError:
        raise SparkUnavailable("the Spark engine needs pyspark: pip install 'corpuscheck[spark]'") from None
    if not shutil.which("java") and not os.environ.get("JAVA_HOME"):
        raise SparkUnavailable("the Spark engine needs Java 17 or newer (java is not on PATH and JAVA_HOME is unset)")
    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    os.environ.setdefault("PYSPARK_DRIVER_PYTHON", sys.executable)
    from pyspark import SparkConf

    builder = SparkSession.builder
    if master or not SparkConf().contains("spark.master"):  # keep a master spark-submit set
        builder = builder.master(master or DEFAULT_MASTER)
    builder = (
        builder.appName("corpuscheck")
        .config("spark.pyspark.python", sys.executable)
        .config("spark.sql.execution.arrow.pyspark.enabled", "true")
        .config("spark.sql.shuffle.partitions", "4")
        .config("spark.ui.enabled", "false")
        .config("spark.ui.showConsoleProgress", "false")
    )
    try:
        spark = builder.getOrCreate()
    except Exception as exc:  # Java missing or too old, master unreachable
        raise SparkUnavailable(f"cannot start Spark at {master or DEFAULT_MASTER}: {' '.join(str(exc).split())[:300]}") from None
    spark.sparkContext.setLogLevel("ERROR")
    return spark


def _file_items(path: str, shown: str, content: bytes, text_field: str, title_field: str | None, html: HtmlOptions,
                limits=None):
    """The local loader's items of one file, read from the bytes Spark read (a temporary copy
    with the same name, so the loader's readers and error messages are the local ones).
    ``shown``: the file's name as the driver's loader shows it (executors run elsewhere)."""
    folder = tempfile.mkdtemp(prefix="corpuscheck-spark-")
    try:
        copy = os.path.join(folder, os.path.basename(path))
        with open(copy, "wb") as handle:
            handle.write(content)
        yield from read_file(copy, shown, text_field, title_field, html, limits)
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def _finding_row(f: Finding, source: str, file: int, seq: int) -> dict[str, Any]:
    row = {k: getattr(f, k) for k in FINDING_COLUMNS}
    edits = json.dumps(f.edits) if f.edits is not None else None  # the fix's edits, as tuples
    row.update(related=json.dumps(f.related) if f.related else None, edits=edits, source=source, file=file, seq=seq)
    return row


def _executor_check(plan: bytes, files: dict[str, tuple[int, str]]):
    """The function Spark runs over batches of files: one output row per item, in file order."""

    def run(batches):
        import pandas as pd

        entries, columns, text_field, title_field, html, limits = pickle.loads(plan)
        for batch in batches:
            out = []
            for uri, content in zip(batch["path"], batch["content"], strict=True):
                index, shown = files[_local(uri)]
                seq = 0
                items = list(_file_items(_local(uri), shown, bytes(content), text_field, title_field, html, limits))
                docs = [i for i in items if isinstance(i, Document)]
                checked = iter(check_batch(docs, entries, columns))
                for item in items:
                    seq += 1
                    if isinstance(item, LoadError):
                        out.append((index, seq, "error", None, pickle.dumps(item)))
                        continue
                    result = next(checked)
                    source = result.row["source"]
                    out.append((index, seq, "doc", source, pickle.dumps(result._replace(signatures={}))))
                    for code, signature in result.signatures.items():
                        out.append((index, seq, "sig:" + code, source, pickle.dumps((result.ref, signature))))
            yield pd.DataFrame(out, columns=["file", "seq", "kind", "source", "payload"])

    return run


def _local(uri: str) -> str:
    """A file path from Spark's ``file:`` URI."""
    from urllib.parse import unquote, urlparse

    parsed = urlparse(uri)
    return unquote(parsed.path) if parsed.scheme in ("file", "") else uri


def _judge(entries_blob: bytes):
    """Corpus rules in Spark: one group per rule, judged by the rule's own code."""

    def judge(frame):
        import pandas as pd

        entries = {e.rule.code: e for e in pickle.loads(entries_blob)}
        code = frame["kind"].iloc[0][4:]
        entry = entries[code]
        signatures = [pickle.loads(p) for p in frame.sort_values(["file", "seq"])["payload"]]
        [(_, judged)] = judge_corpus([entry], {code: signatures})  # the local engine's judging, here
        if isinstance(judged, Exception):
            return pd.DataFrame([(code, None, pickle.dumps(repr(judged)))], columns=["code", "doc_id", "payload"])
        rows = [(code, ref.doc_id, pickle.dumps((to_finding(hit, entry, ref, None), ref.title))) for ref, hit in judged]
        return pd.DataFrame(rows, columns=["code", "doc_id", "payload"])

    return judge


def run_rules(
    paths: list[str],
    entries: list[RuleEntry],
    *,
    columns: Iterable[str] = (),
    text_field: str = "text",
    title_field: str | None = "title",
    html: HtmlOptions | None = None,
    master: str | None = None,
    findings_dir: str | None = None,
    limits=None,
) -> RuleRun:
    """The local engine's :func:`corpuscheck.engine.run_rules`, on Spark: the same RuleRun."""
    started = time.perf_counter()
    spark = session(master)
    TIMINGS.clear()
    TIMINGS["startup"] = time.perf_counter() - started
    columns = tuple(columns)
    files: dict[str, FileReport] = {}
    order: dict[str, int] = {}  # absolute path -> index in the local loader's order
    shown: list[str] = []
    for found in discover(paths):
        if isinstance(found, LoadError):
            files.setdefault(found.path, FileReport(found.path)).errors.append(found)
            continue
        files.setdefault(display_path(found), FileReport(display_path(found)))
        order[os.path.abspath(found)] = len(order)
        shown.append(display_path(found))
    names = list(files)
    rows: list[dict[str, Any]] = []
    if not order:
        return RuleRun(files, rows)

    t = time.perf_counter()
    plan = pickle.dumps((entries, columns, text_field, title_field, html or HtmlOptions(), limits))
    raw = spark.read.format("binaryFile").load(list(order)).select("path", "content")
    raw = raw.repartition(max(1, min(len(order), spark.sparkContext.defaultParallelism * 4)))
    out = raw.mapInPandas(_executor_check(plan, {p: (i, shown[i]) for p, i in order.items()}), OUT_SCHEMA).persist()
    docs = out.filter(~out.kind.startswith("sig:")).orderBy("file", "seq")
    for item in docs.toLocalIterator():
        value = pickle.loads(item.payload)
        report = files[shown[item.file]]
        if isinstance(value, LoadError):
            report.errors.append(value)
            continue
        report.documents += 1
        report.errors.extend(value.errors)
        if value.findings and value.ref.title:
            report.titles[value.ref.record] = value.ref.title
        report.findings.extend(value.findings)
        rows.append(value.row)
    TIMINGS["rules"] = time.perf_counter() - t

    t = time.perf_counter()
    corpus = [e for e in entries if isinstance(e.rule, CorpusRule)]
    if corpus:
        judged = (
            out.filter(out.kind.startswith("sig:"))
            .groupBy("kind")
            .applyInPandas(_judge(pickle.dumps(corpus)), "code string, doc_id string, payload binary")
        )
        row_of = {row["doc_id"]: row for row in rows}
        columns_of = {e.rule.code: e.rule.column for e in corpus}
        taken = {e.rule.code: reported_lines(files, e.rule.defers_to) for e in corpus}  # as the local engine
        for item in judged.collect():
            value = pickle.loads(item.payload)
            if item.doc_id is None:  # the rule failed: reported on every file, the run goes on
                for report in files.values():
                    report.errors.append(LoadError(report.path, f"corpus rule {item.code} failed: {value}"))
                continue
            finding, title = value
            if (finding.path, finding.record, finding.line) in taken[item.code]:
                continue  # another rule reports this line already (B101 before B102)
            report = files[finding.path]
            report.findings.append(finding)
            if title:
                report.titles.setdefault(finding.record, title)
            row_of[item.doc_id][columns_of[item.code]] += 1
    out.unpersist()
    TIMINGS["corpus"] = time.perf_counter() - t

    t = time.perf_counter()
    _round_trip(spark, files, rows, names, findings_dir)
    TIMINGS["findings"] = time.perf_counter() - t
    return RuleRun(files, rows)


def _round_trip(spark, files: dict[str, FileReport], rows, names: list[str], findings_dir: str | None) -> None:
    """Write the findings as Parquet partitioned by source, and give the reporters what was read back."""
    import pyarrow.dataset as ds

    source_of = {(row["path"], row["record"]): row["source"] for row in rows}
    index = {name: i for i, name in enumerate(names)}
    records = [
        _finding_row(f, source_of.get((f.path, f.record)) or "-", index[path], seq)
        for path, report in files.items()
        for seq, f in enumerate(report.findings)
    ]
    if not records:
        return
    target = findings_dir or tempfile.mkdtemp(prefix="corpuscheck-findings-")
    try:
        spark.createDataFrame(records, FINDING_SCHEMA).write.mode("overwrite").partitionBy("source").parquet(target)
        table = ds.dataset(target, format="parquet", partitioning="hive").to_table()
        back = sorted(table.to_pylist(), key=lambda r: (r["file"], r["seq"]))
        for report in files.values():
            report.findings = []
        for r in back:
            related = json.loads(r["related"]) if r["related"] else None
            edits = tuple(tuple(e) for e in json.loads(r["edits"])) if r["edits"] is not None else None
            files[names[r["file"]]].findings.append(
                Finding(**{k: r[k] for k in FINDING_COLUMNS}, related=related, edits=edits)
            )
    finally:
        if findings_dir is None:
            shutil.rmtree(target, ignore_errors=True)
