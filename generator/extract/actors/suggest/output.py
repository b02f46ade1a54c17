"""Suggested actors as registry YAML an editor can accept, and merged into a registry file.

The output is a whole registry document (``actors:``, ``places:``) that the registry
loader accepts as it is. Each entry carries a comment with its evidence. Writing into an
existing ``actors.yml`` only inserts lines: the editor's entries, comments and layout
stay byte for byte, and a suggestion whose name or alias the registry already holds is
left out.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from pathlib import Path

import yaml

from generator.extract.actors import RESERVED_IDS, RegistryError, parse_registry
from generator.extract.actors.suggest import Suggestion, Suggestions
from generator.text.folding import fold

_EXAMPLE_CHARS = 160


def slug(name: str) -> str:
    ascii_name = unicodedata.normalize("NFKD", fold(name)).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_name.lower()).strip("-") or "actor"


def _printable(text: str) -> str:
    """One line of text YAML accepts in a comment."""
    return " ".join("".join(c if c.isprintable() else " " for c in text).split())


def _shorten(text: str, limit: int = _EXAMPLE_CHARS) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def _evidence(item: Suggestion) -> str:
    mentions = "mention" if item.count == 1 else "mentions"
    articles = "article" if item.documents == 1 else "articles"
    outlets = f", {item.outlets} outlets" if item.outlets > 1 else ""
    example = _shorten(_printable(item.example))
    line = f"{item.count} {mentions} in {item.documents} {articles}{outlets}"
    return f"{line}, e.g.: {example}" if example else line


def _entries(
    items: Iterable[Suggestion], used_ids: set[str], claimed: set[str]
) -> list[tuple[Suggestion, dict]]:
    """Registry entries with unique ids; names and aliases already claimed are left out."""
    out = []
    for item in items:
        if fold(item.name).lower() in claimed:
            continue
        base = slug(item.name)
        actor_id, n = base, 2
        while actor_id in used_ids:
            actor_id, n = f"{base}-{n}", n + 1
        used_ids.add(actor_id)
        claimed.add(fold(item.name).lower())
        aliases = []
        for alias in item.aliases:
            key = fold(alias).lower()
            if key not in claimed and any(c.isalnum() for c in alias) and alias.strip():
                claimed.add(key)
                aliases.append(" ".join(alias.split()))
        entry: dict = {"id": actor_id, "name": " ".join(item.name.split()), "kind": item.kind}
        if item.role:
            entry["role"] = " ".join(item.role.split())
        entry["description"] = _printable(item.description)
        if aliases:
            entry["aliases"] = aliases
        out.append((item, entry))
    return out


def _dump(value: object, indent: str) -> list[str]:
    text = yaml.safe_dump(value, allow_unicode=True, sort_keys=False, width=10_000)
    return [indent + line for line in text.splitlines()]


def _actor_lines(pairs: list[tuple[Suggestion, dict]], indent: str) -> list[str]:
    lines = []
    for item, entry in pairs:
        lines.append(f"{indent}# {_evidence(item)}")
        dumped = _dump([entry], indent)
        dumped[0] += "" if "#" in dumped[0] else ""
        lines += dumped
    return lines


def _place_lines(items: Iterable[Suggestion], indent: str, claimed: set[str]) -> list[str]:
    lines = []
    for item in items:
        key = fold(item.name).lower()
        if key in claimed:
            continue
        claimed.add(key)
        mentions = "mention" if item.count == 1 else "mentions"
        lines.append(f"{indent}# {item.count} {mentions} in {item.documents} articles")
        lines += _dump([" ".join(item.name.split())], indent)
    return lines


def suggestions_yaml(suggestions: Suggestions | Iterable[Suggestion]) -> str:
    """A whole registry document: ``actors:`` then ``places:``, each entry with its evidence."""
    if not isinstance(suggestions, Suggestions):
        suggestions = Suggestions(tuple(suggestions))
    claimed: set[str] = set()
    pairs = _entries(suggestions.actors, set(RESERVED_IDS), claimed)
    lines = [
        f"# {len(pairs)} actors suggested by `digest actors suggest`, the most widely named first.",
        "# Kinds, roles and descriptions are guesses from the corpus: check them, then keep",
        "# this file as content/actors.yml (or run `digest actors suggest --write`).",
    ]
    if pairs:
        lines.append("actors:")
        lines += _actor_lines(pairs, "  ")
    else:
        lines.append("actors: []  # every frequent name is already in the registry")
    places = _place_lines(suggestions.places, "  ", claimed)
    if places:
        lines += [
            "",
            "# Places the story happens in: not actors, listed so they are never read as one.",
            "places:",
            *places,
        ]
    return "\n".join(lines) + "\n"


def write_suggestions(path: Path, suggestions: Suggestions) -> tuple[int, int]:
    """Merge suggestions into the registry file at ``path``; returns (actors, places) added.

    Only lines are inserted: after the last entry of ``actors:`` and of ``places:`` (or a
    new block at the end), so the editor's entries, comments and layout stay as they are.
    Raises ``RegistryError`` when the file is not a valid registry, before or after.
    """
    text = path.read_text(encoding="utf-8") if path.exists() else ""
    registry = parse_registry(text, str(path))
    claimed = {fold(n).lower() for a in registry for n in (*a.all_names, *a.short_aliases)}
    claimed |= {fold(n).lower() for o in registry.outlets for n in (o.name, *o.aliases)}
    claimed |= {fold(n).lower() for n in (*registry.ignore, *registry.places)}
    used_ids = set(RESERVED_IDS) | set(registry.actors)
    pairs = _entries(suggestions.actors, used_ids, claimed)
    node = yaml.compose(text) if text.strip() else None
    new_text = text
    places_added = 0
    if suggestions.places:
        place_lines = _place_lines(suggestions.places, "  ", claimed)
        places_added = sum(1 for line in place_lines if line.lstrip().startswith("- "))
        new_text = _insert(new_text, node, "places", place_lines)
        node = yaml.compose(new_text) if new_text.strip() else None
    if pairs:
        new_text = _insert(new_text, node, "actors", _actor_lines(pairs, "  "))
    if new_text != text:
        parse_registry(new_text, str(path))  # never write a registry the loader refuses
        path.write_text(new_text, encoding="utf-8")
    return len(pairs), places_added


def _insert(text: str, node: yaml.Node | None, key: str, lines: list[str]) -> str:
    """``lines`` (list items indented by two) added to the block list under ``key``."""
    if not lines:
        return text
    if node is None or not isinstance(node, yaml.MappingNode):
        prefix = text if text.endswith("\n") or not text else text + "\n"
        return prefix + f"{key}:\n" + "\n".join(lines) + "\n"
    for key_node, value_node in node.value:
        if key_node.value != key:
            continue
        if isinstance(value_node, yaml.SequenceNode) and not value_node.flow_style:
            items = value_node.value
            indent = " " * (value_node.start_mark.column)
            lines = [indent + line[2:] if line.startswith("  ") else line for line in lines]
            end = _line_end(text, items[-1].end_mark.index) if items else value_node.end_mark.index
            return (
                text[:end]
                + ("" if text[:end].endswith("\n") else "\n")
                + "\n".join(lines)
                + "\n"
                + text[end:]
            )
        if isinstance(value_node, (yaml.SequenceNode, yaml.ScalarNode)) and not (value_node.value):
            # "actors: []" or "actors:" with nothing: replace the empty value by the list.
            start, end = key_node.start_mark.index, _line_end(text, value_node.end_mark.index)
            return text[:start] + f"{key}:\n" + "\n".join(lines) + "\n" + text[end:]
        raise RegistryError(
            f"<registry>:{key_node.start_mark.line + 1}: '{key}' must be a block list to add to"
        )
    prefix = text if text.endswith("\n") else text + "\n"
    return prefix + f"{key}:\n" + "\n".join(lines) + "\n"


def _line_end(text: str, index: int) -> int:
    """The index just after the line holding ``index`` (a node ends where its line ends)."""
    if index > 0 and text[index - 1] == "\n":
        return index
    newline = text.find("\n", index)
    return len(text) if newline < 0 else newline + 1
