"""Validators for every supported format (see ``newsconvert validate``).

``validate_paths(paths)`` returns a :class:`Report`; ``report.render`` turns
it into text, JSON, JUnit XML or GitHub annotations.  The names below are
imported on first use, so that the CLI can read the report formats without
loading the validators.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from convert.validation.results import FileResult, Finding, Report, SchemaOrigin
    from convert.validation.runner import validate_paths

__all__ = ["FileResult", "Finding", "Report", "SchemaOrigin", "validate_paths"]

#: What ``report.render`` writes (``newsconvert validate --format``).
REPORT_FORMATS = ("text", "json", "junit", "github")


def __getattr__(name: str) -> Any:
    if name == "validate_paths":
        from convert.validation.runner import validate_paths

        return validate_paths
    if name in __all__:
        from convert.validation import results

        return getattr(results, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
