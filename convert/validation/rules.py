"""Our own rules: what the official schemas cannot express.

- NewsML-G2: a QCode whose alias no catalog of its item declares; a ``guid``
  used twice in one newsMessage; ``versionCreated`` before ``firstCreated``;
  ``xml:lang`` / ``language/@tag`` values that are not well-formed BCP 47.
- ninjs: ``versionCreated`` before ``firstCreated``; a ``version`` that is not a whole
  number from 1 (AP writes "0"); a ``language`` that is not
  BCP 47.
- EPUB: links, images and manifest entries that point at nothing in the book,
  and fragment identifiers that no element carries.

Each check returns :class:`Hit` values; the caller turns them into findings
for its file.
"""

from __future__ import annotations

import functools
import posixpath
import re
from collections.abc import Callable, Set
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple, cast

from convert.errors import ConvertError
from convert.formats.newsml import NAR_TAG_PREFIX as NAR
from convert.formats.newsml import IPTC_CATALOG_HREF, QCODE_ATTRIBUTES
from convert.validation.results import Severity
from convert.validation.xsd import element_line

if TYPE_CHECKING:
    from datetime import date, datetime

XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"


class Hit(NamedTuple):
    line: int | None
    severity: Severity
    code: str
    message: str
    part: str | None = None


# ---------------------------------------------------------------- BCP 47

_GRANDFATHERED = ("en-gb-oed|i-ami|i-bnn|i-default|i-enochian|i-hak|i-klingon|i-lux|i-mingo|"
                  "i-navajo|i-pwn|i-tao|i-tay|i-tsu|sgn-be-fr|sgn-be-nl|sgn-ch-de")
_LANGTAG = (r"(?:[a-z]{2,3}(?:-[a-z]{3}){0,3}|[a-z]{4}|[a-z]{5,8})"  # language (+ extlang)
            r"(?:-[a-z]{4})?"                                         # script
            r"(?:-(?:[a-z]{2}|[0-9]{3}))?"                            # region
            r"(?:-(?:[a-z0-9]{5,8}|[0-9][a-z0-9]{3}))*"               # variants
            r"(?:-[a-wyz0-9](?:-[a-z0-9]{2,8})+)*"                    # extensions
            r"(?:-x(?:-[a-z0-9]{1,8})+)?")                            # private use


@functools.cache
def full_bcp47_grammar() -> re.Pattern[str]:
    """The RFC 5646 syntax as one pattern (compiled on first use: it costs
    more than validating a few hundred files, and most tags never need it)."""
    return re.compile(rf"^(?:{_LANGTAG}|x(?:-[a-z0-9]{{1,8}})+|{_GRANDFATHERED})$", re.I)


@functools.lru_cache(maxsize=256)  # a run's files mostly share a few tags; memory stays flat
def is_bcp47(tag: str) -> bool:
    """Is ``tag`` a well-formed BCP 47 language tag (RFC 5646 syntax; the
    subtag registry is not consulted)?"""
    return simple_language_tag(tag) or bool(full_bcp47_grammar().match(tag))


def simple_language_tag(tag: str) -> bool:
    """Is ``tag`` a plain ``language[-Script][-REGION]`` in ASCII (``en``,
    ``en-GB``, ``zh-Hant-TW``, ``es-419``)?  Such tags are well-formed; this
    answers for nearly every real tag without the full grammar."""
    language, *rest = tag.split("-")
    if not (tag.isascii() and 2 <= len(language) <= 3 and language.isalpha()):
        return False
    if rest and len(rest[0]) == 4 and rest[0].isalpha():
        rest = rest[1:]
    if rest and ((len(rest[0]) == 2 and rest[0].isalpha())
                 or (len(rest[0]) == 3 and rest[0].isdigit())):
        rest = rest[1:]
    return not rest


# ---------------------------------------------------------------- dates

_DATE_TIME = re.compile(r"^(\d{4})-(\d\d)-(\d\d)(?:T(\d\d):(\d\d):(\d\d)(?:\.(\d+))?)?"
                        r"(Z|[+-]\d\d:\d\d)?$")


def _moment(value: str) -> date | datetime | None:
    """An ISO 8601 / xs:dateTime value as a date (date only) or datetime; None if unreadable."""
    from datetime import date, datetime

    match = _DATE_TIME.match(value.strip())
    if not match:
        return None
    year, month, day, hour, minute, second, fraction, zone = match.groups()
    try:
        if hour is None:
            return date(int(year), int(month), int(day))
        micro = (fraction or "0")[:6].ljust(6, "0")
        text = f"{year}-{month}-{day}T{hour}:{minute}:{second}.{micro}"
        if zone:
            text += "+00:00" if zone == "Z" else zone
        return datetime.fromisoformat(text)
    except ValueError:
        return None


