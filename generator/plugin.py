"""The MkDocs plugin: runs the pipeline and hands its pages to MkDocs.

Generated pages live in memory as MkDocs ``File`` objects; nothing is written
into the docs folder. Inputs (raw pages, reviewed articles, the registry) are
taken out of the published files: their pages come from the templates.

Under ``mkdocs serve`` the plugin instance lives across rebuilds (it defines
``on_startup``, which is how MkDocs 1.4+ decides to keep it), so it keeps a
``Session``: pages whose files did not change are neither read nor cleaned again,
and an unchanged site is not rendered again. With ``mkdocs serve --dirty``,
generated pages whose Markdown did not change are also reported unmodified, so
MkDocs skips rendering them.
"""

from __future__ import annotations

import dataclasses
import functools
import gc
import html
import json
import logging
from collections.abc import Callable
from pathlib import Path

from mkdocs.config import base
from mkdocs.config import config_options as c
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, event_priority
from mkdocs.structure.files import File, Files, InclusionLevel

from generator.actors import RegistryError
from generator.compat import UntestedBuilder, require_tested_builder
from generator.feeds import announced
from generator.parallel import can_fork
from generator.pipeline import Options, Session, build, worker_count
from generator.prebuild import Prebuilt
from generator.render import Page, Site, TemplateProblem, fill_fragments, relative_url
from generator.search import BODY_FIELD

log = logging.getLogger("mkdocs.plugins.digest")


class DigestConfig(base.Config):
    corpus = c.Type(str, default="content/raw")
    articles = c.Type(str, default="content/articles")
    registry = c.Type(str, default="content/actors.yml")
    templates = c.Type(str, default="templates")
    intro = c.Type(str, default="content/index.md")
    title = c.Type(str, default="Explainer Digest")
    chronology_order = c.Choice(("oldest", "newest"), default="oldest")
    # Per-page cache of cleaning and extraction, next to mkdocs.yml; "" turns it off.
    cache_dir = c.Type(str, default=".cache/digest")
    # Processes for cleaning and extraction of large corpora: 0 = one per CPU, 1 = serial.
    workers = c.Type(int, default=0)


class GeneratedFile(File):
    """A generated page that knows whether its Markdown changed since the previous build.

    ``later``: where its Markdown comes from when MkDocs first reads it, if it was not
    rendered yet when the file was made (MkDocs reads ``_content`` only).
    """

    changed: bool = True
    later: Callable[[], str] | None = None

    @property  # type: ignore[override]
    def _content(self) -> str | bytes | None:
        if self.later is not None:
            self.__dict__["_content"], self.later = self.later(), None
        return self.__dict__.get("_content")

    @_content.setter
    def _content(self, value: str | bytes | None) -> None:
        self.__dict__["_content"], self.later = value, None

    def is_modified(self) -> bool:
        return self.changed


