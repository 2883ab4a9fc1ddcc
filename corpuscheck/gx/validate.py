"""GX at the edge: compile a Suite to a ``gx.ExpectationSuite`` and validate the feature rows.

Rule entries become ``ExpectColumnValuesToBeBetween`` on the rule's count column
(``0 <= count <= max_per_document``, with ``mostly`` and ``severity``); GX
entries are any registered GX expectation (built-in, or one of ours from
:mod:`corpuscheck.gx.expectations`) with their kwargs.

What this module guarantees (the traps are in GX-NOTES.md):

- an ephemeral context, one per call: no ``gx/`` folder in the working
  directory, no temporary folder left behind (its default Data Docs site is
  removed), and the caller's current GX context is restored afterwards;
- a suite that compiles to, is stored as, or is validated as fewer expectations
  than it lists is a :class:`SuiteError`, never a pass;
- no progress bars, warnings or log lines from GX on stdout/stderr;
- with ``data_docs_dir``, GX Data Docs are written there (a checkpoint with an
  ``UpdateDataDocsAction``); without it nothing is written anywhere.
"""

from __future__ import annotations

import contextlib
import difflib
import logging
import warnings
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from corpuscheck.gx.suite import GX_SEVERITY, GxEntry, RuleEntry, Suite, SuiteError

ID_COLUMN = "doc_id"


@dataclass
class ExpectationOutcome:
    """One expectation's verdict over the whole corpus."""

    entry: RuleEntry | GxEntry
    success: bool
    element_count: int
    unexpected_count: int
    failing_doc_ids: list[str] = field(default_factory=list)
    failing_values: list[Any] = field(default_factory=list)
    source: str | None = None  # set when the entry's threshold applies per source

    @property
    def severity(self) -> str:
        return self.entry.severity

    @property
    def label(self) -> str:
        if isinstance(self.entry, RuleEntry):
            label = f"{self.entry.rule.code} {self.entry.rule.name}"
            return label if self.source is None else f"{label} [{self.source}]"
        return f"{self.entry.expectation}({self.entry.column or ''})"

    @property
    def threshold(self) -> float:
        """Share of documents that must pass."""
        if isinstance(self.entry, RuleEntry):
            return self.entry.mostly_for(self.source)
        return float(self.entry.kwargs.get("mostly", 1.0))

    @property
    def margin(self) -> float:
        """How far the observed share is above (positive) or below (negative) the threshold."""
        return self.observed - self.threshold

    @property
    def observed(self) -> float:
        """Share of documents that passed."""
        return 1.0 if not self.element_count else 1 - self.unexpected_count / self.element_count


@contextlib.contextmanager
def _quiet():
    """GX's loggers and warnings are silenced while we use GX, then put back as they were."""
    logger = logging.getLogger("great_expectations")
    level = logger.level
    logger.setLevel(logging.CRITICAL)
    try:
        with warnings.catch_warnings():
            warnings.filterwarnings("ignore", module=r"great_expectations(\.|$)")
            warnings.filterwarnings("ignore", module=r"(marshmallow|altair|pandas|numpy)(\.|$)")
            yield
    finally:
        logger.setLevel(level)


def _label(entry: RuleEntry | GxEntry) -> str:
    return entry.expectation if isinstance(entry, GxEntry) else f"{entry.rule.code} {entry.rule.name}"


def _expectation_class(snake: str, where: str):
    """The registered GX expectation class for a snake_case type (built-in or registered by a plugin)."""
    from great_expectations.expectations.expectation import Expectation
    from great_expectations.expectations.registry import _registered_expectations

    import corpuscheck.gx.expectations  # noqa: F401  (registers ours, so suites may name them too)

    cls = _registered_expectations.get(snake)
    if cls is None or not (isinstance(cls, type) and issubclass(cls, Expectation)):
        close = difflib.get_close_matches(snake, list(_registered_expectations), n=1)
        hint = f" (did you mean {close[0]}?)" if close else ""
        raise SuiteError(f"{where}: unknown GX expectation {snake!r}{hint}")
    return cls


def _validation_message(exc) -> str:
    """A pydantic error as one line: ``field: problem; field: problem``."""
    try:
        parts = [f"{'.'.join(str(p) for p in e['loc'])}: {e['msg']}" for e in exc.errors()]
    except Exception:  # not a pydantic error after all
        return str(exc).splitlines()[0]
    return "; ".join(parts)


def plan(suite: Suite, sources: list[str] | None = None) -> list[tuple[int, RuleEntry | GxEntry, str | None]]:
    """``(entry index, entry, source)`` for every expectation the suite compiles to: one per
    entry, or, for a rule entry with per-source thresholds, one per source (those in the
    rows, and those the entry names)."""
    planned = []
    for index, entry in enumerate(suite.entries):
        if isinstance(entry, RuleEntry) and entry.by_source:
            names = sorted(set(sources or ()) | set(entry.sources)) if entry.per_source else sorted(entry.sources)
            planned += [(index, entry, name) for name in names]
            if not entry.per_source:
                planned.append((index, entry, None))  # the sources without a budget of their own
        else:
            planned.append((index, entry, None))
    return planned


