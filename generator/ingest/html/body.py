"""The article's body from an HTML tree: trafilatura's extraction, read back as ordered blocks.

Trafilatura returns its body as XML (<p>, <head>, <list>/<item>, <quote>, <table>/<row>/
<cell>, <code>, with <lb/> for line breaks). It is walked in document order: paragraphs
and subheadings in place, each list item a paragraph, a data table's rows as paragraphs
("cell | cell | cell"), and text standing in an element's tail kept where it stands.
Lines the extractor kept that are page furniture (a share bar, a caption credit, a
social post's signature) are dropped with their reason.
"""

from __future__ import annotations

import re
from contextlib import contextmanager

from lxml import etree
from lxml.html import HtmlElement

from generator.ingest.article import Block, drop_second_rendering
from generator.ingest.html.tree import hidden_elements
from generator.ingest.pubdate.written import find_dates
from generator.ingest.textdump import paragraph_furniture
from generator.text.folding import strip_invisible
from generator.text.sentences import ENDS_SENTENCE

# An extraction in trafilatura's fast mode is kept as it is when it is at least this long
# (characters), of at least this many blocks, none more than this share of its text; else
# it is redone with trafilatura's full cascade (tuned on the readability set's half A).
_SURE_LENGTH = 1000
_SURE_BLOCKS = 3
_ONE_BLOCK_SHARE = 0.6
# With the hidden elements set aside, an extraction shorter than this (characters) means
# the page hides its text until a script shows it (a hidden wrapper): read it whole.
_NEARLY_EMPTY = 200
# A box of other stories ends the article after at least this many paragraphs, when no
# two paragraphs of this many words follow each other below it.
_PARAGRAPHS_BEFORE_BOX = 3
_RUNNING_WORDS = 30
# An element with one of these among its children holds blocks of its own.
_HOLDS_BLOCKS = frozenset(("p", "item", "quote", "head", "list", "table"))
# Trafilatura's inline elements: their text runs on with the text around them.
_INLINE = frozenset(("hi", "ref", "lb", "graphic", "del", "span"))
# Blocks that make a table cell a piece of page layout, not a datum.
_BLOCKS_IN_CELL = frozenset(("p", "list", "head", "quote", "code", "table", "div"))


def extract_body(tree: HtmlElement) -> tuple[list[Block], list[tuple[str, str]]]:
    """Paragraphs and subheadings in page order, and the (text, reason) of what was dropped.

    Faster inside ``set_aside(tree)``, with the same result (see there).
    """
    doc = _trafilatura(tree, fast=True)
    pieces = _pieces(doc)
    if _doubtful(pieces):
        # Trafilatura's full cascade compares its extraction with readability's and
        # jusText's: twice the time, worth it only where the fast one looks wrong.
        # Its fallbacks (readability's, jusText's) read what the page hides too (a dialog's
        # text, a player's notices): hidden elements are set aside for it.
        with set_aside(tree, (), hidden=True):
            full = _pieces(_trafilatura(tree, fast=False))
        if _length(full) < _NEARLY_EMPTY:
            # Little is left beside what the page hides: a page that shows its text
            # by script (a hidden wrapper). Read it whole.
            full = _pieces(_trafilatura(tree, fast=False))
        pieces = full or pieces
    return filter_furniture(pieces)


# Elements that hold no article text: trafilatura deletes them from its copy of the page
# before reading it. Set aside while the body is read, they need not be copied (twice)
# nor walked (a page's menus, sidebars and footer are a third of its elements), and their
# headings are no subheadings. The visible lines read them afterwards.
_NEVER_BODY = ("nav", "aside", "footer")


