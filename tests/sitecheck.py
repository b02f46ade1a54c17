"""Reading a built site as a reader's browser would: pages, links, anchors, Atom feeds."""

from __future__ import annotations

import posixpath
import re
import xml.etree.ElementTree as ET
from functools import cache
from pathlib import Path
from urllib.parse import unquote, urlsplit

from bs4 import BeautifulSoup


@cache
def _parse(path: Path) -> BeautifulSoup:
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


def page(site: Path, url: str) -> BeautifulSoup:
    """The parsed page at a site-relative URL such as ``actors/qatar/``."""
    path = site / url / "index.html" if not url.endswith(".html") else site / url
    assert path.is_file(), f"no page at {url}"
    return _parse(path)


def content(soup: BeautifulSoup) -> BeautifulSoup:
    """The article body of a Material page, without navigation, header or footer."""
    return soup.select_one("article.md-content__inner") or soup


def resolve(site: Path, from_file: Path, href: str) -> tuple[Path, str] | None:
    """The file and anchor an internal link points to, or None for an external one."""
    parts = urlsplit(href)
    if parts.scheme or parts.netloc or href.startswith(("mailto:", "#")):
        return None
    base = "" if parts.path.startswith("/") else from_file.parent.relative_to(site).as_posix()
    rel = posixpath.normpath(posixpath.join(base, unquote(parts.path).lstrip("/")))
    target = site / rel
    if target.is_dir() or parts.path.endswith("/"):
        target = target / "index.html"
    return target, parts.fragment


def links_to(site: Path, url: str) -> set[str]:
    """Site-relative URLs (``months/2024-11/``) that the content of a page links to."""
    from_file = site / url / "index.html"
    out = set()
    for a in content(page(site, url)).find_all("a", href=True):
        resolved = resolve(site, from_file, a["href"])
        if resolved is None:
            continue
        target = resolved[0].relative_to(site).as_posix()
        out.add(target.removesuffix("index.html"))
    return out


def broken_links(site: Path) -> list[str]:
    """Every internal link or anchor in the site that leads nowhere."""
    broken = []
    for html in sorted(site.rglob("*.html")):
        soup = _parse(html)
        for a in soup.find_all("a", href=True):
            resolved = resolve(site, html, a["href"])
            if resolved is None:
                continue
            target, anchor = resolved
            if not target.is_file():
                broken.append(f"{html.relative_to(site)} -> {a['href']}")
            elif anchor and _parse(target).find(id=anchor) is None:
                broken.append(f"{html.relative_to(site)} -> {a['href']} (no such anchor)")
    return broken


# What a page makes the browser fetch (not links a reader may follow).
_FETCHING = {"script": "src", "link": "href", "img": "src", "iframe": "src", "source": "src"}
_FETCHING_LINKS = {"stylesheet", "preconnect", "preload", "prefetch", "icon", "modulepreload"}


def foreign_resources(site: Path) -> list[str]:
    """Every script, style, font or image a built page loads from another host."""
    found = []
    for html in sorted(site.rglob("*.html")):
        soup = _parse(html)
        for tag, attribute in _FETCHING.items():
            for element in soup.find_all(tag):
                url = element.get(attribute) or ""
                if tag == "link" and not _FETCHING_LINKS & set(element.get("rel") or []):
                    continue
                if urlsplit(url).scheme in ("http", "https") or url.startswith("//"):
                    found.append(f"{html.relative_to(site)}: <{tag}> {url}")
        for style in soup.find_all("style"):
            if "@import" in style.text or "url(http" in style.text or "url(//" in style.text:
                found.append(f"{html.relative_to(site)}: <style> fetches")
    return found


# --- Atom feeds ---------------------------------------------------------------------------

A = "{http://www.w3.org/2005/Atom}"
RFC3339 = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:Z|[+-]\d{2}:\d{2})$")


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
