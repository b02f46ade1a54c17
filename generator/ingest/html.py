"""HTML pages: trafilatura extracts the body and metadata; our own checks judge the date.

htmldate (trafilatura's date engine) is asked for the *original* publication date:
its default prefers the latest date on the page, which is often the scrape or update
date. Its answer is one candidate among the page's dates, checked against the text
like any other.
"""

from __future__ import annotations

import json
import re
from html import unescape

from generator.ingest.article import Article, Block, LineDecision
from generator.ingest.outlet import (
    AGENCIES,
    OutletSignals,
    agency_tag,
    author_in_line,
    clean_authors,
    copyright_name,
    outlet_key,
    plausible_person,
    self_mentions,
)
from generator.ingest.pubdate import Candidate, choose_date, date_line, find_dates, parse_iso
from generator.ingest.textdump import paragraph_author, paragraph_furniture
from generator.ingest.words import FURNITURE_WORDS, text_key

_DATE_PARAMS = {"original_date": True, "extensive_search": True}
_HTML_START = re.compile(
    r"\A\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html|head|body)\b", re.I | re.S
)
_TAGS = re.compile(r"<(?:p|div|span|a|br|h[1-6]|article|section|meta|script|li|ul|table)\b", re.I)


def looks_like_html(text: str) -> bool:
    if _HTML_START.match(text[:2000]):
        return True
    head = text[:5000]
    return len(_TAGS.findall(head)) >= 5 and head.count("<") > 0.01 * len(head)


def read_html(text: str, filename: str) -> Article:
    import trafilatura  # imported here: text dumps never pay for the HTML stack

    if "blockquote" in text:
        text = _drop_embeds(text)
    doc = trafilatura.bare_extraction(
        text,
        with_metadata=True,
        include_comments=False,
        include_tables=False,
        include_images=False,
        include_formatting=False,
        deduplicate=False,
        date_extraction_params=_DATE_PARAMS,
    )
    if doc is None:
        return Article(title=filename, blocks=[], source=filename)

    head = _HeadInfo(text)
    blocks, dropped = _blocks(doc)
    _restore_headings(text, blocks)
    site_names = [n for n in (doc.sitename, *head.site_names) if n and not _is_section_name(n)]
    title = _title(doc.title, head, site_names, blocks)
    title_key = text_key(title or "")
    if blocks and title_key and text_key(blocks[0].text) == title_key:
        dropped.append((blocks.pop(0).text, "repeats the title"))
    body = "\n".join(b.text for b in blocks)

    candidates = []
    published = _attested(parse_iso(doc.date), text)
    if published is not None:
        candidates.append(
            Candidate(published, "metadata", None, f"htmldate (original date): {doc.date}")
        )
    latest = _attested(_latest_date(text), text)
    if latest is not None and (published is None or latest.date() != published.date()):
        candidates.append(
            Candidate(latest, "updated", None, f"htmldate (latest date): {latest:%Y-%m-%d}")
        )
    verdict = choose_date(candidates, body)

    outlet = OutletSignals()
    if doc.sitename and not _is_section_name(doc.sitename):
        outlet.add(doc.sitename, 3, strong=True)
    for name in head.copyright:
        outlet.add(name, 2, strong=True)
    first = next((b.text for b in blocks if b.kind == "paragraph"), "")
    tag = agency_tag(first)
    if tag:
        outlet.add(tag, 2, strong=True)
    for name in self_mentions(body):
        outlet.add(name, 1, form_weight=1)
    outlet_name = outlet.best()
    if outlet_name is None and doc.sitename and doc.sitename.lower() in AGENCIES:
        outlet_name = AGENCIES[doc.sitename.lower()]

    summary = (doc.description or "").strip() or None
    if summary and blocks and _same(summary, blocks[0].text):
        summary = None
    # An HTML page has no lines of its own: the extracted blocks are numbered in order.
    lines = [LineDecision(n, b.text, "kept", b.kind) for n, b in enumerate(blocks, 1)]
    lines += [
        LineDecision(n, t, "dropped", why) for n, (t, why) in enumerate(dropped, len(blocks) + 1)
    ]
    return Article(
        title=title or filename,
        blocks=blocks,
        published=verdict.published,
        date_confidence=verdict.confidence,
        date_evidence=verdict.evidence,
        outlet=outlet_name,
        author=_author(
            doc.author, text, outlet_name or doc.sitename, dropped, (title or "") + "\n" + body
        ),
        url=doc.url,
        summary=summary,
        source=filename,
        lines=lines,
    )


