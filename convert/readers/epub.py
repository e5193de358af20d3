"""EPUB reader: one Document per chapter, read from the archive defensively.

Books written by newsconvert carry each article's canonical JSON in its
chapter (see :mod:`convert.writers.epub`), so they read back to exactly the
documents that went in; their own pages (contents, section pages) hold no
article and are skipped.  Other books get a lenient reading of each spine
document's body with the one body-markup reader (:mod:`convert.formats.body.parse`):
a first ``h1`` (else the ``title``) is the headline, white space is collapsed
as a browser shows it, and blocks with no text are left out.  The package's
Dublin Core metadata fills what a chapter does not say: ``dc:creator`` the
bylines, ``dc:rights`` the copyright, ``dc:date`` the publication date (an ISO
date or date-time; another form is kept as the ``dc:date`` extra, with a
warning), ``dc:language`` (region kept: ``en-US``) the language,
``dc:publisher`` the source and ``dc:subject`` the keywords.

The archive is read through :class:`convert.formats.safezip.SafeArchive` (caps on
entries and on declared and actually inflated sizes; unsafe names, links,
encryption and unknown compression refused), and XML is parsed without DTDs,
entities or network.
"""

from __future__ import annotations

import io
import posixpath
import re
from collections.abc import Iterator
from dataclasses import dataclass, replace
from typing import Any
from urllib.parse import unquote

from convert.errors import ConvertError
from convert.formats.body import XHTML
from convert.formats.body.parse import BodyParser, fit_heading_levels
from convert.formats.epub import DATA_BLOCK_ID
from convert.model import (
    Byline, Document, Heading, ParseWarning, Provenance, body_text, content_id, plain_text,
)
from convert.options import ReadOptions
from convert.formats.safexml import document_type, xml_parser
from convert.formats.safezip import SafeArchive

OPF = "http://www.idpf.org/2007/opf"
DC = "http://purl.org/dc/elements/1.1/"
_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}(?:T\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:Z|[+-]\d{2}:\d{2})?)?\Z")
_LANGUAGE = re.compile(r"[A-Za-z]{2,3}(?:-[A-Za-z0-9]{1,8})*\Z")
CONTAINER = "urn:oasis:names:tc:opendocument:xmlns:container"


def read(data: bytes, options: ReadOptions) -> Document:
    """The first chapter of the book."""
    for doc in read_all(data, options):
        return doc
    raise ConvertError("the book has no chapter with text", source=options.source_name,
                       code="invalid")


def read_all(data: bytes, options: ReadOptions) -> Iterator[Document]:
    """Every chapter of the book, in reading (spine) order."""
    archive = SafeArchive(data, options.source_name)
    if archive.read("mimetype", required=True).strip() != b"application/epub+zip":
        raise archive.error("mimetype", "not an EPUB: the mimetype entry is not "
                                        "application/epub+zip")
    package_path = _package_path(archive)
    manifest, spine, metadata = _package(archive, package_path)
    for idref in spine:
        if idref not in manifest:
            raise archive.error(package_path, f"spine itemref {idref!r} is not in the manifest")
        path, media_type, properties = manifest[idref]
        if media_type != "application/xhtml+xml" or "nav" in properties:
            continue
        doc = _chapter(archive, path, metadata)
        if doc is not None:
            yield doc


# ---------------------------------------------------------------- the archive


def _resolve(archive: SafeArchive, base: str, href: str, referrer: str) -> str:
    """The entry an ``href`` in ``referrer`` points to, never outside the archive."""
    target = posixpath.normpath(posixpath.join(posixpath.dirname(base),
                                               unquote(href.split("#")[0])))
    if target.startswith(("../", "/")) or target == "..":
        raise archive.error(referrer, f"reference {href!r} points outside the book")
    return target


# ---------------------------------------------------------------- XML


def _parse_xml(archive: SafeArchive, name: str, allow_html_doctype: bool = False) -> Any:
    from lxml import etree

    try:
        tree = etree.parse(io.BytesIO(archive.read(name)),
                           xml_parser(remove_comments=True, remove_pis=True))
    except etree.XMLSyntaxError as error:
        raise archive.error(name, f"not well-formed XML: {error.msg}",
                            line=error.lineno) from None
    docinfo = document_type(tree)
    subset = docinfo.internalDTD
    declares = subset is not None and (any(subset.entities()) or any(subset.iterelements()))
    if declares or (docinfo.doctype and not allow_html_doctype):
        raise archive.error(name, "DOCTYPE declarations are not allowed here")
    return tree.getroot()


def _package_path(archive: SafeArchive) -> str:
    container = "META-INF/container.xml"
    root = _parse_xml(archive, container)
    for rootfile in root.iter(f"{{{CONTAINER}}}rootfile"):
        if rootfile.get("media-type") == "application/oebps-package+xml":
            return _resolve(archive, "", rootfile.get("full-path", ""), container)
    raise archive.error(container, "no package document (rootfile) listed")


