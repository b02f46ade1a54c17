"""Events: sentences with resolved dates, merged across articles into one chronology."""

from __future__ import annotations

import dataclasses
from datetime import datetime

import pytest

from generator.extract import extract
from generator.extract.actors import parse_registry
from generator.extract.events import event_text
from generator.ingest import Article, Block
from generator.model import build_digest

REGISTRY = parse_registry(
    """
actors:
  - {id: qatar, name: Qatar, kind: country, description: Gulf state., aliases: [Qatari, Doha]}
  - {id: hamas, name: Hamas, kind: armed group, description: Palestinian group.}
  - {id: israel, name: Israel, kind: country, description: State., aliases: [Israeli]}
  - {id: egypt, name: Egypt, kind: country, description: Mediator., aliases: [Egyptian, Cairo]}
""",
    "test.yml",
)


def article(
    source: str, published: str | None, *paragraphs: str, outlet: str = "Example News"
) -> Article:
    return Article(
        title=f"Article {source}",
        blocks=[Block("paragraph", p) for p in paragraphs],
        published=datetime.fromisoformat(published) if published else None,
        date_confidence="high" if published else "none",
        outlet=outlet,
        source=source,
    )


def digest(*articles: Article):
    facts = [extract(a, REGISTRY) for a in articles]
    return build_digest(list(articles), facts, REGISTRY, "Test", "# Test")


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Qatar paused its mediation, the report said.", "Qatar paused its mediation."),
        (
            "According to two officials, Egypt proposed a new truce on Monday.",
            "Egypt proposed a new truce on Monday.",
        ),
        ("DOHA, Qatar — Qatar paused its mediation on Tuesday.", "Qatar paused its mediation on Tuesday."),
        ("ISTANBUL (AA) - Blinken met the Qatari premier on March 5.", "Blinken met the Qatari premier on March 5."),
        ("Holt, Ridings (VP) -- The dam burst on Monday.", "The dam burst on Monday."),
        # A title-case place needs its agency to be a dateline: this is the sentence's subject.
        ("Holt Council - the town's council - met on Monday.", "Holt Council - the town's council - met on Monday."),
        # A quote keeps its speaker.
        (
            "“No one asked us to leave,” a Hamas official said on Monday.",
            "“No one asked us to leave,” a Hamas official said on Monday.",
        ),
    ],
)
def test_event_text_drops_attribution_but_keeps_speakers_of_quotes(
    sentence: str, expected: str
) -> None:
    assert event_text(sentence) == expected


def test_each_dated_sentence_is_an_event_with_its_actors() -> None:
    facts = extract(
        article(
            "a.txt",
            "2024-11-19",
            "Qatar paused its mediation on November 9, 2024. Hamas did not comment.",
        ),
        REGISTRY,
    )
    assert [(e.value, e.actor_ids) for e in facts.events] == [("2024-11-09", ("qatar",))]


def test_same_happening_in_two_articles_is_one_event_with_two_sources() -> None:
    d = digest(
        article(
            "a.txt",
            "2024-11-19",
            "Qatar suspended its mediation between Israel and Hamas on November 9, 2024.",
        ),
        article(
            "b.txt",
            "2024-11-20",
            "On November 9, 2024, Qatar suspended mediation between Hamas and Israel.",
            outlet="Other",
        ),
        article(
            "c.txt", "2024-11-20", "Egypt hosted Israeli negotiators in Cairo on November 9, 2024."
        ),
    )
    events = [e for e in d.events if e.value == "2024-11-09"]
    assert len(events) == 2
    merged = next(e for e in events if "qatar" in e.actor_ids)
    assert sorted(s.article.article.source for s in merged.sources) == ["a.txt", "b.txt"]
    assert merged.outlets == ["Example News", "Other"]


def test_background_date_is_kept_once() -> None:
    d = digest(
        *(
            article(
                f"{i}.txt",
                "2024-03-14",
                f"Talks round {i} continued in Doha, mediated by Qatar since Oct. 7, 2023.",
            )
            for i in range(4)
        ),
        article(
            "x.txt",
            "2024-03-14",
            "Hamas killed 1,200 people in its October 7, 2023 attack on southern Israel.",
        ),
    )
    # Long before the story (its articles of March 2024): listed once, as background.
    assert not [e for e in d.events if e.value == "2023-10-07"]
    october = [e for e in d.background if e.value == "2023-10-07"]
    assert len(october) == 1
    # The article that reports the day, not the four that only count from it.
    assert [s.article.article.source for s in october[0].sources] == ["x.txt"]


