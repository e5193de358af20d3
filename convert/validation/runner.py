"""``validate_paths``: find the files, detect each one's format by content,
run the validators for it, and gather one :class:`Report`.

Per-file checks (XSD, JSON Schema, text lint, our rules) run as each file is
met; the JVM-based checkers (Nu for HTML, EPUBCheck for EPUB) then run once
each over all their files, side by side.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import NamedTuple

from convert import formats
from convert.errors import ConvertError
from convert.validation import sources
from convert.validation.results import FileResult, Finding, Report, SchemaOrigin, Severity

#: Detection looks at this many first bytes of a file.
_HEAD_BYTES = 65536
#: Files up to this size are read whole, once, and parsed from memory; larger
#: ones are read again by their validator (NewsML-G2 streams them).
_WHOLE_FILE = 16 * 2**20


class _Entry(NamedTuple):
    path: str
    display: str
    #: Named on the command line (not found by walking a folder).
    explicit: bool


def validate_paths(paths: Iterable[str | os.PathLike[str]], *, format_hint: str | None = None,
                   schema: str | None = None, strict: bool = False) -> Report:
    """Validate every file in ``paths`` (folders are walked, hidden entries
    skipped).  ``format_hint`` forces a reader name (``newsml``, ``ninjs``,
    ``json``, ``html``, ``epub``, ``text``) instead of detection; ``schema``
    is ``--schema``; ``strict`` makes warnings fail too.

    Raises :class:`ConvertError` (``code="usage"`` or ``"io"``) when a path
    does not exist or an option is wrong: the CLI's exit code 2.
    """
    if format_hint is not None:
        formats.reader(format_hint)
    schemas = sources.locate(schema)
    results: list[FileResult] = []
    batches: dict[str, dict[Path, str]] = {"html": {}, "epub": {}}
    used: set[str] = set()
    for entry in _collect(paths):
        result, kind = _check(entry, format_hint, schemas)
        results.append(result)
        if kind in batches:
            batches[kind][Path(entry.path)] = entry.display
        used |= _schemas_used(result.format)
    notes = _run_batches(batches, {result.file: result for result in results})
    return Report([result.sorted() for result in results], _origins(schemas, used),
                  notes + _schema_notes(schemas, used), strict)


# ---------------------------------------------------------------- files


def _collect(paths: Iterable[str | os.PathLike[str]]) -> list[_Entry]:
    entries: list[_Entry] = []
    seen: set[str] = set()
    for given in paths:
        path = Path(given)
        if path.is_dir():
            found = _walk(str(path))
        elif path.is_file():
            found = iter([(_Entry(str(path), os.fspath(given), True),
                           os.path.realpath(path))])
        else:
            raise ConvertError("no such file or folder", source=os.fspath(given), code="io")
        for entry, real in found:
            if real not in seen:
                seen.add(real)
                entries.append(entry)
    return entries


def _walk(folder: str) -> Iterator[tuple[_Entry, str]]:
    """Every file below ``folder`` (hidden entries skipped, symbolic links to
    folders not followed), sorted by name at each level, with its real path.

    Names are joined as ``pathlib`` joins them (``.`` adds no prefix), and the
    real path is resolved once per folder: only a symbolic link to a file
    needs a look of its own.
    """
    real_folder = os.path.realpath(folder)
    try:
        with os.scandir(folder) as scan:
            found = sorted((entry.name, entry) for entry in scan
                           if not entry.name.startswith("."))
    except OSError:  # an unreadable folder is skipped, as os.walk does
        return
    prefix = "" if folder == "." else folder if folder.endswith("/") else folder + "/"
    files, folders = [], []
    for name, entry in found:
        if entry.is_dir():
            if not entry.is_symlink():
                folders.append(name)
        else:
            real = (os.path.realpath(entry.path) if entry.is_symlink()
                    else f"{real_folder.rstrip('/')}/{name}")
            files.append((_Entry(prefix + name, prefix + name, False), real))
    yield from files
    for name in folders:
        yield from _walk(prefix + name)


# ---------------------------------------------------------------- detection


def _kind(entry: _Entry, head: bytes) -> str:
    """``newsml``, ``json`` (canonical or ninjs: decided once parsed), ``html``,
    ``epub``, ``text`` or ``unknown``."""
    start = head.lstrip(b"\xef\xbb\xbf \t\r\n")
    for name in ("newsml", "html", "epub"):  # by content only: a .xml may be anything
        if formats.READER_NAMES[name].sniff(head):
            return name
    if formats.looks_html(head):  # another site's page: the Nu checker checks it too
        return "html"
    if start.startswith((b"{", b"[")):
        return "json"
    if start.startswith(b"<") or (b"\x00" in head and not head.startswith((b"\xff\xfe",
                                                                           b"\xfe\xff"))):
        return "unknown"
    text_extensions = formats.READER_NAMES["text"].extensions
    extension = os.path.splitext(entry.path)[1].lower()
    return "text" if entry.explicit or extension in text_extensions else "unknown"


def _check(entry: _Entry, hint: str | None,
           schemas: sources.SchemaSet) -> tuple[FileResult, str]:
    """The file's result (JVM-checked formats get their findings later) and its kind."""
    try:
        head, whole = _read(entry.path)
    except OSError as error:
        return _problem(entry, "unreadable", "error", "io", error.strerror or str(error)), "io"
    kind = {"ninjs": "json"}.get(hint, hint) if hint else _kind(entry, head)
    check = _CHECKS.get(kind)
    if check is None:
        return _unknown(entry, head), "unknown"
    return check(entry, head, whole, schemas, hint), kind


