"""The model updated, not rebuilt, when articles change (``mkdocs serve``).

``build_digest`` reads the whole corpus at every build. What it computes corpus-wide comes
from counts each article adds to: the pages of an outlet that carry a sentence
(repetition), the articles that write a day with its year (stated years), the dated
sentences that use a word (IDF), the reports of each day (events). Here those counts are
kept between builds, one article's contribution subtracted for its old version and added
for its new one, and only what a changed count can move is computed again:

- an article's readings when one of its sentences' repetition count, or the stated years
  of a day it reads without a year, changed (else its readings are kept);
- a day's events when one of its reports came or went (the grouping of a day reads only
  its own reports); their chosen text when the IDF of one of their words changed (all of
  them when the number of dated sentences changed: that moves every IDF);
- the rest (span, actors, months, outlets, key dates) is assembled again from these
  parts by ``digest.assemble``, the same code a fresh build ends in.

Articles are keyed by slug: an article whose slug changes leaves under the old one and
comes in under the new one, so additions, deletions and renames take the same path. A
changed registry starts afresh. ``tests/model/test_incremental.py`` checks that random
edit sequences give the pages a fresh ``build_digest`` gives.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from generator.extract import ArticleFacts
from generator.extract.actors import Registry
from generator.ingest import Article
from generator.model.corpus_dates import StatedYears, stated_day
from generator.model.digest import Digest, _article_entries, assemble
from generator.model.entries import ArticleEntry
from generator.model.events import (
    DayKey,
    Merged,
    Report,
    day_key,
    listed_events,
    merge_day,
    settle_day,
)
from generator.model.evidence import Reading, Repetition, entry_readings, normal_form
from generator.model.key_dates import Evidence, KeyDateMemo, Sighting, entry_sightings
from generator.model.slugs import slugify
from generator.model.summaries import inverse_frequency
from generator.text.words import content_words

RepeatKey = tuple[str, str]  # (outlet, sentence's normal form)
MonthDay = tuple[int, int]


@dataclass
class Part:
    """What one article adds to the corpus-wide counts, and what was read of it."""

    entry: ArticleEntry
    repeated: frozenset[RepeatKey]
    stated: dict[tuple[int, int, int], frozenset[str]]  # (month, day, year) -> words
    corrects: frozenset[MonthDay]  # days its year-less sentences may be corrected on
    readings: tuple[Reading, ...] = ()
    sighted: list[frozenset[str]] = field(default_factory=list)  # words per sighting
    reports: dict[DayKey, list[Report]] = field(default_factory=dict)
    index: int = -1  # its place in the digest when ``sightings`` were made
    sightings: tuple[Sighting, ...] = ()


def _part(entry: ArticleEntry) -> Part:
    repeated = frozenset((entry.outlet, normal_form(m.sentence)) for m in entry.facts.events)
    stated: dict[tuple[int, int, int], frozenset[str]] = {}
    corrects = set()
    for m in entry.facts.events:
        found = stated_day(m.date_text, m.value, m.sentence)
        if found is not None:
            stated[found[0]] = stated.get(found[0], frozenset()) | found[1]
        if m.basis == "publication" and len(m.value) == 10:
            corrects.add((int(m.value[5:7]), int(m.value[8:])))
    return Part(entry, repeated, stated, frozenset(corrects))


@dataclass
class Update:
    """What one update changed, for tests and benchmarks."""

    fresh: bool = False  # started afresh (first build, or a new registry)
    parts_out: int = 0
    parts_in: int = 0
    reread: int = 0  # entries whose readings were computed again
    merged: int = 0  # days merged again
    settled: int = 0  # days whose text was chosen again
    entries_kept: bool = False  # the entries' slugs and order kept from the last build


class ModelState:
    """The counts of one corpus, kept between the builds of one ``mkdocs serve``."""

    def __init__(self, registry: Registry) -> None:
        self.registry = registry
        self.parts: dict[str, Part] = {}  # slug -> part
        self.pages: dict[RepeatKey, set[str]] = {}
        self.repetition = Repetition({})
        self.years: dict[MonthDay, dict[int, set[str]]] = {}
        self.words: dict[tuple[int, int, int], Counter[str]] = {}
        self.stated = StatedYears({}, {})
        self.correctors: dict[MonthDay, set[str]] = {}
        self.df: Counter[str] = Counter()
        self.sentences = 0
        self.idf: dict[str, float] = {}
        self.days: dict[DayKey, dict[str, list[Report]]] = {}
        self.merged: dict[DayKey, Merged] = {}
        self.first: dict[DayKey, tuple[str, int]] = {}  # where a slug-order scan meets it
        self.day_words: dict[DayKey, frozenset[str]] = {}
        self.word_days: dict[str, set[DayKey]] = {}
        self.key_dates = KeyDateMemo()
        self.last = Update()
        # What decides the entries' slugs and order (source, wanted slug, publication),
        # and that slug and order: kept while no article comes, goes, is renamed or redated.
        self.entry_keys: list[tuple] = []
        self.entry_slugs: list[str] = []
        self.entry_order: list[int] = []  # input position of each entry, newest first

    def update(
        self,
        articles: list[Article],
        facts: list[ArticleFacts],
        registry: Registry,
        title: str,
        intro: str,
    ) -> Digest:
        """The digest ``build_digest`` would build of these inputs."""
        if registry is not self.registry:
            self.__init__(registry)  # type: ignore[misc]
        try:
            return self._update(articles, facts, registry, title, intro)
        except BaseException:
            self.__init__(registry)  # type: ignore[misc]  # half counted: start afresh
            raise

    def _update(
        self,
        articles: list[Article],
        facts: list[ArticleFacts],
        registry: Registry,
        title: str,
        intro: str,
    ) -> Digest:
        self.last = Update(fresh=not self.parts)
        entries = self._entries(articles, facts)
        leaving, coming = self._diff(entries)
        changed_repeats, changed_days = self._count(leaving, coming)
        moved = self._reread(coming, changed_repeats, changed_days)
        old = {id(p): (p.sighted, p.reports) for p in leaving}
        words = self._reweigh(leaving, moved, old)
        dirty = self._report(leaving, moved, old)
        self._merge(dirty, words)
        read_again = {id(p) for p in moved}
        for index, entry in enumerate(entries):
            part = self.parts[entry.slug]
            if part.index != index or id(part) in read_again:
                part.index, part.sightings = index, entry_sightings(entry, index)
        evidence = Evidence(
            tuple(s for entry in entries for s in self.parts[entry.slug].sightings),
            tuple(e.article.published.date() if e.article.published else None for e in entries),
            dict(self.idf),
        )
        days = sorted(self.merged, key=self.first.__getitem__)
        events = listed_events((key, self.merged[key]) for key in days)
        return assemble(entries, evidence, events, registry, title, intro, self.key_dates)

    def _entries(self, articles: list[Article], facts: list[ArticleFacts]) -> list[ArticleEntry]:
        """``_article_entries``, without making the slugs and the order again when what
        decides them is unchanged (an edit of an article's text)."""
        keys = [(a.source, a.id or slugify(a.title, fallback="article"), a.published)
                for a in articles]  # fmt: skip
        if keys == self.entry_keys:
            self.last.entries_kept = True
            return [
                ArticleEntry(slug, articles[i], facts[i])
                for slug, i in zip(self.entry_slugs, self.entry_order, strict=True)
            ]
        entries = _article_entries(articles, facts)
        position = {a.source: i for i, a in enumerate(articles)}
        self.entry_keys = keys if len(position) == len(articles) else []  # one source twice
        self.entry_slugs = [e.slug for e in entries]
        self.entry_order = [position[e.article.source] for e in entries]
        return entries

    def _diff(self, entries: list[ArticleEntry]) -> tuple[list[Part], list[Part]]:
        """The parts that leave (old versions, deleted articles) and come (new versions);
        an unchanged article's entry is the one kept (``entries`` is updated in place)."""
        leaving: list[Part] = []
        coming: list[Part] = []
        seen: set[str] = set()
        for i, entry in enumerate(entries):
            seen.add(entry.slug)
            part = self.parts.get(entry.slug)
            if part is not None and _same(part.entry, entry):
                entries[i] = part.entry
                part.entry.events = []  # wired again by ``assemble``
                continue
            if part is not None:
                leaving.append(part)
            coming.append(_part(entry))
        leaving += [part for slug, part in self.parts.items() if slug not in seen]
        for part in leaving:
            del self.parts[part.entry.slug]
        for part in coming:
            self.parts[part.entry.slug] = part
        self.last.parts_out, self.last.parts_in = len(leaving), len(coming)
        return leaving, coming

    def _count(
        self, leaving: list[Part], coming: list[Part]
    ) -> tuple[set[RepeatKey], set[MonthDay]]:
        """Repetition and stated years with the old parts out and the new in; the keys
        whose counts changed."""
        before = {k: len(self.pages.get(k, ())) for p in [*leaving, *coming] for k in p.repeated}
        touched: set[tuple[int, int, int]] = set()
        for sign, parts in ((-1, leaving), (1, coming)):
            for part in parts:
                slug = part.entry.slug
                for key in part.repeated:
                    _tally(self.pages, key, slug, sign)
                for (month, day, year), said in part.stated.items():
                    _tally(self.years.setdefault((month, day), {}), year, slug, sign)
                    words = self.words.setdefault((month, day, year), Counter())
                    words.update({w: sign for w in said})
                    touched.add((month, day, year))
                for key in part.corrects:
                    _tally(self.correctors, key, slug, sign)
        repeats = {k for k, n in before.items() if len(self.pages.get(k, ())) != n}
        pages = self.repetition.pages
        for key in repeats:
            n = len(self.pages.get(key, ()))
            if n > 1:
                pages[key] = n
            else:
                pages.pop(key, None)
        return repeats, self._restate(touched)

    def _restate(self, touched: set[tuple[int, int, int]]) -> set[MonthDay]:
        """The stated years of the touched days again; the days whose changed."""
        changed: set[MonthDay] = set()
        for month, day in {(m, d) for m, d, _ in touched}:
            by_year = self.years.get((month, day), {})
            counts = Counter({y: len(s) for y, s in by_year.items() if s})
            if counts != self.stated.years.get((month, day), Counter()):
                changed.add((month, day))
            if counts:
                self.stated.years[(month, day)] = counts
            else:
                self.stated.years.pop((month, day), None)
        for key in touched:
            found = self.words.get(key, Counter())
            said = frozenset(w for w, n in found.items() if n > 0)
            if said != self.stated.words.get(key, frozenset()):
                changed.add(key[:2])
            if said:
                self.stated.words[key] = said
            else:
                self.stated.words.pop(key, None)
                self.words.pop(key, None)
        return changed

    def _reread(
        self, coming: list[Part], repeats: set[RepeatKey], days: set[MonthDay]
    ) -> list[Part]:
        """Readings of the new parts, and again of the kept ones a changed count reads;
        the parts whose readings are new (the new ones, and kept ones that changed)."""
        slugs = {s for key in repeats for s in self.pages.get(key, ())}
        slugs |= {s for key in days for s in self.correctors.get(key, ())}
        fresh = {id(p) for p in coming}
        moved = list(coming)
        for part in coming:
            part.readings = entry_readings(part.entry, self.repetition, self.stated)
        for slug in sorted(slugs):
            part = self.parts[slug]
            if id(part) in fresh:
                continue
            readings = entry_readings(part.entry, self.repetition, self.stated)
            self.last.reread += 1
            if readings != part.readings:
                moved.append(part)
                part.readings = readings
        self.last.reread += len(coming)
        for part in moved:
            part.entry.readings = part.readings
        return moved

    def _reweigh(self, leaving: list[Part], moved: list[Part], old: dict) -> set[str]:
        """Document frequencies with the old sightings out and the new in; the words
        whose IDF changed (every word when the number of sentences changed)."""
        sentences = self.sentences
        delta: Counter[str] = Counter()
        for part in leaving:
            for words in part.sighted:
                delta.subtract(words)
                self.sentences -= 1
        for part in moved:
            if id(part) not in old:  # a kept part read again: its old sightings leave
                for words in part.sighted:
                    delta.subtract(words)
                    self.sentences -= 1
            part.sighted = [
                frozenset(content_words(s.sentence)) for s in entry_sightings(part.entry, 0)
            ]
            for words in part.sighted:
                delta.update(words)
                self.sentences += 1
        changed = {w for w, n in delta.items() if n}
        for word in changed:
            self.df[word] += delta[word]
            if self.df[word] <= 0:
                del self.df[word]
        if self.sentences != sentences:
            self.idf = {w: inverse_frequency(self.sentences, k) for w, k in self.df.items()}
            return set(self.word_days)
        for word in changed:
            if word in self.df:
                self.idf[word] = inverse_frequency(self.sentences, self.df[word])
            else:
                self.idf.pop(word, None)
        return changed

    def _report(self, leaving: list[Part], moved: list[Part], old: dict) -> set[DayKey]:
        """Each day's reports with the old parts' out and the new ones' in; the days
        whose reports changed."""
        dirty: set[DayKey] = set()
        for part in [*leaving, *(p for p in moved if id(p) not in old)]:
            for key in part.reports:
                self.days[key].pop(part.entry.slug, None)
                dirty.add(key)
        for part in moved:
            reports: dict[DayKey, list[Report]] = {}
            entry = part.entry
            for mention, reading in zip(entry.facts.events, part.readings, strict=True):
                key = day_key(mention, reading)
                if key is not None:
                    reports.setdefault(key, []).append((entry, mention, reading))
            part.reports = reports
            for key, found in reports.items():
                self.days.setdefault(key, {})[entry.slug] = found
                dirty.add(key)
        return dirty

    def _merge(self, dirty: set[DayKey], words: set[str]) -> None:
        """The dirty days merged again; the others whose words' IDF changed settled again."""
        for key in dirty:
            for word in self.day_words.pop(key, ()):
                self.word_days[word].discard(key)
            by_slug = self.days.get(key)
            if not by_slug:
                self.days.pop(key, None)
                self.merged.pop(key, None)
                self.first.pop(key, None)
                continue
            slugs = sorted(by_slug)
            reports = [r for slug in slugs for r in by_slug[slug]]
            self.merged[key] = merge_day(key, reports, self.idf)
            mention = reports[0][1]
            self.first[key] = (slugs[0], reports[0][0].facts.events.index(mention))
            said = frozenset(
                w for _, sources in self.merged[key] for s in sources for w in content_words(s.text)
            )
            self.day_words[key] = said
            for word in said:
                self.word_days.setdefault(word, set()).add(key)
        resettle = {key for word in words for key in self.word_days.get(word, ())} - dirty
        for key in resettle:
            settle_day(self.merged[key], self.idf)
        self.last.merged, self.last.settled = len(dirty), len(resettle)


def _same(old: ArticleEntry, new: ArticleEntry) -> bool:
    return (old.article is new.article or old.article == new.article) and (
        old.facts is new.facts or old.facts == new.facts
    )


def _tally(sets: dict, key, slug: str, sign: int) -> None:
    found = sets.setdefault(key, set())
    if sign > 0:
        found.add(slug)
    else:
        found.discard(slug)
        if not found:
            del sets[key]
