"""``newsconvert convert``: its options, declared once, and the run.

:data:`OPTIONS` is the single declaration (see :mod:`convert.cli.declare`):
the typer command in :mod:`convert.cli.commands` is built from it, and so is
:meth:`~convert.cli.declare.Command.parse_fast`, with which the console script
converts without importing typer.  One input file to one output goes cli → :func:`convert.api.convert_file`
→ reader → writer → :func:`convert.files.write_atomic`; folders, ``@list``
files, several inputs or formats, and ``--report`` are a run
(:mod:`convert.run`: plan, workers, run report).
"""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from convert.cli.declare import Argument, Command, Option, Request
from convert.cli.output import EXIT_INVALID, EXIT_USAGE, Stop, fail, write_text
from convert.errors import ConvertError
from convert.formats import READER_NAMES, WRITER_NAMES
from convert.formats.ninjs import DEFAULT_VERSION, VERSIONS

if TYPE_CHECKING:
    from convert.model import ParseWarning
    from convert.options import ReadOptions, WriteOptions


def _complete_writers(incomplete: str) -> list[str]:
    """Shell completion for ``--to json,ht``: the writer names, after the last comma."""
    done, _, last = incomplete.rpartition(",")
    prefix = f"{done}," if done else ""
    return [prefix + name for name in WRITER_NAMES if name.startswith(last)]


ARGUMENT = Argument("inputs", "Files, folders, @list files, or - for stdin.", "INPUT...")
#: ``--from``, shared with ``bundle``.
FROM_HELP = "Input format (default: detected from the content)."

OPTIONS = (
    Option("to", ("--to", "-t"), f"Output format(s), comma-separated: {', '.join(WRITER_NAMES)};"
           " default: from the -o FILE name (a.html, a.xml, a.ninjs.json, a.json, a.epub).",
           metavar="FORMATS", complete=_complete_writers),
    Option("output", ("--output", "-o"), "Output file (or folder)."),
    Option("from_", ("--from", "-f"), FROM_HELP, choices=tuple(READER_NAMES)),
    Option("ninjs_version", ("--ninjs-version",), f"ninjs version: {', '.join(VERSIONS)}.",
           DEFAULT_VERSION, metavar="VERSION"),
    Option("fragment", ("--fragment",), "HTML: only the <article> element.", False, bool,
           negatable=True),
    Option("css", ("--css",), "HTML/EPUB: your stylesheet.", kind=Path),
    Option("jobs", ("--jobs", "-j"), "Worker processes (Dask: workers).", 1, int, minimum=1),
    Option("skip_existing", ("--skip-existing",), "Skip inputs whose outputs all exist and are "
           "newer.", False, bool),
    Option("fail_fast", ("--fail-fast",), "Stop at the first bad input.", False, bool),
    Option("report", ("--report",), "Write a JSON run report to this file.", kind=Path),
    Option("executor", ("--executor",), "local (processes) or dask.", "local"),
    Option("scheduler", ("--scheduler",), "Dask scheduler address (default: a local cluster)."),
    Option("quiet", ("--quiet", "-q"), "Only errors: no progress, warnings or summary.", False,
           bool),
    Option("encoding", ("--encoding",), "Text input encoding (e.g. cp1252), instead of "
           "detecting it."),
    Option("language", ("--language",), "The articles' language (BCP 47), instead of "
           "detecting it."),
    Option("metadata", ("--metadata", "-M"), "Set a document field (repeatable): headline, "
           "subheadline, slugline, source, published, updated, copyright, url, summary, "
           "version, language, keywords (a,b).", (), list, "KEY=VALUE"),
    Option("title", ("--title",), "The headline (as --metadata headline=TITLE)."),
    Option("timezone", ("--timezone",), "Zone of local times that state none (Europe/Berlin, "
           "+01:00); without it they are never given one."),
    Option("provider", ("--provider",), "NewsML-G2 provider: you, the party supplying the items "
           "(default: the input's, else newsconvert)."),
    Option("uri_base", ("--uri-base",), "Base URI of newsconvert's own terms (default: "
           "$NEWSCONVERT_URI_BASE, else urn:newsconvert:)."),
    Option("item_id", ("--id",), "The item's guid (a URI) when the input states none: give "
           "every version of a story the same one."),
    Option("json_lines", ("--json-lines",), "--to json holding several documents on one output:"
           " JSON Lines instead of a JSON array.", False, bool),
    Option("include", ("--include",), "In folders, take only files matching GLOB (repeatable; "
           "path below the folder or file name), whatever their extension.", (), list, "GLOB"),
    Option("exclude", ("--exclude",), "In folders, leave out files matching GLOB (repeatable).",
           (), list, "GLOB"),
)


COMMAND = Command("convert", "Convert news files to one or more formats; folders are mirrored "
                  "under -o DIR.", ARGUMENT, OPTIONS)


def exit_code(error: ConvertError) -> int:
    """2 for usage and I/O errors (a wrong option, no such file), else 1."""
    return EXIT_USAGE if error.code in ("usage", "io") else EXIT_INVALID


def run(request: Request) -> int:
    """Convert as the command line asks; the exit code."""
    try:
        return _convert(request.arguments, request.values, request.debug)
    except Stop as stop:
        return stop.code


