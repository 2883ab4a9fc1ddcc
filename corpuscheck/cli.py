"""The command line: picks the paths, the suite and the reporters; exit codes 0, 1, 2."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from corpuscheck import __version__

EXIT_PASSED, EXIT_FAILED, EXIT_ERROR = 0, 1, 2
COMMANDS = ("check", "baseline", "config", "rules", "explain", "fix", "restore")


class UsageError(Exception):
    """Stops the run before checking: one line on stderr, exit code 2."""


class ArgumentParser(argparse.ArgumentParser):
    """argparse, but a usage error is one line (no usage block) and never exits the caller's process."""

    def error(self, message: str):
        raise UsageError(f"{message} (see `{self.prog} --help`)")


def _codes(value: str) -> list[str]:
    return [part.strip() for part in value.split(",") if part.strip()]


DEFAULT_BASELINE = "corpuscheck-baseline.json"


def _formats() -> str:
    from corpuscheck.report import reporters

    return ", ".join(sorted(n for n in reporters() if n != "html"))


def _add_check_options(command: argparse.ArgumentParser) -> None:
    """Options shared by `check` and `baseline`; None means "not given" so pyproject.toml can fill it in."""
    command.add_argument("paths", nargs="*", help="files or folders (default: [tool.corpuscheck] paths, else corpus/)")
    command.add_argument("--suite", help="suite file or name (default: checks/news.yml, else the built-in news suite)")
    command.add_argument("--select", type=_codes, help="only these rules: codes, code prefixes, families or names, comma-separated")
    command.add_argument("--ignore", type=_codes, help="skip these rules (same forms as --select)")
    command.add_argument("--text-field", help="JSONL/Parquet field holding the text (default: text)")
    command.add_argument("--title-field", help="JSONL/Parquet field holding the title (default: title)")
    command.add_argument("--fail-on", choices=("error", "warning", "info", "never"),
                         help="lowest severity of a failed expectation that fails the run (default: error)")
    command.add_argument("--jobs", type=int, help="worker processes (default: all cores for large corpora)")
    command.add_argument("--html-mode", choices=("balanced", "precision", "recall", "fast"), default="balanced",
                         help="how HTML pages are extracted (trafilatura's trade-off; default: balanced)")
    command.add_argument("--html-no-tables", action="store_true", help="leave tables out of extracted HTML text")
    command.add_argument("--html-comments", action="store_true", help="keep reader comments in extracted HTML text")
    command.add_argument("--no-progress", action="store_true", help="no progress bar")
    command.add_argument("--debug", action="store_true", help="show tracebacks of internal errors")


def _settings(args) -> dict:
    """Effective settings: flags over [tool.corpuscheck] over defaults (values only)."""
    from corpuscheck.ci.config import resolve

    given = {key: getattr(args, key, None) for key in
             ("paths", "suite", "select", "ignore", "text_field", "title_field", "fail_on", "report", "baseline", "jobs")}
    return {key: item.value for key, item in resolve(given).items()}


def build_parser() -> argparse.ArgumentParser:
    parser = ArgumentParser(
        prog="corpuscheck",
        description="A data-quality test suite and linter for text corpora.",
    )
    parser.add_argument("--version", action="version", version=f"corpuscheck {__version__}")
    commands = parser.add_subparsers(dest="command")

    check = commands.add_parser("check", help="check a corpus against a suite (the default command)")
    _add_check_options(check)
    check.add_argument("--format", default="text", help="output on stdout: " + _formats() + " (default: text)")
    check.add_argument("--output-format", action="append", default=[], metavar="NAME=FILE",
                       help="also write format NAME to FILE, e.g. junit=reports/junit.xml (repeatable)")
    check.add_argument("--report", metavar="DIR", help="write DIR/index.html (default: reports/ when it exists or no paths are given)")
    check.add_argument("--no-report", action="store_true", help="write no HTML report")
    check.add_argument("--data-docs", action="store_true", help="also write GX Data Docs under the report folder (gx/)")
    check.add_argument("--baseline", metavar="FILE", help="fail only on findings that are not in this baseline file")
    check.add_argument("--color", choices=("auto", "always", "never"), default="auto")

    baseline = commands.add_parser("baseline", help="accept today's findings: write their fingerprints to a baseline file")
    _add_check_options(baseline)
    baseline.add_argument("-o", "--output", default=DEFAULT_BASELINE, help=f"baseline file (default: {DEFAULT_BASELINE})")

    fix = commands.add_parser("fix", help="write a cleaned corpus, its edit log and what was removed (see DESIGN: Fix)")
    fix.add_argument("paths", nargs="*", help="files or folders (default: [tool.corpuscheck] paths, else corpus/)")
    fix.add_argument("-o", "--output", help="output folder (must not be the input or inside it)")
    fix.add_argument("--suite", help="suite file or name (as for check)")
    fix.add_argument("--select", type=_codes, help="only these rules (as for check)")
    fix.add_argument("--ignore", type=_codes, help="skip these rules (as for check)")
    fix.add_argument("--text-field", help="JSONL field holding the text (default: text)")
    fix.add_argument("--title-field", help="JSONL field holding the title (default: title)")
    fix.add_argument("--unsafe-fixes", action="store_true", help="also apply unsafe fixes (ftfy repairs, document drops, mined lines)")
    fix.add_argument("--diff", action="store_true", help="print a unified diff per changed document and write nothing")
    fix.add_argument("--force", action="store_true", help="replace a non-empty output folder")
    fix.add_argument("--debug", action="store_true", help="show tracebacks of internal errors")
    restore = commands.add_parser("restore", help="rebuild the original corpus from the output of `corpuscheck fix`")
    restore.add_argument("fixed", help="the folder `corpuscheck fix` wrote")
    restore.add_argument("-o", "--output", required=True, help="folder to write the original corpus into")
    commands.add_parser("config", help="print the effective configuration and where each value came from")
    commands.add_parser("rules", help="list the rules: code, name, severity, summary")
    explain = commands.add_parser("explain", help="print one rule's documentation with its examples")
    explain.add_argument("rule", help="code or name, e.g. P101 or placeholder-line")
    return parser


