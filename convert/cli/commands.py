"""The ``newsconvert`` typer app: parses arguments, calls the library, prints.

No conversion logic lives here.  Every problem with an input reaches the user
as one line, ``file:line: message``, and a non-zero exit code; ``--debug``
shows the traceback instead.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, Literal, NoReturn, Optional

import typer
from typer.core import TyperArgument, TyperCommand, TyperOption

from convert.cli.output import EXIT_INVALID, EXIT_USAGE
from convert.errors import ConvertError
from convert.formats import READER_NAMES, WRITER_NAMES
from convert.formats.ninjs import DEFAULT_VERSION, VERSIONS
from convert.terminal import printable, printable_json, printable_lines

if TYPE_CHECKING:
    from convert.options import ReadOptions, WriteOptions
    from convert.run import InputResult, RunReport
    from convert.model import Document, ParseWarning


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


def _complete_writers(incomplete: str) -> list[str]:
    """Shell completion for ``--to json,ht``: the writer names, after the last comma."""
    done, _, last = incomplete.rpartition(",")
    prefix = f"{done}," if done else ""
    return [prefix + name for name in WRITER_NAMES if name.startswith(last)]


if TYPE_CHECKING:
    ReaderName = str
else:  # a Literal of the formats table's readers: typer lists and checks them
    ReaderName = Literal[tuple(READER_NAMES)]
_TO_HELP = (f"Output format(s), comma-separated: {', '.join(WRITER_NAMES)}; default: from "
            "the -o FILE name (a.html, a.xml, a.ninjs.json, a.json, a.epub).")
_FROM_HELP = "Input format (default: detected from the content)."

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


def _exit_code(error: ConvertError) -> int:
    """2 for usage and I/O errors (a wrong option, no such file), else 1."""
    return EXIT_USAGE if error.code in ("usage", "io") else EXIT_INVALID


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


@app.command("convert", cls=_Command, epilog=_examples(
    "newsconvert convert article.txt --to json",
    "newsconvert convert article.txt -o article.xml",
    "cat article.txt | newsconvert convert - --to ninjs --ninjs-version 2.2",
    "newsconvert convert archive/ --to json,html -o out/ --jobs 4",
    "newsconvert convert feed.xml --from newsml --to html -o pages/"))
def convert_command(
    inputs: Annotated[list[str], typer.Argument(help="Files, folders, @list files, or - for stdin.",
                                                metavar="INPUT...")],
    to: Annotated[Optional[str], typer.Option("--to", "-t", metavar="FORMATS", help=_TO_HELP,
                                              autocompletion=_complete_writers)] = None,
    output: Annotated[Optional[str], typer.Option("--output", "-o",
                                                  help="Output file (or folder).")] = None,
    from_: Annotated[Optional[ReaderName], typer.Option("--from", "-f", help=_FROM_HELP)] = None,
    ninjs_version: Annotated[str, typer.Option(metavar="VERSION",
                                               help=f"ninjs version: {', '.join(VERSIONS)}.")
                             ] = DEFAULT_VERSION,
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
    encoding: Annotated[Optional[str], typer.Option(
        help="Text input encoding (e.g. cp1252), instead of detecting it.")] = None,
    language: Annotated[Optional[str], typer.Option(
        help="The articles' language (BCP 47), instead of detecting it.")] = None,
    metadata: Annotated[Optional[list[str]], typer.Option(
        "--metadata", "-M", metavar="KEY=VALUE",
        help="Set a document field (repeatable): headline, subheadline, slugline, source, "
        "published, updated, copyright, url, summary, version, language, keywords (a,b).")
    ] = None,
    title: Annotated[Optional[str], typer.Option(
        help="The headline (as --metadata headline=TITLE).")] = None,
    timezone: Annotated[Optional[str], typer.Option(
        help="Zone of local times that state none (Europe/Berlin, +01:00); without it "
        "they are never given one.")] = None,
    provider: Annotated[Optional[str], typer.Option(
        help="NewsML-G2 provider: you, the party supplying the items (default: the "
        "input's, else newsconvert).")] = None,
    uri_base: Annotated[Optional[str], typer.Option(
        help="Base URI of newsconvert's own terms (default: $NEWSCONVERT_URI_BASE, "
        "else urn:newsconvert:).")] = None,
    item_id: Annotated[Optional[str], typer.Option(
        "--id", help="The item's guid (a URI) when the input states none: give every "
        "version of a story the same one.")] = None,
    json_lines: Annotated[bool, typer.Option(
        "--json-lines", help="--to json holding several documents on one output: JSON Lines "
        "instead of a JSON array.")] = False,
    include: Annotated[Optional[list[str]], typer.Option(
        "--include", metavar="GLOB", help="In folders, take only files matching GLOB "
        "(repeatable; path below the folder or file name), whatever their extension.")] = None,
    exclude: Annotated[Optional[list[str]], typer.Option(
        "--exclude", metavar="GLOB", help="In folders, leave out files matching GLOB "
        "(repeatable).")] = None,
) -> None:
    """Convert news files to one or more formats; folders are mirrored under -o DIR."""
    from convert import run as batch
    from convert.files import Selection
    from convert.options import ReadOptions, WriteOptions

    formats = _output_formats(to, output)
    if "ninjs" in formats:
        _check_ninjs_version(ninjs_version)
    if timezone is not None:
        _check_timezone(timezone)
    write_options = WriteOptions(ninjs_version=ninjs_version, fragment=fragment,
                                 css=_read_css(css), json_lines=json_lines, timezone=timezone,
                                 provider=provider, uri_base=uri_base)
    read_options = ReadOptions(encoding=_checked_encoding(encoding), language=language,
                               metadata=_metadata_pairs(metadata or [], title), id=item_id)
    selection = Selection(tuple(include or ()), tuple(exclude or ()))
    try:
        executor_name = batch.executor_name(executor)
        output_dir = None if batch.output_is_one_file(inputs, formats, output) else output
    except ConvertError as error:
        fail(error, _exit_code(error))
    if (output_dir is None and len(inputs) == 1 and report is None
            and not inputs[0].startswith("@") and not os.path.isdir(inputs[0])):
        _convert_one_file(inputs[0], formats[0], output, from_, write_options, read_options,
                          quiet)
        return
    with _RunDisplay(quiet) as display:
        try:
            if output_dir is None:
                target = sys.stdout.buffer if output is None or output == "-" else output
                run = batch.convert_into_one(
                    inputs, formats[0], target, read_format=from_, jobs=jobs,
                    fail_fast=fail_fast, executor=executor_name, scheduler=scheduler,
                    write_options=write_options, read_options=read_options,
                    selection=selection, progress=display.show)
            else:
                run = batch.convert_many(
                    inputs, formats, output_dir, read_format=from_, jobs=jobs,
                    fail_fast=fail_fast, executor=executor_name, scheduler=scheduler,
                    write_options=write_options, read_options=read_options,
                    selection=selection, progress=display.show, skip_existing=skip_existing,
                    results="counts" if report is None else "file")
        except batch.Interrupted as stop:
            run = stop.report
        except ConvertError as error:
            fail(error, _exit_code(error))
    if not quiet:
        for note in run.notes:
            typer.echo(printable(f"newsconvert: note: {note}"), err=True)
    _finish_run(run, report, summary=not quiet and run.total != 1)


def _convert_one_file(input: str, to: str, output: str | None, from_: str | None,
                      write_options: WriteOptions, read_options: ReadOptions,
                      quiet: bool) -> None:
    """One file to one output: cli -> api.convert_file, no run planner."""
    from convert import api
    from convert.files import display_name

    def warn(warning: ParseWarning) -> None:
        if not quiet:
            typer.echo(f"newsconvert: warning: {_where(display_name(input), warning.line)}: "
                       f"{warning.message} [{warning.code}]", err=True)

    if input != "-" and not os.path.lexists(input):  # as for a batch: a usage error
        fail(ConvertError("no such file or folder", source=input, code="io"), EXIT_USAGE)
    target = sys.stdout.buffer if output is None or output == "-" else output
    try:
        api.convert_file(input, to, target, format=from_, options=write_options,
                         read_options=read_options, on_warning=warn)
    except ConvertError as error:  # the input's own problem exits 1, as a failed file does
        fail(error, EXIT_INVALID if error.source == display_name(input) else _exit_code(error))


def _output_formats(to: str | None, output: str | None) -> list[str]:
    """The ``--to`` formats; without ``--to``, the one the ``-o`` file name asks
    for (as pandoc does).  A file name that asks for another format than
    ``--to`` is refused: ``-t json -o b.html`` would put JSON in ``b.html``."""
    from convert import formats

    by_name = (formats.writer_for_path(output) if output and output != "-"
               and not output.endswith(("/", os.sep)) and not os.path.isdir(output) else None)
    if to is None:
        if by_name is None:
            fail(f"say which format to write: --to {'|'.join(formats.WRITER_NAMES)} "
                 "(or give -o FILE with a known extension)", EXIT_USAGE)
        return [by_name.name]
    names = [name.strip() for name in to.split(",") if name.strip()]
    for name in names:
        try:
            formats.writer(name)
        except ConvertError as error:
            fail(error, EXIT_USAGE)
    if by_name is not None and len(names) == 1 and names[0] != by_name.name and not (
            formats.writer(names[0]).extension == by_name.extension):
        fail(f"-o {output} names a {by_name.name} file, but --to is {names[0]}: use "
             f"-o NAME{formats.writer(names[0]).extension} or --to {by_name.name}", EXIT_USAGE)
    return names


def _checked_encoding(name: str | None) -> str | None:
    """``--encoding``: a text encoding Python knows (``base64`` is not one)."""
    if name is None:
        return None
    import codecs

    try:
        info = codecs.lookup(name)
    except LookupError:
        fail(f"--encoding {name!r}: not an encoding Python knows", EXIT_USAGE)
    if not getattr(info, "_is_text_encoding", True):
        fail(f"--encoding {name!r}: not a text encoding", EXIT_USAGE)
    return info.name


def _metadata_pairs(given: list[str], title: str | None) -> tuple[tuple[str, str], ...]:
    """``KEY=VALUE`` options as pairs, keys checked against the model's fields."""
    from convert.model import metadata_keys

    known = metadata_keys()
    pairs = []
    for item in given:
        key, has_value, value = item.partition("=")
        if not has_value or key.strip() not in known:
            fail(f"--metadata {item!r}: give KEY=VALUE with KEY one of {', '.join(known)}",
                 EXIT_USAGE)
        pairs.append((key.strip(), value))
    if title is not None:
        pairs.append(("headline", title))
    return tuple(pairs)


