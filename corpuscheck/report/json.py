"""``--format json``: the contract in DESIGN.md."""

from __future__ import annotations

import io

import orjson

from corpuscheck.report.base import Reporter, report_files, sorted_findings

OPTIONS = orjson.OPT_INDENT_2 | orjson.OPT_NON_STR_KEYS


def as_data(report) -> dict:
    return {**_head(report), "files": [_file(f) for f in report.files]}


def _file(f) -> dict:
    return {
        "path": f.path,
        "documents": f.documents,
        "errors": [e.as_dict() for e in f.errors],
        "findings": [_with_fix(x) for x in sorted_findings(f.findings)],
    }


def _head(report) -> dict:
    return {
        "tool": "corpuscheck",
        "version": report.tool_version,
        "suite": report.suite.name,
        "passed": report.passed,
        "summary": {
            "files": report_files(report),
            "documents": report.documents,
            "documents_failed": report.documents_failed,
            "findings": report.finding_count if hasattr(report, "finding_count") else len(report.findings),
            "by_rule": report.by_rule(),
        },
        "expectations": [
            {
                "expectation": o.label,
                "severity": o.severity,
                "success": o.success,
                "documents": o.element_count,
                "documents_failing": o.unexpected_count,
                "source": o.source,
                "threshold": o.threshold,
                "observed": round(o.observed, 6),
                "margin": round(o.margin, 6),
            }
            for o in report.outcomes
        ],
        **({"language_mix": report.extra["language_mix"]} if "language_mix" in report.extra else {}),
    }


def _with_fix(finding) -> dict:
    """The finding, with ``fix: {"safety", "kind", "edits"}`` where `corpuscheck fix` repairs it.
    ``edits`` are this finding's spans alone (start, end, replacement, line, column, end_line,
    end_column; offsets in the document's text), or null where the checker cannot know them
    (a corpus rule's finding, a drop-document fix): the ``edits.jsonl`` of `corpuscheck fix` has them."""
    data = finding.as_dict()
    if finding.fix:
        data["fix"] = {**finding.fix, "edits": finding.fix_edits}
    return data


class JsonReporter(Reporter):
    name = "json"

    def render(self, report) -> str:
        out = io.StringIO()
        self.write(report, out)
        return out.getvalue()

    def write(self, report, stream) -> None:
        """The same text as ``orjson.dumps(as_data(report), indent 2)``, written file by file: a
        report of millions of findings is never one string (nor one list of dicts)."""
        head = orjson.dumps(_head(report), option=OPTIONS).decode()
        stream.write(head[: head.rfind("}")].rstrip("\n") + ',\n  "files": [')
        first = True
        for file in report.files:
            body = orjson.dumps(_file(file), option=OPTIONS).decode()
            stream.write(("\n    " if first else ",\n    ") + body.replace("\n", "\n    "))  # indented 4 more
            first = False
        stream.write("]\n}\n" if first else "\n  ]\n}\n")