def _condition(entry: RuleEntry, source: str | None) -> dict[str, Any]:
    """GX's row_condition selecting one source's rows (or the rows of sources without a budget)."""
    if not isinstance(entry, RuleEntry) or not entry.by_source:
        return {}
    from great_expectations.expectations.row_conditions import Column

    if source is not None:
        return {"row_condition": Column("source") == source}
    return {"row_condition": Column("source").is_not_in(sorted(entry.sources))}


def compile_suite(suite: Suite, columns: set[str] | None = None, sources: list[str] | None = None):
    """The ``gx.ExpectationSuite`` for ``suite``: one expectation per planned (entry, source), or a SuiteError.

    ``columns``: the columns the rows have; a GX entry naming another column is an error.
    ``sources``: the sources in the rows, for entries whose thresholds apply per source.
    """
    import great_expectations as gx
    import great_expectations.expectations as gxe
    from great_expectations.compatibility.pydantic import ValidationError as V1ValidationError
    from pydantic import ValidationError

    expectations = []
    planned = plan(suite, sources)
    for number, (index, entry, source) in enumerate(planned):
        where = f"{suite.source}: expectations[{index + 1}]"
        meta = {"corpuscheck_entry": number}
        if isinstance(entry, RuleEntry):
            rule = entry.rule
            expectation = gxe.ExpectColumnValuesToBeBetween(
                column=rule.column,
                min_value=0,
                max_value=entry.max_per_document,
                mostly=entry.mostly_for(source),
                severity=GX_SEVERITY[entry.severity],
                description=(entry.description or f"{rule.code} {rule.name}: {rule.summary}")
                + (f" (source {source})" if source else ""),
                meta=meta | {"corpuscheck_rule": rule.code},
                **_condition(entry, source),
            )
        else:
            missing = [c for c in entry.columns if columns is not None and c not in columns]
            if missing:
                raise SuiteError(
                    f"{where}: {entry.expectation} names column {missing[0]!r}, which the rows do not have "
                    f"(columns: {', '.join(sorted(columns or ()))})"
                )
            cls = _expectation_class(entry.expectation, where)
            try:
                expectation = cls(
                    **entry.kwargs,
                    severity=GX_SEVERITY[entry.severity],
                    meta=meta,
                    **({"description": entry.description} if entry.description else {}),
                )
            except (ValidationError, V1ValidationError) as exc:
                raise SuiteError(f"{where}: {entry.expectation}: invalid kwargs: {_validation_message(exc)}") from None
            except (TypeError, ValueError) as exc:
                raise SuiteError(f"{where}: {entry.expectation}: invalid kwargs: {exc}") from None
        expectations.append(expectation)
    # built in one go: ``add_expectation`` would need a current context, this does not
    compiled = gx.ExpectationSuite(name=suite.name, expectations=expectations)
    _check_count(suite, len(compiled.expectations), "compiled to", len(planned))
    return compiled


def _check_count(suite: Suite, count: int, what: str, expected: int) -> None:
    if count != expected:
        raise SuiteError(
            f"{suite.source}: {what} {count} GX expectation(s) but the suite lists {expected} "
            f"({len(suite.entries)} entries)"
        )


def _context(data_docs_dir: Path | None):
    import great_expectations as gx
    from great_expectations.data_context.types.base import ProgressBarsConfig

    context = gx.get_context(mode="ephemeral")
    context.variables.progress_bars = ProgressBarsConfig(globally=False)
    for site in list(context.get_site_names()):  # the default site points at a temporary folder
        context.delete_data_docs_site(site)
    if data_docs_dir is not None:
        context.add_data_docs_site(
            site_name="corpuscheck",
            site_config={
                "class_name": "SiteBuilder",
                "store_backend": {
                    "class_name": "TupleFilesystemStoreBackend",
                    "base_directory": str(Path(data_docs_dir).resolve()),
                },
                "site_index_builder": {"class_name": "DefaultSiteIndexBuilder"},
            },
        )
    return context


@contextlib.contextmanager
def _own_context(data_docs_dir: Path | None):
    """A fresh ephemeral context; whatever context the caller had is current again afterwards."""
    from great_expectations.data_context.data_context.context_factory import project_manager

    try:
        previous = project_manager.get_current_project()
    except Exception:  # DataContextRequiredError: there was none
        previous = None
    try:
        yield _context(data_docs_dir)
    finally:
        project_manager.set_project(previous)


