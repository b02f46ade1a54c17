"""Mention finding: longest match, case, word boundaries, Unicode, surnames."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from generator.extract.actors import find_article_mentions, find_mentions, parse_registry

REGISTRY = parse_registry(
    """
actors:
  - id: qatar
    name: Qatar
    kind: country
    aliases: [Qatari, Doha]
  - id: israel
    name: Israel
    kind: country
    aliases: [Israeli, Israelis]
  - id: united-states
    name: United States
    kind: country
    aliases: [US, U.S.]
  - id: united-nations
    name: United Nations
    kind: organisation
    aliases: [UN]
  - id: hamas
    name: Hamas
    kind: armed group
  - id: forum
    name: Hostages and Missing Families Forum
    kind: organisation
  - id: turkey
    name: Turkey
    kind: country
    aliases: [Türkiye]
  - id: netanyahu
    name: Benjamin Netanyahu
    kind: person
    aliases: [Netanyahu]
  - id: majed-al-ansari
    name: Majed Al-Ansari
    kind: person
  - id: william-burns
    name: William Burns
    kind: person
  - id: robert-burns
    name: Robert Burns
    kind: person
  - id: erdogan
    name: Recep Tayyip Erdoğan
    kind: person
  - id: sisi
    name: Abdel Fattah el-Sisi
    kind: person
  - id: yahya-sinwar
    name: Yahya Sinwar
    kind: person
    short_aliases: [Abu Ibrahim]
  - id: falk
    name: Ophir Falk
    kind: person
    surname: false
outlets:
  - {name: The Times of Israel, aliases: [Times of Israel]}
