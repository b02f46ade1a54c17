"""Candidate publication dates: a value, where on the page it stands, and its score."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import date, datetime

from generator.ingest.pubdate.written import DateHit, Granularity, date_line

# Where a candidate stands on the page -> its prior weight.
KIND_WEIGHT = {
    "metadata": 6.0,  # the page's own markup (HTML meta, front matter)
    "published": 6.0,  # a line labelled "Published", "Posted on", "Date:"
    "byline": 5.0,  # between the title and the body, or beside the byline
    "footer": 4.0,  # a timestamp after the body
    "header": 3.0,  # above the title: often the site's "today" or an aggregator's date
    "updated": 2.0,  # "Updated ...": later than the publication by definition
    "text": 1.0,  # a full date in the body: the event's, not the page's, unless nothing else
}


@dataclass
class Candidate:
    value: datetime
    kind: str
    line_no: int | None
    text: str
    granularity: Granularity = "day"
    score: float = 0.0
    notes: list[str] = field(default_factory=list)
    suspect: bool = False
    # The value is an instant written in UTC ("...T01:09Z"): its day may not be the page's.
    utc: bool = False
    # The text names this day's weekday ("said on Tuesday"): a second, independent witness.
    weekday_named: bool = False

    def describe(self) -> str:
        where = f"line {self.line_no}" if self.line_no else "page metadata"
        notes = "; ".join(self.notes)
        return (
            f"{where} ({self.kind}) {self.text!r} -> {self.value:%Y-%m-%d}, score {self.score:g}"
            + (f": {notes}" if notes else "")
        )


def candidates_from_hit(hit: DateHit, kind: str, line_no: int | None, text: str) -> list[Candidate]:
    """The candidates of a date line: both readings of "02/08/2024", for the text to decide."""
    value = hit.value()
    granularity: Granularity = "day"
    if value is None:
        if hit.year is None:
            return []
        value = datetime(hit.year, hit.month, 1)
        granularity = "month"
    out = [Candidate(value, kind, line_no, text.strip(), granularity)]
    if hit.swappable:
        other = replace(hit, day=hit.month, month=hit.day, swappable=False).value()
        if other is not None:
            alt = Candidate(other, kind, line_no, text.strip(), granularity)
            alt.notes.append("read month first (US style)")
            out.append(alt)
    return out


def parse_iso(value: object) -> datetime | None:
    """A datetime from front matter or extractor output ("2024-11-19", a date, a datetime)."""
    if isinstance(value, datetime):
        return value.replace(tzinfo=None)
    if isinstance(value, date):
        return datetime(value.year, value.month, value.day)
    if isinstance(value, str) and value.strip():
        text = value.strip()
        try:
            return datetime.fromisoformat(text.replace("Z", "+00:00")).replace(tzinfo=None)
        except ValueError:
            hit = date_line(text)
            return hit.value() if hit else None
    return None
