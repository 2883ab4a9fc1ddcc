"""Edits: the rules' Changes on one document, composed into non-overlapping character spans.

Offsets count characters of the document's raw text (as read: a JSONL field, a decoded
``.txt`` file), so that ``revert(apply(raw, edits), edits) == raw`` exactly.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import asdict, dataclass
from typing import Any

from corpuscheck.input.document import Document
from corpuscheck.rules.base import Change, Hit, Rule


@dataclass(frozen=True)
class Edit:
    code: str
    safety: str
    start: int  # offsets in the raw text
    end: int
    original: str
    replacement: str
    line: int  # where the span starts and ends, as the findings count lines and columns
    column: int
    end_line: int
    end_column: int

    def as_dict(self) -> dict:
        return asdict(self)


def _raw_offsets(raw: str, text: str):
    """doc-text offset -> raw offset (the loader folds CR LF / CR into LF and drops a leading BOM)."""
    if raw == text:
        return lambda i: i
    table, r = [], 0
    if raw.startswith("\ufeff") and not text.startswith("\ufeff"):
        r = 1
    for char in text:
        table.append(r)
        if char == "\n" and raw[r] == "\r":
            r += 2 if raw[r + 1 : r + 2] == "\n" else 1
        else:
            r += 1
    table.append(len(raw))
    return table.__getitem__


def hit_changes(rule: Rule, doc: Document, hit: Hit, options: Mapping[str, Any]) -> list[tuple[str, str, Change]]:
    """The ``(code, safety, change)`` triples of one finding's fix (none for a drop-document fix)."""
    fix = rule.autofix
    if fix is None or fix.kind == "drop-document":
        return []
    return [(rule.code, fix.safety, c) for c in fix.changes(doc, hit, options)]


def hit_edits(rule: Rule, doc: Document, hit: Hit, options: Mapping[str, Any], starts: list[int] | None = None) -> list[Edit]:
    """One finding's edits alone, in offsets of the document's text (the raw text when it has
    no CR line ends nor BOM). ``starts``: :func:`line_starts` of ``doc``, computed once per document."""
    changes = hit_changes(rule, doc, hit, options)
    return compose(doc, doc.text, changes, starts) if changes else []


def line_starts(doc: Document) -> list[int]:
    """Offset of each line's start in ``doc.text``, and ``len(text) + 1`` last."""
    starts = [0]
    for line in doc.lines:
        starts.append(starts[-1] + len(line) + 1)
    return starts


def compose(doc: Document, raw: str, changes: list[tuple[str, str, Change]], starts: list[int] | None = None) -> list[Edit]:
    """One consistent, non-overlapping set of edits from ``(code, safety, change)`` triples.

    A line deleted by two rules goes once, credited to the larger span (a duplicated run that
    holds a placeholder line); span edits on deleted lines are dropped; of two overlapping
    span edits the first stays. Deleting lines keeps the paragraph breaks around them: a blank
    separator after the lines goes with them when a blank line precedes them, and lines deleted
    at the end take the line break (and blank lines) before them.
    """
    lines = doc.lines
    n = len(lines)
    starts = starts or line_starts(doc)  # starts[n] = len(text) + 1
    owner: dict[int, tuple[str, str]] = {}
    line_changes = sorted(
        (c for c in changes if c[2].start is None), key=lambda c: -((c[2].end_line or c[2].line) - c[2].line)
    )
    for code, safety, change in line_changes:
        for number in range(change.line, (change.end_line or change.line) + 1):
            if 1 <= number <= n:
                owner.setdefault(number, (code, safety))
    spans: list[tuple[int, int, str, str, str]] = []  # (start, end, replacement, code, safety) in text offsets
    owned = sorted(owner)
    k = 0
    while k < len(owned):  # each run of consecutive owned lines (time in the changes, not the lines)
        first = last = owned[k]
        while k + 1 < len(owned) and owned[k + 1] == last + 1:
            k += 1
            last = owned[k]
        k += 1
        pieces = []  # (start, end, code, safety) per owner, in line order
        for line_no in range(first, last + 1):
            code, safety = owner[line_no]
            if pieces and pieces[-1][2] == code and pieces[-1][1] == starts[line_no - 1]:
                pieces[-1] = (pieces[-1][0], starts[line_no], code, safety)
            else:
                pieces.append((starts[line_no - 1], starts[line_no], code, safety))
        if last == n:  # at the end: take the break and blank lines before, never leave a break behind
            before = first - 1
            while before >= 1 and not lines[before - 1].strip() and before not in owner:
                before -= 1
            head = starts[before] - 1 if before >= 1 else 0
            pieces[0] = (head, *pieces[0][1:])
            pieces[-1] = (pieces[-1][0], starts[n] - 1, *pieces[-1][2:])
        elif first > 1 and not lines[first - 2].strip() and not lines[last].strip() and last + 1 not in owner:
            pieces[-1] = (pieces[-1][0], min(starts[last + 1], len(doc.text)), *pieces[-1][2:])  # the blank separator after
        spans += [(s, e, "", code, safety) for s, e, code, safety in pieces if e > s]
    for code, safety, change in changes:
        if change.start is None or change.line in owner or not 1 <= change.line <= n:
            continue
        base = starts[change.line - 1]
        end = min(change.end if change.end is not None else change.start, len(lines[change.line - 1]))
        spans.append((base + change.start, base + end, change.replacement, code, safety))
    spans.sort(key=lambda s: (s[0], s[1]))
    kept: list[tuple[int, int, str, str, str]] = []
    for span in spans:
        if kept and span[0] < kept[-1][1]:
            continue
        if span[0] == span[1] and not span[2]:
            continue
        kept.append(span)
    to_raw = _raw_offsets(raw, doc.text)

    def where(offset: int) -> tuple[int, int]:
        from bisect import bisect_right

        line = bisect_right(starts, offset)
        return line, offset - starts[line - 1] + 1

    edits = []
    for start, end, replacement, code, safety in kept:
        rs, re_ = to_raw(start), to_raw(end)
        (line, column), (end_line, end_column) = where(start), where(end)
        edits.append(Edit(code, safety, rs, re_, raw[rs:re_], replacement, line, column, end_line, end_column))
    return edits


