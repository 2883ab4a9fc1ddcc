"""Findings kept on disk once there are too many to hold: a list-like that streams them back.

The local engine folds every file's findings into a :class:`FindingList`. While the
run holds fewer than a bound (:data:`SPILL_FINDINGS`), they stay in memory; beyond
it, every list's findings so far are written as one segment (a pickle of the
Finding tuples, in an append-only file under a temporary folder) and dropped from
memory. Iterating a list reads its segments back one at a time, then its in-memory
tail: a reporter walking the report file by file holds one file's findings at once.

Pickle, not Arrow: a Finding carries nested optional values (``related``, fix edits
of several spans), and a segment is only ever read back whole by this process.
"""

from __future__ import annotations

import os
import pickle
import shutil
import tempfile
import weakref
from collections.abc import Iterable, Iterator

SPILL_FINDINGS = int(os.environ.get("CORPUSCHECK_SPILL_FINDINGS", 100_000))  # findings held in memory before they go to disk


class SpillStore:
    """An append-only file of pickled segments in its own temporary folder (removed with the store)."""

    def __init__(self, folder: str | None = None):
        self.folder = tempfile.mkdtemp(prefix="corpuscheck-spill-", dir=folder)
        self.path = os.path.join(self.folder, "findings.bin")
        self._handle = open(self.path, "w+b")
        self.segments = 0
        self.bytes = 0
        self._finalizer = weakref.finalize(self, _remove, self._handle, self.folder)

    def write(self, items: list) -> tuple[int, int]:
        data = pickle.dumps(items, protocol=pickle.HIGHEST_PROTOCOL)
        self._handle.seek(0, os.SEEK_END)
        offset = self._handle.tell()
        self._handle.write(data)
        self.segments += 1
        self.bytes += len(data)
        return offset, len(data)

    def read(self, offset: int, length: int) -> list:
        self._handle.flush()
        return pickle.loads(os.pread(self._handle.fileno(), length, offset))

    def close(self) -> None:
        self._finalizer()


def _remove(handle, folder: str) -> None:
    try:
        handle.close()
    finally:
        shutil.rmtree(folder, ignore_errors=True)


class FindingList:
    """A list of findings whose older part may live in a :class:`SpillStore`.

    Supports what the engine, the check and the reporters do with a file's findings:
    iterate (as often as wanted), ``len``, truth, ``append``/``extend``, indexing and
    equality with a list. Pickles as a plain list (the cache stores it whole).
    """

    __slots__ = ("_store", "_segments", "_spilled", "_tail")

    def __init__(self, items: Iterable = (), store: SpillStore | None = None):
        self._store = store
        self._segments: list[tuple[int, int]] = []
        self._spilled = 0
        self._tail = list(items)

    # -- in memory / on disk ------------------------------------------------------------
    @property
    def in_memory(self) -> int:
        return len(self._tail)

    @property
    def spilled(self) -> int:
        return self._spilled

    def spill(self) -> int:
        """Write the in-memory findings to the store; returns how many left memory."""
        if self._store is None or not self._tail:
            return 0
        moved = len(self._tail)
        self._segments.append(self._store.write(self._tail))
        self._spilled += moved
        self._tail = []
        return moved

    # -- the list interface ---------------------------------------------------------------
    def __iter__(self) -> Iterator:
        for offset, length in self._segments:
            yield from self._store.read(offset, length)
        yield from self._tail

    def __len__(self) -> int:
        return self._spilled + len(self._tail)

    def __bool__(self) -> bool:
        return bool(self._spilled or self._tail)

    def append(self, item) -> None:
        self._tail.append(item)

    def extend(self, items: Iterable) -> None:
        self._tail.extend(items)

    def __getitem__(self, index):
        return list(self)[index]

    def __eq__(self, other) -> bool:
        if isinstance(other, FindingList | list | tuple):
            return list(self) == list(other)
        return NotImplemented

    def __repr__(self) -> str:
        return f"FindingList({len(self)} findings, {self._spilled} on disk)"

    def __reduce__(self):
        return list, (list(self),)
