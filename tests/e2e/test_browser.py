"""The built sample site, read as a reader would: in headless Chromium over HTTP.

Playwright drives Debian's ``chromium`` (``/usr/bin/chromium``); no browser is ever
downloaded. Without it the browser tests skip, except under CI (``CI`` set), where a
missing browser is a failure. Screenshots land in ``screenshots/`` at the project root.
"""

from __future__ import annotations

import calendar
import contextlib
import json
import os
import re
import shutil
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlsplit

import pytest
import yaml

from generator.pipeline import build_model
from generator.render.excerpts import words
from generator.text.words import STOPWORDS
from tests.browsing import CHROMIUM, DESKTOP, PHONE, SIDEWAYS, launch, page_kinds, serve, settle
from tests.browsing import search as _search
from tests.conftest import ROOT, project_options
from tests.sitecheck import foreign_resources

SCREENSHOTS = ROOT / "screenshots"
TIMEOUT_MS = 15_000
# The generated pages of each section, and the index their tab and breadcrumb lead to.
SECTIONS = {"actor": "actors/", "month": "months/", "article": "articles/"}


@pytest.fixture(scope="module")
def served_site(sample_site: Path) -> Iterator[str]:
    """The sample site on a local port, as ``http://127.0.0.1:<port>/``."""
    with serve(sample_site) as base:
        yield base


@pytest.fixture(scope="module")
def kinds(sample_site: Path) -> dict[str, str]:
    """A URL of every kind of page of the sample site (``tests/browsing.page_kinds``)."""
    return page_kinds(sample_site)


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
        instance = launch(playwright)
        try:
            yield instance
        finally:
            instance.close()


def _tab(browser, viewport: dict[str, int], phone: bool = False):
    """A fresh light-scheme tab that records every request it makes and every failure:
    a request that fails or answers 400 or more, a console error, an uncaught error."""
    context = browser.new_context(
        color_scheme="light", viewport=viewport, is_mobile=phone, has_touch=phone
    )
    tab = context.new_page()
    tab.set_default_timeout(TIMEOUT_MS)
    tab.requested = []  # type: ignore[attr-defined]
    tab.failures = []  # type: ignore[attr-defined]
    tab.on("request", lambda request: tab.requested.append(request.url))
    tab.on("requestfailed", lambda r: tab.failures.append(f"failed: {r.url}"))
    tab.on("response", lambda r: r.status >= 400 and tab.failures.append(f"{r.status}: {r.url}"))
    tab.on("console", lambda m: m.type == "error" and tab.failures.append(f"console: {m.text}"))
    tab.on("pageerror", lambda error: tab.failures.append(f"error: {error}"))
    return context, tab


@pytest.fixture
def page(browser, served_site: str):
    """A fresh desktop tab (``_tab``)."""
    context, tab = _tab(browser, DESKTOP)
    try:
        yield tab
    finally:
        context.close()


@pytest.fixture
def phone(browser, served_site: str):
    """A fresh tab on a phone held upright, 390 px wide (``_tab``)."""
    context, tab = _tab(browser, PHONE, phone=True)
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
    settle(tab)
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


def _actor_queries(site: Path, actors: int = 4) -> list[tuple[str, str]]:
    """(what a reader types, the actor page that must come first): "Doha", and the name
    and every alias of the sample's most central actors (by their search boost), but for
    aliases made of words the search never matches ("US": a stop word)."""
    docs = json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))["docs"]
    central = sorted(
        (d for d in docs if d["location"].startswith("actors/") and "names" in d),
        key=lambda d: (-d["boost"], d["location"]),
    )[:actors]
    registry = yaml.safe_load((ROOT / "content/actors.yml").read_text(encoding="utf-8"))
    by_id = {actor["id"]: actor for actor in registry["actors"]}
    queries = [("Doha", "actors/qatar/")]
    for doc in central:
        actor = by_id[doc["location"].split("/")[1]]
        for name in [actor["name"], *actor.get("aliases", [])]:
            if any(w not in STOPWORDS for w in re.split(r"[\s\-]+", name.lower())):
                queries.append((name, doc["location"]))
    return queries


