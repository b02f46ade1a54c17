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

import logging
from pathlib import Path

from mkdocs.config import base
from mkdocs.config import config_options as c
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin
from mkdocs.structure.files import File, Files

from generator.actors import RegistryError
from generator.pipeline import Options, Session, build
from generator.render import TemplateProblem

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
    """A generated page that knows whether its Markdown changed since the previous build."""

    changed: bool = True

    def is_modified(self) -> bool:
        return self.changed


class DigestPlugin(BasePlugin[DigestConfig]):
    def __init__(self) -> None:
        self.session = Session()
        self.previous: dict[str, int] = {}  # page path -> hash of its Markdown, last build

    def on_startup(self, *, command: str, dirty: bool) -> None:
        # Defining this hook is what makes MkDocs keep this instance (and its session)
        # across the rebuilds of `mkdocs serve`, instead of a fresh plugin per rebuild.
        self.command = command

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        self.options = options_from(self.config, config.config_file_path, config.site_url)
        return config

    def on_files(self, files: Files, *, config: MkDocsConfig) -> Files:
        try:
            result = build(self.options, self.session)
        except RegistryError as exc:
            raise PluginError(f"Actor registry: {exc}") from None
        except TemplateProblem as exc:
            raise PluginError(f"Template error: {exc}") from None
        docs = Path(config.docs_dir)
        inputs = [
            self.options.corpus,
            self.options.articles,
            self.options.registry,
            self.options.intro,
        ]
        for file in list(files):
            if is_under(docs / file.src_uri, inputs):
                files.remove(file)
        current: dict[str, int] = {}
        for page in result.pages:
            existing = files.get_file_from_path(page.path)
            if existing is not None:
                raise PluginError(
                    f"{page.path}: a hand-written file has the path of a generated page; "
                    "rename or move it"
                )
            file = GeneratedFile.generated(config, page.path, content=page.content)
            current[page.path] = hash(page.content)
            file.changed = self.previous.get(page.path) != current[page.path]
            files.append(file)
        self.previous = current
        log.info(
            "Generated %d pages from %d articles.", len(result.pages), len(result.digest.articles)
        )
        return files

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
    plugin_config: DigestConfig, config_file_path: str | None, site_url: str | None = None
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
    )


def is_under(path: Path, roots: list[Path]) -> bool:
    path = path.resolve()
    for root in roots:
        root = root.resolve()
        if path == root or root in path.parents:
            return True
    return False


__all__ = ["DigestConfig", "DigestPlugin"]
