"""No input may cost far more than its size (issue 16, items 1-6).

Each case is an input that used to cost quadratic time or memory far past
its size.  It now runs under a CPU-time and address-space cap
(``tests/hostile/bounded.py``) that a linear run stays far below and the old
code overran by orders of magnitude.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from convert.model import Document, Paragraph, Quote
from convert.textparse.transforms import mark_pull_quotes
from tests.hostile.bounded import one_clean_line, run_capped


# ---------------------------------------------------------------- item 1: JSON depth check

#: An unterminated string of escaped quotes: every quote starts a string the
#: old depth check scanned to the end of the text (1 MB: hours of CPU).
UNTERMINATED = b'"' + b'\\"' * 500_000


@pytest.mark.parametrize("command", ["convert", "validate"])
def test_unterminated_escaped_quotes_cost_linear_time(command: str, tmp_path: Path) -> None:
    source = tmp_path / "quotes.json"
    source.write_bytes(b'{"uri": ' + UNTERMINATED)
    args = (["convert", str(source), "--to", "json", "-o", str(tmp_path / "out.json")]
            if command == "convert" else ["validate", str(source)])
    outcome = run_capped(*args, cwd=tmp_path, cpu_seconds=30)
    assert not outcome.killed_for_cpu, "CPU limit hit: the JSON depth check is not linear"
    assert outcome.returncode == 1, outcome.err
    if command == "convert":
        assert "not valid JSON" in one_clean_line(outcome.err)
    else:
        assert "not valid JSON" in outcome.out


# ---------------------------------------------------------------- item 2: error positions

def test_thousands_of_schema_errors_are_located_in_linear_time(tmp_path: Path) -> None:
    """Each of 24,000 schema errors (3 per association) is placed on its line by
    one scan of the text, not one scan per error."""
    count = 8_000
    source = tmp_path / "errors.json"
    lines = ",\n".join(f'  {{"uri": "urn:x:{n}", "type": {n}}}' for n in range(count))
    source.write_text('{"uri": "urn:x", "type": "text", "associations": [\n' + lines + "\n]}\n",
                      encoding="utf-8")
    outcome = run_capped("validate", str(source), "--format", "json", cwd=tmp_path,
                         cpu_seconds=40)
    assert not outcome.killed_for_cpu, "CPU limit hit: error positions are not linear"
    report = json.loads(outcome.stdout)
    findings = report["files"][0]["findings"]
    located = [f for f in findings if "/associations/" in (f.get("pointer") or "")]
    assert len(located) >= 3 * count
    # each finding is on the line of its own association (line 2 holds association 0)
    for finding in located[:50] + located[-50:]:
        index = int(finding["pointer"].split("/")[2])
        assert finding["line"] == index + 2, finding


# ---------------------------------------------------------------- item 6: a 100 MB body string

def test_a_hundred_megabyte_ninjs_body_fits_in_a_gigabyte(tmp_path: Path) -> None:
    """The body's white space is collapsed in C, not word by word (16 million
    word strings were ten times the body in memory)."""
    source = tmp_path / "big.json"
    sentence = "Ferries run again from Monday, the operator said. "
    with source.open("w", encoding="utf-8") as stream:
        stream.write('{"uri": "urn:x", "type": "text", "headline": "Big", "body_text": "')
        stream.write(sentence * (100 * 2**20 // len(sentence)))
        stream.write('"}')
    output = tmp_path / "big.out.json"
    outcome = run_capped("convert", str(source), "--to", "json", "-o", str(output),
                         cwd=tmp_path, memory_mib=1024, cpu_seconds=120)
    assert outcome.returncode == 0, outcome.err[-2000:]
    assert output.stat().st_size > 100 * 2**20


# ---------------------------------------------------------------- pull quotes (text parser)

def _paragraphs(count: int) -> tuple[Paragraph, ...]:
    return tuple(Paragraph((f"Paragraph {n} says that ferry {n} runs again on day {n}. "
                            f"The operator of line {n} confirmed it.",)) for n in range(count))


def _pull_quote_calls(doc: Document) -> int:
    from tests.hostile.test_properties import _calls

    return _calls(lambda: mark_pull_quotes(doc, lambda message: None))


def test_pull_quotes_are_found_in_linear_work() -> None:
    """Each paragraph's sentences are indexed once: 8 times the paragraphs is
    about 8 times the calls (comparing every paragraph with every other one
    made it 64 times)."""
    small, large = (Document(id="x", body=_paragraphs(count)) for count in (500, 4000))
    assert _pull_quote_calls(large) <= 10 * _pull_quote_calls(small)


def test_a_pull_quote_among_thousands_of_paragraphs_is_still_found() -> None:
    body = _paragraphs(3000)
    pulled = Paragraph(("“The operator of line 1234 confirmed it.”",))
    doc = Document(id="x", body=body[:2000] + (pulled,) + body[2000:])
    marked = mark_pull_quotes(doc, lambda message: None).body
    assert marked[2000] == Quote(pulled.content)
    assert [n for n, block in enumerate(marked) if isinstance(block, Quote)] == [2000]
