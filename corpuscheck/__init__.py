"""corpuscheck: a data-quality test suite and linter for text corpora."""

__version__ = "0.1.0"


def __getattr__(name):  # lazy: `import corpuscheck` stays cheap (no pandas, no GX)
    if name == "check":
        from corpuscheck.check import check

        return check
    if name == "load":
        from corpuscheck.input.loader import load

        return load
    if name == "rows":
        from corpuscheck.engine import rows

        return rows
    if name == "Document":
        from corpuscheck.input.document import Document

        return Document
    raise AttributeError(name)


__all__ = ["check", "load", "rows", "Document", "__version__"]
