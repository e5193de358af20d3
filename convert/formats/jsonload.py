"""Strict, safe JSON loading with line numbers for errors.

Refuses what ``json.loads`` would silently accept or crash on: duplicate keys
(the last would win), nesting deep enough to exhaust the stack, and numbers
too long to convert.  :class:`JsonLines` maps JSON pointers back to the
lines their values start on, so schema errors can name a line.

Both scans are linear in the text: the depth check never rescans (an
unterminated string runs to the end of the text instead of being retried from
every quote in it), and the line of every value is found in one pass however
many pointers are asked for.
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


#: A string, or an unterminated one up to the end of the text; possessive, so
#: that a failed match is never retried shorter.
_STRING = re.compile(r'"(?:[^"\\]++|\\.)*+(?:"|\\?\Z)', re.DOTALL)
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


#: A ``\\uD8xx`` escape (not itself an escaped backslash), with the low half
#: that makes it a pair; or a low half on its own.
_SURROGATE_ESCAPE = re.compile(
    r"(?<!\\)(?:\\\\)*\\u[dD][89abAB][0-9a-fA-F]{2}(\\u[dD][c-fC-F][0-9a-fA-F]{2})?"
    r"|(?<!\\)(?:\\\\)*(\\u[dD][c-fC-F][0-9a-fA-F]{2})")


def _lone_surrogate(text: str) -> re.Match[str] | None:
    """The first ``\\uD800``-style escape that is half a UTF-16 pair: not a
    character, and not writable as UTF-8 by any writer."""
    if "\\u" not in text:
        return None
    for match in _SURROGATE_ESCAPE.finditer(text):
        if match.group(1) is None:  # a high half with no low one, or a low one alone
            return match
    return None


def load_json(text: str, source: str, duplicates: list[tuple[str, int | None]] | None = None
              ) -> Any:
    """The parsed JSON; a duplicate key is an error, unless ``duplicates`` is given:
    then the last value wins (as in every JSON parser) and (key, line) is added to it."""
    if _too_deep(text):
        raise ConvertError(f"JSON nested deeper than {MAX_DEPTH} levels", source=source,
                           code="too-deep")
    lone = _lone_surrogate(text)
    if lone is not None:
        escape = lone.group().lstrip("\\")
        raise ConvertError(f"\\{escape[:5]} is half of a UTF-16 surrogate pair, not a "
                           "character (JSON text must be Unicode)",
                           source=source, line=text.count("\n", 0, lone.start()) + 1,
                           code="encoding")

    def last_wins(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
        result: dict[str, Any] = {}
        for key, value in pairs:
            if key in result and duplicates is not None:
                duplicates.append((key, _key_line(text, key)))
            result[key] = value
        return result

    try:
        return json.loads(text, object_pairs_hook=_no_duplicates if duplicates is None
                          else last_wins, parse_int=_parse_int,
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


_TOKEN = re.compile(r'\s*(?:("(?:[^"\\]++|\\.)*+")\s*(:)?|([\[\]{},])|([^\s\[\]{},"]++))',
                    re.DOTALL)


class JsonLines:
    """The line each value of a JSON text starts on, by JSON pointer.

    The text (already parsed, so valid JSON) is scanned once, on the first
    question, into a tree of (container, key) -> (value, line) entries.
    """

    def __init__(self, text: str) -> None:
        self.text = text
        self._children: dict[tuple[int, str], tuple[int, int]] | None = None

    def line(self, path: list[str | int]) -> int | None:
        """The 1-based line where the value at ``path`` starts (None when absent)."""
        if not path:
            return 1
        children = self._index()
        node, line = 0, None
        for part in path:
            found = children.get((node, str(part)))
            if found is None:
                return None
            node, line = found
        return line

    def _index(self) -> dict[tuple[int, str], tuple[int, int]]:
        if self._children is not None:
            return self._children
        text = self.text
        children: dict[tuple[int, str], tuple[int, int]] = {}
        # per open container: [its node, object key or array index, is an array]
        stack: list[list[Any]] = []
        nodes, line = 0, 1
        counted = 0
        position = 0
        while position < len(text):
            match = _TOKEN.match(text, position)
            if not match:
                break
            string, colon, punct, _scalar = match.groups()
            position = match.end()
            if punct in ("}", "]"):
                stack.pop()
                continue
            if punct == ",":
                if stack[-1][2]:
                    stack[-1][1] += 1
                continue
            if string is not None and colon:
                stack[-1][1] = json.loads(string)
                continue
            start = match.start(1) if string is not None else match.start(3) \
                if punct is not None else match.start(4)
            line += text.count("\n", counted, start)
            counted = start
            node = nodes
            nodes += 1
            if stack:
                children[(stack[-1][0], str(stack[-1][1]))] = (node, line)
            if punct in ("{", "["):
                stack.append([node, 0, punct == "["])
        self._children = children
        return children


def pointer_line(text: str, path: list[str | int]) -> int | None:
    """The 1-based line where the value at ``path`` starts (one question:
    use :class:`JsonLines` for many)."""
    return JsonLines(text).line(path)
