"""Telling people's names from titles, agencies and places in byline text."""

from __future__ import annotations

import re

from convert.textparse.prefilter import has_digit

#: Words that open a byline ("By", and its equivalents in other languages).
_LEAD_WORDS = (
    r"(?:(?:written|reported|words|text|story|posted)\s+by|by|von|por|par|door|di|av|af|"
    r"przez|från|автор|авторы|текст|بقلم|كتب|إعداد|记者|作者|oleh|szerző|szerzők|autor|autora|"
    r"autorka|autori|autores|napisao|napisala|kirjoittanut|yazan|skrevet\s+av|tekst|texto|testo)")
BYLINE_LEAD = re.compile(rf"^{_LEAD_WORDS}\s*[:：]?\s+", re.I)
#: A lead-in with a colon, as trailers label their credits (``autor: NAME``).
BYLINE_COLON = re.compile(rf"^{_LEAD_WORDS}\s*[:：]\s*", re.I)
#: Lead words that name someone who is NOT a byline (editors, photographers, translators...),
#: in a header line (``Edited by X``) and in a wire trailer (``(...; Editing by Y)``):
#: English participles before ``by`` or a colon, and the other languages' words alone.
NOT_BYLINE_LEAD = re.compile(
    r"^(?:edited|editing|additional\s+reporting|photos?|photographs?|pictures?|images?|"
    r"illustrations?|graphics?|video|compiled|translated|produced|fact[- ]checked)"
    r"\s*(?:\bby\b|[:：])"
    r"|^(?:editor|redigiert|bearbeitet|editado|édité|édition|edición|redaktion|"
    r"version\s+française|редактор|редактирование|перевод|تحرير|ترجمة|责任编辑|编辑)\b", re.I)

#: Titles around the names in a reporter credit (``记者``, ``기자``, ``特派員``): not names.
CREDIT_TITLE = re.compile(r"记者|通讯员|实习生|記者|特派員|編集委員|기자|특파원|통신원")
_SPLIT = re.compile(r"\s*(?:[,;、،]|\s(?:and|&|und|y|e|et|en|i|и|og|och|ve|و)\s|和|及)\s*")
#: Where a byline's name part ends: `` - ``, `` | `` or a slash (``NAME/TT``).
_BYLINE_SEGMENTS = re.compile(r"\s+[-–—|]\s+|\s*/\s*")
#: ``Repórter da Agência Brasil``, ``correspondent for Reuters``: a title, then the agency.
_TITLE_OF = re.compile(r"^(?P<title>.+?)\s+(?:da|do|de|der|des|di|del|della|of|at|for|from|"
                       r"with|to|för|vid|z|ze|du|la)\s+(?P<agency>.+)$", re.I)
_PARTICLES = {"van", "von", "de", "der", "den", "da", "di", "del", "della", "des", "du", "la",
              "le", "bin", "ibn", "al", "el", "dos", "das", "do", "ter", "ten", "zu", "y", "e"}
#: Words that make a byline part a job title rather than a name.
ROLE_WORDS = {"editor", "writer", "reporter", "correspondent", "staff", "columnist",
              "contributor", "photographer", "analyst", "journalist", "producer", "chief",
              "senior", "deputy", "bureau", "desk", "team", "reporters", "staffer",
              "redakteur", "redakteurin", "korrespondent", "korrespondentin", "redacción",
              "redaction", "rédaction", "correspondant", "correspondante", "envoyé", "envoyée",
              "корреспондент", "обозреватель", "editors", "writers", "digital", "online",
              "political", "business", "health", "science", "education", "sports", "sport",
              "economics", "technology", "security", "transport", "environment", "home",
              "affairs", "special", "in", "repórter", "reportero", "reportera", "periodista",
              "jornalista", "giornalista", "corrispondente", "correspondente", "inviato",
              "inviata", "enviado", "enviada", "redattore", "redattrice", "redator", "redatora",
              "dziennikarz", "dziennikarka", "reporterka", "muhabir", "muhabiri", "reporterin",
              "journalistin", "journalisten", "reportrar", "reporterns", "reportern"}
#: Words that make a byline part an agency or publisher.
AGENCY_WORDS = {"press", "news", "agency", "presse", "agence", "wire", "newswire", "media",
                "service", "services", "times", "post", "telegraph", "guardian", "journal",
                "herald", "tribune", "gazette", "associated", "reuters", "bloomberg", "afp",
                "pti", "ians", "ani", "dpa", "efe", "ansa", "xinhua", "tass", "ria", "kyodo",
                "yonhap", "anp", "belga", "apa", "pa", "ap", "upi", "aap", "cp", "sda", "kna",
                "epd", "europa", "ntb", "tt", "stt", "ritzau", "ctk", "pap", "mti", "lusa",
                "agencias", "agencies", "agences", "wires", "newsroom", "dw", "bbc", "cnn",
                "agência", "agencia", "agenzia", "agentur", "agentschap", "ajansı", "агентство",
                "anadolu", "jiji", "bernama", "antara", "interfax", "интерфакс", "риа", "тасс",
                "новости", "итар", "agerpres", "tanjug", "ukrinform", "unian", "belta", "wafa",
                "kuna", "irna", "télam", "notimex", "hina", "bta", "chinanews", "radio",
                "television", "broadcasting", "abc", "nbc", "cbs", "rte", "rnz", "nhk", "sbs"}


