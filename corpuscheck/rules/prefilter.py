"""Many patterns over many lines: one Hyperscan scan as a prefilter, then the exact regex.

A lexicon's ``^`` entries (B101's ``^baca juga\\s*:``, ``^©``, ...) are ``regex`` patterns,
case-insensitive, matched at the start of a line. Tried one after the other in one
alternation they cost tens of µs a line. :class:`PatternSet` keeps that alternation as
the judge (:attr:`PatternSet.exact`) and puts a Hyperscan database in front of it that
may answer *yes* too often but never *no* wrongly: a line the database does not match
cannot match the alternation, a line it matches is confirmed by the alternation.

The database is not the lexicon's patterns as written: each is rewritten at load time
(:func:`widen`) into a pattern that matches a superset of what ``regex`` matches, so the
two engines' differences cannot lose a match:

* every literal character becomes the class of all its cases *as ``regex`` itself
  knows them* (``regex._regex.get_all_cases``: ``i`` is ``[iIİ]``, ``s`` is ``[sSſ]``),
  and the database is compiled case-sensitive;
* every class escape (``\\p{L}``, ``\\w``, ``\\s``, ``\\d`` and their negations), every negated
  class and every class with a range wider than :data:`MAX_RANGE` becomes "any character
  but a line break": Unicode tables of two libraries need not agree;
* assertions (``\\b``, ``\\B``, ``$``, ``\\Z``, lookarounds) are dropped, atomic groups and
  possessive quantifiers become plain ones, bounded repeats ``{m,n}`` become ``{m,}``
  (cheaper to compile, and a wider match);
* so nothing is left that Hyperscan does not support, and it compiles the result exactly
  (no prefilter mode, whose own widening could let a match run across a line break).

A pattern that cannot be rewritten (a back-reference, an inline flag, an escape this
module does not know) or that Hyperscan refuses is tried by ``regex`` on every line, in
an alternation of its own (:attr:`PatternSet.rest`). Without the ``hyperscan``
extension every line goes to the exact alternation: the same answers, slower.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Callable, Sequence

import hashlib
import os
import re
from pathlib import Path

import regex
from regex import _regex  # the case tables regex matches with

from corpuscheck.atomic import write_bytes

try:  # optional at run time: the answers are the same without it
    import hyperscan
except ImportError:  # pragma: no cover - exercised by forcing ``hyperscan=None`` in the tests
    hyperscan = None

MAX_RANGE = 512  # a class range wider than this is taken as any character
_ANY = r"[^\n]"


class Unsupported(ValueError):
    """A pattern :func:`widen` cannot rewrite: it is left to ``regex`` alone."""


def _all_cases(char: str, flags: int) -> set[int]:
    return set(_regex.get_all_cases(flags, ord(char))) | {ord(char)}


def _ascii_folds(flags: int) -> dict[int, int]:
    """The non-ASCII characters ``regex`` takes as a case of an ASCII letter (``İ`` of ``i``,
    ``ſ`` of ``s``, the Kelvin sign of ``k``), each to that letter: the scanned text is folded
    with it, so the database's Latin letters stay one byte wide (and it compiles fast)."""
    folds = {}
    for letter in "abcdefghijklmnopqrstuvwxyz":
        for code in _all_cases(letter, flags):
            if code > 127:
                folds[code] = ord(letter)
    return folds


def _cases(char: str, flags: int, folds: dict[int, int]) -> list[int]:
    """The characters of the folded text that a case of ``char`` can have become."""
    return sorted({folds.get(code, code) for code in _all_cases(char, flags)})


def _hex(code: int) -> str:
    return f"\\x{{{code:x}}}"


_SIMPLE_ESCAPES = {"t": "\t", "n": "\n", "r": "\r", "f": "\f", "v": "\v", "a": "\a", "e": "\x1b"}
_CLASS_ESCAPES = set("wWsSdDhXR")  # \h: horizontal space; \X grapheme, \R line break: taken as any character
_ASSERTIONS = set("bBAZmMGK")


