"""Characters a pattern's every match holds: a test cheaper than the pattern itself.

A pattern tried on every line (a date shape, a field) mostly fails; many of them hold
a character no repeat can skip (the ``年`` of ``2019年3月5日``, the ``/`` of
``3/5/2019``).  ``needed_characters`` reads those from the pattern's parse (as ``re``
itself parses it), so a line without one is passed over with a few ``in`` tests
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
    case are kept for a pattern under ``re.IGNORECASE``, and sets with an ASCII letter or
    digit are left out (nearly every line has them)."""
    if len(pattern.pattern) > LONGEST_READ:
        return ()
    from re import _constants, _parser  # type: ignore[attr-defined]

    found: list[str] = []

    def walk(items: Any) -> None:
        """The items of a sequence: each one is in every match (branches, lookarounds
        and optional repeats are not)."""
        for op, value in items:
            if op is _constants.LITERAL:
                found.append(chr(value))
            elif op is _constants.IN and all(kind is _constants.LITERAL for kind, _ in value):
                found.append("".join(chr(code) for _, code in value))
            elif op is _constants.SUBPATTERN:
                walk(value[-1])
            elif op in (_constants.MAX_REPEAT, _constants.MIN_REPEAT,
                        _constants.POSSESSIVE_REPEAT) and value[0] >= 1:
                walk(value[2])

    walk(_parser.parse(pattern.pattern, pattern.flags))
    caseless = not pattern.flags & re.IGNORECASE
    kept = {chars for chars in found if not any(ch.isascii() and ch.isalnum() for ch in chars) and (
        caseless or all(ch.lower() == ch == ch.upper() for ch in chars))}
    return tuple(sorted(kept))


def could_match(needs: tuple[str, ...], text: str) -> bool:
    """False when ``text`` lacks every character of one of the sets ``needs`` (from
    ``needed_characters``): then the pattern cannot match it."""
    return all(any(ch in text for ch in chars) for chars in needs)
