"""The editor-owned actor registry and the mention finder.

First version: a plain regex over aliases. The actors issue deepens it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

import yaml

ActorKind = Literal["person", "country", "organisation", "armed group", "other"]
KINDS: tuple[str, ...] = ("person", "country", "organisation", "armed group", "other")


class RegistryError(ValueError):
    """A malformed registry; the message names the file and line."""


@dataclass(frozen=True)
class Actor:
    id: str
    name: str
    kind: str
    description: str = ""
    aliases: tuple[str, ...] = ()
    parent: str | None = None
    role: str | None = None
    links: dict[str, str] = field(default_factory=dict, hash=False, compare=False)


@dataclass(frozen=True)
class Mention:
    start: int
    end: int
    text: str
    actor_id: str


@dataclass
class Registry:
    actors: dict[str, Actor]
    source: str = ""
    _pattern: re.Pattern[str] | None = field(default=None, repr=False)
    _by_alias: dict[str, str] = field(default_factory=dict, repr=False)

    def __post_init__(self) -> None:
        for actor in self.actors.values():
            for alias in (actor.name, *actor.aliases):
                self._by_alias[alias] = actor.id
        names = sorted(self._by_alias, key=len, reverse=True)
        if names:
            self._pattern = re.compile(r"(?<!\w)(" + "|".join(map(re.escape, names)) + r")(?!\w)")

    def __getitem__(self, actor_id: str) -> Actor:
        return self.actors[actor_id]

    def __iter__(self):
        return iter(self.actors.values())

    def __len__(self) -> int:
        return len(self.actors)


def load_registry(path: str | Path) -> Registry:
    path = Path(path)
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    except yaml.YAMLError as exc:
        raise RegistryError(f"{path}: not valid YAML: {exc}") from None
    actors = {}
    for entry in data.get("actors", []):
        actor = Actor(
            id=entry["id"],
            name=entry["name"],
            kind=entry.get("kind", "other"),
            description=entry.get("description", ""),
            aliases=tuple(entry.get("aliases", [])),
            parent=entry.get("parent"),
            role=entry.get("role"),
        )
        actors[actor.id] = actor
    return Registry(actors, source=str(path))


def find_mentions(text: str, registry: Registry) -> list[Mention]:
    if registry._pattern is None:
        return []
    return [
        Mention(m.start(), m.end(), m.group(0), registry._by_alias[m.group(0)])
        for m in registry._pattern.finditer(text)
    ]
