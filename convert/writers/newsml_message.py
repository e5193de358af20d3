"""IPTC NewsML-G2 2.35 newsMessage writer: many documents in one feed.

Each document becomes the same ``<newsItem>`` the ``newsml`` writer makes
(:func:`convert.writers.newsml.build_item`), inside ``<itemSet>``.  The
header's ``sent`` is SOURCE_DATE_EPOCH when set, else the fixed
1970-01-01T00:00:00Z (marked ``howuri=".../how/not-in-source"``), so the same
inputs always give the same bytes; run with ``SOURCE_DATE_EPOCH=$(date +%s)``
to stamp the real time.
"""

from __future__ import annotations

from convert.errors import ConvertError
from convert.model import Document
from convert.options import WriteOptions
from convert.formats.newsml import build_timestamp, nar
from convert.writers.newsml import build_item, serialize


def write(docs: list[Document], options: WriteOptions) -> bytes:
    if not docs:
        raise ConvertError("a newsMessage needs at least one document", code="usage")
    sent, marker = build_timestamp()
    header = nar("header")
    header.append(nar("sent", sent, howuri=marker))
    item_set = nar("itemSet")
    item_set.extend(build_item(doc) for doc in docs)
    message = nar("newsMessage")
    message.extend([header, item_set])
    return serialize(message)
