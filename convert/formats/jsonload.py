"""Strict, safe JSON loading with line numbers for errors.

Refuses what ``json.loads`` would silently accept or crash on: duplicate keys
(the last would win), nesting deep enough to exhaust the stack, and numbers
too long to convert.  :func:`pointer_line` maps a JSON pointer back to the
line it starts on, so schema errors can name a line.
"""

from __future__ import annotations

import json
import re
from typing import Any

from convert.errors import ConvertError

MAX_DEPTH = 200


def _no_duplicates(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    result: dict[str, Any] = {}
    for key, value in pairs:
        if key in result:
            raise _DuplicateKey(key)
        result[key] = value
    return result


class _DuplicateKey(ValueError):
    pass


class _BadNumber(ValueError):
    pass


MAX_NUMBER_DIGITS = 100


def _parse_int(text: str) -> int:
    if len(text) > MAX_NUMBER_DIGITS:
        raise _BadNumber(f"a number with {len(text)} digits is too long")
    return int(text)


def _parse_float(text: str) -> float:
    value = float(text)
    if len(text) > MAX_NUMBER_DIGITS or value in (float("inf"), float("-inf")):
        raise _BadNumber(f"the number {text[:20]}{'...' if len(text) > 20 else ''} is out of range")
    return value


def _refuse_constant(name: str) -> float:
    raise _BadNumber(f"{name} is not a JSON number")


# Unrolled ("normal* (special normal*)*"): one branch per escape, not per character.
_STRING = re.compile(r'"[^"\\]*(?:\\.[^"\\]*)*"')
_NOT_BRACKET = re.compile(r"[^\[\]{}]+")


def _too_deep(text: str) -> bool:
    """Arrays and objects nest deeper than MAX_DEPTH somewhere in ``text``."""
    # Nesting never exceeds the number of opening brackets (counted in C); only
    # a text with more than MAX_DEPTH of them is scanned.
    if text.count("[") + text.count("{") <= MAX_DEPTH:
        return False
    # Strings, then everything but brackets, removed in C: only the brackets
    # are looked at one by one.
    depth = 0
    for token in _NOT_BRACKET.sub("", _STRING.sub("", text)):
        if token in "[{":
            depth += 1
            if depth > MAX_DEPTH:
                return True
        elif token in "]}":
            depth -= 1
    return False


def load_json(text: str, source: str) -> Any:
    if _too_deep(text):
        raise ConvertError(f"JSON nested deeper than {MAX_DEPTH} levels", source=source,
                           code="too-deep")
    try:
        return json.loads(text, object_pairs_hook=_no_duplicates, parse_int=_parse_int,
                          parse_float=_parse_float, parse_constant=_refuse_constant)
    except json.JSONDecodeError as error:
        raise ConvertError(f"not valid JSON: {error.msg} (column {error.colno})",
                           source=source, line=error.lineno, code="syntax") from None
    except _DuplicateKey as error:
        raise ConvertError(f"duplicate key {error.args[0]!r} in a JSON object",
                           source=source, line=_key_line(text, error.args[0]),
                           code="duplicate-key") from None
    except _BadNumber as error:
        raise ConvertError(f"not usable JSON: {error}", source=source, code="number") from None
    except (ValueError, RecursionError) as error:
        raise ConvertError(f"not usable JSON: {error}", source=source, code="syntax") from None


def _key_line(text: str, key: str) -> int | None:
    found = [m.start() for m in re.finditer(re.escape(json.dumps(key)) + r"\s*:", text)]
    return text.count("\n", 0, found[1]) + 1 if len(found) > 1 else None


_TOKEN = re.compile(r'\s*(?:("(?:[^"\\]|\\.)*")\s*(:)?|([\[\]{},])|([^\s\[\]{},"]+))')


def pointer_line(text: str, path: list[str | int]) -> int | None:
    """The 1-based line where the value at ``path`` (a JSON pointer) starts."""
    stack: list[list[Any]] = []  # per container: [kind, current key or index]
    position = 0
    target = [str(part) for part in path]
    if not target:
        return 1
    while position < len(text):
        match = _TOKEN.match(text, position)
        if not match:
            return None
        string, colon, punct, _scalar = match.groups()
        start = match.start() + (len(match.group()) - len(match.group().lstrip()))
        position = match.end()
        if punct in ("{", "["):
            if _current(stack) == target:
                return text.count("\n", 0, start) + 1
            stack.append(["object" if punct == "{" else "array", None if punct == "{" else 0])
        elif punct in ("}", "]"):
            stack.pop()
        elif punct == ",":
            if stack and stack[-1][0] == "array":
                stack[-1][1] += 1
        elif string is not None and colon:
            stack[-1][1] = json.loads(string)
        elif _current(stack) == target:
            return text.count("\n", 0, start) + 1
    return None


def _current(stack: list[list[Any]]) -> list[str]:
    return [str(level[1]) for level in stack]
