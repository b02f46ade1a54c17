"""Events: the dated sentences of every article, merged into one event per happening.

What may be listed is decided by the corpus's reading of each sentence
(``model.evidence``): never page furniture, a sidebar an outlet repeats on many pages, or
a day counted from a guessed publication date. Reports and forecasts are merged apart, so
a forecast never joins (or becomes) a report of what happened. A mere reference to a day
("since October 7") is no event; one that names its happening ("the October 7, 2023
attack") stands for its day only when no article reports what happened then.

Two reports of one day are the same happening when they name a common actor and share
SIMILAR_WORDS of their words, or, naming no common actor, SIMILAR_WORDS_ALONE (a weather
report and a revolution of the same day share a few words, not half). A merged event
shows its most central source sentence that stands alone, with the actors named in that
text only: the attack is not credited to the mediators a later report names beside it.
"""

from __future__ import annotations

import math
import operator
from collections.abc import Iterable

from generator.extract.events import EventMention
from generator.model.entries import ArticleEntry, Event, Source
from generator.model.evidence import Reading
from generator.model.summaries import most_central
from generator.text.sentences import stands_alone
from generator.text.words import content_words

# Shares of words (Jaccard) two reports of one day need to be one event: with an actor in
# common, and without. Set by reading merged events of the sample and timeline17-dev: at
# 0.3 without an actor, a weather forecast joined a revolution's day; at 0.5 the reports
# that join are retellings of one sentence.
SIMILAR_WORDS = 0.3
SIMILAR_WORDS_ALONE = 0.5


def report_words(sentence: str, date_text: str = "") -> frozenset[str]:
    """What a report is about: its words but function words and its own date (every
    report of the day shares those)."""
    return frozenset(content_words(sentence.replace(date_text, " ") if date_text else sentence))


def word_share(words: frozenset[str], other: frozenset[str]) -> float:
    if not words or not other:
        return 0.0
    return len(words & other) / len(words | other)


class _Day:
    """The events of one date (and kind), indexed so that a new report is compared only
    with the events it could join, in the order a scan of the whole day would meet them.

    A busy day has hundreds of events: comparing each report with all of them was most
    of the model's time at 10,000 articles. Candidates come from the actors a report
    names, and from its words: an event sharing half the words of a report holds at least
    one of any ``n - ceil(n / 2) + 1`` of them (prefix filtering; the rarest are tried).
    """

    def __init__(self, idf: dict[str, float]) -> None:
        self.idf = idf
        self.events: list[Event] = []
        self.words: list[frozenset[str]] = []  # of each event's first report
        self.cited_by: list[set[int]] = []  # ids of the entries citing each event
        self.reports: list[list[Source]] = []  # every report of each, one article's too
        self.by_actor: dict[str, set[int]] = {}
        self.by_word: dict[str, set[int]] = {}

    def find(self, actor_ids: Iterable[str], words: frozenset[str]) -> int | None:
        if not self.events or not words:
            return None
        with_actor: set[int] = set()
        for actor_id in actor_ids:
            with_actor |= self.by_actor.get(actor_id, set())
        needed = len(words) - math.ceil(SIMILAR_WORDS_ALONE * len(words)) + 1
        alike: set[int] = set()
        rarest = sorted(words, key=lambda w: (-self.idf.get(w, math.inf), w))
        for word in rarest[:needed]:
            alike |= self.by_word.get(word, set())
        for index in sorted(with_actor | alike):
            share = word_share(words, self.words[index])
            if share >= SIMILAR_WORDS_ALONE or (index in with_actor and share >= SIMILAR_WORDS):
                return index
        return None

    def add(self, event: Event, words: frozenset[str]) -> int:
        index = len(self.events)
        self.events.append(event)
        self.words.append(words)
        self.cited_by.append(set())
        self.reports.append([])
        for word in words:
            self.by_word.setdefault(word, set()).add(index)
        return index

    def cite(self, index: int, entry: ArticleEntry, source: Source, actors: Iterable[str]) -> None:
        """Add the entry's report to the event (a source once per article); index its actors."""
        for actor_id in actors:
            self.by_actor.setdefault(actor_id, set()).add(index)
        self.reports[index].append(source)
        if id(entry) not in self.cited_by[index]:
            self.cited_by[index].add(id(entry))
            self.events[index].sources.append(source)


