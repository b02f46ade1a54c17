"""What templates call besides filters: links from the page being rendered, actor links,
event lines, article paragraphs with their actors linked, the timeline chart.

Each gets the page's context (its path, the digest, the site's shared caches). Wording
comes from the ``_strings`` template (``wording``); markup and links are made here.
Long lists are raw HTML: Python-Markdown parses a Markdown link about ten times slower
than an HTML block, and MkDocs then rewrites every link it parsed.
"""

from __future__ import annotations

import html
from collections.abc import Callable, Iterable
from typing import Any

import jinja2

from generator.extract.actors import Mention
from generator.extract.dates import display_date
from generator.model import ActorEntry, ArticleEntry, Event
from generator.model.key_dates import KeyDate
from generator.render.chart import ChartText, timeline_chart
from generator.render.escape import escape_html, escape_html_inline, html_link, is_clean, link
from generator.render.escape import md as md_text
from generator.render.excerpts import Excerpt, Quotation, quotation
from generator.render.urls import month_page, page_path, relative_url, source_link, url_scope

# Longest list on a page that is not itself an index (an actor's articles or events);
# the rest is reachable through the month pages.
LIST_LIMIT = 200
# Sources cited under one event; a background date can have thousands.
SOURCE_LIMIT = 8


def wording(context: jinja2.runtime.Context) -> Callable[..., str]:
    """``text(macro name, *args)``: wording from the ``_strings`` template."""
    return context.environment.globals["wording"]


def title_of(obj: Any) -> str:
    for attribute in ("title", "name"):
        if hasattr(obj, attribute):
            return getattr(obj, attribute)
    return str(obj)


@jinja2.pass_context
def href(context: jinja2.runtime.Context, target: Any) -> str:
    """A link from the page being rendered to ``target`` (a digest object or a docs path)."""
    path = target if isinstance(target, str) else page_path(target)
    return source_link(path, context["page_path"])


@jinja2.pass_context
def link_to(context: jinja2.runtime.Context, target: Any, text: Any = None) -> str:
    return link(title_of(target) if text is None else text, href(context, target))


@jinja2.pass_context
def raw_html(context: jinja2.runtime.Context, block: str) -> str:
    """A raw HTML block of the page: inline, or kept aside behind a placeholder.

    Python-Markdown and MkDocs each parse raw HTML again (for Markdown inside it, for
    anchors); a placeholder comment costs them nothing.
    """
    fragments = context["fragments"]
    if fragments is None:
        return block
    fragments.append(block)
    return f"<!--digest:{len(fragments) - 1}-->"


@jinja2.pass_context
def page_url(context: jinja2.runtime.Context, target: Any) -> str:
    """The final URL of ``target`` from the page being rendered, for raw HTML.

    Long lists are raw HTML: Python-Markdown parses a Markdown link about ten times slower
    than an HTML block, and MkDocs then rewrites every link it parsed.
    """
    path = target if isinstance(target, str) else page_path(target)
    return html_url(context, path)


def html_url(context: jinja2.runtime.Context, path: str, here: str | None = None) -> str:
    """A link for raw HTML to the docs path ``path`` from the page being rendered (or from
    ``here``): the final URL, or the Markdown file's path for a builder that resolves raw HTML
    links from the file (``source_links``, Zensical)."""
    here = context["page_path"] if here is None else here
    if context["source_links"]:
        return source_link(path, here)
    return relative_url(path, here, context["directory_urls"])


@jinja2.pass_context
def a(context: jinja2.runtime.Context, target: Any, text: Any = None) -> str:
    """An HTML link to ``target`` (a digest object or a docs path), its text escaped."""
    return html_link(title_of(target) if text is None else text, page_url(context, target))


@jinja2.pass_context
def actor_link(context: jinja2.runtime.Context, actor_id: str, html: bool = False) -> str:
    """The actor's name, linked when the actor has a page (is named in some article)."""
    entry = context["digest"].actors.get(actor_id)
    plain = escape_html if html else md_text
    if entry is None:
        return plain(actor_id)
    if not entry.articles:
        return plain(entry.name)
    return a(context, entry) if html else link_to(context, entry)


