"""The timeline chart: events and articles per month, as an inline SVG made at build time.

No script, no web font, nothing fetched: the chart is plain markup that works offline,
in any browser and in print. Every bar is a link to its month page. Colours come from
Material's CSS variables, so the chart follows the light and dark palettes.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from html import escape
from typing import Protocol

# Wider spans show only their latest months (the Months index lists them all).
MAX_MONTHS = 120
WIDTH = 640  # drawing width the slots share, in SVG units
# Phones get a drawing of their own, shown instead below NARROW_SCREEN: the wide one,
# scaled to a phone's column (358 px on a 390 px screen under Material), would shrink its
# 11-unit labels to 7 px. The narrow one holds at most NARROW_MONTHS slots in NARROW_WIDTH
# units, so it is drawn at about its own size and its labels stay 11 px (9 px on a 320 px
# screen). A drawing at most FITS_PHONE units wide needs no second one: scaled to 358 px,
# its labels keep 11 * 358 / 460 = 8.6 px of font, 9.5 px of box.
NARROW_MONTHS = 36
NARROW_WIDTH = 300
NARROW_SCREEN = "599px"
FITS_PHONE = 460
MIN_BAR, MAX_BAR = 5, 40  # narrowest and widest month slot
HEIGHT = 120  # plot height
TOP = 8
BOTTOM = 34  # room for year labels and the legend
LEFT = 28  # room for the y-axis labels
YEAR_LABEL = 30  # room a year's label takes on the axis
RIGHT = 24  # room for the last year label
_EVENTS = "var(--md-primary-fg-color, #4051b5)"
_ARTICLES = "var(--md-accent-fg-color, #526cfe)"
_INK = "var(--md-default-fg-color--light, #666)"


class MonthLike(Protocol):
    key: str

    @property
    def events(self) -> Sequence[object]: ...

    @property
    def articles(self) -> Sequence[object]: ...

    @property
    def name(self) -> str: ...


@dataclass(frozen=True)
class ChartText:
    """The chart's wording (from the ``_strings`` template): plain text, escaped here."""

    title: str
    events: str  # legend
    articles: str
    bar: Callable[[str, int, int], str]  # month name, events, articles -> the bar's label
    caption: Callable[[int], str]  # how many latest months are shown (0: all) -> caption

    @classmethod
    def from_wording(cls, text: Callable[..., str]) -> ChartText:
        """The chart's macros of the ``_strings`` template (``text(macro name, *args)``)."""
        return cls(
            title=text("chart_title"),
            events=text("chart_events"),
            articles=text("chart_articles"),
            bar=lambda name, events, articles: text("chart_bar", name, events, articles),
            caption=lambda latest: text("chart_caption", latest),
        )


@dataclass(frozen=True)
class Bar:
    key: str  # YYYY-MM
    events: int
    articles: int
    name: str  # "" for a month with no page
    linked: bool


def month_range(first: str, last: str) -> list[str]:
    """Every YYYY-MM from ``first`` to ``last`` inclusive."""
    year, month = int(first[:4]), int(first[5:7])
    end = (int(last[:4]), int(last[5:7]))
    out = []
    while (year, month) <= end:
        out.append(f"{year:04d}-{month:02d}")
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return out


def bars(months: Sequence[MonthLike], max_months: int = MAX_MONTHS) -> list[Bar]:
    """One slot per calendar month of the story (empty months too, so time reads true)."""
    by_key = {m.key: m for m in months}
    if not by_key:
        return []
    keys = month_range(min(by_key), max(by_key))[-max_months:]
    out = []
    for key in keys:
        month = by_key.get(key)
        if month is None:
            out.append(Bar(key, 0, 0, "", False))
        else:
            out.append(Bar(key, len(month.events), len(month.articles), month.name, True))
    return out


def timeline_chart(
    months: Sequence[MonthLike], href: Callable[[str], str], text: ChartText
) -> str:
    """The chart for every screen: one drawing, or a wide one and, on phones instead, a
    narrow one of the latest months (CSS picks; no script). Empty with nothing to chart."""
    if LEFT + _slots_width(months) + RIGHT <= FITS_PHONE:
        return timeline_svg(months, href, text)
    wide = timeline_svg(months, href, text, ident="wide")
    narrow = timeline_svg(months, href, text, NARROW_MONTHS, NARROW_WIDTH, ident="narrow")
    # Specific enough to beat the theme's own figure rule (Material: ".md-typeset figure",
    # a flex column, in which the drawing would shrink: shown as a block).
    pick = ".digest-timeline-charts>figure.digest-timeline"
    style = (
        f"<style>{pick}-narrow{{display:none}}"
        f"@media screen and (max-width:{NARROW_SCREEN}){{{pick}-wide{{display:none}}"
        f"{pick}-narrow{{display:block}}}}</style>"
    )
    return f'<div class="digest-timeline-charts" data-search-exclude="">{style}{wide}{narrow}</div>'


