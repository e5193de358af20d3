"""Strict JSON loading (convert/formats/jsonload.py): the nesting-depth guard."""

from __future__ import annotations

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from convert.errors import ConvertError
from convert.formats.jsonload import MAX_DEPTH, _too_deep, load_json


def depth_token_by_token(text: str) -> int:
    """The guard as first written: every string and bracket matched in turn."""
    depth = deepest = 0
    for match in re.finditer(r'"(?:[^"\\]|\\.)*"|[\[\]{}]', text):
        if match.group() in "[{":
            depth += 1
            deepest = max(deepest, depth)
            if deepest > MAX_DEPTH:
                return deepest
        elif match.group() in "]}":
            depth -= 1
    return deepest


@given(st.just(0) | st.integers(MAX_DEPTH - 40, MAX_DEPTH + 3), st.text('[]{}"\\ ,:a1\n', max_size=60))
def test_brackets_inside_strings_do_not_count(opening: int, text: str) -> None:
    # Opening brackets first bring the text near the limit, where it is scanned
    # (with none, the bracket count alone answers).
    text = "[" * opening + text
    assert _too_deep(text) == (depth_token_by_token(text) > MAX_DEPTH)


def test_deep_nesting_is_refused_and_strings_do_not_count() -> None:
    with pytest.raises(ConvertError, match="nested deeper"):
        load_json("[" * (MAX_DEPTH + 1) + "]" * (MAX_DEPTH + 1), "deep.json")
    assert load_json('{"a": "' + "[" * 1000 + '"}', "flat.json") == {"a": "[" * 1000}
