"""Key dates over a small story written for these tests: a dam bursts, an inquiry follows."""

from __future__ import annotations

import dataclasses
import json
import random
from datetime import date, datetime

import pytest

from generator.extract import extract
from generator.extract.actors import parse_registry
from generator.ingest import Article, Block
from generator.model import build_digest
from generator.model.evidence import FURNITURE_PAGES, story_span
from generator.model.key_dates import Sighting, day_evidence, ranked_days, timeline, to_json
from generator.model.summaries import HEADLINE_WORDS, headline
from generator.render.timelinejs import timelinejs

REGISTRY = parse_registry(
    """
actors:
  - {id: water-board, name: Ridings Water Board, kind: organisation, description: Runs the dam.}
  - {id: holt-council, name: Holt Council, kind: organisation, description: The town council.}
  - {id: ana-ruiz, name: Ana Ruiz, kind: person, description: Chief engineer.}
""",
    "test.yml",
)


def article(source: str, published: str, outlet: str, *paragraphs: str, url: str | None = None):
    return Article(
        title=f"Report {source.removesuffix('.md')}",
        blocks=[Block("paragraph", p) for p in paragraphs],
        published=datetime.fromisoformat(published),
        date_confidence="high",
        outlet=outlet,
        source=source,
        url=url,
    )


SIDEBAR = "Read our guide to the valley's best walks, first published on February 10, 2021."

STORY = [
    article(
        "a1.md", "2021-03-02", "Valley Press",
        "The dam above Holt burst on March 1, flooding the lower town and forcing hundreds "
        "from their homes.",
        "The Ridings Water Board said in a statement that its engineers had inspected the "
        "dam in 2019.",
        "Great coverage of a sad day. Posted by Jo, February 27, 2021 at 9:15 am",
        SIDEBAR,
        url="https://valley.example/dam-bursts",
    ),
    article(
        "b1.md", "2021-03-02", "River Desk",
        "Floodwater poured into the lower town of Holt on Monday after the dam burst and "
        "hundreds of people fled their homes.",
        "Holt Council opened the school hall as a shelter for families.",
    ),
    article(
        "a2.md", "2021-03-05", "Valley Press",
        "Engineers found on Thursday that the dam had cracks in its northern wall.",
        "An inquiry into the collapse will open on March 20, the minister said.",
        "The dam will be rebuilt by June 1, officials hope.",
        SIDEBAR,
    ),
    article(
        "b2.md", "2021-03-21", "River Desk",
        "The inquiry into the dam collapse opened on March 20 with testimony from Ana Ruiz, "
        "the chief engineer.",
        "Ruiz told the inquiry that warnings about the cracks had gone unanswered for a year.",
        "The dam above Holt burst on March 1 after weeks of heavy rain.",
    ),
] + [
    article(f"p{i}.md", f"2021-03-{10 + i:02d}", "Valley Press", "Weather in the valley stayed dry.", SIDEBAR)
    for i in range(FURNITURE_PAGES)
]


def digest(articles):
    facts = [extract(a, REGISTRY) for a in articles]
    return build_digest(articles, facts, REGISTRY, "The Holt dam", "# The Holt dam")


@pytest.fixture(scope="module")
def story():
    return timeline(digest(STORY))


def test_the_day_most_reported_leads(story) -> None:
    first = story.dates[0]
    assert first.date == "2021-03-01"
    assert first.rank == 1
    assert any("burst" in s for s in first.summary)
    assert {s.page for s in first.sources} >= {"articles/report-a1/", "articles/report-b1/"}


def test_no_key_date_after_its_newest_source(story) -> None:
    for item in story.dates:
        newest = max(s.published for s in item.sources if s.published)
        assert item.date <= newest, item


def test_a_forecast_becomes_a_key_date_only_once_a_later_article_reports_it(story) -> None:
    dates = [d.date for d in story.dates]
    assert "2021-03-20" in dates  # announced on 5 March, reported on 21 March
    assert "2021-06-01" not in dates  # "will be rebuilt by June 1": nothing confirms it
    inquiry = next(d for d in story.dates if d.date == "2021-03-20")
    # What happened, not what was expected.
    assert all("will open" not in s for s in inquiry.summary)
    alone = timeline(digest(STORY[:3]))
    assert "2021-03-20" not in [d.date for d in alone.dates]


