"""The command line: picks the paths, the suite and the reporters; exit codes 0, 1, 2."""

from __future__ import annotations

import argparse
import contextlib
import difflib
import os
import sys
from pathlib import Path

from corpuscheck import __version__, atomic
from corpuscheck.findings import UnknownName

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
CONCISE_CAP = 200  # finding lines printed by --show concise
CACHED_FORMATS = ("json",)  # reporters whose text follows from the report and their options alone: kept in the cache


def _formats() -> str:
    from corpuscheck.report import reporters

    return ", ".join(sorted(n for n in reporters() if n != "html"))


def _add_corpus_options(command: argparse.ArgumentParser, *, jobs_help: str) -> None:
    """What to read and which rules to run: shared by `check`, `baseline` and `fix` so they stay in step.

    None means "not given", so that [tool.corpuscheck] in pyproject.toml can fill it in.
    """
    command.add_argument("paths", nargs="*", help="files or folders (default: [tool.corpuscheck] paths, else corpus/)")
    command.add_argument("--suite", help="suite file or name (default: checks/news.yml, else the built-in news suite)")
    command.add_argument("--select", type=_codes, help="only these rules: codes, code prefixes, families or names, comma-separated")
    command.add_argument("--ignore", type=_codes, help="skip these rules (same forms as --select)")
    command.add_argument("--text-field", help="JSONL/Parquet field holding the text (default: text)")
    command.add_argument("--title-field", help="JSONL/Parquet field holding the title (default: title)")
    command.add_argument("--jobs", type=int, help=jobs_help)
    command.add_argument("--no-progress", action="store_true", help="no progress bar")
    command.add_argument("--debug", action="store_true", help="show tracebacks of internal errors")


def _add_check_options(command: argparse.ArgumentParser) -> None:
    """Options shared by `check` and `baseline`."""
    _add_corpus_options(command, jobs_help="worker processes (default: all cores for large corpora)")
    command.add_argument("--fail-on", choices=("error", "warning", "info", "never"),
                         help="lowest severity of a failed expectation that fails the run (default: error)")
    command.add_argument("--html-mode", choices=("balanced", "precision", "recall", "fast"), default="balanced",
                         help="how HTML pages are extracted (trafilatura's trade-off; default: balanced)")
    command.add_argument("--html-no-tables", action="store_true", help="leave tables out of extracted HTML text")
    command.add_argument("--html-comments", action="store_true", help="keep reader comments in extracted HTML text")
    command.add_argument("--no-cache", action="store_true", help="check every file afresh; read and write no cache")
    command.add_argument("--cache-dir", help="cache folder (default: .corpuscheck_cache/ beside pyproject.toml, else here)")
    command.add_argument("--engine", choices=("local", "spark"), help="run the rules in local processes or on Spark (default: local)")
    command.add_argument("--spark-master", help="Spark master URL for --engine spark (default: local[*])")
    bounds = command.add_argument_group("read bounds (each one crossed is a read error that names it)")
    bounds.add_argument("--max-document-chars", type=int, metavar="N",
                        help="check a longer document on its first N characters; S107 reports it (default: 5,000,000)")
    bounds.add_argument("--max-record-bytes", type=int, metavar="N", help="skip a longer JSONL line (default: 64 MiB)")
    bounds.add_argument("--max-row-group-bytes", type=int, metavar="N",
                        help="skip a larger Parquet row group, uncompressed (default: 256 MiB)")
    bounds.add_argument("--max-page-bytes", type=int, metavar="N", help="do not extract a larger HTML page (default: 20 MB)")
    bounds.add_argument("--max-html-depth", type=int, metavar="N",
                        help="do not extract an HTML page nested deeper (default and most: 255)")


BOUNDS = ("max_document_chars", "max_record_bytes", "max_row_group_bytes", "max_page_bytes", "max_html_depth")


