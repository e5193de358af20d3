"""The ``newsconvert`` console script: ``validate`` without typer, the rest through it.

``newsconvert validate`` runs in CI on every commit, often on a handful of
files, so its start-up is most of its run time; importing typer (and the
click it carries) costs more than validating a few hundred files.  A
``validate`` command line made only of the options below is therefore read
here, with no typer at all.  Anything else (``--help``, a misspelt option, a
missing value, every other command) goes to the typer app in ``cli.py``,
which gives the usual help and usage errors; its ``validate`` command calls
:func:`run_validate` too, so both paths print and exit the same way.
"""

from __future__ import annotations

import os
import sys
from typing import TYPE_CHECKING, Any, NamedTuple

if TYPE_CHECKING:
    from typing import TextIO

EXIT_USAGE = 2

#: ``validate`` options that take a value -> the field they set.
_VALUE_OPTIONS = {"--format": "format", "--output": "output", "-o": "output",
                  "--schema": "schema", "--input-format": "input_format"}


class ValidateRequest(NamedTuple):
    """A parsed ``newsconvert validate`` command line."""

    paths: list[str]
    format: str = "text"
    output: str | None = None
    schema: str | None = None
    strict: bool = False
    input_format: str | None = None
    debug: bool = False


def parse_validate(argv: list[str]) -> ValidateRequest | None:
    """``argv`` (without the program name) as a validate request, or None
    when it is anything this small parser does not fully understand."""
    paths: list[str] = []
    options: dict[str, Any] = {}
    while argv and argv[0] == "--debug":
        options["debug"], argv = True, argv[1:]
    if not argv or argv[0] != "validate":
        return None
    tokens = iter(argv[1:])
    for token in tokens:
        if token == "--":
            paths += tokens
        elif token == "--strict":
            options["strict"] = True
        elif token in _VALUE_OPTIONS:
            value = next(tokens, None)
            if value is None:
                return None
            options[_VALUE_OPTIONS[token]] = value
        elif token.startswith("--") and token.partition("=")[0] in _VALUE_OPTIONS:
            name, _, value = token.partition("=")
            options[_VALUE_OPTIONS[name]] = value
        elif token.startswith("-"):
            return None
        else:
            paths.append(token)
    return ValidateRequest(paths, **options) if paths else None


def run_validate(request: ValidateRequest) -> int:
    """Validate, print (or write) the report; the exit code."""
    from convert.errors import ConvertError
    from convert.validation import validate_paths
    from convert.validation.report import REPORT_FORMATS, render

    if request.format not in REPORT_FORMATS:
        return _usage_error(f"unknown report format {request.format!r}; known: "
                            f"{', '.join(REPORT_FORMATS)}")
    try:
        report = validate_paths(request.paths, format_hint=request.input_format,
                                schema=request.schema, strict=request.strict)
        to_stdout = request.output is None or request.output == "-"
        colour = to_stdout and sys.stdout.isatty() and "NO_COLOR" not in os.environ
        text = render(report, request.format, color=colour)
        if to_stdout:
            _write(sys.stdout, text)
        else:
            from convert.files import write_atomic

            write_atomic(str(request.output), text.encode("utf-8"))
    except ConvertError as error:
        if request.debug:
            import traceback

            traceback.print_exception(error)
        return _usage_error(str(error))
    return report.exit_code


def _usage_error(message: str) -> int:
    _write(sys.stderr, f"newsconvert: {message}\n")
    return EXIT_USAGE


def _write(stream: TextIO, text: str) -> None:
    """``text`` on a text stream, with characters its encoding lacks replaced
    rather than a crash."""
    try:
        stream.write(text)
    except UnicodeEncodeError:
        encoding = stream.encoding or "utf-8"
        stream.write(text.encode(encoding, "replace").decode(encoding))
    stream.flush()


def main() -> None:
    request = parse_validate(sys.argv[1:])
    if request is None:
        from convert.cli import main as typer_main

        typer_main()
        return
    try:
        code = run_validate(request)
    except KeyboardInterrupt:
        _write(sys.stderr, "newsconvert: interrupted\n")
        code = 130
    except Exception as error:  # a bug: one line, as in cli.main, unless --debug
        if request.debug:
            raise
        _write(sys.stderr, f"newsconvert: internal error: {type(error).__name__}: {error} "
                           "(run with --debug for the traceback)\n")
        code = 3
    sys.exit(code)