@contextmanager
def set_aside(tree: HtmlElement, tags: tuple[str, ...] = _NEVER_BODY, hidden: bool = False):
    """``tree`` without its outermost ``tags`` elements (and, with ``hidden``, the elements
    a browser does not show) for the time of the block; each is put back where it stood,
    tail and all. Markup this cannot handle is read whole."""
    body = tree.find("body")
    chosen = dict.fromkeys(tree.iter(*tags) if tags else ())  # in page order
    if hidden:
        chosen.update(dict.fromkeys(hidden_elements(body if body is not None else tree)))
    outermost = [
        el
        for el in chosen
        if el.getparent() is not None and not any(a in chosen for a in el.iterancestors())
    ]
    moved: list[tuple[HtmlElement, HtmlElement]] = []
    try:
        for el in outermost:
            stand_in = etree.Element("span")  # holds the tail; an empty span is pruned
            stand_in.tail = el.tail
            el.getparent().replace(el, stand_in)
            moved.append((el, stand_in))
    except Exception:  # noqa: BLE001 - hostile markup: put back what moved, read it whole
        _put_back(moved)
        moved = []
    try:
        yield
    finally:
        _put_back(moved)


def _put_back(moved: list[tuple[HtmlElement, HtmlElement]]) -> None:
    for el, stand_in in reversed(moved):
        parent = stand_in.getparent()
        if parent is not None:
            parent.replace(stand_in, el)
            el.tail = stand_in.tail


def _pieces(doc) -> list[tuple[str, str]]:
    body = getattr(doc, "body", None) if doc is not None else None
    pieces: list[tuple[str, str]] = []
    if body is not None:
        _walk(body, pieces)
    return [(kind, strip_invisible(text)) for kind, text in pieces]


def _length(pieces: list[tuple[str, str]]) -> int:
    return sum(len(text) for _, text in pieces)


def _doubtful(pieces: list[tuple[str, str]]) -> bool:
    """A short extraction, or one made of a block or two (a page's whole text in one)."""
    sizes = [len(text) for _, text in pieces]
    total = sum(sizes)
    return (
        total < _SURE_LENGTH or len(sizes) < _SURE_BLOCKS or max(sizes) > _ONE_BLOCK_SHARE * total
    )


def _trafilatura(tree: HtmlElement, fast: bool):
    import trafilatura

    return trafilatura.bare_extraction(
        tree,
        fast=fast,
        with_metadata=False,
        include_comments=False,
        include_tables=True,
        include_images=False,
        include_formatting=False,
        include_links=False,
        deduplicate=False,
    )


def _walk(el, out: list[tuple[str, str]]) -> None:
    """(kind, text) of each block under ``el``, in document order.

    Text standing in a container between its blocks (its own text, an element's tail,
    with the inline elements around it: "<div>Text <hi>bold</hi> more<p>...</p></div>")
    is a paragraph of its own, whole: inline markup never splits it.
    """
    run = [el.text or ""]
    for child in el:
        tag = child.tag
        if tag in _INLINE:
            run.append(" " if tag == "lb" else _one_line(child))
            run.append(child.tail or "")
            continue
        _flush(run, out)
        if tag == "head":
            out.append(("heading", _one_line(child)))
        elif tag == "table":
            _walk_table(child, out)
        elif tag == "item" and any(c.tag == "list" for c in child):
            # An item with a nested list: its own text, then the nested items.
            out.append(("paragraph", _one_line(child, skip="list")))
            for sub in child.iterchildren("list"):
                _walk(sub, out)
        elif tag != "item" and any(c.tag in _HOLDS_BLOCKS for c in child):
            # A container, or a paragraph holding paragraphs (a <div> of text and <p>s
            # that trafilatura made a <p>): each block of its own. A list item stays
            # whole (a gallery's or a teaser's card: heading and text are one thing).
            _walk(child, out)
        else:
            out.extend(("paragraph", text) for text in split_block(child))
        run = [child.tail or ""]
    _flush(run, out)


def _flush(run: list[str], out: list[tuple[str, str]]) -> None:
    if text := " ".join("".join(run).split()):
        out.append(("paragraph", text))
    run.clear()


def _one_line(el, skip: str | None = None) -> str:
    """The element's text on one line ("<p>one</p><p>two</p>" is "one two", never "onetwo")."""
    return " ".join(_raw_text(el, skip).replace(_BREAK, " ").split())


