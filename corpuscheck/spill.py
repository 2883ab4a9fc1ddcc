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

SPILL_FINDINGS = int(os.environ.get("CORPUSCHECK_SPILL_FINDINGS", 20_000))  # findings held in memory before they go to disk (~1 KB each)


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


class PairCounter:
    """Exact counts of ``(group, 64-bit key)`` pairs (B102's line hashes per source) in bounded memory.

    Pairs are copied into a fixed buffer of ``bound`` pairs (12 bytes each); when it fills,
    they are written, by the key's top bits, to :data:`PARTITIONS` files in a temporary
    folder, and the counting then goes one partition at a time: a partition holds about
    1/64 of the pairs. A run that never fills the buffer touches no disk. Keys come out
    in ascending order within each group, as one ``numpy.unique`` over them all would give.
    """

    PARTITIONS = 64
    _PAIR = None  # numpy dtype of a pair on disk: group uint32, key uint64, packed

    def __init__(self, bound: int = 1_000_000, folder: str | None = None):
        import numpy as np  # only here: the catalogue loads without it

        self._np = np
        self.bound = max(1, bound)
        self._groups = np.empty(self.bound, dtype=np.uint32)
        self._keys = np.empty(self.bound, dtype=np.uint64)
        self._held = 0
        self._where = folder
        self._folder: str | None = None
        self.pairs = 0

    def add(self, group: int, keys) -> None:
        """Count ``keys`` (a buffer of uint64: an ``array('Q')`` or a numpy array) under ``group``."""
        np = self._np
        keys = np.frombuffer(keys, dtype=np.uint64) if not isinstance(keys, np.ndarray) else keys
        while len(keys):
            room = self.bound - self._held
            if room == 0:
                self._flush()
                room = self.bound
            taken = keys[:room]
            end = self._held + len(taken)
            self._keys[self._held:end] = taken
            self._groups[self._held:end] = group
            self._held = end
            self.pairs += len(taken)
            keys = keys[room:]

    def add_one(self, group: int, key: int) -> None:
        """Count one ``key`` (an int below 2**64) under ``group``."""
        if self._held == self.bound:
            self._flush()
        self._keys[self._held] = key
        self._groups[self._held] = group
        self._held += 1
        self.pairs += 1

    def at_least(self, least: int) -> set[int]:
        """The pairs counted ``least`` times or more, each as ``group << 64 | key``."""
        found: set[int] = set()
        for groups, keys, counts in self.counts():
            keep = counts >= least
            found.update(g << 64 | k for g, k in zip(groups[keep].tolist(), keys[keep].tolist(), strict=True))
        return found

    def _flush(self) -> None:
        np = self._np
        if self._folder is None:
            self._folder = tempfile.mkdtemp(prefix="corpuscheck-counts-", dir=self._where)
        keys, groups = self._keys[: self._held], self._groups[: self._held]
        part = (keys >> np.uint64(58)).astype(np.uint8)  # 64 partitions by the top 6 bits
        order = np.argsort(part, kind="stable")
        bounds = np.searchsorted(part[order], np.arange(self.PARTITIONS + 1))
        records = np.empty(self._held, dtype=[("group", "<u4"), ("key", "<u8")])
        records["group"], records["key"] = groups[order], keys[order]
        for number in range(self.PARTITIONS):
            start, stop = bounds[number], bounds[number + 1]
            if stop > start:
                with open(os.path.join(self._folder, f"{number:02d}.bin"), "ab") as handle:
                    records[start:stop].tofile(handle)
        self._held = 0

    def _counted(self, groups, keys):
        """(groups, keys, counts) of the distinct pairs, sorted by group then key."""
        np = self._np
        order = np.lexsort((keys, groups))
        groups, keys = groups[order], keys[order]
        if not len(keys):
            return groups, keys, np.zeros(0, dtype=np.int64)
        change = np.flatnonzero((groups[1:] != groups[:-1]) | (keys[1:] != keys[:-1])) + 1
        starts = np.concatenate(([0], change))
        counts = np.diff(np.concatenate((starts, [len(keys)])))
        return groups[starts], keys[starts], counts

    def counts(self) -> Iterator[tuple]:
        """``(groups, keys, counts)`` numpy arrays, one partition at a time (each pair once, in
        every partition sorted by group then key; partitions in ascending key order)."""
        if self._folder is None:
            yield self._counted(self._groups[: self._held], self._keys[: self._held])
            return
        if self._held:
            self._flush()
        for number in range(self.PARTITIONS):
            path = os.path.join(self._folder, f"{number:02d}.bin")
            if os.path.exists(path):
                records = self._np.fromfile(path, dtype=[("group", "<u4"), ("key", "<u8")])
                yield self._counted(records["group"].copy(), records["key"].copy())

    def close(self) -> None:
        if self._folder is not None:
            shutil.rmtree(self._folder, ignore_errors=True)
            self._folder = None
        self._groups = self._keys = None