@dataclass(frozen=True)
class BookMetadata:
    """The package's Dublin Core, as the fields of the documents it holds."""

    ours: bool = False  # written by newsconvert: only chapters with a data block are articles
    creators: tuple[str, ...] = ()
    rights: str | None = None
    date: str | None = None
    language: str | None = None
    publisher: str | None = None
    subjects: tuple[str, ...] = ()
    #: Metadata with no field of its own (a dc:date that is not ISO 8601).
    extra: tuple[tuple[str, str], ...] = ()
    warnings: tuple[ParseWarning, ...] = ()


def _metadata(root: Any) -> BookMetadata:
    block = root.find(f"{{{OPF}}}metadata")
    if block is None:
        return BookMetadata()

    def texts(name: str) -> list[str]:
        return [" ".join("".join(element.itertext()).split())
                for element in block.iterfind(f"{{{DC}}}{name}")
                if "".join(element.itertext()).strip()]

    generator = next((meta.get("content", "") for meta in block.iterfind(f"{{{OPF}}}meta")
                      if meta.get("name") == "generator"), "")
    dates = texts("date")
    date = next((value for value in dates if _ISO_DATE.match(value)), None)
    extra: list[tuple[str, str]] = []
    warnings: list[ParseWarning] = []
    if dates and date is None:
        extra.append(("dc:date", dates[0]))
        warnings.append(ParseWarning("epub-date-kept", f"dc:date {dates[0]!r} is not an ISO "
                                     "8601 date: kept as the dc:date extra, not as published"))
    languages = [value for value in texts("language") if _LANGUAGE.match(value)]
    publishers = texts("publisher")
    rights = texts("rights")
    return BookMetadata(
        ours=generator.startswith("newsconvert"),
        creators=tuple(dict.fromkeys(texts("creator"))), rights=rights[0] if rights else None,
        date=date, language=languages[0] if languages else None,
        publisher=publishers[0] if publishers else None,
        subjects=tuple(dict.fromkeys(texts("subject"))), extra=tuple(extra),
        warnings=tuple(warnings))


def _package(archive: SafeArchive, path: str
             ) -> tuple[dict[str, tuple[str, str, set[str]]], list[str], BookMetadata]:
    """The manifest (id -> entry, media type, properties), the spine's idrefs, the metadata."""
    root = _parse_xml(archive, path)
    manifest = {
        item.get("id", ""): (_resolve(archive, path, item.get("href", ""), path),
                             item.get("media-type", ""), set(item.get("properties", "").split()))
        for item in root.iterfind(f"{{{OPF}}}manifest/{{{OPF}}}item")
    }
    spine = [ref.get("idref", "") for ref in root.iterfind(f"{{{OPF}}}spine/{{{OPF}}}itemref")]
    return manifest, spine, _metadata(root)


# ---------------------------------------------------------------- chapters


def _chapter(archive: SafeArchive, path: str, metadata: BookMetadata) -> Document | None:
    root = _parse_xml(archive, path, allow_html_doctype=True)
    for script in root.iter(f"{{{XHTML}}}script"):
        if script.get("id") == DATA_BLOCK_ID:
            return _embedded_document(archive, path, script)
    if metadata.ours:  # a contents or section page of our periodical layout
        return None
    return _document_from_markup(root, metadata)


def _embedded_document(archive: SafeArchive, path: str, script: Any) -> Document:
    from convert.formats.canonical import document_from_json

    doc = document_from_json(script.text or "", f"{archive.source}!/{path}")
    return replace(doc, provenance=Provenance("epub", "utf-8"))


def _document_from_markup(root: Any, metadata: BookMetadata) -> Document | None:
    """A lenient reading of someone else's chapter; None when it has no text."""
    body = root.find(f"{{{XHTML}}}body")
    if body is None:
        return None
    parser = BodyParser(verbatim=False, warning_prefix="epub")
    blocks = parser.marked_blocks(body)
    headline: str | None = None
    if blocks and isinstance(blocks[0], Heading) and blocks[0].level == 1:
        headline, blocks = plain_text(blocks[0].content), blocks[1:]
    blocks = fit_heading_levels(blocks)
    if not blocks:
        return None
    if headline is None:
        title = root.find(f"{{{XHTML}}}head/{{{XHTML}}}title")
        headline = " ".join((title.text or "").split()) or None if title is not None else None
    language = root.get("{http://www.w3.org/XML/1998/namespace}lang") or root.get("lang")
    if not (language and _LANGUAGE.match(language)):
        language = metadata.language
    return Document(id=content_id(headline, body_text(blocks)), headline=headline,
                    language=language, body=blocks,
                    bylines=tuple(Byline(name) for name in metadata.creators),
                    published=metadata.date, source=metadata.publisher,
                    copyright=metadata.rights, keywords=metadata.subjects,
                    extra=metadata.extra,
                    provenance=Provenance("epub", "utf-8",
                                          (*metadata.warnings, *parser.warnings)))