def _raw_text(el, skip: str | None = None) -> str:
    """The element's text in document order, a line break as _BREAK; a block inside it (a
    paragraph in a cell, a heading in a list item) stands apart by a space, an inline one
    (<hi>, <ref>) runs on with the text around it."""
    parts: list[str] = []
    _gather(el, parts, skip)
    return "".join(parts)


def _gather(el, parts: list[str], skip: str | None) -> None:
    parts.append(el.text or "")
    for child in el:
        if child.tag == "lb":
            parts.append(_BREAK)
        elif child.tag != skip:
            inline = child.tag in _INLINE
            parts.append("" if inline else " ")
            _gather(child, parts, None)
            parts.append("" if inline else " ")
        parts.append(child.tail or "")


def _walk_table(table, out: list[tuple[str, str]]) -> None:
    """A data table's rows as "cell | cell" lines; a layout table's text as paragraphs.

    A table with a cell of several paragraphs, lists or headings lays out a page (old
    sites put the whole article in one cell): its cells are walked as containers. A one-column
    table's cells are plain paragraphs.
    """
    rows = list(table.iter("row"))
    if any(sum(1 for c in cell if c.tag in _BLOCKS_IN_CELL) >= 2 for row in rows for cell in row):
        for row in rows:
            for cell in row.iter("cell"):
                _walk(cell, out)
        return
    texts = [[t for cell in row.findall("cell") if (t := _one_line(cell))] for row in rows]
    texts = [cells for cells in texts if cells]
    if not texts:
        out.extend(("row", t) for t in (_one_line(table),) if t)
    elif max(len(cells) for cells in texts) == 1:
        out.extend(("row", cells[0]) for cells in texts)
    else:
        out.extend(("row", " | ".join(cells)) for cells in texts)


def filter_furniture(
    pieces: list[tuple[str, str]],
) -> tuple[list[Block], list[tuple[str, str]]]:
    blocks: list[Block] = []
    dropped: list[tuple[str, str]] = []
    for n, (kind, text) in enumerate(pieces):
        if not text:
            continue
        if kind == "row":  # a data table's row: cells, not a line of page furniture
            blocks.append(Block("paragraph", text))
            continue
        why = paragraph_furniture(text)
        if why and _box_of_stories(why, blocks, pieces[n + 1 :]):
            dropped += [(text, why)] + [
                (t, "below a box of other stories") for _, t in pieces[n + 1 :]
            ]
            break
        if why:
            dropped.append((text, why))
        else:
            blocks.append(Block(kind, text))
    blocks = _cut_teaser_tail(blocks, dropped)
    blocks, twice = drop_second_rendering(blocks)
    dropped += [(b.text, "the article's text a second time") for b in twice]
    # A heading after the last paragraph heads nothing.
    while blocks and blocks[-1].kind == "heading":
        dropped.append((blocks.pop().text, "heading with no paragraph after it"))
    return blocks, dropped


# Teasers of other stories below an article: at least this many paragraphs cut short
# ("... the council…", "... said the …/ more"), only headlines and short lines between
# them, with at least _PARAGRAPHS_BEFORE_BOX paragraphs of the article above.
_TEASERS = 3
_TEASER_WORDS = 80
_HEADLINE_WORDS = 14
_SHORT_LINE_WORDS = 6
# A headline of a listing, stamped with its date, has at most this many words; the date
# is looked for in its last characters.
_STAMPED_WORDS = 16
_STAMP_CHARS = 40
_CUT_SHORT = re.compile(
    r"(?:…|\.\.\.)\s*(?:/?\s*(?:more|mehr|plus|más|più|meer|weiterlesen|read more)\s*)?$", re.I
)


