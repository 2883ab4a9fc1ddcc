"""`corpuscheck fix`: edits from findings, the cleaned corpus, the edit log, restore."""

from corpuscheck.fix.edits import Edit, apply, compose, revert
from corpuscheck.fix.restore import restore
from corpuscheck.fix.run import fix_corpus

__all__ = ["Edit", "apply", "compose", "revert", "fix_corpus", "restore"]
