"""The article's region: the maximum-weight run of lines, and the headline above it."""

from __future__ import annotations

import re
from collections import Counter

from generator.ingest.outlet import person_names
from generator.ingest.pubdate import label_of
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


def _max_run(lines: list[Line], lo: int, hi: int) -> tuple[float, int, int] | None:
    """The maximum-weight run of lines in [lo, hi): (weight, first, last), or None."""
    best, best_span = 0.0, None
    run, run_start = 0.0, lo
    for i in range(lo, hi):
        w = _weight(lines[i])
        if run <= 0:
            run, run_start = 0.0, i
        run += w
        if run > best:
            best, best_span = run, (run_start, i)
    return (best, *best_span) if best_span else None


# A region shaped like a comment thread (names and dates between its paragraphs) or a
# list of teasers (a headline line before each paragraph) keeps this share of its weight.
_SHAPE_PENALTY = 0.35
# A candidate after a hard end marker that follows the article's beginning keeps this share.
_AFTER_END_PENALTY = 0.2
# Counters ("3/50 ...") that make a region a picture gallery's captions.
_GALLERY_COUNTERS = 3
# Lines between two runs of prose that an inline box of other stories may take up.
_SOFT_GAP = 12
# A region with the headline, byline or date just above it gains this share of its weight.
_CLUSTER_BONUS = 0.5
_CLUSTER_LINES = 6
# Comment stamps needed to call a region a comment thread, counted once it has had this
# many paragraphs (a byline's date above the first paragraph is no comment's).
_STAMPS = 2
_GOOD_BEFORE_STAMPS = 2


def best_region(lines: list[Line], start: int = 0) -> tuple[int, int] | None:
    """The article's lines (inclusive bounds), or None when the page has no prose.

    End markers (a comment section's header, "Related stories", a tag list) are walls: a
    region never runs across one. Within each stretch between walls the maximum-weight
    run of lines is a candidate; a candidate shaped like a comment thread or a teaser
    list is discounted, one with the headline/byline/date cluster above it is favoured.
    """
    candidates = []
    lo = start
    for i in range(start, len(lines) + 1):
        if i == len(lines) or lines[i].end_mark:
            found = _max_run(lines, lo, i)
            if found is not None:
                candidates.append(found)
            lo = i + 1
    if not candidates:
        return None
    scores = [_region_score(lines, c) for c in candidates]
    # Once an article has begun (prose under its headline cluster), what follows a hard
    # end marker (a comment section, a tag list, the footer) is not that article.
    begun = False
    for k, (_, first, last) in enumerate(candidates):
        if begun and any(
            lines[i].end_mark and not lines[i].soft_end
            for i in range(candidates[k - 1][2] + 1, first)
        ):
            scores[k] *= _AFTER_END_PENALTY
        begun = begun or (_clustered(lines, first) and _prose_shaped(lines, first, last))
    k = max(range(len(candidates)), key=scores.__getitem__)
    first, last = _across_soft_walls(lines, candidates, k)
    return first, _before_comments(lines, first, last)


def _across_soft_walls(
    lines: list[Line], candidates: list[tuple[float, int, int]], k: int
) -> tuple[int, int]:
    """The chosen run, joined with its neighbours across an inline box of other stories.

    A "Related" header with a link or two may stand inside an article: the prose on its
    other side, close by and shaped as prose, is the same article's.
    """
    _, first, last = candidates[k]
    for step in (1, -1):
        j = k + step
        while 0 <= j < len(candidates):
            _, f, to = candidates[j]
            lo, hi = (last, f) if step == 1 else (to, first)
            gap = range(lo + 1, hi)
            if (
                len(gap) > _SOFT_GAP
                or any(lines[i].end_mark and not lines[i].soft_end for i in gap)
                or not _prose_shaped(lines, f, to)
            ):
                break
            first, last = min(first, f), max(last, to)
            j += step
    return first, last


def _prose_shaped(lines: list[Line], first: int, last: int) -> bool:
    """Paragraphs that follow one another, not blurbs each on its own between other lines."""
    good = sum(1 for i in range(first, last + 1) if lines[i].label == "good")
    running = any(
        lines[i].label == "good" and lines[i + 1].label == "good" for i in range(first, last)
    )
    return (
        good >= 2
        and running
        and not _teaser_shaped(lines, first, last)
        and len(_stamps(lines, first, last)) < _STAMPS
    )


def _region_score(lines: list[Line], candidate: tuple[float, int, int]) -> float:
    weight, first, last = candidate
    score = weight
    if (
        len(_stamps(lines, first, last)) >= _STAMPS
        or _teaser_shaped(lines, first, last)
        or sum(lines[i].gallery for i in range(first, last + 1)) >= _GALLERY_COUNTERS
    ):
        return score * _SHAPE_PENALTY  # no bonus: each comment has its name and date above
    if _clustered(lines, first):
        score *= 1 + _CLUSTER_BONUS
    return score


def _clustered(lines: list[Line], first: int) -> bool:
    """Whether a byline or date line stands just above (or at) line ``first``."""
    return any(_cluster_line(lines[i]) for i in range(max(0, first - _CLUSTER_LINES), first + 1))


def _cluster_line(line: Line) -> bool:
    """A byline or date line: what stands between an article's headline and its text."""
    return line.label == "meta" and (line.date is not None or line.author is not None)


def _is_stamp(line: Line) -> bool:
    """A comment's header: a name beside a date ("Jane Doe · 10 March 2017 at 12:20")."""
    if line.label != "meta" or line.date is None or line.words > 12 or label_of(line.text):
        return False
    rest = line.text[: line.date.start] + " " + line.text[line.date.end :]
    return 1 <= len(_NAME_WORDS.findall(_STAMP_NOISE.sub(" ", rest))) <= 4


_STAMP_NOISE = re.compile(
    r"\b(?:at|um|à|a las|alle|om|o|в)\b|\d{1,2}[:.h]\d\d\s*(?:[ap]\.?m\.?)?", re.I
)
_NAME_WORDS = re.compile(r"[^\W\d_][\w'’.-]*")


def _stamps(lines: list[Line], first: int, last: int) -> list[int]:
    """Comment stamps in the region, once it has had a few paragraphs of its own."""
    out, good = [], 0
    for i in range(first, last + 1):
        if lines[i].label == "good":
            good += 1
        elif good >= _GOOD_BEFORE_STAMPS and _is_stamp(lines[i]):
            out.append(i)
    return out


def _before_comments(lines: list[Line], first: int, last: int) -> int:
    """Where the article ends when a comment thread or a picture gallery follows it inside
    the region (once the article has had paragraphs of its own)."""
    stamps = _stamps(lines, first, last)
    end = stamps[0] - 1 if len(stamps) >= _STAMPS else last
    good, counters = 0, []
    for i in range(first, end + 1):
        good += lines[i].label == "good"
        if lines[i].gallery and good >= _GOOD_BEFORE_STAMPS:
            counters.append(i)
    return counters[0] - 1 if len(counters) >= _GALLERY_COUNTERS else end


def _teaser_shaped(lines: list[Line], first: int, last: int) -> bool:
    """Most paragraphs stand alone under a headline-like line: a list of teasers."""
    good = [i for i in range(first, last + 1) if lines[i].label == "good"]
    if len(good) < 3:
        return False
    alone = 0
    for i in good:
        prev = lines[i - 1] if i > first else None
        nxt = lines[i + 1] if i < last else None
        headed = prev is not None and prev.label == "short" and not prev.ends_sentence
        if headed and (nxt is None or nxt.label != "good"):
            alone += 1
    return alone * 3 >= len(good) * 2


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
