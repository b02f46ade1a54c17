"""Key dates: the days a journalist's timeline of the story would list, and what happened.

From the model's data (every article's dated sentences as the corpus reads them, its
publication date), as the date-selection literature does it (Tran et al. 2013; Ghalandari
& Ifrim 2020; La Quatra et al. 2021; notes in docs/key-dates.md):

1. Evidence (``model.evidence``). Each dated sentence is judged by ``eventhood``
   (happened, expected, background, furniture, uncertain); a sentence repeated word for
   word on several pages of one outlet counts once, a sidebar not at all.
2. Ranking. A day's evidence is the number of distinct articles that date a sentence to
   it (its mentions; one written after the day's news counts twice: the day lasted) and
   the number of articles published on it and the day after (its burst: news of a day is
   published that day or the next); the score is
   log(1 + mentions) + log(1 + burst), so a day needs both kinds of evidence to lead and
   neither count's scale swamps the other. A day no article written on or after it
   mentions (a forecast that nothing confirms) is no key date; a day before the story's
   own time is background and ranks after the story's own days.
3. Summary (``model.summaries``). For each key date, the sentences that report it (and
   the date-free leads of the articles published that day) are weighed by how many of
   the day's articles use their words, per word spent; the best that stands alone first,
   then a second one if it adds enough new words; a short headline from the first; the
   actors named in those sentences only; every source.

Everything is a pure function of the digest, ordered deterministically.
"""

from __future__ import annotations

import functools
import math
from bisect import bisect_left, bisect_right
from collections import defaultdict
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Protocol

from generator.extract.eventhood import Kind, is_furniture
from generator.extract.events import without_dateline
from generator.model.entries import ArticleEntry
from generator.model.evidence import Span
from generator.model.summaries import Candidate, choose_summary, headline, inverse_frequencies
from generator.text.sentences import glued_entries, is_transcript, split_sentences
from generator.text.words import content_words

# -- tunable constants (calibration notes in docs/key-dates.md) -----------------------------

# News of a day is published that day or within this many days after: those articles
# make its burst and lend their leads to its summary (news-tls uses the same one day).
NEWS_LAG_DAYS = 1
# A mention written after the day's news (more than NEWS_LAG_DAYS after it) counts this
# many times (Tran et al. 2013: references from later articles mark lasting days). On
# timeline17-dev 1/1.5/2/3 give mean Date-F1 0.771/0.777/0.783/0.793; leave-one-story-out
# folds chose 3 four times, 2 once (held out 0.782). Kept at 2: at 3 IraqWar's AR1-F falls
# to 0.049, too near its publication-count baseline (0.047); at 2 no story loses.
LATER_MENTION_WEIGHT = 2.0
# Leads per article considered for a key date's summary (1/3/5 gave AR1-F 0.120/0.140/
# 0.142 on timeline17-dev; leave-one-story-out folds split 3 and 5: kept at 3).
LEAD_SENTENCES = 3
# The site lists about one key date per ARTICLES_PER_KEY_DATE dated articles, within
# SITE_KEY_DATES: a timeline read in one sitting, not a calendar. A reading choice (a
# screen holds about ten dated lines), not tuned on the scores, which rank every date.
ARTICLES_PER_KEY_DATE = 10
SITE_KEY_DATES = (10, 50)


# -- what the timeline holds --------------------------------------------------------------


@dataclass(frozen=True)
class KeySource:
    """An article that reports a key date (or lent its lead to its summary)."""

    title: str
    outlet: str
    published: str | None  # YYYY-MM-DD
    url: str | None
    page: str  # articles/<slug>/
    slug: str


@dataclass(frozen=True)
class KeyDate:
    date: str  # YYYY-MM-DD, or YYYY-MM when only the month is known
    rank: int
    headline: str
    summary: tuple[str, ...]
    actors: tuple[str, ...]
    sources: tuple[KeySource, ...]
    score: float
    # The actors named in each summary sentence, for a page that shows only the first.
    sentence_actors: tuple[tuple[str, ...], ...] = ()

    @property
    def month(self) -> str:
        return self.date[:7]


@dataclass(frozen=True)
class Timeline:
    title: str
    span: Span | None
    dates: tuple[KeyDate, ...]


# -- evidence -------------------------------------------------------------------------------


