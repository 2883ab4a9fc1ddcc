"""Per-file results kept between runs in ``.corpuscheck_cache/`` (DESIGN.md, "Cache").

An entry is keyed by the file's content hash and the run's fingerprint (tool
version, every rule entry with its severity and options, the suite's GX
entries, the fields and HTML options): a changed file, suite or version misses.
A stat index (size, modification time) maps a path to its last content hash, so
an unchanged file is not even read. An entry holds what the rules found before
the corpus rules judged: the file's documents, read errors, findings, feature
rows, titles and corpus-rule signatures, so corpus rules are judged again over
cached and fresh files alike. A corpus rule's verdict (its findings after the
judge) is kept under a hash of the run's fingerprint and the content keys of
every file in stream order (the signatures it judged are a function of those):
when no file changed, the rules are not judged again; when one did, they all
are, over every file's signatures. The verdict (GX outcomes) is kept under a
hash of the whole feature table: an unchanged corpus needs no GX import. A
report's text (``--format json``) is kept under a hash of all of these (and the
reporter's options): a re-check of an unchanged corpus copies its bytes instead
of serialising every finding again.

Every write goes to a temporary file in the same folder first and is renamed
over the entry (``os.replace``): a killed run, or two runs at once, leave either
the old entry or the new one, never half of one. A corrupt or unreadable entry
is a miss.
"""

from __future__ import annotations

import hashlib
import os
import pickle
from pathlib import Path
from typing import Any

from corpuscheck import __version__
from corpuscheck.atomic import replacing, write_bytes

FOLDER_NAME = ".corpuscheck_cache"
FORMAT = 2  # bump when an entry's shape changes (2: (FileReport, Table, signatures))


def fingerprint(*parts: Any) -> str:
    """A stable hash of the run's settings (reprs of dataclasses, options, fields)."""
    digest = hashlib.sha256(f"{__version__}|{FORMAT}".encode())
    for part in parts:
        digest.update(b"\0" + repr(part).encode("utf-8", "surrogatepass"))
    return digest.hexdigest()


def content_hash(path: str) -> str:
    digest = hashlib.blake2b(digest_size=20)
    with open(path, "rb") as handle:
        while block := handle.read(1 << 20):
            digest.update(block)
    return digest.hexdigest()


class FilesKey:
    """A hash of the content keys of every file of a run, in stream order (read errors too): under
    the run's fingerprint, it determines every signature a corpus rule judges and every finding it
    defers to. ``value`` is None when a file had no key (it could not be hashed)."""

    def __init__(self):
        self._digest = hashlib.sha256()
        self._complete = True

    def add(self, key: str | None) -> None:
        if key is None:
            self._complete = False
        else:
            self._digest.update(b"F" + key.encode("utf-8", "surrogatepass") + b"\0")

    def add_error(self, error: Any) -> None:
        self._digest.update(b"E" + repr(error).encode("utf-8", "surrogatepass") + b"\0")

    @property
    def value(self) -> str | None:
        return self._digest.hexdigest() if self._complete else None


