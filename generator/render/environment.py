"""The Jinja2 environment pages are rendered in: where templates are found, and what
they can call.

Templates are looked up in the editor's folder first, then in the built-in set (as
Pelican does), so overriding one page type means one file. The built-ins are also
reachable as ``builtin/<name>`` (Pelican's ``!simple/``), so an override can extend the
built-in template and replace one ``{% block %}``::

    {% extends "builtin/actor.md.j2" %}
    {% block quotes %}{% endblock %}

Article text only ever reaches Jinja2 as data, never as template source, and every
piece of it passes through ``md`` (Markdown) or ``html`` escaping on its way in.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import jinja2
import jinja2.bccache
import jinja2.meta

import generator.render.helpers as helpers
from generator.extract.actors import KINDS
from generator.render.escape import escape_html, md, safe_url
from generator.render.page import Page, front_matter, html_safe_meta
from generator.render.urls import month_more_page

BUILTIN_TEMPLATES = Path(__file__).parent / "templates"
BUILTIN_PREFIX = "builtin"
# Reader-facing wording outside page bodies (titles, descriptions, feeds, search, chart).
STRINGS = "_strings.md.j2"
# The site's own styles, found as templates are (an editor's copy wins), published as is.
STYLESHEET = "digest.css"


class CompiledTemplates(jinja2.BytecodeCache):
    """Compiled templates kept in memory by name and source, for the renderers of one
    process (``mkdocs serve``): a new renderer compiles only what changed."""

    def __init__(self) -> None:
        self.code: dict[str, bytes] = {}

    def load_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        code = self.code.get(bucket.key)
        if code is not None:
            bucket.bytecode_from_string(code)

    def dump_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        self.code[bucket.key] = bucket.bytecode_to_string()


class TemplateProblem(Exception):
    """A template that cannot be rendered; the message names the template file and line."""


class Renderer:
    def __init__(
        self,
        template_dir: Path | None = None,
        directory_urls: bool = True,
        fragments: bool = False,
        source_links: bool = False,
        full_text: bool = False,
        compiled: jinja2.BytecodeCache | None = None,
    ) -> None:
        """``fragments``: keep raw HTML blocks out of the Markdown (see ``Page``), for a
        caller that puts them back after MkDocs has converted the page; otherwise they are
        written inline, and any MkDocs builds the pages. ``source_links``: raw HTML links
        name Markdown files (``source_link``) rather than final URLs, for Zensical.
        ``full_text``: article pages reproduce the whole article, not the passages the
        digest uses (``render/excerpts.py``); for a corpus the editor has the rights to.
        ``compiled``: templates compiled already (``CompiledTemplates``), by their source."""
        self.fragments = fragments
        builtin = jinja2.FileSystemLoader(str(BUILTIN_TEMPLATES))
        loaders: list[jinja2.BaseLoader] = [jinja2.PrefixLoader({BUILTIN_PREFIX: builtin})]
        if template_dir is not None and template_dir.is_dir():
            loaders.append(jinja2.FileSystemLoader(str(template_dir)))
        loaders.append(builtin)
        self.env = jinja2.Environment(
            loader=jinja2.ChoiceLoader(loaders),
            undefined=jinja2.StrictUndefined,
            autoescape=False,
            keep_trailing_newline=True,
            trim_blocks=True,
            lstrip_blocks=True,
            bytecode_cache=compiled,
        )
        self.env.filters.update(
            md=md, html=escape_html, url=safe_url, raw_html=helpers.raw_html, plural=plural
        )
        self.env.globals.update(
            href=helpers.href,
            link=helpers.link_to,
            page_url=helpers.page_url,
            a=helpers.a,
            directory_urls=directory_urls,
            source_links=source_links,
            full_text=full_text,
            linked=helpers.linked_paragraph,
            actor_link=helpers.actor_link,
            event_line=helpers.event_line,
            key_date_line=helpers.key_date_line,
            month_more=month_more_page,
            chronology_href=helpers.chronology_href,
            timeline=helpers.timeline,
            kinds=KINDS,
            list_limit=helpers.LIST_LIMIT,
            source_limit=helpers.SOURCE_LIMIT,
            article_sections=helpers.article_sections,
            quotation=helpers.article_quotation,
            excerpt_html=helpers.excerpt_html,
            named_in_text=helpers.named_in_text,
            seen_range=helpers.seen_range,
            wording=self.text,
        )
        self._strings: Any = None
        self.template_dir = template_dir
        self._closures: dict[str, tuple[tuple[str, str, str], ...]] = {}
        self._editor_made: dict[str, bool] = {}
        self._references: dict[str, frozenset[str] | None] = {}

    def refresh(self) -> None:
        """Forget what was read of the templates: before a build that reuses this renderer
        (``mkdocs serve``), as an editor may have changed them since the last one. Jinja2
        recompiles a template whose file changed by itself."""
        self._strings = None
        self._closures = {}
        self._editor_made = {}

    def sources(self, template: str) -> tuple[tuple[str, str, str], ...]:
        """Every template a page made from ``template`` reads, as (name, file, source): the
        template, what it extends, imports or includes, and so on, and the wording of
        ``_strings``. A reference Jinja2 cannot name before rendering (a variable's value)
        makes it every template. Equal sources make equal pages of equal data."""
        found = self._closures.get(template)
        if found is None:
            found = self._closures[template] = self._closure(template)
        return found

    def editor_made(self, template: str) -> bool:
        """Whether an editor's template is among those a page made from ``template`` reads
        (asked for every page: answered once per template and build)."""
        if self.template_dir is None:
            return False
        found = self._editor_made.get(template)
        if found is None:
            folder = str(self.template_dir.resolve())
            found = self._editor_made[template] = any(
                Path(file).resolve().is_relative_to(folder)
                for _, file, _ in self.sources(template)
            )
        return found

    def _closure(self, template: str) -> tuple[tuple[str, str, str], ...]:
        loader = self.env.loader
        assert loader is not None
        seen: dict[str, tuple[str, str, str]] = {}
        todo = [template, STRINGS]
        while todo:
            name = todo.pop()
            if name in seen:
                continue
            try:
                source, file, _ = loader.get_source(self.env, name)
            except jinja2.TemplateNotFound:
                seen[name] = (name, "", "")
                continue
            seen[name] = (name, file or "", source)
            references = self._references_of(source)
            if references is None:
                todo += [n for n in self.env.list_templates() if n not in seen]
            else:
                todo += [n for n in references if n not in seen]
        return tuple(seen[name] for name in sorted(seen))

    def _references_of(self, source: str) -> frozenset[str] | None:
        if source not in self._references:
            try:
                names = list(jinja2.meta.find_referenced_templates(self.env.parse(source)))
            except jinja2.TemplateSyntaxError:
                names = []  # rendering it reports the mistake
            self._references[source] = None if None in names else frozenset(names)
        return self._references[source]

    def render(self, template: str, path: str, meta: dict[str, Any], **context: Any) -> Page:
        try:
            fragments: list[str] | None = [] if self.fragments else None
            body = self.env.get_template(template).render(
                page_path=path, fragments=fragments, **context
            )
        except jinja2.TemplateError as exc:
            raise problem(exc, template) from None
        meta = html_safe_meta({k: v for k, v in meta.items() if v not in (None, "")})
        content = f"---\n{front_matter(meta)}\n---\n\n{body.strip()}\n"
        return Page(path, content, tuple(fragments or ()))

    def stylesheet(self) -> str:
        """The digest's CSS: the editor's ``digest.css`` or the built-in one, not rendered."""
        source, _, _ = self.env.loader.get_source(self.env, STYLESHEET)
        return source

    def text(self, name: str, *args: Any) -> str:
        """Wording from the ``_strings`` template: its macro ``name`` called with ``args``."""
        try:
            if self._strings is None:
                self._strings = self.env.get_template(STRINGS).module
            macro = getattr(self._strings, name, None)
            if macro is None:
                raise TemplateProblem(f"{STRINGS}: no macro {name!r} (copy the built-in one)")
            return macro(*args)
        except jinja2.TemplateError as exc:
            raise problem(exc, STRINGS) from None


def problem(exc: jinja2.TemplateError, template: str) -> TemplateProblem:
    """A template error as one line naming the template file and line."""
    if isinstance(exc, jinja2.TemplateSyntaxError):
        line = _syntax_line(exc)
        noticed = f" (noticed on line {exc.lineno})" if line != exc.lineno else ""
        return TemplateProblem(f"{exc.filename or exc.name}:{line}: {exc.message}{noticed}")
    return TemplateProblem(f"{_template_location(exc, template)}: {exc}")


# Tags that open a block closed by "end<tag>".
_BLOCK_TAGS = frozenset(
    {"if", "for", "macro", "call", "filter", "block", "with", "autoescape", "trans", "raw"}
)


def _syntax_line(exc: jinja2.TemplateSyntaxError) -> int:
    """The line the mistake is on, which Jinja2 reports late in two cases.

    A tag left open (``{{ title`` with no ``}}``) is noticed at the first token after it,
    often on the next line; the line meant is the tag's own. A block never closed (an
    ``{% if %}`` with no ``{% endif %}``) is noticed at the end of the file, or at the end
    tag of the block around it; the line meant is where the innermost open block starts."""
    if not exc.source:
        return exc.lineno
    try:
        tokens = list(jinja2.Environment().lex(exc.source))
    except jinja2.TemplateSyntaxError:
        return exc.lineno
    opened = 0  # line of the open {{ or {%, 0 when none is open
    blocks: list[tuple[str, int]] = []
    tag_expected = False
    block_set = 0  # line of a {% set x %} with no "=": a block, closed by endset
    for line, kind, value in tokens:
        if line > exc.lineno:
            break
        if kind in ("variable_begin", "block_begin"):
            opened, tag_expected = line, kind == "block_begin"
        elif kind in ("variable_end", "block_end"):
            if block_set and kind == "block_end":
                blocks.append(("set", block_set))
            opened = block_set = 0
        elif kind == "operator" and value == "=":
            block_set = 0
        elif tag_expected and kind == "name":
            tag_expected = False
            if value in _BLOCK_TAGS:
                blocks.append((value, line))
            elif value == "set":
                block_set = line
            elif value.startswith("end") and blocks and blocks[-1][0] == value[3:]:
                blocks.pop()
    if opened and opened < exc.lineno:
        return opened
    if exc.message and "innermost block that needs to be closed" in exc.message and blocks:
        return blocks[-1][1]
    return exc.lineno


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
