"""MkDocs' Markdown-to-HTML step for our pages, done ahead by the render helper.

MkDocs converts each page's Markdown when it reads it, one page after the other, with a
fresh Python-Markdown instance each time: at 10,000 articles, a quarter of the build. The
helper that renders the month and article pages (``Site.start``) is forked once the
plugin has added its pages to MkDocs' files, so it has the configuration and the files
MkDocs converts with: it runs MkDocs' own ``Page.render`` on each page it renders, in
time it would otherwise spend waiting. The build process then takes that HTML instead
of converting, if the page's Markdown and the site's files are still what the helper
saw; else MkDocs converts as usual. What MkDocs logs while converting (a broken link)
is kept and logged again when the page is read, so ``--strict`` counts it.
"""

from __future__ import annotations

import contextlib
import logging
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files, set_exclusions
from mkdocs.structure.pages import Page as MkDocsPage
from mkdocs.structure.toc import TableOfContents
from mkdocs.utils import meta


@dataclass
class Converted:
    """What MkDocs' ``Page.render`` sets on a page, for one Markdown text."""

    markdown: str
    content: str
    toc: TableOfContents
    title: str | None
    present_anchor_ids: set[str] | None
    links_to_anchors: dict[str, dict[str, str]] | None  # by the linked file's path
    records: list[logging.LogRecord]


@dataclass
class Batch:
    """The conversions of one part of the site, and the files they were made against."""

    files_key: int
    pages: dict[str, Converted]


def files_key(files: Files, config: MkDocsConfig) -> int:
    """What a conversion depends on besides the page: which files links can reach, where
    they are published, and the Markdown extensions."""
    return hash(
        (
            tuple((f.src_uri, f.dest_uri, f.url, f.inclusion.value) for f in files),
            repr(config.markdown_extensions),
            repr(config.mdx_configs),
        )
    )


class Converter:
    """Converts pages in the forked helper (``convert``), against its copy of the files."""

    def __init__(self, config: MkDocsConfig, files: Files) -> None:
        self.config, self.files = config, files
        self.key: int | None = None

    def convert(self, pages: Sequence[Any]) -> Batch:
        """``pages``: rendered pages (a path under the docs folder, Markdown ``content``)."""
        if self.key is None:
            set_exclusions(self.files, self.config)  # as MkDocs does after ``on_files``
            self.key = files_key(self.files, self.config)
        done = {}
        for page in pages:
            file = self.files.get_file_from_path(page.path)
            if file is not None and file.is_documentation_page():
                done[page.path] = self._convert(file, page.content)
        return Batch(self.key, done)

    def _convert(self, file: File, source: str) -> Converted:
        page = MkDocsPage(None, file, self.config)
        page.markdown, _ = meta.get_data(source)
        with kept_records() as records:
            page.render(self.config, self.files)
        links = page.links_to_anchors
        return Converted(
            page.markdown,
            page.content or "",
            page.toc,
            page._title_from_render,
            page.present_anchor_ids,
            None if links is None else {f.src_uri: dict(v) for f, v in links.items()},
            records,
        )


class PrerenderedPage(MkDocsPage):
    """An MkDocs page whose HTML the helper may have made: ``ahead`` gives it, or None."""

    def __init__(
        self,
        file: File,
        config: MkDocsConfig,
        ahead: Callable[[str, Files], Converted | None],
    ) -> None:
        super().__init__(None, file, config)
        self.ahead = ahead

    def render(self, config: MkDocsConfig, files: Files) -> None:
        done = self.ahead(self.file.src_uri, files)
        if done is None or done.markdown != self.markdown:
            super().render(config, files)  # changed by a plugin since, or never converted
            return
        self.content, self.toc = done.content, done.toc
        self._title_from_render = done.title
        self.present_anchor_ids = done.present_anchor_ids
        if done.links_to_anchors is not None:
            self.links_to_anchors = {
                target: anchors
                for path, anchors in done.links_to_anchors.items()
                if (target := files.get_file_from_path(path)) is not None
            }
        for record in done.records:
            logging.getLogger(record.name).handle(record)


@contextlib.contextmanager
def kept_records() -> Iterator[list[logging.LogRecord]]:
    """Every log record made meanwhile, kept instead of handled (in the helper only: its
    handlers are the build's, whose warning count would never see them)."""
    records: list[logging.LogRecord] = []

    def keep(logger: logging.Logger, record: logging.LogRecord) -> None:
        record.msg, record.args = record.getMessage(), None  # picklable whatever the args
        if record.exc_info:
            record.exc_text = logging.Formatter().formatException(record.exc_info)
        record.exc_info = None
        records.append(record)

    handle = logging.Logger.callHandlers
    logging.Logger.callHandlers = keep  # type: ignore[method-assign]
    try:
        yield records
    finally:
        logging.Logger.callHandlers = handle  # type: ignore[method-assign]


def nav_paths(nav: Any) -> set[str]:
    """The pages the ``nav`` setting names: MkDocs titles those itself, so their pages are
    left to it."""
    if isinstance(nav, str):
        return {nav}
    if isinstance(nav, dict):
        return set().union(*(nav_paths(v) for v in nav.values()))
    if isinstance(nav, list):
        return set().union(*(nav_paths(v) for v in nav))
    return set()
