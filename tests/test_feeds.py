"""Atom feeds: well-formed, with the elements RFC 4287 requires, links that lead somewhere."""

from __future__ import annotations

import posixpath
import re
import xml.etree.ElementTree as ET
from datetime import datetime
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from generator.extract import extract
from generator.extract.actors import parse_registry
from generator.ingest import Article, Block
from generator.model import Digest, build_digest
from generator.render import Renderer
from generator.render.feeds import ATOM, feed_pages
from tests.test_render import REGISTRY, hostile_digest

A = f"{{{ATOM}}}"
RFC3339 = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:Z|[+-]\d{2}:\d{2})$")


def feed_files(digest: Digest, site_url: str | None = None) -> dict[str, str]:
    """Site path -> Atom document, for every feed, in the built-in wording."""
    return {page.path: page.content for page in feed_pages(digest, Renderer().text, site_url)}


def check_atom(text: str) -> ET.Element:
    """Parse an Atom document and check what RFC 4287 requires of a feed and its entries."""
    root = ET.fromstring(text.encode("utf-8"))
    assert root.tag == f"{A}feed"
    for tag in ("id", "title", "updated"):
        assert len(root.findall(f"{A}{tag}")) == 1, tag
    assert RFC3339.match(root.findtext(f"{A}updated") or "")
    assert urlsplit(root.findtext(f"{A}id") or "").scheme, "feed id must be an absolute IRI"
    entries = root.findall(f"{A}entry")
    # A feed without a feed-level author needs one in every entry.
    if root.find(f"{A}author") is None:
        assert all(e.find(f"{A}author/{A}name") is not None for e in entries)
    ids = []
    for entry in entries:
        for tag in ("id", "title", "updated"):
            assert len(entry.findall(f"{A}{tag}")) == 1, tag
        assert (entry.findtext(f"{A}title") or "").strip()
        assert RFC3339.match(entry.findtext(f"{A}updated") or "")
        alternate = [
            link
            for link in entry.findall(f"{A}link")
            if link.get("rel", "alternate") == "alternate"
        ]
        assert len(alternate) == 1 and alternate[0].get("href")
        ids.append(entry.findtext(f"{A}id"))
        assert urlsplit(ids[-1]).scheme
    assert len(ids) == len(set(ids)), "entry ids must be unique"
    return root


def hrefs(root: ET.Element) -> list[str]:
    return [
        link.get("href") or "" for link in root.iter(f"{A}link") if link.get("rel") != "related"
    ]


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


def test_links_are_absolute_when_site_url_is_set() -> None:
    digest = hostile_digest()
    relative = feed_files(digest)
    absolute = feed_files(digest, "https://example.org/digest/")
    assert relative.keys() == absolute.keys()
    for path, text in absolute.items():
        root = check_atom(text)
        for href in hrefs(root):
            assert href.startswith("https://example.org/digest/"), (path, href)
        self_link = [link for link in root.findall(f"{A}link") if link.get("rel") == "self"]
        assert self_link[0].get("href") == f"https://example.org/digest/{path}"
        # Ids do not depend on where the site is published.
        ids = [e.text for e in root.iter(f"{A}id")]
        assert ids == [e.text for e in ET.fromstring(relative[path].encode()).iter(f"{A}id")]


def test_hostile_text_survives_as_text() -> None:
    registry = parse_registry(REGISTRY)
    title = "<b>]]></b> & \x00\x07\x1b ctrl \udcff surrogate \ufffe {{ x }}"
    article = Article(
        title=title,
        blocks=[Block("paragraph", "Qatar said on March 5, 2024 that <script>x</script> ]]>.")],
        published=datetime(2024, 3, 6),
        url="javascript:alert(1)",
        author="\x0cAuthor <a>",
        source="x.txt",
    )
    digest = build_digest(
        [article], [extract(article, registry)], registry, "Feeds & <co>", "# x"
    )
    for text in feed_files(digest, "https://example.org/").values():
        root = check_atom(text)
        for entry in root.findall(f"{A}entry"):
            assert entry.findtext(f"{A}title", "").startswith(("<b>]]></b> &", "5 March 2024"))
            assert all(link.get("rel") != "related" for link in entry.findall(f"{A}link"))
    articles = ET.fromstring(feed_files(digest)["feeds/articles.xml"].encode())
    assert articles.find(f"{A}entry/{A}title").text == "<b>]]></b> & ctrl surrogate {{ x }}"


def test_an_empty_digest_still_has_valid_feeds() -> None:
    registry = parse_registry(REGISTRY)
    digest = Digest("Empty", "# Empty", registry, [], [], {}, {}, [])
    files = feed_files(digest)
    assert set(files) == {"feeds/articles.xml", "feeds/events.xml"}
    for text in files.values():
        assert check_atom(text).findall(f"{A}entry") == []


@pytest.mark.parametrize("bad", ["", "not xml", "<feed/>"])
def test_the_checker_can_fail(bad: str) -> None:
    with pytest.raises((ET.ParseError, AssertionError)):
        check_atom(bad)
