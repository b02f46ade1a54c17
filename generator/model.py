"""Model: the whole digest as one read-only context, built before anything is rendered.

Everything here is ordered deterministically, so the same corpus read in any order
gives the same site.
"""

from __future__ import annotations

import re
from collections import Counter
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

    @property
    def month(self) -> str | None:
        published = self.article.published
        return f"{published:%Y-%m}" if published else None

    @property
    def date(self) -> str:
        published = self.article.published
        return display_date(f"{published:%Y-%m-%d}") if published else "Undated"

    @property
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


def _same_happening(mention: EventMention, event: Event) -> bool:
    # A background date ("since October 7, 2023") refers to whatever happened that day.
    if mention.background or event.background:
        return True
    shared = set(mention.actor_ids) & set(event.actor_ids)
    if mention.actor_ids and event.actor_ids and not shared:
        return False
    words_a, words_b = _words(mention.sentence), _words(event.sources[0].sentence)
    if not words_a or not words_b:
        return False
    return len(words_a & words_b) / len(words_a | words_b) >= SIMILAR_WORDS


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
    by_date: dict[tuple[str, str | None], list[Event]] = {}
    for entry in sorted(entries, key=lambda e: e.slug):
        for mention in entry.facts.events:
            bucket = by_date.setdefault((mention.value, mention.modifier), [])
            source = Source(entry, mention.sentence, mention.date_text)
            match = next((ev for ev in bucket if _same_happening(mention, ev)), None)
            if match is None:
                text = _background_text(mention) if mention.background else mention.text
                match = Event(mention.value, mention.modifier, text, [], [], mention.background)
                bucket.append(match)
            elif match.background and not mention.background:
                # What happened that day, as some article reports it, replaces the mere reference.
                match.background, match.text = False, mention.text
            elif match.background and mention.named and not match.text.startswith("The "):
                match.text = mention.named
            if all(s.article is not entry for s in match.sources):
                match.sources.append(source)
                entry.events.append(match)
            match.actor_ids = sorted(set(match.actor_ids) | set(mention.actor_ids))
    events = [event for bucket in by_date.values() for event in bucket]
    events.sort(key=lambda e: e.sort_key)
    for entry in entries:
        entry.events.sort(key=lambda e: e.sort_key)
    return events
