"""Grouping a corpus's name mentions into actors, places and names to leave out.

Every merge is decided on the corpus's own evidence: a country's forms from countryinfo,
an acronym defined in brackets or matching a name's initials in the same articles, a
spelling that differs only in a vowel or British/American ending, a surname or first
name that one full name dominates, a truncated form that a longer name completes.
"""

from __future__ import annotations

import re

from generator.extract.actors.suggest.entity import TITLED_SHARE, Entity, name_key, person_like
from generator.extract.actors.suggest.kinds import (
    is_outlet,
    is_place,
    is_reporter,
    kind,
    not_a_name,
)
from generator.extract.actors.suggest.places import country_of, is_region
from generator.extract.actors.suggest.scan import is_acronym
from generator.extract.actors.suggest.words import (
    COMPANY_SUFFIXES,
    CONNECTORS,
    LEADING_PARTICLES,
    NOT_NAMES,
    ORG_WORDS,
    PLACE_WORDS,
)

# A shorter name joins the longer name holding this share of the names it is part of.
DOMINANT_SHARE = 2 / 3
# A surname alone joins the full name when it is at most this many times as frequent
# (timeline17-dev: 3 to 11; a leader known by surname may reach 30; "God" is 64 x a
# stray "UK God" written once, no surname: the full name must be written 3 times).
SURNAME_RATIO = 50
# A first name alone joins the full name when it is at most this many times as frequent
# ("Saddam" 3.5 x "Saddam Hussein"; "Facebook" is 60 x "Facebook Pages", no first name).
FIRST_NAME_RATIO = 8
# A surname or first name shared by several people is dropped unless it is this many
# times as frequent as their full names: then it is a name of its own ("Twitter").
AMBIGUOUS_RATIO = 4
# An upper-case word after a number this often is a unit or a time zone ("8 a.m. ET").
NUMBER_SHARE = 0.3

_BRITISH = [
    (re.compile(r"is(e|ed|es|ing|ation|ations)\b"), r"iz\1"),
    (re.compile(r"(cent|theat)re\b"), r"\1er"),
    (re.compile(r"(cent|theat)res\b"), r"\1ers"),
    (re.compile(r"programme"), "program"),
    (re.compile(r"(defen|licen|offen)ce"), r"\1se"),
    (re.compile(r"(lab|hon|col|fav|harb|behavi|neighb)our"), r"\1or"),
]


def merge_entities(
    entities: dict[str, Entity],
    pairs: dict[str, tuple[str, str]],
    outlets: frozenset[str],
    authors: set[str],
) -> tuple[list[Entity], list[Entity]]:
    """(actors, places) after every merge; outlets, reporters and units left out."""
    for entity in entities.values():
        entity.label = entity.name
    entities = _split_pairs(entities, pairs)
    entities = {k: e for k, e in entities.items() if not _unit(e)}
    entities = _merge_countries(entities)
    entities = _merge_acronyms(entities)
    entities = _merge_variants(entities)
    entities = _merge_contained(entities)
    actors: list[Entity] = []
    places: list[Entity] = []
    known = frozenset(entities)
    for entity in entities.values():
        if is_outlet(entity, outlets) or is_reporter(entity, authors) or not_a_name(entity):
            continue
        if is_place(entity):
            places.append(entity)
        else:
            entity.kind = kind(entity, known)
            actors.append(entity)
    return actors, places


def _split_pairs(
    entities: dict[str, Entity], pairs: dict[str, tuple[str, str]]
) -> dict[str, Entity]:
    """ "Tunisia and Egypt" counts for both: split when what follows "and" is a name on its
    own, when a part is a country, or when every part is shaped like a person's name. A
    name stays whole otherwise ("Centers for Disease Control and Prevention", "Hostages
    and Missing Families Forum")."""
    for key, (left, right) in sorted(pairs.items()):
        whole = entities.get(key)
        if whole is None or country_of(whole.name) is not None:
            continue
        parts = _pair_parts(left, right)
        after = entities.get(name_key(parts[1]))
        standalone = after is not None and after.count >= 2
        if not (
            standalone
            or right.lower().startswith("the ")
            or any(country_of(p) is not None for p in parts)
            or all(_person_shaped(p) for p in parts)
        ):
            continue
        for name in parts:
            part_key = name_key(name)
            part = entities.get(part_key)
            if part is None:
                part = entities[part_key] = Entity(part_key, label=name)
                part.forms[name] += 1
            part.docs |= whole.docs
            part.count += whole.count
            part.reporter += whole.reporter  # "Reporting by Jane Doe and John Roe"
            part.person_titled += whole.person_titled
            if not part.example:
                part.example = whole.example
        del entities[key]
    return entities


