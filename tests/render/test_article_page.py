"""Article pages quote what the digest uses and send readers to the original: at most
half of an article's words by default, the whole text only when the editor opts in; an
unknown outlet or address said plainly; the search index gives no withheld text back."""

from __future__ import annotations

import re
from datetime import datetime

import markdown
import pytest
from bs4 import BeautifulSoup
from mkdocs.utils.meta import get_data

from generator.extract import extract
from generator.extract.actors import parse_registry
from generator.ingest import Article, Block
from generator.model import Digest, build_digest
from generator.render import Renderer, render_site
from generator.render.excerpts import SHOWN_SHARE, passages, quotation, words
from generator.render.search import article_search_entry

EXTENSIONS = ["attr_list", "md_in_html", "admonition", "tables", "toc"]

REGISTRY = """
actors:
  - id: lumen
    name: Lumen Republic
    kind: country
    description: A small republic on a river delta.
    aliases: [Lumen]
  - id: ferro
    name: Ferro League
    kind: organisation
    description: A trade league of river towns.
  - id: osk
    name: Osk Harbour Board
    kind: organisation
    description: Keepers of the harbour at Osk.
"""

PARAGRAPHS = [
    "Barges waited for a third week at the mouth of the delta, their crews idle.",
    "The Lumen Republic closed the locks on March 3, 2024 after a quarrel over tolls.",
    "Nobody on the quays could remember a winter this quiet, a pilot told this paper, "
    "pointing at the empty moorings and the gulls that had taken them over.",
    "Grain prices in the river towns rose by a fifth within days of the closure.",
    "“We will open the locks when the tolls are fair,” the Ferro League said on Monday.",
    "Fishing boats were the only craft still moving on the water, slipping between the "
    "moored barges at dawn and coming back before the fog lifted in the afternoon.",
    "A ferry company said it would sell two of its boats before the summer season.",
]


def delta_article(**changes) -> Article:
    fields = dict(
        title="Locks stay shut on the delta",
        blocks=[Block("paragraph", text) for text in PARAGRAPHS],
        published=datetime(2024, 3, 20),
        date_confidence="high",
        outlet="Delta Post",
        url="https://delta.example/locks",
        summary="Three weeks on, the river trade waits.",
        captions=["The Osk Harbour Board office, closed."],
        source="017_delta.txt",
    )
    fields.update(changes)
    return Article(**fields)


def digest_of(article: Article) -> Digest:
    registry = parse_registry(REGISTRY)
    return build_digest([article], [extract(article, registry)], registry, "Delta", "# Delta")


def article_page(digest: Digest, full_text: bool = False) -> BeautifulSoup:
    (page,) = [
        p
        for p in render_site(digest, Renderer(full_text=full_text))
        if p.path.startswith("articles/") and p.path != "articles/index.md"
    ]
    body, _ = get_data(page.content)
    return BeautifulSoup(markdown.markdown(body, extensions=EXTENSIONS), "html.parser")


def article_words(soup: BeautifulSoup) -> str:
    """What the page shows of the article itself: standfirst and quoted or full text."""
    parts = soup.select(".digest-summary, .digest-excerpts p:not(.digest-omitted)")
    parts = parts or soup.select(".digest-summary")
    body = [p for p in soup.find_all("p") if not p.find_parent("div")]
    return " ".join(p.get_text(" ") for p in [*parts, *body])


@pytest.fixture(scope="module")
def delta() -> Digest:
    return digest_of(delta_article())


def test_the_digest_uses_an_event_and_a_quote_of_the_article(delta: Digest) -> None:
    (entry,) = delta.articles
    found = passages(entry.article, entry.facts)
    kinds = {kind for passage_list in found.values() for p in passage_list for kind in p.kinds}
    assert kinds == {"event", "quote"}


def test_by_default_the_page_shows_at_most_half_of_the_words(delta: Digest) -> None:
    soup = article_page(delta)
    (entry,) = delta.articles
    total = words(entry.article.summary) + sum(words(p) for p in PARAGRAPHS)
    shown = soup.select_one(".digest-excerpts").get_text(" ") + soup.select_one(
        ".digest-summary"
    ).get_text(" ")
    assert 0 < words(shown.replace("[…]", "").replace("…", "")) <= total * SHOWN_SHARE
    text = soup.get_text(" ")
    assert PARAGRAPHS[5][:40] not in text and PARAGRAPHS[0] not in text  # left unused


