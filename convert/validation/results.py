"""What validation found: findings per file, and the report over every file.

Plain dataclasses with no I/O, so that the library API (``convert.validate``)
and every report format (``report.py``) share one shape.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import Literal

Severity = Literal["error", "warning", "info"]

#: Severity order used when sorting and summarising.
SEVERITIES: tuple[Severity, ...] = ("error", "warning", "info")
#: The severities that make a file invalid, without and with ``--strict``.
_FAILING = frozenset({"error"})
_FAILING_STRICT = frozenset({"error", "warning"})


@dataclass(frozen=True, init=False)
class Finding:
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

    def __init__(self, file: str, line: int | None, column: int | None, severity: Severity,
                 code: str, message: str, validator: str, pointer: str | None = None,
                 part: str | None = None) -> None:
        # The generated __init__ of a frozen dataclass sets each field through
        # object.__setattr__ (nine calls); a validation run makes a finding for
        # most files, so the fields go in as one dict.
        object.__setattr__(self, "__dict__", {
            "file": file, "line": line, "column": column, "severity": severity, "code": code,
            "message": message, "validator": validator, "pointer": pointer, "part": part})

    def sort_key(self) -> tuple[str, int, int, int, str, str]:
        return (self.part or "", self.line or 0, self.column or 0,
                SEVERITIES.index(self.severity), self.code, self.message)


@dataclass
class FileResult:
    """Every finding about one file, and the format it was detected as."""

    file: str
    #: ``newsml-item``, ``newsml-message``, ``ninjs-3.1``, ``json``, ``html``,
    #: ``epub``, ``text`` or ``unknown``.
    format: str
    findings: list[Finding] = field(default_factory=list)
    #: Validators that ran on this file, in order.
    validators: list[str] = field(default_factory=list)
    #: Time spent checking it (a JVM checker's run shared among its files), for
    #: the JUnit report.
    seconds: float = 0.0

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


@dataclass(frozen=True)
class SchemaOrigin:
    """Where a schema used in this run came from.

    ``origin`` is one of ``--schema``, ``NEWSCONVERT_SCHEMAS``, ``cache``,
    ``project`` (our own ``schemas/document.schema.json``) or ``built-in``
    (official schema not found: the project's structural checks only).
    """

    name: str
    origin: str
    location: str | None


@dataclass
class Report:
    files: list[FileResult]
    schemas: list[SchemaOrigin]
    #: Run-wide notes (a validator not available, a schema not found...).
    notes: list[str]
    strict: bool = False

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
