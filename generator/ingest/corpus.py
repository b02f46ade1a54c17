"""Read a whole corpus: raw pages and reviewed article files -> distinct Articles.

Bad pages never stop the build: each becomes a one-line ``Problem`` naming the file,
and the rest of the corpus goes on.
"""

from __future__ import annotations

import dataclasses
import os
import re
import stat
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from generator.ingest import Article, IngestError, merge_duplicates, read_page
from generator.ingest.shared_titles import retitle_shared

# Files that are never pages, by what made them: each is named in an info line when met.
# Anything else is read, whatever its name ("_x.txt", ".x.txt", "README_x.txt").
_NOT_PAGES: tuple[tuple[re.Pattern[str], str], ...] = (
    (
        re.compile(r"\.DS_Store|\._.*|Thumbs\.db|ehthumbs\.db|desktop\.ini|\.directory|Icon\r"),
        "an operating system's folder file",
    ),
    (
        re.compile(r"\..*\.sw[a-p]|.*~|#.*#|\.#.*|\.~lock\..*#"),
        "an editor's swap, backup or lock file",
    ),
    (re.compile(r".*\.(?:part|crdownload|partial)", re.I), "an unfinished download"),
    (re.compile(r"\..*\.tmp"), "a temporary file"),  # ours among them: see write_if_changed
)
# A folder's notes by name: skipped, but with a warning, as it may be a page after all.
_README = re.compile(r"readme(?:\.(?:md|markdown|txt|rst))?", re.I)
# Version control's folders: not walked (one info line each).
_NOT_WALKED = frozenset({".git", ".hg", ".svn", "__MACOSX"})
MAX_PAGE_BYTES = 20 * 1024 * 1024


@dataclass(frozen=True)
class Problem:
    file: str
    message: str
    severity: str = "warning"  # "info" (a file that is no page) | "warning" | "error"

    def __str__(self) -> str:
        return f"{self.file}: {self.message}"


@dataclass
class Corpus:
    articles: list[Article]
    problems: list[Problem]


@dataclass(frozen=True)
class Listing:
    """What a folder holds: the pages to read, and every other file, each with why not."""

    pages: list[tuple[Path, str]] = field(default_factory=list)  # (path to read, name)
    skipped: list[Problem] = field(default_factory=list)


def list_folder(folder: Path, keep: Callable[[str], bool] = lambda name: True) -> Listing:
    """Every page below ``folder``, named by its path under it, in a stable order.

    Nothing outside ``folder`` is ever read: a link is followed only to a regular file
    inside it (and then read at its real path), never to a folder. ``keep`` picks the
    names that could be pages at all (reviewed articles: Markdown); others pass silently.
    """
    if not folder.is_dir():
        return Listing()
    root = folder.resolve()
    pages: list[tuple[Path, str]] = []
    skipped: list[Problem] = []
    for where, dirs, files in os.walk(folder):
        here = Path(where)
        for name in sorted(dirs):
            path = here / name
            rel = path.relative_to(folder).as_posix()
            if name in _NOT_WALKED:
                skipped.append(Problem(rel, "skipped: a version control folder", "info"))
                dirs.remove(name)
            elif path.is_symlink():
                # os.walk does not follow it; whatever it holds is not part of the corpus.
                skipped.append(Problem(rel, "skipped: a link to a folder is not followed"))
        for name in files:
            path = here / name
            rel = path.relative_to(folder).as_posix()
            if not keep(name):
                continue
            found = _page_or_problem(path, rel, root)
            if isinstance(found, Problem):
                skipped.append(found)
            else:
                pages.append((found, rel))
    pages.sort(key=lambda page: page[1])
    skipped.sort(key=lambda problem: problem.file)
    return Listing(pages, skipped)


def _page_or_problem(path: Path, name: str, root: Path) -> Path | Problem:
    """The path to read ``name`` at, or why it is not read."""
    base = path.name
    for pattern, what in _NOT_PAGES:
        if pattern.fullmatch(base):
            return Problem(name, f"skipped: {what}, not a page", "info")
    if _README.fullmatch(base):
        return Problem(name, "skipped: taken for the folder's notes (rename it to publish it)")
    if path.is_symlink():
        try:
            target = path.resolve(strict=True)
        except (OSError, RuntimeError):
            return Problem(name, "skipped: a link to nothing (or to itself)")
        if not target.is_relative_to(root):
            return Problem(name, "skipped: a link to a file outside the corpus folder")
        path = target
    try:
        mode = path.stat().st_mode
    except OSError as exc:
        return Problem(name, f"skipped: cannot read ({exc.strerror or exc})")
    if not stat.S_ISREG(mode):
        return Problem(name, "skipped: not a regular file (a pipe, socket or device)")
    return path


