"""Parser steps import only the state and shared helpers, never another step.

The pipeline's ``STEPS`` list is the contract between steps: what one step
needs from another's work is in the ParseState, and shared logic lives in a
helper module of ``convert.textparse``.
"""

from __future__ import annotations

import ast

import pytest

from tests.conftest import ROOT

STEPS = sorted((ROOT / "convert" / "textparse" / "steps").glob("*.py"))


def imported_modules(tree: ast.Module) -> set[str]:
    modules: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module:
            modules.add(node.module)
            modules.update(f"{node.module}.{alias.name}" for alias in node.names)
        elif isinstance(node, ast.Import):
            modules.update(alias.name for alias in node.names)
    return modules


@pytest.mark.parametrize("path", STEPS, ids=[p.stem for p in STEPS])
def test_step_imports_no_other_step(path) -> None:
    modules = imported_modules(ast.parse(path.read_text(encoding="utf-8")))
    steps = {m for m in modules if m.startswith("convert.textparse.steps")}
    assert steps == set(), f"{path.name} imports {sorted(steps)}"


def test_the_check_sees_a_step_import() -> None:
    tree = ast.parse("from convert.textparse.steps.language import article_language\n")
    assert "convert.textparse.steps.language" in imported_modules(tree)
