"""The project's own structural checks, used when an official schema is not found.

They are much weaker than the IPTC schemas (the report says which ran): the
required identity attributes and metadata of a NewsML-G2 item, the header of
a newsMessage, and the required ``uri`` of a ninjs document.
"""

from __future__ import annotations

import re
from typing import Any

from convert.formats.newsml import NAR_TAG_PREFIX as NAR

_STANDARD_VERSION = re.compile(r"^[1-9][0-9]*\.[0-9]+$")
_DATE_TIME = re.compile(r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?(Z|[+-]\d\d:\d\d)?$")


def newsml_item_problems(item: Any) -> list[tuple[int | None, str]]:
    """(line, message) of every structural problem of one NewsML-G2 item."""
    problems = [(item.sourceline, f"required attribute {name!r} is missing")
                for name in ("guid", "standard", "standardversion") if not item.get(name)]
    version = item.get("standardversion")
    if version and not _STANDARD_VERSION.match(version):
        problems.append((item.sourceline, f"standardversion {version!r} is not N.N"))
    if item.get("version") is not None and not item.get("version", "").isdigit():
        problems.append((item.sourceline, "version must be a positive integer"))
    meta = item.find(f"{NAR}itemMeta")
    if meta is None:
        return problems + [(item.sourceline, "required element itemMeta is missing")]
    for name in ("itemClass", "provider", "versionCreated"):
        if meta.find(f"{NAR}{name}") is None:
            problems.append((meta.sourceline, f"itemMeta has no required {name}"))
    created = meta.find(f"{NAR}versionCreated")
    if created is not None and not _DATE_TIME.match((created.text or "").strip()):
        problems.append((created.sourceline,
                         f"versionCreated {created.text!r} is not a date-time"))
    return problems


def newsml_message_problems(message: Any) -> list[tuple[int | None, str]]:
    header = message.find(f"{NAR}header")
    if header is None:
        return [(message.sourceline, "required element header is missing")]
    sent = header.find(f"{NAR}sent")
    if sent is None:
        return [(header.sourceline, "header has no required sent")]
    if not _DATE_TIME.match((sent.text or "").strip()):
        return [(sent.sourceline, f"sent {sent.text!r} is not a date-time")]
    return []


def ninjs_problems(data: Any) -> list[tuple[str, str]]:
    """(JSON pointer, message) of structural problems of a ninjs document."""
    if not isinstance(data, dict):
        return [("", "a ninjs document is a JSON object")]
    if not isinstance(data.get("uri"), str):
        return [("/uri" if "uri" in data else "", "required string 'uri' is missing")]
    return []
