"""Temporal expressions in news text, resolved against the publication date.

``patterns`` finds candidate spans, ``tense`` tells which way a clause points in time,
``resolve`` turns each span into an ISO value of the granularity the text gives.
"""

from generator.extract.dates.resolve import (
    Basis,
    DateMention,
    Modifier,
    display_date,
    find_date_mentions,
    granularity,
    sort_key,
)

__all__ = [
    "Basis",
    "DateMention",
    "Modifier",
    "display_date",
    "find_date_mentions",
    "granularity",
    "sort_key",
]
