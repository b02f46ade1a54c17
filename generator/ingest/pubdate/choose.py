"""The publication date of a page: every candidate weighed, the winner checked against the text.

A scraped page carries many dates: the site's "today" in its header, an aggregator's
own date above the story, a byline date, "Updated" stamps, a timestamp at the foot,
and the dates of the events the text describes. Readers give each candidate a *kind*
(where on the page it stands); :func:`choose_date` scores them and checks the winner
against the text: an article cannot describe events after its own publication date,
and a date far after every event it mentions is suspect.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Literal

from generator.ingest.pubdate.candidates import KIND_WEIGHT, Candidate
from generator.ingest.pubdate.checks import (
    check_against_text,
    latest_recent_event,
    weekdays_named,
)

Confidence = Literal["high", "low", "none"]


@dataclass
class DateVerdict:
    published: datetime | None
    confidence: Confidence
    evidence: list[str]


def choose_date(candidates: list[Candidate], body: str) -> DateVerdict:
    """Weigh the candidates, check them against ``body`` and say how sure the winner is."""
    if not candidates:
        return DateVerdict(None, "none", ["no date anywhere on the page"])
    named = weekdays_named(body)
    header = [c for c in candidates if c.kind == "header"]
    nearest_header = max(header, key=lambda c: c.line_no or 0) if len(header) > 1 else None
    for c in candidates:
        c.score = KIND_WEIGHT.get(c.kind, 1.0)
        if c.granularity != "day":
            c.score -= 2
            c.notes.append(f"only the {c.granularity} is given")
        if c.value.hour or c.value.minute:
            c.score += 0.5
        if c is nearest_header:
            c.score += 1
            c.notes.append("the header date nearest the title")
        check_against_text(c, body, named)
    ranked = sorted(candidates, key=lambda c: -c.score)  # stable: page order breaks ties
    best = ranked[0]
    evidence = [f"chosen: {best.describe()}"]
    for other in ranked[1:]:
        if other.value.date() != best.value.date():
            evidence.append(f"passed over: {other.describe()}")
    confidence: Confidence = "high"
    published = best.value
    rivals = [
        c
        for c in ranked[1:]
        if c.value.date() != best.value.date()
        and not c.suspect
        and c.granularity == "day"
        and best.score - c.score < 1.0
    ]
    if best.granularity != "day":
        confidence = "low"
    if rivals:
        confidence = "low"
        evidence.append(
            "conflict: "
            + ", ".join(f"{c.value:%Y-%m-%d} ({c.kind})" for c in rivals)
            + " weigh almost as much"
        )
    if best.suspect:
        confidence = "low"
        latest = latest_recent_event(body, best.value.date())
        if best.kind in ("header", "text") and latest is not None:
            published = datetime.combine(latest.first, datetime.min.time())
            evidence.append(
                f"estimate: the {best.kind} date looks like the site's own (a 'today' or "
                f"scrape date); the article is dated no earlier than its latest event, "
                f"{latest.text!r} -> {latest.first:%Y-%m-%d}"
            )
    return DateVerdict(published, confidence, evidence)