def _blocks(doc) -> tuple[list[Block], list[tuple[str, str]]]:
    """Paragraphs and subheadings from trafilatura's XML body, furniture filtered out."""
    blocks: list[Block] = []
    dropped: list[tuple[str, str]] = []
    body = getattr(doc, "body", None)
    elements = []
    if body is not None:
        for el in body.iter("head", "p", "item", "quote", "list"):
            if el.tag == "list":
                continue
            # A <p> inside a <quote> or an <item> inside a list: text taken once, at the leaf.
            if el.tag == "quote" and len(el):
                continue
            if el.tag == "head":
                pieces = [" ".join("".join(el.itertext()).split())]
            else:
                pieces = _split_block(el)
            kind = "heading" if el.tag == "head" else "paragraph"
            elements.extend((kind, text) for text in pieces if text)
    else:
        elements = [("paragraph", t) for t in (doc.text or "").split("\n") if t.strip()]
    for kind, text in elements:
        why = paragraph_furniture(text)
        if why:
            dropped.append((text, why))
        else:
            blocks.append(Block(kind, text))
    # A heading after the last paragraph heads nothing.
    while blocks and blocks[-1].kind == "heading":
        dropped.append((blocks.pop().text, "heading with no paragraph after it"))
    return blocks, dropped


# A block longer than this with line breaks in it is a page's whole text in one element
# (text separated by <br> or newlines, no <p>), not one paragraph.
_ONE_BLOCK = 2000
_BREAK = "\x00"  # where a <br> (trafilatura's <lb/>) stood
_DOUBLE_BREAK_ONLY = re.compile(r"\x00\s*\x00")
_DOUBLE_BREAK = re.compile(r"\x00\s*\x00|\n[ \t\r\f\v]*\n")
_ENDS_SENTENCE = re.compile(r"[.!?:;\"”’)»]$")


def _split_block(el) -> list[str]:
    """One element's text as paragraphs: split at <br><br> or blank lines, else at each break.

    Trafilatura keeps <br> as <lb/> and has no option to make paragraphs of the text
    between them, so a huge block is split here. Normal paragraphs are left whole, and so
    are source lines wrapped at a fixed width (newlines that end no sentence).
    """
    parts: list[str] = [el.text or ""]
    for node in el.iterdescendants():
        parts.append(_BREAK if node.tag == "lb" else node.text or "")
        parts.append(node.tail or "")
    raw = "".join(parts)
    # <br><br> ends a paragraph in a block of any size ("div soup" pages).
    chunks = _DOUBLE_BREAK_ONLY.split(raw) if _BREAK in raw and len(raw) <= _ONE_BLOCK else []
    if len(chunks) > 1:
        return [t for c in chunks if (t := " ".join(c.replace(_BREAK, " ").split()))]
    if len(raw) <= _ONE_BLOCK or ("\n" not in raw and _BREAK not in raw):
        return [" ".join(raw.replace(_BREAK, " ").split())]
    # Two breaks in a row, or a blank line: paragraph ends. Else a single <br>.
    chunks = _DOUBLE_BREAK.split(raw)
    if len(chunks) < 2 or max(len(c) for c in chunks) > _ONE_BLOCK:
        chunks = raw.split(_BREAK)
    if len(chunks) < 2 or max(len(c) for c in chunks) > _ONE_BLOCK:
        lines = [t for t in re.split(r"[\n\x00]", raw) if t.strip()]
        ends = sum(1 for t in lines if _ENDS_SENTENCE.search(t.rstrip()))
        chunks = lines if ends * 2 >= len(lines) else [raw]
    return [t for c in chunks if (t := " ".join(c.replace(_BREAK, " ").split()))]


