"""A built site read in headless Chromium: the helpers the browser tests and
``benchmarks/screenshots.py`` share.

Playwright drives Debian's ``chromium`` (``/usr/bin/chromium``, or ``DIGEST_CHROMIUM``);
no browser is ever downloaded.
"""

from __future__ import annotations

import contextlib
import functools
import http.server
import os
import threading
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urljoin

from bs4 import BeautifulSoup

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
DESKTOP = {"width": 1280, "height": 900}
# An ordinary phone held upright (CSS pixels).
PHONE = {"width": 390, "height": 844}


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:  # noqa: A002
        pass


@contextlib.contextmanager
def serve(folder: Path) -> Iterator[str]:
    """``folder`` on a local port, as ``http://127.0.0.1:<port>/``."""
    handler = functools.partial(_QuietHandler, directory=str(folder))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()


def launch(playwright):
    """Debian's Chromium, headless."""
    return playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)


def _first_link(site: Path, index: str, folder: str) -> str:
    """The first page of ``folder`` that the index page ``index`` links to, as a URL."""
    soup = BeautifulSoup((site / index / "index.html").read_text(encoding="utf-8"), "html.parser")
    body = soup.select_one("article.md-content__inner") or soup
    for a in body.find_all("a", href=True):
        url = urljoin(f"/{index}/", a["href"].split("#")[0]).lstrip("/")
        if url.startswith(f"{folder}/") and url.strip("/") != folder:
            return url
    raise AssertionError(f"{index}: links to no page of {folder}/")


def page_kinds(site: Path) -> dict[str, str]:
    """A site-relative URL for every kind of page: the home page, each index, and the
    first actor, month and article the indexes list (the most prominent actor, the
    newest month, the newest article)."""
    return {
        "home": "",
        "chronology": "chronology/",
        "actors": "actors/",
        "actor": _first_link(site, "actors", "actors"),
        "months": "months/",
        "month": _first_link(site, "months", "months"),
        "articles": "articles/",
        "article": _first_link(site, "articles", "articles"),
        "sources": "sources/",
    }


# What runs off the right edge of the screen, in words: the page itself when it scrolls
# sideways, and any box of the content that scrolls sideways within it (Material wraps a
# wide table in one: the page stays put but the table's right part is out of sight).
SIDEWAYS = """() => {
    const root = document.documentElement, out = [];
    if (root.scrollWidth > root.clientWidth + 1)
        out.push(`the page is ${root.scrollWidth}px wide on a ${root.clientWidth}px screen`);
    for (const el of document.querySelectorAll('.md-content *')) {
        const overflow = getComputedStyle(el).overflowX;
        if ((overflow === 'auto' || overflow === 'scroll') && el.scrollWidth > el.clientWidth + 1)
            out.push(`<${el.tagName.toLowerCase()} class="${el.className}"> hides ` +
                     `${el.scrollWidth - el.clientWidth}px to its right`);
    }
    return out;
}"""

# True once no animation or transition runs (Material fades its header tabs in).
SETTLED = "() => document.getAnimations().every(a => a.playState !== 'running')"


def settle(tab) -> None:
    """Wait until the page has loaded what it loads and stopped moving."""
    tab.wait_for_load_state("networkidle")
    tab.wait_for_function(SETTLED)


def search(tab, query: str) -> None:
    """Type ``query`` into the search box of the page, as a reader would, and wait for the
    first result."""
    box = tab.locator("input.md-search__input")
    opener = tab.locator("label.md-header__button[for='__search']")
    if opener.is_visible():  # on a phone the box hides behind the search button
        opener.click()
        box.wait_for(state="visible")
    else:
        box.click()
    box.press_sequentially(query, delay=20)
    tab.locator(".md-search-result__item").first.wait_for()
