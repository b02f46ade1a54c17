"""The whole pipeline in one call: a corpus folder in, generated Markdown pages out.

Both the MkDocs plugin and ``digest generate`` go through here, so the pages written to
disk are exactly the pages MkDocs is handed.

Cleaning and extraction are pure functions of one page, so each page's results are
cached (``generator.cache``), spread over a process pool when many pages miss the cache,
and, for ``mkdocs serve``, kept in memory between builds in a ``Session``.
"""

from __future__ import annotations

import copy
import gc
import hashlib
import json
import logging
import os
import time
from array import array
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

from generator.actors import Registry, load_registry
from generator.cache import PageCache, clean_key, code_version, extract_key
from generator.corpus import (
    Corpus,
    Problem,
    corpus_files,
    load_file,
    parse_page,
    read_corpus,
)
from generator.extract import ArticleFacts, extract
from generator.ingest import Article, merge_duplicates
from generator.ingest.dedupe import article_shingles
from generator.model import Digest, build_digest
from generator.parallel import pool_map
from generator.render import BUILTIN_TEMPLATES, Page, Renderer, Site, start_site

log = logging.getLogger("mkdocs.plugins.digest")

DEFAULT_INTRO = "# {title}\n\nAn explainer built from the articles in this digest."
# Below this many pages to clean or extract, starting worker processes costs more than it saves.
POOL_THRESHOLD = 200
NO_REGISTRY = "no-registry"


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
    # None: no cache on disk (every build cleans and extracts every page).
    cache_dir: Path | None = None
    # 0: one worker per CPU; 1: always serial.
    workers: int = 0
    pool_threshold: int = POOL_THRESHOLD
    # mkdocs.yml's site_url: feeds need absolute links.
    site_url: str | None = None
    # mkdocs.yml's use_directory_urls: raw HTML links are written as MkDocs writes URLs.
    directory_urls: bool = True
    # Long raw HTML blocks kept out of the pages' Markdown, for the plugin to put back.
    html_fragments: bool = False


@dataclass
class Work:
    """What one build had to do, for logs, benchmarks and tests."""

    pages: int = 0
    cleaned: list[str] = field(default_factory=list)  # names of pages cleaned afresh
    extracted: list[str] = field(default_factory=list)  # sources of articles extracted afresh
    pooled: bool = False
    rendered: bool = False  # False: the site's pages came from the cache, nothing changed
    seconds: dict[str, float] = field(default_factory=dict)  # stage -> wall time


@dataclass
class Result:
    digest: Digest
    site: Site  # its pages may still be being rendered: see ``build(defer=True)``
    problems: list[Problem] = field(default_factory=list)
    work: Work = field(default_factory=Work)

    @property
    def pages(self) -> list[Page]:
        """Every generated page, in order (waiting for any still being rendered)."""
        return self.site.pages()


@dataclass
class Session:
    """Results kept in memory between builds of one process (``mkdocs serve``).

    A page whose size and modification time are unchanged is not even read again; one
    whose bytes hash the same is not cleaned again. Entries not used by the latest build
    are dropped, so memory follows the corpus, not the editing history.
    """

    stats: dict[str, tuple[int, int, str]] = field(default_factory=dict)  # name -> stat, key
    cleaned: dict[str, Article | Problem] = field(default_factory=dict)  # clean key -> result
    facts: dict[str, ArticleFacts] = field(default_factory=dict)  # extract key -> facts
    pages: dict[str, list[Page]] = field(default_factory=dict)  # render key -> the site
    merged: dict[str, list[Article]] = field(default_factory=dict)  # corpus key -> articles


