"""The Document: one article, with its raw lines and their original numbers."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property
from typing import Any, Iterator


@dataclass(eq=False)
class Document:
    """One article.

    ``lines`` are the raw lines of ``text``; line ``n`` (1-based) is
    ``lines[n - 1]``, so every finding points back into the original text.
    ``title_line`` is the line the title was taken from (0 when the title came
    from a separate field), and the body is every line after it.
    """

    doc_id: str
    path: str
    text: str
    record: int = 1
    title: str | None = None
    title_line: int = 0
    meta: dict[str, Any] = field(default_factory=dict)

    @cached_property
    def lines(self) -> list[str]:
        return self.text.split("\n") if self.text else []

    @property
    def body_start(self) -> int:
        """1-based number of the first body line."""
        return self.title_line + 1

    def body_lines(self) -> Iterator[tuple[int, str]]:
        """``(line number, line)`` for every body line, blank ones included."""
        for number in range(self.body_start, len(self.lines) + 1):
            yield number, self.lines[number - 1]

    @property
    def body(self) -> str:
        return "\n".join(self.lines[self.title_line :])

    @cached_property
    def dateline(self) -> str | None:
        from corpuscheck.dateline import find_dateline

        found = find_dateline(self)
        return found.text if found else None

    def line(self, number: int) -> str:
        return self.lines[number - 1]


def from_text(
    text: str,
    path: str = "<text>",
    *,
    record: int = 1,
    doc_id: str | None = None,
    title: str | None = None,
    meta: dict[str, Any] | None = None,
) -> Document:
    """Build a Document from raw text.

    Without an explicit ``title`` the first non-empty line is the title and the
    body is everything after it, as in a scraped ``.txt`` file.
    """
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if text.startswith("\ufeff"):
        text = text[1:]
    title_line = 0
    if title is None:
        for number, line in enumerate(text.split("\n"), start=1):
            if line.strip():
                title, title_line = line.strip(), number
                break
    return Document(
        doc_id=doc_id or path,
        path=path,
        text=text,
        record=record,
        title=title,
        title_line=title_line,
        meta=meta or {},
    )
