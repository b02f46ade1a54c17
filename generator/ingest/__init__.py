"""Ingest: any raw page (text dump, HTML, Markdown with front matter) -> a clean Article."""

from generator.ingest.article import Article, Block, LineDecision
from generator.ingest.reader import IngestError, explain_page, read_page

__all__ = ["Article", "Block", "IngestError", "LineDecision", "explain_page", "read_page"]
