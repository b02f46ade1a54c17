"""Mention precision and recall on the hand-annotated set in benchmarks/data/actors/.

Run by hand: ``python benchmarks/actors_eval.py [-v]``. A found mention counts as
correct when the same paragraph has an expected mention with the same surface text
and actor id (multiset match); everything else found is a false positive and every
expected mention not found is a false negative.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from collections import Counter
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from generator.extract.actors import find_article_mentions, load_registry  # noqa: E402

DATA = ROOT / "benchmarks" / "data" / "actors"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-v", "--verbose", action="store_true", help="list every error")
    args = parser.parse_args()

    registry = load_registry(DATA / "registry.yml")
    articles = yaml.safe_load((DATA / "annotated.yml").read_text(encoding="utf-8"))["articles"]

    tp = fp = fn = 0
    errors: list[str] = []
    for article in articles:
        paragraphs = [p["text"] for p in article["paragraphs"]]
        found = find_article_mentions(paragraphs, registry)
        for para, mentions in zip(article["paragraphs"], found, strict=True):
            expected = Counter((s, a) for s, a in para["mentions"])
            got = Counter((m.text, m.actor_id) for m in mentions)
            hit = expected & got
            tp += sum(hit.values())
            for item, n in (got - hit).items():
                fp += n
                errors.append(
                    f"FP {article['id']}: {item[0]!r} -> {item[1]}  | {para['text'][:70]}"
                )
            for item, n in (expected - hit).items():
                fn += n
                errors.append(
                    f"FN {article['id']}: {item[0]!r} -> {item[1]}  | {para['text'][:70]}"
                )

    precision = tp / (tp + fp) if tp + fp else 1.0
    recall = tp / (tp + fn) if tp + fn else 1.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0

    texts = [[p["text"] for p in a["paragraphs"]] for a in articles]
    chars = sum(len(t) for paragraphs in texts for t in paragraphs)
    runs = []
    for _ in range(7):
        started = time.perf_counter()
        for _ in range(20):
            count = sum(
                len(ms)
                for paragraphs in texts
                for ms in find_article_mentions(paragraphs, registry)
            )
        runs.append((time.perf_counter() - started) / 20)
    median = statistics.median(runs)

    paragraphs_n = sum(len(t) for t in texts)
    print(
        f"annotated set: {len(articles)} articles, {paragraphs_n} paragraphs, {tp + fn} expected mentions"
    )
    print(
        f"precision {precision:.3f}  recall {recall:.3f}  F1 {f1:.3f}  (TP {tp}, FP {fp}, FN {fn})"
    )
    print(
        f"speed on this set: {count / median:,.0f} mentions/s, {chars / median / 1e6:.2f} MB/s (median of 7)"
    )
    if args.verbose or errors:
        print("\n".join(sorted(errors)) if args.verbose else f"{len(errors)} errors (-v to list)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
