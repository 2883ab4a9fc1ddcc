"""Expectation suites as files (``checks/*.yml``): parse, check, and turn into plans.

A suite is a name and a list of entries. An entry is either one of our rules::

    - rule: placeholder-line      # code or name
      severity: error             # error | warning | info (GX: critical | warning | info)
      mostly: 1.0                 # share of documents that must pass (GX ``mostly``)
      max_per_document: 0         # findings a document may have and still pass
      options: {languages: [id, en]}

or any registered GX expectation (built-in, or ours from
:mod:`corpuscheck.gx.expectations`) over the row columns::

    - expectation: expect_column_value_lengths_to_be_between
      kwargs: {column: body, min_value: 200}
      mostly: 0.95                # optional; the same as kwargs.mostly
      severity: warning
      description: Articles have a body of at least 200 characters.

A row has ``doc_id``, ``path``, ``record``, ``n_lines``, ``n_chars``, one finding
count column per rule entry (the rule's name with ``_``: ``placeholder_line``),
the Document attributes (``title``, ``body``, ``text``, ``dateline``, ...) and
``meta.<field>`` for other JSONL/Parquet fields.

Everything that can be checked without GX is checked here, with the file and
entry in the message: unknown keys, rules, options, severities, ``mostly``
outside 0..1, a rule listed twice, a column no row has, an empty suite. GX
expectation names and kwargs are checked when the suite is compiled
(:func:`corpuscheck.gx.validate.compile_suite`).
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass, field, fields
from functools import cached_property
from importlib import resources
from pathlib import Path
from typing import Any

import yaml

from corpuscheck.input.document import Document
from corpuscheck.rules import Rule, get_rule

GX_SEVERITY = {"error": "critical", "critical": "critical", "warning": "warning", "info": "info"}
OUR_SEVERITY = {"critical": "error", "error": "error", "warning": "warning", "info": "info"}
SUITE_KEYS = {"name", "description", "expectations"}
RULE_KEYS = {"rule", "severity", "mostly", "max_per_document", "options", "description", "per_source", "sources"}
GX_KEYS = {"expectation", "kwargs", "severity", "mostly", "description"}
ENTRY_LEVEL = {"severity", "description"}  # GX arguments given beside `expectation:`, never inside kwargs
COLUMN_KWARGS = ("column", "column_A", "column_B", "column_list")
# every row has these (corpuscheck.engine.check_document), plus one count column per rule entry
ROW_COLUMNS = ("doc_id", "path", "record", "source", "n_lines", "n_chars")


class SuiteError(ValueError):
    """A suite file that cannot be used; the message says where and why."""


@dataclass(frozen=True)
class RuleEntry:
    rule: Rule
    severity: str
    mostly: float = 1.0
    max_per_document: int = 0
    options: dict[str, Any] = field(default_factory=dict)
    description: str = ""
    per_source: bool = False  # the threshold applies to each source's documents separately
    sources: dict[str, float] = field(default_factory=dict)  # per-source budgets: source -> mostly

    @property
    def by_source(self) -> bool:
        return self.per_source or bool(self.sources)

    def mostly_for(self, source: str | None) -> float:
        return self.sources.get(source, self.mostly) if source is not None else self.mostly


@dataclass(frozen=True)
class GxEntry:
    expectation: str  # snake_case GX type, e.g. expect_column_values_to_not_be_null
    kwargs: dict[str, Any]
    severity: str
    description: str = ""

    @property
    def column(self) -> str | None:
        """The column the expectation is about (``column``, else ``column_A``), if any."""
        return self.kwargs.get("column") or self.kwargs.get("column_A")

    @property
    def columns(self) -> list[str]:
        """Every row column the kwargs name (``column``, ``column_A``/``column_B``, ``column_list``)."""
        names = [self.kwargs.get(key) for key in COLUMN_KWARGS if key != "column_list"]
        listed = self.kwargs.get("column_list") or []
        names += [listed] if isinstance(listed, str) else list(listed)
        return [str(name) for name in names if name]


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

    def restrict(self, rules: list[Rule], add_missing: bool = False) -> Suite:
        """Only the rule entries whose rule is in ``rules`` (``--select``/``--ignore``).

        ``add_missing``: rules in ``rules`` that the suite does not list join it with
        their defaults (``--select`` names rules to run, whatever the suite lists)."""
        keep = {r.code for r in rules}
        entries = [e for e in self.entries if isinstance(e, GxEntry) or e.rule.code in keep]
        if add_missing:
            listed = {e.rule.code for e in entries if isinstance(e, RuleEntry)}
            entries += [RuleEntry(r, r.severity, options=r.resolve_options()) for r in rules if r.code not in listed]
        return Suite(self.name, tuple(entries), self.source)


def _severity(value: Any, default: str, where: str) -> str:
    if value is None:
        return default
    if str(value).lower() not in OUR_SEVERITY:
        raise SuiteError(f"{where}: severity must be error, warning or info, not {value!r}")
    return OUR_SEVERITY[str(value).lower()]


def _unknown_keys(item: dict, known: set[str], where: str) -> None:
    unknown = set(item) - known
    if unknown:
        raise SuiteError(f"{where}: unknown key(s) {', '.join(sorted(map(str, unknown)))} (known: {', '.join(sorted(known))})")


def _mostly(value: Any, where: str) -> float:
    if isinstance(value, bool) or not isinstance(value, (int, float)) or not 0 <= value <= 1:
        raise SuiteError(f"{where}: mostly must be a number from 0 to 1, not {value!r}")
    return float(value)


def _description(value: Any, where: str) -> str:
    if value is not None and not isinstance(value, str):
        raise SuiteError(f"{where}: description must be a string, not {value!r}")
    return value or ""


def _rule_entry(item: dict, where: str) -> RuleEntry:
    _unknown_keys(item, RULE_KEYS, where)
    options = item.get("options")
    if options is not None and not isinstance(options, dict):
        raise SuiteError(f"{where}: options must be a mapping of option: value, not {options!r}")
    try:
        rule = get_rule(str(item["rule"]))
        options = rule.resolve_options(options or {})
    except (KeyError, ValueError) as exc:
        raise SuiteError(f"{where}: {exc.args[0]}") from None
    mostly = _mostly(item.get("mostly", 1.0), where)
    maximum = item.get("max_per_document", 0)
    if isinstance(maximum, bool) or not isinstance(maximum, int) or maximum < 0:
        raise SuiteError(f"{where}: max_per_document must be a whole number >= 0, not {maximum!r}")
    severity = _severity(item.get("severity"), rule.severity, where)
    per_source = item.get("per_source", False)
    if not isinstance(per_source, bool):
        raise SuiteError(f"{where}: per_source must be true or false, not {per_source!r}")
    sources = item.get("sources") or {}
    if not isinstance(sources, dict):
        raise SuiteError(f"{where}: sources must be a mapping of source: mostly, not {sources!r}")
    budgets = {str(name): _mostly(value, f"{where}: sources[{name!r}]") for name, value in sources.items()}
    return RuleEntry(
        rule, severity, mostly, maximum, options, _description(item.get("description"), where), per_source, budgets
    )


def _gx_entry(item: dict, where: str) -> GxEntry:
    _unknown_keys(item, GX_KEYS, where)
    kwargs = item.get("kwargs")
    if kwargs is None:
        kwargs = {}
    if not isinstance(kwargs, dict):
        raise SuiteError(f"{where}: kwargs must be a mapping of argument: value, not {kwargs!r}")
    kwargs = dict(kwargs)
    name = item["expectation"]
    if not isinstance(name, str) or not name.startswith("expect_"):
        raise SuiteError(f"{where}: {name!r} is not a GX expectation type (snake_case, expect_...)")
    for key in sorted(ENTRY_LEVEL & set(kwargs)):
        raise SuiteError(f"{where}: put {key} beside `expectation:`, not inside kwargs")
    if "meta" in kwargs:
        raise SuiteError(f"{where}: kwargs may not set meta (corpuscheck uses it to match GX results to entries)")
    if "mostly" in item:
        if "mostly" in kwargs:
            raise SuiteError(f"{where}: mostly is given twice (beside `expectation:` and in kwargs)")
        kwargs["mostly"] = _mostly(item["mostly"], where)
    for key in COLUMN_KWARGS:
        names = kwargs.get(key)
        if names is None:
            continue
        for column in names if key == "column_list" and isinstance(names, list) else [names]:
            if not isinstance(column, str) or not column:
                raise SuiteError(f"{where}: {key} must name a row column, not {names!r}")
    severity = _severity(item.get("severity"), "error", where)
    return GxEntry(name, kwargs, severity, _description(item.get("description"), where))


def document_columns() -> set[str]:
    """Document attributes a GX entry may name as a row column (the engine reads them off each document)."""
    names = {f.name for f in fields(Document)}
    names |= {name for name, value in vars(Document).items() if isinstance(value, (property, cached_property))}
    return names - {"meta", "lines"}


def row_columns(entries) -> set[str]:
    """The columns a row of the corpus has for ``entries`` (``meta.<field>`` aside)."""
    rules = [e.rule for e in entries if isinstance(e, RuleEntry)]
    measured = {column for rule in rules for column in rule.measure_columns}
    return set(ROW_COLUMNS) | document_columns() | {rule.column for rule in rules} | measured


def _check_columns(entries, source: str) -> None:
    known = row_columns(entries)
    for number, entry in enumerate(entries, start=1):
        if not isinstance(entry, GxEntry):
            continue
        for column in entry.columns:
            if column not in known and not (column.startswith("meta.") and len(column) > 5):
                close = difflib.get_close_matches(column, sorted(known), n=1)
                raise SuiteError(
                    f"{source}: expectations[{number}]: {entry.expectation} names column {column!r}, which no row has"
                    + (f" (did you mean {close[0]!r}?)" if close else "")
                    + f"; columns: {', '.join(sorted(known))}, and meta.<field> for JSONL/Parquet fields"
                )


def parse(data: Any, source: str) -> Suite:
    """A Suite from the parsed YAML ``data``; ``source`` names the file in error messages."""
    if not isinstance(data, dict) or not isinstance(data.get("expectations"), list):
        raise SuiteError(f"{source}: a suite is a mapping with a name and a list `expectations`")
    _unknown_keys(data, SUITE_KEYS, source)
    name = data.get("name")
    if name is not None and (not isinstance(name, str) or not name.strip()):
        raise SuiteError(f"{source}: name must be a non-empty string, not {name!r}")
    entries: list[RuleEntry | GxEntry] = []
    seen: dict[str, int] = {}
    for number, item in enumerate(data["expectations"], start=1):
        where = f"{source}: expectations[{number}]"
        if isinstance(item, dict) and "rule" in item:
            entry = _rule_entry(item, where)
            if entry.rule.code in seen:
                raise SuiteError(f"{where}: rule {entry.rule.code} {entry.rule.name} is already listed at "
                                 f"expectations[{seen[entry.rule.code]}]; list each rule once")
            seen[entry.rule.code] = number
            entries.append(entry)
        elif isinstance(item, dict) and "expectation" in item:
            entries.append(_gx_entry(item, where))
        else:
            raise SuiteError(f"{where}: an entry is a mapping with `rule:` or `expectation:`, not {item!r}")
    if not entries:
        raise SuiteError(f"{source}: the suite has no expectations; an empty suite would always pass")
    _check_columns(entries, source)
    return Suite(str(name or Path(source).stem), tuple(entries), source)


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
            builtin = resources.files(__package__) / "suites" / f"{spec}.yml"
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
