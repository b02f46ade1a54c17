"""The same article scraped twice (exactly, or inside different boilerplate) becomes one."""

from __future__ import annotations

import dataclasses
import re
import zlib
from array import array
from collections import Counter, defaultdict
from itertools import chain

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


# Word -> its CRC-32, shared by every page a process reads (bounded: see _word_ids).
_WORD_IDS: dict[str, int] = {}
_WORD_IDS_MAX = 500_000


def _word_ids(words: list[str]) -> list[int]:
    if len(_WORD_IDS) > _WORD_IDS_MAX:
        _WORD_IDS.clear()
    known = _WORD_IDS.get
    ids = []
    for word in words:
        found = known(word)
        if found is None:
            found = _WORD_IDS[word] = zlib.crc32(word.encode("utf-8", "surrogatepass"))
        ids.append(found)
    return ids


def shingles(text: str, size: int = _SHINGLE) -> set[int]:
    """Hashes of every run of ``size`` words: the same in every process and on every run
    (a tuple of ints hashes without Python's per-process string salt)."""
    words = _WORD.findall(text.lower())
    if len(words) < size:
        return {zlib.crc32(" ".join(words).encode("utf-8", "surrogatepass"))} if words else set()
    ids = _word_ids(words)
    return set(map(hash, zip(*(ids[i:] for i in range(size)), strict=False)))


def article_shingles(article: Article) -> array[int]:
    """What ``merge_duplicates`` compares; pure, so worker processes can compute it.

    Packed (8 bytes a shingle, not ~80 as a set of ints): a corpus's worth is held at once.
    """
    return array("q", shingles(" ".join(b.text for b in article.blocks)))


def merge_duplicates(
    articles: list[Article], known: list[array[int] | None] | None = None
) -> list[Article]:
    """Merge articles whose bodies are (nearly) the same; the best-dated copy stands for all.

    Candidate pairs come from an inverted index on a sample of shingles, each page probing
    only its rarest ones, so a corpus of thousands of pages is not compared pair by pair.
    ``known`` holds shingles already computed (by ``article_shingles``), None where not.
    """
    if known is None:
        known = [None] * len(articles)
    packed = [
        s if s is not None else article_shingles(a) for s, a in zip(known, articles, strict=True)
    ]
    sampled = [{h for h in s if not h & 3} for s in packed]
    # Whole shingle sets of the pages that get compared (few, in a real corpus).
    sets: dict[int, set[int]] = {}

    def shingle_set(i: int) -> set[int]:
        found = sets.get(i)
        if found is None:
            found = sets[i] = set(packed[i])
        return found

    counts = Counter(chain.from_iterable(sampled))
    # A shingle found in a large share of the corpus is a stock phrase, not evidence of a
    # copy: following it would compare most pages with most others (quadratic).
    limit = 50 + len(articles) // 20
    shared = {h for h, n in counts.items() if n > 1}
    telling = {h for h in shared if counts[h] <= limit}
    index: dict[int, list[int]] = defaultdict(list)
    for i, hashes in enumerate(sampled):
        for h in telling.intersection(hashes):
            index[h].append(i)
    parent = list(range(len(articles)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for i in range(len(articles)):
        # A near copy holds at least _SAME of this body's shingles, so nearly all of its
        # rarest sampled ones: pages sharing one of those are the only candidates, and the
        # full comparison decides. Each page looks at a few short posting lists. The rarest
        # are the page's own (found in no other page, so leading nowhere): a page with
        # _PROBES of them, as most pages have, has no candidates at all.
        alone = len(sampled[i]) - len(shared.intersection(sampled[i]))
        if not packed[i] or alone >= _PROBES:
            continue
        probes = sorted(telling.intersection(sampled[i]), key=lambda h: (counts[h], h))
        candidates = {j for h in probes[: _PROBES - alone] for j in index[h] if j != i}
        for j in sorted(candidates):
            if find(i) == find(j):
                continue
            s, t = shingle_set(i), shingle_set(j)
            small, large = (s, t) if len(s) <= len(t) else (t, s)
            if s == t or (len(small) >= _NEAR_MIN and len(small & large) >= _SAME * len(small)):
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
                -len(packed[i]),
                articles[i].source,
            ),
        )
        keep = articles[ranked[0]]
        names = set(keep.duplicates)
        filled: dict[str, str] = {}  # what the copies know that the kept one does not
        for i in ranked[1:]:
            other = articles[i]
            names.update([other.source, *other.duplicates])
            for key in ("outlet", "author", "url", "summary"):
                if not (filled.get(key) or getattr(keep, key)) and getattr(other, key):
                    filled[key] = getattr(other, key)
        duplicates = sorted(names - {keep.source})
        if filled or duplicates != keep.duplicates:
            keep = dataclasses.replace(keep, duplicates=duplicates, **filled)
        out.append((min(members), keep))
    return [a for _, a in sorted(out, key=lambda t: t[0])]
