"""What survives NewsML-G2 <-> ninjs <-> canonical JSON conversions, by the IPTC mapping.

    python bench/survival.py [--json]

Inputs: every official IPTC example (../shared/standards) and every real file in
../shared/corpus/thirdparty/{newsml,ninjs}.  The mapping is IPTC's own: each
ninjs 1.6 schema property names the NewsML-G2 element it stands for
(``nar:pubStatus``, ``nar:embargoed`` ...); :data:`FACTS` lists the ones a text
item carries, under their ninjs 2.2 names.

Figures printed (each "kept / total"):

- ``newsml->newsml``: metadata elements of the source (every child of
  ``itemMeta``, ``contentMeta``, ``rightsInfo``, plus the item's ``guid`` and
  ``version``) found identical in what newsconvert writes, compared as the XML
  Infoset has them (namespace-qualified names, so a producer's ``ns0:`` prefix
  is no difference; white space collapsed; comments left out);
- ``newsml->ninjs``: facts of the source (one per mapped property value) that
  the ninjs 3.1 output states with the same value;
- ``ninjs->ninjs``: top-level keys of the source written back (same version)
  with the same value (texts compared with whitespace collapsed, HTML bodies
  by their text).  Counted: the keys the official schema of that version
  defines (a producer's own keys, such as Superdesk's ``guid``, ``priority``,
  ``service``, are not ninjs) whose value states something (an empty string,
  array or object is no fact, as in the other figures); an AP Media API
  response is measured on the ninjs item in its ``data.item``;
- ``ninjs->newsml``: facts of the ninjs source that the NewsML-G2 output states;
- ``canonical``: documents whose canonical JSON, read back, gives the same
  Document (and the same NewsML-G2 and ninjs bytes).

In the fact figures a date-time's offset written without its colon (``+0000``, which
neither RFC 3339 nor xs:dateTime allows) is the same instant as ``+00:00``, as in
``ninjs->ninjs``.

Also: how many outputs pass the official schema and ``newsconvert validate``
(with the shared IPTC catalog).  Files a reader refuses are counted apart.
Figures are whatever the converter does today: nothing here is tuned to them.
"""

from __future__ import annotations

import argparse
import html
import json
import os
import re
import sys
import tempfile
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

SHARED = ROOT.parent / "shared"
STANDARDS = SHARED / "standards"
THIRDPARTY = SHARED / "corpus" / "thirdparty"
CATALOG = STANDARDS / "newsml-g2" / "catalog" / "catalog.IPTC-G2-Standards_41.xml"
XSD = STANDARDS / "newsml-g2" / "NewsML-G2_2.35-spec-All-Power.xsd"
NAR = "http://iptc.org/std/nar/2006-10-01/"
N = "{" + NAR + "}"

#: ninjs property (2.2 spelling) -> what NewsML-G2 says it is (the 1.6 schema's nar: names).
FACTS = ("uri", "version", "type", "firstcreated", "versioncreated", "contentcreated",
         "embargoed", "expires", "pubstatus", "urgency", "copyrightholder", "copyrightnotice",
         "usageterms", "ednote", "language", "headline", "slugline", "by", "located",
         "subjects", "genres", "infosources", "descriptions", "altids", "body")
#: ninjs 1.6 and 3.1 key -> the 2.2 spelling used in FACTS.
_KEY_ALIASES = {"subject": "subjects", "person": "subjects", "organisation": "subjects",
                "place": "subjects", "object": "subjects", "event": "subjects",
                "people": "subjects", "organisations": "subjects", "places": "subjects",
                "objects": "subjects", "events": "subjects", "genre": "genres",
                "infosource": "infosources", "byline": "by", "embargoeduntil": "embargoed"}


def load_aliases() -> dict[str, str]:
    from lxml import etree

    tree = etree.parse(str(CATALOG))
    return {scheme.get("alias"): scheme.get("uri") for scheme in tree.iter(N + "scheme")}


ALIASES: dict[str, str] = {}


def concept(qcode: str | None, uri: str | None, name: str | None) -> str | None:
    """One concept as a full URI (QCodes expanded by the IPTC catalog), else its name."""
    if uri:
        return uri.rstrip("/")
    if qcode and ":" in qcode:
        alias, code = qcode.split(":", 1)
        base = ALIASES.get(alias)
        return (base + code).rstrip("/") if base else qcode
    return f"name:{name}" if name else None


def norm(text: str | None) -> str:
    return " ".join((text or "").split())


