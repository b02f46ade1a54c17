"""Checks of a candidate date against the article's own text.

An article cannot describe events after its own publication date, dates written without
a year are recent ones, and a weekday the text names ("said on Tuesday") agrees with the
day it was written: each check adds to or takes from a candidate's score.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import date, timedelta
from functools import lru_cache

from generator.ingest.pubdate.candidates import Candidate
from generator.ingest.pubdate.written import DateHit, find_dates
from generator.ingest.words import folded
from generator.text.calendar import WEEKDAY_NAMES, WEEKDAYS
from generator.text.tense import TenseIndex

# A date this long after the latest recent event the text mentions is suspect (a site's
# "today" or a scrape date); doubled for a month mention ("in January").
_SUSPECT_AFTER = timedelta(days=60)
# A weekday named as a time reference in prose: "said on Tuesday", "Saturday's strike".
_PROSE_WEEKDAY = re.compile(rf"\b({'|'.join(WEEKDAYS)})\b", re.I)
# The weekday names in a case-folded copy of the text: a case-sensitive pattern that starts
# with a letter, which the engine scans far faster than _PROSE_WEEKDAY (case-insensitive,
# starting with \b); _PROSE_WEEKDAY then decides at each place found.
_WEEKDAY_NAME = re.compile(r"(?:mon|tues|wednes|thurs|fri|satur|sun)day")


def weekdays_named(text: str) -> set[int]:
    """Weekdays the prose names ("said on Tuesday"), Monday = 0."""
    low = folded(text)
    if len(low) != len(text):  # pragma: no cover - a character lowering to several
        return {WEEKDAYS[m.group(1).lower()] for m in _PROSE_WEEKDAY.finditer(text)}
    match = _PROSE_WEEKDAY.match
    return {
        WEEKDAYS[m.group(1).lower()]
        for name in _WEEKDAY_NAME.finditer(low)
        if (m := match(text, name.start()))
    }


@dataclass(frozen=True)
class _Event:
    first: date
    last: date
    text: str
    explicit_year: bool
    future: bool


@lru_cache(maxsize=64)
def _dated_mentions(body: str) -> tuple[tuple[DateHit, bool], ...]:
    """Each date the body mentions, with whether its sentence looks ahead to it (the
    shared tense rule: the marker nearest the date in its sentence, "will", "is due to"...)."""
    hits = find_dates(body)
    # "Oct. 7" in a text that also says "Oct. 7, 2023" is that day again, not this year's.
    years = {(h.month, h.day): h.year for h in hits if h.year and h.day}
    tenses = TenseIndex(body)
    out = []
    for hit in hits:
        if hit.year is None and (hit.month, hit.day) in years:
            hit = replace(hit, year=years[(hit.month, hit.day)])
        out.append((hit, tenses.tense_at(hit.start, hit.end) == "future"))
    return tuple(out)


def events(body: str, anchor: date) -> list[_Event]:
    """The events ``body`` dates, each resolved to days with ``anchor`` as the writing day."""
    out = []
    for hit, future in _dated_mentions(body):
        span = hit.resolve(anchor, future=future)
        if span and hit.text[:5].lower() == "since":
            span = (span[0], max(span[1], anchor))  # "since January": up to now
        if span:
            out.append(_Event(span[0], span[1], hit.text, hit.year is not None, future))
    return out


def check_against_text(c: Candidate, body: str, named: set[int], memo: dict | None = None) -> None:
    """Score ``c`` by the text: later events, a long gap after recent ones, its weekday.

    ``memo`` keeps what the text says of each day for the other candidates naming it.
    """
    day = c.value.date()
    found = memo.get((day, c.granularity)) if memo is not None else None
    if found is None:
        found = _text_says(day, c.granularity, body, named)
        if memo is not None:
            memo[day, c.granularity] = found
    delta, suspect, weekday, notes = found
    c.score += delta
    c.suspect = c.suspect or suspect
    c.weekday_named = c.weekday_named or weekday
    c.notes.extend(notes)


def _text_says(
    day: date, granularity: str, body: str, named: set[int]
) -> tuple[float, bool, bool, list[str]]:
    """(score change, suspect, weekday named, notes) for a candidate naming ``day``."""
    delta, suspect, weekday, notes = 0.0, False, False, []
    found = events(body, day)
    later = [
        e for e in found if e.explicit_year and not e.future and e.first > day + timedelta(days=1)
    ]
    if later:
        delta -= min(8.0, 4.0 * len(later))
        suspect = True
        notes.append(
            "the text describes later events: " + ", ".join(repr(e.text) for e in later[:3])
        )
    # Dates written without a year are recent ones (a writer gives the year of older
    # events): a candidate long after the latest of them is suspect. Dates with a year
    # may be background ("the law, passed in March 2022") and prove nothing here.
    latest = latest_recent_event(body, day)
    if latest is not None:
        gap = day - latest.last
        # "in January" is looser than "on March 5": a month mention allows a longer gap.
        allowed = _SUSPECT_AFTER if latest.first == latest.last else 2 * _SUSPECT_AFTER
        if gap > allowed:
            delta -= 3
            suspect = True
            notes.append(
                f"{gap.days} days after the latest event the text mentions "
                f"({latest.text!r}, {latest.last:%Y-%m-%d})"
            )
    if granularity == "day" and day.weekday() in named:
        delta += 1
        weekday = True
        notes.append(f"the text names its weekday ({WEEKDAY_NAMES[day.weekday()]})")
    return delta, suspect, weekday, notes


def latest_recent_event(body: str, anchor: date) -> _Event | None:
    """The latest event dated without a year, not after ``anchor``, that the text reports."""
    past = [
        e
        for e in events(body, anchor)
        if not e.future and not e.explicit_year and e.first <= anchor
    ]
    return max(past, key=lambda e: e.last) if past else None
