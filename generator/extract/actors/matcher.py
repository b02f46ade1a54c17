"""Finding actor mentions: one Aho-Corasick automaton over every alias of every actor.

The automaton runs over a folded copy of the text (accents, apostrophes, hyphens
and spaces folded one character for one), so offsets are offsets into the original.
Case is handled by the keys rather than by lowercasing the text: each alias adds the
capitalised forms news writes (sentence start, headlines, datelines) but never a
lowercased one, so "US" never matches "us" and "Turkey" never matches "turkey".
"""

from __future__ import annotations

import operator
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Protocol

import ahocorasick

from generator.extract.actors.derive import surname_forms
from generator.text.folding import WORD_CHARS, fold

# What a key stands for: an actor always, an actor once introduced, or nothing.
_ALWAYS, _INTRODUCED, _BLOCK = 0, 1, 2
_LOWER_FIRST = frozenset({"al", "el", "al-", "el-", "bin", "ibn", "van", "von", "de", "der"})


@dataclass(frozen=True)
class Mention:
    start: int
    end: int
    text: str
    actor_id: str


@dataclass(frozen=True)
class _Key:
    tier: int  # 0: as the editor wrote it; 1: a generated case variant
    rule: int  # _ALWAYS, _INTRODUCED or _BLOCK
    actor_id: str | None  # None: ambiguous or blocked


def _strength(key: _Key) -> tuple[int, bool]:
    """As written beats a generated variant; a full alias beats a once-introduced one."""
    return (-key.tier, key.rule != _INTRODUCED)


def case_variants(alias: str) -> set[str]:
    """The spellings of a folded alias to match: as written, capitalised, upper case.

    Acronyms and short aliases ("US", "U.S.", "IDF") are matched exactly as written.
    """
    out = {alias}
    letters = [c for c in alias if c.isalpha()]
    if len(letters) <= 3 or all(c.isupper() for c in letters):
        return out
    out.add(alias[0].upper() + alias[1:])
    out.add(_title(alias))
    first = alias.split(" ", 1)[0].split("-", 1)[0]
    if first.lower() in _LOWER_FIRST:
        out.add(alias[0].lower() + alias[1:])
    upper = alias.upper()
    if len(upper) == len(alias):
        out.add(upper)
    return {v for v in out if len(v) == len(alias)}


def _title(alias: str) -> str:
    chars = list(alias)
    for i, char in enumerate(chars):
        if i == 0 or chars[i - 1] in " -":
            chars[i] = char.upper()
    return "".join(chars)


class _Named(Protocol):
    """An actor as the matcher reads it (``registry.Actor``)."""

    id: str
    name: str
    kind: str
    short_aliases: tuple[str, ...]
    surname: str | None

    @property
    def all_names(self) -> tuple[str, ...]: ...


class _Outlet(Protocol):
    name: str
    aliases: tuple[str, ...]


class Aliases(Protocol):
    """What a matcher is compiled from: the registry, validated (no alias has two owners)."""

    outlets: list[_Outlet]
    ignore: tuple[str, ...]

    def __iter__(self) -> Iterator[_Named]: ...


class Compiled(Protocol):
    """A registry with its compiled matcher (``Registry.matcher``)."""

    @property
    def matcher(self) -> Matcher: ...


