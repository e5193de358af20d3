"""HTML validation with the Nu HTML Checker (vnu.jar): one JVM for every page.

The jar is ``$NEWSCONVERT_VNU_JAR``, else ``node_modules/vnu-jar/build/dist/vnu.jar``
in the current folder or the project's.  Without Java or the jar, pages are
not checked and the report says so.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit

from convert.validation import java
from convert.validation.results import Finding, Severity

JAR_ENV = "NEWSCONVERT_VNU_JAR"
_NODE_JAR = Path("node_modules/vnu-jar/build/dist/vnu.jar")


def jar() -> Path | None:
    if os.environ.get(JAR_ENV):
        given = Path(os.environ[JAR_ENV])
        return given if given.is_file() else None
    project = Path(__file__).resolve().parents[2]
    return next((base / _NODE_JAR for base in (Path.cwd(), project)
                 if (base / _NODE_JAR).is_file()), None)


def unavailable() -> str | None:
    """Why the checker cannot run (None when it can)."""
    if java.java() is None:
        return "Java not found: HTML pages were not checked by the Nu HTML Checker"
    if jar() is None:
        return (f"vnu.jar not found (set {JAR_ENV} or run `npm ci`): HTML pages were not "
                "checked by the Nu HTML Checker")
    return None


def check(pages: dict[Path, str]) -> list[Finding]:
    """Findings for every page (path -> display name), from one JVM."""
    result = java.run(["-jar", str(jar()), "--format", "json", "--stdout", "--exit-zero-always",
                       *(str(path) for path in pages)])
    try:
        messages = json.loads(result.stdout.decode("utf-8"))["messages"]
    except (ValueError, KeyError):
        detail = result.stderr.decode("utf-8", "replace").strip().splitlines()[-1:] or ["?"]
        return [Finding(display, None, None, "error", "checker-failed",
                        f"the Nu HTML Checker failed: {detail[0]}", "nu")
                for display in pages.values()]
    by_path = {path.resolve(): display for path, display in pages.items()}
    findings = []
    for message in messages:
        path = _path_of(message.get("url", ""))
        display = by_path.get(path) if path is not None else None
        if display is None:
            continue
        findings.append(Finding(display, message.get("lastLine"),
                                message.get("firstColumn") or message.get("lastColumn"),
                                _severity(message), "html", message.get("message", ""), "nu"))
    return findings


def _severity(message: dict[str, Any]) -> Severity:
    if message.get("type") in ("error", "non-document-error"):
        return "error"
    return "warning" if message.get("subType") == "warning" else "info"


def _path_of(url: str) -> Path | None:
    split = urlsplit(url)
    return Path(unquote(split.path)).resolve() if split.scheme == "file" else None