def _latest_date(text: str):
    """htmldate's default answer, the latest date on the page: an update, or the scrape day."""
    from htmldate import find_date

    try:
        return parse_iso(find_date(text, original_date=False, extensive_search=False))
    except (ValueError, TypeError):
        return None


def _is_section_name(name: str) -> bool:
    """ "U.S.", "World", "News": a section's label in og:site_name, not the outlet's name."""
    words = name.lower().replace(".", "").split()
    return len(text_key(name)) < 2 or all(
        w in FURNITURE_WORDS or w in ("us", "uk", "eu") for w in words
    )


def _author(
    value: str | None,
    html: str,
    outlet: str | None,
    dropped: list[tuple[str, str]],
    text_body: str,
) -> str | None:
    """Trafilatura's author; else the page's author metadata; else a byline it dropped.

    Every name is checked: an outlet's name, a URL or a desk ("Staff", "Admin",
    "Editorial team") is no author, and a name must have at least two words.
    """
    for found in (value, *_meta_authors(html)):
        if name := _persons(found, outlet):
            return name
    for text, why in dropped[:12]:
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
    return None


def _persons(value: str | None, outlet: str | None) -> str | None:
    """The persons in a ";"-separated author value, each checked; None when none is left."""
    if not value:
        return None
    okey = outlet_key(outlet) if outlet else None
    keep = []
    for part in value.split(";"):
        part = " ".join(part.split())
        if len(part.split()) < 2 or not plausible_person(part):
            continue
        if okey and outlet_key(part) == okey:
            continue
        keep.append(part)
    return "; ".join(keep) or None


_META_AUTHOR = re.compile(
    r"<meta\b[^>]*?\b(?:name|property)\s*=\s*[\"'](?:author|article:author|parsely-author|"
    r"sailthru\.author|dc\.creator|citation_author)[\"'][^>]*>",
    re.I,
)
_CONTENT = re.compile(r"\bcontent\s*=\s*(?:\"([^\"]*)\"|'([^']*)')", re.I)
_JSON_LD = re.compile(
    r"<script\b[^>]*type\s*=\s*[\"']application/ld\+json[\"'][^>]*>(.*?)</script>", re.I | re.S
)


def _meta_authors(html: str) -> list[str]:
    """Author values from <meta name="author"> and JSON-LD Person authors, in page order."""
    out = []
    for tag in _META_AUTHOR.findall(html[:200_000]):
        m = _CONTENT.search(tag)
        if m:
            out.append(unescape(m.group(1) or m.group(2) or ""))
    for block in _JSON_LD.findall(html[:500_000]):
        try:
            data = json.loads(block.strip())
        except ValueError:
            continue
        persons = _json_ld_persons(data)
        if persons:
            out.append("; ".join(persons))
    return out


def _json_ld_persons(data) -> list[str]:
    """Names of the Person authors of a JSON-LD object (an "@id" resolved in its @graph)."""
    nodes = data if isinstance(data, list) else [data]
    graph = [n for d in nodes if isinstance(d, dict) for n in (d.get("@graph") or [d])]
    graph = [n for n in graph if isinstance(n, dict)]
    by_id = {n["@id"]: n for n in graph if isinstance(n.get("@id"), str)}
    names: list[str] = []
    for node in graph:
        authors = node.get("author")
        for a in authors if isinstance(authors, list) else [authors]:
            if isinstance(a, dict) and "name" not in a and a.get("@id") in by_id:
                a = by_id[a["@id"]]
            if isinstance(a, str):
                a = {"name": a}
            if not isinstance(a, dict) or not isinstance(a.get("name"), str):
                continue
            kind = a.get("@type", "Person")
            if "Person" in (kind if isinstance(kind, list) else [kind]) and a["name"] not in names:
                names.append(a["name"].strip())
    return names


def _same(a: str, b: str) -> bool:
    a, b = " ".join(a.split()).lower(), " ".join(b.split()).lower()
    return a == b or a.startswith(b[:80]) or b.startswith(a[:80])


