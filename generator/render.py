"""Render: the Digest -> Markdown pages, through Jinja2 templates editors can override.

Templates are looked up in the editor's folder first, then in the built-in set
(as Pelican does), so overriding one page type means copying one file. Article
text only ever reaches Jinja2 as data, never as template source, and every piece
of it passes through ``md`` (Markdown escaping) on its way into a page.

Pages that repeat what other pages say (lists, the chronology, an actor's slice of
it) are kept out of the search index, so it grows with the corpus, not with the
number of places a sentence is shown.
"""

from __future__ import annotations

import dataclasses
import functools
import html
import json
import posixpath
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import jinja2

from generator.actors import KINDS, Actor, Mention
from generator.chart import timeline_svg
from generator.feeds import docs_url as url_of
from generator.feeds import feed_pages, feed_paths
from generator.markdown import (
    escape,
    escape_html,
    escape_html_inline,
    html_link,
    is_clean,
    link,
)
from generator.model import ActorEntry, ArticleEntry, Digest, Event, Month, Outlet
from generator.parallel import SharedParts, run_parts
from generator.search import SearchEntry, actor_entry, article_entry, month_entry

BUILTIN_TEMPLATES = Path(__file__).parent / "templates"
RESERVED = ("index",)
# Above this many events the chronology becomes one page per year.
CHRONOLOGY_SPLIT = 300
# Longest list on a page that is not itself an index (an actor's articles or events);
# the rest is reachable through the month pages.
LIST_LIMIT = 200
# Above this many dated articles the articles index lists months, not articles.
ARTICLES_INDEX_LIMIT = 1000
IN_BRIEF = 5
# Pages per part of the render (see ``site_parts``): small enough to share work evenly.
PART = 200
# Sources cited under one event; a background date can have thousands.
SOURCE_LIMIT = 8


class TemplateProblem(Exception):
    """A template that cannot be rendered; the message names the template file and line."""


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


FRAGMENT = re.compile(r"<!--digest:(\d+)-->")


def fill_fragments(html_text: str, fragments: tuple[str, ...]) -> str:
    """The page's HTML with each placeholder replaced by its fragment."""
    if not fragments:
        return html_text
    return FRAGMENT.sub(
        lambda m: fragments[int(m[1])] if int(m[1]) < len(fragments) else "", html_text
    )


@dataclass
class SiteFacts:
    """What pages need beyond the model, computed once from it."""

    prominence: dict[str, float] = field(default_factory=dict)
    quotes: dict[str, list[QuoteEntry]] = field(default_factory=dict)
    chronology_years: list[str] | None = None  # years with their own page, when split
    # Rendered event lines by (event, folder of the page, with sources): an event is
    # shown on its month page, the chronology and every actor's page.
    event_lines: dict[tuple[int, str, bool], str] = field(default_factory=dict)
    # An actor's link as written in article text, by (page, words, where it is seen from,
    # directory URLs, source links).
    actor_links: dict[tuple[str, str, str, bool, bool], str] = field(default_factory=dict)


@dataclass(frozen=True)
class QuoteEntry:
    """A direct quote credited to an actor, with the article it comes from."""

    text: str
    sentence: str
    article: ArticleEntry


def page_path(obj: Any) -> str:
    """Where a thing of the digest lives, as a docs-relative Markdown path."""
    if isinstance(obj, ArticleEntry):
        return f"articles/{obj.slug}.md"
    if isinstance(obj, (ActorEntry, Actor)):
        return f"actors/{obj.id}.md"
    if isinstance(obj, Month):
        return f"months/{obj.key}.md"
    if isinstance(obj, Outlet):
        return f"sources/index.md#{obj.slug}"
    raise TypeError(f"no page for {type(obj).__name__}")


def source_link(target: str, from_path: str) -> str:
    """The link from the Markdown file ``from_path`` to the file ``target`` (both docs paths,
    ``target`` maybe with an anchor): ``../months/2024-03.md``. MkDocs rewrites such links in
    Markdown; Zensical in raw HTML too, where it resolves every relative link from the file."""
    path, _, anchor = target.partition("#")
    relative = relative_path(path, posixpath.dirname(from_path)) if path else ""
    return f"{relative}#{anchor}" if anchor else relative


