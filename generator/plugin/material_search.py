"""Material's search index, with lean entries for our pages.

Material's search plugin would index each generated page by its whole HTML: every list,
every article's whole text, tens of MB at 10,000 articles. Our pages are left out of its
index (``search: exclude`` in their front matter), and once it has written the index,
``add_entries`` adds one lean entry per page (``generator.render.search``), with an extra
lunr field holding the page's words.
"""

from __future__ import annotations

import json
import logging
from pathlib import Path
from typing import Any

from mkdocs.config.defaults import MkDocsConfig

from generator.cache import write_atomic
from generator.render.search import BODY_FIELD, NAMES_BOOST, NAMES_FIELD, SearchEntry

log = logging.getLogger("mkdocs.plugins.digest")
INDEX = Path("search") / "search_index.json"


def search_index_of(config: MkDocsConfig) -> bool:
    """Whether Material's search plugin writes an index we can add to; it then learns the
    extra fields our entries carry, searched but not shown: a bag of each page's words,
    and actors' names and aliases."""
    for plugin in config.plugins.values():
        if type(plugin).__module__.startswith("material.plugins.search"):
            plugin.config.fields.setdefault(BODY_FIELD, {"boost": 1.0})
            plugin.config.fields.setdefault(NAMES_FIELD, {"boost": NAMES_BOOST})
            return bool(plugin.config.enabled)
    return False


def fresh_index(config: MkDocsConfig) -> None:
    """Before a dirty build: Material's search plugin would merge the index it wrote last
    with this build's entries, on the guess that one page changed (its "dirty reload");
    the digest plugin renders every page Material indexes at every build
    (``plugin.serving``), so this build's entries are the whole index, and the merge
    would only repeat them. Its kept index is dropped."""
    for plugin in config.plugins.values():
        material = type(plugin).__module__.startswith("material.plugins.search")
        if material and hasattr(plugin, "search_index_prev"):
            plugin.search_index_prev = None


def unsearched(page: Any) -> bool:
    """Whether the search plugin leaves the page out of its index."""
    return bool((page.meta.get("search") or {}).get("exclude"))


def add_entries(site_dir: Path, entries: list[tuple[str, SearchEntry]]) -> None:
    """Add (page URL, entry) pairs to the index the search plugin wrote, if it wrote one
    of the shape this code knows (a ``docs`` list).

    Idempotent, and atomic: an entry already there for one of our pages (from a build that
    overlapped this one) is replaced, not repeated, and the index is written to a temporary
    file renamed over it, so a full disk leaves the search plugin's index whole. Raises
    ``OSError`` when the index cannot be written."""
    path = site_dir / INDEX
    if not path.is_file():
        return
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except ValueError:
        data = None
    if not isinstance(data, dict) or not isinstance(data.get("docs"), list):
        log.warning("%s: not the search index this plugin knows; our pages are not in it.", path)
        return
    docs = [entry.as_index_doc(url) for url, entry in entries]
    ours = {doc["location"] for doc in docs}
    kept = [d for d in data["docs"] if not (isinstance(d, dict) and d.get("location") in ours)]
    data["docs"] = kept + docs
    write_atomic(path, json.dumps(data, separators=(",", ":")).encode("utf-8"))
