"""The package's layout rules (issue 13): no import cycle, and no reader imports a writer.

Every ``import`` in ``convert/`` counts, at module level and inside functions (a lazy import
is still a dependency), except those under ``if TYPE_CHECKING:``, which never run. What a
format's reader and writer both need lives in ``convert/formats/``; readers never import
``convert.writers`` or another reader. (Parser steps have their own rule:
``tests/textparse/test_step_imports.py``.)
"""

from __future__ import annotations

import ast
from pathlib import Path

from tests.conftest import ROOT


def module_name(path: Path) -> str:
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


MODULES = {module_name(path): path for path in (ROOT / "convert").rglob("*.py")}


def _is_type_checking(node: ast.AST) -> bool:
    return isinstance(node, ast.If) and "TYPE_CHECKING" in ast.unparse(node.test)


def _imports(node: ast.AST) -> list[ast.Import | ast.ImportFrom]:
    if _is_type_checking(node):
        return []
    found = [node] if isinstance(node, (ast.Import, ast.ImportFrom)) else []
    for child in ast.iter_child_nodes(node):
        found += _imports(child)
    return found


def _known(name: str, modules: dict[str, Path]) -> str | None:
    """The project module ``name`` means: itself, else the package that defines it."""
    while name and name not in modules:
        name = name.rpartition(".")[0]
    return name or None


def dependencies(name: str, source: str, modules: dict[str, Path]) -> set[str]:
    """The project modules that module ``name`` imports."""
    package = name if modules[name].name == "__init__.py" else name.rpartition(".")[0]
    found: set[str | None] = set()
    for node in _imports(ast.parse(source)):
        if isinstance(node, ast.Import):
            found.update(_known(alias.name, modules) for alias in node.names
                         if alias.name.split(".")[0] == "convert")
            continue
        base = node.module or ""
        if node.level:
            anchor = package.split(".")[:len(package.split(".")) - (node.level - 1)]
            base = ".".join(anchor + ([node.module] if node.module else []))
        if base.split(".")[0] != "convert":
            continue
        found.update(f"{base}.{alias.name}" if f"{base}.{alias.name}" in modules
                     else _known(base, modules) for alias in node.names)
    return {module for module in found if module and module != name}


def import_graph(modules: dict[str, Path]) -> dict[str, set[str]]:
    return {name: dependencies(name, path.read_text(encoding="utf-8"), modules)
            for name, path in modules.items()}


def cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """Strongly connected components of more than one module (Tarjan)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    found: list[list[str]] = []

    def visit(module: str) -> None:
        index[module] = low[module] = len(index)
        stack.append(module)
        for other in sorted(graph.get(module, ())):
            if other not in index:
                visit(other)
                low[module] = min(low[module], low[other])
            elif other in stack:
                low[module] = min(low[module], index[other])
        if low[module] == index[module]:
            component = [stack.pop()]
            while component[-1] != module:
                component.append(stack.pop())
            if len(component) > 1:
                found.append(sorted(component))

    for module in sorted(graph):
        if module not in index:
            visit(module)
    return found


def test_no_import_cycle() -> None:
    assert cycles(import_graph(MODULES)) == []


def test_no_reader_imports_a_writer_or_another_reader() -> None:
    graph = import_graph(MODULES)
    wrong = {reader: sorted(module for module in imported
                            if module.startswith(("convert.writers", "convert.readers.")))
             for reader, imported in graph.items() if reader.startswith("convert.readers.")}
    assert {reader: modules for reader, modules in wrong.items() if modules} == {}


def test_the_checks_see_a_cycle_a_lazy_import_and_skip_type_checking() -> None:
    modules = {name: Path(f"{name.replace('.', '/')}.py") for name in
               ("convert.a", "convert.b", "convert.writers.w")}
    lazy = "def f():\n    from convert import b\n"
    typed = "from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n    from convert.writers import w\n"
    assert dependencies("convert.a", lazy, modules) == {"convert.b"}
    assert dependencies("convert.a", typed, modules) == set()
    assert dependencies("convert.a", "from .writers.w import x\n", modules) == {"convert.writers.w"}
    assert cycles({"convert.a": {"convert.b"}, "convert.b": {"convert.a"}}) == [
        ["convert.a", "convert.b"]]