def relative_url(target: str, from_path: str, directory_urls: bool = True) -> str:
    """The URL from the page at docs path ``from_path`` to docs path ``target``, as MkDocs
    would write it: for raw HTML, which MkDocs does not rewrite."""
    return _relative_url(target, url_scope(target, from_path), directory_urls)


def url_scope(target: str, from_path: str) -> str:
    """The pages that see ``target`` at the same URL as ``from_path`` does: every page of
    its folder but the folder's index and ``target`` itself ("*" is in no page name)."""
    folder, _, name = from_path.rpartition("/")
    if name != "index.md" and target.partition("#")[0] != from_path:
        return f"{folder}/*.md" if folder else "*.md"
    return from_path


@functools.lru_cache(maxsize=262144)
def _relative_url(target: str, from_path: str, directory_urls: bool) -> str:
    here = url_of(from_path, directory_urls)
    url, _, anchor = url_of(target, directory_urls).partition("#")
    # A page's URL is a file name ("x.html") or a folder ("x/"): links resolve from its folder.
    rel = relative_path(url, here.rpartition("/")[0]) or "./"
    return f"{rel}#{anchor}" if anchor else rel


@functools.lru_cache(maxsize=262144)
def _escape_cached(text: str) -> str:
    return escape(text)


def md(text: Any) -> str:
    """Markdown-escaped text; the same titles and names recur on thousands of pages."""
    return _escape_cached(text if isinstance(text, str) else str(text))


def _title_of(obj: Any) -> str:
    for attribute in ("title", "name"):
        if hasattr(obj, attribute):
            return getattr(obj, attribute)
    return str(obj)


class Renderer:
    def __init__(
        self,
        template_dir: Path | None = None,
        directory_urls: bool = True,
        fragments: bool = False,
        source_links: bool = False,
    ) -> None:
        """``fragments``: keep raw HTML blocks out of the Markdown (see ``Page``), for a
        caller that puts them back after MkDocs has converted the page; otherwise they are
        written inline, and any MkDocs builds the pages. ``source_links``: raw HTML links
        name Markdown files (``source_link``) rather than final URLs, for Zensical."""
        self.fragments = fragments
        loaders: list[jinja2.BaseLoader] = []
        if template_dir is not None and template_dir.is_dir():
            loaders.append(jinja2.FileSystemLoader(str(template_dir)))
        loaders.append(jinja2.FileSystemLoader(str(BUILTIN_TEMPLATES)))
        self.env = jinja2.Environment(
            loader=jinja2.ChoiceLoader(loaders),
            undefined=jinja2.StrictUndefined,
            autoescape=False,
            keep_trailing_newline=True,
            trim_blocks=True,
            lstrip_blocks=True,
        )
        self.env.filters["md"] = md
        self.env.filters["html"] = escape_html
        self.env.filters["url"] = safe_url
        self.env.filters["raw_html"] = _raw_html
        self.env.filters["plural"] = plural
        self.env.globals.update(
            href=_href,
            link=_link,
            page_url=_page_url,
            a=_a,
            directory_urls=directory_urls,
            source_links=source_links,
            linked=linked_paragraph,
            actor_link=_actor_link,
            event_line=event_line,
            chronology_href=_chronology_href,
            timeline=_timeline,
            kinds=KINDS,
            list_limit=LIST_LIMIT,
            source_limit=SOURCE_LIMIT,
            article_sections=article_sections,
        )

    def render(self, template: str, path: str, meta: dict[str, Any], **context: Any) -> Page:
        try:
            fragments: list[str] | None = [] if self.fragments else None
            body = self.env.get_template(template).render(
                page_path=path, fragments=fragments, **context
            )
        except jinja2.TemplateSyntaxError as exc:
            raise TemplateProblem(
                f"{exc.filename or exc.name}:{exc.lineno}: {exc.message}"
            ) from None
        except jinja2.TemplateError as exc:
            raise TemplateProblem(f"{_template_location(exc, template)}: {exc}") from None
        meta = html_safe_meta({k: v for k, v in meta.items() if v not in (None, "")})
        content = f"---\n{front_matter(meta)}\n---\n\n{body.strip()}\n"
        return Page(path, content, tuple(fragments or ()))


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


def safe_url(url: str) -> str:
    """An http(s) URL fit for a Markdown link target, or "#" for anything else."""
    url = url.strip()
    if not url.lower().startswith(("http://", "https://")) or any(c.isspace() for c in url):
        return "#"
    return "".join(f"%{ord(c):02X}" if c in "()<>\"'`[]" else c for c in url)


