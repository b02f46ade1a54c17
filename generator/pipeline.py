"""The whole pipeline in one call: a corpus folder in, generated Markdown pages out.

    ingest (raw page -> Article) -> extract (Article -> ArticleFacts)
      -> model (all facts -> Digest) -> render (Digest -> Pages)

Both the MkDocs plugin and ``digest generate`` go through here, so the pages written to
disk are exactly the pages MkDocs is handed. The corpus goes through memory and the
cache (``generator.session``), one page at a time (``generator.work``); a rebuild of
unchanged inputs renders nothing again.
"""

from __future__ import annotations

import hashlib
import json
import logging
import time
from dataclasses import dataclass, field

from generator.cache import code_version
from generator.config import Options
from generator.extract import ArticleFacts
from generator.extract.actors import Registry
from generator.ingest import Article
from generator.ingest.corpus import Corpus, Problem, read_corpus
from generator.model import Digest, build_digest
from generator.model.incremental import ModelState
from generator.parallel import keep, release
from generator.render import BUILTIN_TEMPLATES, Page, Renderer, render_site
from generator.session import CorpusLoader, Session, Work
from generator.work import read_registry

log = logging.getLogger("mkdocs.plugins.digest")

@dataclass(frozen=True)
class Result:
    digest: Digest
    pages: list[Page]  # every generated page, in order
    problems: list[Problem] = field(default_factory=list)
    work: Work = field(default_factory=Work)


def build(options: Options, session: Session | None = None) -> Result:
    clock = time.perf_counter()
    known = session.registry if session is not None else None
    registry, registry_hash = read_registry(options.registry, options.cache_dir, known)
    if session is not None:
        session.registry = (registry_hash, registry)
    reader = CorpusLoader(options, registry, registry_hash, session)
    work = reader.work

    def lap(stage: str) -> None:
        nonlocal clock
        now = time.perf_counter()
        work.seconds[stage] = now - clock
        clock = now

    lap("registry")
    corpus = read(options, reader)
    keep()
    lap("clean")
    facts = reader.extract_all(corpus.articles)
    reader.disk.prune_versions()
    lap("extract")
    renderer = renderer_for(options, reader.session)
    intro = (
        options.intro.read_text(encoding="utf-8")
        if options.intro.is_file()
        else renderer.text("default_intro", options.title)
    )
    digest = model(reader.session, corpus.articles, facts, registry, options.title, intro)
    keep()
    lap("model")
    site_key = render_key(options, registry_hash, intro, reader.keys, corpus.articles)
    pages = render(options, digest, renderer, reader, site_key)
    release()
    lap("render")
    if work.cleaned or work.extracted:
        log.info(
            "Cleaned %d and extracted %d of %d pages%s.",
            len(work.cleaned),
            len(work.extracted),
            work.pages,
            " in worker processes" if work.pooled else "",
        )
    seconds = {stage: round(value, 3) for stage, value in work.seconds.items()}
    log.debug("Digest stage seconds: %s", json.dumps(seconds))
    return Result(digest, pages, corpus.problems, work)


def model(
    session: Session,
    articles: list[Article],
    facts: list[ArticleFacts],
    registry: Registry,
    title: str,
    intro: str,
) -> Digest:
    """``build_digest``; under ``mkdocs serve`` (a session with a render memo), the same
    digest from the session's model updated with what changed (``model.incremental``)."""
    if session.memo is None:
        return build_digest(articles, facts, registry, title, intro)
    if session.model is None:
        session.model = ModelState(registry)
    return session.model.update(articles, facts, registry, title, intro)


def renderer_for(options: Options, session: Session) -> Renderer:
    """The session's renderer when it was made for the same settings and the same
    template files (Jinja2 then compiles again only the templates that changed), else a
    new one, which compiles only templates it has not seen (``session.compiled``)."""
    folder = options.templates
    names = sorted(p.relative_to(folder).as_posix() for p in folder.rglob("*"))
    settings = (
        folder,
        names if folder.is_dir() else None,
        options.directory_urls,
        options.html_fragments,
        options.source_links,
        options.full_text,
    )
    if session.renderer is None or session.renderer[0] != settings:
        renderer = Renderer(
            options.templates,
            options.directory_urls,
            options.html_fragments,
            options.source_links,
            options.full_text,
            session.compiled,
        )
        session.renderer = (settings, renderer)
    renderer = session.renderer[1]
    renderer.refresh()
    return renderer


