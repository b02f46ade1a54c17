"""find_date_mentions, sort_key and display_date against values worked out from a calendar.

The reference publication date is Tuesday 19 November 2024 unless a test says
otherwise. November 2024: Mon 18, Tue 19, Sun 17, Sun 24, Mon 25, Thu 28.
"""

from __future__ import annotations

from datetime import date, datetime, timezone

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from generator.extract.dates import (
    DateMention,
    display_date,
    find_date_mentions,
    granularity,
    sort_key,
)

PUB = date(2024, 11, 19)  # a Tuesday


def found(text: str, published: date | datetime | None = PUB) -> list[tuple[str, str, str | None]]:
    return [(m.text, m.value, m.modifier) for m in find_date_mentions(text, published)]


# -- absolute and partial dates --------------------------------------------------------


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Hamas attacked on October 7, 2023.", ("October 7, 2023", "2023-10-07", None)),
        ("Hamas attacked on Oct. 7, 2023.", ("Oct. 7, 2023", "2023-10-07", None)),
        ("Hamas attacked on 7 October 2023.", ("7 October 2023", "2023-10-07", None)),
        ("It happened on Sept. 12, 2024.", ("Sept. 12, 2024", "2024-09-12", None)),
        ("Posted 2024-05-25 23:43:17 by staff", ("2024-05-25 23:43:17", "2024-05-25", None)),
        ("The group was founded in 2012.", ("2012", "2012", None)),
        ("The talks collapsed in November 2023.", ("November 2023", "2023-11", None)),
        ("Fighting resumed in late October 2024.", ("late October 2024", "2024-10", "late")),
        ("The plan dates from mid-2023.", ("mid-2023", "2023", "mid")),
        ("By the end of October 2024 it was over.", ("the end of October 2024", "2024-10", "late")),
        ("Out Tuesday, November 19, 2024", ("Tuesday, November 19, 2024", "2024-11-19", None)),
    ],
)
def test_absolute_dates_keep_their_granularity(text, expected):
    assert found(text) == [expected]


def test_partial_dates_take_the_year_just_gone():
    assert found("The envoy visited in April.") == [("April", "2024-04", None)]
    assert found("Qatar expelled them in late October.") == [("late October", "2024-10", "late")]
    assert found("Troops withdrew in mid-October.") == [("mid-October", "2024-10", "mid")]
    # 7 October 2024 is before 19 November 2024: the latest such day.
    assert found("Since 7 October, prices rose.") == [("7 October", "2024-10-07", None)]
    assert found("He met them on March 5.") == [("March 5", "2024-03-05", None)]


def test_a_month_after_publication_in_past_tense_is_last_year():
    assert found("In December the army withdrew.") == [("December", "2023-12", None)]


def test_future_tense_and_next_look_ahead():
    assert found("Elections will be held in December.") == [("December", "2024-12", None)]
    assert found("A deal is possible next March.") == [("next March", "2025-03", None)]
    assert found("The deal must be done before January 20.") == [("January 20", "2025-01-20", None)]


def test_a_day_seen_with_its_year_keeps_it_later_in_the_text():
    text = "The war began on October 7, 2023. Since October 7, thousands have died."
    assert [m.value for m in find_date_mentions(text, PUB)] == ["2023-10-07", "2023-10-07"]


# -- relative to publication ----------------------------------------------------------


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Qatar said on Tuesday that talks stalled.", ("Tuesday", "2024-11-19", None)),
        ("On Sunday, an Arab diplomat said so.", ("Sunday", "2024-11-17", None)),
        ("Strikes hit the city Sunday night.", ("Sunday night", "2024-11-17", None)),
        ("The cabinet will meet on Sunday.", ("Sunday", "2024-11-24", None)),
        ("They meet again next Tuesday.", ("next Tuesday", "2024-11-26", None)),
        ("He spoke last Tuesday.", ("last Tuesday", "2024-11-12", None)),
        ("Talks failed last year.", ("last year", "2023", None)),
        ("Talks failed last month.", ("last month", "2024-10", None)),
        ("Prices rose this month.", ("this month", "2024-11", None)),
        ("He resigned earlier this month.", ("earlier this month", "2024-11", None)),
        ("He was elected a year ago.", ("a year ago", "2023", None)),
        ("It was signed three days ago.", ("three days ago", "2024-11-16", None)),
        ("Police said yesterday.", ("yesterday", "2024-11-18", None)),
        ("Late last year the talks broke down.", ("Late last year", "2023", "late")),
    ],
)
def test_relative_to_publication(text, expected):
    assert found(text) == [expected]


def test_earlier_this_month_is_early_only_when_publication_is_early():
    assert found("He resigned earlier this month.", date(2024, 11, 5)) == [
        ("earlier this month", "2024-11", "early")
    ]


