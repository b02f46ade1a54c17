"""Slugs that are safe as URL segments and file names, whatever the text they come from."""

from __future__ import annotations

import functools
import hashlib
import re
import unicodedata

_NOT_SLUG = re.compile(r"[^a-z0-9]+")
_SAFE = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
MAX_LENGTH = 80
# Names a generated page in a section folder must not take: the section's own index.
RESERVED = frozenset({"index"})


# Every title is slugged again at every serve rebuild (model.incremental): kept, not redone.
@functools.lru_cache(maxsize=65536)
def slugify(text: str, fallback: str = "untitled") -> str:
    """Lower-case ASCII words joined by hyphens; never empty, never a path."""
    text = str(text)
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    slug = _NOT_SLUG.sub("-", ascii_text.lower()).strip("-")
    if len(slug) > MAX_LENGTH:
        slug = slug[:MAX_LENGTH].rsplit("-", 1)[0] or slug[:MAX_LENGTH]
    if not slug:
        # Text with no Latin letters or digits (Arabic, Cyrillic, punctuation): a stable hash.
        digest = hashlib.sha1(text.encode("utf-8", "surrogatepass")).hexdigest()[:10]
        fallback = slugify(fallback, "untitled") if fallback != "untitled" else fallback
        slug = f"{fallback}-{digest}"
    return slug


def is_safe_slug(slug: object) -> bool:
    """One URL segment: no dots, slashes, spaces or upper case, at most MAX_LENGTH long."""
    return (
        isinstance(slug, str) and len(slug) <= MAX_LENGTH + 12 and _SAFE.fullmatch(slug) is not None
    )


def unique_slugs(
    keys: list[tuple[str, str]], reserved: frozenset[str] = RESERVED
) -> dict[str, str]:
    """Map each (key, wanted slug) to a distinct safe slug; ties go to the smaller key.

    A wanted slug that is not safe (an editor's ``id: ../x``, a number) is slugified
    first, and reserved names are never handed out. Decided on sorted keys so the
    result does not depend on reading order.
    """
    taken: set[str] = set(reserved)
    out: dict[str, str] = {}
    wanted_safe = [
        (str(key), wanted if is_safe_slug(wanted) else slugify(str(wanted))) for key, wanted in keys
    ]
    for key, wanted in sorted(wanted_safe, key=lambda kv: (kv[1], kv[0])):
        slug, n = wanted, 2
        while slug in taken:
            slug, n = f"{wanted}-{n}", n + 1
        taken.add(slug)
        out[key] = slug
    return out
