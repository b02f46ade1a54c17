"""Model: the whole digest as one read-only context, built before anything is rendered.

Everything here is ordered deterministically, so the same corpus read in any order
gives the same site.
"""

from __future__ import annotations

import functools
import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field

from generator.actors import Actor, Registry
from generator.dates import Modifier, display_date, granularity, sort_key
from generator.extract import ArticleFacts, EventMention
from generator.ingest import Article
from generator.quotes import Quote
from generator.slugs import slugify, unique_slugs

_WORD = re.compile(r"[a-z0-9]+")
_STOPWORDS = frozenset(
    [
        "the",
        "a",
        "an",
        "of",
        "to",
        "in",
        "on",
        "at",
        "for",
        "and",
        "or",
        "by",
        "with",
        "from",
        "that",
        "this",
        "was",
        "were",
        "is",
        "are",
        "has",
        "have",
        "had",
        "be",
        "been",
        "as",
        "it",
        "its",
        "his",
        "her",
        "their",
        "they",
        "he",
        "she",
        "said",
        "after",
        "before",
        "during",
        "which",
        "who",
    ]
)
SIMILAR_WORDS = 0.3


@dataclass
class Source:
    """One article's report of an event: the sentence it came from, and where."""

    article: ArticleEntry
    sentence: str
    date_text: str


@dataclass
class Event:
    value: str
    modifier: Modifier | None
    text: str
    actor_ids: list[str]
    sources: list[Source]
    background: bool = False

    @property
    def display_date(self) -> str:
        return display_date(self.value, self.modifier)

    @property
    def sort_key(self) -> tuple:
        return (*sort_key(self.value, self.modifier), self.text)

    @property
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
    events: list[Event] = field(default_factory=list)

    @property
    def title(self) -> str:
        return self.article.title

    @property
    def outlet(self) -> str:
        return self.article.outlet or "Unknown outlet"

    # Read on every page that lists the article: computed once (the article is not changed
    # once the digest is built).
    @functools.cached_property
    def month(self) -> str | None:
        published = self.article.published
        return f"{published:%Y-%m}" if published else None

    @functools.cached_property
    def date(self) -> str:
        published = self.article.published
        return display_date(f"{published:%Y-%m-%d}") if published else "Undated"

    @functools.cached_property
    def actor_ids(self) -> list[str]:
        return self.facts.actor_ids


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

    @property
    def first_seen(self) -> str | None:
        months = sorted(self.months)
        return months[0] if months else None

    @property
    def last_seen(self) -> str | None:
        months = sorted(self.months)
        return months[-1] if months else None


@dataclass
class Month:
    key: str  # YYYY-MM
    events: list[Event] = field(default_factory=list)
    articles: list[ArticleEntry] = field(default_factory=list)
    actors: Counter[str] = field(default_factory=Counter)
    previous: str | None = None
    next: str | None = None

    @property
    def name(self) -> str:
        return display_date(self.key)


@dataclass
class Outlet:
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


@dataclass
class Digest:
    title: str
    intro: str
    registry: Registry
    articles: list[ArticleEntry]
    events: list[Event]
    actors: dict[str, ActorEntry]
    months: dict[str, Month]
    outlets: list[Outlet]

    @property
    def undated(self) -> list[ArticleEntry]:
        return [a for a in self.articles if a.article.published is None]

    def actors_by_prominence(self) -> list[ActorEntry]:
        return sorted(
            (a for a in self.actors.values() if a.articles),
            key=lambda a: (-len(a.articles), -a.mentions, a.name),
        )


def build_digest(facts: list[ArticleFacts], registry: Registry, title: str, intro: str) -> Digest:
    entries = _article_entries(facts)
    events = merge_events(entries)
    actors = {actor.id: ActorEntry(actor) for actor in registry}
    months: dict[str, Month] = {}

    def month(key: str) -> Month:
        return months.setdefault(key, Month(key))

    for entry in entries:
        counts = entry.facts.mention_counts()
        for actor_id, n in counts.items():
            actor = actors[actor_id]
            actor.articles.append(entry)
            actor.mentions += n
            actor.co_actors.update(other for other in counts if other != actor_id)
            if entry.month:
                actor.months[entry.month] += 1
        for quote in entry.facts.quotes:
            actors[quote.actor_id].quotes.append(Said(quote, entry))
        if entry.month:
            month(entry.month).articles.append(entry)
            month(entry.month).actors.update(counts.keys())
    for event in events:
        for actor_id in event.actor_ids:
            actors[actor_id].events.append(event)
        if event.month:
            month(event.month).events.append(event)
            month(event.month).actors.update(event.actor_ids)
            for actor_id in event.actor_ids:
                actors[actor_id].months[event.month] += (
                    0  # active that month, even if not reported then
                )
    keys = sorted(months)
    neighbours = zip([None, *keys[:-1]], keys, [*keys[1:], None], strict=True) if keys else ()
    for before, key, after in neighbours:
        months[key].previous, months[key].next = before, after

    outlets: dict[str, Outlet] = {}
    for entry in entries:
        outlets.setdefault(
            entry.outlet, Outlet(entry.outlet, slugify(entry.outlet))
        ).articles.append(entry)
    return Digest(
        title=title,
        intro=intro,
        registry=registry,
        articles=entries,
        events=events,
        actors=actors,
        months={k: months[k] for k in keys},
        outlets=sorted(outlets.values(), key=lambda o: o.name.lower()),
    )


