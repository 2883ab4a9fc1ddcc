"""Calibration and speed of the corpus rules (B102, X101, X102, X103) on the real corpora.

    python benchmarks/corpus_rules.py                       # every corpus, default options
    python benchmarks/corpus_rules.py --set detik-2025 --top 10
    python benchmarks/corpus_rules.py --option B102.fold_subdomains=false --option B102.min_documents=5
    python benchmarks/corpus_rules.py --only B102 --quiet   # speed figures only

For each corpus: what B102 mined per source (line, share, documents), the X hits
with the documents they name, and the time of ``collect`` (per 1,000 documents,
one process) and ``judge``, plus the size of the signatures kept per document.
Reads ../shared/corpora beside the repository (calibration data, never copied).
"""

from __future__ import annotations

import argparse
import json
import pickle
import sys
import time
from collections import Counter, defaultdict
from pathlib import Path

from corpuscheck.input.document import from_text
from corpuscheck.input.loader import load
from corpuscheck.rules import DocRef, get_rule

CORPORA = Path(__file__).resolve().parents[2] / "shared" / "corpora"
SETS = ["indonesian-news-scrapes", "detik-2025", "detik-2025-titled", "indonesian-news-2020", "benchmark-html-text"]
CODES = ["B102", "X101", "X102", "X103"]


def documents(name: str):
    if name == "benchmark-html-text":  # one page per site: what the html-text extractor kept
        folder = CORPORA / "article-extraction-benchmark"
        truth = json.loads((folder / "ground-truth.json").read_text(encoding="utf-8"))
        output = json.loads((folder / "output" / "html-text.json").read_text(encoding="utf-8"))["output"]
        return [
            from_text(item["articleBody"] or "", f"html-text/{key}", meta={"url": truth[key]["url"]})
            for key, item in sorted(output.items())
        ]
    return list(load([str(CORPORA / name)]))


def parse_options(given: list[str]) -> dict[str, dict]:
    options: dict[str, dict] = defaultdict(dict)
    for item in given:
        target, value = item.split("=", 1)
        code, option = target.split(".", 1)
        options[code.upper()][option] = json.loads(value.lower() if value.lower() in ("true", "false") else value)
    return options


def run(rule, docs, options):
    """Signatures, hits per document, and the times: collect (s), judge (s), pickled bytes."""
    start = time.perf_counter()
    signatures = [(DocRef(d.doc_id, d.path, d.record, d.source, d.title), rule.collect(d, options)) for d in docs]
    collected = time.perf_counter() - start
    size = len(pickle.dumps([s for _, s in signatures], protocol=pickle.HIGHEST_PROTOCOL))
    start = time.perf_counter()
    hits = list(rule.judge(signatures, options))
    judged = time.perf_counter() - start
    return signatures, hits, collected, judged, size


def show_b102(docs, hits, options, top):
    sources = Counter(rule_group(d, options) for d in docs)
    lines: dict[str, Counter] = defaultdict(Counter)
    flagged: dict[str, set] = defaultdict(set)
    for doc_id, hit in hits:
        source = hit.data["source"]
        lines[source][f"{hit.data['share']:4.0%} {hit.excerpt[:70]!r}"] += 1
        flagged[source].add(doc_id)
    print(f"  B102: {len(hits)} findings in {len({d for d, _ in hits})} of {len(docs)} documents")
    small = 0
    for source, total in sources.most_common():
        if total < options["min_documents"]:
            small += 1
            continue
        mined = lines.get(source)
        if not mined:
            print(f"    {source} ({total} docs): nothing mined")
            continue
        print(f"    {source} ({total} docs): {len(mined)} lines, {sum(mined.values())} findings in {len(flagged[source])} docs")
        for key, _ in sorted(mined.items(), key=lambda kv: -kv[1])[:top]:
            print(f"      {key}")
    if small:
        left = sum(n for n in sources.values() if n < options["min_documents"])
        print(f"    not mined (< {options['min_documents']} docs): {small} sources, {left} docs")


def rule_group(doc, options):
    from corpuscheck.rules.boilerplate.mined_boilerplate import group

    return group(DocRef(doc.doc_id, doc.path, doc.record, doc.source, doc.title), options)


def show_pairs(rule, docs, hits, top):
    titles = {d.doc_id: d.title for d in docs}
    print(f"  {rule.code} {rule.name}: {len(hits)} documents")
    for doc_id, hit in hits[:top]:
        message = rule.message.format(**hit.data)
        print(f"    {doc_id.rsplit('/', 1)[-1]} {titles[doc_id]!r:.60}: {message.replace(str(CORPORA) + '/', '')}")


