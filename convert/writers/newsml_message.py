"""IPTC NewsML-G2 2.35 newsMessage writer: many documents in one feed.

Each document becomes the same ``<newsItem>`` the ``newsml`` writer makes
(:func:`convert.writers.newsml.build_item`), inside ``<itemSet>``.  The
header's ``sent`` is the time the message is made: SOURCE_DATE_EPOCH when set
(so the same inputs give the same bytes), else now.
"""

from __future__ import annotations

from convert.errors import ConvertError
from convert.model import Document
from convert.options import WriteOptions
from convert.formats.dates import conversion_time
from convert.formats.newsml import nar
# ``losses``: each item is the newsml writer's, and loses what it loses
from convert.writers.newsml import build_item, losses, serialize  # noqa: F401


def write(docs: list[Document], options: WriteOptions) -> bytes:
    if not docs:
        raise ConvertError("a newsMessage needs at least one document", code="usage")
    header = nar("header")
    header.append(nar("sent", conversion_time()))
    item_set = nar("itemSet")
    item_set.extend(build_item(doc, options) for doc in docs)
    message = nar("newsMessage")
    message.extend([header, item_set])
    return serialize(message)
