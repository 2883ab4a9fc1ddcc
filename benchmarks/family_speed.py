"""CPU cost of the non-default rule families (G, L, E, S), or of any rules, on real articles.

Loads a sample of real articles (../shared/corpora: the Indonesian scrapes,
detik-2025, detik-2025-titled, indonesian-news-2020, the article extraction
benchmark's gold bodies and its html-text outputs), then times each rule over
the whole sample in CPU seconds (``time.process_time``, median of ``--runs``):
its ``detect`` and, for rules with statistics columns, its ``measure``, as the
engine calls them. Prints µs per document and MB/s per core, two figures per rule:

* ``alone``: the rule by itself on fresh Documents (nothing cached on them, lines
  already split, the tokenizer's chunk cache empty): its full cost.
* ``in suite``: all the rules on one document, then the next, as the engine runs
  them: work shared between rules (G101, G102 and G104's word tokens, the chunk
  cache) is paid by the first that needs it.

Documents are copied one at a time (untimed) and dropped after their rules ran,
as the engine streams them; every rule call is timed on its own (about 0.6 µs
of clock per rule and document).

The first L101 call loads py3langid's model (about half a second); a warm-up on
20 documents keeps such one-off set-up out of the figures.

``--findings FILE`` writes every rule's findings and measure columns on the
sample as JSON lines instead, and ``--compare FILE`` checks the current ones
against such a file, so an optimisation can be shown to change nothing::

    /work/venv/bin/python benchmarks/family_speed.py                     # timings, median of 3
    /work/venv/bin/python benchmarks/family_speed.py --rules G101,G102   # some rules only
    /work/venv/bin/python benchmarks/family_speed.py --findings /tmp/family-before.jsonl
    /work/venv/bin/python benchmarks/family_speed.py --compare /tmp/family-before.jsonl
    /work/venv/bin/python benchmarks/family_speed.py --profile G102      # cProfile of one rule
    /work/venv/bin/python benchmarks/family_speed.py --check             # fast paths = plain definitions
    /work/venv/bin/python benchmarks/family_speed.py --rules checks/news.yml --sample 3000   # the default suite

Corpus rules (B102, X101-X103) are timed by their per-document ``collect`` (and ``detect``);
their ``judge`` runs once per corpus and is ``benchmarks/corpus_rules.py``'s business.
"""

from __future__ import annotations

import argparse
import cProfile
import dataclasses
import gc
import math
import pstats
import statistics
import sys
import time
from pathlib import Path

import orjson

from corpuscheck.input.document import Document
from corpuscheck.rules import all_rules, get_rule
from corpuscheck.rules.quality import stats as quality

sys.path.insert(0, str(Path(__file__).resolve().parent))
from rule_speed import (  # noqa: E402
    CORPORA,  # $CORPUSCHECK_SHARED, ../shared beside the checkout, /work/shared
    compare,
    sample,  # the same real articles as the news rules' benchmark
    spread,
)
from rule_speed import findings as hit_findings  # noqa: E402

FAMILIES = ("G", "L", "E", "S")
MB = 1_000_000


def fresh(docs: list[Document]) -> list[Document]:
    """New Documents with the same fields (nothing cached), lines split."""
    copies = [dataclasses.replace(doc) for doc in docs]
    for doc in copies:
        doc.lines  # noqa: B018 - the engine has split the lines before any rule runs
    return copies


def streamed(docs: list[Document]):
    """``fresh`` one document at a time, as the engine sees them: what rules cache on a
    document goes with it."""
    for doc in docs:
        copy = dataclasses.replace(doc)
        copy.lines  # noqa: B018
        yield copy


def family_codes(selected: str | None = None) -> list[str]:
    if selected and selected.endswith((".yml", ".yaml")):  # a suite's rules, in its order
        import yaml

        entries = yaml.safe_load(Path(selected).read_text(encoding="utf-8"))["expectations"]
        return [get_rule(entry["rule"]).code for entry in entries if "rule" in entry]
    if selected:
        return [get_rule(code.strip()).code for code in selected.split(",") if code.strip()]
    return [rule.code for rule in all_rules() if rule.family in FAMILIES]


