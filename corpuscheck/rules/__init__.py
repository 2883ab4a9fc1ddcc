"""The rule catalogue.

Every module in a family folder (``rules/news/``, ``rules/encoding/``, ...) that
declares a :class:`Rule` at module level registers it: adding a rule is adding
one module to its family's folder, with no list to edit.
"""

from __future__ import annotations

import importlib
import pkgutil
from functools import cache

from corpuscheck.findings import UnknownName
from corpuscheck.rules.base import CorpusRule, DocRef, Example, Hit, Option, Rule, bad, good, no_detection

__all__ = [
    "CorpusRule",
    "DocRef",
    "Example",
    "Hit",
    "Option",
    "Rule",
    "bad",
    "good",
    "no_detection",
    "all_rules",
    "get_rule",
    "select_rules",
]


@cache
def all_rules() -> tuple[Rule, ...]:
    """Every registered rule, sorted by code."""
    found: dict[str, Rule] = {}
    for info in pkgutil.walk_packages(__path__, prefix=f"{__name__}."):
        leaf = info.name.rsplit(".", 1)[-1]
        if info.ispkg or leaf.startswith("_") or info.name == f"{__name__}.base":
            continue
        module = importlib.import_module(info.name)
        for value in vars(module).values():
            if isinstance(value, Rule):
                if value.code in found and found[value.code] is not value:
                    raise RuntimeError(f"rule code {value.code} declared twice")
                found[value.code] = value
    return tuple(sorted(found.values(), key=lambda r: r.code))


def get_rule(key: str) -> Rule:
    """A rule by code (``P101``) or name (``placeholder-line``)."""
    for rule in all_rules():
        if key.upper() == rule.code or key.lower() == rule.name:
            return rule
    raise UnknownName(f"unknown rule {key!r} (see `corpuscheck rules`)")


def matches(rule: Rule, selector: str) -> bool:
    """Whether a selector (code, code prefix or family letter, rule name, ALL) names the rule."""
    selector = selector.strip()
    if selector.upper() == "ALL":
        return True
    return rule.code.startswith(selector.upper()) or rule.name == selector.lower()


def select_rules(rules, select=None, ignore=None):
    """Keep rules named by ``select`` (all when empty) and not named by ``ignore``."""
    for selector in list(select or []) + list(ignore or []):
        if not any(matches(r, selector) for r in all_rules()):
            raise UnknownName(f"--select/--ignore: {selector!r} names no rule (see `corpuscheck rules`)")
    return [
        r
        for r in rules
        if (not select or any(matches(r, s) for s in select)) and not any(matches(r, s) for s in ignore or [])
    ]
