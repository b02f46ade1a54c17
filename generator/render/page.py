"""A generated page: its path, its Markdown with front matter, and the raw HTML blocks
kept out of the Markdown for the plugin to put back."""

from __future__ import annotations

import html
import json
import re
from dataclasses import dataclass
from typing import Any

from generator.render.search import SearchEntry


@dataclass(frozen=True)
class Page:
    """A generated page, by its path under the docs folder (``actors/qatar.md``).

    ``fragments``: the page's long raw HTML blocks, when the renderer keeps them out of the
    Markdown; ``content`` then holds a ``<!--digest:N-->`` placeholder for each, to be put
    back into the HTML MkDocs makes of it (see ``fill_fragments``).
    """

    path: str
    content: str
    fragments: tuple[str, ...] = ()
    # The page's own lean search entry; None: Material indexes the page's HTML.
    search: SearchEntry | None = None
    # A feed's title, for the pages that announce it (pages have theirs in front matter).
    title: str = ""


FRAGMENT = re.compile(r"<!--digest:(\d+)-->")


def fill_fragments(html_text: str, fragments: tuple[str, ...]) -> str:
    """The page's HTML with each placeholder replaced by its fragment."""
    if not fragments:
        return html_text
    return FRAGMENT.sub(
        lambda m: fragments[int(m[1])] if int(m[1]) < len(fragments) else "", html_text
    )


# What YAML reads as a line break or refuses inside a double-quoted scalar, and lone
# surrogates (undecodable bytes), which no encoder can write.
_NOT_YAML = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029\ud800-\udfff\ufeff]")


def _yaml_text(value: Any) -> Any:
    if isinstance(value, str):
        return _NOT_YAML.sub(" ", value)
    if isinstance(value, dict):
        return {str(k): _yaml_text(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_yaml_text(v) for v in value]
    return value


def front_matter(meta: dict[str, Any]) -> str:
    """Page metadata as one line of JSON, which is YAML flow syntax: MkDocs reads it as
    YAML, and json.dumps is some twenty times faster than yaml.safe_dump."""
    return json.dumps(_yaml_text(meta), ensure_ascii=False, sort_keys=True)


def html_safe_meta(meta: dict[str, Any]) -> dict[str, Any]:
    """Front matter a theme may print raw into HTML, made safe to print raw.

    Material writes ``page.title`` unescaped into the header and, through ``striptags``
    (which unescapes entities), into ``<title>``; it writes ``page.meta.description``
    unescaped into a ``content="..."`` attribute. So both are HTML-escaped, and a title's
    ``<`` is followed by an invisible word joiner so that even unescaped it starts no tag.
    """
    out = dict(meta)
    if isinstance(out.get("title"), str):
        title = html.escape(" ".join(out["title"].split()), quote=True)
        out["title"] = title.replace("&lt;", "&lt;\u2060")
    if isinstance(out.get("description"), str):
        out["description"] = html.escape(out["description"], quote=True)
    return out
