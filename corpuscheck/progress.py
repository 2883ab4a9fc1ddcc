"""The terminal progress bar: documents counted cheaply first, so it has a total and an ETA."""

from __future__ import annotations

import os
import sys

from corpuscheck.input.loader import JSONL_SUFFIXES, PARQUET_SUFFIXES, discover

COUNT_LIMIT = 2 * 1024**3  # plain bytes scanned for newlines at most; beyond that the bar has no total


def count_documents(paths: list[str]) -> int | None:
    """Documents under ``paths`` (one per .txt/.html file, lines of plain JSONL, Parquet row counts),
    or None when a compressed JSONL file or a very large corpus makes counting as dear as reading."""
    total, scanned = 0, 0
    for found in discover(paths):
        if not isinstance(found, str):
            continue
        name = found.lower()
        if name.endswith(JSONL_SUFFIXES):
            if name.endswith(".gz"):
                return None
            scanned += os.path.getsize(found)
            if scanned > COUNT_LIMIT:
                return None
            with open(found, "rb") as handle:
                total += sum(block.count(b"\n") for block in iter(lambda: handle.read(1 << 20), b""))
        elif name.endswith(PARQUET_SUFFIXES):
            import pyarrow.parquet as pq

            try:
                total += pq.ParquetFile(found).metadata.num_rows
            except Exception:  # the loader reports it
                continue
        else:
            total += 1
    return total


def progress_bar(paths: list[str], enabled: bool, label: str = "checking"):
    """``(bar, advance)`` for a rich bar on stderr, or ``(None, None)`` when off or without a terminal."""
    if not enabled or not sys.stderr.isatty():
        return None, None
    from rich.console import Console
    from rich.progress import (
        BarColumn,
        MofNCompleteColumn,
        Progress,
        TextColumn,
        TimeElapsedColumn,
        TimeRemainingColumn,
    )

    total = count_documents(paths)
    bar = Progress(TextColumn(label), BarColumn(), MofNCompleteColumn(), TextColumn("documents"),
                   TimeElapsedColumn(), TextColumn("ETA"), TimeRemainingColumn(),
                   transient=True, console=Console(stderr=True))
    task = bar.add_task("check", total=total)
    return bar, lambda done: bar.advance(task, done)
