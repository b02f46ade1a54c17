"""Median milliseconds of find_date_mentions on a ~600-word article, next to dateparser.search_dates.

Usage: python benchmarks/dates_speed.py [path/to/article.txt]

Without a path the article is the annotated development sentences joined in order
until 600 words: denser in dates than most news (about one per sentence), so the
figure errs on the slow side.
"""

from __future__ import annotations

import statistics
import sys
import time
import warnings
from datetime import date, datetime
from pathlib import Path

import yaml

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from generator.extract.dates import find_date_mentions  # noqa: E402

PUB = date(2024, 11, 19)


def article(words: int = 600) -> str:
    items = yaml.safe_load((Path(__file__).parent / "data/dates/dev.yaml").read_text("utf-8"))
    out: list[str] = []
    for item in items:
        out.append(item["text"])
        if sum(len(t.split()) for t in out) >= words:
            break
    return " ".join(out)


def median_ms(fn, runs: int) -> float:
    """CPU time, not wall time: the figure should not depend on what else the machine runs."""
    fn()  # warm up: compiled patterns, dateparser's language data
    times = []
    for _ in range(runs):
        t0 = time.process_time()
        fn()
        times.append((time.process_time() - t0) * 1000)
    return statistics.median(times)


def main(argv: list[str]) -> None:
    text = Path(argv[0]).read_text("utf-8") if argv else article()
    from dateparser.search import search_dates

    base = {"RELATIVE_BASE": datetime(PUB.year, PUB.month, PUB.day)}

    def baseline():
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            return search_dates(text, languages=["en"], settings=base)

    ours = median_ms(lambda: find_date_mentions(text, PUB), 200)
    theirs = median_ms(baseline, 10)
    found = len(find_date_mentions(text, PUB))
    print(f"article: {len(text.split())} words, {len(text)} chars, {found} dates found")
    print(f"find_date_mentions            median {ours:8.3f} ms  (target <= 2 ms)")
    print(f"dateparser.search_dates median {theirs:6.1f} ms  ({theirs / ours:.0f}x slower)")


if __name__ == "__main__":
    main(sys.argv[1:])
