"""The ``newsconvert`` typer app: parses arguments, calls the library, prints.

No conversion logic lives here.  Every problem with an input reaches the user
as one line, ``file:line: message``, and a non-zero exit code; ``--debug``
shows the traceback instead.
"""

from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, Literal, NoReturn, Optional

import typer
from typer.core import TyperArgument, TyperCommand, TyperOption

from convert.cli import convert, validate
from convert.cli.output import EXIT_INVALID, EXIT_USAGE, Stop
from convert.cli.progress import RunDisplay, finish_run
from convert.errors import ConvertError
from convert.formats import READER_NAMES
from convert.terminal import printable, printable_json, printable_lines

# Annotations are evaluated when each function is defined (no ``from __future__
# import annotations``): typer would otherwise compile every one of them from its
# text each time the app is built, which is most of ``--help``'s own time.


def _examples(*command_lines: str) -> str:
    """A command's ``--help`` epilog: example command lines, kept as written
    (click's ``\\b`` marker stops it rewrapping them)."""
    return "Examples:\n\n\b\n" + "\n".join(f"  {line}" for line in command_lines)


class _Command(TyperCommand):
    """A typer command whose help reads like a man page's synopsis: arguments
    as ``INPUT...`` (typer writes ``{inputs}...``), and options that take a
    value show a word for it (``--jobs N``, ``--output OUTPUT``) where typer
    would write the type (``<int range>``, ``<str>``)."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for param in self.params:
            if (isinstance(param, TyperOption) and param.metavar is None
                    and not param.is_flag and param.type.name != "choice"):
                param.metavar = _value_word(param)

    def collect_usage_pieces(self, ctx: Any) -> list[str]:
        pieces = [self.options_metavar] if self.options_metavar else []
        for param in self.get_params(ctx):
            if isinstance(param, TyperArgument):
                metavar = param.make_metavar(ctx)
                pieces.append(metavar if param.required else f"[{metavar}]")
            else:
                pieces += param.get_usage_pieces(ctx)
        return pieces


def _value_word(option: TyperOption) -> str:
    # typer's own copy of click names its integer types "int"; click says "integer"
    if option.type.name in ("int", "int range", "integer", "integer range"):
        return "N"
    if option.type.name == "path":
        return "FILE"
    return max(option.opts, key=len).lstrip("-").upper()


if TYPE_CHECKING:
    ReaderName = str
else:  # a Literal of the formats table's readers: typer lists and checks them
    ReaderName = Literal[tuple(READER_NAMES)]

app = typer.Typer(
    name="newsconvert",
    help="Convert news articles between plain text, NewsML-G2, ninjs, JSON, HTML and EPUB, "
    "and validate news files.",
    epilog=_examples(
        "newsconvert convert article.txt --to newsml -o article.xml",
        "newsconvert validate feeds/ --format junit -o report.xml",
        "newsconvert convert --help",
        "newsconvert --show-completion bash > "
        "~/.local/share/bash-completion/completions/newsconvert"),
    no_args_is_help=True,
    rich_markup_mode=None,
    pretty_exceptions_enable=False,
)
schemas_app = typer.Typer(
    help="Official IPTC schemas used by `validate`.", no_args_is_help=True,
    epilog=_examples("newsconvert schemas pull", "newsconvert schemas path"))
app.add_typer(schemas_app, name="schemas")


_debug = False


def fail(error: ConvertError | str, code: int = EXIT_INVALID) -> NoReturn:
    """Print one line and exit; with ``--debug``, the traceback first."""
    if _debug and isinstance(error, BaseException):
        import traceback

        traceback.print_exception(error)
    typer.echo(printable(f"newsconvert: {error}"), err=True)
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


def _declare(module: Any, *examples: str) -> None:
    """Add the command that ``module`` (``convert.cli.convert``, ``convert.cli.validate``)
    declares and runs; its parameters are built from the one declaration."""
    import inspect

    declared = module.COMMAND

    def command(**values: Any) -> None:
        raise typer.Exit(module.run(declared.from_typer(values, _debug)))

    command.__doc__ = declared.help
    command.__signature__ = inspect.Signature(  # type: ignore[attr-defined]
        declared.typer_parameters())
    app.command(declared.name, cls=_Command, epilog=_examples(*examples))(command)


_declare(convert,
         "newsconvert convert article.txt --to json",
         "newsconvert convert article.txt -o article.xml",
         "cat article.txt | newsconvert convert - --to ninjs --ninjs-version 2.2",
         "newsconvert convert archive/ --to json,html -o out/ --jobs 4",
         "newsconvert convert feed.xml --from newsml --to html -o pages/")


@app.command("bundle", cls=_Command, epilog=_examples(
    "newsconvert bundle news/*.txt -o week.epub",
    "newsconvert bundle archive/ -o archive.epub --title \"The archive\" --group-by date "
    "--cover auto"))
def bundle_command(
    inputs: Annotated[list[str], typer.Argument(
        help="Files, folders, @list files, or - for stdin (any readable format).",
        metavar="INPUT...")],
    output: Annotated[str, typer.Option("--output", "-o", help="The .epub file to write.")],
    title: Annotated[Optional[str], typer.Option(help="Book title.")] = None,
    group_by: Annotated[str, typer.Option(
        help="Sections: date, source, section, none, or a path pattern such as '{parent}' "
             "or '{stem:split(-)[0]}'.")] = "none",
    cover: Annotated[Optional[str], typer.Option(
        help="Cover: 'auto' (generated) or a PNG/JPEG/GIF/WebP file.")] = None,
    language: Annotated[Optional[str], typer.Option(
        help="Book language (BCP 47); default: the articles' most common.")] = None,
    author: Annotated[Optional[str], typer.Option(
        help="Book author; default: the articles' bylines.")] = None,
    css: Annotated[Optional[Path], typer.Option(help="Your stylesheet.")] = None,
    from_: Annotated[Optional[ReaderName], typer.Option("--from", "-f",
                                                        help=convert.FROM_HELP)] = None,
    fail_fast: Annotated[bool, typer.Option(
        "--fail-fast", help="Stop at the first bad input (then no book is written).")] = False,
    report: Annotated[Optional[Path], typer.Option(
        "--report", help="Write a JSON run report to this file.")] = None,
    quiet: Annotated[bool, typer.Option("--quiet", "-q",
                                        help="Only errors: no warnings or summary.")] = False,
    jobs: Annotated[int, typer.Option("--jobs", "-j", min=1, metavar="N",
                                      help="Worker processes reading the inputs.")] = 1,
) -> None:
    """Bundle many articles into one EPUB 3 periodical (bad inputs are reported and left out)."""
    from convert.run.bundle import bundle
    from convert.options import WriteOptions

    try:
        stylesheet = convert.read_css(None if css is None else str(css))
    except Stop as stop:
        raise typer.Exit(stop.code) from None
    options = WriteOptions(title=title, group_by=group_by, cover=cover, language=language,
                           author=author, css=stylesheet)
    with RunDisplay(quiet, _debug) as display:
        try:
            run = bundle(inputs, output, options, from_, fail_fast=fail_fast,
                         progress=display.show, jobs=jobs)
        except ConvertError as error:
            fail(error, convert.exit_code(error))
    raise typer.Exit(finish_run(run, report, summary=not quiet))


@app.command("inspect", cls=_Command, epilog=_examples(
    "newsconvert inspect article.txt", "newsconvert inspect --json article.txt"))
def inspect_command(
    input: Annotated[str, typer.Argument(help="A plain-text article, or - for stdin.",
                                         metavar="FILE")],
    as_json: Annotated[bool, typer.Option("--json", help="Print the trace as JSON.")] = False,
) -> None:
    """Show what the text parser decided, step by step, and every warning."""
    import json

    from convert import files
    from convert.files import display_name
    from convert.options import ReadOptions
    from convert.readers.text import trace
    from convert.textparse.report import trace_data, trace_lines

    options = ReadOptions(source_name=display_name(input))
    try:
        result = trace(files.load_bytes(input), options)
    except ConvertError as error:
        fail(error.located(options.source_name))
    if as_json:
        typer.echo(printable_json(json.dumps(trace_data(result), ensure_ascii=False, indent=2)))
    else:
        typer.echo(f"{options.source_name}:")
        typer.echo(printable_lines("\n".join(trace_lines(result))))


@app.command("formats", cls=_Command, epilog=_examples("newsconvert formats"))
def formats_command() -> None:
    """List the readers and writers."""
    from convert.formats import READERS, WRITERS

    typer.echo("Readers (--from):")
    for reader in READERS:
        typer.echo(f"  {reader.name:<16} {reader.description} [{', '.join(reader.extensions)}]")
    typer.echo("Writers (--to):")
    for writer in WRITERS:
        typer.echo(f"  {writer.name:<16} {writer.description} [{writer.extension}]")


@app.command("schema", cls=_Command, epilog=_examples(
    "newsconvert schema > document.schema.json"))
def schema_command() -> None:
    """Print the canonical document's JSON Schema."""
    from convert.formats.docschema import document_schema_text

    typer.echo(document_schema_text(), nl=False)


