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
    return shared(values)


def shared(values: Sequence[Any]) -> list:
    """``values`` as a list with equal strings as one object: a source repeated on every row
    then costs 8 bytes a row, not a string of ~80 bytes (each came from its own worker result).
    A column of mostly distinct strings (doc ids) is left as it is after its first 1,000 values."""
    seen: dict[str, str] = {}
    out = []
    for position, value in enumerate(values):
        if position == 1_000 and len(seen) > 500:
            out.extend(values[position:])
            return out
        if type(value) is str:
            value = seen.setdefault(value, value)
        out.append(value)
    return out


def _as_list(column) -> list:
    return column.tolist() if isinstance(column, np.ndarray) else column


class DerivedIds:
    """The ``doc_id`` column where it follows from ``path`` and ``record``: a kind per row
    (1: ``path#record``, a record of a multi-document file; 2: ``path``, a one-document
    file; 0: another id, kept in ``explicit``). One byte a document instead of a string."""

    __slots__ = ("kinds", "explicit")

    def __init__(self, kinds: np.ndarray, explicit: dict[int, str]):
        self.kinds, self.explicit = kinds, explicit

    def __len__(self) -> int:
        return len(self.kinds)

    @classmethod
    def of(cls, ids: Sequence[Any], paths: Sequence[Any], records: Sequence[Any]) -> DerivedIds | None:
        kinds = np.zeros(len(ids), dtype=np.uint8)
        explicit: dict[int, str] = {}
        for position, (doc_id, path, record) in enumerate(zip(ids, paths, records, strict=True)):
            if doc_id == path:
                kinds[position] = 2
            elif type(doc_id) is str and type(path) is str and doc_id == f"{path}#{record}":
                kinds[position] = 1
            else:
                explicit[position] = doc_id
        return None if len(explicit) > len(ids) // 2 else cls(kinds, explicit)

    def values(self, paths: list, records: list) -> list:
        kinds, explicit = self.kinds.tolist(), self.explicit
        return [
            explicit.get(i) if kind == 0 else path if kind == 2 else f"{path}#{record}"
            for i, (kind, path, record) in enumerate(zip(kinds, paths, records, strict=True))
        ]


class Table:
    """Column name -> numpy array or list, every column as long as the table."""

    def __init__(self, columns: Mapping[str, Any] | None = None, length: int | None = None):
        self.columns: dict[str, Any] = dict(columns or {})
        if length is None:
            length = len(next(iter(self.columns.values()))) if self.columns else 0
        self.length = length

    @classmethod
    def from_columns(cls, columns: Mapping[str, Sequence[Any]]) -> Table:
        compacted = {name: compact(values) for name, values in columns.items()}
        if {"doc_id", "path", "record"} <= compacted.keys() and not isinstance(compacted["doc_id"], np.ndarray):
            derived = DerivedIds.of(columns["doc_id"], columns["path"], columns["record"])
            if derived is not None:
                compacted["doc_id"] = derived
        return cls(compacted)

    def _values(self, name: str) -> list:
        column = self.columns[name]
        if isinstance(column, DerivedIds):
            return column.values(self.column("path"), self.column("record"))
        return _as_list(column)

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
            elif all(isinstance(p, DerivedIds) for p in parts):
                explicit: dict[int, str] = {}
                offset = 0
                for part, table in zip(parts, tables, strict=True):
                    explicit.update({offset + i: v for i, v in part.explicit.items()})
                    offset += table.length
                columns[name] = DerivedIds(np.concatenate([p.kinds for p in parts]), explicit)
            else:
                joined: list = []
                for part, table in zip(parts, tables, strict=True):
                    joined.extend([None] * table.length if part is None else table._values(name))
                columns[name] = shared(joined)
        return cls(columns, sum(t.length for t in tables))

    def __len__(self) -> int:
        return self.length

    def column(self, name: str) -> list:
        """The column as Python values (None everywhere when the table has no such column)."""
        found = self.columns.get(name)
        return [None] * self.length if found is None else self._values(name)

    def value(self, name: str, position: int) -> Any:
        """One value of a column, as a Python value (None when the table has no such column)."""
        column = self.columns.get(name)
        if column is None:
            return None
        if isinstance(column, np.ndarray):
            return column[position].item()
        if isinstance(column, DerivedIds):
            kind = column.kinds[position]
            if kind == 0:
                return column.explicit.get(position)
            path = self.value("path", position)
            return path if kind == 2 else f"{path}#{self.value('record', position)}"
        return column[position]

    def rows(self) -> Iterator[dict[str, Any]]:
        names = list(self.columns)
        values = [self._values(n) for n in names]
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

        if not self.columns:
            return pd.DataFrame()
        return pd.DataFrame({n: self._values(n) if isinstance(c, DerivedIds) else c for n, c in self.columns.items()},
                            copy=False)

    def nbytes(self) -> int:
        """Bytes of the columns themselves (numpy data, or 8 per list entry), not the objects lists point to."""
        return sum(
            c.nbytes if isinstance(c, np.ndarray) else c.kinds.nbytes + 8 * len(c.explicit)
            if isinstance(c, DerivedIds) else 8 * len(c)
            for c in self.columns.values()
        )

    def digest(self) -> str:
        """A hash of the values (not of their types: a count is the same in any width)."""
        digest = hashlib.sha256(str(self.length).encode())
        for name, column in self.columns.items():
            digest.update(b"\0" + name.encode("utf-8", "surrogatepass") + b"\0")
            if isinstance(column, np.ndarray):
                digest.update(column.astype(np.uint64).tobytes())
            else:  # in slices: no string of the whole column
                column = self._values(name)
                for start in range(0, len(column), 10_000):
                    digest.update(repr(column[start : start + 10_000]).encode("utf-8", "surrogatepass"))
        return digest.hexdigest()
