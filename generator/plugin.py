"""The MkDocs plugin: runs the pipeline and hands its pages to MkDocs.

Generated pages live in memory as MkDocs ``File`` objects; nothing is written
into the docs folder. Inputs (raw pages, reviewed articles, the registry) are
taken out of the published files: their pages come from the templates.
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
from generator.pipeline import Options, build
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


class DigestPlugin(BasePlugin[DigestConfig]):
    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        root = Path(config.config_file_path).parent
        self.options = Options(
            corpus=root / self.config.corpus,
            articles=root / self.config.articles,
            registry=root / self.config.registry,
            templates=root / self.config.templates,
            intro=root / self.config.intro,
            title=self.config.title,
            chronology_order=self.config.chronology_order,
        )
        return config

    def on_files(self, files: Files, *, config: MkDocsConfig) -> Files:
        try:
            result = build(self.options)
        except RegistryError as exc:
            raise PluginError(f"Actor registry: {exc}") from None
        except TemplateProblem as exc:
            raise PluginError(f"Template error: {exc}") from None
        docs = Path(config.docs_dir)
        inputs = [self.options.corpus, self.options.articles, self.options.registry, self.options.intro]
        for file in list(files):
            if _is_under(docs / file.src_uri, inputs):
                files.remove(file)
        for page in result.pages:
            existing = files.get_file_from_path(page.path)
            if existing is not None:
                raise PluginError(
                    f"{page.path}: a hand-written file has the path of a generated page; "
                    "rename or move it"
                )
            files.append(File.generated(config, page.path, content=page.content))
        log.info("Generated %d pages from %d articles.", len(result.pages), len(result.digest.articles))
        return files

    def on_serve(self, server, *, config: MkDocsConfig, builder):
        # The docs folder is watched already; inputs may live outside it.
        for path in (self.options.templates, self.options.corpus, self.options.articles, self.options.registry):
            if path.exists() and not _is_under(path, [Path(config.docs_dir)]):
                server.watch(str(path))
        return server


def _is_under(path: Path, roots: list[Path]) -> bool:
    path = path.resolve()
    for root in roots:
        root = root.resolve()
        if path == root or root in path.parents:
            return True
    return False


__all__ = ["DigestConfig", "DigestPlugin"]
