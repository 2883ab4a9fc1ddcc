"""The Spark engine: the same rules, corpus rules and suite as the local engine, run by Apache Spark.

Data flow (every step a Spark job; the driver only lists files and assembles the report):

1. ``discover`` lists the corpus files in the local loader's order (the driver), and
   Spark's ``binaryFile`` reader reads them whole into the executors.
2. In the executors (``mapInPandas``), the local loader's own readers turn each file
   into Documents (same record numbering, decode errors, BOMs, gzip, HTML extraction)
   and :func:`check_batch` runs the rules over them: findings, feature rows, load
   errors and corpus-rule signatures come back as rows.
3. Corpus rules as Spark aggregations over the signatures the rules' own ``collect`` made:
   X101 groups by body hash, X103 ranks titles in windows, B102 explodes each document's
   lines and counts (source, line hash), X102 groups MinHash bands into candidate pairs and
   verifies them (:data:`NATIVE`; each gives the pairs the rule's ``judge`` gives locally).
   Any other corpus rule is grouped per rule (``applyInPandas``) and judged by its own code.
4. Findings are written as Parquet partitioned by source and read back for the reporters.
5. The feature table is validated through GX's Spark datasource (:func:`validate`) with the
   suite the local engine compiles (:func:`corpuscheck.gx.validate.validate_spark`).

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
from dataclasses import replace
from collections.abc import Iterable, Iterator
from typing import Any

from corpuscheck.engine import Checked, FileReport, RuleRun, check_document, judge_corpus, reported_lines, to_finding
from corpuscheck.findings import Finding
from corpuscheck.gx.suite import RuleEntry
from corpuscheck.input.document import Document
from corpuscheck.input.html import HtmlOptions
from corpuscheck.input.loader import LoadError, discover, display_path, read_file
from corpuscheck.rules.base import CorpusRule, DocRef, Hit

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
    from pyspark import SparkConf

    conf = SparkConf()
    builder = SparkSession.builder
    if master or not conf.contains("spark.master"):  # keep a master spark-submit set
        builder = builder.master(master or DEFAULT_MASTER)
    if not (os.environ.get("PYSPARK_PYTHON") or conf.contains("spark.pyspark.python")):
        # executors on this Python, unless the user chose one (a packed venv shipped with --archives)
        builder = builder.config("spark.pyspark.python", sys.executable)
        os.environ["PYSPARK_PYTHON"] = sys.executable
    os.environ.setdefault("PYSPARK_DRIVER_PYTHON", sys.executable)
    builder = (
        builder.appName("corpuscheck")
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


def _judge_in_spark(out, corpus: list[RuleEntry], files: dict[str, FileReport], rows, refs: dict[str, DocRef]) -> None:
    """Corpus rules over the signature rows of ``out``, their findings and counts folded in as the
    local engine folds them (rule by rule, in suite order, with the B102 precedence).

    Rules with a native aggregation (:data:`NATIVE`) are Spark jobs (groupBy, windows, joins);
    any other corpus rule is grouped in ``applyInPandas`` and judged by its own ``judge``."""
    row_of = {row["doc_id"]: row for row in rows}
    others = [e for e in corpus if e.rule.code not in NATIVE]
    judged_elsewhere: dict[str, list] = {}
    if others:
        judged = (
            out.filter(out.kind.isin(["sig:" + e.rule.code for e in others]))
            .groupBy("kind")
            .applyInPandas(_judge(pickle.dumps(others)), "code string, doc_id string, payload binary")
        )
        for item in judged.collect():
            judged_elsewhere.setdefault(item.code, []).append(item)
    for entry in corpus:  # in suite order, as locally: a rule's precedence sees the findings before it
        code = entry.rule.code
        failure = None
        found: list[tuple[Finding, str | None]] = []  # each finding with its document's title
        if code in NATIVE:
            try:
                signatures = out.filter(out.kind == "sig:" + code).select("file", "seq", "payload")
                for doc_id, hit in NATIVE[code](signatures, entry.options):
                    ref = refs[doc_id]
                    hit = hit if hit.excerpt is not None else replace(hit, excerpt=ref.title or "")
                    found.append((to_finding(hit, entry, ref, None), ref.title))
            except Exception as exc:  # as a failing judge locally: reported on every file, the run goes on
                failure = repr(exc)
        else:
            for item in judged_elsewhere.get(code, []):
                value = pickle.loads(item.payload)
                if item.doc_id is None:
                    failure = value
                    break
                found.append(value)
        _fold(entry, found, failure, files, row_of)


def _fold(entry: RuleEntry, found, failure: str | None, files: dict[str, FileReport], row_of: dict[str, dict]) -> None:
    """One corpus rule's findings (with their documents' titles) into the reports and rows, as
    :func:`corpuscheck.engine._judge_corpus` folds them; ``failure``: the rule failed (this message)."""
    if failure is not None:
        for report in files.values():
            report.errors.append(LoadError(report.path, f"corpus rule {entry.rule.code} failed: {failure}"))
        return
    taken = reported_lines(files, entry.rule.defers_to)  # B101 before B102
    for finding, title in found:
        if (finding.path, finding.record, finding.line) in taken:
            continue  # another rule reports this line already
        report = files[finding.path]
        report.findings.append(finding)
        if title:
            report.titles.setdefault(finding.record, title)
        row_of[finding.doc_id][entry.rule.column] += 1


# --- corpus rules as native Spark aggregations -------------------------------------------------
# Each takes the rule's signature rows (file, seq, payload: the pickled (DocRef, signature) the
# rule's own ``collect`` made in the executors) and its options, and returns ``[(doc_id, Hit)]``
# in corpus order: the pairs the rule's ``judge`` yields locally (tests/test_spark.py compares).


def _typed(signatures, convert, schema: str):
    """The signature rows turned into typed columns by ``convert(file, seq, ref, signature) -> rows``
    in the executors (a signature of None gives no row)."""
    names = [part.split()[0] for part in schema.split(",")]

    def run(batches):
        import pandas as pd

        for batch in batches:
            rows = []
            for file, seq, payload in zip(batch["file"], batch["seq"], batch["payload"], strict=True):
                ref, signature = pickle.loads(payload)
                if signature is not None:
                    rows.extend(convert(int(file), int(seq), ref, signature))
            yield pd.DataFrame(rows, columns=names)

    return signatures.mapInPandas(run, schema)


def _signed(value: int) -> int:
    """A 64-bit unsigned hash as Spark's signed long (equality is all that is asked of it)."""
    return value - (1 << 64) if value >= 1 << 63 else value


