"""An HTML page parsed once, and its visible text as lines (what a browser's innerText gives).

Every later step reads this one tree: trafilatura's body extraction (it copies the tree
it is given), htmldate, the head's metadata. The lines serve the steps that read the page
as a reader sees it: the byline and date lines around the headline, the copyright line
at the foot, and the text-dump reader when the extractor finds no body at all.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from lxml import etree
from lxml.html import HtmlElement

from generator.ingest.words import text_key
from generator.text.folding import strip_invisible

# Elements that start a new line of visible text.
_BLOCK_TAGS = frozenset(
    """address article aside blockquote body br caption dd details div dl dt fieldset figcaption
    figure footer form h1 h2 h3 h4 h5 h6 header hr li main nav ol p pre section summary table
    tbody td tfoot th thead tr ul""".split()  # noqa: SIM905
)
# Elements whose text a reader never sees.
_HIDDEN_TAGS = frozenset(
    """script style noscript template svg iframe object embed canvas head select option
    button input textarea math""".split()  # noqa: SIM905
)


# Elements that hold no text a reader sees (every reader deletes them first): stripped
# once, after parsing, so that no reader copies them (trafilatura copies the tree it is
# given, twice). Scripts holding JSON (JSON-LD: dates, authors) are kept. (Not <noscript>:
# broken markup may leave the whole page inside one.)
_UNUSED_TAGS = ("style", "svg")


def parse_html(text: str) -> HtmlElement | None:
    """The page's tree (trafilatura's loader: it copes with broken markup and odd encodings),
    without what no reader of it uses (styles, code, drawings, frames, comments)."""
    from trafilatura.utils import load_html

    tree = load_html(text)
    if tree is not None:
        for script in tree.iter("script"):
            if "json" not in (script.get("type") or ""):
                script.tag = "style"  # stripped with the styles
        etree.strip_elements(tree, *_UNUSED_TAGS, etree.Comment, with_tail=False)
    return tree


_HIDDEN_XPATH = "//*[@hidden or @aria-hidden or @style]"  # then told apart in Python
_HIDDEN_STYLE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.I)


def hidden_elements(root: HtmlElement) -> list[HtmlElement]:
    """The elements under ``root`` a browser does not show (``hidden``, ``aria-hidden``, an
    inline style hiding them), ``root`` itself never."""
    return [
        el
        for el in root.xpath(_HIDDEN_XPATH)
        if el is not root
        and (
            ((style := el.get("style")) and _HIDDEN_STYLE.search(style))
            or el.get("hidden") is not None
            or el.get("aria-hidden") == "true"
        )
    ]


def page_lines(tree: HtmlElement) -> list[str]:
    """The visible text of the page, one line per block element, blank lines left out.

    The tree is changed on the way (hidden elements go, line breaks are written around
    blocks): call this after every other reader of the tree. Written so that lxml does
    the walking: a Python loop over every element of a large page costs more than the
    rest of this function.
    """
    body = tree.find("body")
    root = body if body is not None else tree
    etree.strip_elements(root, *_HIDDEN_TAGS, etree.Comment, with_tail=False)
    for el in hidden_elements(root):
        el.drop_tree()  # its tail stays
    for el in root.iter(*_BLOCK_TAGS):
        el.text = "\n" + (el.text or "")
        el.tail = "\n" + (el.tail or "")
    text = strip_invisible(etree.tostring(root, method="text", encoding="unicode"))
    # Most raw lines are blank (indentation between blocks): tested before being split.
    return [" ".join(raw.split()) for raw in text.split("\n") if raw and not raw.isspace()]


def line_index(lines: list[str], paragraph: str, order: Iterable[int]) -> int | None:
    """The first line, in ``order``, where ``paragraph`` starts (its text as written, else
    its letters and digits: inline markup may space a line differently)."""
    order = list(order)
    head = paragraph[:24]
    found = next((i for i in order if lines[i].startswith(head)), None)
    if found is not None:
        return found
    key = text_key(paragraph)[:40]
    return next((i for i in order if key and text_key(lines[i])[:40] == key), None)


def marked_elements(tree: HtmlElement) -> list[HtmlElement]:
    """The elements with an itemprop or a rel attribute (author, datePublished...): one
    walk over the tree for every reader that looks for them."""
    return tree.xpath("//*[@itemprop or @rel]")
