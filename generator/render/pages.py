"""Which pages the site has, and which template makes each: the Digest -> [Page].

Pages that repeat what other pages say (lists, the chronology, an actor's slice of
it) are kept out of the search index, so it grows with the corpus, not with the
number of places a sentence is shown; the pages of actors, months and articles carry a
lean entry of their own (``generator.render.search``).
"""

from __future__ import annotations

import functools
import json
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from generator.model import ActorEntry, ArticleEntry, Digest, Event, Month
from generator.model.key_dates import Timeline
from generator.model.ranking import (
    Listing,
    in_brief,
    month_listing,
    prominence,
    story_so_far,
)
from generator.render.environment import Renderer
from generator.render.feeds import feed_page, feeds
from generator.render.page import Page
from generator.render.search import (
    actor_search_entry,
    article_search_entry,
    month_search_entry,
)
from generator.render.selection import Planned, RenderMemo
from generator.render.timelinejs import TIMELINE_JSON, timelinejs
from generator.render.urls import month_more_page, page_path
from generator.render.views import Views
from generator.text.sentences import summary

# Above this many events the chronology becomes one page per year of the story, with its
# background and its forecasts on a page each.
CHRONOLOGY_SPLIT = 300
# Background and expected events listed at most (the most reported first, then by date).
ASIDE_LIMIT = 200
# Above this many dated articles the articles index lists months, not articles.
ARTICLES_INDEX_LIMIT = 1000
# Where the digest's stylesheet is published (mkdocs.yml's extra_css names it).
STYLESHEET_PATH = "stylesheets/digest.css"


@dataclass
class SiteFacts:
    """What pages need beyond the model, computed once from it, and what the pages of
    one site share while they are rendered."""

    prominence: dict[str, float] = field(default_factory=dict)
    quotes: dict[str, list[QuoteEntry]] = field(default_factory=dict)
    chronology_years: list[str] | None = None  # years with their own page, when split
    # What each month shows: its key dates, its other events, the rest a click away.
    listings: dict[str, Listing] = field(default_factory=dict)
    articles_by_slug: dict[str, ArticleEntry] = field(default_factory=dict)
    # Rendered event lines by (event, folder of the page, with sources): an event is
    # shown on its month page, the chronology and every actor's page.
    event_lines: dict[tuple[int, str, bool], str] = field(default_factory=dict)
    # An actor's link as written in article text, by (page, words, where it is seen from).
    actor_links: dict[tuple[str, str, str, bool, bool], str] = field(default_factory=dict)


@dataclass(frozen=True)
class QuoteEntry:
    """A direct quote credited to an actor, with the article it comes from."""

    text: str
    sentence: str
    article: ArticleEntry


def actor_quotes(digest: Digest) -> dict[str, list[QuoteEntry]]:
    """Direct quotes per actor, newest article first, as the model collected them."""
    return {
        actor.id: [
            QuoteEntry(said.quote.text, said.quote.sentence, said.article) for said in actor.quotes
        ]
        for actor in digest.actors.values()
        if actor.quotes
    }


def site_facts(digest: Digest) -> SiteFacts:
    split = len(digest.events) > CHRONOLOGY_SPLIT
    years = sorted({e.year for e in digest.events}) if split else None
    centrality = prominence(digest)
    return SiteFacts(
        prominence=centrality,
        quotes=actor_quotes(digest),
        chronology_years=years,
        listings={key: month_listing(month, centrality) for key, month in digest.months.items()},
        articles_by_slug={entry.slug: entry for entry in digest.articles},
    )


def aside(events: list[Event], centrality: dict[str, float]) -> list[Event]:
    """A bounded list of background or expected events: the most reported, by date."""
    if len(events) <= ASIDE_LIMIT:
        return events
    return in_brief(events, centrality, ASIDE_LIMIT)


def render_site(
    digest: Digest,
    renderer: Renderer,
    chronology_order: str = "oldest",
    site_url: str | None = None,
    memo: RenderMemo | None = None,
    whole: str = "",
    known: dict[str, Page] | None = None,
) -> list[Page]:
    """Every generated page of the site, its feeds and its stylesheet, in one order.

    With a ``memo`` of the last render (``mkdocs serve``), a page whose view
    (``render.views``) equals the one it had then is taken from it, not rendered again;
    ``whole`` fingerprints every input of the site, for pages an editor's template makes.
    ``known``: this very site's pages (from the cache), so that only views are computed.
    """
    site = site_facts(digest)
    views = None
    if memo is not None:
        settings = tuple(renderer.env.globals[k] for k in SETTINGS) + (site_url, renderer.fragments)
        views = Views(digest, site.articles_by_slug, settings, site.chronology_years)
    plans = site_plans(digest, renderer, site, views, chronology_order, site_url, whole)
    return (memo or RenderMemo()).render(plans, known)


