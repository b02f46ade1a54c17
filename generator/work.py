"""One page's work: clean it and extract its facts, through the cache where both are
recorded. The unit a process pool (or Dask, see ``benchmarks/dask_map.py``) maps over.

Cleaning and extraction are pure functions of one page, so each page's results are
cached (``generator.cache``): a page whose bytes, registry and code are unchanged is
never cleaned or extracted again.
"""

from __future__ import annotations

import dataclasses
import hashlib
from array import array
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from generator.cache import PageCache, clean_key, code_version, extract_key
from generator.config import Options
from generator.extract import ArticleFacts, extract
from generator.extract.actors import Registry, load_registry
from generator.ingest import Article
from generator.ingest.corpus import Problem, load_file, parse_page, raw_pages, reviewed_pages
from generator.ingest.dedupe import article_shingles

NO_REGISTRY = "no-registry"


@dataclass(frozen=True)
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


@dataclass(frozen=True)
class CleanRecord:
    """A page's cleaning record: the article (or why there is none) and, when they were
    extracted with it, its facts. One file per page: creating files is most of a cold
    build's cache cost, and a warm build reads each page's facts with its article."""

    cleaned: Article | Problem
    # (extraction code version, extract key, facts)
    facts: tuple[str, str, ArticleFacts] | None = None

    def facts_for(self, key: str) -> ArticleFacts | None:
        if self.facts and self.facts[:2] == (code_version("extract"), key):
            return self.facts[2]
        return None


def read_registry(
    path: Path, cache_dir: Path | None = None, known: tuple[str, Registry] | None = None
) -> tuple[Registry, str]:
    """The registry and the hash of its bytes, which keys extraction records. ``known``:
    a registry already read, with its hash: itself again when the bytes are the same
    (``mkdocs serve``: its alias automaton is then built once, not at every rebuild)."""
    if not path.exists():
        return Registry({}), NO_REGISTRY
    data = path.read_bytes()
    digest = hashlib.sha256(data).hexdigest()
    if known is not None and known[0] == digest:
        return known[1], digest
    cache = PageCache(cache_dir)
    key = hashlib.sha256(f"{path}\0{digest}".encode("utf-8", "surrogatepass")).hexdigest()
    registry = cache.get("registry", key)
    if not isinstance(registry, Registry):
        registry = load_registry(path)  # a RegistryError is never cached: it is raised
        cache.put("registry", key, registry)
    return registry, digest


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
    article, the session finds a different key and extracts it again.
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
            cleaned = dataclasses.replace(cleaned, lines=[])
        record = CleanRecord(cleaned)
    cleaned = record.cleaned
    if not isinstance(cleaned, Article):
        if fresh:
            cache.put("clean", key, record)
        return PageResult(name, key, cleaned, fresh=fresh)
    facts_key, facts, extracted = None, None, False
    if registry is not None:
        facts_key = extract_key(cleaned, registry_hash)
        facts = record.facts_for(facts_key)
        if facts is None:
            _, facts, extracted = extract_cached(
                cleaned, registry, registry_hash, cache, store=not fresh
            )
            if fresh:
                record = CleanRecord(cleaned, (code_version("extract"), facts_key, facts))
    if fresh:
        cache.put("clean", key, record)
    shingles = article_shingles(cleaned)
    return PageResult(name, key, cleaned, facts_key, facts, fresh, extracted, shingles)


def as_clean_record(found: Any) -> CleanRecord | None:
    """A cleaning record as stored; a bare Article or Problem from older code counts too."""
    if found is None or isinstance(found, CleanRecord):
        return found
    return CleanRecord(found)


def extract_cached(
    article: Article,
    registry: Registry,
    registry_hash: str,
    cache: PageCache,
    store: bool = True,
) -> tuple[str, ArticleFacts, bool]:
    """(key, facts, whether they were extracted now).

    ``store=False``: the caller records the facts itself (with the page's cleaning).
    """
    key = extract_key(article, registry_hash)
    facts = cache.get("extract", key)
    if facts is not None:
        return key, facts, False
    facts = extract(article, registry)
    if store:
        cache.put("extract", key, facts)
    return key, facts, True


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


def extract_file(task: tuple[Article, str | None, str, str]) -> tuple[str, ArticleFacts, bool]:
    """``extract_cached`` with plain-data arguments, for the process pool."""
    article, cache_dir, registry_path, registry_hash = task
    registry = worker_registry(registry_path, registry_hash, cache_dir)
    cache = PageCache(Path(cache_dir) if cache_dir else None)
    return extract_cached(article, registry, registry_hash, cache)


def pool_page(task: tuple[str, str, str | None, str, str]) -> PageResult:
    return process_file(*task)


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
    return reviewed_pages(options.articles) + raw_pages(options.corpus)