def apply(raw: str, edits: list[Edit]) -> str:
    out, position = [], 0
    for edit in sorted(edits, key=lambda e: e.start):
        out.append(raw[position : edit.start])
        out.append(edit.replacement)
        position = edit.end
    out.append(raw[position:])
    return "".join(out)


def revert(cleaned: str, edits: list[dict] | list[Edit]) -> str:
    """The raw text back from the cleaned text and its edits (dicts as in edits.jsonl, or Edits)."""
    items = sorted((e if isinstance(e, dict) else e.as_dict() for e in edits), key=lambda e: e["start"])
    out, position, shift = [], 0, 0  # shift: cleaned offset - raw offset so far
    for edit in items:
        at = edit["start"] + shift
        out.append(cleaned[position:at])
        out.append(edit["original"])
        position = at + len(edit["replacement"])
        shift += len(edit["replacement"]) - (edit["end"] - edit["start"])
    out.append(cleaned[position:])
    return "".join(out)


def _inside(a: tuple[int, int], b: tuple[int, int]) -> bool:
    """Whether two spans share characters (a zero-width span counts strictly inside the other)."""
    return a[0] < b[1] and b[0] < a[1] if a[0] != a[1] and b[0] != b[1] else b[0] < a[0] < b[1] or a[0] < b[0] < a[1]


def chain(raw: str, first: list[Edit], second: list[Edit], where) -> list[Edit]:
    """Edits on ``raw`` equal to applying ``first`` then ``second`` (whose offsets are in the text
    ``first`` gave). Spans of the two passes that overlap become one edit, credited to ``second``.
    ``where(raw offset)`` -> (line, column) for the merged spans."""
    placed = []  # (start in pass-1 text, end in pass-1 text, edit)
    shift = 0
    for edit in sorted(first, key=lambda e: e.start):
        placed.append((edit.start + shift, edit.start + shift + len(edit.replacement), edit))
        shift += len(edit.replacement) - (edit.end - edit.start)
    groups: list[tuple[list, list]] = [([p], []) for p in placed]
    for edit in sorted(second, key=lambda e: e.start):
        span = (edit.start, edit.end)
        touching = [g for g in groups if any(_inside(span, p[:2]) for p in g[0])]
        group = (sum((g[0] for g in touching), []), sum((g[1] for g in touching), []) + [edit])
        groups = [g for g in groups if g not in touching] + [group]

    def to_raw(offset: int, side: str) -> int:
        """A pass-1 offset in the raw text; a span's end that meets a pass-1 span stays before it."""
        moved = 0
        for start, end, edit in placed:
            if offset < start or (offset == start and side == "end"):
                return offset + moved if offset < start else edit.start
            if offset < end:
                return edit.start if side == "start" else edit.end
            moved = edit.end - end
        return offset + moved

    result = []
    for firsts, seconds in groups:
        if not seconds:
            result.append(firsts[0][2])
            continue
        lo = min([p[0] for p in firsts] + [e.start for e in seconds])
        hi = max([p[1] for p in firsts] + [e.end for e in seconds])
        start, end = to_raw(lo, "start"), to_raw(hi, "end")
        if firsts:
            start = min([start] + [p[2].start for p in firsts])
            end = max([end] + [p[2].end for p in firsts])
        text1 = apply(raw[start:end], [_moved(p[2], -start) for p in firsts])
        base = _offset1(start, placed)
        replacement = apply(text1, [_moved(e, -base) for e in seconds])
        last = seconds[-1]
        (line, column), (end_line, end_column) = where(start), where(end)
        result.append(Edit(last.code, last.safety, start, end, raw[start:end], replacement,
                           line, column, end_line, end_column))
    return sorted(result, key=lambda e: e.start)


def _moved(edit: Edit, by: int) -> Edit:
    return Edit(**{**edit.as_dict(), "start": edit.start + by, "end": edit.end + by})


def raw_where(raw: str):
    def where(offset: int) -> tuple[int, int]:
        return raw.count("\n", 0, offset) + 1, offset - (raw.rfind("\n", 0, offset) + 1) + 1

    return where


def _offset1(raw_offset: int, placed) -> int:
    """Where raw offset ``raw_offset`` (not inside a pass-1 span) is in the pass-1 text."""
    shift = 0
    for _, _, edit in placed:
        if edit.end <= raw_offset:
            shift += len(edit.replacement) - (edit.end - edit.start)
    return raw_offset + shift