def test_the_passages_used_are_marked_in_their_paragraph(delta: Digest) -> None:
    soup = article_page(delta)
    marks = {m.get_text(" ").strip(): m["class"] for m in soup.select(".digest-excerpts mark")}
    event = next(t for t in marks if "closed the locks" in t)
    quote = next(t for t in marks if "We will open the locks" in t)
    assert "digest-event" in marks[event] and "digest-quote" in marks[quote]
    # Actors are linked inside the passages, as in the whole text.
    assert soup.select_one(".digest-excerpts a[href$='actors/lumen/']") is not None


def test_a_long_article_shows_the_passages_alone_within_the_share() -> None:
    filler = " ".join(["The water rose and fell with the tide along the quays."] * 12)
    article = delta_article(
        blocks=[
            Block("paragraph", f"{filler} The Lumen Republic closed the locks on March 3, 2024."),
            Block("paragraph", filler),
        ],
        summary=None,
    )
    (entry,) = digest_of(article).articles
    quoted = quotation(entry.article, entry.facts)
    (excerpt,) = quoted.excerpts
    assert not excerpt.whole  # the paragraph around the passage is over the share
    assert quoted.shown_words <= quoted.total_words * SHOWN_SHARE
    soup = article_page(digest_of(article))
    assert soup.select_one(".digest-excerpts p").get_text().startswith("… ")


def test_the_full_text_option_reproduces_the_article(delta: Digest) -> None:
    soup = article_page(delta, full_text=True)
    text = soup.get_text(" ")
    assert all(paragraph[:50] in text for paragraph in PARAGRAPHS)
    assert soup.select_one(".digest-excerpts") is None
    assert "journalism belongs to Delta Post" in text


def test_the_original_is_linked_prominently(delta: Digest) -> None:
    soup = article_page(delta)
    button = soup.select_one("a.md-button[href='https://delta.example/locks']")
    assert button is not None and "Delta Post" in button.get_text()


def test_an_unknown_outlet_and_address_are_said_plainly() -> None:
    soup = article_page(digest_of(delta_article(outlet=None, url=None)))
    text = soup.get_text(" ")
    assert "Unknown outlet" not in text and "belongs to" not in text
    assert "017_delta" not in text  # the corpus file is no source to cite
    assert re.search(r"outlet[^.]*not known", text)
    assert re.search(r"address[^.]*(not known|does not have)", text)
    assert soup.select_one("a.md-button") is None


def test_lists_and_feeds_credit_no_unknown_outlet_and_say_undated_in_words() -> None:
    digest = digest_of(delta_article(outlet=None, published=None, date_confidence="none"))
    pages = {p.path: p.content for p in render_site(digest, Renderer())}
    everything = "\n".join(pages.values())
    assert "Unknown outlet" not in everything
    assert "source: )" not in everything and "sources: )" not in everything
    assert "()" not in pages["sources/index.md"]
    assert "Outlet not known" in pages["sources/index.md"]
    listing = BeautifulSoup(pages["articles/index.md"], "html.parser")
    (item,) = listing.select("ul.digest-articles li")
    assert item.get_text(" ").startswith("Undated:") and item.select_one("small") is None


def test_actors_named_only_in_a_caption_are_not_listed(delta: Digest) -> None:
    (entry,) = delta.articles
    assert "osk" in {m.actor_id for c in entry.facts.caption_mentions for m in c}
    meta = article_page(delta).select_one(".digest-meta")
    assert "Lumen Republic" in meta.get_text() and "Osk" not in meta.get_text()


def _text(name: str, *args) -> str:
    return Renderer().text(name, *args)


def test_the_search_entry_of_a_withheld_article_does_not_give_its_text_back(
    delta: Digest,
) -> None:
    (entry,) = delta.articles
    withheld = article_search_entry(entry, _text).body.split()
    assert withheld == sorted(withheld)
    assert {"gulls", "moorings", "ferry", "fishing"} <= set(withheld)  # still searchable
    shown = article_search_entry(entry, _text).text
    assert PARAGRAPHS[5][:30] not in shown
    whole = article_search_entry(entry, _text, full_text=True).body.split()
    assert whole != sorted(whole)  # with the rights, the words keep their order
