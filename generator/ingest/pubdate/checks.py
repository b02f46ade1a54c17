"""Checks of a candidate date against the article's own text.

An article cannot describe events after its own publication date, dates written without
a year are recent ones, and a weekday the text names ("said on Tuesday") agrees with the
day it was written: each check adds to or takes from a candidate's score.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass, replace
from datetime import date, timedelta
from functools import lru_cache

from generator.ingest.pubdate.candidates import Candidate
from generator.ingest.pubdate.written import DateHit, find_dates
from generator.ingest.words import folded

_WEEKDAYS = {name.lower(): i for i, name in enumerate(calendar.day_name)}
# A date this long after the latest recent event the text mentions is suspect (a site's
# "today" or a scrape date); doubled for a month mention ("in January").
_SUSPECT_AFTER = timedelta(days=60)
# A weekday named as a time reference in prose: "said on Tuesday", "Saturday's strike".
_PROSE_WEEKDAY = re.compile(r"\b(monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b", re.I)
# A date the sentence looks ahead to: "will leave office on January 20", "before January 20".
_FUTURE_VERB = re.compile(
    r"\b(?:will|shall|won't|(?:is|are) (?:due|set|expected|scheduled) to|"
    r"scheduled for|planned for|plans? to|upcoming|to be held)\b|'ll\b",
    re.I,
)
# Guards: a (case-folded) text without any of these words has no match of the pattern above.
_FUTURE_VERB_WORDS = (
    "will", "shall", "won't", "due to", "set to", "expected to", "scheduled to",
    "scheduled for", "planned for", "plan", "upcoming", "to be held", "'ll",
)  # fmt: skip
_FUTURE_BEFORE = re.compile(
    r"\b(?:before|by|until|till|ahead of|next|deadline|starting|from|no later than)\s+(?:\w+\s+)?$",
    re.I,
)
_FUTURE_BEFORE_WORDS = (
    "before", "by", "until", "till", "ahead of", "next", "deadline", "starting", "from",
    "no later than",
)  # fmt: skip


# The weekday names in a case-folded copy of the text: a case-sensitive pattern that starts
# with a letter, which the engine scans far faster than _PROSE_WEEKDAY (case-insensitive,
# starting with \b); _PROSE_WEEKDAY then decides at each place found.
_WEEKDAY_NAME = re.compile(r"(?:mon|tues|wednes|thurs|fri|satur|sun)day")


def weekdays_named(text: str) -> set[int]:
    """Weekdays the prose names ("said on Tuesday"), Monday = 0."""
    low = folded(text)
    if len(low) != len(text):  # pragma: no cover - a character lowering to several
        return {_WEEKDAYS[m.group(1).lower()] for m in _PROSE_WEEKDAY.finditer(text)}
    match = _PROSE_WEEKDAY.match
    return {
        _WEEKDAYS[m.group(1).lower()]
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


# A sentence ends at . ! ? before a capital, unless the period ends "Oct." or "U.S.".
# The pattern starts at the mark (the engine skips to the next one); the word before it is
# read back from the mark (same breaks as r"(\w*)[.!?]..." found word by word).
_SENTENCE_BREAK = re.compile(r"[.!?][\"”’)]*\s+(?=[A-Z\"“‘(])")
_ABBREVIATIONS = frozenset(
    re.findall(r"\w+", "jan feb mar apr jun jul aug sep sept oct nov dec mr mrs ms dr st no gen")
    + ["col", "lt", "sgt", "gov", "sen", "rep", "prof", "jr", "sr", "vs"]
)
_LONGEST_ABBREVIATION = max(map(len, _ABBREVIATIONS))


def _sentence_starts(body: str) -> list[int]:
    starts = [0]
    for m in _SENTENCE_BREAK.finditer(body):
        mark = m.start()
        # The word characters (re's \w: alphanumerics and "_") before the mark, as far
        # back as an abbreviation reaches; a longer word is none.
        k = mark
        while k > 0 and mark - k <= _LONGEST_ABBREVIATION:
            ch = body[k - 1]
            if not (ch.isalnum() or ch == "_"):
                break
            k -= 1
        word = body[k:mark]
        if len(word) == 1 and word.isupper() or word.lower() in _ABBREVIATIONS:
            continue
        starts.append(m.end())
    return starts


@lru_cache(maxsize=64)
def _dated_mentions(body: str) -> tuple[tuple[DateHit, bool], ...]:
    """Each date the body mentions, with whether its sentence looks ahead to it."""
    starts = _sentence_starts(body) + [len(body)]
    hits = find_dates(body)
    # "Oct. 7" in a text that also says "Oct. 7, 2023" is that day again, not this year's.
    years = {(h.month, h.day): h.year for h in hits if h.year and h.day}
    out = []
    k = 0
    # One verdict per sentence: a long sentence with many dates stays linear.
    future_sentence: dict[int, bool] = {}
    for hit in hits:
        if hit.year is None and (hit.month, hit.day) in years:
            hit = replace(hit, year=years[(hit.month, hit.day)])
        while k + 1 < len(starts) and starts[k + 1] <= hit.start:
            k += 1
        if k not in future_sentence:
            sentence = body[starts[k] : starts[k + 1] if k + 1 < len(starts) else len(body)]
            low = folded(sentence)
            future_sentence[k] = any(w in low for w in _FUTURE_VERB_WORDS) and bool(
                _FUTURE_VERB.search(sentence)
            )
        before = body[max(starts[k], hit.start - 30) : hit.start]
        future = future_sentence[k]
        if not future:
            low = folded(before)
            future = any(w in low for w in _FUTURE_BEFORE_WORDS) and bool(
                _FUTURE_BEFORE.search(before)
            )
        out.append((hit, future))
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
        notes.append(f"the text names its weekday ({calendar.day_name[day.weekday()]})")
    return delta, suspect, weekday, notes


def latest_recent_event(body: str, anchor: date) -> _Event | None:
    """The latest event dated without a year, not after ``anchor``, that the text reports."""
    past = [
        e
        for e in events(body, anchor)
        if not e.future and not e.explicit_year and e.first <= anchor
    ]
    return max(past, key=lambda e: e.last) if past else None
