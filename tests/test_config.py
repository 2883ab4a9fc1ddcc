"""[tool.corpuscheck] in pyproject.toml, overridden by CLI flags."""

import pytest

from corpuscheck.ci.config import ConfigError, render, resolve


def _pyproject(folder, body):
    path = folder / "pyproject.toml"
    path.write_text("[project]\nname = 'x'\n\n[tool.corpuscheck]\n" + body, encoding="utf-8")
    return path


def test_defaults_without_pyproject(in_tmp):
    effective = resolve({}, pyproject=False)
    assert effective["paths"].value == ["corpus"] and effective["paths"].source == "default"
    assert effective["fail_on"].value == "error"


def test_pyproject_values_and_cli_precedence(in_tmp):
    path = _pyproject(in_tmp, 'paths = ["data"]\nselect = ["P", "D101"]\nfail-on = "warning"\n'
                              'per-path-ignores = {"data/legacy/*" = ["N101"]}\ntext-field = "content"\n')
    effective = resolve({"select": ["N1"], "text_field": None}, pyproject=True)
    assert effective["paths"].value == ["data"] and effective["paths"].source == str(path.resolve())
    assert effective["select"].value == ["N1"] and effective["select"].source == "command line"
    assert effective["text_field"].value == "content"
    assert effective["fail_on"].value == "warning"
    assert effective["per_path_ignores"].value == {"data/legacy/*": ["N101"]}
    shown = render(effective)
    assert 'select            = ["N1"]' in shown and "# command line" in shown
    assert f"# {path.resolve()}" in shown


def test_paths_are_relative_to_the_pyproject_folder(in_tmp, monkeypatch):
    _pyproject(in_tmp, 'paths = ["data"]\nsuite = "checks/strict.yml"\n')
    (in_tmp / "checks").mkdir()
    (in_tmp / "checks" / "strict.yml").write_text("name: strict\n")
    sub = in_tmp / "sub"
    sub.mkdir()
    monkeypatch.chdir(sub)
    effective = resolve({}, pyproject=True)
    assert effective["paths"].value == ["../data"]
    assert effective["suite"].value == "../checks/strict.yml"


@pytest.mark.parametrize(
    "body,message",
    [
        ("colour = 'red'\n", "unknown key(s) in [tool.corpuscheck]: colour"),
        ("fail-on = 'fatal'\n", "fail-on must be one of error, warning, info, never"),
        ("select = 3\n", "select must be a list of strings"),
        ("jobs = 0\n", "jobs must be a whole number >= 1"),
        ("per-path-ignores = ['x']\n", "per-path-ignores must be a table"),
        ("paths = [\n", "not valid TOML"),
    ],
)
def test_bad_configuration_is_a_clear_error(in_tmp, body, message):
    _pyproject(in_tmp, body)
    with pytest.raises(ConfigError, match=message.replace("[", r"\[").replace("(", r"\(").replace(")", r"\)")):
        resolve({}, pyproject=True)
