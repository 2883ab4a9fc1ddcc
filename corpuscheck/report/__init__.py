"""Reporters, registered by name: each turns a Report into text or files.

A reporter is a small class with a ``name`` and ``render(report) -> str``;
defining it in a module of this package registers it.
"""

from __future__ import annotations

import importlib
import pkgutil
from functools import cache

from corpuscheck.findings import UnknownName
from corpuscheck.report.base import Reporter

__all__ = ["Reporter", "get_reporter", "reporters"]


@cache
def reporters() -> dict[str, type[Reporter]]:
    for info in pkgutil.iter_modules(__path__):
        if not info.name.startswith("_") and info.name != "base":
            importlib.import_module(f"{__name__}.{info.name}")
    return {cls.name: cls for cls in Reporter.registry}


def get_reporter(name: str) -> type[Reporter]:
    try:
        return reporters()[name]
    except KeyError:
        raise UnknownName(f"unknown format {name!r} (known: {', '.join(sorted(reporters()))})") from None