def plural(count: int, word: str, many: str | None = None) -> str:
    """``3 events``, ``1 event``."""
    return f"{count} {word if count == 1 else many or word + 's'}"


def _template_location(exc: BaseException, template: str) -> str:
    """The template file and line a render-time error came from, read off the traceback."""
    tb = exc.__traceback__
    where = template
    while tb is not None:
        filename = tb.tb_frame.f_code.co_filename
        if filename.endswith(".j2"):
            where = f"{filename}:{tb.tb_lineno}"
        tb = tb.tb_next
    return where


@functools.lru_cache(maxsize=65536)
def relative_path(path: str, here: str) -> str:
    """``path`` seen from the folder ``here`` (both docs-relative, normalised, POSIX).

    posixpath.relpath does the same, but consults the working directory on every call:
    a site links hundreds of thousands of times.
    """
    target = path.split("/")
    base = here.split("/") if here else []
    common = 0
    for a, b in zip(target[:-1], base, strict=False):
        if a != b:
            break
        common += 1
    return "/".join([".."] * (len(base) - common) + target[common:])


@jinja2.pass_context
def _href(context: jinja2.runtime.Context, target: Any) -> str:
    """A link from the page being rendered to ``target`` (a digest object or a docs path)."""
    path = target if isinstance(target, str) else page_path(target)
    return source_link(path, context["page_path"])


@jinja2.pass_context
def _link(context: jinja2.runtime.Context, target: Any, text: Any = None) -> str:
    return link(_title_of(target) if text is None else text, _href(context, target))


@jinja2.pass_context
def _raw_html(context: jinja2.runtime.Context, block: str) -> str:
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
def _page_url(context: jinja2.runtime.Context, target: Any) -> str:
    """The final URL of ``target`` from the page being rendered, for raw HTML.

    Long lists are raw HTML: Python-Markdown parses a Markdown link about ten times slower
    than an HTML block, and MkDocs then rewrites every link it parsed.
    """
    path = target if isinstance(target, str) else page_path(target)
    return html_url(context, path)


def html_url(context: jinja2.runtime.Context, path: str) -> str:
    """A link for raw HTML from the page being rendered to the docs path ``path``."""
    if context["source_links"]:
        return source_link(path, context["page_path"])
    return relative_url(path, context["page_path"], context["directory_urls"])


@jinja2.pass_context
def _a(context: jinja2.runtime.Context, target: Any, text: Any = None) -> str:
    """An HTML link to ``target`` (a digest object or a docs path), its text escaped."""
    return html_link(_title_of(target) if text is None else text, _page_url(context, target))


@jinja2.pass_context
def _actor_link(context: jinja2.runtime.Context, actor_id: str, html: bool = False) -> str:
    """The actor's name, linked when the actor has a page (is named in some article)."""
    entry = context["digest"].actors.get(actor_id)
    plain = escape_html if html else md
    if entry is None:
        return plain(actor_id)
    if not entry.articles:
        return plain(entry.name)
    return _a(context, entry) if html else _link(context, entry)


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
    parts = [f"<strong>{escape_html(event.display_date)}</strong>: {escape_html(event.text)}"]
    if event.actor_ids:
        actors = ", ".join(_actor_link(context, a, html=True) for a in event.actor_ids)
        parts.append(f" ({actors})")
    if show_sources:
        shown = [
            f"{_a(context, s.article)} ({escape_html(s.article.outlet)})"
            for s in event.sources[:SOURCE_LIMIT]
        ]
        more = len(event.sources) - SOURCE_LIMIT
        tail = f"; and {more} more" if more > 0 else ""
        parts.append(
            f"\n<small>{plural(len(event.sources), 'source')}: {'; '.join(shown)}{tail}</small>"
        )
    lines[key] = line = "".join(parts)
    return line


@jinja2.pass_context
def _chronology_href(context: jinja2.runtime.Context, year: str, month: str | None = None) -> str:
    """Where the chronology shows a year (or month): one page, or the year's own page."""
    years = context["site"].chronology_years
    page = f"chronology/{year}.md" if years else "chronology/index.md"
    anchor = f"m{month}" if month else f"y{year}"
    return _href(context, f"{page}#{anchor}")


