"""Atom feeds: well-formed, with the elements RFC 4287 requires, links that lead somewhere."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from datetime import datetime

import pytest

from generator.extract import extract
from generator.extract.actors import parse_registry
from generator.ingest import Article, Block
from generator.model import Digest, build_digest
from generator.render import Renderer
from generator.render.feeds import feed_pages
from tests.render.digests import REGISTRY, hostile_digest
from tests.sitecheck import A, check_atom, hrefs


def feed_files(digest: Digest, site_url: str | None = None) -> dict[str, str]:
    """Site path -> Atom document, for every feed, in the built-in wording."""
    return {page.path: page.content for page in feed_pages(digest, Renderer().text, site_url)}


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
