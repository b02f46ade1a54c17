"""Direct quotes and their speakers."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from generator.extract.actors import find_article_mentions, load_registry, parse_registry
from generator.extract.quotes import find_quotes, quote_spans

ROOT = Path(__file__).resolve().parents[2]

REGISTRY = parse_registry(
    """
actors:
  - id: qatar
    name: Qatar
    kind: country
    aliases: [Qatari]
  - id: hamas
    name: Hamas
    kind: armed group
  - id: ansari
    name: Majed Al-Ansari
    kind: person
  - id: netanyahu
    name: Benjamin Netanyahu
    kind: person
    aliases: [Netanyahu]
  - id: biden
    name: Joe Biden
    kind: person
    aliases: [Biden]
  - id: forum
    name: Hostages and Missing Families Forum
    kind: organisation
"""
)


def quotes(*paragraphs: str) -> list[tuple[int, str, str]]:
    mentions = find_article_mentions(list(paragraphs), REGISTRY)
    return [
        (q.paragraph_index, q.actor_id, q.text) for q in find_quotes(paragraphs, mentions, REGISTRY)
    ]


@pytest.mark.parametrize(
    ("paragraph", "speaker", "words"),
    [
        # "…," X said
        (
            "“The talks are paused,” Qatari foreign ministry spokesperson Majed Al-Ansari said Tuesday.",
            "ansari",
            "The talks are paused",
        ),
        ('"We will not stop," Netanyahu said.', "netanyahu", "We will not stop"),
        (
            "“We will not stop”, Netanyahu told reporters on Sunday.",
            "netanyahu",
            "We will not stop",
        ),
        # "…," said X
        ("“The office stays open,” said Majed Al-Ansari.", "ansari", "The office stays open"),
        (
            "“The office stays open,” said Qatari spokesperson Majed Al-Ansari on Tuesday.",
            "ansari",
            "The office stays open",
        ),
        # X said: "…"
        ("Biden said: “There has been real progress.”", "biden", "There has been real progress."),
        (
            "Netanyahu said in a statement: “We will bring them home.”",
            "netanyahu",
            "We will bring them home.",
        ),
        # X, aside, said … "partial quote"
        (
            "Biden, who will leave office on January 20, said on Thursday there had been “real progress” in the talks.",
            "biden",
            "real progress",
        ),
        # an organisation or a state can speak
        (
            "“No one has asked us to leave,” Hamas said in a statement.",
            "hamas",
            "No one has asked us to leave",
        ),
        ("“The mediation is suspended,” Qatar said.", "qatar", "The mediation is suspended"),
    ],
)
def test_attribution_patterns(paragraph: str, speaker: str, words: str) -> None:
    assert quotes(paragraph) == [(0, speaker, words)]


@pytest.mark.parametrize(
    "paragraph",
    [
        # the speaker is not a registered actor, even if one is named nearby
        "“Leaders visit Turkey from time to time,” the Hamas official said.",
        "A senior Hamas leader told AFP on Monday that “no one has asked us to leave”.",
        "“We are ready,” Netanyahu's spokesperson said.",
        "“We are ready,” a friend of Netanyahu said.",
        "“We are ready,” said a spokesperson for Netanyahu.",
        "“The deal is close,” the statement said.",
        # scare quotes and quotes without any attribution
        "Hamas called the plan “unacceptable” on Monday.",
        "The “ceasefire” was broken. “It is over.”",
        # unclosed quotation: continues in the next paragraph
        "“We will not stop, Netanyahu said",
    ],
)
def test_no_registered_speaker_no_quote(paragraph: str) -> None:
    assert quotes(paragraph) == []


def test_pronoun_refers_to_the_last_speaker_in_this_or_the_previous_paragraph() -> None:
    assert quotes(
        "“The leaders of Hamas are now not in Doha,” Qatari spokesperson Majed Al-Ansari said.",
        "But he added that the mission could remain open.",
        "“The decision is ours,” he added.",
        "“The office has no function,” he added.",
    ) == [
        (0, "ansari", "The leaders of Hamas are now not in Doha"),
        (2, "ansari", "The decision is ours"),
        (3, "ansari", "The office has no function"),
    ]


def test_it_refers_to_the_last_organisation() -> None:
    assert quotes(
        "The announcement was welcomed by the Hostages and Missing Families Forum, a campaign group.",
        "“Leave no stone unturned,” it said in a statement.",
    ) == [(1, "forum", "Leave no stone unturned")]


def test_pronoun_does_not_reach_back_past_an_unknown_speaker_or_two_paragraphs() -> None:
    assert (
        quotes(
            "Netanyahu met the envoys.",
            "“We are close,” the Hamas official said.",
            "“Very close,” he added.",
        )
        == []
    )
    assert (
        quotes(
            "Netanyahu met the envoys.", "The talks went on.", "Nothing moved.", "“No,” he said."
        )
        == []
    )


def test_quote_keeps_its_sentence() -> None:
    paragraph = "Talks resumed. “We are ready,” Netanyahu said on Sunday. Hamas did not reply."
    mentions = find_article_mentions([paragraph], REGISTRY)
    [quote] = find_quotes([paragraph], mentions, REGISTRY)
    assert quote.sentence == "“We are ready,” Netanyahu said on Sunday."


def test_quote_spans() -> None:
    text = 'He said "one two" and “three four” then «five six».'
    assert [text[a + 1 : b] for a, b in quote_spans(text)] == ["one two", "three four", "five six"]
    assert quote_spans("an “unclosed quote") == []


def test_sample_quotes() -> None:
    registry = load_registry(ROOT / "content" / "actors.yml")
    paragraphs = [
        "“The leaders of Hamas that are within the negotiating team are now not in Doha,” Qatari "
        "foreign ministry spokesperson Majed Al-Ansari said Tuesday.",
        "But he added that Hamas’s mission in Qatar, opened in 2012, could still remain open in the future.",
        "“The decision to… close down the office permanently, is a decision that you will hear about "
        "from us directly,” he added.",
        "“The mediation process right now… is suspended unless we take a decision to reverse that which "
        "is based on the positions of both sides,” Ansari said on Tuesday.",
        "A senior Hamas leader told AFP on Monday that “no one has asked us to leave” and rebuffed "
        "reports that members had relocated to Turkey.",
        "Trump, who will replace Biden, promised “hell to pay” if the hostages were not released by "
        "his inauguration.",
    ]
    mentions = find_article_mentions(paragraphs, registry)
    got = [(q.paragraph_index, q.actor_id) for q in find_quotes(paragraphs, mentions, registry)]
    assert got == [
        (0, "majed-al-ansari"),
        (2, "majed-al-ansari"),
        (3, "majed-al-ansari"),
        (5, "donald-trump"),
    ]


@settings(max_examples=200, deadline=None)
@given(
    st.lists(
        st.text(
            alphabet=st.sampled_from(list('“”"«» ,.:said he Netanyahu Hamas xé’')), max_size=80
        ),
        max_size=4,
    )
)
def test_arbitrary_text_never_crashes(paragraphs: list[str]) -> None:
    mentions = find_article_mentions(paragraphs, REGISTRY)
    for quote in find_quotes(paragraphs, mentions, REGISTRY):
        assert quote.actor_id in REGISTRY
        assert quote.text in paragraphs[quote.paragraph_index]


def test_mismatched_mentions_list_is_tolerated() -> None:
    assert find_quotes(["“We are ready,” Netanyahu said."], [], REGISTRY) == []
