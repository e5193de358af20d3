"""What every command prints its errors with, and the exit codes (README: Exit codes).

Kept apart from the entry point and the typer app, which both use it.
"""

from __future__ import annotations

import sys
from typing import NoReturn, TextIO

EXIT_OK, EXIT_INVALID, EXIT_USAGE, EXIT_BUG, EXIT_INTERRUPTED = 0, 1, 2, 3, 130


def echo_error(message: str) -> None:
    """``newsconvert: message`` on stderr, whatever its encoding can show."""
    from convert.terminal import printable

    write_text(sys.stderr, printable(f"newsconvert: {message}") + "\n")


def write_text(stream: TextIO, text: str) -> None:
    """``text`` on a text stream, characters its encoding lacks replaced
    rather than a crash."""
    try:
        stream.write(text)
    except UnicodeEncodeError:
        encoding = stream.encoding or "utf-8"
        stream.write(text.encode(encoding, "replace").decode(encoding))
    stream.flush()


class Stop(Exception):
    """The command ends with exit code ``code``; its message is already printed."""

    def __init__(self, code: int) -> None:
        super().__init__(code)
        self.code = code


def fail(error: Exception | str, code: int, debug: bool = False) -> NoReturn:
    """Print one ``newsconvert: ...`` line and stop with ``code``; with
    ``--debug``, the traceback of ``error`` first."""
    if debug and isinstance(error, BaseException):
        import traceback

        traceback.print_exception(error)
    echo_error(str(error))
    raise Stop(code)