def _value(value):
    """A measure value in a comparable form (floats exactly, by their repr; NaN as a string)."""
    if isinstance(value, float):
        return "nan" if math.isnan(value) else repr(value)
    return value


def findings(docs: list[Document], codes: list[str]) -> list[dict]:
    """Findings (as rule_speed compares them) and measure columns of ``codes`` on ``docs``."""
    found = hit_findings(docs, codes)
    for code in codes:
        rule = get_rule(code)
        if rule.measure is None:
            continue
        options = rule.resolve_options()
        for doc in docs:
            row = rule.measures(doc, options)
            found.append({"doc": doc.doc_id, "code": code, "measure": {k: _value(v) for k, v in sorted(row.items())}})
    return found


def _cpu(rule, options, docs) -> float:
    """CPU seconds of ``rule`` over ``docs``, streamed (each document's copy is made untimed)."""
    detect, measure, collect = rule.detect, rule.measure, getattr(rule, "collect", None)
    quality.clear_caches()  # the tokenizer's chunk cache starts empty, as in a fresh process
    clock, spent = time.process_time_ns, 0
    for doc in streamed(docs):
        start = clock()
        for _ in detect(doc, options):
            pass
        if measure is not None:
            measure(doc, options)
        if collect is not None:  # a corpus rule's per-document work: its signature
            collect(doc, options)
        spent += clock() - start
    return spent / 1e9


def timings(docs: list[Document], codes: list[str], runs: int) -> dict[str, dict[str, float]]:
    rules = [get_rule(code) for code in codes]
    options = [rule.resolve_options() for rule in rules]
    alone: dict[str, list[float]] = {code: [] for code in codes}
    suite: dict[str, list[float]] = {code: [] for code in codes}
    for rule, opts in zip(rules, options, strict=True):  # lazy set-up (lexicons, models) is not per-document cost
        _cpu(rule, opts, docs[:20])
    for _ in range(runs):
        for code, rule, opts in zip(codes, rules, options, strict=True):
            alone[code].append(_cpu(rule, opts, docs))
        for code, seconds in _cpu_suite(rules, options, docs).items():
            suite[code].append(seconds)
    return {
        "alone": {code: statistics.median(values) for code, values in alone.items()},
        "suite": {code: statistics.median(values) for code, values in suite.items()},
    }


def _cpu_suite(rules, options, docs) -> dict[str, float]:
    """The rules as the engine runs them, all of them on one document, then the next: the
    CPU time of each (work shared between rules, such as the word tokens of G101, G102 and
    G104, is paid by the first that needs it)."""
    quality.clear_caches()
    clock = time.process_time_ns
    spent = dict.fromkeys((rule.code for rule in rules), 0)
    steps = [
        (rule.code, rule.detect, rule.measure, getattr(rule, "collect", None), opts)
        for rule, opts in zip(rules, options, strict=True)
    ]
    for doc in streamed(docs):
        before = clock()
        for code, detect, measure, collect, opts in steps:
            for _ in detect(doc, opts):
                pass
            if measure is not None:
                measure(doc, opts)
            if collect is not None:
                collect(doc, opts)
            now = clock()
            spent[code] += now - before
            before = now
    return {code: ns / 1e9 for code, ns in spent.items()}


def report(docs: list[Document], codes: list[str], runs: int) -> None:
    size = sum(len(doc.text.encode("utf-8")) for doc in docs)
    print(f"{len(docs)} documents, {size / MB:.1f} MB ({size / len(docs) / 1000:.1f} KB/doc), median of {runs} run(s), CPU time")
    figures = timings(docs, codes, runs)
    print(f"{'rule':6} {'name':24} {'alone µs/doc':>13} {'in suite µs/doc':>16} {'in suite MB/s':>14}")
    for code in codes:
        a, s = figures["alone"][code], figures["suite"][code]
        print(
            f"{code:6} {get_rule(code).name:24} {a / len(docs) * 1e6:13.1f} {s / len(docs) * 1e6:16.1f} "
            f"{size / MB / s if s else float('inf'):14.1f}"
        )
    total_a, total_s = sum(figures["alone"].values()), sum(figures["suite"].values())
    print(
        f"{'total':31} {total_a / len(docs) * 1e6:13.1f} {total_s / len(docs) * 1e6:16.1f} "
        f"{size / MB / total_s if total_s else 0:14.1f}"
    )


