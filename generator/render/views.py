"""What a page shows, as plain data that compares by value: under ``mkdocs serve`` a page
whose view equals the one it had at the last build is not rendered again.

A view holds everything the page's built-in template and the helpers it calls read: the
page's own term (an actor, a month, an article) in full, and of every other thing it
lists or links (an article in a list, an event's sources, an actor's name) what a list
or a link shows of it. Every view also holds the site's shared facts (``Shared``: which
months and actor pages exist, the chronology's years, the renderer's settings) and the
source of every template the page is made from (``Renderer.sources``), so a changed
template renders again exactly the pages made from it.

An editor's template can read anything through ``digest`` or walk from its term to any
other part of the model: a page made from one is given the fingerprint of every input
of the site (``whole``), so it is rendered again after any change. What the views leave
out is what no page shows; ``tests/render/test_selection.py`` renders sites both ways
and compares them.
"""

from __future__ import annotations

from collections.abc import Hashable
from dataclasses import dataclass
from typing import Any

from generator.model import ActorEntry, ArticleEntry, Digest, Event, Month
from generator.model.key_dates import KeyDate


@dataclass(frozen=True)
class Shared:
    """What every page may read of the site besides its own term."""

    title: str
    months: tuple[str, ...]  # the months that have a page (month links)
    actor_pages: tuple[str, ...]  # the actors that have a page (actor links)
    actor_names: tuple[tuple[str, str], ...]  # every actor's id and name (linked or not)
    chronology_years: tuple[str, ...] | None  # the chronology's year pages, when split
    settings: tuple[Any, ...]  # the renderer's: URLs, fragments, links, full text


class Views:
    """The views of one digest's pages; an event or article is viewed once per build."""

    def __init__(
        self,
        digest: Digest,
        by_slug: dict[str, ArticleEntry],
        settings: tuple[Any, ...],
        years: list[str] | None,
    ) -> None:
        self.by_slug = by_slug
        self.shared = Shared(
            title=digest.title,
            months=tuple(digest.months),
            actor_pages=tuple(a for a, entry in digest.actors.items() if entry.articles),
            actor_names=tuple((a, entry.name) for a, entry in digest.actors.items()),
            chronology_years=tuple(years) if years is not None else None,
            settings=settings,
        )
        self._events: dict[int, tuple] = {}
        self._cards: dict[int, tuple] = {}

    def card(self, entry: ArticleEntry | None) -> tuple:
        """What a list or a link shows of an article (never its body)."""
        if entry is None:
            return ()
        found = self._cards.get(id(entry))
        if found is None:
            article = entry.article
            found = self._cards[id(entry)] = (
                entry.slug, article.title, entry.outlet, article.author, article.url,
                article.published, article.date_confidence, article.summary, entry.month,
                entry.date, tuple(article.paragraphs[:1]), tuple(entry.actor_ids),
            )  # fmt: skip
        return found

    @staticmethod
    def link(entry: ArticleEntry) -> tuple:
        """What an event line shows of a source article (``helpers.event_line``): a link
        to its page with its title, its outlet, and its date (an expected event's)."""
        return (entry.slug, entry.article.title, entry.outlet, entry.article.published)

    def event(self, event: Event) -> tuple:
        """An event as an event line shows it: date, text, actors and every source (an
        article's page lists its own events, and the count of their sources)."""
        found = self._events.get(id(event))
        if found is None:
            sources = tuple(
                (self.link(s.article), s.sentence, s.date_text, s.text, s.actor_ids)
                for s in event.sources
            )
            found = self._events[id(event)] = (
                event.value, event.modifier, event.text, tuple(event.actor_ids), event.background,
                event.expected, sources,
            )  # fmt: skip
        return found

    def events(self, events: list[Event]) -> tuple:
        return tuple(self.event(e) for e in events)

    def key_date(self, key_date: KeyDate) -> tuple:
        """A key date, with the articles its line links (looked up by slug, as it is)."""
        return (key_date, tuple(self.card(self.by_slug.get(s.slug)) for s in key_date.sources))

    def key_dates(self, key_dates: list[KeyDate]) -> tuple:
        return tuple(self.key_date(d) for d in key_dates)

    def actor(self, term: ActorEntry, quotes: list) -> Hashable:
        return (
            term.actor,
            tuple(self.card(a) for a in term.articles),
            self.events(term.events),
            tuple(term.co_actors.items()),
            tuple(term.months.items()),
            term.mentions,
            tuple((q.text, q.sentence, self.card(q.article)) for q in quotes),
        )

    def month(self, term: Month, listing: Any) -> Hashable:
        return (
            term.key, term.previous, term.next,
            self.events(term.events),
            self.key_dates(term.key_dates),
            tuple(self.card(a) for a in term.articles),
            tuple(term.actors.items()),
            self.key_dates(listing.key_dates),
            self.events(listing.shown),
            self.events(listing.rest),
        )  # fmt: skip

    def article(self, term: ArticleEntry) -> Hashable:
        return (term.slug, term.article, term.facts, self.card(term), self.events(term.events))