class _Reader:
    def __init__(self, pattern: str, flags: int, folds: dict[int, int]):
        self.p, self.i, self.flags, self.folds = pattern, 0, flags, folds

    def peek(self, k: int = 0) -> str:
        return self.p[self.i + k] if self.i + k < len(self.p) else ""

    def take(self) -> str:
        c = self.peek()
        self.i += 1
        return c

    def escape(self) -> tuple[str, str | None]:
        """After a backslash: ("class", None), ("assert", None) or ("char", the character)."""
        c = self.take()
        if not c:
            raise Unsupported("a trailing backslash")
        if c in "pP":
            if self.peek() == "{":
                end = self.p.find("}", self.i)
                if end < 0:
                    raise Unsupported("an unclosed \\p{")
                self.i = end + 1
            else:
                self.take()
            return "class", None
        if c in _CLASS_ESCAPES:
            return "class", None
        if c in _ASSERTIONS:
            return "assert", None
        if c in _SIMPLE_ESCAPES:
            return "char", _SIMPLE_ESCAPES[c]
        if c == "x":
            if self.peek() == "{":
                end = self.p.find("}", self.i)
                digits, self.i = self.p[self.i + 1 : end], end + 1
            else:
                digits = self.p[self.i : self.i + 2]
                self.i += 2
            return "char", chr(int(digits, 16))
        if c in "uU":
            size = 4 if c == "u" else 8
            digits = self.p[self.i : self.i + size]
            self.i += size
            return "char", chr(int(digits, 16))
        if c.isalnum():
            raise Unsupported(f"the escape \\{c}")  # back-references, \N{...}, \0...
        return "char", c  # an escaped symbol: itself


def _quantifier(r: _Reader) -> str:
    """The quantifier after an atom, widened: lazy and possessive marks dropped, {m,n} -> {m,}."""
    c = r.peek()
    if c in ("*", "+", "?"):
        r.take()
        out = c
    elif c == "{":
        found = regex.match(r"\{(\d*)(,?)(\d*)\}", r.p[r.i :])
        if not found:
            return ""  # a literal brace: regex reads it as a character (the caller does)
        r.i += found.end()
        low, comma, high = found.groups()
        low = low or "0"
        if not comma:
            out = "{" + low + "}"
        else:
            out = "*" if low == "0" else "{" + low + ",}"
        del high
    else:
        return ""
    if r.peek() in ("?", "+"):
        r.take()
    return out


def _class(r: _Reader) -> str:
    """A bracketed class (after its ``[``), as the class of all cases of its members or any character."""
    members: set[int] = set()
    anything = False
    if r.peek() == "^":
        r.take()
        anything = True  # a negated class: taken as any character
    first = True
    while True:
        c = r.take()
        if not c:
            raise Unsupported("an unclosed class")
        if c == "]" and not first:
            break
        first = False
        if c == "[":
            raise Unsupported("a nested class")
        if c == "\\":
            kind, char = r.escape()
            if kind != "char":
                anything = True
                continue
            c = char
        if r.peek() == "-" and r.peek(1) not in ("]", ""):
            r.take()
            end = r.take()
            if end == "\\":
                kind, end = r.escape()
                if kind != "char":
                    raise Unsupported("a range ending in a class escape")
            low, high = ord(c), ord(end)
            if high - low > MAX_RANGE:
                anything = True
                continue
            for code in range(low, high + 1):
                members.update(_cases(chr(code), r.flags, r.folds))
            continue
        members.update(_cases(c, r.flags, r.folds))
    if anything or not members:
        return _ANY
    members.discard(ord("\n"))
    return "[" + "".join(_hex(m) for m in sorted(members)) + "]"