#: A date-time's offset without its colon (``+0000``, which RFC 3339 and xs:dateTime do not
#: allow); group 1: all before the offset's minutes.
_COLONLESS_OFFSET = re.compile(r"(T\d{2}:\d{2}:\d{2}(?:\.\d+)?[+-]\d{2})(\d{2})$")


def same_instant(text: str) -> str:
    """A date-time with its offset written with the colon: ``+0000`` is the same instant as
    ``+00:00`` (and only the latter may be written to NewsML-G2 or ninjs)."""
    return _COLONLESS_OFFSET.sub(r"\1:\2", text)


def html_text(markup: str) -> str:
    return norm(html.unescape(re.sub(r"<[^>]+>", " ", markup)))


# ---------------------------------------------------------------- facts


def g2_facts(item: Any) -> Counter[tuple[str, str]]:
    from lxml import etree

    def kids(parent: Any, name: str) -> list[Any]:
        return [] if parent is None else parent.findall(N + name)

    def text(element: Any) -> str:
        return norm("".join(element.itertext()))

    meta, content, rights = item.find(N + "itemMeta"), item.find(N + "contentMeta"), \
        item.find(N + "rightsInfo")
    facts: Counter[tuple[str, str]] = Counter()

    def add(prop: str, value: str | None) -> None:
        if value:
            facts[(prop, same_instant(value))] += 1

    add("uri", item.get("guid"))
    add("version", item.get("version"))
    for element in kids(meta, "itemClass"):
        add("type", (element.get("qcode") or "").split(":")[-1])
    # ninjs has one edNote string: the item's edNotes are one fact
    add("ednote", norm(" ".join(text(e) for e in kids(meta, "edNote"))))
    for prop, parent, name in (("firstcreated", meta, "firstCreated"),
                               ("versioncreated", meta, "versionCreated"),
                               ("contentcreated", content, "contentCreated"),
                               ("embargoed", meta, "embargoed"), ("expires", meta, "expires"),
                               ("slugline", content, "slugline"),
                               ("by", content, "by"), ("copyrightnotice", rights,
                                                        "copyrightNotice"),
                               ("usageterms", rights, "usageTerms")):
        for element in kids(parent, name):
            add(prop, text(element))
    for element in kids(meta, "pubStatus"):
        add("pubstatus", (element.get("qcode") or "").split(":")[-1])
    for element in kids(content, "urgency"):
        add("urgency", text(element))
    for element in kids(rights, "copyrightHolder"):
        add("copyrightholder", text(element.find(N + "name")) if element.find(N + "name")
            is not None else element.get("literal") or element.get("qcode"))
    for element in kids(content, "language"):
        add("language", element.get("tag"))
    if not kids(content, "language"):
        add("language", item.get("{http://www.w3.org/XML/1998/namespace}lang"))
    headlines = [h for h in kids(content, "headline") if not h.get("role")
                 and not h.get("roleuri")]
    if headlines:
        add("headline", text(headlines[0]))
    for element in kids(content, "located"):
        name = element.find(N + "name")
        add("located", text(name) if name is not None else None)
    for prop, name in (("subjects", "subject"), ("genres", "genre")):
        for element in kids(content, name):
            found = element.find(N + "name")
            add(prop, concept(element.get("qcode"), element.get("uri"),
                              text(found) if found is not None else None))
    for element in kids(content, "infoSource"):
        found = element.find(N + "name")
        add("infosources", text(found) if found is not None else element.get("literal"))
    for element in kids(content, "description"):
        add("descriptions", text(element))
    for element in kids(content, "altId"):
        add("altids", text(element))
    body = item.find(f"{N}contentSet/{N}inlineXML")
    if body is not None and len(body):
        markup = etree.tostring(body[0], encoding="unicode")
        # the XHTML head, NITF's body.head and a producer's <header> (dpa: date, keywords,
        # headline) are metadata, not body text (issue 15, item 9)
        markup = re.sub(r"<head>.*?</head>|<body\.head>.*?</body\.head>|<header\b.*?</header>",
                        " ", markup, flags=re.S)
        add("body", html_text(markup))
    elif (data := item.find(f"{N}contentSet/{N}inlineData")) is not None:
        add("body", norm(data.text))
    return facts