def _progress(args):
    if args.no_progress or not sys.stderr.isatty():
        return None, None
    try:  # rich is not a declared dependency: without it, no bar
        from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
    except ImportError:
        return None, None

    bar = Progress(TextColumn("checking"), BarColumn(), MofNCompleteColumn(), TextColumn("documents"),
                   TimeElapsedColumn(), transient=True, console=None)
    task = bar.add_task("check", total=None)
    return bar, lambda done: bar.advance(task, done)


def _parse_outputs(values: list[str]) -> list[tuple[str, Path]]:
    from corpuscheck.report import get_reporter

    outputs = []
    for value in values:
        name, sep, target = value.partition("=")
        if not sep or not name or not target:
            raise UsageError(f"--output-format takes NAME=FILE, not {value!r}")
        get_reporter(name)  # unknown names fail before the run
        outputs.append((name, Path(target)))
    return outputs


def _run(args, settings: dict, *, data_docs_dir=None):
    """Check with the effective settings; raises UsageError when nothing could be checked."""
    from corpuscheck.check import check
    from corpuscheck.input.html import HtmlOptions

    paths = settings["paths"]
    if not args.paths and paths == ["corpus"] and not Path("corpus").exists():
        raise UsageError("no paths given and no corpus/ folder here: name the files or folders to check")
    unreadable = _nothing_to_check(paths)
    if unreadable:
        raise UsageError("nothing to check: " + "; ".join(f"{e.path}: {e.message}" for e in unreadable))
    bar, progress = _progress(args)
    if bar:
        bar.start()
    try:
        report = check(
            paths,
            settings["suite"],
            select=settings["select"],
            ignore=settings["ignore"],
            text_field=settings["text_field"],
            title_field=settings["title_field"] or None,
            jobs=settings["jobs"],
            data_docs_dir=data_docs_dir,
            progress=progress,
            per_path_ignores=settings["per_path_ignores"],
            fail_on=settings["fail_on"],
            html=HtmlOptions(tables=not args.html_no_tables, comments=args.html_comments, mode=args.html_mode),
        )
    finally:
        if bar:
            bar.stop()
    if report.documents == 0 and report.errors and all(e.fatal for e in report.errors):
        raise UsageError("nothing could be checked: " + "; ".join(f"{e.path}: {e.message}" for e in report.errors))
    if not report.files:
        raise UsageError(f"no corpus files (.txt, .jsonl, .jsonl.gz, .json.gz, .parquet) under {', '.join(paths)}")
    return report


def run_check(args) -> int:
    from corpuscheck.ci.baseline import baseline_summary, baselined_report, load_baseline
    from corpuscheck.report import get_reporter

    settings = _settings(args)
    reporter_cls = get_reporter(args.format)
    outputs = _parse_outputs(args.output_format)
    baseline = load_baseline(settings["baseline"]) if settings["baseline"] else None
    report_dir = settings["report"]
    if report_dir is None and not args.no_report and (not args.paths or Path("reports").is_dir()):
        report_dir = "reports"
    if args.no_report:
        report_dir = None
    report = _run(args, settings, data_docs_dir=Path(report_dir) / "gx" if report_dir and args.data_docs else None)
    if baseline is not None:
        report = baselined_report(report, baseline)
    color = args.color == "always" or (args.color == "auto" and sys.stdout.isatty() and not os.environ.get("NO_COLOR"))
    sys.stdout.write(reporter_cls(color=color and args.format == "text").render(report))
    for name, target in outputs:
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(get_reporter(name)().render(report), encoding="utf-8")
        print(f"{name} report: {target}", file=sys.stderr)
    if report_dir:
        from corpuscheck.report.html import write_html

        index = write_html(report, Path(report_dir))
        print(f"HTML report: {index}", file=sys.stderr)
    if baseline is not None and (line := baseline_summary(report)):
        print(line, file=sys.stderr)
    return EXIT_PASSED if report.passed else EXIT_FAILED