def _sequence(r: _Reader, depth: int) -> str:
    out: list[str] = []
    while r.i < len(r.p):
        c = r.take()
        if c == ")":
            if depth == 0:
                raise Unsupported("an unbalanced )")
            return "".join(out)
        if c == "|":
            out.append("|")
            continue
        if c in "^$":
            continue  # assertions: dropped (the whole pattern is anchored at the line's start)
        if c == "(":
            if r.peek() == "?":
                r.take()
                kind = r.take()
                if kind in ("=", "!"):
                    _sequence(r, depth + 1)  # a lookahead: dropped
                    _quantifier(r)
                    continue
                if kind == "<" and r.peek() in ("=", "!"):
                    r.take()
                    _sequence(r, depth + 1)  # a lookbehind: dropped
                    _quantifier(r)
                    continue
                if kind in (":", ">"):
                    pass  # a group; an atomic group taken as a plain one
                elif kind in "i-":  # scoped case flags: every letter takes all its cases already
                    flags = kind
                    while r.peek() and r.peek() in "i-":
                        flags += r.take()
                    end = r.take()
                    if end == ")":
                        continue  # (?i) for the rest: nothing to do
                    if end != ":":
                        raise Unsupported(f"the flags (?{flags}{end}")
                elif kind == "P" and r.peek() == "<" or kind == "<":
                    end = r.p.find(">", r.i)
                    if end < 0:
                        raise Unsupported("an unclosed group name")
                    r.i = end + 1
                else:
                    raise Unsupported(f"the group (?{kind}")  # inline flags, conditionals, comments
            inner = _sequence(r, depth + 1)
            out.append("(?:" + inner + ")" + _quantifier(r))
            continue
        if c == "[":
            out.append(_class(r) + _quantifier(r))
            continue
        if c == ".":
            out.append(_ANY + _quantifier(r))
            continue
        if c in "*+?":
            raise Unsupported("a quantifier without an atom")
        if c == "\\":
            kind, char = r.escape()
            if kind == "assert":
                continue
            if kind == "class":
                out.append(_ANY + _quantifier(r))
                continue
            c = char
        codes = [m for m in _cases(c, r.flags, r.folds) if m != ord("\n")]
        if not codes:
            raise Unsupported("a line break")  # no line holds one
        atom = _hex(codes[0]) if len(codes) == 1 else "[" + "".join(_hex(m) for m in codes) + "]"
        out.append(atom + _quantifier(r))
    if depth:
        raise Unsupported("an unclosed group")
    return "".join(out)


def widen(pattern: str, flags: int = regex.I, anchored: bool = True) -> str:
    """A Hyperscan pattern, case-sensitive, that matches the start of every line ``pattern``
    (a ``regex`` pattern compiled with ``flags``, matched at the start) matches, and maybe more,
    once the line is folded with :meth:`PatternSet.candidates`.
    Raises :class:`Unsupported` when the pattern holds something this does not rewrite."""
    compiled = regex.compile(pattern, flags)
    if compiled.groups and regex.search(r"\\[1-9]|\(\?P=|\\g<", pattern):
        raise Unsupported("a back-reference")
    reader = _Reader(pattern, compiled.flags, _ascii_folds(compiled.flags))
    body = _sequence(reader, 0)
    # anchored: after a line break, not ``^`` in multi-line mode. Hyperscan 5.4 (hyperscan 0.9.1)
    # missed a ``^`` match on a line after a long line that some other patterns had started on
    # (tests/test_rule_speed_equivalence.py's mutated lines found it); a literal break has no such
    # case, and :meth:`PatternSet.starts` puts one before the first line too.
    return ("\\n(?:" if anchored else "(?:") + body + ")"


