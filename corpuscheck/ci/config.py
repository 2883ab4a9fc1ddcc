"""Configuration: ``[tool.corpuscheck]`` in ``pyproject.toml``, overridden by CLI flags.

Every setting has a default; the user's ``pyproject.toml`` (the nearest one in
this folder or above) may set it; a CLI flag wins over both. Each effective
value remembers where it came from, for ``corpuscheck config``.
"""

from __future__ import annotations

import os
import tomllib
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from corpuscheck.gx.suite import OUR_SEVERITY
from corpuscheck.input.html import MAX_PAGE_BYTES, PARSER_MAX_DEPTH
from corpuscheck.input.loader import MAX_DOCUMENT_CHARS, MAX_RECORD_BYTES, MAX_ROW_GROUP_BYTES


class ConfigError(ValueError):
    """A configuration that cannot be used; the message names the file and key."""


def _str(value: Any, key: str) -> str:
    if not isinstance(value, str):
        raise ConfigError(f"{key} must be a string, not {value!r}")
    return value


def _str_list(value: Any, key: str) -> list[str]:
    if isinstance(value, str):
        value = [part.strip() for part in value.split(",") if part.strip()]
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise ConfigError(f"{key} must be a list of strings, not {value!r}")
    return list(value)


def _severity(value: Any, key: str) -> str:
    if not isinstance(value, str) or value.lower() not in set(OUR_SEVERITY) | {"never"}:
        raise ConfigError(f"{key} must be one of error, warning, info, never; not {value!r}")
    return OUR_SEVERITY.get(value.lower(), "never")


def _per_path(value: Any, key: str) -> dict[str, list[str]]:
    if not isinstance(value, dict):
        raise ConfigError(f"{key} must be a table of glob = [codes], not {value!r}")
    return {str(glob): _str_list(codes, f"{key}.{glob}") for glob, codes in value.items()}


def _engine(value: Any, key: str) -> str:
    if value not in ("local", "spark"):
        raise ConfigError(f"{key} must be local or spark, not {value!r}")
    return value


def _bool(value: Any, key: str) -> bool:
    if not isinstance(value, bool):
        raise ConfigError(f"{key} must be true or false, not {value!r}")
    return value


def _optional_int(value: Any, key: str) -> int | None:
    if value is not None and (not isinstance(value, int) or isinstance(value, bool) or value < 1):
        raise ConfigError(f"{key} must be a whole number >= 1, not {value!r}")
    return value


def _positive_int(value: Any, key: str) -> int:
    if not isinstance(value, int) or isinstance(value, bool) or value < 1:
        raise ConfigError(f"{key} must be a whole number >= 1, not {value!r}")
    return value


def _html_depth(value: Any, key: str) -> int:
    from corpuscheck.input.html import PARSER_MAX_DEPTH

    value = _positive_int(value, key)
    if value >= PARSER_MAX_DEPTH:
        raise ConfigError(f"{key} must be at most {PARSER_MAX_DEPTH - 1} (the HTML parser keeps {PARSER_MAX_DEPTH} "
                          f"levels and drops what is deeper), not {value!r}")
    return value


@dataclass(frozen=True)
class Setting:
    key: str  # as written in pyproject.toml
    default: Any
    parse: Callable[[Any, str], Any]
    help: str

    @property
    def dest(self) -> str:
        return self.key.replace("-", "_")


SETTINGS = (
    Setting("paths", ["corpus"], _str_list, "files or folders to check"),
    Setting("suite", None, _str, "suite file or name (default: checks/news.yml, else built-in news)"),
    Setting("select", [], _str_list, "only these rules: codes, code prefixes, family letters or names"),
    Setting("ignore", [], _str_list, "skip these rules (same forms as select)"),
    Setting("per-path-ignores", {}, _per_path, 'rules to skip under some paths: {"corpus/legacy/**" = ["N101"]}'),
    Setting("text-field", "text", _str, "JSONL/Parquet field holding the text"),
    Setting("title-field", "title", _str, "JSONL/Parquet field holding the title"),
    Setting("fail-on", "error", _severity, "lowest severity of a failed expectation that fails the run"),
    Setting("report", None, _str, "folder for the HTML report (default: reports/ when it exists or no paths are given)"),
    Setting("baseline", None, _str, "baseline file: fail only on findings not in it"),
    Setting("jobs", None, _optional_int, "worker processes (default: all cores for large corpora)"),
    Setting("engine", "local", _engine, "where the rules run: local (processes) or spark"),
    Setting("spark-master", None, _str, "Spark master URL for engine = spark (default: local[*])"),
    Setting("cache", True, _bool, "keep per-file results in the cache folder (false: check every file afresh)"),
    Setting("cache-dir", None, _str, "cache folder (default: .corpuscheck_cache/ beside pyproject.toml, else here)"),
    # read bounds (corpuscheck.input.loader.ReadLimits, HtmlOptions): each crossing is a read error naming it
    Setting("max-document-chars", MAX_DOCUMENT_CHARS, _positive_int,
            "a longer document is checked on this many first characters; S107 oversized-document reports it"),
    Setting("max-record-bytes", MAX_RECORD_BYTES, _positive_int, "a longer JSONL line (one record) is skipped"),
    Setting("max-row-group-bytes", MAX_ROW_GROUP_BYTES, _positive_int,
            "a Parquet row group larger than this (uncompressed) is skipped"),
    Setting("max-page-bytes", MAX_PAGE_BYTES, _positive_int, "a larger HTML page is not extracted"),
    Setting("max-html-depth", PARSER_MAX_DEPTH - 1, _html_depth, "an HTML page nested deeper is not extracted"),
)
BY_KEY = {s.key: s for s in SETTINGS}