def run_baseline(args) -> int:
    from corpuscheck.ci.baseline import write_baseline

    report = _run(args, _settings(args))
    path = write_baseline(report, args.output)
    print(f"Baseline written: {path} ({len(report.findings)} finding(s) accepted). "
          f"Gate on new ones with: corpuscheck check --baseline {path}", file=sys.stderr)
    return EXIT_PASSED


def run_config(args) -> int:
    from corpuscheck.ci.config import render, resolve

    sys.stdout.write(render(resolve({})))
    return EXIT_PASSED


def _nothing_to_check(paths: list[str]):
    """The errors when no path yields a corpus file (a quick answer before GX is loaded), else None."""
    from corpuscheck.input.loader import discover

    errors = []
    for found in discover(paths):
        if isinstance(found, str):
            return None
        errors.append(found)
    return errors


def run_rules_list(args) -> int:
    from corpuscheck.rules import all_rules

    for rule in all_rules():
        print(f"{rule.code:<6} {rule.name:<28} {rule.severity:<8} {rule.fix_safety:<7} {rule.summary}")
    return EXIT_PASSED


def run_fix(args) -> int:
    from corpuscheck.fix.run import fix_corpus

    settings = _settings(args)
    summary = fix_corpus(
        settings["paths"], args.output, settings["suite"], select=settings["select"], ignore=settings["ignore"],
        unsafe=args.unsafe_fixes, diff=args.diff, force=args.force, text_field=settings["text_field"],
        title_field=settings["title_field"] or None,
    )
    if args.diff:
        sys.stdout.write(summary["diff"])
    counts = ", ".join(f"{code} {n}" for code, n in summary["edits_by_rule"].items()) or "none"
    where = "" if args.diff else f" -> {args.output}"
    print(f"{summary['edits']} edit(s) in {summary['documents_changed']} of {summary['documents']} document(s) "
          f"({counts}); {summary['documents_removed']} removed{where}", file=sys.stderr)
    return EXIT_PASSED


def run_restore(args) -> int:
    from corpuscheck.fix.restore import restore

    count = restore(args.fixed, args.output)
    print(f"{count} file(s) restored into {args.output}", file=sys.stderr)
    return EXIT_PASSED


def run_explain(args) -> int:
    from corpuscheck.docs import render_rule
    from corpuscheck.rules import get_rule

    print(render_rule(get_rule(args.rule)))
    return EXIT_PASSED


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    if not argv or (argv[0] not in COMMANDS and argv[0] not in ("-h", "--help", "--version")):
        argv.insert(0, "check")
    for stream in (sys.stdout, sys.stderr):  # corpus text must not crash a terminal that is not UTF-8
        if hasattr(stream, "reconfigure"):
            stream.reconfigure(errors="backslashreplace")
    args = None
    handlers = {"check": run_check, "baseline": run_baseline, "config": run_config,
                "rules": run_rules_list, "explain": run_explain,
                "fix": run_fix, "restore": run_restore}
    try:
        try:
            args = build_parser().parse_args(argv)
        except SystemExit as exc:  # --help, --version
            return exc.code if isinstance(exc.code, int) else EXIT_PASSED
        return handlers[args.command](args)
    except (UsageError, KeyError, ValueError, OSError) as exc:
        # SuiteError is a ValueError; unknown rules and formats are KeyErrors
        message = str(exc.args[0]) if exc.args else str(exc)
        if isinstance(exc, OSError):
            message = f"{exc.filename or ''}: {exc.strerror or exc}".lstrip(": ")
        print(f"corpuscheck: error: {' '.join(message.split(chr(10)))}", file=sys.stderr)
        return EXIT_ERROR
    except KeyboardInterrupt:
        print("corpuscheck: interrupted", file=sys.stderr)
        return 130
    except Exception as exc:  # never a traceback for users; --debug shows it
        if getattr(args, "debug", False):
            raise
        print(f"corpuscheck: internal error: {exc!r} (run again with --debug for the traceback)", file=sys.stderr)
        return EXIT_ERROR


if __name__ == "__main__":
    sys.exit(main())
