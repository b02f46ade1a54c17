"""The whole digest as one read-only context, built before anything is rendered.

Everything here is ordered deterministically, so the same corpus read in any order
gives the same site.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field

from generator.extract import ArticleFacts
from generator.extract.actors import Registry
from generator.ingest import Article
from generator.model.entries import (
    ActorEntry,
    ArticleEntry,
    Event,
    Month,
    OutletEntry,
    Said,
)
from generator.model.events import merge_events
from generator.model.evidence import Span, read_evidence, story_span
from generator.model.key_dates import Evidence, KeyDate, KeyDateMemo, gather, site_key_dates
from generator.model.slugs import slugify, unique_slugs


@dataclass
class Digest:
    title: str
    intro: str
    registry: Registry
    articles: list[ArticleEntry]
    events: list[Event]
    actors: dict[str, ActorEntry]
    months: dict[str, Month]
    outlets: list[OutletEntry]
    # Where the story's articles were published (None without dated articles).
    span: Span | None = None
    # The story's key dates inside its span, by date (model.key_dates).
    key_dates: list[KeyDate] = field(default_factory=list)
    # Events before the story's own time, and forecasts (never listed as happened).
    background: list[Event] = field(default_factory=list)
    expected: list[Event] = field(default_factory=list)
    evidence: Evidence = field(default_factory=lambda: Evidence((), (), {}))

    @property
    def undated(self) -> list[ArticleEntry]:
        return [a for a in self.articles if a.article.published is None]

    def actors_by_prominence(self) -> list[ActorEntry]:
        return sorted(
            (a for a in self.actors.values() if a.articles),
            key=lambda a: (-len(a.articles), -a.mentions, a.name),
        )


def build_digest(
    articles: list[Article],
    facts: list[ArticleFacts],
    registry: Registry,
    title: str,
    intro: str,
) -> Digest:
    """The digest of the articles, each with its facts (the two lists in the same order)."""
    entries = _article_entries(articles, facts)
    for entry, readings in zip(entries, read_evidence(entries), strict=True):
        entry.readings = readings
    evidence = gather(entries)
    return assemble(entries, evidence, merge_events(entries, evidence.idf), registry, title, intro)


def assemble(
    entries: list[ArticleEntry],
    evidence: Evidence,
    events: list[Event],
    registry: Registry,
    title: str,
    intro: str,
    memo: KeyDateMemo | None = None,
) -> Digest:
    """The digest of entries (read, newest first), their evidence and merged events: a
    fresh build and an update of the model (model.incremental) both end here."""
    span = story_span(d for d in evidence.published if d is not None)
    story, background, expected, placed = _placed(events, span)
    actors = {actor.id: ActorEntry(actor) for actor in registry}
    months: dict[str, Month] = {}

    def month(key: str) -> Month:
        found = months.get(key)  # not setdefault: a Month made at every call costs O(corpus)
        if found is None:
            found = months[key] = Month(key)
        return found

    # Counted into plain lists, made Counters once at the end (the same keys in the same
    # order: a Counter.update per actor per article was most of this loop's time).
    co_actors: dict[str, list[str]] = defaultdict(list)
    actor_months: dict[str, list[str]] = defaultdict(list)
    month_actors: dict[str, list[str]] = defaultdict(list)
    for entry in entries:
        counts = entry.mention_counts
        for actor_id, n in counts.items():
            actor = actors[actor_id]
            actor.articles.append(entry)
            actor.mentions += n
            co_actors[actor_id] += [other for other in counts if other != actor_id]
            if entry.month:
                actor_months[actor_id].append(entry.month)
        for quote in entry.facts.quotes:
            actors[quote.actor_id].quotes.append(Said(quote, entry))
        if entry.month:
            month(entry.month).articles.append(entry)
            month_actors[entry.month] += counts
    # Story and background in the events' own order, by date already (``listed_events``):
    # events of one sort key share one day, so one place, and need no sort again.
    for event in placed:
        for actor_id in event.actor_ids:
            actors[actor_id].events.append(event)
        for source in event.sources:
            if not source.article.events or source.article.events[-1] is not event:
                source.article.events.append(event)
    for event in story:
        if event.month:
            month(event.month).events.append(event)
            month_actors[event.month] += event.actor_ids
    for actor_id, others in co_actors.items():
        actors[actor_id].co_actors = Counter(others)
    for actor_id, keys in actor_months.items():
        actors[actor_id].months = Counter(keys)
    for key, ids in month_actors.items():
        months[key].actors = Counter(ids)
    keys = sorted(months)
    neighbours = zip([None, *keys[:-1]], keys, [*keys[1:], None], strict=True) if keys else ()
    for before, key, after in neighbours:
        months[key].previous, months[key].next = before, after

    outlets: dict[str, OutletEntry] = {}
    for entry in entries:
        outlets.setdefault(
            entry.outlet,
            OutletEntry(entry.outlet, slugify(entry.outlet, fallback="outlet-not-known")),
        ).articles.append(entry)
    digest = Digest(
        title=title,
        intro=intro,
        registry=registry,
        articles=entries,
        events=story,
        actors=actors,
        months={k: months[k] for k in keys},
        outlets=sorted(outlets.values(), key=lambda o: o.name.lower()),
        span=span,
        background=background,
        expected=expected,
        evidence=evidence,
    )
    digest.key_dates = site_key_dates(digest, memo)
    for key_date in digest.key_dates:
        if key_date.month in digest.months:
            digest.months[key_date.month].key_dates.append(key_date)
    return digest


def _placed(
    events: list[Event], span: Span | None
) -> tuple[list[Event], list[Event], list[Event], list[Event]]:
    """The story's own events, the background before it, the forecasts, and story and
    background together in the events' order. A date after the newest article (from an
    undated page) is no report any dated article confirms: expected too."""
    story: list[Event] = []
    background: list[Event] = []
    expected: list[Event] = []
    placed: list[Event] = []
    where: dict[str, list[Event]] = {}  # a day's place, found once for all its events
    for event in events:
        value = event.value
        if value not in where:
            where[value] = (
                expected if span is not None and span.after(value)
                else background if span is not None and span.before(value)
                else story
            )  # fmt: skip
        place = expected if event.expected else where[value]
        place.append(event)
        if place is not expected:
            placed.append(event)
    return story, background, expected, placed


def _article_entries(articles: list[Article], facts: list[ArticleFacts]) -> list[ArticleEntry]:
    """Articles newest first, each with a slug unique across the corpus."""
    wanted = [(a.source, a.id or slugify(a.title, fallback="article")) for a in articles]
    slugs = unique_slugs(wanted)
    entries = [ArticleEntry(slugs[a.source], a, f) for a, f in zip(articles, facts, strict=True)]
    entries.sort(key=lambda e: (e.article.published is None, _negated(e), e.slug))
    return entries


def _negated(entry: ArticleEntry) -> tuple[int, int]:
    """Newest first; ordinals, not timestamps, so year 1 or 9999 sorts without error."""
    published = entry.article.published
    if not published:
        return (0, 0)
    seconds = published.hour * 3600 + published.minute * 60 + published.second
    return (-published.toordinal(), -seconds)
