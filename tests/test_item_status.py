"""A killed, an embargoed and an updated story through every pair of formats.

Safety first: status, embargo, signals and version must come out of every
conversion as they went in; a killed or embargoed story never comes out
publishable.  Formats: canonical JSON, NewsML-G2 (a newsItem, and a newsMessage
holding it), ninjs 3.1/2.2/1.6, HTML and EPUB (which carry these fields in the
article's ``data-item``), every one of them first and second.  Each NewsML-G2
and ninjs output is also checked by the official schema of its format.
"""

from __future__ import annotations

import itertools
import json
from dataclasses import replace

import pytest

from convert import api
from convert.model import Concept, Document
from convert.options import ReadOptions, WriteOptions
from tests.support.factories import FULL
from tests.support.newsml import schema_errors
from tests.support.ninjs import errors as ninjs_errors

KILLED = replace(FULL, pub_status="canceled", ednote="KILL: legal reasons. Do not use.",
                 urgency=1, version=3, version_created="2022-11-29T14:00:00+00:00")
EMBARGOED = replace(FULL, embargoed="2022-12-01T06:00:00+01:00", urgency=3,
                    version_created="2022-11-29T10:00:00Z",
                    subjects=(Concept("transport", qcode="medtop:20000763"),))
UPDATED = replace(FULL, version=3, signals=("sig:update",),
                  ednote="(Adds council reaction, paragraphs 5-7)",
                  version_created="2022-11-29T12:30:00-05:00",
                  first_created="2022-11-28T09:30:00+00:00")
STORIES = {"killed": KILLED, "embargoed": EMBARGOED, "updated": UPDATED}

#: (writer name, options, reader name)
FORMATS = {
    "json": ("json", WriteOptions(), "json"),
    "newsml": ("newsml", WriteOptions(), "newsml"),
    "ninjs-3.1": ("ninjs", WriteOptions(ninjs_version="3.1"), "ninjs"),
    "ninjs-2.2": ("ninjs", WriteOptions(ninjs_version="2.2"), "ninjs"),
    "ninjs-1.6": ("ninjs", WriteOptions(ninjs_version="1.6"), "ninjs"),
    "html": ("html", WriteOptions(), "html"),
    "epub": ("epub", WriteOptions(), "epub"),
    "newsml-message": ("newsml-message", WriteOptions(), "newsml"),
}
CARRIED = ("pub_status", "embargoed", "signals", "version", "version_created", "ednote",
           "urgency")


def through(doc: Document, name: str) -> Document:
    writer, options, reader = FORMATS[name]
    data = api.write(doc, writer, options)
    if name.startswith("newsml"):
        assert schema_errors(data) == []
    elif name.startswith("ninjs-"):
        assert ninjs_errors(json.loads(data), options.ninjs_version) == []
    return api.read(data, reader)


@pytest.mark.parametrize("story", STORIES)
@pytest.mark.parametrize("first, second", list(itertools.product(FORMATS, repeat=2)))
def test_status_embargo_signal_and_version_survive_every_pair(story: str, first: str,
                                                              second: str) -> None:
    doc = STORIES[story]
    back = through(through(doc, first), second)
    assert {field: getattr(back, field) for field in CARRIED} == \
        {field: getattr(doc, field) for field in CARRIED}


def test_the_stories_differ_where_it_matters() -> None:
    """The check above is not comparing defaults with defaults."""
    assert (KILLED.pub_status, EMBARGOED.embargoed, UPDATED.signals) == (
        "canceled", "2022-12-01T06:00:00+01:00", ("sig:update",))
    assert FULL.pub_status == "usable" and FULL.embargoed is None and FULL.signals == ()


def test_a_killed_story_is_canceled_in_every_format() -> None:
    assert b'<pubStatus qcode="stat:canceled"/>' in api.write(KILLED, "newsml")
    for version, key in (("3.1", "pubStatus"), ("2.2", "pubstatus"), ("1.6", "pubstatus")):
        data = json.loads(api.write(KILLED, "ninjs", WriteOptions(ninjs_version=version)))
        assert data[key] == "canceled"


def test_an_embargo_without_a_zone_is_never_publishable() -> None:
    local = replace(EMBARGOED, embargoed="2022-12-01T06:00:00")
    for version in ("3.1", "2.2", "1.6"):
        data = json.loads(api.write(local, "ninjs", WriteOptions(ninjs_version=version)))
        assert data.get("pubStatus", data.get("pubstatus")) == "withheld"
        assert "embargoed" not in data and "embargoedUntil" not in data
    zoned = json.loads(api.write(local, "ninjs", WriteOptions(timezone="Europe/Berlin")))
    assert (zoned["embargoedUntil"], zoned["pubStatus"]) == ("2022-12-01T06:00:00+01:00",
                                                             "usable")


