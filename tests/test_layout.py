"""The package layout of DESIGN.md: every module imports alone, no import circles, input/ knows no rules."""

import ast
import subprocess
import sys
from pathlib import Path

from tests.conftest import ROOT

PACKAGE = ROOT / "corpuscheck"


def _modules() -> dict[str, Path]:
    found = {}
    for path in sorted(PACKAGE.rglob("*.py")):
        parts = path.relative_to(ROOT).with_suffix("").parts
        name = ".".join(parts[:-1] if parts[-1] == "__init__" else parts)
        found[name] = path
    return found


def _imports(name: str, path: Path, known: set[str]) -> set[str]:
    """Package modules ``name`` imports at module level (not inside functions: those are lazy on purpose)."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    out = set()
    for node in tree.body:
        nodes = [node]
        if isinstance(node, ast.If | ast.Try):  # `if TYPE_CHECKING` and try/except imports count too
            nodes = list(ast.walk(node))
        for item in nodes:
            if isinstance(item, ast.Import):
                targets = [a.name for a in item.names]
            elif isinstance(item, ast.ImportFrom):
                base = item.module or ""
                if item.level:
                    base = ".".join(package.split(".")[: len(package.split(".")) - item.level + 1] + ([base] if base else []))
                targets = [base] + [f"{base}.{a.name}" for a in item.names]
            else:
                continue
            out.update(t for t in targets if t in known and t != name)
    return out


def _graph() -> dict[str, set[str]]:
    modules = _modules()
    return {name: _imports(name, path, set(modules)) for name, path in modules.items()}


def test_the_layout_has_its_parts():
    for part in ("input/document.py", "input/loader.py", "rules/base.py", "engine.py", "cache.py",
                 "gx/suite.py", "report/__init__.py", "ci/config.py", "findings.py", "check.py"):
        assert (PACKAGE / part).is_file(), part


def circles(graph: dict[str, set[str]]) -> list[list[str]]:
    """Import circles of ``graph`` (an edge from a module to its own package is not one: Python runs it first)."""
    found, done = [], set()

    def visit(node: str, trail: list[str]) -> None:
        for target in sorted(graph.get(node, ())):
            if node.startswith(target + "."):
                continue
            if target in trail:
                found.append(trail[trail.index(target):] + [target])
            elif target not in done:
                visit(target, trail + [target])
        done.add(node)

    for name in sorted(graph):
        if name not in done:
            visit(name, [name])
    return found


def test_the_circle_finder_finds_circles():
    assert circles({"a": {"b"}, "b": {"c"}, "c": {"a"}}) == [["a", "b", "c", "a"]]
    assert circles({"p.x": {"p"}, "p": {"p.x"}}) == []


def test_no_import_circles():
    assert not circles(_graph())


def test_input_imports_nothing_from_rules():
    graph = _graph()
    for name, targets in graph.items():
        if name.startswith("corpuscheck.input"):
            assert not {t for t in targets if t.startswith("corpuscheck.rules")}, name
    # and at run time, including lazy imports a plain load triggers
    code = (
        "import sys; from corpuscheck.input.loader import load; "
        f"docs = list(load({str(ROOT / 'corpus')!r})); "
        "assert docs; bad = [m for m in sys.modules if m.startswith('corpuscheck.rules')]; "
        "assert not bad, bad"
    )
    subprocess.run([sys.executable, "-c", code], check=True, cwd=ROOT)


def test_every_module_imports_alone_in_a_fresh_interpreter():
    names = [n for n in _modules() if not n.endswith("pytest_plugin")]
    code = (
        "import importlib, sys\n"
        "failed = []\n"
        f"for name in {names!r}:\n"
        "    for m in [m for m in sys.modules if m.startswith('corpuscheck')]: del sys.modules[m]\n"
        "    try: importlib.import_module(name)\n"
        "    except Exception as exc: failed.append((name, repr(exc)))\n"
        "assert not failed, failed\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True, cwd=ROOT, timeout=300)
