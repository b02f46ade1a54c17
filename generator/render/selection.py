"""Which pages a build renders: all of them, or under ``mkdocs serve`` only those whose
view (``render.views``) differs from the one they had at the last build."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace
from typing import Any

from generator.render.page import Page
from generator.render.search import SearchEntry


@dataclass(frozen=True)
class Planned:
    """One page of the site, not yet rendered: how to make it, and what it shows.

    ``shows`` and ``search_shows`` compare by value; None means "made afresh every time".
    """

    path: str
    shows: Any
    make: Callable[[], Page]
    search_shows: Any = None
    make_search: Callable[[], SearchEntry] | None = None

    def searched(self, shows: Any, make: Callable[[], SearchEntry]) -> Planned:
        """The same page with a lean search entry of its own."""
        return replace(self, search_shows=shows, make_search=make)


class RenderMemo:
    """The pages of the last render, each with what it showed; kept across the builds of
    one process (``mkdocs serve``), it renders again only the pages whose views changed.

    Exact as long as a page is a function of its view: equal views, equal pages.
    """

    def __init__(self) -> None:
        self.last: dict[str, tuple[Any, Any, Page]] = {}
        self.made: list[str] = []  # the paths the last render made afresh

    def render(self, plans: list[Planned], known: dict[str, Page] | None = None) -> list[Page]:
        """The pages of ``plans``, in order. ``known``: the pages these very plans make
        (the same inputs, cached), taken as they are."""
        pages: list[Page] = []
        kept: dict[str, tuple[Any, Any, Page]] = {}
        self.made = []
        for plan in plans:
            if known is not None and plan.path in known:
                page = known[plan.path]
                kept[plan.path] = (plan.shows, plan.search_shows, page)
                pages.append(page)
                continue
            old = self.last.get(plan.path)
            same = old is not None and plan.shows is not None and old[0] == plan.shows
            page = old[2] if same and old is not None else plan.make()
            if not same:
                self.made.append(plan.path)
            if plan.make_search is not None:
                same_search = (
                    old is not None and plan.search_shows is not None
                    and old[1] == plan.search_shows and old[2].search is not None
                )  # fmt: skip
                if not (same and same_search):
                    search = old[2].search if same_search and old is not None else None
                    page = replace(page, search=search or plan.make_search())
            kept[plan.path] = (plan.shows, plan.search_shows, page)
            pages.append(page)
        self.last = kept
        return pages
