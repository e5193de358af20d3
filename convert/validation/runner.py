"""``validate_paths``: find the files, detect each one's format by content,
run the validators for it, and gather one :class:`Report`.

Per-file checks (XSD, JSON Schema, text lint, our rules) run as each file is
met; the JVM-based checkers (Nu for HTML, EPUBCheck for EPUB) then run once
each over all their files, side by side.
"""

from __future__ import annotations

import functools
import os
import stat
import time
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

from convert import files, formats
from convert.errors import ConvertError
from convert.formats import sniff
from convert.formats.sniff import HEAD_BYTES
from convert.validation import sources
from convert.validation.checks import Entry as _Entry
from convert.validation.checks import problem as _problem
from convert.validation.results import FileResult, Finding, Report, SchemaOrigin

#: Files up to this size are read whole, once, and parsed from memory; larger
#: ones are read again by their validator (NewsML-G2 streams them).
_WHOLE_FILE = 16 * 2**20


def validate_paths(paths: Iterable[str | os.PathLike[str]], *, format_hint: str | None = None,
                   schema: str | None = None, strict: bool = False,
                   require_official: bool = False, ignore_unknown: bool = False,
                   selection: files.Selection = files.Selection(), jobs: int = 1) -> Report:
    """Validate every file in ``paths`` (folders are walked, hidden entries
    skipped).  ``format_hint`` forces a reader name (``newsml``, ``ninjs``,
    ``json``, ``html``, ``epub``, ``text``) instead of detection; ``schema``
    is ``--schema``; ``strict`` makes warnings fail too; ``require_official``
    makes a file whose official schema is missing invalid (``--strict`` and CI
    runs ask for it: a verdict must not silently depend on what is
    installed).  Files found by walking a folder that are not news files are
    skipped with a note; ``ignore_unknown`` treats named files the same way.
    ``selection``'s globs choose among the files a folder walk finds.
    ``jobs`` worker processes share the per-file checks (at most one per CPU
    and per file; the JVM checkers run once each, as always).

    Raises :class:`ConvertError` (``code="usage"`` or ``"io"``) when a path
    does not exist or an option is wrong: the CLI's exit code 2.
    """
    if format_hint is not None:
        formats.reader(format_hint)
    schemas = sources.locate(schema)
    results: list[FileResult] = []
    batches: dict[str, dict[Path, str]] = {"html": {}, "epub": {}}
    used: set[str] = set()
    skipped: list[str] = []
    entries = [entry._replace(explicit=False) if ignore_unknown else entry
               for entry in _collect(paths, selection)]
    for entry, (result, kind) in zip(entries, _checked(entries, format_hint, schemas, jobs)):
        if result.format == "unknown" and not entry.explicit:
            skipped.append(entry.display)
            continue
        results.append(result)
        if kind in batches and _JVM_CHECKER[kind] in result.validators:
            batches[kind][Path(entry.path)] = entry.display
        used |= _schemas_used(result.format)
    notes = _run_batches(batches, {result.file: result for result in results})
    if require_official:
        _require_official(results, schemas)
    notes += [f"skipped {name}: not a news file" for name in skipped]
    return Report([result.sorted() for result in results], _origins(schemas, used),
                  notes + _schema_notes(schemas, used), strict)


