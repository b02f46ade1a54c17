"""Evidence: what each dated sentence of the corpus is worth, read with the whole corpus.

One article cannot know that its sentence is a sidebar its outlet prints on fifty pages,
or that its year-less "October 7" is the October 7, 2023 that other articles name. Here
every dated sentence is read once, with the corpus: the day it is filed under (corrected
by the year the corpus gives it), its class (``extract.eventhood``: happened, expected,
background, furniture, uncertain) and its weight as a source. Events, key dates and the
story's span all read these same readings, so the chronology, the months and the key
dates agree.
"""

from __future__ import annotations

import functools
import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta

from generator.extract.eventhood import DatedSentence, Kind, kind_of
from generator.model.corpus_dates import StatedYears
from generator.model.entries import ArticleEntry
from generator.text.sentences import SENTENCE_MEMO, is_transcript

# Repeated on this many pages of one outlet, a sentence is the site's furniture (a sidebar,
# a promotion), not the article's. Calibrated on timeline17-dev: sidebars stand on 5 to 52
# pages of a site; paragraphs an outlet recycles in follow-ups of its own story, on 2 to 4.
FURNITURE_PAGES = 5
# The story's span starts at this quantile of publication dates (a stray old page does not
# stretch it); the story's own days start LEAD_DAYS before that (what led to the first
# reports), but not before the year it starts in (its chronology has a page per year of
# the span, no more). Earlier days are background. Set by reading, not tuned: on timeline17-dev they
# only order background days after story days and have no effect on the scores.
SPAN_QUANTILE = 0.01
LEAD_DAYS = 31

_NORMAL = re.compile(r"\W+")


# Pure: a sentence read again (every rebuild of `mkdocs serve` reads the whole corpus) is
# answered from memory.
@functools.lru_cache(maxsize=SENTENCE_MEMO)
def normal_form(sentence: str) -> str:
    """The sentence as compared for verbatim repetition: case and punctuation aside."""
    return _NORMAL.sub(" ", sentence.lower()).strip()


@dataclass(frozen=True)
class Repetition:
    """How many pages of each outlet carry each sentence, word for word."""

    pages: dict[tuple[str, str], int]

    @classmethod
    def of(cls, items: Iterable[tuple[str, str, str]]) -> Repetition:
        """From (outlet, page id, sentence) triples."""
        seen: dict[tuple[str, str], set[str]] = defaultdict(set)
        for outlet, page, sentence in items:
            seen[(outlet, normal_form(sentence))].add(page)
        return cls({key: len(pages) for key, pages in seen.items() if len(pages) > 1})

    def count(self, outlet: str, sentence: str) -> int:
        """Pages of the outlet carrying the sentence (1 when it is this page's own)."""
        return self.pages.get((outlet, normal_form(sentence)), 1)

    def weight(self, outlet: str, sentence: str) -> float:
        """A sentence's worth as a source: its pages together count once, and a
        sidebar's not at all."""
        n = self.count(outlet, sentence)
        return 0.0 if n >= FURNITURE_PAGES else 1.0 / n


@dataclass(frozen=True)
class Reading:
    """One dated sentence of one article, as the corpus reads it."""

    value: str  # the day (or month, year) it is filed under, corrected by the corpus
    kind: Kind
    weight: float  # 0 for a sidebar; 1/n for a sentence its outlet repeats on n pages
    spoken: bool = False  # in a broadcast transcript's talk: evidence, never shown

    @property
    def counts(self) -> bool:
        """Whether it is evidence at all: never page furniture, a sidebar, or a day
        counted from a guessed publication date."""
        return self.kind not in ("furniture", "uncertain") and self.weight > 0.0

    @property
    def listed(self) -> bool:
        """Whether it may be shown (as an event, in a summary): evidence, and not talk."""
        return self.counts and not self.spoken


def read_evidence(entries: list[ArticleEntry]) -> list[tuple[Reading, ...]]:
    """The readings of every entry's dated sentences, entry by entry, in their order."""
    repetition = Repetition.of(
        (entry.outlet, entry.slug, mention.sentence)
        for entry in entries
        for mention in entry.facts.events
    )
    stated = StatedYears.of(
        (entry.slug, mention.date_text, mention.value, mention.sentence)
        for entry in entries
        for mention in entry.facts.events
    )
    return [entry_readings(entry, repetition, stated) for entry in entries]


def entry_readings(
    entry: ArticleEntry, repetition: Repetition, stated: StatedYears
) -> tuple[Reading, ...]:
    """One entry's readings: its own sentences, with what the corpus says of them."""
    published = entry.article.published.date() if entry.article.published else None
    exact = entry.article.date_confidence != "low"
    paragraphs = entry.article.paragraphs
    readings = []
    for mention in entry.facts.events:
        value = mention.value
        if mention.basis == "publication":  # the year came from the article's date
            value = stated.corrected(mention.date_text, value, mention.sentence)
        kind = kind_of(
            DatedSentence(
                mention.sentence, mention.date_text, value, published,
                mention.background, exact,
            )
        )  # fmt: skip
        paragraph = paragraphs[mention.paragraph] if mention.paragraph < len(paragraphs) else ""
        weight = repetition.weight(entry.outlet, mention.sentence)
        readings.append(Reading(value, kind, weight, is_transcript(paragraph)))
    return tuple(readings)


# -- the story's span -----------------------------------------------------------------------


@dataclass(frozen=True)
class Span:
    """Where the story's publication dates lie: from a low quantile to the newest."""

    start: str  # YYYY-MM-DD
    end: str

    @functools.cached_property
    def story_start(self) -> str:
        """The first day of the story's own time (earlier is background)."""
        lead = (date.fromisoformat(self.start) - timedelta(days=LEAD_DAYS)).isoformat()
        return max(lead, f"{self.start[:4]}-01-01")

    def before(self, value: str) -> bool:
        """A day, month or year wholly before the story's own time."""
        return value < self.story_start[: len(value)]

    def after(self, value: str) -> bool:
        """A day, month or year wholly after the newest article."""
        return value > self.end[: len(value)]

    @property
    def years(self) -> list[str]:
        return [str(y) for y in range(int(self.story_start[:4]), int(self.end[:4]) + 1)]


def story_span(published: Iterable[date]) -> Span | None:
    days = sorted(published)
    if not days:
        return None
    start = days[min(len(days) - 1, int(len(days) * SPAN_QUANTILE))]
    return Span(start.isoformat(), days[-1].isoformat())
