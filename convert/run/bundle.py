"""``newsconvert bundle``: many inputs -> one EPUB book, by the batch rule.

Inputs expand as for ``convert`` (files, folders, ``@list`` files, ``-``) and
are read one file at a time, each file's documents handed to the EPUB writer
as a stream, so a large bundle never holds every parsed article at once.

A bad input is reported (``file:line: message``) and left out; the book
holds the others and the run's report counts the failure (the command exits
1).  With ``fail_fast`` the first bad input stops the run and no book is
written.  Nothing is written either when no input could be read.

Sections can come from the input paths: ``group_by`` given as a pattern such
as ``{parent}`` or ``{stem:split(-)[0]}`` (see :func:`path_section`).
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from convert import files
from convert.errors import ConvertError
from convert.options import WriteOptions
from convert.run.executors import convert_task
from convert.run.plan import Job, Source, Task, expand_inputs
from convert.run.report import InputResult, ProgressCallback, RunReport

if TYPE_CHECKING:
    from convert.writers.epub import BookArticle

#: ``{field}`` or ``{field:split(SEPARATOR)[INDEX]}``.
_FIELD = re.compile(r"\{(?P<field>[a-z]+)(?::split\((?P<sep>[^()]*)\)\[(?P<index>-?\d+)\])?\}")
PATH_FIELDS = ("parent", "stem", "name", "ext", "folder")


def _fields(source: Source) -> dict[str, str]:
    path = "stdin" if source.name == "-" else source.name
    folder = os.path.dirname(os.path.normpath(path))
    name = os.path.basename(path)
    stem, ext = os.path.splitext(name)
    return {"parent": os.path.basename(folder), "stem": stem, "name": name,
            "ext": ext.lstrip("."), "folder": folder}


def check_path_pattern(pattern: str) -> None:
    """Refuse a pattern with an unknown field or a brace that is not a field."""
    rest = _FIELD.sub("", pattern)
    if "{" in rest or "}" in rest:
        raise ConvertError(f"--group-by {pattern!r}: write fields as {{parent}} or "
                           "{stem:split(-)[0]}", code="usage")
    for match in _FIELD.finditer(pattern):
        if match.group("field") not in PATH_FIELDS:
            raise ConvertError(f"--group-by {pattern!r}: unknown field "
                               f"{{{match.group('field')}}}; known: "
                               + ", ".join(f"{{{name}}}" for name in PATH_FIELDS), code="usage")
        if match.group("sep") == "":
            raise ConvertError(f"--group-by {pattern!r}: split() needs a separator",
                               code="usage")


def path_section(pattern: str, source: Source) -> str:
    """The section ``pattern`` names for ``source``.

    Fields: ``{parent}`` (the folder the file is in), ``{stem}`` (the file name
    without its extension), ``{name}``, ``{ext}``, ``{folder}`` (the whole folder
    path as given).  ``{stem:split(-)[0]}`` splits a field at ``-`` and takes a
    part (from 0; -1 is the last); a part that is not there gives ``""``, and
    articles whose section is empty are listed last, under "Other".
    """
    values = _fields(source)

    def field(match: re.Match[str]) -> str:
        value = values[match.group("field")]
        if match.group("sep") is None:
            return value
        parts = value.split(match.group("sep"))
        index = int(match.group("index"))
        return parts[index] if -len(parts) <= index < len(parts) else ""

    return _FIELD.sub(field, pattern).strip()


class _Stopped(Exception):
    """``fail_fast``: a bad input ends the run before the book is written."""


@dataclass
class _Bundle:
    inputs: Sequence[str]
    options: WriteOptions
    input_format: str | None
    fail_fast: bool
    progress: ProgressCallback | None
    report: RunReport

    def articles(self) -> Iterator[BookArticle]:
        from convert.writers.epub import BookArticle, is_path_pattern

        pattern = self.options.group_by if is_path_pattern(self.options.group_by) else None
        sources = expand_inputs(self.inputs, self.input_format)
        job = Job(("epub",), self.input_format, self.options, collect=True)
        for index, source in enumerate(sources):
            outcome = convert_task(Task(index, source, ()), job)
            self.report.files.append(outcome.result)
            if self.progress is not None:
                self.progress(outcome.result, index + 1, len(sources))
            if outcome.result.status == "failed" and self.fail_fast:
                raise _Stopped
            section = path_section(pattern, source) if pattern is not None else None
            for doc in outcome.documents:
                yield BookArticle(doc, section)


def bundle(inputs: Sequence[str], output: str, options: WriteOptions,
           input_format: str | None = None, *, fail_fast: bool = False,
           progress: ProgressCallback | None = None) -> RunReport:
    """Write the EPUB of every readable input to ``output`` (atomically: all or nothing).

    Returns the run's report (bad inputs are in it, not raised); raises
    :class:`ConvertError` for a bad request (options, no input at all).
    """
    from convert.writers import epub

    if epub.is_path_pattern(options.group_by):
        check_path_pattern(options.group_by)
    report = RunReport(("epub",), output)
    run = _Bundle(inputs, options, input_format, fail_fast, progress, report)
    try:
        data = epub.write(run.articles(), options)
    except _Stopped:
        return report
    except ConvertError as error:
        if error.code == "usage" and report.files and report.count("failed") == len(report.files):
            return report  # every input failed: each is reported, there is no book
        raise
    files.write_atomic(output, data)
    report.files = [result if result.status == "failed"
                    else InputResult(result.source, result.status, (output,), result.warnings)
                    for result in report.files]
    return report
