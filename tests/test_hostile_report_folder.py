"""The report folder (index.html, GX Data Docs) is written as a whole: built in a temporary sibling
and swapped in, so an interrupt mid-write keeps the previous folder and concurrent runs never mix."""

import threading
from pathlib import Path

import pytest

from corpuscheck import atomic
from corpuscheck.cli import main

TEXT = "JAKARTA - A body line long enough to be a paragraph of a news article here.\n"


class _Boom(KeyboardInterrupt):
    pass


def _tree(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def test_folder_swaps_in_whole_and_keeps_foreign_files(tmp_path):
    target = tmp_path / "rep"
    with atomic.folder(target) as staging:
        (staging / "index.html").write_text("one")
        (staging / "gx").mkdir()
        (staging / "gx" / "index.html").write_text("gx one")
        assert not target.exists()  # nothing is visible before the end of the block
    (target / "junit.xml").write_text("<testsuites/>")  # another output kept beside the report
    with atomic.folder(target) as staging:
        (staging / "index.html").write_text("two")
        assert (target / "index.html").read_text() == "one"
    assert _tree(target) == {"index.html": b"two", "gx/index.html": b"gx one", "junit.xml": b"<testsuites/>"}
    assert [p.name for p in tmp_path.iterdir()] == ["rep"]  # no temporary folder left


@pytest.mark.parametrize("exc", [_Boom(), OSError(28, "No space left on device")])
def test_interrupt_mid_write_keeps_the_previous_folder(tmp_path, exc):
    target = tmp_path / "rep"
    with atomic.folder(target) as staging:
        (staging / "index.html").write_text("old")
        (staging / "gx").mkdir()
        (staging / "gx" / "page.html").write_text("old gx")
    before = _tree(target)
    with pytest.raises(type(exc)):
        with atomic.folder(target) as staging:
            (staging / "gx").mkdir()
            (staging / "gx" / "page.html").write_text("new gx, half of the run")
            raise exc
    assert _tree(target) == before and [p.name for p in tmp_path.iterdir()] == ["rep"]


def test_interrupt_before_a_first_report_leaves_none(tmp_path):
    with pytest.raises(_Boom):
        with atomic.folder(tmp_path / "rep") as staging:
            (staging / "index.html").write_text("half")
            raise _Boom()
    assert list(tmp_path.iterdir()) == []


def test_concurrent_writers_never_mix_their_files(tmp_path):
    target = tmp_path / "rep"
    errors = []

    def write(writer: int):
        try:
            for round_ in range(15):
                with atomic.folder(target) as staging:
                    (staging / "gx").mkdir()
                    for name in ("index.html", "gx/index.html", "gx/a.html", "gx/b.html"):
                        (staging / name).write_text(f"{writer}:{round_}" + "x" * 20_000)
        except Exception as exc:  # pragma: no cover - the assertion below shows it
            errors.append(exc)

    threads = [threading.Thread(target=write, args=(i,)) for i in range(6)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []
    tree = _tree(target)
    assert sorted(tree) == ["gx/a.html", "gx/b.html", "gx/index.html", "index.html"]
    assert len(set(tree.values())) == 1  # every file from the same writer and round
    assert [p.name for p in tmp_path.iterdir()] == ["rep"]


def test_fallback_without_an_atomic_exchange_keeps_the_contract(tmp_path, monkeypatch):
    monkeypatch.setattr(atomic, "_exchange", lambda a, b: False)
    target = tmp_path / "rep"
    for text in ("one", "two"):
        with atomic.folder(target) as staging:
            (staging / "index.html").write_text(text)
    assert _tree(target) == {"index.html": b"two"} and [p.name for p in tmp_path.iterdir()] == ["rep"]


def test_a_file_where_the_folder_should_be_is_one_line_and_exit_2(tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "a.txt").write_text(TEXT)
    (tmp_path / "rep").write_text("not a folder")
    assert main(["check", "a.txt", "--report", "rep", "--no-progress"]) == 2
    err = capsys.readouterr().err
    assert "rep: exists and is not a folder" in err and "Traceback" not in err


def test_cli_interrupt_while_writing_the_report_keeps_the_previous_one(tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "a.txt").write_text(TEXT)
    assert main(["check", "a.txt", "--report", "rep", "--no-progress", "--data-docs"]) in (0, 1)
    before = _tree(tmp_path / "rep")
    assert "index.html" in before and any(name.startswith("gx/") for name in before)
    (tmp_path / "a.txt").write_text(TEXT + "Read more\nRead more\n")
    from corpuscheck.report import html

    def interrupted(report, folder):
        (Path(folder) / "index.html").write_text("half a page")
        raise _Boom()

    monkeypatch.setattr(html, "write_html", interrupted)
    assert main(["check", "a.txt", "--report", "rep", "--no-progress", "--data-docs"]) == 130
    capsys.readouterr()
    assert _tree(tmp_path / "rep") == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.txt", "rep"]


def test_a_second_report_keeps_the_users_files_but_not_the_first_reports_data(tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    Path("a.txt").write_text("Title\n\nJAKARTA - Body text of the article that goes on.\n\nloading...\n", encoding="utf-8")
    assert main(["check", "a.txt", "--report", "rep", "--no-progress", "--no-cache"]) == 1
    first = sorted(p.name for p in Path("rep").iterdir() if p.name.startswith("data-"))
    Path("rep", "data").mkdir()
    Path("rep", "data", "mine.txt").write_text("keep", encoding="utf-8")
    assert main(["check", "a.txt", "--report", "rep", "--no-progress", "--no-cache"]) == 1
    second = sorted(p.name for p in Path("rep").iterdir() if p.name.startswith("data-"))
    assert len(first) == len(second) == 1 and first != second  # the old data folder was not carried over
    assert Path("rep", "data", "mine.txt").read_text(encoding="utf-8") == "keep"


@pytest.mark.parametrize("cwd, checked, report", [
    ("proj", "a.txt", "."),  # the working folder
    ("proj/sub", "../a.txt", ".."),  # a folder above it
    ("", "proj/a.txt", "proj"),  # the folder holding the corpus
])
def test_a_report_folder_that_is_the_working_folder_or_holds_the_corpus_is_one_line_and_exit_2(
        tmp_path, monkeypatch, capsys, cwd, checked, report):
    """Swapped in whole, such a folder would be copied (a whole project) or pulled from under the shell."""
    (tmp_path / "proj" / "sub").mkdir(parents=True)
    (tmp_path / "proj" / "a.txt").write_text(TEXT)
    monkeypatch.chdir(tmp_path / cwd)
    assert main(["check", checked, "--report", report, "--no-progress"]) == 2
    err = capsys.readouterr().err
    assert f"--report {report}:" in err and "folder of its own" in err and "Traceback" not in err
    assert not list(tmp_path.rglob("*.tmp")) and not list(tmp_path.rglob("index.html"))


def test_a_report_folder_beside_the_corpus_is_written(tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "a.txt").write_text(TEXT)
    assert main(["check", "a.txt", "--report", "out", "--no-progress"]) in (0, 1)
    assert (tmp_path / "out" / "index.html").is_file()