@jinja2.pass_context
def event_line(context: jinja2.runtime.Context, event: Event, show_sources: bool = True) -> str:
    """One event as HTML (an ``<li>``'s content): date, text, actors, (some of) its sources."""
    page = context["page_path"]
    # Every page of a folder sees the line's links alike, but for a link to itself ("./").
    folder, _, name = page.rpartition("/")
    own = (
        name == "index.md"
        or (folder == "actors" and name[:-3] in event.actor_ids)
        or (
            folder == "articles"
            and show_sources
            and any(page_path(s.article) == page for s in event.sources[:SOURCE_LIMIT])
        )
    )
    key = (id(event), page if own else folder, show_sources)
    lines = context["site"].event_lines
    if key in lines:
        return lines[key]
    if own and name != "index.md":
        # The line every other page of the folder shows, its link to this page made "./".
        # (A page in "<folder>/*.md", a name no page has, sees links as its siblings do.)
        sibling = f"{folder}/*.md"
        line = event_line(context.derived({"page_path": sibling}), event, show_sources)
        theirs = html.escape(html_url(context, page, sibling), quote=True)
        mine = html.escape(html_url(context, page, page), quote=True)
        lines[key] = line = line.replace(f'<a href="{theirs}">', f'<a href="{mine}">', 1)
        return line
    actors = [actor_link(context, actor_id, html=True) for actor_id in event.actor_ids]
    sources = None
    if show_sources:
        sources = [(a(context, s.article), s.article.outlet) for s in event.sources[:SOURCE_LIMIT]]
    count = len(event.sources)
    expected = event.sources[0].article.date if event.expected and event.sources else ""
    line = wording(context)(
        "event_line", event.display_date, event.text, actors, sources, count,
        count - SOURCE_LIMIT, expected,
    )  # fmt: skip
    lines[key] = line
    return line


@jinja2.pass_context
def key_date_line(
    context: jinja2.runtime.Context,
    key_date: KeyDate,
    sources: int = SOURCE_LIMIT,
    sentences: int = 2,
) -> str:
    """One key date as HTML (an ``<li>``'s content): its date (linked to its month page
    from any other page), headline, the first ``sentences`` of its summary (none: the
    headline instead), the actors they name, and its first ``sources`` sources (0: none)."""
    digest, site = context["digest"], context["site"]
    date = display_date(key_date.date)
    month = digest.months.get(key_date.month)
    shown_date = html.escape(date)
    if month is not None and page_path(month) != context["page_path"]:
        shown_date = a(context, month, date)
    named = key_date.actors
    if sentences and key_date.sentence_actors:
        named = tuple(sorted({a for each in key_date.sentence_actors[:sentences] for a in each}))
    actors = [actor_link(context, actor_id, html=True) for actor_id in named]
    entries = [
        site.articles_by_slug[s.slug] for s in key_date.sources if s.slug in site.articles_by_slug
    ]
    shown = [(a(context, entry), entry.outlet) for entry in entries[:sources]] if sources else None
    return wording(context)(
        "key_date_line", shown_date, key_date.headline, list(key_date.summary[:sentences]),
        actors, shown, len(entries), len(entries) - sources,
    )  # fmt: skip


@jinja2.pass_context
def chronology_href(context: jinja2.runtime.Context, year: str, month: str | None = None) -> str:
    """Where the chronology shows a year (or month): one page, or the year's own page."""
    years = context["site"].chronology_years
    page = f"chronology/{year}.md" if years else "chronology/index.md"
    anchor = f"m{month}" if month else f"y{year}"
    return href(context, f"{page}#{anchor}")


@jinja2.pass_context
def timeline(context: jinja2.runtime.Context) -> str:
    """The chart of the story's months: a stray page from years before does not stretch it."""
    digest = context["digest"]
    span = digest.span
    months = [
        m for m in digest.months.values()
        if span is None or not (span.before(m.key) or span.after(m.key))
    ]  # fmt: skip
    return timeline_chart(
        months,
        lambda key: html_url(context, month_page(key)),
        ChartText.from_wording(wording(context)),
    )


@jinja2.pass_context
def linked_paragraph(
    context: jinja2.runtime.Context, text: str, mentions: Iterable[Mention]
) -> str:
    """A paragraph as an HTML block, escaped, with each actor linked at its first mention."""
    return "<p>" + _linked(context, text, mentions, set()).strip() + "</p>"


