"""Desktop and phone screenshots of every kind of page of a built site, to look at.

    python benchmarks/screenshots.py [SITE_DIR] [--name sample] [--out screenshots]

SITE_DIR is a built site (``mkdocs build`` writes ``site/``). Writes
``<out>/<name>-<kind>-desktop.png`` and ``-phone.png`` (390 px wide; whole pages, and
``*.screen.png``, the first screenful) for the home page,
each index, the first actor, month and article, and the sources page, plus one of the
search results for ``--search`` (by default the first actor's name). Also prints, per page and width, the requests
that failed, console errors, and what runs off the right edge of the screen.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.browsing import (  # noqa: E402
    DESKTOP,
    PHONE,
    SIDEWAYS,
    launch,
    page_kinds,
    search,
    serve,
    settle,
)


def shoot(site: Path, name: str, out: Path, query: str | None = None) -> None:
    from playwright.sync_api import sync_playwright

    out.mkdir(parents=True, exist_ok=True)
    kinds = page_kinds(site)
    with serve(site) as base, sync_playwright() as playwright:
        browser = launch(playwright)
        for width_name, viewport in (("desktop", DESKTOP), ("phone", PHONE)):
            context = browser.new_context(
                viewport=viewport,
                color_scheme="light",
                is_mobile=width_name == "phone",
                has_touch=width_name == "phone",
            )
            tab = context.new_page()
            problems: list[str] = []
            tab.on("requestfailed", lambda r, p=problems: p.append(f"failed {r.url}"))
            tab.on(
                "response",
                lambda r, p=problems: r.status >= 400 and p.append(f"{r.status} {r.url}"),
            )
            tab.on(
                "console",
                lambda m, p=problems: m.type == "error" and p.append(f"console: {m.text}"),
            )
            query = query or _title(tab, base + kinds["actor"])
            for kind, url in kinds.items():
                problems.clear()
                tab.goto(base + url)
                settle(tab)
                target = out / f"{name}-{kind}-{width_name}.png"
                tab.screenshot(path=str(target), full_page=True)
                # The first screenful alone: what a reader sees before scrolling.
                tab.screenshot(path=str(target.with_suffix(".screen.png")))
                print(f"{target.name}: {url or '/'}")
                for problem in [*tab.evaluate(SIDEWAYS), *problems]:
                    print(f"    {problem}")
            target = out / f"{name}-search-{width_name}.png"
            tab.goto(base)
            search(tab, query)
            settle(tab)
            tab.screenshot(path=str(target))
            print(f"{target.name}: search {query!r}")
            context.close()
        browser.close()


def _title(tab, url: str) -> str:
    tab.goto(url)
    return tab.locator("article h1").inner_text().replace("\u00b6", "").strip()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("site", nargs="?", default="site", type=Path)
    parser.add_argument("--name", default="sample")
    parser.add_argument("--out", default=ROOT / "screenshots", type=Path)
    parser.add_argument("--search", help="what to search for (default: the first actor's name)")
    args = parser.parse_args()
    shoot(args.site.resolve(), args.name, args.out, args.search)


if __name__ == "__main__":
    main()
