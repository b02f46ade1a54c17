"""Titles one outlet stamps on many different articles are furniture, not their titles.

A scraper that takes the title from a sidebar's headline ("2 men charged in ..."), a
banner ("You've selected the U.S. Edition.") or a notice gives the same title to many
different pages of one site. Shown as is, a quarter of a story's articles carry one
headline about something else. Such a title is the site's, not the article's: the
article is named by the first sentence of its opening paragraphs that is its own (not
opening others of the group too), and the group gets one warning.

This runs on the whole corpus after duplicates are merged, so every article left with a
shared title has a body of its own.
"""

from __future__ import annotations

import dataclasses
from collections import Counter, defaultdict

from generator.ingest.article import Article
from generator.text.sentences import split_sentences, summary

# Different articles of one outlet that share a title before it counts as furniture.
# Calibrated on timeline17-dev: furniture titles sit on 3-58 pages of a story; two
# articles of a running story rarely share a headline, three never did there.
SHARED_TITLE_MIN = 3
# Longest title made from a first sentence, in characters (whole words, then "…").
LEAD_TITLE_CHARS = 110
# Where the new title is looked for, and the shortest sentence that can name an article.
LEAD_PARAGRAPHS = 3
LEAD_MIN_WORDS = 5


def retitle_shared(articles: list[Article]) -> list[Article]:
    """``articles`` with titles shared by different articles of one outlet replaced."""
    groups: dict[tuple[str, str], list[int]] = defaultdict(list)
    for i, article in enumerate(articles):
        key = _title_key(article.title)
        if key:
            groups[((article.outlet or "").casefold(), key)].append(i)
    out = list(articles)
    for members in groups.values():
        if len(members) < SHARED_TITLE_MIN:
            continue
        leads = {i: _leads(articles[i]) for i in members}
        # A sentence that opens several of them is the site's too ("Watch ... at 8 p.m.").
        seen = Counter(sentence for i in members for sentence in set(leads[i]))
        for i in members:
            own = [sentence for sentence in leads[i] if seen[sentence] == 1]
            if own:
                out[i] = dataclasses.replace(articles[i], title=summary(own[0], LEAD_TITLE_CHARS))
        # One line for the whole group, on its first file: the same fix 50 times is noise.
        first = min(members, key=lambda i: articles[i].source)
        others = sorted(articles[i].source for i in members if i != first)
        named = ", ".join(others[:3]) + (f" and {len(others) - 3} more" if len(others) > 3 else "")
        warning = (
            f"{articles[first].source}: title {articles[first].title[:60]!r} shared with "
            f"{len(others)} other articles of its outlet ({named}): each named by its "
            "own first sentence"
        )
        out[first] = dataclasses.replace(out[first], warnings=[*out[first].warnings, warning])
    return out


def _title_key(title: str) -> str:
    return " ".join(title.split()).casefold()


def _leads(article: Article) -> list[str]:
    """The sentences of the article's first paragraphs, long enough to name it."""
    out = []
    for paragraph in article.paragraphs[:LEAD_PARAGRAPHS]:
        for _, sentence in split_sentences(" ".join(paragraph.split())):
            if len(sentence.split()) >= LEAD_MIN_WORDS:
                out.append(sentence.strip())
    return out
