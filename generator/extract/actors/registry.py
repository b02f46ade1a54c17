"""The editor-owned actor registry: loading and validation.

Editors write ``content/actors.yml`` by hand, so every mistake is reported as one
``RegistryError`` naming the file and line, never as a traceback. Line numbers come
from composing the YAML into nodes, which keep their source marks.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import Any, Literal

import yaml

from generator.extract.actors.derive import DeriveError, country_aliases
from generator.extract.actors.matcher import Matcher
from generator.text.folding import fold, squash_spaces
from generator.text.safe_yaml import LimitedLoader, YamlLimitError, shown

ActorKind = Literal["person", "country", "organisation", "armed group", "other"]
KINDS: tuple[str, ...] = ("person", "country", "organisation", "armed group", "other")
RESERVED_IDS = frozenset({"index", "tags", "feeds", "search", "assets"})
LINK_KEYS = ("wikipedia", "wikidata", "website")
DERIVERS = ("countryinfo",)

_SLUG = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
_PARTIAL_DATE = re.compile(r"\d{4}(?:-(0[1-9]|1[0-2])(?:-(0[1-9]|[12]\d|3[01]))?)?")
_WIKIDATA = re.compile(r"Q[1-9]\d*")
_ACTOR_FIELDS = frozenset(
    {
        "id", "name", "kind", "description", "aliases", "short_aliases", "surname",
        "parent", "role", "roles", "links", "derive", "country", "exclude_aliases",
    }
)  # fmt: skip
_TOP_FIELDS = frozenset({"actors", "outlets", "ignore", "derive", "places"})


class RegistryError(ValueError):
    """A malformed registry; the message names the file and line."""


@dataclass(frozen=True)
class Role:
    """A title held over a span of time; dates are ISO and may be partial (2024-11)."""

    title: str
    start: str | None = None
    end: str | None = None


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
    roles: tuple[Role, ...] = ()
    # Resolve only once the actor has been named in full in the same article.
    short_aliases: tuple[str, ...] = ()
    # "" derives the surname from the name (persons only); None turns it off.
    surname: str | None = ""

    @property
    def all_names(self) -> tuple[str, ...]:
        return (self.name, *self.aliases)


@dataclass(frozen=True)
class Outlet:
    """A news outlet: cited as a source, never counted as an actor in the story."""

    name: str
    aliases: tuple[str, ...] = ()


@dataclass
class Registry:
    actors: dict[str, Actor]
    source: str = ""
    outlets: list[Outlet] = field(default_factory=list)
    # Phrases that contain an alias but mean something else ("Tel Aviv University").
    ignore: tuple[str, ...] = ()
    # Places the story happens in: never actors, and never read as one ("Mexico City").
    places: tuple[str, ...] = ()
    _matcher: Matcher | None = field(default=None, repr=False, compare=False)

    def __post_init__(self) -> None:
        """A registry built in code is held to the rule a parsed one is: each alias names
        one actor, outlet or ignored phrase. (``parse_registry`` checks it first, to name
        the line; a registry built in code has no lines to name.)"""
        claims = _Claims()
        for owner, names in _claimants(self):
            for alias in names:
                holder = claims.claim(owner, alias, 0)
                if holder is not None:
                    raise RegistryError(
                        f"{self.source or '<registry>'}: alias {shown(alias)} is claimed by both "
                        f"{shown(holder[0])} and {shown(owner)}"
                    )

    def __getitem__(self, actor_id: str) -> Actor:
        return self.actors[actor_id]

    def __contains__(self, actor_id: object) -> bool:
        return actor_id in self.actors

    def __iter__(self) -> Iterator[Actor]:
        return iter(self.actors.values())

    def __len__(self) -> int:
        return len(self.actors)

    def get(self, actor_id: str) -> Actor | None:
        return self.actors.get(actor_id)

    @property
    def matcher(self) -> Matcher:
        """The compiled alias automaton, built on first use."""
        if self._matcher is None:
            self._matcher = Matcher(self)
        return self._matcher


class _Claims:
    """Folded alias -> who wrote it first, and on which line: an alias names one thing."""

    def __init__(self) -> None:
        self.holders: dict[str, tuple[str, int]] = {}

    def claim(self, owner: str, alias: str, line: int) -> tuple[str, int] | None:
        """The other owner already holding ``alias``, if any; else ``owner`` holds it."""
        key = fold(alias)
        holder = self.holders.setdefault(key, (owner, line))
        return holder if holder[0] != owner else None


def _claimants(registry: Registry) -> Iterator[tuple[str, tuple[str, ...]]]:
    """Who claims which names, in the order the registry file lists them."""
    for actor in registry:
        yield actor.id, (*actor.all_names, *actor.short_aliases)
    for outlet in registry.outlets:
        yield f"outlet {outlet.name}", (outlet.name, *outlet.aliases)
    yield "(ignore list)", registry.ignore
    yield "(places)", registry.places


# --- YAML with line numbers -------------------------------------------------------------


class _Map(dict):
    """A YAML mapping that remembers the line of each value."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.line = 1
        self.key_lines: dict[str, int] = {}


