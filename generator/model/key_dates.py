"""Key dates: the days a journalist's timeline of the story would list, and what happened.

From the model's data (every article's dated sentences, its publication date), as the
date-selection literature does it (Tran et al. 2013; Ghalandari & Ifrim 2020; La Quatra
et al. 2021; notes in docs/key-dates.md):

1. Evidence. Each dated sentence is judged by ``eventhood`` (happened, expected,
   background, furniture); a sentence repeated word for word on several pages of one
   outlet counts once, a sidebar not at all.
2. Ranking. A day's evidence is the number of distinct articles that date a sentence to
   it (its mentions) and the number of articles published on it and the day after (its
   burst: news of a day is published that day or the next); the score is
   log(1 + mentions) + log(1 + burst), so a day needs both kinds of evidence to lead and
   neither count's scale swamps the other. A day no article written on or after it
   mentions (a forecast that nothing confirms) is no key date; a day long before the
   story's span is background and ranks after the story's own days.
3. Summary. For each key date, the sentences that report it (and the date-free leads of
   the articles published that day) are weighed by TF-IDF similarity to their centroid,
   the most central sentence that stands alone first, then a second one if it adds
   enough new words; a short headline from the first; the actors named in those
   sentences only; every source.

Everything is a pure function of the digest, ordered deterministically.
"""

from __future__ import annotations

import functools
import html
import math
import re
from bisect import bisect_left, bisect_right
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta

from generator.extract.dates.patterns import MASTER
from generator.extract.eventhood import (
    DatedSentence,
    Kind,
    Repetition,
    is_furniture,
    kind_of,
    stands_alone,
)
from generator.extract.events import event_text
from generator.model import Digest
from generator.model.corpus_dates import StatedYears
from generator.text.sentences import split_sentences
from generator.text.words import FUNCTION_WORDS

# -- tunable constants (calibration notes in docs/key-dates.md) -----------------------------

# News of a day is published that day or within this many days after: those articles
# make its burst and lend their leads to its summary (news-tls uses the same one day).
NEWS_LAG_DAYS = 1
# The story's span starts at this quantile of publication dates (a stray old page does
# not stretch it), and days more than LEAD_DAYS before that are background.
SPAN_QUANTILE = 0.01
LEAD_DAYS = 31
# Sentences per key date's summary, and leads per article considered for its summary.
SUMMARY_SENTENCES = 2
LEAD_SENTENCES = 3
# A second sentence joins the summary only if its TF-IDF cosine with the first is at most
# this: it must add news. Chosen on timeline17-dev from 0.3/0.5/0.7; 0.3 won in every
# leave-one-story-out fold (AR1-F 0.145 held out; benchmarks/key_dates_loso.py).
REDUNDANT = 0.3
HEADLINE_WORDS = 12


# -- what the timeline holds --------------------------------------------------------------


@dataclass(frozen=True)
class Source:
    title: str
    outlet: str
    published: str | None  # YYYY-MM-DD
    url: str | None
    page: str  # articles/<slug>/


@dataclass(frozen=True)
class KeyDate:
    date: str  # YYYY-MM-DD, or YYYY-MM when only the month is known
    rank: int
    headline: str
    summary: tuple[str, ...]
    actors: tuple[str, ...]
    sources: tuple[Source, ...]
    score: float


@dataclass(frozen=True)
class Span:
    start: str  # YYYY-MM-DD
    end: str


@dataclass(frozen=True)
class Timeline:
    title: str
    span: Span | None
    dates: tuple[KeyDate, ...]


# -- evidence -------------------------------------------------------------------------------


@dataclass(frozen=True)
class Sighting:
    """One article's sentence dated to one day (or month), as eventhood judged it."""

    value: str
    kind: Kind
    weight: float  # its worth as a source: a sentence its outlet repeats counts once
    sentence: str
    article: int  # index in digest.articles
    actor_ids: tuple[str, ...]


