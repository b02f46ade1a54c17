"""Putting untrusted text into Markdown, or into a page's raw HTML, so that it stays text."""

from __future__ import annotations

import functools
import html
import re

# What Python-Markdown lets a backslash escape, less "." "-" "+" (handled at line start).
_INLINE = re.compile(r"([\\`*_{}\[\]()#!|])")
_LINE_START = re.compile(r"^([-+]|\d+[.)])")
# Not backslash-escapable, but able to start a block (setext heading, definition, fence).
_LINE_START_ENTITY = {"=": "&#61;", ":": "&#58;", "~": "&#126;"}
_SPACE = re.compile(r"\s+")
# Control characters HTML cannot show; Python-Markdown also uses STX/ETX as placeholders.
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\x7f]")
_SURROGATE = re.compile(r"[\ud800-\udfff]")
# What escape_html must clean besides markup: most text has none of it.
_UNCLEAN = re.compile(r"[^\S ]|  |[\x00-\x08\x0e-\x1f\x7f\ud800-\udfff]")


def escape(text: object) -> str:
    """Text as a single Markdown line that renders exactly as the text.

    HTML is turned into entities, Markdown and attribute-list syntax is backslash-escaped,
    and newlines are folded so no block structure (fences, lists, admonitions) can start.
    Control characters are dropped and lone surrogates (which UTF-8 cannot encode) become
    U+FFFD, so the page can always be written.
    """
    text = _SURROGATE.sub("\ufffd", _CONTROL.sub("", str(text)))
    text = _SPACE.sub(" ", text).strip()
    text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    text = _INLINE.sub(r"\\\1", text)
    # "[a\\]: b](url)" would still read as a link reference definition ("[a\\]:" then a
    # URL): a colon right after a bracket is written as an entity.
    text = text.replace("\\]:", "\\]&#58;")
    text = _LINE_START.sub(lambda m: m.group(0)[:-1] + "\\" + m.group(0)[-1], text)
    if text[:1] in _LINE_START_ENTITY:
        text = _LINE_START_ENTITY[text[0]] + text[1:]
    return text


@functools.lru_cache(maxsize=262144)
def _escape_cached(text: str) -> str:
    return escape(text)


def md(text: object) -> str:
    """``escape``, remembered: the same titles and names recur on thousands of pages."""
    return _escape_cached(text if isinstance(text, str) else str(text))


def link(text: object, target: str) -> str:
    return f"[{escape(text)}]({target})"


def escape_html(text: object) -> str:
    """Text for a raw HTML block of a page: entities for markup characters, quotes included
    (it may land in an attribute), whitespace folded, control characters dropped.

    Python-Markdown leaves raw HTML blocks alone, so Markdown syntax in the text stays text.
    """
    text = str(text)
    # Names, titles and dates recur on thousands of pages; paragraphs do not.
    return _escape_html_cached(text) if len(text) <= 200 else _escape_html(text)


def _escape_html(text: str) -> str:
    if _UNCLEAN.search(text):
        text = _SPACE.sub(" ", _SURROGATE.sub("\ufffd", _CONTROL.sub("", text)))
    return html.escape(text.strip(), quote=True)


_escape_html_cached = functools.lru_cache(maxsize=131072)(_escape_html)


def is_clean(text: str) -> bool:
    """Whether ``text`` has nothing ``escape_html`` folds or drops (only markup to escape):
    then any piece of it escapes as ``html.escape`` alone would, its edge spaces kept."""
    return not _UNCLEAN.search(text)


def escape_html_inline(text: object) -> str:
    """A piece of a line of HTML (text between links): escaped, one space kept at each edge
    it had. The edges are judged after control characters are dropped, so "1. \\x02" keeps
    its space."""
    text = _CONTROL.sub("", str(text))
    if not text.strip():
        return " " if text else ""
    lead = " " if text[0].isspace() else ""
    trail = " " if text[-1].isspace() else ""
    return f"{lead}{escape_html(text)}{trail}"


def html_link(text: object, target: str) -> str:
    """An HTML link; ``target`` is a URL we made (a relative page URL), escaped all the same."""
    return f'<a href="{html.escape(target, quote=True)}">{escape_html(text)}</a>'


def safe_url(url: str) -> str:
    """An http(s) URL fit for a Markdown link target, or "#" for anything else."""
    url = url.strip()
    if not url.lower().startswith(("http://", "https://")) or any(c.isspace() for c in url):
        return "#"
    return "".join(f"%{ord(c):02X}" if c in "()<>\"'`[]" else c for c in url)
