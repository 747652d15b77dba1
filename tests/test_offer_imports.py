"""The offer modules import one way: parsing -> priorities -> models, never back.

Every import counts, including the ones inside functions and under TYPE_CHECKING: a lazy
import is still a dependency, and a cycle hidden in a function is still a cycle.
"""

from __future__ import annotations

import ast
from pathlib import Path

import decline

PACKAGE = Path(decline.__file__).parent
OFFER_MODULES = ("offers", "offers.lines", "offers.parsing", "offers.priorities", "offers.writing")


def source(module: str) -> Path:
    """Return the file of `module` (`offers` is the package's `__init__.py`)."""
    parts = module.split(".")
    if len(parts) == 1:
        return PACKAGE / parts[0] / "__init__.py"
    return PACKAGE.joinpath(*parts).with_suffix(".py")


def imported(module: str) -> set[str]:
    """Return the `decline.*` modules `module` imports anywhere in its text."""
    tree = ast.parse(source(module).read_text(encoding="utf-8"))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module)
        elif isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
    return {name.removeprefix("decline.") for name in names if name.startswith("decline.")}


def graph() -> dict[str, set[str]]:
    """Return the import edges among the offer modules."""
    return {module: imported(module) & set(OFFER_MODULES) for module in OFFER_MODULES}


def cycle(edges: dict[str, set[str]]) -> list[str] | None:
    """Return one import cycle as a path of modules, or None."""
    state: dict[str, str] = {}

    def visit(node: str, path: list[str]) -> list[str] | None:
        state[node] = "open"
        for target in sorted(edges.get(node, ())):
            if state.get(target) == "open":
                return [*path[path.index(target) :], target]
            if target not in state and (found := visit(target, [*path, target])):
                return found
        state[node] = "done"
        return None

    for start in sorted(edges):
        if start not in state and (found := visit(start, [start])):
            return found
    return None


def test_the_cycle_finder_finds_a_cycle() -> None:
    assert cycle({"a": {"b"}, "b": {"c"}, "c": {"a"}}) == ["a", "b", "c", "a"]
    assert cycle({"a": {"b"}, "b": set()}) is None


def test_offer_modules_import_without_a_cycle() -> None:
    assert cycle(graph()) is None, " -> ".join(cycle(graph()) or [])


def test_the_models_depend_on_no_other_offer_module() -> None:
    assert graph()["offers"] == set()
    assert "offers.parsing" not in graph()["offers.priorities"]


def test_the_offer_file_code_is_one_package() -> None:
    assert {path.stem for path in (PACKAGE / "offers").glob("*.py")} == {
        "__init__",
        "lines",
        "parsing",
        "priorities",
        "writing",
    }
    assert not list(PACKAGE.glob("offer_*.py"))