def check(docs: list[Document]) -> int:
    """The fast paths against the plain definitions they replace, on every text of the sample:
    the tokenizer's cache and shortcuts against ``_chunk`` chunk by chunk, G102's hashed n-gram
    counts against the word-by-word ones, E102's windowed search against ftfy's ``is_bad``."""
    from ftfy.badness import is_bad

    from corpuscheck.rules import gopher_repetition, mojibake

    texts = [doc.text for doc in docs]
    counts = dict.fromkeys(("words", "n-grams", "mojibake"), 0)
    for text in texts:
        if quality.words(text) != [t for chunk in text.split() for t in quality.chunk_tokens(chunk)]:
            counts["words"] += 1
        words = quality.words(text)
        top_ns, dup_ns = (1, 2, 3, 4, 5), (2, 5, 6, 7, 8, 9, 10, 12)
        top, dup = gopher_repetition.ngram_chars(words, top_ns, dup_ns)
        if any(top[n] != gopher_repetition._top_ngram_chars(words, n) for n in top_ns) or any(
            dup[n] != gopher_repetition._repeated_ngram_chars(words, n) for n in dup_ns
        ):
            counts["n-grams"] += 1
        if any(mojibake._is_bad(line) != is_bad(line) for line in text.split("\n") if not line.isascii()):
            counts["mojibake"] += 1
    # L101: py3langid's scores with the float32 feature table equal those with its own float16 one
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    from corpuscheck.rules.language.unexpected_language import MAX_CHARS, identifier

    plain = LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)
    counts["L101"] = sum(
        plain.classify(text.strip()[:MAX_CHARS]) != identifier().classify(text.strip()[:MAX_CHARS]) for text in texts
    )
    for name, wrong in counts.items():
        print(f"{name:9} {len(texts) - wrong}/{len(texts)} texts the same")
    return 0 if not any(counts.values()) else 1


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--limit", type=int, help="only the first N articles of the sample")
    parser.add_argument("--rules", help="comma-separated codes, or a suite file's rules (checks/news.yml; default: every G, L, E and S rule)")
    parser.add_argument("--sample", type=int, help="N articles evenly spaced over the whole sample (every set and outlet)")
    parser.add_argument("--corpora", type=Path, default=CORPORA)
    parser.add_argument("--findings", type=Path, help="write findings and measures as JSON lines and stop")
    parser.add_argument("--compare", type=Path, help="compare findings and measures with a file written by --findings")
    parser.add_argument("--profile", metavar="CODE", help="cProfile one rule on the sample")
    parser.add_argument("--check", action="store_true", help="compare the fast paths with the plain definitions")
    args = parser.parse_args(argv)
    docs = spread(sample(args.corpora, args.limit), args.sample)
    gc.collect()
    gc.freeze()  # the sample stays in memory for the whole run; the engine streams: keep it out of GC's way
    if args.check:
        return check(docs)
    codes = family_codes(args.rules)
    if args.findings or args.compare:
        found = findings(fresh(docs), codes)
        now = [orjson.dumps(f) for f in found]
        if args.findings:
            args.findings.write_bytes(b"".join(line + b"\n" for line in now))
            print(f"{len(found)} findings and rows on {len(docs)} documents written to {args.findings}")
            return 0
        before = [line for line in args.compare.read_bytes().splitlines() if line.strip()]
        if args.rules:
            wanted = {orjson.dumps(code) for code in codes}
            before = [line for line in before if any(b'"code":' + c in line for c in wanted)]
        return compare(before, now, "findings and rows")
    if args.profile:
        rule = get_rule(args.profile)
        options = rule.resolve_options()
        _cpu(rule, options, fresh(docs[:20]))
        copies = fresh(docs)
        profiler = cProfile.Profile()
        profiler.enable()
        _cpu(rule, options, copies)
        profiler.disable()
        pstats.Stats(profiler, stream=sys.stdout).sort_stats("tottime").print_stats(25)
        return 0
    report(docs, codes, args.runs)
    return 0


if __name__ == "__main__":
    sys.exit(main())
