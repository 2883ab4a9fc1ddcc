"""``--format sarif``: SARIF 2.1.0, for GitHub code scanning and other SARIF viewers.

One run: ``tool.driver`` lists the suite's rules (id = code, level from the
rule's default severity, help from its docs); each finding is a result with
its line span, the excerpt as snippet, D101's original run as a related
location and the baseline fingerprint as ``partialFingerprints``; read errors
are ``toolExecutionNotifications``. Locations are file regions: a ``.txt``
document's lines are the file's lines; for a ``.jsonl`` file the region is the
record's line (the line inside the record's text is in the message); for
compressed and Parquet files only the file is named.
"""

from __future__ import annotations

import re
from importlib import metadata
from pathlib import Path
from urllib.parse import quote

import orjson

from corpuscheck.ci.baseline import FINGERPRINT_KEY, fingerprints, normalise_path, slot
from corpuscheck.report.base import Reporter, report_files, sorted_findings

SCHEMA_URI = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
LEVELS = {"error": "error", "warning": "warning", "info": "note"}
RULES_DOC = "docs/rules.md"


def project_url() -> str | None:
    """The project's home page from the installed package metadata (``[project.urls]``), if any."""
    try:
        urls = metadata.metadata("corpuscheck").get_all("Project-URL") or []
    except metadata.PackageNotFoundError:
        return None
    found = dict(u.split(",", 1) for u in urls if "," in u)
    found = {k.strip().lower(): v.strip() for k, v in found.items()}
    for key in ("repository", "source", "homepage"):
        if found.get(key):
            return found[key].rstrip("/")
    return None


def rules_doc_url(base: str | None) -> str | None:
    return f"{base}/blob/HEAD/{RULES_DOC}" if base else None


def anchor(code: str, name: str) -> str:
    """The heading anchor of a rule in docs/rules.md (``## P101 `placeholder-line` `` -> ``p101-placeholder-line``)."""
    return re.sub(r"[^a-z0-9 -]", "", f"{code} {name}".lower()).replace(" ", "-")


def artifact_uri(path: str) -> str:
    """A relative URI for a path inside the working folder, else a ``file://`` URI."""
    posix = normalise_path(path)
    if Path(posix).is_absolute():
        return Path(posix).as_uri()
    return quote(posix, safe="/")


def file_region(finding) -> tuple[int, int, int] | None:
    """``(start line, end line, start column)`` of a finding in its file, or None when lines do not map."""
    if finding.doc_id == finding.path:
        if finding.path.lower().endswith(".gz"):
            return None
        return finding.line, max(finding.end_line, finding.line), finding.column
    if finding.path.lower().endswith((".jsonl", ".ndjson")):  # record n is line n of the file
        return finding.record, finding.record, 1
    return None


def _location(path: str, region: tuple[int, int, int] | None, snippet: str | None = None) -> dict:
    physical: dict = {"artifactLocation": {"uri": artifact_uri(path)}}
    if region:
        start, end, column = region
        physical["region"] = {"startLine": start, "endLine": end, "startColumn": column}
        if snippet and start == end:
            physical["region"]["snippet"] = {"text": snippet}
    return {"physicalLocation": physical}