_TAG = re.compile(r"<[^>]+>")
_TITLE_TAG = re.compile(r"<title\b[^>]*>(.*?)</title>", re.I | re.S)
_H1 = re.compile(r"<h1\b[^>]*>(.*?)</h1>", re.I | re.S)
_META_TAG = re.compile(r"<meta\b[^>]*>", re.I)
_META_KEY = re.compile(r"\b(?:name|property)\s*=\s*[\"']([^\"']+)[\"']", re.I)
_COPYRIGHT_MARK = re.compile(r"©|&copy;|&#169;|&#xa9;|\bcopyright\b", re.I)
_BLOCK_EDGE = re.compile(r"<(?:br|/?p|/?div|/?li|/?footer|/?section|/?td|/?tr|/?ul|/?h\d)\b", re.I)


def _strip(fragment: str) -> str:
    return " ".join(unescape(_TAG.sub(" ", fragment)).split())


class _HeadInfo:
    """What a page says of itself outside the body: <title>, <h1>, og: tags, JSON-LD, copyright."""

    def __init__(self, html: str) -> None:
        m = _TITLE_TAG.search(html[:200_000])
        self.title = _strip(m.group(1)) if m else ""
        self.h1s = [t for t in (_strip(h) for h in _H1.findall(html[:500_000])[:3]) if t]
        meta: dict[str, str] = {}
        for tag in _META_TAG.findall(html[:200_000]):
            key, content = _META_KEY.search(tag), _CONTENT.search(tag)
            if key and content:
                meta.setdefault(key.group(1).lower(), _strip(content.group(1) or content.group(2)))
        self.og_title = meta.get("og:title") or meta.get("twitter:title") or ""
        self.site_names = [n for n in (meta.get("og:site_name"), meta.get("application-name")) if n]
        self.headline = ""
        for block in _JSON_LD.findall(html[:500_000]):
            try:
                data = json.loads(block.strip())
            except ValueError:
                continue
            nodes = data if isinstance(data, list) else [data]
            for node in (n for d in nodes if isinstance(d, dict) for n in (d.get("@graph") or [d])):
                if not isinstance(node, dict):
                    continue
                if not self.headline and isinstance(node.get("headline"), str):
                    self.headline = " ".join(unescape(node["headline"]).split())
                pub = node.get("publisher")
                if isinstance(pub, dict) and isinstance(pub.get("name"), str):
                    self.site_names.append(pub["name"].strip())
        self.copyright = _copyright_names(html)
        self.site_names += self.copyright


def _copyright_names(html: str) -> list[str]:
    """Holders named in the page's copyright lines ("© 2009-2025 Borderland Daily. ...")."""
    names: list[str] = []
    for n, m in enumerate(_COPYRIGHT_MARK.finditer(html, max(0, len(html) - 300_000))):
        if n >= 20:  # a page full of the word (a licence text) is not read to its end
            break
        start = html.rfind(">", max(0, m.start() - 200), m.start()) + 1 or m.start()
        if "<" in html[start : m.start()] or html.rfind("<script", 0, m.start()) > html.rfind(
            "</script", 0, m.start()
        ):
            continue
        window = html[start : m.end() + 250]
        edge = _BLOCK_EDGE.search(window, m.end() - start)
        line = _strip(window[: edge.start()] if edge else window)
        name = copyright_name(line)
        if name and name not in names:
            names.append(name)
        if len(names) >= 3:
            break
    return names


# Where a <title> joins the headline and the site's name: "Headline - Site", "Site | Headline".
_TITLE_SEP = re.compile(r"\s+[-|–—·•»/:]\s+|:\s+|\s*\|\s*")


