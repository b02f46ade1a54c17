"""What matters most: how central each actor is, and which events and key dates a page
leads with, so that long months stay readable and no event is told twice on a page."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from generator.model.digest import Digest
from generator.model.entries import Event, Month
from generator.model.events import SIMILAR_WORDS, report_words, word_share
from generator.model.key_dates import KeyDate

# Events in a month's "In brief" (the chronology's year pages).
IN_BRIEF = 5
# Key dates the home page's "story so far" shows.
STORY_SO_FAR = 6
# Events a month page lists after its key dates; the rest go to further pages of
# MORE_PAGE_EVENTS each. Sized so a month page stays well under 300 KB of HTML with
# every event citing up to eight sources (measured: about 1 KB an event line).
MONTH_EVENTS = 40
MORE_PAGE_EVENTS = 150


def prominence(digest: Digest) -> dict[str, float]:
    """How central each actor is to the story, 0..1: its share of the most-covered actor."""
    counts = {actor_id: len(entry.articles) for actor_id, entry in digest.actors.items()}
    top = max(counts.values(), default=0) or 1
    return {actor_id: n / top for actor_id, n in counts.items()}


def importance(event: Event, centrality: dict[str, float]) -> float:
    """Rank for "In brief": how many sources report it, then how central its actors are."""
    actors = sorted((centrality.get(a, 0.0) for a in event.actor_ids), reverse=True)
    return len(event.sources) + sum(actors[:3]) / 3 - (0.5 if event.background else 0.0)


def in_brief(events: list[Event], centrality: dict[str, float], n: int = IN_BRIEF) -> list[Event]:
    """The most important events, shown in date order."""
    ranked = sorted(events, key=lambda e: (-importance(e, centrality), e.sort_key))[:n]
    return sorted(ranked, key=lambda e: e.sort_key)


def story_so_far(digest: Digest, n: int = STORY_SO_FAR) -> list[KeyDate]:
    """The most important key dates where the story's articles were published, by date:
    not what a sentence says will happen, nor history from years before. Spread over the
    span: a date within a third of its share of the span (span / n) of one already chosen
    stands aside, so a week of bursts does not fill the list."""
    span = digest.span
    if span is None:
        return []
    inside = [d for d in digest.key_dates if span.start <= d.date[:10] <= span.end]
    length = (date.fromisoformat(span.end) - date.fromisoformat(span.start)).days
    gap = length // (3 * n)
    chosen: list[KeyDate] = []
    for key_date in sorted(inside, key=lambda d: d.rank):
        day = _day(key_date.date)
        if all(abs((day - _day(other.date)).days) > gap for other in chosen):
            chosen.append(key_date)
        if len(chosen) == n:
            break
    return sorted(chosen, key=lambda d: d.date)


def _day(value: str) -> date:
    """The day of a key date (a month's: its first)."""
    return date.fromisoformat(value if len(value) == 10 else f"{value[:7]}-01")


def told_by(event: Event, key_date: KeyDate) -> bool:
    """Whether the key date already tells the event: a report of its day that is one of
    the key date's sentences, or says much the same."""
    if event.value != key_date.date:
        return False
    if any(source.sentence in key_date.summary for source in event.sources):
        return True
    words = report_words(event.text)
    return any(word_share(words, report_words(s)) >= SIMILAR_WORDS for s in key_date.summary)


@dataclass(frozen=True)
class Listing:
    """What a month shows: its key dates, then its other events, the most important
    ``shown`` first (in date order), the ``rest`` a click away (in date order)."""

    key_dates: list[KeyDate]
    shown: list[Event]
    rest: list[Event]

    @property
    def others(self) -> int:
        return len(self.shown) + len(self.rest)

    def further_pages(self) -> list[list[Event]]:
        """The rest, MORE_PAGE_EVENTS a page."""
        size = MORE_PAGE_EVENTS
        return [self.rest[i : i + size] for i in range(0, len(self.rest), size)]


def month_listing(
    month: Month, centrality: dict[str, float], n: int = MONTH_EVENTS
) -> Listing:
    """The month's key dates, then its other events (none a key date already tells)."""
    others = [e for e in month.events if not any(told_by(e, d) for d in month.key_dates)]
    shown = in_brief(others, centrality, n) if len(others) > n else others
    chosen = {id(e) for e in shown}
    return Listing(month.key_dates, shown, [e for e in others if id(e) not in chosen])