def build(options: Options, session: Session | None = None, defer: bool = False) -> Result:
    """``defer``: a large site's pages of actors, months and articles may still be being
    rendered by a forked helper when this returns (see ``start_site``); they are stored
    for the next build once ``result.pages`` has them all."""
    clock = time.perf_counter()
    registry, registry_hash = read_registry(options.registry, options.cache_dir)
    reader = _Reader(options, registry, registry_hash, session)
    work = reader.work

    def lap(stage: str) -> None:
        nonlocal clock
        now = time.perf_counter()
        work.seconds[stage] = now - clock
        clock = now

    lap("registry")
    corpus = read(options, reader)
    # What each stage made lives to the end of the build: the cyclic garbage collector
    # need not scan it again in every full collection of the stages after it.
    gc.freeze()
    lap("clean")
    facts = reader.extract_all(corpus.articles)
    PageCache(options.cache_dir).prune_versions()
    lap("extract")
    intro = (
        options.intro.read_text(encoding="utf-8")
        if options.intro.is_file()
        else DEFAULT_INTRO.format(title=options.title)
    )
    digest = build_digest(facts, registry, options.title, intro)
    gc.freeze()
    lap("model")
    site_key = render_key(options, registry_hash, intro, reader.keys, corpus.articles)
    pages = reader.session.pages.get(site_key) or reader.disk.get("render", site_key)
    if pages is None:

        def keep(pages: list[Page]) -> None:
            reader.disk.put_only("render", site_key, pages)
            reader.session.pages = {site_key: pages}

        site = start_site(
            digest,
            Renderer(options.templates, options.directory_urls, options.html_fragments),
            options.chronology_order,
            site_url=options.site_url,
            # A forked helper renders part of a large site (it shares the digest as is).
            workers=worker_count(options) if len(digest.articles) > options.pool_threshold else 1,
            on_done=keep,
            defer=defer,
        )
        work.rendered = True
    else:
        site = Site.of(pages)
        reader.session.pages = {site_key: pages}
    if site.shared is None:
        gc.unfreeze()  # else when the helper is done: its memory is ours shared meanwhile
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
    return Result(digest, site, corpus.problems, work)


def render_key(
    options: Options, registry_hash: str, intro: str, keys: list[str], articles: list[Article]
) -> str:
    """Everything the rendered site depends on; equal keys mean the same pages."""
    digest = hashlib.sha256(code_version("render").encode())
    site = f"{options.site_url or ''} {options.directory_urls} {options.html_fragments}"
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


def read_registry(path: Path, cache_dir: Path | None = None) -> tuple[Registry, str]:
    """The registry and the hash of its bytes, which keys extraction records."""
    if not path.exists():
        return Registry({}), NO_REGISTRY
    data = path.read_bytes()
    digest = hashlib.sha256(data).hexdigest()
    cache = PageCache(cache_dir)
    key = hashlib.sha256(f"{path}\0{digest}".encode("utf-8", "surrogatepass")).hexdigest()
    registry = cache.get("registry", key)
    if not isinstance(registry, Registry):
        registry = load_registry(path)  # a RegistryError is never cached: it is raised
        cache.put("registry", key, registry)
    return registry, digest


def read(options: Options, reader: _Reader | None = None) -> Corpus:
    if not options.corpus.is_dir():
        log.warning(
            "Corpus folder %s does not exist: building a site with no articles.", options.corpus
        )
    if reader is None:
        reader = _Reader(options, *read_registry(options.registry), None)
    corpus = read_corpus(
        options.corpus, options.articles, read_many=reader.read_many, merge=reader.merge
    )
    for problem in corpus.problems:
        log.warning("%s", problem)
    for article in corpus.articles:
        for warning in article.warnings:  # a metadata step that failed: the article stands
            log.warning("%s", warning)
    if not corpus.articles:
        log.warning("No articles in %s: the site says there is nothing yet.", options.corpus)
    else:
        log.info("Read %d articles (%d pages skipped).", len(corpus.articles), len(corpus.problems))
    return corpus


# --- one page: the unit of work for the pool, and for Dask (benchmarks/dask_map.py) --------


@dataclass
class PageResult:
    name: str
    key: str | None  # None: the file could not be read, nothing cached
    cleaned: Article | Problem
    extract_key: str | None = None
    facts: ArticleFacts | None = None
    fresh: bool = False  # cleaned now rather than found in the cache
    extracted: bool = False  # extracted now rather than found in the cache
    # What the duplicate merge compares, computed where the page was cleaned (in a worker).
    shingles: array[int] | None = None


@dataclass
class CleanRecord:
    """A page's cleaning record: the article (or why there is none) and, when they were
    extracted with it, its facts. One file per page: creating files is most of a cold
    build's cache cost, and a warm build reads each page's facts with its article."""

    cleaned: Article | Problem
    # (extraction code version, extract key, facts without the article)
    facts: tuple[str, str, ArticleFacts] | None = None

    def facts_for(self, key: str) -> ArticleFacts | None:
        if self.facts and self.facts[:2] == (code_version("extract"), key):
            return self.facts[2]
        return None