def strip_markup(text: str) -> str:
    """A line without Markdown emphasis wrappers (``*By A*``, ``_By A_``)."""
    text = text.strip()
    if text[:1] not in "*_" and text[-1:] not in "*_":  # nearly every line: nothing to strip
        return text
    return re.sub(r"^[*_]+\s*|\s*[*_]+$", "", text)


def has_case(text: str) -> bool:
    """Is ``text`` written (at least partly) in a script with capitals?"""
    return text.lower() != text.upper()


def split_parts(text: str) -> list[str]:
    return [part.strip(" .:-–—") for part in _SPLIT.split(text) if part.strip(" .:-–—")]


def is_name(part: str) -> bool:
    """Does ``part`` read as one person's name (not a title, agency or place)?"""
    words = part.split()
    if not words or len(words) > 5 or has_digit(part) or "@" in part:
        return False
    lowered = {word.casefold().strip(".,") for word in words}
    singular = {word[:-1] for word in lowered if word.endswith("s")}  # ``Newswires``
    if lowered & ROLE_WORDS or (lowered | singular) & AGENCY_WORDS:
        return False
    letters = [ch for ch in part if ch.isalpha()]
    if not letters:
        return False
    if not any(ch.isupper() or ch.islower() for ch in letters):  # a script without case
        return len(part) <= 24
    if len(words) == 1 or words[-1].casefold() in _PARTICLES:  # ``Prononcé le``: no surname
        return False
    return all(word[0].isupper() or word.casefold() in _PARTICLES or word[0] in "'’"
               for word in words)


def is_agency(part: str) -> bool:
    """An agency or publisher credit (``PA``, ``THE CANADIAN PRESS``, ``Reuters``)."""
    words = part.split()
    if not words or len(words) > 6 or has_digit(part):
        return False
    lowered = {word.casefold().strip(".,") for word in words}
    if lowered & ROLE_WORDS - {"news"}:
        return False
    if lowered & AGENCY_WORDS:
        return True
    return len(words) == 1 and part.isupper() and 2 <= len(part) <= 6


def names_in(text: str) -> tuple[list[str], list[str]]:
    """The names in a byline text and the agencies credited beside them.

    ``"Rebecca Thornton, PA"`` -> ``(["Rebecca Thornton"], ["PA"])``; titles
    such as ``staff reporter`` are neither.  After a `` - `` or a ``/``
    (``NAME - Repórter da Agência Brasil - São Paulo``, ``NAME/TT``) come
    title, agency and place, or another full name (``NAME/NAME``).
    """
    names: list[str] = []
    agencies: list[str] = []
    first, *pieces = re.split(f"({_BYLINE_SEGMENTS.pattern})", re.sub(r"\([^)]*\)", "", text))
    rest = list(zip(pieces[::2], pieces[1::2]))
    for part in split_parts(first):
        part = re.sub(r"\s+in\s+\S.*$", "", part)  # "NAME in Oslo"
        part = " ".join(CREDIT_TITLE.sub(" ", part).split()) or part  # ``김민준 기자``
        if is_name(part):
            names.append(part)
        elif agency := _agency_of(part):
            agencies.append(agency)
    for separator, segment in rest:
        segment = segment.strip(" .,;")
        agency = _agency_of(segment)
        if agency:
            agencies.append(agency)
        elif "/" in separator and names and len(segment.split()) >= 2 and is_name(segment):
            names.append(segment)  # ``Dwayne Brown/Tabatha Thompson``: two people
    return names, agencies


def _agency_of(segment: str) -> str | None:
    """The agency a byline segment names: after a title or a wire (``Repórter da X``,
    ``Special to The Times``, ``Leased Wire to The Tribune``), or itself."""
    titled = _TITLE_OF.match(segment)
    if titled and any(w.casefold() in ROLE_WORDS or w.casefold() in AGENCY_WORDS
                      for w in titled["title"].split()) and is_agency(titled["agency"]):
        return titled["agency"]
    return segment if is_agency(segment) else None


