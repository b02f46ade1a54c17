"""A starting actor registry for a new story, from the corpus's own evidence.

``digest actors suggest`` reads every article, finds the names the corpus keeps using
(single words and acronyms as well as multi-word names; see generator/extract/actors/suggest/scan.py
for how names are cut), and turns them into registry entries an editor can accept:

1. Page furniture repeated across articles is left out, and so are headlines of other
   pages and shouting.
2. Mentions are grouped by name; "X and Y" is split when both are names on their own;
   countries gather their demonyms, capitals and short forms (countryinfo); acronyms
   join the name they abbreviate; spelling variants, surnames, first names and
   truncated forms join the full name they belong to.
3. The corpus's outlets and reporters are dropped; places go to a list of their own.
4. Each actor gets a kind from evidence (countryinfo, titles, organisation words,
   acronyms, "the" before it), a role from the titles written before it, a description
   from an apposition, and the entries are ranked by how many articles name them.

The output is a whole registry document (``actors:`` and ``places:``), each entry with
a comment giving its evidence; ``write_suggestions`` merges it into an existing file.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from generator.extract.actors import Registry
from generator.extract.actors.suggest.entity import Entity, name_key
from generator.extract.actors.suggest.kinds import aliases_of, description_of, kind_of, role_of
from generator.extract.actors.suggest.merge import merge_entities
from generator.extract.actors.suggest.scan import Profile, learn, scan

# A paragraph found in this many articles (digits ignored) is furniture: comment rules,
# "latest updates" lines, sidebars. Calibrated on timeline17-dev: furniture repeats in
# 5 to 50 articles; quoted news paragraphs repeat in 2 at most.
BOILERPLATE_ARTICLES = 3
# Names seen in fewer articles are not suggested (one article is no evidence of a story).
MIN_ARTICLES = 2


@dataclass(frozen=True)
class Source:
    """One article as the suggester reads it."""

    paragraphs: tuple[str, ...]
    outlet: str = ""
    author: str = ""


@dataclass(frozen=True)
class Suggestion:
    name: str
    count: int  # mentions in the corpus, all its forms
    documents: int  # articles that name it
    example: str  # one sentence where it appears
    kind: str = "other"  # a guess for the editor to check
    aliases: tuple[str, ...] = ()
    role: str = ""
    description: str = ""
    outlets: int = 0  # distinct outlets that name it


@dataclass(frozen=True)
class Suggestions:
    actors: tuple[Suggestion, ...]
    places: tuple[Suggestion, ...] = ()
    articles: int = 0


def _source(item: Source | str | Sequence[str]) -> Source:
    if isinstance(item, Source):
        return item
    if isinstance(item, str):
        return Source((item,))
    return Source(tuple(p for p in item if isinstance(p, str)))


def suggest(
    articles: Iterable[Source | str | Sequence[str]], registry: Registry, limit: int = 40
) -> Suggestions:
    """Actors (most central first) and places the corpus names and the registry lacks."""
    sources = [_source(a) for a in articles]
    sources = _without_furniture(sources)
    profile = Profile()
    for source in sources:
        learn(source.paragraphs, profile)
    profile.finish()
    outlets = frozenset(name_key(s.outlet).replace(" ", "") for s in sources if s.outlet)
    entities: dict[str, Entity] = {}
    pairs: dict[str, tuple[str, str]] = {}
    for doc, source in enumerate(sources):
        for mention in scan(source.paragraphs, profile, outlets):
            key = name_key(mention.name)
            if not key:
                continue
            entity = entities.get(key)
            if entity is None:
                entity = entities[key] = Entity(key)
            entity.add(mention, doc, source.outlet)
            if mention.pair:
                pairs[key] = min(pairs.get(key, mention.pair), mention.pair)
    authors = {name_key(s.author) for s in sources if s.author}
    actors, places = merge_entities(entities, pairs, outlets, authors)
    actors = [e for e in actors if not _covered(e, registry)]
    places = [e for e in places if not _covered(e, registry)]
    least = MIN_ARTICLES if len(sources) >= MIN_ARTICLES else 1
    ranked = [e for e in sorted(actors, key=_rank) if len(e.docs) >= least]
    located = [e for e in sorted(places, key=_rank) if len(e.docs) >= least]
    top = tuple(_suggestion(e) for e in ranked[: max(limit, 0)])
    return Suggestions(top, tuple(_suggestion(e) for e in located[: max(limit, 0)]), len(sources))


def _rank(entity: Entity) -> tuple:
    """Named in many articles and often: the geometric mean of articles and mentions."""
    return (-len(entity.docs) * entity.count, -len(entity.docs), entity.name)


def _covered(entity: Entity, registry: Registry) -> bool:
    """The registry already knows this name (an actor's alias, an outlet, an ignored phrase)."""
    if not (len(registry) or registry.outlets or registry.ignore or registry.places):
        return False
    for form in [entity.name, *entity.forms]:
        spans = registry.matcher.spans(form)
        covered = sum(end - start for start, end, _ in spans)
        if covered >= 0.6 * len(form):
            return True
    return False


def _suggestion(entity: Entity) -> Suggestion:
    kind = kind_of(entity)
    return Suggestion(
        name=entity.name,
        count=entity.count,
        documents=len(entity.docs),
        example=" ".join(entity.example.split()),
        kind=kind,
        aliases=aliases_of(entity, kind),
        role=role_of(entity, kind),
        description=description_of(entity, kind),
        outlets=len(entity.outlets),
    )


_DIGITS = re.compile(r"\d+")


def _without_furniture(sources: list[Source]) -> list[Source]:
    """Drop paragraphs repeated across articles: comment rules, feeds, sidebars."""
    seen: Counter = Counter()
    for source in sources:
        for key in {_DIGITS.sub("0", p.strip().lower()) for p in source.paragraphs}:
            seen[key] += 1
    if not seen or max(seen.values()) < BOILERPLATE_ARTICLES:
        return sources
    out = []
    for source in sources:
        kept = tuple(
            p for p in source.paragraphs
            if seen[_DIGITS.sub("0", p.strip().lower())] < BOILERPLATE_ARTICLES
        )  # fmt: skip
        out.append(Source(kept, source.outlet, source.author))
    return out


def suggest_actors(
    texts: Iterable[Source | str | Sequence[str]], registry: Registry, limit: int = 20
) -> list[Suggestion]:
    """The actors of ``suggest``: kept for callers that only want the ranked list."""
    return list(suggest(texts, registry, limit).actors)
