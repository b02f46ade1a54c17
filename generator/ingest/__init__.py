"""Ingest: any raw page (text dump, HTML, Markdown with front matter) -> a clean Article."""

from generator.ingest.article import Article, Block, LineDecision
from generator.ingest.dedupe import merge_duplicates
from generator.ingest.frontmatter import to_markdown
from generator.ingest.reader import IngestError, explain_page, page_kind, read_page

__all__ = [
    "Article",
    "Block",
    "IngestError",
    "LineDecision",
    "explain_page",
    "merge_duplicates",
    "page_kind",
    "read_page",
    "to_markdown",
]
