"""Cheap tests that spare a costlier one: the characters a pattern's every match holds,
and whether a text has a digit.

A pattern tried on every line (a date shape, a field) mostly fails; many of them hold
a character no repeat can skip (the ``年`` of ``2019年3月5日``, the ``/`` of
``3/5/2019``).  ``needed_characters`` reads those from the pattern's parse (as ``re``
itself parses it, once a pattern), so ``may_match`` passes a line without one over with a
few ``in`` tests
instead of a scan by the regex engine: the same answers, sooner.  Read from the
pattern, not written beside it, so it cannot go stale when a pattern changes.
"""

from __future__ import annotations

import re
from typing import Any

#: A pattern longer than this is not read (the month-name shapes: their parse would cost
#: more at start-up than it saves, and they need no particular character anyway).
LONGEST_READ = 400


def needed_characters(pattern: re.Pattern[str]) -> tuple[str, ...]:
    """Sets of characters (each a string) such that every match of ``pattern`` holds at
    least one character of every set; empty when none is known.  Only characters without
    case are kept for a pattern under ``re.IGNORECASE``, and sets with a space, an ASCII
    letter or digit are left out (nearly every line has them).  Text patterns only."""
    if len(pattern.pattern) > LONGEST_READ or not isinstance(pattern.pattern, str):
        return ()
    from re import _constants, _parser  # type: ignore[attr-defined]

    def walk(items: Any, ignore_case: bool) -> list[str]:
        """The character sets of a sequence: each of its items is in every match (a
        lookaround, an optional repeat is not; a branch gives the characters its every
        alternative needs one of)."""
        found: list[str] = []
        for op, value in items:
            chars = ""
            if op is _constants.LITERAL:
                chars = chr(value)
            elif op is _constants.IN and all(kind is _constants.LITERAL for kind, _ in value):
                chars = "".join(chr(code) for _, code in value)
            elif op is _constants.SUBPATTERN:
                _, added, removed, inner = value
                found += walk(inner, (ignore_case or bool(added & re.IGNORECASE))
                              and not removed & re.IGNORECASE)
            elif op in (_constants.MAX_REPEAT, _constants.MIN_REPEAT,
                        _constants.POSSESSIVE_REPEAT) and value[0] >= 1:
                found += walk(value[2], ignore_case)
            elif op is _constants.BRANCH:
                alternatives = [walk(alternative, ignore_case) for alternative in value[1]]
                if all(alternatives):
                    found.append("".join(sorted({ch for sets in alternatives
                                                 for ch in sets[0]})))
            if chars and _telling(chars, ignore_case):
                found.append(chars)
        return found

    parsed = _parser.parse(pattern.pattern, pattern.flags)
    return tuple(sorted(set(walk(parsed, bool(pattern.flags & re.IGNORECASE)))))


def _telling(chars: str, ignore_case: bool) -> bool:
    """Worth a test: no space, ASCII letter or digit (nearly every line has them), and
    under ``re.IGNORECASE`` no character with case."""
    return not any(ch.isspace() or ch.isascii() and ch.isalnum() for ch in chars) and (
        not ignore_case or all(ch.lower() == ch == ch.upper() for ch in chars))


def may_match(pattern: re.Pattern[str], text: str) -> bool:
    """False when ``text`` lacks every character of one of the sets ``pattern`` needs:
    then ``search``, ``match`` and ``finditer`` find nothing in it (read once a pattern)."""
    known = _NEEDS.get(id(pattern))
    if known is None:
        known = _NEEDS[id(pattern)] = (pattern, needed_characters(pattern))
    for chars in known[1]:
        for ch in chars:
            if ch in text:
                break
        else:
            return False
    return True


#: id(pattern) -> (the pattern, kept so that its id is never reused; its needs).  Keyed
#: by id: hashing a compiled pattern hashes its whole program, which costs more for the
#: month-name shapes than the test saves.
_NEEDS: dict[int, tuple[re.Pattern[str], tuple[str, ...]]] = {}


_ASCII_DIGIT = re.compile(r"[0-9]")


def has_digit(text: str) -> bool:
    """``any(ch.isdigit() for ch in text)``, sooner: in ASCII text the digits ``isdigit``
    knows are 0-9, found by one scan in C."""
    if text.isascii():
        return _ASCII_DIGIT.search(text) is not None
    return any(ch.isdigit() for ch in text)
