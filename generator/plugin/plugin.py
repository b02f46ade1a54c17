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
import html
import logging
from pathlib import Path

from mkdocs.config import base
from mkdocs.config import config_options as c
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, event_priority
from mkdocs.structure.files import Files

from generator.cache import ProjectLock, lock_path
from generator.config import Options, is_under
from generator.extract.actors import RegistryError
from generator.parallel import keep, release
from generator.pipeline import Result, build
from generator.plugin.compat import UntestedBuilder, require_tested_builder
from generator.plugin.material_search import (
    add_entries,
    fresh_index,
    search_index_of,
    unsearched,
)
from generator.plugin.navigation import place_pages, show_neighbours
from generator.plugin.serving import DirtyBuilds, GeneratedFile, InputWatcher, ThemeTemplates
from generator.render import Page, TemplateProblem, fill_fragments, relative_url
from generator.render.feeds import announced
from generator.render.pages import STYLESHEET_PATH
from generator.render.sections import section_pages
from generator.render.selection import RenderMemo
from generator.session import Session, warm_up

log = logging.getLogger("mkdocs.plugins.digest")


# Markdown extensions the generated pages are written for (MkDocs adds toc and tables itself).
REQUIRED_EXTENSIONS = ("attr_list", "md_in_html", "admonition")


class DigestConfig(base.Config):
    corpus = c.Type(str, default="content/raw")
    articles = c.Type(str, default="content/articles")
    registry = c.Type(str, default="content/actors.yml")
    templates = c.Type(str, default="templates")
    intro = c.Type(str, default="content/index.md")
    title = c.Type(str, default="")  # empty: the site_name
    chronology_order = c.Choice(("oldest", "newest"), default="oldest")
    # Per-page cache of cleaning and extraction, next to mkdocs.yml; "" turns it off.
    cache_dir = c.Type(str, default=".cache/digest")
    # Processes for cleaning and extraction of large corpora: 0 = one per CPU, 1 = serial.
    workers = c.Type(int, default=0)
    # Article pages reproduce whole articles: only for a corpus the editor has the rights
    # to. Off: they quote the passages the digest uses and link to the original.
    full_text = c.Type(bool, default=False)


