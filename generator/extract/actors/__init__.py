"""The editor-owned actor registry and the mention finder (``suggest``: names the registry
misses, for editors)."""

from generator.extract.actors.matcher import (
    Mention,
    case_variants,
    find_article_mentions,
    find_mentions,
)
from generator.extract.actors.registry import (
    KINDS,
    RESERVED_IDS,
    Actor,
    ActorKind,
    Outlet,
    Registry,
    RegistryError,
    Role,
    load_registry,
    parse_registry,
)

__all__ = [
    "KINDS",
    "RESERVED_IDS",
    "Actor",
    "ActorKind",
    "Mention",
    "Outlet",
    "Registry",
    "RegistryError",
    "Role",
    "case_variants",
    "find_article_mentions",
    "find_mentions",
    "load_registry",
    "parse_registry",
]
