"""An HTML page parsed once, and its visible text as lines (what a browser's innerText gives).

Every later step reads this one tree: trafilatura's body extraction (it copies the tree
it is given), htmldate, the head's metadata. The lines serve the steps that read the page
as a reader sees it: the byline and date lines around the headline, the copyright line
at the foot, and the text-dump reader when the extractor finds no body at all.
"""

from __future__ import annotations

import re

from lxml import etree
from lxml.html import HtmlElement

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
_HIDDEN_STYLE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.I)
_SPACES = re.compile(r"[^\S\n]+")


def parse_html(text: str) -> HtmlElement | None:
    """The page's tree (trafilatura's loader: it copes with broken markup and odd encodings)."""
    from trafilatura.utils import load_html

    return load_html(text)


def _hidden(el: HtmlElement) -> bool:
    if el.get("hidden") is not None or el.get("aria-hidden") == "true":
        return True
    style = el.get("style")
    return bool(style) and bool(_HIDDEN_STYLE.search(style))


def page_lines(tree: HtmlElement) -> list[str]:
    """The visible text of the page, one line per block element, blank lines left out."""
    body = tree.find("body")
    root = body if body is not None else tree
    parts: list[str] = []
    walker = etree.iterwalk(root, events=("start", "end"))
    for event, el in walker:
        tag = el.tag
        if not isinstance(tag, str):  # a comment or a processing instruction
            if event == "end" and el.tail:
                parts.append(el.tail)
            continue
        if event == "start":
            if tag in _HIDDEN_TAGS or _hidden(el):
                walker.skip_subtree()
                continue
            if tag in _BLOCK_TAGS:
                parts.append("\n")
            if el.text:
                parts.append(el.text)
        else:
            if tag in _BLOCK_TAGS:
                parts.append("\n")
            if el.tail:
                parts.append(el.tail)
    text = _SPACES.sub(" ", "".join(parts))
    return [line for raw in text.split("\n") if (line := raw.strip())]
