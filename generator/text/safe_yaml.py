"""YAML from files we do not control, read within limits: the one loader for front matter
and the actor registry.

YAML anchors and aliases let a few hundred bytes stand for billions of values (the
"billion laughs"), and nesting thousands deep overflows Python's stack. PyYAML's safe
loader stops neither: it composes a graph in which each alias is shared, and whatever
walks that graph (its own merge keys, our registry reader, an error message that prints a
value) expands it. So the graph is measured *before* anything is built from it: its
nesting as written, its number of aliases, and the size and depth it expands to. Past a
limit the document is refused with one short line.

Text scalars also get their surrogate pairs joined: JSON-style escapes such as
``"\\uD83D\\uDD25"`` are valid YAML for one emoji, but PyYAML keeps them as two lone
surrogates, which later become U+FFFD.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import yaml

# Real front matter nests two or three levels, a registry five or six; a limit of 50 is
# far above both and far below Python's stack (PyYAML's composer recurses ~3 frames a level).
MAX_DEPTH = 50
# Aliases written in the document: registries use a handful, front matter none.
MAX_ALIASES = 1_000
# Values after expanding every alias. The sample registry is ~4,000 nodes; 2,000 actors
# with roles and links stay under 100,000. Reading 1,000,000 takes about a second.
MAX_NODES = 1_000_000
# Front matter of one page: a few dozen values, at most a few thousand captions.
FRONT_MATTER_NODES = 100_000
# Front matter text: ingest writes 1-5 KB (evidence, captions, duplicates' names). PyYAML in
# pure Python reads about 40,000 characters a second of nested lists (2 cores, 2026-12), so
# 64 KB costs a page at most ~1.5 s.
FRONT_MATTER_CHARS = 64 * 1024
# The longest text an error message quotes.
SHOWN_CHARS = 60


class YamlLimitError(yaml.YAMLError):
    """A document past a limit; ``line`` is where (1-based, in the YAML text)."""

    def __init__(self, message: str, line: int = 1) -> None:
        super().__init__(message)
        self.message = message
        self.line = line

    def __str__(self) -> str:
        return self.message


@dataclass(frozen=True)
class Limits:
    depth: int = MAX_DEPTH
    aliases: int = MAX_ALIASES
    nodes: int = MAX_NODES
    chars: int | None = None  # the text's length; None: any (an editor's own file)


class LimitedLoader(yaml.SafeLoader):
    """PyYAML's safe loader, refusing documents past ``limits`` before constructing them.

    Use ``get_single_node`` (the checked node graph) or ``load_yaml``."""

    limits = Limits()

    def __init__(self, stream: str, limits: Limits | None = None) -> None:
        super().__init__(stream)
        if limits is not None:
            self.limits = limits
        self._depth = 0
        self._aliases = 0
        self._chars = len(stream)

    def compose_node(self, parent: Any, index: Any) -> Any:
        if self.check_event(yaml.AliasEvent):
            self._aliases += 1
            if self._aliases > self.limits.aliases:
                raise YamlLimitError(
                    f"too many aliases (more than {self.limits.aliases:,})",
                    self.peek_event().start_mark.line + 1,
                )
            return super().compose_node(parent, index)
        self._depth += 1
        try:
            if self._depth > self.limits.depth:
                line = self.peek_event().start_mark.line + 1
                raise YamlLimitError(
                    f"nested too deeply (more than {self.limits.depth} levels)", line
                )
            return super().compose_node(parent, index)
        finally:
            self._depth -= 1

    def get_single_node(self) -> Any:
        chars = self.limits.chars
        if chars is not None and self._chars > chars:
            raise YamlLimitError(f"too long ({self._chars:,} characters; at most {chars:,})")
        node = super().get_single_node()
        if node is not None:
            check_expansion(node, self.limits)
        return node

    def construct_yaml_str(self, node: yaml.ScalarNode) -> str:
        return join_surrogates(super().construct_yaml_str(node))


LimitedLoader.add_constructor("tag:yaml.org,2002:str", LimitedLoader.construct_yaml_str)


def check_expansion(root: yaml.Node, limits: Limits) -> None:
    """Raise ``YamlLimitError`` if the graph under ``root`` expands past the limits (or
    into itself: an anchor used inside its own value)."""
    sizes: dict[int, tuple[int, int]] = {}  # id(node) -> (expanded nodes, expanded depth)
    open_nodes: set[int] = set()

    def measure(node: yaml.Node) -> tuple[int, int]:
        key = id(node)
        if key in sizes:
            return sizes[key]
        if key in open_nodes:
            raise YamlLimitError("an alias refers to the value it is part of", _line(node))
        open_nodes.add(key)
        nodes, depth = 1, 1
        for child in _children(node):
            child_nodes, child_depth = measure(child)
            nodes += child_nodes
            depth = max(depth, child_depth + 1)
            # Named where the limit was crossed: the later of the value and this node (an
            # alias's node carries the line of its anchor, written earlier).
            line = max(_line(node), _line(child))
            if nodes > limits.nodes:
                raise YamlLimitError(
                    f"too many values (more than {limits.nodes:,} once aliases are expanded)", line
                )
            if depth > limits.depth:
                raise YamlLimitError(
                    f"aliases nest it too deeply (more than {limits.depth} levels)", line
                )
        open_nodes.discard(key)
        sizes[key] = (nodes, depth)
        return nodes, depth

    # Composition was limited to ``limits.depth`` levels, so this recursion is too.
    measure(root)


def _children(node: yaml.Node) -> list[yaml.Node]:
    if isinstance(node, yaml.SequenceNode):
        return list(node.value)
    if isinstance(node, yaml.MappingNode):
        return [part for pair in node.value for part in pair]
    return []


def _line(node: yaml.Node) -> int:
    return node.start_mark.line + 1


def load_yaml(text: str, limits: Limits | None = None) -> Any:
    """``yaml.safe_load`` within ``limits``; raises ``yaml.YAMLError`` (``YamlLimitError``
    for a document past a limit)."""
    loader = LimitedLoader(text, limits)
    try:
        node = loader.get_single_node()
        return None if node is None else loader.construct_document(node)
    finally:
        loader.dispose()


def join_surrogates(text: str) -> str:
    """Surrogate pairs (from ``\\uD83D\\uDD25`` escapes) as the characters they encode; a
    lone surrogate, which encodes nothing, becomes U+FFFD."""
    if not any("\ud800" <= c <= "\udfff" for c in text):
        return text
    return text.encode("utf-16-le", "surrogatepass").decode("utf-16-le", "replace")


def shown(value: object) -> str:
    """A value as an error message may quote it: one line, at most ``SHOWN_CHARS`` long.

    Never ``repr()`` of a whole value: a list from the web may hold millions of items."""
    if isinstance(value, (list, tuple, dict, set)):
        kind = "mapping" if isinstance(value, dict) else "list"
        return f"a {kind} of {len(value):,} item{'s' * (len(value) != 1)}"
    try:
        text = value if isinstance(value, str) else str(value)
    except ValueError:  # an integer too long to print
        return "a number too long to show"
    head = " ".join("".join(c if c.isprintable() else " " for c in text[: SHOWN_CHARS * 4]).split())
    if len(head) > SHOWN_CHARS or len(text) > SHOWN_CHARS * 4:
        head = head[: SHOWN_CHARS - 1].rstrip() + "\u2026"
    return repr(head)
