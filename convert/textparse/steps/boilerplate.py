"""Step ``boilerplate``: page furniture and wire debris that is not the story.

Every dropped line goes to ``provenance.dropped`` with its reason (it is not
a warning).  Rules are by *kind* of boilerplate, with the common wordings in
the languages news is written in; they match whole lines, so the same words
inside a sentence are never touched.  Positional rules: everything after an
end mark (``ENDS``, ``###``, ``-30-``) is trailer; desk codes and initials
(``ble/fm/sd``, ``dpa ale yyhh n1 bsc``) only count at the end; a line of
lone punctuation (``.``) is scraping debris.
"""

from __future__ import annotations

import re

from convert.textparse.inline import clean_text
from convert.textparse.names import is_agency
from convert.textparse.state import Chunk, ParseState

_RULES: tuple[tuple[str, str], ...] = (
    ("advertisement", r"(?:advertisement|advertisment|advert|sponsored(?: content)?|anzeige|"
                      r"werbung|publicidad|publicité|pubblicità|advertentie|реклама|إعلان|广告|"
                      r"story continues below(?: advertisement)?|continue reading below)"),
    ("read-more", r"(?:also read|read also|read more|more on this|related|see also|lire aussi|"
                  r"à lire aussi|a lire aussi|voir aussi|lesen sie auch|mehr zum thema|"
                  r"auch interessant|lee también|leer más|ver también|te puede interesar|"
                  r"leia também|leia mais|leggi anche|lees ook|lees meer|читайте также|"
                  r"смотрите также|اقرأ أيضا|اقرأ أيضاً|اقرأ ايضا|相关阅读|延伸阅读|相关新闻|"
                  r"相关报道|関連記事|関連ニュース|관련기사|관련 기사|läs också|läs mer|les også|"
                  r"les mer|læs også|læs mere|lue myös|czytaj (?:też|także|również)|"
                  r"przeczytaj (?:też|także)|ayrıca (?:bakınız|okuyun)|ilgili haberler|"
                  r"διαβάστε (?:επίσης|ακόμη|ακόμα)|यह भी पढ़ें|ये भी पढ़ें|जरूर पढ़ें|"
                  r"baca juga|citește și|pročitajte i|přečtěte si také|olvassa el|xem thêm|"
                  r"tin liên quan|đọc thêm|"
                  r"recommended|you may also like|don't miss|must read)"
                  r"(?:\s*[:：\-–—|»>]\s*.{0,160})?"),
    ("related-topics", r"(?:related (?:topics|stories|articles|links|coverage|content)|"
                       r"more on this story|top stories|most read|trending now)\b.{0,200}"),
    ("subscription", r"(?:subscribe\b.{0,200}|sign up\b.{0,200}|sign-up\b.{0,200}|"
                     r"get our .{0,40}newsletter.{0,100}|"
                     r".{0,80}\bnewsletter\b.{0,80}|support (?:our|independent) journalism.*|"
                     r"become a (?:member|subscriber).*|already a subscriber.*|"
                     r"abonnieren sie.*|abonnez-vous.*|suscríbete.*|подпишитесь.*)"),
    ("share-buttons", r"(?:share(?: this(?: article| story| with)?| on| via)?|tweet|e-?mail|"
                      r"print|facebook|twitter|x|whatsapp|messenger|linkedin|pinterest|reddit|"
                      r"copy link|comments?)(?:\s*[|/,·•]?\s*(?:share|tweet|e-?mail|print|"
                      r"facebook|twitter|x|whatsapp|messenger|linkedin|pinterest|reddit|"
                      r"copy link|this|with|on|via|comments?))*"),
    ("video-placeholder", r"(?:video|play video|watch(?: video| now)?|listen|audio|"
                          r"media playback is unsupported on your device|click to play|"
                          r"(?:watch|video|listen|audio)\s*[:：].{0,150})"),
    ("end-mark", r"(?:ends?|-+\s*ends?\s*-+|\(ends?\)|-\s?30\s?-|-0-|#\s?#\s?#|xxx|\+\+\+|"
                 r"fin|\(fin\)|schluss|\(schluss\)|ende|\(ende\)|slut|konec|конец|نهاية|完)"
                 r"(?:\s+[a-z]{2,5}(?:\s?[/-]\s?[a-z0-9]{1,6}){0,5}\s?/?)?"),
    ("thematic-break", r"([-*_=~•·])(?:\s*\1){2,}"),
    ("copyright", r"[<\[(]?\s*(?:©|\(c\)\s*\d|copyright\b|all rights reserved|"
                  r"riproduzione riservata|todos los derechos reservados|"
                  r"tous droits réservés|alle rechte vorbehalten|все права защищены|"
                  r"저작권자|무단\s?전재|版权所有|著作権|جميع الحقوق محفوظة).{0,200}"),
    ("wire-advisory", r"\((?:adds|updates|recasts|corrects|repeats|refiles|changes|"
                      r"writes through|rewrites|removes|fixes|inserts|deletes|moves|amends|"
                      r"clarifies|tops|new throughout|edits|re-?files?|this story has been)"
                      r"\b[^()]*(?:\([^()]*\)[^()]*)*\)"),
    ("credit-trailer", r"[(\[]\s*(?:(?:additional\s+)?reporting|writing|editing|edited|compiled|"
                       r"written|reported|with (?:additional )?(?:inputs|reporting)|inputs from|"
                       r"with agency inputs|translated|version française|reportage|reporte|"
                       r"información|redacción|berichterstattung|redigiert|репортаж|"
                       r"редактор|تغطية صحفية|تحرير|إعداد)\b.*[)\]]"),
    ("contributor-credit", r".{0,200}\b(?:contributed (?:to )?(?:this|the) "
                           r"(?:report|story|article)|contributed reporting)\.?|"
                           r"(?:additional|with additional|with) reporting by\b.{2,160}"),
    ("release-notice", r"(?:for immediate release|for release\b.{0,60}|embargoed?\b.{0,80}|"
                       r"press release|news release|media release|communiqué de presse)"),
    ("contact", r"(?:(?:media|press|investor)\s+)?(?:contacts?|enquiries|inquiries)\s*[:：].*"
                r"|to contact the (?:reporters?|editors?|writers?|authors?)\b.*"
                r"|(?:e-?mail|tel|phone|fax|mobile)\s*[:.：]\s*\S.{0,100}"
                r"|(?:e-?mail|contact|write to|send)\b.{0,60}[\w.+-]+@[\w-]+\.[\w.-]+\.?"
                r"|[\w.+-]+@[\w-]+\.[\w.-]+"),
    ("syndication-disclaimer", r".{0,200}(?:syndicated feed|wire agency feed|auto-generated from|"
                               r"published from a wire|has not been edited by|"
                               r"only the headline .{0,60}may have been reworked).{0,200}"),
    ("editor-credit", r"[【\[(（]\s*(?:责任编辑|编辑|責任編輯|編輯|editor|redakteur|редактор|محرر)"
                      r"\s*[:：].*[】\])）]\s*\d{0,8}|"
                      r"(?:责任编辑|编辑|責任編輯|編輯|編集|편집|edição|edición|editor|editora|"
                      r"redakcja|redaktor|redakteur|redazione|редактор|محرر)\s*[:：]\s*"
                      r"[^.!?:：]{2,60}|"
                      r"(?:edited|editing) by\s+[^.!?:]{2,80}"),
    ("transmission-stamp", r"[A-Z]{2,4}(?:-[A-Z0-9]{1,4})*-\d\d-\d\d-\d\d(?:\d\d)?\s+"
                           r"\d{3,4}\s?[A-Z]{2,4}|[A-Z]{2,5}\d{3,5}\s+\d{4}-\d\d-\d\d/\d\d:\d\d"),
)
BOILERPLATE = tuple((reason, re.compile(rf"^(?:{pattern})$", re.I)) for reason, pattern in _RULES)
#: Desk codes and initials (``ble/fm``, ``ann/ mhr/``, ``dpa ale yyhh n1 bsc``), possibly
#: after the agency's name (``EFE abc/xyz``, ``AAP lo/dm``).
_DESK_CODE = re.compile(r"^(?:[A-Z]{2,6}\s+)?(?:[a-z]{2,5}(?:\s?[/-]\s?[a-z0-9]{1,6}){1,5}\s?/?|"
                        r"[a-z]{2,5}(?:\s+[a-z0-9]{1,5}){2,6})$")
