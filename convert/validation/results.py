"""What validation found: findings per file, and the report over every file.

Plain records with no I/O, so that the library API (``convert.validate``)
and every report format (``report.py``) share one shape.  They are named
tuples (the frozen ones) and classes with slots, not dataclasses: making
four dataclasses (``dataclasses`` compiles each generated method at import)
cost every ``validate`` run as much as checking some thirty NewsML-G2 files.
"""

from __future__ import annotations

from collections import Counter
from typing import Literal, NamedTuple

Severity = Literal["error", "warning", "info"]

#: Severity order used when sorting and summarising.
SEVERITIES: tuple[Severity, ...] = ("error", "warning", "info")
#: The severities that make a file invalid, without and with ``--strict``.
_FAILING = frozenset({"error"})
_FAILING_STRICT = frozenset({"error", "warning"})


class Finding(NamedTuple):
    """One problem (or note) at a place in a file.

    ``line`` and ``column`` are 1-based and ``None`` when unknown; ``pointer``
    is the JSON pointer of JSON findings; ``part`` is the file inside a
    container (an EPUB's ``EPUB/chapter-1.xhtml``), which ``line`` then refers
    to; ``validator`` names the check that found it (``xsd``, ``jsonschema``,
    ``rules``, ``epubcheck``, ``nu``, ...).
    """

    file: str
    line: int | None
    column: int | None
    severity: Severity
    code: str
    message: str
    validator: str
    pointer: str | None = None
    part: str | None = None

    def sort_key(self) -> tuple[str, int, int, int, str, str]:
        return (self.part or "", self.line or 0, self.column or 0,
                SEVERITIES.index(self.severity), self.code, self.message)


class _Record:
    """Equality and ``repr`` by the ``__slots__`` fields, as a dataclass has them."""

    __slots__: tuple[str, ...] = ()

    def _fields(self) -> tuple[object, ...]:
        return tuple(getattr(self, name) for name in self.__slots__)

    def __eq__(self, other: object) -> bool:
        if type(other) is not type(self):
            return NotImplemented
        return self._fields() == other._fields()

    __hash__ = None  # type: ignore[assignment]  # mutable, as a dataclass without frozen

    def __repr__(self) -> str:
        return f"{type(self).__name__}(" + ", ".join(
            f"{name}={getattr(self, name)!r}" for name in self.__slots__) + ")"


class FileResult(_Record):
    """Every finding about one file, and the format it was detected as.

    ``format``: ``newsml:newsItem``, ``newsml:newsMessage``, ``ninjs-3.1``, ``json``,
    ``html``, ``epub``, ``text`` or ``unknown``; ``validators``: those that ran on
    this file, in order; ``seconds``: the time spent checking it (a JVM checker's
    run shared among its files), for the JUnit report.
    """

    __slots__ = ("file", "format", "findings", "validators", "seconds")

    def __init__(self, file: str, format: str, findings: list[Finding] | None = None,
                 validators: list[str] | None = None, seconds: float = 0.0) -> None:
        self.file = file
        self.format = format
        self.findings: list[Finding] = [] if findings is None else findings
        self.validators: list[str] = [] if validators is None else validators
        self.seconds = seconds

    def count(self, severity: Severity) -> int:
        return sum(1 for finding in self.findings if finding.severity == severity)

    def valid(self, strict: bool = False) -> bool:
        """No errors (and, when ``strict``, no warnings either)."""
        failing = _FAILING_STRICT if strict else _FAILING
        return not any(finding.severity in failing for finding in self.findings)

    def sorted(self) -> FileResult:
        if len(self.findings) < 2:  # most files: nothing to sort
            return self
        return FileResult(self.file, self.format,
                          sorted(self.findings, key=Finding.sort_key), self.validators,
                          self.seconds)


class SchemaOrigin(NamedTuple):
    """Where a schema used in this run came from.

    ``origin`` is one of ``--schema``, ``NEWSCONVERT_SCHEMAS``, ``cache``,
    ``project`` (our own ``schemas/document.schema.json``) or ``built-in``
    (official schema not found: the project's structural checks only).
    """

    name: str
    origin: str
    location: str | None


class Report(_Record):
    """Every file's result, where the schemas came from, and run-wide notes (a
    validator not available, a schema not found...)."""

    __slots__ = ("files", "schemas", "notes", "strict")

    def __init__(self, files: list[FileResult], schemas: list[SchemaOrigin], notes: list[str],
                 strict: bool = False) -> None:
        self.files = files
        self.schemas = schemas
        self.notes = notes
        self.strict = strict

    @property
    def valid(self) -> bool:
        return all(result.valid(self.strict) for result in self.files)

    @property
    def exit_code(self) -> int:
        """0 when every file is valid, 1 otherwise (2 is for usage/I/O errors)."""
        return 0 if self.valid else 1

    def summary(self) -> dict[str, int]:
        invalid = sum(1 for result in self.files if not result.valid(self.strict))
        severities = Counter(finding.severity for result in self.files
                             for finding in result.findings)
        return {
            "files": len(self.files),
            "valid": len(self.files) - invalid,
            "invalid": invalid,
            "errors": severities["error"],
            "warnings": severities["warning"],
            "infos": severities["info"],
        }