def _settings(args) -> dict:
    """Effective settings: flags over [tool.corpuscheck] over defaults (values only)."""
    from corpuscheck.ci.config import resolve

    given = {key: getattr(args, key, None) for key in
             ("paths", "suite", "select", "ignore", "text_field", "title_field", "fail_on", "report", "baseline", "jobs",
              "engine", "spark_master", "cache_dir", *BOUNDS)}
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
    check.add_argument("--format", default="text", type=str.lower, help="output on stdout: " + _formats() + " (default: text)")
    check.add_argument("--output-format", action="append", default=[], metavar="NAME=FILE",
                       help="also write format NAME to FILE, e.g. junit=reports/junit.xml (repeatable)")
    check.add_argument("--report", metavar="DIR", help="write DIR/index.html (default: reports/ when it exists or no paths are given)")
    check.add_argument("--no-report", action="store_true", help="write no HTML report")
    check.add_argument("--data-docs", action="store_true", help="also write GX Data Docs under the report folder (gx/)")
    check.add_argument("--baseline", metavar="FILE", help="fail only on findings that are not in this baseline file")
    check.add_argument("--color", choices=("auto", "always", "never"), default="auto",
                       help="colour the text output (auto: on a terminal, or when FORCE_COLOR is set; NO_COLOR turns it off)")
    check.add_argument("--show", choices=("concise", "full"), default="concise",
                       help=f"concise: one line per finding, at most {CONCISE_CAP}; full: every finding with its excerpt")
    check.add_argument("--statistics", action="store_true", help="print the number of findings per rule")
    check.add_argument("-q", "--quiet", action="store_true", help="print only failed expectations and the verdict")

    baseline = commands.add_parser("baseline", help="accept today's findings: write their fingerprints to a baseline file")
    _add_check_options(baseline)
    baseline.add_argument("-o", "--output", default=DEFAULT_BASELINE, help=f"baseline file (default: {DEFAULT_BASELINE})")

    fix = commands.add_parser("fix", help="write a cleaned corpus, its edit log and what was removed (see DESIGN: Fix)")
    _add_corpus_options(fix, jobs_help="worker processes, one file each (default: [tool.corpuscheck] jobs, else 1); the output is the same")
    fix.add_argument("-o", "--output", help="output folder (must not be the input or inside it)")
    fix.add_argument("--unsafe-fixes", action="store_true", help="also apply unsafe fixes (ftfy repairs, document drops, mined lines)")
    fix.add_argument("--diff", action="store_true", help="print a unified diff per changed document and write nothing")
    fix.add_argument("--force", action="store_true", help="replace a non-empty output folder")
    restore = commands.add_parser("restore", help="rebuild the original corpus from the output of `corpuscheck fix`")
    restore.add_argument("fixed", help="the folder `corpuscheck fix` wrote")
    restore.add_argument("-o", "--output", required=True, help="folder to write the original corpus into")
    commands.add_parser("config", help="print the effective configuration and where each value came from")
    rules = commands.add_parser("rules", help="list the rules: code, name, the suite's severity, summary")
    rules.add_argument("--suite", help="whose severities to show (default: the suite `check` would run)")
    rules.add_argument("--format", type=str.lower, choices=("text", "json"), default="text")
    explain = commands.add_parser("explain", help="print one rule's documentation with its examples")
    explain.add_argument("rule", help="code or name, e.g. P101 or placeholder-line")
    return parser


def _parse_outputs(values: list[str]) -> list[tuple[str, Path]]:
    from corpuscheck.report import get_reporter

    outputs = []
    for value in values:
        name, sep, target = value.partition("=")
        name = name.lower()
        if not sep or not name or not target:
            raise UsageError(f"--output-format takes NAME=FILE, not {value!r}")
        get_reporter(name)  # unknown names fail before the run
        outputs.append((name, Path(target)))
    return outputs


def _run(args, settings: dict, *, data_docs_dir=None):
    """Check with the effective settings; raises UsageError when nothing could be checked."""
    from corpuscheck.check import check
    from corpuscheck.input.html import HtmlOptions
    from corpuscheck.input.loader import ReadLimits

    paths = settings["paths"]
    if not args.paths and paths == ["corpus"] and not Path("corpus").exists():
        raise UsageError("no paths given and no corpus/ folder here: name the files or folders to check")
    unreadable = _nothing_to_check(paths)
    if unreadable:
        raise UsageError("nothing to check: " + "; ".join(f"{e.path}: {e.message}" for e in unreadable))
    from corpuscheck.progress import progress_bar

    if args.title_field:
        _check_title_field(paths, settings["text_field"], args.title_field)
    bar, progress = progress_bar(paths, not args.no_progress)
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
            html=HtmlOptions(tables=not args.html_no_tables, comments=args.html_comments, mode=args.html_mode,
                             max_page_bytes=settings["max_page_bytes"], max_depth=settings["max_html_depth"]),
            limits=ReadLimits(settings["max_document_chars"], settings["max_record_bytes"],
                              settings["max_row_group_bytes"]),
            cache_dir=_cache_dir(args, settings),
            engine=settings["engine"],
            spark_master=settings["spark_master"],
        )
    finally:
        if bar:
            bar.stop()
    if report.documents == 0 and report.errors:
        first, more = report.errors[0], len(report.errors) - 1
        where = first.path + (f":{first.line}" if first.line else "")
        raise UsageError(f"nothing could be checked: {where}: {first.message}" + (f" (and {more} more read error(s))" if more else ""))
    _check_sources(report)
    if not report.files and not report.file_count:
        raise UsageError(f"no corpus files (.txt, .jsonl, .jsonl.gz, .json.gz, .parquet) under {', '.join(paths)}")
    return report


