"""Ingest, HTML body (issue 15, round three): what a reader does not see, what a reader
calls the article. Small pages written for these tests."""

from __future__ import annotations

from generator.ingest import read_page

_LEAD = (
    "The ferry between the two islands will run twice a day again from Monday, the harbour "
    "office said, after a month in which storms kept the boat in port on most days."
)
_SECOND = (
    "Islanders had crossed on fishing boats in the meantime, and the school on the smaller "
    "island taught its pupils from the village hall until the teachers could come back."
)
_HIDDEN = (
    "Thank you for subscribing to our morning letter, you will receive the first one "
    "tomorrow at seven, and you can change your choice at any time from your account page."
)


def _page(body: str) -> str:
    return (
        "<!DOCTYPE html><html><head><meta charset='utf-8'><title>Ferry runs again</title>"
        f"</head><body><h1>Ferry runs again</h1>{body}</body></html>"
    )


def test_text_the_page_hides_is_not_read_into_a_short_article():
    # A short article (read with the extractor's full cascade) beside a dialog, a player's
    # notice and a block hidden by its style: none of their text is the article's.
    for hidden in (
        f'<div role="dialog" aria-hidden="true"><p>{_HIDDEN}</p></div>',
        f'<p style="display: none">{_HIDDEN}</p>',
        f'<div hidden><p>{_HIDDEN}</p></div>',
        f'<section style="visibility:hidden"><p>{_HIDDEN}</p></section>',
    ):
        article = read_page(_page(f"<p>{_LEAD}</p>{hidden}<p>{_SECOND}</p>"), "ferry.html")
        assert article.paragraphs == [_LEAD, _SECOND], hidden