def _linked(
    context: jinja2.runtime.Context, text: str, mentions: Iterable[Mention], seen: set[str]
) -> str:
    """``text`` as escaped HTML, each actor not in ``seen`` linked at its first mention
    (``mentions`` are offsets into ``text``); the actors linked are added to ``seen``."""
    actors = context["digest"].actors
    here, directory_urls = context["page_path"], context["directory_urls"]
    site = context.get("site")
    links = site.actor_links if site is not None else {}
    # Most paragraphs have nothing to fold or drop: their pieces need markup escaped only.
    piece = html.escape if is_clean(text) else escape_html_inline
    out, cursor = [], 0
    for mention in sorted(mentions, key=lambda m: m.start):
        entry = actors.get(mention.actor_id)
        if mention.actor_id in seen or mention.start < cursor or entry is None:
            continue
        seen.add(mention.actor_id)
        out.append(piece(text[cursor : mention.start]))
        target = page_path(entry)
        scope = url_scope(target, here)
        key = (target, mention.text, scope, directory_urls, context["source_links"])
        anchor = links.get(key)
        if anchor is None:
            anchor = links[key] = html_link(mention.text, html_url(context, target))
        out.append(anchor)
        cursor = mention.end
    out.append(piece(text[cursor:]))
    return "".join(out)


def seen_range(term: ActorEntry) -> tuple[str | None, str | None]:
    """The first and last month (or year, for an event known only to its year) an actor is
    seen in: its articles' months and its own events' dates, so that "First seen" never
    comes after an entry of the actor's own chronology."""
    keys = [*term.months, *(event.month or event.year for event in term.events)]
    return (min(keys), max(keys)) if keys else (None, None)


def named_in_text(term: ArticleEntry) -> list[str]:
    """Ids of the actors the article's text names, in id order: not those named only in
    a photo caption, which no article page shows."""
    return sorted({m.actor_id for paragraph in term.facts.mentions for m in paragraph})


@jinja2.pass_context
def article_quotation(context: jinja2.runtime.Context, term: ArticleEntry) -> Quotation:
    """What an article page shows of the article by default (``render/excerpts.py``)."""
    return quotation(term.article, term.facts)


@jinja2.pass_context
def excerpt_html(context: jinja2.runtime.Context, term: ArticleEntry, excerpt: Excerpt) -> str:
    """One excerpt as an HTML paragraph: its passages in ``<mark>`` (classed by what the
    digest uses them for), actors linked at first mention, omissions marked with "…"."""
    text = term.article.paragraphs[excerpt.paragraph]
    mentions = term.facts.mentions
    found = mentions[excerpt.paragraph] if excerpt.paragraph < len(mentions) else []
    pieces: list[tuple[int, int, frozenset[str]]] = []
    cursor = 0
    for passage in excerpt.passages:
        if excerpt.whole and passage.start > cursor:
            pieces.append((cursor, passage.start, frozenset()))
        pieces.append((passage.start, passage.end, passage.kinds))
        cursor = passage.end
    if excerpt.whole and cursor < len(text):
        pieces.append((cursor, len(text), frozenset()))
    seen: set[str] = set()
    out = []
    for start, end, kinds in pieces:
        inside = [
            Mention(m.start - start, m.end - start, m.text, m.actor_id)
            for m in found
            if start <= m.start and m.end <= end
        ]
        part = _linked(context, text[start:end], inside, seen)
        if kinds:
            classes = " ".join(f"digest-{kind}" for kind in sorted(kinds))
            part = f'<mark class="{classes}">{part}</mark>'
        out.append(part)
    joined = ("" if excerpt.whole else " … ").join(out)
    if not excerpt.whole:
        first, last = excerpt.passages[0], excerpt.passages[-1]
        joined = ("… " if first.start > 0 else "") + joined
        joined += " …" if last.end < len(text.rstrip()) else ""
    return "<p>" + joined.strip() + "</p>"


@jinja2.pass_context
def article_sections(
    context: jinja2.runtime.Context, term: ArticleEntry
) -> list[tuple[str | None, str]]:
    """The article's body as (subheading or None, HTML of the paragraphs under it), each
    paragraph with its actors linked: few raw HTML blocks for MkDocs to carry."""
    sections: list[tuple[str | None, list[str]]] = [(None, [])]
    mentions = term.facts.mentions
    paragraph = 0
    for block in term.article.blocks:
        if block.kind == "heading":
            sections.append((block.text, []))
            continue
        found = mentions[paragraph] if paragraph < len(mentions) else []
        sections[-1][1].append(linked_paragraph(context, block.text, found))
        paragraph += 1
    return [(heading, "\n".join(html)) for heading, html in sections if heading or html]
