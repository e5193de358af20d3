"""Run the parser's steps up to one of them on a small input."""

from __future__ import annotations

import pytest

from convert.options import ReadOptions
from convert.textparse.pipeline import STEPS, new_state
from convert.textparse.state import ParseState


def run_steps(data: str | bytes, until: str, *, encoding: str | None = None) -> ParseState:
    """The state after the steps up to and including ``until`` ran on ``data``."""
    raw = data.encode("utf-8") if isinstance(data, str) else data
    state = new_state(raw, ReadOptions(source_name="t.txt", encoding=encoding))
    names = [name for name, _ in STEPS]
    assert until in names
    for name, step in STEPS[: names.index(until) + 1]:
        state.step = name
        step(state)
    return state


@pytest.fixture
def after():
    return run_steps
