"""``--format github``: GitHub Actions workflow commands, shown as annotations on the run and the PR diff.

One line per finding::

    ::error file=corpus/x.txt,line=2,endLine=2,col=1,title=P101 placeholder-line::Placeholder line ...

``error``/``warning``/``notice`` follow the finding's severity (error/warning/info);
read errors are ``::error`` lines titled ``E000 read-error``. Values are escaped
as the runner expects (``%``, CR and LF everywhere; ``:`` and ``,`` in properties),
so corpus text can never start a command of its own. For a ``.jsonl`` file the
line is the record's line; compressed and Parquet files get a file-level
annotation. The summary (plain log lines) follows. GitHub shows at most 10
error and 10 warning annotations per step in the UI; the summary keeps the full count.
"""

from __future__ import annotations

from corpuscheck.ci.baseline import normalise_path
from corpuscheck.report.base import Reporter, sorted_findings
from corpuscheck.report.sarif import file_region
from corpuscheck.report.text import TextReporter, printable

COMMANDS = {"error": "error", "warning": "warning", "info": "notice"}


def escape_data(value: str) -> str:
    """A command's message: ``%``, CR and LF escaped."""
    return value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(value: str) -> str:
    """A command's property value: as data, plus ``:`` and ``,``."""
    return escape_data(value).replace(":", "%3A").replace(",", "%2C")


def _visible(text: str) -> str:
    """Other control characters from the corpus as ``\\xNN`` (CR and LF are escaped, not shown)."""
    return "".join(c if c in "\r\n" else printable(c) for c in text)


def command(kind: str, message: str, **properties) -> str:
    """One workflow command line; properties that are None are left out."""
    props = ",".join(f"{k}={escape_property(_visible(str(v)))}" for k, v in properties.items() if v is not None)
    return f"::{kind}{' ' + props if props else ''}::{escape_data(_visible(message))}"


def annotation(finding) -> str:
    region = file_region(finding)
    line, end_line, col = region if region else (None, None, None)
    message = finding.message
    if finding.doc_id != finding.path:
        message = f"record {finding.record}, line {finding.line}: {message}"
    if region and finding.doc_id == finding.path and end_line != line:
        message += f" (lines {line}-{end_line})"
    return command(
        COMMANDS.get(finding.severity, "warning"),
        message,
        file=normalise_path(finding.path),
        line=line,
        endLine=end_line,
        col=col,
        title=f"{finding.code} {finding.rule}",
    )


class GithubReporter(Reporter):
    name = "github"

    def render(self, report) -> str:
        out = []
        for file in report.files:
            for error in file.errors:
                out.append(command("error", error.message, file=normalise_path(file.path), line=error.line,
                                   title="E000 read-error"))
            out.extend(annotation(f) for f in sorted_findings(file.findings))
        out.extend(TextReporter(color=False).summary(report))
        return "\n".join(out) + "\n"
