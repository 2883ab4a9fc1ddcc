"""The engine: same results in one process or many; measures, sources and corpus rules in the rows."""

import json
import shutil

import pytest

from corpuscheck.engine import run_rules
from corpuscheck.gx.suite import RuleEntry
from corpuscheck.rules import CorpusRule, Hit, all_rules, bad, get_rule, good, no_detection
from tests.conftest import FIXTURES, ROOT


def _entries(codes=None):
    rules = [get_rule(c) for c in codes] if codes else list(all_rules())
    return [RuleEntry(rule, rule.severity, options=rule.resolve_options()) for rule in rules]


def _summary(run):
    files = {
        path: (report.documents, [(e.line, e.record, e.message) for e in report.errors],
               sorted((f.doc_id, f.code, f.line, f.end_line, f.column, f.message) for f in report.findings))
        for path, report in run.files.items()
    }
    rows = sorted(json.dumps(row, sort_keys=True, default=str) for row in run.rows)
    return files, rows


@pytest.fixture
def corpus(tmp_path):
    folder = tmp_path / "corpus"
    shutil.copytree(ROOT / "corpus", folder)
    shutil.copytree(FIXTURES / "datelines", folder / "datelines")
    (folder / "broken.jsonl").write_text('{"text": "Judul\\nloading..."}\n{not json}\n', encoding="utf-8")
    return folder


def test_one_process_and_two_give_the_same_results(corpus):
    entries = _entries()
    single = run_rules([str(corpus)], entries, jobs=1)
    double = run_rules([str(corpus)], entries, jobs=2)
    assert _summary(single) == _summary(double)
    assert sum(r.documents for r in single.files.values()) > 100
    assert any(r.errors for r in single.files.values())


def test_rows_carry_source_and_measures(corpus):
    run = run_rules([str(corpus / "benchmark-gold.jsonl")], _entries(["G101", "L101"]), jobs=1)
    row = run.rows[0]
    assert row["source"] and row["gopher_quality"] >= 0
    assert isinstance(row["gopher_words"], (int, float)) and row["gopher_words"] > 10
    assert isinstance(row["lang"], str) and 0 <= row["lang_confidence"] <= 1


def test_titles_are_kept_for_documents_with_findings(corpus):
    run = run_rules([str(corpus / "benchmark-html-text.jsonl")], _entries(["P102"]), jobs=1)
    report = next(iter(run.files.values()))
    assert report.findings and set(report.titles) == {f.record for f in report.findings}


def _collect(doc, options):
    return hash(doc.body.strip())


def _judge(signatures, options):
    first = {}
    for ref, signature in signatures:
        if signature in first:
            yield ref.doc_id, Hit(1, excerpt=ref.title or "", data={"other": first[signature]})
        else:
            first[signature] = ref.doc_id


SAME_BODY = CorpusRule(
    code="T901", name="same-body-test", summary="test rule", why="test", message="same body as {other}",
    detect=no_detection, collect=_collect, judge=_judge,
    examples=(bad("A\nbody", 1, corpus=["B\nbody"]), good("A\nbody", corpus=["B\nother"])),
)


@pytest.mark.parametrize("jobs", [1, 2])
def test_corpus_rules_are_judged_after_every_document(tmp_path, jobs):
    folder = tmp_path / "c"
    folder.mkdir()
    for name, text in {"a.txt": "T1\nsame body", "b.txt": "T2\nsame body", "c.txt": "T3\nanother"}.items():
        (folder / name).write_text(text)
    run = run_rules([str(folder)], [RuleEntry(SAME_BODY, "error")], jobs=jobs)
    found = [(f.path.rsplit("/", 1)[1], f.message, f.excerpt) for f in run.findings]
    assert found == [("b.txt", f"same body as {folder}/a.txt", "T2")]
    counts = {row["path"].rsplit("/", 1)[1]: row["same_body_test"] for row in run.rows}
    assert counts == {"a.txt": 0, "b.txt": 1, "c.txt": 0}


def test_corpus_rule_examples_run_on_their_small_corpus():
    for example in SAME_BODY.examples:
        hits = SAME_BODY.run_corpus([*example.corpus, example.text])[-1]
        assert [(h.line, h.line) for h in hits] == list(example.spans)


def test_html_pages_are_extracted_in_the_workers_with_the_same_results(tmp_path):
    pages = tmp_path / "pages"
    shutil.copytree(FIXTURES / "html_pages", pages)
    entries = _entries(["P101", "P102", "N101", "N102", "D101"])
    single, double = (run_rules([str(pages)], entries, jobs=jobs) for jobs in (1, 2))
    assert _summary(single) == _summary(double)
    assert sum(r.documents for r in double.files.values()) >= 8
    assert any(f.code == "N102" for f in double.findings)


def test_check_batch_gives_the_columnar_results_run_rules_gives(corpus):
    from corpuscheck.engine import check_batch, judge_corpus, to_finding
    from corpuscheck.input.loader import load

    entries = _entries(["P101", "P102", "N101", "X101", "G101"])
    path = str(corpus / "benchmark-html-text.jsonl")
    run = run_rules([path], entries, jobs=1)
    docs = list(load(path))
    half = len(docs) // 2
    batches = [check_batch(docs[:half], entries), check_batch(docs[half:], entries)]
    assert sum(len(b) for b in batches) == len(docs) == len(run.rows)
    rows = [row for b in batches for row in b.rows()]
    signatures = {code: [p for b in batches for p in b.signatures[code]] for code in batches[0].signatures}
    findings = [f for b in batches for f in b.findings]
    for entry, judged in judge_corpus(entries, signatures):
        findings += [to_finding(hit, entry, ref, None) for ref, hit in judged]
        for ref, _ in judged:
            next(r for r in rows if r["doc_id"] == ref.doc_id)[entry.rule.column] += 1
    assert sorted(map(repr, findings)) == sorted(map(repr, run.findings)) and findings
    assert [json.dumps(r, sort_keys=True, default=str) for r in rows] == [
        json.dumps(r, sort_keys=True, default=str) for r in run.rows]
    table = batches[0].arrow()
    assert table.num_rows == half and str(table.schema.field(get_rule("P101").column).type) == "uint8"
