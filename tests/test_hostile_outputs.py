"""Atomic outputs: an interrupt or a full disk mid-write leaves the previous version, concurrent writers
never interleave, and the CLI turns a full disk into one line and exit 2."""

import errno
import json
import threading

import pytest

from corpuscheck import atomic
from corpuscheck.cli import main

TEXT = "JAKARTA - A body line long enough to be a paragraph of a news article here.\n"


class _Boom(KeyboardInterrupt):
    pass


def _failing_fsync(exc):
    def fsync(fd):
        raise exc

    return fsync


@pytest.mark.parametrize("exc", [_Boom(), OSError(errno.ENOSPC, "No space left on device")])
def test_interrupted_write_keeps_previous_version(tmp_path, monkeypatch, exc):
    target = tmp_path / "out.json"
    atomic.write_text(target, '{"old": 1}')
    monkeypatch.setattr(atomic.os, "fsync", _failing_fsync(exc))
    with pytest.raises(type(exc)):
        atomic.write_text(target, '{"new": ' + "1" * 100000 + "}")
    assert target.read_text() == '{"old": 1}'
    assert [p.name for p in tmp_path.iterdir()] == ["out.json"]  # no temporary left behind


def test_concurrent_writers_never_interleave(tmp_path):
    target = tmp_path / "report.json"
    versions = [json.dumps({"writer": i, "pad": str(i) * 200000}) for i in range(6)]

    def write(text):
        for _ in range(5):
            atomic.write_text(target, text)

    threads = [threading.Thread(target=write, args=(v,)) for v in versions]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert target.read_text() in versions


def _cli_in(tmp_path, monkeypatch, *args):
    (tmp_path / "a.txt").write_text(TEXT, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    return main([*args])


def test_full_disk_is_one_line_and_exit_2(tmp_path, monkeypatch, capsys):
    monkeypatch.setattr(atomic.os, "fsync", _failing_fsync(OSError(errno.ENOSPC, "No space left on device")))
    code = _cli_in(tmp_path, monkeypatch, "check", "a.txt", "--report", "rep")
    err = capsys.readouterr().err.strip().splitlines()
    assert code == 2
    assert len([line for line in err if "No space left" in line]) == 1 and "Traceback" not in "\n".join(err)
    assert not (tmp_path / "rep" / "index.html").exists()


def test_interrupt_during_report_and_baseline_keeps_previous(tmp_path, monkeypatch, capsys):
    assert _cli_in(tmp_path, monkeypatch, "check", "a.txt", "--report", "rep") in (0, 1)
    assert _cli_in(tmp_path, monkeypatch, "baseline", "a.txt", "--output", "b.json") == 0
    before = {p: (tmp_path / p).read_bytes() for p in ("rep/index.html", "b.json")}
    (tmp_path / "a.txt").write_text(TEXT + "Read more\nRead more\n", encoding="utf-8")
    monkeypatch.setattr(atomic.os, "fsync", _failing_fsync(_Boom()))
    main(["check", "a.txt", "--report", "rep"])
    main(["baseline", "a.txt", "--output", "b.json"])
    capsys.readouterr()
    assert {p: (tmp_path / p).read_bytes() for p in before} == before
    assert sorted(p.name for p in (tmp_path / "rep").iterdir() if p.name.startswith(".")) == []