def _cut_teaser_tail(blocks: list[Block], dropped: list[tuple[str, str]]) -> list[Block]:
    """The blocks without the run of teasers that ends them, if it is one (see _TEASERS).

    A teaser is cut short where the story it announces goes on; an article's own
    paragraphs end their sentences, and three of them in a row ending on "…" are not seen.
    """
    start, teasers = len(blocks), 0
    for i in range(len(blocks) - 1, -1, -1):
        text = blocks[i].text
        words = len(text.split())
        if (words <= _TEASER_WORDS and _CUT_SHORT.search(text)) or (
            words <= _STAMPED_WORDS and _ends_with_date(text)
        ):
            teasers += 1
        elif words > _SHORT_LINE_WORDS and (
            words > _HEADLINE_WORDS or ENDS_SENTENCE.search(text.rstrip())
        ):
            break  # running prose: the article
        start = i
    # A short sentence that ends the article ("Nobody was hurt.") is no teaser's headline.
    while start < len(blocks) and _ends_prose(blocks[start].text):
        start += 1
    kept = sum(1 for b in blocks[:start] if b.kind == "paragraph")
    if teasers < _TEASERS or kept < _PARAGRAPHS_BEFORE_BOX:
        return blocks
    dropped += [(b.text, "teasers of other stories below the article") for b in blocks[start:]]
    return blocks[:start]


def _ends_prose(text: str) -> bool:
    return not _CUT_SHORT.search(text) and bool(ENDS_SENTENCE.search(text.rstrip()))


def _ends_with_date(text: str) -> bool:
    """A headline stamped with its full date at its end ("Ferry back in service 3 May 2024")."""
    if not text[-1:].isdigit():
        return False
    hits = find_dates(text[-_STAMP_CHARS:])
    tail = text[-_STAMP_CHARS:].rstrip()
    return bool(hits) and hits[-1].end >= len(tail) and None not in (hits[-1].year, hits[-1].day)


def _box_of_stories(why: str, kept: list[Block], rest: list[tuple[str, str]]) -> bool:
    """A "Related"/"More stories" header (or a tag list, a comment header) after the article,
    with no running prose below it: the rest is other stories' teasers."""
    if not why.startswith(("a box of other stories", "end of article")):
        return False
    if sum(1 for b in kept if b.kind == "paragraph") < _PARAGRAPHS_BEFORE_BOX:
        return False
    long = [len(t.split()) >= _RUNNING_WORDS for _, t in rest]
    return not any(a and b for a, b in zip(long, long[1:], strict=False))


# A block longer than this with line breaks in it is a page's whole text in one element
# (text separated by <br> or newlines, no <p>), not one paragraph.
_ONE_BLOCK = 2000
_BREAK = "\x00"  # where a <br> (trafilatura's <lb/>) stood
_DOUBLE_BREAK_ONLY = re.compile(r"\x00\s*\x00")
_DOUBLE_BREAK = re.compile(r"\x00\s*\x00|\n[ \t\r\f\v]*\n")


def split_block(el) -> list[str]:
    """One element's text as paragraphs: split at <br><br> or blank lines, else at each break.

    Trafilatura keeps <br> as <lb/> and has no option to make paragraphs of the text
    between them, so a huge block is split here. Normal paragraphs are left whole, and so
    are source lines wrapped at a fixed width (newlines that end no sentence).
    """
    raw = _raw_text(el)
    # <br><br> ends a paragraph in a block of any size ("div soup" pages).
    chunks = _DOUBLE_BREAK_ONLY.split(raw) if _BREAK in raw and len(raw) <= _ONE_BLOCK else []
    if len(chunks) > 1:
        return [t for c in chunks if (t := " ".join(c.replace(_BREAK, " ").split()))]
    if len(raw) <= _ONE_BLOCK or ("\n" not in raw and _BREAK not in raw):
        return [t for t in (" ".join(raw.replace(_BREAK, " ").split()),) if t]
    # Two breaks in a row, or a blank line: paragraph ends. Else a single <br>.
    chunks = _DOUBLE_BREAK.split(raw)
    if len(chunks) < 2 or max(len(c) for c in chunks) > _ONE_BLOCK:
        chunks = raw.split(_BREAK)
    if len(chunks) < 2 or max(len(c) for c in chunks) > _ONE_BLOCK:
        lines = [t for t in re.split(r"[\n\x00]", raw) if t.strip()]
        ends = sum(1 for t in lines if ENDS_SENTENCE.search(t.rstrip()))
        chunks = lines if ends * 2 >= len(lines) else [raw]
    return [t for c in chunks if (t := " ".join(c.replace(_BREAK, " ").split()))]