@jinja2.pass_context
def _timeline(context: jinja2.runtime.Context) -> str:
    digest = context["digest"]
    return timeline_svg(
        list(digest.months.values()), lambda key: html_url(context, f"months/{key}.md")
    )


@jinja2.pass_context
def linked_paragraph(
    context: jinja2.runtime.Context, text: str, mentions: Iterable[Mention]
) -> str:
    """A paragraph as an HTML block, escaped, with each actor linked at its first mention."""
    actors = context["digest"].actors
    here, directory_urls = context["page_path"], context["directory_urls"]
    site = context.get("site")
    links = site.actor_links if site is not None else {}
    # Most paragraphs have nothing to fold or drop: their pieces need markup escaped only.
    piece = html.escape if is_clean(text) else escape_html_inline
    out, cursor, seen = [], 0, set()
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
    return "<p>" + "".join(out).strip() + "</p>"


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


# --- What pages need beyond the model --------------------------------------------------


def prominence(digest: Digest) -> dict[str, float]:
    """How central each actor is to the story, 0..1: its share of the most-covered actor."""
    counts = {actor_id: len(entry.articles) for actor_id, entry in digest.actors.items()}
    top = max(counts.values(), default=0) or 1
    return {actor_id: n / top for actor_id, n in counts.items()}


def importance(event: Event, centrality: dict[str, float]) -> float:
    """Rank for "In brief": how many sources report it, then how central its actors are."""
    actors = sorted((centrality.get(a, 0.0) for a in event.actor_ids), reverse=True)
    return len(event.sources) + sum(actors[:3]) / 3 - (0.5 if event.background else 0.0)


def in_brief(events: list[Event], centrality: dict[str, float], n: int = IN_BRIEF) -> list[Event]:
    """The month's most important events, shown in date order."""
    ranked = sorted(events, key=lambda e: (-importance(e, centrality), e.sort_key))[:n]
    return sorted(ranked, key=lambda e: e.sort_key)


def actor_quotes(digest: Digest) -> dict[str, list[QuoteEntry]]:
    """Direct quotes per actor, newest article first, as the model collected them."""
    return {
        actor.id: [
            QuoteEntry(said.quote.text, said.quote.sentence, said.article) for said in actor.quotes
        ]
        for actor in digest.actors.values()
        if actor.quotes
    }


def site_facts(digest: Digest) -> SiteFacts:
    quotes = actor_quotes(digest)
    split = len(digest.events) > CHRONOLOGY_SPLIT
    years = sorted({e.year for e in digest.events}) if split else None
    return SiteFacts(
        prominence=prominence(digest),
        quotes=quotes,
        chronology_years=years,
    )


# --- The site ------------------------------------------------------------------------


def render_site(
    digest: Digest,
    renderer: Renderer,
    chronology_order: str = "oldest",
    site_url: str | None = None,
    workers: int = 1,
) -> list[Page]:
    """Every generated page of the site, and its feeds, in one order whatever ``workers``
    (more than one: a forked helper renders some parts, see ``SharedParts``)."""
    return start_site(digest, renderer, chronology_order, site_url, workers).pages()


def start_site(
    digest: Digest,
    renderer: Renderer,
    chronology_order: str = "oldest",
    site_url: str | None = None,
    workers: int = 1,
    on_done: Callable[[list[Page]], None] | None = None,
    defer: bool = False,
) -> Site:
    """The site's pages, rendered by this process and a forked helper (``workers`` > 1).

    ``defer``: return once the indexes and the actors' pages are rendered here, leaving
    the helper (which began with them) the months, articles and feeds, in the order in
    which MkDocs reads them while this process goes on: MkDocs reads its pages one by
    one, then copies the feeds. ``on_done`` is called with every page once all are there.
    """
    parts = site_parts(digest, renderer, chronology_order, site_url)
    renders = [part.render for part in parts]
    if not defer:
        # The feeds, the last part and the longest, are taken first.
        site = Site(parts, dict(enumerate(run_parts(renders, workers, [len(parts) - 1]))))
    else:
        now = [i for i, part in enumerate(parts) if not part.later]
        shared = SharedParts(renders, workers, mine=now)
        if shared.helper is None:
            site = Site(parts, dict(enumerate(shared.all())))
        else:
            try:
                site = Site(parts, {i: shared.get(i) for i in now}, shared)
            except BaseException:
                shared.close()  # an editor's template failed: the helper stops too
                raise
    site.on_done = on_done
    if site.shared is None:
        site.pages()  # all there: on_done now
    return site


