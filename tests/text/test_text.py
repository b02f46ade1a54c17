"""The shared language rules: one sentence splitter, one calendar table, one stop list."""

from __future__ import annotations

import calendar

import pytest

from generator.text.calendar import MONTH_NAMES, MONTHS, WEEKDAY_NAMES, WEEKDAYS, month_name
from generator.text.sentences import (
    glued_entries,
    is_transcript,
    sentence_ends,
    split_sentences,
    stands_alone,
    summary,
    without_connective,
)
from generator.text.tense import tense_at
from generator.text.words import STOPWORDS, trie


def sentences(text: str) -> list[str]:
    return [sentence for _, sentence in split_sentences(text)]


def test_a_sentence_ends_before_a_capital_not_after_an_abbreviation_or_initial() -> None:
    text = "Dr. Ana Ruiz met Gen. B. Okafor at 9 a.m. Sunday in the U.S. capital. Talks began."
    assert sentences(text) == [
        "Dr. Ana Ruiz met Gen. B. Okafor at 9 a.m. Sunday in the U.S. capital.",
        "Talks began.",
    ]


def test_closing_quotes_and_brackets_stay_with_their_sentence() -> None:
    text = 'She said "we agree." (It was late.) 2024 began quietly!? Nobody knew.'
    assert sentences(text) == [
        'She said "we agree."',
        "(It was late.)",
        "2024 began quietly!?",
        "Nobody knew.",
    ]


def test_a_line_break_ends_a_sentence_and_offsets_point_into_the_text() -> None:
    text = "First line without a stop\nSecond line. third stays joined"
    pairs = split_sentences(text)
    assert [s for _, s in pairs] == ["First line without a stop", "Second line. third stays joined"]
    assert all(text[offset : offset + len(s)] == s for offset, s in pairs)
    assert sentence_ends("One. \nTwo.") == [4]  # one end, not one per mark and break


def test_month_abbreviations_are_abbreviations() -> None:
    assert sentences("It opened on Sept. 5 and closed on Oct. 9. Then it rained.") == [
        "It opened on Sept. 5 and closed on Oct. 9.",
        "Then it rained.",
    ]


def test_summary_cuts_at_a_sentence_end_when_one_is_far_enough() -> None:
    text = "The river rose by two metres. " + "Boats waited " * 30
    assert summary(text, limit=50) == "The river rose by two metres."
    assert summary("Short one. " + "Long " * 60, limit=100).endswith("…")  # end too early


def test_one_calendar_table() -> None:
    assert list(MONTH_NAMES) == list(calendar.month_name)[1:]
    assert list(WEEKDAY_NAMES) == list(calendar.day_name)
    assert MONTHS["sept"] == MONTHS["september"] == 9 and MONTHS["may"] == 5
    assert list(MONTHS)[:12] == [name.lower() for name in MONTH_NAMES]  # full names first
    assert WEEKDAYS["sunday"] == 6 and month_name(11) == "November"


def test_stop_words_are_function_words_and_the_trie_matches_exactly_its_words() -> None:
    assert {"the", "and", "would", "said"} <= STOPWORDS
    assert not {"ceasefire", "talks", "hostages"} & STOPWORDS
    import re

    pattern = re.compile(rf"\b(?:{trie(['the', 'then', 'there', 'to'])})\b")
    assert [m.group() for m in pattern.finditer("then the theme to there tot")] == [
        "then",
        "the",
        "to",
        "there",
    ]


def test_tense_stops_at_the_sentence_end() -> None:
    text = "The talks will resume. On Tuesday the envoy left."
    day = text.index("Tuesday")
    assert tense_at(text, day, day + len("Tuesday")) == "past"
    text = "The envoy left; the talks will resume on Tuesday."
    day = text.index("Tuesday")
    assert tense_at(text, day, day + len("Tuesday")) == "future"


def test_sentences_split_on_ends_but_not_on_abbreviations() -> None:
    text = "The U.S. envoy met Qatari officials on Oct. 5 in Doha. Talks resumed. “We agreed,” he said."
    assert [s for _, s in split_sentences(text)] == [
        "The U.S. envoy met Qatari officials on Oct. 5 in Doha.",
        "Talks resumed.",
        "“We agreed,” he said.",
    ]