@pytest.mark.browser
def test_an_actor_page_is_the_first_hit_for_its_name_and_every_alias(
    page, served_site: str, sample_site: Path
) -> None:
    wrong = []
    for query, url in _actor_queries(sample_site):
        page.goto(served_site)  # a fresh page: no list left from the previous query
        _search(page, query)
        paths = _result_paths(page, "/" + url, first=True)
        if not paths[0].endswith("/" + url):
            wrong.append((query, url, paths[:3]))
    assert wrong == []


@pytest.mark.browser
def test_search_results_say_what_kind_of_page_each_is(page, served_site: str) -> None:
    page.goto(served_site)
    _search(page, "Qatar")
    _result_paths(page, "/actors/qatar/", first=True)
    kinds = page.locator(".md-search-result__item").evaluate_all(
        """items => items.map(item => [
            item.querySelector('a').getAttribute('href').split('?')[0],
            [...item.querySelectorAll('.md-tag')].map(tag => tag.textContent.trim()),
            item.querySelector('h1, h2').textContent.trim(),
            (item.querySelector('article').textContent || '').trim(),
        ])"""
    )
    by_kind = {}
    for href, tags, title, text in kinds:
        assert tags, href  # every result says what it is
        assert title and len(text) > len(title), href  # and no field of it is empty
        by_kind.setdefault(tags[0], href)
    assert {"Actor", "Article", "Overview"} <= set(by_kind), kinds
    assert by_kind["Actor"].endswith("actors/qatar/")
    assert urlsplit(by_kind["Overview"]).path.rstrip("/") == urlsplit(served_site).path.rstrip("/")


def _withheld_word(site: Path) -> tuple[str, str]:
    """A word some article's page does not show (it quotes passages only) and that no other
    entry of the search index holds, and the article: search must find the article by a
    word of its text the page leaves to the original."""
    from tests.sitecheck import content, page

    docs = json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))["docs"]
    everywhere: dict[str, int] = {}
    for doc in docs:
        for word in set(re.findall(r"[a-z]{7,}", " ".join(map(str, doc.values())).lower())):
            everywhere[word] = everywhere.get(word, 0) + 1
    for doc in sorted(docs, key=lambda d: d["location"]):
        if not doc["location"].startswith("articles/") or "body" not in doc:
            continue
        shown = content(page(site, doc["location"])).get_text(" ").lower()
        for word in re.findall(r"[a-z]{7,}", doc["body"]):
            if everywhere[word] == 1 and word not in shown:
                return word, doc["location"]
    raise AssertionError("no article has a word its page does not show")


@pytest.mark.browser
def test_searching_a_word_the_page_does_not_show_finds_the_article(
    page, served_site: str, sample_site: Path
) -> None:
    word, url = _withheld_word(sample_site)
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


@pytest.mark.browser
def test_no_failed_request_or_console_error_on_any_page_kind(
    page, served_site: str, kinds: dict[str, str]
) -> None:
    failures = {}
    for kind, url in kinds.items():
        page.goto(served_site + url, wait_until="networkidle")
        if page.failures:
            failures[kind] = list(page.failures)
            page.failures.clear()
    assert failures == {}


@pytest.mark.browser
def test_the_home_tab_names_the_site_once(page, served_site: str) -> None:
    site_name = yaml.safe_load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"))["site_name"]
    page.goto(served_site)
    assert page.title() == site_name


def _hrefs(tab, selector: str) -> list[str]:
    """The absolute URLs the links matched by ``selector`` lead to."""
    return tab.locator(selector).evaluate_all("links => links.map(a => a.href.split('#')[0])")


@pytest.mark.browser
def test_generated_pages_mark_their_section_and_lead_back_to_its_index(
    page, served_site: str, kinds: dict[str, str]
) -> None:
    for kind, index in SECTIONS.items():
        here = served_site + kinds[kind]
        page.goto(here)
        assert _hrefs(page, ".md-tabs__item--active > a") == [served_site + index], kind
        assert served_site + index in _hrefs(page, ".md-path a"), kind  # the breadcrumb
        sidebar = [
            url
            for url in _hrefs(page, ".md-sidebar--primary a.md-nav__link")
            if url.startswith(served_site + index) and url != served_site + index
        ]
        assert here in sidebar and len(set(sidebar)) >= 3, (kind, sidebar)
        current = _hrefs(page, ".md-sidebar--primary a.md-nav__link--active")
        assert current == [here], (kind, current)