def render(
    options: Options, digest: Digest, renderer: Renderer, reader: CorpusLoader, site_key: str
) -> list[Page]:
    """The site's pages: from memory or the disk cache when no input changed; otherwise
    rendered, every page (a build), or under ``mkdocs serve`` (a session with a memo) only
    those whose views changed since its last build."""
    session, work = reader.session, reader.work
    pages = session.pages.get(site_key)
    if pages is not None:
        return pages
    pages = reader.disk.get("render", site_key)
    memo = session.memo
    if memo is not None and (pages is None or not memo.last):
        # The views are worth computing: what changed is rendered, and next time too.
        known = {page.path: page for page in pages} if pages is not None else None
        pages = render_site(
            digest, renderer, options.chronology_order, options.site_url, memo, site_key, known
        )
        work.made = list(memo.made)
    elif pages is None:
        pages = render_site(digest, renderer, options.chronology_order, options.site_url)
        work.made = [page.path for page in pages]
    if work.made:
        reader.disk.put_only("render", site_key, pages)
        work.rendered = True
    session.pages = {site_key: pages}
    return pages


def build_model(options: Options) -> Result:
    """Clean, extract and model, without rendering: for commands that read the digest
    (``digest timeline``). Goes through the same caches as a build."""
    registry, registry_hash = read_registry(options.registry, options.cache_dir)
    reader = CorpusLoader(options, registry, registry_hash, None)
    corpus = read(options, reader)
    facts = reader.extract_all(corpus.articles)
    intro = options.intro.read_text(encoding="utf-8") if options.intro.is_file() else ""
    digest = build_digest(corpus.articles, facts, registry, options.title, intro)
    return Result(digest, [], corpus.problems, reader.work)


def render_key(
    options: Options, registry_hash: str, intro: str, keys: list[str], articles: list[Article]
) -> str:
    """Everything the rendered site depends on; equal keys mean the same pages."""
    digest = hashlib.sha256(code_version("render").encode())
    site = (
        f"{options.site_url or ''} {options.directory_urls} {options.html_fragments}"
        f" {options.source_links} {options.full_text}"
    )
    for value in (options.title, options.chronology_order, intro, registry_hash, site):
        digest.update(value.encode("utf-8", "surrogatepass") + b"\0")
    for folder in (BUILTIN_TEMPLATES, options.templates):
        files = sorted(p for p in folder.rglob("*") if p.is_file()) if folder.is_dir() else []
        digest.update(f"{folder}:{len(files)}\0".encode("utf-8", "surrogatepass"))
        for path in files:
            digest.update(path.relative_to(folder).as_posix().encode("utf-8", "surrogatepass"))
            digest.update(hashlib.sha256(path.read_bytes()).digest())
    for key, article in zip(keys, articles, strict=True):
        # The extract key covers what the article says; add where it came from.
        provenance = "\0".join([key, article.source, *article.duplicates])
        digest.update(provenance.encode("utf-8", "surrogatepass") + b"\1")
    return digest.hexdigest()


def read(options: Options, reader: CorpusLoader | None = None) -> Corpus:
    if not options.corpus.is_dir():
        log.warning(
            "Corpus folder %s does not exist: building a site with no articles.", options.corpus
        )
    if reader is None:
        reader = CorpusLoader(options, *read_registry(options.registry), None)
    corpus = read_corpus(
        options.corpus, options.articles, read_many=reader.read_many, merge=reader.merge
    )
    for problem in corpus.problems:
        # Files that are no page (OS litter, swap files) are named, but are no warning.
        log.log(logging.INFO if problem.severity == "info" else logging.WARNING, "%s", problem)
    for article in corpus.articles:
        for warning in article.warnings:  # a metadata step that failed: the article stands
            log.warning("%s", warning)
    if not corpus.articles:
        log.warning("No articles in %s: the site says there is nothing yet.", options.corpus)
    else:
        lost = sum(problem.severity != "info" for problem in corpus.problems)
        log.info("Read %d articles (%d pages skipped).", len(corpus.articles), lost)
    return corpus


__all__ = ["Result", "build"]
