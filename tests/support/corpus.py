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

from convert import api
from convert.errors import ConvertError
from convert.model import (
    Document, Figure, ListBlock, Note, Paragraph, Quote, Table, block_text, plain_text,
)

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
    """Body paragraphs as the README counts them: quotes, list items and notes included,
    a table once."""
    texts: list[str] = []
    for block in doc.body:
        if isinstance(block, ListBlock):
            texts.extend(normalise(plain_text(item)) or "" for item in block.items)
        elif isinstance(block, (Paragraph, Quote, Note, Table)):
            texts.append(normalise(block_text(block)) or "")
    return texts

def expected(path: Path) -> dict:
    return json.loads(path.with_name(path.name.removesuffix(".txt") + ".expected.json")
                      .read_text(encoding="utf-8"))

#: The annotated fields, in the order the gold lists them (``notes`` is prose, not a field).
FIELDS = ("encoding", "language", "headline", "subheadline", "bylines", "dateline.place",
          "dateline.date_text", "published", "updated", "source", "captions",
          "paragraph_count", "first_paragraph_starts", "last_paragraph_ends", "quotes",
          "dropped", "expect")

def field_results(path: Path) -> dict[str, tuple[bool, object, object]]:
    """Each annotated field of ``path``'s gold: (correct?, what we found, what the gold says).

    A file the gold refuses has one field, ``expect``: refused with a message
    naming the file.  The bench (``bench/parse.py``) and the tests share this.
    """
    gold = expected(path)
    if gold["expect"] == "error":
        try:
            api.read(path)
        except ConvertError as error:
            return {"expect": (str(path) in str(error), "error", "error")}
        return {"expect": (False, "converted", "error")}
    try:
        doc = api.read(path)
    except ConvertError as error:
        return {"expect": (False, f"refused: {error}", gold["expect"])}
    results: dict[str, tuple[bool, object, object]] = {}

    def field(name: str, ours: object, theirs: object, same: bool | None = None) -> None:
        results[name] = (ours == theirs if same is None else same, ours, theirs)

    field("encoding", codec(doc.provenance.encoding), codec(gold["encoding"]))
    language = gold["language"]
    field("language", doc.language, language, doc.language == language or (
        "-" not in language and (doc.language or "").split("-")[0] == language))
    field("headline", normalise(doc.headline), normalise(gold["headline"]))
    field("subheadline", normalise(doc.subheadline), normalise(gold["subheadline"]))
    field("bylines", [folded(b.name) for b in doc.bylines], [folded(n) for n in gold["bylines"]])
    place = doc.dateline.place if doc.dateline else None
    date_text = doc.dateline.date_text if doc.dateline else None
    field("dateline.place", folded(place), folded(gold["dateline"]["place"]))
    field("dateline.date_text", normalise(date_text), normalise(gold["dateline"]["date_text"]))
    for name in ("published", "updated"):
        ours, theirs = instant(getattr(doc, name)), instant(gold[name])
        field(name, getattr(doc, name), gold[name], ours == theirs and type(ours) is type(theirs))
    field("source", folded(doc.source), folded(gold["source"]))
    figures = [block for block in doc.body if isinstance(block, Figure)]
    field("captions", [(normalise(plain_text(f.caption)), normalise(f.credit)) for f in figures],
          [(normalise(c["text"]), normalise(c["credit"])) for c in gold["captions"]])
    texts = paragraphs(doc)
    field("paragraph_count", len(texts), gold["paragraph_count"])
    first = normalise(gold["first_paragraph_starts"]) or ""
    last = normalise(gold["last_paragraph_ends"]) or ""
    field("first_paragraph_starts", texts[0][:len(first) + 20] if texts else None, first,
          bool(texts) and texts[0].startswith(first))
    field("last_paragraph_ends", texts[-1][-len(last) - 20:] if texts else None, last,
          bool(texts) and texts[-1].endswith(last))
    field("quotes", sum(isinstance(block, Quote) for block in doc.body), gold["quotes"])
    left = [line for line in gold["dropped"]
            if any((normalise(line) or "") in text for text in texts)]
    field("dropped", left, [], not left)
    warnings = [w.code for w in doc.provenance.warnings]
    field("expect", warnings, gold["expect"],
          warnings == [] if gold["expect"] == "ok" else len(warnings) >= 1)
    return results

def check_article(path: Path) -> None:
    """Parse ``path`` and assert every annotated field of its gold."""
    wrong = {name: (ours, theirs) for name, (correct, ours, theirs) in field_results(path).items()
             if not correct}
    assert not wrong, "fields differ from the gold (ours, gold): " + repr(wrong)

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