def test_event_month_is_when_it_happened_not_when_reported() -> None:
    d = digest(
        article("a.txt", "2024-11-19", "Qatar expelled the Hamas leaders on October 30, 2024.")
    )
    assert [e.value for e in d.months["2024-10"].events] == ["2024-10-30"]
    assert d.months["2024-11"].events == []
    assert [a.article.source for a in d.months["2024-11"].articles] == ["a.txt"]


def test_partial_dates_sort_after_precise_days_of_their_month() -> None:
    d = digest(
        article("s.txt", "2024-10-02", "Qatar hosted a round of talks in Doha."),
        article("a.txt", "2024-11-19", "Qatar expelled the Hamas leaders in late October 2024."),
        article("b.txt", "2024-11-19", "Israel killed the Hamas leader on October 16, 2024."),
    )
    assert [e.display_date for e in d.months["2024-10"].events] == [
        "16 October 2024",
        "late October 2024",
    ]


def test_digest_is_the_same_whatever_order_articles_come_in() -> None:
    arts = [
        article("a.txt", "2024-11-19", "Qatar suspended mediation on November 9, 2024."),
        article(
            "b.txt", "2024-11-20", "Qatar suspended its mediation on November 9, 2024, Hamas said."
        ),
        article("c.txt", None, "Egypt hosted talks in Cairo in 2012."),
    ]
    one, two = digest(*arts), digest(*reversed(arts))
    assert [(e.value, e.text, [s.article.slug for s in e.sources]) for e in one.events] == [
        (e.value, e.text, [s.article.slug for s in e.sources]) for e in two.events
    ]
    assert [a.slug for a in one.articles] == [a.slug for a in two.articles]


def test_same_title_gets_distinct_slugs_decided_by_source_name() -> None:
    a = article("b.txt", "2024-01-01", "Qatar spoke.")
    b = article("a.txt", "2024-01-01", "Egypt spoke.")
    a, b = (dataclasses.replace(x, title="Same title") for x in (a, b))
    slugs = {e.article.source: e.slug for e in digest(a, b).articles}
    assert slugs == {"a.txt": "same-title", "b.txt": "same-title-2"}


def test_a_deadline_is_news_not_background() -> None:
    facts = extract(
        article("a.txt", "2024-12-07", "Trump's team told Qatar the hostages must be freed before January 20, 2025."),
        REGISTRY,
    )
    assert [(e.value, e.background) for e in facts.events] == [("2025-01-20", False)]


def test_a_merged_event_shows_its_most_central_report_and_only_the_actors_it_names() -> None:
    d = digest(
        article("a.txt", "2024-03-14", "Hamas attacked southern Israel on October 7, 2023, killing hundreds; Qatar offered talks."),
        article("b.txt", "2024-03-14", "Hamas gunmen attacked southern Israel on October 7, 2023, killing hundreds."),
        article("c.txt", "2024-03-14", "Hamas attacked southern Israel on October 7, 2023, killing hundreds of people."),
    )  # fmt: skip
    (attack,) = [e for e in d.background if e.value == "2023-10-07"]
    assert len(attack.sources) == 3
    assert "Qatar" not in attack.text  # not the first report by file order
    assert attack.actor_ids == ["hamas", "israel"]
    assert attack not in d.actors["qatar"].events


def test_reports_naming_no_common_actor_need_half_their_words_to_merge() -> None:
    from generator.model.events import SIMILAR_WORDS, SIMILAR_WORDS_ALONE, report_words, word_share

    rain = "Heavy rain flooded the old market square on March 3, 2024 before the storm moved north."
    crowd = "Angry crowds filled the old market square on March 3, 2024 before the police moved north."
    share = word_share(report_words(rain, "March 3, 2024"), report_words(crowd, "March 3, 2024"))
    assert SIMILAR_WORDS <= share < SIMILAR_WORDS_ALONE
    d = digest(article("r.txt", "2024-03-04", rain), article("s.txt", "2024-03-04", crowd))
    assert len([e for e in d.events if e.value == "2024-03-03"]) == 2