def test_weeks_are_a_month_third_never_a_day():
    # Next week is Mon 25 Nov - Sun 1 Dec; its Thursday is 28 November: late November.
    assert found("Talks resume next week.") == [("next week", "2024-11", "late")]
    # Last week is Mon 11 - Sun 17 Nov; Thursday 14: mid-November.
    assert found("Talks stalled last week.") == [("last week", "2024-11", "mid")]
    # Next week from Tuesday 24 December 2024 is Mon 30 Dec - Sun 5 Jan; Thursday 2 January.
    assert found("Talks resume next week.", date(2024, 12, 24)) == [
        ("next week", "2025-01", "early")
    ]


def test_offsets_count_from_the_previous_date_in_the_text():
    text = "Hamas attacked on October 7, 2023. The next day Israel declared war."
    assert found(text)[1] == ("The next day", "2023-10-08", None)
    # 7 + 14 = 21 October: the last third of the month, not a precise day.
    text = "Hamas attacked on October 7, 2023. Two weeks later, troops moved in."
    assert found(text)[1] == ("Two weeks later", "2023-10", "late")
    text = "The party was founded in 2012. Three years later it won power."
    assert found(text)[1] == ("Three years later", "2015", None)


def test_an_offset_finer_than_its_anchor_is_not_invented():
    text = "The party was founded in 2012. Two days later it split."
    assert found(text) == [("2012", "2012", None)]


def test_published_may_be_a_datetime():
    aware = datetime(2024, 11, 19, 23, 30, tzinfo=timezone.utc)
    assert found("Qatar said on Tuesday.", aware) == [("Tuesday", "2024-11-19", None)]


# -- not dates ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "The group may remain in Doha.",
        "Support fell 20% in the poll.",
        "Some 69 percent of voters agreed.",
        "Views: 1477",
        "Channel 12 reported the claim.",
        "We now have one option.",
        "About 2000 people marched.",
        "Police said 2024 people were detained.",
        "He lives at 1600 Pennsylvania Avenue.",
        "Theresa May spoke to reporters.",
        "Bloody Sunday is remembered here.",
        "The figures were 1,200, 2,500 and 3.5 million.",
        "Resolution 2334 was cited.",
    ],
)
def test_not_dates(text):
    assert found(text) == []


def test_text_full_of_numbers_yields_no_false_date():
    text = (
        "Score 3-1, 45.2% turnout, 12/34/5678, Channel 13, 7 killed, 1,477 views, "
        "+972 55 123 4567, 2023.5 metres, 30/02/2024, 99 Main St, 0.2019, 20 24."
    )
    assert found(text) == []


def test_without_publication_only_absolute_expressions_are_resolved():
    text = (
        "On October 7, 2023 it began. On Tuesday, last year, in April, on 7 October "
        "and two days later, in 2012 and in November 2023."
    )
    assert [m.value for m in find_date_mentions(text, None)] == ["2023-10-07", "2012", "2023-11"]


# -- structure -------------------------------------------------------------------------


def test_mentions_are_ordered_and_point_into_the_text():
    text = "On Sunday he recalled 7 October 2023; last year, in 2012, and next week."
    mentions = find_date_mentions(text, PUB)
    assert [m.start for m in mentions] == sorted(m.start for m in mentions)
    assert all(text[m.start : m.end] == m.text for m in mentions)
    assert all(a.end <= b.start for a, b in zip(mentions, mentions[1:], strict=False))
    assert len(mentions) == 5


@settings(max_examples=300, deadline=None)
@given(
    st.lists(
        st.sampled_from(
            list("0123456789 ,.-/:%'’")
            + ["May ", "October ", "Tuesday ", "last ", "year "]
            + ["in ", "2023", "ago ", "two weeks later ", "mid-", "the end of ", "é", "\u200f"]
        ),
        max_size=40,
    ).map("".join),
    st.one_of(st.none(), st.dates(min_value=date(1901, 1, 1), max_value=date(2098, 12, 31))),
)
def test_arbitrary_text_never_crashes_and_mentions_are_well_formed(text, published):
    mentions = find_date_mentions(text, published)
    previous_end = 0
    for m in mentions:
        assert m.start >= previous_end and m.end > m.start
        assert text[m.start : m.end] == m.text
        assert granularity(m.value) in ("day", "month", "year")
        date.fromisoformat({4: "{}-01-01", 7: "{}-01"}.get(len(m.value), "{}").format(m.value))
        assert m.modifier in (None, "early", "mid", "late")
        previous_end = m.end


@given(st.text(max_size=200))
def test_any_unicode_is_safe(text):
    find_date_mentions(text, PUB)


# -- sorting and display ---------------------------------------------------------------


def test_late_october_sorts_after_mid_october_days_and_before_november():
    keys = {
        "mid": sort_key("2024-10-15"),
        "late-month": sort_key("2024-10", "late"),
        "early-nov": sort_key("2024-11-02"),
        "month": sort_key("2024-10"),
        "early-month": sort_key("2024-10", "early"),
        "first": sort_key("2024-10-01"),
    }
    order = sorted(keys, key=keys.get)
    assert order == ["first", "early-month", "mid", "late-month", "month", "early-nov"]


