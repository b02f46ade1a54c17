"""Review files: the cleaned articles ``digest ingest`` writes to the articles folder for an
editor to correct, one per raw page, never over an editor's changes.

``.ingested.json`` in the articles folder records the checksum of what ingest last wrote
to each file: a file that still has it is ingest's own and may be refreshed when its raw
page changes; any other existing file is the editor's. Each file is written to a
temporary file renamed into place; temporaries left by an interrupted run (``kill -9``)
are removed by the next, which holds the project lock, so none can be another run's.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath

from generator.cache import TEMPORARY, write_if_changed
from generator.ingest.article import Article
from generator.ingest.corpus import Problem, list_folder, read_file, reviewed_listing
from generator.ingest.frontmatter import to_markdown

RECORD = ".ingested.json"
# Temporaries of earlier versions (tempfile.mkstemp's eight random characters).
_OLD_TEMPORARY = re.compile(r"\..+\.[a-z0-9_]{8}\.tmp")


@dataclass
class IngestReport:
    written: int = 0
    unchanged: int = 0
    kept: int = 0  # changed by the editor, left as they are
    failed: list[Problem] = field(default_factory=list)
    skipped: list[Problem] = field(default_factory=list)  # files of the corpus that are no page
    temporaries: int = 0  # left by an interrupted run, removed


def _sha(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()


def _fold(name: str) -> str:
    """File names as a case-insensitive disk compares them."""
    return name.casefold()


def default_name(page: str) -> str:
    """``a/x.txt`` -> ``a/x.md``: a page's review file when no other page claims it."""
    return PurePosixPath(page).with_suffix(".md").as_posix()


def review_names(pages: list[str], owners: dict[str, str | None]) -> dict[str, str]:
    """Raw page name -> its review file, relative to the articles folder.

    ``owners``: each review file already there -> the raw page it stands for (None: no
    page, an editor's own article); a page keeps the file it has. A new page gets
    :func:`default_name`, unless that is taken or another new page would get it too
    (``x.txt``, ``x.html``, ``x.md``): then each keeps its suffix (``x.txt.md``). The
    result depends on the names only, not on the order they were listed in.
    """
    wanted = set(pages)
    names: dict[str, str] = {}
    for path, page in sorted(owners.items()):
        if page in wanted and page not in names:
            names[page] = path
    taken = {_fold(path) for path in owners}
    new = sorted(page for page in pages if page not in names)
    counts = Counter(_fold(default_name(page)) for page in new)
    for page in new:
        name = default_name(page)
        if counts[_fold(name)] > 1 or _fold(name) in taken:
            name = f"{page}.md"
        base, n = name.removesuffix(".md"), 2
        while _fold(name) in taken:
            name, n = f"{base}-{n}.md", n + 1
        taken.add(_fold(name))
        names[page] = name
    return names


def current_owners(articles: Path, pages: list[str]) -> dict[str, str | None]:
    """Review file already there -> the raw page it stands for (its ``source``), or None.

    A file that cannot be read (an editor's half-made change) is taken to stand for the
    one page whose default name it has, as ingest would have named it."""
    wanted = set(pages)
    by_default: dict[str, list[str]] = {}
    for page in pages:
        by_default.setdefault(_fold(default_name(page)), []).append(page)
    owners: dict[str, str | None] = {}
    for path, name in reviewed_listing(articles).pages:
        rel = name.removeprefix("articles/")
        found = read_file(path, name)
        if isinstance(found, Article):
            owners[rel] = found.source if found.source in wanted else None
        else:
            candidates = by_default.get(_fold(rel), [])
            owners[rel] = candidates[0] if len(candidates) == 1 else None
    return owners


def remove_temporaries(folder: Path) -> int:
    """Remove temporary files an interrupted run left; call with the project lock held."""
    removed = 0
    if not folder.is_dir():
        return 0
    for path in sorted(folder.rglob(".*.tmp")):
        if TEMPORARY.fullmatch(path.name) or _OLD_TEMPORARY.fullmatch(path.name):
            try:
                path.unlink()
                removed += 1
            except OSError:
                pass
    return removed


def ingest(corpus: Path, articles: Path) -> IngestReport:
    """Write a review file for every page of ``corpus`` into ``articles``."""
    report = IngestReport(temporaries=remove_temporaries(articles))
    listing = list_folder(corpus)
    report.skipped = listing.skipped
    pages = [name for _, name in listing.pages]
    names = review_names(pages, current_owners(articles, pages))
    record_path = articles / RECORD
    try:
        record = json.loads(record_path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        record = {}
    if not isinstance(record, dict):
        record = {}
    for path, page in listing.pages:
        key = names[page]
        target = articles / key
        try:
            existing = target.read_text(encoding="utf-8", errors="replace")
        except OSError:
            existing = None
        result = read_file(path, page)
        if existing is not None and _sha(existing) != record.get(key):
            # Not what ingest last recorded writing: the editor's, unless it is exactly what
            # ingest would write now (a run interrupted between the file and its record).
            if isinstance(result, Article) and to_markdown(result) == existing:
                record[key] = _sha(existing)
                report.unchanged += 1
            else:
                report.kept += 1
            continue
        if not isinstance(result, Article):
            report.failed.append(result)
            continue
        text = to_markdown(result)
        if write_if_changed(target, text):
            report.written += 1
        else:
            report.unchanged += 1
        record[key] = _sha(text)
    # Once, at the end: an interrupted run loses only records, which the next run recovers.
    write_if_changed(record_path, json.dumps(record, indent=1, sort_keys=True) + "\n")
    return report