def _article_entries(facts: list[ArticleFacts]) -> list[ArticleEntry]:
    """Articles newest first, each with a slug unique across the corpus."""
    wanted = [
        (f.article.source, f.article.id or slugify(f.article.title, fallback="article"))
        for f in facts
    ]
    slugs = unique_slugs(wanted)
    entries = [ArticleEntry(slugs[f.article.source], f.article, f) for f in facts]
    entries.sort(key=lambda e: (e.article.published is None, _negated(e), e.slug))
    return entries


def _negated(entry: ArticleEntry) -> tuple[int, int]:
    """Newest first; ordinals, not timestamps, so year 1 or 9999 sorts without error."""
    published = entry.article.published
    if not published:
        return (0, 0)
    seconds = published.hour * 3600 + published.minute * 60 + published.second
    return (-published.toordinal(), -seconds)


def _words(text: str) -> set[str]:
    return {w for w in _WORD.findall(text.lower()) if w not in _STOPWORDS}


def _similar(words: set[str], other: set[str]) -> bool:
    if not words or not other:
        return False
    return len(words & other) / len(words | other) >= SIMILAR_WORDS


class _Day:
    """The events of one date, indexed so that a new mention is compared only with the
    events it could be, in the order a scan of the whole day would meet them.

    A mention is the same happening as an event when either is a background date ("since
    October 7, 2023": whatever happened that day), or when they share an actor (or one has
    none) and enough words. A busy day has hundreds of events: comparing each mention with
    all of them was most of the model's time at 10,000 articles.
    """

    def __init__(self) -> None:
        self.events: list[Event] = []
        self.words: list[set[str]] = []  # of each event's first source's sentence
        self.cited_by: list[set[int]] = []  # ids of the entries citing each event
        self.by_actor: dict[str, set[int]] = {}
        self.without_actors: set[int] = set()
        self.background: set[int] = set()

    def find(self, mention: EventMention, words: set[str]) -> int | None:
        if not self.events:
            return None
        if mention.background:
            return 0
        stop = min(self.background, default=len(self.events))
        if mention.actor_ids:
            candidates = set(self.without_actors)
            for actor_id in mention.actor_ids:
                candidates |= self.by_actor.get(actor_id, set())
            order: Iterable[int] = sorted(i for i in candidates if i < stop)
        else:
            order = range(stop)
        found = next((i for i in order if _similar(words, self.words[i])), None)
        if found is None and stop < len(self.events):
            return stop  # the first background date of the day takes any mention
        return found

    def add(self, event: Event, words: set[str]) -> int:
        self.events.append(event)
        self.words.append(words)
        self.cited_by.append(set())
        index = len(self.events) - 1
        self.without_actors.add(index)
        if event.background:
            self.background.add(index)
        return index

    def update(self, index: int, actor_ids: Iterable[str]) -> None:
        """Re-index an event after a mention merged into it: its background flag may have
        dropped, and ``actor_ids`` are the actors it gained."""
        if index in self.background and not self.events[index].background:
            self.background.discard(index)
            actor_ids = self.events[index].actor_ids  # now a candidate by its actors
        for actor_id in actor_ids:
            self.without_actors.discard(index)
            self.by_actor.setdefault(actor_id, set()).add(index)


def _background_text(mention: EventMention) -> str:
    return (
        mention.named
        or f"Referred to in coverage as a starting point: “since {mention.date_text}”."
    )


def merge_events(entries: list[ArticleEntry]) -> list[Event]:
    """One event per happening, with every article that reports it as a source.

    Candidates are grouped by exact date and modifier, then merged when they share actors
    and enough words; background dates ("since October 7, 2023") merge into one entry.
    Articles are visited in slug order so the first source, whose wording is shown, is stable.
    """
    by_date: dict[tuple[str, str | None], _Day] = {}
    for entry in sorted(entries, key=lambda e: e.slug):
        for mention in entry.facts.events:
            day = by_date.get((mention.value, mention.modifier))
            if day is None:
                day = by_date[(mention.value, mention.modifier)] = _Day()
            source = Source(entry, mention.sentence, mention.date_text)
            words = _words(mention.sentence)
            index = day.find(mention, words)
            if index is None:
                text = _background_text(mention) if mention.background else mention.text
                match = Event(mention.value, mention.modifier, text, [], [], mention.background)
                index = day.add(match, words)
            else:
                match = day.events[index]
                if match.background and not mention.background:
                    # What happened that day, as an article reports it, replaces the reference.
                    match.background, match.text = False, mention.text
                elif match.background and mention.named and not match.text.startswith("The "):
                    match.text = mention.named
            if id(entry) not in day.cited_by[index]:
                day.cited_by[index].add(id(entry))
                match.sources.append(source)
                entry.events.append(match)
            gained = set(mention.actor_ids).difference(match.actor_ids)
            if gained:
                match.actor_ids = sorted(gained.union(match.actor_ids))
            day.update(index, gained)
    events = [event for day in by_date.values() for event in day.events]
    events.sort(key=lambda e: e.sort_key)
    for entry in entries:
        entry.events.sort(key=lambda e: e.sort_key)
    return events
