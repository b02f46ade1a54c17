"""Slugs that are safe as URL segments and file names, whatever the text they come from."""

from __future__ import annotations

import hashlib
import re
import unicodedata

_NOT_SLUG = re.compile(r"[^a-z0-9]+")
MAX_LENGTH = 80


def slugify(text: str, fallback: str = "untitled") -> str:
    """Lower-case ASCII words joined by hyphens; never empty, never a path."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    slug = _NOT_SLUG.sub("-", ascii_text.lower()).strip("-")
    if len(slug) > MAX_LENGTH:
        slug = slug[:MAX_LENGTH].rsplit("-", 1)[0] or slug[:MAX_LENGTH]
    if not slug:
        # Text with no Latin letters or digits (Arabic, Cyrillic, punctuation): a stable hash.
        digest = hashlib.sha1(text.encode("utf-8", "surrogatepass")).hexdigest()[:10]
        slug = f"{fallback}-{digest}"
    return slug


_SAFE = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")


def is_safe_slug(slug: str) -> bool:
    return _SAFE.fullmatch(slug) is not None


def unique_slugs(keys: list[tuple[str, str]]) -> dict[str, str]:
    """Map each (key, wanted slug) to a distinct slug; ties go to the smaller key.

    Decided on sorted keys so the result does not depend on reading order.
    """
    taken: set[str] = set()
    out: dict[str, str] = {}
    for key, wanted in sorted(keys, key=lambda kv: (kv[1], kv[0])):
        slug, n = wanted, 2
        while slug in taken:
            slug, n = f"{wanted}-{n}", n + 1
        taken.add(slug)
        out[key] = slug
    return out
