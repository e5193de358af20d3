"""The one table of every reader and writer.

Like pandoc's ``readers``/``writers`` association lists: the CLI, batch runs,
format detection, validation and the tests all read these tables, so adding a
format is one row here, one module under ``readers/`` or ``writers/`` and its
tests (the recipe is in README.md, "Development").  Each reader's row carries
its recogniser (``sniff``), as Superdesk's feed parsers carry ``can_parse``.

A reader is a *text* reader (it is given ``str``, decoded strictly as UTF-8)
or a *bytes* reader (it decodes, or unzips, the input itself).  Modules are
imported only when a format is used, which keeps ``--help`` instant.
"""

from __future__ import annotations

import importlib
import os
import re
from collections.abc import Callable, Iterator, Sequence
from typing import TYPE_CHECKING, Any, Literal, Protocol, TypeVar, cast

from convert.errors import ConvertError

if TYPE_CHECKING:  # the validator sniffs formats without loading the model
    from convert.model import Document
    from convert.options import ReadOptions, WriteOptions

ReaderKind = Literal["text", "bytes"]


class _ReaderModule(Protocol):
    """A module under ``convert/readers``: ``data`` is ``str`` for a text
    reader, ``bytes`` for a bytes reader; only container readers have ``read_all``."""

    def read(self, data: Any, options: ReadOptions, /) -> Document: ...

    def read_all(self, data: Any, options: ReadOptions, /) -> Iterator[Document]: ...


class _WriterModule(Protocol):
    """A module under ``convert/writers``: ``docs`` is a list of documents for a
    collection writer, one document otherwise; ``losses`` is optional."""

    def write(self, docs: Any, options: WriteOptions, /) -> bytes: ...

    def losses(self, doc: Document, options: WriteOptions, /) -> Sequence[str]: ...


class _SeveralWriterModule(_WriterModule, Protocol):
    """A writer that can also put several documents in one output."""

    def write_several(self, docs: list[Document], options: WriteOptions, /) -> bytes: ...


# The rows are plain classes: every command line imports this table, and making
# a dataclass or NamedTuple class costs more than a short run's own work.
class ReaderSpec:
    """A reader's row.  ``sniff``: does this input look like ours (given the
    first 64 KiB)?  ``container``: one input may hold several documents (a
    newsMessage, a book).  ``validator``: the function of
    :mod:`convert.validation.checks` that validates this format
    (``newsconvert validate``); None: no validator for it yet."""

    __slots__ = ("name", "kind", "extensions", "description", "sniff", "container", "validator")

    def __init__(self, name: str, kind: ReaderKind, extensions: tuple[str, ...],
                 description: str, sniff: Callable[[bytes], bool], container: bool = False,
                 validator: str | None = None) -> None:
        self.name, self.kind, self.extensions, self.description = name, kind, extensions, \
            description
        self.sniff, self.container, self.validator = sniff, container, validator

    def __repr__(self) -> str:
        return f"ReaderSpec({self.name!r})"

    @property
    def module(self) -> str:
        return f"convert.readers.{self.name}"

    def validation_check(self) -> Callable[..., Any] | None:
        """The validator's check for this format, imported only when used."""
        if self.validator is None:
            return None
        checks = importlib.import_module("convert.validation.checks")
        return cast("Callable[..., Any]", getattr(checks, self.validator))

    def _module(self) -> _ReaderModule:
        return cast(_ReaderModule, importlib.import_module(self.module))

    def read(self, data: bytes, options: ReadOptions) -> Document:
        return self._module().read(self._decoded(data, options), options)

    def read_all(self, data: bytes, options: ReadOptions) -> Iterator[Document]:
        module = self._module()
        decoded = self._decoded(data, options)
        if self.container:
            yield from module.read_all(decoded, options)
        else:
            yield module.read(decoded, options)

    def _decoded(self, data: bytes, options: ReadOptions) -> bytes | str:
        if self.kind == "bytes":
            return data
        try:
            return data.decode("utf-8-sig")
        except UnicodeDecodeError as error:
            line = data[: error.start].count(b"\n") + 1
            raise ConvertError(
                f"not valid UTF-8 (byte 0x{data[error.start]:02x} at offset {error.start}); "
                f"{self.name} input must be UTF-8",
                source=options.source_name, line=line, code="encoding",
            ) from None


