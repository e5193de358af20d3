"""The text parser: an ordered list of named steps over one ParseState.

Order is data (like markdown-it's rulers): ``STEPS`` lists the steps in the
order they run; each reads what the earlier ones decided.  ``parse`` runs
them, builds the Document, applies the model clean-ups of
:mod:`convert.textparse.transforms` and gives back the document together
with the state, whose decision log ``newsconvert inspect`` prints.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, replace

from convert.model import (
    ABSOLUTE_URI, EDITOR_ROLE, Contributor, Dateline, Document, Provenance, PubStatus, item_id,
)
from convert.options import ReadOptions
from convert.textparse.boilerplate_rules import boilerplate_reason
from convert.textparse.datetext import cached_dates, date_patterns
from convert.textparse.inline import clean_text
from convert.textparse.state import Decision, ParseState
from convert.textparse.steps.blocks import blocks
from convert.textparse.steps.body import body
from convert.textparse.steps.boilerplate import boilerplate
from convert.textparse.steps.bylines import bylines
from convert.textparse.steps.captions import captions
from convert.textparse.steps.dateline import dateline
from convert.textparse.steps.dates import dates
from convert.textparse.steps.decode import decode
from convert.textparse.steps.frontmatter import front_matter
from convert.textparse.steps.header import header_roles
from convert.textparse.steps.headline import headline
from convert.textparse.steps.language import detect_language, language, load_model
from convert.textparse.steps.metadata import metadata_lines
from convert.textparse.transforms import apply_transforms

Step = Callable[[ParseState], None]

STEPS: list[tuple[str, Step]] = [
    ("decode", decode),
    ("front-matter", front_matter),
    ("blocks", blocks),
    ("header-roles", header_roles),
    ("metadata-lines", metadata_lines),
    ("headline", headline),
    ("dateline", dateline),
    ("dates", dates),
    ("bylines", bylines),
    ("captions", captions),
    ("boilerplate", boilerplate),
    ("body", body),
    ("language", language),
]

#: Credit lines the bylines step keeps (``Edited by X``): the item's editor.
_EDITOR_CREDITS = frozenset({"edited by", "editing by", "editor"})
#: A release notice (dropped as boilerplate) that puts the story under embargo, and the
#: words that say it does not ("no embargo", "embargo lifted").
_EMBARGO_NOTICE = re.compile(r"\bembargo", re.IGNORECASE)
_NO_EMBARGO = re.compile(r"\b(?:no|not|lifted|without|none)\b", re.IGNORECASE)


@dataclass(frozen=True)
class ParseResult:
    document: Document
    decisions: tuple[Decision, ...]


def prepare() -> None:
    """Load now what the first parse would load: the language model (when it is
    installed; without it, each parse that needs it fails as it would have) and the
    date patterns.  A batch calls this before it forks its workers."""
    date_patterns()
    try:
        load_model()
    except RuntimeError:
        pass


def new_state(data: bytes, options: ReadOptions) -> ParseState:
    return ParseState(data, options, detect_language=detect_language)


def parse(data: bytes, options: ReadOptions) -> ParseResult:
    # The per-line caches serve one article's steps; cleared so that no article
    # is parsed faster for having been parsed before (and memory stays bounded).
    clean_text.cache_clear()
    boilerplate_reason.cache_clear()
    cached_dates.cache_clear()
    state = new_state(data, options)
    for name, step in STEPS:
        state.step = name
        step(state)
    state.step = "transforms"
    doc = apply_transforms(build_document(state),
                           lambda name, message: state.decide(None, f"{name}: {message}"))
    declared = state.meta.id if state.meta.id and ABSOLUTE_URI.fullmatch(state.meta.id) else None
    doc = replace(doc, id=declared or options.id or item_id(doc),
                  provenance=Provenance("text", state.encoding, tuple(state.warnings),
                                        tuple(state.dropped)))
    return ParseResult(doc, tuple(state.decisions))


def build_document(state: ParseState) -> Document:
    """The Document the steps found (its id is set after the transforms)."""
    meta = state.meta
    if meta.id and not ABSOLUTE_URI.fullmatch(meta.id):
        meta.extra["id"] = meta.id
    dateline_value = meta.dateline if meta.dateline and (
        meta.dateline.place or meta.dateline.date_text) else None
    return Document(
        id="",
        headline=meta.headline,
        version=meta.version or 1,
        language=meta.language,
        subheadline=meta.subheadline,
        slugline=meta.slugline,
        bylines=tuple(meta.bylines),
        dateline=dateline_value if isinstance(dateline_value, Dateline) else None,
        published=meta.published,
        updated=meta.updated,
        source=meta.source,
        copyright=meta.copyright,
        url=meta.url,
        keywords=tuple(meta.keywords),
        summary=meta.summary,
        body=tuple(state.body),
        extra=tuple(sorted((key, value) for key, value in meta.extra.items()
                           if key not in _EDITOR_CREDITS)),
        signals=tuple(meta.signals),
        contributors=tuple(Contributor(name, EDITOR_ROLE) for key, name in
                           sorted(meta.extra.items()) if key in _EDITOR_CREDITS),
        ednote="\n".join(meta.ednotes) or None,
        pub_status=_pub_status(state),
    )


def _pub_status(state: ParseState) -> PubStatus:
    """Withheld when a release notice puts the story under embargo ("EMBARGOED UNTIL 00:01
    GMT ..."): an embargoed story must never come out publishable.  The release time itself
    is not read (``--metadata embargoed=...`` gives it); a warning says so."""
    notice = next((dropped for dropped in state.dropped if dropped.reason == "release-notice"
                   and _EMBARGO_NOTICE.search(dropped.text)
                   and not _NO_EMBARGO.search(dropped.text)), None)
    if notice is None:
        return "usable"
    state.warn("embargo-notice", f"{notice.text!r} puts the story under embargo: read as "
               "pubStatus withheld (its release time is not read; give it with --metadata "
               "embargoed=...)", notice.line)
    return "withheld"
