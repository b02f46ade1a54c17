"""The key dates in TimelineJS3's JSON format (``timeline.json`` at the site's root), so a
newsroom can embed the story's timeline on another page."""

from __future__ import annotations

import html

from generator.model.key_dates import KeySource, Timeline
from generator.render.urls import docs_url

# Where the file is written, under the site root.
TIMELINE_JSON = "timeline.json"


def timelinejs(
    found: Timeline, site_url: str | None = None, directory_urls: bool = True
) -> dict:
    """The key dates in TimelineJS3's JSON format, for a newsroom to embed.

    TimelineJS shows ``text`` fields as HTML, so every piece of article text is escaped;
    links go to the site's article pages (absolute when ``site_url`` is known, as an embed
    on another site needs; else relative to the file, which lies at the site's root) and
    to the original only when it is an http(s) URL.
    """
    base = (site_url or "").rstrip("/") + "/" if site_url else ""
    base_urls = (base, directory_urls)
    events = []
    for item in sorted(found.dates, key=lambda d: (d.date, d.rank)):
        parts = item.date.split("-")
        start = {"year": parts[0], "month": str(int(parts[1]))}
        if len(parts) == 3:
            start["day"] = str(int(parts[2]))
        paragraphs = "".join(f"<p>{html.escape(s)}</p>" for s in item.summary)
        links = ", ".join(_source_link(s, *base_urls) for s in item.sources)
        events.append(
            {
                "unique_id": f"key-date-{item.date}",
                "start_date": start,
                "text": {
                    "headline": html.escape(item.headline),
                    "text": paragraphs + (f"<p>Sources: {links}</p>" if links else ""),
                },
            }
        )
    span = f"{found.span.start} to {found.span.end}" if found.span else ""
    return {
        "title": {"text": {"headline": html.escape(found.title), "text": html.escape(span)}},
        "events": events,
    }


def _source_link(source: KeySource, base: str, directory_urls: bool) -> str:
    label = html.escape(f"{source.outlet}: {source.title}" if source.outlet else source.title)
    href = html.escape(base + docs_url(f"articles/{source.slug}.md", directory_urls))
    original = source.url or ""
    link = f'<a href="{href}">{label}</a>'
    if original.lower().startswith(("http://", "https://")) and not any(
        c.isspace() or c in "\"'<>" for c in original
    ):
        link += f' (<a href="{html.escape(original)}">original</a>)'
    return link