def _person_shaped(name: str) -> bool:
    words = name_key(name).split()
    return 2 <= len(words) <= 4 and not any(
        w in ORG_WORDS or w in PLACE_WORDS or w in ("of", "for", "the") for w in words
    )


def _pair_parts(left: str, right: str) -> list[str]:
    """ "Cee Lo Green", "Gladys Knight", "Smokey Robinson" from a list joined by "and"."""
    parts = [left]
    for piece in re.split(r"\s+(?:and|&)\s+", right):
        piece = re.sub(r"^(?:the|The)\s+", "", piece).strip()
        if piece:
            parts.append(piece)
    return parts


def _unit(entity: Entity) -> bool:
    words = entity.key.split()
    if entity.key in NOT_NAMES or (len(words) == 1 and words[0] in NOT_NAMES):
        return True
    return is_acronym(entity.name) and entity.share(entity.after_number) >= NUMBER_SHARE


def _merge_countries(entities: dict[str, Entity]) -> dict[str, Entity]:
    """A country's name, demonym, capital and short forms become one country entity."""
    out: dict[str, Entity] = {}
    for key, entity in sorted(entities.items(), key=lambda kv: (-kv[1].count, kv[0])):
        country = country_of(entity.name)
        if country is None:
            out.setdefault(key, entity) if key not in out else out[key].absorb(entity)
            continue
        target_key = name_key(country.name)
        target = out.get(target_key)
        if target is None:
            target = out[target_key] = Entity(target_key, label=country.name, country=True)
        target.absorb(entity)
    return out


def _initials(name: str) -> str:
    return "".join(w[0] for w in name.split() if w[:1].isupper() and w.lower() not in CONNECTORS)


def _abbreviates(acronym: str, name: str) -> bool:
    """The acronym's letters start words of the name, in order, the first one first."""
    letters = [c for c in acronym.lower() if c.isalpha()]
    words = [w.lower() for w in re.split(r"[\s-]+", name) if w]
    if not letters or not words or words[0][0] != letters[0]:
        return False
    i = 0
    for word in words:
        if i < len(letters) and word[0] == letters[i]:
            i += 1
    return i == len(letters)


def _merge_acronyms(entities: dict[str, Entity]) -> dict[str, Entity]:
    """ "World Health Organization (WHO)" and "WHO" become one entity under the long name."""
    by_initials: dict[str, list[Entity]] = {}
    for entity in entities.values():
        if len(entity.key.split()) > 1 and not entity.country:
            by_initials.setdefault(_initials(entity.name).lower(), []).append(entity)
    definers: dict[str, list[Entity]] = {}
    for key in sorted(entities):
        for acronym in entities[key].acronyms:
            definers.setdefault(acronym, []).append(entities[key])
    for key in sorted(entities, key=lambda k: (-entities[k].count, k)):
        short = entities.get(key)
        if short is None or not is_acronym(short.name) or short.country:
            continue
        defining = [e for e in definers.get(short.name, []) if entities.get(e.key) is e]
        target = _defined_by(short, defining) or _same_initials(short, by_initials.get(key, []))
        if target is None or target.key not in entities:
            continue
        target.absorb(short)
        target.abbreviated = True
        del entities[key]
    return entities


def _defined_by(short: Entity, defining: list[Entity]) -> Entity | None:
    """The name most often written with this acronym in brackets after it."""
    best: Entity | None = None
    for entity in defining:
        n = entity.acronyms.get(short.name, 0)
        better = best is None or n > best.acronyms.get(short.name, 0)
        if n and entity is not short and better and _abbreviates(short.name, entity.name):
            best = entity
    return best


def _same_initials(short: Entity, longs: list[Entity]) -> Entity | None:
    shared = [
        e for e in longs
        if e.docs & short.docs and e.share(e.person_titled) < TITLED_SHARE and not person_like(e)
    ]  # fmt: skip
    return max(shared, key=lambda e: e.count) if len(shared) == 1 else None


