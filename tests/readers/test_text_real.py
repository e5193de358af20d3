"""Real BBC articles (read from ../shared, never copied): they parse cleanly.

The only facts that come with them: line 1 is the headline, and they have no
bylines, datelines, dates, captions or agency credits (so none may be invented).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from convert import api
from convert.model import Paragraph, block_text
from convert.textparse.steps.boilerplate import boilerplate_reason
from tests.conftest import SHARED

REAL = sorted((SHARED / "corpus" / "real").glob("*/*.txt"))


@pytest.mark.parametrize("path", REAL, ids=[p.stem for p in REAL])
def test_real_article_parses_to_headline_and_clean_body(path: Path) -> None:
    doc = api.read(path)
    first_line = path.read_bytes().split(b"\n", 1)[0].decode("utf-8", "replace").strip()
    assert doc.headline == first_line
    paragraphs = [block_text(b) for b in doc.body if isinstance(b, Paragraph)]
    assert paragraphs
    assert not any(boilerplate_reason(text) for text in paragraphs)
    assert all("Advertisement" != text.strip() for text in paragraphs)
    assert (doc.bylines, doc.dateline, doc.published, doc.updated, doc.source) == (
        (), None, None, None, None)
    assert not [b for b in doc.body if b.type == "figure"]


def test_the_one_latin1_file_is_guessed_as_cp1252_with_a_warning() -> None:
    doc = api.read(SHARED / "corpus" / "real" / "bbc-fulltext" / "sport-199.txt")
    assert doc.provenance.encoding == "cp1252"
    assert [w.code for w in doc.provenance.warnings] == ["encoding-guessed"]
    assert "£" in " ".join(block_text(b) for b in doc.body)