class DigestPlugin(BasePlugin[DigestConfig]):
    def __init__(self) -> None:
        self.session = Session()
        self.dirty = False
        self.previous: dict[str, int] = {}  # page path -> hash of its Markdown, last build
        # on_build_error may come before on_config has set these (an error in on_config).
        self.site = Site.of([])
        self.prebuilt: Prebuilt | None = None

    def on_startup(self, *, command: str, dirty: bool) -> None:
        # Defining this hook is what makes MkDocs keep this instance (and its session)
        # across the rebuilds of `mkdocs serve`, instead of a fresh plugin per rebuild.
        self.command, self.dirty = command, dirty

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        try:
            require_tested_builder()
        except UntestedBuilder as exc:
            raise PluginError(str(exc)) from None
        options = options_from(
            self.config, config.config_file_path, config.site_url, config.use_directory_urls
        )
        # Lists go to MkDocs as placeholders and come back in on_page_content.
        self.options = dataclasses.replace(options, html_fragments=True)
        self.search_index = search_index_of(config)
        self.site = Site.of([])
        self.prebuilt = None
        return config

    def on_build_error(self, *, error: Exception) -> None:
        self.site.close()  # a helper still rendering stops
        self._close_prebuilt()

    def _close_prebuilt(self) -> None:
        if self.prebuilt is not None:
            self.prebuilt.close()
            log.debug("The helper rendered %d pages through the theme.", self.prebuilt.used)
            self.prebuilt = None

    def on_files(self, files: Files, *, config: MkDocsConfig) -> Files:
        try:
            result = build(self.options, self.session, defer=True)
        except RegistryError as exc:
            raise PluginError(f"Actor registry: {exc}") from None
        except TemplateProblem as exc:
            raise PluginError(f"Template error: {exc}") from None
        docs = Path(config.docs_dir)
        inputs = [
            path.resolve()
            for path in (
                self.options.corpus,
                self.options.articles,
                self.options.registry,
                self.options.intro,
            )
        ]
        # Most files of the docs folder are often corpus pages: those are told by their
        # path alone; any other is resolved, in case it is a link to an input.
        within = [
            path.relative_to(docs.resolve()).as_posix()
            for path in inputs
            if path.is_relative_to(docs.resolve())
        ]
        for file in list(files):
            uri = file.src_uri
            if any(uri == p or uri.startswith(f"{p}/") for p in within) or is_under(
                docs / uri, inputs, resolved=True
            ):
                files.remove(file)
        current: dict[str, int] = {}
        site = self.site = result.site
        for path in site.paths:
            if files.get_file_from_path(path) is not None:
                raise PluginError(
                    f"{path}: a hand-written file has the path of a generated page; "
                    "rename or move it"
                )
            page = site.ready(path)
            if page is None:  # a forked helper is rendering it: read when MkDocs reads it
                file = GeneratedFile.generated(config, path, content="")
                file.later = functools.partial(self._markdown_of, path)
            else:
                file = GeneratedFile.generated(config, path, content=page.content)
                current[path] = hash((page.content, page.fragments))
                file.changed = self.previous.get(path) != current[path]
            files.append(file)
        self.previous = current
        self.files = files
        self.digest = result.digest
        # What the build made lives until MkDocs is done; the cyclic garbage collector
        # need not scan it again and again while MkDocs renders thousands of pages.
        gc.freeze()
        log.info(
            "Generated %d pages from %d articles.", len(site.paths), len(result.digest.articles)
        )
        return files

    @event_priority(-100)  # the navigation as the other plugins leave it
    def on_nav(self, nav, *, config: MkDocsConfig, files: Files):
        self.nav = nav
        return nav

    @event_priority(-100)  # the template environment as the other plugins leave it
    def on_env(self, env, *, config: MkDocsConfig, files: Files):
        """A large site's pages are rendered through the theme by a forked helper too (see
        ``generator.prebuild``): MkDocs has read them all by now."""
        large = len(self.digest.articles) > self.options.pool_threshold
        # --dirty skips unchanged pages: the helper would render them for nothing.
        if not large or self.dirty or worker_count(self.options) < 2 or not can_fork():
            return env
        doc_files = files.documentation_pages(inclusion=InclusionLevel.is_included)
        ours = [f.page for f in doc_files if f.src_uri in self.site and f.page is not None]
        self.prebuilt = Prebuilt(ours, self.nav, env, config, doc_files)
        return env

    def _markdown_of(self, path: str) -> str:
        try:
            return self.site.page(path).content
        except TemplateProblem as exc:
            raise PluginError(f"Template error: {exc}") from None

    def _generated(self, page) -> Page | None:
        """Our page behind an MkDocs page, once MkDocs has read its Markdown."""
        src = page.file.src_uri
        return self.site.page(src) if src in self.site else None

    def on_page_markdown(self, markdown: str, *, page, config: MkDocsConfig, files: Files) -> str:
        ours = self._generated(page)
        if self.search_index and ours is not None and ours.search is not None:
            page.meta["search"] = {"exclude": True}  # its lean entry is added after the build
        return markdown

    def on_page_content(self, html: str, *, page, config: MkDocsConfig, files: Files) -> str:
        if _unsearched(page):
            return html  # filled in on_page_context, once the search plugin has seen the page
        return fill_fragments(html, self._fragments(page))

    @event_priority(-100)
    def on_page_context(self, context, *, page, config: MkDocsConfig, nav):
        # Material's search plugin scans every page's whole HTML, even one it leaves out of
        # the index; pages it leaves out get their raw HTML blocks only after that scan.
        if _unsearched(page):
            page.content = fill_fragments(page.content, self._fragments(page))
        return context

    def _fragments(self, page) -> tuple[str, ...]:
        ours = self._generated(page)
        return ours.fragments if ours is not None else ()

    def on_post_page(self, output: str, *, page, config: MkDocsConfig) -> str:
        """Announce the feeds in the page's head, where feed readers look for them."""
        here = page.file.src_uri
        links = "".join(
            f'<link rel="alternate" type="application/atom+xml" '
            f'title="{html.escape(title)}" '
            f'href="{html.escape(relative_url(path, here, config.use_directory_urls))}">'
            for path, title in announced(self.digest, here)
        )
        head_end = output.find("</head>")
        return output if head_end < 0 else output[:head_end] + links + output[head_end:]

    @event_priority(-100)  # after the search plugin has written its index
    def on_post_build(self, *, config: MkDocsConfig) -> None:
        pages = self.site.pages()  # all rendered by now; they are kept for the next build
        self._close_prebuilt()
        gc.unfreeze()  # under `mkdocs serve`, this build's leftovers may be collected
        if not self.search_index:
            return
        path = Path(config.site_dir) / "search" / "search_index.json"
        if not path.is_file():
            return
        data = json.loads(path.read_text(encoding="utf-8"))
        urls = {file.src_uri: file.url for file in self.files}
        data["docs"] += [
            page.search.as_index_doc(urls[page.path]) for page in pages if page.search is not None
        ]
        path.write_text(json.dumps(data, separators=(",", ":")), encoding="utf-8")

    def on_serve(self, server, *, config: MkDocsConfig, builder):
        # The docs folder is watched already; inputs may live outside it.
        for path in (
            self.options.templates,
            self.options.corpus,
            self.options.articles,
            self.options.registry,
        ):
            if path.exists() and not is_under(path, [Path(config.docs_dir)]):
                server.watch(str(path))
        return server


