"""The streaming engine: workers read their own pieces, results come back compact, findings spill."""

import json
import pickle
import shutil

import numpy as np
import pytest

import corpuscheck
from corpuscheck import engine
from corpuscheck.engine import run_rules
from corpuscheck.gx.suite import RuleEntry
from corpuscheck.input import loader
from corpuscheck.input.loader import Piece, pieces, read_piece
from corpuscheck.rules import get_rule
from corpuscheck.spill import FindingList, SpillStore
from corpuscheck.table import Table, compact
from tests.conftest import ROOT

CODES = ["P101", "P102", "N101", "N102", "D101", "X101", "B102"]


def _entries(codes=CODES):
    return [RuleEntry(get_rule(c), get_rule(c).severity, options=get_rule(c).resolve_options()) for c in codes]


def _summary(run):
    files = {
        path: (report.documents, [(e.line, e.record, e.message) for e in report.errors],
               [(f.doc_id, f.record, f.code, f.line, f.end_line, f.column, f.message) for f in report.findings])
        for path, report in run.files.items()
    }
    return files, [json.dumps(r, sort_keys=True, default=str) for r in run.rows]


@pytest.fixture
def big_jsonl(tmp_path):
    """One JSONL file of real records with blank lines, a bad record and a BOM, to be cut in ranges."""
    records = [line for line in (ROOT / "corpus" / "benchmark-html-text.jsonl").read_bytes().splitlines() if line.strip()]
    out = tmp_path / "big.jsonl"
    with out.open("wb") as handle:
        handle.write(b"\xef\xbb\xbf")
        for number, line in enumerate(records * 3):
            handle.write(line + b"\n")
            if number % 7 == 3:
                handle.write(b"\n   \n")
            if number == 11:
                handle.write(b"{not json}\n")
    return out