def process_page(
    path: Path,
    name: str,
    cache_dir: Path | None,
    registry: Registry | None,
    registry_hash: str = NO_REGISTRY,
    data: bytes | Problem | None = None,
) -> PageResult:
    """Clean one page and extract its facts, through the cache, where both are recorded.

    Extraction here reads the page as it stands alone; when merging duplicates changes an
    article, ``extract_all`` finds a different key and extracts it again.
    """
    cache = PageCache(cache_dir)
    if data is None:
        data = load_file(path, name)
    if isinstance(data, Problem):
        return PageResult(name, None, data)
    key = clean_key(data, name)
    record = as_clean_record(cache.get("clean", key))
    fresh = record is None
    if record is None:
        cleaned = parse_page(data, name)
        if isinstance(cleaned, Article):
            # The per-line log serves `digest ingest --explain`, which reads the page itself;
            # the build never reads it, so it is neither cached nor kept in memory.
            cleaned.lines = []
        record = CleanRecord(cleaned)
    cleaned = record.cleaned
    result = PageResult(name, key, cleaned, fresh=fresh)
    if isinstance(cleaned, Article):
        result.shingles = article_shingles(cleaned)
    if registry is not None and isinstance(cleaned, Article):
        facts_key = extract_key(cleaned, registry_hash)
        facts = record.facts_for(facts_key)
        if facts is None:
            _, facts, result.extracted = _extract_cached(
                cleaned, registry, registry_hash, cache, store=not fresh
            )
            if fresh:
                record.facts = (code_version("extract"), facts_key, facts)
        result.extract_key, result.facts = facts_key, facts
    if fresh:
        cache.put("clean", key, record)
    return result


def as_clean_record(found: Any) -> CleanRecord | None:
    """A cleaning record as stored; a bare Article or Problem from older code counts too."""
    if found is None or isinstance(found, CleanRecord):
        return found
    return CleanRecord(found)


def _extract_cached(
    article: Article,
    registry: Registry,
    registry_hash: str,
    cache: PageCache,
    store: bool = True,
) -> tuple[str, ArticleFacts, bool]:
    """(key, facts without the article, whether they were extracted now).

    ``store=False``: the caller records the facts itself (with the page's cleaning).
    """
    key = extract_key(article, registry_hash)
    record = cache.get("extract", key)
    if record is not None:
        return key, record, False
    record = _strip(extract(article, registry))
    if store:
        cache.put("extract", key, record)
    return key, record, True


def _strip(facts: ArticleFacts) -> ArticleFacts:
    """Facts without their article: the article is stored once, in the cleaning record."""
    record = copy.copy(facts)
    record.article = None  # type: ignore[assignment]
    return record


def _attach(record: ArticleFacts, article: Article) -> ArticleFacts:
    facts = copy.copy(record)
    facts.article = article
    return facts


@lru_cache(maxsize=2)
def worker_registry(path: str, registry_hash: str, cache_dir: str | None = None) -> Registry:
    """The registry as a worker process sees it: loaded once per process and registry."""
    registry, found = read_registry(Path(path), Path(cache_dir) if cache_dir else None)
    if found != registry_hash:
        raise RuntimeError(f"{path} changed during the build; build again")
    return registry


def process_file(
    path: str, name: str, cache_dir: str | None, registry_path: str, registry_hash: str
) -> PageResult:
    """``process_page`` with plain-data arguments, for any engine that maps over pages
    (our process pool, Dask, Ray): each worker loads the registry once."""
    registry = worker_registry(registry_path, registry_hash, cache_dir)
    return process_page(
        Path(path), name, Path(cache_dir) if cache_dir else None, registry, registry_hash
    )


@dataclass(frozen=True)
class Receipt:
    """What a remote worker sends back: not the article, which is in the cache now."""

    name: str
    cached: bool  # the cleaning record was there already
    ok: bool  # an article (False: a page the build will report as a problem)


