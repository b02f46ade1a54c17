"""Search entries for generated pages, lean enough for 10,000 articles.

Material's search plugin indexes a page by parsing its HTML: every list and repeated
block, and the whole text of each article. At 10,000 articles that index is about 52 MB,
more than a browser loads in reasonable time. The plugin instead keeps generated pages
out of Material's parse and adds one entry per page, made here from the model:

- ``title``: the page title (an actor's name, "November 2024", an article's title);
- ``text``: what the result list shows, short (the lede, an actor's description);
- ``body``: every distinct word of the page's text, once each, lowercased, without the
  stop words lunr drops anyway. It is an extra lunr field, searched but not shown, so
  "articles by words of their body" holds for the whole body at a fraction of its size.

Repeated words and word order are what the bag gives up: lunr ranks by term frequency,
so a word said ten times counts as once; phrase search is not something lunr does.
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from generator.model import ActorEntry, ArticleEntry, Month
from generator.render.excerpts import excerpt_text, quotation
from generator.text.words import STOPWORDS

Text = Callable[..., str]  # wording from the ``_strings`` template: text(macro name, *args)
# The lunr field the bag of words goes to (added to Material's search config).
BODY_FIELD = "body"
# The lunr field an actor's name and every alias go to, weighed as Material weighs titles
# (1e3): with the actor pages' boost, "Doha" puts the Qatar page above an article that has
# the word in its title (one title match at 1e3 against an alias match at 1e3 times 4).
# The names are cut into words as Material's index cuts a query (its default separator),
# punctuation kept ("U.S." must stay "u.s." to match what a reader types).
NAMES_FIELD = "names"
_SEPARATOR = re.compile(r"[\s\-]+")
NAMES_BOOST = 1e3
# An actor page's boost: above months (3) and articles (1), and up to one more for how
# central the actor is, so that of two actors sharing a word ("Hamas", "Hamas political
# bureau") the more central comes first.
ACTOR_BOOST = 4.0
PREVIEW_CHARS = 200
_WORD = re.compile(r"\w+(?:['’.]\w+)*")


@dataclass(frozen=True)
class SearchEntry:
    """What a generated page contributes to the search index; text is plain, unescaped."""

    title: str
    text: str
    body: str = ""
    boost: float | None = None
    # An actor's name and aliases (a lunr field of their own, weighed like titles).
    names: str = ""
    # What kind of page it is ("Actor"): shown under the result, as Material shows tags.
    kind: str = ""

    def as_index_doc(self, location: str) -> dict[str, Any]:
        """The entry as Material's ``search_index.json`` holds it (``text`` is HTML there)."""
        doc: dict[str, Any] = {
            "location": location,
            "title": html.escape(self.title, quote=False),
            "text": html.escape(self.text, quote=False),
        }
        if self.body:
            doc[BODY_FIELD] = self.body
        if self.names:
            doc[NAMES_FIELD] = html.escape(self.names, quote=False)
        if self.kind:
            doc["tags"] = [self.kind]
        if self.boost is not None:
            doc["boost"] = self.boost
        return doc


def word_bag(*texts: str, besides: str = "", ordered: bool = True) -> str:
    """The distinct words of ``texts`` in order of first use (``ordered``) or in
    alphabetical order, lowercased, stop words out; words of ``besides`` (what the entry's
    other fields hold, searched already) left out."""
    known = set(_WORD.findall(besides.lower()))
    # dict.fromkeys keeps first use order; texts are joined by a space, which no word spans.
    words = dict.fromkeys(_WORD.findall(" ".join(texts).lower()))
    kept = [w for w in words if w not in STOPWORDS and w not in known]
    return " ".join(kept if ordered else sorted(kept))


def name_words(*names: str) -> str:
    """The distinct words of an actor's names as the index will cut them, each once (lunr
    counts repeats: "Hamas political bureau, Hamas's political office…" must not outweigh
    "Hamas" for the query "hamas"), a possessive left out when its name is there already
    ("hamas's" would match "hamas*" a second time)."""
    words = dict.fromkeys(w for name in names for w in _SEPARATOR.split(name.lower()) if w)
    return " ".join(w for w in words if not (w[-2:] in ("'s", "’s") and w[:-2] in words))


def preview(text: str, limit: int = PREVIEW_CHARS) -> str:
    """The start of ``text``, cut at a word, for the result list."""
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    cut = text[:limit]
    return (cut[: cut.rfind(" ")] if " " in cut else cut) + " …"


def article_search_entry(entry: ArticleEntry, text: Text, full_text: bool = False) -> SearchEntry:
    """Without ``full_text`` the page quotes only some of the article, so the entry shows
    what the page shows (its standfirst or first quoted passage) and holds the article's
    words in alphabetical order: every word still finds the article, but the withheld
    text cannot be read back from the index."""
    article = entry.article
    blocks = [block.text for block in article.blocks]
    if full_text:
        lede = article.summary or next(iter(article.paragraphs), "")
    else:
        quoted = quotation(article, entry.facts)
        first = next(iter(quoted.excerpts), None)
        lede = quoted.standfirst or (excerpt_text(article, first) if first else "")
    shown = text("article_search_text", entry.date, article.outlet or "", preview(lede))
    meta = " ".join(filter(None, [article.outlet, article.author]))
    return SearchEntry(
        title=article.title,
        text=shown,
        body=word_bag(
            article.summary or "",
            *blocks,
            meta,
            besides=f"{article.title} {shown}",
            ordered=full_text,
        ),
        kind=text("search_kind", "article"),
    )


def actor_search_entry(actor: ActorEntry, text: Text, centrality: float = 0.0) -> SearchEntry:
    """``centrality``: how central the actor is, 0..1 (``model.ranking.prominence``)."""
    a = actor.actor
    names = ", ".join(a.aliases)
    shown = " ".join(
        filter(None, [a.description, text("also_written_as", names) if names else "", a.role])
    )
    return SearchEntry(
        title=a.name,
        text=preview(shown or a.kind),
        body=word_bag(a.kind, a.role or "", *(r.title for r in a.roles), besides=a.name),
        boost=round(ACTOR_BOOST + centrality, 3),
        names=name_words(a.name, *a.aliases),
        kind=text("search_kind", "actor", a.kind),
    )


def month_search_entry(month: Month, text: Text, boost: float = 3) -> SearchEntry:
    shown = text("month_search_text", month.name, len(month.events), len(month.articles))
    return SearchEntry(title=month.name, text=shown, boost=boost, kind=text("search_kind", "month"))
