"""Hand-built documents that exercise every field of the model.

Writers and round-trip tests use these in addition to the parsed corpus, so a
field the parser rarely fills is still covered.
"""

from __future__ import annotations

from convert.model import (
    Byline, Dateline, Document, Emphasis, Figure, Heading, Link, ListBlock, Note, Paragraph,
    Provenance, Quote, Strong, body_text, content_id,
)


def _with_id(doc: Document) -> Document:
    from dataclasses import replace

    return replace(doc, id=content_id(doc.headline, body_text(doc.body)))


FULL = _with_id(Document(
    id="",
    version=2, language="en-GB", headline="Dundee footbridge to open <soon> & \"safely\"",
    subheadline="Test crossings begin next week", slugline="BRIDGE-DUNDEE",
    bylines=(Byline("Fiona Baird"), Byline("Callum Reid")),
    dateline=Dateline("DUNDEE", "Nov 28"), published="2022-11-28T09:30:00+00:00",
    updated="2022-11-29", source="PA", copyright="© 2022 PA Media", url="https://example.org/a",
    keywords=("transport", "walking"), summary="A new footbridge opens in spring.",
    body=(
        Paragraph(("Plain ", Emphasis(("emphasis",)), " and ", Strong(("strong",)), " with a ",
                   Link(("link",), "https://example.org/more?a=1&b=2"),
                   " and <script>alert(1)</script> ]]> shown as text.")),
        Heading(("What happens next",), 2),
        Quote(("We know people have been watching this go up.",), "A council spokesperson"),
        ListBlock((("live vehicle positions",), ("free bikes",)), ordered=False),
        ListBlock((("first",), ("second",)), ordered=True),
        Figure(("File Photo: the bridge deck rotates.",), "Reuters"),
        Note(("Correction: an earlier version gave the wrong length.",), "correction"),
        Note(("Editor's note: this story has been updated.",), "editors-note"),
        Paragraph(("Emoji 🐝 and combining e\u0301 stay as they are.",)),
    ),
    provenance=Provenance("text", "utf-8"),
))

ARABIC = _with_id(Document(
    id="", language="ar", headline="مترو القاهرة يمدد ساعات التشغيل",
    bylines=(Byline("أحمد علي"),), dateline=Dateline("القاهرة", None), published="2023-03-01",
    source="رويترز",
    body=(Paragraph(("قالت الهيئة القومية للأنفاق إن المترو سيعمل حتى الساعة الواحدة صباحا.",)),
          Paragraph(("وأضافت أن القرار يبدأ الأسبوع المقبل.",))),
    provenance=Provenance("text", "utf-8"),
))

CHINESE = _with_id(Document(
    id="", language="zh", headline="北京今年将新建改造100公里自行车道",
    bylines=(Byline("王晓明"), Byline("李华")), dateline=Dateline("北京", "3月5日"),
    published="2019-03-05T10:21:35", source="新华社",
    body=(Paragraph(("记者5日从北京市交通委员会获悉，今年北京将新建和改造自行车专用道100公里。",)),),
    provenance=Provenance("text", "utf-8"),
))

MINIMAL = _with_id(Document(id="", headline=None, body=(Paragraph(("Only a body.",)),)))

ALL = {"full": FULL, "arabic": ARABIC, "chinese": CHINESE, "minimal": MINIMAL}