def _check_data_docs_dir(path: Path) -> None:
    if (path / "great_expectations.yml").exists():
        raise SuiteError(f"{path} is a GX project folder: write the Data Docs of this run somewhere else")


def _raised(item) -> str | None:
    """The message of an exception GX caught while running one expectation, if any."""
    info = item.exception_info or {}
    candidates = [info] if "raised_exception" in info else [v for v in info.values() if isinstance(v, dict)]
    for candidate in candidates:
        if candidate.get("raised_exception"):
            return str(candidate.get("exception_message") or "unknown error").splitlines()[0]
    return None


def _python(value: Any) -> Any:
    """numpy scalars as plain Python values (JSON-ready)."""
    return value.item() if hasattr(value, "item") and not isinstance(value, (str, bytes)) else value


def validate(suite: Suite, frame, *, data_docs_dir: Path | None = None) -> list[ExpectationOutcome]:
    """Validate the rows ``frame`` (one row per document, keyed by ``doc_id``) against ``suite``.

    One outcome per suite entry, in suite order. ``data_docs_dir``: also write GX
    Data Docs there (its ``index.html``).
    """
    return _validate(suite, frame, data_docs_dir, None)


def validate_spark(suite: Suite, frame, spark, *, data_docs_dir: Path | None = None) -> list[ExpectationOutcome]:
    """:func:`validate`, with the rows as a Spark DataFrame validated through GX's Spark datasource
    (``spark``: the SparkSession). The same compiled suite, the same outcomes: GX's Spark
    engine computes the counts, the failing rows come back by their position in ``frame``."""
    return _validate(suite, frame, data_docs_dir, spark)


ROW_COLUMN = "__corpuscheck_row__"  # the Spark frame's row positions: Spark rows have no index


def _spark_names(columns) -> dict[str, str]:
    """Spark-safe names for the frame's columns: Spark reads ``meta.url`` as a field of a struct
    ``meta``, so dots (and backticks) become ``__``; other names are kept."""
    taken = set(columns)
    names = {}
    for name in columns:
        safe = name.replace(".", "__").replace("`", "_")
        while safe != name and safe in taken:
            safe += "_"
        taken.add(safe)
        names[name] = safe
    return names


def _renamed(compiled, names: dict[str, str]):
    """The compiled suite's expectations pointed at the Spark-safe column names."""
    for expectation in compiled.expectations:
        for attribute in ("column", "column_A", "column_B"):
            value = getattr(expectation, attribute, None)
            if isinstance(value, str) and names.get(value, value) != value:
                setattr(expectation, attribute, names[value])
        value = getattr(expectation, "column_list", None)
        if isinstance(value, list):
            expectation.column_list = [names.get(c, c) for c in value]
    return compiled


def _spark_frame(spark, frame, names: dict[str, str]):
    """``frame`` as a Spark DataFrame (columns renamed by ``names``), with its row positions in ROW_COLUMN.

    Through Arrow: unsigned counts become int64, NaN becomes null (GX on pandas counts NaN as missing, Spark would compare
    it), and a column with no value at all becomes a string column (Spark has no null type)."""
    import pyarrow as pa

    table = pa.Table.from_pandas(frame.reset_index(drop=True), preserve_index=False)
    fields = []
    for name, column in zip(table.column_names, table.columns, strict=True):
        kind = column.type
        if pa.types.is_null(kind) or pa.types.is_large_string(kind):
            column = column.cast(pa.string())
        elif pa.types.is_unsigned_integer(kind):  # the feature table's compact counts: Spark has no unsigned types
            column = column.cast(pa.int64())
        fields.append((names.get(name, name), column))
    fields.append((ROW_COLUMN, pa.array(range(len(frame)), type=pa.int64())))
    table = pa.table(dict(fields)).replace_schema_metadata(None)
    return spark.createDataFrame(table).persist()