class Cache:
    def __init__(self, folder: str | os.PathLike, run_key: str):
        self.folder = Path(folder)
        self.run_key = run_key
        self.hits = self.misses = 0
        self._keys: dict[str, str | None] = {}  # path -> content key, once looked up in this process

    # -- storage ------------------------------------------------------------------
    def _path(self, kind: str, key: str) -> Path:
        name = hashlib.sha256(f"{self.run_key}|{kind}|{key}".encode("utf-8", "surrogatepass")).hexdigest()
        return self.folder / kind / name[:2] / name

    def _get(self, kind: str, key: str) -> Any | None:
        try:
            with open(self._path(kind, key), "rb") as handle:
                return pickle.load(handle)
        except Exception:  # absent, unreadable or corrupt: a miss
            return None

    def _put(self, kind: str, key: str, value: Any) -> None:
        target = self._path(kind, key)
        try:
            target.parent.mkdir(parents=True, exist_ok=True)
            if not (self.folder / ".gitignore").exists():
                (self.folder / ".gitignore").write_text("*\n", encoding="utf-8")
            write_bytes(target, pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL))
        except OSError:
            pass  # a cache that cannot be written only makes the next run slower

    # -- files --------------------------------------------------------------------
    def _stat_key(self, path: str) -> str | None:
        try:
            info = os.stat(path)
        except OSError:
            return None
        # the display path too: the key it maps to holds it (findings name their file by it), so the
        # same file reached as ``corpus/a.txt`` and, from inside the folder, as ``a.txt`` are two entries
        return f"{path}|{os.path.abspath(path)}|{info.st_size}|{info.st_mtime_ns}|{info.st_ino}"

    def file_key(self, path: str) -> str | None:
        """The content key of ``path``: from the stat index when size and mtime match, else by hashing it."""
        if path in self._keys:
            return self._keys[path]
        stat_key = self._stat_key(path)
        if stat_key is None:
            return None
        known = self._get("stat", stat_key)
        if known is not None:
            self._keys[path] = known
            return known
        try:
            key = f"{content_hash(path)}|{path}"  # the display path is part of every finding
        except OSError:
            return None
        self._put("stat", stat_key, key)
        self._keys[path] = key
        return key

    def get_file(self, path: str) -> Any | None:
        key = self.file_key(path)
        found = self._get("file", key) if key else None
        if found is None:
            self.misses += 1
        else:
            self.hits += 1
        return found

    def put_file(self, path: str, value: Any) -> None:
        key = self.file_key(path)
        if key:
            self._put("file", key, value)

    # -- corpus rules -------------------------------------------------------------
    def get_corpus(self, key: str) -> Any | None:
        return self._get("corpus", key)

    def put_corpus(self, key: str, judged: Any) -> None:
        self._put("corpus", key, judged)

    # -- report texts -------------------------------------------------------------
    def write_output(self, key: str, render, stream) -> None:
        """Write to ``stream`` the text ``render(stream)`` writes, from the cache when it holds
        ``key`` (the bytes copied), else rendered and kept there as it is written (atomically)."""
        target = self._path("output", key)
        try:
            source = open(target, "rb")
        except OSError:
            source = None
        if source is not None:
            with source:
                _copy(source, stream)
            return
        stage = "opening"
        try:
            with replacing(target, "w", encoding="utf-8", newline="") as kept:
                stage = "rendering"
                tee = _Tee(stream, kept)
                render(tee)
                stage = "closing"
                if not tee.ok:
                    raise _NotKept
        except _NotKept:
            pass  # the cache file missed some of the text: not kept
        except OSError:
            if stage == "rendering":  # the output itself failed
                raise
            if stage == "opening":  # a cache that cannot be written only makes the next run slower
                render(stream)

    # -- verdicts -----------------------------------------------------------------
    def get_verdict(self, rows_key: str) -> Any | None:
        return self._get("verdict", rows_key)

    def put_verdict(self, rows_key: str, outcomes: Any) -> None:
        self._put("verdict", rows_key, outcomes)


class _NotKept(Exception):
    """A report's text that did not all reach its cache file."""


class _Tee:
    """A text stream writing to ``stream`` and to a cache file (which may fail alone: then it is not kept)."""

    def __init__(self, stream, kept):
        self.stream, self.kept, self.ok = stream, kept, True

    def write(self, text: str) -> int:
        self.stream.write(text)
        if self.ok:
            try:
                self.kept.write(text)
            except (OSError, UnicodeError):
                self.ok = False
        return len(text)


def _copy(source, stream) -> None:
    """A cached report's bytes onto a text ``stream`` (its binary buffer when it is UTF-8 and has one)."""
    import codecs

    buffer = getattr(stream, "buffer", None)
    if buffer is not None and codecs.lookup(getattr(stream, "encoding", None) or "ascii").name == "utf-8":
        stream.flush()
        while block := source.read(1 << 20):
            buffer.write(block)
        buffer.flush()
        return
    decoder = codecs.getincrementaldecoder("utf-8")()
    while block := source.read(1 << 20):
        stream.write(decoder.decode(block))
    stream.write(decoder.decode(b"", final=True))
