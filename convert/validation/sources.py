"""Where the official IPTC schemas come from, and ``newsconvert schemas pull``.

The IPTC files are not part of this project.  ``validate`` looks for each one,
in this order:

1. ``--schema PATH``: a NewsML-G2 ``.xsd``, a ninjs ``.json`` schema, or a
   folder laid out like the official bundle (``newsml-g2/``, ``ninjs/``);
2. the folder named by the environment variable ``NEWSCONVERT_SCHEMAS``
   (same layout);
3. the user cache filled by ``newsconvert schemas pull``
   (``$NEWSCONVERT_CACHE``, else ``$XDG_CACHE_HOME/newsconvert``, else
   ``~/.cache/newsconvert``; files under ``schemas/``);
4. nothing: the project's own structural checks run instead (``built-in``),
   and the report says so.

``pull`` downloads the files from IPTC's public GitHub repositories at pinned
commits and checks each against its known SHA-256 before writing it
atomically, so the cache never holds a partial or altered schema.
"""

from __future__ import annotations

import os
import re
from collections.abc import Mapping
from pathlib import Path
from types import MappingProxyType
from typing import NamedTuple

from convert.errors import ConvertError

SCHEMAS_ENV = "NEWSCONVERT_SCHEMAS"
CACHE_ENV = "NEWSCONVERT_CACHE"

NEWSML_XSD = "newsml-g2/NewsML-G2_2.35-spec-All-Power.xsd"
XML_XSD = "newsml-g2/xml.xsd"
IPTC_CATALOG = "newsml-g2/catalog/catalog.IPTC-G2-Standards_41.xml"
GEOJSON = "ninjs/GeoJSON-schema.json"
NINJS_VERSIONS = ("1.6", "2.2", "3.1")


def ninjs_schema_name(version: str) -> str:
    return f"ninjs/ninjs-schema_{version}.json"


_NEWSML_RAW = ("https://raw.githubusercontent.com/iptc/newsml-g2/"
               "7f172b01af0c343aacb1e1297ac0e75debabb4a7/specification/")
_CATALOG_RAW = ("https://raw.githubusercontent.com/iptc/python-newsmlg2/"
                "e6f7fb109096bcb16712e21c0b06ca8d1a58e40f/NewsMLG2/catalogs/")
_NINJS_RAW = ("https://raw.githubusercontent.com/iptc/newsinjson/"
              "3ace39707a725d6674279c3151e2f5323dc81074/")


class OfficialFile(NamedTuple):
    """One IPTC file: where it goes (relative path), where it comes from, its digest."""

    path: str
    url: str
    sha256: str


OFFICIAL_FILES: tuple[OfficialFile, ...] = (
    OfficialFile(NEWSML_XSD, _NEWSML_RAW + "NewsML-G2_2.35-spec-All-Power.xsd",
                 "06ef1c5076a32f2568ac8955994029890afac0268f795e3c26642ded52cf0181"),
    OfficialFile(XML_XSD, _NEWSML_RAW + "xml.xsd",
                 "61960fb3131e38022caad5360e2f33a3382578ab3c80cd58bd74320ede61b20c"),
    OfficialFile(IPTC_CATALOG, _CATALOG_RAW + "catalog.IPTC-G2-Standards_41.xml",
                 "bd35fd40dbdc565e9e1590faca981cb7d8ac28c34eb9a90b78ff8060d282ce71"),
    OfficialFile(ninjs_schema_name("1.6"), _NINJS_RAW + "specification/ninjs-schema_1.6.json",
                 "ae8deb3991f10368593ace8696888a3fd47189893dd327ab89eb344e6b966f49"),
    OfficialFile(ninjs_schema_name("2.2"), _NINJS_RAW + "specification/ninjs-schema_2.2.json",
                 "88c84fa87382c5a7a314fd44ab1041921c7cbac47ab9550bc4964b1fa30897e2"),
    OfficialFile(ninjs_schema_name("3.1"), _NINJS_RAW + "specification/ninjs-schema_3.1.json",
                 "404f578a299bf34e76e98f2de26ad9989882ebd7abf3a4d3cf3aa689b70a8744"),
    OfficialFile(GEOJSON, _NINJS_RAW + "validation/test_suite/GeoJSON-schema.json",
                 "e52886cce1429941ab3725a055a61d6bf8b6f5429837ff7dbca32f809e3500c2"),
)


class Located(NamedTuple):
    """A schema file that was found, and how (``--schema``, ``NEWSCONVERT_SCHEMAS``, ``cache``)."""

    path: Path
    origin: str


class SchemaSet(NamedTuple):
    """The official files this run uses; ``None`` where none was found."""

    newsml_xsd: Located | None = None
    catalog: Located | None = None
    geojson: Located | None = None
    ninjs: Mapping[str, Located] = MappingProxyType({})

    def describe(self) -> list[tuple[str, Located | None]]:
        """(name, location) for every schema, in a fixed order."""
        rows: list[tuple[str, Located | None]] = [
            ("newsml-g2 2.35 xsd", self.newsml_xsd), ("iptc catalog 41", self.catalog)]
        rows += [(f"ninjs {version}", self.ninjs.get(version)) for version in NINJS_VERSIONS]
        rows.append(("geojson", self.geojson))
        return rows


