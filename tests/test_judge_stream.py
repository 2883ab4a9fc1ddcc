"""Corpus rules' hits streamed by the local engine: matched to documents by row, spilled, same findings."""

import dataclasses
import json

from corpuscheck import engine
from corpuscheck.engine import RowRef, run_rules
from corpuscheck.gx.suite import RuleEntry
from corpuscheck.rules import get_rule

BODY = "Harga beras naik tipis di pasar induk pekan ini menurut para pedagang yang ditemui."
FURNITURE = "BACA JUGA BERITA LAINNYA DI APLIKASI KAMI"


def _corpus(tmp_path):
    """Two JSONL files: repeated bodies (X101), a line in every document (B102), repeated titles (X103)."""
    folder = tmp_path / "c"
    folder.mkdir()
    number = 0
    for part in range(2):
        rows = []
        for _ in range(12):
            body = f"{BODY} {number % 4}\n{FURNITURE}"
            record = {"title": f"Judul berita nomor {number % 5} hari ini", "text": body, "source": "contoh.com"}
            rows.append(json.dumps(record))
            number += 1
        (folder / f"part-{part}.jsonl").write_text("\n".join(rows) + "\n")
    return folder


def _entries(judge_order=None):
    entries = []
    for code in ("X101", "B102", "X103"):
        rule = get_rule(code)
        if judge_order is not None:
            judge = rule.judge
            rule = dataclasses.replace(rule, judge=lambda s, o, judge=judge: judge_order(list(judge(s, o))))
        entries.append(RuleEntry(rule, rule.severity, options=rule.resolve_options() | ({"min_documents": 5} if code == "B102" else {})))
    return entries


def _summary(run):
    return ({path: [(f.doc_id, f.record, f.code, f.line, f.end_line, f.message, f.excerpt) for f in report.findings]
             for path, report in run.files.items()}, [json.dumps(r, sort_keys=True, default=str) for r in run.rows])


def test_hits_out_of_order_or_spilled_give_the_same_findings_and_counts(tmp_path):
    folder = _corpus(tmp_path)
    plain = run_rules([str(folder)], _entries(), jobs=1)
    found = _summary(plain)
    assert {f[2] for fs in found[0].values() for f in fs} == {"X101", "B102", "X103"}
    assert sum(json.loads(r)["mined_boilerplate"] for r in found[1]) == 24
    assert _summary(run_rules([str(folder)], _entries(judge_order=lambda hits: hits[::-1]), jobs=1))[1] == found[1]
    reversed_run = _summary(run_rules([str(folder)], _entries(judge_order=lambda hits: hits[::-1]), jobs=1))
    assert {p: sorted(fs) for p, fs in reversed_run[0].items()} == {p: sorted(fs) for p, fs in found[0].items()}
    spilled = run_rules([str(folder)], _entries(), jobs=1, spill_findings=2)
    assert spilled.store is not None and spilled.store.segments > 2
    assert _summary(spilled) == found


def test_a_row_ref_reads_its_row_and_pickles_as_a_docref(tmp_path):
    folder = _corpus(tmp_path)
    seen = []
    original = engine._Fold.pairs

    def pairs(self):
        found = original(self)
        seen.extend(ref for ref, _ in found["X101"])
        return found

    engine._Fold.pairs = pairs
    try:
        run = run_rules([str(folder)], _entries(), jobs=1)
    finally:
        engine._Fold.pairs = original
    assert seen and all(isinstance(ref, RowRef) for ref in seen)
    ref = seen[13]
    assert (ref.doc_id, ref.path, ref.record, ref.source, ref.title) == (
        run.table.value("doc_id", 13), run.table.value("path", 13), run.table.value("record", 13), "contoh.com", "Judul berita nomor 3 hari ini")
    import pickle

    assert pickle.loads(pickle.dumps(ref)) == ref.docref()
