"""Every rule as a GX custom expectation: the one generic adapter.

Importing this module registers, for each rule in :func:`corpuscheck.rules.all_rules`,
a column map expectation over a text column. Each value of the column is one
document's text; the rule runs on :func:`corpuscheck.input.document.from_text` of it (the
first non-empty line is the title) and a value passes when the rule finds at most
``max_findings`` things in it. ``mostly`` is the share of values that must pass,
``options`` are the rule's options (see ``corpuscheck explain CODE``)::

    import great_expectations as gx
    import corpuscheck.gx.expectations as cx

    suite.add_expectation(cx.ExpectNoPlaceholderLine(column="text"))
    suite.add_expectation(cx.ExpectNoDuplicatedParagraphRun(column="text", mostly=0.99,
                                                             options={"min_chars": 80}))

Naming: the class is ``ExpectNo`` + the rule's name in CamelCase
(``placeholder-line`` -> ``ExpectNoPlaceholderLine``, GX type
``expect_no_placeholder_line``); its metric is ``column_values.corpuscheck.<rule_column>``
(``column_values.corpuscheck.placeholder_line``). The classes are also in
:data:`EXPECTATIONS` (by rule code) and :func:`expectation_for` (by code or name).

Import this module before loading a suite that uses them from JSON or YAML: GX
silently drops expectations whose class is not registered. Importing it again
(or reloading it) reuses the classes already registered.

Only the pandas execution engine is implemented; rules run in plain Python.
"""

from __future__ import annotations

from typing import Any, ClassVar

import pandas as pd
from great_expectations.compatibility import pydantic
from great_expectations.execution_engine import PandasExecutionEngine
from great_expectations.expectations.expectation import ColumnMapExpectation
from great_expectations.expectations.metrics.map_metric_provider import (
    ColumnMapMetricProvider,
    column_condition_partial,
)
from great_expectations.expectations.registry import get_expectation_impl
from great_expectations.render import LegacyRendererType, RenderedStringTemplateContent
from great_expectations.render.renderer.renderer import renderer
from great_expectations.render.renderer_configuration import RendererConfiguration, RendererValueType
from great_expectations.render.util import num_to_str
from great_expectations.util import camel_to_snake

from corpuscheck.input.document import from_text
from corpuscheck.rules import Rule, all_rules, get_rule
from corpuscheck.rules.base import CorpusRule

__all__ = ["EXPECTATIONS", "RuleExpectation", "class_name", "expectation_for", "finding_counts"]

METRIC_PREFIX = "column_values.corpuscheck."


def class_name(rule: Rule) -> str:
    """``ExpectNo`` + the rule's name in CamelCase: ``placeholder-line`` -> ``ExpectNoPlaceholderLine``."""
    return "ExpectNo" + "".join(part.capitalize() for part in rule.name.split("-"))


def finding_counts(values: pd.Series, rule: Rule, options: dict[str, Any] | None = None) -> pd.Series:
    """How many findings ``rule`` gives each text in ``values`` (the same function the CLI runs)."""
    resolved = rule.resolve_options(options or {})
    if isinstance(rule, CorpusRule):  # the column is the corpus: duplicates are judged across its values
        hits = rule.run_corpus([str(text) for text in values], resolved)
        return pd.Series([len(h) for h in hits], index=values.index, dtype="int64")
    return values.map(lambda text: len(rule.run(from_text(str(text)), resolved))).astype("int64")


def _registered(rule: Rule) -> type | None:
    """The class an earlier import registered for ``rule``, if any."""
    try:
        found = get_expectation_impl(camel_to_snake(class_name(rule)))
    except Exception:  # ExpectationNotFoundError
        return None
    return found if getattr(found, "rule_code", None) == rule.code else None


def _earlier_base() -> type | None:
    """The base class of an earlier import (a reload, or a re-import after ``del sys.modules[...]``)."""
    for rule in all_rules():
        cls = _registered(rule)
        if cls is not None:
            return cls.__bases__[0]
    return None


_EARLIER_BASE = _earlier_base()
if _EARLIER_BASE is not None:  # defining it again would re-register its renderers (GX logs a warning each)
    RuleExpectation = _EARLIER_BASE
