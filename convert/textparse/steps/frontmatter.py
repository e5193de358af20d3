"""Step ``front-matter``: a YAML block (``---`` ... ``---``) or an RFC-822 header block.

Both are metadata only and never body.  YAML is read with PyYAML's safe
loader (imported only when a file has front matter); an RFC-822 block is the
run of ``Key: value`` lines at the very top, ended by a blank line, accepted
only when its keys are known metadata fields (so a first paragraph that
happens to contain a colon is not mistaken for headers).  A key with a namespace
prefix (``dc:creator``) is read by its local name; a key with no value whose
next line is text (a feed export's ``description:``) closes the block, the text
under it being the article.
"""

from __future__ import annotations

import datetime as dt
import re

from convert.textparse.fields import apply_field, field_for
from convert.textparse.state import Line, ParseState

_HEADER = re.compile(r"^([A-Za-z][\w\- ]{0,30}|[^\W\d_][^\s:：]{0,15})\s*[:：]\s*(.*)$")
_CONTINUATION = re.compile(r"^[ \t]+\S")
#: A key with a namespace prefix (a feed's ``dc:creator``): the field is its local name.
_NAMESPACED = re.compile(r"^[A-Za-z][\w-]{0,15}:([A-Za-z][\w-]{0,30})\s*:\s*(.*)$")


def front_matter(state: ParseState) -> None:
    first = _first_content_line(state.lines)
    if first is None:
        return
    if state.lines[first].text.strip() == "---":
        _yaml_block(state, first)
    else:
        _header_block(state, first)


def _first_content_line(lines: list[Line]) -> int | None:
    return next((i for i, line in enumerate(lines) if line.text.strip()), None)


def _yaml_block(state: ParseState, start: int) -> None:
    end = next((i for i in range(start + 1, len(state.lines))
                if state.lines[i].text.strip() in ("---", "...")), None)
    if end is None:
        return
    source = "\n".join(line.text for line in state.lines[start + 1:end])
    data = _load_yaml(source)
    if not isinstance(data, dict) or not data:
        state.decide(state.lines[start].number, "'---' block is not YAML metadata: kept as text")
        return
    state.decide(state.lines[start].number,
                 f"YAML front matter, lines {state.lines[start].number}-{state.lines[end].number}")
    for key, value in data.items():
        line = _key_line(state.lines[start + 1:end], str(key))
        apply_field(state, str(key), _plain(value), line)
    _consume(state, start, end + 1)


def _load_yaml(source: str) -> object:
    import yaml

    try:
        return yaml.safe_load(source)
    except yaml.YAMLError:
        return None


def _plain(value: object) -> object:
    """YAML values as text (dates back to ISO 8601), lists kept as lists."""
    if isinstance(value, list):
        return [_plain(item) for item in value]
    if isinstance(value, (dt.datetime, dt.date)):
        return value.isoformat()
    if isinstance(value, dict):
        return ", ".join(f"{k}: {v}" for k, v in value.items())
    if isinstance(value, bool):
        return "true" if value else "false"
    return value


def _key_line(lines: list[Line], key: str) -> int | None:
    return next((line.number for line in lines if line.text.lstrip().startswith(key)), None)


def _header_block(state: ParseState, start: int) -> None:
    end = start
    fields: list[tuple[str, str, int]] = []
    closing: Line | None = None
    while end < len(state.lines) and state.lines[end].text.strip():
        line = state.lines[end]
        match = _NAMESPACED.match(line.text.strip()) or _HEADER.match(line.text.strip())
        if match and not match.group(2).strip() and fields and _opens_text(state.lines, end + 1):
            closing = line  # ``description:`` with its value, the text, on the lines below
            end += 1
            break
        if match:
            fields.append((match.group(1), match.group(2).strip(), line.number))
        elif _CONTINUATION.match(line.text) and fields:
            key, value, number = fields[-1]
            fields[-1] = (key, f"{value} {line.text.strip()}", number)
        else:
            return
        end += 1
    known = [f for f in fields if field_for(f[0])]
    if len(fields) < 2 or len(known) < len(fields) / 2 + 0.5 or not any(
            field_for(key) == "headline" for key, _, _ in fields) and len(known) < 3:
        return
    state.decide(state.lines[start].number, f"header block (RFC 822 style), lines "
                 f"{state.lines[start].number}-{state.lines[end - 1].number}")
    if closing is not None:
        state.decide(closing.number, "a field with no value closes the header block, its "
                     f"text below it: {closing.text.strip()!r}")
    for key, value, number in fields:
        apply_field(state, key, value, number)
    _consume(state, start, end)


def _opens_text(lines: list[Line], index: int) -> bool:
    """The line at ``index`` is text (not blank, not a field nor a folded value)."""
    if index >= len(lines) or not lines[index].text.strip():
        return False
    text = lines[index].text
    return not _CONTINUATION.match(text) and not _HEADER.match(text.strip())


def _consume(state: ParseState, start: int, end: int) -> None:
    """Blank out lines ``start:end`` (they are metadata), keeping the numbering."""
    for line in state.lines[start:end]:
        line.text = ""
