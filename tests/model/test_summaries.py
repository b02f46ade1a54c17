"""Choosing a key date's summary sentences: rules read on small days written for these tests."""

from __future__ import annotations

from generator.model.summaries import Candidate, choose_summary, day_support, inverse_frequencies

AGREED = "The ferry Marisol sank off Tarn Point and forty passengers were rescued by fishermen."
PADDED = (
    "The ferry Marisol, which the harbour authority bought second-hand in a deal that opposition "
    "councillors long called reckless and wasteful, sank off Tarn Point, with its owners "
    "declining every request for an interview about its maintenance records and inspections."
)
ASIDE = "Tickets for the summer regatta went on sale at the harbour office."


def day(*sentences: tuple[str, int]) -> list[Candidate]:
    return [Candidate(text, article, ("marisol",)) for text, article in sentences]


def test_support_counts_each_article_once() -> None:
    support = day_support(day(("Ferry sank. Ferry sank.", 0), ("The ferry sank.", 1), (ASIDE, 2)))
    assert support["ferry"] == 2 / 3
    assert support["regatta"] == 1 / 3


def test_the_sentence_most_articles_agree_on_comes_first() -> None:
    reports = day(
        (ASIDE, 0),
        (AGREED, 1),
        ("Fishermen rescued forty passengers after the ferry Marisol sank near Tarn Point.", 2),
        ("Forty passengers were rescued when the Marisol sank, fishermen said.", 3),
    )
    idf = inverse_frequencies(c.sentence for c in reports)
    chosen = choose_summary(reports, [], idf)
    assert chosen[0].sentence != ASIDE
    assert "sank" in chosen[0].sentence


def test_words_the_day_does_not_share_cost_a_long_sentence_its_place() -> None:
    reports = day(
        (PADDED, 0),
        (AGREED, 1),
        ("The Marisol sank off Tarn Point; fishermen rescued forty passengers.", 2),
        ("Forty passengers were rescued by fishermen as the ferry sank.", 3),
    )
    idf = inverse_frequencies(c.sentence for c in reports)
    assert choose_summary(reports, [], idf)[0].sentence != PADDED
