"""The things a digest is made of: articles, actors, months, outlets and events.

Built once by ``generator.model`` and read by every page; nothing changes them after.
"""

from __future__ import annotations

import functools
from collections import Counter
from dataclasses import dataclass, field

from generator.extract import ArticleFacts
from generator.extract.actors import Actor
from generator.extract.dates import Modifier, display_date, granularity, sort_key
from generator.extract.quotes import Quote
from generator.ingest import Article


@dataclass
class Source:
    """One article's report of an event: the sentence it came from, and where."""

    article: ArticleEntry
    sentence: str
    date_text: str
    text: str = ""  # the sentence as an event shows it (extract.events.event_text)
    actor_ids: tuple[str, ...] = ()  # the actors named in ``text``


@dataclass
class Event:
    value: str
    modifier: Modifier | None
    text: str
    actor_ids: list[str]
    sources: list[Source]
    # A day referred to by the happening it names ("the October 7, 2023 attack"), which
    # no article reports directly: its text is that name.
    background: bool = False
    # A forecast, plan, deadline or schedule: listed only as expected, never as happened.
    expected: bool = False

    @property
    def display_date(self) -> str:
        return display_date(self.value, self.modifier)

    @property
    def sort_key(self) -> tuple:
        return (*self._date_key, self.text)

    # The day and its modifier never change once an event is made (its text may: the
    # incremental model chooses it again), so what depends on them alone is kept.
    @functools.cached_property
    def _date_key(self) -> tuple:
        return sort_key(self.value, self.modifier)

    @functools.cached_property
    def month(self) -> str | None:
        return self.value[:7] if granularity(self.value) != "year" else None

    @property
    def year(self) -> str:
        return self.value[:4]

    @property
    def outlets(self) -> list[str]:
        return sorted({s.article.outlet for s in self.sources})


@dataclass
class ArticleEntry:
    slug: str
    article: Article
    facts: ArticleFacts
    events: list[Event] = field(default_factory=list)  # what it reports, as listed
    # How the corpus reads each of ``facts.events`` (model.evidence.Reading), in order.
    readings: tuple = ()

    @property
    def title(self) -> str:
        return self.article.title

    @property
    def outlet(self) -> str:
        return self.article.outlet or ""  # templates say when it is not known

    # Read on every page that lists the article: computed once (the article is not changed
    # once the digest is built).
    @functools.cached_property
    def month(self) -> str | None:
        published = self.article.published
        return f"{published:%Y-%m}" if published else None

    @functools.cached_property
    def date(self) -> str:
        published = self.article.published
        return display_date(f"{published:%Y-%m-%d}") if published else ""

    @functools.cached_property
    def actor_ids(self) -> list[str]:
        return self.facts.actor_ids

    @functools.cached_property
    def mention_counts(self) -> dict[str, int]:
        """Mentions per actor (kept: the incremental model keeps unchanged entries)."""
        return self.facts.mention_counts()


@dataclass(frozen=True)
class Said:
    """A direct quote of an actor, with the article that reports it."""

    quote: Quote
    article: ArticleEntry


@dataclass
class ActorEntry:
    actor: Actor
    articles: list[ArticleEntry] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    co_actors: Counter[str] = field(default_factory=Counter)
    months: Counter[str] = field(default_factory=Counter)
    mentions: int = 0
    quotes: list[Said] = field(default_factory=list)

    @property
    def id(self) -> str:
        return self.actor.id

    @property
    def name(self) -> str:
        return self.actor.name


@dataclass
class Month:
    key: str  # YYYY-MM
    events: list[Event] = field(default_factory=list)
    key_dates: list = field(default_factory=list)  # model.key_dates.KeyDate, by date
    articles: list[ArticleEntry] = field(default_factory=list)
    actors: Counter[str] = field(default_factory=Counter)
    previous: str | None = None
    next: str | None = None

    @property
    def name(self) -> str:
        return display_date(self.key)


@dataclass
class OutletEntry:
    name: str
    slug: str
    articles: list[ArticleEntry] = field(default_factory=list)

    @property
    def first(self) -> str | None:
        months = sorted(a.month for a in self.articles if a.month)
        return months[0] if months else None

    @property
    def last(self) -> str | None:
        months = sorted(a.month for a in self.articles if a.month)
        return months[-1] if months else None
