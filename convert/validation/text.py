"""Lint a plain-text article: would it parse, and with which warnings?

Runs the current text reader (``convert.api.read(path, "text")``): a parse
failure is an error, each parser warning a warning, and each stretch of text
the parser dropped (boilerplate, footers...) an ``info`` finding.
"""

from __future__ import annotations

from pathlib import Path

from convert.errors import ConvertError
from convert.validation.results import Finding


def check(path: Path, display: str) -> list[Finding]:
    from convert import api
    from convert.options import ReadOptions

    try:
        doc = api.read(str(path), "text", ReadOptions(source_name=display))
    except ConvertError as error:
        return [Finding(display, error.line, None, "error", error.code, error.message, "text")]
    findings = [Finding(display, warning.line, None, "warning", warning.code, warning.message,
                        "text") for warning in doc.provenance.warnings]
    findings += [Finding(display, dropped.line, None, "info", "dropped",
                         f"dropped ({dropped.reason}): {_shorten(dropped.text)}", "text")
                 for dropped in doc.provenance.dropped]
    return findings


def _shorten(text: str, limit: int = 80) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[:limit - 1] + "…"