def ninjs_facts(data: dict[str, Any]) -> Counter[tuple[str, str]]:
    facts: Counter[tuple[str, str]] = Counter()

    def add(prop: str, value: Any) -> None:
        if value is not None and value != "":
            facts[(prop, norm(same_instant(str(value))))] += 1

    for raw_key, value in data.items():
        key = _KEY_ALIASES.get(raw_key.lower(), raw_key.lower())
        if key in ("uri", "version", "type", "firstcreated", "versioncreated", "contentcreated",
                   "embargoed", "expires", "pubstatus", "urgency", "copyrightholder",
                   "copyrightnotice", "usageterms", "ednote", "language", "slugline", "by",
                   "located"):
            add(key, value)
        elif key in ("subjects", "genres") and isinstance(value, list):
            for entry in value:
                if isinstance(entry, dict):
                    code = entry.get("code") or entry.get("literal")
                    scheme = entry.get("scheme")
                    qcode = code if code and ":" in code else None
                    uri = entry.get("uri") or (scheme.rstrip("/") + "/" + code
                                               if scheme and code and not qcode else None)
                    add(key, concept(qcode, uri, entry.get("name")))
        elif key == "infosources" and isinstance(value, list):
            for entry in value:
                if isinstance(entry, dict):
                    add(key, entry.get("name") or entry.get("literal"))
        elif key == "headline":
            add("headline", value)
        elif key == "headlines" and isinstance(value, list):
            mains = [h.get("value") for h in value if isinstance(h, dict)
                     and h.get("role", "main") == "main"]
            add("headline", mains[0] if mains else None)
        elif key in ("descriptions",) and isinstance(value, list):
            for entry in value:
                if isinstance(entry, dict):
                    add("descriptions", entry.get("value"))
        elif key.startswith("description_"):
            add("descriptions", value)
        elif key == "altids":
            values = value.values() if isinstance(value, dict) else [
                entry.get("value") for entry in value if isinstance(entry, dict)]
            for entry in values:
                add("altids", entry)
    body = _ninjs_body(data)
    if body:
        add("body", body)
    return facts


def _ninjs_body(data: dict[str, Any]) -> str | None:
    for key in ("body_html", "body_xhtml", "body_richtext", "body_text"):
        if isinstance(data.get(key), str):
            return html_text(data[key]) if key != "body_text" else norm(data[key])
    for entry in data.get("bodies") or []:
        if isinstance(entry, dict) and isinstance(entry.get("value"), str):
            kind = str(entry.get("contentType") or entry.get("contenttype") or "")
            return html_text(entry["value"]) if "plain" not in kind else norm(entry["value"])
    return None


def ninjs_key_value(key: str, value: Any) -> Any:
    """A top-level ninjs value compared loosely: texts by their words, bodies by their text."""
    if key.lower() == "bodies" and isinstance(value, list):
        return sorted(html_text(e.get("value", "")) for e in value if isinstance(e, dict))
    if key.startswith("body_") and isinstance(value, str):
        return html_text(value)
    if isinstance(value, str):
        return norm(same_instant(value))
    if isinstance(value, list):
        return [ninjs_key_value("", v) for v in value]
    if isinstance(value, dict):
        return {k: ninjs_key_value(k, v) for k, v in value.items()}
    return value


# ---------------------------------------------------------------- inputs


def newsml_inputs() -> list[Path]:
    official = sorted((STANDARDS / "newsml-g2" / "examples").rglob("*.xml"))
    official = [path for path in official if "should_fail" not in path.parts]
    return official + sorted((THIRDPARTY / "newsml").glob("*.xml"))


def ninjs_inputs() -> list[Path]:
    return (sorted((STANDARDS / "ninjs" / "examples").rglob("*.json"))
            + sorted((THIRDPARTY / "ninjs").glob("*.json")))


def g2_items(data: bytes) -> Iterator[Any]:
    from lxml import etree

    root = etree.fromstring(data, etree.XMLParser(resolve_entities=False, no_network=True,
                                                  huge_tree=True))
    if root.tag == N + "newsMessage":
        yield from (item for item in root.iter(N + "newsItem", N + "packageItem"))
    elif root.tag in (N + "newsItem", N + "packageItem"):
        yield root


def ninjs_objects(data: bytes) -> list[dict[str, Any]]:
    """The ninjs objects of a file (an AP Media API response: the item it wraps)."""
    value = json.loads(data)
    objects = [v for v in value if isinstance(v, dict)] if isinstance(value, list) else [value]
    return [obj["data"]["item"] if "api_version" in obj and "uri" not in obj
            and isinstance(obj.get("data"), dict) and isinstance(obj["data"].get("item"), dict)
            else obj for obj in objects]


