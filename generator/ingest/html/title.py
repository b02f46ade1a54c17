"""The headline of an HTML page: its markup's title without the site's name beside it."""

from __future__ import annotations

import re

from generator.ingest.article import Block
from generator.ingest.html.head import Head
from generator.ingest.outlet import outlet_key
from generator.ingest.words import FURNITURE_WORDS, text_key

# Where a <title> joins the headline and the site's name: "Headline - Site", "Site | Headline".
_TITLE_SEP = re.compile(r"\s+[-|–—·•»/:]\s+|:\s+|\s*\|\s*")


def is_section_name(name: str) -> bool:
    """ "U.S.", "World", "News": a section's label in og:site_name, not the outlet's name."""
    words = name.lower().replace(".", "").split()
    return len(text_key(name)) < 2 or all(
        w in FURNITURE_WORDS or w in ("us", "uk", "eu") for w in words
    )


def markup_title(head: Head) -> str:
    """The title the markup gives first: og:title, JSON-LD headline, a lone <h1>, <title>."""
    lone_h1 = head.h1s[0] if len(head.h1s) == 1 else ""
    return head.og_title or head.headline or lone_h1 or head.title


def choose_title(head: Head, site_names: list[str], blocks: list[Block]) -> str:
    """The headline: the markup's title without the site's name beside it.

    A <title> often reads "Headline – Site" or "Site - Headline". The site's name is cut
    when the page names its site elsewhere (og:site_name, JSON-LD publisher, copyright),
    or the side that is the bare headline (an <h1>, og:title, JSON-LD headline, or the
    first block of the body) is kept.
    """
    found = markup_title(head)
    sites = {k for k in (outlet_key(n) for n in site_names) if k}
    title = found
    if not title or outlet_key(title) in sites:
        title = head.title or head.og_title or title
    bare = {text_key(h) for h in (head.headline, *head.h1s) if h}
    bare.discard("")
    if not title or text_key(title) in bare:
        return title
    # The first side of "A - B" in <title> may be what was found: judge both sides here.
    side_of_title = title != head.title and _is_side(title, head.title)
    if side_of_title:
        title = head.title
    if head.og_title:
        bare.add(text_key(head.og_title))
    if blocks and len(blocks[0].text) < 300:
        bare.add(text_key(blocks[0].text))
    for m in _TITLE_SEP.finditer(title):
        left, right = title[: m.start()].strip(), title[m.end() :].strip()
        for side in (left, right):
            if text_key(side) in bare and len(side.split()) >= 3:
                return side
    cut = _cut_site(title, sites)
    if cut != title:
        return cut
    # No side is known: the side found if it can be a headline, else the whole <title>.
    if side_of_title and len(found.split()) >= 4:
        return found
    return title


def _cut_site(title: str, sites: set[str]) -> str:
    """``title`` without a side that is the site's name (twice: "Section - Headline - Site")."""
    cut = title
    for _ in range(2):
        for m in _TITLE_SEP.finditer(cut):
            left, right = cut[: m.start()].strip(), cut[m.end() :].strip()
            if right and left and outlet_key(right) in sites:
                cut = left
                break
            if right and left and outlet_key(left) in sites:
                cut = right
                break
    return cut


def _is_side(part: str, whole: str) -> bool:
    """Whether ``part`` is what stands before or after a separator in ``whole``."""
    key = text_key(part)
    for m in _TITLE_SEP.finditer(whole):
        if key in (text_key(whole[: m.start()]), text_key(whole[m.end() :])):
            return True
    return False