class PatternSet:
    """Whether a line starts with any of ``patterns`` (``regex`` syntax, matched with ``flags``),
    or with ``anchored=False`` holds one anywhere.

    ``match(line)`` and ``candidates(lines)`` give exactly the answers of
    ``exact.match(line)`` (``exact.search(line)``); ``use_hyperscan=False`` (or a missing
    extension) uses that alternation alone, the reference the fast path is tested against."""

    def __init__(
        self,
        patterns: Sequence[str],
        flags: int = regex.I,
        use_hyperscan: bool = True,
        exact: regex.Pattern | Callable[[], regex.Pattern] | None = None,
        anchored: bool = True,
    ):
        self.patterns = tuple(patterns)
        self.anchored = anchored
        self._flags = flags
        # ``exact``: the caller's own alternation of the same patterns, compiled already or a function that
        # compiles it; with a database it is compiled only when asked for (:attr:`exact`, :meth:`compile_all`)
        self._exact = exact
        self.database = None
        self.rest: regex.Pattern | None = None  # patterns the database does not cover
        self.unsupported: tuple[str, ...] = self.patterns
        if use_hyperscan and hyperscan is not None and self.patterns:
            self._build(flags)
        else:
            self.rest = self.exact

    @property
    def exact(self) -> regex.Pattern:
        """The alternation of every pattern (the reference answers), compiled on first use."""
        if not isinstance(self._exact, regex.Pattern):
            made = self._exact() if callable(self._exact) else None
            self._exact = made or regex.compile("|".join(f"(?:{p})" for p in self.patterns), self._flags)
        return self._exact

    def compile_all(self) -> None:
        """Compile every pattern now, alone and in the alternation (what the regex audit sees): at run
        time each is compiled only once the database reports it on a line."""
        self.exact  # noqa: B018 - compiles it
        for index in range(len(self._singles) if self.database is not None else 0):
            self._single(index)

    def _single(self, index: int) -> regex.Pattern:
        found = self._singles[index]
        if found is None:
            found = self._singles[index] = regex.compile(self._covered[index], self._flags)
        return found

    def _build(self, flags: int) -> None:
        kept = _load(self._key(flags))
        if kept is not None:  # an earlier run compiled these patterns: nothing to compile here
            database, covered, exact_flags = kept
            taken = set(covered)
            left = [p for i, p in enumerate(self.patterns) if i not in taken]
            self._install(database, [self.patterns[i] for i in covered], left, exact_flags)
            return
        exact_flags = self.exact.flags  # compiled (and each pattern checked) only when the database is made
        covered: list[tuple[int, str]] = []  # (index, its widened form)
        left: list[str] = []
        for index, pattern in enumerate(self.patterns):
            try:
                covered.append((index, widen(pattern, flags, self.anchored)))
            except Unsupported:
                left.append(pattern)
        try:
            database = _compile_database([hs for _, hs in covered]) if covered else None
        except hyperscan.error:  # some pattern refused: find it, alone, and leave it to regex
            kept_ = []
            for index, hs in covered:
                try:
                    _compile_database([hs])
                    kept_.append((index, hs))
                except hyperscan.error:
                    left.append(self.patterns[index])
            covered = kept_
            database = _compile_database([hs for _, hs in covered]) if covered else None
        if database is not None:
            _store(self._key(flags), database, [i for i, _ in covered], exact_flags)
        self._install(database, [self.patterns[i] for i, _ in covered], left, exact_flags)

    def _key(self, flags: int) -> str:
        return "\0".join([_VERSION, hyperscan.__version__, regex.__version__, str(flags), str(self.anchored),
                          *self.patterns])

    def _install(self, database, covered: list[str], left: list[str], exact_flags: int) -> None:
        self._folds = _ascii_folds(exact_flags)
        self._foldable = re.compile("[" + "".join(map(chr, sorted(self._folds))) + "]")
        if database is not None:
            self.database = database
            self._scratch = hyperscan.Scratch(database)
            # each covered pattern alone, to confirm only those the database reports on a line: compiled then
            self._covered = covered
            self._singles: list[regex.Pattern | None] = [None] * len(covered)
        self.unsupported = tuple(left)
        self.rest = regex.compile("|".join(f"(?:{p})" for p in left), self._flags) if left else None

    def match(self, line: str) -> bool:
        """Whether ``line`` starts with one of the patterns (as ``exact.match(line)``), or holds
        one (``exact.search(line)``) when not anchored."""
        return self.starts([line])[0] is not None

    def candidates(self, lines: Sequence[str]) -> list[bool]:
        """:meth:`match` of each line, with one scan of all of them together."""
        return [start is not None for start in self.starts(lines)]

    def _start(self, pattern: regex.Pattern, line: str) -> int | None:
        found = pattern.match(line) if self.anchored else pattern.search(line)
        return None if found is None else found.start()

    def starts(self, lines: Sequence[str]) -> list[int | None]:
        """For each line, where ``exact`` finds its match (``exact.match``: 0; ``exact.search``:
        the leftmost start), or None; one scan of all the lines together."""
        if self.database is None:
            return [self._start(self.exact, line) for line in lines]
        text = scanned = "\n".join(lines)
        if not text.isascii() and self._foldable.search(text):
            text = text.translate(self._folds)
            scanned = text.split("\n")
        try:
            data = ("\n" + text if self.anchored else text).encode("utf-8")  # anchored patterns start at a break
        except UnicodeEncodeError:  # a lone surrogate: not valid UTF-8 for the database
            return [self._start(self.exact, line) for line in lines]
        if data.count(b"\n") != len(lines) - (0 if self.anchored else 1):  # a line holding a break would read as two
            return [self._start(self.exact, line) for line in lines]
        if scanned is text:
            scanned = lines
        hits: list[tuple[int, int]] = []

        def found(pattern_id, _from, to, _flags, _context):
            hits.append((to, pattern_id))

        try:
            self.database.scan(data, match_event_handler=found, scratch=self._scratch)
        except hyperscan.error:  # e.g. the scratch space busy in another thread: answer without it
            return [self._start(self.exact, line) for line in lines]
        flagged: dict[int, set[int]] = {}  # line index -> the patterns the database reports there
        if hits:
            ends, offset = [], 0 if self.anchored else -1
            for line in scanned:  # the byte offset of each line's end (where its line break is)
                offset += 1 + (len(line) if line.isascii() else len(line.encode("utf-8")))
                ends.append(offset)
            for to, pattern_id in hits:  # no widened pattern crosses a line break: a match ends in its line
                flagged.setdefault(bisect_left(ends, to), set()).add(pattern_id)
        rest, singles, single, start_of = self.rest, self._singles, self._single, self._start
        found_at: list[int | None] = []
        for index, line in enumerate(lines):
            # the alternation's match starts where the leftmost of its patterns' matches starts
            starts = [s for i in flagged.get(index, ()) if (s := start_of(singles[i] or single(i), line)) is not None]
            if rest is not None and (s := start_of(rest, line)) is not None:
                starts.append(s)
            found_at.append(min(starts) if starts else None)
        return found_at


