"""A command's options, declared once: read without typer, or built into typer.

``convert`` and ``validate`` each declare themselves with these classes (a
:class:`Command` of an :class:`Argument` and :class:`Option` s).  From that one
declaration come both the typer command's parameters
(:meth:`Command.typer_parameters`) and :meth:`Command.parse_fast`, which reads a
plain command line without importing typer: converting one file or validating a few is over in less time than
importing typer takes.  Whatever :meth:`~Command.parse_fast` does not fully
understand (``--help``, a misspelt option, a missing value, a value outside
its choices, a number below its minimum) it leaves to typer, which prints the
usual usage errors.  ``tests/cli/`` checks that both read the same command
lines the same way.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import inspect


# Plain classes: the console script defines them on every run, and making a
# NamedTuple or dataclass class costs more than parsing a command line.
class Argument:
    """The positional argument: one or more values, all required."""

    __slots__ = ("name", "help", "metavar")

    def __init__(self, name: str, help: str, metavar: str) -> None:
        self.name, self.help, self.metavar = name, help, metavar


class Option:
    """One option: a flag (``kind`` bool), an option taking a value (``kind``
    str, int or Path; a Path arrives as ``str`` from :meth:`Command.parse_fast`,
    and :meth:`Command.from_typer` makes typer's Path one too), or one that may be
    repeated (``kind`` list: every value, in order).  ``minimum``: the least
    value of an int option; ``negatable``: a flag that also has its ``--no-``
    form (``--fragment/--no-fragment``); ``complete``: shell completion of the
    value (typer's ``autocompletion``)."""

    __slots__ = ("name", "flags", "help", "default", "kind", "metavar", "choices", "minimum",
                 "negatable", "complete")

    def __init__(self, name: str, flags: tuple[str, ...], help: str,
                 default: str | int | bool | tuple[str, ...] | None = None, kind: type = str,
                 metavar: str | None = None, choices: tuple[str, ...] = (), *,
                 minimum: int | None = None, negatable: bool = False,
                 complete: Callable[[str], list[str]] | None = None) -> None:
        self.name, self.flags, self.help, self.default = name, flags, help, default
        self.kind, self.metavar, self.choices = kind, metavar, choices
        self.minimum, self.negatable, self.complete = minimum, negatable, complete


class Request:
    """A parsed command line: the argument's values and ``values`` by option name."""

    __slots__ = ("arguments", "values", "debug")

    def __init__(self, arguments: list[str], values: dict[str, Any], debug: bool = False
                 ) -> None:
        self.arguments, self.values, self.debug = arguments, values, debug

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Request) and (self.arguments, self.values, self.debug) == (
            other.arguments, other.values, other.debug)

    __hash__ = None  # type: ignore[assignment]  # mutable, as its list and dict are

    def __repr__(self) -> str:
        return f"Request({self.arguments!r}, {self.values!r}, debug={self.debug!r})"


class Command:
    """One command's declaration: its name, help line, argument and options."""

    __slots__ = ("name", "help", "argument", "options")

    def __init__(self, name: str, help: str, argument: Argument,
                 options: tuple[Option, ...]) -> None:
        self.name, self.help, self.argument, self.options = name, help, argument, options

    def defaults(self) -> dict[str, Any]:
        return {option.name: option.default for option in self.options}

    def parse_fast(self, argv: list[str]) -> Request | None:
        """``argv`` (without the program name) as a request for this command, or
        None when it is anything this small parser does not fully understand."""
        by_flag = {flag: option for option in self.options for flag in option.flags}
        negated = {f"--no-{option.flags[0].removeprefix('--')}": option
                   for option in self.options if option.negatable}
        debug = False
        while argv and argv[0] == "--debug":
            debug, argv = True, argv[1:]
        if not argv or argv[0] != self.name:
            return None
        arguments: list[str] = []
        values = self.defaults()
        tokens = iter(argv[1:])
        for token in tokens:
            if token == "--":
                arguments += tokens
                break
            flag, has_value, inline = token.partition("=")
            if token in negated:
                values[negated[token].name] = False
                continue
            option = by_flag.get(flag if token.startswith("--") else token)
            if option is None:
                if token.startswith("-") and token != "-":
                    return None
                arguments.append(token)
                continue
            if option.kind is bool:
                if has_value:
                    return None
                values[option.name] = True
                continue
            value = inline if has_value else next(tokens, None)
            if value is None or (option.choices and value not in option.choices):
                return None
            if option.kind is int:
                if not value.isdigit() or (option.minimum is not None
                                           and int(value) < option.minimum):
                    return None
                values[option.name] = int(value)
            elif option.kind is list:
                values[option.name] = (*values[option.name], value)
            else:
                values[option.name] = value
        return Request(arguments, values, debug) if arguments else None

    def typer_parameters(self) -> list[inspect.Parameter]:
        """The typer command's parameters, built from the declaration."""
        import inspect
        from typing import Annotated, Optional

        import typer

        argument = self.argument
        parameters = [inspect.Parameter(
            argument.name, inspect.Parameter.POSITIONAL_OR_KEYWORD,
            annotation=Annotated[list[str], typer.Argument(help=argument.help,
                                                           metavar=argument.metavar,
                                                           show_default=False)])]
        for option in self.options:
            kind: Any = option.kind
            if option.choices:
                kind = _choice_enum(option.choices)
            elif option.kind is list:
                kind = list[str]
            if option.default is None:
                kind = Optional[kind]
            flags = ((f"{option.flags[0]}/--no-{option.flags[0].removeprefix('--')}",)
                     if option.negatable else option.flags)
            extra: dict[str, Any] = {}
            if option.minimum is not None:
                extra["min"] = option.minimum
            if option.complete is not None:
                extra["autocompletion"] = option.complete
            info = typer.Option(*flags, help=option.help, metavar=option.metavar, **extra)
            parameters.append(inspect.Parameter(
                option.name, inspect.Parameter.KEYWORD_ONLY, annotation=Annotated[kind, info],
                default=option.default))
        return parameters

    def from_typer(self, values: dict[str, Any], debug: bool) -> Request:
        """The request for what typer parsed: choices arrive as enum members,
        paths as :class:`~pathlib.Path`, repeated options as lists; the request
        holds what :meth:`parse_fast` gives (strings and tuples)."""
        def plain(value: Any) -> Any:
            if isinstance(value, list):
                return tuple(value)
            if isinstance(value, Path):
                return str(value)
            return getattr(value, "value", value)

        values = dict(values)
        arguments = list(values.pop(self.argument.name))
        return Request(arguments, {name: plain(value) for name, value in values.items()}, debug)


def _choice_enum(choices: tuple[str, ...]) -> type:
    """An enum of ``choices``: typer lists them in the help and checks them."""
    from enum import Enum

    make: Any = Enum
    enum: type = make("Choice", {choice: choice for choice in choices}, type=str)
    return enum
