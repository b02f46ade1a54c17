"""Eventhood: which dated sentences say something happened on their date, by shape and tense."""

from __future__ import annotations

from datetime import date

import pytest

from generator.extract.eventhood import DatedSentence, is_furniture, kind_of

WRITTEN = date(2021, 3, 5)  # a Friday


def kind(sentence: str, date_text: str, value: str, background: bool = False) -> str:
    return kind_of(DatedSentence(sentence, date_text, value, WRITTEN, background))


@pytest.mark.parametrize(
    "sentence, date_text, value, expected",
    [
        ("The dam at Holt burst on March 1, flooding the lower town.", "March 1", "2021-03-01", "happened"),
        ("The inquiry will open on March 20 in the town hall.", "March 20", "2021-03-20", "expected"),
        ("The repairs must be finished before April 2, the minister said.", "April 2", "2021-04-02", "expected"),
        ("The mayor will visit the camp later today, her office said.", "today", "2021-03-05", "expected"),
        ("The mayor visited the camp today and met families.", "today", "2021-03-05", "happened"),
        ("Rebuilding is planned for May 2021, engineers said.", "May 2021", "2021-05", "expected"),
        ("The town has been on alert since February 28, when the rain began.", "February 28", "2021-02-28", "background"),
    ],
)
def test_kinds_by_date_and_tense(sentence: str, date_text: str, value: str, expected: str) -> None:
    background = expected == "background"
    assert kind(sentence, date_text, value, background) == expected


@pytest.mark.parametrize(
    "date_text, value, expected",
    [("Thursday", "2021-03-04", "uncertain"), ("yesterday", "2021-03-04", "uncertain"),
     ("March 4", "2021-03-04", "happened"), ("4 March 2021", "2021-03-04", "happened")],
)
def test_a_day_counted_from_a_guessed_publication_date_is_uncertain(
    date_text: str, value: str, expected: str
) -> None:
    """The page's date was estimated from its text: a lower bound, so "Thursday" may be
    any Thursday after it; a day with its month stands on its own."""
    sentence = f"The council met on {date_text} and voted to rebuild the dam."
    item = DatedSentence(sentence, date_text, value, WRITTEN, publication_exact=False)
    assert kind_of(item) == expected


def test_a_reference_to_a_day_after_the_writing_is_expected_not_background() -> None:
    # "since" or a named happening makes a date a reference, but not one to the future.
    item = DatedSentence(
        "Nothing will change the outcome of the March 20 inquiry.", "March 20", "2021-03-20",
        WRITTEN, background=True,
    )
    assert kind_of(item) == "expected"


def test_without_a_publication_date_a_sentence_counts_as_a_report() -> None:
    item = DatedSentence("The dam burst on March 1, 2021.", "March 1, 2021", "2021-03-01", None)
    assert kind_of(item) == "happened"


@pytest.mark.parametrize(
    "sentence, date_text",
    [
        # a reader comment's signature
        ("What a disaster for the valley. Posted by Jo, March 2, 2021 at 5:42 pm", "March 2, 2021"),
        # a live blog's stamp, clock first
        ("9:15 am GMT March 3, 2021 Rescue boats are on their way.", "March 3, 2021"),
        # a stamp glued in mid-line, as a scraper leaves it
        ("Valley diary Wednesday 3 March 2021 07.12 GMT The water is still rising.", "Wednesday 3 March 2021"),
        # a byline with a time
        ("By Sam Reed | March 4, 2021; 10:02 AM ET", "March 4, 2021"),
        # a navigation or share bar
        ("Home | Valley news | March 4, 2021 | Share this", "March 4, 2021"),
        # a transcript marker and a photo credit
        ("(BEGIN VIDEO CLIP) The water came in on Monday night.", "Monday"),
        ("Floodwater in Holt on Monday. (Photo: River Desk)", "Monday"),
        ("Photograph: Ann Lee/Valley Press The dam burst on Monday.", "Monday"),
        ("Ann Lee/Valley Images Families wait at the shelter on Tuesday.", "Tuesday"),
        # a programme listing
        ("9.00-11.30 pm VALLEY RADIO The news team looks back at the week from Monday.", "Monday"),
        # nothing but the date
        ("Updated March 4, 2021.", "March 4, 2021"),
        # a correspondent's piece promoted
        ("The Herald's Jo Marsh describes the flooded valley on Monday.", "Monday"),
        ("Valley Radio's Ann Lee reports from the dam on Tuesday.", "Tuesday"),
        # a call to the reader
        ("Skip to a day of the week: Monday's programmes on Valley Radio.", "Monday"),
        ("Watch our film of the dam's last day, first shown on Tuesday.", "Tuesday"),
    ],
)
def test_furniture_shapes(sentence: str, date_text: str) -> None:
    assert is_furniture(sentence, date_text)


@pytest.mark.parametrize(
    "sentence, date_text",
    [
        ("The dam burst on 1 March 2021 at 16:53 local time, flooding the lower town.", "1 March 2021"),
        ("Police closed the bridge on Monday at 9:30 am as the water rose.", "Monday"),
        ("The council met on March 4, 2021 and agreed to rebuild the dam.", "March 4, 2021"),
        ("Engineers, who inspected the dam in 2019, said the cracks were old.", "2019"),
        ("The Holt/Marlow road reopened on Tuesday after the water fell.", "Tuesday"),
        ("The council's chief engineer resigned on Tuesday after the report.", "Tuesday"),
        ("Holt's Mayor Ann Lee visited the dam on Tuesday.", "Tuesday"),
        ("Watchers on the bank saw the wall give way on Tuesday morning.", "Tuesday"),
    ],
)
def test_prose_with_times_and_dates_is_not_furniture(sentence: str, date_text: str) -> None:
    assert not is_furniture(sentence, date_text)
