"""The README's command table and the commands the app declares agree:
the same commands, arguments, options and one-line descriptions."""

from __future__ import annotations

import re

from convert.cli.manpage import is_group
from tests.cli.test_help import COMMANDS
from tests.conftest import ROOT


def _readme_table() -> dict[str, tuple[str, str, set[str]]]:
    """``{command path: (arguments, what, option names)}`` from the README."""
    readme = (ROOT / "README.md").read_text("utf-8")
    header = "| Command | What it does | Options |\n| --- | --- | --- |\n"
    assert readme.count(header) == 1, "the README has one command table"
    rows = readme.split(header, 1)[1].split("\n\n", 1)[0].splitlines()
    table = {}
    for row in rows:
        command, what, options = (cell.strip() for cell in row.strip("|").split("|"))
        words = command.strip("`").split()
        arguments = " ".join(word for word in words if word.isupper())
        path = " ".join(["newsconvert", *(w for w in words if not w.isupper() and
                                         w != "newsconvert")])
        names = {name for item in re.findall(r"`([^`]+)`", options)
                 for name in re.split(r", | / ", item)}
        assert path not in table, f"{path} twice in the README's table"
        table[path] = (arguments, what, names)
    return table


def _declared() -> dict[str, tuple[str, str, set[str]]]:
    declared = {}
    for path, command, _ in COMMANDS:
        if is_group(command) and path != "newsconvert":
            continue  # a group of subcommands (schemas): its commands have rows
        arguments = " ".join(param.metavar for param in command.params
                             if param.param_type_name == "argument")
        names = {name for param in command.params if param.param_type_name == "option"
                 for name in (*param.opts, *param.secondary_opts)} - {"--help"}
        declared[path] = (arguments, " ".join((command.help or "").split("\n\n")[0].split()),
                          names)
    return declared


def test_readme_command_table_matches_the_app() -> None:
    table, declared = _readme_table(), _declared()
    assert sorted(table) == sorted(declared)
    for path, (arguments, what, names) in declared.items():
        assert table[path][0] == arguments, path
        assert table[path][1] == what, path
        assert table[path][2] == names, (path, table[path][2] ^ names)
