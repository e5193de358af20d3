"""Boilerplate by kind: page furniture and wire debris, as whole-line patterns.

Shared by the boilerplate step (which drops such lines), the header-role
scorer (a boilerplate match is evidence, not a decision) and the caption and
headline steps.  Rules are by *kind* of boilerplate, with the common wordings
in the languages news is written in; they match whole lines, so the same
words inside a sentence are never touched.
"""

from __future__ import annotations

import re
from functools import cache, lru_cache

from convert.textparse.names import is_agency

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
    ("thematic-break", r"(?P<mark>[-*_=~•·])(?:\s*(?P=mark)){2,}"),
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
    ("social-pitch", r"(?:(?:follow|like|join|find|connect with)\s+"
                     r"(?:us|me|[^\s@]+(?:\s+[^\s@]+){0,3})"
                     r"(?:\s+on\s+(?:twitter|facebook|instagram|linkedin|x|tiktok|youtube|threads|"
                     r"bluesky)(?:\s*(?:&|and|,)\s*(?:twitter|facebook|instagram|linkedin|x|tiktok|"
                     r"youtube|threads|bluesky))*(?:\s+@\w+)?\.?|\s*:)"
                     r"|(?:twitter|facebook|instagram|linkedin|youtube|tiktok)\s*[:：]\s*"
                     r"https?://\S+)"),
    ("reader-callout", r".{0,200}\b(?:share|send us) your "
                       r"(?:videos?|photos?|pictures?|stories|views)\b.{0,120}"),
    ("media-link", r"(?:logo|photo|image|video|multimedia|infographic)\s*[-–:]\s*https?://\S+"),
    ("release-notice", r"(?:for immediate release|for release\b.{0,60}|embargoed?\b.{0,80}|"
                       r"(?:press release|news release|media release|communiqué de presse)"
                       r"(?:\s+[A-Z]{0,4}\d{3,})?)"),
    ("contact", r"(?:(?:media|press|investor)(?:\s+relations)?\s+)?"
                r"(?:contacts?|enquiries|inquiries)\s*[:：].*"
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
@cache
def _any_rule() -> re.Pattern[str]:
    """All the rules in one alternation, tried in order (one match per line, not one per
    rule); compiled on first use (~8 ms)."""
    return re.compile("|".join(rf"(?P<rule{index}>^(?:{pattern})$)"
                               for index, (_, pattern) in enumerate(_RULES)), re.I)


#: Desk codes and initials (``ble/fm``, ``ann/ mhr/``, ``dpa ale yyhh n1 bsc``), possibly
#: after the agency's name (``EFE abc/xyz``, ``AAP lo/dm``).
DESK_CODE = re.compile(r"^(?:[A-Z]{2,6}\s+)?(?:[a-z]{2,5}(?:\s?[/-]\s?[a-z0-9]{1,6}){1,5}\s?/?|"
                        r"[a-z]{2,5}(?:\s+[a-z0-9]{1,5}){2,6})$")
#: A line that only credits an agency: ``(ANSA).``, and sign-offs such as ``==Kyodo``, ``--IANS``.
_AGENCY_CREDIT = re.compile(
    r"^(?:[(\[]([^()\[\]]{2,40})[)\]]\.?|(?:==|--|[—–])\s*([^\s()].{1,30}))$")
DEBRIS = re.compile(r"^[\W_]{1,3}$")
#: A telephone number: ``202-358-1726``, ``202/358-1600``, ``+44 20 7946 0018``, and
#: international ones in groups of any length (``+32 2 29 96302``, ``+49 (30) 2280-2820``).
PHONE = re.compile(r"(?<![\d-])(?:(?:\+\d{1,3}[ .-]?)?\(?\d{2,4}\)?[ ./-]\d{3,4}[ .-]\d{3,4}"
                   r"|\+(?=[\d ()-]{10})\d{1,3}(?:[ -]?\(?\d{1,5}\)?){2,4})(?![\d-])")
#: What shows a line is someone's contact: a telephone number or an e-mail address.
CONTACT_MARK = re.compile(rf"{PHONE.pattern}|[\w.+-]+@[\w-]+\.[\w.-]+")
CREDIT_SOURCE = re.compile(r"\bwith (?:additional )?inputs? from ([^()\[\]]+?)\s*[)\]]?$", re.I)
#: Longest line a boilerplate rule may drop (a longer one is text that
#: happens to start with the same words).
MAX_BOILERPLATE = 400


@lru_cache(maxsize=4096)
def boilerplate_reason(text: str) -> str | None:
    """Why the line ``text`` is boilerplate, or None when it is not (cached: several
    steps and the header-role scorer ask about the same lines)."""
    text = text.strip()
    if not text or len(text) > MAX_BOILERPLATE:
        return None
    match = _any_rule().match(text)
    return _RULES[int(match.lastgroup[4:])][0] if match and match.lastgroup else None


#: What sets a menu's items apart, and the most words of an item.
_MENU_SEPARATOR = re.compile(r"\s+[|/·•]\s+")
MENU_ITEM_WORDS = 2


def is_menu(text: str, items: int = 2) -> bool:
    """Items of a word or two (``items`` at least) set apart by separators, after whatever
    opens the line: a page's links or choices (``Home | News | Contact``, ``Share this
    page: Facebook | X | Email``, ``Was this page helpful? Yes / No``).  By shape, in any
    language."""
    parts = _MENU_SEPARATOR.split(text.strip())
    return len(parts) >= items and all(0 < len(part.split()) <= MENU_ITEM_WORDS
                                       for part in parts[1:])


def agency_credit(text: str) -> str | None:
    """``(ANSA).``, ``==Kyodo``: a line that only credits an agency."""
    match = _AGENCY_CREDIT.match(text)
    agency = (match.group(1) or match.group(2)).strip() if match else ""
    return agency if agency and is_agency(agency) else None


#: The closing line of a press-release wire (PR Newswire, Business Wire): ``SOURCE Company``.
RELEASE_SOURCE = re.compile(r"^SOURCE\s+\S.{0,80}$")
#: A photo credit glued to the end of the last sentence: ``...している。(c)AFP/Name``.
GLUED_CREDIT = re.compile(r"(?<=[.!?。！？”\"])\s*(?P<credit>(?:\(c\)|©)\s*\S[^.!?。]{1,60})$", re.I)
#: A closing line crediting where the story came from, in several languages (only at the
#: end: on top, ``Source:`` is a metadata field).
CLOSING_CREDIT = re.compile(
    r"^[(\[]?\s*(?:avec (?:les )?informations? d[e'’]|d['’]après|with (?:agency )?inputs? from|"
    r"inputs? from|इनपुट|sources?|źródło|źródła|fuente|fuentes|fonte|fontes|quelle|quellen|"
    r"kilde|källa|lähde|bron|nguồn|sumber|kaynak|источник|المصدر|来源)\s*[:：]?\s*"
    r"(?P<who>[^()\[\]:：]{2,80}?)\s*[)\]]?\.?$", re.I)
#: ``/AFP/`` alone on the last line: the agency between slashes.
SLASHED_AGENCY = re.compile(r"^/\s*(?P<who>[^/\d]{2,30}?)\s*/\.?$")