def _read(path: str) -> tuple[bytes, bytes | None]:
    """The file's first ``_HEAD_BYTES`` (for detection) and, when it is no
    bigger than ``_WHOLE_FILE``, all of it (None otherwise): one open, no
    buffering, at most two reads for a small file."""
    descriptor = os.open(path, os.O_RDONLY)
    try:
        size = os.fstat(descriptor).st_size
        limit = max(size + 1, _HEAD_BYTES) if size <= _WHOLE_FILE else _HEAD_BYTES
        chunks, length = [], 0
        while length < limit and (chunk := os.read(descriptor, limit - length)):
            chunks.append(chunk)
            length += len(chunk)
    finally:
        os.close(descriptor)
    data = b"".join(chunks)
    return data[:_HEAD_BYTES], (data if length < limit and size <= _WHOLE_FILE else None)


def _problem(entry: _Entry, format: str, severity: Severity, code: str,
             message: str) -> FileResult:
    return FileResult(entry.display, format,
                      [Finding(entry.display, None, None, severity, code, message, "detect")])


def _unknown(entry: _Entry, head: bytes) -> FileResult:
    root = formats.xml_root_name(head)
    what = f"XML whose root is <{root}>" if root else "content"
    return _problem(entry, "unknown", "error" if entry.explicit else "warning", "unknown-format",
                    f"{what} that is none of NewsML-G2, ninjs, canonical JSON, HTML, EPUB "
                    "or a plain-text article")


# ---------------------------------------------------------------- per format


def _check_newsml(entry: _Entry, head: bytes, whole: bytes | None,
                  schemas: sources.SchemaSet, hint: str | None) -> FileResult:
    from convert.validation.stream import NewsmlCheck

    check = NewsmlCheck(entry.path, entry.display, schemas)
    findings = check.run(head, whole)
    return FileResult(entry.display, f"newsml:{check.root_name}", findings,
                      [check.validator, "rules"])


def _check_json(entry: _Entry, head: bytes, whole: bytes | None,
                schemas: sources.SchemaSet, hint: str | None) -> FileResult:
    from convert.formats.jsonload import load_json
    from convert.validation import jsonschema

    try:
        if whole is None:
            with open(entry.path, "rb") as stream:
                whole = stream.read()
        text = whole.decode("utf-8-sig")
        data = load_json(text, entry.display)
    except UnicodeDecodeError as error:
        return _problem(entry, "json", "error", "encoding", f"not valid UTF-8: {error.reason}")
    except ConvertError as error:
        return FileResult(entry.display, "json", [Finding(
            entry.display, error.line, None, "error", error.code, error.message, "json")])
    canonical = hint == "json" or (hint is None and formats.READER_NAMES["json"].sniff(
        text[:_HEAD_BYTES].encode("utf-8")))
    if canonical:
        return FileResult(entry.display, "json", jsonschema.check_canonical(
            entry.display, text, data), ["jsonschema"])
    major = formats.ninjs_version(data) or ("3" if hint == "ninjs" else None)
    if major is None:
        return _problem(entry, "unknown", "error" if entry.explicit else "warning",
                        "unknown-format", "JSON that is neither ninjs (no ninjs keys such as "
                        "'uri') nor newsconvert canonical JSON")
    findings, validator = jsonschema.check_ninjs(entry.display, text, data, major, schemas)
    return FileResult(entry.display, f"ninjs-{jsonschema.NINJS_SCHEMA_FOR[major]}", findings,
                      [validator, "rules"])


