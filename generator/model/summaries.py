"""Summaries: the sentences that best say what happened, and a short headline.

A key date's summary (from the day's report sentences and the leads of that day's
articles) is the sentence whose words the most of the day's articles use, then one that
adds news; a merged event shows its most central report (TF-IDF vectors over the corpus's
dated sentences).
"""

from __future__ import annotations

import math
import re
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

from generator.extract.dates.patterns import MASTER
from generator.extract.events import event_text
from generator.text.sentences import stands_alone
from generator.text.words import content_words

# Sentences per key date's summary: the issue asks for a sentence or two.
SUMMARY_SENTENCES = 2
# A second sentence joins the summary only if its TF-IDF cosine with the first is at most
# this: it must add news. Chosen on timeline17-dev from 0.3/0.5/0.7; 0.3 won in every
# leave-one-story-out fold (AR1-F 0.145 held out; benchmarks/key_dates_loso.py).
REDUNDANT = 0.3
HEADLINE_WORDS = 12
# A key date's sentence is scored by the day's articles that use each of its words, summed
# over its distinct words and divided by (its words + SUPPORT_DAMPING): a long sentence
# says more of what the day's articles say, but each word it adds must be worth it (a
# reference timeline is read for its words' F-measure). On timeline17-dev, 20/40/60/100 and
# no division gave mean AR1-F per reference day 0.174/0.183/0.183/0.179/0.175 (TF-IDF
# centrality: 0.172); leave-one-story-out in docs/key-dates.md.
SUPPORT_DAMPING = 40


@dataclass(frozen=True)
class Candidate:
    sentence: str
    article: int
    actor_ids: tuple[str, ...]


def _vector(sentence: str, idf: dict[str, float]) -> dict[str, float]:
    counts = Counter(w for w in content_words(sentence) if w in idf)
    weights = {w: n * idf[w] for w, n in counts.items()}
    norm = math.sqrt(sum(v * v for v in weights.values())) or 1.0
    return {w: v / norm for w, v in weights.items()}


def _cosine(a: dict[str, float], b: dict[str, float]) -> float:
    if len(a) > len(b):
        a, b = b, a
    return sum(v * b.get(w, 0.0) for w, v in a.items())


def inverse_frequencies(sentences: Iterable[str]) -> dict[str, float]:
    df: Counter[str] = Counter()
    n = 0
    for sentence in sentences:
        n += 1
        df.update(set(content_words(sentence)))
    return {w: inverse_frequency(n, k) for w, k in df.items()}


def inverse_frequency(sentences: int, containing: int) -> float:
    """A word's IDF among ``sentences`` sentences, ``containing`` of which use it."""
    return math.log((1 + sentences) / (1 + containing)) + 1.0


def _mean(vectors: list[dict[str, float]]) -> dict[str, float]:
    centroid: dict[str, float] = defaultdict(float)
    for v in vectors:
        for w, x in v.items():
            centroid[w] += x / len(vectors)
    return centroid


def day_support(candidates: list[Candidate]) -> dict[str, float]:
    """Per word, the share of the day's articles whose candidate sentences use it: what
    the day's reports and leads agree on, each article one vote however much it says."""
    by_article: dict[int, set[str]] = defaultdict(set)
    for c in candidates:
        by_article[c.article].update(content_words(c.sentence))
    counts = Counter(w for words in by_article.values() for w in words)
    return {w: n / len(by_article) for w, n in counts.items()}


def supported(sentence: str, support: dict[str, float]) -> float:
    """How much of what the day's articles say a sentence says, per word it spends."""
    words = content_words(sentence)
    return sum(support.get(w, 0.0) for w in set(words)) / (len(words) + SUPPORT_DAMPING)


def choose_summary(
    reports: list[Candidate], leads: list[Candidate], idf: dict[str, float]
) -> list[Candidate]:
    """The best supported sentence that stands alone (naming an actor of the story if one
    does), then one that adds to it."""
    unique: dict[str, Candidate] = {}
    for c in [*reports, *leads]:
        unique.setdefault(c.sentence, c)
    pool = list(unique.values())
    if not pool:
        return []
    support = day_support([*reports, *leads])
    scores = [supported(c.sentence, support) for c in pool]
    vectors = [_vector(c.sentence, idf) for c in pool]
    alone = [stands_alone(c.sentence) for c in pool]
    # A sentence naming one of the story's actors first: on a busy day, articles about
    # other things lend their leads too (on timeline17-dev, mean AR1-F 0.142 -> 0.145).
    order = sorted(
        range(len(pool)),
        key=lambda i: (not alone[i], not pool[i].actor_ids, -round(scores[i], 12),
                       pool[i].article, pool[i].sentence),
    )  # fmt: skip
    chosen = [order[0]]
    for i in order[1:]:
        if len(chosen) == SUMMARY_SENTENCES or not alone[i]:
            break
        if all(_cosine(vectors[i], vectors[j]) <= REDUNDANT for j in chosen):
            chosen.append(i)
    return [pool[i] for i in chosen]


def most_central(sentences: list[str], idf: dict[str, float]) -> int:
    """The index of the sentence that best says what they all say: the most central one
    that stands alone (the first of equals)."""
    if len(sentences) < 2:
        return 0
    vectors = [_vector(s, idf) for s in sentences]
    centroid = _mean(vectors)
    return min(
        range(len(sentences)),
        key=lambda i: (not stands_alone(sentences[i]), -round(_cosine(vectors[i], centroid), 9), i),
    )


# Where a sentence's main clause ends: a semicolon, a dash, or a comma before a word that
# opens a subordinate clause (a comma alone often only opens an apposition: "the woman, 35,").
_CLAUSE = re.compile(
    r";\s|\s[–—-]\s|:\s|,\s(?=(?:which|who|whose|where|when|while|as|after|before|but|and|"
    r"meaning|saying|leaving|killing|forcing|despite|although|though|because|amid|following)\b)"
)
# Who said it, before what they said: "Officials told the paper on Sunday that ...".
_LEAD_ATTRIBUTION = re.compile(
    r"^(?:[\w’'.,-]+\s+){1,12}?(?:said|says|told(?:\s+[\w’'.-]+){1,5}?|reported)"
    r"(?:\s+on\s+\w+day)?\s+that\s+(?=[^\W\d_])"
)
# A short opening phrase before a comma ("On 11 June,", "Late on Tuesday,"), with the
# year a date may write after another comma ("On 8 February, 2010,").
_OPENING = re.compile(r"^((?:\S+\s+){0,4}?\S+),\s+(?:\d{4},\s+)?(?=\S)")
_QUOTED = re.compile(r"[\"“”]")


def headline(sentence: str) -> str:
    """A short line from a summary sentence: who-said-it and an opening date phrase trimmed
    (the date is shown beside it), cut at a clause or after HEADLINE_WORDS words."""
    text = event_text(sentence).rstrip(".!?")
    said = _LEAD_ATTRIBUTION.match(text)
    if said and len(text[said.end() :].split()) >= 5 and not _QUOTED.search(text[: said.end()]):
        rest = text[said.end() :]
        text = rest[0].upper() + rest[1:]
    opening = _OPENING.match(text)
    if opening and MASTER.search(opening.group(1)) and len(text[opening.end() :].split()) >= 4:
        rest = text[opening.end() :]
        text = rest[0].upper() + rest[1:]
    words = text.split()
    if len(words) <= HEADLINE_WORDS:
        return text
    window = " ".join(words[:HEADLINE_WORDS])
    cuts = [m.start() for m in _CLAUSE.finditer(window) if len(window[: m.start()].split()) >= 7]
    return window[: cuts[-1]] if cuts else window + "…"
