"""Real texts nobody here wrote (read from ../shared, never copied): what they say, field by field.

``../shared/corpus/real/`` holds 41 BBC stories, ``../shared/corpus/thirdparty/text/``
agency wire files and news-site texts.  Neither comes with a gold annotation, so the
expected values below were decided by reading each file (the rules of
``../shared/corpus/README.md``), before the parser was changed for them:

- **headline**: the title line as the file states it (``None``: the file has no
  title line; its first line is already the story, a caption or page furniture);
- **dateline**: the place of the dateline (``None``: none);
- **sign-off**: the last line(s) that are credit, trailer or wire debris and
  must not be body (``None``: the story ends with its text);
- **paragraphs**: how many body text blocks there are (paragraphs, list items,
  quotes, notes and crossheads; a table counts once), where the first one
  starts and where the last one ends.

BBC files state only their headline (line 1) and paragraphs (each later
non-blank line is one, unwrapped); they have no dateline and no sign-off.
``real_results`` is shared with ``bench/parse.py``, which prints the pass rate.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pytest

from convert import api
from convert.errors import ConvertError
from convert.model import Document, Heading, ListBlock, Note, Paragraph, Quote, block_text, plain_text
from tests.conftest import SHARED
from tests.support.corpus import normalise

REAL = SHARED / "corpus" / "real" / "bbc-fulltext"
THIRDPARTY = SHARED / "corpus" / "thirdparty" / "text"


@dataclass(frozen=True)
class Expected:
    headline: str | None
    place: str | None
    sign_off: str | None
    paragraphs: int
    first_starts: str
    last_ends: str


#: BBC files: how many body paragraphs (every non-blank line after the headline is one).
BBC_PARAGRAPHS = {
    "business-028": 3, "business-083": 6, "business-138": 5, "business-193": 4,
    "business-248": 4, "business-303": 4, "business-358": 6, "business-413": 5,
    "business-468": 3, "entertainment-013": 5, "entertainment-068": 3,
    "entertainment-123": 4, "entertainment-178": 3, "entertainment-233": 3,
    "entertainment-288": 5, "entertainment-343": 2, "politics-012": 5, "politics-067": 11,
    "politics-122": 9, "politics-177": 8, "politics-232": 4, "politics-287": 4,
    "politics-342": 3, "politics-397": 2, "sport-035": 3, "sport-090": 4, "sport-145": 3,
    "sport-199": 2, "sport-200": 3, "sport-255": 2, "sport-310": 5, "sport-365": 3,
    "sport-420": 4, "sport-475": 3, "tech-019": 4, "tech-074": 4, "tech-129": 4,
    "tech-184": 7, "tech-239": 4, "tech-294": 7, "tech-349": 9,
}

#: Third-party text files, decided by reading each one.
THIRDPARTY_EXPECTED = {
    # A PR Newswire release: a "Source:" header and a release number above the
    # two-line title, the dateline alone on its line; "About ..." sections are the
    # release's text; social links, the contact block, the logo link and the
    # closing "SOURCE ..." line are not.
    "aap-asianet_1": Expected(
        "Digital Turbine Partners with Axiata Digital On Carrier Billing Platform Integration",
        "AUSTIN, Texas", "SOURCE Digital Turbine, Inc.", 12,
        "Digital Turbine, Inc. ( https://www.digitalturbine.com/ )",
        "( https://twitter.com/DigitalTurbine )."),
    "agnews-test-row12": Expected(
        "Apple Launches Graphics Software, Video Bundle", "LOS ANGELES", None, 1,
        "Apple Computer Inc.<AAPL.O> on Tuesday", "flagship Final Cut Pro software."),
    "agnews-test-row25": Expected(
        "Rivals Try to Turn Tables on Charles Schwab", "SAN FRANCISCO", None, 1,
        "With its low prices and iconoclastic attitude", "wing-tipped shoes for decades..."),
    "agnews-test-row30": Expected(
        "Mighty Ortiz makes sure Sox can rest easy", None, None, 1,
        "Just imagine what David Ortiz could do", "Ortiz had a son at home, and he ..."),
    "agnews-test-row6": Expected(
        "Open Letter Against British Copyright Indoctrination in Schools", None, None, 1,
        "The British Department for Education and Skills", "has happened in your area."),
    # IPTC 7901 from dpa: transmission line, keywords, version labels, then the title
    # and byline; after the text a "# Notebook" of notes to editors, links and
    # contacts "not intended for publication", desk initials and a time stamp.
    "belga-dpa": Expected(
        "Top EU court: Britain can unilaterally reverse Brexit decision", "Luxembourg",
        "dpa hm bs wjh", 18, "Britain could unilaterally decide not to leave",
        "while those in favour of a softer Brexit say it goes too far."),
    # newspaper-library extractions: body only, no title line.
    "newspaper-arabic": Expected(
        None, "دمشق، سوريا", None, 7, "أكدت جهات سورية معارضة", "التي يقطنها الأكراد في سوريا بشكل مستقل."),
    # A newsletter pitch on top, then items each under a title naming its source.
    "newspaper-businessinsider.com2": Expected(
        None, None, None, 19, "Russia's Problems Are A Huge Warning Sign",
        "by emphasizing the long-term approach."),
    # A reader call-out on top; a related-story link and a contributors' credit at the end.
    "newspaper-cnn": Expected(
        None, None, "contributed to this report.", 48, "The Pennsylvania official was just",
        'We could\'ve gone to the Bahamas for what we paid!"'),
    # A photo caption on top; social-media pitches at the end.
    "newspaper-foxnews.com1": Expected(
        None, None, "Follow Lucia I. Suarez on Twitter @luciasuarezsang", 20,
        "Oscar Isaac has had a pretty stellar year.", "“J.J. Abrams is amazing.”"),
    # The dateline is 【6月18日 AFP】 (date and agency, no place); a photo credit
    # "(c)AFP/..." is glued to the last sentence.
    "newspaper-japanese2": Expected(
        None, None, "(c)AFP/Aminu ABUBAKAR", 6, "ナイジェリア北東部ボルノ", "と指摘している。"),
    # The first line is the story's opening sentence, not a title.
    "newspaper-nypost.com1": Expected(
        None, None, None, 16, "Barely a shot was fired.", "a muddled and inefficient market.”"),
    # ANPA-1312 from AP: framing, selector and slug lines, title, photo and Eds: notes,
    # a one-paragraph summary, byline and title; tab-indented paragraphs (crossheads
    # TIP-INS and UP NEXT among them); a transmission stamp at the end.
    "sdcore-ap_anpa-1": Expected(
        "Deng has 30 points, short-handed Heat beat Hawks 115-111", "ATLANTA",
        "AP-WF-02-20-16 0337GMT", 18, "Luol Deng scored 30 points and Josh McRoberts",
        "Hawks: Host Milwaukee on Saturday night."),
    "sdcore-dpa_four_line": Expected(
        "Switzerland joins list of countries resisting UN migration pact", "Geneva",
        "dpa al rmo hct rmo", 15, "Switzerland is joining a growing number of countries",
        "Hungary, Israel, Poland and the United States."),
}


def real_files() -> list[tuple[Path, Expected]]:
    files: list[tuple[Path, Expected]] = []
    for path in sorted(REAL.glob("*.txt")):
        first = path.read_bytes().split(b"\n", 1)[0].decode("utf-8", "replace").strip()
        files.append((path, Expected(first, None, None, BBC_PARAGRAPHS[path.stem], "", "")))
    files.extend((THIRDPARTY / f"{stem}.txt", expected)
                 for stem, expected in THIRDPARTY_EXPECTED.items())
    return files


def body_texts(doc: Document) -> list[str]:
    texts: list[str] = []
    for block in doc.body:
        if isinstance(block, ListBlock):
            texts.extend(normalise(plain_text(item)) or "" for item in block.items)
        elif isinstance(block, (Paragraph, Quote, Note, Heading)) or block.type == "table":
            texts.append(normalise(block_text(block)) or "")
    return texts


def real_results(path: Path, want: Expected) -> dict[str, tuple[bool, object]]:
    """headline, dateline, sign-off, paragraphs: (right?, what the parser gave)."""
    try:
        doc = api.read(path)
    except ConvertError as error:
        return {name: (False, str(error))
                for name in ("headline", "dateline", "sign-off", "paragraphs")}
    texts = body_texts(doc)
    place = doc.dateline.place if doc.dateline else None
    sign_off = normalise(want.sign_off)
    first, last = normalise(want.first_starts) or "", normalise(want.last_ends) or ""
    paragraphs_right = len(texts) == want.paragraphs and bool(texts) and (
        texts[0].startswith(first) and texts[-1].endswith(last))
    return {
        "headline": (normalise(doc.headline) == normalise(want.headline), doc.headline),
        "dateline": ((place or "").casefold() == (want.place or "").casefold(), place),
        "sign-off": (sign_off is None or not any(sign_off in text for text in texts),
                     texts[-1][-60:] if texts else None),
        "paragraphs": (paragraphs_right, (len(texts), texts[0][:40] if texts else None,
                                          texts[-1][-40:] if texts else None)),
    }


#: Files the parser does not read right yet (strict: one that starts passing must leave the list).
NOT_YET = {
    "newspaper-businessinsider.com2",
}

FILES = real_files()


@pytest.mark.parametrize("path, want", [
    pytest.param(path, want, id=path.stem, marks=[pytest.mark.xfail(
        strict=True, reason="not read right yet")] if path.stem in NOT_YET else [])
    for path, want in FILES])
def test_real_text_headline_dateline_sign_off_and_paragraphs(path: Path, want: Expected) -> None:
    wrong = {name: got for name, (right, got) in real_results(path, want).items() if not right}
    assert not wrong, f"{path.name}: {wrong!r}"


@pytest.mark.parametrize("path", sorted(REAL.glob("*.txt")), ids=lambda p: p.stem)
def test_bbc_articles_invent_nothing(path: Path) -> None:
    """BBC files state no byline, date, agency or caption: none may be invented."""
    doc = api.read(path)
    assert (doc.bylines, doc.dateline, doc.published, doc.updated, doc.source) == (
        (), None, None, None, None)
    assert not [b for b in doc.body if b.type == "figure"]


def test_the_one_latin1_file_is_guessed_as_cp1252_with_a_warning() -> None:
    doc = api.read(REAL / "sport-199.txt")
    assert doc.provenance.encoding == "cp1252"
    assert [w.code for w in doc.provenance.warnings] == ["encoding-guessed"]
    assert "£" in " ".join(block_text(b) for b in doc.body)
