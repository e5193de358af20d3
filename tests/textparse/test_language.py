import json

import pytest

from convert.textparse.steps import language
from convert.textparse.steps.language import detect_language
from tests.conftest import ROOT, SHARED
from tests.textparse.conftest import run_steps


def test_declared_language_wins() -> None:
    text = "---\ntitle: Titre\nlang: fr-CA\n---\n\nThis body is written in English, oddly enough.\n"
    assert run_steps(text, "language").meta.language == "fr-CA"


def test_detected_primary_subtags() -> None:
    assert detect_language("Im Hamburger Tierpark ist in der Nacht zum Sonntag ein "
                           "Elefantenbaby geboren worden.") == "de"
    assert detect_language("서울시는 올해 자전거 도로를 새로 만든다고 밝혔다") == "ko"
    assert detect_language("北京今年将新建改造100公里自行车道，重点连接地铁站") == "zh"
    assert detect_language("too short") is None


def test_text_in_capitals_keeps_its_language() -> None:
    # fastText alone reads this as another language: the detector lower-cases it first.
    assert detect_language("THE HARBOUR REOPENED ON MONDAY AFTER THE STORM, AND THE FIRST "
                           "FERRIES LEFT ON TIME, OFFICIALS SAID.") == "en"
    assert detect_language("IM HAMBURGER TIERPARK IST IN DER NACHT ZUM SONNTAG EIN "
                           "ELEFANTENBABY GEBOREN WORDEN.") == "de"


def test_norwegian_is_given_as_bokmal_cldrs_alias_of_the_macrolanguage() -> None:
    text = ("Regjeringen vil bruke mer penger på jernbanen i årene som kommer, og flere "
            "strekninger skal bygges ut med dobbeltspor før neste valg, opplyser departementet.")
    assert detect_language(text) == "nb"


class _Model:
    """Stands in for fastText: answers ``xx``, so an answer says the model was asked."""

    @staticmethod
    def predict(text: str) -> tuple[list[str], list[float]]:
        return ["__label__xx"], [1.0]


def test_a_long_english_text_is_told_without_the_model(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(language, "load_model", lambda: _Model())
    article = (SHARED / "corpus" / "real" / "bbc-fulltext" / "business-028.txt").read_text(
        encoding="utf-8")
    assert detect_language(article) == "en"
    # Too few words, or too many of other languages' function words: the model decides.
    assert detect_language(" ".join(article.split()[:30])) == "xx"
    german_quoting = ("Der Minister sagte, die Regierung und das Parlament seien nicht einig: "
                      + " ".join(article.split()[:60]))
    assert language.certainly_english(" ".join(article.split()[:60]))
    assert detect_language(german_quoting) == "xx"


def test_no_text_in_another_language_is_taken_for_english() -> None:
    # The dev and unseen articles in other languages, whole files (headers and all).
    others = [path for folder in (SHARED / "corpus" / "dev", ROOT / "fixtures" / "unseen")
              for path in sorted(folder.glob("*.txt"))
              if not (json.loads(path.with_suffix(".expected.json").read_text(encoding="utf-8"))
                      .get("language") or "en").startswith("en")]
    assert len(others) > 20
    assert [path.name for path in others
            if language.certainly_english(path.read_text(encoding="utf-8", errors="replace")
                                          [:language.SAMPLE_CHARS])] == []