def options_from(
    plugin_config: DigestConfig,
    config_file_path: str | None,
    site_url: str | None = None,
    directory_urls: bool = True,
) -> Options:
    """Pipeline options with every path resolved against the folder of mkdocs.yml."""
    root = Path(config_file_path or "mkdocs.yml").resolve().parent
    return Options(
        corpus=root / plugin_config.corpus,
        articles=root / plugin_config.articles,
        registry=root / plugin_config.registry,
        templates=root / plugin_config.templates,
        intro=root / plugin_config.intro,
        title=plugin_config.title,
        chronology_order=plugin_config.chronology_order,
        cache_dir=root / plugin_config.cache_dir if plugin_config.cache_dir else None,
        workers=max(0, plugin_config.workers),
        site_url=site_url or None,
        directory_urls=directory_urls,
    )


def search_index_of(config: MkDocsConfig) -> bool:
    """Whether Material's search plugin writes an index we can add to; it then learns the
    extra field our entries carry (a bag of each page's words, searched but not shown)."""
    for plugin in config.plugins.values():
        if type(plugin).__module__.startswith("material.plugins.search"):
            plugin.config.fields.setdefault(BODY_FIELD, {"boost": 1.0})
            return bool(plugin.config.enabled)
    return False


def _unsearched(page) -> bool:
    return bool((page.meta.get("search") or {}).get("exclude"))


def is_under(path: Path, roots: list[Path], resolved: bool = False) -> bool:
    """Whether ``path`` is one of ``roots`` or inside one (``resolved``: roots already are)."""
    path = path.resolve()
    for root in roots if resolved else [r.resolve() for r in roots]:
        if path == root or path.is_relative_to(root):
            return True
    return False


__all__ = ["DigestConfig", "DigestPlugin"]
