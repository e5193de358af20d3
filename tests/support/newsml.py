"""Real validators for NewsML-G2 output, shared by the NewsML-G2 reader and writer tests.

* the official IPTC 2.35 Power XSD, read from ``../shared`` and compiled once;
* the Nu HTML checker (``node_modules/vnu-jar``) for the XHTML inside
  ``inlineXML``, run once over many files (one JVM).
"""

from __future__ import annotations

import functools
import json
import re
import shutil
import subprocess
from pathlib import Path

from dataclasses import replace

import pytest
from lxml import etree

from convert.model import (
    Byline, Dateline, Document, Emphasis, Figure, Heading, Link, ListBlock, Note, Paragraph, Quote,
    Strong,
)
from tests.support import factories
from tests.conftest import ROOT, STANDARDS

NEWSML_XSD = STANDARDS / "newsml-g2" / "NewsML-G2_2.35-spec-All-Power.xsd"
EXAMPLES = STANDARDS / "newsml-g2" / "examples"
VNU_JAR = ROOT / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"
NAR = "http://iptc.org/std/nar/2006-10-01/"
XHTML = "http://www.w3.org/1999/xhtml"
NS = {"n": NAR, "x": XHTML}


def safe_parser() -> etree.XMLParser:
    return etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False)


@functools.cache
def newsml_schema() -> etree.XMLSchema:
    return etree.XMLSchema(etree.parse(str(NEWSML_XSD), safe_parser()))


def schema_errors(xml: bytes) -> list[str]:
    """Every message of the official XSD about ``xml`` (empty when valid)."""
    schema = newsml_schema()
    if schema.validate(etree.fromstring(xml, safe_parser())):
        return []
    return [f"{error.line}: {error.message}" for error in schema.error_log]



def official_examples() -> list[Path]:
    return sorted(EXAMPLES.rglob("*.xml"))


def xhtml_bodies(xml: bytes) -> list[bytes]:
    """Each ``inlineXML`` XHTML body, byte for byte as written, as a standalone document.

    Also checks the shape the issue asks for: exactly one element child, an
    ``<html>`` in the XHTML namespace, with ``<head><title>`` not empty.
    """
    root = etree.fromstring(xml, safe_parser())
    bodies = []
    for inline in root.iterfind(".//n:inlineXML", NS):
        children = [child for child in inline if isinstance(child.tag, str)]
        assert len(children) == 1, "inlineXML must hold exactly one element"
        html = children[0]
        assert html.tag == f"{{{XHTML}}}html"
        title = html.find("x:head/x:title", NS)
        assert title is not None and (title.text or "").strip(), "head/title missing or empty"
        bodies.append(html)
    written = re.findall(rb"<html xmlns=\"http://www.w3.org/1999/xhtml\".*?</html>", xml, re.S)
    assert len(written) == len(bodies)
    return [b'<?xml version="1.0" encoding="UTF-8"?>\n' + html for html in written]


def nu_check(documents: dict[str, bytes], folder: Path) -> dict[str, list[str]]:
    """Nu checker errors for each XHTML document (by name), all checked in one JVM run."""
    java = shutil.which("java")
    if java is None or not VNU_JAR.exists():
        pytest.skip("the Nu checker needs java and node_modules/vnu-jar (run npm ci)")
    names = {}
    for index, (name, data) in enumerate(sorted(documents.items())):
        (folder / f"{index:04d}.xhtml").write_bytes(data)
        names[f"{index:04d}.xhtml"] = name
    run = subprocess.run([java, "-jar", str(VNU_JAR), "--format", "json", "--errors-only",
                          *[str(folder / file) for file in names]],
                         capture_output=True, text=True, timeout=600)
    report = json.loads(run.stderr or run.stdout)
    errors: dict[str, list[str]] = {name: [] for name in documents}
    for message in report["messages"]:
        name = names[message["url"].rsplit("/", 1)[-1]]
        errors[name].append(f"{message.get('lastLine')}: {message['message']}")
    return errors


def edge_documents() -> dict[str, Document]:
    """Documents beyond tests/factories.py: every optional shape the mapping must keep."""
    full = factories.FULL
    return {
        "byline-roles": replace(full, bylines=(Byline("Fiona Baird", "Staff Reporter"),
                                               Byline("Callum Reid", "additional reporting"))),
        "date-only-published": replace(full, published="2014-10-06", updated=None),
        "no-offset": replace(full, published="2019-03-05T10:21:35", updated=None),
        "zulu-fraction": replace(full, published="2019-03-05T10:21:35.250Z",
                                 updated="2019-03-06T08:00:00-05:00"),
        "no-dates": replace(full, published=None, updated=None),
        "place-only": replace(full, dateline=Dateline("CAIRO", None)),
        "date-text-only": replace(full, dateline=Dateline(None, "Oct 6")),
        "empty-dateline": replace(full, dateline=Dateline(None, None)),
        "place-in-date-text": replace(full, dateline=Dateline("PARIS", "PARIS, Oct 6")),
        "extra-pairs": replace(full, extra=(("a b/c?d", "x & <y>"), ("section", "Local news"),
                                            ("tabs", "one\ttwo\nthree"), ("ünïcode", "ok"))),
        "all-blocks": replace(full, version=7, body=(
            *(Heading((f"level {level}",), level) for level in range(2, 7)),  # the model's levels
            Paragraph(("  two  spaces, leading and trailing  ",)),
            Paragraph((Emphasis(("start ", Strong(("nested", Link(("deep",), "https://e.org/x")))
                                 )), " end")),
            Quote(("No attribution here.",)),
            Figure(("A photo with a source.",), "AP Photo/Jane Doe", "https://e.org/p.jpg"),
            Figure(("A caption alone.",)),
            Note(("A plain note.",), "note"),
            ListBlock((("one",), (Link(("two",), "https://e.org/2"),)), ordered=True),
        )),
        "empty-body": replace(full, body=()),
        "no-language": replace(full, language=None, headline=None, slugline=None),
    }
