"""Read a whole corpus: raw pages and reviewed article files -> distinct Articles.

Bad pages never stop the build: each becomes a one-line ``Problem`` naming the file,
and the rest of the corpus goes on.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from generator.ingest import Article, IngestError, read_page

# Files that are never pages: editors' notes, OS litter.
_IGNORED = re.compile(r"^(?:\.|_|README|Thumbs\.db$|desktop\.ini$)", re.I)
_WORD = re.compile(r"\w+")
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


def read_file(path: Path, name: str) -> Article | Problem:
    """One page, or the one-line reason it could not be read."""
    try:
        size = path.stat().st_size
        if size > MAX_PAGE_BYTES:
            return Problem(name, f"skipped: {size / 1e6:.0f} MB is larger than any news page")
        article = read_page(path.read_bytes(), name)
    except IngestError as exc:
        return Problem(name, f"skipped: {exc}")
    except OSError as exc:
        return Problem(name, f"skipped: cannot read ({exc.strerror or exc})")
    if not article.paragraphs:
        return Problem(name, "skipped: no article text found")
    return article


def read_corpus(
    raw_dir: Path,
    articles_dir: Path | None = None,
    read: Callable[[Path, str], Article | Problem] = read_file,
) -> Corpus:
    """Articles from reviewed article files first, then from raw pages they do not replace."""
    problems: list[Problem] = []
    articles: list[Article] = []
    replaced: set[str] = set()
    if articles_dir is not None:
        for path in corpus_files(articles_dir):
            if path.suffix.lower() not in (".md", ".markdown"):
                continue
            result = read(path, f"articles/{path.relative_to(articles_dir).as_posix()}")
            if isinstance(result, Problem):
                problems.append(Problem(result.file, result.message, "error"))
                continue
            if result.source:
                replaced.add(result.source)
            articles.append(result)
    for path in corpus_files(raw_dir):
        name = path.relative_to(raw_dir).as_posix()
        if name in replaced:
            continue
        result = read(path, name)
        if isinstance(result, Problem):
            problems.append(result)
        else:
            if not result.source:
                result.source = name
            articles.append(result)
    return Corpus(merge_duplicates(articles), problems)


def fingerprint(article: Article) -> str:
    """Same words of the body in the same order: the same article, whatever surrounds it."""
    words = _WORD.findall(" ".join(article.paragraphs).lower())
    return hashlib.sha1(" ".join(words).encode("utf-8", "surrogatepass")).hexdigest()


def merge_duplicates(articles: list[Article]) -> list[Article]:
    """One article per body; the copy from the first source (by name) is kept, the rest listed."""
    kept: dict[str, Article] = {}
    for article in sorted(articles, key=lambda a: a.source):
        key = fingerprint(article)
        if key in kept:
            first = kept[key]
            first.duplicates = sorted({*first.duplicates, article.source, *article.duplicates})
            first.published = first.published or article.published
            first.outlet = first.outlet or article.outlet
            first.author = first.author or article.author
            first.url = first.url or article.url
        else:
            kept[key] = article
    return list(kept.values())
