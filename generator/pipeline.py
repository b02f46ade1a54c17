"""The whole pipeline in one call: a corpus folder in, generated Markdown pages out.

Both the MkDocs plugin and ``digest generate`` go through here, so the pages written to
disk are exactly the pages MkDocs is handed.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from pathlib import Path

from generator.actors import Registry, load_registry
from generator.corpus import Corpus, Problem, read_corpus
from generator.extract import extract
from generator.model import Digest, build_digest
from generator.render import Page, Renderer, render_site

log = logging.getLogger("mkdocs.plugins.digest")

DEFAULT_INTRO = "# {title}\n\nAn explainer built from the articles in this digest."


@dataclass(frozen=True)
class Options:
    """Where the inputs are; mirrors the plugin options in mkdocs.yml."""

    corpus: Path
    articles: Path
    registry: Path
    templates: Path
    intro: Path
    title: str = "Explainer Digest"
    chronology_order: str = "oldest"


@dataclass
class Result:
    digest: Digest
    pages: list[Page]
    problems: list[Problem] = field(default_factory=list)


def build(options: Options) -> Result:
    registry = load_registry(options.registry) if options.registry.exists() else Registry({})
    corpus = read(options)
    facts = [extract(article, registry) for article in corpus.articles]
    intro = (
        options.intro.read_text(encoding="utf-8")
        if options.intro.is_file()
        else DEFAULT_INTRO.format(title=options.title)
    )
    digest = build_digest(facts, registry, options.title, intro)
    pages = render_site(digest, Renderer(options.templates), options.chronology_order)
    return Result(digest, pages, corpus.problems)


def read(options: Options) -> Corpus:
    if not options.corpus.is_dir():
        log.warning(
            "Corpus folder %s does not exist: building a site with no articles.", options.corpus
        )
    corpus = read_corpus(options.corpus, options.articles)
    for problem in corpus.problems:
        log.warning("%s", problem)
    if not corpus.articles:
        log.warning("No articles in %s: the site says there is nothing yet.", options.corpus)
    else:
        log.info("Read %d articles (%d pages skipped).", len(corpus.articles), len(corpus.problems))
    return corpus
