"""The same article scraped twice (exactly, or inside different boilerplate) becomes one."""

from __future__ import annotations

import re
import zlib
from collections import Counter, defaultdict

from generator.ingest.article import Article

_WORD = re.compile(r"\w+")
_SHINGLE = 5
_SAME = 0.8  # share of the shorter body's shingles found in the other
# Below this many shingles a body is too short to tell a copy from a near neighbour
# ("... the next round (A)." / "... (B)."): only identical bodies merge.
_NEAR_MIN = 50
_RANK = {"high": 2, "low": 1, "none": 0}


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

    Candidate pairs come from an inverted index on a sample of shingles, so a corpus of
    thousands of pages is not compared pair by pair.
    """
    sets = [shingles(_body(a)) for a in articles]
    index: dict[int, list[int]] = defaultdict(list)
    for i, s in enumerate(sets):
        for h in s:
            if h % 4 == 0:
                index[h].append(i)
    # A shingle found in a large share of the corpus is a stock phrase, not evidence of a
    # copy: following it would compare most pages with most others (quadratic).
    common = {h for h, posting in index.items() if len(posting) > 50 + len(articles) // 20}
    telling = [sum(1 for h in s if h % 4 == 0 and h not in common) for s in sets]
    parent = list(range(len(articles)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for i, s in enumerate(sets):
        if not s:
            continue
        shared: Counter[int] = Counter()
        for h in s:
            if h % 4 == 0 and h not in common:
                shared.update(j for j in index[h] if j > i)
        for j, count in shared.items():
            # A near copy shares at least _SAME of the shorter body's shingles, so about as
            # many of its sampled ones; half of that is a safe bar before the full comparison.
            if count < 0.5 * _SAME * min(telling[i], telling[j]):
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
