"""Checking a parsed article against its gold annotation (``*.expected.json``).

One comparison for every annotated set (the shared dev corpus and our own
``fixtures/unseen``), by the corpus README's rules ("How to compare"): text
after whitespace normalisation; place, bylines and source case-insensitively;
dates as instants; windows with startswith/endswith on the normalised
paragraph text.  ``check_annotation`` is the maintainers' check of the gold
itself: the file decodes strictly with the declared encoding and the
annotated texts really occur in it.
"""

from __future__ import annotations

import codecs
import html
import json
import re
from datetime import date, datetime
from pathlib import Path

import pytest

from convert import api
from convert.errors import ConvertError
from convert.model import Document, Figure, ListBlock, Note, Paragraph, Quote, block_text, plain_text


def normalise(text: str | None) -> str | None:
    return None if text is None else re.sub(r"\s+", " ", text).strip()


def folded(text: str | None) -> str | None:
    text = normalise(text)
    return None if text is None else text.casefold()


def instant(value: str | None) -> date | datetime | None:
    """An ISO string as a comparable value: date-only stays a date."""
    if value is None:
        return None
    if "T" not in value:
        return date.fromisoformat(value)
    return datetime.fromisoformat(value.replace("Z", "+00:00"))


def codec(name: str | None) -> str | None:
    """An encoding's canonical codec name (``euc-kr`` and ``euc_kr`` are one encoding)."""
    return None if name is None else codecs.lookup(name).name


def paragraphs(doc: Document) -> list[str]:
    """Body paragraphs as the README counts them: quotes, list items and notes included."""
    texts: list[str] = []
    for block in doc.body:
        if isinstance(block, ListBlock):
            texts.extend(normalise(plain_text(item)) or "" for item in block.items)
        elif isinstance(block, (Paragraph, Quote, Note)):
            texts.append(normalise(block_text(block)) or "")
    return texts


def expected(path: Path) -> dict:
    return json.loads(path.with_name(path.name.removesuffix(".txt") + ".expected.json")
                      .read_text(encoding="utf-8"))


def check_article(path: Path) -> None:
    """Parse ``path`` and assert every annotated field of its gold."""
    gold = expected(path)
    if gold["expect"] == "error":
        with pytest.raises(ConvertError) as caught:
            api.read(path)
        assert str(path) in str(caught.value)
        return
    doc = api.read(path)
    assert codec(doc.provenance.encoding) == codec(gold["encoding"])
    language = gold["language"]
    assert doc.language == language or (
        "-" not in language and (doc.language or "").split("-")[0] == language)
    assert normalise(doc.headline) == normalise(gold["headline"])
    assert normalise(doc.subheadline) == normalise(gold["subheadline"])
    assert [folded(b.name) for b in doc.bylines] == [folded(n) for n in gold["bylines"]]
    place = doc.dateline.place if doc.dateline else None
    date_text = doc.dateline.date_text if doc.dateline else None
    assert folded(place) == folded(gold["dateline"]["place"])
    assert normalise(date_text) == normalise(gold["dateline"]["date_text"])
    assert instant(doc.published) == instant(gold["published"])
    assert type(instant(doc.published)) is type(instant(gold["published"]))
    assert instant(doc.updated) == instant(gold["updated"])
    assert type(instant(doc.updated)) is type(instant(gold["updated"]))
    assert folded(doc.source) == folded(gold["source"])
    figures = [block for block in doc.body if isinstance(block, Figure)]
    assert [(normalise(plain_text(f.caption)), normalise(f.credit)) for f in figures] == [
        (normalise(c["text"]), normalise(c["credit"])) for c in gold["captions"]]
    texts = paragraphs(doc)
    assert len(texts) == gold["paragraph_count"]
    assert texts[0].startswith(normalise(gold["first_paragraph_starts"]))
    assert texts[-1].endswith(normalise(gold["last_paragraph_ends"]))
    assert sum(isinstance(block, Quote) for block in doc.body) == gold["quotes"]
    for line in gold["dropped"]:
        dropped = normalise(line)
        assert all(dropped not in text for text in texts), f"{line!r} left in the body"
    if gold["expect"] == "ok":
        assert doc.provenance.warnings == ()
    else:
        assert len(doc.provenance.warnings) >= 1


_STRAY_TAG = re.compile(r"</?\s*(?:p|br|i|b|em|strong|span)(?:\s[^<>]*)?/?\s*>", re.I)


def annotated_text(path: Path) -> str:
    """The file as the annotation check reads it: strict decode, entities, stray tags out."""
    gold = expected(path)
    text = path.read_bytes().decode(gold["encoding"], errors="strict")
    return normalise(html.unescape(_STRAY_TAG.sub(" ", text))) or ""


def check_annotation(path: Path) -> None:
    """The gold's texts (headline, windows, names, captions, drops) occur in the file."""
    gold = expected(path)
    text = annotated_text(path)
    folded_text = text.casefold()
    quoted = [gold["headline"], gold["first_paragraph_starts"], gold["last_paragraph_ends"],
              gold["subheadline"], *gold["dropped"],
              *(c["text"] for c in gold["captions"]), *(c["credit"] for c in gold["captions"])]
    for value in quoted:
        if value is not None:
            assert normalise(value) in text, f"{value!r} is not in {path.name}"
    for value in [*gold["bylines"], gold["source"], gold["dateline"]["place"],
                  gold["dateline"]["date_text"]]:
        if value is not None:
            assert folded(value) in folded_text, f"{value!r} is not in {path.name}"