def _exact_duplicates(signatures, options):
    """X101: groupBy the body digest; every copy after the first in corpus order is reported."""
    from pyspark.sql import Window
    from pyspark.sql import functions as F

    bodies = _typed(signatures, lambda file, seq, ref, sig: [(file, seq, ref.doc_id, sig[0], sig[1])],
                    "file int, seq int, doc_id string, digest binary, lines int")
    group = Window.partitionBy("digest")
    ranked = bodies.select(
        "*",
        F.count("*").over(group).alias("copies"),
        F.min(F.struct("file", "seq", "doc_id")).over(group).alias("first"),
    )
    copies = ranked.filter((F.col("copies") > 1) & (F.col("doc_id") != F.col("first.doc_id")))
    found = copies.select("file", "seq", "doc_id", "lines", "copies", F.col("first.doc_id").alias("other"))
    return [
        (r.doc_id, _hit_of(r.doc_id, 1, r.lines, {"other": r.other, "copies": r.copies}))
        for r in found.orderBy("file", "seq").collect()
    ]


def _duplicate_titles(signatures, options):
    """X103: windows over (scope, title) and (scope, title, body) in corpus order: a document whose
    title came earlier over a body not seen under that title yet is reported."""
    from pyspark.sql import Window
    from pyspark.sql import functions as F

    from corpuscheck.rules.duplicates.signatures import site

    same_source = options["same_source"]

    def convert(file, seq, ref, sig):
        title, line, body = sig
        return [(file, seq, ref.doc_id, site(ref.source) if same_source else "", title, line or 1, body)]

    titles = _typed(signatures, convert, "file int, seq int, doc_id string, scope string, title binary, line int, body binary")
    order = ("file", "seq")
    by_title = Window.partitionBy("scope", "title").orderBy(*order)
    by_body = Window.partitionBy("scope", "title", "body").orderBy(*order)
    ranked = titles.select(
        "*",
        F.row_number().over(by_title).alias("nth_title"),
        F.row_number().over(by_body).alias("nth_body"),
        F.first("doc_id").over(by_title).alias("other"),
    )
    found = ranked.filter((F.col("nth_title") > 1) & (F.col("nth_body") == 1))
    return [
        (r.doc_id, _hit_of(r.doc_id, r.line, None, {"other": r.other}))
        for r in found.orderBy(*order).collect()
    ]


