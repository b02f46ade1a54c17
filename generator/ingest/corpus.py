"""Read a whole corpus: raw pages and reviewed article files -> distinct Articles.

Bad pages never stop the build: each becomes a one-line ``Problem`` naming the file,
and the rest of the corpus goes on.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from generator.ingest import Article, IngestError, merge_duplicates, read_page

# Files that are never pages: editors' notes, OS litter.
_IGNORED = re.compile(r"^(?:\.|_|README|Thumbs\.db$|desktop\.ini$)", re.I)
MAX_PAGE_BYTES = 20 * 1024 * 1024


@dataclass(frozen=True)
class Problem:
    file: str
    message: str
    severity: str = "warning"  # "warning" | "error"

    def __str__(self) -> str:
        return f"{self.file}: {self.message}"


@dataclass
class Corpus:
    articles: list[Article]
    problems: list[Problem]


def corpus_files(folder: Path) -> list[Path]:
    """Every candidate page below ``folder``, in a stable order."""
    if not folder.is_dir():
        return []
    return sorted(
        (p for p in folder.rglob("*") if p.is_file() and not _IGNORED.match(p.name)),
        key=lambda p: p.relative_to(folder).as_posix(),
    )


def reviewed_pages(articles_dir: Path) -> list[tuple[Path, str]]:
    """(path, name) of every reviewed article file: Markdown, named under ``articles/``."""
    return [
        (path, f"articles/{path.relative_to(articles_dir).as_posix()}")
        for path in corpus_files(articles_dir)
        if path.suffix.lower() in (".md", ".markdown")
    ]


def raw_pages(raw_dir: Path) -> list[tuple[Path, str]]:
    """(path, name) of every raw page, named by its path under the corpus folder."""
    return [(path, path.relative_to(raw_dir).as_posix()) for path in corpus_files(raw_dir)]


def read_file(path: Path, name: str) -> Article | Problem:
    """One page, or the one-line reason it could not be read."""
    data = load_file(path, name)
    return data if isinstance(data, Problem) else parse_page(data, name)


def load_file(path: Path, name: str) -> bytes | Problem:
    """A page's bytes, unless it cannot be read or is too large to be a page."""
    try:
        size = path.stat().st_size
        if size > MAX_PAGE_BYTES:
            return Problem(name, f"skipped: {size / 1e6:.0f} MB is larger than any news page")
        return path.read_bytes()
    except OSError as exc:
        return Problem(name, f"skipped: cannot read ({exc.strerror or exc})")


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
        for result in read_many(reviewed_pages(articles_dir)):
            if isinstance(result, Problem):
                problems.append(Problem(result.file, result.message, "error"))
                continue
            if result.source:
                replaced.add(result.source)
            articles.append(result)
    raw = [(path, name) for path, name in raw_pages(raw_dir) if name not in replaced]
    for (_, name), result in zip(raw, read_many(raw), strict=True):
        if isinstance(result, Problem):
            problems.append(result)
        else:
            articles.append(result if result.source else dataclasses.replace(result, source=name))
    return Corpus(merge(articles), problems)