# A day's reports are merged apart from every other day's: a date (and kind) of reports,
# or a name for a day ("named"). The incremental model (model.incremental) merges again
# only the days an edit touches.
DayKey = tuple  # ("day", value, modifier, expected) or ("named", value, modifier)
Report = tuple  # (entry, mention, reading)
Merged = list  # [(event, its reports)] of one day, in the order the day made them


def day_key(mention: EventMention, reading: Reading) -> DayKey | None:
    """The day a listed reading is merged in (None: not listed, or a mere reference)."""
    if not reading.listed:
        return None
    if reading.kind == "background":
        return ("named", reading.value, mention.modifier) if mention.named else None
    return ("day", reading.value, mention.modifier, reading.kind == "expected")


def day_reports(entries: list[ArticleEntry]) -> dict[DayKey, list[Report]]:
    """Each day's reports, articles in slug order (the result does not depend on reading
    order); days in the order that scan first meets them."""
    days: dict[DayKey, list[Report]] = {}
    for entry in sorted(entries, key=lambda e: e.slug):
        for mention, reading in zip(entry.facts.events, entry.readings, strict=True):
            key = day_key(mention, reading)
            if key is not None:
                days.setdefault(key, []).append((entry, mention, reading))
    return days


def merge_day(key: DayKey, reports: list[Report], idf: dict[str, float]) -> Merged:
    """One day's events, each with its reports, settled (text and actors chosen)."""
    day = _Day(idf)
    for entry, mention, reading in reports:
        if key[0] == "named":
            if not day.events:
                day.add(_event(reading.value, mention, background=True), frozenset())
            source = Source(entry, mention.sentence, mention.date_text, mention.named)
            day.cite(0, entry, source, ())
            continue
        words = report_words(mention.sentence, mention.date_text)
        index = day.find(mention.actor_ids, words)
        if index is None:
            index = day.add(_event(reading.value, mention, expected=key[3]), words)
        source = Source(
            entry, mention.sentence, mention.date_text, mention.text, mention.text_actor_ids
        )
        day.cite(index, entry, source, mention.actor_ids)
    merged = list(zip(day.events, day.reports, strict=True))
    settle_day(merged, idf)
    return merged


def settle_day(merged: Merged, idf: dict[str, float]) -> None:
    for event, reports in merged:
        _settle(event, reports, idf)


def listed_events(days: Iterable[tuple[DayKey, Merged]]) -> list[Event]:
    """The events of the merged days (given in the order a scan first met them), by date."""
    days = list(days)
    reported = {(key[1], key[2]) for key, _ in days if key[0] == "day" and not key[3]}
    found = [event for key, merged in days if key[0] == "day" for event, _ in merged]
    # A name for a day stands in only when no article reports what happened that day.
    found += [
        merged[0][0] for key, merged in days if key[0] == "named" and key[1:] not in reported
    ]  # fmt: skip
    # An event is told by a sentence a reader understands alone ("But he added that ..."
    # is not); a name for a day ("The October 7, 2023 attack.") is one.
    events = [e for e in found if e.background or stands_alone(e.text)]
    events.sort(key=_SORT_KEY)
    return events


_SORT_KEY = operator.attrgetter("sort_key")


def merge_events(entries: list[ArticleEntry], idf: dict[str, float]) -> list[Event]:
    """One event per happening (reports and forecasts apart), with every article that
    reports it as a source; each shows its best source's text and that text's actors."""
    days = day_reports(entries)
    return listed_events((key, merge_day(key, reports, idf)) for key, reports in days.items())


def _event(value: str, mention: EventMention, **kind: bool) -> Event:
    return Event(value, mention.modifier, "", [], [], **kind)


def _settle(event: Event, reports: list[Source], idf: dict[str, float]) -> None:
    """Sources oldest first; the text and actors of the report that best says it."""
    event.sources.sort(key=_source_order)
    reports = sorted(reports, key=_source_order)
    best = reports[most_central([s.text for s in reports], idf)]
    event.text = best.text
    event.actor_ids = sorted(best.actor_ids)


def _source_order(source: Source) -> tuple:
    published = source.article.article.published
    return (published is None, published.toordinal() if published else 0, source.article.slug)
