"""Step ``boilerplate``: page furniture and wire debris that is not the story.

Every dropped line goes to ``provenance.dropped`` with its reason (it is not
a warning).  The rules by kind live in :mod:`convert.textparse.boilerplate_rules`.
Positional rules: everything after an
end mark (``ENDS``, ``###``, ``-30-``) is trailer; desk codes and initials
(``ble/fm/sd``, ``dpa ale yyhh n1 bsc``) only count at the end; a line of
lone punctuation (``.``) is scraping debris.
"""

from __future__ import annotations

import re

from convert.textparse.boilerplate_rules import (
    CLOSING_CREDIT, CONTACT_MARK, CREDIT_SOURCE, DEBRIS, DESK_CODE, GLUED_CREDIT, RELEASE_SOURCE,
    SLASHED_AGENCY, agency_credit, boilerplate_reason, is_menu,
)
from convert.textparse.datetext import WORD
from convert.textparse.inline import clean_text
from convert.textparse.names import is_agency
from convert.textparse.state import (
    SENTENCE_MARKS, Chunk, Line, ParseState, ends_sentence, ends_sentence_or_quote,
    looks_like_prose,
)

#: A sentence has this many words at least; a word of this many letters or fewer before
#: a final stop may be an abbreviation (``Md.``, ``น.``).
SENTENCE_WORDS = 5
ABBREVIATION = 3
#: The longest line of a contact's address block.
MAX_ADDRESS_LINE = 60
#: The longest sign-off line (agency, desk codes, a transmission stamp), in characters
#: and in words.
SIGN_OFF = 70
SIGN_OFF_WORDS = 8
#: A sign-off of more words than this shows codes (a slash, brackets, digits) or an agency.
SIGN_OFF_PLAIN_WORDS = 3
#: A line with this many running words (lower case, four letters or more) is text, not codes.
RUNNING_WORDS = 3
#: A reporter's contact line in the trailer (an e-mail address or a telephone number) may
#: be longer.
SIGN_OFF_CONTACT = 160
_CODE_MARK = re.compile(r"[/()\[\]\d]")
#: A label of one or two words and a colon opening a line, perhaps in brackets.
_LABEL = re.compile(r"^[(\[]?[^\s:：()\[\]]+(?:\s[^\s:：()\[\]]+)?\s?[:：]\s*\S")
#: A web address (its words, such as ``tt`` of ``ift.tt``, name no agency).
_WEB_ADDRESS = re.compile(r"\S+://\S+|www\.\S+")
#: A menu above the story has this many items at least (two may be a section path).
MENU_ITEMS = 3
#: Desk initials in brackets after the last sentence: ``Exchange. [ah/ft]``.
_GLUED_CODE = re.compile(r"(?<=[.!?。！？”\"»])\s*[\[(](?P<code>[^\[\]()\s]{2,20})[\])]$")
#: One to three initials closing a line (``(FENA) A. B.``): no sentence's full stop.
_INITIALS_END = re.compile(r"(?:^|\s)(?:[^\W\d_]\.\s?){1,3}$")


#: Header roles whose lines are never body: when no step read them as a field, they are
#: dropped (with the role as the reason), not left to become the first paragraph.
NOT_BODY_ROLES = ("meta", "byline", "slugline", "kicker", "dateline", "contact", "boilerplate")


def boilerplate(state: ParseState) -> None:
    _header_leftovers(state)
    after_end = False
    previous: str | None = None
    for chunk in state.chunks:
        if chunk.role is not None:
            continue
        if after_end:
            state.drop(chunk, "after the end mark")
            continue
        reason = _chunk_reason(chunk) or (
            "contact" if previous == "contact" and _address_block(chunk) else None)
        previous = reason
        if reason == "wire-advisory":  # a note to editors that this version changed things
            state.meta.ednotes.append(chunk.text.strip())
            state.meta.signal("sig:correction" if re.match(r"\(\s*(?:corrects|fixes)",
                                                           chunk.text, re.I) else "sig:update")
            state.claim(chunk, "ednote", f"wire advisory, a note to editors: {chunk.text!r}")
        elif reason:
            _keep_facts(state, chunk, reason)
            state.drop(chunk, reason)
            after_end = reason == "end-mark"
        elif agency := agency_credit(chunk.text):
            state.meta.add_source(3, agency, chunk.line)
            state.drop(chunk, "agency credit")
        elif DEBRIS.match(chunk.text):
            state.drop(chunk, "scraping debris")
        else:
            _drop_lines(state, chunk)
    _trailing_desk_codes(state)
    _trailer(state)