ignore: [Tel Aviv University]
"""
)


def found(text: str) -> list[tuple[str, str]]:
    mentions = find_mentions(text, REGISTRY)
    for m in mentions:
        assert text[m.start : m.end] == m.text
    return [(m.text, m.actor_id) for m in mentions]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # longest match wins
        (
            "The Hostages and Missing Families Forum said",
            [("Hostages and Missing Families Forum", "forum")],
        ),
        # possessives, straight and curly; hyphenated forms
        ("Qatar's role and Qatar’s role", [("Qatar", "qatar"), ("Qatar", "qatar")]),
        ("Hamas' leaders", [("Hamas", "hamas")]),
        ("Hamas-led gunmen", [("Hamas", "hamas")]),
        ("the Israel-Hamas war", [("Israel", "israel"), ("Hamas", "hamas")]),
        ("anti-Hamas protests", [("Hamas", "hamas")]),
        ("the Israel–Hamas war", [("Israel", "israel"), ("Hamas", "hamas")]),
        # short and all-caps aliases are case-sensitive
        ("US officials", [("US", "united-states")]),
        ("let us go, thus", []),
        ("U.S. officials and the U.S.", [("U.S.", "united-states"), ("U.S.", "united-states")]),
        ("the UN said; unless un", [("UN", "united-nations")]),
        ("turkey for dinner", []),
        # capitalised and upper-case forms of longer aliases: datelines, headlines
        ("DOHA, Qatar — talks", [("DOHA", "qatar"), ("Qatar", "qatar")]),
        ("QATAR EXPELS HAMAS", [("QATAR", "qatar"), ("HAMAS", "hamas")]),
        # never inside another word
        ("USA", []),
        ("Israelite Hamasville Qatarian", []),
        ("O'Doha", []),
        ("Hamas'tan", []),
        ("Israelis rallied", [("Israelis", "israel")]),
        # Unicode: accents fold, Turkish dotted I, no-break spaces, non-breaking hyphens
        ("President Erdogan and Erdoğan", []),  # surnames wait for the full name
        ("Recep Tayyip Erdogan met", [("Recep Tayyip Erdogan", "erdogan")]),
        ("Turkiye and Türkiye", [("Turkiye", "turkey"), ("Türkiye", "turkey")]),
        ("İsraeli media", [("İsraeli", "israel")]),
        ("Benjamin\u00a0Netanyahu", [("Benjamin\u00a0Netanyahu", "netanyahu")]),
        ("Majed Al\u2011Ansari", [("Majed Al\u2011Ansari", "majed-al-ansari")]),
        # outlets and ignored phrases are names, but not actors
        ("told The Times of Israel on Sunday", []),
        ("a Times of Israel report", []),
        ("at Tel Aviv University", []),
    ],
)
def test_matching_rules(text: str, expected: list[tuple[str, str]]) -> None:
    assert found(text) == expected


def test_offsets_are_into_the_original_text() -> None:
    text = "“Türkiye’s” role: Qatar’s and ISRAELI"
    mentions = find_mentions(text, REGISTRY)
    assert [(text[m.start : m.end], m.actor_id) for m in mentions] == [
        ("Türkiye", "turkey"),
        ("Qatar", "qatar"),
        ("ISRAELI", "israel"),
    ]


def article(*paragraphs: str) -> list[list[tuple[str, str]]]:
    return [
        [(m.text, m.actor_id) for m in ms]
        for ms in find_article_mentions(list(paragraphs), REGISTRY)
    ]


def test_surname_resolves_only_after_full_name() -> None:
    assert article(
        "Ansari spoke first.",
        "Spokesperson Majed Al-Ansari said talks were paused.",
        "Ansari added that Al-Ansari and al-Ansari meant the same.",
    ) == [
        [],
        [("Majed Al-Ansari", "majed-al-ansari")],
        [
            ("Ansari", "majed-al-ansari"),
            ("Al-Ansari", "majed-al-ansari"),
            ("al-Ansari", "majed-al-ansari"),
        ],
    ]


def test_surname_within_one_paragraph_and_articles_are_independent() -> None:
    assert article("Yahya Sinwar was killed; Sinwar had led Hamas.") == [
        [("Yahya Sinwar", "yahya-sinwar"), ("Sinwar", "yahya-sinwar"), ("Hamas", "hamas")]
    ]
    assert found("Sinwar had led Hamas.") == [("Hamas", "hamas")]


def test_shared_surname_is_left_unresolved() -> None:
    assert article("CIA chief William Burns arrived.", "Burns met Netanyahu.") == [
        [("William Burns", "william-burns")],
        [("Netanyahu", "netanyahu")],
    ]


def test_particle_surnames_and_short_aliases() -> None:
    assert article("Abdel Fattah el-Sisi spoke.", "El-Sisi and Sisi agreed.") == [
        [("Abdel Fattah el-Sisi", "sisi")],
        [("El-Sisi", "sisi"), ("Sisi", "sisi")],
    ]
    assert article("Abu Ibrahim hid.", "Yahya Sinwar, or Abu Ibrahim, hid.") == [
        [],
        [("Yahya Sinwar", "yahya-sinwar"), ("Abu Ibrahim", "yahya-sinwar")],
    ]


def test_surname_can_be_switched_off() -> None:
    assert article("Ophir Falk flew.", "Falk landed.") == [[("Ophir Falk", "falk")], []]


def test_empty_and_whitespace() -> None:
    assert found("") == []
    assert article() == []
    assert article("", " ") == [[], []]


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=200))
def test_arbitrary_unicode_never_crashes(text: str) -> None:
    for m in find_mentions(text, REGISTRY):
        assert 0 <= m.start < m.end <= len(text)
        assert text[m.start : m.end] == m.text


words = st.sampled_from(
    ["Qatar", "Qatar's", "US", "us", "Hamas-led", "Israeli", "Forum", "Burns", "William Burns",
     " ", ", ", "’s ", "-", "İ", "\u00a0", "é", "Doha", "DOHA", "xQatar", "Qatarx"]
)  # fmt: skip


@settings(max_examples=300, deadline=None)
@given(st.lists(words, max_size=25))
def test_mentions_are_ordered_and_never_overlap(parts: list[str]) -> None:
    text = "".join(parts)
    mentions = find_mentions(text, REGISTRY)
    for a, b in zip(mentions, mentions[1:], strict=False):
        assert a.end <= b.start
    for m in mentions:
        before = text[m.start - 1] if m.start else " "
        after = text[m.end] if m.end < len(text) else " "
        assert not before.isalnum() and not after.isalnum()


def test_calendar_word_surnames_never_resolve() -> None:
    registry = parse_registry(
        "actors:\n  - id: theresa-may\n    name: Theresa May\n    kind: person\n"
        "  - id: johnson\n    name: Boris Johnson\n    kind: person\n"
    )
    mentions = find_article_mentions(
        ["Theresa May met Boris Johnson in May.", "May and Johnson spoke again."], registry
    )
    assert [[(m.text, m.actor_id) for m in ms] for ms in mentions] == [
        [("Theresa May", "theresa-may"), ("Boris Johnson", "johnson")],
        [("Johnson", "johnson")],
    ]
