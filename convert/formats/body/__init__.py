"""The XHTML body codec: body blocks and inlines <-> (X)HTML, one convention for every format.

The HTML page, the EPUB chapters, the NewsML-G2 XHTML body and the ninjs
``body_html`` string all build the article body with :mod:`.build`
(``body_elements`` or ``MarkupBuilder``) and read it back with :mod:`.parse`
(``blocks_from_elements`` or ``BodyParser``), so one document gives the same
markup in every format, and what one format wrote every reader reads back
exactly.  Other people's HTML is read leniently (see :mod:`.parse`).  This
module holds what both directions agree on: the shapes below and the names of
their classes and ``data-`` attributes.

The shapes written (the same tree in the XHTML namespace when asked)::

    Paragraph  <p>…</p>
    Heading    <h1>…</h1> to <h6>…</h6> (other levels are an error); under a page's
               <h1> (HTML page, EPUB chapter) renumbered so that no level is skipped,
               the heading's own level kept where it differs: <h2 data-level="4">
    Quote      <blockquote><p>…</p></blockquote>; with an attribution
               <figure class="quote"><blockquote><p>…</p></blockquote>
               <figcaption>attribution</figcaption></figure>
               (HTML wants the attribution outside the blockquote)
    ListBlock  <ul> or <ol>, one <li>…</li> per item
    Figure     <figure class="photo"><img src="…" alt="caption">
               <figcaption><span class="caption">…</span> <small class="credit">…</small>
               </figcaption></figure>; without <img> when the source is not
               a live URL or the format embeds no images: then data-src="…"
    Note       <aside class="note correction"><p>…</p></aside>
               (class "note editors-note", or "note" alone for a plain note)
    Table      <table><tbody><tr><td>…</td>…</tr>…</tbody></table>; a row shorter
               than the widest ends in <td colspan="…"> spanning the rest
    Emphasis   <em>   Strong <strong>
    Link       <a href="…">; a target that is not a live link in this format
               (unsafe scheme, or relative inside a book) <a data-href="…">;
               a link inside a link <span data-href="…"> (HTML cannot nest <a>)
    Text not in Unicode NFC, where asked (``nfc_text``, for HTML pages: HTML
               checkers warn about such text, and a character reference does
               not help there): <span data-text="exact text as ASCII JSON">NFC text</span>
               (the document keeps text exactly as written)

Block children stand on lines of their own; inside text no whitespace is added.
"""

from __future__ import annotations

from convert.model import NoteKind

XHTML = "http://www.w3.org/1999/xhtml"

QUOTE_CLASS = "quote"
PHOTO_CLASS = "photo"
CAPTION_CLASS = "caption"
CREDIT_CLASS = "credit"
NOTE_CLASS = "note"
NOTE_KINDS: tuple[NoteKind, ...] = ("correction", "editors-note", "note")
#: On an ``<a>`` (or a nested-link ``<span>``): a link target that is kept, not made live.
HREF_ATTRIBUTE = "data-href"
#: On a photo ``<figure>`` without ``<img>``: the image source, kept, not loaded.
SRC_ATTRIBUTE = "data-src"
#: On a ``<span>`` around text not in NFC: the exact text as an ASCII JSON string.
EXACT_TEXT_ATTRIBUTE = "data-text"
#: On a heading shown at another level than its own (renumbered under a page's ``<h1>``).
LEVEL_ATTRIBUTE = "data-level"
