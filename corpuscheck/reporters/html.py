"""``--report DIR``: a self-contained ``DIR/index.html`` (no network assets), everything escaped."""

from __future__ import annotations

from pathlib import Path

import jinja2

from corpuscheck.reporters.base import Reporter, sorted_findings
from corpuscheck.reporters.json import as_data

MAX_PER_FILE = 500  # findings listed per file; the count is always exact


def _environment() -> jinja2.Environment:
    return jinja2.Environment(
        loader=jinja2.PackageLoader("corpuscheck.reporters", "templates"),
        autoescape=True,  # everything from the corpus is escaped
        trim_blocks=True,
        lstrip_blocks=True,
    )


class HtmlReporter(Reporter):
    name = "html"

    def render(self, report) -> str:
        files = [f for f in report.files if f.findings or f.errors]
        files.sort(key=lambda f: (-len(f.errors), -len(f.findings), f.path))
        return _environment().get_template("report.html.j2").render(
            report=report,
            data=as_data(report),
            files=files,
            clean=len(report.files) - len(files),
            sorted_findings=sorted_findings,
            max_per_file=MAX_PER_FILE,
        )


def write_html(report, folder: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    index = folder / "index.html"
    index.write_text(HtmlReporter().render(report), encoding="utf-8")
    return index