def _skeleton(word: str) -> str:
    """Consonants after the first letter, doubled ones once: "Suleiman" == "Sulaiman"."""
    word = word.replace("q", "k").replace("g", "k")  # Qaddafi, Gaddafi, Kadhafi
    out = word[:1]
    for char in word[1:]:
        if char in "aeiouyhw" or char == out[-1:]:
            continue
        out += char
    return out


def _variant_key(key: str) -> str:
    for pattern, repl in _BRITISH:
        key = pattern.sub(repl, key)
    return key


def _merge_variants(entities: dict[str, Entity]) -> dict[str, Entity]:
    """Spelling variants of one name join the most frequent: British and American endings,
    transliterations that differ in vowels ("Omar Suleiman" / "Omar Sulaiman")."""
    groups: dict[str, list[Entity]] = {}
    for entity in entities.values():
        if entity.country or is_acronym(entity.name):
            continue
        words = _variant_key(entity.key).split()
        if len(words) == 1 and len(words[0]) < 5:
            groups.setdefault(entity.key, []).append(entity)
            continue
        if len(words) > 1:  # "Centre for ..." / "Centers for ...": plural letters aside
            words = [w[:-1] if w.endswith("s") and len(w) > 4 else w for w in words]
        skeleton = " ".join(_skeleton(w) if len(w) > 3 else w for w in words)
        groups.setdefault(skeleton, []).append(entity)
    by_surname: dict[str, list[Entity]] = {}
    for entity in entities.values():
        words = entity.key.split()
        if len(words) == 2 and person_like(entity):
            by_surname.setdefault(words[1], []).append(entity)
    for members in by_surname.values():  # "Ed Chernoff" / "Edward Chernoff"
        members.sort(key=lambda e: (-e.count, e.key))
        for i, head in enumerate(members):
            for other in members[i + 1 :]:
                a, b = head.key.split()[0], other.key.split()[0]
                present = other.key in entities and head.key in entities
                if present and min(len(a), len(b)) >= 2 and (a.startswith(b) or b.startswith(a)):
                    head.absorb(other)
                    del entities[other.key]
    for members in groups.values():
        members = [m for m in members if m.key in entities]
        if len(members) < 2:
            continue
        members.sort(key=lambda e: (-e.count, e.key))
        head = members[0]
        for other in members[1:]:
            if _close(head.key, other.key):
                head.absorb(other)
                del entities[other.key]
    return entities


def _close(a: str, b: str) -> bool:
    a, b = _variant_key(a), _variant_key(b)
    if a == b:
        return True
    wa, wb = a.split(), b.split()
    return len(wa) == len(wb) and all(
        _edits(x, y) <= 2 + (len(wa) > 1) for x, y in zip(wa, wb, strict=True)
    )


def _edits(a: str, b: str) -> int:
    """Levenshtein distance (short words only)."""
    prev = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        cur = [i]
        for j, cb in enumerate(b, 1):
            cur.append(min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (ca != cb)))
        prev = cur
    return prev[-1]