def schema_defines(version: str) -> Any:
    """Whether the official ninjs schema of ``version`` defines a top-level key (by name,
    or, in 1.x, by pattern: ``headline_*``, ``body_*``, ``description_*``)."""
    schema = json.loads((STANDARDS / "ninjs" / f"ninjs-schema_{version}.json").read_text("utf-8"))
    node = schema if "properties" in schema else schema["$defs"]["ninjsType"]
    names = frozenset(node["properties"])
    patterns = [re.compile(pattern) for pattern in node.get("patternProperties", {})]
    return lambda key: key in names or any(pattern.search(key) for pattern in patterns)


def states_something(value: Any) -> bool:
    return value not in (None, "", [], {})


def ninjs_version(obj: dict[str, Any]) -> str:
    from convert.formats.ninjs import DEFAULT_VERSION
    from convert.formats.sniff import ninjs_version as detected

    return detected(obj) or DEFAULT_VERSION


# ---------------------------------------------------------------- run


class Tally:
    def __init__(self) -> None:
        self.kept: Counter[str] = Counter()
        self.total: Counter[str] = Counter()
        self.lost: dict[str, Counter[str]] = {}

    def add(self, name: str, source: Counter[tuple[str, str]],
            output: Counter[tuple[str, str]]) -> None:
        for fact, count in source.items():
            kept = min(count, output.get(fact, 0))
            self.kept[name] += kept
            self.total[name] += count
            if kept < count:
                self.lost.setdefault(name, Counter())[fact[0]] += count - kept

    def figure(self, name: str) -> str:
        total = self.total[name]
        percent = 100 * self.kept[name] / total if total else 0.0
        return f"{self.kept[name]}/{total} = {percent:.1f} %"


def elements_of(item: Any) -> Counter[tuple[str, str]]:
    """Every metadata element of an item in exclusive C14N (comments, indentation left out)."""
    from lxml import etree

    found: Counter[tuple[str, str]] = Counter()
    found[("@guid", item.get("guid") or "")] += 1
    found[("@version", item.get("version") or "1")] += 1
    for container in ("itemMeta", "contentMeta", "rightsInfo"):
        parent = item.find(N + container)
        if parent is None:
            continue
        for child in parent:
            if not isinstance(child.tag, str):
                continue
            found[(etree.QName(child).localname, infoset(child))] += 1
    return found


def infoset(element: Any) -> str:
    """An element as the XML Infoset has it: namespace-qualified names (``{uri}name``, so
    the prefix a producer chose, ``ns0:`` or none, does not count), attributes sorted,
    text with white space collapsed, comments and processing instructions left out."""
    from lxml import etree

    attributes = " ".join(f"{name}={value!r}" for name, value in sorted(element.attrib.items()))
    parts = [norm(element.text)]
    for child in element:
        if isinstance(child.tag, str):
            parts.append(infoset(child))
        parts.append(norm(child.tail))
    content = " ".join(part for part in parts if part)
    return f"<{etree.QName(element).text} {attributes}>{content}</>"


class Survival:
    """What one run measured (see the module docstring)."""

    def __init__(self, tally: Tally, canonical: tuple[int, int], outputs: int,
                 invalid: list[tuple[str, list[str]]], refused: Counter[str]) -> None:
        self.tally, self.canonical, self.outputs = tally, canonical, outputs
        self.invalid, self.refused = invalid, refused

    def percent(self, name: str) -> float:
        return 100 * self.tally.kept[name] / self.tally.total[name]


