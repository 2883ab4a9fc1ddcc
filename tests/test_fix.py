"""corpuscheck fix: the seed's cleaned text, exact restore, idempotence, safety, --diff with patch."""

from __future__ import annotations

import filecmp
import json
import shutil
import subprocess
from pathlib import Path

import pytest

from corpuscheck.check import check
from corpuscheck.cli import main
from corpuscheck.fix import fix_corpus, restore
from corpuscheck.input.loader import SUFFIXES
from corpuscheck.rules import all_rules

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "corpus" / "000_232fd3ee54a89291.txt"
FIXTURES = ROOT / "tests" / "fixtures"


def _same_tree(a: Path, b: Path) -> None:
    files_a = sorted(p.relative_to(a) for p in a.rglob("*") if p.is_file() and p.name.endswith(SUFFIXES))
    files_b = sorted(p.relative_to(b) for p in b.rglob("*") if p.is_file())
    assert files_a == files_b
    for rel in files_a:
        assert (a / rel).read_bytes() == (b / rel).read_bytes(), rel


def _edits(out: Path) -> list[dict]:
    return [json.loads(line) for line in (out / "edits.jsonl").read_text().splitlines()]


def test_seed_keeps_the_title_and_the_body_once(tmp_path):
    src = tmp_path / "in"
    src.mkdir()
    shutil.copy(SEED, src)
    fix_corpus([src], tmp_path / "out")
    original = SEED.read_text(encoding="utf-8").split("\n")
    cleaned = (tmp_path / "out" / SEED.name).read_text(encoding="utf-8").split("\n")
    assert cleaned == [original[0]] + original[5:12]
    edits = [(e["code"], e["line"], e["end_line"] - (e["end_column"] == 1)) for e in _edits(tmp_path / "out")]
    assert edits == [("P101", 2, 2), ("P102", 3, 5), ("D101", 12, 18), ("N102", 19, 19)]
    report = check([str(tmp_path / "out" / SEED.name)], select=["P101", "P102", "D101", "N102"])
    assert report.findings == []
    manifest = json.loads((tmp_path / "out" / "manifest.json").read_text())
    assert manifest["edits_by_rule"] == {"D101": 1, "N102": 1, "P101": 1, "P102": 1}


def test_check_of_the_output_folder_reads_the_cleaned_corpus_not_the_logs(tmp_path):
    fix_corpus([ROOT / "corpus"], tmp_path / "out", unsafe=True)
    assert (tmp_path / "out" / "edits.jsonl").stat().st_size > 0
    checked = {Path(f.path).name for f in check([str(tmp_path / "out")], select=["P101"]).files}
    assert checked and not checked & {"edits.jsonl", "removed.jsonl", "manifest.json"}
    assert not [e for e in check([str(tmp_path / "out")], select=["P101"]).errors if "removed" in e.path]
    # a manifest.json that `corpuscheck fix` did not write leaves the folder's files alone
    (tmp_path / "mine").mkdir()
    (tmp_path / "mine" / "manifest.json").write_text('{"tool": "other"}', encoding="utf-8")
    shutil.copy(tmp_path / "out" / "edits.jsonl", tmp_path / "mine" / "edits.jsonl")
    assert [Path(f.path).name for f in check([str(tmp_path / "mine")], select=["P101"]).files] == ["edits.jsonl"]


def test_restore_gives_the_bundled_corpus_back_byte_for_byte(tmp_path):
    fix_corpus([ROOT / "corpus"], tmp_path / "out")
    assert _edits(tmp_path / "out")
    restore(str(tmp_path / "out"), str(tmp_path / "back"))
    _same_tree(ROOT / "corpus", tmp_path / "back")