class _Seq(list):
    """A YAML sequence that remembers the line of each item."""

    def __init__(self, *args: Any) -> None:
        super().__init__(*args)
        self.line = 1
        self.item_lines: list[int] = []


def _line(node: yaml.Node) -> int:
    return node.start_mark.line + 1


class _Reader:
    def __init__(self, path: str, text: str) -> None:
        self.path = path
        self.text = text

    def error(self, line: int, message: str) -> RegistryError:
        return RegistryError(f"{self.path}:{line}: {squash_spaces(message)}")

    def read(self) -> Any:
        try:
            self.loader = LimitedLoader(self.text)
        except yaml.YAMLError as exc:  # characters YAML refuses, found before parsing
            raise self.error(1, f"invalid YAML: {exc}") from None
        try:
            # Refused here if it nests or expands past the limits: ``convert`` expands
            # every alias, so a few lines of aliases would otherwise grow to gigabytes.
            node = self.loader.get_single_node()
            return None if node is None else self.convert(node)
        except YamlLimitError as exc:
            raise self.error(exc.line, f"not read: {exc}") from None
        except yaml.MarkedYAMLError as exc:
            mark = exc.problem_mark or exc.context_mark
            line = mark.line + 1 if mark else 1
            raise self.error(line, f"invalid YAML: {exc.problem or exc.context}") from None
        except yaml.YAMLError as exc:
            raise self.error(1, f"invalid YAML: {exc}") from None
        except RecursionError:
            raise self.error(1, "invalid YAML: nested too deeply") from None
        finally:
            self.loader.dispose()

    def convert(self, node: yaml.Node) -> Any:
        if isinstance(node, yaml.MappingNode):
            out = _Map()
            out.line = _line(node)
            for key_node, value_node in node.value:
                key = self.convert(key_node)
                if not isinstance(key, str):
                    raise self.error(_line(key_node), f"keys must be text, got {shown(key)}")
                if key in out:
                    raise self.error(
                        _line(key_node),
                        f"key {shown(key)} given twice (first on line {out.key_lines[key]})",
                    )
                out[key] = self.convert(value_node)
                out.key_lines[key] = _line(value_node)
            return out
        if isinstance(node, yaml.SequenceNode):
            seq = _Seq(self.convert(item) for item in node.value)
            seq.line, seq.item_lines = _line(node), [_line(item) for item in node.value]
            return seq
        try:
            return self.loader.construct_object(node, deep=True)
        except (ValueError, TypeError, OverflowError) as exc:  # e.g. a date like 2024-02-30
            raise self.error(_line(node), f"cannot read value {shown(node.value)}: {exc}") from None


# --- Validation ---------------------------------------------------------------------------


def load_registry(path: str | Path) -> Registry:
    """Read and validate a registry file; raises ``RegistryError`` on any mistake."""
    name = str(path)
    try:
        text = Path(path).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise RegistryError(f"{name}:1: cannot read registry: {exc}") from None
    return parse_registry(text, name)


def parse_registry(text: str, source: str = "<registry>") -> Registry:
    """Validate registry YAML given as text (``source`` names it in errors)."""
    reader = _Reader(source, text)
    data = reader.read()
    return _Builder(reader).build(data)