def corpus_files(folder: Path) -> list[Path]:
    """Every page below ``folder`` (the path each is read at), in a stable order."""
    return [path for path, _ in list_folder(folder).pages]


def _markdown(name: str) -> bool:
    return name.lower().endswith((".md", ".markdown"))


def reviewed_listing(articles_dir: Path) -> Listing:
    """Reviewed article files (Markdown), named under ``articles/``."""
    listing = list_folder(articles_dir, keep=_markdown)
    return Listing(
        [(path, f"articles/{name}") for path, name in listing.pages],
        [dataclasses.replace(p, file=f"articles/{p.file}") for p in listing.skipped],
    )


def reviewed_pages(articles_dir: Path) -> list[tuple[Path, str]]:
    """(path, name) of every reviewed article file: Markdown, named under ``articles/``."""
    return reviewed_listing(articles_dir).pages


def raw_pages(raw_dir: Path) -> list[tuple[Path, str]]:
    """(path, name) of every raw page, named by its path under the corpus folder."""
    return list_folder(raw_dir).pages


def read_file(path: Path, name: str) -> Article | Problem:
    """One page, or the one-line reason it could not be read."""
    data = load_file(path, name)
    return data if isinstance(data, Problem) else parse_page(data, name)


def load_file(path: Path, name: str) -> bytes | Problem:
    """A page's bytes, unless it cannot be read or is too large to be a page.

    Opened without following a link (``list_folder`` gives a link's real path) and read only
    if it is a regular file, so a file swapped for a link or a pipe since it was listed is
    refused, never followed out of the corpus or waited on."""
    flags = os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0)
    try:
        fd = os.open(path, flags | getattr(os, "O_BINARY", 0))
    except OSError as exc:
        return Problem(name, f"skipped: cannot read ({exc.strerror or exc})")
    try:
        info = os.fstat(fd)
        if stat.S_ISDIR(info.st_mode):
            return Problem(name, "skipped: a folder, not a file")
        if not stat.S_ISREG(info.st_mode):
            return Problem(name, "skipped: not a regular file (a pipe, socket or device)")
        if info.st_size > MAX_PAGE_BYTES:
            return Problem(
                name, f"skipped: {info.st_size / 1e6:.0f} MB is larger than any news page"
            )
        with os.fdopen(os.dup(fd), "rb") as handle:
            return handle.read()
    except OSError as exc:
        return Problem(name, f"skipped: cannot read ({exc.strerror or exc})")
    finally:
        os.close(fd)


def parse_page(data: bytes, name: str) -> Article | Problem:
    """A page's bytes cleaned into an Article: a pure function of (bytes, name), so cacheable."""
    try:
        article = read_page(data, name)
    except IngestError as exc:
        return Problem(name, f"skipped: {str(exc).removeprefix(f'{name}: ')}")
    if not article.paragraphs:
        return Problem(name, "skipped: no article text found")
    return article


ReadMany = Callable[[list[tuple[Path, str]]], list["Article | Problem"]]


def read_corpus(
    raw_dir: Path,
    articles_dir: Path | None = None,
    read: Callable[[Path, str], Article | Problem] = read_file,
    read_many: ReadMany | None = None,
    merge: Callable[[list[Article]], list[Article]] = merge_duplicates,
) -> Corpus:
    """Articles from reviewed article files first, then from raw pages they do not replace.

    ``read_many`` reads a batch of (path, name) pairs, results in the same order: the
    pipeline passes one that answers from its cache and spreads misses over processes,
    and a ``merge`` that remembers the last merge of the same articles.
    """
    if read_many is None:

        def read_many(items: list[tuple[Path, str]]) -> list[Article | Problem]:
            return [read(path, name) for path, name in items]

    problems: list[Problem] = []
    articles: list[Article] = []
    replaced: set[str] = set()
    if articles_dir is not None:
        reviewed = reviewed_listing(articles_dir)
        problems += reviewed.skipped
        for result in read_many(reviewed.pages):
            if isinstance(result, Problem):
                problems.append(Problem(result.file, result.message, "error"))
                continue
            if result.source:
                replaced.add(result.source)
            articles.append(result)
    listing = list_folder(raw_dir)
    problems += [p for p in listing.skipped if p.file not in replaced]
    raw = [(path, name) for path, name in listing.pages if name not in replaced]
    for (_, name), result in zip(raw, read_many(raw), strict=True):
        if isinstance(result, Problem):
            problems.append(result)
        else:
            # A raw page is named by its file, whatever its front matter claims: only a
            # reviewed article stands for another page (and no page goes unnamed).
            articles.append(
                result if result.source == name else dataclasses.replace(result, source=name)
            )
    problems.sort(key=lambda problem: problem.file)
    return Corpus(retitle_shared(merge(articles)), problems)
