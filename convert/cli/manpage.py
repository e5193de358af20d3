"""newsconvert(1), the man page, written from the command declarations.

    python -m convert.cli.manpage > docs/newsconvert.1

It walks the click command tree that typer builds from :mod:`convert.cli.commands`
(so ``validate``'s options come from :mod:`convert.cli.validate`'s one
declaration), taking each command's usage line, help, options and examples
(its epilog) exactly as ``--help`` shows them.  The page has no date, so the
same declarations always give the same bytes (``tests/cli/test_manpage.py``
compares it with the committed ``docs/newsconvert.1``).
"""

from __future__ import annotations

import sys
from collections.abc import Iterator
from typing import Any

#: EXIT STATUS, by the codes :func:`convert.cli.exit_with` uses.
EXIT_STATUS = (
    ("0", "Success: every input converted, every file valid."),
    ("1", "An input could not be converted, or a file is invalid (with --strict, a warning "
          "also makes a file invalid)."),
    ("2", "Usage or I/O error: an unknown option or value, a refused output path, a file or "
          "folder that does not exist, an unreadable schema."),
    ("3", "An internal error (a bug): one line on standard error; --debug shows the traceback."),
    ("130", "Interrupted (Ctrl-C); no partial output file is left."),
)

ENVIRONMENT = (
    ("NEWSCONVERT_SCHEMAS", "A folder laid out like the official IPTC bundle (newsml-g2/, "
                            "ninjs/) that validate reads the official schemas from."),
    ("NEWSCONVERT_CACHE", "The user cache that schemas pull fills (default "
                          "$XDG_CACHE_HOME/newsconvert, else ~/.cache/newsconvert)."),
    ("CI", "When set (as CI services do), validate fails a file whose official schema is "
           "missing, as with --strict."),
    ("NO_COLOR", "When set, the text report is never coloured."),
    ("SOURCE_DATE_EPOCH", "Timestamps written into outputs, for byte-identical rebuilds."),
)


def render() -> str:
    """The whole page, roff ``man`` macros."""
    from typer.main import get_command

    from convert import __version__
    from convert.cli.commands import app

    root = get_command(app)
    context = root.make_context("newsconvert", [], resilient_parsing=True)
    lines = [f'.TH NEWSCONVERT 1 "" "newsconvert {__version__}" "User Commands"',
             ".SH NAME", r"newsconvert \- convert and validate news articles "
             "(plain text, NewsML-G2, ninjs, JSON, HTML, EPUB)",
             ".SH SYNOPSIS"]
    commands = list(walk(root, context))
    for path, command, ctx in commands:
        if not is_group(command):
            lines += [".br", _usage(path, command, ctx)]
    lines += [".SH DESCRIPTION", *_paragraphs(root.help or "")]
    lines += [".SH OPTIONS", *_options(root, context)]
    lines.append(".SH COMMANDS")
    for path, command, ctx in commands:
        if is_group(command):
            continue
        lines += [f".SS {_text(path)}", _usage(path, command, ctx), ".PP",
                  *_paragraphs(command.help or ""), *_options(command, ctx)]
        examples = example_lines(command)
        if examples:
            lines += [".PP", "Examples:", ".RS", ".nf", *map(_text, examples), ".fi", ".RE"]
    lines.append(".SH EXIT STATUS")
    for code, meaning in EXIT_STATUS:
        lines += [".TP", rf"\fB{code}\fR", _text(meaning)]
    lines.append(".SH ENVIRONMENT")
    for name, meaning in ENVIRONMENT:
        lines += [".TP", rf"\fB{name}\fR", _text(meaning)]
    lines += [".SH EXAMPLES", ".nf", *map(_text, example_lines(root)), ".fi",
              ".SH SEE ALSO", "The README of the newsconvert distribution; "
              r"\fBpandoc\fR(1), \fBxmllint\fR(1)."]
    return "\n".join(lines) + "\n"


def walk(command: Any, ctx: Any, path: str = "newsconvert") -> Iterator[tuple[str, Any, Any]]:
    """Every command below ``command`` (depth first, in declaration order)."""
    yield path, command, ctx
    if is_group(command):
        for name in command.list_commands(ctx):
            sub = command.get_command(ctx, name)
            if sub is None or sub.hidden:
                continue
            sub_ctx = sub.make_context(name, [], parent=ctx, resilient_parsing=True)
            yield from walk(sub, sub_ctx, f"{path} {name}")


def is_group(command: Any) -> bool:
    return hasattr(command, "list_commands")


def _usage(path: str, command: Any, ctx: Any) -> str:
    pieces = " ".join(command.collect_usage_pieces(ctx))
    return rf"\fB{_text(path)}\fR {_text(pieces)}"


def _options(command: Any, ctx: Any) -> list[str]:
    lines = []
    for param in command.get_params(ctx):
        record = param.get_help_record(ctx)
        if record is None:  # a parameter without help text
            continue
        names, help_text = record
        lines += [".TP", rf"\fB{_text(names)}\fR", _text(help_text)]
    return lines


def example_lines(command: Any) -> list[str]:
    """The example command lines of a command's epilog (written by ``commands._examples``)."""
    epilog = command.epilog or ""
    return [line.strip() for line in epilog.splitlines()
            if line.strip() and line.strip() not in ("Examples:", "\b")]


def _paragraphs(text: str) -> list[str]:
    lines: list[str] = []
    for paragraph in text.split("\n\n"):
        if paragraph.strip():
            lines += [".PP", _text(" ".join(paragraph.split()))] if lines else \
                [_text(" ".join(paragraph.split()))]
    return lines


def _text(text: str) -> str:
    """``text`` as roff: backslashes and hyphens escaped, no line starting a request."""
    escaped = text.replace("\\", r"\e").replace("-", r"\-")
    return rf"\&{escaped}" if escaped.startswith((".", "'")) else escaped


def main() -> None:
    sys.stdout.write(render())


if __name__ == "__main__":
    main()