def cache_dir() -> Path:
    """The user cache folder (``schemas pull`` writes under ``<it>/schemas``)."""
    if os.environ.get(CACHE_ENV):
        return Path(os.environ[CACHE_ENV])
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "newsconvert"


def _roots(schema: str | None) -> list[tuple[Path, str]]:
    roots: list[tuple[Path, str]] = []
    if schema and Path(schema).is_dir():
        roots.append((Path(schema), "--schema"))
    if os.environ.get(SCHEMAS_ENV):
        folder = Path(os.environ[SCHEMAS_ENV])
        if not folder.is_dir():
            raise ConvertError(f"{SCHEMAS_ENV}={folder} is not a folder", code="usage")
        roots.append((folder, SCHEMAS_ENV))
    roots.append((cache_dir() / "schemas", "cache"))
    return roots


def _find(relative: str, roots: list[tuple[Path, str]]) -> Located | None:
    for root, origin in roots:
        if (root / relative).is_file():
            return Located(root / relative, origin)
    return None


_NINJS_ID = re.compile(r"ninjs-schema_(\d+)\.\d+\.json")


def locate(schema: str | None = None) -> SchemaSet:
    """Find every official file (see the module docstring for the order)."""
    roots = _roots(schema)
    found = SchemaSet(
        newsml_xsd=_find(NEWSML_XSD, roots), catalog=_find(IPTC_CATALOG, roots),
        geojson=_find(GEOJSON, roots),
        ninjs={v: hit for v in NINJS_VERSIONS if (hit := _find(ninjs_schema_name(v), roots))})
    if schema is None or Path(schema).is_dir():
        return found
    return _with_schema_file(found, Path(schema))


def _with_schema_file(found: SchemaSet, path: Path) -> SchemaSet:
    """``found`` with the one file given by ``--schema`` taking precedence."""
    if not path.is_file():
        raise ConvertError("no such schema file or folder", source=str(path), code="usage")
    given = Located(path, "--schema")
    if path.suffix.lower() == ".xsd":
        return SchemaSet(given, found.catalog, found.geojson, found.ninjs)
    if path.suffix.lower() == ".json":
        version = _ninjs_schema_version(path)
        return SchemaSet(found.newsml_xsd, found.catalog, found.geojson,
                         {**found.ninjs, version: given})
    raise ConvertError("--schema takes a NewsML-G2 .xsd, a ninjs .json schema or a folder",
                       source=str(path), code="usage")


def _ninjs_schema_version(path: Path) -> str:
    import json

    try:
        schema_id = str(json.loads(path.read_text(encoding="utf-8")).get("$id", ""))
    except (OSError, ValueError, AttributeError) as error:
        raise ConvertError(f"not a readable JSON schema: {error}", source=str(path),
                           code="usage") from None
    match = _NINJS_ID.search(schema_id) or _NINJS_ID.search(path.name)
    if not match:
        raise ConvertError("not a ninjs schema (its $id names no ninjs-schema_N.N.json)",
                           source=str(path), code="usage")
    return {"1": "1.6", "2": "2.2", "3": "3.1"}.get(match.group(1), match.group(1))


# ---------------------------------------------------------------- pull


class Pulled(NamedTuple):
    path: Path
    url: str


def pull(base_url: str | None = None, timeout: float = 60.0) -> list[Pulled]:
    """Download every official file into the cache, checking its SHA-256.

    ``base_url`` replaces the public sources with a server laid out like the
    official bundle (``<base>/newsml-g2/...``, ``<base>/ninjs/...``).
    """
    import hashlib

    from convert.files import write_atomic

    target = cache_dir() / "schemas"
    pulled = []
    for official in OFFICIAL_FILES:
        url = f"{base_url.rstrip('/')}/{official.path}" if base_url else official.url
        data = _download(url, timeout)
        digest = hashlib.sha256(data).hexdigest()
        if digest != official.sha256:
            raise ConvertError(f"SHA-256 mismatch: got {digest}, expected {official.sha256}",
                               source=url, code="checksum")
        write_atomic(target / official.path, data)
        pulled.append(Pulled(target / official.path, url))
    return pulled


def _download(url: str, timeout: float) -> bytes:
    import urllib.error
    import urllib.request

    if not url.startswith(("https://", "http://")):
        raise ConvertError("only http(s) URLs can be pulled", source=url, code="usage")
    try:
        with urllib.request.urlopen(url, timeout=timeout) as response:  # noqa: S310 (checked)
            return bytes(response.read())
    except (urllib.error.URLError, OSError) as error:
        reason = getattr(error, "reason", None) or error
        raise ConvertError(f"download failed: {reason}", source=url, code="io") from None
