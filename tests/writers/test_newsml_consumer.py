"""A real consumer reads our NewsML-G2: IPTC's own Python library ``newsmlg2``.

It parses every newsItem we write (the status stories, the hand-built
documents, every official IPTC example and real third-party file, NewsML-G2
and ninjs, converted to NewsML-G2), offline: the library resolves the IPTC catalog our items reference to
its bundled copy of catalog 41, the same file as ../shared's.  What it reads
is compared with the Document we wrote: headline, byline, dates with their
offsets, status, embargo, urgency and subjects.

Known limitations of the library (1.1), not of our output: it cannot read
``hopHistory`` ("'str' object is not callable"), not even in IPTC's own
LISTING_29 example, nor a party's ``remoteInfo`` (APA's copyrightHolder has
one; the tests below show both on schema-valid input), so the copy handed to
it has those elements removed.
"""

from __future__ import annotations

import socket
import warnings
from collections.abc import Iterator

import pytest
from lxml import etree

from convert import api
from convert.errors import ConvertError
from convert.model import Document, byline_text
from tests.support import factories
from tests.conftest import SHARED, STANDARDS
from tests.support.newsml import schema_errors
from tests.test_item_status import STORIES

NewsMLG2 = pytest.importorskip("NewsMLG2")
NAR = "{http://iptc.org/std/nar/2006-10-01/}"
HOP_HISTORY_EXAMPLE = STANDARDS / "newsml-g2" / "examples" / "LISTING_29_Hop_History.xml"


@pytest.fixture(autouse=True)
def _offline(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(*args: object, **kwargs: object) -> None:
        raise OSError("network disabled in this test")

    monkeypatch.setattr(socket.socket, "connect", refuse)


def documents() -> Iterator[tuple[str, Document]]:
    yield from STORIES.items()
    yield from ((f"factory-{name}", doc) for name, doc in factories.ALL.items())
    paths = [(path, "newsml") for path in
             sorted((STANDARDS / "newsml-g2" / "examples").rglob("*.xml"))
             + sorted((SHARED / "corpus" / "thirdparty" / "newsml").glob("*.xml"))]
    paths += [(path, "ninjs") for path in sorted((STANDARDS / "ninjs" / "examples").rglob("*.json"))
              + sorted((SHARED / "corpus" / "thirdparty" / "ninjs").glob("*.json"))]
    for path, format in paths:
        try:
            docs = api.read_all(path, format)
        except ConvertError:
            continue  # refused inputs are counted by bench/survival.py
        name = "/".join(path.relative_to(SHARED).with_suffix("").parts[-2:])  # 1.6/004_...
        yield from ((f"{name}-{index}", doc) for index, doc in enumerate(docs))


DOCUMENTS = dict(documents())


def consumed(xml: bytes):  # type: ignore[no-untyped-def]
    root = etree.fromstring(xml)
    for unreadable in [*root.findall(f"{NAR}hopHistory"),
                       *root.iterfind(f"{NAR}rightsInfo/*/{NAR}remoteInfo")]:
        unreadable.getparent().remove(unreadable)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # "remote catalog ... not supported": not needed
        return NewsMLG2.NewsMLG2Document(etree.tostring(root)).get_item()


def items(value):  # type: ignore[no-untyped-def]
    """A library value that may be one element or a GenericArray, as a list."""
    if value is None:
        return []
    try:
        return list(value)
    except TypeError:
        return [value]


def text(value) -> str | None:  # type: ignore[no-untyped-def]
    """The text the library read, None for an element that is absent (falsy to it)."""
    if value is None or not value:
        return None
    return " ".join(str(value).split())


def test_the_library_cannot_read_hop_history_even_in_iptc_examples() -> None:
    with pytest.raises(TypeError):
        NewsMLG2.NewsMLG2Document(HOP_HISTORY_EXAMPLE.read_bytes()).get_item()


def test_the_library_cannot_read_a_partys_remote_info() -> None:
    xml = api.write(factories.FULL, "newsml").replace(
        b"<rightsInfo>", b'<rightsInfo><copyrightHolder><name>APA</name>'
        b'<remoteInfo href="http://example.org/logo.jpg"/></copyrightHolder>')
    assert schema_errors(xml) == []
    with pytest.raises(TypeError):
        NewsMLG2.NewsMLG2Document(xml).get_item()


def test_every_document_is_covered() -> None:
    assert len(DOCUMENTS) > 50 and set(STORIES) <= set(DOCUMENTS)


@pytest.mark.parametrize("name", DOCUMENTS)
def test_newsmlg2_reads_what_we_wrote(name: str) -> None:
    doc = DOCUMENTS[name]
    item = consumed(api.write(doc, "newsml"))
    assert (item.guid, item.version) == (doc.id, str(doc.version))
    meta, content = item.itemmeta, item.contentmeta
    assert meta.pubstatus.qcode == f"stat:{doc.pub_status}"
    assert text(meta.embargoed) == doc.embargoed
    kept = dict(doc.extra)  # metadata written back as the source had it
    headlines = [h for h in items(content.headline) if "subheadline" not in (h.roleuri or "")]
    if doc.headline is not None and "newsml:contentMeta/headline" not in kept:
        assert text(headlines[0]) == " ".join(doc.headline.split())
    if doc.bylines and "newsml:contentMeta/by" not in kept:
        assert text(content.by) == " ".join((byline_text(doc) or "").split())
    if doc.bylines and "newsml:contentMeta/creator" not in kept:
        assert [(text(c.name), c.role) for c in items(content.creator)] == [
            (" ".join(b.name.split()), "cpprole:author") for b in doc.bylines]
    assert text(content.contentcreated) == doc.published
    assert text(content.contentmodified) == doc.updated
    if doc.version_created is not None and "T" in doc.version_created:
        assert text(meta.versioncreated) == doc.version_created
    assert text(content.urgency) == (None if doc.urgency is None else str(doc.urgency))
    written = {(s.qcode or None, s.uri or None) for s in items(content.subject)}
    for subject in doc.subjects + doc.about:
        assert (subject.qcode, None) in written or (None, subject.uri) in written or (
            subject.qcode is None and subject.uri is None)
