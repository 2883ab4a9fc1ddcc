"""Baselines: accept today's findings, fail only on new ones.

A baseline file lists the fingerprints of the findings a team has accepted
for now. With it, a check fails only on findings whose fingerprint is not in
the file, says how many accepted ones remain, and lists the entries that no
longer occur (fixed), so the file can be pruned.

A fingerprint is content-based, never line-based, so unrelated edits (lines
added above a finding, records inserted before it) keep it stable::

    sha256(code, rule, normalised path, normalised excerpt, occurrence)

``occurrence`` tells identical findings of one file apart (three ``A`` lines
left by font-size buttons are occurrences 0, 1 and 2, in file order). Moving,
renaming or editing the flagged text makes the finding new; so does running
from another folder when the paths given are relative to it.

Typical use (what ``check --baseline FILE`` does)::

    report = check(paths)
    write_baseline(report, "corpuscheck-baseline.json")    # once, to accept what is there
    ...
    report = baselined_report(check(paths), load_baseline("corpuscheck-baseline.json"))
    report.passed                # verdict on new findings only (and read errors)
    report.extra["baseline"]     # {"path", "known", "new", "fixed": [entries]}
"""

from __future__ import annotations

import hashlib
import json
import os
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from corpuscheck import __version__
from corpuscheck.findings import Finding

BASELINE_VERSION = 1
FINGERPRINT_KEY = "corpuscheck/v1"  # the SARIF partialFingerprints key; bump with the recipe


class BaselineError(ValueError):
    """A baseline file that cannot be used; the message says which file and why."""


@dataclass(frozen=True)
class BaselineEntry:
    """One accepted finding: its fingerprint, and what a person needs to recognise it."""

    fingerprint: str
    code: str
    rule: str
    path: str
    excerpt: str

    def as_dict(self) -> dict[str, str]:
        return {"fingerprint": self.fingerprint, "code": self.code, "rule": self.rule,
                "path": self.path, "excerpt": self.excerpt}


@dataclass(frozen=True)
class Baseline:
    path: str
    entries: dict[str, BaselineEntry]  # by fingerprint

    def __contains__(self, fingerprint: str) -> bool:
        return fingerprint in self.entries

    def __len__(self) -> int:
        return len(self.entries)


def normalise_path(path: str) -> str:
    """The path as a baseline records it: POSIX separators, relative to the working folder when inside it."""
    p = Path(path)
    if p.is_absolute():
        try:
            p = p.relative_to(Path.cwd())
        except ValueError:
            pass
    return p.as_posix()


def _normalise_text(text: str) -> str:
    return " ".join(unicodedata.normalize("NFC", text).split())


def _identity(finding: Finding) -> tuple[str, str, str, str]:
    return (finding.code, finding.rule, normalise_path(finding.path), _normalise_text(finding.excerpt))


def fingerprint(finding: Finding, occurrence: int = 0) -> str:
    """The finding's content-based fingerprint (hex); ``occurrence`` numbers identical findings of one file."""
    payload = "\x1f".join((*_identity(finding), str(occurrence)))
    return hashlib.sha256(payload.encode("utf-8", "surrogatepass")).hexdigest()[:32]


def _in_file_order(findings: Iterable[Finding]) -> list[Finding]:
    return sorted(findings, key=lambda f: (f.record, f.line, f.column, f.end_line, f.code, f.rule))


def fingerprint_all(findings: Iterable[Finding]) -> list[tuple[Finding, str]]:
    """Every finding with its fingerprint, occurrences counted in file order (record, line, column)."""
    seen: dict[tuple[str, str, str, str], int] = {}
    out = []
    for finding in _in_file_order(findings):
        key = _identity(finding)
        out.append((finding, fingerprint(finding, seen.get(key, 0))))
        seen[key] = seen.get(key, 0) + 1
    return out


