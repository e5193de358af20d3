"""Render a :class:`Report`: ``text``, ``json``, ``junit`` or ``github``.

Every format is deterministic (no timestamps, files in the order given,
findings sorted by place).  The JSON shape is documented in README.md and
versioned by ``REPORT_VERSION``.
"""

from __future__ import annotations

import functools
import json
import re
from json.encoder import encode_basestring  # type: ignore[attr-defined]
from typing import Any

from convert.validate.results import FileResult, Finding, Report

REPORT_VERSION = 1
REPORT_FORMATS = ("text", "json", "junit", "github")


def render(report: Report, format: str, color: bool = False) -> str:
    if format == "text":
        return render_text(report, color)
    if format == "json":
        return indented_json(report_data(report)) + "\n"
    if format == "junit":
        return render_junit(report)
    if format == "github":
        return render_github(report)
    raise ValueError(f"unknown report format {format!r}; known: {', '.join(REPORT_FORMATS)}")


def summary_line(report: Report) -> str:
    counts = report.summary()
    return (f"{counts['files']} file(s): {counts['valid']} valid, {counts['invalid']} invalid; "
            f"{counts['errors']} error(s), {counts['warnings']} warning(s)"
            + (" (--strict: warnings fail)" if report.strict else ""))


def _place(finding: Finding) -> str:
    """``line:column`` (or ``part:line:column`` inside an EPUB); empty when unknown."""
    parts = [str(value) for value in (finding.line, finding.column) if value is not None]
    where = ":".join(parts)
    if finding.part:
        return f"{finding.part}:{where}" if where else finding.part
    return where


# ---------------------------------------------------------------- text

_COLOURS = {"error": "31", "warning": "33", "info": "36", "ok": "32", "bad": "1;31"}


def render_text(report: Report, color: bool = False) -> str:
    def paint(text: str, colour: str) -> str:
        return f"\033[{_COLOURS[colour]}m{text}\033[0m" if color else text

    lines = []
    for result in report.files:
        status = (paint("ok", "ok") if result.valid(report.strict)
                  else paint("INVALID", "bad"))
        lines.append(f"{result.file} [{result.format}] {status}")
        for finding in result.findings:
            place = _place(finding)
            lines.append(f"  {place + ': ' if place else ''}"
                         f"{paint(finding.severity, finding.severity)}: {finding.message} "
                         f"[{finding.validator}:{finding.code}]")
    for origin in report.schemas:
        where = f" ({origin.location})" if origin.location else ""
        lines.append(f"schema: {origin.name} from {origin.origin}{where}")
    lines += [f"note: {note}" for note in report.notes]
    lines.append(summary_line(report))
    return "\n".join(lines) + "\n"


# ---------------------------------------------------------------- json


def report_data(report: Report) -> dict[str, Any]:
    """The JSON report (shape documented in README.md, ``version`` 1)."""
    from convert import __version__

    return {
        "version": REPORT_VERSION,
        "tool": f"newsconvert {__version__}",
        "strict": report.strict,
        "valid": report.valid,
        "summary": report.summary(),
        "schemas": [{"name": o.name, "origin": o.origin, "location": o.location}
                    for o in report.schemas],
        "notes": list(report.notes),
        "files": [_file_data(result, report.strict) for result in report.files],
    }


def indented_json(value: Any, level: int = 0) -> str:
    """``json.dumps(value, ensure_ascii=False, indent=2)`` (dict keys are
    strings), several times faster.

    The standard library writes indented JSON in Python, one generator per
    container and one call per value.  Here strings go straight to its C
    escaping function, and a container of scalars only (each finding, each
    list of validators) goes to its C encoder whole, with the line break and
    the indentation as the item separator.
    """
    if isinstance(value, str):
        return encode_basestring(value)
    if isinstance(value, dict):
        items: Any = value.values()
    elif isinstance(value, (list, tuple)):
        items = value
    elif value is None or value is True or value is False:
        return _JSON_CONSTANTS[value]
    else:
        return json.dumps(value)
    if not value:
        return "{}" if isinstance(value, dict) else "[]"
    inner = "\n" + "  " * (level + 1)
    outer = "\n" + "  " * level
    if not any(isinstance(item, _CONTAINERS) for item in items):
        encoded = _json_encoder(level).encode(value)
        return f"{encoded[0]}{inner}{encoded[1:-1]}{outer}{encoded[-1]}"
    if isinstance(value, dict):
        members = (f"{encode_basestring(key)}: {indented_json(item, level + 1)}"
                   for key, item in value.items())
        return f"{{{inner}{(',' + inner).join(members)}{outer}}}"
    elements = (indented_json(item, level + 1) for item in value)
    return f"[{inner}{(',' + inner).join(elements)}{outer}]"