def created_before_first(version_created: str, first_created: str) -> bool:
    """True when ``version_created`` is earlier than ``first_created``.

    Compared as dates when either is a date only, and not at all when one
    has a time zone and the other does not (their order is then unknown).
    """
    from datetime import datetime

    version, first = _moment(version_created), _moment(first_created)
    if version is None or first is None:
        return False
    if not isinstance(version, datetime) or not isinstance(first, datetime):
        as_date = [m.date() if isinstance(m, datetime) else m for m in (version, first)]
        return as_date[0] < as_date[1]
    if (version.tzinfo is None) != (first.tzinfo is None):
        return False
    return version < first


# ---------------------------------------------------------------- NewsML-G2


#: The IPTC catalog version available locally; older versions are subsets of it.
LOCAL_IPTC_CATALOG_VERSION = 41


@functools.cache
def catalog_aliases(path: Path) -> frozenset[str]:
    """Every scheme alias a catalog file declares."""
    from lxml import etree

    from convert.formats.safexml import xml_parser

    tree = etree.parse(str(path), xml_parser())
    return frozenset(str(scheme.get("alias")) for scheme in tree.iter(f"{NAR}scheme")
                     if scheme.get("alias"))


_NAR_ELEMENTS = f"{NAR}*"
_SCHEME = f"{NAR}scheme"
_CATALOG_REF = f"{NAR}catalogRef"
_VERSION_CREATED = f"{NAR}versionCreated"


class _ItemScan:
    """The QCodes of an item's NewsML-G2 elements and the aliases its own
    schemes declare, gathered in one walk (the elements without attributes,
    most of them, cost nothing more)."""

    __slots__ = ("qcodes", "aliases")

    def __init__(self, item: Any) -> None:
        #: (element, attribute, value) of every QCode-typed attribute.
        self.qcodes: list[tuple[Any, str, str]] = []
        #: Aliases the item's own ``scheme`` elements declare.
        self.aliases: set[str] = set()
        for element in item.iter(_NAR_ELEMENTS):
            for name, value in element.items():
                if name in QCODE_ATTRIBUTES:
                    self.qcodes.append((element, name, value))
                elif name == "alias" and value and element.tag == _SCHEME:
                    self.aliases.add(value)


@functools.cache
def _rule_nodes() -> Any:
    """What the rules need of every item, selected in C in one call, in
    document order: its ``catalogRef`` children, the first ``itemMeta``'s
    first ``versionCreated`` and ``firstCreated``, and the non-empty
    ``xml:lang`` and ``language/@tag`` values of its NewsML-G2 elements (a
    walk over every element in Python cost more than the XSD check)."""
    from lxml import etree

    return etree.XPath(
        "nar:catalogRef | nar:itemMeta[1]/nar:versionCreated[1]"
        " | nar:itemMeta[1]/nar:firstCreated[1]"
        " | descendant-or-self::nar:*/@xml:lang[. != '']"
        " | descendant-or-self::nar:language/@tag[. != '']", namespaces={"nar": NAR[1:-1]})


