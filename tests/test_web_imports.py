"""The web package imports one way: no module reaches back up to one that imports it.

`errors` used to import `render` (for error pages) while `render` imported `errors` (for
`ApiError`); now the app hands the page renderer to the error handlers. This test reads
every `import` in `decline.web`, at module level and inside functions alike (a lazy import
is still a dependency), and fails on any cycle, naming it.
"""

from __future__ import annotations

import ast
from pathlib import Path

import decline.web

WEB = Path(decline.web.__file__).parent


def module_name(path: Path) -> str:
    parts = path.relative_to(WEB.parent.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def imports_of(path: Path, known: set[str]) -> set[str]:
    """Return the modules of `known` that the file at `path` imports."""
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text("utf-8"))):
        names: list[str] = []
        if isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names = [node.module] + [f"{node.module}.{alias.name}" for alias in node.names]
        found |= {name for name in names if name in known}
    return found


def graph() -> dict[str, set[str]]:
    files = {module_name(path): path for path in WEB.rglob("*.py")}
    known = set(files)
    edges = {name: imports_of(path, known) - {name} for name, path in files.items()}
    # a package's __init__ re-exporting its modules is not a dependency of those modules
    return {
        name: {target for target in targets if not name.startswith(f"{target}.")}
        for name, targets in edges.items()
    }


def cycles(edges: dict[str, set[str]]) -> list[list[str]]:
    """Return one cycle per strongly connected group of more than one module."""
    found: list[list[str]] = []
    state: dict[str, int] = {}

    def visit(node: str, trail: list[str]) -> None:
        state[node] = 1
        for target in sorted(edges.get(node, ())):
            if state.get(target) == 1:
                found.append([*trail[trail.index(target) :], target])
            elif target not in state:
                visit(target, [*trail, target])
        state[node] = 2

    for node in sorted(edges):
        if node not in state:
            visit(node, [node])
    return found


def test_the_web_package_has_no_import_cycle() -> None:
    edges = graph()
    assert "decline.web.errors" in edges
    assert cycles(edges) == []


def test_errors_sits_below_render() -> None:
    edges = graph()
    assert "decline.web.errors" in edges["decline.web.render"]
    assert "decline.web.render" not in edges["decline.web.errors"]


def test_the_cycle_finder_finds_a_cycle() -> None:
    assert cycles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == [["a", "b", "c", "a"]]
    assert cycles({"a": {"b"}, "b": set()}) == []
