"""Grouping a corpus's name mentions into actors, places and names to leave out.

Every merge is decided on the corpus's own evidence: a country's forms from countryinfo,
an acronym defined in brackets or matching a name's initials in the same articles, a
spelling that differs only in a vowel or British/American ending, a surname or first
name that one full name dominates, a truncated form that a longer name completes.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from generator.actors._text import fold
from generator.suggest_places import country_of, is_province, is_region, is_region_adjective
from generator.suggest_scan import Mention, is_acronym
from generator.suggest_words import (
    ARMED_NOUNS,
    ARMED_WORDS,
    COMPANY_SUFFIXES,
    COMPASS,
    CONNECTORS,
    LEADING_PARTICLES,
    MEDIA_WORDS,
    NOT_NAMES,
    ORG_NOUNS,
    ORG_WORDS,
    PERSON_TITLES,
    PLACE_WORDS,
    PURE_PLACE_WORDS,
    TITLES,
)

# A name whose mentions are this share bylines or "CNN's Jane Doe" is a reporter.
# Calibrated on timeline17-dev: correspondents sit at 0.4-0.9, quoted officials below 0.1.
REPORTER_SHARE = 0.25
# A name written after "in", "near", ... at least this often is a place (people and
# organisations sit below 0.2 on timeline17-dev, towns above 0.5).
LOCATIVE_SHARE = 0.3
# A name written after "the" at least this often is not a person.
THE_SHARE = 0.3
# A name with a person's title before at least this share of its mentions is a person.
TITLED_SHARE = 0.1
# A shorter name joins the longer name holding this share of the names it is part of.
DOMINANT_SHARE = 2 / 3
# A surname alone joins the full name when it is at most this many times as frequent
# (timeline17-dev: 3 to 11; a leader known by surname may reach 30; "God" is 64 x a
# stray "UK God" written once, no surname: the full name must be written 3 times).
SURNAME_RATIO = 50
# A first name alone joins the full name when it is at most this many times as frequent
# ("Saddam" 3.5 x "Saddam Hussein"; "Facebook" is 60 x "Facebook Pages", no first name).
FIRST_NAME_RATIO = 8
# A name written beside "news agency", "newspaper" this often is an outlet ("AFP" 0.6 on
# timeline17-dev; actors below 0.05).
MEDIA_SHARE = 0.2
# A name followed by "shares", "employees", "officials" this often is an organisation.
# People are rarely followed by such nouns ("Obama officials" is an administration);
# on timeline17-dev persons sit below 0.03.
ORG_NOUN_SHARE = 0.05
# A name followed by "militants", "fighters" this often is an armed group.
ARMED_SHARE = 0.05
# A surname or first name shared by several people is dropped unless it is this many
# times as frequent as their full names: then it is a name of its own ("Twitter").
AMBIGUOUS_RATIO = 4
# A single word written before a lower-case noun this often is an adjective ("Arab
# countries", "Islamic world"): on timeline17-dev such words sit at 0.8-0.98 (Arab,
# Islamic, Asian, Kurdish 0.97), names at most 0.67 ("Labor party"; "Mubarak regime" 0.38).
# Set high: an organisation written attributively ("Acme shares") must stay.
ADJECTIVE_SHARE = 0.85
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


def name_key(name: str) -> str:
    """Folded, lower-case, without dots and hyphens: "U.S." == "US", "al-Qaida" == "al qaida"."""
    text = fold(name).lower().replace(".", "").replace("-", " ").replace("'", "")
    return " ".join(text.split())


@dataclass
class Entity:
    """Evidence gathered for one name and, after merging, for all its forms."""

    key: str
    forms: Counter = field(default_factory=Counter)
    docs: set[int] = field(default_factory=set)
    count: int = 0
    initial: int = 0
    titled: int = 0
    person_titled: int = 0
    after_the: int = 0
    locative: int = 0
    reporter: int = 0
    after_number: int = 0
    roles: Counter = field(default_factory=Counter)
    appositions: Counter = field(default_factory=Counter)
    acronyms: Counter = field(default_factory=Counter)
    outlets: set[str] = field(default_factory=set)
    example: str = ""
    example_score: float = -1.0
    label: str = ""  # fixed display name once merging starts
    country: bool = False
    surnames: int = 0  # mentions by surname or first name alone, merged in
    plain: int = 0  # mentions whose every word is an ordinary word
    common_first: int = 0  # mentions starting with an ordinary word ("Severe ...")
    abbreviated: bool = False  # an acronym joined it: an organisation
    before_noun: int = 0  # mentions written as an adjective ("Arab leaders")
    media: int = 0  # mentions beside "news agency", "newspaper"
    next_words: Counter = field(default_factory=Counter)
    kind: str = ""
    count_parts: int = 0  # mentions by a surname or first name merged in

    @property
    def name(self) -> str:
        return self.label or _most_common(self.forms)

    def add(self, mention: Mention, doc: int, outlet: str) -> None:
        # Mid-sentence spellings outweigh sentence starts for the display name.
        self.forms[mention.name] += 1 if mention.initial else 3
        self.docs.add(doc)
        self.count += 1
        self.initial += mention.initial
        self.titled += mention.titled
        self.person_titled += bool(mention.role) and _person_role(mention.role)
        self.after_the += mention.after_the
        self.locative += mention.locative
        self.reporter += mention.reporter
        self.after_number += mention.after_number
        self.plain += mention.plain
        self.common_first += mention.common_first
        self.before_noun += mention.before_noun
        self.media += mention.media
        if mention.next_word:
            self.next_words[mention.next_word] += 1
        if mention.role:
            self.roles[mention.role] += 1
        if mention.apposition:
            self.appositions[mention.apposition] += 1
        if mention.acronym:
            self.acronyms[mention.acronym] += 1
        if outlet:
            self.outlets.add(outlet)
        score = _example_score(mention.sentence) + mention.lead
        if (score, self.example) > (self.example_score, mention.sentence):
            self.example, self.example_score = mention.sentence, score

    def absorb(self, other: Entity, as_part: bool = False, forms: bool = True) -> None:
        """Take in another form's evidence; a surname's (``as_part``) only counts and titles:
        "the Mubarak regime" says nothing of whether "Hosni Mubarak" is a person. Without
        ``forms`` its spellings are not aliases ("Jail Mubarak", a surname alone)."""
        if forms:
            self.forms.update(other.forms)
        self.docs |= other.docs
        self.count += other.count
        self.titled += other.titled
        self.person_titled += other.person_titled
        self.reporter += other.reporter
        self.surnames += other.surnames
        self.abbreviated = self.abbreviated or other.abbreviated
        if as_part:
            self.count_parts += other.count
        else:
            self.initial += other.initial
            self.after_the += other.after_the
            self.locative += other.locative
            self.after_number += other.after_number
            self.plain += other.plain
            self.common_first += other.common_first
            self.before_noun += other.before_noun
            self.media += other.media
            self.next_words.update(other.next_words)
        self.roles.update(other.roles)
        self.appositions.update(other.appositions)
        self.acronyms.update(other.acronyms)
        self.outlets |= other.outlets
        if (other.example_score, self.example) > (self.example_score, other.example):
            self.example, self.example_score = other.example, other.example_score

    def share(self, value: int) -> float:
        """Share of the entity's own mentions (a merged surname's are not its own)."""
        own = self.count - self.count_parts
        return value / own if own > 0 else 0.0


def _most_common(counter: Counter) -> str:
    """The most frequent item, the first in sort order among equals: one answer in any order."""
    return min(counter.items(), key=lambda kv: (-kv[1], kv[0]))[0]


def _person_role(role: str) -> bool:
    return any(w.lower().rstrip(".") in PERSON_TITLES for w in role.split())


def _example_score(sentence: str) -> float:
    """Prefer a plain sentence of ordinary length as the evidence shown to the editor."""
    n = len(sentence)
    if n < 30:
        return 0.0
    return 1.0 / (1.0 + abs(n - 140) / 60)


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
        if _outlet(entity, outlets) or _reporter(entity, authors) or _not_a_name(entity):
            continue
        if _place(entity):
            places.append(entity)
        else:
            entity.kind = _kind(entity, known)
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
        if e.docs & short.docs and e.share(e.person_titled) < TITLED_SHARE and not _person_like(e)
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
        if len(words) == 2 and _person_like(entity):
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
                and (_core_len(words) > 1 or not _person_like(holder))
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
        person = _person_like(target)
        # A surname is no alias (the registry derives it); nor is "Republic" of a country.
        target.absorb(short, as_part=person, forms=not (person or target.country))
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
            if _person_like(h) and h.count >= 2
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
        and _person_like(best)
        and best.count >= 3
        and short.count <= SURNAME_RATIO * best.count
    ):
        return best  # a surname: "Mubarak" -> "Hosni Mubarak"
    if suffix and _org_head(best, short):
        return best
    if prefix:
        rest = long_words[len(words)]
        if rest in CONNECTORS or short.count <= best.count:
            return best  # "Supreme Council" of ..., "George W." Bush
        first = _core_len(words) == 1
        if first and _person_like(best) and short.count <= FIRST_NAME_RATIO * best.count:
            return best  # a first name: "Saddam" -> "Saddam Hussein"
    return None


def _org_head(long: Entity, short: Entity) -> bool:
    """ "Brotherhood" in "Muslim Brotherhood": a head word the long name owns."""
    return short.count <= 3 * long.count and not is_acronym(short.name)


def _person_like(entity: Entity, known: frozenset[str] = frozenset()) -> bool:
    """Two to five name words, no organisation or place word, a given name first."""
    words = entity.key.split()
    if entity.share(entity.plain) > 0.5 or entity.share(entity.common_first) > 0.5:
        return False
    if entity.abbreviated or words[0] in ("al", "el") or is_acronym(entity.name.split()[0]):
        return False  # "al-Qaida", "Medecins Sans Frontieres (MSF)", "AEG Live"
    if words[-1].endswith("s") and words[-1][:-1] in known:
        return False  # "Sunni Arabs": a people
    if not 2 <= len(words) <= 5 or any(w in ORG_WORDS or w in PURE_PLACE_WORDS for w in words):
        return False
    if entity.share(entity.after_the) >= THE_SHARE or is_acronym(entity.name):
        return False
    return not any(w in ("of", "and", "for", "the") for w in words)


def _outlet(entity: Entity, outlets: frozenset[str]) -> bool:
    """The corpus's own outlets (as its articles name them: "cnn", "washingtonpost"), names
    with a media word, names written beside "news agency" or "newspaper"."""
    words = entity.key.split()
    joined = entity.key.replace(" ", "")
    if entity.key in outlets or words[0] in outlets or joined in outlets:
        return True
    if entity.media >= 2 and entity.share(entity.media) >= MEDIA_SHARE and not entity.country:
        return True
    if words[-1] in MEDIA_WORDS or any(w in ("news", "tv", "television", "radio") for w in words):
        return not entity.country
    return False


def _not_a_name(entity: Entity) -> bool:
    """A lone generic word ("Council", "Producer") or an adjective ("Arab countries")."""
    words = entity.key.split()
    if entity.country or len(words) > 1:
        return False
    if words[0] in ORG_WORDS or words[0] in TITLES or words[0] in PLACE_WORDS:
        return True
    return not is_acronym(entity.name) and entity.share(entity.before_noun) >= ADJECTIVE_SHARE


def _reporter(entity: Entity, authors: set[str]) -> bool:
    if entity.key in authors:
        return True
    return entity.reporter >= 2 and entity.share(entity.reporter) >= REPORTER_SHARE


def _place(entity: Entity) -> bool:
    if entity.country:
        return False
    words = entity.key.split()
    if is_region(entity.name) or is_region_adjective(entity.name):
        return True
    if is_province(entity.name) and entity.share(entity.person_titled) < TITLED_SHARE:
        return True
    if len(words) > 1 and words[0] in COMPASS:
        rest = " ".join(words[1:])
        if (
            is_region(rest)
            or rest in COMPASS
            or country_of(rest) is not None
            or rest in _CONTINENTS
        ):
            return True
    if words[-1] in PURE_PLACE_WORDS:
        return True
    if any(w in ORG_WORDS for w in words) or is_acronym(entity.name):
        return False
    if entity.share(entity.person_titled) >= TITLED_SHARE:
        return False
    return entity.share(entity.locative) >= LOCATIVE_SHARE


_CONTINENTS = frozenset({"africa", "asia", "europe", "america", "americas", "east", "west"})


def kind_of(entity: Entity) -> str:
    return entity.kind or _kind(entity, frozenset())


def _kind(entity: Entity, known: frozenset[str]) -> str:
    """person, country, organisation, armed group or other, from the evidence."""
    if entity.country:
        return "country"
    words = entity.key.split()
    armed = sum(n for word, n in entity.next_words.items() if word in ARMED_NOUNS)
    if any(w in ARMED_WORDS for w in words) or armed >= 3 and entity.share(armed) >= ARMED_SHARE:
        return "armed group"
    if entity.share(entity.person_titled) >= TITLED_SHARE and not entity.abbreviated:
        return "person"
    org_nouns = sum(n for word, n in entity.next_words.items() if word in ORG_NOUNS)
    if org_nouns >= 3 and entity.share(org_nouns) >= ORG_NOUN_SHARE:
        return "organisation"  # "Goldman Sachs shares"
    if entity.surnames and _person_like(entity, known):
        return "person"
    if any(w in ORG_WORDS for w in words) or is_acronym(entity.name) or entity.abbreviated:
        return "organisation"
    if len(words) == 1 and _plural_of_known(words[0], entity, known):
        return "other"  # a people or a faith: "the Kurds", "Shias" (not "Hamas")
    if entity.share(entity.after_the) >= THE_SHARE:
        return "organisation"
    if _person_like(entity, known):
        return "person"
    if len(words) > 1 and entity.share(entity.plain) > 0.5:
        return "other"  # "Swine Flu": ordinary words, no organisation word
    return "organisation"


def _plural_of_known(word: str, entity: Entity, known: frozenset[str]) -> bool:
    """ "Kurds" when "Kurd" is a name too, or when the entity merged both forms."""
    if not word.endswith("s") or len(word) < 4:
        return False
    singular = word[:-1]
    return singular in known or any(name_key(f) == singular for f in entity.forms)


def aliases_of(entity: Entity, kind: str) -> tuple[str, ...]:
    """Other forms the corpus writes for the entity, most used first."""
    name = entity.name
    seen = {fold(name).lower()}
    out: list[str] = []
    for form, _ in sorted(entity.forms.items(), key=lambda kv: (-kv[1], kv[0])):
        folded = fold(form).lower()
        if folded in seen or not form.strip():
            continue
        if kind == "person" and len(form.split()) == 1 and len(name.split()) > 1:
            continue  # the registry gives a person's surname by itself
        seen.add(folded)
        out.append(form)
    return tuple(out[:12])


def role_of(entity: Entity, kind: str) -> str:
    if kind != "person" or not entity.roles:
        return ""
    role = _most_common(entity.roles)
    return role if entity.roles[role] >= 2 or len(entity.roles) == 1 else ""


def description_of(entity: Entity, kind: str) -> str:
    """The apposition written most often after the name; one written once only if it names
    a role ("a Google executive on leave"): a single odd clause is no description."""
    if kind == "country":
        return ""
    chosen = [
        (n, phrase) for phrase, n in entity.appositions.items()
        if n >= 2 or any(w.lower().strip(",") in TITLES for w in phrase.split())
    ]  # fmt: skip
    if not chosen:
        return ""
    _, phrase = max(chosen, key=lambda item: (item[0], -len(item[1]), item[1]))
    return phrase[0].upper() + phrase[1:]
