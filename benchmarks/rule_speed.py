"""CPU cost of the five default news rules (D101, P101, P102, N101, N102) on real articles.

Loads a sample of real articles (../shared/corpora: every indonesian-news-scrapes
article, detik-2025, detik-2025-titled, indonesian-news-2020, the article
extraction benchmark's gold bodies and its html-text outputs), then times each
rule's ``detect`` over the whole sample in CPU seconds (``time.process_time``,
median of ``--runs``) and prints µs per document and MB/s per core (UTF-8
bytes of the texts per CPU second).

Every run works on fresh Documents (a copy of each made just before the rules
run on it and dropped after, so what a rule keeps on a Document lives as long
as in the engine) and starts with the line classifications remembered across
documents forgotten (``corpuscheck.rules.news.lines.forget``), with ``doc.lines`` already
split, as the engine has done by the time rules run. Two figures per rule:

* ``alone``: the rule run by itself (its full cost).
* ``in suite``: the five rules on each Document in turn, in the news suite's
  order, as the engine runs them; the total is CPU time, each
  rule's share of it is measured with a wall clock (work shared between rules,
  such as line classification, is paid by the first one that needs it).

``--findings FILE`` writes the findings of the five rules on the sample
(doc, code, line, end_line, column, related, message) as JSON lines instead,
and ``--compare FILE`` checks the current findings against such a file, so an
optimisation can be shown to change nothing::

    /work/venv/bin/python benchmarks/rule_speed.py                  # timings, median of 3
    /work/venv/bin/python benchmarks/rule_speed.py --limit 2000     # a quicker look
    /work/venv/bin/python benchmarks/rule_speed.py --findings /tmp/findings-before.jsonl
    /work/venv/bin/python benchmarks/rule_speed.py --compare /tmp/findings-before.jsonl
    /work/venv/bin/python benchmarks/rule_speed.py --profile N101   # cProfile of one rule

Figures of another version (say the commit before a speed-up): extract its package
and put it first on the path, the script stays the same::

    mkdir /tmp/before && git archive REF corpuscheck | tar -x -C /tmp/before
    PYTHONPATH=/tmp/before /work/venv/bin/python benchmarks/rule_speed.py
"""

from __future__ import annotations

import argparse
import cProfile
import dataclasses
import os
import pstats
import statistics
import sys
import time
from pathlib import Path

import orjson

from corpuscheck.input.document import Document, from_text
from corpuscheck.input.loader import load
from corpuscheck.rules import get_rule
from corpuscheck.rules.news import lines as news



def shared_corpora() -> Path:
    """``$CORPUSCHECK_SHARED/corpora``, else ``../shared/corpora`` beside the checkout, else
    ``/work/shared/corpora`` (a git worktree elsewhere finds the shared corpora too)."""
    given = os.environ.get("CORPUSCHECK_SHARED")
    if given:
        return Path(given) / "corpora"
    beside = Path(__file__).resolve().parents[2] / "shared" / "corpora"
    return beside if beside.is_dir() else Path("/work/shared/corpora")


CORPORA = shared_corpora()
CODES = ("D101", "P101", "P102", "N101", "N102")  # the news suite's order
MB = 1_000_000


