"""The check of each format, named by its row in the format table (``ReaderSpec.validator``).

Each check is given the file (:class:`Entry`), its first bytes, the whole of
it when small, the schemas in use and the ``--input-format`` hint, and returns
the file's result.  HTML and EPUB files are checked afterwards by one JVM run
each (see ``runner``); their checks here only name the validators to come.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any, NamedTuple

from convert.errors import ConvertError
from convert.formats.sniff import ninjs_version
from convert.validation import sources
from convert.validation.results import FileResult, Finding, Severity


class Entry(NamedTuple):
    path: str
    display: str
    #: Named on the command line (not found by walking a folder).
    explicit: bool


def problem(entry: Entry, format: str, severity: Severity, code: str,
            message: str) -> FileResult:
    return FileResult(entry.display, format,
                      [Finding(entry.display, None, None, severity, code, message, "detect")])


def newsml(entry: Entry, head: bytes, whole: bytes | None,
           schemas: sources.SchemaSet, hint: str | None) -> FileResult:
    from convert.validation.stream import NewsmlCheck

    check = NewsmlCheck(entry.path, entry.display, schemas)
    findings = check.run(head, whole)
    return FileResult(entry.display, f"newsml:{check.root_name}", findings,
                      [check.validator, "rules"])


def _parsed_json(entry: Entry, whole: bytes | None,
                 check: Callable[[str, Any], FileResult]) -> FileResult:
    """``check(text, data)`` of the file's JSON, or the result saying why it has none."""
    from convert.formats.jsonload import load_json

    try:
        if whole is None:
            with open(entry.path, "rb") as stream:
                whole = stream.read()
        text = whole.decode("utf-8-sig")
        data = load_json(text, entry.display)
    except UnicodeDecodeError as error:
        return problem(entry, "json", "error", "encoding", f"not valid UTF-8: {error.reason}")
    except ConvertError as error:
        return FileResult(entry.display, "json", [Finding(
            entry.display, error.line, None, "error", error.code, error.message, "json")])
    return check(text, data)


def canonical(entry: Entry, head: bytes, whole: bytes | None,
              schemas: sources.SchemaSet, hint: str | None) -> FileResult:
    from convert.validation import jsonschema

    return _parsed_json(entry, whole, lambda text, data: FileResult(
        entry.display, "json", jsonschema.check_canonical(entry.display, text, data),
        ["jsonschema"]))


def ninjs(entry: Entry, head: bytes, whole: bytes | None,
          schemas: sources.SchemaSet, hint: str | None) -> FileResult:
    from convert.formats.ninjs import DEFAULT_VERSION
    from convert.validation import jsonschema

    def check(text: str, data: Any) -> FileResult:
        version = ninjs_version(data) or (DEFAULT_VERSION if hint == "ninjs" else None)
        if version is None:
            return problem(entry, "unknown", "error" if entry.explicit else "warning",
                           "unknown-format", "JSON that is neither ninjs (no ninjs keys such "
                           "as 'uri') nor newsconvert canonical JSON")
        findings, validator = jsonschema.check_ninjs(entry.display, text, data, version,
                                                     schemas)
        return FileResult(entry.display, f"ninjs-{version}", findings, [validator, "rules"])

    return _parsed_json(entry, whole, check)


def html(entry: Entry, head: bytes, whole: bytes | None,
         schemas: sources.SchemaSet, hint: str | None) -> FileResult:
    return FileResult(entry.display, "html", [], ["nu"])


def epub(entry: Entry, head: bytes, whole: bytes | None,
         schemas: sources.SchemaSet, hint: str | None) -> FileResult:
    from convert.validation import rules

    findings = [Finding(entry.display, hit.line, None, hit.severity, hit.code, hit.message,
                        "rules", part=hit.part) for hit in rules.epub_hits(Path(entry.path))]
    return FileResult(entry.display, "epub", findings, ["rules", "epubcheck"])


def text(entry: Entry, head: bytes, whole: bytes | None,
         schemas: sources.SchemaSet, hint: str | None) -> FileResult:
    from convert.validation import text as text_lint

    return FileResult(entry.display, "text", text_lint.check(Path(entry.path), entry.display),
                      ["text"])

