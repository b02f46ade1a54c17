"""What a build is asked to do: the plugin's options from mkdocs.yml, as plain data."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

# Below this many pages to clean or extract, starting worker processes costs more than
# it saves (measured on the sample and on 1,000 generated pages, 2 cores).
POOL_THRESHOLD = 200


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
    # Raw HTML links name Markdown files, for Zensical (`digest generate --for zensical`).
    source_links: bool = False
    # Article pages reproduce whole articles (the editor has the rights to the corpus);
    # otherwise they quote the passages the digest uses (render/excerpts.py).
    full_text: bool = False

    @property
    def inputs(self) -> list[Path]:
        """What the pages are made from, none of it published as it is."""
        return [self.corpus, self.articles, self.registry, self.intro]


def worker_count(options: Options) -> int:
    return options.workers if options.workers > 0 else os.cpu_count() or 1


def is_under(path: Path, roots: list[Path], resolved: bool = False) -> bool:
    """Whether ``path`` is one of ``roots`` or inside one (``resolved``: roots already are)."""
    path = path.resolve()
    for root in roots if resolved else [r.resolve() for r in roots]:
        if path == root or path.is_relative_to(root):
            return True
    return False