class WriterSpec:
    """A writer's row.  ``collection``: writes many documents into one output
    (``write(docs, options)``).  ``several``: writes one document per output,
    but several into one stream when asked (canonical JSON: an array, or JSON
    Lines).  ``module_name``: the module under ``convert/writers`` (several
    writers may share one)."""

    __slots__ = ("name", "extension", "media_type", "description", "collection", "several",
                 "module_name")

    def __init__(self, name: str, extension: str, media_type: str, description: str,
                 collection: bool = False, several: bool = False, module_name: str = "") -> None:
        self.name, self.extension, self.media_type, self.description = name, extension, \
            media_type, description
        self.collection, self.several, self.module_name = collection, several, module_name

    def __repr__(self) -> str:
        return f"WriterSpec({self.name!r})"

    @property
    def module(self) -> str:
        return f"convert.writers.{self.module_name or self.name}"

    def _module(self) -> _WriterModule:
        return cast(_WriterModule, importlib.import_module(self.module))

    def write(self, docs: Sequence[Document], options: WriteOptions) -> bytes:
        """The writer's bytes.  Text the format cannot hold (lxml refuses control
        characters; UTF-8 has no lone surrogates) is a ConvertError, not a crash."""
        module = self._module()
        if len(docs) != 1 and not (self.collection or self.several):
            raise ConvertError(f"the {self.name} writer takes one document, got {len(docs)}",
                               code="usage")
        try:
            if self.collection:
                return module.write(list(docs), options)
            if len(docs) > 1:
                return cast(_SeveralWriterModule, module).write_several(list(docs), options)
            return module.write(docs[0], options)
        except (ValueError, UnicodeError) as error:
            raise ConvertError(f"cannot be written as {self.name}: {error}",
                               code="unrepresentable") from None

    def losses(self, doc: Document, options: WriteOptions) -> list[str]:
        """What this writer cannot carry of ``doc``, in words, for warnings.

        A writer module that can lose fields exposes ``losses(doc, options)``.
        """
        module = self._module()
        return list(module.losses(doc, options)) if hasattr(module, "losses") else []


# ---------------------------------------------------------------- sniffing

# The recognisers' patterns are compiled on first use (``re`` keeps them): every
# command line imports this table, most never sniff an input.
_XML_ROOT = rb"<(?:[A-Za-z_][\w.-]*:)?([A-Za-z_][\w.-]*)[\s/>]"


def _xml_root(head: bytes) -> bytes | None:
    text = head.lstrip(b"\xef\xbb\xbf \t\r\n")
    if not text.startswith(b"<"):
        return None
    for match in re.finditer(_XML_ROOT, text):
        if not text[match.start() + 1:match.start() + 2] in (b"?", b"!"):
            return match.group(1)
    return None


#: Root elements of NewsML-G2 documents.
_NEWSML_ROOTS = (b"newsItem", b"newsMessage", b"packageItem", b"conceptItem",
                 b"knowledgeItem", b"planningItem", b"catalog")


def _looks_newsml(head: bytes) -> bool:
    """A NewsML-G2 root element, or another root declaring the G2 namespace
    itself: a namespace met later in the file (an HTML page's embedded data)
    does not make it NewsML-G2."""
    root = _xml_root(head)
    if root in _NEWSML_ROOTS:
        return True
    if root is None or root in (b"html", b"article"):
        return False
    from convert.formats.newsml import NAR  # not at import: --help needs no NewsML-G2

    tag = head[head.find(b"<" + root):]
    # the namespace as it appears in a file, whatever the scheme or trailing slash
    return NAR.removeprefix("http://").rstrip("/").encode() in tag[:tag.find(b">") + 1]


def _looks_nitf(head: bytes) -> bool:
    return _xml_root(head) == b"nitf"


#: An ``<html>`` element with a ``<head>`` or ``<body>``, anywhere in the first
#: bytes: saved pages often start with a script or a server's error messages.
_HTML_PAGE = rb"(?is)<html[\s>].*?<(?:head|body)[\s>]"


