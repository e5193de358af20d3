from convert.model import Document, Paragraph, Quote
from convert.textparse.transforms import drop_repeated_headline, mark_pull_quotes


def test_repeated_headline_paragraph_is_dropped() -> None:
    doc = Document(id="x", headline="Big News", subheadline="big news",
                   body=(Paragraph(("Big news",)), Paragraph(("Text.",))))
    log: list[str] = []
    result = drop_repeated_headline(doc, log.append)
    assert result.body == (Paragraph(("Text.",)),) and result.subheadline is None
    assert len(log) == 2


def test_pull_quote_repeating_a_sentence_becomes_a_quote() -> None:
    long = "She said that “We are not a museum. We are a workshop.” and left."
    doc = Document(id="x", body=(Paragraph((long,)),
                                 Paragraph(("“We are not a museum. We are a workshop.”",))))
    assert isinstance(mark_pull_quotes(doc, lambda m: None).body[1], Quote)
    assert isinstance(mark_pull_quotes(doc, lambda m: None).body[0], Paragraph)
