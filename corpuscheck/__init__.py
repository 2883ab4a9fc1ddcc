"""corpuscheck: a data-quality test suite and linter for text corpora."""

__version__ = "0.1.0"


def __getattr__(name):  # lazy: `import corpuscheck` stays cheap (no pandas, no GX)
    if name == "check":
        from corpuscheck.check import check

        return check
    if name in ("load", "rows"):
        from corpuscheck import loader

        return getattr(loader, name)
    if name == "Document":
        from corpuscheck.document import Document

        return Document
    raise AttributeError(name)


__all__ = ["check", "load", "rows", "Document", "__version__"]