def slot(finding: Finding) -> tuple:
    """What tells one finding of a report from another, by value: findings spilled to disk are
    read back as new objects on every pass, so ``id()`` cannot key them."""
    return (finding.path, finding.doc_id, finding.record, finding.code, finding.rule, finding.line,
            finding.end_line, finding.column, finding.excerpt)


def fingerprints(report) -> dict[tuple, str]:
    """Fingerprints of ``report.findings``, keyed by :func:`slot`.

    A baselined report keeps the fingerprints computed over the full run in
    ``report.extra["fingerprints"]`` (aligned with ``report.findings``), so a
    new finding keeps the fingerprint it would have had without the baseline.
    """
    findings = list(report.findings)
    stored = report.extra.get("fingerprints")
    pairs = zip(findings, stored, strict=True) if stored is not None and len(stored) == len(findings) else fingerprint_all(findings)
    out: dict[tuple, str] = {}
    for finding, fp in pairs:
        out.setdefault(slot(finding), fp)
    return out


def _entry(finding: Finding, fp: str) -> BaselineEntry:
    return BaselineEntry(fp, finding.code, finding.rule, normalise_path(finding.path), finding.excerpt)


def write_baseline(report, path: str | os.PathLike) -> Path:
    """Write every finding of ``report`` to ``path`` as accepted; returns the path.

    Pass the full report (not a baselined one), or the file would hold only the new findings.
    Entries are sorted so the file diffs well; lines are left out on purpose (they change).
    """
    fps = fingerprints(report)
    entries = sorted((_entry(f, fps[slot(f)]) for f in report.findings), key=lambda e: (e.path, e.code, e.excerpt, e.fingerprint))
    data = {
        "version": BASELINE_VERSION,
        "tool": "corpuscheck",
        "tool_version": __version__,
        "fingerprint": FINGERPRINT_KEY,
        "suite": report.suite.name,
        "findings": len(entries),
        "fingerprints": [e.as_dict() for e in entries],
    }
    from corpuscheck.atomic import write_text

    return write_text(path, json.dumps(data, indent=2, ensure_ascii=False) + "\n")


def load_baseline(path: str | os.PathLike) -> Baseline:
    """Read a baseline file; a BaselineError (a ValueError) says what is wrong with it."""
    where = str(path)
    try:
        raw = Path(path).read_text(encoding="utf-8")
    except FileNotFoundError:
        raise BaselineError(f"baseline {where}: no such file (write one with the current findings first)") from None
    except IsADirectoryError:
        raise BaselineError(f"baseline {where}: is a folder, not a file") from None
    except UnicodeDecodeError as exc:
        raise BaselineError(f"baseline {where}: not UTF-8 text ({exc.reason} at byte {exc.start})") from None
    try:
        data = json.loads(raw)
    except json.JSONDecodeError as exc:
        raise BaselineError(f"baseline {where}: not valid JSON: {exc.msg} at line {exc.lineno}, column {exc.colno}") from None
    if not isinstance(data, dict) or data.get("tool") != "corpuscheck":
        raise BaselineError(f"baseline {where}: not a corpuscheck baseline (no \"tool\": \"corpuscheck\")")
    if data.get("version") != BASELINE_VERSION:
        raise BaselineError(
            f"baseline {where}: version {data.get('version')!r} is not supported (this corpuscheck reads version "
            f"{BASELINE_VERSION}); write the baseline again"
        )
    if data.get("fingerprint", FINGERPRINT_KEY) != FINGERPRINT_KEY:
        raise BaselineError(f"baseline {where}: fingerprints are {data.get('fingerprint')!r}, expected {FINGERPRINT_KEY!r}; "
                            "write the baseline again")
    items = data.get("fingerprints")
    if not isinstance(items, list):
        raise BaselineError(f"baseline {where}: \"fingerprints\" must be a list")
    entries: dict[str, BaselineEntry] = {}
    for index, item in enumerate(items):
        if isinstance(item, str):  # a bare fingerprint is accepted too
            item = {"fingerprint": item}
        if not isinstance(item, dict) or not isinstance(item.get("fingerprint"), str) or not item["fingerprint"]:
            raise BaselineError(f"baseline {where}: entry {index + 1} has no \"fingerprint\" string")
        entries[item["fingerprint"]] = BaselineEntry(
            item["fingerprint"], str(item.get("code", "")), str(item.get("rule", "")),
            str(item.get("path", "")), str(item.get("excerpt", "")),
        )
    return Baseline(where, entries)


