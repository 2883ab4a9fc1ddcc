"""GX at the edge: compile a Suite to a ``gx.ExpectationSuite`` and validate the feature rows.

Rule entries become ``ExpectColumnValuesToBeBetween`` on the rule's count column
(``0 <= count <= max_per_document``, with ``mostly`` and ``severity``); GX
entries are built-in expectations with their kwargs. Everything runs in an
ephemeral context: no ``gx/`` folder is left behind.
"""

from __future__ import annotations

import logging
import warnings
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from corpuscheck.suite import GX_SEVERITY, GxEntry, RuleEntry, Suite, SuiteError


@dataclass
class ExpectationOutcome:
    """One expectation's verdict over the whole corpus."""

    entry: RuleEntry | GxEntry
    success: bool
    element_count: int
    unexpected_count: int
    failing_doc_ids: list[str] = field(default_factory=list)
    failing_values: list[Any] = field(default_factory=list)

    @property
    def severity(self) -> str:
        return self.entry.severity

    @property
    def label(self) -> str:
        if isinstance(self.entry, RuleEntry):
            return f"{self.entry.rule.code} {self.entry.rule.name}"
        return f"{self.entry.expectation}({self.entry.column or ''})"

    @property
    def threshold(self) -> float:
        """Share of documents that must pass."""
        if isinstance(self.entry, RuleEntry):
            return self.entry.mostly
        return float(self.entry.kwargs.get("mostly", 1.0))

    @property
    def observed(self) -> float:
        """Share of documents that passed."""
        return 1.0 if not self.element_count else 1 - self.unexpected_count / self.element_count


def _quiet_gx():
    for name in ("great_expectations", "great_expectations.core", "great_expectations.data_context"):
        logging.getLogger(name).setLevel(logging.ERROR)
    warnings.filterwarnings("ignore", module="great_expectations")


def _expectation_class(gxe, snake: str):
    camel = "".join(part.capitalize() for part in snake.split("_"))
    cls = getattr(gxe, camel, None)
    if cls is None:
        raise SuiteError(f"unknown GX expectation {snake!r}")
    return cls


def compile_suite(suite: Suite, columns: set[str] | None = None):
    """The ``gx.ExpectationSuite`` for ``suite``: one expectation per entry, or a SuiteError."""
    import great_expectations as gx
    import great_expectations.expectations as gxe
    from pydantic import ValidationError

    compiled = gx.ExpectationSuite(name=suite.name)
    for index, entry in enumerate(suite.entries):
        meta = {"corpuscheck_entry": index}
        if isinstance(entry, RuleEntry):
            rule = entry.rule
            expectation = gxe.ExpectColumnValuesToBeBetween(
                column=rule.column,
                min_value=0,
                max_value=entry.max_per_document,
                mostly=entry.mostly,
                severity=GX_SEVERITY[entry.severity],
                description=f"{rule.code} {rule.name}: {rule.summary}",
                meta=meta | {"corpuscheck_rule": rule.code},
            )
        else:
            if columns is not None and entry.column and entry.column not in columns:
                raise SuiteError(
                    f"{suite.source}: {entry.expectation} names column {entry.column!r}, which the rows do not have "
                    f"(columns: {', '.join(sorted(columns))})"
                )
            cls = _expectation_class(gxe, entry.expectation)
            try:
                expectation = cls(
                    **entry.kwargs,
                    severity=GX_SEVERITY[entry.severity],
                    meta=meta,
                    **({"description": entry.description} if entry.description else {}),
                )
            except (ValidationError, TypeError) as exc:
                raise SuiteError(f"{suite.source}: {entry.expectation}: {exc}".splitlines()[0]) from None
        compiled.add_expectation(expectation)
    if len(compiled.expectations) != len(suite.entries):
        raise SuiteError(
            f"{suite.source}: compiled to {len(compiled.expectations)} expectations but lists {len(suite.entries)}"
        )
    return compiled


def _context(data_docs_dir: Path | None):
    import great_expectations as gx
    from great_expectations.data_context.types.base import ProgressBarsConfig

    context = gx.get_context(mode="ephemeral")
    context.variables.progress_bars = ProgressBarsConfig(globally=False)
    for site in list(context.get_site_names()):
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


def validate(suite: Suite, frame, *, data_docs_dir: Path | None = None) -> list[ExpectationOutcome]:
    """Validate the rows ``frame`` (one row per document, keyed by ``doc_id``) against ``suite``."""
    _quiet_gx()
    import great_expectations as gx

    context = _context(data_docs_dir)
    compiled = context.suites.add(compile_suite(suite, set(frame.columns)))
    if not len(frame):
        return [ExpectationOutcome(entry, True, 0, 0) for entry in suite.entries]
    batch = context.data_sources.add_pandas("corpus").add_dataframe_asset("rows").add_batch_definition_whole_dataframe("all")
    definition = context.validation_definitions.add(gx.ValidationDefinition(name="corpus", data=batch, suite=compiled))
    result_format = {"result_format": "COMPLETE", "unexpected_index_column_names": ["doc_id"]}
    if data_docs_dir is None:
        result = definition.run(batch_parameters={"dataframe": frame}, result_format=result_format)
    else:
        checkpoint = context.checkpoints.add(
            gx.Checkpoint(
                name="corpuscheck",
                validation_definitions=[definition],
                actions=[gx.checkpoint.UpdateDataDocsAction(name="data_docs")],
                result_format=result_format,
            )
        )
        result = next(iter(checkpoint.run(batch_parameters={"dataframe": frame}).run_results.values()))
    outcomes: dict[int, ExpectationOutcome] = {}
    for item in result.results:
        index = item.expectation_config.meta["corpuscheck_entry"]
        entry = suite.entries[index]
        details = item.result or {}
        unexpected = details.get("unexpected_index_list") or []
        if item.exception_info and item.exception_info.get("raised_exception"):
            raise SuiteError(f"{suite.source}: {entry.expectation if isinstance(entry, GxEntry) else entry.rule.code} "
                             f"could not run: {item.exception_info.get('exception_message')}")
        outcomes[index] = ExpectationOutcome(
                entry=entry,
                success=bool(item.success),
                element_count=int(details.get("element_count") or len(frame)),
                unexpected_count=int(details.get("unexpected_count") or 0),
                failing_doc_ids=[u["doc_id"] for u in unexpected],
                failing_values=[next((v for k, v in u.items() if k != "doc_id"), None) for u in unexpected],
        )
    return [outcomes[index] for index in sorted(outcomes)]
