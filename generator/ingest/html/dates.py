"""Publication-date candidates of an HTML page: its markup's dates and the dates a reader sees.

htmldate reads the markup (URL, <meta>, JSON-LD, <time> elements), asked for the
*original* date: its default prefers the latest date on the page, often an update or
the scrape day. Beside its answer stand the markup fields that say "published" in so
many words (JSON-LD datePublished, article:published_time, a date in the URL's path),
each a source of its own, and the date lines a reader sees: above and below the
headline, below the body, or labelled "Published" anywhere. Sources that agree make a
sure date, sources that disagree a doubtful one (see pubdate.choose). Only when none
finds a date is the first full date written near the article's start taken, as a
doubtful one.
"""

from __future__ import annotations

import re
from datetime import datetime

from lxml.html import HtmlElement

from generator.ingest.article import Block
from generator.ingest.html.head import Head
from generator.ingest.html.tree import line_index
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
# How far into the body a full date is looked for when the page has no other.
_TEXT_LINES = 5
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
_DIGIT = re.compile(r"\d")
_URL_DATE = re.compile(
    r"/((?:19|20)\d\d)[/-](0?[1-9]|1[0-2])[/-](0?[1-9]|[12]\d|3[01])(?=/|[-_.]|$)"
)


def date_candidates(
    tree: HtmlElement, markup: list[Candidate], lines: list[str], title: str, blocks: list[Block]
) -> list[Candidate]:
    """Every candidate for the page's publication date, each with where it stands.

    ``markup``: the markup's candidates, read before the tree gave its visible lines.
    """
    out = [*markup, *visible_candidates(lines, title, blocks)]
    return out or _text_dates(lines, blocks)


def _htmldate(tree: HtmlElement) -> datetime | None:
    """htmldate's reading of the markup alone (its free-text search costs a hundred times
    more: the text is read here, by the visible lines)."""
    from htmldate import find_date

    from generator.ingest.html.body import set_aside

    with set_aside(tree):  # menus, sidebars, the footer: other pages' dates; not copied
        return parse_iso(find_date(tree, original_date=True, extensive_search=False))


def markup_candidates(tree: HtmlElement, head: Head, marked: list) -> list[Candidate]:
    """Each field that states the publication date, the URL's date, and htmldate's reading.

    htmldate reads many more places, at the cost of a copy and a serialisation of the
    whole page: it is not asked when two fields already agree on the day.
    """
    out: list[Candidate] = []
    fields = [(f"<meta {key}>", head.meta.get(key)) for key in PUBLISHED_KEYS]
    fields += [("JSON-LD datePublished", n.get("datePublished")) for n in head.article_nodes]
    for el in [el for el in marked if el.get("itemprop") == "datePublished"][:1]:
        fields.append(("itemprop datePublished", el.get("datetime") or el.get("content")))
    for where, value in fields:
        if isinstance(value, str) and (day := parse_iso(value)) is not None:
            utc = bool(_UTC.search(value.strip()))
            out.append(Candidate(day, "metadata", None, f"{where}: {value}", utc=utc))
    days = {c.value.date() for c in out}
    if (len(out) < 2 or len(days) > 1) and (found := _htmldate(tree)) is not None:
        out.insert(0, Candidate(found, "metadata", None, f"htmldate (markup): {found:%Y-%m-%d}"))
    url = head.url or ""
    if m := _URL_DATE.search(url):
        try:
            day = datetime(int(m.group(1)), int(m.group(2)), int(m.group(3)))
            out.append(Candidate(day, "metadata", None, f"the URL's path: {url}"))
        except ValueError:
            pass
    return out


def _text_dates(lines: list[str], blocks: list[Block]) -> list[Candidate]:
    """The first full date written near the start of the article, when nothing else dates it.

    Often a dateline or a date in the first sentence; weak evidence (kind "text"), so never
    a sure date. htmldate's free-text search does the same at a hundred times the cost.
    """
    first, _ = _body_span(lines, blocks)
    if first is None:
        return []
    for i in range(max(0, first - _BEFORE_BODY), min(len(lines), first + _TEXT_LINES)):
        if not _DIGIT.search(lines[i]):
            continue
        for hit in find_dates(lines[i]):
            if hit.year is not None and hit.day is not None and (value := hit.value()):
                return [Candidate(value, "text", i + 1, lines[i][:120])]
    return []


def visible_candidates(lines: list[str], title: str, blocks: list[Block]) -> list[Candidate]:
    """Date lines a reader sees around the headline and body, or labelled anywhere."""
    first, last = _body_span(lines, blocks)
    title_at = _find_title(lines, title, first)
    anchor = title_at if title_at is not None else first
    out: list[Candidate] = []
    far_labelled = 0
    for i, line in enumerate(lines):
        if len(line) > _DATE_LINE_CHARS or not _DIGIT.search(line):
            continue
        kind = _kind_by_place(i, anchor, title_at, first, last)
        if kind is None and (
            far_labelled >= _FAR_LABELLED or not any(w in line.lower() for w in _LABEL_WORDS)
        ):
            continue  # far from the article, and no label: not read at all
        hit = date_line(line)
        if hit is None:
            continue
        label = label_of(line)
        if label in ("published", "updated") and (kind is not None or far_labelled < _FAR_LABELLED):
            far_labelled += kind is None
            kind = label
        if kind is not None:
            out.extend(candidates_from_hit(hit, kind, i + 1, line))
    return out


# Words one of which a date line's label has ("Published", "Posted on", "Updated"), lowered.
_LABEL_WORDS = (
    "publi", "post", "writ", "updat", "modif", "creat", "issu", "edit", "revis", "date",
)  # fmt: skip


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
    first = line_index(lines, paragraphs[0], range(len(lines)))
    if first is None:
        return None, -1
    last = line_index(lines, paragraphs[-1], range(len(lines) - 1, first - 1, -1))
    return first, first if last is None else last


def _find_title(lines: list[str], title: str, before: int | None) -> int | None:
    key = text_key(title)
    if not key or before is None:
        return None
    for i in range(before - 1, max(-1, before - 1 - 2 * _BEFORE_BODY), -1):
        line_key = text_key(lines[i])
        if line_key and (line_key == key or (len(line_key) > 15 and line_key in key)):
            return i
    return None