def sightings(digest: Digest) -> list[Sighting]:
    """Every dated sentence worth anything as evidence, its day corrected by the corpus
    ("abducted on October 7" is the October 7 the corpus writes with its year)."""
    entries = digest.articles
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
    out: list[Sighting] = []
    for index, entry in enumerate(entries):
        published = entry.article.published.date() if entry.article.published else None
        exact = entry.article.date_confidence != "low"
        for mention in entry.facts.events:
            value = stated.corrected(mention.date_text, mention.value, mention.sentence)
            kind = kind_of(
                DatedSentence(
                    mention.sentence, mention.date_text, value, published,
                    mention.background, exact,
                )
            )  # fmt: skip
            weight = repetition.weight(entry.outlet, mention.sentence)
            if kind in ("furniture", "uncertain") or weight == 0.0:
                continue
            out.append(Sighting(value, kind, weight, mention.sentence, index, mention.actor_ids))
    return out


def story_span(published: Iterable[date]) -> Span | None:
    """Where the story's publication dates lie: from a low quantile to the newest."""
    days = sorted(published)
    if not days:
        return None
    start = days[min(len(days) - 1, int(len(days) * SPAN_QUANTILE))]
    return Span(start.isoformat(), days[-1].isoformat())


# -- ranking --------------------------------------------------------------------------------


@dataclass(frozen=True)
class DayEvidence:
    mentions: float  # distinct articles dating a sentence to the day, weighted
    burst: int  # articles published on the day and the NEWS_LAG_DAYS after it
    confirmed: bool  # some article written on or after the day mentions it

    @property
    def score(self) -> float:
        return math.log1p(self.mentions) + math.log1p(self.burst)