class NewsmlRules:
    """The NewsML-G2 rules for one file, item by item (state: guids seen,
    catalogs already reported as unavailable)."""

    def __init__(self, iptc_catalog: Path | None) -> None:
        self.iptc_catalog = iptc_catalog
        self.guids: dict[str, int | None] = {}
        self.reported_catalogs: set[str] = set()

    def item(self, item: Any, in_message: bool) -> list[Hit]:
        catalogs: list[Any] = []
        languages: list[tuple[Any, str]] = []
        version = first = None
        for node in _rule_nodes()(item):
            if isinstance(node, str):  # an attribute's value (lxml's smart string): a tag
                languages.append((cast(Any, node).getparent(), str(node)))
            elif node.tag == _CATALOG_REF:
                catalogs.append(node)
            elif node.tag == _VERSION_CREATED:
                version = node
            else:
                first = node
        alias_sets, unavailable = self._catalogs(catalogs)
        hits = [Hit(element_line(item), "info", "catalog-unavailable", message)
                for message in unavailable]
        if alias_sets is not None:  # else QCodes cannot be checked: no walk for them
            scan = _ItemScan(item)
            hits += self._qcodes(scan, [scan.aliases, *alias_sets])
        hits += self._dates(version, first) + self._languages(languages)
        if in_message:
            hits += self._guid(item)
        return hits

    def _guid(self, item: Any) -> list[Hit]:
        guid = item.get("guid")
        if guid is None:
            return []
        if guid in self.guids:
            first = self.guids[guid]
            return [Hit(element_line(item), "error", "duplicate-guid",
                        f"guid {guid!r} is used twice in this newsMessage (first on line {first})")]
        self.guids[guid] = element_line(item)
        return []

    @staticmethod
    def _dates(version: Any, first: Any) -> list[Hit]:
        """``version``, ``first``: the item's ``versionCreated`` and ``firstCreated``."""
        if version is None or first is None or not version.text or not first.text:
            return []
        if created_before_first(version.text, first.text):
            return [Hit(element_line(version), "error", "version-before-first",
                        f"versionCreated {version.text.strip()} is before firstCreated "
                        f"{first.text.strip()}")]
        return []

    @staticmethod
    def _languages(languages: list[tuple[Any, str]]) -> list[Hit]:
        return [Hit(element_line(element), "error", "language-tag",
                    f"{tag!r} is not a well-formed BCP 47 language tag")
                for element, tag in languages if not is_bcp47(tag)]

    @staticmethod
    def _qcodes(scan: _ItemScan, alias_sets: list[Set[str]]) -> list[Hit]:
        """``alias_sets``: the item's own schemes' aliases, then its catalogs'."""
        qcodes = [(element, name, code) for element, name, value in scan.qcodes
                  for code in value.split()]
        if not qcodes:
            return []
        if not any(alias_sets):
            return [Hit(element_line(qcodes[0][0]), "warning", "no-catalog",
                        "QCodes are used but the item declares no catalog, so they "
                        "have no defined meaning (add a catalogRef or use uri)")]
        hits = []
        for element, name, code in qcodes:
            alias = code.split(":", 1)[0] if ":" in code else None
            if alias is not None and not any(alias in aliases for aliases in alias_sets):
                # A warning: producers' private aliases are common in real feeds,
                # and a verdict must not turn on which catalogs are installed
                # (--strict makes it fail).
                hits.append(Hit(element_line(element), "warning", "qcode-prefix",
                                f"{name}={code!r}: alias {alias!r} is declared by no catalog "
                                "of this item"))
        return hits

    def _catalogs(self, refs: list[Any]) -> tuple[list[Set[str]] | None, list[str]]:
        """The alias sets of the catalogs of an item's ``catalogRef`` elements
        (None: a catalog is not available, so prefixes cannot be checked), and
        notes on unavailable catalogs."""
        alias_sets: list[Set[str]] = []
        notes, checkable = [], True
        for ref in refs:
            href = ref.get("href", "")
            match = IPTC_CATALOG_HREF.search(href)
            local = (self.iptc_catalog if match and int(match.group(1))
                     <= LOCAL_IPTC_CATALOG_VERSION else None)
            if local is not None:
                alias_sets.append(catalog_aliases(local))
                continue
            checkable = False
            if href not in self.reported_catalogs:
                self.reported_catalogs.add(href)
                why = ("the IPTC catalog was not found (run `newsconvert schemas pull`)"
                       if match and self.iptc_catalog is None else "it is not available offline")
                notes.append(f"QCode aliases from catalog {href} not checked: {why}")
        return (alias_sets if checkable else None), notes


# ---------------------------------------------------------------- ninjs


def ninjs_hits(data: Any, line_of: Callable[[str], int | None]) -> list[Hit]:
    """Rules for one ninjs object; ``line_of`` gives a top-level key's line."""
    if not isinstance(data, dict):
        return []
    hits = []
    language = data.get("language")
    if isinstance(language, str) and not is_bcp47(language):
        hits.append(Hit(line_of("language"), "error", "language-tag",
                        f"language {language!r} is not a well-formed BCP 47 language tag"))
    item_version = data.get("version")
    if isinstance(item_version, str) and not (item_version.isascii() and item_version.isdigit()
                                              and int(item_version) >= 1):
        hits.append(Hit(line_of("version"), "error", "version-number",
                        f"version {item_version!r} is not a whole number from 1 (the version "
                        "of the item, as NewsML-G2 counts them)"))
    version_key = "versionCreated" if "versionCreated" in data else "versioncreated"
    first_key = "firstCreated" if "firstCreated" in data else "firstcreated"
    version, first = data.get(version_key), data.get(first_key)
    if isinstance(version, str) and isinstance(first, str) and created_before_first(version,
                                                                                    first):
        hits.append(Hit(line_of(version_key), "error", "version-before-first",
                        f"{version_key} {version} is before {first_key} {first}"))
    return hits


# ---------------------------------------------------------------- EPUB

