"""Render: the Digest -> Markdown pages, through Jinja2 templates editors can override.

Templates are looked up in the editor's folder first, then in the built-in set
(as Pelican does), so overriding one page type means copying one file. Article
text only ever reaches Jinja2 as data, never as template source, and every piece
of it passes through ``md`` (Markdown escaping) on its way into a page.
"""

from __future__ import annotations

import posixpath
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import jinja2
import yaml

from generator.actors import KINDS, Actor, Mention
from generator.markdown import escape, link
from generator.model import ActorEntry, ArticleEntry, Digest, Event, Month, Outlet

BUILTIN_TEMPLATES = Path(__file__).parent / "templates"
RESERVED = ("index",)


class TemplateProblem(Exception):
    """A template that cannot be rendered; the message names the template file and line."""


@dataclass(frozen=True)
class Page:
    """A generated Markdown page, by its path under the docs folder (``actors/qatar.md``)."""

    path: str
    content: str


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


def _title_of(obj: Any) -> str:
    for attribute in ("title", "name"):
        if hasattr(obj, attribute):
            return getattr(obj, attribute)
    return str(obj)


class Renderer:
    def __init__(self, template_dir: Path | None = None) -> None:
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
        self.env.filters["md"] = escape
        self.env.filters["url"] = safe_url
        self.env.globals.update(href=_href, link=_link, linked=linked_paragraph, kinds=KINDS)

    def render(self, template: str, path: str, meta: dict[str, Any], **context: Any) -> Page:
        try:
            body = self.env.get_template(template).render(page_path=path, **context)
        except jinja2.TemplateSyntaxError as exc:
            raise TemplateProblem(
                f"{exc.filename or exc.name}:{exc.lineno}: {exc.message}"
            ) from None
        except jinja2.TemplateError as exc:
            raise TemplateProblem(f"{_template_location(exc, template)}: {exc}") from None
        front = yaml.safe_dump(meta, allow_unicode=True, sort_keys=True, width=1000)
        return Page(path, f"---\n{front}---\n\n{body.strip()}\n")


def safe_url(url: str) -> str:
    """An http(s) URL fit for a Markdown link target, or "#" for anything else."""
    url = url.strip()
    if not url.lower().startswith(("http://", "https://")) or any(c.isspace() for c in url):
        return "#"
    return "".join(f"%{ord(c):02X}" if c in "()<>\"'`[]" else c for c in url)


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


@jinja2.pass_context
def _href(context: jinja2.runtime.Context, target: Any) -> str:
    """A link from the page being rendered to ``target`` (a digest object or a docs path)."""
    path = target if isinstance(target, str) else page_path(target)
    path, _, anchor = path.partition("#")
    here = posixpath.dirname(context["page_path"])
    relative = posixpath.relpath(path, here or ".")
    return f"{relative}#{anchor}" if anchor else relative


@jinja2.pass_context
def _link(context: jinja2.runtime.Context, target: Any, text: Any = None) -> str:
    return link(_title_of(target) if text is None else text, _href(context, target))


@jinja2.pass_context
def linked_paragraph(
    context: jinja2.runtime.Context, text: str, mentions: Iterable[Mention]
) -> str:
    """A paragraph, escaped, with each actor linked at its first mention in it."""
    out, cursor, seen = [], 0, set()
    for mention in sorted(mentions, key=lambda m: m.start):
        if mention.actor_id in seen or mention.start < cursor:
            continue
        seen.add(mention.actor_id)
        out.append(escape_inline(text[cursor : mention.start]))
        out.append(link(mention.text, _href(context, f"actors/{mention.actor_id}.md")))
        cursor = mention.end
    out.append(escape_inline(text[cursor:]))
    return "".join(out)


def escape_inline(text: str) -> str:
    """Escape a piece of a line, keeping one space at each edge where it had any.

    Line-start escapes are harmless mid-line (``\\-`` renders as ``-``), so ``escape``
    serves for every piece.
    """
    if not text.strip():
        return " " if text else ""
    lead = " " if text[0].isspace() else ""
    trail = " " if text[-1].isspace() else ""
    return f"{lead}{escape(text)}{trail}"


def render_site(digest: Digest, renderer: Renderer, chronology_order: str = "oldest") -> list[Page]:
    """Every generated page of the site."""
    pages = [
        renderer.render("overview.md.j2", "index.md", {"title": digest.title}, digest=digest),
        renderer.render(
            "chronology.md.j2",
            "chronology/index.md",
            {"title": "Chronology", "search": {"exclude": True}},
            digest=digest,
            groups=chronology_groups(digest.events, newest_first=chronology_order == "newest"),
        ),
        renderer.render(
            "actors_index.md.j2", "actors/index.md", {"title": "Actors"}, digest=digest
        ),
        renderer.render(
            "months_index.md.j2", "months/index.md", {"title": "Months"}, digest=digest
        ),
        renderer.render(
            "articles_index.md.j2",
            "articles/index.md",
            {"title": "Articles", "search": {"exclude": True}},
            digest=digest,
        ),
        renderer.render("sources.md.j2", "sources/index.md", {"title": "Sources"}, digest=digest),
    ]
    actors = [a for a in digest.actors_by_prominence()]
    pages += term_pages(renderer, "actor.md.j2", actors, digest, _actor_meta)
    pages += term_pages(renderer, "month.md.j2", list(digest.months.values()), digest, _month_meta)
    pages += term_pages(renderer, "article.md.j2", digest.articles, digest, _article_meta)
    return pages


def term_pages(
    renderer: Renderer, template: str, terms: list[Any], digest: Digest, meta
) -> list[Page]:
    """One page per term (actor, month, article): the same routine for every grouping."""
    return [
        renderer.render(template, page_path(term), meta(term), term=term, digest=digest)
        for term in terms
    ]


def _actor_meta(actor: ActorEntry) -> dict[str, Any]:
    return {"title": actor.name, "description": actor.actor.description, "search": {"boost": 4}}


def _month_meta(month: Month) -> dict[str, Any]:
    return {
        "title": month.name,
        "description": f"What happened in {month.name}.",
        "search": {"boost": 2},
    }


def _article_meta(entry: ArticleEntry) -> dict[str, Any]:
    article = entry.article
    description = article.summary or (article.paragraphs[0] if article.paragraphs else "")
    return {"title": article.title, "description": description[:300]}


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