_CONTAINERS = (dict, list, tuple)
_JSON_CONSTANTS = {None: "null", True: "true", False: "false"}


@functools.cache
def _json_encoder(level: int) -> json.JSONEncoder:
    """Compact JSON from the C encoder; its item separator starts a new line
    indented for ``level + 1``."""
    return json.JSONEncoder(ensure_ascii=False, separators=(",\n" + "  " * (level + 1), ": "))


def _file_data(result: FileResult, strict: bool) -> dict[str, Any]:
    return {
        "file": result.file,
        "format": result.format,
        "valid": result.valid(strict),
        "validators": list(result.validators),
        "findings": [{"severity": f.severity, "code": f.code, "message": f.message,
                      "line": f.line, "column": f.column, "part": f.part,
                      "pointer": f.pointer, "validator": f.validator}
                     for f in result.findings],
    }


# ---------------------------------------------------------------- junit

@functools.cache
def _not_xml() -> re.Pattern[str]:
    """Characters XML 1.0 cannot hold (compiled on first use: only JUnit needs it)."""
    return re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def _xml_text(text: str) -> str:
    """``text`` without the characters XML 1.0 cannot hold."""
    return _not_xml().sub("\ufffd", text)


def render_junit(report: Report) -> str:
    """JUnit XML: one testcase per file; an invalid file is a failure listing its findings."""
    from xml.etree import ElementTree

    counts = report.summary()
    totals = {"tests": str(counts["files"]), "failures": str(counts["invalid"]),
              "errors": "0", "skipped": "0"}
    suites = ElementTree.Element("testsuites", {"name": "newsconvert validate", **totals})
    suite = ElementTree.SubElement(suites, "testsuite", {"name": "newsconvert validate",
                                                         **totals})
    for result in report.files:
        case = ElementTree.SubElement(suite, "testcase", {
            "classname": _xml_text(result.format), "name": _xml_text(result.file),
            "file": _xml_text(result.file)})
        details = "\n".join(_xml_text(_one_line(finding)) for finding in result.findings)
        if not result.valid(report.strict):
            failure = ElementTree.SubElement(case, "failure", {
                "type": "invalid",
                "message": f"{result.count('error')} error(s), {result.count('warning')} "
                           "warning(s)"})
            failure.text = details
        elif details:
            ElementTree.SubElement(case, "system-out").text = details
    ElementTree.indent(suites)
    return ('<?xml version="1.0" encoding="UTF-8"?>\n'
            + ElementTree.tostring(suites, encoding="unicode") + "\n")


def _one_line(finding: Finding) -> str:
    place = _place(finding)
    return (f"{finding.file}:{place + ':' if place else ''} {finding.severity}: "
            f"{finding.message} [{finding.validator}:{finding.code}]")


# ---------------------------------------------------------------- github

_COMMANDS = {"error": "error", "warning": "warning", "info": "notice"}


def _escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(text: str) -> str:
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")


def render_github(report: Report) -> str:
    """GitHub Actions workflow commands (``::error file=...,line=...::message``)."""
    lines = []
    for result in report.files:
        for finding in result.findings:
            properties = [f"file={_escape_property(finding.file)}"]
            message = finding.message
            if finding.part:
                message = f"{_place(finding)}: {message}"
            else:
                properties += [f"{name}={value}" for name, value
                               in (("line", finding.line), ("col", finding.column)) if value]
            properties.append(f"title={_escape_property(finding.validator + ' ' + finding.code)}")
            lines.append(f"::{_COMMANDS[finding.severity]} {','.join(properties)}::"
                         f"{_escape_data(message)}")
    lines += [f"::notice::{_escape_data(note)}" for note in report.notes]
    lines.append(summary_line(report))
    return "\n".join(lines) + "\n"
