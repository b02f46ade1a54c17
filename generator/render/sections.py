"""The sections of the site, for navigation: which generated pages belong under which
index page, in the order that index lists them.

The pages of actors, months and articles are too many to stand in a site's navigation;
the plugin files each under its section (so the section's tab is marked and a breadcrumb
leads back to the index) and shows a few of its neighbours in the sidebar.
"""

from __future__ import annotations

from generator.model import Digest
from generator.render.urls import page_path

# The section indexes that have pages under them, by folder.
SECTION_INDEXES = {
    folder: f"{folder}/index.md" for folder in ("actors", "months", "articles", "chronology")
}


def section_of(path: str) -> str | None:
    """The folder of the section a generated page belongs to, if any (``actors``)."""
    folder = path.partition("/")[0]
    return folder if folder in SECTION_INDEXES and "/" in path else None


def section_pages(digest: Digest, paths: set[str]) -> dict[str, list[str]]:
    """Each section's pages among ``paths`` (docs paths of the generated pages; its index
    left out) in the order of its index: actors most prominent first, months oldest
    first, articles newest first, then the chronology's year pages when it is split."""
    order = {
        "actors": [page_path(actor) for actor in digest.actors_by_prominence()],
        "months": [page_path(month) for month in digest.months.values()],
        "articles": [page_path(entry) for entry in digest.articles],
        "chronology": sorted(p for p in paths if section_of(p) == "chronology"),
    }
    return {
        folder: [p for p in pages if p in paths and p != SECTION_INDEXES[folder]]
        for folder, pages in order.items()
    }


def neighbours(pages: list[str], at: int | None, count: int, leading: int = 0) -> list[str]:
    """At most ``count`` pages of a section to list beside its page number ``at``: the first
    ``leading`` of the list (its most prominent, for actors), then a run of the list around
    the page (from its start when ``at`` is None: the index page), in the list's order."""
    if len(pages) <= count:
        return list(pages)
    head = pages[:leading]
    width = count - len(head)
    middle = 0 if at is None or at < leading else at - leading
    start = leading + max(0, min(middle - width // 2, len(pages) - leading - width))
    return head + pages[start : start + width]
