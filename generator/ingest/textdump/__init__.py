"""Plain-text page dumps: the whole page's text, one block a line -> an Article."""

from generator.ingest.textdump.classify import paragraph_author, paragraph_furniture
from generator.ingest.textdump.reader import read_text_dump

__all__ = ["paragraph_author", "paragraph_furniture", "read_text_dump"]
