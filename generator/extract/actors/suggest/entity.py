"""One name's evidence, gathered from its mentions and, after merging, from all its forms.

The suggester's later steps (generator/extract/actors/suggest/merge.py groups forms,
generator/extract/actors/suggest/kinds.py sorts and describes them) read only this.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from generator.extract.actors.suggest.scan import Mention, is_acronym
from generator.extract.actors.suggest.words import (
    ORG_WORDS,
    PERSON_TITLES,
    PURE_PLACE_WORDS,
)
from generator.text.folding import fold

# A name written after "the" at least this often is not a person.
THE_SHARE = 0.3
# A name with a person's title before at least this share of its mentions is a person.
TITLED_SHARE = 0.1


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
        return self.label or most_common(self.forms)

    def add(self, mention: Mention, doc: int, outlet: str) -> None:
        # Mid-sentence spellings outweigh sentence starts for the display name.
        self.forms[mention.name] += 1 if mention.initial else 3
        self.docs.add(doc)
        self.count += 1
        self.initial += mention.initial
        self.titled += mention.titled
        self.person_titled += bool(mention.role) and _person_role(mention.role) or mention.aged
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
        if not as_part:  # a surname's titles may be another bearer's ("King Hussein")
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


def most_common(counter: Counter) -> str:
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


def person_like(entity: Entity, known: frozenset[str] = frozenset()) -> bool:
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
