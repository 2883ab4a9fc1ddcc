"""Atomic output files: write to a temporary file beside the target, fsync, then os.replace.

A Ctrl-C, a kill or a full disk in the middle leaves the previous version (or none), never a
truncated file; two runs writing the same path each replace it whole, so they never interleave.
Every writer of an output (reports, baselines, the cache) goes through write_text/write_bytes
(or replacing(), for a file written as a stream);
a folder written as a whole (the HTML report with its GX Data Docs) goes through folder().
"""

from __future__ import annotations

import contextlib
import errno
import os
import tempfile
from collections.abc import Callable, Iterator
from typing import IO
from pathlib import Path


@contextlib.contextmanager
def replacing(path: str | os.PathLike, mode: str = "wb", **options) -> Iterator[IO]:
    """A temporary file beside ``path``, opened with ``mode`` and ``options``, that replaces ``path``
    whole when the block ends (flushed and fsynced first); an exception in the block or in closing
    removes it and leaves ``path`` as it was. Opening it can fail (OSError) before the block runs."""
    target = Path(path)
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    try:
        with os.fdopen(fd, mode, **options) as handle:
            yield handle
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


def write_bytes(path: str | os.PathLike, data: bytes) -> Path:
    with replacing(path) as handle:
        handle.write(data)
    return Path(path)


def write_text(path: str | os.PathLike, text: str, encoding: str = "utf-8") -> Path:
    return write_bytes(path, text.encode(encoding))


# --- a folder as a whole ------------------------------------------------------------------------

_AT_FDCWD = -100
_RENAME_EXCHANGE = 2


def _exchange(a: Path, b: Path) -> bool:
    """Swap two paths in one step (Linux renameat2 RENAME_EXCHANGE); False where that is not available."""
    import ctypes

    try:
        libc = ctypes.CDLL(None, use_errno=True)
        renameat2 = libc.renameat2
    except (OSError, AttributeError):
        return False
    renameat2.argtypes = [ctypes.c_int, ctypes.c_char_p, ctypes.c_int, ctypes.c_char_p, ctypes.c_uint]
    if renameat2(_AT_FDCWD, os.fsencode(a), _AT_FDCWD, os.fsencode(b), _RENAME_EXCHANGE) == 0:
        return True
    code = ctypes.get_errno()
    if code in (errno.EINVAL, errno.ENOSYS, errno.ENOTSUP):  # a file system or kernel without it
        return False
    raise OSError(code, os.strerror(code), str(b))


def _carry_over(old: Path, new: Path, skip: Callable[[Path], bool] | None = None) -> None:
    """Entries of the previous folder that this run did not write (a junit.xml beside the report,
    a .gitkeep) are kept: hard-linked into the new folder (copied where links are not possible)."""
    import shutil

    def link(src, dst):
        try:
            os.link(src, dst)
        except OSError:
            shutil.copy2(src, dst)

    try:
        entries = list(os.scandir(old))
    except (FileNotFoundError, NotADirectoryError):
        return
    for entry in entries:
        target = new / entry.name
        if os.path.lexists(target) or (skip is not None and skip(Path(entry.path))):
            continue
        if entry.is_symlink():
            os.symlink(os.readlink(entry.path), target)
        elif entry.is_dir():
            shutil.copytree(entry.path, target, symlinks=True, copy_function=link)
        else:
            link(entry.path, target)


def _swap_in(staging: Path, target: Path) -> None:
    """Put ``staging`` at ``target`` in one step; afterwards ``staging`` holds the previous folder (or is gone)."""
    if not os.path.lexists(target):
        try:
            os.rename(staging, target)
            return
        except OSError as exc:  # another run put a folder there meanwhile
            if exc.errno not in (errno.EEXIST, errno.ENOTEMPTY):
                raise
    if _exchange(staging, target):
        return
    # no atomic exchange here: move the old folder aside, then the new one in (a short window without either)
    aside = Path(tempfile.mkdtemp(prefix=f".{target.name}.", suffix=".old", dir=target.parent))
    os.rename(target, aside / target.name)
    os.rename(staging, target)
    os.rename(aside / target.name, staging)
    os.rmdir(aside)


@contextlib.contextmanager
def folder(path: str | os.PathLike, skip: Callable[[Path], bool] | None = None) -> Iterator[Path]:
    """Build a folder's new content in a temporary sibling (yielded), then swap it in whole.

    ``with folder("reports") as staging:`` write everything under ``staging``; at the end of the
    block the old folder's other entries are carried over and ``staging`` replaces ``reports`` in
    one rename (``renameat2`` exchange on Linux); ``skip(entry)`` true: an old entry not carried
    over (the previous report's own data folder). An exception or a Ctrl-C in the block leaves the
    previous folder untouched (or none) and removes the temporary one; two runs building the same
    folder each swap in a whole folder of their own, so their files never mix.
    """
    import shutil

    target = Path(path)
    if target.exists() and not target.is_dir():
        raise NotADirectoryError(errno.ENOTDIR, "exists and is not a folder", str(target))
    target.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent))
    try:
        yield staging
        os.chmod(staging, 0o755)  # mkdtemp makes 0700: a report folder is meant to be read by others
        _carry_over(target, staging, skip)
        _swap_in(staging, target)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    shutil.rmtree(staging, ignore_errors=True)  # the previous folder, swapped out
