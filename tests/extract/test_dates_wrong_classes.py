"""The wrong-date classes of issue 16, each in sentences written for this test.

Fixed here: a 24-hour clock in brackets read as a year, "N years later" landing after the
article was written, "Jan 2,2003" without a space, a deadline with no verb read as past,
a modal perfect ("might have leaked") read as future, a dated list item pushed a year
ahead. The two corpus-level classes: a year the corpus gives a named happening is
applied by the model to every dated sentence (``model.evidence``, through the whole
site); a publication date estimated from the text is a lower bound for ``find_dates``.
"""

from __future__ import annotations

from datetime import date

import pytest

from generator.extract.dates import find_date_mentions as find_dates

SUMMER = date(2010, 7, 20)  # a Tuesday
WINTER = date(2024, 12, 7)  # a Saturday


def values(text: str, published: date) -> list[tuple[str, str]]:
    return [(m.text, m.value) for m in find_dates(text, published)]


# -- a 24-hour clock time is no year --------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "(Posted 8:33 p.m. (2033 in Lisbon)) The harbour was closed to ferries.",
        "The statement came at 7:45 p.m. (1945 local) after a long silence.",
    ],
)
def test_a_clock_time_in_brackets_is_not_a_year(text: str) -> None:
    assert values(text, SUMMER) == []


def test_a_year_in_brackets_still_is_one() -> None:
    assert values("The old bridge (1998) was replaced.", SUMMER) == [("1998", "1998")]
    assert values("Both reports (2003, 2005) said so.", SUMMER)[0] == ("2003", "2003")


# -- an offset needs something to count from ------------------------------------------------


def test_years_later_landing_after_the_article_is_no_date() -> None:
    text = "The mill shut in 1995. Its workers are still waiting 30 years later."
    assert values(text, SUMMER) == [("1995", "1995")]


def test_years_later_inside_the_past_still_counts() -> None:
    text = "The mill shut in 1985. Five years later it reopened as a museum."
    assert values(text, SUMMER) == [("1985", "1985"), ("Five years later", "1990")]


def test_years_later_may_point_ahead_in_a_forecast() -> None:
    text = "The dam opens in 2012 and two years later it will power the valley."
    assert values(text, SUMMER)[-1] == ("two years later", "2014")


# -- a year written without a space after the comma ----------------------------------------


@pytest.mark.parametrize(
    "text, expected",
    [
        ("The pact was signed on Jan 2,2003 in a quiet ceremony.", ("Jan 2,2003", "2003-01-02")),
        ("It was sealed on March 14,1999.", ("March 14,1999", "1999-03-14")),
    ],
)
def test_a_year_glued_to_the_comma(text: str, expected: tuple[str, str]) -> None:
    assert values(text, SUMMER) == [expected]


# -- which year a year-less day falls in -------------------------------------------------


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Mediators gave both sides a deadline of New Year's Day.", "2025-01-01"),
        ("He wants an agreement in place by January 20.", "2025-01-20"),
    ],
)
def test_a_deadline_without_a_verb_looks_ahead(text: str, expected: str) -> None:
    assert values(text, WINTER)[0][1] == expected


def test_a_deadline_already_met_stays_in_the_past() -> None:
    # "had" says the deadline is behind us.
    assert values("The crews had cleared the road by November 30.", WINTER) == [
        ("November 30", "2024-11-30")
    ]


@pytest.mark.parametrize(
    "text",
    [
        "June 16 - The firm agrees to set up a fund for the victims and will pay all claims.",
        "June 16: the firm says it will pay every claim in full.",
        "June 16 - Inspectors say the pipe might have leaked for weeks.",
        "Inspectors said the pipe might have leaked since June 16.",
        "The pipe could have burst on June 16, engineers now think.",
    ],
)
def test_a_dated_list_item_or_a_modal_perfect_stays_in_the_past(text: str) -> None:
    """In a July article these are this June's, not next June's."""
    assert values(text, SUMMER) == [("June 16", "2010-06-16")]


def test_a_plain_future_still_looks_ahead() -> None:
    assert values("The firm will pay the first claims on June 16.", SUMMER) == [
        ("June 16", "2011-06-16")
    ]


# -- corpus-level classes: after the restructure -----------------------------------------


def test_a_named_happening_takes_the_year_the_corpus_gives() -> None:
    """One article cannot know it; the model reads every article's dates with the corpus,
    so the chronology, the months and the key dates all file it under 2023."""
    from datetime import datetime

    from generator.extract import extract
    from generator.extract.actors import parse_registry
    from generator.ingest import Article, Block
    from generator.model import build_digest

    def article(source: str, published: str, text: str) -> Article:
        return Article(
            title=source, blocks=[Block("paragraph", text)],
            published=datetime.fromisoformat(published), date_confidence="high",
            outlet="Valley Press", source=source,
        )  # fmt: skip

    said = [
        article(f"a{i}.md", f"2023-03-{4 + i:02d}",
                "The March 3, 2023 blast at the depot killed four workers.")
        for i in range(2)
    ]  # fmt: skip
    later = article("b.md", "2024-05-02", "Families of the workers killed in the depot blast "
                    "on March 3 met the minister.")  # fmt: skip
    assert find_dates(later.paragraphs[0], date(2024, 5, 2))[0].value == "2024-03-03"
    registry = parse_registry("actors: []\n", "test.yml")
    articles = [*said, later]
    digest = build_digest(articles, [extract(a, registry) for a in articles], registry, "T", "")
    everything = [*digest.events, *digest.background, *digest.expected]
    assert not [e for e in everything if e.value == "2024-03-03"]
    (blast,) = [e for e in everything if e.value == "2023-03-03"]
    assert "b.md" in [s.article.article.source for s in blast.sources]
    assert "2024-03" not in digest.months


def test_relative_days_stay_consistent_with_explicit_dates() -> None:
    # Written some time after "March 5"; the only date the page gave was 27 February, an
    # estimate from its text: a lower bound.
    text = "The council met on March 5, 2024. A local paper reported Thursday that it had voted."
    found = find_dates(text, date(2024, 2, 27), published_exact=False)
    assert [(m.text, m.value, m.basis) for m in found] == [
        ("March 5, 2024", "2024-03-05", "absolute"),
        ("Thursday", "2024-03-07", "estimated"),
    ]
    # A date the page gives exactly is trusted: the same text counts back from it.
    assert find_dates(text, date(2024, 2, 27))[-1].value == "2024-02-22"


def test_a_forecast_does_not_raise_the_lower_bound() -> None:
    text = "The council will meet on March 20, 2024. The mayor spoke on Friday."
    found = find_dates(text, date(2024, 2, 27), published_exact=False)
    # Not pushed past the forecast meeting: the first Friday on or after 27 February.
    assert [(m.value, m.basis) for m in found] == [
        ("2024-03-20", "absolute"), ("2024-03-01", "estimated"),
    ]  # fmt: skip