def _validate(suite: Suite, frame, data_docs_dir: Path | None, spark) -> list[ExpectationOutcome]:
    with _quiet():
        import great_expectations as gx

        if data_docs_dir is not None:
            _check_data_docs_dir(Path(data_docs_dir))
        sources = sorted(map(str, frame["source"].dropna().unique())) if "source" in frame.columns else []
        planned = plan(suite, sources)
        compiled = compile_suite(suite, set(frame.columns), sources)
        if not len(frame) and data_docs_dir is None:
            return [ExpectationOutcome(entry, True, 0, 0, source=source) for _, entry, source in planned]
        frame = _indexed(frame)
        result_format: dict[str, Any] = {"result_format": "COMPLETE"}
        batch_data = None
        if spark is None:
            batch_data, labels = frame, _labels
        else:  # failing rows named by their position (and doc id, for the Data Docs)
            names = _spark_names([str(c) for c in frame.columns])
            compiled = _renamed(compiled, names)
            batch_data, labels = _spark_frame(spark, frame, names), _spark_labels(frame)
            shown = [ID_COLUMN] if ID_COLUMN in frame.columns else []
            result_format["unexpected_index_column_names"] = shown + [ROW_COLUMN]
        try:
            with _own_context(data_docs_dir) as context:
                compiled = context.suites.add(compiled)
                _check_count(suite, len(compiled.expectations), "was stored as", len(planned))
                datasource = context.data_sources.add_pandas("corpus") if spark is None else context.data_sources.add_spark("corpus")
                batch_definition = datasource.add_dataframe_asset("rows").add_batch_definition_whole_dataframe("all")
                if data_docs_dir is None:
                    # validating the batch directly keeps GX from serialising the results into its store, and
                    # the failing values are read off the frame (GX would copy them, whole texts included)
                    batch = batch_definition.get_batch(batch_parameters={"dataframe": batch_data})
                    result = batch.validate(compiled, result_format=result_format | {"exclude_unexpected_values": True})
                else:
                    definition = context.validation_definitions.add(
                        gx.ValidationDefinition(name="corpus", data=batch_definition, suite=compiled)
                    )
                    checkpoint = context.checkpoints.add(
                        gx.Checkpoint(
                            name="corpuscheck",
                            validation_definitions=[definition],
                            actions=[gx.checkpoint.UpdateDataDocsAction(name="data_docs")],
                            result_format=result_format,
                        )
                    )
                    result = next(iter(checkpoint.run(batch_parameters={"dataframe": batch_data}).run_results.values()))
        finally:
            if spark is not None and batch_data is not None:
                batch_data.unpersist()
        return _outcomes(suite, planned, frame, result, labels)


def _labels(details: dict) -> list:
    """The failing rows' index labels, as GX on pandas lists them (in row order)."""
    return list(details.get("unexpected_index_list") or [])


def _spark_labels(frame):
    """The failing rows' index labels of ``frame`` from GX on Spark, in row order as on pandas."""

    def labels(details: dict) -> list:
        positions = []
        for row in details.get("unexpected_index_list") or []:  # a dict per row, or one dict of columns
            value = row[ROW_COLUMN]
            positions.extend(int(v) for v in value) if isinstance(value, list) else positions.append(int(value))
        return frame.index[sorted(positions)].tolist()

    return labels


def _indexed(frame):
    """``frame`` indexed by its doc ids (unnamed), else by position.

    GX lists the failing rows of an expectation by index label. With an unnamed
    index that is one list() call; with ``unexpected_index_column_names`` it looks
    up each failing row (10 s for 30k failing rows of 100k) and serialises dicts.
    The doc ids also make the Data Docs name the failing documents.
    """
    import pandas as pd

    if ID_COLUMN in frame.columns and frame[ID_COLUMN].is_unique:
        return frame.set_axis(pd.Index(frame[ID_COLUMN].to_numpy(), name=None))
    return frame.reset_index(drop=True)


def _outcomes(suite: Suite, planned, frame, result, failing_labels=_labels) -> list[ExpectationOutcome]:
    by_id = ID_COLUMN in frame.columns and frame[ID_COLUMN].is_unique
    outcomes: dict[int, ExpectationOutcome] = {}
    for item in result.results:
        number = (item.expectation_config.meta or {}).get("corpuscheck_entry")
        if not isinstance(number, int) or not 0 <= number < len(planned) or number in outcomes:
            raise SuiteError(f"{suite.source}: GX returned a result that matches no suite entry ({item.expectation_config.type})")
        index, entry, source = planned[number]
        message = _raised(item)
        if message is not None:
            raise SuiteError(f"{suite.source}: expectations[{index + 1}] {_label(entry)} could not run: {message}")
        details = item.result or {}
        labels = failing_labels(details)
        positions = frame.index.get_indexer(labels) if labels else []
        column = entry.rule.column if isinstance(entry, RuleEntry) else entry.column
        values = frame[column].to_numpy()[positions].tolist() if column in frame.columns and labels else []
        if by_id:
            doc_ids = labels
        elif ID_COLUMN in frame.columns:
            doc_ids = frame[ID_COLUMN].to_numpy()[positions].tolist() if labels else []
        else:
            doc_ids = [str(position) for position in positions]
        outcomes[number] = ExpectationOutcome(
            entry=entry,
            success=bool(item.success),
            element_count=int(details.get("element_count") if details.get("element_count") is not None else len(frame)),
            unexpected_count=int(details.get("unexpected_count") or 0),
            failing_doc_ids=[_python(doc_id) for doc_id in doc_ids],
            failing_values=[_python(v) for v in values] or [None] * len(labels),
            source=source,
        )
    _check_count(suite, len(outcomes), "was validated as", len(planned))
    return [outcomes[index] for index in sorted(outcomes)]
