"""Fix a corpus: stream its documents, compose each one's edits, write OUT atomically.

OUT gets the cleaned corpus (same layout and format), ``edits.jsonl``, ``removed.jsonl`` and,
last, ``manifest.json``; everything is written into a temporary folder beside OUT that is
renamed into place at the end, so an interrupted run leaves nothing that looks complete.
"""

from __future__ import annotations

import dataclasses
import difflib
import hashlib
import os
import shutil
import tempfile
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field

import orjson
import regex

from corpuscheck import __version__
from corpuscheck.fix import formats
from corpuscheck.fix.edits import Edit, apply, chain, compose, hit_changes, raw_where
from corpuscheck.fix.parquet import fix_parquet
from corpuscheck.gx.suite import RuleEntry, Suite, load_suite
from corpuscheck.input.document import Document, from_text
from corpuscheck.input.html import page_items
from corpuscheck.input.loader import LoadError, _kind, discover, display_path
from corpuscheck.rules import all_rules, select_rules
from corpuscheck.rules.base import CorpusRule, Hit

HTML_END = regex.compile(r"\.html?(\.gz)?$", regex.I)
FORMATS = ("txt", "jsonl", "parquet", "html")


class FixError(ValueError):
    """A usage problem: OUT inside the input, OUT not empty, an unsupported format."""


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


@dataclass
class Plan:
    entries: list[RuleEntry]
    unsafe: bool
    suite_hash: str
    corpus_hits: dict[str, list[tuple[RuleEntry, Hit]]] = field(default_factory=dict)

    def fixing(self) -> list[RuleEntry]:
        return [e for e in self.entries if e.rule.autofix and (self.unsafe or e.rule.autofix.safety == "safe")]


def plan(paths, suite=None, *, select=None, ignore=None, unsafe=False, text_field="text", title_field="title") -> Plan:
    if not isinstance(suite, Suite):
        suite = load_suite(suite)
    if select or ignore:
        suite = suite.restrict(select_rules(all_rules(), select, ignore), add_missing=bool(select))
    entries = suite.rule_entries
    described = [(e.rule.code, sorted(e.options.items())) for e in entries]
    made = Plan(entries, unsafe, sha256(repr((suite.name, described)).encode())[:16])
    corpus = [e for e in made.fixing() if isinstance(e.rule, CorpusRule)]
    if corpus:  # corpus rules judge the whole corpus: a first pass, only for them
        from corpuscheck.engine import run_rules

        run = run_rules(list(paths), corpus, text_field=text_field, title_field=title_field)
        by_code = {e.rule.code: e for e in corpus}
        for finding in run.findings:
            hit = Hit(finding.line, finding.end_line, finding.column, excerpt=finding.excerpt)
            made.corpus_hits.setdefault(finding.doc_id, []).append((by_code[finding.code], hit))
    return made


PASSES = 4  # a fix can reveal another (initials glued to a line that then repeats an earlier one)


def document_edits(doc: Document, raw: str, made: Plan) -> tuple[list[Edit], list[str]]:
    """The document's edits, and the codes of the rules that drop it (then no edits).

    Fixing runs until the text is stable (at most PASSES passes), so fixing twice changes
    nothing; the passes' edits are chained into one set of edits on the raw text."""
    edits, drops = _one_pass(doc, raw, made)
    if drops or not edits:
        return edits, drops
    for _ in range(PASSES - 1):
        cleaned = apply(raw, edits)
        title = doc.title if doc.title_line == 0 else None
        again = from_text(cleaned, doc.path, record=doc.record, doc_id=doc.doc_id, title=title, meta=doc.meta)
        more, _ = _one_pass(again, cleaned, made, corpus=False)
        if not more:
            break
        edits = chain(raw, edits, more, raw_where(raw))
    return edits, []


def _one_pass(doc: Document, raw: str, made: Plan, corpus: bool = True) -> tuple[list[Edit], list[str]]:
    changes, drops = [], []
    found = [(e, h) for e in made.fixing() if not isinstance(e.rule, CorpusRule) for h in e.rule.run(doc, e.options)]
    if corpus:
        found += made.corpus_hits.get(doc.doc_id, [])
    for entry, hit in found:
        if entry.rule.autofix.kind == "drop-document":
            drops.append(entry.rule.code)
            continue
        changes += hit_changes(entry.rule, doc, hit, entry.options)
    if drops:
        return [], sorted(set(drops))
    return compose(doc, raw, changes), []