_CONTAINER_NS = "{urn:oasis:names:tc:opendocument:xmlns:container}"
_OPF_NS = "{http://www.idpf.org/2007/opf}"
_XHTML_NS = "{http://www.w3.org/1999/xhtml}"
_LINK_ATTRIBUTES = (("a", "href"), ("link", "href"), ("img", "src"), ("script", "src"),
                    ("source", "src"), ("audio", "src"), ("video", "src"),
                    ("iframe", "src"), ("area", "href"))


def epub_hits(path: Path) -> list[Hit]:
    """Dangling references inside an EPUB: manifest items missing from the
    zip, and links/images/fragments that point at nothing in the book.  The
    book is read through :class:`SafeArchive` (its caps and refusals)."""
    from lxml import etree

    from convert.formats.safezip import SafeArchive

    try:
        with SafeArchive(path, str(path)) as book:
            book.verify()  # every entry, so that EPUBCheck is never given a bomb
            names = book.names()
            opf_path = _opf_path(book) if "META-INF/container.xml" in names else None
            if opf_path is None or opf_path not in names:
                return [Hit(None, "error", "no-package",
                            "META-INF/container.xml names no package document in the book")]
            parsed: dict[str, Any] = {}
            hits, documents = _manifest(book, opf_path, names, parsed)
            for document in documents:
                hits += _links(book, document, names, parsed)
            return hits
    except ConvertError as error:
        part = error.source.partition("!/")[2] if error.source else ""
        return [Hit(None, "error", REFUSED_ARCHIVE, error.message, part=part or None)]
    except (OSError, etree.XMLSyntaxError) as error:
        return [Hit(None, "error", "unreadable", f"not a readable EPUB: {error}")]


#: The code of a book :class:`SafeArchive` refuses (caps, encryption, unknown
#: compression, damage): no other checker is given it either.
REFUSED_ARCHIVE = "refused-archive"


def _parse_part(book: Any, name: str, parsed: dict[str, Any]) -> Any:
    from lxml import etree

    from convert.formats.safexml import xml_parser

    if name not in parsed:
        parsed[name] = etree.fromstring(book.read(name), xml_parser())
    return parsed[name]


def _opf_path(book: Any) -> str | None:
    from lxml import etree

    from convert.formats.safexml import xml_parser

    container = etree.fromstring(book.read("META-INF/container.xml"), xml_parser())
    rootfile = container.find(f".//{_CONTAINER_NS}rootfile")
    return rootfile.get("full-path") if rootfile is not None else None


def _manifest(book: Any, opf_path: str, names: set[str],
              parsed: dict[str, Any]) -> tuple[list[Hit], list[str]]:
    package = _parse_part(book, opf_path, parsed)
    base = posixpath.dirname(opf_path)
    hits, documents = [], []
    for item in package.iter(f"{_OPF_NS}item"):
        target = _resolve(base, item.get("href", ""))
        if target is None:
            continue
        if target not in names:
            hits.append(Hit(element_line(item), "error", "dangling-link",
                            f"manifest item {item.get('href')!r} is not in the book",
                            part=opf_path))
        elif item.get("media-type") == "application/xhtml+xml":
            documents.append(target)
    return hits, documents


def _links(book: Any, document: str, names: set[str], parsed: dict[str, Any]) -> list[Hit]:
    root = _parse_part(book, document, parsed)
    base = posixpath.dirname(document)
    hits = []
    for tag, attribute in _LINK_ATTRIBUTES:
        for element in root.iter(f"{_XHTML_NS}{tag}"):
            reference = element.get(attribute)
            if reference is None:
                continue
            problem = _dangling(book, document, base, reference, names, parsed)
            if problem:
                hits.append(Hit(element_line(element), "error", "dangling-link",
                                f"<{tag} {attribute}={reference!r}>: {problem}", part=document))
    return hits


def _dangling(book: Any, document: str, base: str, reference: str, names: set[str],
              parsed: dict[str, Any]) -> str | None:
    """Why ``reference`` points at nothing in the book, or None when it resolves."""
    from urllib.parse import unquote, urlsplit

    split = urlsplit(reference)
    if split.scheme or split.netloc:
        return None
    target = document if not split.path else _resolve(base, split.path)
    if target is None or target not in names:
        return f"{split.path!r} is not in the book"
    if split.fragment and target.endswith((".xhtml", ".html", ".htm")):
        ids = {element.get("id") for element in _parse_part(book, target, parsed).iter()
               if element.get("id")}
        if unquote(split.fragment) not in ids:
            return f"no element with id {split.fragment!r} in {target}"
    return None


def _resolve(base: str, href: str) -> str | None:
    from urllib.parse import unquote, urlsplit

    path = unquote(urlsplit(href).path)
    if not path:
        return None
    joined = posixpath.normpath(posixpath.join(base, path))
    return None if joined.startswith("../") else joined