def day_evidence(
    found: list[Sighting], published: list[date | None]
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
    for (value, _), weight in per_article.items():
        mentions[value] += weight
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


def ranked_days(evidence: dict[str, DayEvidence], span: Span | None) -> list[str]:
    """Confirmed days, most evidence first; background days after the story's."""
    story_start = ""
    if span is not None:
        story_start = (date.fromisoformat(span.start) - timedelta(days=LEAD_DAYS)).isoformat()
    days = [value for value, ev in evidence.items() if ev.confirmed]
    return sorted(days, key=lambda v: (v < story_start, -evidence[v].score, v))


# -- summaries ------------------------------------------------------------------------------


@dataclass(frozen=True)
class Candidate:
    sentence: str
    article: int
    actor_ids: tuple[str, ...]


def _leads(digest: Digest, index: int) -> list[Candidate]:
    """The article's first sentences that carry no date of their own."""
    entry = digest.articles[index]
    dated = {m.sentence for m in entry.facts.events}
    out: list[Candidate] = []
    for p, paragraph in enumerate(entry.article.paragraphs):
        for offset, sentence in split_sentences(paragraph):
            text = sentence.strip()
            if text in dated or is_furniture(text):
                continue
            end = offset + len(sentence)
            mentions = entry.facts.mentions[p] if p < len(entry.facts.mentions) else []
            actors = tuple(sorted({m.actor_id for m in mentions if offset <= m.start < end}))
            out.append(Candidate(text, index, actors))
            if len(out) == LEAD_SENTENCES:
                return out
    return out


_WORD = re.compile(r"[^\W_]+")


@functools.lru_cache(maxsize=65536)
def _words(text: str) -> tuple[str, ...]:
    """The words a sentence is about: lower case, function words left out. Remembered: a
    sentence is read for the word frequencies, then again for its date's summary."""
    return tuple(w for w in _WORD.findall(text.lower()) if w not in FUNCTION_WORDS)


def _vector(sentence: str, idf: dict[str, float]) -> dict[str, float]:
    counts = Counter(w for w in _words(sentence) if w in idf)
    weights = {w: n * idf[w] for w, n in counts.items()}
    norm = math.sqrt(sum(v * v for v in weights.values())) or 1.0
    return {w: v / norm for w, v in weights.items()}


def _cosine(a: dict[str, float], b: dict[str, float]) -> float:
    if len(a) > len(b):
        a, b = b, a
    return sum(v * b.get(w, 0.0) for w, v in a.items())


def inverse_frequencies(sentences: Iterable[str]) -> dict[str, float]:
    df: Counter[str] = Counter()
    n = 0
    for sentence in sentences:
        n += 1
        df.update(set(_words(sentence)))
    return {w: math.log((1 + n) / (1 + k)) + 1.0 for w, k in df.items()}


def _mean(vectors: list[dict[str, float]]) -> dict[str, float]:
    centroid: dict[str, float] = defaultdict(float)
    for v in vectors:
        for w, x in v.items():
            centroid[w] += x / len(vectors)
    return centroid


def _centroid(reports: list[dict[str, float]], leads: list[dict[str, float]]) -> dict[str, float]:
    """What the day's sentences agree on. With both kinds, the mean of the reports' and the
    leads' centroids over the words both use (news-tls' "PM-Mean"): a lead from an article
    of that day about something else, or a report no lead confirms, weighs less."""
    if reports and leads:
        of_reports, of_leads = _mean(reports), _mean(leads)
        shared = {w: (x + of_leads[w]) / 2 for w, x in of_reports.items() if w in of_leads}
        if shared:
            return shared
    return _mean(reports + leads)


def choose_summary(
    reports: list[Candidate], leads: list[Candidate], idf: dict[str, float]
) -> list[Candidate]:
    """The most central sentence that stands alone, then one that adds to it."""
    unique: dict[str, tuple[Candidate, bool]] = {}
    for c in reports:
        unique.setdefault(c.sentence, (c, True))
    for c in leads:
        unique.setdefault(c.sentence, (c, False))
    pool = [c for c, _ in unique.values()]
    if not pool:
        return []
    vectors = [_vector(c.sentence, idf) for c in pool]
    kinds = [is_report for _, is_report in unique.values()]
    centroid = _centroid(
        [v for v, r in zip(vectors, kinds, strict=True) if r],
        [v for v, r in zip(vectors, kinds, strict=True) if not r],
    )
    alone = [stands_alone(c.sentence) for c in pool]
    order = sorted(
        range(len(pool)),
        key=lambda i: (not alone[i], -_cosine(vectors[i], centroid), pool[i].article,
                       pool[i].sentence),
    )  # fmt: skip
    chosen = [order[0]]
    for i in order[1:]:
        if len(chosen) == SUMMARY_SENTENCES or not alone[i]:
            break
        if all(_cosine(vectors[i], vectors[j]) <= REDUNDANT for j in chosen):
            chosen.append(i)
    return [pool[i] for i in chosen]


# Where a sentence's main clause ends: a semicolon, a dash, or a comma before a word that
# opens a subordinate clause (a comma alone often only opens an apposition: "the woman, 35,").
_CLAUSE = re.compile(
    r";\s|\s[–—-]\s|:\s|,\s(?=(?:which|who|whose|where|when|while|as|after|before|but|and|"
    r"meaning|saying|leaving|killing|forcing|despite|although|though|because|amid|following)\b)"
)
# A short opening phrase before a comma ("On 11 June,", "Late on Tuesday,").
_OPENING = re.compile(r"^((?:\S+\s+){0,4}?\S+),\s+(?=\S)")


def headline(sentence: str) -> str:
    """A short line from a summary sentence: who-said-it and an opening date phrase trimmed
    (the date is shown beside it), cut at a clause or after HEADLINE_WORDS words."""
    text = event_text(sentence).rstrip(".!?")
    opening = _OPENING.match(text)
    if opening and MASTER.search(opening.group(1)) and len(text[opening.end() :].split()) >= 4:
        rest = text[opening.end() :]
        text = rest[0].upper() + rest[1:]
    words = text.split()
    if len(words) <= HEADLINE_WORDS:
        return text
    window = " ".join(words[:HEADLINE_WORDS])
    cuts = [m.start() for m in _CLAUSE.finditer(window) if len(window[: m.start()].split()) >= 7]
    return window[: cuts[-1]] if cuts else window + "…"


# -- the timeline ---------------------------------------------------------------------------


def _source(digest: Digest, index: int) -> Source:
    entry = digest.articles[index]
    published = entry.article.published
    return Source(
        title=entry.title,
        outlet=entry.outlet,
        published=f"{published:%Y-%m-%d}" if published else None,
        url=entry.article.url,
        page=f"articles/{entry.slug}/",
    )


def _source_order(digest: Digest, index: int) -> tuple:
    entry = digest.articles[index]
    published = entry.article.published
    return (published is None, f"{published:%Y-%m-%d}" if published else "", entry.slug)


def timeline(
    digest: Digest, k: int | None = None, between: tuple[str, str] | None = None
) -> Timeline:
    """The story's key dates, most important first: the top ``k`` (all when None) of
    those between the two ISO dates given (inclusive)."""
    published = [
        entry.article.published.date() if entry.article.published else None
        for entry in digest.articles
    ]
    found = sightings(digest)
    span = story_span(d for d in published if d is not None)
    evidence = day_evidence(found, published)
    days = ranked_days(evidence, span)
    if between is not None:
        low, high = between
        days = [d for d in days if low <= d[: len(low)] and d[: len(high)] <= high]
    by_day: dict[str, list[Sighting]] = defaultdict(list)
    for s in found:
        by_day[s.value].append(s)
    pub_day: dict[str, list[int]] = defaultdict(list)  # articles whose news may be the day's
    for index, day in enumerate(published):
        for lag in range(NEWS_LAG_DAYS + 1) if day is not None else ():
            pub_day[(day - timedelta(days=lag)).isoformat()].append(index)
    idf = inverse_frequencies(s.sentence for s in found)
    dates: list[KeyDate] = []
    for value in days:
        if k is not None and len(dates) >= k:
            break
        item = _key_date(
            digest, value, len(dates) + 1, evidence[value], by_day[value], pub_day[value], idf
        )
        if item is not None:  # a day with nothing to say is no key date
            dates.append(item)
    return Timeline(digest.title, span, tuple(dates))


def _key_date(
    digest: Digest,
    value: str,
    rank: int,
    evidence: DayEvidence,
    seen: list[Sighting],
    published_then: list[int],
    idf: dict[str, float],
) -> KeyDate | None:
    reports = [
        Candidate(s.sentence, s.article, s.actor_ids)
        for s in seen
        if s.kind in ("happened", "background")
    ]
    leads = [c for index in published_then for c in _leads(digest, index)]
    chosen = choose_summary(reports, leads, idf)
    if not chosen:
        return None
    articles = {s.article for s in seen} | {c.article for c in chosen}
    order = sorted(articles, key=lambda i: _source_order(digest, i))
    sources = tuple(_source(digest, i) for i in order)
    actors = tuple(sorted({a for c in chosen for a in c.actor_ids}))
    summary = tuple(c.sentence for c in chosen)
    return KeyDate(
        date=value,
        rank=rank,
        headline=headline(summary[0]) if summary else "",
        summary=summary,
        actors=actors,
        sources=sources,
        score=round(evidence.score, 6),
    )


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


def timelinejs(found: Timeline, site_url: str | None = None) -> dict:
    """The key dates in TimelineJS3's JSON format, for a newsroom to embed.

    TimelineJS shows ``text`` fields as HTML, so every piece of article text is escaped;
    links go to the site's article pages (absolute when ``site_url`` is known, as an embed
    on another site needs) and to the original only when it is an http(s) URL.
    """
    base = (site_url or "").rstrip("/") + "/" if site_url else ""
    events = []
    for item in sorted(found.dates, key=lambda d: (d.date, d.rank)):
        parts = item.date.split("-")
        start = {"year": parts[0], "month": str(int(parts[1]))}
        if len(parts) == 3:
            start["day"] = str(int(parts[2]))
        paragraphs = "".join(f"<p>{html.escape(s)}</p>" for s in item.summary)
        links = ", ".join(_source_link(s, base) for s in item.sources)
        events.append(
            {
                "unique_id": f"key-date-{item.date}",
                "start_date": start,
                "text": {
                    "headline": html.escape(item.headline),
                    "text": paragraphs + (f"<p>Sources: {links}</p>" if links else ""),
                },
            }
        )
    span = f"{found.span.start} to {found.span.end}" if found.span else ""
    return {
        "title": {"text": {"headline": html.escape(found.title), "text": html.escape(span)}},
        "events": events,
    }


def _source_link(source: Source, base: str) -> str:
    label = html.escape(f"{source.outlet}: {source.title}" if source.outlet else source.title)
    href = html.escape(base + source.page)
    original = source.url or ""
    link = f'<a href="{href}">{label}</a>'
    if original.lower().startswith(("http://", "https://")) and not any(
        c.isspace() or c in "\"'<>" for c in original
    ):
        link += f' (<a href="{html.escape(original)}">original</a>)'
    return link
