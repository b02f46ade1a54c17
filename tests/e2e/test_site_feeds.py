"""The sample site's feeds and search index, as built: valid Atom whose links lead to
pages of the site, and lean search entries for the generated pages."""

from __future__ import annotations

import json
import posixpath
import xml.etree.ElementTree as ET
from pathlib import Path
from urllib.parse import urlsplit

from bs4 import BeautifulSoup

from tests.sitecheck import A, check_atom, hrefs


def test_the_sample_site_publishes_valid_feeds(sample_site: Path) -> None:
    feeds = sorted((sample_site / "feeds").rglob("*.xml"))
    names = {f.relative_to(sample_site).as_posix() for f in feeds}
    assert {"feeds/articles.xml", "feeds/events.xml", "feeds/actors/qatar.xml"} <= names
    articles = check_atom((sample_site / "feeds/articles.xml").read_text(encoding="utf-8"))
    assert len(articles.findall(f"{A}entry")) >= 3
    events = check_atom((sample_site / "feeds/events.xml").read_text(encoding="utf-8"))
    assert len(events.findall(f"{A}entry")) >= 3
    for feed in feeds:
        check_atom(feed.read_text(encoding="utf-8"))


def test_relative_feed_links_lead_to_pages_of_the_site(sample_site: Path) -> None:
    for feed in sorted((sample_site / "feeds").rglob("*.xml")):
        root = ET.fromstring(feed.read_bytes())
        for href in hrefs(root):
            parts = urlsplit(href)
            assert not parts.scheme, href  # no site_url in the sample config
            target = Path(posixpath.normpath(posixpath.join(feed.parent.as_posix(), parts.path)))
            if parts.path.endswith("/") or target.is_dir():
                target = target / "index.html"
            assert target.is_file(), f"{feed.name}: {href}"


def test_actor_feed_lists_only_articles_that_mention_the_actor(sample_site: Path) -> None:
    root = ET.fromstring((sample_site / "feeds/actors/qatar.xml").read_bytes())
    entries = root.findall(f"{A}entry")
    assert entries
    for entry in entries:
        terms = {c.get("term") for c in entry.findall(f"{A}category")}
        assert "qatar" in terms


def test_sample_search_index_boosts_actors_and_months_and_skips_lists(sample_site: Path) -> None:
    index = json.loads((sample_site / "search/search_index.json").read_text(encoding="utf-8"))
    docs = index["docs"]
    locations = {d["location"].split("#")[0] for d in docs}
    for listed in ("chronology/", "articles/", "sources/", "actors/", "months/"):
        assert listed not in locations, listed
    qatar = [d for d in docs if d["location"] == "actors/qatar/"]
    assert qatar and qatar[0]["boost"] > 1 and "Doha" in qatar[0]["text"]
    months = [d for d in docs if d["location"].startswith("months/20")]
    assert months and all(d.get("boost", 1) > 1 for d in months)
    articles = [d for d in docs if d["location"].startswith("articles/")]
    assert articles and all("boost" not in d for d in articles)
    # Repeated blocks stay out: the attribution note and the metadata line.
    assert not any("This page reproduces the article" in d["text"] for d in docs)
    assert not any("date confidence" in d["text"] for d in docs)


def test_actor_page_shows_quotes_credited_to_the_actor(sample_site: Path) -> None:
    soup = BeautifulSoup(
        (sample_site / "actors/majed-al-ansari/index.html").read_text(encoding="utf-8"),
        "html.parser",
    )
    heading = soup.find("h2", id="what-they-said")
    assert heading is not None
    quotes = heading.find_next_sibling("ul")
    assert quotes is not None
    items = quotes.find_all("li")
    assert any("Doha" in li.get_text() for li in items)
    for li in items:
        assert li.get_text().startswith("“")
        assert any("articles/" in a["href"] for a in li.find_all("a", href=True))