@dataclass(frozen=True)
class Sighting:
    """One article's sentence dated to one day (or month), as the corpus reads it."""

    value: str
    kind: Kind
    weight: float  # its worth as a source: a sentence its outlet repeats counts once
    sentence: str  # as the article wrote it, without the dateline that may open it
    article: int  # index in digest.articles
    actor_ids: tuple[str, ...]
    shown: bool  # may be shown in a summary (not a transcript's talk)


@dataclass(frozen=True)
class Evidence:
    """What the ranking reads, gathered once per digest."""

    sightings: tuple[Sighting, ...]
    published: tuple[date | None, ...]  # per article, in the digest's order
    idf: dict[str, float]  # over every dated sentence worth anything


def gather(entries: list[ArticleEntry]) -> Evidence:
    """Every dated sentence worth anything as evidence (never furniture, a sidebar, or a
    day counted from a guessed publication date), with the articles' days."""
    found = tuple(s for index, entry in enumerate(entries) for s in entry_sightings(entry, index))
    published = tuple(
        entry.article.published.date() if entry.article.published else None for entry in entries
    )
    return Evidence(found, published, inverse_frequencies(s.sentence for s in found))


def entry_sightings(entry: ArticleEntry, index: int) -> tuple[Sighting, ...]:
    """The entry's dated sentences worth anything as evidence (it is ``index`` in the digest)."""
    return tuple(
        Sighting(reading.value, reading.kind, reading.weight, without_dateline(mention.sentence),
                 index, mention.actor_ids, reading.listed)
        for mention, reading in zip(entry.facts.events, entry.readings, strict=True)
        if reading.counts
    )  # fmt: skip


class Digest(Protocol):
    """What key dates read of a ``model.Digest`` (which holds them: it cannot be imported
    here without a cycle)."""

    title: str
    articles: list[ArticleEntry]
    span: Span | None
    evidence: Evidence


# -- ranking --------------------------------------------------------------------------------


@dataclass(frozen=True)
class DayEvidence:
    mentions: float  # distinct articles dating a sentence to the day, weighted (later x2)
    burst: int  # articles published on the day and the NEWS_LAG_DAYS after it
    confirmed: bool  # some article written on or after the day mentions it

    @property
    def score(self) -> float:
        return math.log1p(self.mentions) + math.log1p(self.burst)


def day_evidence(
    found: tuple[Sighting, ...] | list[Sighting], published: tuple[date | None, ...] | list
) -> dict[str, DayEvidence]:
    """Per day: its mentions (forecasts are not evidence: on timeline17-dev counting them
    at half weight cost 0.008 mean Date-F1, at full weight 0.014), burst and confirmation."""
    per_article: dict[tuple[str, int], float] = {}
    for s in found:
        if len(s.value) != 10 or s.kind == "expected":
            continue
        key = (s.value, s.article)
        per_article[key] = max(per_article.get(key, 0.0), s.weight)
    mentions: dict[str, float] = defaultdict(float)
    for (value, article), weight in per_article.items():
        mentions[value] += weight * _lasting(value, published[article])
    days = sorted(d for d in published if d is not None)
    out: dict[str, DayEvidence] = {}
    for value in sorted(set(mentions) | {d.isoformat() for d in days}):
        day = date.fromisoformat(value)
        burst = bisect_right(days, day + timedelta(days=NEWS_LAG_DAYS)) - bisect_left(days, day)
        published_that_day = bisect_right(days, day) > bisect_left(days, day)
        # A report of it (never written before the day: that would be a forecast) or an
        # article of that day makes the day one the story reached.
        out[value] = DayEvidence(
            mentions.get(value, 0.0), burst, value in mentions or published_that_day
        )
    return out


@functools.lru_cache(maxsize=65536)  # every day's evidence is counted at every serve rebuild
def _lasting(value: str, published: date | None) -> float:
    """A mention's worth by when it was written: an article written after the day's news
    (more than NEWS_LAG_DAYS after it) that still refers to the day says it mattered."""
    if published is None or published <= date.fromisoformat(value) + timedelta(days=NEWS_LAG_DAYS):
        return 1.0
    return LATER_MENTION_WEIGHT


def ranked_days(evidence: dict[str, DayEvidence], span: Span | None) -> list[str]:
    """Confirmed days, most evidence first; background days after the story's."""
    days = [value for value, ev in evidence.items() if ev.confirmed]
    early = span.before if span is not None else (lambda value: False)
    return sorted(days, key=lambda v: (early(v), -evidence[v].score, v))


# -- summaries ------------------------------------------------------------------------------


