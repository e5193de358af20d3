"""Writer passes: dates for people (CLDR via babel) and typography by language.

Both change only what a page shows: reading the page back gives the document."""

from __future__ import annotations

import subprocess
import sys
from dataclasses import replace

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from convert import api
from convert.model import Dateline, Document, Paragraph, Quote
from convert.options import WriteOptions
from convert.writers import html
from convert.writers import present
from convert.writers.present import NBSP, NNBSP, people_date, pieces, typeset
from tests.conftest import ROOT
from tests.support.factories import FULL


@pytest.mark.parametrize("value, language, shown", [
    ("2019-08-17T15:47:00-05:00", "en", "August 17, 2019, 3:47 PM GMT-05:00"),
    ("2019-08-17T15:47:00-05:00", "en-GB", "17 August 2019, 15:47 GMT-05:00"),
    ("2014-10-05T14:32:00+02:00", "fr", "5 octobre 2014, 14:32 UTC+02:00"),
    ("2014-10-05T14:32:00+02:00", "fr-CA", "5 octobre 2014, 14 h 32 UTC+02:00"),
    ("2014-10-05T14:32:00", "de", "5. Oktober 2014, 14:32"),
    ("2022-11-28T09:30:00+00:00", "en-GB", "28 November 2022, 09:30 UTC"),
    ("2022-11-28T09:30:00Z", "en-GB", "28 November 2022, 09:30 UTC"),
    ("2019-03-05T10:21:35", "zh", "2019年3月5日 10:21"),
    ("2019-03-05", "ja", "2019年3月5日"),
    ("2019-03-05", "es", "5 de marzo de 2019"),
    # no language, or one CLDR does not know: the language-neutral form
    ("2019-03-05T10:21:35+01:00", None, "2019-03-05 10:21 UTC+01:00"),
    ("2019-03-05", "und", "2019-03-05"),
    ("2019-03-05T10:21:35.123456+01:00", "en", "March 5, 2019, 10:21 AM GMT+01:00"),
])
def test_dates_for_people(value: str, language: str | None, shown: str) -> None:
    assert people_date(value, language).replace("\u202f", " ") == shown


@pytest.mark.parametrize("language, text, shown", [
    ("en", 'He said "no" -- twice... It\'s "fine".',
     "He said “no” — twice… It’s “fine”."),
    ("en-GB", "'Quoted' and the '90s - then", "‘Quoted’ and the ’90s — then"),
    ("fr", 'Il a dit "non" ! Pourquoi ? Voici : rien',
     f"Il a dit «{NNBSP}non{NNBSP}»{NNBSP}! Pourquoi{NNBSP}? Voici{NBSP}: rien"),
    ("fr", "« Déjà » espacé", f"«{NNBSP}Déjà{NNBSP}» espacé"),
    ("de", 'Er sagte "ja" und \'vielleicht\'', "Er sagte „ja“ und ‚vielleicht‘"),
    ("ja", '彼は"はい"と言った', "彼は「はい」と言った"),
    ("ar", 'قال "نعم"', 'قال "نعم"'),  # left as written: no rules here for Arabic script
    (None, 'no "language"', 'no "language"'),
    ("en", "https://example.org/a--b...c", "https://example.org/a—b…c"),
])
def test_typography_by_language(language: str | None, text: str, shown: str) -> None:
    assert typeset(text, language) == shown


def test_a_quote_at_the_start_of_a_run_follows_what_came_before() -> None:
    assert typeset('" ended', "en", before="word") == "” ended"
    assert typeset('"opens', "en", before=" ") == "“opens"


#: Texts dense in what the typography rules look at, around the points a text is cut at.
TYPO_TEXT = st.text(st.sampled_from(list("ab1s9 '\"-.:;!?«»\u00a0\n")), max_size=60)


@settings(max_examples=400, deadline=None)
@given(text=TYPO_TEXT, language=st.sampled_from(["en", "fr", "de", "ja"]),
       before=st.sampled_from(["", "a", " ", "\""]), size=st.integers(1, 8))
def test_a_long_text_typeset_in_pieces_is_shown_as_if_whole(
        text: str, language: str, before: str, size: int) -> None:
    assert len(text) < present.PIECE_CHARS
    whole = typeset(text, language, before)
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(present, "PIECE_CHARS", size)
        assert typeset(text, language, before) == whole
    assert "".join(pieces(text, size)) == text


def test_pieces_are_cut_between_a_word_and_its_space_and_the_next_word() -> None:
    assert list(pieces("one two three four", 4)) == ["one ", "two ", "three ", "four"]
    assert list(pieces("no-cut-point-at-all", 4)) == ["no-cut-point-at-all"]


def _french() -> Document:
    return replace(FULL, language="fr", headline='L\'« essai » -- "vraiment" ?',
                   dateline=Dateline("PARIS", "5 oct."),
                   body=(Paragraph(('Il a dit : "non" !',)),
                         Quote(("C'est fini...",), "Le maire")))


@pytest.mark.parametrize("fragment", [False, True])
def test_the_page_is_typeset_and_reads_back_to_the_same_document(fragment: bool) -> None:
    doc = _french()
    page = html.write(doc, WriteOptions(fragment=fragment)).decode()
    assert "«\u202fessai\u202f»" in page and "L’" in page and "«\u202fnon\u202f»\u202f!" in page
    assert "C’est fini…" in page
    assert "28 novembre 2022, 09:30 UTC" in page
    assert api.read(page.encode(), "html") == doc


def test_the_book_is_typeset_and_reads_back_to_the_same_document() -> None:
    from convert.writers import epub

    doc = _french()
    data = epub.write([doc], WriteOptions())
    assert "«\u202fnon\u202f»".encode() in data or b"\\u00ab" not in data
    assert api.read_all(data) == [doc]


def test_babel_is_imported_only_when_a_date_is_shown() -> None:
    code = ("import sys; from convert.writers import html; from convert.options import "
            "WriteOptions; from convert.model import Document, Paragraph; "
            "html.write(Document(id='x', body=(Paragraph(('a',)),)), WriteOptions()); "
            "assert 'babel' not in sys.modules, 'imported without a date'; "
            "html.write(Document(id='x', published='2020-01-02', language='en', "
            "body=(Paragraph(('a',)),)), WriteOptions()); assert 'babel' in sys.modules")
    subprocess.run([sys.executable, "-c", code], cwd=ROOT, check=True)
