"""The same article scraped twice (exactly, or inside different boilerplate) becomes one."""

from __future__ import annotations

import re
import zlib
from collections import defaultdict

from generator.ingest.article import Article

_WORD = re.compile(r"\w+")
_SHINGLE = 5
_SAME = 0.8  # share of the shorter body's shingles found in the other
# Below this many shingles a body is too short to tell a copy from a near neighbour
# ("... the next round (A)." / "... (B)."): only identical bodies merge.
_NEAR_MIN = 50
_RANK = {"high": 2, "low": 1, "none": 0}
# How many of a page's rarest sampled shingles are looked up to find its near copies.
_PROBES = 16


def shingles(text: str, size: int = _SHINGLE) -> set[int]:
    words = _WORD.findall(text.lower())
    if len(words) < size:
        return {zlib.crc32(" ".join(words).encode())} if words else set()
    return {
        zlib.crc32(" ".join(words[i : i + size]).encode()) for i in range(len(words) - size + 1)
    }


def _body(article: Article) -> str:
    return " ".join(b.text for b in article.blocks)


def merge_duplicates(articles: list[Article]) -> list[Article]:
    """Merge articles whose bodies are (nearly) the same; the best-dated copy stands for all.

    Candidate pairs come from an inverted index on a sample of shingles, each page probing
    only its rarest ones, so a corpus of thousands of pages is not compared pair by pair.
    """
    sets = [shingles(_body(a)) for a in articles]
    sampled = [[h for h in s if h % 4 == 0] for s in sets]
    index: dict[int, list[int]] = defaultdict(list)
    for i, hashes in enumerate(sampled):
        for h in hashes:
            index[h].append(i)
    # A shingle found in a large share of the corpus is a stock phrase, not evidence of a
    # copy: following it would compare most pages with most others (quadratic).
    limit = 50 + len(articles) // 20
    parent = list(range(len(articles)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for i, s in enumerate(sets):
        if not s:
            continue
        # A near copy holds at least _SAME of this body's shingles, so nearly all of its
        # rarest sampled ones: pages sharing one of those are the only candidates, and the
        # full comparison decides. Each page looks at a few short posting lists.
        telling = sorted(
            (h for h in sampled[i] if len(index[h]) <= limit), key=lambda h: (len(index[h]), h)
        )
        candidates = {j for h in telling[:_PROBES] for j in index[h] if j != i}
        for j in sorted(candidates):
            if find(i) == find(j):
                continue
            small, large = (s, sets[j]) if len(s) <= len(sets[j]) else (sets[j], s)
            if s == sets[j] or (
                len(small) >= _NEAR_MIN and len(small & large) >= _SAME * len(small)
            ):
                parent[find(j)] = find(i)

    groups: dict[int, list[int]] = defaultdict(list)
    for i in range(len(articles)):
        groups[find(i)].append(i)
    out = []
    for members in groups.values():
        ranked = sorted(
            members,
            key=lambda i: (
                -_RANK[articles[i].date_confidence],
                -len(sets[i]),
                articles[i].source,
            ),
        )
        keep = articles[ranked[0]]
        names = set(keep.duplicates)
        for i in ranked[1:]:
            other = articles[i]
            names.update([other.source, *other.duplicates])
            for key in ("outlet", "author", "url", "summary"):
                if not getattr(keep, key) and getattr(other, key):
                    setattr(keep, key, getattr(other, key))
        keep.duplicates = sorted(names - {keep.source})
        out.append((min(members), keep))
    return [a for _, a in sorted(out, key=lambda t: t[0])]
