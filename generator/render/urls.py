"""Where pages live and how one links to another: docs paths, site URLs as MkDocs makes
them, and relative links for raw HTML, which MkDocs does not rewrite."""

from __future__ import annotations

import functools
from typing import Any

from generator.extract.actors import Actor
from generator.model import ActorEntry, ArticleEntry, Month, OutletEntry


def page_path(obj: Any) -> str:
    """Where a thing of the digest lives, as a docs-relative Markdown path."""
    if isinstance(obj, ArticleEntry):
        return f"articles/{obj.slug}.md"
    if isinstance(obj, (ActorEntry, Actor)):
        return f"actors/{obj.id}.md"
    if isinstance(obj, Month):
        return month_page(obj.key)
    if isinstance(obj, OutletEntry):
        return f"sources/index.md#{obj.slug}"
    raise TypeError(f"no page for {type(obj).__name__}")


def month_page(key: str) -> str:
    """The page of the month ``key`` (YYYY-MM)."""
    return f"months/{key}.md"


def month_more_page(key: str, number: int) -> str:
    """The ``number``-th further page of the month ``key``'s events (1, 2, ...)."""
    return f"months/{key}-more.md" if number == 1 else f"months/{key}-more-{number}.md"


def source_link(target: str, from_path: str) -> str:
    """The link from the Markdown file ``from_path`` to the file ``target`` (both docs paths,
    ``target`` maybe with an anchor): ``../months/2024-03.md``. MkDocs rewrites such links in
    Markdown; Zensical in raw HTML too, where it resolves every relative link from the file."""
    path, _, anchor = target.partition("#")
    relative = relative_path(path, from_path.rpartition("/")[0]) if path else ""
    return f"{relative}#{anchor}" if anchor else relative


def relative_url(target: str, from_path: str, directory_urls: bool = True) -> str:
    """The URL from the page at docs path ``from_path`` to docs path ``target``, as MkDocs
    would write it: for raw HTML, which MkDocs does not rewrite."""
    return _relative_url(target, url_scope(target, from_path), directory_urls)


def url_scope(target: str, from_path: str) -> str:
    """The pages that see ``target`` at the same URL as ``from_path`` does: every page of
    its folder but the folder's index and ``target`` itself ("*" is in no page name)."""
    folder, _, name = from_path.rpartition("/")
    if name != "index.md" and target.partition("#")[0] != from_path:
        return f"{folder}/*.md" if folder else "*.md"
    return from_path


@functools.lru_cache(maxsize=262144)
def _relative_url(target: str, from_path: str, directory_urls: bool) -> str:
    here = docs_url(from_path, directory_urls)
    url, _, anchor = docs_url(target, directory_urls).partition("#")
    # A page's URL is a file name ("x.html") or a folder ("x/"): links resolve from its folder.
    rel = relative_path(url, here.rpartition("/")[0]) or "./"
    return f"{rel}#{anchor}" if anchor else rel


@functools.lru_cache(maxsize=65536)
def relative_path(path: str, here: str) -> str:
    """``path`` seen from the folder ``here`` (both docs-relative, normalised, POSIX).

    posixpath.relpath does the same, but consults the working directory on every call:
    a site links hundreds of thousands of times.
    """
    target = path.split("/")
    base = here.split("/") if here else []
    common = 0
    for a, b in zip(target[:-1], base, strict=False):
        if a != b:
            break
        common += 1
    return "/".join([".."] * (len(base) - common) + target[common:])


def docs_url(path: str, directory_urls: bool = True) -> str:
    """Site URL of a docs path, as MkDocs makes it: ``articles/x.md`` -> ``articles/x/``
    under directory URLs (MkDocs' default), else ``articles/x.html``."""
    path, _, anchor = path.partition("#")
    stem = path.removesuffix(".md")
    if not directory_urls:
        url = stem + ".html" if path.endswith(".md") else path
    elif not path.endswith(".md"):
        url = path  # a feed or another file: its own name
    elif stem == "index" or stem.endswith("/index"):
        url = stem.removesuffix("index")
    else:
        url = stem + "/"
    return f"{url}#{anchor}" if anchor else url
