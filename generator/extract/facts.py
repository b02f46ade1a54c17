"""What one article says, as data: actor mentions, dated events and quotes.

Works on one article at a time, so it is a pure function of (article, registry)
that can be cached and run in parallel.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from generator.extract.actors import Mention, Registry, find_article_mentions
from generator.extract.events import EventMention, find_events
from generator.extract.quotes import Quote, find_quotes
from generator.ingest import Article


@dataclass(frozen=True)
class ArticleFacts:
    """What extraction found in one article (the article itself is kept beside it)."""

    mentions: list[list[Mention]]
    events: list[EventMention] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    # Actors named in photo captions: the article shows them, though its text may not.
    caption_mentions: list[list[Mention]] = field(default_factory=list)

    @property
    def actor_ids(self) -> list[str]:
        return sorted(self.mention_counts())

    def mention_counts(self) -> dict[str, int]:
        counts: dict[str, int] = {}
        for paragraph in [*self.mentions, *self.caption_mentions]:
            for m in paragraph:
                counts[m.actor_id] = counts.get(m.actor_id, 0) + 1
        return counts


def extract(article: Article, registry: Registry) -> ArticleFacts:
    published = article.published.date() if article.published else None
    paragraphs = article.paragraphs
    mentions = find_article_mentions(paragraphs, registry)
    # A date estimated from the text is a lower bound: the article was written then or later.
    exact = article.date_confidence != "low"
    events = find_events(paragraphs, mentions, published, exact)
    quotes = find_quotes(paragraphs, mentions, registry)
    captions = find_article_mentions(article.captions, registry)
    return ArticleFacts(mentions, events, quotes, captions)
