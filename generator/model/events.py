"""Events: the dated sentences of every article, merged into one event per happening."""

from __future__ import annotations

import re
from collections.abc import Iterable

from generator.extract.events import EventMention
from generator.model.entries import ArticleEntry, Event, Source
from generator.text.words import STOPWORDS

_WORD = re.compile(r"[a-z0-9]+")
SIMILAR_WORDS = 0.3


def _words(text: str) -> set[str]:
    return {w for w in _WORD.findall(text.lower()) if w not in STOPWORDS}


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