def _header_leftovers(state: ParseState) -> None:
    """Lines above the body that the header roles called metadata, a byline, a slugline,
    boilerplate (a menu: ``Navigation path``)... but that no step or rule could read
    (``Imechapishwa: 12 Machi 2019`` with an unknown label).

    A sentence whose role no feature of its own supports (the sequence left it no
    better one, as in a file that is all header) stays body, unless it stands above the
    headline (a page's notice, ``If this e-mail does not display, click here.``): the
    story starts under its headline.  A menu (three items or more, ``Home | News |
    Contact``) above the story is dropped whatever its role, but for a headline."""
    headline = state.header_headline[0].number if state.header_headline else 0
    for chunk in state.chunks[:state.body_start()]:
        if chunk.role is not None:
            continue
        for line in chunk.open_lines:
            role = state.roles.get(line.number)
            if role == "boilerplate" and boilerplate_reason(clean_text(line.text)):
                continue  # a rule knows it: dropped below, with the rule's reason
            if role != "headline" and is_menu(line.text, MENU_ITEMS):
                chunk.take(line, "dropped")
                state.drop_line(line, "a menu above the story")
                continue
            if role in NOT_BODY_ROLES and not (line.number in state.unsupported_roles
                                               and _is_sentence(line.text)
                                               and line.number > headline):
                chunk.take(line, "dropped")
                state.drop_line(line, f"header {role} line that no field took")
        if not chunk.open_lines:
            chunk.role = "dropped"


def _is_sentence(text: str) -> bool:
    """Words ended by a full stop after a word, not after an abbreviation (``Md.``)."""
    words = text.split()
    return ends_sentence(text) and len(words) >= SENTENCE_WORDS and len(
        words[-1].rstrip(SENTENCE_MARKS)) > ABBREVIATION


def _address_block(chunk: Chunk) -> bool:
    """Short lines, none a sentence: a name, company, address or number under a contact label."""
    return all(len(line.text.strip()) <= MAX_ADDRESS_LINE and not ends_sentence(line.text)
               for line in chunk.open_lines)


def _chunk_reason(chunk: Chunk) -> str | None:
    reason = boilerplate_reason(chunk.text)
    if reason or len(chunk.lines) < 2:
        return reason
    if boilerplate_reason(clean_text(chunk.lines[0].text)) == "contact":
        return "contact"  # a contact block: the heading line and the addresses under it
    return None


def _drop_lines(state: ParseState, chunk: Chunk) -> None:
    """Boilerplate lines inside a chunk of several lines (a contact line under text)."""
    if len(chunk.lines) < 2:
        return
    for line in chunk.open_lines:
        reason = boilerplate_reason(clean_text(line.text))
        if reason:
            chunk.take(line, "dropped")
            state.drop_line(line, reason)


def _keep_facts(state: ParseState, chunk: Chunk, reason: str) -> None:
    """Dropped lines that still say something: copyright holder, credited agency."""
    text = chunk.text
    if reason == "copyright" and state.meta.copyright is None:
        state.meta.copyright = text
        state.decide(chunk.line, f"copyright: {text!r}")
    credit = CREDIT_SOURCE.search(text)
    if reason == "credit-trailer" and credit:
        state.meta.add_source(3, credit.group(1).strip(), chunk.line)
        state.decide(chunk.line, f"source from the credit line: {credit.group(1).strip()!r}")


def _trailing_desk_codes(state: ParseState) -> None:
    for chunk in reversed(state.chunks):
        if chunk.role == "dropped":
            continue
        if chunk.role is None and len(chunk.lines) == 1 and DESK_CODE.match(chunk.text):
            state.drop(chunk, "desk code")
            continue
        break


