"""``--format text``: ruff-style ``path:line:col: CODE [rule] message`` lines, then a summary."""

from __future__ import annotations

from corpuscheck.findings import shown
from corpuscheck.report.base import Reporter, report_files, sorted_findings

MAX_SOURCES_SHOWN = 20
CONCISE_CAP = 200  # finding lines in --show concise; the rest are counted
EXCERPT_SHOWN = 120  # characters of an excerpt in --show full
STYLES = {"error": "31", "warning": "33", "info": "36", "bold": "1", "dim": "2", "green": "32"}


def printable(text: str) -> str:
    """Control characters from the corpus never reach the terminal raw (``\\x07``; the github format's escape)."""
    return "".join(c if c.isprintable() or c == " " else f"\\x{ord(c):02x}" if ord(c) < 256 else f"\\u{ord(c):04x}" for c in text)


def cut(text: str, limit: int = EXCERPT_SHOWN) -> str:
    text = " ".join(text.split()) if len(text) > limit else text
    return text if len(text) <= limit else text[: limit - 1] + "…"


def share(observed: float, threshold: float) -> tuple[str, str, str]:
    """Observed, needed and margin as percentages with enough decimals that a failure never reads like a pass."""
    for digits in range(1, 5):
        shown, need = f"{observed:.{digits}%}", f"{threshold:.{digits}%}"
        if shown != need or observed == threshold:
            break
    margin = observed - threshold
    sign = "-" if margin < 0 else "+"
    return shown, need, f"{sign}{abs(margin):.{digits}%}"


class TextReporter(Reporter):
    name = "text"

    def _c(self, style: str, text: str) -> str:
        return f"\x1b[{STYLES[style]}m{text}\x1b[0m" if self.color else text

    options: dict = {}  # show (concise | full), statistics, quiet: set by the CLI

    def finding_line(self, f) -> str:
        """One finding as ``path:line:col: CODE [rule] message``: the one place a finding line is built."""
        span = f" (lines {f.line}-{f.end_line})" if f.end_line != f.line else ""
        return (f"{self._c('bold', shown(f.location))}: {self._c(f.severity, f.code)} "
                f"[{f.rule}] {shown(f.message)}{span}{' [*]' if getattr(f, 'is_fixable', False) else ''}")

    def render(self, report) -> str:
        full, quiet = self.options.get("show") == "full", self.options.get("quiet", False)
        out, left = [], 0
        for file in report.files:
            for error in file.errors:
                where = f"{file.path}#{error.record}" if error.line is None and error.record else file.path
                where = shown(where) + f":{error.line or 1}:1"
                out.append(f"{self._c('bold', where)}: {self._c('error', 'E000')} [read-error] {shown(error.message)}")
            if quiet:
                continue
            for f in sorted_findings(file.findings):
                if not full and len(out) >= CONCISE_CAP:
                    left += 1
                    continue
                out.append(self.finding_line(f))
                if full and f.excerpt:
                    out.append("    " + self._c("dim", "│ " + shown(cut(f.excerpt))))
        if left:
            out.append(f"… {left} more finding(s) not shown: see them all with --show full, --format json or --report DIR")
        if out:
            out.append("")
        if self.options.get("statistics"):
            out.extend(self.statistics(report))
            out.append("")
        out.extend(self.summary(report, failed_only=quiet))
        return "\n".join(out) + "\n"

    def statistics(self, report) -> list[str]:
        """Findings per rule, most first, as ``ruff --statistics`` prints them."""
        from corpuscheck.report.data import ReportData

        rows = ReportData(report).statistics()
        width = max((len(str(r["findings"])) for r in rows), default=1)
        return [f"{r['findings']:>{width}}  {self._c(r['severity'], r['code']):<6} [{'*' if r['fixable'] else ' '}] "
                f"{r['rule']:<28} {r['documents']} document(s)" for r in rows]

    def summary(self, report, failed_only: bool = False) -> list[str]:
        lines = []
        for o in report.outcomes:
            if failed_only and o.success:
                continue
            mark = self._c("green", "pass") if o.success else self._c(o.severity, "FAIL")
            observed, need, margin = share(o.observed, o.threshold)
            lines.append(
                f"{mark}  {shown(o.label):<36} {o.severity:<7} {o.element_count - o.unexpected_count}/{o.element_count} "
                f"documents clean ({observed}, need {need}, margin {margin})"
            )
        mixes = list(report.extra.get("language_mix", {}).items())
        for source, mix in mixes[:MAX_SOURCES_SHOWN]:
            shares = ", ".join(f"{lang} {share:.0%}" for lang, share in list(mix.items())[:5])
            lines.append(f"languages  {shown(source)}: {shares}")
        if len(mixes) > MAX_SOURCES_SHOWN:
            lines.append(f"languages  ... and {len(mixes) - MAX_SOURCES_SHOWN} more source(s): see --format json")
        counts = _tally(report)
        fixable, unsafe = counts["fixable"], counts["unsafe"]
        if fixable or unsafe:
            more = f" ({unsafe} more with `--unsafe-fixes`)" if unsafe else ""
            lines.append(f"[*] {fixable} fixable with `corpuscheck fix`{more}.")
        errors = len(report.errors)
        verdict = self._c("green", "passed") if report.passed else self._c("error", "failed")
        lines.append(
            f"Suite {report.suite.name!r} {verdict}: {counts['findings']} finding(s) in "
            f"{report.documents_failed} of {report.documents} document(s), {report_files(report)} file(s)"
            + (f", {errors} read error(s)" if errors else "")
            + "."
        )
        return lines


def _tally(report) -> dict:
    """The report's finding counts in one pass (a Report-like object without ``tally`` is counted here)."""
    if hasattr(report, "tally"):
        return report.tally()
    found = list(report.findings)
    return {"findings": len(found), "fixable": sum(bool(getattr(f, "is_fixable", False)) for f in found),
            "unsafe": sum((getattr(f, "fix", None) or {}).get("safety") == "unsafe" for f in found)}