def _cache_dir(args, settings: dict) -> Path | None:
    """--cache-dir / cache-dir, else .corpuscheck_cache/ beside the config (or here); None with
    --no-cache, cache = false, or CORPUSCHECK_NO_CACHE=1 in the environment (the test suite sets it)."""
    if getattr(args, "no_cache", False) or not settings["cache"]:
        return None
    if settings["cache_dir"]:
        return Path(settings["cache_dir"])
    if os.environ.get("CORPUSCHECK_NO_CACHE") == "1":
        return None
    from corpuscheck.cache import FOLDER_NAME
    from corpuscheck.ci.config import find_pyproject

    config = find_pyproject()
    return (config.parent if config else Path.cwd()) / FOLDER_NAME


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
    with contextlib.ExitStack() as stack:
        # the report folder (index.html, data-*/, gx/) is built in a temporary sibling and swapped in whole at
        # the end; the previous report's own data folder is not carried over
        staging = None
        if report_dir:
            from corpuscheck.report.html import is_report_data

            _check_report_folder(report_dir, settings["paths"])
            staging = stack.enter_context(atomic.folder(report_dir, skip=is_report_data))
        report = _run(args, settings, data_docs_dir=staging / "gx" if staging and args.data_docs else None)
        if baseline is not None:
            report = baselined_report(report, baseline)
        reporter = reporter_cls(color=_color(args.color) and args.format == "text")
        reporter.options = {"show": args.show, "statistics": args.statistics, "quiet": args.quiet}
        cached = report.extra.get("cached_output") if baseline is None and args.format in CACHED_FORMATS else None
        if cached is not None:  # the same files, suite and verdict as a run that wrote it: its bytes again
            cached.write(report, args.format, sorted(reporter.options.items()),
                         lambda stream: reporter.write(report, stream), sys.stdout)
        else:
            reporter.write(report, sys.stdout)
        for name, target in outputs:
            atomic.write_text(target, get_reporter(name)().render(report))
            print(f"{name} report: {target}", file=sys.stderr)
        if staging:
            from corpuscheck.report.html import write_html

            write_html(report, staging)
    if report_dir:
        print(f"HTML report: {Path(report_dir) / 'index.html'}", file=sys.stderr)
    if baseline is not None and (line := baseline_summary(report)):
        print(line, file=sys.stderr)
    return EXIT_PASSED if report.passed else EXIT_FAILED


def _check_report_folder(report_dir: str, paths: list[str]) -> None:
    """The report folder is rebuilt beside itself and swapped in whole, its other entries carried over: it
    must be a folder of its own, not the working folder, one of its parents, or a folder holding the corpus."""
    target = Path(report_dir).resolve()
    here = Path.cwd().resolve()
    if target == here or target in here.parents:
        raise UsageError(f"--report {report_dir}: the report needs a folder of its own (it is replaced whole), "
                         "not the current folder or one above it; e.g. --report reports")
    for path in paths:
        checked = Path(path).resolve()
        if checked == target or target in checked.parents:
            raise UsageError(f"--report {report_dir}: it holds the checked path {path}; the report needs a "
                             "folder of its own (it is replaced whole), e.g. --report reports")


def _color(choice: str) -> bool:
    if choice != "auto":
        return choice == "always"
    if os.environ.get("NO_COLOR"):
        return False
    return bool(os.environ.get("FORCE_COLOR")) or sys.stdout.isatty()


