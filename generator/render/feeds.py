"""Atom feeds: the newest articles, the newest events, and one feed per actor.

Feeds are generated files like the pages (``feeds/articles.xml``, ``feeds/events.xml``,
``feeds/actors/<id>.xml``), so both the MkDocs plugin and ``digest generate`` publish
them. Entry ids are ``urn:uuid`` values derived from what the entry is, so they stay
the same when the site moves or ``site_url`` is set later. Links are absolute when
``site_url`` is known, otherwise relative to the feed (RFC 4287 allows both).
"""

from __future__ import annotations

import posixpath
import re
import uuid
import xml.etree.ElementTree as ET
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date, datetime, timezone
from typing import Any

from generator.model import ArticleEntry, Digest, Event
from generator.render.page import Page
from generator.render.urls import docs_url, month_page, page_path

ATOM = "http://www.w3.org/2005/Atom"
ENTRIES = 50
# The software named in each feed's <generator> element.
GENERATOR = "Explainer Digest"
ARTICLES_FEED = "feeds/articles.xml"
EVENTS_FEED = "feeds/events.xml"
_NAMESPACE = uuid.UUID("5b0c3f9e-6a55-4d1e-9c55-0d1c8b2a7e11")
# Characters XML 1.0 cannot carry at all, even escaped.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
_EPOCH = datetime(1970, 1, 1, tzinfo=timezone.utc)

ET.register_namespace("", ATOM)


@dataclass(frozen=True)
class Feed:
    path: str  # under the site root: feeds/articles.xml
    title: str
    subtitle: str
    page: str  # docs path of the HTML page the feed belongs to
    entries: list[FeedEntry]
    author: str  # the feed's author as readers show it: the site


@dataclass(frozen=True)
class FeedEntry:
    key: str  # what the entry is; its id derives from it
    title: str
    page: str  # docs path (with optional #anchor) of the entry's page
    updated: datetime
    summary: str = ""
    author: str = ""
    original: str | None = None  # the article at its outlet
    categories: tuple[tuple[str, str], ...] = ()  # (term, label)


def clean(text: Any) -> str:
    """Text that XML can hold: no control characters or lone surrogates, one line."""
    return " ".join(_NOT_XML.sub("", str(text)).split())


def entry_id(key: str) -> str:
    return f"urn:uuid:{uuid.uuid5(_NAMESPACE, key)}"


def aware(moment: datetime) -> datetime:
    """A datetime comparable with any other: naive times are taken as UTC."""
    return moment.replace(tzinfo=timezone.utc) if moment.tzinfo is None else moment


