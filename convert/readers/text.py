"""Plain-text article reader (baseline: to be replaced by the step pipeline)."""

from __future__ import annotations

from convert.errors import ConvertError
from convert.model import Document, Paragraph, Provenance, body_text, content_id
from convert.options import ReadOptions


def read(data: bytes, options: ReadOptions) -> Document:
    if data.startswith(b"\xef\xbb\xbf"):
        text, encoding = data[3:].decode("utf-8"), "utf-8-sig"
    elif data.startswith((b"\xff\xfe", b"\xfe\xff")):
        text, encoding = data.decode("utf-16"), "utf-16"
    else:
        try:
            text, encoding = data.decode("utf-8"), "utf-8"
        except UnicodeDecodeError:
            text, encoding = data.decode("cp1252", errors="replace"), "cp1252"
    blocks = [" ".join(b.split()) for b in text.replace("\r\n", "\n").split("\n\n")]
    blocks = [b for b in blocks if b]
    if len(blocks) < 2:
        raise ConvertError("no article body found", source=options.source_name, code="no-body")
    body = tuple(Paragraph((b,)) for b in blocks[1:])
    return Document(id=content_id(blocks[0], body_text(body)), headline=blocks[0], body=body,
                    provenance=Provenance("text", encoding))