def _mined_lines(signatures, options):
    """B102: the lines exploded, groupBy (source, line hash) -> documents, against each source's
    document count; every line of a frequent hash is reported wherever it occurs."""
    import zlib

    from pyspark.sql import functions as F

    from corpuscheck.rules.boilerplate.mined_boilerplate import group

    def convert(file, seq, ref, sig):
        hashes, numbers, packed = sig
        source = group(ref, options)
        texts = zlib.decompress(packed).decode("utf-8", "surrogatepass").split("\n") if hashes else []
        if not hashes:  # the document counts for its source, with no line
            return [(file, seq, ref.doc_id, source, -1, None, None, None)]
        return [
            (file, seq, ref.doc_id, source, index, _signed(hashed), number, text)
            for index, (hashed, number, text) in enumerate(zip(hashes, numbers, texts, strict=True))
        ]

    lines = _typed(
        signatures, convert,
        "file int, seq int, doc_id string, source string, position int, hash long, number int, text string",
    ).persist()
    try:
        totals = (
            lines.groupBy("source").agg(F.countDistinct("file", "seq").alias("documents"))
            .filter(F.col("documents") >= options["min_documents"])
        )
        counted = lines.filter(F.col("position") >= 0).groupBy("source", "hash").agg(F.count("*").alias("count"))
        frequent = counted.join(totals, "source").filter(
            F.col("count") >= F.greatest(F.lit(2.0), F.lit(float(options["min_share"])) * F.col("documents"))
        )
        found = lines.join(F.broadcast(frequent), ["source", "hash"]).orderBy("file", "seq", "position")
        return [
            (r.doc_id, _hit_of(r.doc_id, r.number, None,
                               {"share": r["count"] / r.documents, "count": r["count"], "documents": r.documents,
                                "source": r.source}, excerpt=r.text))
            for r in found.collect()
        ]
    finally:
        lines.unpersist()


