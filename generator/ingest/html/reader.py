"""HTML pages: the body first, then each piece of metadata on its own.

The page is parsed once. Trafilatura extracts the body from the tree; if it finds none,
the page's visible text goes through the text-dump reader instead, so a page with text
never comes back empty. Then title, date, author, outlet, URL and summary are each
read in a step of their own: a step that fails leaves its field empty and a warning
naming the file and the step, never a lost article.
"""

from __future__ import annotations

import dataclasses
import re

from generator.ingest.article import Article, Block, LineDecision, fallback_title
from generator.ingest.html.authors import byline_elements, choose_author
from generator.ingest.html.body import extract_body, set_aside
from generator.ingest.html.dates import date_candidates, markup_candidates
from generator.ingest.html.head import Head, read_head
from generator.ingest.html.restore import restore_headings, restore_lists
from generator.ingest.html.title import choose_title, is_section_name
from generator.ingest.html.tree import line_index, marked_elements, page_lines, parse_html
from generator.ingest.outlet import (
    AGENCIES,
    OutletSignals,
    agency_tag,
    copyright_name,
    self_mentions,
)
from generator.ingest.pubdate import Candidate, DateVerdict, choose_date
from generator.ingest.steps import Steps
from generator.ingest.words import text_key

_HTML_START = re.compile(
    r"\A\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html|head|body)\b", re.I | re.S
)
_TAGS = re.compile(r"<(?:p|div|span|a|br|h[1-6]|article|section|meta|script|li|ul|table)\b", re.I)
_ANY_TAG = re.compile(r"<[^>]*>")
# Words of a badge before a headline repeated at the top of the body ("LIVE", "Breaking news").
_BADGE_WORDS = 2
# Copyright lines are looked for among the page's last visible lines (its footer).
_FOOTER_LINES = 40


def looks_like_html(text: str) -> bool:
    if _HTML_START.match(text[:2000]):
        return True
    head = text[:5000]
    return len(_TAGS.findall(head)) >= 5 and head.count("<") > 0.01 * len(head)


def read_html(text: str, filename: str) -> Article:
    steps = Steps(filename)
    tree = steps.run("parsing the HTML", None, parse_html, text)
    if tree is None:
        return _as_text_dump(_ANY_TAG.sub("\n", text), filename, steps)
    with set_aside(tree):  # menus, sidebars and the footer: no reader of the body needs them
        blocks, dropped = steps.run("extracting the body", ([], []), extract_body, tree)
        if blocks:
            steps.run("restoring subheadings", None, restore_headings, tree, blocks)
            steps.run("restoring lists", None, restore_lists, tree, blocks)
    if not blocks:
        lines = steps.run("reading the visible text", [], page_lines, tree)
        return _as_text_dump("\n".join(lines), filename, steps)
    head = steps.run("reading the page's metadata", Head(), read_head, tree)
    marked = steps.run("reading marked elements", [], marked_elements, tree)
    markup_dates = steps.run(
        "reading the markup's dates", [], markup_candidates, tree, head, marked
    )
    elements = steps.run("reading author elements", [], byline_elements, marked)
    # The last reader of the tree: the visible lines are read by changing it.
    lines = steps.run("reading the visible text", [], page_lines, tree)

    copyright = steps.run("reading the copyright line", [], _copyright_names, lines)
    site_names = [n for n in (*head.site_names, *copyright) if not is_section_name(n)]
    title = steps.run("title", "", choose_title, head, site_names, blocks)
    if blocks and _repeats_title(blocks[0].text, title):
        dropped.append((blocks.pop(0).text, "repeats the title"))
    body = "\n".join(b.text for b in blocks)
    no_date = DateVerdict(None, "none", ["the date step failed"])
    verdict = steps.run(
        "publication date", no_date, _date, tree, markup_dates, lines, title, blocks, body
    )
    outlet = steps.run("outlet", None, _outlet, head, copyright, blocks, body)
    above = steps.run("reading the lines above the body", [], _above_body, lines, blocks)
    author = steps.run(
        "author", None, choose_author, head, elements, dropped, above, outlet, title + "\n" + body
    )
    summary = steps.run("summary", None, _summary, head, blocks)
    # An HTML page has no lines of its own: the extracted blocks are numbered in order.
    decisions = [LineDecision(n, b.text, "kept", b.kind) for n, b in enumerate(blocks, 1)]
    decisions += [
        LineDecision(n, t, "dropped", why) for n, (t, why) in enumerate(dropped, len(blocks) + 1)
    ]
    return Article(
        title=title or fallback_title(blocks, filename),
        blocks=blocks,
        published=verdict.published,
        date_confidence=verdict.confidence,
        date_evidence=verdict.evidence,
        outlet=outlet,
        author=author,
        url=steps.run("URL", None, lambda: head.url),
        summary=summary,
        source=filename,
        lines=decisions,
        warnings=steps.warnings,
    )


