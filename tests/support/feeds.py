"""Build NewsML-G2 test inputs from the official examples (at test time, never committed)."""

from __future__ import annotations

from pathlib import Path

from lxml import etree

from tests.conftest import STANDARDS

NAR = "{http://iptc.org/std/nar/2006-10-01/}"
EXAMPLES = STANDARDS / "newsml-g2" / "examples"
#: A complete, valid newsItem with an XHTML body and the IPTC catalog.
ITEM_TEMPLATE = EXAMPLES / "unit_test_files" / "2.26" / "should_pass" / "CR00201_charcount.xml"


def item_text(guid: str, version_created: str | None = None,
              template: Path = ITEM_TEMPLATE) -> str:
    """The template item with another guid (and versionCreated), serialised
    with each start tag on one line."""
    root = etree.parse(str(template)).getroot()
    root.set("guid", guid)
    if version_created is not None:
        root.find(f"{NAR}itemMeta/{NAR}versionCreated").text = version_created
    return etree.tostring(root, encoding="unicode")


def line_of(text: str, marker: str, first_line: int) -> int:
    """The line of ``marker`` in ``text`` when ``text`` starts on ``first_line``."""
    return first_line + text[:text.index(marker)].count("\n")


HEADER = ('<?xml version="1.0" encoding="UTF-8"?>\n'
          '<newsMessage xmlns="http://iptc.org/std/nar/2006-10-01/">\n'
          '<header><sent>2024-01-01T00:00:00Z</sent></header>\n'
          '<itemSet>\n')
FOOTER = "</itemSet>\n</newsMessage>\n"


def write_feed(path: Path, items: int, bad: dict[int, str]) -> dict[int, int]:
    """A newsMessage of ``items`` copies of the template item.

    ``bad`` maps an item index to ``"date"`` (versionCreated not a date-time)
    or ``"duplicate"`` (the guid of item 0).  Returns, for each bad item, the
    line the error must be reported on.
    """
    expected: dict[int, int] = {}
    line = HEADER.count("\n") + 1
    good = item_text("urn:test:item-GUID")
    with open(path, "w", encoding="utf-8") as stream:
        stream.write(HEADER)
        for index in range(items):
            if bad.get(index) == "date":
                text = item_text(f"urn:test:item-{index}", version_created="yesterday")
                expected[index] = line_of(text, "<versionCreated>", line)
            elif bad.get(index) == "duplicate":
                text = good.replace("GUID", "0")
                expected[index] = line
            else:
                text = good.replace("GUID", str(index))
            stream.write(text + "\n")
            line += text.count("\n") + 1
        stream.write(FOOTER)
    return expected