def verify_x102(docs, signatures, hits, options):
    """X102 against the true Jaccard similarity of the shingle sets: every pair whose MinHash
    estimate is at least 0.6 (all pairs, in blocks) gets its exact similarity computed."""
    import numpy as np

    from corpuscheck.rules.duplicates.near_duplicate_document import shingles
    from corpuscheck.rules.duplicates.signatures import tokens, words

    kept = [(i, s) for i, (_, s) in enumerate(signatures) if s is not None]
    matrix = np.stack([np.frombuffer(s[1], dtype=np.uint32) for _, s in kept])
    exact = [s[0] for _, s in kept]
    size = options["shingle_size"]
    sets = {}

    def true_jaccard(a, b):
        for k in (a, b):
            if k not in sets:
                body = docs[k].body
                sets[k] = set(shingles(tokens(body, words(body)), size).tolist())
        return len(sets[a] & sets[b]) / len(sets[a] | sets[b])

    best: dict[int, float] = {}  # later document -> best true similarity with an earlier, non-identical one
    for start in range(0, len(kept), 256):
        block = matrix[start : start + 256]
        estimates = (block[:, None, :] == matrix[None, :, :]).mean(axis=2)
        for row, col in zip(*np.nonzero(estimates >= 0.6), strict=True):
            a, b = kept[col][0], kept[start + row][0]
            if a >= b or exact[col] == exact[start + row]:
                continue
            best[b] = max(best.get(b, 0.0), true_jaccard(a, b))
    index = {d.doc_id: i for i, d in enumerate(docs)}
    flagged = {index[doc_id] for doc_id, _ in hits}
    truth = {b for b, j in best.items() if j >= options["threshold"]}
    near = {b for b, j in best.items() if options["threshold"] - 0.1 <= j < options["threshold"]}
    print(
        f"  X102 check: {len(truth)} documents have an earlier one at true Jaccard >= {options['threshold']}; "
        f"found {len(flagged & truth)} (recall {len(flagged & truth) / max(len(truth), 1):.0%}); "
        f"of {len(flagged)} reported, {len(flagged & truth)} are >= {options['threshold']}, "
        f"{len(flagged & near)} within 0.1 below, {len(flagged - truth - near)} lower"
    )


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--set", action="append", choices=SETS + ["all"], help="corpus (repeatable; default: each)")
    parser.add_argument("--only", action="append", choices=CODES, help="rules to run (default: all four)")
    parser.add_argument("--option", action="append", default=[], help="CODE.option=value, e.g. B102.min_share=0.25")
    parser.add_argument("--top", type=int, default=8, help="lines or pairs shown per source or rule")
    parser.add_argument("--quiet", action="store_true", help="speed figures only")
    parser.add_argument("--together", action="store_true", help="the chosen corpora as one corpus (speed at scale)")
    parser.add_argument("--verify", action="store_true", help="check X102 against exact Jaccard similarities")
    args = parser.parse_args(argv)
    if not CORPORA.is_dir():
        print(f"no corpora at {CORPORA}", file=sys.stderr)
        return 2
    given = parse_options(args.option)
    codes = args.only or CODES
    sets = args.set or SETS
    if sets == ["all"]:
        sets = SETS
    loaded = [(name, documents(name)) for name in sets]
    if args.together:
        loaded = [(" + ".join(sets), [d for _, docs in loaded for d in docs])]
    for name, docs in loaded:
        print(f"== {name}: {len(docs)} documents, {sum(len(d.text) for d in docs) / 1e6:.1f} MB")
        for code in codes:
            rule = get_rule(code)
            options = rule.resolve_options(given.get(code))
            signatures, hits, collected, judged, size = run(rule, docs, options)
            per_k = 1000 / max(len(docs), 1)
            print(
                f"  {code}: collect {collected * 1000 * per_k:.0f} ms/1k docs, judge {judged * 1000:.0f} ms "
                f"({judged * 1000 * per_k:.0f} ms/1k docs), signatures {size / max(len(docs), 1):.0f} B/doc"
            )
            if code == "X102" and args.verify:
                verify_x102(docs, signatures, hits, options)
            if args.quiet:
                continue
            if code == "B102":
                show_b102(docs, hits, options, args.top)
            else:
                show_pairs(rule, docs, hits, args.top)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