class _Builder:
    def __init__(self, reader: _Reader) -> None:
        self.reader = reader
        self.error = reader.error

    def build(self, data: Any) -> Registry:
        if data is None:
            data = _Map()
        if not isinstance(data, _Map):
            raise self.error(1, "expected a mapping with an 'actors' list at the top")
        for key in data:
            if key not in _TOP_FIELDS:
                raise self.error(
                    data.key_lines[key],
                    f"unknown top-level key {shown(key)} (known: {_known(_TOP_FIELDS)})",
                )
        derive_all = self.derive_value(data, "derive", data.line)
        entries = data.get("actors") or _Seq()
        if not isinstance(entries, _Seq):
            raise self.error(data.key_lines.get("actors", 1), "'actors' must be a list")
        actors: dict[str, Actor] = {}
        lines: dict[str, int] = {}
        claims = _Claims()
        for entry, line in zip(entries, entries.item_lines, strict=True):
            actor = self.actor(entry, line, derive_all)
            if actor.id in actors:
                raise self.error(
                    line, f"duplicate actor id {shown(actor.id)} (first on line {lines[actor.id]})"
                )
            actors[actor.id] = actor
            lines[actor.id] = line
            self.claim(claims, actor.id, (*actor.all_names, *actor.short_aliases), entry, line)
        self.check_parents(actors, lines, entries)
        outlets = self.outlets(data.get("outlets"), data.key_lines.get("outlets", 1), claims)
        ignore = self.strings(data.get("ignore"), data.key_lines.get("ignore", 1), "ignore")
        self.claim(claims, "(ignore list)", ignore, data, data.key_lines.get("ignore", 1))
        places = self.strings(data.get("places"), data.key_lines.get("places", 1), "places")
        self.claim(claims, "(places)", places, data, data.key_lines.get("places", 1))
        return Registry(
            actors, source=self.reader.path, outlets=outlets, ignore=ignore, places=places
        )

    # -- one actor

    def actor(self, entry: Any, line: int, derive_all: str | None) -> Actor:
        if not isinstance(entry, _Map):
            raise self.error(line, "each actor must be a mapping with at least 'id' and 'name'")
        for key in entry:
            if key not in _ACTOR_FIELDS:
                raise self.error(
                    entry.key_lines[key],
                    f"unknown actor field {shown(key)} (known: {_known(_ACTOR_FIELDS)})",
                )
        at = entry.key_lines.get
        actor_id = entry.get("id")
        if actor_id is None:
            raise self.error(line, "actor has no 'id'")
        if not isinstance(actor_id, str) or not _SLUG.fullmatch(actor_id):
            raise self.error(
                at("id", line),
                f"id {shown(actor_id)} is not a safe slug"
                " (lowercase letters, digits, single hyphens)",
            )
        if actor_id in RESERVED_IDS:
            raise self.error(
                at("id", line),
                f"id {shown(actor_id)} collides with a reserved page name ({_known(RESERVED_IDS)})",
            )
        label = f"actor {shown(actor_id)}"
        name = self.text(entry.get("name"), at("name", line), f"{label}: 'name'", required=True)
        kind = entry.get("kind", "other")
        if kind not in KINDS:
            raise self.error(
                at("kind", line), f"{label}: unknown kind {shown(kind)} (known: {', '.join(KINDS)})"
            )
        description = self.text(
            entry.get("description"), at("description", line), f"{label}: 'description'"
        )
        aliases = self.strings(entry.get("aliases"), at("aliases", line), f"{label}: 'aliases'")
        short = self.strings(
            entry.get("short_aliases"), at("short_aliases", line), f"{label}: 'short_aliases'"
        )
        excluded = self.strings(
            entry.get("exclude_aliases"), at("exclude_aliases", line), f"{label}: 'exclude_aliases'"
        )
        surname: str | None = ""
        if "surname" in entry:
            raw = entry["surname"]
            if raw is False or raw is None:
                surname = None
            else:
                surname = self.text(raw, at("surname", line), f"{label}: 'surname'", required=True)
        parent = entry.get("parent")
        if parent is not None and not isinstance(parent, str):
            raise self.error(at("parent", line), f"{label}: 'parent' must be an actor id")
        roles = self.roles(entry.get("roles"), at("roles", line), label)
        role = self.text(entry.get("role"), at("role", line), f"{label}: 'role'") or None
        if role is None and roles:
            role = _current_role(roles)
        links = self.links(entry.get("links"), at("links", line), label)
        derive = self.derive_value(entry, "derive", line)
        if "derive" not in entry:
            derive = derive_all if kind == "country" else None
        if derive:
            lookup = entry.get("country", name)
            try:
                derived = country_aliases(str(lookup))
            except DeriveError as exc:
                raise self.error(at("derive", at("country", line)), f"{label}: {exc}") from None
            aliases = (*aliases, *derived)
        elif "country" in entry:
            raise self.error(
                at("country", line), f"{label}: 'country' only applies with 'derive: countryinfo'"
            )
        drop = {fold(a) for a in excluded}
        aliases = _unique(a for a in aliases if fold(a) not in drop and fold(a) != fold(name))
        return Actor(
            id=actor_id,
            name=name,
            kind=kind,
            description=description,
            aliases=aliases,
            parent=parent,
            role=role,
            links=links,
            roles=roles,
            short_aliases=_unique(a for a in short if fold(a) not in drop),
            surname=surname,
        )

    def derive_value(self, mapping: _Map, key: str, line: int) -> str | None:
        value = mapping.get(key)
        if value is None or value is False:
            return None
        if value not in DERIVERS:
            raise self.error(
                mapping.key_lines.get(key, line),
                f"unknown 'derive' source {shown(value)} (known: {', '.join(DERIVERS)}, or false)",
            )
        return value

    def text(self, value: Any, line: int, what: str, required: bool = False) -> str:
        if value is None:
            if required:
                raise self.error(line, f"{what} is missing")
            return ""
        if not isinstance(value, str) or (required and not value.strip()):
            raise self.error(line, f"{what} must be non-empty text, got {shown(value)}")
        return squash_spaces(value)

    def strings(self, value: Any, line: int, what: str) -> tuple[str, ...]:
        if value is None:
            return ()
        if isinstance(value, str):
            value = _Seq([value])
            value.item_lines = [line]
        if not isinstance(value, _Seq):
            raise self.error(line, f"{what} must be a list of names")
        out = []
        for item, item_line in zip(value, value.item_lines, strict=True):
            if not isinstance(item, str) or not squash_spaces(item):
                raise self.error(item_line, f"{what}: {shown(item)} is not a non-empty name")
            if not any(c.isalnum() for c in item):
                raise self.error(item_line, f"{what}: {shown(item)} has no letters or digits")
            out.append(squash_spaces(item))
        return tuple(out)

    def roles(self, value: Any, line: int, label: str) -> tuple[Role, ...]:
        if value is None:
            return ()
        if not isinstance(value, _Seq):
            raise self.error(line, f"{label}: 'roles' must be a list of {{title, from, to}}")
        out = []
        for item, item_line in zip(value, value.item_lines, strict=True):
            if not isinstance(item, _Map):
                raise self.error(
                    item_line, f"{label}: each role must be a mapping {{title, from, to}}"
                )
            for key in item:
                if key not in ("title", "from", "to"):
                    raise self.error(
                        item.key_lines[key], f"{label}: unknown role field {shown(key)}"
                    )
            title = self.text(item.get("title"), item.key_lines.get("title", item_line),
                              f"{label}: role 'title'", required=True)  # fmt: skip
            start = self.partial_date(item, "from", item_line, label)
            end = self.partial_date(item, "to", item_line, label)
            if start and end and end < start:
                raise self.error(
                    item_line,
                    f"{label}: role {shown(title)} ends ({end}) before it starts ({start})",
                )
            out.append(Role(title, start, end))
        return tuple(out)

    def partial_date(self, item: _Map, key: str, line: int, label: str) -> str | None:
        value = item.get(key)
        if value is None:
            return None
        if isinstance(value, datetime):
            value = value.date()
        if isinstance(value, date):
            return value.isoformat()
        text = str(value).strip()
        if not _PARTIAL_DATE.fullmatch(text):
            raise self.error(
                item.key_lines.get(key, line),
                f"{label}: role '{key}' must be like 2024-11-05, 2024-11 or 2024,"
                f" got {shown(value)}",
            )
        return text

    def links(self, value: Any, line: int, label: str) -> dict[str, str]:
        if value is None:
            return {}
        if not isinstance(value, _Map):
            raise self.error(line, f"{label}: 'links' must be a mapping ({', '.join(LINK_KEYS)})")
        out = {}
        for key, link in value.items():
            at = value.key_lines[key]
            if key not in LINK_KEYS:
                raise self.error(
                    at, f"{label}: unknown link {shown(key)} (known: {', '.join(LINK_KEYS)})"
                )
            if not isinstance(link, str) or not link.strip():
                raise self.error(at, f"{label}: link {shown(key)} must be text")
            link = link.strip()
            if key == "wikidata":
                if not _WIKIDATA.fullmatch(link):
                    raise self.error(
                        at, f"{label}: wikidata id must look like Q12345, got {shown(link)}"
                    )
            elif key == "wikipedia" and not link.startswith(("http://", "https://")):
                link = "https://en.wikipedia.org/wiki/" + link.replace(" ", "_")
            elif key == "website" and not link.startswith(("http://", "https://")):
                raise self.error(at, f"{label}: website must start with http:// or https://")
            out[key] = link
        return out

    def outlets(self, value: Any, line: int, claims: _Claims) -> list[Outlet]:
        if value is None:
            return []
        if not isinstance(value, _Seq):
            raise self.error(line, "'outlets' must be a list of {name, aliases}")
        out = []
        for item, item_line in zip(value, value.item_lines, strict=True):
            if isinstance(item, str):
                item = _Map(name=item)
                item.key_lines = {"name": item_line}
            if not isinstance(item, _Map):
                raise self.error(item_line, "each outlet must be a name or {name, aliases}")
            for key in item:
                if key not in ("name", "aliases"):
                    raise self.error(item.key_lines[key], f"unknown outlet field {shown(key)}")
            name = self.text(
                item.get("name"), item.key_lines.get("name", item_line), "outlet 'name'", True
            )
            aliases = self.strings(item.get("aliases"), item.key_lines.get("aliases", item_line),
                                   f"outlet {shown(name)}: 'aliases'")  # fmt: skip
            self.claim(claims, f"outlet {name}", (name, *aliases), item, item_line)
            out.append(Outlet(name, aliases))
        return out

    def claim(self, claims: _Claims, owner: str, names: Any, entry: Any, line: int) -> None:
        for alias in names:
            here = _alias_line(entry, alias, line)
            holder = claims.claim(owner, alias, here)
            if holder is not None:
                raise self.error(
                    here,
                    f"alias {shown(alias)} is claimed by both {shown(holder[0])} (line {holder[1]})"
                    f" and {shown(owner)}",
                )

    def check_parents(self, actors: dict[str, Actor], lines: dict[str, int], entries: _Seq) -> None:
        by_id = {e.get("id"): e for e in entries if isinstance(e, _Map)}

        def parent_line(actor_id: str) -> int:
            entry = by_id.get(actor_id)
            return entry.key_lines.get("parent", lines[actor_id]) if entry else lines[actor_id]

        for actor in actors.values():
            if actor.parent is None:
                continue
            if actor.parent not in actors:
                raise self.error(
                    parent_line(actor.id),
                    f"actor {shown(actor.id)}: parent {shown(actor.parent)}"
                    " is not a registered actor",
                )
            chain, current = [actor.id], actor.parent
            while current is not None:
                if current in chain:
                    loop = " -> ".join([*chain[chain.index(current) :], current])
                    raise self.error(
                        parent_line(actor.id), f"actor {shown(actor.id)}: loop of parents: {loop}"
                    )
                chain.append(current)
                current = actors[current].parent


def _alias_line(entry: Any, alias: str, default: int) -> int:
    """The line where ``alias`` is written in an actor or outlet entry."""
    if not isinstance(entry, _Map):
        return default
    for key in ("aliases", "short_aliases", "ignore"):
        seq = entry.get(key)
        if isinstance(seq, _Seq):
            for item, line in zip(seq, seq.item_lines, strict=True):
                if isinstance(item, str) and squash_spaces(item) == alias:
                    return line
    if entry.get("name") == alias:
        return entry.key_lines.get("name", default)
    return entry.key_lines.get("derive", default)


def _current_role(roles: tuple[Role, ...]) -> str:
    open_ended = [r for r in roles if r.end is None]
    if open_ended:
        return max(open_ended, key=lambda r: r.start or "").title
    return max(roles, key=lambda r: r.end or "").title


def _unique(items: Any) -> tuple[str, ...]:
    seen: set[str] = set()
    out = []
    for item in items:
        if item not in seen:
            seen.add(item)
            out.append(item)
    return tuple(out)


def _known(names: Any) -> str:
    return ", ".join(sorted(names))