def spread(docs: list[Document], count: int | None) -> list[Document]:
    """``count`` documents evenly spaced over ``docs`` (every outlet and set of the sample, in order)."""
    if not count or count >= len(docs):
        return docs
    return [docs[index * len(docs) // count] for index in range(count)]


def sample(corpora: Path = CORPORA, limit: int | None = None) -> list[Document]:
    """The real articles, as the loader reads them (JSONL title fields, first lines of bare bodies)."""
    docs: list[Document] = []
    for folder in ("indonesian-news-scrapes", "detik-2025", "detik-2025-titled", "indonesian-news-2020"):
        for path in sorted((corpora / folder).glob("*.jsonl")):
            docs.extend(load(str(path)))
    bench = corpora / "article-extraction-benchmark"
    gold = orjson.loads((bench / "ground-truth.json").read_bytes())
    for key, item in sorted(gold.items()):
        docs.append(from_text(str(item.get("articleBody") or ""), f"gold/{key}"))
    html_text = orjson.loads((bench / "output" / "html-text.json").read_bytes())["output"]
    for key, item in sorted(html_text.items()):
        docs.append(from_text(str(item.get("articleBody") or ""), f"html-text/{key}"))
    if not docs:
        raise SystemExit(f"no articles under {corpora}")
    return docs[:limit] if limit else docs


def fresh(docs: list[Document]) -> list[Document]:
    """New Documents with the same fields (nothing cached), lines split."""
    return [_fresh(doc) for doc in docs]


def _fresh(doc: Document) -> Document:
    copy = dataclasses.replace(doc)
    copy.lines  # noqa: B018 - the engine has split the lines before any rule runs
    return copy


def compare(before: list[bytes], now: list[bytes], what: str) -> int:
    """Print what is gone and new between two recordings (JSON lines); 0 when identical."""
    now_set, before_set = set(now), set(before)
    gone = [f for f in before if f not in now_set]
    new = [f for f in now if f not in before_set]
    for label, items in (("gone", gone), ("new", new)):
        for item in items[:20]:
            print(label, item.decode())
    same = before == now
    print(f"{len(now)} {what} now, {len(before)} before: {'identical' if same else 'DIFFERENT'}"
          f" ({len(gone)} gone, {len(new)} new)")
    return 0 if same else 1


def findings(docs: list[Document], codes=CODES) -> list[dict]:
    """The findings of ``codes`` on ``docs``, in a comparable form."""
    found = []
    for code in codes:
        rule = get_rule(code)
        options = rule.resolve_options()
        for doc in docs:
            for hit in rule.run(doc, options):
                found.append(
                    {
                        "doc": doc.doc_id,
                        "code": code,
                        "line": hit.line,
                        "end_line": hit.end_line or hit.line,
                        "column": hit.column,
                        "related": list(hit.related) if hit.related else None,
                        "message": hit.message or rule.message.format(**hit.data),
                        "excerpt": hit.excerpt,
                    }
                )
    return found


def _cold() -> None:
    """Forget the line classifications remembered across documents, if this version remembers any."""
    forget = getattr(news, "forget", None)
    if forget:
        forget()


def _clock_cost(samples: int = 20_000) -> float:
    """CPU seconds that reading the CPU clock twice costs (subtracted per document)."""
    clock = time.process_time
    start = clock()
    for _ in range(samples):
        clock()
        clock()
    return (clock() - start) / samples


def _pass(rules, options, docs) -> tuple[float, list[float]]:
    """``rules`` document by document, as the engine runs them, each document a fresh copy
    dropped afterwards (what rules keep on a Document lives as long as in the engine):
    CPU seconds of the rules, and each rule's share of them (wall-clock sums, a clock cheap
    enough to read per call)."""
    shares = [0.0] * len(rules)
    detects = [rule.detect for rule in rules]
    cpu, wall = time.process_time, time.perf_counter
    overhead = _clock_cost()
    total = 0.0
    for doc in docs:
        doc = _fresh(doc)
        start = cpu()
        for index, (detect, opts) in enumerate(zip(detects, options, strict=True)):
            begin = wall()
            for _ in detect(doc, opts):
                pass
            shares[index] += wall() - begin
        total += cpu() - start - overhead
    return total, [share / sum(shares) * total for share in shares]


def timings(docs: list[Document], runs: int) -> dict[str, dict[str, float]]:
    rules = [get_rule(code) for code in CODES]
    options = [rule.resolve_options() for rule in rules]
    alone: dict[str, list[float]] = {code: [] for code in CODES}
    suite: dict[str, list[float]] = {code: [] for code in CODES}
    totals: list[float] = []
    for _ in range(runs):
        for code, rule, opts in zip(CODES, rules, options, strict=True):
            _cold()
            alone[code].append(_pass([rule], [opts], docs)[0])
        _cold()
        total, shares = _pass(rules, options, docs)
        totals.append(total)
        for code, share in zip(CODES, shares, strict=True):
            suite[code].append(share)
    return {
        "alone": {code: statistics.median(values) for code, values in alone.items()},
        "suite": {code: statistics.median(values) for code, values in suite.items()},
        "total": {"suite": statistics.median(totals)},
    }


def report(docs: list[Document], runs: int) -> None:
    size = sum(len(doc.text.encode("utf-8")) for doc in docs)
    print(f"{len(docs)} documents, {size / MB:.1f} MB, median of {runs} run(s), CPU time")
    figures = timings(docs, runs)
    print(f"{'rule':6} {'alone µs/doc':>13} {'alone MB/s':>11} {'in suite µs/doc':>16}")
    for code in CODES:
        a, s = figures["alone"][code], figures["suite"][code]
        print(f"{code:6} {a / len(docs) * 1e6:13.1f} {size / MB / a if a else 0:11.1f} {s / len(docs) * 1e6:16.1f}")
    total_a, total_s = sum(figures["alone"].values()), figures["total"]["suite"]
    print(
        f"{'total':6} {total_a / len(docs) * 1e6:13.1f} {size / MB / total_a:11.1f} {total_s / len(docs) * 1e6:16.1f}"
        f"   in suite: {size / MB / total_s:.1f} MB/s per core for the five rules together"
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--limit", type=int, help="only the first N articles of the sample")
    parser.add_argument("--corpora", type=Path, default=CORPORA)
    parser.add_argument("--findings", type=Path, help="write the findings as JSON lines and stop")
    parser.add_argument("--compare", type=Path, help="compare the findings with a file written by --findings")
    parser.add_argument(
        "--profile", metavar="CODE", help="cProfile one rule (or 'all': the five, document by document) on the sample"
    )
    args = parser.parse_args(argv)
    docs = sample(args.corpora, args.limit)
    if args.findings or args.compare:
        found = findings(fresh(docs))
        if args.findings:
            args.findings.write_bytes(b"".join(orjson.dumps(f) + b"\n" for f in found))
            print(f"{len(found)} findings on {len(docs)} documents written to {args.findings}")
            return 0
        before = [line for line in args.compare.read_bytes().splitlines() if line.strip()]
        return compare(before, [orjson.dumps(f) for f in found], "findings")
    if args.profile:
        codes = CODES if args.profile == "all" else (args.profile.upper(),)
        rules = [get_rule(code) for code in codes]
        options = [rule.resolve_options() for rule in rules]
        _cold()
        profiler = cProfile.Profile()
        profiler.enable()
        _pass(rules, options, docs)
        profiler.disable()
        pstats.Stats(profiler, stream=sys.stdout).sort_stats("tottime").print_stats(25)
        return 0
    report(docs, args.runs)
    return 0


if __name__ == "__main__":
    sys.exit(main())
