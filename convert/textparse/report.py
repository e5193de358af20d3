"""What ``newsconvert inspect`` prints: the decision log, drops, warnings, a summary.

Each header line's role is printed with the evidence that weighed most for it.
"""

from __future__ import annotations

from typing import Any

from convert.model import Document, Figure, ListBlock, Note, Paragraph, Quote, block_text
from convert.textparse.pipeline import ParseResult


def trace_data(result: ParseResult) -> dict[str, Any]:
    """The trace as plain data (``inspect --json``)."""
    doc = result.document
    return {
        "decisions": [{"step": d.step, "line": d.line, "message": d.message,
                       **({"evidence": list(d.evidence)} if d.evidence else {})}
                      for d in result.decisions],
        "dropped": [{"line": d.line, "text": d.text, "reason": d.reason}
                    for d in doc.provenance.dropped],
        "warnings": [{"code": w.code, "line": w.line, "message": w.message}
                     for w in doc.provenance.warnings],
        "summary": summary(doc),
    }


def summary(doc: Document) -> dict[str, Any]:
    counts = {"paragraphs": 0, "quotes": 0, "list_items": 0, "notes": 0, "figures": 0}
    for block in doc.body:
        if isinstance(block, Paragraph):
            counts["paragraphs"] += 1
        elif isinstance(block, Quote):
            counts["quotes"] += 1
        elif isinstance(block, ListBlock):
            counts["list_items"] += len(block.items)
        elif isinstance(block, Note):
            counts["notes"] += 1
        elif isinstance(block, Figure):
            counts["figures"] += 1
    return {
        "id": doc.id, "encoding": doc.provenance.encoding, "language": doc.language,
        "headline": doc.headline, "subheadline": doc.subheadline, "slugline": doc.slugline,
        "bylines": [b.name for b in doc.bylines],
        "dateline": None if doc.dateline is None else
        {"place": doc.dateline.place, "date_text": doc.dateline.date_text},
        "published": doc.published, "updated": doc.updated, "source": doc.source,
        "copyright": doc.copyright, "keywords": list(doc.keywords), **counts,
        "first_paragraph": _first_text(doc),
    }


def _first_text(doc: Document) -> str | None:
    texts = [block_text(b) for b in doc.body if isinstance(b, (Paragraph, Quote, Note))]
    return texts[0][:80] if texts else None


def trace_lines(result: ParseResult) -> list[str]:
    """The trace as readable lines, grouped by step."""
    lines: list[str] = []
    step = None
    for decision in result.decisions:
        if decision.step != step:
            step = decision.step
            lines.append(f"[{step}]")
        where = f"line {decision.line}" if decision.line else "-"
        lines.append(f"  {where:>9}: {decision.message}")
        if decision.evidence:
            lines.append(f"  {'':>9}  evidence: {', '.join(decision.evidence)}")
    doc = result.document
    lines.append(f"dropped lines: {len(doc.provenance.dropped)}")
    lines.extend(f"  line {d.line}: {d.text!r} ({d.reason})" for d in doc.provenance.dropped)
    lines.append(f"warnings: {len(doc.provenance.warnings)}")
    lines.extend(f"  line {w.line or '-'}: {w.message} [{w.code}]"
                 for w in doc.provenance.warnings)
    lines.append("document:")
    for key, value in summary(doc).items():
        if value not in (None, [], 0):
            lines.append(f"  {key}: {value}")
    return lines