def rfc3339(moment: datetime) -> str:
    return aware(moment).astimezone(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")


def event_moment(event: Event) -> datetime:
    """The first instant an event's date can mean: "November 2024" -> 2024-11-01."""
    parts = [int(p) for p in event.value.split("-")] + [1, 1]
    try:
        day = date(parts[0], parts[1], parts[2])
    except ValueError:
        return _EPOCH
    return datetime(day.year, day.month, day.day, tzinfo=timezone.utc)


def _resolver(
    feed_path: str, site_url: str | None, directory_urls: bool = True
) -> Callable[[str], str]:
    if site_url:
        root = site_url.rstrip("/") + "/"
        return lambda page: root + docs_url(page, directory_urls)
    here = posixpath.dirname(feed_path)

    def relative(page: str) -> str:
        url, _, anchor = docs_url(page, directory_urls).partition("#")
        rel = posixpath.relpath(url or ".", here) + ("/" if url.endswith("/") or not url else "")
        return f"{rel}#{anchor}" if anchor else rel

    return relative


def render_feed(
    feed: Feed,
    site_url: str | None = None,
    directory_urls: bool = True,
    entries: dict[tuple[FeedEntry, str], str] | None = None,
) -> str:
    """The feed as an Atom 1.0 document.

    ``entries`` keeps each entry's XML by (entry, feed folder) across the feeds of one
    site: an article is an entry of the feed of every actor it mentions.
    """
    url = _resolver(feed.path, site_url, directory_urls)
    root = ET.Element(f"{{{ATOM}}}feed")
    sub(root, "id", entry_id(f"feed:{feed.path}"))
    sub(root, "title", feed.title)
    if feed.subtitle:
        sub(root, "subtitle", feed.subtitle)
    updated = max((e.updated for e in feed.entries), default=_EPOCH)
    sub(root, "updated", rfc3339(updated))
    sub(root, "link", rel="alternate", type="text/html", href=url(feed.page))
    self_href = (
        site_url.rstrip("/") + "/" + feed.path if site_url else posixpath.basename(feed.path)
    )
    sub(root, "link", rel="self", type="application/atom+xml", href=self_href)
    author = sub(root, "author")
    sub(author, "name", feed.author)
    sub(root, "generator", GENERATOR)
    ET.indent(root)
    head = ET.tostring(root, encoding="unicode")
    if entries is None:
        entries = {}
    folder = posixpath.dirname(feed.path)
    body = []
    for item in feed.entries:
        xml = entries.get((item, folder))
        if xml is None:
            xml = entries[(item, folder)] = _entry_xml(item, url)
        body.append(xml)
    # The head ends "</generator>\n</feed>": the entries go between, as ET.indent would
    # have laid them out in one tree.
    document = head.removesuffix("</feed>") + "".join(body) + "</feed>"
    return '<?xml version="1.0" encoding="utf-8"?>\n' + document + "\n"


def sub(parent: ET.Element, tag: str, text: str | None = None, **attrs: str) -> ET.Element:
    el = ET.SubElement(parent, f"{{{ATOM}}}{tag}", attrs)
    if text is not None:
        el.text = clean(text)
    return el


_XMLNS = f' xmlns="{ATOM}"'


def _entry_xml(item: FeedEntry, url: Callable[[str], str]) -> str:
    """One ``<entry>`` as it stands in a feed: indented one level, one line after it."""
    entry = ET.Element(f"{{{ATOM}}}entry")
    sub(entry, "id", entry_id(item.key))
    sub(entry, "title", item.title)
    sub(entry, "updated", rfc3339(item.updated))
    sub(entry, "link", rel="alternate", type="text/html", href=url(item.page))
    if item.original:
        sub(entry, "link", rel="related", href=clean(item.original))
    if item.author:
        sub(sub(entry, "author"), "name", item.author)
    for term, label in item.categories:
        sub(entry, "category", term=clean(term), label=clean(label))
    if item.summary:
        sub(entry, "summary", item.summary)
    ET.indent(entry, level=1)
    # Alone, the element declares the namespace its feed declares already.
    return "  " + ET.tostring(entry, encoding="unicode").replace(_XMLNS, "", 1) + "\n"


def _http(url: str | None) -> str | None:
    if url and url.strip().lower().startswith(("http://", "https://")):
        return url.strip()
    return None


Text = Callable[..., str]  # wording from the ``_strings`` template: text(macro name, *args)


def article_feed_entry(entry: ArticleEntry, digest: Digest, text: Text) -> FeedEntry:
    article = entry.article
    summary = article.summary or (article.paragraphs[0] if article.paragraphs else "")
    names = digest.actors
    return FeedEntry(
        key=f"article:{entry.slug}",
        title=article.title or text("untitled"),
        page=page_path(entry),
        updated=aware(article.published) if article.published else _EPOCH,
        summary=summary[:500],
        author=article.author or entry.outlet,
        original=_http(article.url),
        categories=tuple((a, names[a].name) for a in entry.actor_ids if a in names),
    )


def event_feed_entry(event: Event, digest: Digest, text: Text) -> FeedEntry:
    page = month_page(event.month) if event.month else "chronology/index.md"
    outlets = sorted({s.article.outlet for s in event.sources} - {""})
    names = digest.actors
    return FeedEntry(
        key=f"event:{event.value}:{event.modifier}:{event.text}",
        title=text("event_entry_title", event.display_date, event.text) or text("untitled"),
        page=page,
        updated=event_moment(event),
        summary=text("event_entry_summary", event.text, len(event.sources), outlets),
        categories=tuple((a, names[a].name) for a in event.actor_ids if a in names),
    )


def _newest_articles(articles: Iterable[ArticleEntry]) -> list[ArticleEntry]:
    dated = [a for a in articles if a.article.published is not None]
    return sorted(dated, key=lambda a: (rfc3339(a.article.published), a.slug), reverse=True)


def newest_events(events: list[Event], n: int = ENTRIES) -> list[Event]:
    return sorted(events, key=lambda e: e.sort_key, reverse=True)[:n]


def feeds(digest: Digest, text: Text) -> list[Feed]:
    """Every feed of the site: the newest articles, the newest events, one per actor."""
    author = text("feed_author")
    out = [
        Feed(
            ARTICLES_FEED,
            text("articles_feed_title", digest.title),
            text("articles_feed_subtitle"),
            "articles/index.md",
            [
                article_feed_entry(a, digest, text)
                for a in _newest_articles(digest.articles)[:ENTRIES]
            ],
            author,
        ),
        Feed(
            EVENTS_FEED,
            text("events_feed_title", digest.title),
            text("events_feed_subtitle"),
            "chronology/index.md",
            [event_feed_entry(e, digest, text) for e in newest_events(digest.events)],
            author,
        ),
    ]
    for actor in digest.actors_by_prominence():
        out.append(
            Feed(
                actor_feed_path(actor.id),
                text("actor_feed_title", digest.title, actor.name),
                text("actor_feed_subtitle", actor.name),
                page_path(actor),
                [
                    article_feed_entry(a, digest, text)
                    for a in _newest_articles(actor.articles)[:ENTRIES]
                ],
                author,
            )
        )
    return out


def actor_feed_path(actor_id: str) -> str:
    return f"feeds/actors/{actor_id}.xml"


def announced(digest: Digest, page: str) -> list[str]:
    """The feeds a page announces in its head, for feed readers: the site's two on every
    page, an actor's own on the actor's page."""
    out = [ARTICLES_FEED, EVENTS_FEED]
    if page.startswith("actors/"):
        actor = digest.actors.get(page.removeprefix("actors/").removesuffix(".md"))
        if actor is not None and actor.articles:
            out.append(actor_feed_path(actor.id))
    return out


def feed_pages(
    digest: Digest, text: Text, site_url: str | None = None, directory_urls: bool = True
) -> list[Page]:
    """Every feed as a generated file (its title kept, for pages to announce it)."""
    entries: dict[tuple[FeedEntry, str], str] = {}
    return [feed_page(feed, site_url, directory_urls, entries) for feed in feeds(digest, text)]


def feed_page(
    feed: Feed,
    site_url: str | None = None,
    directory_urls: bool = True,
    entries: dict[tuple[FeedEntry, str], str] | None = None,
) -> Page:
    """A feed as a generated file (its title kept, for pages to announce it)."""
    return Page(feed.path, render_feed(feed, site_url, directory_urls, entries), title=feed.title)
