"""The library API used the way the README shows it.

``tests/test_typing.py`` type-checks this file with mypy (the project's strict
configuration) and then runs :func:`main`.  A ``# revealed:`` comment is the
type mypy must infer for the ``reveal_type`` on its line.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING, reveal_type

import convert
from convert import run


def read_and_write(article: Path, out: Path) -> convert.Document:
    """Read one article, write it in two formats, validate what was written."""
    doc = convert.read(article)
    xml = convert.write(doc, "newsml")
    ninjs = convert.write(doc, "ninjs", convert.WriteOptions(ninjs_version="2.2"))
    (out / "article.xml").write_bytes(xml)
    (out / "article.json").write_bytes(ninjs)
    report = convert.validate([out / "article.xml", str(out / "article.json")], strict=False)
    if not report.valid:
        raise SystemExit(f"{report.summary()}")
    again = convert.read(xml, format="newsml", options=convert.ReadOptions(source_name="xml"))
    if TYPE_CHECKING:
        reveal_type(doc)  # revealed: convert.model.Document
        reveal_type(xml)  # revealed: bytes
        reveal_type(report)  # revealed: convert.validation.results.Report
        reveal_type(report.files[0].findings[0].severity)  # revealed: Literal['error'] | Literal['warning'] | Literal['info']
        reveal_type(convert.read_all(xml))  # revealed: list[convert.model.Document]
        reveal_type(again.provenance.warnings)  # revealed: tuple[convert.model.ParseWarning, ...]
    return doc


def headline_or_error(data: bytes) -> str:
    """A bad input is a ConvertError that names the file and line."""
    try:
        doc = convert.read(data, format="json")
    except convert.ConvertError as error:
        return f"{error.source}:{error.line}: {error.code}"
    return doc.headline or "(no headline)"


def hand_built() -> convert.Document:
    """A document built from the model, and its body walked block by block."""
    body: tuple[convert.Block, ...] = (
        convert.Heading(("Lede",), 2),
        convert.Paragraph(("Plain and ", convert.Emphasis(("emphasised",)), " text, ",
                           convert.Link(("a link",), "https://example.org/"), ".")),
        convert.Quote(("We will see.",), "A spokesperson"),
        convert.Note(("Correction: a date was wrong.",), "correction"),
    )
    doc = convert.Document(id="urn:uuid:00000000-0000-4000-8000-000000000000",
                           headline="Hand-built", language="en",
                           bylines=(convert.Byline("A. Writer", "Correspondent"),),
                           dateline=convert.Dateline("LONDON", "Nov 28"), body=body)
    for block in doc.body:
        if isinstance(block, convert.Heading):
            if TYPE_CHECKING:
                reveal_type(block.level)  # revealed: int
        elif isinstance(block, convert.Note):
            if TYPE_CHECKING:
                reveal_type(block.kind)  # revealed: Literal['correction'] | Literal['editors-note'] | Literal['note']
    return doc


def run_batch(articles: list[str], out: Path) -> dict[str, int]:
    """The batch API of the README: a folder of outputs, then one book."""
    shown: list[str] = []
    report = run.convert_many(articles, to=["json", "html"], output_dir=out / "many",
                                jobs=1, skip_existing=True,
                                progress=lambda result, done, total: shown.append(result.status))
    report.write_json(out / "run.json")
    book = run.convert_into_one(articles, "epub", out / "archive.epub")
    if TYPE_CHECKING:
        reveal_type(report)  # revealed: convert.run.report.RunReport
        reveal_type(report.counts)  # revealed: dict[str, int]
        reveal_type(book.ok)  # revealed: bool
    if len(shown) != len(report.files) or not book.ok:
        raise SystemExit(f"progress saw {shown}, report has {report.summary_line()}")
    return report.counts


def main(articles: list[str], out: Path) -> None:
    """Every example above, on real files (the test calls this)."""
    doc = read_and_write(Path(articles[0]), out)
    assert doc.headline, "the sample article has a headline"
    assert headline_or_error(b"{not json") == "<bytes>:1: syntax"
    assert convert.write(hand_built(), "json").startswith(b"{")
    assert run_batch(articles, out)["converted"] == len(articles)


if __name__ == "__main__":
    main(sys.argv[2:], Path(sys.argv[1]))
