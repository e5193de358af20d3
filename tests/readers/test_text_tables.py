"""Tables in wire copy: one ``table`` block, written as a real table by every writer.

Checked with the real validators: the canonical JSON Schema, the official
ninjs schema, the IPTC NewsML-G2 XSD and the Nu checker on its XHTML body,
and EPUBCheck on the book; every format reads the table back.
"""

from __future__ import annotations

import json
import zipfile
from pathlib import Path

from convert import api
from convert.formats.docschema import document_errors
from convert.model import Document, Paragraph, Table, plain_text
from convert.options import ReadOptions
from convert.readers import text as text_reader
from convert.validation import epubcheck
from tests.support import ninjs as ninjs_schemas
from tests.support.newsml import nu_check, schema_errors, xhtml_bodies

EARNINGS = b"""Hallmann Werke third-quarter profit rises

FRANKFURT, Oct 6 (Reuters) - Hallmann Werke reported on Monday:

Qtr to Sept 30
Shr 28 cts vs 22 cts
Net 1.2 mln vs 900,000
Revs 12.3 mln vs 10.1 mln

The company said orders slowed in September.
"""

PRICES = b"""Grain prices close mixed in Chicago

CHICAGO, March 3 (Reuters) - Grain futures closed mixed on Tuesday.

Wheat      4.12    4.08
Corn       3.55    3.61
Soybeans   9.80   10.02

Traders said the weather in Brazil kept soybeans firm.
"""


def read(data: bytes) -> Document:
    return text_reader.read(data, ReadOptions(source_name="table.txt"))


def cells(table: Table) -> list[list[str]]:
    return [[plain_text(cell) for cell in row] for row in table.rows]


def test_vs_rows_are_one_table_with_a_label_row() -> None:
    doc = read(EARNINGS)
    assert [block.type for block in doc.body] == ["paragraph", "table", "paragraph"]
    table = doc.body[1]
    assert isinstance(table, Table)
    assert cells(table) == [["Qtr to Sept 30"], ["Shr", "28 cts", "22 cts"],
                            ["Net", "1.2 mln", "900,000"], ["Revs", "12.3 mln", "10.1 mln"]]


def test_space_aligned_columns_are_one_table() -> None:
    table = read(PRICES).body[1]
    assert isinstance(table, Table)
    assert cells(table) == [["Wheat", "4.12", "4.08"], ["Corn", "3.55", "3.61"],
                            ["Soybeans", "9.80", "10.02"]]


def test_prose_and_fixture_lists_are_not_tables() -> None:
    doc = read(b"Cup draw\n\nThe draw was made on Monday.\n\nArsenal v Stoke\nChelsea v Leeds\n")
    assert all(isinstance(block, Paragraph) for block in doc.body)


def test_canonical_json_has_the_table_validates_and_round_trips() -> None:
    doc = read(EARNINGS)
    data = api.write(doc, "json")
    parsed = json.loads(data)
    assert [b["type"] for b in parsed["body"]] == ["paragraph", "table", "paragraph"]
    assert list(document_errors(parsed)) == []
    assert api.read(data, "json").body == doc.body


def test_ninjs_body_html_holds_a_table_and_validates() -> None:
    data = json.loads(api.write(read(EARNINGS), "ninjs"))
    assert ninjs_schemas.errors(data, "3.1") == []
    html = data["body_html"] if "body_html" in data else json.dumps(data)
    assert "<table>" in html and "<td>28 cts</td>" in html


def test_newsml_xhtml_body_holds_a_table_and_validates(tmp_path: Path) -> None:
    doc = read(PRICES)
    xml = api.write(doc, "newsml")
    assert schema_errors(xml) == []
    bodies = xhtml_bodies(xml)
    assert b"<table>" in bodies[0] and b"<td>Soybeans</td>" in bodies[0]
    assert nu_check({"prices": bodies[0]}, tmp_path) == {"prices": []}
    assert api.read(xml, "newsml").body == doc.body


def test_html_page_and_epub_hold_a_real_table(tmp_path: Path) -> None:
    doc = read(EARNINGS)
    page = api.write(doc, "html")
    assert b"<td>Shr</td>" in page
    assert api.read(page, "html").body == doc.body
    book = tmp_path / "earnings.epub"
    book.write_bytes(api.write(doc, "epub"))
    with zipfile.ZipFile(book) as archive:
        chapters = [archive.read(name) for name in archive.namelist()
                    if name.endswith(".xhtml") and b"<table>" in archive.read(name)]
    assert chapters, "no chapter holds the table"
    assert epubcheck.unavailable() is None, epubcheck.unavailable()
    findings = epubcheck.check({book: book.name}, usage=True)
    assert findings == [], [str(finding) for finding in findings]


def test_a_table_ends_the_header_zone_so_the_lines_above_stay_body() -> None:
    doc = read(EARNINGS)
    assert doc.provenance.dropped == ()
    assert doc.dateline is not None and doc.dateline.place == "FRANKFURT"