def looks_html(head: bytes) -> bool:
    """Any HTML page or article fragment (ours or another site's)."""
    start = head.lstrip(b"\xef\xbb\xbf \t\r\n")[:200].lower()
    return (start.startswith(b"<!doctype html") or _xml_root(head) in (b"html", b"article")
            or (re.search(_HTML_PAGE, head) is not None
                and not _looks_newsml(head) and not _looks_nitf(head)
                and not _looks_feed(head)))


#: What only our HTML writer writes: its generator tag, or (``--fragment``) the
#: article element with our class as the root.
_OUR_HTML = rb'<meta name="generator" content="newsconvert"|^\s*<article class="news-article"'


def _looks_html(head: bytes) -> bool:
    """An HTML page or fragment newsconvert wrote (read back exactly)."""
    return looks_html(head) and re.search(_OUR_HTML, head) is not None


def _looks_webpage(head: bytes) -> bool:
    """Another site's HTML page: its article is extracted."""
    return looks_html(head) and re.search(_OUR_HTML, head) is None


def _json_start(head: bytes) -> bytes:
    return head.lstrip(b"\xef\xbb\xbf \t\r\n")


def _looks_canonical_json(head: bytes) -> bool:
    start = _json_start(head)
    return start.startswith(b"{") and b'"provenance"' in head and b'"body"' in head


def _looks_ninjs(head: bytes) -> bool:
    """Any JSON that is not our canonical JSON: the ninjs reader says what is wrong."""
    return _json_start(head).startswith((b"{", b"[")) and not _looks_canonical_json(head)


def looks_binary(head: bytes) -> bool:
    """NUL bytes that no UTF-16 byte order mark explains: not text."""
    return b"\x00" in head and not head.startswith((b"\xff\xfe", b"\xfe\xff"))


def looks_markup(head: bytes) -> bool:
    return _json_start(head).startswith(b"<")


def xml_root_name(head: bytes) -> str | None:
    """The local name of an XML document's root element (``newsItem``,
    ``newsMessage``, ``html``...), from its first bytes; ``None`` if not XML."""
    root = _xml_root(head)
    return root.decode("ascii", "replace") if root is not None else None


def _looks_epub(head: bytes) -> bool:
    return head.startswith(b"PK\x03\x04") and b"application/epub+zip" in head[:200]


#: IPTC 7901 message heading: service identification and message number,
#: priority, category, word count, optional fields (``eca0003 3 i 380  dpa 0045``).
IPTC7901_HEADING = (
    r"^(?P<service>[A-Za-z]{1,5})(?P<number>\d{1,6}) +(?P<priority>[1-9]) +"
    r"(?P<category>[A-Za-z]{1,3}) +(?P<words>\d{1,6})(?: +(?P<optional>.*?))? *$")
#: ANPA-1312 first line: SYN SYN SOH, service designator, story number, US, selector code.
ANPA1312_FIRST_LINE = rb"^\x16*\x01(?P<service>[A-Za-z])(?P<number>\d{4})\x1f(?P<selector>\S*)"


def _looks_iptc7901(head: bytes) -> bool:
    """SOH and an IPTC 7901 heading; or, control characters stripped in transit, the
    heading as the first line and a keyword line (``a/b/c/``) under it."""
    text = head.lstrip(b"\x16").decode("latin-1")
    first, _, rest = text.partition("\n")
    first = first.rstrip("\r")
    if first.startswith("\x01"):
        return bool(re.match(IPTC7901_HEADING, first[1:]))
    keyword = next((line for line in rest[:2000].splitlines() if line.strip()), "")
    return bool(re.match(IPTC7901_HEADING, first)) and (
        "\x02" in text or re.fullmatch(r"/?(?:[^/\s][^/]*/)+[^/]*", keyword.strip()) is not None)


def _looks_feed(head: bytes) -> bool:
    """RSS 0.9x/2.0 (``<rss>``), RSS 1.0 (``<rdf:RDF>`` with the RSS namespace) or Atom."""
    root = _xml_root(head)
    return root == b"rss" or (root == b"feed" and b"http://www.w3.org/2005/Atom" in head) or (
        root == b"RDF" and b"http://purl.org/rss/1.0/" in head)


def _looks_anpa1312(head: bytes) -> bool:
    return re.match(ANPA1312_FIRST_LINE, head) is not None


def _looks_text(head: bytes) -> bool:
    return not any(sniff(head) for sniff in (_looks_newsml, looks_html, _looks_epub)) and (
        not _json_start(head).startswith((b"{", b"["))
    )


