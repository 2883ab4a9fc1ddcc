"""corpuscheck: a data-quality test suite and linter for text corpora."""

import sys
import types

__version__ = "0.1.0"

# The public API: name -> (module, attribute). Served lazily so `import corpuscheck` stays cheap
# (no pandas, no GX). `fix` joins here once the fix engine exists: ("corpuscheck.fix", "fix").
_API = {
    "check": ("corpuscheck.check", "check"),
    "load": ("corpuscheck.input.loader", "load"),
    "rows": ("corpuscheck.engine", "rows"),
    "Document": ("corpuscheck.input.document", "Document"),
}


def __getattr__(name):
    if name not in _API:
        raise AttributeError(name)
    import importlib

    module, attr = _API[name]
    return getattr(importlib.import_module(module), attr)


class _Package(types.ModuleType):
    """Importing a submodule named like an API entry (`corpuscheck.check`) makes Python set it as an
    attribute of the package, shadowing the function; an API name never holds a module."""

    def __setattr__(self, name, value):
        if name in _API and isinstance(value, types.ModuleType):
            return
        super().__setattr__(name, value)


sys.modules[__name__].__class__ = _Package

__all__ = [*_API, "__version__"]