def process_file_receipt(
    path: str, name: str, cache_dir: str, registry_path: str, registry_hash: str
) -> Receipt:
    """The task a cluster maps over the corpus (see ``benchmarks/dask_map.py``)."""
    page = process_file(path, name, cache_dir, registry_path, registry_hash)
    return Receipt(name, not page.fresh, page.facts is not None)


def page_files(options: Options) -> list[tuple[Path, str]]:
    """Every page the corpus reads, named as ``read_corpus`` names them."""
    reviewed = [
        (path, f"articles/{path.relative_to(options.articles).as_posix()}")
        for path in corpus_files(options.articles)
        if path.suffix.lower() in (".md", ".markdown")
    ]
    raw = [
        (path, path.relative_to(options.corpus).as_posix()) for path in corpus_files(options.corpus)
    ]
    return reviewed + raw


def _pool_page(task: tuple[str, str, str | None, str, str]) -> PageResult:
    return process_file(*task)


def _pool_extract(task: tuple[Article, str | None, str, str]) -> tuple[str, ArticleFacts, bool]:
    article, cache_dir, registry_path, registry_hash = task
    registry = worker_registry(registry_path, registry_hash, cache_dir)
    cache = PageCache(Path(cache_dir) if cache_dir else None)
    return _extract_cached(article, registry, registry_hash, cache)


def worker_count(options: Options) -> int:
    return options.workers if options.workers > 0 else os.cpu_count() or 1


# --- the corpus through the cache ----------------------------------------------------------