class _RunDisplay:
    """Per-file messages as results stream in, and a progress bar on a terminal."""

    def __init__(self, quiet: bool) -> None:
        self.quiet = quiet
        self.bar = None
        if not quiet and sys.stderr.isatty():
            from convert.cli.progress import ProgressBar

            self.bar = ProgressBar()

    def __enter__(self) -> _RunDisplay:
        if self.bar:
            self.bar.__enter__()
        return self

    def __exit__(self, *exc_info: object) -> None:
        if self.bar:
            self.bar.__exit__(None, None, None)

    def show(self, result: InputResult, done: int, total: int) -> None:
        if self.bar:
            self.bar.update(done, total)
        if result.error:
            if _debug and result.error.trace:
                self.echo(printable_lines(result.error.trace.rstrip()))
            self.echo(printable(f"newsconvert: {_where(result.source, result.error.line)}: "
                                f"{result.error.message}"))
        if not self.quiet:
            for warning in result.warnings:
                self.echo(printable(f"newsconvert: warning: {_where(result.source, warning.line)}"
                                    f": {warning.message} [{warning.code}]"))

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
            typer.echo(printable(f"newsconvert: {error}"), err=True)
    if summary or run.interrupted:
        typer.echo(run.summary_line(), err=True)
    if run.interrupted:
        fail("interrupted", 130)
    if not run.ok:
        raise typer.Exit(EXIT_INVALID)


