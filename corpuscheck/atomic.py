"""Atomic output files: write to a temporary file beside the target, fsync, then os.replace.

A Ctrl-C, a kill or a full disk in the middle leaves the previous version (or none), never a
truncated file; two runs writing the same path each replace it whole, so they never interleave.
Every writer of an output (reports, baselines, the cache) goes through write_text/write_bytes.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path


def write_bytes(path: str | os.PathLike, data: bytes) -> Path:
    target = Path(path)
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(tmp, 0o644)  # mkstemp makes 0600: outputs are meant to be read by others too
        os.replace(tmp, target)
    except BaseException:  # KeyboardInterrupt too: never leave the temporary behind
        try:
            os.unlink(tmp)
        except FileNotFoundError:
            pass
        raise
    return target


def write_text(path: str | os.PathLike, text: str, encoding: str = "utf-8") -> Path:
    return write_bytes(path, text.encode(encoding))
