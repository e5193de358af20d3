"""``newsconvert validate``: its options, declared once, and the run.

:data:`OPTIONS` is the single declaration.  The typer command in
:mod:`convert.cli.commands` is built from it (:func:`typer_parameters`), and
so is :func:`parse_fast`, which reads a plain ``validate`` command line
without importing typer: ``validate`` runs in CI on every commit, often on a
handful of files, where importing typer would cost more than the checking.
Whatever :func:`parse_fast` does not fully understand (``--help``, a
misspelt option, a missing value, a value outside its choices) it leaves to
typer, which prints the usual usage errors.
"""

from __future__ import annotations

import os
import sys
from typing import TYPE_CHECKING, Any, NamedTuple

from convert.formats import READER_NAMES
from convert.validation.report import REPORT_FORMATS

if TYPE_CHECKING:
    import inspect


class Option(NamedTuple):
    """One ``validate`` option: a flag (``kind`` bool), an option taking a value,
    or one that may be repeated (``kind`` list: every value, in order)."""

    name: str
    flags: tuple[str, ...]
    help: str
    default: str | bool | tuple[str, ...] | None = None
    kind: type = str
    metavar: str | None = None
    choices: tuple[str, ...] = ()


OPTIONS = (
    Option("format", ("--format",), "Report format.", "text", choices=REPORT_FORMATS),
    Option("output", ("--output", "-o"), "Write the report to FILE (atomically) instead of "
           "standard output.", metavar="FILE"),
    Option("schema", ("--schema",), "Official schema: a NewsML-G2 .xsd, a ninjs .json, or a "
           "folder laid out like the official bundle.", metavar="PATH"),
    Option("strict", ("--strict",), "Warnings fail too, and so does a file whose official "
           "schema is missing (always so when the CI environment variable is set).", False, bool),
    Option("input_format", ("--input-format",), "Treat every file as this format instead of "
           f"detecting it: {', '.join(READER_NAMES)}.", metavar="FORMAT",
           choices=tuple(READER_NAMES)),
    Option("ignore_unknown", ("--ignore-unknown",), "Named files that are not news files are "
           "skipped with a note, as when a folder is walked (for pre-commit hooks).", False, bool),
    Option("quiet", ("--quiet", "-q"), "Text report: only the files with findings, and the "
           "summary line.", False, bool),
    Option("jobs", ("--jobs", "-j"), "Worker processes for the per-file checks (at most one "
           "per CPU).", "1", metavar="N"),
    Option("include", ("--include",), "In folders, check only files matching GLOB "
           "(repeatable; path below the folder or file name).", (), list, "GLOB"),
    Option("exclude", ("--exclude",), "In folders, leave out files matching GLOB (repeatable).",
           (), list, "GLOB"),
)

PATHS_HELP = "Files or folders (folders are walked)."


class Request(NamedTuple):
    """A parsed ``newsconvert validate`` command line: ``values`` by option name."""

    paths: list[str]
    values: dict[str, Any]
    debug: bool = False


def defaults() -> dict[str, Any]:
    return {option.name: option.default for option in OPTIONS}


def parse_fast(argv: list[str]) -> Request | None:
    """``argv`` (without the program name) as a validate request, or None
    when it is anything this small parser does not fully understand."""
    by_flag = {flag: option for option in OPTIONS for flag in option.flags}
    debug = False
    while argv and argv[0] == "--debug":
        debug, argv = True, argv[1:]
    if not argv or argv[0] != "validate":
        return None
    paths: list[str] = []
    values = defaults()
    tokens = iter(argv[1:])
    for token in tokens:
        if token == "--":
            paths += tokens
            break
        flag, has_value, inline = token.partition("=")
        option = by_flag.get(flag if token.startswith("--") else token)
        if option is None:
            if token.startswith("-") and token != "-":
                return None
            paths.append(token)
            continue
        if option.kind is bool:
            if has_value:
                return None
            values[option.name] = True
            continue
        value = inline if has_value else next(tokens, None)
        if value is None or (option.choices and value not in option.choices):
            return None
        values[option.name] = (*values[option.name], value) if option.kind is list else value
    return Request(paths, values, debug) if paths else None


def typer_parameters() -> list[inspect.Parameter]:
    """The typer command's parameters, built from :data:`OPTIONS`."""
    import inspect
    from typing import Annotated, Optional

    import typer

    parameters = [inspect.Parameter(
        "paths", inspect.Parameter.POSITIONAL_OR_KEYWORD,
        annotation=Annotated[list[str], typer.Argument(help=PATHS_HELP, metavar="PATH...",
                                                       show_default=False)])]
    for option in OPTIONS:
        kind: Any = option.kind
        if option.choices:
            kind = _choice_enum(option.choices)
        elif option.kind is list:
            kind = list[str]
        elif option.default is None:
            kind = Optional[option.kind]
        info = typer.Option(*option.flags, help=option.help, metavar=option.metavar)
        parameters.append(inspect.Parameter(
            option.name, inspect.Parameter.KEYWORD_ONLY, annotation=Annotated[kind, info],
            default=option.default))
    return parameters


def _choice_enum(choices: tuple[str, ...]) -> type:
    """An enum of ``choices``: typer lists them in the help and checks them."""
    from enum import Enum

    make: Any = Enum
    enum: type = make("Choice", {choice: choice for choice in choices}, type=str)
    return enum


def from_typer(paths: list[str], values: dict[str, Any], debug: bool) -> Request:
    """The request for what typer parsed (choices arrive as enum members)."""
    return Request(list(paths), {name: tuple(value) if isinstance(value, list)
                                 else getattr(value, "value", value)
                                 for name, value in values.items()}, debug)


def run(request: Request) -> int:
    """Validate, print (or write) the report; the exit code."""
    from convert.cli.output import EXIT_USAGE, echo_error, write_text
    from convert.errors import ConvertError
    from convert.files import Selection
    from convert.validation import validate_paths
    from convert.validation.report import render

    values = request.values
    strict = bool(values["strict"])
    try:
        report = validate_paths(
            request.paths, format_hint=values["input_format"], schema=values["schema"],
            strict=strict, require_official=strict or _in_ci(),
            ignore_unknown=bool(values["ignore_unknown"]),
            selection=Selection(values["include"], values["exclude"]), jobs=_jobs(values["jobs"]))
        output = values["output"]
        to_stdout = output is None or output == "-"
        colour = to_stdout and sys.stdout.isatty() and "NO_COLOR" not in os.environ
        text = render(report, values["format"], color=colour, quiet=bool(values["quiet"]))
        if to_stdout:
            write_text(sys.stdout, text)
        else:
            from convert.files import write_atomic

            write_atomic(str(output), text.encode("utf-8"))
    except ConvertError as error:
        if request.debug:
            import traceback

            traceback.print_exception(error)
        echo_error(str(error))
        return EXIT_USAGE
    return report.exit_code


def _jobs(value: str) -> int:
    from convert.errors import ConvertError

    if not value.isdigit() or int(value) < 1:
        raise ConvertError(f"--jobs {value!r}: give a whole number from 1", code="usage")
    return int(value)


def _in_ci() -> bool:
    """The ``CI`` variable that GitHub Actions, GitLab CI and most others set."""
    return os.environ.get("CI", "").lower() not in ("", "0", "false", "no")
