"""Every regular expression corpuscheck compiles, and adversarial strings built from each one's own text.

Run as a script (a fresh interpreter, so module-level patterns are seen too), it records each
pattern that code under corpuscheck/ compiles with ``re`` or ``regex`` (module level, lazily built
lexicon alternations, patterns passed to re.search & co) while every module is imported and every
rule, reader and reporter runs on the sample corpus, and prints them as JSON lines. The test
(tests/test_hostile_regex.py) runs each against :func:`adversarial` strings at two sizes under a
``regex`` timeout that grows linearly with the size.
"""

from __future__ import annotations

import base64
import importlib.util
import json
import os
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
# the corpuscheck that runs: this checkout when installed editable, site-packages when installed (CI);
# found without importing it, so that every pattern it compiles is recorded
_SPEC = importlib.util.find_spec("corpuscheck")
BASE = Path(_SPEC.origin).resolve().parent.parent if _SPEC and _SPEC.origin else ROOT
PACKAGE = str(BASE / "corpuscheck") + os.sep
META = set("\\()[]{}?*+|^$.")
# one stand-in for each class escape a pattern may use, and for what lies outside any class
CLASS_STANDINS = {"s": " \t\n\u00a0", "d": "1", "w": "a_", "S": "x", "D": "x", "W": "-", "b": " a", "B": "aa",
                  "p": "aA", "P": "-", "n": "\n", "t": "\t", "r": "\r"}
GENERIC = " \n\ta1.-<>/:#&;,'\"\u00a0\u00e9\u200b"


def units(source: str, most: int = 24) -> list[str]:
    """Pieces to repeat: the pattern's literal characters, class stand-ins, its words, and near-misses
    of them (a word without its last letter, a word and a space)."""
    chars: list[str] = []
    i = 0
    while i < len(source):
        c = source[i]
        if c == "\\" and i + 1 < len(source):
            chars.extend(CLASS_STANDINS.get(source[i + 1], source[i + 1]))
            i += 2
            continue
        if c not in META:
            chars.append(c)
        i += 1
    words = re.findall(r"[^\W\d_]{2,}", re.sub(r"\\[A-Za-z]", " ", source))
    own = list(dict.fromkeys(chars))
    found: list[str] = own[:12]
    wordlist = list(dict.fromkeys(words))
    step = max(1, len(wordlist) // 4)
    for word in wordlist[::step][:4]:
        found += [word, word + " ", word[:-1]]
    found += own[12:] + list(GENERIC)
    found += [a + b for a, b in zip(own[:4], own[1:5], strict=False)]  # two different characters in turn
    return list(dict.fromkeys(found))[:most]


def adversarial(source: str, size: int) -> list[str]:
    """Each unit repeated to ``size`` characters, alone and followed by a character that breaks a match."""
    out = []
    for unit in units(source):
        body = (unit * (size // len(unit) + 1))[:size]
        out += [body, body + "\x00", "x" + body + "!"]
    return out


def _record(found: dict, engine: str, pattern, flags) -> None:
    if not isinstance(pattern, str | bytes):
        return
    frame = sys._getframe(2)
    while frame is not None and not frame.f_code.co_filename.startswith(PACKAGE):
        name = frame.f_code.co_filename
        if "/re/" in name or "/regex/" in name or name.endswith(("re.py", "sre_compile.py")) or "functools" in name:
            frame = frame.f_back
            continue
        return  # compiled by a library, not by corpuscheck
    if frame is None:
        return
    where = f"{os.path.relpath(frame.f_code.co_filename, BASE)}:{frame.f_lineno}"
    flags = int(getattr(flags, "value", flags) or 0)
    key = (engine, pattern, flags)
    found.setdefault(key, where)


def collect() -> dict:
    import regex._main as regex_main

    found: dict = {}
    plain = re._compile
    fancy = regex_main._compile

    def re_compile(pattern, flags):
        _record(found, "re", pattern, flags)
        return plain(pattern, flags)

    def regex_compile(pattern, flags, ignore_unused, kwargs, cache_it):
        _record(found, "regex", pattern, flags)
        return fancy(pattern, flags, ignore_unused, kwargs, cache_it)

    re._compile = re_compile
    regex_main._compile = regex_compile
    re.purge()
    regex_main.purge()

    import importlib
    import pkgutil
    import warnings

    warnings.simplefilter("ignore")
    import corpuscheck

    for module in pkgutil.walk_packages(corpuscheck.__path__, "corpuscheck."):
        if module.name not in ("corpuscheck.__main__",):
            importlib.import_module(module.name)
    from corpuscheck.check import check
    from corpuscheck.report import get_reporter, reporters
    from corpuscheck.rules import all_rules

    samples = [ROOT / "tests" / "fixtures" / name for name in
               ("seed", "html_pages", "families", "real", "input", "boilerplate", "datelines", "quality")]
    report = check([str(p) for p in samples if p.exists()], select=[r.code for r in all_rules()], jobs=1)
    for name in reporters():
        get_reporter(name)().render(report)
    # B101 compiles an entry's regex only once its prefilter reports it on a line: all of them, for the audit
    from corpuscheck.rules.boilerplate.boilerplate_line import boilerplate_lexicon

    boilerplate_lexicon().compile_all()
    return found


def main() -> None:
    for (engine, pattern, flags), where in collect().items():
        kind = "bytes" if isinstance(pattern, bytes) else "str"
        text = base64.b64encode(pattern).decode() if kind == "bytes" else pattern
        print(json.dumps({"engine": engine, "kind": kind, "pattern": text, "flags": flags, "where": where}))


if __name__ == "__main__":
    main()
