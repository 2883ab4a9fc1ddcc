"""Regex audit: every pattern corpuscheck compiles (tests/regex_audit.py collects them in a fresh
interpreter) runs over adversarial strings built from its own text (long runs of each character it
names, of each class it uses, of its words and near-misses of them) at two sizes, each under a
``regex`` timeout that grows linearly with the size: a pattern that backtracks quadratically or worse
on such a string cannot finish in time. Not wall-time measurement: the budget is hundreds of times
what a linear scan takes, and a quadratic one at 8,000 characters needs ~10^8 steps."""

import base64
import json
import subprocess
import sys

import pytest
import regex

from corpuscheck.rules.boilerplate.boilerplate_line import boilerplate_lexicon
from tests.conftest import ROOT
from tests.regex_audit import adversarial, units

SIZES = (500, 4_000)
# Patterns only ever used anchored (.match / .fullmatch at a line's or window's start) on bounded text:
# a run of one class past their start costs them linear work, a findall over it would be quadratic.
# Each is kept to match-at-start (below) and named here with where its input is bounded.
ANCHORED = {
    ("corpuscheck/input/document.py", "(?:[^\\p{Ll}\\n()]{2,40}?"):
        "_DATELINE_OPENING.match on a first line of <= TITLE_CHARS (150) characters",
    ("corpuscheck/rules/news/dateline.py", "(?P<d>"):
        "dateline PATTERNS: pattern.match(window) on window[:WINDOW]",
    ("corpuscheck/rules/news/dateline.py", "[ \\t\\u00a0]*\\p{Ll}+"):
        "_CONTINUATION.match(rest) on the rest of a dateline's line",
    ("corpuscheck/rules/encoding/script_residue.py", "\\s*[{}()\\[\\];,]*[{}]"): "BRACES_ONLY.fullmatch(line)",
    ("corpuscheck/rules/quality/stats.py", "(?:[\\w+\\-.]{2,}://)?"): "_URL.fullmatch(word)",
    ("corpuscheck/rules/structure/missing_title.py", "\\p{Lu}{3,}[\\p{Lu}\\s.,]*\\s"): "_PLACE_DATELINE.fullmatch",
}
# B101's ^ entries, each compiled alone (to name a bad entry's file and line, and by the prefilter to confirm
# its database's hits on a line): only ever .match-ed on a line's first MAX_START_CHARS (300) characters.
# Their alternation starts with ^ and is audited as searched, like B101's inline (~) alternation.
B101_STARTS = frozenset(boilerplate_lexicon().starts.patterns)


def budget(size: int) -> float:
    """Seconds allowed for one findall over ``size`` characters: linear in the size (50 µs a character)."""
    return 0.1 + size * 50e-6


def _anchored(item) -> bool:
    source = item["pattern"] if isinstance(item["pattern"], str) else ""
    module = item["where"].split(":")[0]
    return any(module == m and source.startswith(head) for m, head in ANCHORED) or source in B101_STARTS


@pytest.fixture(scope="module")
def patterns():
    out = subprocess.run([sys.executable, str(ROOT / "tests" / "regex_audit.py")], capture_output=True, text=True,
                         cwd=ROOT, timeout=1200)
    assert out.returncode == 0, out.stderr[-2000:]
    found = [json.loads(line) for line in out.stdout.splitlines()]
    for item in found:
        if item["kind"] == "bytes":
            item["pattern"] = base64.b64decode(item["pattern"])
    return found


def _compiled(item):
    """The pattern as ``regex`` compiles it (re's syntax and flags are a subset: V0 keeps re's meaning)."""
    return regex.compile(item["pattern"], item["flags"] & ~regex.TEMPLATE)


def test_the_audit_sees_every_family_of_patterns(patterns):
    where = {p["where"].split(":")[0] for p in patterns}
    for module in ("rules/boilerplate/boilerplate_line.py", "rules/news/dateline.py", "rules/news/lines.py",
                   "rules/encoding/html_residue.py", "input/html.py", "input/document.py"):
        assert "corpuscheck/" + module in where, module
    assert len(patterns) > 150


def test_units_come_from_the_pattern_itself():
    found = units(r"(?:Baca juga|Read more)\s*:\s+\d+")
    assert {"B", "j", ":", " ", "Baca", "Baca ", "Bac", "more"} <= set(found)
    assert all(len(s) >= 2_000 for s in adversarial(r"a+b", 2_000))


def test_the_audit_catches_catastrophic_patterns():
    """Known bad shapes must fail the same check the real patterns pass (exponential ones; a light quadratic
    one, such as a lone ``\\s*word`` searched over 4,000 spaces, fits this budget)."""
    for bad in (r"(a+)+$", r"(?:x+x+)+y"):
        item = {"pattern": bad, "flags": 0}
        with pytest.raises(TimeoutError):
            for size in SIZES:
                for text in adversarial(bad, size):
                    _compiled(item).findall(text, timeout=budget(size))


def test_b101_alternations_are_searched_by_the_audit(patterns):
    """B101's ^ alternation is anchored in its own text (linear when searched) and its ~ alternation is
    searched: neither is let off as anchored, so test_every_pattern_is_linear_on_adversarial_strings runs
    findall over both."""
    words = boilerplate_lexicon()
    assert words.start.pattern.startswith("^(?:") and words.inline is not None
    for compiled in (words.start, words.inline):
        item = next(p for p in patterns if p["pattern"] == compiled.pattern)
        assert not _anchored(item), item["where"]
    spaces = " " * 40_000
    assert words.start.search(spaces + "x baca juga: x") is None  # unanchored, it would find the entry after "x"
    assert words.start.match("  baca juga: x") is not None


def test_anchored_patterns_are_few_and_still_exist(patterns):
    for module, head in ANCHORED:
        assert any(p["where"].startswith(module) and isinstance(p["pattern"], str) and p["pattern"].startswith(head)
                   for p in patterns), (module, head)


def test_every_pattern_is_linear_on_adversarial_strings(patterns):
    slow = []
    for item in patterns:
        compiled = _compiled(item)
        source = item["pattern"].decode("latin-1") if isinstance(item["pattern"], bytes) else item["pattern"]
        scan = compiled.match if _anchored(item) else compiled.findall
        for size in SIZES:
            for text in adversarial(source, size):
                subject = text.encode("utf-8") if isinstance(item["pattern"], bytes) else text
                try:
                    scan(subject, timeout=budget(size))
                except TimeoutError:
                    slow.append(f"{item['where']} {source[:80]!r} on {text[:12]!r}... x{size}")
                    break
            else:
                continue
            break
    assert not slow, "patterns that backtrack on their own adversarial strings:\n" + "\n".join(slow)


def test_the_audit_sees_every_b101_entry(patterns):
    """B101 compiles an entry's regex only when its prefilter reports it on a line; the audit compiles them all."""
    audited = {p["pattern"] for p in patterns if isinstance(p["pattern"], str)}
    words = boilerplate_lexicon()
    assert B101_STARTS and B101_STARTS <= audited
    assert set(words.inlines.patterns) <= audited
