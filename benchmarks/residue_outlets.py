"""Residue lines per outlet, leave-outlets-out (issue 9, parts 3 and 6).

``benchmarks/residue/lines.tsv`` (rounds 1-2; later rounds in ``round<N>.tsv``) holds real lines of pages of outlets outside
``../shared/corpora``, each labelled by hand as placeholder (P101), ui (P102), boilerplate (B101)
or text (how: ``benchmarks/residue/README.md``). The outlets are split in two by a hash of their
name: the rules may be written from the ``cal`` outlets, the ``held`` outlets are only scored. The
script prints, for both halves, the precision and recall of P101+P102+B101 together on residue
lines, the recall of each kind, the precision of each rule (a flagged line that is residue of any
kind is right: one line gets one finding), the figures per outlet and the lines missed or wrongly
flagged. The ``held`` figures are the prediction for outlets nobody here has seen.

Each line is judged inside a small article of its own: a title, a dateline paragraph, the line,
a closing paragraph (as ``benchmarks/heldout.py`` does), so a line is judged on itself and on
the shape of ordinary text around it, not on its real neighbours.

    python benchmarks/residue_outlets.py [--split cal|held|both] [--quiet]
"""

from __future__ import annotations

import argparse
import collections
from pathlib import Path

from corpuscheck.input.document import from_text
from corpuscheck.rules import get_rule

FOLDER = Path(__file__).resolve().parent / "residue"
LINES = FOLDER / "lines.tsv"  # rounds 1 and 2; later rounds are residue/round<N>.tsv
CODES = ("P101", "P102", "B101")
KINDS = ("placeholder", "ui", "boilerplate")
OPENING = "KUALA LUMPUR - The opening paragraph of the story, long enough to be text."
CLOSING = "The closing paragraph of the story, which is long enough to be text too."


def rounds() -> dict[str, Path]:
    """The line files by round: ``1-2`` (lines.tsv), then ``3``, ``4``, ... (round<N>.tsv)."""
    found = {"1-2": LINES}
    for path in sorted(FOLDER.glob("round*.tsv"), key=lambda p: int(p.stem[5:])):
        found[path.stem[5:]] = path
    return found


def read_lines(path: Path = LINES) -> list[dict[str, str]]:
    rows = []
    for raw in path.read_text(encoding="utf-8").splitlines():
        if not raw.strip() or raw.startswith(("#", "outlet\t")):
            continue
        outlet, lang, kind, split, line, url = raw.split("\t")
        rows.append({"outlet": outlet, "lang": lang, "kind": kind, "split": split, "line": line, "url": url})
    return rows


def flagged_by(line: str, rules) -> list[str]:
    """The codes of the rules that flag the line (line 3 of its small article)."""
    doc = from_text(f"Title\n{OPENING}\n{line}\n{CLOSING}")
    return [rule.code for rule in rules if any(hit.line <= 3 <= (hit.end_line or hit.line) for hit in rule.run(doc))]


def ratio(a: int, b: int) -> str:
    return f"{a / b:.3f} ({a}/{b})" if b else "n/a"


def report(rows: list[dict[str, str]], label: str, quiet: bool) -> dict[str, float]:
    rules = [get_rule(code) for code in CODES]
    tp = fp = fn = 0
    kind_found = collections.Counter()
    kind_total = collections.Counter()
    rule_right = collections.Counter()
    rule_all = collections.Counter()
    per_outlet: dict[str, list[int]] = collections.defaultdict(lambda: [0, 0, 0])  # tp, fp, fn
    missed, wrong, double = [], [], []
    for row in rows:
        codes = flagged_by(row["line"], rules)
        residue = row["kind"] != "text"
        if len(codes) > 1:
            double.append((row["line"], codes))
        for code in codes:
            rule_all[code] += 1
            rule_right[code] += residue
        counts = per_outlet[row["outlet"]]
        if residue:
            kind_total[row["kind"]] += 1
            if codes:
                tp += 1
                counts[0] += 1
                kind_found[row["kind"]] += 1
            else:
                fn += 1
                counts[2] += 1
                missed.append((row["outlet"], row["kind"], row["line"]))
        elif codes:
            fp += 1
            counts[1] += 1
            wrong.append((row["outlet"], codes, row["line"]))
    outlets = sorted(per_outlet)
    print(f"{label}: {len(outlets)} outlets, {sum(kind_total.values())} residue lines, "
          f"{len(rows) - sum(kind_total.values())} text lines")
    print(f"  residue lines, {'+'.join(CODES)}: precision {ratio(tp, tp + fp)}, recall {ratio(tp, tp + fn)}")
    print("  recall by kind: " + "; ".join(f"{k} {ratio(kind_found[k], kind_total[k])}" for k in KINDS))
    print("  precision by rule: " + "; ".join(f"{c} {ratio(rule_right[c], rule_all[c])}" for c in CODES))
    print(f"  lines flagged by more than one rule: {len(double)}")
    if not quiet:
        print("  per outlet (found/residue, text flagged):")
        for name in outlets:
            t, f, n = per_outlet[name]
            print(f"    {name:34} {t}/{t + n}  {f}")
        for outlet, kind, line in missed:
            print(f"  missed {kind:11} {outlet:26} {line!r}")
        for outlet, codes, line in wrong:
            print(f"  WRONG  {'+'.join(codes):11} {outlet:26} {line!r}")
        for line, codes in double:
            print(f"  twice  {'+'.join(codes):11} {line!r}")
    return {"precision": tp / max(1, tp + fp), "recall": tp / max(1, tp + fn)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--split", choices=("cal", "held", "both"), default="both")
    parser.add_argument("--quiet", action="store_true", help="only the summary lines")
    parser.add_argument("--round", choices=("all", *rounds()), default="all",
                        help="score one round of lines only (1-2: lines.tsv; N: residue/roundN.tsv)")
    args = parser.parse_args()
    files = rounds()
    rows = [row for name, path in files.items() if args.round in ("all", name) for row in read_lines(path)]
    for split in ("cal", "held"):
        if args.split in (split, "both"):
            report([r for r in rows if r["split"] == split], f"{split} outlets"
                   + (" (calibration)" if split == "cal" else " (held out: the prediction for unseen outlets)"),
                   args.quiet)


if __name__ == "__main__":
    main()