else:

    class RuleExpectation(ColumnMapExpectation):
        """Base of the generated expectations: a rule's finding count per text value, at most ``max_findings``.

        Abstract (no ``map_metric``), so GX does not register it; one subclass per rule is.
        """

        max_findings: int = pydantic.Field(0, ge=0, description="findings a value may have and still pass")
        options: dict[str, Any] = pydantic.Field(default_factory=dict, description="the rule's options")

        rule_code: ClassVar[str] = ""
        success_keys = ("max_findings", "options", "mostly")
        args_keys = ("column", "max_findings")
        library_metadata: ClassVar[dict[str, Any]] = {
            "maturity": "experimental",
            "tags": ["corpuscheck", "text", "column map expectation"],
            "contributors": ["corpuscheck"],
            "requirements": ["corpuscheck"],
        }

        @pydantic.validator("options", allow_reuse=True)
        def _known_options(cls, value):
            if cls.rule_code:
                try:
                    get_rule(cls.rule_code).resolve_options(value or {})
                except ValueError as exc:
                    raise ValueError(exc.args[0]) from None
            return value or {}

        @classmethod
        def rule(cls) -> Rule:
            return get_rule(cls.rule_code)

        @classmethod
        def _prescriptive_template(cls, renderer_configuration: RendererConfiguration) -> RendererConfiguration:
            """The sentence GX's atomic renderers show (GX Cloud, ``expectation.render()``)."""
            for name, kind in (("column", RendererValueType.STRING), ("mostly", RendererValueType.NUMBER),
                               ("max_findings", RendererValueType.NUMBER)):
                renderer_configuration.add_param(name=name, param_type=kind)
            params = renderer_configuration.params
            template = cls._sentence()
            if params.mostly and params.mostly.value < 1.0:
                renderer_configuration = cls._add_mostly_pct_param(renderer_configuration=renderer_configuration)
                template += ", at least $mostly_pct % of the time"
            if renderer_configuration.include_column_name:
                template = f"$column {template}"
            renderer_configuration.template_str = template + "."
            return renderer_configuration

        @classmethod
        @renderer(renderer_type=LegacyRendererType.PRESCRIPTIVE)
        def _prescriptive_renderer(cls, configuration=None, result=None, runtime_configuration=None, **kwargs):
            """The same sentence in Data Docs (which use the legacy renderer)."""
            runtime_configuration = runtime_configuration or {}
            if configuration is None and result is not None:
                configuration = result.expectation_config
            given = dict(configuration.kwargs) if configuration is not None else {}
            params = {"column": given.get("column"), "max_findings": given.get("max_findings", 0)}
            template = cls._sentence()
            mostly = given.get("mostly", 1)
            if isinstance(mostly, (int, float)) and mostly < 1:
                params["mostly_pct"] = num_to_str(mostly * 100, no_scientific=True)
                template += ", at least $mostly_pct % of the time"
            if runtime_configuration.get("include_column_name") is not False:
                template = f"$column {template}"
            return [
                RenderedStringTemplateContent(
                    content_block_type="string_template",
                    string_template={"template": template + ".", "params": params,
                                     "styling": runtime_configuration.get("styling")},
                )
            ]

        @classmethod
        def _sentence(cls) -> str:
            rule = cls.rule()
            return f"values must have at most $max_findings {rule.code} {rule.name} finding(s) each"


def _metric_provider(rule: Rule) -> type:
    """The map metric: True for each text with at most ``max_findings`` findings of ``rule``."""

    def _pandas(cls, column, max_findings, options, **kwargs):
        return finding_counts(column, rule, options) <= int(max_findings)

    return type(
        f"ColumnValuesCorpuscheck{class_name(rule)[8:]}",
        (ColumnMapMetricProvider,),
        {
            "__module__": __name__,
            "condition_metric_name": METRIC_PREFIX + rule.column,
            "condition_value_keys": ("max_findings", "options"),
            "_pandas": column_condition_partial(engine=PandasExecutionEngine)(_pandas),
        },
    )


def _expectation(rule: Rule) -> type[RuleExpectation]:
    name = class_name(rule)
    doc = (
        f"Expect each text in the column to have at most ``max_findings`` {rule.code} {rule.name} findings.\n\n"
        f"{rule.summary}\n\n{rule.why}\n\nArgs:\n    column: the text column, one document per value.\n"
        "    max_findings: findings a value may have and still pass (default 0).\n"
        "    options: the rule's options ("
        + ("; ".join(f"{k}: {o.help}, default {o.default!r}" for k, o in rule.options.items()) or "it has none")
        + ").\n    mostly: the share of values that must pass."
    )
    return type(
        name,
        (RuleExpectation,),
        {
            "__module__": __name__,
            "__doc__": doc,
            "rule_code": rule.code,
            "map_metric": METRIC_PREFIX + rule.column,
        },
    )


def _register_all() -> dict[str, type[RuleExpectation]]:
    classes = {}
    for rule in all_rules():
        cls = _registered(rule)
        if cls is None:
            _metric_provider(rule)
            cls = _expectation(rule)
        classes[rule.code] = cls
    return classes


EXPECTATIONS: dict[str, type[RuleExpectation]] = _register_all()
globals().update({cls.__name__: cls for cls in EXPECTATIONS.values()})
__all__ += sorted(cls.__name__ for cls in EXPECTATIONS.values())


def expectation_for(rule: str | Rule) -> type[RuleExpectation]:
    """The expectation class of a rule, by code, name or Rule."""
    return EXPECTATIONS[(rule if isinstance(rule, Rule) else get_rule(rule)).code]
