"""Expectation suites as files (``checks/*.yml``): parse, check, and turn into plans.

A suite is a name and a list of entries. An entry is either one of our rules::

    - rule: placeholder-line      # code or name
      severity: error             # error | warning | info (GX: critical | warning | info)
      mostly: 1.0                 # share of documents that must pass (GX ``mostly``)
      max_per_document: 0         # findings a document may have and still pass
      options: {languages: [id, en]}

or any built-in GX expectation over the row columns::

    - expectation: expect_column_value_lengths_to_be_between
      kwargs: {column: body, min_value: 200}
      severity: warning
"""

from __future__ import annotations

from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any

import yaml

from corpuscheck.rules import Rule, get_rule

GX_SEVERITY = {"error": "critical", "critical": "critical", "warning": "warning", "info": "info"}
OUR_SEVERITY = {"critical": "error", "error": "error", "warning": "warning", "info": "info"}
RULE_KEYS = {"rule", "severity", "mostly", "max_per_document", "options", "description"}
GX_KEYS = {"expectation", "kwargs", "severity", "description"}


class SuiteError(ValueError):
    """A suite file that cannot be used; the message says where and why."""


@dataclass(frozen=True)
class RuleEntry:
    rule: Rule
    severity: str
    mostly: float = 1.0
    max_per_document: int = 0
    options: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class GxEntry:
    expectation: str  # snake_case GX type, e.g. expect_column_values_to_not_be_null
    kwargs: dict[str, Any]
    severity: str
    description: str = ""

    @property
    def column(self) -> str | None:
        return self.kwargs.get("column")


@dataclass(frozen=True)
class Suite:
    name: str
    entries: tuple[RuleEntry | GxEntry, ...]
    source: str = "<built-in>"

    @property
    def rule_entries(self) -> list[RuleEntry]:
        return [e for e in self.entries if isinstance(e, RuleEntry)]

    @property
    def gx_entries(self) -> list[GxEntry]:
        return [e for e in self.entries if isinstance(e, GxEntry)]

    def restrict(self, rules: list[Rule]) -> "Suite":
        """Only the rule entries whose rule is in ``rules`` (``--select``/``--ignore``)."""
        keep = {r.code for r in rules}
        return Suite(
            self.name,
            tuple(e for e in self.entries if isinstance(e, GxEntry) or e.rule.code in keep),
            self.source,
        )


def _severity(value: Any, default: str, where: str) -> str:
    if value is None:
        return default
    if str(value).lower() not in OUR_SEVERITY:
        raise SuiteError(f"{where}: severity must be error, warning or info, not {value!r}")
    return OUR_SEVERITY[str(value).lower()]


def _rule_entry(item: dict, where: str) -> RuleEntry:
    unknown = set(item) - RULE_KEYS
    if unknown:
        raise SuiteError(f"{where}: unknown key(s) {', '.join(sorted(unknown))} (known: {', '.join(sorted(RULE_KEYS))})")
    try:
        rule = get_rule(str(item["rule"]))
        options = rule.resolve_options(item.get("options") or {})
    except (KeyError, ValueError) as exc:
        raise SuiteError(f"{where}: {exc.args[0]}") from None
    mostly = item.get("mostly", 1.0)
    if not isinstance(mostly, (int, float)) or not 0 <= mostly <= 1:
        raise SuiteError(f"{where}: mostly must be a number from 0 to 1, not {mostly!r}")
    maximum = item.get("max_per_document", 0)
    if not isinstance(maximum, int) or maximum < 0:
        raise SuiteError(f"{where}: max_per_document must be a whole number >= 0, not {maximum!r}")
    return RuleEntry(rule, _severity(item.get("severity"), rule.severity, where), float(mostly), maximum, options)


def _gx_entry(item: dict, where: str) -> GxEntry:
    unknown = set(item) - GX_KEYS
    if unknown:
        raise SuiteError(f"{where}: unknown key(s) {', '.join(sorted(unknown))} (known: {', '.join(sorted(GX_KEYS))})")
    kwargs = item.get("kwargs") or {}
    if not isinstance(kwargs, dict):
        raise SuiteError(f"{where}: kwargs must be a mapping")
    name = str(item["expectation"])
    if not name.startswith("expect_"):
        raise SuiteError(f"{where}: {name!r} is not a GX expectation type (expect_...)")
    return GxEntry(name, dict(kwargs), _severity(item.get("severity"), "error", where), str(item.get("description", "")))


def parse(data: Any, source: str) -> Suite:
    if not isinstance(data, dict) or not isinstance(data.get("expectations"), list):
        raise SuiteError(f"{source}: a suite is a mapping with a name and a list `expectations`")
    entries: list[RuleEntry | GxEntry] = []
    for number, item in enumerate(data["expectations"], start=1):
        where = f"{source}: expectations[{number}]"
        if isinstance(item, dict) and "rule" in item:
            entries.append(_rule_entry(item, where))
        elif isinstance(item, dict) and "expectation" in item:
            entries.append(_gx_entry(item, where))
        else:
            raise SuiteError(f"{where}: an entry needs `rule:` or `expectation:`")
    if not entries:
        raise SuiteError(f"{source}: the suite has no expectations; an empty suite would always pass")
    return Suite(str(data.get("name") or Path(source).stem), tuple(entries), source)


def load_suite(spec: str | None = None) -> Suite:
    """A suite from a file path, a name in ``checks/`` or the built-in suites.

    ``None``: ``checks/news.yml`` when it exists, else the built-in ``news`` suite.
    """
    if spec is None:
        spec = "checks/news.yml" if Path("checks/news.yml").is_file() else "news"
    path = Path(spec)
    if not path.is_file() and not spec.endswith((".yml", ".yaml")):
        local = Path("checks") / f"{spec}.yml"
        if local.is_file():
            path = local
        else:
            builtin = resources.files("corpuscheck") / "suites" / f"{spec}.yml"
            if not builtin.is_file():
                raise SuiteError(f"no suite {spec!r}: not a file, not in checks/, not built in")
            return parse(yaml.safe_load(builtin.read_text(encoding="utf-8")), f"<built-in {spec}>")
    if not path.is_file():
        raise SuiteError(f"suite file {spec} does not exist")
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (yaml.YAMLError, UnicodeDecodeError) as exc:
        raise SuiteError(f"{spec}: not valid YAML: {exc}") from None
    return parse(data, str(spec))
