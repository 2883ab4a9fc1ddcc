"""The reporter interface."""

from __future__ import annotations

from typing import ClassVar

from corpuscheck.check import Report


class Reporter:
    """Subclass with a ``name`` and a ``render``; subclasses register themselves."""

    name: ClassVar[str] = ""
    registry: ClassVar[list[type[Reporter]]] = []

    def __init_subclass__(cls, **kwargs):
        super().__init_subclass__(**kwargs)
        if cls.name:
            Reporter.registry.append(cls)

    def __init__(self, color: bool = False):
        self.color = color

    def render(self, report: Report) -> str:
        raise NotImplementedError

    def write(self, report: Report, stream) -> None:
        """Write the rendering to ``stream`` (a reporter may stream it in parts)."""
        stream.write(self.render(report))


def sorted_findings(findings):
    return sorted(findings, key=lambda f: (f.record, f.line, f.column, f.code))


def report_files(report) -> int:
    """Files read: ``report.file_count`` (a large run lists only files with findings or errors)."""
    count = getattr(report, "file_count", None)
    return len(report.files) if count is None else count