def _outputs(paths: list[str]) -> Iterator[tuple[str, str] | LoadError]:
    """(input file, output path relative to OUT) for every corpus file."""
    for given in paths:
        top = given.rstrip(os.sep) or given
        base = os.path.basename(os.path.abspath(top))
        for found in discover([given]):
            if isinstance(found, LoadError):
                yield found
                continue
            if os.path.isdir(given):
                rel = os.path.relpath(found, given)
                yield found, rel if len(paths) == 1 else os.path.join(base, rel)
            else:
                yield found, os.path.basename(found)


def check_out(paths: list[str], out: str, force: bool) -> None:
    target = os.path.realpath(out)
    for given in paths:
        real = os.path.realpath(given)
        if target == real or target.startswith(real.rstrip(os.sep) + os.sep):
            raise FixError(f"output folder {out} is the input or inside it: choose another -o")
        if real.startswith(target.rstrip(os.sep) + os.sep):
            raise FixError(f"input {given} is inside the output folder {out}")
    if os.path.isdir(out) and os.listdir(out) and not force:
        raise FixError(f"output folder {out} is not empty (use --force to replace it)")
    if os.path.exists(out) and not os.path.isdir(out):
        raise FixError(f"output {out} is not a folder")


class Log:
    """edits.jsonl and removed.jsonl, streamed; counts per rule."""

    def __init__(self, folder: str | None, progress=None):
        self.progress = progress  # called with 1 per document read (the progress bar)
        self.edits = open(os.path.join(folder, "edits.jsonl"), "wb") if folder else None
        self.removed = open(os.path.join(folder, "removed.jsonl"), "wb") if folder else None
        self.counts: Counter = Counter()
        self.removed_by: Counter = Counter()
        self.documents = self.changed = self.dropped = self.skipped = 0

    def count(self) -> None:
        self.documents += 1
        if self.progress:
            self.progress(1)

    def edit(self, doc: Document, edits: list[Edit], doc_hash: str, suite_hash: str, **extra) -> None:
        for edit in edits:
            self.counts[edit.code] += 1
            if self.edits:
                item = {"path": doc.path, "record": doc.record, "doc_id": doc.doc_id, **edit.as_dict(),
                        "doc_hash": doc_hash, "suite_hash": suite_hash, **extra}
                self.edits.write(orjson.dumps(item) + b"\n")

    def remove(self, doc: Document, reasons: list[str], **original) -> None:
        self.dropped += 1
        for code in reasons:
            self.removed_by[code] += 1
        if self.removed:
            item = {"path": doc.path, "record": doc.record, "doc_id": doc.doc_id, "reasons": reasons, **original}
            self.removed.write(orjson.dumps(item) + b"\n")

    def close(self) -> None:
        for handle in (self.edits, self.removed):
            if handle:
                handle.close()


def unified_diff(name: str, before: str, after: str) -> str:
    """A unified diff that ``patch`` applies, "No newline at end of file" marks included."""
    lines = difflib.unified_diff(
        before.splitlines(keepends=True), after.splitlines(keepends=True), f"a/{name}", f"b/{name}"
    )
    return "".join(line if line.endswith("\n") else line + "\n\\ No newline at end of file\n" for line in lines)


def _fix_txt(path, shown, made, log, target, diff_out, title_field) -> dict:
    data = formats.read_bytes(path)
    decoded = formats.txt_encoding(data, shown)
    info = {"format": "txt", "input_sha256": sha256(data)}
    if decoded is None or not decoded[0].strip():
        log.skipped += decoded is None
        if target:
            formats.write_bytes(target, data)
        return {**info, "encoding": None, "fixed": False}
    raw, encoding = decoded
    doc = from_text(raw, shown)
    log.count()
    edits, drops = document_edits(doc, raw, made)
    info["encoding"] = encoding
    if drops:
        log.remove(doc, drops, text=raw, encoding=encoding)
        return {**info, "dropped": True}
    if edits:
        log.changed += 1
        log.edit(doc, edits, sha256(data), made.suite_hash)
    cleaned = apply(raw, edits)
    if diff_out is not None and edits:
        diff_out.append(unified_diff(shown, raw, cleaned))
    if target:
        formats.write_bytes(target, formats.encode_txt(cleaned, encoding))
    return info


def _fix_jsonl(path, shown, made, log, target, diff_out, text_field, title_field) -> dict:
    with formats._open_binary(path) as handle:
        return _fix_lines(handle, shown, made, log, target, diff_out, text_field, title_field)


