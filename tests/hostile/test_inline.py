"""Unclosed inline markup costs what its size says (issue 16, item 6).

``_MARKUP`` tried at every position scans up to ``_SPAN`` characters after
each opening ``<em>``, ``<a href>``, ``**`` or ``__`` that has no closing
marker: 500 times the text (16-21 s of CPU per MB through ``convert``).
``inline._matches`` finds the same matches with the closing markers indexed
once; the first test shows they are the same matches, the second bounds the
cost with a CPU-time cap.
"""

from __future__ import annotations

from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from convert.textparse import inline
from tests.hostile.bounded import run_capped

#: Pieces an article's inline markup is made of, the odd ones included: tags in
#: any case and spacing, the letters re.IGNORECASE folds specially (İ, ı, ſ),
#: ``***``, brackets, and runs long enough to pass ``_SPAN``.
_PIECES = st.sampled_from([
    "<em>", "</em>", "<EM>", "</ em >", "<i>", "</i>", "</I>", "<İ>", "</İ>", "<ı>", "</ı>",
    "<strong>", "</strong>", "<ſtrong>", "</ſtrong>", "<b>", "</b>", "<b >",
    '<a href="x">', "<a href='u' title=\"t\">", "</a>", "</A>", '<a x href="y" href=\'z\'>',
    "**", "***", "*", "_", "__", "___", "[", "]", "(", ")", "](", " ", "\n", "a", "word",
    "<", ">", "&amp;", "<p>", "<span>"]) | st.integers(1, 600).map(lambda n: "w" * n)
texts = st.lists(_PIECES, max_size=120).map("".join)


def _found(matches: object) -> list[tuple[tuple[int, int], dict[str, str | None]]]:
    return [(match.span(), match.groupdict()) for match in matches]  # type: ignore[attr-defined]


@settings(max_examples=400, deadline=None, derandomize=True)
@given(texts)
def test_the_one_pass_scan_finds_what_the_pattern_finds(text: str) -> None:
    assert _found(inline._matches(text)) == _found(inline._MARKUP.finditer(text))


def test_unclosed_markers_in_a_closed_text_are_found_the_same() -> None:
    """Both paths of ``_matches``: every marker closed, and one left open."""
    closed = "<em>a</em> **b** __c__ <a href='u'>d</a> *e* [f](g) <İ>h</i>"
    for text in (closed, closed + " <em>never closed", "<b>x" + "y" * 600 + "</b>" + closed):
        assert _found(inline._matches(text)) == _found(inline._MARKUP.finditer(text))
    assert [m["tname"] for m in inline._matches(closed) if m["tname"]] == ["em", "İ"]


#: 8 MB of opening markers that are never closed, read as one paragraph.
_UNCLOSED = """
import sys
from convert.textparse.inline import to_inlines
unit = "<em>word **word __word <a href='x'>word "
text = unit * (8 * 2**20 // len(unit))
assert to_inlines(text) == (text.replace("<em>", "").rstrip(),)
"""


def test_eight_megabytes_of_unclosed_markup_stay_within_a_cpu_cap(tmp_path: Path) -> None:
    """About 3 s of CPU with one pass; the pattern alone at every position
    took 13 s (measured with ``/usr/bin/time``, 2 cores)."""
    outcome = run_capped(python_args=("-c", _UNCLOSED), cwd=tmp_path, cpu_seconds=8)
    assert not outcome.killed_for_cpu, "CPU limit hit: unclosed markers are scanned again"
    assert outcome.returncode == 0, outcome.err[-2000:]