def _fixture(folder: Path) -> Path:
    folder.mkdir()
    (folder / "crlf.txt").write_bytes(b"\xef\xbb\xbfJudul\r\nloading...\r\nJAKARTA - Isi berita.\r\n(ian)")
    (folder / "wide.txt").write_bytes("Judul\nShare\nSEOUL - Isi berita.\n".encode("utf-16"))
    (folder / "blank.txt").write_text("Title\n\nLONDON - Text.\n\nLoading...\n\nMore text here.\n", encoding="utf-8")
    records = [
        {"id": 1, "title": "Judul", "text": "JAKARTA - Isi berita.\nloading...\nKalimat, tulis BMKG.(zik)"},
        {"id": 2, "title": "Tahu", "text": "Kota – Berita tanpa cacat.\r\nA\r\nA"},
        {"text": "SEOUL - Menteri Luar Negeri AS Antony Blinken bertemu rekan-rekannya.", "title": "Dup"},
        {"text": "SEOUL - Menteri Luar Negeri AS Antony Blinken bertemu rekan-rekannya.", "title": "Dup"},
    ]
    lines = [json.dumps(records[0]), json.dumps(records[1], ensure_ascii=False), "", "{not json",
             json.dumps(records[2], ensure_ascii=False), json.dumps(records[3])]
    (folder / "news.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return folder


@pytest.mark.parametrize("unsafe", [False, True])
def test_fixtures_round_trip_and_fixing_twice_changes_nothing(tmp_path, unsafe):
    src = _fixture(tmp_path / "in")
    summary = fix_corpus([src], tmp_path / "out", unsafe=unsafe)
    assert summary["edits_by_rule"]["P101"] == 3
    assert summary["documents_removed"] == (1 if unsafe else 0)
    assert (tmp_path / "out" / "crlf.txt").read_bytes() == b"\xef\xbb\xbfJudul\r\nJAKARTA - Isi berita."
    assert (tmp_path / "out" / "blank.txt").read_text() == "Title\n\nLONDON - Text.\n\nMore text here.\n"
    first = json.loads((tmp_path / "out" / "news.jsonl").read_text().splitlines()[0])
    assert first["text"] == "JAKARTA - Isi berita.\nKalimat, tulis BMKG."
    restore(str(tmp_path / "out"), str(tmp_path / "back"))
    _same_tree(src, tmp_path / "back")
    clean = tmp_path / "clean"
    clean.mkdir()
    for name in ("crlf.txt", "wide.txt", "blank.txt", "news.jsonl"):
        shutil.copy(tmp_path / "out" / name, clean)
    again = fix_corpus([clean], tmp_path / "again", unsafe=unsafe)
    assert again["edits"] == 0 and again["documents_removed"] == 0


SAFETY = {
    "B101": "safe", "B102": "unsafe", "D101": "safe", "E101": "none", "E102": "unsafe", "E103": "safe",
    "E104": "none", "E105": "unsafe", "G101": "none", "G102": "none", "G103": "none", "G104": "none",
    "L101": "none", "N101": "none", "N102": "safe", "P101": "safe", "P102": "safe", "S101": "unsafe",
    "S102": "none", "S103": "none", "S104": "none", "S105": "safe", "S106": "none", "S107": "none", "X101": "unsafe",
    "X102": "unsafe", "X103": "none",
}


def test_every_rule_declares_the_expected_fix_safety():
    assert {rule.code: rule.fix_safety for rule in all_rules()} == SAFETY


def test_default_run_applies_no_unsafe_edit(tmp_path):
    src = _fixture(tmp_path / "in")
    (src / "moji.txt").write_text("Judul\nJAKARTA - Caf\u00c3\u00a9 itu buka.\n", encoding="utf-8")
    fix_corpus([src], tmp_path / "out")
    assert {e["safety"] for e in _edits(tmp_path / "out")} == {"safe"}
    assert (tmp_path / "out" / "moji.txt").read_bytes() == (src / "moji.txt").read_bytes()
    fix_corpus([src], tmp_path / "unsafe", unsafe=True)
    assert "Café" in (tmp_path / "unsafe" / "moji.txt").read_text()


def test_diff_is_a_patch_that_applies_to_the_original_files(tmp_path, capsys, monkeypatch):
    src = tmp_path / "in"
    src.mkdir()
    shutil.copy(SEED, src)
    (src / "blank.txt").write_text("Title\n\nLONDON - Text.\n\nLoading...\n\nMore text here.\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    assert main(["fix", "in", "--diff"]) == 0
    diff = capsys.readouterr().out
    assert diff.startswith("--- a/in/")
    assert not (tmp_path / "out").exists()
    subprocess.run(["patch", "-p1", "-s"], input=diff.encode(), cwd=tmp_path, check=True)
    fix_corpus([SEED], tmp_path / "out")
    assert (src / SEED.name).read_bytes() == (tmp_path / "out" / SEED.name).read_bytes()
    assert (src / "blank.txt").read_text() == "Title\n\nLONDON - Text.\n\nMore text here.\n"


def test_usage_errors_exit_2(tmp_path, capsys):
    src = _fixture(tmp_path / "in")
    assert main(["fix", str(src), "-o", str(src / "out")]) == 2
    assert main(["fix", str(src), "-o", str(src)]) == 2
    (tmp_path / "full").mkdir()
    (tmp_path / "full" / "x").write_text("x")
    assert main(["fix", str(src), "-o", str(tmp_path / "full")]) == 2
    assert main(["fix", str(src)]) == 2
    assert main(["restore", str(src), "-o", str(tmp_path / "r")]) == 2
    err = capsys.readouterr().err
    assert "inside it" in err and "not empty" in err and "manifest.json" in err
    assert main(["fix", str(src), "-o", str(tmp_path / "full"), "--force"]) == 0
    assert not (tmp_path / "full" / "x").exists() and (tmp_path / "full" / "manifest.json").exists()
    assert filecmp.cmp(src / "wide.txt", tmp_path / "full" / "wide.txt", shallow=False) is False


def _parquet(path: Path) -> None:
    import pyarrow as pa
    import pyarrow.parquet as pq

    dup = "SEOUL - Menteri Luar Negeri AS Antony Blinken bertemu rekan-rekannya."
    texts = ["JAKARTA - Isi berita.\nloading...\nKalimat, tulis BMKG.(zik)", "", dup, dup, None, "LONDON - Tanpa cacat."]
    table = pa.table({
        "id": pa.array([1, 2, 3, 4, 5, 6], pa.int64()),
        "text": pa.array(texts, pa.string()),
        "title": pa.array(["Judul", "Kosong", "Dup", "Dup", "Nol", "Baik"]),
        "when": pa.array([0, 1, 2, 3, 4, 5], pa.timestamp("ms", tz="UTC")),
        "tags": pa.array([["a"], [], ["b", "c"], None, ["d"], ["e"]], pa.list_(pa.string())),
    })
    pq.write_table(table, path)


@pytest.mark.parametrize("unsafe", [False, True])
def test_parquet_keeps_its_schema_and_restores_the_same_table(tmp_path, unsafe):
    import pyarrow.parquet as pq

    src = tmp_path / "in"
    src.mkdir()
    _parquet(src / "news.parquet")
    summary = fix_corpus([src], tmp_path / "out", unsafe=unsafe)
    before, after = pq.read_table(src / "news.parquet"), pq.read_table(tmp_path / "out" / "news.parquet")
    assert after.schema == before.schema
    assert after.column("text")[0].as_py() == "JAKARTA - Isi berita.\nKalimat, tulis BMKG."
    assert after.num_rows == before.num_rows - summary["documents_removed"]
    assert summary["documents_removed"] == (2 if unsafe else 0)  # the empty body and the second duplicate
    restore(str(tmp_path / "out"), str(tmp_path / "back"))
    assert pq.read_table(tmp_path / "back" / "news.parquet").equals(before)
    clean = tmp_path / "clean"
    clean.mkdir()
    shutil.copy(tmp_path / "out" / "news.parquet", clean)
    again = fix_corpus([clean], tmp_path / "again", unsafe=unsafe)
    assert again["edits"] == 0 and again["documents_removed"] == 0


def test_html_pages_become_jsonl_of_their_extracted_text(tmp_path):
    from corpuscheck.input.loader import load

    pages = ROOT / "tests" / "fixtures" / "html_pages" / "indonesian-news-pages"
    summary = fix_corpus([pages], tmp_path / "out")
    outputs = sorted(p.name for p in (tmp_path / "out").glob("*.jsonl") if p.name not in ("edits.jsonl", "removed.jsonl"))
    assert outputs == sorted(p.name.removesuffix(".html.gz") + ".jsonl" for p in pages.glob("*.html.gz"))
    assert {f["source_format"] for f in summary["files"]} == {"html"}
    restore(str(tmp_path / "out"), str(tmp_path / "back"))
    extracted = {d.path: d.text for d in load([pages])}
    for name in outputs:
        lines = (tmp_path / "back" / name).read_text(encoding="utf-8").splitlines()
        assert len(lines) == (1 if name.removesuffix(".jsonl") + ".html.gz" in {Path(p).name for p in extracted} else 0)
        for record in map(json.loads, lines):
            assert record["text"] == extracted[record["source"]]
    fixed = [json.loads(line) for n in outputs for line in (tmp_path / "out" / n).read_text(encoding="utf-8").splitlines()]
    assert len(fixed) == len(extracted) >= 1
    assert all(f.get("extraction") for f in summary["files"] if Path(f["input"]).name not in map(
        lambda p: Path(p).name, extracted))
    codes = [c for c, safety in SAFETY.items() if safety == "safe"]
    report = check([str(tmp_path / "out" / name) for name in outputs], select=codes)
    assert report.findings == []
    clean = tmp_path / "clean"
    clean.mkdir()
    for name in outputs:
        shutil.copy(tmp_path / "out" / name, clean)
    assert fix_corpus([clean], tmp_path / "again")["edits"] == 0


def _json_edits(folder: Path) -> list[dict]:
    """Every JSON finding's fix edits, with its code, as `corpuscheck check --format json` writes them."""
    from corpuscheck.report.json import as_data

    data = as_data(check([str(folder)]))
    return [{"code": f["code"], **e} for file in data["files"] for f in file["findings"]
            if f.get("fix") and f["fix"]["safety"] == "safe" for e in f["fix"]["edits"] or ()]


def _spans(edits: list[dict]) -> set[int]:
    return {i for e in edits for i in range(e["start"], e["end"])}


def test_json_finding_edits_are_the_edits_that_fix_writes(tmp_path):
    """Separated findings, one pass: each JSON finding's edits are exactly its edits.jsonl entries."""
    src = tmp_path / "in"
    src.mkdir()
    lines = SEED.read_text(encoding="utf-8").split("\n")
    (src / "doc.txt").write_text("\n".join([lines[0], "loading...", lines[5], "A", lines[6], ""]), encoding="utf-8")
    fix_corpus([src], tmp_path / "out")
    written = [{k: e[k] for k in ("code", "start", "end", "replacement", "line", "column", "end_line", "end_column")}
               for e in _edits(tmp_path / "out")]
    assert {e["code"] for e in written} == {"P101", "P102"}
    assert _json_edits(src) == written


def test_seed_json_finding_edits_cover_what_fix_removes(tmp_path):
    """On the seed, fix composes overlapping findings (a byline inside a duplicated run, adjacent
    residue lines) and runs a second pass, so its spans differ from the findings' own at the seams;
    but the JSON edits remove what fix removes: no character outside edits.jsonl's spans, and every
    non-blank character of those spans."""
    fix_corpus([FIXTURES / "seed"], tmp_path / "out")
    raw = (FIXTURES / "seed" / SEED.name).read_text(encoding="utf-8")
    written, found = _edits(tmp_path / "out"), _json_edits(FIXTURES / "seed")
    assert {e["code"] for e in found} == {e["code"] for e in written} == {"P101", "P102", "D101", "N102"}
    assert _spans(found) <= _spans(written)
    assert {i for i in _spans(written) if not raw[i].isspace()} <= _spans(found)
    for edit in found:
        assert raw[edit["start"]:edit["end"]] and edit["replacement"] == ""


def test_progress_counts_every_document_fixed(tmp_path):
    steps: list[int] = []
    summary = fix_corpus([FIXTURES / "seed", ROOT / "corpus" / "benchmark-gold.jsonl"], tmp_path / "out",
                         progress=steps.append)
    assert summary["documents"] > 1 and steps == [1] * summary["documents"]


def test_fix_progress_bar_honours_no_progress_and_a_terminal(tmp_path, monkeypatch):
    import corpuscheck.progress as progress

    asked = []
    real = progress.progress_bar
    monkeypatch.setattr(progress, "progress_bar", lambda paths, enabled, label: asked.append((enabled, label)) or real(paths, enabled, label))
    assert main(["fix", str(FIXTURES / "seed"), "-o", str(tmp_path / "a"), "--no-progress"]) == 0
    assert main(["fix", str(FIXTURES / "seed"), "-o", str(tmp_path / "b")]) == 0
    assert asked == [(False, "fixing"), (True, "fixing")]
    assert real(["x"], True, "fixing") == (None, None)  # stderr is not a terminal under pytest: no bar
    monkeypatch.setattr("sys.stderr.isatty", lambda: True)
    bar, advance = real([str(FIXTURES / "seed")], True, "fixing")
    assert bar.tasks[0].total == 1 and bar.columns[0].text_format == "fixing"
    advance(1)
    assert bar.tasks[0].completed == 1


@pytest.mark.parametrize("unsafe", [False, True])
def test_two_workers_write_the_same_bytes_as_one(tmp_path, unsafe):
    src = _fixture(tmp_path / "in")
    one = fix_corpus([src], tmp_path / "one", unsafe=unsafe)
    two = fix_corpus([src], tmp_path / "two", unsafe=unsafe, jobs=2)
    assert one["edits"] and len(one["files"]) > 2 and two == one
    trees = [{p.relative_to(root): p.read_bytes() for p in root.rglob("*") if p.is_file()}
             for root in (tmp_path / "one", tmp_path / "two")]
    assert trees[0] == trees[1]  # the cleaned files, edits.jsonl, removed.jsonl and manifest.json
    assert {Path("edits.jsonl"), Path("removed.jsonl"), Path("manifest.json"), Path("news.jsonl")} <= set(trees[0])
    assert fix_corpus([src], None, unsafe=unsafe, diff=True, jobs=2)["diff"] == fix_corpus([src], None, unsafe=unsafe, diff=True)["diff"]
