"""The author of an HTML page: its markup's persons, else the byline a reader sees.

Every name is checked: an outlet's name, a URL or a desk ("Staff", "Admin",
"Editorial team") is no author, and a name must have at least two words.
"""

from __future__ import annotations

import re

from generator.ingest.html.head import AUTHOR_KEYS, Head, clean, json_ld_persons
from generator.ingest.outlet import author_in_line, clean_authors, outlet_key, plausible_person
from generator.ingest.pubdate import date_line
from generator.ingest.textdump import paragraph_author

_BY = re.compile(r"^by\s+", re.I)
_BY_WORD = re.compile(r"\bby\b", re.I)
# Bylines are read from this many dropped blocks and visible lines above the body.
_BYLINE_LINES = 12


def choose_author(
    head: Head,
    byline_elements: list[str],
    dropped: list[tuple[str, str]],
    above_body: list[str],
    outlet: str | None,
    text_body: str,
) -> str | None:
    """JSON-LD and <meta> authors, then author elements, then a byline line above the body."""
    found = [
        "; ".join(json_ld_persons(head)),
        *(head.meta.get(k, "") for k in AUTHOR_KEYS),
        *byline_elements,
    ]
    for value in found:
        if name := _persons(value, outlet):
            return name
    for text, why in dropped[:_BYLINE_LINES]:
        if "byline" in why or "credit" in why or why == "date":
            name = clean_authors(paragraph_author(text), outlet)
        elif len(text.split()) <= 30 and date_line(text) is not None:
            # "Date: 03.09.2024 | Author: Jane Doe | Hits: 41", dropped as a breadcrumb.
            name = clean_authors(author_in_line(text), outlet)
        else:
            continue
        # A bare name beside a date ("Jane Doe | 4 May 2024") may be a place ("Lagos | ...")
        # or the subject: it is not taken when the text mentions it.
        if name and (why != "date" or name.lower() not in text_body.lower()):
            return name
    for line in above_body[-_BYLINE_LINES:]:
        if len(line.split()) > 20:
            continue
        labelled = bool(_BY_WORD.search(line)) or (":" in line and bool(author_in_line(line)))
        if not labelled and date_line(line) is None:
            continue
        name = clean_authors(paragraph_author(line), outlet)
        # A bare name beside a date may be the subject or a place: not one the text names.
        if name and (labelled or name.lower() not in text_body.lower()):
            return name
    return None


def _persons(value: str | None, outlet: str | None) -> str | None:
    """The persons in a ";"-separated author value, each checked; None when none is left."""
    if not value:
        return None
    okey = outlet_key(outlet) if outlet else None
    keep = []
    for part in value.split(";"):
        part = _BY.sub("", " ".join(part.split()))
        if len(part.split()) < 2 or not plausible_person(part):
            continue
        if okey and outlet_key(part) == okey:
            continue
        keep.append(part)
    return "; ".join(keep) or None


def byline_elements(marked: list) -> list[str]:
    """Text of the elements the markup marks as the author (itemprop or rel "author");
    ``marked``: the page's elements with an itemprop or a rel (tree.marked_elements)."""
    out: list[str] = []
    found = [el for el in marked if el.get("itemprop") == "author" or el.get("rel") == "author"]
    for el in found[:6]:
        name_el = el.find(".//*[@itemprop='name']")
        text = clean((name_el if name_el is not None else el).text_content())
        if text and len(text.split()) <= 6 and text not in out:
            out.append(text)
    return out