@dataclass(frozen=True)
class Value:
    value: Any
    source: str  # "default", "<path>/pyproject.toml" or "command line"


def find_pyproject(start: Path | None = None) -> Path | None:
    folder = (start or Path.cwd()).resolve()
    for candidate in (folder, *folder.parents):
        path = candidate / "pyproject.toml"
        if path.is_file():
            return path
    return None


def read_pyproject(path: Path) -> dict[str, Any]:
    """The ``[tool.corpuscheck]`` table, checked: unknown keys and wrong types are errors."""
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise ConfigError(f"{path}: not valid TOML: {exc}") from None
    table = data.get("tool", {}).get("corpuscheck", {})
    if not isinstance(table, dict):
        raise ConfigError(f"{path}: [tool.corpuscheck] must be a table")
    unknown = sorted(set(table) - set(BY_KEY))
    if unknown:
        raise ConfigError(
            f"{path}: unknown key(s) in [tool.corpuscheck]: {', '.join(unknown)} (known: {', '.join(BY_KEY)})"
        )
    parsed = {}
    for key, raw in table.items():
        try:
            parsed[key] = BY_KEY[key].parse(raw, key)
        except ConfigError as exc:
            raise ConfigError(f"{path}: [tool.corpuscheck] {exc}") from None
    return parsed


PATH_KEYS = {"paths", "suite", "report", "baseline", "cache-dir"}


def _relative_to(folder: Path, key: str, value: Any) -> Any:
    """Paths in pyproject.toml are relative to its folder; shown relative to the cwd."""
    if key not in PATH_KEYS or value is None:
        return value

    def one(item: str) -> str:
        candidate = folder / item
        if key == "suite" and not candidate.exists():
            return item  # a built-in suite name such as "news"
        return os.path.relpath(candidate) if not Path(item).is_absolute() else item

    return [one(v) for v in value] if isinstance(value, list) else one(value)


def resolve(cli: dict[str, Any] | None = None, pyproject: Path | None | bool = True) -> dict[str, Value]:
    """Effective settings: CLI values (not None) over pyproject.toml over defaults.

    ``cli`` is keyed by ``Setting.dest``; ``pyproject``: a path, ``True`` to look
    for the nearest one, or ``False``/``None`` for none.
    """
    path = find_pyproject() if pyproject is True else (pyproject or None)
    from_file = read_pyproject(path) if path else {}
    cli = cli or {}
    effective: dict[str, Value] = {}
    for setting in SETTINGS:
        given = cli.get(setting.dest)
        if given is not None and given != [] and given != {}:
            effective[setting.dest] = Value(setting.parse(given, "--" + setting.key), "command line")
        elif setting.key in from_file:
            effective[setting.dest] = Value(_relative_to(path.parent, setting.key, from_file[setting.key]), str(path))
        else:
            effective[setting.dest] = Value(setting.default, "default")
    return effective


def render(effective: dict[str, Value]) -> str:
    """``corpuscheck config``: each setting, its value and where it came from."""
    lines = ["[tool.corpuscheck]"]
    for setting in SETTINGS:
        item = effective[setting.dest]
        if item.value is None:
            lines.append(f"# {setting.key} is not set{'':<{max(0, 32 - len(setting.key))}} # {item.source}")
        else:
            lines.append(f"{setting.key:<17} = {toml_value(item.value):<40} # {item.source}")
    return "\n".join(lines) + "\n"


def toml_value(value: Any) -> str:
    """A value as TOML writes it (strings quoted with escapes, lists, inline tables)."""
    import json

    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        return str(value)
    if isinstance(value, (list, tuple)):
        return "[" + ", ".join(toml_value(v) for v in value) + "]"
    if isinstance(value, dict):
        return "{" + ", ".join(f"{json.dumps(str(k))} = {toml_value(v)}" for k, v in value.items()) + "}"
    return json.dumps(str(value), ensure_ascii=False)
