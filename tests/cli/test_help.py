"""What ``--help`` shows: examples in every command (and each one parses),
format choices from the formats table, plain argument names, shell
completion; and the man page generated from the same declarations."""

from __future__ import annotations

import os
import shlex
import shutil
import subprocess
import sys
from typing import Any

import pytest
from typer.main import get_command

from convert.cli.commands import app
from convert.cli.manpage import example_lines, is_group, walk
from convert.formats import READER_NAMES, WRITER_NAMES
from tests.conftest import ROOT

ROOT_COMMAND = get_command(app)
COMMANDS = list(walk(ROOT_COMMAND, ROOT_COMMAND.make_context(
    "newsconvert", [], resilient_parsing=True)))
LEAVES = [(path, command) for path, command, _ in COMMANDS if not is_group(command)]


def newsconvert(*arguments: str, env: dict[str, str] | None = None
                ) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "convert", *arguments], cwd=ROOT,
                          capture_output=True, text=True,
                          env={**os.environ, "COLUMNS": "100", **(env or {})})


def _parse(argv: list[str]) -> Any:
    """The context click makes for ``newsconvert argv`` (a usage error raises)."""
    ctx = ROOT_COMMAND.make_context("newsconvert", argv)
    command = ROOT_COMMAND
    while is_group(command):
        # click keeps the subcommand's name apart from its arguments (as Group.invoke reads them)
        name, command, rest = command.resolve_command(ctx, [*ctx._protected_args, *ctx.args])
        ctx = command.make_context(name, rest, parent=ctx)
    return ctx


def _command_line(example: str) -> list[str]:
    """The newsconvert part of an example (``cat a | newsconvert ... > out``)."""
    words = shlex.split(example)
    start = words.index("newsconvert")
    end = next((i for i, word in enumerate(words) if i > start and word in ("|", ">", ">>")),
               len(words))
    return words[start + 1:end]


@pytest.mark.parametrize("path", [path for path, _, _ in COMMANDS])
def test_every_command_shows_examples_of_itself(path: str) -> None:
    helped = newsconvert(*path.split()[1:], "--help")
    assert helped.returncode == 0, helped.stderr
    examples = helped.stdout.partition("\n  Examples:\n\n")[2].splitlines()
    assert examples, f"{path} --help has no examples"
    command = next(command for p, command, _ in COMMANDS if p == path)
    assert [line.strip() for line in examples] == example_lines(command)
    if path != "newsconvert":
        assert all(path in line for line in examples), examples


@pytest.mark.parametrize("example", sorted({example for _, command, _ in COMMANDS
                                            for example in example_lines(command)}))
def test_every_example_parses(example: str) -> None:
    argv = _command_line(example)
    if "--help" in argv or "--show-completion" in argv:
        result = newsconvert(*argv)
        assert result.returncode == 0, result.stderr
        assert result.stdout
    else:
        ctx = _parse(argv)
        assert ctx.command.callback is not None


def test_format_choices_come_from_the_formats_table() -> None:
    convert_help = " ".join(newsconvert("convert", "--help").stdout.split())
    assert f"comma-separated: {', '.join(WRITER_NAMES)}; default:" in convert_help
    assert f"-f, --from <{'|'.join(READER_NAMES)}>" in convert_help
    bundle_help = newsconvert("bundle", "--help").stdout
    assert f"-f, --from <{'|'.join(READER_NAMES)}>" in bundle_help
    validate_help = " ".join(newsconvert("validate", "--help").stdout.split())
    assert f"--input-format FORMAT Treat every file as this format instead of detecting it: " \
        f"{', '.join(READER_NAMES)}." in validate_help
    assert newsconvert("validate", "--input-format", "word", "a.xml").returncode == 2
    refused = newsconvert("convert", "a.txt", "--to", "json", "--from", "word")
    assert refused.returncode == 2
    assert refused.stderr.startswith("newsconvert: Invalid value for '--from' / '-f': 'word'")


@pytest.mark.parametrize("path,command", LEAVES)
def test_usage_names_arguments_and_values_plainly(path: str, command: Any) -> None:
    helped = newsconvert(*path.split()[1:], "--help").stdout
    usage = helped.splitlines()[0]
    arguments = " ".join(param.metavar for param in command.params
                         if param.param_type_name == "argument")
    assert usage == f"Usage: {path} [OPTIONS]" + (f" {arguments}" if arguments else "")
    assert "{" not in usage
    for typer_word in ("<str>", "<path>", "<int", "<float"):
        assert typer_word not in helped, (path, typer_word)


def _complete(words: str, env_extra: dict[str, str] | None = None) -> list[str]:
    env = {"_NEWSCONVERT_COMPLETE": "complete_bash", "COMP_WORDS": words,
           "COMP_CWORD": str(len(words.split()) - (0 if words.endswith(" ") else 1)),
           **(env_extra or {})}
    done = newsconvert(env=env)
    assert done.returncode == 0, done.stderr
    return done.stdout.split()


def test_shell_completion() -> None:
    assert _complete("newsconvert conv") == ["convert"]
    assert _complete("newsconvert schemas ") == ["pull", "path"]
    assert _complete("newsconvert convert a.txt --to json,ht") == ["json,html"]
    assert _complete("newsconvert convert a.txt --to ") == list(WRITER_NAMES)
    assert _complete("newsconvert convert a.txt --from n") == [
        name for name in READER_NAMES if name.startswith("n")]
    assert _complete("newsconvert validate --format j") == ["json", "junit"]
    script = newsconvert("--show-completion", "bash")
    assert script.returncode == 0
    assert "complete -o default -F _newsconvert_completion newsconvert" in script.stdout


def test_man_page_is_generated_from_the_declarations(golden) -> None:
    generated = subprocess.run([sys.executable, "-m", "convert.cli.manpage"], cwd=ROOT,
                               capture_output=True, check=True).stdout
    golden(ROOT / "docs" / "newsconvert.1", generated)
    text = generated.decode("utf-8")
    for path, command, ctx in COMMANDS:
        if not is_group(command):
            assert f".SS {path}\n" in text, path
        for param in command.params:
            for flag in param.opts if param.param_type_name == "option" else ():
                assert flag.replace("-", r"\-") in text, (path, flag)


@pytest.mark.skipif(shutil.which("groff") is None, reason="needs groff")
def test_man_page_formats_without_warnings() -> None:
    checked = subprocess.run(["groff", "-man", "-Tutf8", "-ww", "-z",
                              str(ROOT / "docs" / "newsconvert.1")],
                             capture_output=True, text=True)
    assert checked.returncode == 0 and checked.stderr == ""
