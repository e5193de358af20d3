"""Validators for every supported format (see ``newsconvert validate``).

``validate_paths(paths)`` returns a :class:`Report`; ``report.render`` turns
it into text, JSON, JUnit XML or GitHub annotations.
"""

from convert.validation.results import FileResult, Finding, Report, SchemaOrigin
from convert.validation.runner import validate_paths

__all__ = ["FileResult", "Finding", "Report", "SchemaOrigin", "validate_paths"]
