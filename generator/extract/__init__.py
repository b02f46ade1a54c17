"""Extract: an Article -> ArticleFacts (actor mentions, dated events, quotes), one
article at a time.

``actors`` (the registry and the mention finder), ``dates`` (temporal expressions),
``events`` (dated sentences), ``quotes`` (who said what) and ``facts`` (all of them
for one article).
"""

from generator.extract.facts import ArticleFacts, extract

__all__ = ["ArticleFacts", "extract"]