def _fix_html(path, shown, made, log, target, diff_out) -> dict:
    """An HTML page becomes one JSONL record of its extracted text (title, text, source), then is fixed as one."""
    data = formats.read_bytes(path)
    lines, ids, problems = [], {}, []
    for item in page_items(data, shown):
        if isinstance(item, LoadError):
            problems.append(item.message)
        else:
            lines.append(orjson.dumps({"source": shown, "title": item.title, "text": item.text}) + b"\n")
            ids[len(lines)] = item.doc_id  # the corpus pass knows the page by its own doc_id
    info = _fix_lines(lines, shown, made, log, target, diff_out, "text", "title", ids)
    info = {**info, "source_format": "html", "input_sha256": sha256(data)}
    return {**info, "extraction": problems} if problems else info


def _fix_lines(lines, shown, made, log, target, diff_out, text_field, title_field, ids=None) -> dict:
    info = {"format": "jsonl"}
    digest = hashlib.sha256()
    out = [] if target else None
    number = line = 0
    for raw_line in lines:
        digest.update(raw_line)
        line += 1
        if not raw_line.strip():
            if out is not None:
                out.append(raw_line)
            continue
        number += 1
        doc, raw = formats.record_document(raw_line, shown, number, line, text_field, title_field)
        if doc is not None and ids:
            doc = dataclasses.replace(doc, doc_id=ids.get(number, doc.doc_id))
        if doc is None:
            if out is not None:
                out.append(raw_line)
            continue
        log.count()
        edits, drops = document_edits(doc, raw, made)
        if drops:
            log.remove(doc, drops, line=line, raw=raw_line.decode("utf-8", "surrogateescape"))
            continue
        if edits:
            cleaned = apply(raw, edits)
            span = formats.field_token(raw_line, text_field, raw)
            style = span and formats.json_style(raw, raw_line[span[0] : span[1]])
            if not style:
                log.skipped += 1
            else:
                log.changed += 1
                log.edit(doc, edits, sha256(raw_line), made.suite_hash, json=style)
                if diff_out is not None:
                    diff_out.append(unified_diff(f"{shown}#{number}", raw, cleaned))
                raw_line = raw_line[: span[0]] + formats.encode_json(cleaned, style) + raw_line[span[1] :]
        if out is not None:
            out.append(raw_line)
            if len(out) >= 1024:
                _flush(target, out)
    if out is not None:
        _flush(target, out)
    return {**info, "input_sha256": digest.hexdigest()}


_OPEN: dict[str, object] = {}


def _flush(target: str, lines: list[bytes]) -> None:
    import gzip

    handle = _OPEN.get(target)
    if handle is None:
        handle = (gzip.GzipFile(target, "wb", mtime=0) if target.lower().endswith(".gz") else open(target, "wb"))
        _OPEN[target] = handle
    handle.writelines(lines)
    lines.clear()


def _close(target: str) -> None:
    handle = _OPEN.pop(target, None)
    if handle is not None:
        handle.close()
    elif not os.path.exists(target):
        open(target, "wb").close()


def _fix_file(path, rel, kind, shown, work, made, log, diffs, text_field, title_field) -> dict:
    """Fix one corpus file into ``work`` (None: only count and diff); its entry of the manifest."""
    target = os.path.join(work, rel) if work else None
    if target:
        os.makedirs(os.path.dirname(target), exist_ok=True)
    if kind == "parquet":
        info = fix_parquet(path, shown, rel, work, made, log, document_edits, text_field, title_field,
                           diffs, unified_diff)
    elif kind == "txt":
        info = _fix_txt(path, shown, made, log, target, diffs, title_field)
    else:
        if kind == "html":
            info = _fix_html(path, shown, made, log, target, diffs)
        else:
            info = _fix_jsonl(path, shown, made, log, target, diffs, text_field, title_field)
        if target:
            _close(target)
    if target and os.path.exists(target) and not info.get("dropped"):
        info["output_sha256"] = sha256(formats.read_bytes(target))
    return {"input": shown, "output": rel, **info}


_WORKER_PLAN: Plan | None = None  # in a worker: the plan, sent once by the pool's initializer
PART = ".corpuscheck-part-"  # a worker's edits.jsonl and removed.jsonl for one file, under the work folder


def _init_worker(made: Plan) -> None:
    global _WORKER_PLAN
    _WORKER_PLAN = made


def _fix_file_in_worker(task: tuple) -> tuple[dict, dict, list[str] | None]:
    """One file in a worker: its edits and removals go to its own part folder, which the parent
    appends to edits.jsonl / removed.jsonl in file order (the same bytes as one process)."""
    number, path, rel, kind, shown, work, diff, text_field, title_field = task
    part = os.path.join(work, f"{PART}{number}") if work else None
    if part:
        os.makedirs(part)
    log = Log(part)
    diffs: list[str] | None = [] if diff else None
    try:
        info = _fix_file(path, rel, kind, shown, work, _WORKER_PLAN, log, diffs, text_field, title_field)
    finally:
        log.close()
    state = {k: getattr(log, k) for k in ("counts", "removed_by", "documents", "changed", "dropped", "skipped")}
    return info, state, diffs