def _title(found: str | None, head: _HeadInfo, site_names: list[str], blocks: list[Block]) -> str:
    """The headline: trafilatura's title without the site's name beside it.

    A <title> often reads "Headline – Site" or "Site - Headline". The site's name is cut
    when the page names its site elsewhere (og:site_name, JSON-LD publisher, copyright),
    or the side that is the bare headline (an <h1>, og:title, JSON-LD headline, or the
    first block of the body) is kept.
    """
    sites = {k for k in (outlet_key(n) for n in site_names) if k}
    title = " ".join((found or "").split())
    if not title or outlet_key(title) in sites:
        title = head.title or head.og_title or title
    bare = {text_key(h) for h in (head.headline, *head.h1s) if h}
    bare.discard("")
    if not title or text_key(title) in bare:
        return title
    # Trafilatura takes the first side of "A - B" in <title>: judge both sides here.
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
    if cut != title:
        return cut
    # No side is known: trafilatura's side if it can be a headline, else the whole <title>.
    if side_of_title and len(found.split()) >= 4:
        return " ".join(found.split())
    return title


def _is_side(part: str, whole: str) -> bool:
    """Whether ``part`` is what stands before or after a separator in ``whole``."""
    key = text_key(part)
    for m in _TITLE_SEP.finditer(whole):
        if key in (text_key(whole[: m.start()]), text_key(whole[m.end() :])):
            return True
    return False


def _attested(value, html: str):
    """htmldate's answer, if the page writes that day; a year or month alone dates nothing.

    With its extensive search, htmldate turns a year in the text ("in 2019") into
    1 January of that year. A publication date must name a day the page names.
    """
    if value is None:
        return None
    y, mo, d = value.year, value.month, value.day
    for form in (f"{y:04}-{mo:02}-{d:02}", f"{y:04}/{mo:02}/{d:02}", f"{y:04}{mo:02}{d:02}"):
        if form in html:
            return value
    text = _strip(_SCRIPT.sub(" ", html)) if "<" in html else html
    for hit in find_dates(text):
        if hit.day is not None and (hit.year, hit.month, hit.day) == (y, mo, d):
            return value
    return None


_SCRIPT = re.compile(r"<(script|style)\b[^>]*>.*?</\1>", re.I | re.S)


# Embedded social-media posts (the platforms' own embed markup): quoted, not the article.
_EMBED_OPEN = re.compile(
    r"<blockquote\b[^>]*\bclass\s*=\s*[\"'][^\"']*\b(?:twitter-tweet|instagram-media|"
    r"tiktok-embed|bluesky-embed|threads-post|mastodon-embed|reddit-embed-bq)\b[^>]*>",
    re.I,
)


def _drop_embeds(html: str) -> str:
    """The page without its embedded social posts (each up to its </blockquote>)."""
    out, pos = [], 0
    for m in _EMBED_OPEN.finditer(html):
        if m.start() < pos:
            continue
        close = _CLOSE_QUOTE.search(html, m.end())
        if close is None:
            break
        out.append(html[pos : m.start()])
        pos = close.end()
    return "".join(out) + html[pos:] if out else html


_CLOSE_QUOTE = re.compile(r"</blockquote>", re.I)
_SUBHEADING = re.compile(r"<h([2-4])\b[^>]*>(.*?)</h\1>", re.I | re.S)


def _restore_headings(html: str, blocks: list[Block]) -> None:
    """Put back a subheading trafilatura dropped, where the page has it: just before a kept block.

    Trafilatura sometimes drops a heading that also appears elsewhere on the page
    (a live blog's "Key events" list links to its posts' headings).
    """
    if len(blocks) < 2:
        return
    keys = {text_key(b.text) for b in blocks}
    starts = {text_key(b.text)[:60]: i for i, b in enumerate(blocks) if b.kind == "paragraph"}
    inserts = []
    for m in _SUBHEADING.finditer(html):
        text = _strip(m.group(2))
        key = text_key(text)
        if not key or key in keys or not 1 <= len(text.split()) <= 14:
            continue
        after = text_key(_strip(html[m.end() : m.end() + 400]))[:60]
        i = starts.get(after) if len(after) >= 30 else None
        if i is None or i == 0 or blocks[i - 1].kind == "heading":
            continue
        if paragraph_furniture(text) is None:
            inserts.append((i, text))
    for i, text in sorted(inserts, reverse=True):
        blocks.insert(i, Block("heading", text))