def test_byte_ranges_keep_record_numbers_lines_and_findings(big_jsonl, monkeypatch):
    whole = run_rules([str(big_jsonl)], _entries(), jobs=1)
    size = big_jsonl.stat().st_size
    monkeypatch.setattr(loader, "RANGE_BYTES", size // 5)
    cut = list(pieces(str(big_jsonl), str(big_jsonl), size // 5))
    assert len(cut) >= 5 and cut[0].start == 0 and cut[-1].end in (None, size)
    assert all(a.end == b.start for a, b in zip(cut, cut[1:], strict=False))
    docs = [d for piece in cut for d in read_piece(piece, "text", "title")]
    assert [d.record for d in docs if hasattr(d, "record") and d.record] == [
        d.record for d in loader.read_file(str(big_jsonl), str(big_jsonl), "text", "title", None) if d.record]
    monkeypatch.setattr(engine, "pieces", lambda path, shown: pieces(path, shown, size // 5))
    monkeypatch.setattr(engine, "UNIT_BYTES", 1)  # one range a unit
    ranged = run_rules([str(big_jsonl)], _entries(), jobs=1)
    assert _summary(ranged) == _summary(whole)
    assert any(f.code == "D101" for f in whole.findings) and whole.files[str(big_jsonl)].errors


def test_workers_read_the_files_the_main_process_only_walks(tmp_path, monkeypatch):
    folder = tmp_path / "c"
    shutil.copytree(ROOT / "corpus", folder)
    single = run_rules([str(folder)], _entries(), jobs=1)

    def no_reading_here(*args, **kwargs):
        raise AssertionError("the main process read a corpus file")

    monkeypatch.setattr(engine, "read_piece", no_reading_here)  # the spawned workers import the real one
    double = run_rules([str(folder)], _entries(), jobs=2)
    assert _summary(single) == _summary(double)
    assert double.file_count == single.file_count == len(list(loader.discover([str(folder)])))


def test_findings_beyond_the_bound_spill_to_disk_and_read_back_the_same(tmp_path):
    folder = tmp_path / "c"
    shutil.copytree(ROOT / "corpus", folder)
    held = run_rules([str(folder)], _entries(), jobs=1)
    spilled = run_rules([str(folder)], _entries(), jobs=1, spill_findings=3)
    assert spilled.store is not None and spilled.store.segments > 1
    lists = [r.findings for r in spilled.files.values() if isinstance(r.findings, FindingList)]
    assert sum(f.spilled for f in lists) > 0
    assert _summary(spilled) == _summary(held)
    assert pickle.loads(pickle.dumps(lists[0])) == list(lists[0])  # the cache stores a plain list


def test_clean_files_get_no_file_report_beyond_the_bound(tmp_path, monkeypatch):
    folder = tmp_path / "c"
    folder.mkdir()
    for number in range(6):
        body = "loading..." if number % 3 == 0 else "Isi berita yang bersih dan cukup panjang."
        (folder / f"{number}.txt").write_text(f"Judul berita {number}\nJAKARTA - Pembuka.\n{body}\n")
    monkeypatch.setattr(engine, "CLEAN_FILES_KEPT", 1)
    run = run_rules([str(folder)], _entries(["P101"]), jobs=1)
    assert run.file_count == 6 and len(run.table) == 6
    names = [p.rsplit("/", 1)[1] for p in run.files]
    assert names == ["0.txt", "3.txt"]  # the first file (within the bound) is clean too here: it has a finding
    from corpuscheck.check import check

    report = check([str(folder)], "news", select=["P101"])
    assert report.file_count == 6 and report.documents == 6


def test_corpus_rule_findings_on_a_file_without_a_report_get_one_in_stream_order(tmp_path, monkeypatch):
    folder = tmp_path / "c"
    folder.mkdir()
    body = "JAKARTA - Pembuka berita yang sama persis di dua berkas ini, cukup panjang untuk dibandingkan.\n" * 3
    for name in ("a.txt", "b.txt", "c.txt"):
        (folder / name).write_text(f"Judul {name}\n{body if name != 'b.txt' else 'Lain sama sekali.'}\n")
    monkeypatch.setattr(engine, "CLEAN_FILES_KEPT", 0)
    run = run_rules([str(folder)], _entries(["X101"]), jobs=1)
    assert [p.rsplit("/", 1)[1] for p in run.files] == ["c.txt"]
    report = run.files[str(folder / "c.txt")]
    assert report.documents == 1 and [f.code for f in report.findings] == ["X101"]
    counts = dict(zip(run.table.column("path"), run.table.column(get_rule("X101").column), strict=True))
    assert counts == {str(folder / "a.txt"): 0, str(folder / "b.txt"): 0, str(folder / "c.txt"): 1}


def test_table_columns_are_small_unsigned_ints_and_concatenate():
    assert compact([0, 3, 255]).dtype == np.uint8 and compact([0, 256]).dtype == np.uint16
    assert isinstance(compact([1, None]), list) and isinstance(compact([True, False]), list)
    a = Table.from_columns({"n": [1, 2], "s": ["x", "y"]})
    b = Table.from_columns({"n": [70000], "m": [1.5]})
    both = Table.concat([a, b])
    assert both.columns["n"].dtype == np.uint32 and both.column("m") == [None, None, 1.5]
    assert list(both.rows())[2] == {"n": 70000, "s": None, "m": 1.5}
    both.add("m", 0, 2)
    small = Table.from_columns({"c": [255]})
    small.add("c", 0, 1)
    assert small.column("c") == [256] and small.digest() == Table.from_columns({"c": [256]}).digest()
    assert a.nbytes() == 2 * 1 + 2 * 8


def test_spill_store_is_removed_with_it(tmp_path):
    store = SpillStore(str(tmp_path))
    kept = FindingList([1, 2, 3], store=store)
    assert kept.spill() == 3 and kept.in_memory == 0 and list(kept) == [1, 2, 3] and len(kept) == 3
    kept.append(4)
    assert list(kept) == [1, 2, 3, 4] and kept[-1] == 4
    folder = store.folder
    store.close()
    assert not (tmp_path / folder).exists()


def test_a_piece_is_the_whole_file_when_it_cannot_be_cut(tmp_path):
    import gzip

    small = tmp_path / "a.jsonl"
    small.write_text('{"text": "x"}\n')
    packed = tmp_path / "b.jsonl.gz"
    packed.write_bytes(gzip.compress(b'{"text": "x"}\n' * 1000))
    assert list(pieces(str(small), "a", 100)) == [Piece(str(small), "a")]
    assert list(pieces(str(packed), "b", 4)) == [Piece(str(packed), "b")]


def test_json_written_file_by_file_is_the_json_of_the_whole_report(tmp_path, monkeypatch):
    import orjson

    from corpuscheck.check import check
    from corpuscheck.report.json import JsonReporter, as_data

    folder = tmp_path / "c"
    shutil.copytree(ROOT / "corpus", folder)
    report = check([str(folder)], "news", jobs=1)
    whole = orjson.dumps(as_data(report), option=orjson.OPT_INDENT_2 | orjson.OPT_NON_STR_KEYS).decode() + "\n"
    assert JsonReporter().render(report) == whole and report.finding_count > 100
    monkeypatch.setattr(engine, "SPILL_FINDINGS", 10)
    spilled = check([str(folder)], "news", jobs=1)
    assert any(isinstance(f.findings, FindingList) and f.findings.spilled for f in spilled.files)
    assert JsonReporter().render(spilled) == whole
    report.files = []
    empty = JsonReporter().render(report)
    assert empty == orjson.dumps(as_data(report), option=orjson.OPT_INDENT_2 | orjson.OPT_NON_STR_KEYS).decode() + "\n"


def test_files_given_a_report_late_take_their_place_in_the_stream(tmp_path, monkeypatch):
    folder = tmp_path / "c"
    folder.mkdir()
    body = "JAKARTA - Pembuka berita yang sama persis di beberapa berkas ini, cukup panjang untuk dibandingkan.\n" * 3
    texts = {"a.txt": body, "b.txt": "loading...\nLain.", "c.txt": body, "d.txt": "loading...\nLain lagi."}
    for name, text in texts.items():
        (folder / name).write_text(f"Judul {name}\n{text}\n")
    (folder / "e.jsonl").write_text("{broken\n")
    monkeypatch.setattr(engine, "CLEAN_FILES_KEPT", 0)
    run = run_rules([str(folder)], _entries(["P101", "X101"]), jobs=1)  # one unit: every file in it
    assert [p.rsplit("/", 1)[1] for p in run.files] == ["b.txt", "c.txt", "d.txt", "e.jsonl"]


def test_doc_ids_that_follow_from_path_and_record_cost_a_byte():
    from corpuscheck.table import DerivedIds

    ids = ["a.jsonl#1", "a.jsonl#2", "b.txt", "custom"]
    table = Table.from_columns({"doc_id": ids, "path": ["a.jsonl", "a.jsonl", "b.txt", "c.parquet"],
                                "record": [1, 2, 1, 1]})
    assert isinstance(table.columns["doc_id"], DerivedIds) and table.column("doc_id") == ids
    plain = Table({"doc_id": ids, "path": table.column("path"), "record": compact([1, 2, 1, 1])})
    assert table.digest() == plain.digest() and list(table.rows()) == list(plain.rows())
    both = Table.concat([table, table])
    assert isinstance(both.columns["doc_id"], DerivedIds) and both.column("doc_id") == ids + ids
    mixed = Table.concat([table, plain])
    assert mixed.column("doc_id") == ids + ids and list(table.frame()["doc_id"]) == ids


def test_baseline_and_sarif_work_on_spilled_findings(tmp_path, monkeypatch):
    """Spilled findings come back as new objects on every pass: fingerprints are keyed by value."""
    from corpuscheck.ci.baseline import baselined_report, load_baseline, write_baseline
    from corpuscheck.report.sarif import as_sarif

    def run():
        return corpuscheck.check([str(ROOT / "corpus")])

    plain = run()
    monkeypatch.setattr(engine, "SPILL_FINDINGS", 5)
    spilled = run()
    assert any(isinstance(r.findings, FindingList) and r.findings.spilled for r in spilled.files)
    write_baseline(plain, tmp_path / "plain.json")
    write_baseline(spilled, tmp_path / "spilled.json")
    assert (tmp_path / "plain.json").read_text() == (tmp_path / "spilled.json").read_text()
    again = baselined_report(spilled, load_baseline(tmp_path / "plain.json"))
    assert again.extra["baseline"]["new"] == 0 and again.extra["baseline"]["known"] == len(list(plain.iter_findings()))
    fingerprints = [r["partialFingerprints"] for r in as_sarif(spilled)["runs"][0]["results"]]
    assert fingerprints == [r["partialFingerprints"] for r in as_sarif(plain)["runs"][0]["results"]]