def _read_css(path: Path | None) -> str | None:
    if path is None:
        return None
    try:
        return path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        fail(f"{path}: cannot read stylesheet: {error}", EXIT_USAGE)


def _check_timezone(zone: str) -> None:
    from convert.formats.dates import check_timezone

    try:
        check_timezone(zone)
    except ConvertError as error:
        fail(f"--timezone: {error.message}", EXIT_USAGE)


def _check_ninjs_version(version: str) -> None:
    if version not in VERSIONS:
        fail(f"--ninjs-version {version!r}: choose one of {', '.join(VERSIONS)}", EXIT_USAGE)


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
    from_: Annotated[Optional[ReaderName], typer.Option("--from", "-f", help=_FROM_HELP)] = None,
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

    options = WriteOptions(title=title, group_by=group_by, cover=cover, language=language,
                           author=author, css=_read_css(css))
    with _RunDisplay(quiet) as display:
        try:
            run = bundle(inputs, output, options, from_, fail_fast=fail_fast,
                         progress=display.show, jobs=jobs)
        except ConvertError as error:
            fail(error, _exit_code(error))
    _finish_run(run, report, summary=not quiet)


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


def validate_command(paths: list[str], **values: Any) -> None:
    """Validate news files of every format; exit 0 valid, 1 invalid, 2 usage or I/O error."""
    from convert.cli import validate

    raise typer.Exit(validate.run(validate.from_typer(paths, values, _debug)))


def _declare_validate() -> None:
    """The validate command, its parameters built from the one declaration."""
    import inspect

    from convert.cli.validate import typer_parameters

    validate_command.__signature__ = inspect.Signature(  # type: ignore[attr-defined]
        typer_parameters())
    app.command("validate", cls=_Command, epilog=_examples(
        "newsconvert validate feeds/",
        "newsconvert validate out/*.xml --format junit -o report.xml",
        "newsconvert validate . --format github --ignore-unknown",
        "newsconvert validate --strict --schema standards/ item.xml",
        "newsconvert validate --input-format ninjs story.json"))(validate_command)


_declare_validate()


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
        fail(error, _exit_code(error))


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
