"""Publication-date candidates of an HTML page: its markup's dates and the dates a reader sees.

htmldate reads the markup (URL, <meta>, JSON-LD, <time> elements), asked for the
*original* date: its default prefers the latest date on the page, often an update or
the scrape day. Beside its answer stand the markup fields that say "published" in so
many words (JSON-LD datePublished, article:published_time, a date in the URL's path),
each a source of its own, and the date lines a reader sees: above and below the
headline, below the body, or labelled "Published" anywhere. Sources that agree make a
sure date, sources that disagree a doubtful one (see pubdate.choose). Only when none
finds a date is htmldate's free-text search asked, and its answer kept only if the page
writes that very day.
"""

from __future__ import annotations

import re
from datetime import datetime

from lxml.html import HtmlElement

from generator.ingest.article import Block
from generator.ingest.html.head import Head
from generator.ingest.pubdate import (
    Candidate,
    candidates_from_hit,
    date_line,
    find_dates,
    label_of,
    parse_iso,
)
from generator.ingest.words import text_key

# Where a date line is read as the article's, in visible lines: above the headline, and
# below the body's last paragraph. Further away, only a line labelled "Published" or
# "Updated" counts (at most a few: a list of teasers labels each of its dates).
_ABOVE_TITLE = 3
_BEFORE_BODY = 25
_AFTER_BODY = 12
_FAR_LABELLED = 2
_DATE_LINE_CHARS = 120
# <meta> keys that name the publication date in so many words.
PUBLISHED_KEYS = (
    "article:published_time",
    "og:article:published_time",
    "og:published_time",
    "datepublished",
    "pubdate",
    "publishdate",
    "publish-date",
    "publish_date",
    "dc.date.issued",
    "dcterms.issued",
    "parsely-pub-date",
    "sailthru.date",
)
_UTC = re.compile(r"\d[T ]\d\d:\d\d.*(?:Z|[+-]00:?00)$")
_URL_DATE = re.compile(
    r"/((?:19|20)\d\d)[/-](0?[1-9]|1[0-2])[/-](0?[1-9]|[12]\d|3[01])(?=/|[-_.]|$)"
)


def date_candidates(
    tree: HtmlElement, head: Head, lines: list[str], title: str, blocks: list[Block]
) -> list[Candidate]:
    """Every candidate for the page's publication date, each with where it stands."""
    out = markup_candidates(tree, head)
    out.extend(visible_candidates(lines, title, blocks))
    if not out:
        found = _htmldate(tree, extensive=True)
        if found is not None and _written(found, lines):
            out.append(Candidate(found, "text", None, f"htmldate (text): {found:%Y-%m-%d}"))
    return out


def _htmldate(tree: HtmlElement, extensive: bool) -> datetime | None:
    from htmldate import find_date

    return parse_iso(find_date(tree, original_date=True, extensive_search=extensive))


def markup_candidates(tree: HtmlElement, head: Head) -> list[Candidate]:
    """htmldate's reading of the markup, then each field that states the publication date."""
    out: list[Candidate] = []
    found = _htmldate(tree, extensive=False)
    if found is not None:
        out.append(Candidate(found, "metadata", None, f"htmldate (markup): {found:%Y-%m-%d}"))
    fields = [(f"<meta {key}>", head.meta.get(key)) for key in PUBLISHED_KEYS]
    fields += [("JSON-LD datePublished", n.get("datePublished")) for n in head.article_nodes]
    for el in tree.xpath("//*[@itemprop='datePublished']")[:1]:
        fields.append(("itemprop datePublished", el.get("datetime") or el.get("content")))
    for where, value in fields:
        if isinstance(value, str) and (day := parse_iso(value)) is not None:
            utc = bool(_UTC.search(value.strip()))
            out.append(Candidate(day, "metadata", None, f"{where}: {value}", utc=utc))
    url = head.url or ""
    if m := _URL_DATE.search(url):
        try:
            day = datetime(int(m.group(1)), int(m.group(2)), int(m.group(3)))
            out.append(Candidate(day, "metadata", None, f"the URL's path: {url}"))
        except ValueError:
            pass
    return out


def _written(value: datetime, lines: list[str]) -> bool:
    """Whether the page writes that day: htmldate turns "in 2019" into 1 January 2019."""
    day = (value.year, value.month, value.day)
    return any(
        (hit.year, hit.month, hit.day) == day
        for line in lines
        if any(c.isdigit() for c in line)
        for hit in find_dates(line)
    )


def visible_candidates(lines: list[str], title: str, blocks: list[Block]) -> list[Candidate]:
    """Date lines a reader sees around the headline and body, or labelled anywhere."""
    first, last = _body_span(lines, blocks)
    title_at = _find_title(lines, title, first)
    anchor = title_at if title_at is not None else first
    out: list[Candidate] = []
    far_labelled = 0
    for i, line in enumerate(lines):
        if len(line) > _DATE_LINE_CHARS or not any(c.isdigit() for c in line):
            continue
        hit = date_line(line)
        if hit is None:
            continue
        label = label_of(line)
        kind = _kind_by_place(i, anchor, title_at, first, last)
        if label in ("published", "updated") and (kind is not None or far_labelled < _FAR_LABELLED):
            far_labelled += kind is None
            kind = label
        if kind is not None:
            out.extend(candidates_from_hit(hit, kind, i + 1, line))
    return out


def _kind_by_place(
    i: int, anchor: int | None, title_at: int | None, first: int | None, last: int
) -> str | None:
    """A date line's kind by where it stands; None when it is too far to be the article's."""
    if first is None or anchor is None:
        return None
    if max(0, anchor - _ABOVE_TITLE, first - _BEFORE_BODY) <= i < first:
        return "header" if title_at is not None and i < title_at else "byline"
    if first <= i < first + 3:
        return "byline"  # a date line among the first paragraphs: the byline's
    if last < i <= last + _AFTER_BODY:
        return "footer"
    return None


def _body_span(lines: list[str], blocks: list[Block]) -> tuple[int | None, int]:
    """The visible lines where the body's first and last paragraphs stand."""
    paragraphs = [b.text for b in blocks if b.kind == "paragraph"]
    if not paragraphs:
        return None, -1
    keys = [text_key(line)[:40] for line in lines]
    first_key, last_key = text_key(paragraphs[0])[:40], text_key(paragraphs[-1])[:40]
    first = next((i for i, k in enumerate(keys) if k and k == first_key), None)
    if first is None:
        return None, -1
    last = next(
        (i for i in range(len(keys) - 1, first - 1, -1) if keys[i] and keys[i] == last_key), first
    )
    return first, last


def _find_title(lines: list[str], title: str, before: int | None) -> int | None:
    key = text_key(title)
    if not key or before is None:
        return None
    for i in range(before - 1, max(-1, before - 1 - 2 * _BEFORE_BODY), -1):
        line_key = text_key(lines[i])
        if line_key and (line_key == key or (len(line_key) > 15 and line_key in key)):
            return i
    return None
