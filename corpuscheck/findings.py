"""Findings: flat records, one per place a rule fired, kept as a table."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import asdict, dataclass
from functools import cache
from string import Formatter
from typing import Any

EXCERPT_CHARS = 200


class UnknownName(KeyError):
    """A rule, rule selector or output format that does not exist: a user's mistake (one line, exit 2),
    unlike any other KeyError, which is a bug."""
EDIT_FIELDS = ("start", "end", "replacement", "line", "column", "end_line", "end_column")


@dataclass(frozen=True)
class Finding:
    path: str
    doc_id: str
    record: int
    code: str
    rule: str
    severity: str
    line: int
    end_line: int
    column: int
    message: str
    excerpt: str
    related: dict[str, int] | None = None
    # The fix's edits of this finding alone, where the checker had the document's text:
    # (start, end, replacement, line, column, end_line, end_column) per edit, offsets in the
    # document's text; None when not computed (no fix, a drop-document fix, a corpus rule).
    edits: tuple[tuple[int, int, str, int, int, int, int], ...] | None = None

    def as_dict(self) -> dict[str, Any]:
        """The JSON contract's field order (DESIGN.md)."""
        return {
            "doc_id": self.doc_id,
            "record": self.record,
            "code": self.code,
            "rule": self.rule,
            "severity": self.severity,
            "line": self.line,
            "end_line": self.end_line,
            "column": self.column,
            "message": self.message,
            "excerpt": self.excerpt,
            "related": dict(self.related) if self.related else None,
        }

    @property
    def fix(self) -> dict[str, str] | None:
        """``{"safety": "safe" | "unsafe", "kind": ...}`` when `corpuscheck fix` repairs this finding, else None."""
        return _fix_of(self.code)

    @property
    def fix_edits(self) -> list[dict[str, Any]] | None:
        """:attr:`edits` as the JSON contract writes them (the fields of edits.jsonl's spans)."""
        if self.edits is None:
            return None
        return [dict(zip(EDIT_FIELDS, edit, strict=True)) for edit in self.edits]

    @property
    def is_fixable(self) -> bool:
        """A safe fix exists: `corpuscheck fix` applies it by default."""
        return (self.fix or {}).get("safety") == "safe"

    @property
    def location(self) -> str:
        """``path:line:col``, with ``#record`` after the path for multi-document files."""
        where = self.path if self.doc_id == self.path else f"{self.path}#{self.record}"
        return f"{where}:{self.line}:{self.column}"


@cache
def _fix_of(code: str) -> dict[str, str] | None:
    from corpuscheck.rules import all_rules

    rule = next((r for r in all_rules() if r.code == code), None)
    return {"safety": rule.autofix.safety, "kind": rule.autofix.kind} if rule and rule.autofix else None


def shown(text: str) -> str:
    """Corpus text for a reader: control and invisible characters as ``<U+00A0>`` marks."""
    return "".join(c if c.isprintable() or c == " " else f"<U+{ord(c):04X}>" for c in text)


class _MessageFormatter(Formatter):
    """A rule's message template: ``{line!r}`` quotes corpus text as a reader sees it.

    Printable text keeps Python's quoting (``'Baca juga'``); text with control or invisible
    characters shows them as marks (``'Baca juga:<U+00A0>Alasan'``), never as ``\\xa0`` escapes.
    """

    def convert_field(self, value, conversion):
        if conversion == "r" and isinstance(value, str) and not value.isprintable():
            return "'" + shown(value) + "'"
        return super().convert_field(value, conversion)


_MESSAGES = _MessageFormatter()


def message(template: str, data: dict[str, Any]) -> str:
    """``template`` formatted with a hit's ``data`` (see :class:`_MessageFormatter`)."""
    return _MESSAGES.vformat(template, (), data)


def clip(text: str, limit: int = 80) -> str:
    """``text`` for a message: at most ``limit`` characters, ending in ``…`` where it was cut."""
    return text if len(text) <= limit else text[: limit - 1] + "…"


def excerpt(text: str) -> str:
    text = text.strip()
    return text if len(text) <= EXCERPT_CHARS else text[: EXCERPT_CHARS - 1] + "…"


def table(findings: Iterable[Finding]):
    """All findings as a pandas DataFrame, to group by file, rule or source."""
    import pandas as pd

    columns = list(Finding.__dataclass_fields__)
    return pd.DataFrame([asdict(f) for f in findings], columns=columns)
