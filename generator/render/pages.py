"""Which pages the site has, and which template makes each: the Digest -> [Page].

Pages that repeat what other pages say (lists, the chronology, an actor's slice of
it) are kept out of the search index, so it grows with the corpus, not with the
number of places a sentence is shown; the pages of actors, months and articles carry a
lean entry of their own (``generator.render.search``).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, replace
from typing import Any

from generator.model import ActorEntry, ArticleEntry, Digest, Event, Month
from generator.model.ranking import in_brief, prominence, story_so_far
from generator.render.environment import Renderer
from generator.render.feeds import feed_pages
from generator.render.page import Page
from generator.render.search import (
    SearchEntry,
    actor_search_entry,
    article_search_entry,
    month_search_entry,
)
from generator.render.urls import page_path
from generator.text.sentences import summary

# Above this many events the chronology becomes one page per year.
CHRONOLOGY_SPLIT = 300
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
    return SiteFacts(
        prominence=prominence(digest), quotes=actor_quotes(digest), chronology_years=years
    )


def render_site(
    digest: Digest,
    renderer: Renderer,
    chronology_order: str = "oldest",
    site_url: str | None = None,
) -> list[Page]:
    """Every generated page of the site, its feeds and its stylesheet, in one order."""
    site = site_facts(digest)
    common = {"digest": digest, "site": site}
    text = renderer.text

    def brief(month: Month) -> list[Event]:
        return in_brief(month.events, site.prominence)

    return [
        *index_pages(digest, renderer, site, chronology_order == "newest"),
        *term_pages(
            renderer,
            "actor.md.j2",
            digest.actors_by_prominence(),
            lambda actor: _actor_meta(actor, text),
            lambda actor: actor_search_entry(actor, text, site.prominence.get(actor.id, 0.0)),
            **common,
        ),
        *term_pages(
            renderer,
            "month.md.j2",
            list(digest.months.values()),
            lambda month: _month_meta(month, text),
            lambda month: month_search_entry(month, text),
            **common,
            in_brief=brief,
        ),
        *term_pages(
            renderer,
            "article.md.j2",
            digest.articles,
            _article_meta,
            lambda entry: article_search_entry(entry, text, renderer.env.globals["full_text"]),
            **common,
        ),
        *feed_pages(digest, text, site_url, renderer.env.globals["directory_urls"]),
        Page(STYLESHEET_PATH, renderer.stylesheet()),
    ]


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
            story=story_so_far(digest, site.prominence),
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
    template = "chronology.md.j2" if site.chronology_years is None else "chronology_years.md.j2"
    pages.append(
        index(
            template,
            "chronology/index.md",
            text("chronology_title"),
            text("chronology_description"),
            groups=groups,
        )
    )
    if site.chronology_years is None:
        return pages
    for year, months in groups:
        pages.append(
            index(
                "chronology.md.j2",
                f"chronology/{year}.md",
                text("chronology_title", year),
                text("chronology_description", year),
                groups=[(year, months)],
                year=year,
                # A year denser than a whole short chronology shows each month's key
                # events and links to the month page for the rest.
                brief=sum(len(events) for _, events in months) > CHRONOLOGY_SPLIT,
                in_brief=lambda month: in_brief(month.events, site.prominence),
            )
        )
    return pages


def term_pages(
    renderer: Renderer,
    template: str,
    terms: Iterable[Any],
    meta: Callable[[Any], dict[str, Any]],
    search: Callable[[Any], SearchEntry],
    **context: Any,
) -> list[Page]:
    """One page per term (actor, month, article): the same routine for every grouping."""
    return [
        replace(
            renderer.render(template, page_path(term), meta(term), term=term, **context),
            search=search(term),
        )
        for term in terms
    ]


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