def _rules(report) -> list[dict]:
    base = project_url()
    doc = rules_doc_url(base)
    out = []
    for entry in report.suite.rule_entries:
        rule = entry.rule
        descriptor = {
            "id": rule.code,
            "name": rule.name,
            "shortDescription": {"text": rule.summary},
            "fullDescription": {"text": rule.why},
            "help": {"text": f"{rule.summary}\n\n{rule.why}", "markdown": f"**{rule.summary}**\n\n{rule.why}"},
            "defaultConfiguration": {"level": LEVELS[rule.severity]},
            "properties": {"tags": ["corpus", "data-quality"]},
        }
        if doc:
            descriptor["helpUri"] = f"{doc}#{anchor(rule.code, rule.name)}"
        out.append(descriptor)
    for entry in report.suite.gx_entries:
        text = entry.description or f"{entry.expectation} on {entry.column or 'the rows'}"
        out.append({
            "id": f"GX/{entry.expectation}",
            "name": entry.expectation,
            "shortDescription": {"text": text},
            "fullDescription": {"text": f"Great Expectations {entry.expectation} with {entry.kwargs}"},
            "defaultConfiguration": {"level": LEVELS[entry.severity]},
        })
    seen, unique = set(), []
    for descriptor in out:  # one descriptor per id (a GX expectation may be listed twice)
        if descriptor["id"] not in seen:
            seen.add(descriptor["id"])
            unique.append(descriptor)
    return unique


def rule_id(finding) -> str:
    return f"GX/{finding.rule}" if finding.code == "GX" else finding.code


def _result(finding, fp: str, index: dict[str, int], baselined: bool) -> dict:
    message = finding.message
    if finding.doc_id != finding.path:
        message = f"Record {finding.record}, line {finding.line}: {message}"
    region = file_region(finding)
    result: dict = {
        "ruleId": rule_id(finding),
        "level": LEVELS.get(finding.severity, "warning"),
        "message": {"text": message},
        "locations": [_location(finding.path, region, finding.excerpt or None)],
        "partialFingerprints": {FINGERPRINT_KEY: fp},
        "properties": {"rule": finding.rule, "docId": finding.doc_id, "record": finding.record,
                       "line": finding.line, "endLine": finding.end_line},
    }
    if result["ruleId"] in index:
        result["ruleIndex"] = index[result["ruleId"]]
    if finding.related:
        related_region = None
        if region and finding.doc_id == finding.path:
            related_region = (finding.related["line"], finding.related["end_line"], 1)
        related = _location(finding.path, related_region)
        related["id"] = 1
        related["message"] = {"text": f"first occurrence: lines {finding.related['line']}-{finding.related['end_line']}"}
        result["relatedLocations"] = [related]
    if baselined:
        result["baselineState"] = "new"
    return result


def _notification(file, error) -> dict:
    region = (error.line, error.line, 1) if error.line else None
    return {
        "level": "error",
        "message": {"text": error.message},
        "locations": [_location(file.path, region)],
        "descriptor": {"id": "read-error"},
    }


def as_sarif(report) -> dict:
    rules = _rules(report)
    index = {r["id"]: i for i, r in enumerate(rules)}
    fps = fingerprints(report)
    baseline = report.extra.get("baseline")
    results = [
        _result(f, fps[slot(f)], index, baseline is not None)
        for file in report.files
        for f in sorted_findings(file.findings)
    ]
    notifications = [_notification(file, e) for file in report.files for e in file.errors]
    driver: dict = {"name": "corpuscheck", "version": report.tool_version, "semanticVersion": report.tool_version,
                    "rules": rules}
    base = project_url()
    if base:
        driver["informationUri"] = base
    properties: dict = {"suite": report.suite.name, "passed": report.passed, "documents": report.documents,
                        "files": report_files(report)}
    if baseline is not None:
        properties["baseline"] = {k: v for k, v in baseline.items() if k != "fixed"} | {"fixed": len(baseline["fixed"])}
    run = {
        "tool": {"driver": driver},
        "automationDetails": {"id": f"corpuscheck/{report.suite.name}/"},
        "columnKind": "unicodeCodePoints",
        "results": results,
        "invocations": [{"executionSuccessful": True, "toolExecutionNotifications": notifications}],
        "properties": properties,
    }
    return {"$schema": SCHEMA_URI, "version": "2.1.0", "runs": [run]}


class SarifReporter(Reporter):
    name = "sarif"

    def render(self, report) -> str:
        return orjson.dumps(as_sarif(report), option=orjson.OPT_INDENT_2).decode() + "\n"