def test_an_open_embargo_in_newsml_is_read_as_withheld() -> None:
    xml = api.write(FULL, "newsml").replace(
        b'<pubStatus qcode="stat:usable"/>', b'<embargoed/>\n    <pubStatus qcode="stat:usable"/>')
    assert schema_errors(xml) == []
    doc = api.read(xml, "newsml")
    assert doc.pub_status == "withheld"
    assert any(w.code == "newsml-embargo" for w in doc.provenance.warnings)


@pytest.mark.parametrize("status", ["stat:bogus", "http://example.org/status/hold"])
def test_an_unknown_status_is_never_read_as_usable(status: str) -> None:
    xml = api.write(FULL, "newsml").replace(b'qcode="stat:usable"',
                                            f'qcode="{status}"'.encode())
    assert api.read(xml, "newsml").pub_status == "withheld"
    data = json.loads(api.write(FULL, "ninjs"))
    data["pubStatus"] = "killed"
    assert api.read(json.dumps(data).encode(), "ninjs").pub_status == "withheld"


# ---------------------------------------------------------------- identity and versions from text

FIRST = (b"Ferry strike ends in Kochi\n\nBy Anil Kumar\n\nKOCHI, India (Reuters) - Ferry workers "
         b"ended a strike on Tuesday after 3 days.\n")
UPDATE = (b"UPDATE 2-Ferry strike ends in Kochi\n\nBy Anil Kumar\n\nKOCHI, India (Reuters) - "
          b"Ferry workers ended a strike on Tuesday after four days.\n\n"
          b"(Adds union comment, paragraph 3)\n\nThe union said talks would continue.\n")
CORRECTED = UPDATE.replace(b"UPDATE 2-", b"CORRECTED-")


def test_every_version_of_a_story_has_the_same_guid() -> None:
    """The guid comes from what does not change between versions, never from the body."""
    first, update = api.read(FIRST, "text"), api.read(UPDATE, "text")
    assert first.id == update.id and first.id.startswith("urn:uuid:")
    assert first.body != update.body
    assert api.read(FIRST, "text", ReadOptions(id="urn:example:kochi-ferry")).id == \
        "urn:example:kochi-ferry"


def test_wire_prefixes_set_version_and_signal_and_advisories_go_to_ednote() -> None:
    first, update, corrected = (api.read(data, "text") for data in (FIRST, UPDATE, CORRECTED))
    assert (first.version, first.signals, first.ednote) == (1, (), None)
    assert (update.headline, update.version, update.signals) == (
        "Ferry strike ends in Kochi", 3, ("sig:update",))
    assert update.ednote == "(Adds union comment, paragraph 3)"
    assert not any("Adds union" in dropped.text for dropped in update.provenance.dropped)
    assert corrected.signals[0] == "sig:correction"
    xml = api.write(update, "newsml")
    assert b'version="3"' in xml and b'<signal qcode="sig:update"/>' in xml
    assert b"<edNote>(Adds union comment, paragraph 3)</edNote>" in xml


def test_edited_by_is_a_content_editor_in_every_format() -> None:
    from convert.model import Contributor
    from tests.conftest import DEV_CORPUS

    doc = api.read(DEV_CORPUS / "028-reported-edited-by-delhi-metro.txt")
    assert doc.contributors == (Contributor("Kavita Rao", "cpprole:contentEditor"),)
    assert "edited by" not in dict(doc.extra)
    xml = api.write(doc, "newsml")
    assert schema_errors(xml) == []
    assert b'<contributor role="cpprole:contentEditor">' in xml
    for name in FORMATS:
        assert through(doc, name).contributors == doc.contributors, name


EMBARGOED_RELEASE = (b"EMBARGOED UNTIL 00:01 GMT, 3 December 2026\n\nCity council approves new budget"
                     b"\n\nBy Ann Lee\n\nLONDON, Dec 2 - The city council approved a new budget on "
                     b"Tuesday after a long debate about transport spending.\n")


def test_a_text_story_under_an_embargo_notice_is_never_publishable() -> None:
    doc = api.read(EMBARGOED_RELEASE, "text")
    assert doc.pub_status == "withheld"
    [warning] = [w for w in doc.provenance.warnings if w.code == "embargo-notice"]
    assert warning.line == 1
    assert json.loads(api.write(doc, "ninjs"))["pubStatus"] == "withheld"
    assert b'<pubStatus qcode="stat:withheld"/>' in api.write(doc, "newsml")
    lifted = EMBARGOED_RELEASE.replace(b"EMBARGOED UNTIL", b"Embargo lifted at")
    assert api.read(lifted, "text").pub_status == "usable"
    assert api.read(FIRST, "text").pub_status == "usable"
