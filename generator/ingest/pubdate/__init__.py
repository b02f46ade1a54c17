"""Publication dates: dates as pages write them, candidates, checks against the text, the choice.

Split as htmldate is: :mod:`.written` finds dates in text, readers turn the page's dates
into :mod:`.candidates` by where they stand, :mod:`.checks` test each against the
article's own text, and :mod:`.choose` weighs them and says how sure the winner is.
"""

from generator.ingest.pubdate.candidates import (
    KIND_WEIGHT,
    Candidate,
    candidates_from_hit,
    parse_iso,
)
from generator.ingest.pubdate.choose import Confidence, DateVerdict, choose_date
from generator.ingest.pubdate.written import DateHit, date_line, find_dates, label_of

__all__ = [
    "KIND_WEIGHT",
    "Candidate",
    "Confidence",
    "DateHit",
    "DateVerdict",
    "candidates_from_hit",
    "choose_date",
    "date_line",
    "find_dates",
    "label_of",
    "parse_iso",
]