#: A line that only credits an agency: ``(ANSA).``, and sign-offs such as ``==Kyodo``, ``--IANS``.
_AGENCY_CREDIT = re.compile(
    r"^(?:[(\[]([^()\[\]]{2,40})[)\]]\.?|(?:==|--|[—–])\s*([^\s()].{1,30}))$")
_DEBRIS = re.compile(r"^[\W_]{1,3}$")
_CREDIT_SOURCE = re.compile(r"\bwith (?:additional )?inputs? from ([^()\[\]]+?)\s*[)\]]?$", re.I)
#: Longest line a boilerplate rule may drop (a longer one is text that
#: happens to start with the same words).
MAX_BOILERPLATE = 400


def boilerplate_reason(text: str) -> str | None:
    """Why the line ``text`` is boilerplate, or None when it is not."""
    text = text.strip()
    if not text or len(text) > MAX_BOILERPLATE:
        return None
    for reason, pattern in BOILERPLATE:
        if pattern.match(text):
            return reason
    return None


def boilerplate(state: ParseState) -> None:
    after_end = False
    for chunk in state.chunks:
        if chunk.role is not None:
            continue
        if after_end:
            state.drop(chunk, "after the end mark")
            continue
        reason = _chunk_reason(chunk)
        if reason == "wire-advisory":  # a note to editors that this version changed things
            state.meta.ednotes.append(chunk.text.strip())
            state.meta.signal("sig:correction" if re.match(r"\(\s*(?:corrects|fixes)",
                                                           chunk.text, re.I) else "sig:update")
            state.claim(chunk, "ednote", f"wire advisory, a note to editors: {chunk.text!r}")
        elif reason:
            _keep_facts(state, chunk, reason)
            state.drop(chunk, reason)
            after_end = reason == "end-mark"
        elif agency := _agency_credit(chunk.text):
            state.meta.add_source(3, agency, chunk.line)
            state.drop(chunk, "agency credit")
        elif _DEBRIS.match(chunk.text):
            state.drop(chunk, "scraping debris")
        else:
            _drop_lines(state, chunk)
    _trailing_desk_codes(state)


def _agency_credit(text: str) -> str | None:
    """``(ANSA).``, ``==Kyodo``: a line that only credits an agency."""
    match = _AGENCY_CREDIT.match(text)
    agency = (match.group(1) or match.group(2)).strip() if match else ""
    return agency if agency and is_agency(agency) else None


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
    credit = _CREDIT_SOURCE.search(text)
    if reason == "credit-trailer" and credit:
        state.meta.add_source(3, credit.group(1).strip(), chunk.line)
        state.decide(chunk.line, f"source from the credit line: {credit.group(1).strip()!r}")


def _trailing_desk_codes(state: ParseState) -> None:
    for chunk in reversed(state.chunks):
        if chunk.role == "dropped":
            continue
        if chunk.role is None and len(chunk.lines) == 1 and _DESK_CODE.match(chunk.text):
            state.drop(chunk, "desk code")
            continue
        break