# The renderer's settings that change what a page holds.
SETTINGS = ("directory_urls", "source_links", "full_text")


def site_plans(
    digest: Digest,
    renderer: Renderer,
    site: SiteFacts,
    views: Views | None,
    chronology_order: str,
    site_url: str | None,
    whole: str,
) -> list[Planned]:
    """How to make every page, each with its view when ``views`` is given."""
    common = {"digest": digest, "site": site}
    text = renderer.text
    full_text = renderer.env.globals["full_text"]
    directory_urls = renderer.env.globals["directory_urls"]

    def shows(template: str, view: Callable[[], Any]) -> Any:
        if views is None:
            return None
        made_from = renderer.sources(template)
        if renderer.editor_made(template):
            return (made_from, whole)  # an editor's template may read anything
        return (made_from, views.shared, view())

    def term(
        template: str, item: Any, meta: Callable[[], dict[str, Any]], view: Callable[[], Any]
    ) -> Planned:
        path = page_path(item)
        return Planned(
            path,
            shows(template, view),
            lambda: renderer.render(template, path, meta(), term=item, **common),
        )

    # The indexes and the chronology list the whole site: made afresh every time.
    plans = [
        Planned(page.path, None, lambda page=page: page)
        for page in index_pages(digest, renderer, site, chronology_order == "newest")
    ]
    for actor in digest.actors_by_prominence():
        centrality = site.prominence.get(actor.id, 0.0)
        plan = term(
            "actor.md.j2", actor, lambda actor=actor: _actor_meta(actor, text),
            lambda actor=actor: views.actor(actor, site.quotes.get(actor.id, [])),
        )  # fmt: skip
        plans.append(
            plan.searched(
                (actor.actor, centrality) if views else None,
                lambda actor=actor, c=centrality: actor_search_entry(actor, text, c),
            )
        )
    for month in digest.months.values():
        plan = term(
            "month.md.j2", month, lambda month=month: _month_meta(month, text),
            lambda month=month: views.month(month, site.listings[month.key]),
        )  # fmt: skip
        plans.append(
            plan.searched(
                (month.name, len(month.events), len(month.articles)) if views else None,
                lambda month=month: month_search_entry(month, text),
            )
        )
    plans += month_more_pages(digest, renderer, site, views, shows)
    for entry in digest.articles:
        plan = term(
            "article.md.j2", entry, lambda entry=entry: _article_meta(entry),
            lambda entry=entry: views.article(entry),
        )  # fmt: skip
        plans.append(
            plan.searched(
                (entry.article, entry.facts, entry.date, full_text) if views else None,
                lambda entry=entry: article_search_entry(entry, text, full_text),
            )
        )
    feed_entries: dict = {}  # an entry's XML, shared by the feeds that hold it
    for feed in feeds(digest, text):
        plans.append(
            Planned(
                feed.path,
                (feed, site_url, directory_urls) if views else None,
                lambda feed=feed: feed_page(feed, site_url, directory_urls, feed_entries),
            )
        )
    plans.append(
        Planned(TIMELINE_JSON, None, lambda: timeline_page(digest, site_url, directory_urls))
    )
    stylesheet = Page(STYLESHEET_PATH, renderer.stylesheet())
    plans.append(Planned(STYLESHEET_PATH, None, lambda: stylesheet))
    return plans


def timeline_page(digest: Digest, site_url: str | None, directory_urls: bool) -> Page:
    """The key dates as TimelineJS3 JSON at the site's root, for a newsroom to embed."""
    found = timelinejs(Timeline(digest.title, digest.span, tuple(digest.key_dates)), site_url,
                       directory_urls)  # fmt: skip
    content = json.dumps(found, ensure_ascii=False, indent=1, sort_keys=True) + "\n"
    return Page(TIMELINE_JSON, content)


def month_more_pages(
    digest: Digest,
    renderer: Renderer,
    site: SiteFacts,
    views: Views | None = None,
    shows: Callable[[str, Callable[[], Any]], Any] = lambda template, view: None,
) -> list[Planned]:
    """The rest of each long month's events, a bounded page at a time."""
    plans = []
    text = renderer.text

    def make(month: Month, number: int, count: int, events: list[Event]) -> Page:
        meta = {
            "title": text("month_more_title", month.name, number, count),
            "description": text("month_more_description", month.name),
            "search": {"exclude": True},
        }
        return renderer.render(
            "month_more.md.j2", month_more_page(month.key, number), meta, digest=digest,
            site=site, term=month, events=events, number=number, count=count,
        )  # fmt: skip

    for key, month in digest.months.items():
        chunks = site.listings[key].further_pages()
        for number, events in enumerate(chunks, start=1):
            view = (key, number, len(chunks), views.events(events)) if views else None
            plans.append(
                Planned(
                    month_more_page(key, number),
                    shows("month_more.md.j2", lambda view=view: view),
                    functools.partial(make, month, number, len(chunks), events),
                )
            )
    return plans


