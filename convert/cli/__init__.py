"""The ``newsconvert`` console script.

:func:`main` is the command line; :func:`script`, the console script's and
``python -m convert``'s entry point, runs it and ends the process.  A plain
``convert`` or ``validate`` command line is read by :mod:`convert.cli.convert` or
:mod:`convert.cli.validate` from the same option declaration the typer command is built from
(:mod:`convert.cli.declare`), so converting one file or validating in CI
starts without importing typer; everything else (``--help``, every other
command, anything the declaration does not fully cover) goes to the typer app
in :mod:`convert.cli.commands`.  Both paths end in :func:`exit_with`, the one
place that turns outcomes into exit codes.

``from convert.cli import app`` still gives the typer app (imported on first
use, so ``import convert.cli`` stays light).
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from typing import TYPE_CHECKING, NoReturn

from convert import codecache

# Before the command line creates its first dataclass.  Here and not at ``import convert``:
# the cache replaces the compiling functions of dataclasses, collections and typing for the
# whole process, which a program that only imports the library should not get.
codecache.preload()

from convert.cli.output import (  # noqa: E402
    EXIT_BUG, EXIT_INTERRUPTED, EXIT_INVALID, EXIT_OK, EXIT_USAGE, echo_error,
)

if TYPE_CHECKING:
    import typer


def script() -> NoReturn:
    """The process's entry point (the console script, ``python -m convert``): :func:`main`,
    then the process ends without tearing the interpreter down.

    Taking every module and object apart at exit (``Py_FinalizeEx``) was ~30 M
    instructions, a tenth of converting one article, for a process about to end.  So
    once :func:`main` is done, the ``atexit`` callbacks run and the standard streams are
    flushed, as at a normal exit, and the process ends there with :func:`main`'s code.
    First, as the interpreter does, the other threads are waited for and what was
    registered to run when threads end runs (a process pool joins its workers there, so a
    batch's workers are done, their part files removed), then the ``atexit`` callbacks.
    Every file newsconvert writes is closed by then.  The interpreter exits the usual way
    when the exit is a message rather than a code, when flushing fails (it reports a
    closed pipe as usual), or when its ``threading`` has no ``_shutdown`` to call.
    :func:`main` itself ends with ``SystemExit``, for callers in-process.
    """
    try:
        main()
        code: str | int | None = EXIT_OK
    except SystemExit as stop:
        code = EXIT_OK if stop.code is None else stop.code
    threading = sys.modules.get("threading")
    shutdown = getattr(threading, "_shutdown", None) if threading else (lambda: None)
    if isinstance(code, int) and shutdown is not None:
        import atexit
        import os

        shutdown()  # as the interpreter's exit: other threads joined, pools' exits run
        atexit._run_exitfuncs()
        try:
            for stream in (sys.stdout, sys.stderr):
                if stream is not None:
                    stream.flush()
        except (OSError, ValueError):
            pass  # the interpreter's own exit reports it
        else:
            os._exit(code)
    sys.exit(code)


def main() -> None:
    command = next((word for word in sys.argv[1:] if word != "--debug"), None)
    if command in ("convert", "validate"):  # other commands need not import these modules
        import importlib

        declared = importlib.import_module(f"convert.cli.{command}")
        request = declared.COMMAND.parse_fast(sys.argv[1:])
        if request is not None:
            exit_with(lambda: declared.run(request), debug=request.debug)
    from convert.cli.commands import run_app

    exit_with(run_app, debug="--debug" in sys.argv[1:])


def exit_with(run: Callable[[], int | None], *, debug: bool) -> NoReturn:
    """Run ``run`` and exit with its code: 130 on Ctrl-C, and for a bug (any
    exception that is not a :class:`ConvertError`) one line and code 3,
    unless ``--debug`` asks for the traceback."""
    from convert.errors import ConvertError

    try:
        code = run() or EXIT_OK
    except KeyboardInterrupt:
        echo_error("interrupted")
        code = EXIT_INTERRUPTED
    except ConvertError as error:  # raised outside a command's own handling
        _traceback(debug)
        echo_error(str(error))
        code = EXIT_USAGE if error.code in ("usage", "io") else EXIT_INVALID
    except Exception as error:
        _traceback(debug)
        echo_error(f"internal error: {type(error).__name__}: {error} "
                   + ("(a bug in newsconvert)" if debug else "(run with --debug for the traceback)"))
        code = EXIT_BUG
    sys.exit(code)


def _traceback(debug: bool) -> None:
    """With ``--debug``, the traceback of the exception being handled; the exit
    code stays the one the error calls for."""
    if debug:
        import traceback

        traceback.print_exc()


def __getattr__(name: str) -> typer.Typer:
    if name == "app":
        from convert.cli.commands import app

        return app
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