class Site:
    """The generated pages by path, in order; some may still be being rendered."""

    def __init__(
        self,
        parts: list[Part],
        done: dict[int, list[Page]],
        shared: SharedParts[list[Page]] | None = None,
        on_done: Callable[[list[Page]], None] | None = None,
    ) -> None:
        self.parts, self.done, self.shared, self.on_done = parts, done, shared, on_done
        self.where: dict[str, tuple[int, int]] = {}  # path -> (part, place in the part)
        for i, part in enumerate(parts):
            paths = part.paths or [page.path for page in done[i]]
            self.where.update((path, (i, n)) for n, path in enumerate(paths))
        self.paths = list(self.where)
        self._all: list[Page] | None = None

    @classmethod
    def of(cls, pages: list[Page]) -> Site:
        """A site whose pages are all there (from a cache)."""
        return cls([Part(lambda: pages)], {0: pages})

    def __contains__(self, path: str) -> bool:
        return path in self.where

    def ready(self, path: str) -> Page | None:
        """The page if it is rendered already, without waiting."""
        part, place = self.where[path]
        return self.done[part][place] if part in self.done else None

    def page(self, path: str) -> Page:
        part, place = self.where[path]
        if part not in self.done:
            assert self.shared is not None
            self.done[part] = self.shared.get(part)
        return self.done[part][place]

    def pages(self) -> list[Page]:
        """Every page, in order, once all are rendered (the helper is then stopped)."""
        if self._all is None:
            pages = [self.page(path) for path in self.paths]
            self.close()
            self._all = pages
            if self.on_done is not None:
                self.on_done(pages)
        return self._all

    def close(self) -> None:
        if self.shared is not None:
            self.shared.close()
            self.shared = None


@dataclass(frozen=True)
class Part:
    """Some of the site's pages: what renders them, and their paths when known before."""

    render: Callable[[], list[Page]]
    paths: list[str] | None = None
    later: bool = False  # may be rendered after the build returns (the paths are known)


def site_parts(
    digest: Digest,
    renderer: Renderer,
    chronology_order: str = "oldest",
    site_url: str | None = None,
) -> list[Part]:
    """The site's pages as parts of the work, each a function that renders some pages."""
    site = site_facts(digest)
    newest_first = chronology_order == "newest"
    common = {"digest": digest, "site": site}

    def index(template: str, path: str, title: str, description: str, **extra: Any) -> Page:
        meta = {"title": title, "description": description, "search": {"exclude": True}}
        return renderer.render(template, path, meta, **common, **extra)

    def indexes() -> list[Page]:
        pages = [
            renderer.render(
                "overview.md.j2",
                "index.md",
                {"title": digest.title, "description": _first_line(digest.intro)},
                **common,
                story=story_so_far(digest, site),
            ),
            index(
                "actors_index.md.j2",
                "actors/index.md",
                "Actors",
                "The people, states and organisations of the story, by kind.",
            ),
            index(
                "months_index.md.j2",
                "months/index.md",
                "Months",
                "The story month by month: events and articles.",
            ),
            index(
                "articles_index.md.j2",
                "articles/index.md",
                "Articles",
                "Every article of the digest, by month of publication.",
                limit=ARTICLES_INDEX_LIMIT,
            ),
            index(
                "sources.md.j2",
                "sources/index.md",
                "Sources",
                "The outlets whose articles make up this digest, with counts and date ranges.",
            ),
        ]
        groups = chronology_groups(digest.events, newest_first=newest_first)
        description = "Every dated event found in the corpus, with the articles that report it."
        if site.chronology_years is None:
            pages.append(
                index(
                    "chronology.md.j2",
                    "chronology/index.md",
                    "Chronology",
                    description,
                    groups=groups,
                )
            )
        else:
            pages.append(
                index(
                    "chronology_years.md.j2",
                    "chronology/index.md",
                    "Chronology",
                    description,
                    groups=groups,
                )
            )
            for year, months in groups:
                pages.append(
                    index(
                        "chronology.md.j2",
                        f"chronology/{year}.md",
                        f"Chronology: {year}",
                        f"Every dated event of {year} found in the corpus.",
                        groups=[(year, months)],
                        year=year,
                        # A year denser than a whole short chronology shows each month's key
                        # events and links to the month page for the rest.
                        brief=sum(len(events) for _, events in months) > CHRONOLOGY_SPLIT,
                        in_brief=lambda month: in_brief(month.events, site.prominence),
                    )
                )
        return pages

    def parts_of(
        template: str, terms: list[Any], meta, search, later: bool = False, **extra: Any
    ) -> list[Part]:
        chunks = [terms[i : i + PART] for i in range(0, len(terms), PART)]
        return [
            Part(
                functools.partial(term_pages, renderer, template, chunk, meta, search, **extra),
                [page_path(term) for term in chunk],
                later=later,
            )
            for chunk in chunks
        ]

    return [
        Part(indexes),
        *parts_of("actor.md.j2", digest.actors_by_prominence(), _actor_meta, actor_entry, **common),
        *parts_of(
            "month.md.j2",
            list(digest.months.values()),
            _month_meta,
            month_entry,
            later=True,
            **common,
            in_brief=lambda month: in_brief(month.events, site.prominence),
        ),
        *parts_of(
            "article.md.j2", digest.articles, _article_meta, article_entry, later=True, **common
        ),
        Part(
            lambda: feed_pages(digest, site_url, renderer.env.globals["directory_urls"]),
            feed_paths(digest),
            later=True,
        ),
    ]


