"""Finding messages quote corpus text as a reader sees it, not as Python escapes."""

import pytest

import corpuscheck
from corpuscheck.findings import message


def test_printable_text_keeps_python_quoting():
    assert message("Line {line!r} is residue", {"line": "Baca juga"}) == "Line 'Baca juga' is residue"
    assert message("Line {line!r}", {"line": "it's"}) == 'Line "it\'s"'
    assert message("{n} lines, {share:.0%}", {"n": 3, "share": 0.5}) == "3 lines, 50%"


def test_invisible_characters_are_marked_not_escaped():
    shown = message("Line {line!r} is residue", {"line": "Baca juga:\xa0Alasan\u200b"})
    assert shown == "Line 'Baca juga:<U+00A0>Alasan<U+200B>' is residue"
    assert "\\x" not in shown and "\\u" not in shown


def test_a_real_finding_on_a_no_break_space_line(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text("A title\n\nJAKARTA - Some text here that is long enough to be a sentence.\n\n"
                    "Baca juga:\xa0Alasan lain yang penting\n\nMore article text follows here.\n", encoding="utf-8")
    report = corpuscheck.check([str(path)], select=["B101"])
    messages = [f.message for f in report.iter_findings()]
    assert messages and all("<U+00A0>" in m and "\\xa0" not in m for m in messages), messages


def test_a_long_line_is_cut_with_an_ellipsis(tmp_path):
    path = tmp_path / "b.txt"
    long = "Baca juga: " + "kata " * 40
    path.write_text("A title\n\nJAKARTA - Some text here that is long enough to be a sentence.\n\n"
                    f"{long}\n\nMore article text follows here.\n", encoding="utf-8")
    report = corpuscheck.check([str(path)], select=["B101"])
    [finding] = list(report.iter_findings())
    quoted = finding.message.split("'")[1]
    assert len(quoted) == 80 and quoted.endswith("…") and long.startswith(quoted[:-1])


def test_an_unknown_rule_is_a_usage_error_but_another_key_error_is_internal(monkeypatch, capsys, tmp_path):
    from corpuscheck import cli

    monkeypatch.chdir(tmp_path)
    (tmp_path / "a.txt").write_text("Title\n\nBody text here.\n", encoding="utf-8")
    assert cli.main(["check", "a.txt", "--select", "Z999", "--no-progress", "--no-report"]) == 2
    assert "names no rule" in capsys.readouterr().err

    def broken(args):
        raise KeyError(140016696298896)

    monkeypatch.setattr(cli, "run_check", broken)
    assert cli.main(["check", "a.txt", "--no-progress", "--no-report"]) == 2
    assert "internal error: KeyError" in capsys.readouterr().err
    with pytest.raises(KeyError):
        cli.main(["check", "a.txt", "--no-progress", "--no-report", "--debug"])
