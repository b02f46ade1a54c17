"""HTML pages -> an Article: the body first (trafilatura), then each piece of metadata."""

from generator.ingest.html.reader import looks_like_html, read_html

__all__ = ["looks_like_html", "read_html"]