def _leads(entry: ArticleEntry, index: int) -> list[Candidate]:
    """The article's first sentences that carry no date of their own."""
    dated = {m.sentence for m in entry.facts.events}
    out: list[Candidate] = []
    for p, paragraph in enumerate(entry.article.paragraphs):
        if is_transcript(paragraph):
            continue
        for offset, sentence in split_sentences(paragraph):
            text = sentence.strip()
            if text in dated or is_furniture(text):
                continue
            text = without_dateline(text)
            end = offset + len(sentence)
            mentions = entry.facts.mentions[p] if p < len(entry.facts.mentions) else []
            actors = tuple(
                sorted({m.actor_id for m in mentions if offset <= m.start < end and m.text in text})
            )
            out.append(Candidate(text, index, actors))
            if len(out) == LEAD_SENTENCES:
                return out
    return out


def _entry_of(sentence: str, value: str) -> str:
    """The part of a sentence that tells the day: a timeline page's entries glued into one
    sentence by the scraper are cut apart, and the day's is kept (the text before the first
    date heading when no heading names the day)."""
    entries = glued_entries(sentence)
    if len(entries) == 1:
        return sentence
    day = (int(value[5:7]), int(value[8:10]))
    return next((text for heading, text in entries if heading == day), entries[0][1])


def _named_in(text: str, seen: Sighting, entry: ArticleEntry) -> tuple[str, ...]:
    """The sentence's actors that the text (the sentence, or the entry cut from it) names."""
    if text == seen.sentence or not seen.actor_ids:
        return seen.actor_ids
    names = {(m.actor_id, m.text) for mentions in entry.facts.mentions for m in mentions}
    return tuple(a for a in seen.actor_ids if any(i == a and name in text for i, name in names))


# -- the timeline ---------------------------------------------------------------------------


def _source(entry: ArticleEntry) -> KeySource:
    published = entry.article.published
    return KeySource(
        title=entry.title,
        outlet=entry.outlet,
        published=f"{published:%Y-%m-%d}" if published else None,
        url=entry.article.url,
        page=f"articles/{entry.slug}/",
        slug=entry.slug,
    )


def _source_order(entry: ArticleEntry) -> tuple:
    published = entry.article.published
    return (published is None, f"{published:%Y-%m-%d}" if published else "", entry.slug)


def timeline(
    digest: Digest,
    k: int | None = None,
    between: tuple[str, str] | None = None,
    memo: KeyDateMemo | None = None,
) -> Timeline:
    """The story's key dates, most important first: the top ``k`` (all when None) of
    those between the two ISO dates given (inclusive)."""
    evidence = digest.evidence
    by_evidence = day_evidence(evidence.sightings, evidence.published)
    days = ranked_days(by_evidence, digest.span)
    if between is not None:
        low, high = between
        days = [d for d in days if low <= d[: len(low)] and d[: len(high)] <= high]
    by_day: dict[str, list[Sighting]] = defaultdict(list)
    for s in evidence.sightings:
        by_day[s.value].append(s)
    pub_day: dict[str, list[int]] = defaultdict(list)  # articles whose news may be the day's
    for index, day in enumerate(evidence.published):
        for lag in range(NEWS_LAG_DAYS + 1) if day is not None else ():
            pub_day[(day - timedelta(days=lag)).isoformat()].append(index)
    dates: list[KeyDate] = []
    told: set[str] = set()  # sentences a more important date's summary already holds
    for value in days:
        if k is not None and len(dates) >= k:
            break
        args = (value, len(dates) + 1, by_evidence[value], by_day[value], pub_day[value], told)
        item = memo.key_date(digest, *args) if memo is not None else _key_date(digest, *args)
        if item is not None:  # a day with nothing to say is no key date
            dates.append(item)
            # A lead serves the day it was published and the day before: the more
            # important of the two tells it, the other says something else.
            told.update(item.summary)
    if memo is not None:
        memo.done()
    return Timeline(digest.title, digest.span, tuple(dates))