def measure() -> Survival:
    os.environ.setdefault("SOURCE_DATE_EPOCH", "1700000000")
    os.environ["NEWSCONVERT_SCHEMAS"] = str(STANDARDS)  # official XSD, ninjs schemas, catalog
    ALIASES.update(load_aliases())

    import convert
    from convert.errors import ConvertError
    from convert.options import ReadOptions, WriteOptions
    from convert.formats.canonical import document_from_data, document_to_data

    tally = Tally()
    refused: Counter[str] = Counter()
    outputs: list[tuple[str, bytes, str]] = []  # (name, bytes, "newsml" | "ninjs-x.y")
    canonical_same = canonical_total = 0

    def canonical_check(doc: Any) -> bool:
        again = document_from_data(json.loads(json.dumps(document_to_data(doc))))
        if again != doc:
            return False
        for format in ("newsml", "ninjs"):
            try:
                same = convert.write(again, format) == convert.write(doc, format)
            except ConvertError:
                continue  # counted where the writer is measured
            if not same:
                return False
        return True

    for path in newsml_inputs():
        data = path.read_bytes()
        try:
            docs = convert.read_all(data, "newsml", ReadOptions(source_name=path.name))
            sources = list(g2_items(data))
        except ConvertError:
            refused["newsml"] += 1
            continue
        for index, (doc, source) in enumerate(zip(docs, sources)):
            name = f"{path.stem}-{index}"
            canonical_total += 1
            canonical_same += canonical_check(doc)
            try:
                xml = convert.write(doc, "newsml")
                outputs.append((name + ".xml", xml, "newsml"))
                tally.add("newsml->newsml", elements_of(source),
                          elements_of(next(g2_items(xml))))
            except ConvertError:
                tally.add("newsml->newsml", elements_of(source), Counter())
                refused["newsml write"] += 1
            try:
                out = convert.write(doc, "ninjs")
                outputs.append((name + ".json", out, "ninjs"))
                tally.add("newsml->ninjs", g2_facts(source), ninjs_facts(json.loads(out)))
            except ConvertError:
                tally.add("newsml->ninjs", g2_facts(source), Counter())
                refused["ninjs write"] += 1

    for path in ninjs_inputs():
        data = path.read_bytes()
        try:
            docs = convert.read_all(data, "ninjs", ReadOptions(source_name=path.name))
            objects = ninjs_objects(data)
        except (ConvertError, ValueError):
            refused["ninjs"] += 1
            continue
        for index, (doc, source) in enumerate(zip(docs, objects)):
            name = f"{path.stem}-{index}"
            version = ninjs_version(source)
            canonical_total += 1
            canonical_same += canonical_check(doc)
            defined = schema_defines(version)
            source_keys = {key: ninjs_key_value(key, value) for key, value in source.items()
                           if defined(key) and states_something(value)}
            try:
                out = json.loads(convert.write(doc, "ninjs", WriteOptions(ninjs_version=version)))
                written = {key: ninjs_key_value(key, value) for key, value in out.items()}
                outputs.append((f"{name}.{version}.json",
                                convert.write(doc, "ninjs", WriteOptions(ninjs_version=version)),
                                "ninjs"))
            except ConvertError:
                written = {}
                refused["ninjs write"] += 1
            tally.add("ninjs->ninjs",
                      Counter({(key, json.dumps(value, sort_keys=True)): 1
                               for key, value in source_keys.items()}),
                      Counter({(key, json.dumps(value, sort_keys=True)): 1
                               for key, value in written.items()}))
            try:
                xml = convert.write(doc, "newsml")
                outputs.append((name + ".xml", xml, "newsml"))
                tally.add("ninjs->newsml", ninjs_facts(source), g2_facts(next(g2_items(xml))))
            except ConvertError:
                tally.add("ninjs->newsml", ninjs_facts(source), Counter())
                refused["newsml write"] += 1

    with tempfile.TemporaryDirectory() as folder:
        for name, data, _ in outputs:
            Path(folder, name).write_bytes(data)
        report = convert.validate([folder])
        invalid = [(Path(r.file).name, sorted({f.code for f in r.findings if f.severity == "error"}))
                   for r in report.files if not r.valid()]

    return Survival(tally, (canonical_same, canonical_total), len(outputs), invalid, refused)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    parser.add_argument("--lost", action="store_true", help="print what is lost, by property")
    args = parser.parse_args()
    result = measure()
    tally, invalid = result.tally, result.invalid
    figures: dict[str, Any] = {name: tally.figure(name) for name in
                               ("newsml->newsml", "newsml->ninjs", "ninjs->ninjs",
                                "ninjs->newsml")}
    figures["canonical"] = f"{result.canonical[0]}/{result.canonical[1]}"
    figures["outputs valid (schema + newsconvert validate)"] = (
        f"{result.outputs - len(invalid)}/{result.outputs}")
    figures["refused"] = dict(result.refused)
    if args.json:
        print(json.dumps(figures, indent=2))
    else:
        for key, value in figures.items():
            print(f"{key:48} {value}")
    if args.lost:
        for name, lost in tally.lost.items():
            print(name, "lost:", dict(lost.most_common()))
        print("invalid outputs:", invalid)
    return 0


if __name__ == "__main__":
    sys.exit(main())
