"""Which pages a section's sidebar lists beside a page: a short run around it."""

from __future__ import annotations

from generator.render.sections import neighbours, section_of

PAGES = [f"months/2024-{n:02d}.md" for n in range(1, 13)]


def test_a_short_section_is_listed_whole() -> None:
    assert neighbours(PAGES[:4], 2, count=5) == PAGES[:4]


def test_a_page_sees_a_run_of_the_list_around_it() -> None:
    assert neighbours(PAGES, 6, count=5) == PAGES[4:9]


def test_the_run_stops_at_either_end_of_the_list() -> None:
    assert neighbours(PAGES, 0, count=5) == PAGES[:5]
    assert neighbours(PAGES, len(PAGES) - 1, count=5) == PAGES[-5:]
    assert neighbours(PAGES, None, count=5) == PAGES[:5]  # the index page: the start


def test_the_leading_pages_are_always_listed() -> None:
    shown = neighbours(PAGES, 9, count=5, leading=2)
    assert shown == [PAGES[0], PAGES[1], PAGES[8], PAGES[9], PAGES[10]]
    assert neighbours(PAGES, 1, count=5, leading=2) == PAGES[:5]
    assert neighbours(PAGES, 11, count=5, leading=2) == [*PAGES[:2], *PAGES[9:]]


def test_pages_belong_to_the_section_of_their_folder() -> None:
    assert section_of("actors/qatar.md") == "actors"
    assert section_of("chronology/2024.md") == "chronology"
    assert section_of("sources/index.md") is None
    assert section_of("index.md") is None
