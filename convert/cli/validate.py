"""``newsconvert validate``: its options, declared once, and the run.

:data:`OPTIONS` is the single declaration (see :mod:`convert.cli.declare`):
the typer command in :mod:`convert.cli.commands` is built from it, and so is
:meth:`~convert.cli.declare.Command.parse_fast`, which reads a plain
``validate`` command line without importing typer: ``validate`` runs in CI on
every commit, often on a handful of files, where importing typer would cost
more than the checking.
"""

from __future__ import annotations

import os
import sys

from convert.cli.declare import Argument, Command, Option, Request
from convert.formats import READER_NAMES
from convert.validation import REPORT_FORMATS

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

ARGUMENT = Argument("paths", "Files or folders (folders are walked).", "PATH...")


COMMAND = Command("validate", "Validate news files of every format; exit 0 valid, 1 invalid, 2 "
                  "usage or I/O error.", ARGUMENT, OPTIONS)


def run(request: Request) -> int:
    """Validate, print (or write) the report; the exit code."""
    from convert.cli.output import EXIT_USAGE, echo_error, write_text
    from convert.errors import ConvertError
    from convert.files import Selection
    from convert.validation import validate_paths
    from convert.validation.report import render

    import gc

    # What start-up made (modules, the compiled schema's wrappers) goes to the
    # permanent generation: no collection during the run, nor the one at exit,
    # walks it again (about 15 M instructions of a run).
    gc.freeze()
    values = request.values
    strict = bool(values["strict"])
    try:
        report = validate_paths(
            request.arguments, format_hint=values["input_format"], schema=values["schema"],
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