def _merge_contained(entities: dict[str, Entity]) -> dict[str, Entity]:
    """Surnames, first names, decorated and truncated forms join the name they belong to.

    "Mubarak" joins "Hosni Mubarak" when that name holds most mentions of the longer
    names ending in "Mubarak"; "VP Omar Suleiman" joins the more frequent "Omar
    Suleiman"; "Supreme Council" joins "Supreme Council of the Armed Forces"; "Acme"
    absorbs "Acme Plc". A surname two people share ("Clinton") with neither dominant
    is dropped: it cannot be given to either.
    """
    containers: dict[str, list[Entity]] = {}
    last_words: dict[str, list[Entity]] = {}
    for entity in entities.values():
        words = entity.key.split()
        for i in range(len(words)):
            for j in range(i + 1, len(words) + 1):
                if j - i < len(words):
                    containers.setdefault(" ".join(words[i:j]), []).append(entity)
        if len(words) > 1 and len(words[-1]) > 4:
            last_words.setdefault(_skeleton(words[-1]), []).append(entity)
    for key in sorted(entities, key=lambda k: (-len(k.split()), -entities[k].count, k)):
        # Longest first: decorated forms fold into their names before names are compared.
        short = entities.get(key)
        if short is None or short.country or is_region(short.name):
            continue
        holders = list({id(e): e for e in containers.get(key, []) if e is not short}.values())
        holders = [e for e in holders if entities.get(e.key) is e]
        words = key.split()
        if not holders and len(words) == 1 and len(key) > 4:
            # A surname spelt as another transliteration: "Gaddafi" of "Moammar Gadhafi".
            holders = [
                e for e in last_words.get(_skeleton(key), [])
                if entities.get(e.key) is e and _close(e.key.split()[-1], key)
            ]  # fmt: skip
            words = holders[0].key.split()[-1:] if len(holders) == 1 else words
        for holder in holders:
            if entities.get(holder.key) is not holder or holder.country:
                continue
            suffix = holder.key.split()[-len(words) :] == words
            if _company_suffix(holder.key, key) or (
                suffix
                and holder.count <= short.count
                and (_core_len(words) > 1 or not person_like(holder))
            ):
                # "Acme Plc" -> "Acme" (an alias); "VP Omar Suleiman" -> "Omar Suleiman" (not)
                short.absorb(holder, forms=_company_suffix(holder.key, key))
                del entities[holder.key]
        holders = [e for e in holders if entities.get(e.key) is e]
        if not holders:
            continue
        target = _container_for(short, holders, words)
        if target is None:
            continue
        if target is short:  # an ambiguous surname
            del entities[key]
            continue
        person = person_like(target)
        # A surname, a first name, a head word or a truncated form is no alias: the registry
        # derives a person's surname, and "House" of "White House" or "for Haiti" of "Hope
        # for Haiti" would match anywhere.
        lone = len(words) == 1 and not is_acronym(short.name)
        part = person or lone  # its own evidence kept apart
        target.absorb(short, as_part=part, forms=is_acronym(short.name) and not person)
        target.surnames += short.count
        del entities[key]
    return entities


def _core_len(words: list[str]) -> int:
    """Name words without leading particles: "al-Zarqawi" is one, like a surname."""
    i = 0
    while i < len(words) - 1 and words[i] in LEADING_PARTICLES:
        i += 1
    return len(words) - i


def _company_suffix(long_key: str, short_key: str) -> bool:
    """ "Roche Holding AG" is "Roche": company suffixes stripped from the end."""
    words = long_key.split()
    while len(words) > 1 and words[-1] in COMPANY_SUFFIXES:
        words.pop()
    return len(words) < len(long_key.split()) and " ".join(words) == short_key


def _container_for(short: Entity, holders: list[Entity], words: list[str]) -> Entity | None:
    """The longer name ``short`` (read as ``words``) is a form of; ``short`` itself when it
    is an ambiguous surname."""
    total = sum(h.count for h in holders)
    best = max(holders, key=lambda h: (h.count, h.key))
    dominant = best.count >= DOMINANT_SHARE * total
    long_words = best.key.split()
    suffix = long_words[-len(words) :] == words
    prefix = long_words[: len(words)] == words
    if not dominant:
        persons = [
            h for h in holders
            if person_like(h) and h.count >= 2
            and (h.key.split()[-1:] == words or h.key.split()[:1] == words)
        ]  # fmt: skip
        named = sum(h.count for h in persons)
        if len(persons) >= 2 and len(words) == 1 and short.count <= AMBIGUOUS_RATIO * named:
            return short  # "Clinton" of Bill and Hillary Clinton: given to neither
        return None
    if suffix and _core_len(words) > 1:
        return best
    if (
        suffix
        and person_like(best)
        and best.count >= 3
        and short.count <= SURNAME_RATIO * best.count
    ):
        return best  # a surname: "Mubarak" -> "Hosni Mubarak"
    if suffix and _org_head(best, short):
        return best
    if prefix:
        rest = long_words[len(words)]
        if rest in ("of", "for") or short.count <= best.count:
            return best  # "Supreme Council" of ..., "George W." Bush
        first = _core_len(words) == 1
        if first and person_like(best) and short.count <= FIRST_NAME_RATIO * best.count:
            return best  # a first name: "Saddam" -> "Saddam Hussein"
    return None


def _org_head(long: Entity, short: Entity) -> bool:
    """ "Brotherhood" in "Muslim Brotherhood": a head word the long name owns."""
    return short.count <= 3 * long.count and not is_acronym(short.name)