def _convert(inputs: list[str], values: dict[str, Any], debug: bool) -> int:
    from convert.options import ReadOptions, WriteOptions

    output = values["output"]
    formats = _output_formats(values["to"], output)
    if "ninjs" in formats:
        _check_ninjs_version(values["ninjs_version"])
    if values["timezone"] is not None:
        _check_timezone(values["timezone"])
    if values["executor"] != "local":  # the default needs no check (nor the run's modules)
        from convert import run as batch

        try:
            batch.executor_name(values["executor"])
        except ConvertError as error:
            fail(error, exit_code(error), debug)
    write_options = WriteOptions(
        ninjs_version=values["ninjs_version"], fragment=values["fragment"],
        css=read_css(values["css"]), json_lines=values["json_lines"],
        timezone=values["timezone"], provider=values["provider"], uri_base=values["uri_base"])
    read_options = ReadOptions(
        encoding=_checked_encoding(values["encoding"]), language=values["language"],
        metadata=_metadata_pairs(values["metadata"], values["title"]), id=values["item_id"])
    if (len(inputs) == 1 and len(formats) == 1 and values["report"] is None
            and not inputs[0].startswith("@")
            and not os.path.isdir(inputs[0]) and not _names_a_folder(output)):
        return _convert_one_file(inputs[0], formats[0], output, values["from_"], write_options,
                                 read_options, values["quiet"], debug)
    return _convert_run(inputs, formats, values, write_options, read_options, debug)


def _names_a_folder(output: str | None) -> bool:
    return output is not None and (output.endswith(("/", os.sep)) or os.path.isdir(output))


def _convert_one_file(input: str, to: str, output: str | None, from_: str | None,
                      write_options: WriteOptions, read_options: ReadOptions,
                      quiet: bool, debug: bool) -> int:
    """One file to one output: cli -> api.convert_file, no run planner."""
    from convert import api
    from convert.cli.progress import where
    from convert.files import display_name
    from convert.terminal import printable

    def warn(warning: ParseWarning) -> None:
        if not quiet:
            write_text(sys.stderr, printable(
                f"newsconvert: warning: {where(display_name(input), warning.line)}: "
                f"{warning.message} [{warning.code}]") + "\n")

    if input != "-" and not os.path.lexists(input):  # as for a batch: a usage error
        fail(ConvertError("no such file or folder", source=input, code="io"), EXIT_USAGE, debug)
    target = sys.stdout.buffer if output is None or output == "-" else output
    try:
        api.convert_file(input, to, target, format=from_, options=write_options,
                         read_options=read_options, on_warning=warn)
    except ConvertError as error:  # the input's own problem exits 1, as a failed file does
        fail(error, EXIT_INVALID if error.source == display_name(input) else exit_code(error),
              debug)
    return 0


def _convert_run(inputs: list[str], formats: list[str], values: dict[str, Any],
                 write_options: WriteOptions, read_options: ReadOptions, debug: bool) -> int:
    """Many inputs, or outputs in a folder: a run of :mod:`convert.run`."""
    from convert import run as batch
    from convert.cli.progress import RunDisplay, finish_run
    from convert.files import Selection
    from convert.terminal import printable

    output, quiet = values["output"], values["quiet"]
    selection = Selection(values["include"], values["exclude"])
    try:
        executor = batch.executor_name(values["executor"])
        output_dir = None if batch.output_is_one_file(inputs, formats, output) else output
    except ConvertError as error:
        fail(error, exit_code(error), debug)
    common = dict(read_format=values["from_"], jobs=values["jobs"],
                  fail_fast=values["fail_fast"], executor=executor,
                  scheduler=values["scheduler"], write_options=write_options,
                  read_options=read_options, selection=selection)
    with RunDisplay(quiet, debug) as display:
        try:
            if output_dir is None:
                target = sys.stdout.buffer if output is None or output == "-" else output
                done = batch.convert_into_one(inputs, formats[0], target,
                                              progress=display.show, **common)
            else:
                done = batch.convert_many(inputs, formats, output_dir, progress=display.show,
                                          skip_existing=values["skip_existing"],
                                          results="counts" if values["report"] is None
                                          else "file", **common)
        except batch.Interrupted as stop:
            done = stop.report
        except ConvertError as error:
            fail(error, exit_code(error), debug)
    if not quiet:
        for note in done.notes:
            write_text(sys.stderr, printable(f"newsconvert: note: {note}") + "\n")
    return finish_run(done, values["report"], summary=not quiet and done.total != 1)


def _output_formats(to: str | None, output: str | None) -> list[str]:
    """The ``--to`` formats; without ``--to``, the one the ``-o`` file name asks
    for (as pandoc does).  A file name that asks for another format than
    ``--to`` is refused: ``-t json -o b.html`` would put JSON in ``b.html``."""
    from convert import formats

    by_name = (formats.writer_for_path(output) if output and output != "-"
               and not _names_a_folder(output) else None)
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


def _metadata_pairs(given: tuple[str, ...], title: str | None) -> tuple[tuple[str, str], ...]:
    """``KEY=VALUE`` options as pairs, keys checked against the model's fields."""
    if not given and title is None:
        return ()
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


def read_css(path: str | None) -> str | None:
    """``--css``: the stylesheet's text (a usage error when it cannot be read)."""
    if path is None:
        return None
    try:
        return Path(path).read_text(encoding="utf-8")
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