def test_years_sort_after_their_months_by_modifier():
    assert sort_key("2024", "early") < sort_key("2024-05") < sort_key("2024", "mid")
    assert sort_key("2024", "late") < sort_key("2024") < sort_key("2025-01-01")


@pytest.mark.parametrize(
    "value, modifier, shown",
    [
        ("2023-10-07", None, "7 October 2023"),
        ("2023-10-07", "late", "7 October 2023"),
        ("2024-10", "late", "late October 2024"),
        ("2023-11", None, "November 2023"),
        ("2012", None, "2012"),
        ("2024", "early", "early 2024"),
    ],
)
def test_display_is_never_more_precise_than_the_value(value, modifier, shown):
    assert display_date(value, modifier) == shown


def test_mention_granularity():
    assert DateMention(0, 4, "2012", "2012").granularity == "year"
    assert DateMention(0, 4, "x", "2012-10").granularity == "month"
    assert DateMention(0, 4, "x", "2012-10-07").granularity == "day"


# -- the fast scan finds what the plain pattern finds ------------------------------------

_SCAN_WORDS = st.sampled_from(
    str.split(
        "the end of early late mid- last next this that a two 7 2023 2024-05-25 12/03/2024 "
        "October Oct. May Sunday SUNDAY days weeks year ago later earlier , . Views: in on "
        "yesterday tonight the day before following weekend month"
    )
)


@settings(max_examples=300, deadline=None)
@given(st.lists(_SCAN_WORDS, max_size=30).map(" ".join))
def test_trigger_scan_equals_the_plain_master_pattern(text):
    from generator.extract.dates.patterns import MASTER, candidates

    fast = [(kind, m.span()) for kind, m in candidates(text)]
    assert fast == [(m.lastgroup, m.span()) for m in MASTER.finditer(text)]


# -- weekends, holidays, joined years, tense details ---------------------------------------


def test_weekends_are_the_week_of_their_saturday():
    # From Tuesday 19 Nov: the weekend just gone is Sat 16 (week of Thu 14, mid-November);
    # the coming one Sat 23 (week of Thu 21, late November).
    assert found("Talks collapsed over the weekend.") == [("the weekend", "2024-11", "mid")]
    assert found("Talks will resume over the weekend.") == [("the weekend", "2024-11", "late")]
    assert found("Fans gathered last weekend.") == [("last weekend", "2024-11", "mid")]


def test_holidays_on_fixed_days():
    assert found("He was killed on Christmas Eve 2023.") == [
        ("Christmas Eve 2023", "2023-12-24", None)
    ]
    assert found("A service is planned for New Year's Day.") == [
        ("New Year's Day", "2025-01-01", None)
    ]


def test_a_relative_year_joined_to_a_date():
    assert found("The attack on Oct. 7 last year shocked Israel.") == [
        ("Oct. 7 last year", "2023-10-07", None)
    ]
    assert found("Inflation peaked in June last year.") == [("June last year", "2023-06", None)]


def test_present_and_passive_verbs_take_the_nearest_date():
    # "is headed" is not a past tense; 6 December 2024 is nearer than 6 December 2023.
    assert found("The race is headed to a Dec. 6 runoff.") == [("Dec. 6", "2024-12-06", None)]
    assert found("Trump takes office on January 20.") == [("January 20", "2025-01-20", None)]


def test_future_participles_and_clause_commas():
    assert found("Schools will stay closed until Nov. 25.") == [("Nov. 25", "2024-11-25", None)]
    # "died" governs the date, not "will" past the comma: 16 February 2024, not 2025.
    text = "He died on Feb. 16, and his funeral will take place on Friday."
    assert found(text) == [("Feb. 16", "2024-02-16", None), ("Friday", "2024-11-22", None)]


def test_sentence_opening_months_and_years():
    assert found("July is on track to be the hottest month.", date(2023, 7, 28)) == [
        ("July", "2023-07", None)
    ]
    assert found("Phoenix broke a 1974 record.") == [("1974", "1974", None)]
    assert found("The war lasted from 1939-1945.") == [
        ("1939", "1939", None),
        ("1945", "1945", None),
    ]


def test_offsets_relative_to_an_event_are_left_alone():
    assert found("It took effect on January 19, a day before the inauguration.") == [
        ("January 19", "2024-01-19", None)
    ]


def test_offsets_stay_aligned_after_letters_that_lower_to_two_characters():
    text = "İİİ İstanbul officials said on Tuesday."
    (mention,) = find_date_mentions(text, PUB)
    assert text[mention.start : mention.end] == "Tuesday" and mention.value == "2024-11-19"


def test_a_year_written_later_in_the_text_fixes_an_inferred_one():
    text = "Since October 7, the region has changed. The October 7, 2023 attack killed 1,200."
    assert [m.value for m in find_date_mentions(text, PUB)] == ["2023-10-07", "2023-10-07"]
