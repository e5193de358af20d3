"""``--to html`` of a large body costs memory in proportion to it (issue 16, leftover).

A 100 MB body needed 1.8 GB to become a page: the typography pass and the page's
description held the body's text several times over in pieces and words, the
serialiser held the page as a tree, a str and bytes at once, and a body of many
paragraphs cost time quadratic in their number (lxml's ``len`` counts children).
Here a 20 MB body runs under an address-space cap (``tests/hostile/bounded.py``)
that the old code overran (it needed about 520 MiB; this code about 270 MiB) and a
CPU cap that its quadratic case overran by minutes.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.hostile.bounded import run_capped

SENTENCE = 'The operator said: "Ferries run again from Monday." It\'s a relief -- for all... '
BODY_CHARS = 20 * 2**20
MEMORY_MIB = 400


SHOWN = "“Ferries run again from Monday.” It’s a relief — for all…"


def _body(paragraph_sentences: int | None) -> tuple[str, int]:
    """About BODY_CHARS of prose (one paragraph, or paragraphs of that many sentences)
    and how many sentences it has."""
    count = BODY_CHARS // len(SENTENCE)
    if paragraph_sentences is None:
        return SENTENCE * count, count
    paragraphs = count // paragraph_sentences
    return (SENTENCE * paragraph_sentences + "\n\n") * paragraphs, \
        paragraphs * paragraph_sentences


@pytest.mark.parametrize("paragraph_sentences", [None, 10], ids=["one-paragraph", "paragraphs"])
def test_a_twenty_megabyte_body_becomes_a_page_in_proportion(
        tmp_path: Path, paragraph_sentences: int | None) -> None:
    body, sentences = _body(paragraph_sentences)
    source = tmp_path / "big.json"
    source.write_text(json.dumps({"uri": "urn:x", "type": "text", "language": "en",
                                  "headline": "Big", "body_text": body}), encoding="utf-8")
    del body
    page = tmp_path / "big.html"
    outcome = run_capped("convert", str(source), "--to", "html", "-o", str(page),
                         cwd=tmp_path, memory_mib=MEMORY_MIB, cpu_seconds=60)
    assert outcome.returncode == 0, outcome.err[-2000:]
    data = page.read_bytes()
    # the text shown (typeset), its exact form (data-text) and the JSON-LD articleBody
    assert len(data) > 3 * BODY_CHARS and data.endswith(b"</html>\n")
    assert data.count(SHOWN.encode()) == sentences  # every sentence shown, typeset