class Matcher:
    """The compiled automaton of one registry.

    The registry has checked that no alias is claimed twice; what is left shared here
    (two people's surnames, generated case variants) stays unresolved, never guessed.
    """

    def __init__(self, registry: Aliases) -> None:
        keys: dict[str, _Key] = {}

        def add(alias: str, rule: int, actor_id: str | None) -> None:
            folded = fold(alias)
            for variant in case_variants(folded):
                tier = 0 if variant == folded else 1
                new = _Key(tier, rule, actor_id)
                old = keys.get(variant)
                if old is None or _strength(new) > _strength(old):
                    keys[variant] = new
                elif _strength(new) < _strength(old) or old == new:
                    continue
                else:
                    # Two actors share a surname or a variant: leave it unresolved, never guess.
                    keys[variant] = _Key(tier, rule if rule == _INTRODUCED else _BLOCK, None)

        for actor in registry:
            for alias in actor.all_names:
                add(alias, _ALWAYS, actor.id)
        for outlet in registry.outlets:
            for alias in (outlet.name, *outlet.aliases):
                add(alias, _BLOCK, None)
        for phrase in (*registry.ignore, *registry.places):
            add(phrase, _BLOCK, None)
        for actor in registry:
            short = list(actor.short_aliases)
            if actor.kind == "person" and actor.surname is not None:
                short += surname_forms(actor.name, actor.surname)
            for alias in short:
                add(alias, _INTRODUCED, actor.id)

        self.keys = keys
        self.automaton = ahocorasick.Automaton()
        for variant, key in keys.items():
            self.automaton.add_word(variant, (len(variant), key))
        self.empty = not keys
        self.nul_free = not any("\0" in variant for variant in keys)
        if not self.empty:
            self.automaton.make_automaton()

    def spans(self, text: str) -> list[tuple[int, int, _Key]]:
        """Leftmost-longest non-overlapping alias matches that sit on word boundaries."""
        if self.empty or not text:
            return []
        out = []
        pos = 0
        for start, neg_end, key in self._candidates(fold(text)):
            if start >= pos:
                out.append((start, -neg_end, key))
                pos = -neg_end
        return out

    def _candidates(self, folded: str) -> list[tuple[int, int, _Key]]:
        """Alias matches on word boundaries as (start, -end, key), longest first at a start."""
        candidates = []
        for last, (length, key) in self.automaton.iter(folded):
            start, end = last - length + 1, last + 1
            if _on_boundaries(folded, start, end):
                candidates.append((start, -end, key))
        candidates.sort(key=_span_order)
        return candidates

    def spans_each(self, texts: list[str]) -> list[list[tuple[int, int, _Key]]]:
        """spans() of each text, read in one pass over the texts joined by a NUL: no
        alias holds one, and a NUL is no word character, as the end of a text is not."""
        if self.empty or len(texts) < 2 or not self.nul_free or any("\0" in t for t in texts):
            return [self.spans(text) for text in texts]
        candidates = self._candidates(fold("\0".join(texts)))
        out: list[list[tuple[int, int, _Key]]] = [[] for _ in texts]
        index, offset = 0, 0
        limit = len(texts[0])
        pos = 0
        for start, neg_end, key in candidates:
            if start >= pos:
                while start > limit:
                    offset = limit + 1
                    index += 1
                    limit = offset + len(texts[index])
                out[index].append((start - offset, -neg_end - offset, key))
                pos = -neg_end
        return out


_span_order = operator.itemgetter(0, 1)


def _on_boundaries(text: str, start: int, end: int, word: dict[str, bool] = WORD_CHARS) -> bool:
    """Never inside another word; possessives and hyphenated forms are fine."""
    if start > 0 and word[text[start]]:
        before = text[start - 1]
        if word[before]:
            return False
        # An elided letter belongs to the word: O'Brien, d'Estaing.
        if before == "'" and start > 1 and word[text[start - 2]]:
            return False
    n = len(text)
    if end < n and word[text[end - 1]]:
        after = text[end]
        if word[after]:
            return False
        # After an apostrophe only the possessive: Qatar's, but not Hamas'tan.
        if (
            after == "'"
            and end + 1 < n
            and word[text[end + 1]]
            and (text[end + 1] not in "sS" or (end + 2 < n and word[text[end + 2]]))
        ):
            return False
    return True


def find_article_mentions(paragraphs: Iterable[str], registry: Compiled) -> list[list[Mention]]:
    """Mentions per paragraph, reading the paragraphs as one article.

    Surnames and short aliases resolve only after the actor was named by a full alias
    earlier in the article; a surname two registered people share stays unresolved.
    """
    matcher = registry.matcher
    introduced: set[str] = set()
    out: list[list[Mention]] = []
    texts = list(paragraphs)
    for text, spans in zip(texts, matcher.spans_each(texts), strict=True):
        mentions = []
        for start, end, key in spans:
            if key.actor_id is None or key.rule == _BLOCK:
                continue
            if key.rule == _INTRODUCED and key.actor_id not in introduced:
                continue
            introduced.add(key.actor_id)
            mentions.append(Mention(start, end, text[start:end], key.actor_id))
        out.append(mentions)
    return out


def find_mentions(text: str, registry: Compiled) -> list[Mention]:
    """Mentions in one text, read as a whole article (its surnames resolve within it)."""
    return find_article_mentions([text], registry)[0]