@pytest.mark.parametrize(
    "sentence, alone",
    [
        ("The dam at Holt burst on Monday, flooding the lower town.", True),
        ("“We lost everything,” said a farmer whose fields were flooded.", True),
        ("But he added that the repairs would take months.", False),
        ("It was the worst flood in the valley for a century.", False),
        ("Why did the warnings come so late for the town?", False),
        ("“Who will pay for this?” asked one resident of the town.", True),
        ("“Who will pay for all of this, now?”", False),
        ("ET) The water rose.", False),
        ("MORGAN: Our reporter is live at the dam this morning.", False),
        ("The DAM: a history of the valley in twelve pictures.", True),
        ("the dam burst on Monday and flooded the town.", False),
        ("Engineers (who inspected the dam in 2019 said the cracks were old.", False),
        ("“The repairs will take months,” she added in the evening.", False),
        ("“The repairs will take months,” the engineer added in the evening.", True),
        ("When the engineers returned to the dam on Monday.", False),
        ("When the dam burst on Monday, the lower town flooded within an hour.", True),
        ("Our reporter visits the flooded valley We followed the water down to the town.", False),
        ("The band played its Here We Go tour in the valley that summer.", True),
        ("For one, I think the council misjudged the mood of the town.", False),
        ("The mayor said “I will not resign over the flood” on Monday evening.", True),
    ],
)
def test_stands_alone(sentence: str, alone: bool) -> None:
    assert stands_alone(sentence) is alone


@pytest.mark.parametrize(
    "sentence, expected",
    [
        ("But the water fell on Tuesday after the rain stopped.", "The water fell on Tuesday after the rain stopped."),
        ("Meanwhile, engineers inspected the northern wall.", "Engineers inspected the northern wall."),
        ("But he added that the repairs would take months.", "But he added that the repairs would take months."),
        ("Butchers in the town reopened on Monday.", "Butchers in the town reopened on Monday."),
    ],
)
def test_an_opening_connective_is_dropped_when_a_capital_follows(sentence: str, expected: str) -> None:
    assert without_connective(sentence) == expected


@pytest.mark.parametrize(
    "paragraph, talk",
    [
        ("JO SMITH, VALLEY RADIO HOST: The water is still rising. We are live at the dam.", True),
        ("MORGAN: Our reporter is at the dam.", True),
        ("The dam burst on Monday: the lower town was flooded.", False),
        ("Holt: the town the water forgot.", False),
    ],
)
def test_a_transcript_paragraph_opens_with_its_speaker(paragraph: str, talk: bool) -> None:
    assert is_transcript(paragraph) is talk


@pytest.mark.parametrize(
    "sentence, entries",
    [
        (
            "The board denies any fault On 3 May, 2020, the board met the families in Holt.",
            [(None, "The board denies any fault"),
             ((5, 3), "On 3 May, 2020, the board met the families in Holt.")],
        ),
        (
            "The engineer kept quiet at the inquiry 14 June 2021 The chief engineer says the "
            "warnings went unanswered.",
            [(None, "The engineer kept quiet at the inquiry"),
             ((6, 14), "The chief engineer says the warnings went unanswered.")],
        ),
        (
            "The inquiry opened on 14 June 2021 With the chief engineer as its first witness.",
            [(None, "The inquiry opened on 14 June 2021 With the chief engineer as its first witness.")],
        ),
        (
            "The board met in Holt On Monday to talk about repairs.",
            [(None, "The board met in Holt On Monday to talk about repairs.")],
        ),
    ],
)  # fmt: skip
def test_a_timeline_page_s_entries_glued_into_one_sentence_come_apart(sentence, entries) -> None:
    assert glued_entries(sentence) == entries


def test_a_line_ends_a_sentence_in_any_script() -> None:
    from generator.text.sentences import ENDS_SENTENCE

    for line in ("The vote was close.", "Was it close?”", "投票は接戦だった。", "क्या यह सच है।"):
        assert ENDS_SENTENCE.search(line), line
    for line in ("The vote in the council", "Latest news", "最新ニュース"):
        assert not ENDS_SENTENCE.search(line), line


def test_foreign_month_names_are_in_one_table_and_read_in_full_dates() -> None:
    from generator.ingest.pubdate import find_dates
    from generator.text.calendar import FOREIGN_MONTH_NAMES

    assert all(len(FOREIGN_MONTH_NAMES[m]) >= 5 for m in range(1, 13))
    hits = find_dates("Veröffentlicht am 3. Dezember 2021, publié le 4 décembre 2021")
    assert [(h.year, h.month, h.day) for h in hits] == [(2021, 12, 3), (2021, 12, 4)]


def test_invisible_characters_leave_words_whole() -> None:
    from generator.text.folding import strip_invisible

    assert strip_invisible("Bundes\u00adtags\u00adwahl") == "Bundestagswahl"
    assert strip_invisible("zero\u200bwidth\ufeff") == "zerowidth"
    assert strip_invisible("نمی\u200cخواهم") == "نمی\u200cخواهم"  # a non-joiner is spelling
