"""The ``newsconvert`` command line: parses arguments, calls the library, prints.

No conversion logic lives here.  Every problem with an input reaches the user
as one line, ``file:line: message``, and a non-zero exit code; ``--debug``
shows the traceback instead.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, NoReturn, Optional

import typer

from convert.errors import ConvertError

if TYPE_CHECKING:
    from convert.batch import FileResult, RunReport
    from convert.model import Document

app = typer.Typer(
    name="newsconvert",
    help="Convert news articles between plain text, NewsML-G2, ninjs, JSON, HTML and EPUB, "
    "and validate news files.",
    no_args_is_help=True,
    add_completion=False,
    rich_markup_mode=None,
    pretty_exceptions_enable=False,
)
schemas_app = typer.Typer(help="Official IPTC schemas used by `validate`.", no_args_is_help=True)
app.add_typer(schemas_app, name="schemas")

EXIT_INVALID = 1
EXIT_USAGE = 2

_debug = False


def fail(error: ConvertError | str, code: int = EXIT_INVALID) -> NoReturn:
    typer.echo(f"newsconvert: {error}", err=True)
    raise typer.Exit(code)


def _version(value: bool) -> None:
    if value:
        from convert import __version__

        typer.echo(f"newsconvert {__version__}")
        raise typer.Exit()


@app.callback()
def root(
    version: Annotated[bool, typer.Option("--version", callback=_version, is_eager=True,
                                          help="Print the version and exit.")] = False,
    debug: Annotated[bool, typer.Option("--debug", help="Show tracebacks.")] = False,
) -> None:
    global _debug
    _debug = debug


@app.command("convert")
def convert_command(
    inputs: Annotated[list[str], typer.Argument(help="Files, folders, @list files, or - for stdin.")],
    to: Annotated[str, typer.Option("--to", "-t", help="Output format(s), comma-separated.")],
    output: Annotated[Optional[str], typer.Option("--output", "-o",
                                                  help="Output file (or folder).")] = None,
    from_: Annotated[Optional[str], typer.Option("--from", "-f",
                                                 help="Input format (default: detected).")] = None,
    ninjs_version: Annotated[str, typer.Option(help="ninjs version: 3.1, 2.2 or 1.6.")] = "3.1",
    fragment: Annotated[bool, typer.Option(help="HTML: only the <article> element.")] = False,
    css: Annotated[Optional[Path], typer.Option(help="HTML/EPUB: your stylesheet.")] = None,
    jobs: Annotated[int, typer.Option("--jobs", "-j", min=1,
                                      help="Worker processes (Dask: workers).")] = 1,
    skip_existing: Annotated[bool, typer.Option(
        "--skip-existing", help="Skip inputs whose outputs all exist and are newer.")] = False,
    fail_fast: Annotated[bool, typer.Option("--fail-fast",
                                            help="Stop at the first bad input.")] = False,
    report: Annotated[Optional[Path], typer.Option(
        "--report", help="Write a JSON run report to this file.")] = None,
    executor: Annotated[str, typer.Option(help="local (processes) or dask.")] = "local",
    scheduler: Annotated[Optional[str], typer.Option(
        help="Dask scheduler address (default: a local cluster).")] = None,
    quiet: Annotated[bool, typer.Option("--quiet", "-q",
                                        help="Only errors: no progress, warnings or summary.")]
    = False,
) -> None:
    """Convert news files to one or more formats; folders are mirrored under -o DIR."""
    from convert import batch
    from convert.options import WriteOptions

    formats = [name.strip() for name in to.split(",") if name.strip()]
    settings = dict(read_format=from_, jobs=jobs, fail_fast=fail_fast, executor=executor,
                    scheduler=scheduler,
                    write_options=WriteOptions(ninjs_version=ninjs_version, fragment=fragment,
                                               css=_read_css(css)))
    with _RunDisplay(quiet) as display:
        try:
            if batch.output_is_one_file(inputs, formats, output):
                target = sys.stdout.buffer if output in (None, "-") else output
                run = batch.convert_into_one(inputs, formats[0], target,
                                             progress=display.show, **settings)
            else:
                run = batch.convert_many(inputs, formats, output, skip_existing=skip_existing,
                                         progress=display.show, **settings)
        except batch.Interrupted as stop:
            run = stop.report
        except ConvertError as error:
            fail(error, EXIT_USAGE if error.code == "usage" else EXIT_INVALID)
    _finish_run(run, report, summary=not quiet and len(run.files) != 1)


class _RunDisplay:
    """Per-file messages as results stream in, and a progress bar on a terminal."""

    def __init__(self, quiet: bool) -> None:
        self.quiet = quiet
        self.bar = None
        if not quiet and sys.stderr.isatty():
            from convert.progress import ProgressBar

            self.bar = ProgressBar()

    def __enter__(self) -> _RunDisplay:
        if self.bar:
            self.bar.__enter__()
        return self

    def __exit__(self, *exc_info: object) -> None:
        if self.bar:
            self.bar.__exit__(None, None, None)

    def show(self, result: FileResult, done: int, total: int) -> None:
        if self.bar:
            self.bar.update(done, total)
        if result.error:
            self.echo(f"newsconvert: {_where(result.source, result.error.line)}: "
                      f"{result.error.message}")
        if not self.quiet:
            for warning in result.warnings:
                self.echo(f"newsconvert: warning: {_where(result.source, warning.line)}: "
                          f"{warning.message} [{warning.code}]")

    def echo(self, line: str) -> None:
        if self.bar:
            self.bar.print(line)
        else:
            typer.echo(line, err=True)


def _where(source: str, line: int | None) -> str:
    return f"{source}:{line}" if line else source


def _finish_run(run: RunReport, report: Path | None, summary: bool) -> None:
    """Report file, summary line, exit code (130 interrupted, 1 any input failed)."""
    if report is not None:
        try:
            run.write_json(report)
        except ConvertError as error:
            typer.echo(f"newsconvert: {error}", err=True)
    if summary or run.interrupted:
        typer.echo(run.summary_line(), err=True)
    if run.interrupted:
        fail("interrupted", 130)
    if not run.ok:
        raise typer.Exit(EXIT_INVALID)


def _display(name: str) -> str:
    return "<stdin>" if name == "-" else name


def _read_css(path: Path | None) -> str | None:
    if path is None:
        return None
    try:
        return path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        fail(f"{path}: cannot read stylesheet: {error}", EXIT_USAGE)


def _print_warnings(doc: Document, source: str) -> None:
    for warning in doc.provenance.warnings:
        where = f":{warning.line}" if warning.line else ""
        typer.echo(f"newsconvert: warning: {source}{where}: {warning.message}"
                   f" [{warning.code}]", err=True)


@app.command("inspect")
def inspect_command(
    input: Annotated[str, typer.Argument(help="A plain-text article, or - for stdin.")],
) -> None:
    """Show what the text parser decided, step by step, and every warning."""
    from convert import api
    from convert.options import ReadOptions

    try:
        doc = api.read(input, "text", ReadOptions(source_name=_display(input)))
    except ConvertError as error:
        fail(error)
    typer.echo(f"headline: {doc.headline}")
    _print_warnings(doc, _display(input))


@app.command("formats")
def formats_command() -> None:
    """List the readers and writers."""
    from convert.formats import READERS, WRITERS

    typer.echo("Readers (--from):")
    for reader in READERS:
        typer.echo(f"  {reader.name:<16} {reader.description} [{', '.join(reader.extensions)}]")
    typer.echo("Writers (--to):")
    for writer in WRITERS:
        typer.echo(f"  {writer.name:<16} {writer.description} [{writer.extension}]")


@app.command("schema")
def schema_command() -> None:
    """Print the canonical document's JSON Schema."""
    from convert.schemas import document_schema_text

    typer.echo(document_schema_text(), nl=False)


def main() -> None:
    try:
        app()
    except ConvertError as error:  # raised outside a command's own handling
        if _debug:
            raise
        fail(error)
    except KeyboardInterrupt:
        typer.echo("newsconvert: interrupted", err=True)
        sys.exit(130)
    except Exception as error:  # a bug: still one line unless --debug
        if _debug or "--debug" in sys.argv:
            raise
        typer.echo(f"newsconvert: internal error: {type(error).__name__}: {error} "
                   "(run with --debug for the traceback)", err=True)
        sys.exit(3)
