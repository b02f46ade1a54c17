"""Model: every article's facts -> one Digest (articles, actors, months, outlets and
merged events), read-only once built.

``entries`` (what a digest is made of), ``events`` (merging dated sentences into
events), ``digest`` (building it all), ``ranking`` (what matters most), ``slugs``.
"""

from generator.model.digest import Digest, build_digest
from generator.model.entries import (
    ActorEntry,
    ArticleEntry,
    Event,
    Month,
    OutletEntry,
    Said,
    Source,
)

__all__ = [
    "ActorEntry",
    "ArticleEntry",
    "Digest",
    "Event",
    "Month",
    "OutletEntry",
    "Said",
    "Source",
    "build_digest",
]