def _merge(log: Log, part: str | None, state: dict) -> None:
    for name in ("counts", "removed_by"):
        getattr(log, name).update(state[name])
    for name in ("documents", "changed", "dropped", "skipped"):
        setattr(log, name, getattr(log, name) + state[name])
    if log.progress:
        log.progress(state["documents"])
    if part:
        for name, handle in (("edits.jsonl", log.edits), ("removed.jsonl", log.removed)):
            with open(os.path.join(part, name), "rb") as source:
                shutil.copyfileobj(source, handle)
        shutil.rmtree(part)


def _tasks(paths: list[str], errors: list[dict]) -> Iterator[tuple[str, str, str, str]]:
    """(path, output path relative to OUT, kind, shown path) per corpus file; read errors go to ``errors``."""
    for item in _outputs(paths):
        if isinstance(item, LoadError):
            errors.append({"path": item.path, "message": item.message})
            continue
        path, rel = item
        kind = _kind(path)
        shown = display_path(path)
        if kind not in FORMATS:
            raise FixError(f"{shown}: fix writes txt, JSONL, Parquet and HTML corpora; {kind} input is not supported yet")
        if kind == "html":  # pages become JSONL of their extracted text
            rel = HTML_END.sub("", rel) + ".jsonl"
        yield path, rel, kind, shown


def fix_corpus(
    paths, out: str | None, suite=None, *, select=None, ignore=None, unsafe=False, diff=False, force=False,
    text_field="text", title_field="title", progress=None, jobs: int = 1,
) -> dict:
    """Fix ``paths`` into ``out`` (or, with ``diff``, return the unified diffs and write nothing).
    ``jobs`` > 1 fixes files in that many worker processes; the output is the same, byte for byte."""
    paths = [os.fspath(p) for p in ([paths] if isinstance(paths, str | os.PathLike) else paths)]
    if not diff:
        if not out:
            raise FixError("fix needs an output folder: -o OUT")
        check_out(paths, out, force)
    made = plan(paths, suite, select=select, ignore=ignore, unsafe=unsafe, text_field=text_field, title_field=title_field)
    work = None
    if not diff:
        parent = os.path.dirname(os.path.abspath(out))
        os.makedirs(parent, exist_ok=True)
        work = tempfile.mkdtemp(prefix=".corpuscheck-fix-", dir=parent)
    diffs: list[str] | None = [] if diff else None
    log = Log(work, progress)
    files, errors = [], []
    try:
        tasks = _tasks(paths, errors)
        if jobs > 1:
            from concurrent.futures import ProcessPoolExecutor

            numbered = ((n, *t, work, diff, text_field, title_field) for n, t in enumerate(tasks))
            with ProcessPoolExecutor(jobs, initializer=_init_worker, initargs=(made,)) as pool:
                for number, (info, state, part_diffs) in enumerate(pool.map(_fix_file_in_worker, numbered)):
                    _merge(log, os.path.join(work, f"{PART}{number}") if work else None, state)
                    files.append(info)
                    if diffs is not None:
                        diffs += part_diffs
        else:
            for path, rel, kind, shown in tasks:
                files.append(_fix_file(path, rel, kind, shown, work, made, log, diffs, text_field, title_field))
        log.close()
        summary = {
            "tool": "corpuscheck", "version": __version__, "suite_hash": made.suite_hash,
            "options": {"unsafe_fixes": unsafe, "select": select, "ignore": ignore,
                        "text_field": text_field, "title_field": title_field},
            "rules": {e.rule.code: e.rule.fix_safety for e in made.fixing()},
            "documents": log.documents, "documents_changed": log.changed, "documents_removed": log.dropped,
            "documents_not_fixable": log.skipped, "edits": sum(log.counts.values()),
            "edits_by_rule": dict(sorted(log.counts.items())), "removed_by_rule": dict(sorted(log.removed_by.items())),
            "files": files, "errors": errors,
        }
        if diff:
            summary["diff"] = "".join(diffs)
            return summary
        with open(os.path.join(work, "manifest.json"), "wb") as handle:  # last: the corpus is complete
            handle.write(orjson.dumps(summary, option=orjson.OPT_INDENT_2) + b"\n")
        if os.path.exists(out):
            shutil.rmtree(out)
        os.rename(work, out)
        return summary
    except BaseException:
        log.close()
        for target in list(_OPEN):
            _close(target)
        if work and os.path.exists(work):
            shutil.rmtree(work, ignore_errors=True)
        raise