def term_pages(
    renderer: Renderer,
    template: str,
    terms: Iterable[Any],
    meta: Callable[[Any], dict[str, Any]],
    search: Callable[[Any], SearchEntry],
    **context: Any,
) -> list[Page]:
    """One page per term (actor, month, article): the same routine for every grouping."""
    return [
        dataclasses.replace(
            renderer.render(template, page_path(term), meta(term), term=term, **context),
            search=search(term),
        )
        for term in terms
    ]


def story_so_far(digest: Digest, site: SiteFacts, months: int = 3, per_month: int = 3):
    """The latest months with events, newest first, each with its most important events."""
    with_events = [m for m in digest.months.values() if m.events][-months:]
    return [(m, in_brief(m.events, site.prominence, per_month)) for m in reversed(with_events)]


def _first_line(markdown: str) -> str:
    """The first paragraph of prose in a Markdown text, for a meta description."""
    for block in markdown.split("\n\n"):
        text = " ".join(block.split())
        if text and not text.startswith(("#", "!!!", "<", "---")):
            return summary(text)
    return ""


def summary(text: str, limit: int = 200) -> str:
    """Whole sentences up to ``limit`` characters, else whole words and an ellipsis."""
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    cut = text[: limit + 1]
    end = max(cut.rfind(". "), cut.rfind("? "), cut.rfind("! "))
    if end >= limit // 2:
        return cut[: end + 1]
    return cut[: cut.rfind(" ")].rstrip(",;:") + "…" if " " in cut else cut[:limit] + "…"


def _actor_meta(actor: ActorEntry) -> dict[str, Any]:
    description = summary(actor.actor.description) or f"{actor.name}: {actor.actor.kind}."
    return {"title": actor.name, "description": description, "search": {"boost": 4}}


def _month_meta(month: Month) -> dict[str, Any]:
    return {
        "title": month.name,
        "description": f"What happened in {month.name}: "
        f"{plural(len(month.events), 'event')}, {plural(len(month.articles), 'article')}.",
        "search": {"boost": 3},
    }


def _article_meta(entry: ArticleEntry) -> dict[str, Any]:
    article = entry.article
    description = article.summary or (article.paragraphs[0] if article.paragraphs else "")
    return {"title": article.title, "description": summary(description)}


def chronology_groups(events: list[Event], newest_first: bool = False):
    """Events grouped by year, then by month (None for events known only to the year)."""
    years: dict[str, dict[str | None, list[Event]]] = {}
    for event in events:
        years.setdefault(event.year, {}).setdefault(event.month, []).append(event)
    out = []
    for year in sorted(years, reverse=newest_first):
        months = years[year]
        keys = sorted(months, key=lambda k: k or "9999", reverse=newest_first)
        out.append(
            (year, [(key, months[key][::-1] if newest_first else months[key]) for key in keys])
        )
    return out