def _repeats_title(text: str, title: str) -> bool:
    """The headline again, maybe behind a badge or two ("LIVE", "Exclusive")."""
    key, title_key = text_key(text), text_key(title)
    if not title_key or not key.endswith(title_key):
        return False
    badge = text[: len(text) - len(title)].split() if text.endswith(title) else None
    return key == title_key or (badge is not None and len(badge) <= _BADGE_WORDS)


def _as_text_dump(text: str, filename: str, steps: Steps) -> Article:
    """The page's visible text read as a text dump: the extractor found no body in it."""
    from generator.ingest.textdump import read_text_dump

    article = read_text_dump(text, filename)
    return dataclasses.replace(article, warnings=steps.warnings + article.warnings)


def _date(
    tree, markup: list[Candidate], lines: list[str], title: str, blocks: list[Block], body: str
) -> DateVerdict:
    return choose_date(date_candidates(tree, markup, lines, title, blocks), body)


def _copyright_names(lines: list[str]) -> list[str]:
    """Holders named in the copyright lines at the foot of the page ("© 2025 Borderland Daily")."""
    names: list[str] = []
    for line in lines[-_FOOTER_LINES:]:
        name = copyright_name(line) if len(line) <= 300 else None
        if name and name not in names:
            names.append(name)
    return names[:3]


def _outlet(head: Head, copyright: list[str], blocks: list[Block], body: str) -> str | None:
    outlet = OutletSignals()
    site = head.first("og:site_name")
    if site and not is_section_name(site):
        outlet.add(site, 3, strong=True)
    for name in sorted({*head.publishers, head.first("application-name")} - {"", site}):
        if not is_section_name(name):
            outlet.add(name, 3, strong=True)
    for name in copyright:
        outlet.add(name, 2, strong=True)
    first = next((b.text for b in blocks if b.kind == "paragraph"), "")
    if tag := agency_tag(first):
        outlet.add(tag, 2, strong=True)
    for name in self_mentions(body):
        outlet.add(name, 1, form_weight=1)
    found = outlet.best()
    if found is None and site and site.lower() in AGENCIES:
        return AGENCIES[site.lower()]
    return found


def _above_body(lines: list[str], blocks: list[Block]) -> list[str]:
    """The visible lines just above the body's first paragraph (where a byline stands)."""
    first = next((b.text for b in blocks if b.kind == "paragraph"), "")
    i = line_index(lines, first, range(len(lines))) if first else None
    return lines[max(0, i - 12) : i] if i is not None else []


def _summary(head: Head, blocks: list[Block]) -> str | None:
    summary = head.description or None
    if summary and blocks and _same(summary, blocks[0].text):
        return None
    return summary


def _same(a: str, b: str) -> bool:
    a, b = " ".join(a.split()).lower(), " ".join(b.split()).lower()
    return a == b or a.startswith(b[:80]) or b.startswith(a[:80])