_declare(validate,
         "newsconvert validate feeds/",
         "newsconvert validate out/*.xml --format junit -o report.xml",
         "newsconvert validate . --format github --ignore-unknown",
         "newsconvert validate --strict --schema standards/ item.xml",
         "newsconvert validate --input-format ninjs story.json")


@schemas_app.command("pull", cls=_Command, epilog=_examples(
    "newsconvert schemas pull",
    "newsconvert schemas pull --from-dir ~/Downloads/iptc-schemas",
    "newsconvert schemas pull --mirror https://github-raw.example.internal"))
def schemas_pull_command(
    base_url: Annotated[Optional[str], typer.Option(
        "--base-url", metavar="URL",
        help="Fetch from this server, laid out like the official bundle (newsml-g2/, ninjs/).")
    ] = None,
    mirror: Annotated[Optional[str], typer.Option(
        "--mirror", metavar="URL",
        help="Fetch the pinned IPTC GitHub paths from this server instead of "
        "raw.githubusercontent.com (a proxy or mirror with the same paths).")] = None,
    from_dir: Annotated[Optional[Path], typer.Option(
        "--from-dir", metavar="DIR",
        help="Offline install: copy from this folder, laid out like the official bundle "
        "(same checksums).")] = None,
) -> None:
    """Put the official IPTC schemas into the user cache (SHA-256 checked)."""
    from convert.validation import sources

    try:
        for pulled in sources.pull(base_url, mirror=mirror, from_dir=from_dir):
            typer.echo(f"{pulled.path}  <-  {pulled.origin}")
    except ConvertError as error:
        fail(error, convert.exit_code(error))