@pytest.mark.browser
def test_no_page_scrolls_sideways_on_a_phone(
    phone, served_site: str, kinds: dict[str, str]
) -> None:
    offenders = {}
    for kind, url in kinds.items():
        phone.goto(served_site + url, wait_until="networkidle")
        found = phone.evaluate(SIDEWAYS) + phone.failures
        if found:
            offenders[kind] = found
        phone.failures.clear()
    assert offenders == {}


# Whether a section holds something: a link, a list, a table, a chart, a marked passage,
# or a heading of its own (the chronology's months under a year).
_EMPTY_SECTIONS = """() => {
    const headings = [...document.querySelectorAll('article.md-content__inner :is(h2, h3)')];
    const empty = [];
    for (const heading of headings) {
        let found = false;
        for (let el = heading.nextElementSibling; el; el = el.nextElementSibling) {
            if (/^H[1-3]$/.test(el.tagName) && el.tagName <= heading.tagName) break;
            if (/^H[3-6]$/.test(el.tagName) ||
                el.matches('a, ul, ol, table, figure, svg, mark, blockquote') ||
                el.querySelector('a, li, tr, figure, svg, mark, blockquote')) {
                found = true;
                break;
            }
        }
        if (!found) empty.push(heading.textContent.replace('\u00b6', '').trim());
    }
    return empty;
}"""


@pytest.mark.browser
def test_no_page_kind_shows_an_empty_section(
    page, served_site: str, sample_site: Path, kinds: dict[str, str]
) -> None:
    # Every kind, and every actor page: one without quotes must not show "What they said".
    actors = sorted(p.parent.name for p in (sample_site / "actors").glob("*/index.html"))
    urls = [*kinds.values(), *(f"actors/{a}/" for a in actors)]
    empty = {}
    for url in urls:
        page.goto(served_site + url)
        if found := page.evaluate(_EMPTY_SECTIONS):
            empty[url] = found
    assert empty == {}


_MONTHS = {name.lower(): n for n, name in enumerate(calendar.month_name) if name}


def _date_key(text: str) -> str:
    """A date as the site writes it ("17 November 2024", "late October 2024", "2012") as a
    key that sorts as dates do: YYYY-MM, or YYYY when no month is named."""
    year = re.findall(r"\b\d{4}\b", text)[-1]
    month = next((n for w in text.lower().split() if (n := _MONTHS.get(w))), None)
    return f"{year}-{month:02d}" if month else year


@pytest.mark.browser
def test_an_actors_first_seen_is_not_after_its_own_chronology(
    page, served_site: str, sample_site: Path
) -> None:
    late, checked = {}, 0
    for path in sorted((sample_site / "actors").glob("*/index.html")):
        page.goto(served_site + f"actors/{path.parent.name}/")
        dates = page.locator("#chronology + .digest-events > li > strong").all_inner_texts()
        if not dates:
            continue
        meta = page.locator(".digest-meta p").first.inner_text()
        seen = _date_key(re.search(r"First seen:\s*([^·]+)", meta)[1])
        earliest = min(_date_key(d) for d in dates)
        checked += 1
        if seen > earliest:
            late[path.parent.name] = (seen, earliest)
    assert checked and late == {}


@pytest.mark.browser
def test_an_article_page_shows_at_most_half_of_the_article(
    page, served_site: str, sample_project: Path
) -> None:
    digest = build_model(project_options(sample_project, cache_dir=None)).digest
    for entry in digest.articles:
        article = entry.article
        total = words(article.summary or "") + sum(words(p) for p in article.paragraphs)
        page.goto(served_site + f"articles/{entry.slug}/")
        shown = page.locator(
            ".digest-summary, .digest-excerpts p:not(.digest-omitted)"
        ).evaluate_all("parts => parts.map(p => p.innerText).join(' ')")
        shown_words = words(shown.replace("…", " "))
        assert 0 < shown_words <= total / 2, (entry.slug, shown_words, total)
        if entry.facts.events:
            assert page.locator(".digest-excerpts mark.digest-event").count() > 0, entry.slug