class _Reader:
    """``read_many`` for ``read_corpus``, then extraction: memory, disk cache, then work."""

    def __init__(
        self,
        options: Options,
        registry: Registry,
        registry_hash: str,
        session: Session | None,
    ) -> None:
        self.options = options
        self.registry = registry
        self.registry_hash = registry_hash
        self.session = session or Session()
        self.work = Work()
        self.stats: dict[str, tuple[int, int, str]] = {}
        self.cleaned: dict[str, Article | Problem] = {}
        self.facts: dict[str, ArticleFacts] = {}
        self.fresh_facts: set[str] = set()
        self.cache_dir = str(options.cache_dir) if options.cache_dir else None
        self.disk = PageCache(options.cache_dir)
        self.clean_records = self.disk.holds_any("clean")
        self.keys: list[str] = []
        self.article_keys: list[str] = []  # clean keys of the articles read, in order
        self.shingles: dict[str, array[int]] = {}  # clean key -> shingles, pages cleaned now

    def read_many(self, items: list[tuple[Path, str]]) -> list[Article | Problem]:
        results: list[Article | Problem | None] = []
        misses: list[tuple[int, Path, str, bytes | Problem | None, tuple[int, int] | None]] = []
        for index, (path, name) in enumerate(items):
            found, data, stat = self._remembered(path, name)
            results.append(found)
            if found is None:
                misses.append((index, path, name, data, stat))
        self.work.pages += len(items)
        pages = self._clean([(path, name, data) for _, path, name, data, _ in misses])
        for (index, _, name, _, stat), page in zip(misses, pages, strict=True):
            results[index] = page.cleaned
            if page.fresh:
                self.work.cleaned.append(name)
            if page.key is not None:
                self.cleaned[page.key] = page.cleaned
                if page.shingles is not None:
                    self.shingles[page.key] = page.shingles
                if stat is not None:
                    self.stats[name] = (*stat, page.key)
            if page.facts is not None and page.extract_key:
                self.facts[page.extract_key] = page.facts
                if page.extracted:
                    self.fresh_facts.add(page.extract_key)
        for (path, name), result in zip(items, results, strict=True):
            if isinstance(result, Article):
                self.article_keys.append(self.stats.get(name, (0, 0, f"unread:{path}"))[2])
        # Callers mutate what they get (merging duplicates); what is remembered stays as read.
        return [copy.copy(r) for r in results if r is not None]

    def merge(self, articles: list[Article]) -> list[Article]:
        """``merge_duplicates``, remembered: it compares every page with every other, so a
        rebuild of the same pages reuses the last merge (memory, then disk)."""
        if len(articles) != len(self.article_keys) or any(
            k.startswith("unread:") for k in self.article_keys
        ):
            return merge_duplicates(articles)
        key = hashlib.sha256("\0".join(self.article_keys).encode()).hexdigest()
        merged = self.session.merged.get(key) or self.disk.get("corpus", key)
        if merged is None:
            merged = merge_duplicates(articles, [self.shingles.get(k) for k in self.article_keys])
            self.disk.put_only("corpus", key, merged)
        self.shingles = {}  # a corpus's worth: not kept beyond the merge
        self.session.merged = {key: merged}
        # Handed out as copies: the model must not change what is remembered.
        return [copy.copy(article) for article in merged]

    def _remembered(
        self, path: Path, name: str
    ) -> tuple[Article | Problem | None, bytes | Problem | None, tuple[int, int] | None]:
        """A result already known: in memory by unchanged size and mtime, else by its bytes
        in memory or in the disk cache. Otherwise the bytes read, for cleaning."""
        try:
            st = path.stat()
        except OSError:
            return None, None, None
        stat = (st.st_mtime_ns, st.st_size)
        session = self.session
        known = session.stats.get(name)
        if known and known[:2] == stat and known[2] in session.cleaned:
            return self._hold(name, stat, known[2], session.cleaned[known[2]]), None, stat
        if not session.cleaned and not self.clean_records:
            return None, None, stat  # nothing to find: the page is read where it is cleaned
        data = load_file(path, name)
        if not isinstance(data, bytes):
            return None, data, stat
        key = clean_key(data, name)
        found = session.cleaned.get(key)
        if found is None:
            record = as_clean_record(self.disk.get("clean", key))
            if record is not None:
                found = record.cleaned
                if record.facts is not None and record.facts[0] == code_version("extract"):
                    # Under the key they were extracted for: ``extract_all`` finds them if
                    # the article (after merging) and the registry are still the same.
                    self.facts[record.facts[1]] = record.facts[2]
        if found is not None:
            return self._hold(name, stat, key, found), None, stat
        return None, data, stat

    def _hold(
        self, name: str, stat: tuple[int, int], key: str, found: Article | Problem
    ) -> Article | Problem:
        self.stats[name] = (*stat, key)
        self.cleaned[key] = found
        return found

    def _clean(self, misses: list[tuple[Path, str, bytes | Problem | None]]) -> list[PageResult]:
        options = self.options
        workers = worker_count(options)
        if len(misses) > options.pool_threshold and workers > 1:
            self.work.pooled = True
            tasks = [
                (str(path), name, self.cache_dir, str(options.registry), self.registry_hash)
                for path, name, _ in misses
            ]
            results = pool_map(_pool_page, tasks, workers)
            gc.freeze()  # kept to the end of the build: later collections need not scan them
            return results
        return [
            process_page(path, name, options.cache_dir, self.registry, self.registry_hash, data)
            for path, name, data in misses
        ]

    def extract_all(self, articles: list[Article]) -> list[ArticleFacts]:
        """Facts for every article, in article order; only articles never seen are extracted."""
        keys = self.keys = [extract_key(article, self.registry_hash) for article in articles]
        cache = self.disk
        records: dict[str, ArticleFacts] = {}
        missing: list[tuple[str, Article]] = []
        for key, article in zip(keys, articles, strict=True):
            record = self.facts.get(key) or self.session.facts.get(key)
            if record is None and key not in records:
                record = cache.get("extract", key)
                if record is None:
                    missing.append((key, article))
                    continue
            if record is not None:
                records[key] = record
        workers = worker_count(self.options)
        if len(missing) > self.options.pool_threshold and workers > 1:
            self.work.pooled = True
            tasks = [
                (article, self.cache_dir, str(self.options.registry), self.registry_hash)
                for _, article in missing
            ]
            found = pool_map(_pool_extract, tasks, workers)
        else:
            found = [
                _extract_cached(article, self.registry, self.registry_hash, cache)
                for _, article in missing
            ]
        for (key, _), (_, record, _) in zip(missing, found, strict=True):
            records[key] = record
            self.fresh_facts.add(key)
        self.work.extracted = [
            article.source
            for key, article in zip(keys, articles, strict=True)
            if key in self.fresh_facts
        ]
        self.session.stats = self.stats
        self.session.cleaned = self.cleaned
        self.session.facts = records
        return [_attach(records[key], article) for key, article in zip(keys, articles, strict=True)]