def index_pages(
    digest: Digest, renderer: Renderer, site: SiteFacts, newest_first: bool
) -> list[Page]:
    """The home page, the index of each section and the chronology."""
    common = {"digest": digest, "site": site}
    text = renderer.text

    def index(template: str, path: str, title: str, description: str, **extra: Any) -> Page:
        meta = {"title": title, "description": description, "search": {"exclude": True}}
        return renderer.render(template, path, meta, **common, **extra)

    pages = [
        renderer.render(
            "overview.md.j2",
            "index.md",
            # No title: the browser tab of the home page shows the site's name alone, not
            # "<title> - <site name>", the same words twice. Its tag says what it is in
            # search results.
            {"description": _first_line(digest.intro), "tags": [text("search_kind", "overview")]},
            **common,
            story=story_so_far(digest),
        ),
        index(
            "actors_index.md.j2",
            "actors/index.md",
            text("actors_title"),
            text("actors_description"),
        ),
        index(
            "months_index.md.j2",
            "months/index.md",
            text("months_title"),
            text("months_description"),
        ),
        index(
            "articles_index.md.j2",
            "articles/index.md",
            text("articles_title"),
            text("articles_description"),
            limit=ARTICLES_INDEX_LIMIT,
        ),
        index(
            "sources.md.j2",
            "sources/index.md",
            text("sources_title"),
            text("sources_description"),
        ),
    ]
    groups = chronology_groups(digest.events, newest_first=newest_first)
    split = site.chronology_years is not None
    background = aside(digest.background, site.prominence)
    expected = aside(digest.expected, site.prominence)
    pages.append(
        index(
            "chronology.md.j2",
            "chronology/index.md",
            text("chronology_title"),
            text("chronology_description"),
            groups=[] if split else groups,
            years=[(year, sum(len(events) for _, events in months)) for year, months in groups],
            background=[] if split else background,
            expected=[] if split else expected,
            split=split,
            newest_first=newest_first,
        )
    )
    if not split:
        return pages
    for year, months in groups:
        pages.append(
            index(
                "chronology_year.md.j2",
                f"chronology/{year}.md",
                text("chronology_title", year),
                text("chronology_description", year),
                groups=[(year, months)],
                year=year,
                # A year denser than a whole short chronology shows each month's key
                # dates and most reported events, and links to the month page for the rest.
                brief=sum(len(events) for _, events in months) > CHRONOLOGY_SPLIT,
                in_brief=lambda month: in_brief(site.listings[month.key].shown, site.prominence),
            )
        )
    for kind, events in (("background", background), ("expected", expected)):
        if events:
            pages.append(
                index(
                    f"chronology_{kind}.md.j2",
                    f"chronology/{kind}.md",
                    text(f"{kind}_title"),
                    text(f"{kind}_description"),
                    events=events,
                    total=len(digest.background if kind == "background" else digest.expected),
                )
            )
    return pages


def _first_line(markdown: str) -> str:
    """The first paragraph of prose in a Markdown text, for a meta description."""
    for block in markdown.split("\n\n"):
        text = " ".join(block.split())
        if text and not text.startswith(("#", "!!!", "<", "---")):
            return summary(text)
    return ""


def _actor_meta(actor: ActorEntry, text: Callable[..., str]) -> dict[str, Any]:
    description = summary(actor.actor.description) or text(
        "actor_description", actor.name, actor.actor.kind
    )
    return {"title": actor.name, "description": description, "search": {"boost": 4}}


def _month_meta(month: Month, text: Callable[..., str]) -> dict[str, Any]:
    description = text("month_description", month.name, len(month.events), len(month.articles))
    return {"title": month.name, "description": description, "search": {"boost": 3}}


def _article_meta(entry: ArticleEntry) -> dict[str, Any]:
    article = entry.article
    description = article.summary or (article.paragraphs[0] if article.paragraphs else "")
    return {"title": article.title, "description": summary(description)}


def chronology_groups(events: list[Event], newest_first: bool = False):
    """Events grouped by year, then by month (None for events known only to the year)."""
    years: dict[str, dict[str | None, list[Event]]] = {}
    for event in events:
        years.setdefault(event.year, {}).setdefault(event.month, []).append(event)
    out = []
    for year in sorted(years, reverse=newest_first):
        months = years[year]
        keys = sorted(months, key=lambda k: k or "9999", reverse=newest_first)
        out.append(
            (year, [(key, months[key][::-1] if newest_first else months[key]) for key in keys])
        )
    return out
