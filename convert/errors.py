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

    def within(self, display: str) -> ConvertError:
        """This error, named by the input ``display`` when it names a part inside
        it (``book.epub!/a.xhtml``): ``book.epub:3: a.xhtml: message``."""
        if self.source and self.source.startswith(display + "!/"):
            self.message = f"{self.source[len(display) + 2:]}: {self.message}"
            self.args = (self.message,)
        self.source = display
        return self

    @classmethod
    def internal(cls, error: Exception, source: str | None = None) -> ConvertError:
        """A bug in a reader or writer, as one line naming the input it met."""
        return cls(f"internal error: {type(error).__name__}: {error}", source=source,
                   code="internal")

    def __str__(self) -> str:
        where = self.source or ""
        if self.line is not None:
            where = f"{where}:{self.line}"
        return f"{where}: {self.message}" if where else self.message
