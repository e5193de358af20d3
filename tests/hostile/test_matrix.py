"""Hostile and broken input: each case has an expected outcome.

Every case runs the real command line in a subprocess and checks the exit
code, that stderr is ONE line naming the input (never a traceback), that no
output file exists, and that nothing was written outside the output folder.
Big inputs are generated at test time, never committed.
"""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest

from tests.conftest import ROOT
from tests.hostile.bounded import limits


@dataclass(frozen=True)
class Case:
    name: str
    make: Callable[[Path], Path]  # writes the hostile input under a folder, returns its path
    to: str
    message: str  # a fragment the one-line error must contain
    exit_code: int = 1


def _file(name: str, data: bytes) -> Callable[[Path], Path]:
    def make(folder: Path) -> Path:
        path = folder / name
        path.write_bytes(data)
        return path
    return make


PNG = (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06\x00\x00\x00"
       b"\x1f\x15\xc4\x89\x00\x00\x00\rIDATx\x9cc\xf8\x0f\x00\x00\x01\x01\x00\x05\x18\xd8N\x00"
       b"\x00\x00\x00IEND\xaeB`\x82")

BILLION_LAUGHS = b"""<?xml version="1.0"?>
<!DOCTYPE newsItem [
 <!ENTITY lol "lol">
 <!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
 <!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;">
 <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
 <!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
 <!ENTITY lol5 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;">
 <!ENTITY lol6 "&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;">
 <!ENTITY lol7 "&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;">
 <!ENTITY lol8 "&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;">
 <!ENTITY lol9 "&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;">
]>
<newsItem xmlns="http://iptc.org/std/nar/2006-10-01/" guid="urn:x" version="1"
 standard="NewsML-G2" standardversion="2.35"><itemMeta><itemClass qcode="ninat:text"/>
<provider qcode="nprov:x"/><versionCreated>2020-01-01T00:00:00Z</versionCreated>
<pubStatus qcode="stat:usable"/></itemMeta><contentMeta><headline>&lol9;</headline>
</contentMeta></newsItem>
"""
QUADRATIC = (b'<?xml version="1.0"?><!DOCTYPE newsItem [<!ENTITY a "' + b"x" * 100_000
             + b'">]><newsItem xmlns="http://iptc.org/std/nar/2006-10-01/">'
             + b"&a;" * 10_000 + b"</newsItem>")
XXE = (b'<?xml version="1.0"?><!DOCTYPE newsItem [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>'
       b'<newsItem xmlns="http://iptc.org/std/nar/2006-10-01/" guid="urn:x" version="1">'
       b"<contentMeta><headline>&xxe;</headline></contentMeta></newsItem>")
EXTERNAL_DTD = (b'<?xml version="1.0"?><!DOCTYPE newsItem SYSTEM "http://127.0.0.1:9/evil.dtd">'
                b'<newsItem xmlns="http://iptc.org/std/nar/2006-10-01/" guid="urn:x"/>')
DEEP_XML = (b'<newsItem xmlns="http://iptc.org/std/nar/2006-10-01/">' + b"<a>" * 10_000
            + b"</a>" * 10_000 + b"</newsItem>")
BAD_UTF8_XML = (b'<?xml version="1.0" encoding="UTF-8"?><newsItem '
                b'xmlns="http://iptc.org/std/nar/2006-10-01/"><x>\xff\xfe</x></newsItem>')