READERS: tuple[ReaderSpec, ...] = (
    ReaderSpec("text", "bytes", (".txt", ".text", ".md"),
               "plain-text news article (any common encoding)", _looks_text, validator="text"),
    ReaderSpec("json", "text", (".json",),
               "newsconvert canonical JSON (schemas/document.schema.json)",
               _looks_canonical_json, validator="canonical"),
    ReaderSpec("ninjs", "text", (".json",), "IPTC ninjs 1.6, 2.2 or 3.1 (detected)",
               _looks_ninjs, container=True, validator="ninjs"),
    ReaderSpec("newsml", "bytes", (".xml",), "IPTC NewsML-G2 newsItem or newsMessage",
               _looks_newsml, container=True, validator="newsml"),
    ReaderSpec("nitf", "bytes", (".xml",), "IPTC NITF 3.x news document", _looks_nitf),
    ReaderSpec("html", "text", (".html", ".htm", ".xhtml"),
               "HTML article pages written by newsconvert", _looks_html, validator="html"),
    ReaderSpec("epub", "bytes", (".epub",), "EPUB 3 books written by newsconvert",
               _looks_epub, container=True, validator="epub"),
    ReaderSpec("iptc7901", "bytes", (".txt",), "IPTC 7901 agency wire message (SOH/STX/ETX)",
               _looks_iptc7901),
    ReaderSpec("anpa1312", "bytes", (".txt",), "ANPA-1312 agency wire story (SYN SYN SOH)",
               _looks_anpa1312),
    ReaderSpec("webpage", "bytes", (".html", ".htm"),
               "a saved news web page from any site (article extracted by trafilatura)",
               _looks_webpage, validator="html"),
    ReaderSpec("feed", "bytes", (".rss", ".atom"),
               "RSS or Atom feed (feedparser): each entry one document", _looks_feed,
               container=True),
)

WRITERS: tuple[WriterSpec, ...] = (
    WriterSpec("json", ".json", "application/json", "newsconvert canonical JSON", several=True),
    WriterSpec("ninjs", ".ninjs.json", "application/json",
               "IPTC ninjs (--ninjs-version 3.1, 2.2, 1.6)"),
    WriterSpec("newsml", ".xml", "application/vnd.iptc.g2.newsitem+xml",
               "IPTC NewsML-G2 2.35 newsItem"),
    WriterSpec("newsml-message", ".xml", "application/vnd.iptc.g2.newsmessage+xml",
               "IPTC NewsML-G2 2.35 newsMessage holding every input", collection=True,
               module_name="newsml_message"),
    WriterSpec("html", ".html", "text/html", "standalone HTML5 article page (--fragment)"),
    WriterSpec("epub", ".epub", "application/epub+zip", "EPUB 3 book (one chapter per article)",
               collection=True),
)

READER_NAMES = {spec.name: spec for spec in READERS}
WRITER_NAMES = {spec.name: spec for spec in WRITERS}


def reader(name: str) -> ReaderSpec:
    return _named(READER_NAMES, name, "input")


def writer(name: str) -> WriterSpec:
    return _named(WRITER_NAMES, name, "output")


Spec = TypeVar("Spec", ReaderSpec, WriterSpec)


def _named(table: dict[str, Spec], name: str, direction: str) -> Spec:
    try:
        return table[name]
    except KeyError:
        raise ConvertError(f"unknown {direction} format {name!r}; known: {', '.join(table)}",
                           code="usage") from None


def writer_for_path(path: str) -> WriterSpec | None:
    """The writer an output file name asks for (``a.html``, ``a.ninjs.json``),
    the longest matching extension first; where a one-document writer and a
    collection writer share the extension (``.xml``), the one-document writer;
    None when the name says nothing."""
    name = os.path.basename(path).lower()
    for length in sorted({len(spec.extension) for spec in WRITERS}, reverse=True):
        matching = [spec for spec in WRITERS if len(spec.extension) == length
                    and name.endswith(spec.extension) and len(name) > length]
        plain = [spec for spec in matching if not spec.collection]
        if len(matching) == 1:
            return matching[0]
        if matching:  # a.xml: one newsItem, not a newsMessage
            return plain[0] if len(plain) == 1 else None
    return None