@schemas_app.command("path", cls=_Command, epilog=_examples(
    "newsconvert schemas path", "newsconvert schemas path --schema standards/"))
def schemas_path_command(
    schema: Annotated[Optional[str], typer.Option("--schema", help="As for validate.")] = None,
) -> None:
    """Show where each official schema is found (and the cache folder)."""
    from convert.validation import sources

    try:
        found = sources.locate(schema)
    except ConvertError as error:
        fail(error, EXIT_USAGE)
    typer.echo(f"cache: {sources.cache_dir() / 'schemas'}")
    for name, located in found.describe():
        where = (f"{located.path} ({located.origin})" if located
                 else "not found (built-in structural checks)")
        typer.echo(f"{name}: {where}")


def run_app() -> int:
    """Run the typer app; its exit code (typer makes Ctrl-C exit 130).  A
    usage error is one ``newsconvert: ...`` line, exit 2."""
    from typer._click.exceptions import ClickException, NoArgsIsHelpError, UsageError

    from convert.cli.output import echo_error

    try:
        result = app(standalone_mode=False, prog_name="newsconvert")
    except NoArgsIsHelpError as error:
        error.show()
        return error.exit_code
    except UsageError as error:  # one line, like every other error
        where = error.ctx.command_path if error.ctx else "newsconvert"
        echo_error(f"{error.format_message()} (see '{where} --help')")
        return error.exit_code
    except ClickException as error:
        error.show()
        return error.exit_code
    except typer.Abort:  # end of input at a prompt
        return EXIT_INVALID
    return result if isinstance(result, int) else 0