def _zip(name: str, entries: list[tuple[str, bytes]], *, symlink: str | None = None,
         truncate: bool = False) -> Callable[[Path], Path]:
    def make(folder: Path) -> Path:
        import io
        import zipfile

        buffer = io.BytesIO()
        with zipfile.ZipFile(buffer, "w") as archive:
            archive.writestr(zipfile.ZipInfo("mimetype"), b"application/epub+zip")
            for entry, data in entries:
                archive.writestr(zipfile.ZipInfo(entry), data, compress_type=zipfile.ZIP_DEFLATED)
            if symlink:
                info = zipfile.ZipInfo(symlink)
                info.external_attr = (0o120777 << 16)
                archive.writestr(info, b"/etc/passwd")
        data = buffer.getvalue()
        path = folder / name
        path.write_bytes(data[: len(data) // 2] if truncate else data)
        return path
    return make


CONTAINER = (b'<?xml version="1.0"?><container version="1.0" '
             b'xmlns="urn:oasis:names:tc:opendocument:xmlns:container"><rootfiles>'
             b'<rootfile full-path="EPUB/content.opf" media-type="application/oebps-package+xml"/>'
             b"</rootfiles></container>")

CASES = [
    # text
    Case("empty text", _file("empty.txt", b""), "json", "empty"),
    Case("whitespace only", _file("blank.txt", " \n\t\r\n\u3000\n".encode()),
         "json", "only whitespace"),
    Case("png renamed .txt", _file("photo.txt", PNG), "json", "not a text file"),
    Case("nul bytes", _file("nul.txt", b"Headline\n\nBody\x00\x00\x00 text\n"), "json", "NUL bytes"),
    Case("headline only", _file("head.txt", b"Just a headline\n"), "json", "body"),
    # json
    Case("json deep nesting", _file("deep.json", b"[" * 10000 + b"]" * 10000), "ninjs",
         "nested deeper"),
    Case("json duplicate keys", _file("dup.json", b'{"id": "a", "id": "b", "body": [],'
                                                  b' "provenance": {}}'), "ninjs", "duplicate"),
    Case("json invalid utf-8", _file("bad.json", b'{"uri": "\xff\xfe"}'), "ninjs", "UTF-8"),
    Case("json huge number", _file("num.json", b'{"uri": "urn:x", "n": ' + b"9" * 100_000 + b"}"),
         "json", "number"),
    # xml
    Case("billion laughs", _file("laughs.xml", BILLION_LAUGHS), "json", "DOCTYPE"),
    Case("quadratic blow-up", _file("quadratic.xml", QUADRATIC), "json", "DOCTYPE"),
    Case("xxe local file", _file("xxe.xml", XXE), "json", "DOCTYPE"),
    Case("external dtd", _file("dtd.xml", EXTERNAL_DTD), "json", "DOCTYPE"),
    Case("10,000-deep xml", _file("deep.xml", DEEP_XML), "json", "deep"),
    Case("invalid utf-8 in xml", _file("utf8.xml", BAD_UTF8_XML), "json", "encoding"),
    # epub / zip
    Case("zip bomb", _zip("bomb.epub", [("META-INF/container.xml", CONTAINER),
                                        ("EPUB/big.xhtml", b"\0" * 300_000_000)]),
         "json", "inflates to more than"),
    Case("zip path traversal", _zip("dots.epub", [("META-INF/container.xml", CONTAINER),
                                                 ("../../evil.txt", b"x")]), "json", "unsafe"),
    Case("zip absolute path", _zip("abs.epub", [("META-INF/container.xml", CONTAINER),
                                               ("/tmp/evil.txt", b"x")]), "json", "unsafe"),
    Case("zip symlink entry", _zip("link.epub", [("META-INF/container.xml", CONTAINER)],
                                   symlink="EPUB/link.xhtml"), "json", "symbolic link"),
    Case("truncated zip", _zip("cut.epub", [("META-INF/container.xml", CONTAINER),
                                           ("EPUB/a.xhtml", b"<html/>" * 1000)], truncate=True),
         "json", "zip"),
    Case("zip that is not an epub", _zip("plain.epub", [("readme.txt", b"hello")]), "json",
         "META-INF/container.xml"),
]


def run_cli(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    """The command line with 120 s of CPU time: a bound on work, whatever the
    machine's load (a wall-clock timeout failed a linear run on a busy machine)."""
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    return subprocess.run([sys.executable, "-m", "convert", *args], cwd=cwd, env=env,
                          capture_output=True, text=True,
                          preexec_fn=limits(cpu_seconds=120, memory_mib=None))


def _snapshot(folder: Path) -> set[Path]:
    return {path for path in folder.rglob("*")}


@pytest.mark.parametrize("case", CASES, ids=lambda case: case.name)
def test_hostile_input_gets_one_clear_line_and_no_output(case: Case, tmp_path: Path) -> None:
    inputs = tmp_path / "in"
    inputs.mkdir()
    source = case.make(inputs)
    before = _snapshot(tmp_path)
    output = tmp_path / "out" / "result"
    result = run_cli("convert", str(source), "--to", case.to, "-o", str(output), cwd=tmp_path)
    assert result.returncode == case.exit_code, result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert "Traceback" not in result.stderr
    assert str(source) in lines[0]
    assert case.message.lower() in lines[0].lower()
    assert not output.exists()
    assert _snapshot(tmp_path) - before <= {tmp_path / "out"}


def test_debug_flag_shows_a_traceback(tmp_path: Path) -> None:
    source = tmp_path / "empty.txt"
    source.write_bytes(b"")
    result = run_cli("--debug", "convert", str(source), "--to", "json", cwd=tmp_path)
    assert result.returncode != 0
    assert "Traceback" in result.stderr


# ---------------------------------------------------------------- inputs that must convert


def _script_article(folder: Path) -> Path:
    path = folder / "script.txt"
    path.write_text(
        "Council publishes <script>alert(1)</script> audit\n\n"
        "The report quotes the string </script><script>alert(2)</script> and the CDATA end ]]> "
        "marker, and links to [a page](javascript:alert(3)) that must not run.\n\n"
        "A second paragraph with \u202eRTL override\u202c text and emoji 🐝 stays as written.\n",
        encoding="utf-8")
    return path


def test_script_in_content_is_shown_as_text_everywhere(tmp_path: Path) -> None:
    from lxml import etree, html as lxml_html

    from convert import api

    source = _script_article(tmp_path)
    out = tmp_path / "out"
    result = run_cli("convert", str(source), "--to", "html,newsml,ninjs,json,epub", "-o", str(out),
                     cwd=tmp_path)
    # EPUB is a collection writer: it cannot share a run with other formats.
    assert result.returncode == 2 and "epub" in result.stderr
    result = run_cli("convert", str(source), "--to", "html,newsml,ninjs,json", "-o", str(out),
                     cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    page = (out / "script.html").read_bytes()
    tree = lxml_html.fromstring(page)
    scripts = tree.xpath("//script")
    assert [s.get("type") for s in scripts] == ["application/ld+json"]
    assert "alert(1)" in tree.xpath("string(//h1)")
    assert not tree.xpath("//a[starts-with(normalize-space(@href), 'javascript:')]")
    assert not tree.xpath("//@*[starts-with(name(), 'on')]")
    import json

    ld = json.loads(scripts[0].text)
    assert "<script>alert(1)</script>" in ld["headline"]
    xml = etree.fromstring((out / "script.xml").read_bytes(),
                           etree.XMLParser(resolve_entities=False, no_network=True))
    assert "]]>" in "".join(xml.itertext())
    assert not xml.xpath("//*[local-name()='script']")
    original = api.read(source)
    # json and ninjs share ".json": the run names them script.json and script.ninjs.json.
    for name in ("script.xml", "script.json", "script.html"):
        assert api.read(out / name) == original, name
    assert "\u202eRTL override\u202c" in (out / "script.json").read_text(encoding="utf-8")
    ninjs = json.loads((out / "script.ninjs.json").read_text(encoding="utf-8"))
    assert "&lt;script&gt;alert(2)&lt;/script&gt;" in ninjs["bodies"][0]["value"]


def test_fifty_megabyte_paragraph_converts(tmp_path: Path) -> None:
    source = tmp_path / "long.txt"
    with source.open("w", encoding="utf-8") as stream:
        stream.write("A very long article\n\n")
        sentence = "The inquiry heard evidence about the pier for many days on end. "
        stream.write(sentence * (50 * 2**20 // len(sentence)))
    result = run_cli("convert", str(source), "--to", "json", "-o", str(tmp_path / "long.json"),
                     cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "long.json").stat().st_size > 50 * 2**20


def test_a_million_short_lines_convert(tmp_path: Path) -> None:
    source = tmp_path / "lines.txt"
    source.write_text("Many lines\n\n" + "\n".join(f"line {n}" for n in range(1_000_000)),
                      encoding="utf-8")
    result = run_cli("convert", str(source), "--to", "json", "-o", str(tmp_path / "lines.json"),
                     cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert "line 999999" in (tmp_path / "lines.json").read_text(encoding="utf-8")


@pytest.mark.parametrize("name, data", [
    ("mixed encodings", "Café reopens\n\nThe café on the corner reopens today.\n".encode()
     + "Prices in € stay the same, the owner said.\n".encode("cp1252")),
    ("lone surrogate bytes", b"Headline\n\nA paragraph with \xed\xa0\x80 a surrogate in it.\n"),
])
def test_undecodable_bytes_convert_with_a_warning(name: str, data: bytes, tmp_path: Path) -> None:
    source = tmp_path / "odd.txt"
    source.write_bytes(data)
    result = run_cli("convert", str(source), "--to", "json", "-o", str(tmp_path / "odd.json"),
                     cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert "warning" in result.stderr and "encoding" in result.stderr
    assert (tmp_path / "odd.json").exists()


# ---------------------------------------------------------------- outputs


GOOD = b"Ferry strike ends\n\nFerries run again from Monday, the operator said.\n"


def test_output_that_is_the_input_is_refused(tmp_path: Path) -> None:
    source = tmp_path / "a.txt"
    source.write_bytes(GOOD)
    result = run_cli("convert", str(source), "--to", "json", "-o", str(source), cwd=tmp_path)
    assert result.returncode == 2
    assert source.read_bytes() == GOOD
    assert "Traceback" not in result.stderr and len(result.stderr.strip().splitlines()) == 1


def test_output_folder_inside_the_input_folder_is_refused(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_bytes(GOOD)
    result = run_cli("convert", str(tmp_path), "--to", "json", "-o", str(tmp_path / "out"),
                     cwd=tmp_path)
    assert result.returncode == 2
    assert not (tmp_path / "out").exists()


def test_unwritable_output_is_one_clear_line(tmp_path: Path) -> None:
    """Root ignores permission bits, so the unwritable place is a path under a regular file."""
    source = tmp_path / "a.txt"
    source.write_bytes(GOOD)
    blocker = tmp_path / "file"
    blocker.write_bytes(b"")
    result = run_cli("convert", str(source), "--to", "json", "-o", str(blocker / "out.json"),
                     cwd=tmp_path)
    assert result.returncode == 2  # an I/O error, as the README's exit codes say
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and "Not a directory" in lines[0] and "Traceback" not in lines[0]


def test_read_only_folder_and_full_disk_leave_nothing(tmp_path: Path, monkeypatch) -> None:
    """Simulated in-process: os.replace fails as on a read-only or full file system."""
    import errno

    from typer.testing import CliRunner

    from convert.cli import app

    source = tmp_path / "a.txt"
    source.write_bytes(GOOD)
    out = tmp_path / "out"
    for code, words in ((errno.EROFS, "Read-only file system"),
                        (errno.ENOSPC, "No space left on device")):
        def refuse(*args: object, code: int = code, words: str = words) -> None:
            raise OSError(code, words)

        monkeypatch.setattr(os, "replace", refuse)
        result = CliRunner().invoke(app, ["convert", str(source), "--to", "json,html",
                                          "-o", str(out)])
        assert result.exit_code == 1
        assert words in result.output
        assert not out.exists() or not any(out.rglob("*.*")), list(out.rglob("*"))


def test_two_hundred_megabyte_news_message_is_validated_streaming(tmp_path: Path) -> None:
    """``validate`` reads a 200 MB feed item by item: memory stays far below the file size."""
    from tests.support.feeds import write_feed

    feed = tmp_path / "feed.xml"
    items = 240_000
    expected = write_feed(feed, items, {items - 5: "date"})
    size_mib = feed.stat().st_size / 2**20
    assert size_mib > 200
    measure = ("import resource, subprocess, sys\n"
               "result = subprocess.run(sys.argv[1:], capture_output=True, text=True)\n"
               "print(result.returncode, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)\n"
               "print(result.stdout)\n")
    probe = subprocess.run([sys.executable, "-c", measure, sys.executable, "-m", "convert",
                            "validate", str(feed), "--format", "json"],
                           cwd=ROOT, env={**os.environ, "PYTHONPATH": str(ROOT)},
                           capture_output=True, text=True, timeout=600)
    first, rest = probe.stdout.split("\n", 1)
    exit_code, peak_kib = map(int, first.split())
    import json

    report = json.loads(rest)
    assert exit_code == 1
    errors = [finding for finding in report["files"][0]["findings"]
              if finding["severity"] == "error"]
    assert [finding["line"] for finding in errors] == [expected[items - 5]]
    assert peak_kib / 1024 < size_mib / 2, f"peak RSS {peak_kib / 1024:.0f} MiB"
