"""The home page's chart of a story that spans years, read on a phone and on a desktop, in
Debian's Chromium (``/usr/bin/chromium``; the fixtures of ``test_browser``): every label
the reader sees is at least 9 px tall, and no two year labels overlap."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest

from tests.browsing import serve
from tests.conftest import build_site, copy_project
from tests.e2e.test_browser import TIMEOUT_MS, browser  # noqa: F401

MIN_LABEL_PX = 9

# Every label of the chart the reader sees: its box in CSS pixels.
_LABELS = """() => [...document.querySelectorAll('.digest-timeline svg text')]
    .filter(t => t.getClientRects().length && getComputedStyle(t.closest('figure')).display !== 'none')
    .map(t => { const r = t.getBoundingClientRect();
                return {text: t.textContent, height: r.height, left: r.left, right: r.right}; })"""


def _article(day: date, n: int) -> str:
    return (
        f"---\ntitle: Holt council report {n}\npublished: {day.isoformat()}\noutlet: Valley Press\n---\n\n"
        f"The Holt council met on {day:%B} {day.day}, {day.year} to discuss the dam repairs.\n\n"
        "Engineers told the council that the northern wall still needed work.\n"
    )


@pytest.fixture(scope="module")
def long_story_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A site whose articles span eight years, a month apart at times, years apart at others."""
    project = copy_project(tmp_path_factory.mktemp("long-story"))
    raw = project / "content" / "raw"
    shutil.rmtree(raw)
    raw.mkdir()
    days = [date(2016 + k // 6, 1 + (k * 2) % 12, 3 + k % 20) for k in range(48)]
    for n, day in enumerate(days):
        (raw / f"report-{n:02d}.md").write_text(_article(day, n), encoding="utf-8")
    return build_site(project)


@pytest.fixture(scope="module")
def served(long_story_site: Path) -> Iterator[str]:
    with serve(long_story_site) as base:
        yield base


@pytest.mark.browser
@pytest.mark.parametrize("width", [390, 1280])
def test_chart_labels_stay_readable_on_phones_and_desktops(browser, served: str, width: int) -> None:  # noqa: F811
    context = browser.new_context(viewport={"width": width, "height": 900})
    try:
        tab = context.new_page()
        tab.set_default_timeout(TIMEOUT_MS)
        tab.goto(served)
        labels = tab.evaluate(_LABELS)
        years = [label for label in labels if label["text"].isdigit() and len(label["text"]) == 4]
        assert len(years) >= 3, labels  # the drawing shown holds several years
        small = [label for label in labels if label["height"] < MIN_LABEL_PX]
        assert not small, f"labels under {MIN_LABEL_PX} px at {width} px wide: {small}"
        years.sort(key=lambda label: label["left"])
        for before, after in zip(years, years[1:], strict=False):
            assert before["right"] <= after["left"], (before, after)
        # Exactly one drawing is shown, and its bars still link to the months.
        shown = tab.locator("figure.digest-timeline:visible")
        assert shown.count() == 1
        assert shown.locator("a").count() >= 12
    finally:
        context.close()