def test_furniture_and_sidebars_make_no_key_date(story) -> None:
    dates = [d.date for d in story.dates]
    assert "2021-02-27" not in dates  # a comment's stamp
    assert "2021-02-10" not in dates  # a sidebar on many pages of one outlet
    assert all(SIDEBAR not in s for d in story.dates for s in d.summary)


def test_actors_are_those_named_in_the_summary_only(story) -> None:
    inquiry = next(d for d in story.dates if d.date == "2021-03-20")
    assert inquiry.actors == ("ana-ruiz",)
    burst = story.dates[0]
    named = " ".join(burst.summary)
    for actor_id in burst.actors:
        assert REGISTRY.get(actor_id).name.split()[-1] in named


def test_headline_is_short_and_summary_has_one_or_two_sentences(story) -> None:
    for item in story.dates:
        assert 1 <= len(item.summary) <= 2
        assert item.headline
        assert len(item.headline.rstrip("…").split()) <= HEADLINE_WORDS


def test_k_and_between() -> None:
    model = digest(STORY)
    everything = timeline(model)
    assert [d.date for d in timeline(model, k=2).dates] == [d.date for d in everything.dates[:2]]
    march = timeline(model, between=("2021-03-02", "2021-03-31"))
    assert march.dates and all("2021-03-02" <= d.date <= "2021-03-31" for d in march.dates)
    assert [d.rank for d in march.dates] == list(range(1, len(march.dates) + 1))
    assert timeline(model, between=("2021-03", "2021-03")).dates[0].date == "2021-03-01"


def test_the_same_timeline_whatever_order_articles_come_in() -> None:
    shuffled = STORY[:]
    random.Random(7).shuffle(shuffled)
    assert to_json(timeline(digest(shuffled))) == to_json(timeline(digest(STORY)))


def test_span_follows_where_publication_dates_lie() -> None:
    from datetime import date

    days = [date(2021, 3, 2)] * 150 + [date(2021, 4, 1)] * 50 + [date(1999, 1, 1)]
    span = story_span(days)
    assert (span.start, span.end) == ("2021-03-02", "2021-04-01")  # one stray page ignored
    assert story_span([]) is None


def test_json_contract(story) -> None:
    data = json.loads(json.dumps(to_json(story)))
    assert set(data) == {"title", "span", "dates"}
    assert data["title"] == "The Holt dam"
    assert set(data["span"]) == {"from", "to"}
    assert data["span"] == {"from": "2021-03-02", "to": "2021-03-21"}
    for rank, item in enumerate(data["dates"], start=1):
        assert set(item) == {"date", "rank", "headline", "summary", "actors", "sources"}
        assert item["rank"] == rank
        assert len(item["date"]) in (7, 10)
        assert all(isinstance(s, str) for s in item["summary"])
        for source in item["sources"]:
            assert set(source) == {"title", "outlet", "published", "url", "page"}
            assert source["page"].startswith("articles/") and source["page"].endswith("/")
    first = data["dates"][0]["sources"]
    assert {"url": "https://valley.example/dam-bursts"}.items() <= next(
        s for s in first if s["page"] == "articles/report-a1/"
    ).items()


def test_empty_corpus_gives_an_empty_timeline() -> None:
    data = to_json(timeline(digest([])))
    assert data == {"title": "The Holt dam", "span": {"from": None, "to": None}, "dates": []}


def test_timelinejs_escapes_web_text_and_links_only_http() -> None:
    hostile = [
        article(
            "h1.md", "2021-03-02", "Valley <b>Press</b>",
            "The dam <script>alert(1)</script> burst on March 1, flooding the lower town of Holt.",
            url="javascript:alert(1)",
        ),
        article(
            "h2.md", "2021-03-02", "River Desk",
            "The dam above Holt burst on March 1 and flooded the lower town.",
            url="https://river.example/a?b=1&c=2",
        ),
    ]
    data = timelinejs(timeline(digest(hostile)), site_url="https://digest.example/holt/")
    event = data["events"][0]
    assert event["start_date"] == {"year": "2021", "month": "3", "day": "1"}
    text = event["text"]["text"]
    assert "<script>" not in text and "&lt;script&gt;" in text or "script" not in text
    assert "<b>" not in text
    assert "javascript:" not in text
    assert 'href="https://digest.example/holt/articles/report-h1/"' in text
    assert 'href="https://river.example/a?b=1&amp;c=2"' in text
    assert data["title"]["text"]["headline"] == "The Holt dam"


