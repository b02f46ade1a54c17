"""The corpus through memory and the cache: what one build reads, cleans and extracts, and
what is kept between the builds of one process (``mkdocs serve``)."""

from __future__ import annotations

import hashlib
from array import array
from dataclasses import dataclass, field
from pathlib import Path

from generator.cache import PageCache, clean_key, code_version, extract_key
from generator.config import Options, worker_count
from generator.extract import ArticleFacts
from generator.extract.actors import Registry
from generator.ingest import Article, merge_duplicates
from generator.ingest.corpus import Problem, load_file
from generator.ingest.dedupe import article_shingles
from generator.model.incremental import ModelState
from generator.parallel import pool_map
from generator.render import Page, Renderer
from generator.render.environment import CompiledTemplates
from generator.render.selection import RenderMemo
from generator.work import (
    PageResult,
    as_clean_record,
    extract_cached,
    extract_file,
    pool_page,
    process_page,
)


@dataclass
class Work:
    """What one build had to do, for logs, benchmarks and tests."""

    pages: int = 0
    cleaned: list[str] = field(default_factory=list)  # names of pages cleaned afresh
    extracted: list[str] = field(default_factory=list)  # sources of articles extracted afresh
    pooled: bool = False
    rendered: bool = False  # False: the site's pages came from the cache, nothing changed
    made: list[str] = field(default_factory=list)  # paths of the pages rendered afresh
    seconds: dict[str, float] = field(default_factory=dict)  # stage -> wall time


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
    registry: tuple[str, Registry] | None = None  # the last build's, with its hash
    # Under `mkdocs serve`: each article's shingles (clean key -> them), for the next merge.
    shingles: dict[str, array[int]] = field(default_factory=dict)
    # Under `mkdocs serve`: the last render's pages with their views, so a rebuild renders
    # only the pages whose views changed (None: every build renders every page).
    memo: RenderMemo | None = None
    renderer: tuple[tuple, Renderer] | None = None  # (its settings, the renderer)
    # Under `mkdocs serve`: the model's counts, updated by each rebuild (model.incremental).
    model: ModelState | None = None
    compiled: CompiledTemplates = field(default_factory=CompiledTemplates)


def warm_up() -> None:
    """Import what cleaning a page needs now, not at the first edit of ``mkdocs serve``:
    a first build answered from the cache never imports it, and the HTML reader's
    libraries take a good part of a second to load."""
    import generator.ingest.html  # noqa: F401


class CorpusLoader:
    """``read_many`` and ``merge`` for ``read_corpus``, then extraction: each answered from
    memory (the session), then the disk cache, then by doing the work (in a pool when
    there is much of it)."""

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
        return [r for r in results if r is not None]

    def merge(self, articles: list[Article]) -> list[Article]:
        """``merge_duplicates``, remembered: it compares every page with every other, so a
        rebuild of the same pages reuses the last merge (memory, then disk)."""
        if len(articles) != len(self.article_keys) or any(
            k.startswith("unread:") for k in self.article_keys
        ):
            return merge_duplicates(articles)
        key = hashlib.sha256("\0".join(self.article_keys).encode()).hexdigest()
        merged = self.session.merged.get(key) or self.disk.get("corpus", key)
        serving = self.session.memo is not None
        if serving and not self.session.shingles:
            merged = None  # the first build of `mkdocs serve`: the edits then compare anew
        if merged is None:
            known = {**self.session.shingles, **self.shingles} if serving else self.shingles
            packed = [
                known.get(k) or article_shingles(a)
                for k, a in zip(self.article_keys, articles, strict=True)
            ]
            merged = merge_duplicates(articles, packed)
            self.disk.put_only("corpus", key, merged)
            if serving:  # the next edit compares the pages again, most of them unchanged
                self.session.shingles = dict(zip(self.article_keys, packed, strict=True))
        self.shingles = {}  # a corpus's worth: not kept beyond the merge (but to serve)
        self.session.merged = {key: merged}
        return list(merged)

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
            return pool_map(pool_page, tasks, workers)
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
            found = pool_map(extract_file, tasks, workers)
        else:
            found = [
                extract_cached(article, self.registry, self.registry_hash, cache)
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
        return [records[key] for key in keys]
