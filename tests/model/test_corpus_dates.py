"""Years the corpus gives a day, for articles that wrote the day without one."""

from __future__ import annotations

import pytest

from generator.model.corpus_dates import STATED_BY, StatedYears, names_month_and_day


@pytest.mark.parametrize(
    "text, expected",
    [("March 3", True), ("3 March", True), ("Mar. 3", True), ("March 3, 2023", False),
     ("Thursday", False), ("March", False), ("2023", False), ("the next day", False)],
)
def test_names_month_and_day(text: str, expected: bool) -> None:
    assert names_month_and_day(text) is expected


SAID = "The March 3, 2023 blast at the Holt depot killed four workers."
LATER = "Families of the workers killed in the depot blast on March 3 met the minister."


def stated(*items: tuple[str, ...]) -> StatedYears:
    """(article, date text, value[, sentence]): the sentence defaults to the blast's."""
    return StatedYears.of((*item, SAID) if len(item) == 3 else item for item in items)


BLAST = [(f"a{i}", "March 3, 2023", "2023-03-03") for i in range(STATED_BY)]


def test_a_day_the_corpus_writes_with_its_year_takes_that_year() -> None:
    years = stated(*BLAST)
    # An article of May 2024 wrote "the blast on March 3": its own guess was 2024.
    assert years.corrected("March 3", "2024-03-03", LATER) == "2023-03-03"
    assert years.corrected("3 March", "2024-03-03", LATER) == "2023-03-03"


def test_another_happening_on_the_same_calendar_day_keeps_its_year() -> None:
    years = stated(*BLAST)
    other = "The ferry service resumed on March 3 after the winter storms."
    assert years.corrected("March 3", "2024-03-03", other) == "2024-03-03"


def test_what_the_text_itself_says_is_kept() -> None:
    years = stated(*BLAST)
    assert years.corrected("March 3, 2024", "2024-03-03", LATER) == "2024-03-03"  # has a year
    assert years.corrected("Sunday", "2024-03-03", LATER) == "2024-03-03"  # no day of the month
    assert years.corrected("March 4", "2024-03-04", LATER) == "2024-03-04"  # another day
    assert years.corrected("March 3", "2022-03-03", LATER) == "2022-03-03"  # stated year is later


def test_a_year_the_corpus_also_writes_for_the_guess_keeps_the_guess() -> None:
    # The corpus names both years (an anniversary): the article's own reading stands.
    years = stated(*BLAST, ("b1", "March 3, 2024", "2024-03-03"))
    assert years.corrected("March 3", "2024-03-03", LATER) == "2024-03-03"


def test_one_article_is_not_the_corpus() -> None:
    years = stated(("a1", "March 3, 2023", "2023-03-03"), ("a1", "3 March 2023", "2023-03-03"))
    assert years.corrected("March 3", "2024-03-03", LATER) == "2024-03-03"


def test_the_most_stated_year_wins() -> None:
    older = [(f"c{i}", "March 3, 2021", "2021-03-03") for i in range(STATED_BY + 1)]
    years = stated(*BLAST, *older)
    assert years.corrected("March 3", "2024-03-03", LATER) == "2021-03-03"