def site_key_dates(digest: Digest, memo: KeyDateMemo | None = None) -> list[KeyDate]:
    """The key dates the site shows, by date: the best of the story's own time (``memo``:
    the key dates of the last build, under ``mkdocs serve``)."""
    span = digest.span
    if span is None:
        return []
    dated = sum(1 for day in digest.evidence.published if day is not None)
    low, high = SITE_KEY_DATES
    k = max(low, min(high, dated // ARTICLES_PER_KEY_DATE))
    found = timeline(digest, k=k, between=(span.story_start, span.end), memo=memo)
    return sorted(found.dates, key=lambda d: (d.date, d.rank))


def _candidates(
    digest: Digest,
    value: str,
    seen: list[Sighting],
    published_then: list[int],
    told: set[str] | frozenset[str],
) -> tuple[list[Candidate], list[Candidate]]:
    """The day's report sentences and the leads of the articles published then."""
    reports = [
        Candidate(text, s.article, _named_in(text, s, digest.articles[s.article]))
        for s in seen
        if s.kind in ("happened", "background") and s.shown
        and (text := _entry_of(s.sentence, value)) not in told
    ]  # fmt: skip
    leads = [
        c for index in published_then for c in _leads(digest.articles[index], index)
        if c.sentence not in told
    ]  # fmt: skip
    return reports, leads


def _key_date(
    digest: Digest,
    value: str,
    rank: int,
    evidence: DayEvidence,
    seen: list[Sighting],
    published_then: list[int],
    told: set[str] | frozenset[str] = frozenset(),
    candidates: tuple[list[Candidate], list[Candidate]] | None = None,
) -> KeyDate | None:
    reports, leads = candidates or _candidates(digest, value, seen, published_then, told)
    chosen = choose_summary(reports, leads, digest.evidence.idf)
    if not chosen:
        return None
    articles = {s.article for s in seen} | {c.article for c in chosen}
    entries = sorted((digest.articles[i] for i in articles), key=_source_order)
    actors = tuple(sorted({a for c in chosen for a in c.actor_ids}))
    summary = tuple(c.sentence for c in chosen)
    return KeyDate(
        date=value,
        rank=rank,
        headline=headline(summary[0]) if summary else "",
        summary=summary,
        actors=actors,
        sources=tuple(_source(entry) for entry in entries),
        score=round(evidence.score, 6),
        sentence_actors=tuple(c.actor_ids for c in chosen),
    )


class KeyDateMemo:
    """The key dates of the last build, each with everything it was made from, kept by
    ``mkdocs serve`` (``model.incremental``): a day whose sightings, articles (the same
    entries, at the same places), rank, evidence, sentences already told, and IDF of the
    words its candidates use are all unchanged is the same key date, not made again."""

    def __init__(self) -> None:
        self.last: dict[tuple, tuple[tuple, dict[str, float | None], KeyDate | None]] = {}
        self.used: dict[tuple, tuple[tuple, dict[str, float | None], KeyDate | None]] = {}
        self.made = 0  # key dates made afresh by the last timeline

    def key_date(
        self,
        digest: Digest,
        value: str,
        rank: int,
        evidence: DayEvidence,
        seen: list[Sighting],
        published_then: list[int],
        told: set[str],
    ) -> KeyDate | None:
        indices = sorted({s.article for s in seen} | set(published_then))
        entries = tuple(digest.articles[i] for i in indices)
        key = (value, rank, evidence, tuple(seen), tuple(published_then), frozenset(told),
               tuple(indices), tuple(map(id, entries)))  # fmt: skip
        found = self.last.get(key)
        idf = digest.evidence.idf
        if (
            found is not None
            and all(a is b for a, b in zip(found[0], entries, strict=True))
            and all(idf.get(w) == v for w, v in found[1].items())
        ):
            self.used[key] = found
            return found[2]
        candidates = _candidates(digest, value, seen, published_then, told)
        words = {w for c in [*candidates[0], *candidates[1]] for w in content_words(c.sentence)}
        item = _key_date(digest, value, rank, evidence, seen, published_then, told, candidates)
        self.used[key] = (entries, {w: idf.get(w) for w in words}, item)
        self.made += 1
        return item

    def done(self) -> None:
        """Keep what this build used, no more (memory follows the corpus)."""
        self.last, self.used = self.used, {}


# -- output formats -------------------------------------------------------------------------


def to_json(found: Timeline) -> dict:
    """The documented contract of `digest timeline --json` (docs/key-dates.md)."""
    return {
        "title": found.title,
        "span": {
            "from": found.span.start if found.span else None,
            "to": found.span.end if found.span else None,
        },
        "dates": [
            {
                "date": d.date,
                "rank": d.rank,
                "headline": d.headline,
                "summary": list(d.summary),
                "actors": list(d.actors),
                "sources": [
                    {
                        "title": s.title,
                        "outlet": s.outlet,
                        "published": s.published,
                        "url": s.url,
                        "page": s.page,
                    }
                    for s in d.sources
                ],
            }
            for d in found.dates
        ],
    }
