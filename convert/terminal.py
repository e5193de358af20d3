"""Text from inputs made safe for a terminal or a CI log.

Input content and file names reach stderr, reports and logs.  A control
character there is an instruction, not text: ESC starts terminal escape
sequences (colours, window titles, OSC 8 links, cursor moves), a newline
starts a line that GitHub Actions may run as a workflow command
(``::error ...``) or that forges a ``newsconvert: ...`` message, and a bidi
control reorders what is shown.  :func:`printable` shows each such character
as an escape instead (``\\x1b``, ``\\n``, ``\\u202e``); a byte of a file name
that is not UTF-8 (held by Python as a lone surrogate) is shown as ``\\xNN``,
so every name can also be written as UTF-8.
"""

from __future__ import annotations

import re

# The patterns are compiled on first use (``re`` keeps them), and most text never
# needs them: every command line imports this module, and compiling these
# character classes costs more than a short run's own work.
#: C0 controls and DEL, C1 controls, line and paragraph separators, bidi
#: embedding/override/isolate controls, and surrogates: all of them in
#: categories that ``str.isprintable`` refuses (Cc, Zl, Zp, Cf, Cs).
_UNSAFE = "[\x00-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069\ud800-\udfff]"
#: The same, less the C0 controls JSON already escapes in strings (and uses as
#: white space between them): all of them outside ASCII.
_UNSAFE_IN_JSON = "[\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069\ud800-\udfff]"
_NAMED = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}


def _escape(match: re.Match[str]) -> str:
    character = match.group()
    code = ord(character)
    if character in _NAMED:
        return _NAMED[character]
    if 0xDC80 <= code <= 0xDCFF:  # a byte os.fsdecode could not decode
        return f"\\x{code - 0xDC00:02x}"
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def printable(text: str) -> str:
    """``text`` with every control, bidi control and surrogate shown as an escape."""
    if text.isprintable():
        return text
    return re.sub(_UNSAFE, _escape, text) if re.search(_UNSAFE, text) else text


def printable_lines(text: str) -> str:
    """:func:`printable` line by line: the line breaks themselves are kept."""
    return "\n".join(printable(line) for line in text.split("\n"))


def printable_json(text: str) -> str:
    """JSON text (as ``json.dumps(..., ensure_ascii=False)`` writes it) with the
    same characters written as ``\\uXXXX`` escapes: the same JSON value, inert
    on a terminal.  They can only occur inside strings, where an escape means
    the character itself."""
    if text.isascii():
        return text
    return re.sub(_UNSAFE_IN_JSON, lambda match: f"\\u{ord(match.group()):04x}", text) \
        if re.search(_UNSAFE_IN_JSON, text) else text
