"""How long a reader waits for search results on a built site, in headless Chromium.

    python benchmarks/search_load.py SITE_DIR [--query WORD ...] [--runs 3]

Serves SITE_DIR on localhost, opens the home page in Debian's Chromium (Playwright,
``executable_path=/usr/bin/chromium``, nothing downloaded), types each query into
Material's search box as a reader would and times until the first result shows. The
first query pays for fetching ``search/search_index.json`` and building the lunr index in
Material's web worker; later ones show what typing costs once it is built. Prints the
index size, and per query the median time and the number of results.
"""

from __future__ import annotations

import argparse
import functools
import http.server
import statistics
import sys
import threading
import time
from pathlib import Path

CHROMIUM = "/usr/bin/chromium"


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:  # noqa: A002
        pass


def serve(site: Path) -> tuple[http.server.ThreadingHTTPServer, str]:
    handler = functools.partial(_Quiet, directory=str(site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}/"


def one_run(browser, url: str, queries: list[str]) -> list[tuple[float, int]]:
    page = browser.new_page()
    page.goto(url)
    out = []
    for query in queries:
        box = page.locator("input.md-search__input")
        box.click()
        box.fill("")
        start = time.perf_counter()
        box.press_sequentially(query, delay=20)
        page.locator(".md-search-result__item").first.wait_for(timeout=300_000)
        elapsed = time.perf_counter() - start - 0.02 * len(query)  # less the typing itself
        out.append((elapsed, page.locator(".md-search-result__item").count()))
    page.close()
    return out


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("site", type=Path)
    parser.add_argument("--query", nargs="+", default=["ceasefire", "Doha", "November 2024"])
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args(argv)
    index = args.site / "search" / "search_index.json"
    if not index.is_file():
        sys.exit(f"{index}: no search index (build the site first)")
    from playwright.sync_api import sync_playwright

    server, url = serve(args.site)
    times: dict[str, list[float]] = {q: [] for q in args.query}
    counts: dict[str, int] = {}
    try:
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"])
            for _ in range(args.runs):
                for query, (seconds, count) in zip(
                    args.query, one_run(browser, url, args.query), strict=True
                ):
                    times[query].append(seconds)
                    counts[query] = count
            browser.close()
    finally:
        server.shutdown()
    print(f"index {index.stat().st_size / 1e6:.2f} MB, {args.runs} runs (fresh page each)")
    for position, query in enumerate(args.query):
        note = "  (first query: fetch and build the index)" if position == 0 else ""
        median = statistics.median(times[query])
        print(f"{query!r:>20}: {median:6.2f} s median, {counts[query]} results{note}")


if __name__ == "__main__":
    main()