def apply_baseline(report, baseline: Baseline) -> tuple[list[Finding], int, list[BaselineEntry]]:
    """Split ``report``'s findings: ``(new findings, number of known ones, baseline entries now fixed)``."""
    fps = fingerprints(report)
    findings = list(report.findings)
    new = [f for f in findings if fps[slot(f)] not in baseline]
    present = set(fps.values())
    fixed = [e for fp, e in baseline.entries.items() if fp not in present]
    return new, len(findings) - len(new), fixed


def _matches(entry, finding: Finding) -> bool:
    rule = getattr(entry, "rule", None)
    if rule is not None:
        return finding.code == rule.code
    return finding.code == "GX" and finding.rule == entry.expectation


def _rejudge(outcome, new_findings: list[Finding]):
    """The outcome counting only documents that fail it with at least one new finding."""
    if outcome.success:
        return outcome
    fresh = {f.doc_id for f in new_findings if _matches(outcome.entry, f)}
    pairs = list(zip(outcome.failing_doc_ids, outcome.failing_values or [None] * len(outcome.failing_doc_ids), strict=True))
    if not pairs and outcome.unexpected_count:  # no per-document list: every document with a new finding counts
        pairs = [(doc_id, None) for doc_id in sorted(fresh)]
    kept = [(d, v) for d, v in pairs if d in fresh]
    unexpected = len(kept)
    total = outcome.element_count
    observed = 1.0 if not total else 1 - unexpected / total
    return replace(
        outcome,
        success=unexpected == 0 or observed >= outcome.threshold - 1e-12,
        unexpected_count=unexpected,
        failing_doc_ids=[d for d, _ in kept],
        failing_values=[v for _, v in kept],
    )


def baselined_report(report, baseline: Baseline):
    """A new Report holding only the findings not in ``baseline``; ``passed`` judges only those.

    Each failed expectation is judged again on the documents that fail it with at
    least one new finding (``mostly`` and ``max_per_document`` still apply); read
    errors are never baselined. ``extra["baseline"]`` holds ``path``, ``known``
    (findings matched by the baseline), ``new`` and ``fixed`` (entries as dicts);
    ``extra["fingerprints"]`` the new findings' fingerprints, aligned with ``report.findings``.
    """
    from corpuscheck.check import Report

    fps = fingerprints(report)
    new, known, fixed = apply_baseline(report, baseline)
    new_ids = {slot(f) for f in new}
    files = [replace(file, findings=[f for f in file.findings if slot(f) in new_ids]) for file in report.files]
    kept = [f for file in files for f in file.findings]
    extra: dict[str, Any] = dict(report.extra)
    extra["baseline"] = {"path": baseline.path, "known": known, "new": len(kept), "fixed": [e.as_dict() for e in fixed]}
    extra["fingerprints"] = [fps[slot(f)] for f in kept]
    return Report(
        suite=report.suite,
        files=files,
        outcomes=[_rejudge(o, kept) for o in report.outcomes],
        documents=report.documents,
        tool_version=report.tool_version,
        extra=extra,
        file_count=getattr(report, "file_count", None),
    )


def baseline_summary(report) -> str | None:
    """One line for the end of the text output of a baselined report, else None."""
    info = report.extra.get("baseline")
    if not info:
        return None
    fixed = len(info["fixed"])
    line = f"Baseline {info['path']}: {info['new']} new finding(s), {info['known']} known finding(s) not counted"
    if fixed:
        line += f", {fixed} baseline entr{'y' if fixed == 1 else 'ies'} fixed (write the baseline again to drop them)"
    return line + "."