def _checked(entries: list[_Entry], hint: str | None, schemas: sources.SchemaSet,
             jobs: int) -> Iterator[tuple[FileResult, str]]:
    """Each entry's result and kind, in order: here, or in worker processes."""
    workers = min(jobs, os.cpu_count() or 1, len(entries))
    if workers <= 1:
        yield from _check_all(entries, hint, schemas)
        return
    from concurrent.futures import ProcessPoolExecutor

    size = max(1, len(entries) // (workers * 4))
    chunks = [entries[start:start + size] for start in range(0, len(entries), size)]
    with ProcessPoolExecutor(workers) as pool:
        for results in pool.map(_check_all, chunks, [hint] * len(chunks),
                                [schemas] * len(chunks)):
            yield from results


def _check_all(entries: list[_Entry], hint: str | None,
               schemas: sources.SchemaSet) -> list[tuple[FileResult, str]]:
    checked = []
    for entry in entries:
        started = time.perf_counter()
        result, kind = _check(entry, hint, schemas)
        result.seconds = time.perf_counter() - started
        checked.append((result, kind))
    return checked


# ---------------------------------------------------------------- files


def _collect(paths: Iterable[str | os.PathLike[str]],
             selection: files.Selection) -> list[_Entry]:
    entries: list[_Entry] = []
    seen: set[str] = set()
    for given in paths:
        path = Path(given)
        found: Iterator[tuple[_Entry, str]]
        if path.is_dir():
            # A file a glob includes counts as named: it is checked whatever it is.
            found = ((_Entry(file.path, files.display_name(file.path), chosen is True),
                      file.real)
                     for file in files.walk(str(path))
                     if (chosen := selection.chooses(file.relative)) is not False)
        elif path.is_file():
            found = iter([(_Entry(str(path), files.display_name(os.fspath(given)), True),
                           os.path.realpath(path))])
        else:
            raise ConvertError("no such file or folder", source=os.fspath(given), code="io")
        for entry, real in found:
            if real not in seen:
                seen.add(real)
                entries.append(entry)
    return entries


# ---------------------------------------------------------------- detection


def _check(entry: _Entry, hint: str | None,
           schemas: sources.SchemaSet) -> tuple[FileResult, str]:
    """The file's result (JVM-checked formats get their findings later) and its kind."""
    try:
        head, whole = _read(entry.path)
    except _NotRegular:
        return _problem(entry, "unreadable", "error" if entry.explicit else "warning",
                        "not-regular", f"{files.NOT_REGULAR}: skipped"), "io"
    except OSError as error:
        return _problem(entry, "unreadable", "error", "io", error.strerror or str(error)), "io"
    spec = formats.reader(hint) if hint else sniff.classify(head, entry.path, entry.explicit)
    if spec is None:
        return _unknown(entry, head), "unknown"
    check = _validation_check(spec)
    if check is None:
        return _problem(entry, spec.name, "warning", "not-checked",
                        f"{spec.description}: newsconvert has no validator for it"), spec.name
    result: FileResult = check(entry, head, whole, schemas, hint)
    return result, result.format  # another site's page (webpage) is checked as HTML too


@functools.cache
def _validation_check(spec: formats.ReaderSpec) -> Callable[..., FileResult] | None:
    """The row's check, looked up once per run rather than once per file."""
    return spec.validation_check()


class _NotRegular(Exception):
    """A FIFO, device or socket (or a link to one): never read."""


def _read(path: str) -> tuple[bytes, bytes | None]:
    """The file's first ``HEAD_BYTES`` (for detection) and, when it is no
    bigger than ``_WHOLE_FILE``, all of it (None otherwise): one open, no
    buffering, at most two reads for a small file."""
    # O_NONBLOCK: opening a FIFO must not wait for a writer (regular files ignore it)
    descriptor = os.open(path, os.O_RDONLY | os.O_NONBLOCK)
    try:
        status = os.fstat(descriptor)
        if not stat.S_ISREG(status.st_mode):
            raise _NotRegular(path)
        size = status.st_size
        limit = max(size + 1, HEAD_BYTES) if size <= _WHOLE_FILE else HEAD_BYTES
        chunks, length = [], 0
        while length < limit and (chunk := os.read(descriptor, limit - length)):
            chunks.append(chunk)
            length += len(chunk)
    finally:
        os.close(descriptor)
    data = b"".join(chunks)
    return data[:HEAD_BYTES], (data if length < limit and size <= _WHOLE_FILE else None)


def _unknown(entry: _Entry, head: bytes) -> FileResult:
    root = formats.xml_root_name(head)
    what = f"XML whose root is <{root}>" if root else "content"
    return _problem(entry, "unknown", "error" if entry.explicit else "warning", "unknown-format",
                    f"{what} that is none of NewsML-G2, ninjs, canonical JSON, HTML, EPUB "
                    "or a plain-text article")


# ---------------------------------------------------------------- JVM batches

#: The validator name of the JVM checker each batched kind gets.
_JVM_CHECKER = {"html": "nu", "epub": "epubcheck"}


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
            results[display].validators.remove(_JVM_CHECKER[kind])
            results[display].findings.append(Finding(display, None, None, "warning",
                                                     "not-checked", reason, "detect"))

    def timed(kind: str, files: dict[Path, str]) -> list[Finding]:
        started = time.perf_counter()
        findings: list[Finding] = checkers[kind].check(files)
        share = (time.perf_counter() - started) / len(files)
        for display in files.values():
            results[display].seconds += share
        return findings

    with ThreadPoolExecutor(max_workers=2) as pool:
        futures = [pool.submit(timed, kind, files) for kind, files in runnable.items()]
        for future in futures:
            for finding in future.result():
                results[finding.file].findings.append(finding)
    return notes


# ---------------------------------------------------------------- schemas


@functools.lru_cache(maxsize=32)  # a run meets a few formats, once per file each
def _schemas_used(format: str) -> frozenset[str]:
    if format.startswith("newsml:"):
        return frozenset({"newsml-g2 2.35 xsd", "iptc catalog 41"})
    if format.startswith("ninjs-"):
        return frozenset({f"ninjs {format.removeprefix('ninjs-')}", "geojson"})
    if format == "json":
        return frozenset({"canonical document"})
    return frozenset()


def _origins(schemas: sources.SchemaSet, used: set[str]) -> list[SchemaOrigin]:
    origins = [SchemaOrigin(name, located.origin if located else "built-in",
                            str(located.path) if located else None)
               for name, located in schemas.describe() if name in used]
    if "canonical document" in used:
        origins.append(SchemaOrigin("canonical document", "project",
                                    "schemas/document.schema.json"))
    return origins


def _require_official(results: list[FileResult], schemas: sources.SchemaSet) -> None:
    """An error on every file whose format's official schema was not found."""
    missing = {name for name, located in schemas.describe() if not located}
    for result in results:
        absent = sorted(name for name in _schemas_used(result.format) & missing
                        if name != "iptc catalog 41")
        if absent:
            result.findings.append(Finding(
                result.file, None, None, "error", "missing-schema",
                f"official schema not found: {', '.join(absent)} (run `newsconvert schemas "
                "pull`, or pass --schema or NEWSCONVERT_SCHEMAS; see `newsconvert schemas "
                "path`)", "detect"))


def _schema_notes(schemas: sources.SchemaSet, used: set[str]) -> list[str]:
    missing = [name for name, located in schemas.describe() if name in used and not located]
    if not missing:
        return []
    return [f"official IPTC files not found: {', '.join(missing)}; the project's own "
            "structural checks ran where a schema was missing (pass --schema, set "
            "NEWSCONVERT_SCHEMAS or run `newsconvert schemas pull`)"]