def _slots_width(months: Sequence[MonthLike]) -> int:
    """How wide the default drawing's slots are, in SVG units."""
    slots = len(bars(months))
    return max(MIN_BAR, min(MAX_BAR, WIDTH // slots)) * slots if slots else 0


def timeline_svg(
    months: Sequence[MonthLike],
    href: Callable[[str], str],
    text: ChartText,
    max_months: int = MAX_MONTHS,
    room: int = WIDTH,
    ident: str = "",
) -> str:
    """The chart as one line-free block of HTML: a figure holding an SVG.

    ``href`` maps a month key to the URL of its page, relative to the page the chart is on.
    ``room``: the width the month slots share, in SVG units. ``ident`` names the drawing
    ("wide", "narrow") when a page holds more than one.
    Returns an empty string when there is nothing to chart.
    """
    slots = bars(months, max_months)
    if not slots:
        return ""
    top = max(max(b.events, b.articles) for b in slots) or 1
    bar_width = max(MIN_BAR, min(MAX_BAR, room // len(slots)))
    title_id = f"digest-timeline-title-{ident}" if ident else "digest-timeline-title"
    figure_class = f"digest-timeline digest-timeline-{ident}" if ident else "digest-timeline"
    width = LEFT + bar_width * len(slots) + RIGHT
    height = TOP + HEIGHT + BOTTOM
    half = max(1.0, (bar_width - 4) / 2)
    base = TOP + HEIGHT

    def y(count: int) -> float:
        return base - HEIGHT * count / top

    parts = [
        f'<svg class="digest-timeline" viewBox="0 0 {width} {height}" '
        f'width="{width}" height="{height}" role="img" aria-labelledby="{title_id}" '
        'style="max-width:100%;height:auto;font-family:inherit">',
        f'<title id="{title_id}">{escape(text.title)}</title>',
        f'<line x1="{LEFT}" y1="{base}" x2="{width - 2}" y2="{base}" stroke="{_INK}" '
        'stroke-width="0.5"/>',
        f'<text x="{LEFT - 4}" y="{TOP + 8}" font-size="11" text-anchor="end" '
        f'fill="{_INK}">{top}</text>',
        f'<text x="{LEFT - 4}" y="{base}" font-size="11" text-anchor="end" fill="{_INK}">0</text>',
    ]
    # A year's label at its January; the first slot's year too, unless a January follows
    # too near for both to be read ("2009" is about 26 units wide at 11).
    januaries = [i for i, bar in enumerate(slots) if bar.key.endswith("-01")]
    first_label = not januaries or januaries[0] * bar_width >= YEAR_LABEL or januaries[0] == 0
    for i, bar in enumerate(slots):
        x = LEFT + bar_width * i + 2
        if bar.key.endswith("-01") or (i == 0 and first_label):
            parts.append(
                f'<text x="{x}" y="{base + 12}" font-size="11" fill="{_INK}">'
                f"{escape(bar.key[:4])}</text>"
            )
        if not bar.linked:
            continue
        label = escape(text.bar(bar.name, bar.events, bar.articles))
        # The whole slot is clickable, so months with few items are easy to hit.
        parts.append(
            f'<a href="{escape(href(bar.key))}" aria-label="{label}">'
            f"<title>{label}</title>"
            f'<rect x="{x - 1}" y="{TOP}" width="{bar_width - 2}" height="{HEIGHT}" '
            'fill="transparent"/>'
            f'<rect x="{x}" y="{y(bar.events):.1f}" width="{half:.1f}" '
            f'height="{base - y(bar.events):.1f}" style="fill:{_EVENTS}"/>'
            f'<rect x="{x + half:.1f}" y="{y(bar.articles):.1f}" width="{half:.1f}" '
            f'height="{base - y(bar.articles):.1f}" style="fill:{_ARTICLES};opacity:.6"/>'
            "</a>"
        )
    legend_y = height - 6
    parts += [
        f'<rect x="{LEFT}" y="{legend_y - 8}" width="8" height="8" style="fill:{_EVENTS}"/>',
        f'<text x="{LEFT + 11}" y="{legend_y}" font-size="11" fill="{_INK}">'
        f"{escape(text.events)}</text>",
        f'<rect x="{LEFT + 52}" y="{legend_y - 8}" width="8" height="8" '
        f'style="fill:{_ARTICLES};opacity:.6"/>',
        f'<text x="{LEFT + 63}" y="{legend_y}" font-size="11" fill="{_INK}">'
        f"{escape(text.articles)}</text>",
        "</svg>",
    ]
    span = len(month_range(slots[0].key, max(m.key for m in months)))
    clipped = len(month_range(min(m.key for m in months), slots[-1].key)) > span
    caption = text.caption(span if clipped else 0)
    return (
        f'<figure class="{figure_class}" data-search-exclude="">'
        + "".join(parts)
        + f"<figcaption>{escape(caption)}</figcaption></figure>"
    )
