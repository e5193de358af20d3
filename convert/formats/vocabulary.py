"""URIs for the few terms newsconvert itself defines (no IPTC NewsCode has them).

They are written under one base, ``urn:newsconvert:`` by default, which a
user publishing feeds sets to a base of their own (``WriteOptions.uri_base``,
``--uri-base``, or the ``NEWSCONVERT_URI_BASE`` environment variable), for
example ``https://news.example.org/vocab/``.  The readers recognise the terms
by their path after any base, so files written with another base (or with the
``https://newsconvert.example/`` base of earlier versions) read the same.
"""

from __future__ import annotations

import os

DEFAULT_URI_BASE = "urn:newsconvert:"
SUBHEADLINE_ROLE = "cv/headline-role/subheadline"
EXTRA_PROPERTY = "cv/extra/"
#: ``versionCreated/@howuri``: the time of conversion (SOURCE_DATE_EPOCH or
#: now), not a time the input stated.
STAMPED = "cv/how/not-in-source"


def uri_base(given: str | None = None) -> str:
    return given or os.environ.get("NEWSCONVERT_URI_BASE") or DEFAULT_URI_BASE


def term(name: str, base: str | None = None) -> str:
    return uri_base(base) + name


def is_term(uri: str | None, name: str) -> bool:
    """``uri`` is our term ``name`` under any base (``name`` ending in "/": a prefix)."""
    if not uri:
        return False
    return uri.endswith(name) if not name.endswith("/") else name in uri


def term_suffix(uri: str, prefix: str) -> str:
    return uri[uri.index(prefix) + len(prefix):]