@pytest.mark.parametrize(
    "sentence, expected",
    [
        ("On March 1, the dam above Holt burst after weeks of rain.", "The dam above Holt burst after weeks of rain"),
        ("On 1 March, 2021, the dam above Holt burst after weeks of rain.", "The dam above Holt burst after weeks of rain"),
        ("The dam burst, officials said.", "The dam burst"),
        (
            "The inquiry opened with testimony from the chief engineer, who said warnings had gone unanswered.",
            "The inquiry opened with testimony from the chief engineer",
        ),
        (
            "Officials told the paper on Sunday that the dam had cracked along its northern wall.",
            "The dam had cracked along its northern wall",
        ),
        (
            "A farmer told the paper on Sunday that “no one warned us” and left the valley.",
            "A farmer told the paper on Sunday that “no one warned us”…",
        ),
        (
            "The engineer, 52, told the inquiry about the cracks she reported to the board in 2019.",
            "The engineer, 52, told the inquiry about the cracks she reported to…",
        ),
    ],
)
def test_headline(sentence: str, expected: str) -> None:
    assert headline(sentence) == expected


def test_the_corpus_year_of_a_day_and_a_guessed_publication_date() -> None:
    """The two wrong key dates of the issue's sample, in this story's words."""
    blast = [
        article(f"y{i}.md", f"2023-03-{4 + i:02d}", "Valley Press",
                "The March 3, 2023 blast at the Holt depot killed four workers.")
        for i in range(2)
    ]
    anniversary = article(
        "y9.md", "2024-05-02", "River Desk",
        "Families of the four workers killed in the depot blast on March 3 met the minister.",
    )
    guessed = article(
        "g1.md", "2024-03-05", "River Desk",
        "The council met on March 5, 2024 to discuss the depot.",
        "A local paper reported Thursday that the depot would close.",
    )
    # The page gave no date: estimated from "March 5".
    guessed = dataclasses.replace(guessed, date_confidence="low")
    found = [d.date for d in timeline(digest([*blast, anniversary, guessed])).dates]
    assert "2023-03-03" in found
    assert "2024-03-03" not in found
    assert "2024-02-29" not in found  # the Thursday before the guessed date


def test_no_sentence_tells_two_key_dates() -> None:
    """A lead serves the day its article was published and the day before: only the more
    important of the two days shows it."""
    ridge = [
        article("r1.md", "2021-04-10", "Valley Press",
                "A storm closed the mountain pass and stranded forty climbers on the ridge.",
                "Rescue teams waited at the lower hut for the wind to drop."),
        article("r2.md", "2021-04-11", "River Desk",
                "Rescue teams reached the stranded climbers on the ridge and brought twelve down.",
                "Helicopters flew food and blankets to the climbers still on the ridge."),
    ]  # fmt: skip
    found = timeline(digest(ridge))
    assert {d.date for d in found.dates} == {"2021-04-10", "2021-04-11"}
    told = [s for d in found.dates for s in d.summary]
    assert len(told) == len(set(told))


def test_a_day_articles_still_refer_to_later_outranks_one_forgotten() -> None:
    """Two days with as many articles mentioning them and as many published on them: the
    one an article still refers to weeks later ranks first."""
    def seen(value: str, article: int) -> Sighting:
        return Sighting(value, "happened", 1.0, "The bridge reopened to traffic.", article, (), True)

    published = [date(2021, 5, 1), date(2021, 5, 2), date(2021, 5, 10), date(2021, 5, 11),
                 date(2021, 6, 20)]  # fmt: skip
    found = [seen("2021-05-01", 0), seen("2021-05-01", 1), seen("2021-05-10", 2),
             seen("2021-05-10", 4)]  # fmt: skip
    evidence = day_evidence(found, published)
    assert evidence["2021-05-01"].burst == evidence["2021-05-10"].burst == 2
    assert ranked_days(evidence, None)[0] == "2021-05-10"


def test_a_day_s_entry_is_cut_from_a_timeline_page_s_glued_sentence() -> None:
    """A timeline page whose entries the scraper glued into one sentence: the day's
    summary is that day's entry, its actors only those the entry names."""
    page = article(
        "t1.md", "2021-06-20", "Valley Press",
        "Ana Ruiz warned the Ridings Water Board about cracks in the dam 2 March 2021 "
        "Holt Council opens an inquiry into the collapse of the dam.",
    )  # fmt: skip
    found = timeline(digest([page]))
    day = next(d for d in found.dates if d.date == "2021-03-02")
    assert day.summary[0] == "Holt Council opens an inquiry into the collapse of the dam."
    assert day.actors == ("holt-council",)
