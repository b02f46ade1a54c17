"""Dispatch a raw page to the reader for what it contains, whatever its file is called.

Markdown with YAML front matter is taken as it is; HTML goes to trafilatura; anything
else is a plain-text dump of a whole page and goes to our line cleaner.
"""

from __future__ import annotations

from generator.ingest.article import Article, LineDecision
from generator.ingest.encoding import decode
from generator.ingest.frontmatter import FrontMatterError, has_front_matter, read_markdown


class IngestError(ValueError):
    """A page that cannot be read as an article; the message names the problem."""


def page_kind(text: str) -> str:
    """ "markdown", "html" or "text": what the page contains, not what its name says."""
    from generator.ingest.html import looks_like_html

    if has_front_matter(text):
        return "markdown"
    if looks_like_html(text):
        return "html"
    return "text"


def read_page(data: str | bytes, filename: str) -> Article:
    """One raw page (any encoding; text dump, HTML or front-matter Markdown) -> an Article."""
    text = decode(data)
    if "\r" in text:  # a scan: cheaper than two replacements that find nothing
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    if "\x00" in text:
        raise IngestError(f"{filename}: binary file (contains NUL bytes)")
    if not text.strip():
        raise IngestError(f"{filename}: empty page")
    kind = page_kind(text)
    if kind == "markdown":
        try:
            return read_markdown(text, filename)
        except FrontMatterError as exc:
            raise IngestError(f"{filename}: {exc}") from None
    if kind == "html":
        from generator.ingest.html import read_html

        return read_html(text, filename)
    from generator.ingest.textdump import read_text_dump

    return read_text_dump(text, filename)


def explain_page(data: str | bytes, filename: str) -> list[LineDecision]:
    """Line by line: kept, dropped or metadata, each with its reason."""
    return read_page(data, filename).lines