def _check_title_field(paths: list[str], text_field: str, title_field: str) -> None:
    """A --title-field that the first JSONL/Parquet records do not have is a usage error, not silently no titles."""
    from corpuscheck.input.loader import JSONL_SUFFIXES, PARQUET_SUFFIXES, discover, load

    structured = [f for f in discover(paths) if isinstance(f, str) and f.lower().endswith(JSONL_SUFFIXES + PARQUET_SUFFIXES)]
    seen, fields = 0, set()
    for doc in load(structured, text_field=text_field, title_field=None):  # None: every other field stays in meta
        if title_field in doc.meta:
            return
        fields |= set(doc.meta)
        seen += 1
        if seen >= 20:
            break
    if seen:
        known = ", ".join(sorted(fields | {text_field}))
        raise UsageError(f"--title-field {title_field!r}: no such field in the first {seen} record(s) (fields: {known})")


def _check_sources(report) -> None:
    """A suite that budgets a source no document comes from (a typo?) must not pass on 0/0 documents."""
    known = sorted({s for _, _, s, _ in report.extra.get("doc_stats", ()) if s})
    for outcome in report.outcomes:
        if outcome.source is not None and outcome.element_count == 0:
            close = difflib.get_close_matches(outcome.source, known, n=1)
            hint = f"did you mean {close[0]!r}? " if close else ""
            shown = ", ".join(known[:10]) + (", ..." if len(known) > 10 else "")
            raise UsageError(f"suite {report.suite.name!r} names source {outcome.source!r}, which no document has "
                             f"({hint}known sources: {shown or 'none'})")


def run_baseline(args) -> int:
    from corpuscheck.ci.baseline import write_baseline

    report = _run(args, _settings(args))
    path = write_baseline(report, args.output)
    print(f"Baseline written: {path} ({len(report.findings)} finding(s) accepted). "
          f"Gate on new ones with: corpuscheck check --baseline {path}", file=sys.stderr)
    return EXIT_PASSED


def run_config(args) -> int:
    from corpuscheck.ci.config import render, resolve
    from corpuscheck.gx.suite import load_suite

    effective = resolve({})
    sys.stdout.write(render(effective))
    suite = load_suite(effective["suite"].value)
    print(f"# suite that will run: {suite.name} ({len(suite.entries)} expectation(s))")
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
    import json

    from corpuscheck.gx.suite import load_suite
    from corpuscheck.rules import all_rules

    suite = load_suite(args.suite or _settings(args)["suite"])
    in_suite = {e.rule.code: e.severity for e in suite.rule_entries}
    rows = [{"code": r.code, "name": r.name, "family": r.family, "severity": in_suite.get(r.code),
             "default_severity": r.severity, "fix": r.fix_safety, "summary": r.summary} for r in all_rules()]
    if args.format == "json":
        print(json.dumps({"suite": suite.name, "rules": rows}, ensure_ascii=False, indent=2))
        return EXIT_PASSED
    print(f"# severities in suite {suite.name!r}; 'off' = not in the suite (default severity in brackets); fix safety")
    for r in rows:
        default = f"[{r['default_severity']}]"
        print(f"{r['code']:<6} {r['name']:<28} {r['severity'] or 'off':<8} {default:<9} {r['fix']:<7} {r['summary']}")
    return EXIT_PASSED


def run_fix(args) -> int:
    from corpuscheck.fix.run import fix_corpus
    from corpuscheck.progress import progress_bar

    settings = _settings(args)
    bar, progress = progress_bar(settings["paths"], not args.no_progress, "fixing")
    if bar:
        bar.start()
    try:
        summary = fix_corpus(
            settings["paths"], args.output, settings["suite"], select=settings["select"], ignore=settings["ignore"],
            unsafe=args.unsafe_fixes, diff=args.diff, force=args.force, text_field=settings["text_field"],
            title_field=settings["title_field"] or None, progress=progress, jobs=max(1, settings["jobs"] or 1),
        )
    finally:
        if bar:
            bar.stop()
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
    first = argv[0] if argv and argv[0] not in COMMANDS else None
    if first and not first.startswith("-") and not os.path.exists(first):  # `chek foo`: a typo, not a path
        close = difflib.get_close_matches(first, COMMANDS, n=1, cutoff=0.7)
        if close:
            print(f"corpuscheck: error: unknown command {first!r} (did you mean {close[0]!r}?)", file=sys.stderr)
            return EXIT_ERROR
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
    except (UsageError, UnknownName, ValueError, OSError) as exc:
        # SuiteError is a ValueError; unknown rules, selectors and formats are UnknownName (any other KeyError is a bug)
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
