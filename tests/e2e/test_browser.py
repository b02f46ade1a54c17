"""The built sample site, read as a reader would: in headless Chromium over HTTP.

Playwright drives Debian's ``chromium`` (``/usr/bin/chromium``); no browser is ever
downloaded. Without it the browser tests skip, except under CI (``CI`` set), where a
missing browser is a failure. Screenshots land in ``screenshots/`` at the project root.
"""

from __future__ import annotations

import contextlib
import functools
import http.server
import os
import re
import shutil
import threading
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from tests.conftest import ROOT
from tests.sitecheck import foreign_resources

CHROMIUM = os.environ.get("DIGEST_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
SCREENSHOTS = ROOT / "screenshots"
TIMEOUT_MS = 15_000


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:  # noqa: A002
        pass


@pytest.fixture(scope="module")
def served_site(sample_site: Path) -> Iterator[str]:
    """The sample site on a local port, as ``http://127.0.0.1:<port>/``."""
    handler = functools.partial(_QuietHandler, directory=str(sample_site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()


@pytest.fixture(scope="module")
def browser():
    if not (Path(CHROMIUM).is_file() or shutil.which(CHROMIUM)):
        message = f"no Chromium at {CHROMIUM} (Debian package 'chromium')"
        if os.environ.get("CI"):
            pytest.fail(message + ": CI must run the browser tests")
        pytest.skip(message)
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        if os.environ.get("CI"):
            pytest.fail("playwright is not installed")
        pytest.skip("playwright is not installed")
    with sync_playwright() as playwright:
        instance = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            yield instance
        finally:
            instance.close()


@pytest.fixture
def page(browser, served_site: str):
    """A fresh light-scheme tab that records every request it makes."""
    context = browser.new_context(color_scheme="light", viewport={"width": 1280, "height": 900})
    tab = context.new_page()
    tab.set_default_timeout(TIMEOUT_MS)
    tab.requested = []  # type: ignore[attr-defined]
    tab.on("request", lambda request: tab.requested.append(request.url))
    try:
        yield tab
    finally:
        context.close()


def _path(url: str, base: str) -> str:
    """The site-relative path of a page URL (``months/2024-11/``)."""
    return url.removeprefix(base).split("#")[0]


def _heading(tab) -> str:
    """The page's h1 as read, without the permalink sign."""
    return tab.locator("article h1").inner_text().replace("\u00b6", "").strip()


def _search(tab, text: str) -> None:
    """Type into Material's search box as a reader would."""
    box = tab.locator("input.md-search__input")
    box.click()
    box.press_sequentially(text, delay=20)


# True once the search results hold a link whose path ends with ``suffix`` (the first
# link only, with ``first``); evaluated in the page at each repaint, so nothing sleeps.
_RESULTS_HOLD = """([suffix, first]) => {
    const paths = [...document.querySelectorAll('.md-search-result__item a')]
        .map(a => (a.getAttribute('href') || '').split('#')[0].split('?')[0]);
    return first ? paths.length > 0 && paths[0].endsWith(suffix)
                 : paths.some(p => p.endsWith(suffix));
}"""


def _result_paths(tab, suffix: str, first: bool = False) -> list[str]:
    """The URL paths of the search results once one ends with ``suffix`` (the first one,
    with ``first``), or as they stand when the time is up. Read in one go: Material
    redraws the list as each typed letter arrives."""
    from playwright.sync_api import TimeoutError as PlaywrightTimeout

    tab.locator(".md-search-result__item a").first.wait_for()
    with contextlib.suppress(PlaywrightTimeout):
        tab.wait_for_function(_RESULTS_HOLD, arg=[suffix, first])
    hrefs = tab.locator(".md-search-result__item a").evaluate_all(
        "links => links.map(a => a.getAttribute('href') || '')"
    )
    return [urlsplit(h).path for h in hrefs]


def _shoot(tab, name: str) -> Path:
    SCREENSHOTS.mkdir(exist_ok=True)
    tab.wait_for_load_state("networkidle")
    # Material fades the header tabs in: shoot once no animation or transition runs.
    tab.wait_for_function("() => document.getAnimations().every(a => a.playState !== 'running')")
    target = SCREENSHOTS / f"{name}.png"
    tab.screenshot(path=str(target), full_page=True)
    assert target.stat().st_size > 5_000, f"{name}: screenshot looks empty"
    return target


@pytest.mark.browser
def test_reader_follows_chart_to_month_to_actor_to_article(page, served_site: str) -> None:
    page.goto(served_site)
    bars = page.locator("figure.digest-timeline a")
    assert bars.count() >= 3
    _shoot(page, "home")

    bars.last.click()
    page.wait_for_url("**/months/*/")
    month = _path(page.url, served_site)
    assert month.startswith("months/20"), page.url
    heading = _heading(page)
    assert heading[:1].isalpha() and heading.split()[-1].isdigit(), heading

    actor = page.locator("article a[href*='actors/']").first
    actor_name = actor.inner_text()
    actor.click()
    page.wait_for_url("**/actors/*/")
    assert _heading(page) == actor_name

    article = page.locator("article a[href*='articles/']").first
    article_title = article.inner_text()
    article.click()
    page.wait_for_url("**/articles/*/")
    assert _heading(page) == article_title
    assert "Source:" in page.locator("article").inner_text()


@pytest.mark.browser
def test_searching_an_alias_finds_the_actor_page(page, served_site: str) -> None:
    page.goto(served_site)
    _search(page, "Doha")
    paths = _result_paths(page, "/actors/qatar/")
    assert any(p.endswith("/actors/qatar/") for p in paths), paths


def _word_only_at_the_end(site: Path) -> tuple[str, str]:
    """A word of some article's last paragraph that no page's title or lede has, and the
    article: search must find it from the body, not from what a result shows."""
    from collections import Counter

    from tests.sitecheck import content, page

    pages = sorted((site / "articles").glob("*/index.html"))
    seen_early, last_words = Counter(), {}
    for path in pages:
        url = path.parent.relative_to(site).as_posix() + "/"
        paragraphs = [p.get_text() for p in content(page(site, url)).find_all("p")]
        text = " ".join(paragraphs).lower()
        seen_early.update(set(re.findall(r"[a-z]{7,}", text[:1500])))
        last_words[url] = re.findall(r"[a-z]{7,}", paragraphs[-2].lower())  # [-1]: credit line
    for url, words in sorted(last_words.items()):
        for word in words:
            if not seen_early[word]:
                return word, url
    raise AssertionError("no article has a word only in its last paragraph")


@pytest.mark.browser
def test_searching_a_word_of_an_article_end_finds_the_article(
    page, served_site: str, sample_site: Path
) -> None:
    word, url = _word_only_at_the_end(sample_site)
    page.goto(served_site)
    _search(page, word)
    paths = _result_paths(page, "/" + url)
    assert any(p.endswith("/" + url) for p in paths), (word, url, paths)


@pytest.mark.browser
def test_searching_a_month_name_finds_the_month_page(page, served_site: str) -> None:
    page.goto(served_site)
    _search(page, "November 2024")
    paths = _result_paths(page, "/months/2024-11/", first=True)
    assert paths and paths[0].endswith("/months/2024-11/"), paths


@pytest.mark.browser
def test_dark_palette_toggle(page, served_site: str) -> None:
    page.goto(served_site)
    body = page.locator("body")
    assert body.get_attribute("data-md-color-scheme") == "default"
    page.locator("label.md-header__button[for='__palette_1']").click()
    page.wait_for_function("document.body.dataset.mdColorScheme === 'slate'")
    background = page.evaluate("getComputedStyle(document.body).backgroundColor")
    assert background not in ("rgb(255, 255, 255)", "rgba(0, 0, 0, 0)"), background


@pytest.mark.browser
def test_screenshots_of_actor_month_and_chronology(page, served_site: str) -> None:
    for name, url in (
        ("actor", "actors/qatar/"),
        ("month", "months/2024-11/"),
        ("chronology", "chronology/"),
    ):
        response = page.goto(served_site + url)
        assert response is not None and response.ok, url
        _shoot(page, name)


@pytest.mark.browser
def test_pages_fetch_nothing_from_another_host(page, served_site: str) -> None:
    here = urlsplit(served_site).netloc
    for url in ("", "actors/qatar/", "months/2024-11/", "chronology/", "articles/", "sources/"):
        page.goto(served_site + url, wait_until="networkidle")
    _search(page, "Qatar")
    page.locator(".md-search-result__item").first.wait_for()
    foreign = [
        u
        for u in page.requested
        if urlsplit(u).scheme in ("http", "https", "ws", "wss") and urlsplit(u).netloc != here
    ]
    assert foreign == []
    assert any(u.endswith("search_index.json") for u in page.requested)


def test_built_pages_load_nothing_from_another_host(sample_site: Path) -> None:
    assert foreign_resources(sample_site) == []


def test_the_foreign_resource_check_catches_what_material_could_load(tmp_path: Path) -> None:
    (tmp_path / "index.html").write_text(
        '<link rel="stylesheet" href="https://fonts.googleapis.com/css?family=Roboto">'
        '<script src="//cdn.example/x.js"></script><a href="https://example.org/">ok</a>'
        "<style>@import url(https://x.example/a.css);</style>",
        encoding="utf-8",
    )
    assert len(foreign_resources(tmp_path)) == 3
