"""The article's region: the maximum-weight run of lines, and the headline above it."""

from __future__ import annotations

from collections import Counter

from generator.ingest.outlet import person_names
from generator.ingest.textdump.classify import looks_short_paragraph
from generator.ingest.textdump.lines import Line


def _weight(line: Line) -> float:
    if line.label == "good":
        return float(min(line.words, 80))
    if line.end_mark:
        return -60.0
    if line.label == "boiler":
        # Furniture inside an article (ads, share bars, newsletter boxes) is common: a flat
        # cost, so a box does not cut an article in two; end markers above weigh the most.
        return -4.0
    if line.label == "meta":
        return -4.0 if line.date is not None else -2.0
    if line.label == "caption":
        return -1.0
    # short: a short paragraph counts (a news brief is made of them), a subheading costs
    # little, a teaser headline or a menu item more
    if looks_short_paragraph(line):
        return 0.8 * line.words
    return -(1.0 + line.words / 4)


def best_region(lines: list[Line], start: int) -> tuple[int, int] | None:
    """The maximum-weight run of lines from ``start`` on (inclusive bounds), or None."""
    best, best_span = 0.0, None
    run, run_start = 0.0, start
    for i in range(start, len(lines)):
        w = _weight(lines[i])
        if run <= 0:
            run, run_start = 0.0, i
        run += w
        if run > best:
            best, best_span = run, (run_start, i)
    return best_span


def title_score(line: Line, distance: int, repeats: Counter[str]) -> float:
    if line.label in ("meta", "caption") or line.words < 3 or line.words > 30:
        return -1.0
    if line.label == "boiler" and line.reason not in ("repeated site furniture",):
        return -1.0
    score = 0.0
    score += 3.0 if 5 <= line.words <= 25 else 1.0
    if repeats[line.key] > 1:
        score += 1.5
    if line.heading_hint:
        score += 2.0
    if line.text.endswith(".") and line.words > 6:
        score -= 2.0
    if line.bullet:
        score -= 2.5
    if line.words <= 12 and person_names(line.text):
        score -= 2.5  # "Jane Doe and John Smith": a byline, not a headline
    if line.furniture * 2 >= line.words:
        score -= 3.0
    score -= 0.15 * distance
    return score
