"""What an article page quotes of the article when it does not reproduce it whole.

A public explainer quotes what it cites and sends readers to the original. So by
default an article page shows the passages the digest uses (the sentences its events
and quotes come from), marked, with as much of their paragraphs around them as fits in
a share of the article's words; the rest is left to the original. Editors who have the
rights to a corpus turn the full text on (the plugin's ``full_text`` option).

Pure functions of (article, facts): the page template renders what is chosen here.
"""

from __future__ import annotations

from dataclasses import dataclass

from generator.extract import ArticleFacts
from generator.ingest import Article

# At most this share of an article's words (its standfirst and body) is shown on its page
# by default: quotation for reference, not reproduction.
SHOWN_SHARE = 0.5

EVENT, QUOTE = "event", "quote"


@dataclass(frozen=True)
class Passage:
    """A stretch of one paragraph the digest uses: [start, end) and what it is used for."""

    start: int
    end: int
    kinds: frozenset[str]


@dataclass(frozen=True)
class Excerpt:
    """What the page shows of one paragraph: the whole of it with its passages marked, or
    its passages alone."""

    paragraph: int  # index among the article's paragraphs
    passages: tuple[Passage, ...]
    whole: bool


@dataclass(frozen=True)
class Quotation:
    """What the page shows of the article: its standfirst (maybe cut short) and excerpts."""

    standfirst: str
    excerpts: tuple[Excerpt, ...]
    shown_words: int
    total_words: int


def words(text: str) -> int:
    """Words as a reader counts them: runs of characters between spaces."""
    return len(text.split())


def passages(article: Article, facts: ArticleFacts) -> dict[int, list[Passage]]:
    """The sentences the digest uses, by paragraph, in order, overlapping ones merged."""
    paragraphs = article.paragraphs
    found: dict[int, list[tuple[int, int, str]]] = {}
    uses = [(e.paragraph, e.sentence, EVENT) for e in facts.events]
    uses += [(q.paragraph_index, q.sentence, QUOTE) for q in facts.quotes]
    for index, sentence, kind in uses:
        if not 0 <= index < len(paragraphs) or not sentence.strip():
            continue
        start = paragraphs[index].find(sentence.strip())
        if start >= 0:
            found.setdefault(index, []).append((start, start + len(sentence.strip()), kind))
    out: dict[int, list[Passage]] = {}
    for index in sorted(found):
        merged: list[Passage] = []
        for start, end, kind in sorted(found[index]):
            if merged and start <= merged[-1].end:
                last = merged.pop()
                start, end = last.start, max(end, last.end)
                kinds = last.kinds | {kind}
            else:
                kinds = frozenset({kind})
            merged.append(Passage(start, end, frozenset(kinds)))
        out[index] = merged
    return out


def _passage_words(paragraph: str, passage: Passage) -> int:
    return words(paragraph[passage.start : passage.end])


def quotation(article: Article, facts: ArticleFacts, share: float = SHOWN_SHARE) -> Quotation:
    """What the page shows: the standfirst, then every passage the digest uses (in article
    order, as many as fit in ``share`` of the article's words), then, paragraph by
    paragraph in article order, the whole paragraph around them when it still fits."""
    paragraphs = article.paragraphs
    standfirst = " ".join((article.summary or "").split())
    total = words(standfirst) + sum(words(p) for p in paragraphs)
    budget = int(total * share)
    if words(standfirst) > budget:  # cut short, its mark of omission counted as a word
        standfirst = " ".join(standfirst.split()[: budget - 1]) + " …" if budget > 1 else ""
    left = budget - words(standfirst)
    chosen: dict[int, list[Passage]] = {}
    for index, found in passages(article, facts).items():
        for passage in found:
            cost = _passage_words(paragraphs[index], passage)
            if cost <= left:
                chosen.setdefault(index, []).append(passage)
                left -= cost
    excerpts = []
    for index, kept in chosen.items():
        extra = words(paragraphs[index]) - sum(_passage_words(paragraphs[index], p) for p in kept)
        whole = extra <= left
        if whole:
            left -= extra
        excerpts.append(Excerpt(index, tuple(kept), whole))
    return Quotation(standfirst, tuple(excerpts), budget - left, total)


def excerpt_text(article: Article, excerpt: Excerpt) -> str:
    """An excerpt as plain text: the paragraph, or its passages joined by "…"."""
    text = article.paragraphs[excerpt.paragraph]
    if excerpt.whole:
        return text
    return " … ".join(text[p.start : p.end] for p in excerpt.passages)
