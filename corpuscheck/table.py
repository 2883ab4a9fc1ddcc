"""The feature table, columnar: one small row per document, as numpy columns where it can be.

Workers build one :class:`Table` per work unit and send it back; the main process
concatenates them. A column whose values are all non-negative ints (the rules'
counts, ``record``, ``n_lines``, ``n_chars``) is a numpy array of the smallest
unsigned type that holds it (1-4 bytes a document); any other column (``doc_id``,
``path``, ``source``, measures with gaps, meta columns) is a Python list (8 bytes a
document for the pointer, plus the object unless it is shared: one path string per
file).
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Iterator, Mapping, Sequence
from typing import Any

import numpy as np

_UINTS = (np.uint8, np.uint16, np.uint32, np.uint64)


def compact(values: Sequence[Any]):
    """``values`` as a numpy array of the smallest unsigned int type, when they are all
    non-negative ints (not bools), else as a list."""
    if values and all(type(v) is int for v in values):
        low, top = min(values), max(values)
        if low >= 0 and top < 2**64:
            for kind in _UINTS:
                if top <= np.iinfo(kind).max:
                    return np.fromiter(values, dtype=kind, count=len(values))
    return list(values)


def _as_list(column) -> list:
    return column.tolist() if isinstance(column, np.ndarray) else column


class Table:
    """Column name -> numpy array or list, every column as long as the table."""

    def __init__(self, columns: Mapping[str, Any] | None = None, length: int | None = None):
        self.columns: dict[str, Any] = dict(columns or {})
        if length is None:
            length = len(next(iter(self.columns.values()))) if self.columns else 0
        self.length = length

    @classmethod
    def from_columns(cls, columns: Mapping[str, Sequence[Any]]) -> Table:
        return cls({name: compact(values) for name, values in columns.items()})

    @classmethod
    def from_rows(cls, rows: Iterable[Mapping[str, Any]]) -> Table:
        rows = list(rows)
        names: dict[str, None] = {}
        for row in rows:
            names.update(dict.fromkeys(row))
        return cls.from_columns({n: [row.get(n) for row in rows] for n in names}) if rows else cls()

    @classmethod
    def concat(cls, tables: Iterable[Table]) -> Table:
        """The tables one after the other; a column missing from one is None there."""
        tables = [t for t in tables if t.length]
        if not tables:
            return cls()
        if len(tables) == 1:
            return tables[0]
        names: dict[str, None] = {}
        for table in tables:
            names.update(dict.fromkeys(table.columns))
        columns = {}
        for name in names:
            parts = [t.columns.get(name) for t in tables]
            if all(isinstance(p, np.ndarray) for p in parts):
                columns[name] = np.concatenate(parts)
            else:
                joined: list = []
                for part, table in zip(parts, tables, strict=True):
                    joined.extend([None] * table.length if part is None else _as_list(part))
                columns[name] = joined
        return cls(columns, sum(t.length for t in tables))

    def __len__(self) -> int:
        return self.length

    def column(self, name: str) -> list:
        """The column as Python values (None everywhere when the table has no such column)."""
        found = self.columns.get(name)
        return [None] * self.length if found is None else _as_list(found)

    def rows(self) -> Iterator[dict[str, Any]]:
        names = list(self.columns)
        values = [_as_list(self.columns[n]) for n in names]
        for row in zip(*values, strict=True):
            yield dict(zip(names, row, strict=True))

    def add(self, name: str, position: int, amount: int = 1) -> None:
        """Add ``amount`` to one count (widening the column's type when it would overflow)."""
        column = self.columns[name]
        if isinstance(column, np.ndarray):
            value = int(column[position]) + amount
            if value > np.iinfo(column.dtype).max:
                column = self.columns[name] = column.astype(np.uint64 if value >= 2**32 else np.uint32)
            column[position] = value
        else:
            column[position] = (column[position] or 0) + amount

    def zero(self, name: str, positions: Sequence[int]) -> None:
        column = self.columns.get(name)
        if column is None:
            return
        for position in positions:
            column[position] = 0

    def frame(self):
        import pandas as pd

        return pd.DataFrame(self.columns, copy=False) if self.columns else pd.DataFrame()

    def nbytes(self) -> int:
        """Bytes of the columns themselves (numpy data, or 8 per list entry), not the objects lists point to."""
        return sum(c.nbytes if isinstance(c, np.ndarray) else 8 * len(c) for c in self.columns.values())

    def digest(self) -> str:
        """A hash of the values (not of their types: a count is the same in any width)."""
        digest = hashlib.sha256(str(self.length).encode())
        for name, column in self.columns.items():
            digest.update(b"\0" + name.encode("utf-8", "surrogatepass") + b"\0")
            if isinstance(column, np.ndarray):
                digest.update(column.astype(np.uint64).tobytes())
            else:  # in slices: no string of the whole column
                for start in range(0, len(column), 10_000):
                    digest.update(repr(column[start : start + 10_000]).encode("utf-8", "surrogatepass"))
        return digest.hexdigest()
