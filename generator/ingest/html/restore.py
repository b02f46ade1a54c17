"""What the extractor left out between the article's blocks, put back from the page.

Trafilatura drops a subheading that also stands elsewhere on the page (a live blog's
"Key events" list links to its posts' headings), and now and then a list standing between
two paragraphs it kept (a list of advice, of questions, of items a text goes through).
Both are found on the page beside the paragraphs kept and put back where they stand.
"""

from __future__ import annotations

from lxml.html import HtmlElement

from generator.ingest.article import Block
from generator.ingest.html.tree import hidden_elements
from generator.ingest.textdump import paragraph_furniture
from generator.ingest.words import text_key

# A heading put back has at most this many characters; a paragraph is known by the first
# letters and digits of its text.
_HEADING_CHARS = 200
_START_KEY = 60
# A list is put back when at most this share of its text is links (a list of links is
# other stories: on the pubdates pages, the lists between two kept paragraphs held 0.00 to
# 0.29 of links when they were the article's, 0.60 and more when they were not).
_LIST_LINKS = 0.3
_LIST_ITEMS = 2


def restore_headings(tree: HtmlElement, blocks: list[Block]) -> None:
    """Put back a subheading trafilatura dropped, where the page has it: just before a kept block.

    Trafilatura sometimes drops a heading that also appears elsewhere on the page
    (a live blog's "Key events" list links to its posts' headings).
    """
    if len(blocks) < 2:
        return
    headings = list(tree.iter("h2", "h3", "h4"))
    if not headings:
        return
    # A heading is short: only a block as short can be it. A paragraph is known by its start.
    keys = {text_key(b.text) for b in blocks if len(b.text) <= _HEADING_CHARS}
    starts = {
        text_key(b.text[: 3 * _START_KEY])[:_START_KEY]: i
        for i, b in enumerate(blocks)
        if b.kind == "paragraph"
    }
    inserts = []
    for h in headings:
        text = " ".join(h.text_content().split())
        key = text_key(text)
        if not key or key in keys or not 1 <= len(text.split()) <= 14:
            continue
        after = text_key(_text_after(h, 400))[:_START_KEY]
        i = starts.get(after) if len(after) >= _START_KEY // 2 else None
        if i is None or i == 0 or blocks[i - 1].kind == "heading":
            continue
        if paragraph_furniture(text) is None:
            inserts.append((i, text))
    for i, text in sorted(set(inserts), reverse=True):
        blocks.insert(i, Block("heading", text))


def _text_after(el, limit: int) -> str:
    """The first ``limit`` characters of visible text that follow ``el`` in the document."""
    out: list[str] = [el.tail or ""]
    size = len(out[0])
    node = el
    while size < limit:
        nxt = node.getnext()
        while nxt is None:
            node = node.getparent()
            if node is None:
                return " ".join(" ".join(out).split())[:limit]
            out.append(node.tail or "")
            nxt = node.getnext()
        node = nxt
        if isinstance(node.tag, str) and node.tag not in ("script", "style", "noscript"):
            for piece in node.itertext():  # not text_content(): the next node may be huge
                out.append(piece)
                size += len(piece)
                if size >= limit:
                    break
        out.append(node.tail or "")
        size += len(node.tail or "")
    return " ".join(" ".join(out).split())[:limit]


def restore_lists(tree: HtmlElement, blocks: list[Block]) -> None:
    """Put back a list the extractor dropped between two paragraphs it kept.

    A list whose nearest siblings with text, before and after it, are both paragraphs
    of the body stands inside the article; its items go back between them, one
    paragraph each. A list mostly of links (other stories), a hidden one, or one the
    body already holds is left out, and so is an item that is furniture.
    """
    starts = {
        key: i
        for i, b in enumerate(blocks)
        if b.kind == "paragraph" and len(key := _start(b.text)) >= _START_KEY // 2
    }
    if len(starts) < 2:
        return
    hidden: set[HtmlElement] | None = None
    known = {_start(b.text) for b in blocks}
    inserts: list[tuple[int, list[str]]] = []
    for lst in tree.iter("ul", "ol"):
        # Cheap tests first: most lists (menus, link boxes) have no paragraph beside them.
        before_el = _sibling_with_text(lst, preceding=True)
        if before_el is None or before_el.tag != "p":
            continue
        after_el = _sibling_with_text(lst, preceding=False)
        if after_el is None or after_el.tag != "p":
            continue
        before = starts.get(_start(_text(before_el)))
        if before is None or starts.get(_start(_text(after_el))) != before + 1:
            continue
        if hidden is None:  # found once, for the first list that may go back
            body = tree.find("body")
            hidden = set(hidden_elements(body if body is not None else tree))
        items = [] if lst in hidden else _list_items(lst, known)
        if items:
            inserts.append((before + 1, items))
    for i, items in sorted(inserts, reverse=True):
        blocks[i:i] = [Block("paragraph", t) for t in items]


def _list_items(lst: HtmlElement, known: set[str]) -> list[str]:
    """The items of ``lst`` as paragraphs, or none if it is a list of links or known."""
    items = [t for li in lst.iterchildren("li") if (t := _text(li))]
    if len(items) < _LIST_ITEMS or any(_start(t) in known for t in items):
        return []
    linked = sum(len(_text(a)) for a in lst.iter("a"))
    if linked > _LIST_LINKS * sum(len(t) for t in items):
        return []
    return [t for t in items if paragraph_furniture(t) is None]


def _sibling_with_text(el: HtmlElement, preceding: bool) -> HtmlElement | None:
    """The nearest sibling element on that side that holds text ("<p></p>" skipped)."""
    for sib in el.itersiblings(preceding=preceding):
        if isinstance(sib.tag, str) and any(t.strip() for t in sib.itertext()):
            return sib  # (stops at its first words: a sibling may hold a whole page)
    return None


def _text(el) -> str:
    """The element's text on one line (any lxml element: the stand-ins set_aside leaves
    are plain ``etree`` elements, without ``text_content``)."""
    return " ".join("".join(el.itertext()).split())


def _start(text: str) -> str:
    return text_key(text[: 3 * _START_KEY])[:_START_KEY]
