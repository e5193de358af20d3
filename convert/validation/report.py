"""Render a :class:`Report`: ``text``, ``json``, ``junit`` or ``github``.

Every format is deterministic (no timestamps, files in the order given,
findings sorted by place).  The JSON shape is documented in README.md and
versioned by ``REPORT_VERSION``.
"""

from __future__ import annotations

import json
import os
from collections.abc import Callable
from json.encoder import encode_basestring
from typing import Any

from convert.formats.xmltext import without_not_xml
from convert.terminal import printable, printable_json
from convert.validation import REPORT_FORMATS
from convert.validation.results import FileResult, Finding, Report

REPORT_VERSION = 1


def render(report: Report, format: str, color: bool = False, quiet: bool = False) -> str:
    """The report in ``format``; ``quiet`` leaves files with no findings out
    of the text report."""
    if format == "text":
        return render_text(report, color, quiet)
    if format == "json":
        return printable_json(indented_json(report_data(report))) + "\n"
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


def render_text(report: Report, color: bool = False, quiet: bool = False) -> str:
    def paint(text: str, colour: str) -> str:
        return f"\033[{_COLOURS[colour]}m{text}\033[0m" if color else text

    lines = []
    for result in report.files:
        if quiet and not result.findings:
            continue
        status = (paint("ok", "ok") if result.valid(report.strict)
                  else paint("INVALID", "bad"))
        lines.append(f"{printable(result.file)} [{printable(result.format)}] {status}")
        for finding in result.findings:
            place = printable(_place(finding))
            lines.append(f"  {place + ': ' if place else ''}"
                         f"{paint(finding.severity, finding.severity)}: "
                         f"{printable(finding.message)} [{finding.validator}:{finding.code}]")
    for origin in report.schemas if not quiet else ():
        where = f" ({printable(origin.location)})" if origin.location else ""
        lines.append(f"schema: {origin.name} from {origin.origin}{where}")
    lines += [f"note: {printable(note)}" for note in report.notes if not quiet]
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
    strings), about twice as fast: the standard library writes indented JSON
    with a generator per container and a call per value; here each
    container is one list, and strings go straight to its C escaping."""
    scalar = _SCALAR_JSON.get(type(value))
    if scalar is not None:
        return scalar(value)
    inner = "\n" + "  " * (level + 1)
    if isinstance(value, dict):
        if not value:
            return "{}"
        members = [f"{encode_basestring(key)}: "
                   + (encode(item) if (encode := _SCALAR_JSON.get(type(item)))
                      else indented_json(item, level + 1))
                   for key, item in value.items()]
        return f"{{{inner}{(',' + inner).join(members)}\n{'  ' * level}}}"
    if isinstance(value, (list, tuple)):
        if not value:
            return "[]"
        items = [encode(item) if (encode := _SCALAR_JSON.get(type(item)))
                 else indented_json(item, level + 1) for item in value]
        return f"[{inner}{(',' + inner).join(items)}\n{'  ' * level}]"
    return json.dumps(value)


#: JSON for the scalar types whose text ``json.dumps`` writes without options.
_SCALAR_JSON: dict[type, Callable[[Any], str]] = {
    str: encode_basestring, int: int.__repr__, bool: lambda flag: "true" if flag else "false",
    type(None): lambda _: "null"}


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

def _xml_text(text: str) -> str:
    """``text`` without the characters XML 1.0 cannot hold."""
    return without_not_xml(text, "\ufffd")


def render_junit(report: Report) -> str:
    """JUnit XML: one testcase per file; an invalid file is a failure listing its findings.

    Written as text, exactly as ``xml.etree.ElementTree`` would serialise and
    indent it (the tests check that), without building the tree.
    """
    counts = report.summary()
    # Reproducible builds (SOURCE_DATE_EPOCH set): the same report, so no timings.
    timed = "SOURCE_DATE_EPOCH" not in os.environ
    seconds = sum(result.seconds for result in report.files) if timed else 0.0
    totals = (f'name="newsconvert validate" tests="{counts["files"]}" '
              f'failures="{counts["invalid"]}" errors="0" skipped="0" time="{seconds:.3f}"')
    lines = ['<?xml version="1.0" encoding="UTF-8"?>', f"<testsuites {totals}>"]
    cases = [_junit_case(result, report.strict, timed) for result in report.files]
    if cases:
        lines += [f"  <testsuite {totals}>", *cases, "  </testsuite>"]
    else:
        lines.append(f"  <testsuite {totals} />")
    lines.append("</testsuites>\n")
    return "\n".join(lines)


def _junit_case(result: FileResult, strict: bool, timed: bool) -> str:
    name = _xml_attribute(_xml_text(result.file))
    case = (f'    <testcase classname="{_xml_attribute(_xml_text(result.format))}" '
            f'name="{name}" file="{name}" time="{result.seconds if timed else 0:.3f}"')
    details = _xml_content("\n".join(_xml_text(_one_line(finding))
                                      for finding in result.findings))
    if not result.valid(strict):
        message = f"{result.count('error')} error(s), {result.count('warning')} warning(s)"
        child = (f'<failure type="invalid" message="{message}">{details}</failure>' if details
                 else f'<failure type="invalid" message="{message}" />')
    elif details:
        child = f"<system-out>{details}</system-out>"
    else:
        return case + " />"
    return f"{case}>\n      {child}\n    </testcase>"


def _xml_content(text: str) -> str:
    """Element text escaped as ElementTree escapes it."""
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _xml_attribute(text: str) -> str:
    """An attribute value escaped as ElementTree escapes it (line breaks and
    tabs as character references, so that they survive parsing)."""
    return (_xml_content(text).replace('"', "&quot;").replace("\r", "&#13;")
            .replace("\n", "&#10;").replace("\t", "&#09;"))


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