#: A lead-in word no list names (``Na``, ``Per``, ``ni``, ``מאת``): one to three letters;
#: in a script without case, three letters and the vowel signs between them (``ដោយ``).
_SHORT_LEAD = re.compile(r"^(?:[^\W\d_]{1,3})\s*[:：]?\s+(?=\S)")
_CASELESS_LEAD = re.compile(r"^(?P<word>[^\W\d_]\S{0,5})\s*[:：]?\s+(?=\S)")
SHORT_LEAD_LETTERS = 3


def short_lead(text: str) -> int:
    """Where a byline's lead-in word ends when it is one no list has, else 0.

    A word of one to three letters before names is a lead-in (a function word of the
    byline's language) when what follows is people's names of two words or more, so
    that the short word cannot be a first name of its own (``Per Marta Vilaró i Pere
    Costa``, ``Na Juma Mrisho, Dodoma``, ``Ni Maria Santos``), and at most three words
    (a caseless headline is no name); a line all in capitals is a label, not a byline.
    """
    text = strip_markup(text)
    lead = _SHORT_LEAD.match(text) or _caseless_lead(text)
    # A function word has no capital inside it: ``DoD Identifies ...`` is an acronym.
    return lead.end() if lead is not None and lead.group(0)[1:].strip(" :：") == lead.group(0)[
        1:].strip(" :：").lower() and _names_follow(text, lead.end()) else 0


def _caseless_lead(text: str) -> re.Match[str] | None:
    lead = _CASELESS_LEAD.match(text)
    word = lead["word"] if lead else ""
    if lead is None or any(ch.isupper() or ch.islower() or ch.isdigit() for ch in word):
        return None
    return lead if sum(ch.isalpha() for ch in word) <= SHORT_LEAD_LETTERS else None


#: A label of one word (or a feed's ``dc:creator``) and a colon before a byline's names.
_LABEL_LEAD = re.compile(r"^[^\W\d_][\w:.’'-]{1,24}\s*[:：]\s+(?=\S)")
#: One or two words before a byline's names, the last in lower case (``Miktub minn``).
_LOWER_LEAD = re.compile(r"^(?:[^\W\d_]+\s+)?[^\W\d_]+\s+(?=\S)")


#: The fewest and most words of a line a lead-in no list has opens.
UNLISTED_LEAD_WORDS = (3, 5)


def unlisted_lead(text: str) -> int:
    """Where a byline's lead-in ends when no list has it and it shows its shape, else 0:
    a one-word label and a colon (``Muallif: Dilnoza Rahimova``, ``dc:creator: NAME``),
    or one or two words ending in a lower-case one that is no particle of a name
    (``Miktub minn Maria Camilleri``); what follows must be people's names of two or
    three words, as for ``short_lead``."""
    text = strip_markup(text)
    if not UNLISTED_LEAD_WORDS[0] <= text.count(" ") + 1 <= UNLISTED_LEAD_WORDS[1]:
        return 0  # a lead-in of one or two words and a name of two or three
    lead = _LABEL_LEAD.match(text)
    if lead is None:
        lead = _LOWER_LEAD.match(text)
        last = lead.group(0).split()[-1] if lead else ""
        if lead is None or not (last.isalpha() and last.islower() and last not in _PARTICLES):
            return 0
    return lead.end() if _names_follow(text, lead.end()) else 0


def _names_follow(text: str, end: int) -> bool:
    """Do people's names of two or three words each follow a lead-in ending at ``end``
    (and the line is no sentence, no label in capitals, no e-mail sender, no number)?"""
    if len(text) > 90 or re.search(r"[.!?;\"“”]$", text) or text.isupper() or "@" in text or any(
            ch.isdigit() for ch in text[end:]):  # a page or issue line: ``..., p. 1``
        return False
    names = split_parts(_BYLINE_SEGMENTS.split(text[end:])[0])
    people = [part for part in names if is_name(part)]
    # A name opening with a particle (``van Dijk``) has its given name before it: the
    # word before is no lead-in (``Jan van Dijk``).
    return bool(people) and names[0] in people and not names[0][:1].islower() and all(
        2 <= len(name.split()) <= 3 for name in people)


def byline_lead_end(text: str) -> int:
    """Where the lead-in of a byline ends (``By``, ``Von``, a short word before names, or
    a lead-in no list has that shows its shape); 0 when ``text`` opens with none."""
    lead = BYLINE_LEAD.match(strip_markup(text))
    return lead.end() if lead else short_lead(text) or unlisted_lead(text)


def is_name_line(text: str) -> bool:
    """A line made only of people's names, possibly with their agency (a byline without a
    ``By``: ``Sarah MacKinnon, The Canadian Press``)."""
    text = strip_markup(text)
    if len(text) > 90 or re.search(r"[.!?:;\"“”]$", text):
        return False
    parts = split_parts(text)
    names = [is_name(part) for part in parts]
    return any(names) and all(name or is_agency(part) for part, name in zip(parts, names))
