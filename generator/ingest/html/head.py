"""What a page says of itself in its markup: <title>, <h1>, <meta> tags, JSON-LD, canonical link.

Read from the parsed tree, each value tolerated missing, empty or malformed: a page's
metadata is best-effort evidence, never a reason to lose its body.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from html import unescape

from lxml.html import HtmlElement

# Meta keys that name the page's author(s), in the order they are trusted.
AUTHOR_KEYS = (
    "author",
    "article:author",
    "parsely-author",
    "sailthru.author",
    "dc.creator",
    "citation_author",
    "byl",
)
# JSON-LD node types that describe the article itself.
_ARTICLE_TYPES = ("article", "posting", "report", "blog", "webpage", "newsarticle")


def clean(value: object) -> str:
    """A metadata value as one line of text ("" when it is missing or not text)."""
    if not isinstance(value, str):
        return ""
    return " ".join(unescape(value).split())


@dataclass(frozen=True)
class Head:
    title: str = ""  # <title>
    h1s: tuple[str, ...] = ()
    meta: dict[str, str] = field(default_factory=dict)  # key (lowercased) -> first value
    nodes: tuple[dict, ...] = ()  # JSON-LD objects, @graph flattened
    canonical: str = ""

    def first(self, *keys: str) -> str:
        """The first non-empty meta value among ``keys``."""
        for key in keys:
            value = self.meta.get(key)
            if value:
                return value
        return ""

    @property
    def og_title(self) -> str:
        return self.first("og:title", "twitter:title")

    @property
    def article_nodes(self) -> list[dict]:
        """JSON-LD nodes of the article kind (NewsArticle, BlogPosting, ...), else all nodes."""
        found = [n for n in self.nodes if any(t in _ARTICLE_TYPES for t in _types(n))]
        return found or list(self.nodes)

    @property
    def headline(self) -> str:
        for node in self.article_nodes:
            if text := clean(node.get("headline")):
                return text
        return ""

    @property
    def publishers(self) -> list[str]:
        """The publisher names the JSON-LD gives."""
        names = []
        for node in self.nodes:
            publisher = node.get("publisher")
            if isinstance(publisher, dict) and (name := clean(publisher.get("name"))):
                names.append(name)
        return names

    @property
    def site_names(self) -> list[str]:
        names = [self.first("og:site_name"), self.first("application-name"), *self.publishers]
        return [n for n in names if n]

    @property
    def url(self) -> str | None:
        """The page's own address: canonical link, og:url or JSON-LD url (absolute only)."""
        found = [self.canonical, self.first("og:url", "twitter:url")]
        for node in self.article_nodes:
            found.append(clean(node.get("url")))
            main = node.get("mainEntityOfPage")
            found.append(clean(main.get("@id") if isinstance(main, dict) else main))
        return next((u for u in found if u.startswith(("http://", "https://"))), None)

    @property
    def description(self) -> str:
        return self.first("description", "og:description", "twitter:description")


def _types(node: dict) -> list[str]:
    kind = node.get("@type")
    kinds = kind if isinstance(kind, list) else [kind]
    return [k.lower() for k in kinds if isinstance(k, str)]


def read_head(tree: HtmlElement) -> Head:
    """The page's self-description, every field tolerated missing or empty."""
    title_el = tree.find(".//title")
    title = clean(title_el.text_content()) if title_el is not None else ""
    h1s = tuple(t for el in tree.iter("h1") if (t := clean(el.text_content())))[:3]
    meta: dict[str, str] = {}
    for el in tree.iter("meta"):
        value = clean(el.get("content"))
        if not value:
            continue
        for attr in ("name", "property", "itemprop"):
            # A property may list several names: "og:title twitter:title".
            for key in (el.get(attr) or "").lower().split():
                meta.setdefault(key, value)
    canonical = ""
    for el in tree.iter("link"):
        if (el.get("rel") or "").lower().strip() == "canonical":
            canonical = clean(el.get("href"))
            break
    return Head(title, h1s, meta, tuple(_json_ld(tree)), canonical)


def _json_ld(tree: HtmlElement) -> list[dict]:
    nodes: list[dict] = []
    for el in tree.iter("script"):
        if "ld+json" not in (el.get("type") or "").lower():
            continue
        try:
            data = json.loads(el.text or "")
        except ValueError:
            continue
        stack = data if isinstance(data, list) else [data]
        for item in stack:
            if not isinstance(item, dict):
                continue
            graph = item.get("@graph")
            found = graph if isinstance(graph, list) else [item]
            nodes.extend(n for n in found if isinstance(n, dict))
    return nodes


def json_ld_persons(head: Head) -> list[str]:
    """Names of the Person authors the JSON-LD gives (an "@id" resolved within the page)."""
    by_id = {n["@id"]: n for n in head.nodes if isinstance(n.get("@id"), str)}
    names: list[str] = []
    for node in head.article_nodes:
        authors = node.get("author")
        for a in authors if isinstance(authors, list) else [authors]:
            if isinstance(a, dict) and "name" not in a and a.get("@id") in by_id:
                a = by_id[a["@id"]]
            if isinstance(a, str):
                a = {"name": a}
            if not isinstance(a, dict):
                continue
            name = clean(a.get("name"))
            if name and "person" in (_types(a) or ["person"]) and name not in names:
                names.append(name)
    return names