class DigestPlugin(BasePlugin[DigestConfig]):
    def __init__(self) -> None:
        self.session = Session()
        self.lock: ProjectLock | None = None
        self.serving = False
        # `mkdocs serve --dirty` (`digest serve`): only the files that changed are written.
        self.dirty: DirtyBuilds | None = None
        self.watcher: InputWatcher | None = None
        self.last_good: Result | None = None  # the latest build that succeeded (serve)
        self.theme_code = ThemeTemplates()  # the theme's compiled templates (serve)

    def on_startup(self, *, command: str, dirty: bool) -> None:
        # Defining this hook is what makes MkDocs keep this instance (and its session)
        # across the rebuilds of `mkdocs serve`, instead of a fresh plugin per rebuild.
        self.serving = command == "serve"
        # Each rebuild renders only the pages whose views changed (render.selection).
        self.session.memo = RenderMemo() if self.serving else None
        self.dirty = DirtyBuilds() if self.serving and dirty else None
        if self.serving:
            warm_up()
            if not dirty:
                log.info(
                    "Every page is written again at each rebuild: `digest serve` (or "
                    "`mkdocs serve --dirty`) writes only the pages an edit changes."
                )

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        try:
            require_tested_builder()
        except UntestedBuilder as exc:
            raise PluginError(str(exc)) from None
        options = options_from(
            self.config,
            config.config_file_path,
            config.site_url,
            config.use_directory_urls,
            config.site_name,
        )
        # The generated pages' Markdown needs these (heading ids, Markdown inside HTML
        # blocks, notes): a mkdocs.yml written without them still gets a working site.
        for extension in REQUIRED_EXTENSIONS:
            if extension not in config.markdown_extensions:
                config.markdown_extensions.append(extension)
        # Lists go to MkDocs as placeholders and come back in on_page_content.
        self.options = dataclasses.replace(options, html_fragments=True)
        self.search_index = search_index_of(config)
        if STYLESHEET_PATH not in config.extra_css:
            config.extra_css.append(STYLESHEET_PATH)
        self.pages: dict[str, Page] = {}
        if self.lock is not None:
            self.lock.release()  # a `mkdocs serve` rebuild after one that never finished
        project = Path(config.config_file_path or "mkdocs.yml").resolve().parent
        self.lock = ProjectLock(lock_path(self.options.cache_dir, project))
        return config

    def on_pre_build(self, *, config: MkDocsConfig) -> None:
        # Held until the search index is written: a second build of this project waits
        # rather than write the same cache, site and index at the same time.
        assert self.lock is not None  # on_config comes first
        self.lock.acquire(waiting=_say_waiting)
        if self.dirty is not None:
            fresh_index(config)

    def on_files(self, files: Files, *, config: MkDocsConfig) -> Files:
        try:
            result = build(self.options, self.session)
        except (RegistryError, TemplateProblem) as exc:
            what = "Actor registry" if isinstance(exc, RegistryError) else "Template error"
            if not self.serving or self.last_good is None:
                raise PluginError(f"{what}: {exc}") from None
            # A failed MkDocs build leaves `mkdocs serve` answering nothing until it is
            # fixed: the browser hangs. Until then, serve the last good pages, and say so.
            log.error("%s: %s (serving the last good pages until it is fixed)", what, exc)
            result = self.last_good
        self.last_good = result
        docs = Path(config.docs_dir)
        inputs = [path.resolve() for path in self.options.inputs]
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
        self.pages = {page.path: page for page in result.pages}
        for page in result.pages:
            if files.get_file_from_path(page.path) is not None:
                raise PluginError(
                    f"{page.path}: a hand-written file has the path of a generated page; "
                    "rename or move it"
                )
            files.append(GeneratedFile.generated(config, page.path, content=page.content))
        self.files = files
        self.digest = result.digest
        # What the build made lives until MkDocs is done: see generator.parallel.
        keep()
        log.info(
            "Generated %d pages from %d articles.", len(result.pages), len(result.digest.articles)
        )
        return files

    def on_nav(self, nav, *, config: MkDocsConfig, files: Files):
        """File the generated pages under their sections: see ``plugin/navigation.py``."""
        order = section_pages(self.digest, set(self.pages))
        self.sections = place_pages(nav, files, order)
        if self.dirty is not None:
            written = self.dirty.mark(
                config, files, self.pages, self.sections, self._feeds, self.search_index
            )
            log.info("Writing %d of %d files that changed.", written, len(files))
        return nav

    def _feeds(self, here: str) -> list[tuple[str, str]]:
        """The feeds a page announces (``on_post_page``), with their titles."""
        return [(path, self.pages[path].title) for path in announced(self.digest, here)]

    def _generated(self, page) -> Page | None:
        """Our page behind an MkDocs page."""
        return self.pages.get(page.file.src_uri)

    def on_env(self, env, *, config: MkDocsConfig, files: Files):
        """Under ``mkdocs serve``: the theme's templates compiled at an earlier rebuild are
        reused (Jinja2's bytecode cache, checked against each template's source). MkDocs
        makes a new theme environment at every rebuild, which would compile them again."""
        if self.serving:
            env.bytecode_cache = self.theme_code.for_settings(env)
        return env

    def on_page_markdown(self, markdown: str, *, page, config: MkDocsConfig, files: Files) -> str:
        ours = self._generated(page)
        if self.search_index and ours is not None and ours.search is not None:
            page.meta["search"] = {"exclude": True}  # its lean entry is added after the build
        return markdown

    def on_page_content(self, html: str, *, page, config: MkDocsConfig, files: Files) -> str:
        if unsearched(page):
            return html  # filled in on_page_context, once the search plugin has seen the page
        return fill_fragments(html, self._fragments(page))

    @event_priority(-100)
    def on_page_context(self, context, *, page, config: MkDocsConfig, nav):
        # Material's search plugin scans every page's whole HTML, even one it leaves out of
        # the index; pages it leaves out get their raw HTML blocks only after that scan.
        if unsearched(page):
            page.content = fill_fragments(page.content, self._fragments(page))
        show_neighbours(self.sections, page)
        return context

    def _fragments(self, page) -> tuple[str, ...]:
        ours = self._generated(page)
        return ours.fragments if ours is not None else ()

    def on_post_page(self, output: str, *, page, config: MkDocsConfig) -> str:
        """Announce the feeds in the page's head, where feed readers look for them.

        ``rel="alternate feed"``: feed readers read ``rel`` as a set of words and find
        ``alternate`` in it (``feed`` is HTML5's own word for a syndication feed), while
        Material's ``link[rel=alternate]`` selector, which matches the whole value, does not
        take the feeds for language versions of the site and fetch a ``sitemap.xml`` beside
        each (a failed request on every page).
        """
        here = page.file.src_uri
        links = "".join(
            f'<link rel="alternate feed" type="application/atom+xml" '
            f'title="{html.escape(title)}" '
            f'href="{html.escape(relative_url(path, here, config.use_directory_urls))}">'
            for path, title in self._feeds(here)
        )
        head_end = output.find("</head>")
        return output if head_end < 0 else output[:head_end] + links + output[head_end:]

    @event_priority(-100)  # after the search plugin has written its index
    def on_post_build(self, *, config: MkDocsConfig) -> None:
        release()  # under `mkdocs serve`, this build's leftovers may be collected
        try:
            if self.search_index:
                urls = {file.src_uri: file.url for file in self.files}
                entries = [
                    (urls[path], page.search)
                    for path, page in self.pages.items()
                    if page.search is not None
                ]
                try:
                    add_entries(Path(config.site_dir), entries)
                except OSError as exc:
                    raise PluginError(
                        f"Search index: cannot write ({exc.strerror or exc}); "
                        "the index holds no generated page"
                    ) from None
            if self.dirty is not None:
                gone = self.dirty.done(self.files, config.site_dir)
                if gone:
                    log.info("Deleted %d files of pages that are gone.", gone)
        finally:
            if self.lock is not None:
                self.lock.release()

    def on_build_error(self, *, error: Exception) -> None:
        release()
        if self.dirty is not None:
            self.dirty.forget()
        if self.lock is not None:
            self.lock.release()

    def on_shutdown(self) -> None:
        if self.watcher is not None:
            self.watcher.stop()
        if self.lock is not None:
            self.lock.release()

    def on_serve(self, server, *, config: MkDocsConfig, builder):
        # The docs folder is watched already; inputs may live outside it, and may not
        # exist yet (a templates folder made while the server runs).
        inputs = [
            self.options.templates,
            self.options.corpus,
            self.options.articles,
            self.options.registry,
            self.options.intro,
        ]
        outside = [path for path in inputs if not is_under(path, [Path(config.docs_dir)])]
        cache = self.options.cache_dir
        trigger = cache / "serve-trigger" if cache is not None else None
        try:
            self.watcher = InputWatcher(server, outside, trigger)
        except OSError:  # a cache folder that cannot be written: a temporary one
            self.watcher = InputWatcher(server, outside)
        return server


def _say_waiting(path: Path) -> None:
    log.info("Waiting for another build of this project to finish (it holds %s).", path)


def options_from(
    plugin_config: DigestConfig,
    config_file_path: str | None,
    site_url: str | None = None,
    directory_urls: bool = True,
    site_name: str = "",
) -> Options:
    """Pipeline options with every path resolved against the folder of mkdocs.yml."""
    root = Path(config_file_path or "mkdocs.yml").resolve().parent
    return Options(
        corpus=root / plugin_config.corpus,
        articles=root / plugin_config.articles,
        registry=root / plugin_config.registry,
        templates=root / plugin_config.templates,
        intro=root / plugin_config.intro,
        title=plugin_config.title or site_name or Options.title,
        chronology_order=plugin_config.chronology_order,
        cache_dir=root / plugin_config.cache_dir if plugin_config.cache_dir else None,
        workers=max(0, plugin_config.workers),
        full_text=plugin_config.full_text,
        site_url=site_url or None,
        directory_urls=directory_urls,
    )


__all__ = ["DigestConfig", "DigestPlugin"]
