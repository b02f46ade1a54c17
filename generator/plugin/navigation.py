"""Generated pages in the site's navigation, through MkDocs' public nav objects.

The nav of ``mkdocs.yml`` names the section indexes (``actors/index.md``), not the
thousands of pages under them. So that a reader on an actor, month or article page sees
where they are, each section index becomes a ``Section`` holding that index (Material's
``navigation.indexes`` links the section to it) and every generated page of the folder is
given that section as its ``parent``: MkDocs then marks the section active on the page
(Material marks its tab, and ``navigation.path`` draws a breadcrumb back to the index).
The sidebar lists a few of the page's neighbours, chosen afresh for each page, so a page
carries a short list, never the whole section.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from mkdocs.structure.files import Files
from mkdocs.structure.nav import Navigation, Section
from mkdocs.structure.pages import Page

from generator.render.sections import SECTION_INDEXES, neighbours, section_of

# Pages of a section listed in the sidebar beside the index: enough to move on to the next
# few pages, never growing with the corpus. Each costs about 330 bytes of HTML on every
# page of the section (measured on 1,000 generated articles: 15 made an article page 26%
# larger, 24.5 -> 30.9 KB, and a warm build some 10% more CPU).
SIDEBAR_PAGES = 10
# Of these, how many are the section's first pages whatever the page (the most prominent
# actors); the rest are the page's neighbours in the section's order.
SIDEBAR_LEADING = {"actors": 6}


@dataclass
class SiteSection:
    """One section of the navigation: its index page and its generated pages, in order."""

    folder: str
    section: Section
    index: Page
    pages: dict[str, Page]  # docs path -> page, in the order of the section's index
    kept: list  # the section's own children besides our pages (an editor's nav)
    order: list[str] = field(default_factory=list)  # the paths of ``pages``, in order
    number: dict[str, int] = field(default_factory=dict)  # path -> its place in ``order``

    def __post_init__(self) -> None:
        self.order = list(self.pages)
        self.number = {path: n for n, path in enumerate(self.order)}


def place_pages(nav: Navigation, files: Files, order: dict[str, list[str]]) -> list[SiteSection]:
    """File every generated page under its section (see the module's docstring); the
    sections found, for ``show_neighbours``. ``order``: each section's docs paths."""
    placed = []
    for folder, index_path in SECTION_INDEXES.items():
        index_file = files.get_file_from_path(index_path)
        if index_file is None or index_file.page is None:
            continue
        index = index_file.page
        section = index.parent if isinstance(index.parent, Section) else None
        if section is None:
            if index not in nav.items:
                continue  # the editor's nav leaves this section out
            section = Section(index.title or "", [index])
            nav.items[nav.items.index(index)] = section
            section.parent, index.parent = None, section
        pages = {}
        for path in order.get(folder, ()):
            file = files.get_file_from_path(path)
            if file is not None and file.page is not None:
                pages[path] = file.page
                if file.page.parent is None:
                    file.page.parent = section
        ours = {id(page) for page in pages.values()}
        kept = [child for child in section.children if id(child) not in ours]
        placed.append(SiteSection(folder, section, index, pages, kept))
    return placed


def show_neighbours(sections: list[SiteSection], page: Page) -> None:
    """Before ``page`` is rendered: its own section lists the page's neighbours, every
    other section its index alone (Material renders the whole nav into each page)."""
    for site_section, shown in zip(sections, neighbours_of(sections, page), strict=True):
        if not site_section.section.title:
            site_section.section.title = site_section.index.title or ""
        site_section.section.children = [*site_section.kept, *shown]


def neighbours_of(sections: list[SiteSection], page: Page) -> list[list[Page]]:
    """The pages each section lists in the sidebar of ``page`` (besides its own)."""
    here = page.file.src_uri
    out = []
    for site_section in sections:
        shown: list[Page] = []
        if section_of(here) == site_section.folder or page is site_section.index:
            paths = neighbours(
                site_section.order,
                site_section.number.get(here),
                SIDEBAR_PAGES,
                SIDEBAR_LEADING.get(site_section.folder, 0),
            )
            shown = [site_section.pages[path] for path in paths]
        out.append(shown)
    return out