def _trailer(state: ParseState) -> None:
    """The end of the text: a release's ``SOURCE`` line, a closing credit (``Avec les
    informations de l'AFP``, ``(इनपुट: भाषा)``, ``Źródło: PAP``, ``/AFP/``), a link left over
    above the credits, a photo credit glued to the last sentence."""
    open_chunks = [c for c in state.chunks if c.role is None and c.open_lines]
    if open_chunks and RELEASE_SOURCE.match(open_chunks[-1].text):
        state.drop(open_chunks.pop(), "sign-off (the release's source)")
    credit = (CLOSING_CREDIT.match(open_chunks[-1].text) or SLASHED_AGENCY.match(
        open_chunks[-1].text)) if len(open_chunks) >= 2 else None
    if credit:
        who = re.sub(r"^(?:l['’]|la\s|le\s|les\s)", "", credit["who"].strip(), flags=re.I)
        if is_agency(who):
            state.meta.add_source(3, who, open_chunks[-1].line)
        state.drop(open_chunks.pop(), "closing credit")
    if len(open_chunks) >= 2 and _link_above_credits(state, open_chunks[-1]):
        state.drop(open_chunks.pop(), "a title with no text after it, above the credits")
    _glued_sign_off(state, open_chunks)
    _sign_offs(state, open_chunks)
    if open_chunks and open_chunks[-1].kind == "text":
        _glued_contact(state, open_chunks[-1])
        line = open_chunks[-1].open_lines[-1]
        glued = GLUED_CREDIT.search(line.text)
        if glued:
            line.text = line.text[:glued.start()].rstrip()
            state.drop_line(Line(line.number, glued["credit"]), "photo credit after the text")


#: The most lines a contact in brackets glued to the last sentence runs over.
GLUED_CONTACT_LINES = 3


def _glued_contact(state: ParseState, chunk: Chunk) -> None:
    """A contact in brackets glued to the story's last sentence (``... available online.
    (For more information: NAME – Tel.: +32 2 29 96302)``), over the last lines of a
    hard-wrapped paragraph: dropped, the sentence kept."""
    lines = chunk.open_lines
    for index in range(len(lines) - 1, max(-1, len(lines) - 1 - GLUED_CONTACT_LINES), -1):
        opening = lines[index].text.rfind("(")
        if opening >= 0:
            break
    else:
        return
    before = lines[index].text[:opening].rstrip()
    tail = " ".join([lines[index].text[opening:], *(line.text for line in lines[index + 1:])])
    if not before or not ends_sentence(before) or not tail.rstrip().endswith(")") or (
            ")" in tail.rstrip()[:-1]) or not CONTACT_MARK.search(tail):
        return
    state.drop_line(Line(lines[index].number, lines[index].text[opening:]),
                    "contact after the text")
    lines[index].text = before
    for line in lines[index + 1:]:
        chunk.take(line, "dropped")
        state.drop_line(line, "contact after the text")


def _glued_code(state: ParseState, chunk: Chunk) -> None:
    """Desk initials in brackets glued after the story's last sentence (``... Exchange.
    [ah/ft]``): dropped, the sentence kept."""
    if chunk.kind != "text" or not chunk.open_lines:
        return
    line = chunk.open_lines[-1]
    glued = _GLUED_CODE.search(line.text)
    if glued and DESK_CODE.match(glued["code"]):
        line.text = line.text[:glued.start()].rstrip()
        state.drop_line(Line(line.number, glued[0].strip()), "desk code after the text")


def _glued_sign_off(state: ParseState, open_chunks: list[Chunk]) -> None:
    """Sign-off lines under the story's last sentence with no blank line between
    (``... saranno deviate.`` / ``(AGI)`` / ``Red/Bol`` / ``141530 MAR 24``): a block of
    their own, for the sign-off rule to read like any other."""
    last = open_chunks[-1] if open_chunks else None
    if last is None or last.kind != "text" or len(last.open_lines) < 2:
        return
    lines = last.open_lines
    start = len(lines)
    while start > 1 and _is_sign_off(Chunk(lines[start - 1:start])):
        start -= 1
    story = " ".join(clean_text(line.text) for line in lines[:start])
    if start == len(lines) or not ends_sentence_or_quote(story):
        return
    trailer = Chunk(lines[start:])
    last.lines = [line for line in last.lines if line not in trailer.lines]
    state.chunks.insert(state.chunks.index(last) + 1, trailer)
    open_chunks.append(trailer)
    state.decide(trailer.line, f"sign-off lines under the last sentence: {trailer.text!r}")


