"""The wrong-date classes of issue 16, each in sentences written for this test.

Fixed here: a 24-hour clock in brackets read as a year, "N years later" landing after the
article was written, "Jan 2,2003" without a space, a deadline with no verb read as past,
a modal perfect ("might have leaked") read as future, a dated list item pushed a year
ahead. The two corpus-level classes are corrected for key dates already
(``corpus_dates.StatedYears``, eventhood's "uncertain"; tests/test_key_dates.py), but
``find_dates`` and so the model's chronology still get them wrong: they wait for the
restructure (docs/key-dates.md, "Wrong dates") and are marked xfail with the reason.
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


@pytest.mark.xfail(
    reason="phase 2: a year the corpus gives a named happening ('the March 3, 2023 "
    "blast' in other articles) must beat the year inferred from one article's date; "
    "find_dates sees one text at a time (plan in docs/key-dates.md)",
    strict=True,
)
def test_a_named_happening_takes_the_year_the_corpus_gives() -> None:
    from generator.extract.dates import find_date_mentions as find

    corpus_says = "The March 3, 2023 blast at the depot killed four workers."
    this_article = "Families marked the March 3 blast with a vigil."
    assert find(corpus_says, date(2023, 6, 1))[0].value == "2023-03-03"
    # What a corpus-aware resolver must give for the second article, written in 2024:
    assert find(this_article, date(2024, 5, 2))[0].value == "2023-03-03"


@pytest.mark.xfail(
    reason="phase 2: a publication date inferred from the text is a lower bound; dates "
    "resolved against it must stay consistent with the article's explicit dates "
    "(plan in docs/key-dates.md)",
    strict=True,
)
def test_relative_days_stay_consistent_with_explicit_dates() -> None:
    # Written some time after "March 5"; the only date the page gave was 27 February.
    text = "The council met on March 5, 2024. A local paper reported Thursday that it had voted."
    found = find_dates(text, date(2024, 2, 27))
    assert found[-1].value >= "2024-03-05"