def _near_duplicates(signatures, options):
    """X102: MinHash-LSH by bands: groupBy (band, band values) gives the candidate pairs (an
    earlier document sharing a band), each verified by its estimated Jaccard similarity; the most
    similar earlier document is named. Exact copies of an earlier body take no part (X101's)."""
    import numpy as np
    from datasketch import MinHashLSH
    from pyspark.sql import Window
    from pyspark.sql import functions as F

    from corpuscheck.rules.duplicates.near_duplicate_document import CANDIDATES_BELOW

    threshold, num_perm = options["threshold"], options["num_perm"]
    ranges = MinHashLSH(threshold=max(threshold - CANDIDATES_BELOW, 0.3), num_perm=num_perm).hashranges

    sketches = _typed(signatures, lambda file, seq, ref, sig: [(file, seq, ref.doc_id, sig[0], sig[1], sig[2])],
                      "file int, seq int, doc_id string, digest binary, sketch binary, lines int")
    first_copy = Window.partitionBy("digest").orderBy("file", "seq")
    kept = sketches.withColumn("nth", F.row_number().over(first_copy)).filter(F.col("nth") == 1).drop("nth", "digest")
    kept = kept.withColumn("position", F.dense_rank().over(Window.orderBy("file", "seq"))).persist()
    try:
        def bands(frames):
            import pandas as pd

            for frame in frames:
                out = []
                for position, packed in zip(frame["position"], frame["sketch"], strict=True):
                    for band, (start, end) in enumerate(ranges):
                        out.append((int(position), band, bytes(packed[start * 4 : end * 4])))
                yield pd.DataFrame(out, columns=["position", "band", "key"])

        keyed = kept.select("position", "sketch").mapInPandas(bands, "position long, band int, key binary")
        members = keyed.groupBy("band", "key").agg(F.collect_set("position").alias("members")).filter(F.size("members") > 1)
        later = members.select(F.explode("members").alias("position"), "members")
        pairs = later.select("position", F.explode("members").alias("other")).filter(F.col("other") < F.col("position")).distinct()
        sketch_of = kept.select("position", "sketch")
        joined = (
            pairs.join(sketch_of, "position")
            .join(sketch_of.select(F.col("position").alias("other"), F.col("sketch").alias("other_sketch")), "other")
        )

        def verify(frames):
            import pandas as pd

            for frame in frames:
                same = [
                    float(np.count_nonzero(np.frombuffer(a, dtype=np.uint32) == np.frombuffer(b, dtype=np.uint32))) / num_perm
                    for a, b in zip(frame["sketch"], frame["other_sketch"], strict=True)
                ]
                yield pd.DataFrame({"position": frame["position"], "other": frame["other"], "similarity": same})

        scored = joined.select("position", "other", "sketch", "other_sketch").mapInPandas(
            verify, "position long, other long, similarity double"
        ).filter(F.col("similarity") >= threshold)
        best = Window.partitionBy("position").orderBy(F.col("similarity").desc(), F.col("other"))
        chosen = scored.withColumn("nth", F.row_number().over(best)).filter(F.col("nth") == 1)
        names = kept.select(F.col("position").alias("other"), F.col("doc_id").alias("other_id"))
        found = chosen.join(kept.select("position", "file", "seq", "doc_id", "lines"), "position").join(names, "other")
        return [
            (r.doc_id, _hit_of(r.doc_id, 1, r.lines, {"other": r.other_id, "similarity": r.similarity,
                                                      "shingle_size": options["shingle_size"]}))
            for r in found.orderBy("file", "seq").collect()
        ]
    finally:
        kept.unpersist()


def _hit_of(doc_id: str, line: int, end_line: int | None, data: dict, excerpt: str | None = None) -> Hit:
    """A Hit as the rule's judge builds it; without ``excerpt``, the document's title is its excerpt
    (as the duplicate rules give it), filled in on the driver, where the titles are."""
    return Hit(line, end_line, excerpt=excerpt, data=data)


NATIVE = {"X101": _exact_duplicates, "X102": _near_duplicates, "X103": _duplicate_titles, "B102": _mined_lines}


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
    refs: dict[str, DocRef] = {}  # doc_id -> DocRef, for the corpus rules' findings
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
        refs[value.ref.doc_id] = value.ref
    TIMINGS["rules"] = time.perf_counter() - t

    t = time.perf_counter()
    corpus = [e for e in entries if isinstance(e.rule, CorpusRule)]
    if corpus:
        _judge_in_spark(out, corpus, files, rows, refs)
    out.unpersist()
    TIMINGS["corpus"] = time.perf_counter() - t

    t = time.perf_counter()
    _round_trip(spark, files, rows, names, findings_dir)
    TIMINGS["findings"] = time.perf_counter() - t
    return RuleRun(files, rows)


def validate(suite, frame, *, data_docs_dir=None, master: str | None = None):
    """The feature table through GX's Spark datasource (:func:`corpuscheck.gx.validate.validate_spark`),
    on the session :func:`run_rules` used."""
    from corpuscheck.gx.validate import validate_spark

    started = time.perf_counter()
    try:
        return validate_spark(suite, frame, session(master), data_docs_dir=data_docs_dir)
    finally:
        TIMINGS["gx"] = time.perf_counter() - started


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
