"""Documents for the HTML writer and reader tests, beyond ``tests/factories.py``.

RICH fills what FULL leaves empty (byline roles, extra pairs, image sources,
every heading level and note kind, text not in Unicode NFC in metadata),
HOSTILE puts markup, ``</script>`` and ``javascript:`` URLs everywhere, and
OUTLINE has headings that skip levels and a table with rows of unequal widths
(the shapes HTML checkers object to unless the writer renumbers and spans them).
"""

from __future__ import annotations

from dataclasses import replace

from convert.model import (
    Byline, Dateline, Emphasis, Figure, Heading, Link, ListBlock, Note, Paragraph, Quote, Strong,
    Table,
)
from tests.support.factories import FULL

RICH = replace(
    FULL,
    slugline="Cafe\u0301-SLUG", summary="Re\u0301sume\u0301 of the story.",
    bylines=(Byline("Fiona Baird", "reporter"), Byline("Callum Reid", "photographer"),
             Byline("Zoe\u0308 Smith")),
    dateline=Dateline(None, "Nov 28"), source="PA Media", url="https://example.org/a?b=1&c=2",
    extra=(("itemMeta/urgency", "4"), ("note", "a < b & \"c\"")),
    body=FULL.body + (
        Heading(("Level ", Emphasis(("three",))), 3),
        Heading(("Level four",), 4), Heading(("Level five",), 5), Heading(("Level six",), 6),
        Quote(("Unattributed words.",)),
        Figure(("Deck at ", Strong(("dusk",)), "."), "PA", "https://example.org/deck.jpg"),
        Figure(("No credit, relative image.",), None, "images/deck%20view.png"),
        Note(("A plain note.",), "note"),
        Paragraph((Emphasis((Strong(("nested ", Link(("link",), "/relative#part"))),)), " ",
                   Strong(("after a space",)), "  two spaces\nand a newline\t tab.")),
        ListBlock(((Link(("mail",), "mailto:desk@example.org"), " us"), ("é",)), ordered=True),
    ),
)

SCRIPT = "<script>alert(1)</script>"
BREAKOUT = "</script><script>alert(2)</script><!--"

HOSTILE = replace(
    FULL,
    headline=f"</title>{SCRIPT}",
    subheadline=BREAKOUT, summary=BREAKOUT, source='"><script>alert(3)</script>',
    copyright="</style><script>alert(4)</script>", slugline=BREAKOUT,
    url="javascript:alert(5)",
    bylines=(Byline(BREAKOUT, SCRIPT),), dateline=Dateline(SCRIPT, BREAKOUT),
    keywords=(BREAKOUT, "<!--"), extra=(("x", BREAKOUT),),
    body=(
        Paragraph((SCRIPT + " ", Link(("click",), "javascript:alert(6)"), " ",
                   Link(("tab",), " JaVa\tScRiPt:alert(7)"), " ",
                   Link(("data",), "data:text/html,<script>alert(8)</script>"), " ",
                   Link(("vb",), "vbscript:msgbox(9)"))),
        Quote((BREAKOUT,), SCRIPT),
        Figure((SCRIPT,), BREAKOUT, "javascript:alert(10)"),
        Note(('<img src=x onerror="alert(11)">',), "correction"),
    ),
)

OUTLINE = replace(
    FULL,
    body=(
        Heading(("Results",), 4), Paragraph(("Friday's games.",)),
        Heading(("Late game",), 5), Heading(("Table",), 4),
        Table(((("Friday, 4 October",),),
               (("Augsburg",), ("-",), ("Gladbach",), ("2:1",)),
               (("Leverkusen",), ("-",), ("Kiel, ", Emphasis(("away",))),))),
        Heading(("Reactions",), 2), Heading(("Deep",), 6), Heading(("Coaches",), 3),
    ),
)

ALL = {"rich": RICH, "hostile": HOSTILE, "outline": OUTLINE}
