"""``--format text``: ruff-style ``path:line:col: CODE [rule] message`` lines, then a summary."""

from __future__ import annotations

from corpuscheck.report.base import Reporter, sorted_findings

MAX_SOURCES_SHOWN = 20
STYLES = {"error": "31", "warning": "33", "info": "36", "bold": "1", "dim": "2", "green": "32"}


def printable(text: str) -> str:
    """Control characters from the corpus never reach the terminal raw."""
    return "".join(c if c.isprintable() or c == " " else f"\\x{ord(c):02x}" if ord(c) < 256 else f"\\u{ord(c):04x}" for c in text)


class TextReporter(Reporter):
    name = "text"

    def _c(self, style: str, text: str) -> str:
        return f"\x1b[{STYLES[style]}m{text}\x1b[0m" if self.color else text

    def render(self, report) -> str:
        out = []
        for file in report.files:
            for error in file.errors:
                where = f"{file.path}#{error.record}" if error.line is None and error.record else file.path
                where = printable(where) + f":{error.line or 1}:1"
                out.append(f"{self._c('bold', where)}: {self._c('error', 'E000')} [read-error] {printable(error.message)}")
            for f in sorted_findings(file.findings):
                span = f" (lines {f.line}-{f.end_line})" if f.end_line != f.line else ""
                out.append(
                    f"{self._c('bold', printable(f.location))}: {self._c(f.severity, f.code)} "
                    f"[{f.rule}] {printable(f.message)}{span}{' [*]' if f.is_fixable else ''}"
                )
        if out:
            out.append("")
        out.extend(self.summary(report))
        return "\n".join(out) + "\n"

    def summary(self, report) -> list[str]:
        lines = []
        for o in report.outcomes:
            mark = self._c("green", "pass") if o.success else self._c(o.severity, "FAIL")
            lines.append(
                f"{mark}  {o.label:<36} {o.severity:<7} {o.element_count - o.unexpected_count}/{o.element_count} "
                f"documents clean ({o.observed:.1%}, need {o.threshold:.0%}, margin {o.margin:+.1%})"
            )
        mixes = list(report.extra.get("language_mix", {}).items())
        for source, mix in mixes[:MAX_SOURCES_SHOWN]:
            shares = ", ".join(f"{lang} {share:.0%}" for lang, share in list(mix.items())[:5])
            lines.append(f"languages  {printable(source)}: {shares}")
        if len(mixes) > MAX_SOURCES_SHOWN:
            lines.append(f"languages  ... and {len(mixes) - MAX_SOURCES_SHOWN} more source(s): see --format json")
        fixable = sum(f.is_fixable for f in report.findings)
        unsafe = sum((f.fix or {}).get("safety") == "unsafe" for f in report.findings)
        if fixable or unsafe:
            more = f" ({unsafe} more with `--unsafe-fixes`)" if unsafe else ""
            lines.append(f"[*] {fixable} fixable with `corpuscheck fix`{more}.")
        errors = len(report.errors)
        verdict = self._c("green", "passed") if report.passed else self._c("error", "failed")
        lines.append(
            f"Suite {report.suite.name!r} {verdict}: {len(report.findings)} finding(s) in "
            f"{report.documents_failed} of {report.documents} document(s), {len(report.files)} file(s)"
            + (f", {errors} read error(s)" if errors else "")
            + "."
        )
        return lines
