"""Raw HTML links as each builder needs them: MkDocs copies them as they are (final URLs
from the page's URL); Zensical resolves them from the page's file and maps .md files to pages."""

from __future__ import annotations

import pytest

from generator.render.helpers import html_url
from generator.render.urls import source_link


@pytest.mark.parametrize(
    ("target", "here", "expected"),
    [
        ("actors/qatar.md", "actors/hamas.md", "qatar.md"),
        ("actors/hamas.md", "actors/hamas.md", "hamas.md"),
        ("months/2024-03.md", "actors/hamas.md", "../months/2024-03.md"),
        ("sources/index.md#the-daily", "articles/a-day.md", "../sources/index.md#the-daily"),
        ("actors/index.md", "index.md", "actors/index.md"),
        ("index.md", "chronology/index.md", "../index.md"),
    ],
)
def test_source_links_go_from_the_file_to_the_file(target: str, here: str, expected: str) -> None:
    assert source_link(target, here) == expected


@pytest.mark.parametrize(
    ("source_links", "directory_urls", "expected"),
    [(False, True, "../qatar/"), (False, False, "qatar.html"), (True, True, "qatar.md")],
)
def test_html_url_follows_the_renderer_style(
    source_links: bool, directory_urls: bool, expected: str
) -> None:
    context = {
        "page_path": "actors/hamas.md",
        "source_links": source_links,
        "directory_urls": directory_urls,
    }
    assert html_url(context, "actors/qatar.md") == expected