def cache_folder() -> Path | None:
    """Where compiled databases are kept between runs: ``$CORPUSCHECK_PREFILTER_CACHE``
    (``off``: nowhere), else ``$XDG_CACHE_HOME/corpuscheck/prefilter`` or ``~/.cache/...``."""
    given = os.environ.get("CORPUSCHECK_PREFILTER_CACHE")
    if given:
        return None if given.lower() in ("off", "0", "no", "false") else Path(given)
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "corpuscheck" / "prefilter"


def _path(key: str) -> Path | None:
    folder = cache_folder()
    if folder is None:
        return None
    return folder / f"{hashlib.sha256(key.encode('utf-8', 'surrogatepass')).hexdigest()[:32]}.hsdb"


def _load(key: str):
    """``(database, indices of the patterns it covers, the alternation's flags)`` that an earlier run
    compiled from the same patterns with the same Hyperscan and regex (compiling B101's takes most of
    a second and every pattern's ``regex`` compile; loading it, a millisecond), or None."""
    path = _path(key)
    if path is None:
        return None
    try:
        data = path.read_bytes()
        head, _, body = data.partition(b"\n")
        fields = head.decode("ascii").split(" ")
        covered = [int(i) for i in fields[2:]]
        return hyperscan.loadb(body, hyperscan.HS_MODE_BLOCK), covered, int(fields[1])
    except (OSError, hyperscan.error, TypeError, ValueError, IndexError, UnicodeError):
        return None  # not there yet, unreadable or from another build: compile


def _store(key: str, database, covered: list[int], exact_flags: int) -> None:
    path = _path(key)
    if path is None:
        return
    try:
        head = " ".join(["hsdb", str(exact_flags), *map(str, covered)]).encode("ascii")
        write_bytes(path, head + b"\n" + hyperscan.dumpb(database))
    except (OSError, hyperscan.error):
        pass  # a read-only home: compile again next time


_VERSION = "3"  # of widen()'s output and of the kept file: bump when either changes (3: keyed by the patterns as written)


def _compile_database(patterns: list[str]):
    database = hyperscan.Database()
    flag = hyperscan.HS_FLAG_UTF8 | hyperscan.HS_FLAG_ALLOWEMPTY
    database.compile(
        expressions=[p.encode("utf-8") for p in patterns],
        ids=list(range(len(patterns))),
        flags=[flag] * len(patterns),
    )
    return database
