"""Events found per article in a corpus (default: the shipped sample), and how they merge.

    python benchmarks/events_sample.py [--corpus content/raw] [--registry content/actors.yml] [-v]
"""

from __future__ import annotations

import argparse
import statistics
from pathlib import Path

from generator.extract import extract
from generator.extract.actors import load_registry
from generator.ingest.corpus import read_corpus
from generator.model import build_digest

ROOT = Path(__file__).resolve().parent.parent


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=ROOT / "content/raw")
    parser.add_argument("--registry", type=Path, default=ROOT / "content/actors.yml")
    parser.add_argument("-v", "--verbose", action="store_true", help="print every event")
    args = parser.parse_args()
    registry = load_registry(args.registry)
    corpus = read_corpus(args.corpus)
    facts = [extract(article, registry) for article in corpus.articles]
    digest = build_digest(corpus.articles, facts, registry, "events", "")
    per_article = [len(f.events) for f in facts]
    print(f"articles: {len(facts)}  dated-sentence events: {sum(per_article)}")
    print(f"events per article: mean {statistics.mean(per_article or [0]):.1f}, "
          f"median {statistics.median(per_article or [0])}, max {max(per_article or [0])}")
    merged = [e for e in digest.events if len(e.sources) > 1]
    print(f"chronology entries after merging: {len(digest.events)} "
          f"({len(merged)} reported by more than one article, "
          f"{sum(e.background for e in digest.events)} background references)")
    if args.verbose:
        for entry in digest.articles:
            print(f"\n{entry.article.source}: {entry.title}")
            for mention in entry.facts.events:
                flag = " [background]" if mention.background else ""
                print(f"  {mention.value:<10} {mention.modifier or '':<5} {mention.text[:100]}{flag}")


if __name__ == "__main__":
    main()
