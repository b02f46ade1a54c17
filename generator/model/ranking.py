"""What matters most: how central each actor is, and which events a month is about."""

from __future__ import annotations

from generator.model.digest import Digest
from generator.model.entries import Event, Month

# Events in a month's "In brief".
IN_BRIEF = 5


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
    """The month's most important events, shown in date order."""
    ranked = sorted(events, key=lambda e: (-importance(e, centrality), e.sort_key))[:n]
    return sorted(ranked, key=lambda e: e.sort_key)


def story_so_far(
    digest: Digest, centrality: dict[str, float], months: int = 3, per_month: int = 3
) -> list[tuple[Month, list[Event]]]:
    """The latest months with events, newest first, each with its most important events."""
    with_events = [m for m in digest.months.values() if m.events][-months:]
    return [(m, in_brief(m.events, centrality, per_month)) for m in reversed(with_events)]
