"""Hand-built EPUB 3 books and HTML pages for validation tests (the EPUB and
HTML writers live on other branches; these are written here byte by byte)."""

from __future__ import annotations

import zipfile
from pathlib import Path

CONTAINER = """<?xml version="1.0" encoding="UTF-8"?>
<container version="1.0" xmlns="urn:oasis:names:tc:opendocument:xmlns:container">
  <rootfiles>
    <rootfile full-path="EPUB/package.opf" media-type="application/oebps-package+xml"/>
  </rootfiles>
</container>
"""

PACKAGE = """<?xml version="1.0" encoding="UTF-8"?>
<package xmlns="http://www.idpf.org/2007/opf" version="3.0" unique-identifier="id" xml:lang="en">
  <metadata xmlns:dc="http://purl.org/dc/elements/1.1/">
    <dc:identifier id="id">urn:uuid:6c1f4b62-5d1c-4f1e-9c3b-2f7f1c3c9a11</dc:identifier>
    <dc:title>Test book</dc:title>
    <dc:language>en</dc:language>
    <meta property="dcterms:modified">2024-01-01T00:00:00Z</meta>
  </metadata>
  <manifest>
    <item id="nav" href="nav.xhtml" media-type="application/xhtml+xml" properties="nav"/>
    <item id="c1" href="chapter-1.xhtml" media-type="application/xhtml+xml"/>
  </manifest>
  <spine>
    <itemref idref="c1"/>
  </spine>
</package>
"""

NAV = """<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE html>
<html xmlns="http://www.w3.org/1999/xhtml" xmlns:epub="http://www.idpf.org/2007/ops" lang="en" xml:lang="en">
<head><title>Contents</title></head>
<body>
<nav epub:type="toc" id="toc"><ol><li><a href="chapter-1.xhtml">Chapter 1</a></li></ol></nav>
</body>
</html>
"""

CHAPTER = """<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE html>
<html xmlns="http://www.w3.org/1999/xhtml" lang="en" xml:lang="en">
<head><title>Chapter 1</title></head>
<body>
<h1 id="top">Chapter 1</h1>
<p>See <a href="#top">the top</a>.</p>
<p>LINK</p>
</body>
</html>
"""

#: The line of ``LINK`` in CHAPTER.
LINK_LINE = 8


def write_book(path: Path, link: str = "") -> Path:
    """A valid EPUB 3 book; ``link`` (markup) replaces the word LINK in chapter 1."""
    with zipfile.ZipFile(path, "w") as book:
        book.writestr(zipfile.ZipInfo("mimetype"), "application/epub+zip",
                      compress_type=zipfile.ZIP_STORED)
        for name, text in (("META-INF/container.xml", CONTAINER),
                           ("EPUB/package.opf", PACKAGE), ("EPUB/nav.xhtml", NAV),
                           ("EPUB/chapter-1.xhtml", CHAPTER.replace("LINK", link or "Text."))):
            book.writestr(name, text, compress_type=zipfile.ZIP_DEFLATED)
    return path


PAGE = """<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>Council leader to make statement</title>
</head>
<body>
<article>
<h1>Council leader to make statement</h1>
<p>BODY</p>
</article>
</body>
</html>
"""

#: The line of ``BODY`` in PAGE.
BODY_LINE = 10


def write_page(path: Path, body: str = "The council meets today.") -> Path:
    path.write_text(PAGE.replace("BODY", body), encoding="utf-8")
    return path