def _check_html(entry: _Entry, head: bytes, whole: bytes | None,
                schemas: sources.SchemaSet, hint: str | None) -> FileResult:
    return FileResult(entry.display, "html", [], ["nu"])


def _check_epub(entry: _Entry, head: bytes, whole: bytes | None,
                schemas: sources.SchemaSet, hint: str | None) -> FileResult:
    from convert.validation import rules

    findings = [Finding(entry.display, hit.line, None, hit.severity, hit.code, hit.message,
                        "rules", part=hit.part) for hit in rules.epub_hits(Path(entry.path))]
    return FileResult(entry.display, "epub", findings, ["rules", "epubcheck"])


def _check_text(entry: _Entry, head: bytes, whole: bytes | None,
                schemas: sources.SchemaSet, hint: str | None) -> FileResult:
    from convert.validation import text

    return FileResult(entry.display, "text", text.check(Path(entry.path), entry.display),
                      ["text"])


_Check = Callable[[_Entry, bytes, "bytes | None", sources.SchemaSet, "str | None"], FileResult]
_CHECKS: dict[str, _Check] = {
    "newsml": _check_newsml, "json": _check_json, "html": _check_html, "epub": _check_epub,
    "text": _check_text,
}


# ---------------------------------------------------------------- JVM batches


def _run_batches(batches: dict[str, dict[Path, str]], results: dict[str, FileResult]) -> list[str]:
    """Run Nu and EPUBCheck (one JVM each, side by side); merge their findings."""
    if not any(batches.values()):
        return []
    from concurrent.futures import ThreadPoolExecutor

    from convert.validation import epubcheck, nu

    checkers = {"html": nu, "epub": epubcheck}
    notes = []
    runnable = {}
    for kind, files in batches.items():
        if not files:
            continue
        checker = checkers[kind]
        reason = checker.unavailable()
        if reason is None:
            runnable[kind] = files
            continue
        notes.append(reason)
        for display in files.values():
            results[display].validators.remove("nu" if kind == "html" else "epubcheck")
            results[display].findings.append(Finding(display, None, None, "warning",
                                                     "not-checked", reason, "detect"))
    with ThreadPoolExecutor(max_workers=2) as pool:
        futures = [pool.submit(checkers[kind].check, files)
                   for kind, files in runnable.items()]
        for future in futures:
            for finding in future.result():
                results[finding.file].findings.append(finding)
    return notes


# ---------------------------------------------------------------- schemas


def _schemas_used(format: str) -> set[str]:
    if format.startswith("newsml:"):
        return {"newsml-g2 2.35 xsd", "iptc catalog 41"}
    if format.startswith("ninjs-"):
        return {f"ninjs {format.removeprefix('ninjs-')}", "geojson"}
    if format == "json":
        return {"canonical document"}
    return set()


def _origins(schemas: sources.SchemaSet, used: set[str]) -> list[SchemaOrigin]:
    origins = [SchemaOrigin(name, located.origin if located else "built-in",
                            str(located.path) if located else None)
               for name, located in schemas.describe() if name in used]
    if "canonical document" in used:
        origins.append(SchemaOrigin("canonical document", "project",
                                    "schemas/document.schema.json"))
    return origins


def _schema_notes(schemas: sources.SchemaSet, used: set[str]) -> list[str]:
    missing = [name for name, located in schemas.describe() if name in used and not located]
    if not missing:
        return []
    return [f"official IPTC files not found: {', '.join(missing)}; the project's own "
            "structural checks ran where a schema was missing (pass --schema, set "
            "NEWSCONVERT_SCHEMAS or run `newsconvert schemas pull`)"]
