"""Throughput of find_mentions with a generated registry of 1,000 actors and 5,000 aliases.

Run by hand: ``python benchmarks/actors_speed.py [--mb 4]``. Names and filler text are
built from the same syllables, so the automaton meets many near-misses (prefixes of
aliases, aliases inside longer words), not just clean hits. Prints medians.
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from generator.extract.actors import (  # noqa: E402
    Actor,
    Registry,
    find_article_mentions,
    find_mentions,
)

SYLLABLES = [
    "ka", "ro", "mi", "tan", "el", "sa", "dor", "vi", "lu", "nar", "po", "qe", "shi",
    "ber", "al", "za", "ton", "ri", "mo", "gan", "de", "fa", "ul", "yo", "has", "ne",
]  # fmt: skip
KINDS = ["person", "country", "organisation", "armed group", "other"]
FILLER = [
    "the",
    "said",
    "on",
    "in",
    "of",
    "and",
    "a",
    "to",
    "was",
    "for",
    "that",
    "with",
    "as",
    "by",
    "talks",
    "officials",
    "after",
    "government",
    "minister",
    "week",
    "said,",
    "city",
    "forces,",
    "statement.",
    "Tuesday",
    "would",
    "not",
]


def word(rng: random.Random, low: int = 2, high: int = 3) -> str:
    return "".join(rng.choice(SYLLABLES) for _ in range(rng.randint(low, high)))


def build_registry(rng: random.Random, n_actors: int = 1000, n_aliases: int = 5000) -> Registry:
    used: set[str] = set()

    def fresh(make) -> str:
        while True:
            name = make()
            if name not in used:
                used.add(name)
                return name

    actors = {}
    per_actor = n_aliases // n_actors
    for i in range(n_actors):
        kind = KINDS[i % len(KINDS)]
        if kind == "person":
            name = fresh(lambda: f"{word(rng).title()} {word(rng).title()}")
        else:
            name = fresh(lambda: " ".join(word(rng).title() for _ in range(rng.randint(1, 3))))
        aliases = []
        for j in range(per_actor - 1):
            if j == 0 and kind != "person":
                aliases.append(fresh(lambda: word(rng, 2, 3).upper()[:5]))  # acronym
            else:
                aliases.append(
                    fresh(lambda: word(rng).title() + rng.choice(["", "i", "ian", " Group"]))
                )
        actors[f"actor-{i}"] = Actor(f"actor-{i}", name, kind, aliases=tuple(aliases))
    return Registry(actors)


def build_text(rng: random.Random, registry: Registry, size: int) -> list[str]:
    names = [n for actor in registry for n in actor.all_names]
    paragraphs, total = [], 0
    while total < size:
        words = []
        for _ in range(rng.randint(40, 90)):
            roll = rng.random()
            if roll < 0.06:
                words.append(rng.choice(names) + rng.choice(["", "", "'s", "-led", ","]))
            elif roll < 0.25:
                words.append(word(rng).title())  # capitalised near-miss
            elif roll < 0.35:
                words.append(word(rng, 1, 4))  # lower-case syllable soup
            else:
                words.append(rng.choice(FILLER))
        paragraph = " ".join(words)
        paragraphs.append(paragraph)
        total += len(paragraph.encode("utf-8"))
    return paragraphs


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mb", type=float, default=4.0, help="megabytes of text to scan")
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()

    rng = random.Random(20241119)
    registry = build_registry(rng)
    aliases = sum(len(a.all_names) for a in registry)
    started = time.perf_counter()
    matcher = registry.matcher
    build = time.perf_counter() - started
    paragraphs = build_text(rng, registry, int(args.mb * 1e6))
    size = sum(len(p.encode("utf-8")) for p in paragraphs)
    articles = [paragraphs[i : i + 12] for i in range(0, len(paragraphs), 12)]

    per_text, per_article, count = [], [], 0
    for _ in range(args.runs):
        started = time.perf_counter()
        count = sum(len(find_mentions(p, registry)) for p in paragraphs)
        per_text.append(time.perf_counter() - started)
        started = time.perf_counter()
        for article in articles:
            find_article_mentions(article, registry)
        per_article.append(time.perf_counter() - started)

    text_s, article_s = statistics.median(per_text), statistics.median(per_article)
    print(
        f"registry: {len(registry)} actors, {aliases} names and aliases, "
        f"{len(matcher.keys)} automaton keys, built in {build:.2f}s"
    )
    print(f"text: {size / 1e6:.1f} MB in {len(paragraphs)} paragraphs, {count} mentions")
    print(
        f"find_mentions per paragraph: {size / text_s / 1e6:.2f} MB/s, "
        f"{count / text_s:,.0f} mentions/s (median of {args.runs})"
    )
    print(
        f"find_article_mentions per article: {size / article_s / 1e6:.2f} MB/s (median of {args.runs})"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
