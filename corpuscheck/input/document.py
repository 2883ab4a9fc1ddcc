"""The Document: one article, with its raw lines and their original numbers; LoadError: a problem reading.

Both are plain records: a Document knows its lines, not news conventions (its
dateline is the news rules' business: ``corpuscheck.rules.news.dateline``).
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any
from urllib.parse import urlsplit

import regex


@dataclass(eq=False)
class Document:
    """One article.

    ``lines`` are the raw lines of ``text``; line ``n`` (1-based) is
    ``lines[n - 1]``, so every finding points back into the original text.
    ``title_line`` is the line the title was taken from (0 when the title came
    from a separate field), and the body is every line after it.
    ``record`` is the 1-based record number in a multi-document file (JSONL
    line or Parquet row, counting records only), else 1; ``source_line`` is
    the line of a JSONL file the record was read from (None otherwise).
    Line breaks are normalised to ``\n`` (CRLF and lone CR count as one
    break each, as editors count them) and a leading BOM is dropped.
    """

    doc_id: str
    path: str
    text: str
    record: int = 1
    title: str | None = None
    title_line: int = 0
    meta: dict[str, Any] = field(default_factory=dict)
    source_line: int | None = None

    @cached_property
    def lines(self) -> list[str]:
        return self.text.split("\n")  # an empty text has one empty line: line 1 always exists

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

    @property
    def source(self) -> str:
        """Where the document comes from: its ``source`` field, else its URL's host, else its folder."""
        source = self.meta.get("source")
        if isinstance(source, str) and source.strip():
            return source.strip()
        url = self.meta.get("url")
        if isinstance(url, str) and "//" in url:
            host = urlsplit(url.strip()).hostname or ""
            if host:
                return host.removeprefix("www.")
        return os.path.dirname(self.path) or "."

    def line(self, number: int) -> str:
        return self.lines[number - 1]


@dataclass(frozen=True)
class LoadError:
    """A problem reading one file or one record; the rest is still read.

    ``line`` is the line in the file (JSONL, or a text file's bad byte);
    ``record`` the 1-based record number (JSONL, Parquet).
    """

    path: str
    message: str
    line: int | None = None
    record: int | None = None
    fatal: bool = False  # nothing of the file (or path) could be read

    def as_dict(self) -> dict[str, Any]:
        return {"line": self.line, "record": self.record, "message": self.message}


TITLE_CHARS = 150  # a first line longer than this is a paragraph, not a title
TITLE_WORDS = 25
DATELINE_WORDS = 8  # a line opening with a dateline is a paragraph when a sentence (this many words) follows
# A sentence's end: a full stop (not an ellipsis), maybe inside quotes or brackets.
_SENTENCE_END = regex.compile(r"(?<!\.\.)[.。．](?:[\"'”’»)\]]*+)$")
# A dateline opening the line: an upper-case place or an outlet's domain, maybe with a comma part and
# an agency in brackets, then a dash (``SEOUL - ``, ``JAKARTA, KOMPAS.com - ``, ``WASHINGTON (AP) — ``,
# ``TEMPO.CO, Jakarta - ``), or an agency alone in brackets (``(Reuters) - ``, ``[서울=뉴시스]``).
_DATELINE_OPENING = regex.compile(
    r"(?:[^\p{Ll}\n()]{2,40}?|[\p{L}\p{N}-]{1,30}+\.(?i:com?|co\.id|id|net|org)\b[^\n]{0,30}?|(?=\())"
    r"(?:,[^\n,]{1,40}?)?(?:\s*\([^()\n]{1,40}\))?\s*(?:-{1,3}|–|—)(?:\s|$)"
    r"|[(\[【][^()\[\]【】\n=]{1,20}[=＝][^()\[\]【】\n]{1,30}[)\]】]"
)


def looks_like_title(line: str) -> bool:
    """Whether a text's first line reads as its title: short, not ending a sentence, no dateline.

    ``Banjir Rendam Jakarta, Ribuan Warga Mengungsi`` is a title; ``JAKARTA - Banjir merendam ...``
    (a dateline and a sentence) and ``The council approved the budget on Monday.`` (a sentence) open the body.
    """
    line = line.strip()
    return (
        bool(line)
        and len(line) <= TITLE_CHARS
        and len(line.split()) <= TITLE_WORDS
        and _SENTENCE_END.search(line) is None
        and line[-1] not in ",-–—"  # "கோலாலம்பூர், அக் -29," / "JAKARTA -": a line broken after a dateline
        and not _opens_with_dateline(line)
    )


def _opens_with_dateline(line: str) -> bool:
    """A dateline with an agency or an outlet (``LUANDA, May 20 (Reuters) –``), or any dateline
    before a sentence of :data:`DATELINE_WORDS` words; ``PSG - Real Madrid 2-1`` is a title."""
    found = _DATELINE_OPENING.match(line)
    return found is not None and (
        "(" in found.group() or "." in found.group() or len(line.split()) >= DATELINE_WORDS
    )


def from_text(
    text: str,
    path: str = "<text>",
    *,
    record: int = 1,
    doc_id: str | None = None,
    title: str | None = None,
    meta: dict[str, Any] | None = None,
    source_line: int | None = None,
) -> Document:
    """Build a Document from raw text.

    Without an explicit ``title`` the first non-empty line is the title and the
    body is everything after it, as in a scraped ``.txt`` file, but only when that
    line looks like a title (:func:`looks_like_title`: at most 150 characters and 25
    words, not ending with a full stop, a comma or a dash, not opening with a dateline);
    otherwise the
    document has no title and the whole text is its body.
    """
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    if text.startswith("\ufeff"):
        text = text[1:]
    title_line = 0
    if title is None:
        start, number = 0, 1
        while start <= len(text):  # scan line by line: no split of a large text just for its title
            end = text.find("\n", start)
            end = len(text) if end < 0 else end
            if text[start:end].strip():
                if looks_like_title(text[start:end]):
                    title, title_line = text[start:end].strip(), number
                break
            start, number = end + 1, number + 1
    return Document(
        doc_id=doc_id or path,
        path=path,
        text=text,
        record=record,
        title=title,
        title_line=title_line,
        meta=meta or {},
        source_line=source_line,
    )
