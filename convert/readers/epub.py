"""EPUB reader: one Document per chapter, read from the archive defensively.

Books written by newsconvert carry each article's canonical JSON in its
chapter (see :mod:`convert.writers.epub`), so they read back to exactly the
documents that went in; their own pages (contents, section pages) hold no
article and are skipped.  Other books get a lenient reading of each spine
document's body with the one body-markup reader (:mod:`convert.formats.body`):
a first ``h1`` (else the ``title``) is the headline, white space is collapsed
as a browser shows it, and blocks with no text are left out.  The package's
Dublin Core metadata fills what a chapter does not say: ``dc:creator`` the
bylines, ``dc:rights`` the copyright, ``dc:date`` the publication date (an ISO
date or date-time; another form is kept as the ``dc:date`` extra, with a
warning), ``dc:language`` (region kept: ``en-US``) the language,
``dc:publisher`` the source and ``dc:subject`` the keywords.

The archive is hostile until proven otherwise: entry count, per-entry and
total uncompressed sizes and the compression ratio are capped on the sizes
the central directory declares, and :mod:`zipfile` never inflates an entry
past its declared size (a header that lies ends in a CRC error, reported as
a damaged entry); names that are absolute, contain ``..`` or backslashes,
symbolic links and encrypted entries are refused, and XML is parsed without
DTDs, entities or network.
"""

from __future__ import annotations

import io
import posixpath
import re
import zipfile
import zlib
from collections.abc import Iterator
from dataclasses import dataclass, replace
from typing import Any
from urllib.parse import unquote

from convert.errors import ConvertError
from convert.formats.body import XHTML, BodyParser
from convert.formats.epub import DATA_BLOCK_ID
from convert.model import (
    Byline, Document, Heading, ParseWarning, Provenance, body_text, content_id, plain_text,
)
from convert.options import ReadOptions
from convert.formats.safexml import document_type, xml_parser

MAX_ENTRIES = 50_000
MAX_ENTRY_BYTES = 64 * 2**20
MAX_TOTAL_BYTES = 512 * 2**20
#: Refuse entries that inflate more than this many times (above RATIO_FLOOR bytes).
MAX_RATIO = 200
RATIO_FLOOR = 2**20

OPF = "http://www.idpf.org/2007/opf"
DC = "http://purl.org/dc/elements/1.1/"
_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}(?:T\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:Z|[+-]\d{2}:\d{2})?)?\Z")
_LANGUAGE = re.compile(r"[A-Za-z]{2,3}(?:-[A-Za-z0-9]{1,8})*\Z")
CONTAINER = "urn:oasis:names:tc:opendocument:xmlns:container"
_WINDOWS_DRIVE = re.compile(r"[A-Za-z]:")


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


class SafeArchive:
    """Read-only access to a ZIP that refuses anything a zip bomb or traversal needs."""

    def __init__(self, data: bytes, source: str) -> None:
        self.source = source
        try:
            self._zip = zipfile.ZipFile(io.BytesIO(data))
            infos = self._zip.infolist()
        except (zipfile.BadZipFile, zipfile.LargeZipFile, ValueError, EOFError) as error:
            raise ConvertError(f"not a readable ZIP archive (truncated or damaged?): {error}",
                               source=source, code="invalid") from None
        if len(infos) > MAX_ENTRIES:
            raise ConvertError(f"too many archive entries ({len(infos)} > {MAX_ENTRIES})",
                               source=source, code="too-large")
        self._infos: dict[str, zipfile.ZipInfo] = {}
        declared_total = 0
        for info in infos:
            self._check_entry(info)
            declared_total += info.file_size
        if declared_total > MAX_TOTAL_BYTES:
            raise ConvertError(f"archive inflates to more than {MAX_TOTAL_BYTES // 2**20} MiB",
                               source=source, code="too-large")

    def error(self, entry: str, message: str, line: int | None = None,
              code: str = "invalid") -> ConvertError:
        return ConvertError(message, source=f"{self.source}!/{entry}", line=line, code=code)

    def _check_entry(self, info: zipfile.ZipInfo) -> None:
        name = info.filename
        parts = name.split("/")
        if (name.startswith("/") or "\\" in name or "\x00" in name or ".." in parts
                or _WINDOWS_DRIVE.match(name)):
            raise self.error(name, "unsafe entry name (absolute, '..' or backslash)")
        if info.create_system == 3 and (info.external_attr >> 16) & 0o170000 == 0o120000:
            raise self.error(name, "symbolic link entries are not allowed")
        if info.flag_bits & 0x1:
            raise self.error(name, "encrypted entries are not supported (DRM?)")
        if name in self._infos:
            raise self.error(name, "duplicate entry name")
        if info.file_size > MAX_ENTRY_BYTES:
            raise self.error(name, f"entry inflates to more than {MAX_ENTRY_BYTES // 2**20} MiB",
                             code="too-large")
        if info.file_size > RATIO_FLOOR and info.file_size > MAX_RATIO * max(info.compress_size, 1):
            raise self.error(name, f"compression ratio above {MAX_RATIO}:1 (zip bomb?)",
                             code="too-large")
        self._infos[name] = info

    def read(self, name: str, required: bool = False) -> bytes:
        """An entry's bytes (its declared size passed the caps in ``_check_entry``)."""
        info = self._infos.get(name)
        if info is None:
            if required:
                raise ConvertError(f"not an EPUB: no {name} entry", source=self.source,
                                   code="invalid")
            raise self.error(name, "referenced but missing from the archive")
        try:
            with self._zip.open(info) as stream:
                return stream.read()  # stops at the declared (already capped) size
        except (zipfile.BadZipFile, zlib.error, EOFError, NotImplementedError) as error:
            raise self.error(name, f"damaged archive entry: {error}") from None

    def resolve(self, base: str, href: str, referrer: str) -> str:
        """The entry an ``href`` in ``referrer`` points to, never outside the archive."""
        target = posixpath.normpath(posixpath.join(posixpath.dirname(base),
                                                   unquote(href.split("#")[0])))
        if target.startswith(("../", "/")) or target == "..":
            raise self.error(referrer, f"reference {href!r} points outside the book")
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
            return archive.resolve("", rootfile.get("full-path", ""), container)
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
        item.get("id", ""): (archive.resolve(path, item.get("href", ""), path),
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
    blocks = parser.blocks(body)
    headline: str | None = None
    if blocks and isinstance(blocks[0], Heading) and blocks[0].level == 1:
        headline, blocks = plain_text(blocks[0].content), blocks[1:]
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
