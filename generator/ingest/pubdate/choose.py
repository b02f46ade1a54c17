"""The publication date of a page: every candidate weighed, the winner checked against the text.

A scraped page carries many dates: the site's "today" in its header, an aggregator's
own date above the story, a byline date, "Updated" stamps, a timestamp at the foot,
and the dates of the events the text describes. Readers give each candidate a *kind*
(where on the page it stands); :func:`choose_date` scores them and checks the winner
against the text: an article cannot describe events after its own publication date,
and a date far after every event it mentions is suspect.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from typing import Literal

from generator.ingest.pubdate.candidates import KIND_WEIGHT, Candidate
from generator.ingest.pubdate.checks import (
    check_against_text,
    latest_recent_event,
    weekdays_named,
)

Confidence = Literal["high", "low", "none"]
# Kinds that state the publication date first-hand: when two of them name different days
# the page contradicts itself, whatever their weights, and the choice is not sure.
_FIRST_HAND = frozenset(("metadata", "published", "byline"))
# Kinds sure enough alone: a line labelled "Published" and a byline's date. Any other
# winner (a markup date, a header's or a footer's) is sure only when a second source
# names the same day (calibrated on the pubdates set: a markup date alone was wrong on
# one page in eleven, seconded by another source on one in seventy).
_SURE_ALONE = frozenset(("published", "byline"))


# Each further source that names the winning day adds this much to the day's weight, up
# to the cap: agreeing sources outvote a single heavier one (a byline, the URL and
# htmldate's markup date against one <meta> tag).
_SECOND_SOURCE = 1.0
# The text's dates are read from its first this many characters: the events an article
# reports first (tuned on the pubdates set's half A: a long text's later dates, often
# background or other stories', misled more than they helped, and cost time).
_CHECKED_CHARS = 3000
_SOURCES_CAP = 2.0


@dataclass
class DateVerdict:
    published: datetime | None
    confidence: Confidence
    evidence: list[str]


@dataclass
class _Day:
    """A day some candidates name, and the weight of their vote for it."""

    day: date
    members: list[Candidate] = field(default_factory=list)

    @property
    def sources(self) -> set[str]:
        """The kinds of place that name this day: the markup, a byline, a footer..."""
        return {c.kind for c in self.members if c.kind != "updated"}

    @property
    def witnesses(self) -> int:
        """Independent sources for this day: its kinds of place, and the text's weekday."""
        return len(self.sources) + any(c.weekday_named for c in self.members)

    @property
    def best(self) -> Candidate:
        """The heaviest member, one that names this very day first (not a UTC instant)."""
        return max(self.members, key=lambda c: (c.score, c.value.date() == self.day))

    @property
    def score(self) -> float:
        bonus = min(_SOURCES_CAP, _SECOND_SOURCE * (len(self.sources) - 1))
        return self.best.score + max(0.0, bonus)

    @property
    def first_hand(self) -> bool:
        return any(c.kind in _FIRST_HAND and not c.suspect for c in self.members)


def choose_date(candidates: list[Candidate], body: str) -> DateVerdict:
    """Weigh the candidates, check them against ``body`` and say how sure the winner is."""
    if not candidates:
        return DateVerdict(None, "none", ["no date anywhere on the page"])
    body = body[:_CHECKED_CHARS]
    _score(candidates, body)
    days = _vote(candidates)
    winner = days[0]
    best = winner.best
    evidence = [f"chosen: {best.describe()}"]
    evidence += [f"seconded: {c.describe()}" for c in winner.members if c is not best]
    for day in days[1:]:
        evidence += [f"passed over: {c.describe()}" for c in day.members]
    confidence: Confidence = "high"
    # The winning day's time where its best witness gives one on that day.
    published = (
        best.value if best.value.date() == winner.day else datetime(*winner.day.timetuple()[:3])
    )
    rivals = [
        d
        for d in days[1:]
        if d.best.granularity == "day"
        and not all(c.suspect for c in d.members)
        and (winner.score - d.score < 1.0 or (best.kind in _FIRST_HAND and d.first_hand))
    ]
    if best.granularity != "day" or best.kind == "text":
        confidence = "low"
    if best.kind not in _SURE_ALONE and winner.witnesses < 2:
        confidence = "low"
        evidence.append(f"no second source names {best.value:%Y-%m-%d}")
    if rivals:
        confidence = "low"
        evidence.append(
            "conflict: "
            + ", ".join(f"{d.day:%Y-%m-%d} ({d.best.kind})" for d in rivals)
            + " weigh almost as much"
        )
    if best.suspect:
        confidence = "low"
        latest = latest_recent_event(body, best.value.date())
        if best.kind in ("header", "text") and latest is not None:
            published = datetime.combine(latest.first, datetime.min.time())
            evidence.append(
                f"estimate: the {best.kind} date looks like the site's own (a 'today' or "
                f"scrape date); the article is dated no earlier than its latest event, "
                f"{latest.text!r} -> {latest.first:%Y-%m-%d}"
            )
    return DateVerdict(published, confidence, evidence)


def _score(candidates: list[Candidate], body: str) -> None:
    """Each candidate's weight: where it stands, how precise it is, what the text says."""
    named = weekdays_named(body)
    checked: dict = {}  # what the text says of each day, for candidates naming the same one
    header = [c for c in candidates if c.kind == "header"]
    nearest_header = max(header, key=lambda c: c.line_no or 0) if len(header) > 1 else None
    for c in candidates:
        c.score = KIND_WEIGHT.get(c.kind, 1.0)
        if c.granularity != "day":
            c.score -= 2
            c.notes.append(f"only the {c.granularity} is given")
        if c.value.hour or c.value.minute:
            c.score += 0.5
        if c is nearest_header:
            c.score += 1
            c.notes.append("the header date nearest the title")
        check_against_text(c, body, named, checked)


def _vote(candidates: list[Candidate]) -> list[_Day]:
    """The days the candidates name, the heaviest first (page order breaks ties).

    An instant written in UTC names a day only in UTC: where another source names the
    day before or after it (the site's local day), it votes for that day, and so do the
    markup dates without a time that name its UTC day (read from that same instant).
    """
    utc_days = {c.value.date() for c in candidates if c.utc}

    def derived(c: Candidate) -> bool:
        timeless = not (c.value.hour or c.value.minute)
        return c.kind == "metadata" and not c.utc and timeless and c.value.date() in utc_days

    local = {
        c.value.date()
        for c in candidates
        if not c.utc and not derived(c) and c.kind in _FIRST_HAND and c.granularity == "day"
    }
    moved: dict[date, date] = {}
    for day in utc_days - local:
        near = [d for d in (day - timedelta(days=1), day + timedelta(days=1)) if d in local]
        if len(near) == 1:
            moved[day] = near[0]
    days: dict[date, _Day] = {}
    for c in candidates:
        day = c.value.date()
        if (c.utc or derived(c)) and day in moved:
            c.notes.append(
                f"read from a UTC instant; the page's local day is {moved[day]:%Y-%m-%d}"
            )
            day = moved[day]
        days.setdefault(day, _Day(day)).members.append(c)
    return sorted(days.values(), key=lambda d: -d.score)
