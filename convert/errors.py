"""The one exception type the tool raises for bad input or bad usage."""

from __future__ import annotations


class ConvertError(Exception):
    """A clear, one-line problem with an input or an output.

    ``str(error)`` reads ``file:line: message`` (the parts that are known),
    which is what the command line prints.
    """

    def __init__(self, message: str, *, source: str | None = None, line: int | None = None,
                 code: str = "error") -> None:
        super().__init__(message)
        self.message = message
        self.source = source
        self.line = line
        self.code = code

    def located(self, source: str) -> ConvertError:
        """This error, naming ``source`` when it does not name a file yet."""
        if self.source is None:
            self.source = source
        return self

    def __str__(self) -> str:
        where = self.source or ""
        if self.line is not None:
            where = f"{where}:{self.line}"
        return f"{where}: {self.message}" if where else self.message