def _sign_offs(state: ParseState, open_chunks: list[Chunk]) -> None:
    """Blocks of short lines after the story's last paragraph that end no sentence: the
    agency's sign-off and its desk codes (``Reuter``, ``Lusa/Fim``, ``(Red-Mar/Adnkronos)``,
    ``mrs mad``, ``UPI 03-12-83 02:14 PES``), a contact block (``Media:`` / a name / a
    number), a label with nothing after it (``Available in:``), a feed's credit (``from
    Voice of America http://...`` / ``via IFTTT``), in any language, by their shape.

    Only blocks below a story (a paragraph of story length, or a table) whose last block
    ends a sentence (or is a table, quote or list) are taken, so a short final paragraph
    of a story made of short lines stays body.
    """
    run = 0
    while run < len(open_chunks) - 1 and _is_sign_off(open_chunks[-1 - run]):
        run += 1
    story = open_chunks[:len(open_chunks) - run]
    if story:
        _glued_code(state, story[-1])
    if not run or not _ends_story(story[-1]) or not any(
            looks_like_prose(c.text) or c.kind == "table" for c in story):
        return
    for chunk in open_chunks[len(story):]:
        agency = _signed_agency(chunk, last=chunk is open_chunks[-1])
        if agency:
            state.meta.add_source(4, agency, chunk.line)
            state.decide(chunk.line, f"source from the sign-off: {agency!r}")
        state.drop(chunk, "sign-off")
    del open_chunks[len(story):]


def _signed_agency(chunk: Chunk, last: bool) -> str | None:
    """The agency a sign-off names: an agency word in it (``Con información de Notimex``,
    ``Lusa/Fim``), else, on the very last line, the line itself when it is one or two
    capitalised words (``Reuter``); end marks (``END``, ``Fim``) are no agency, and
    neither are the words of a contact block (``Media:`` / a name / a number) or of a web
    address."""
    text = _WEB_ADDRESS.sub(" ", chunk.text).strip()
    if len(chunk.open_lines) > 1 and CONTACT_MARK.search(text):
        return None
    for word in WORD.findall(text):
        if is_agency(word) and boilerplate_reason(word) != "end-mark":
            return str(word)
    words = text.split()
    if last and len(words) <= 2 and text[:1].isupper() and not _CODE_MARK.search(text) and (
            text[-1:] not in ":："):
        return text.strip(" -–—.")
    return None


def _is_sign_off(chunk: Chunk) -> bool:
    """A text block of trailer lines (``_trailer_line``), one at least showing it is no
    text: a contact, or every line marked as a code, an agency, a label or a few words."""
    if chunk.kind != "text" or not chunk.open_lines:
        return False
    texts = [clean_text(line.text).strip() for line in chunk.open_lines]
    return all(_trailer_line(text) for text in texts) and (
        any(CONTACT_MARK.search(text) for text in texts) or all(_marked(text) for text in texts))


def _trailer_line(text: str) -> bool:
    """A line that may close the file under the story: short and no sentence, or a
    reporter's contact (an e-mail address or a telephone number: it may be longer)."""
    if not text or text.startswith("#") or (
            ends_sentence_or_quote(text) and not _INITIALS_END.search(text)):
        return False
    return (len(text) <= SIGN_OFF and len(text.split()) <= SIGN_OFF_WORDS) or (
        len(text) <= SIGN_OFF_CONTACT and bool(CONTACT_MARK.search(text)))


def _marked(text: str) -> bool:
    """A trailer line shows what it is: a few words, a label with nothing after it, a
    menu (``is_menu``), or,
    among few running words (``WHAT: 2013 Atlantic hurricane season outlook news
    conference`` is text), a label of one or two words and a colon (``Aqra wkoll: Toroq
    ġodda``, ``(இன்புட்: பிடிஐ)``), codes (a slash, brackets, digits) or an agency."""
    running = sum(len(word) >= 4 and word.islower() for word in text.split())
    return len(text.split()) <= SIGN_OFF_PLAIN_WORDS or text[-1:] in ":：" or is_menu(text) or (
        running < RUNNING_WORDS and (bool(_LABEL.match(text) or _CODE_MARK.search(text)) or any(
            is_agency(word) for word in WORD.findall(text))))


def _ends_story(chunk: Chunk) -> bool:
    return chunk.kind != "text" or ends_sentence_or_quote(chunk.text)


def _link_above_credits(state: ParseState, chunk: Chunk) -> bool:
    """A one-line title after the last paragraph, with only dropped credits below it."""
    later = state.chunks[state.chunks.index(chunk) + 1:]
    text = chunk.text
    return (len(chunk.lines) == 1 and 3 <= len(text.split()) <= 12 and not ends_sentence(text)
            and text[-1:] not in ":：" and any(c.role == "dropped" for c in later)
            and all(c.role == "dropped" for c in later))
