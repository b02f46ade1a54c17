"""HTML path speed beside trafilatura.extract, in rounds: a quicker check than real_pages.py.

    python benchmarks/html_speed.py                # every third page of both sets, 3 rounds
    python benchmarks/html_speed.py --every 1 --rounds 5

Each page is read by our HTML path (``read_page`` on its bytes) and by
``trafilatura.extract`` on its text, one right after the other (CPU time of this
process), in each round; a page's time is its median over the rounds. Printed: the ratio
of the totals and of the medians of those times, and the median of the per-page ratios.
The pages are the shared development sets (../shared/corpora), as in real_pages.py.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
import warnings
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.real_pages import CORPORA, pubdate_pages, readability_pages  # noqa: E402
from generator.ingest import read_page  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--every", type=int, default=3, help="take every Nth page")
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    if not CORPORA.is_dir():
        sys.exit(f"no corpora at {CORPORA}")
    warnings.simplefilter("ignore")
    import trafilatura

    pages = pubdate_pages()[:: args.every] + readability_pages()[:: args.every]
    read_page(pages[0].data, "warm-up")
    trafilatura.extract(pages[0].html)
    ours: dict[str, list[float]] = {p.name: [] for p in pages}
    theirs: dict[str, list[float]] = {p.name: [] for p in pages}
    for _ in range(args.rounds):
        for page in pages:
            t0 = time.process_time()
            read_page(page.data, page.name)
            t1 = time.process_time()
            trafilatura.extract(page.html)
            t2 = time.process_time()
            ours[page.name].append(t1 - t0)
            theirs[page.name].append(t2 - t1)
    a = [statistics.median(v) for v in ours.values()]
    b = [statistics.median(v) for v in theirs.values()]
    print(
        f"{len(pages)} pages x {args.rounds} rounds: ours/trafilatura.extract "
        f"{sum(a) / sum(b):.3f} of totals, {statistics.median(a) / statistics.median(b):.3f} "
        f"of medians, median per-page ratio "
        f"{statistics.median([x / y for x, y in zip(a, b, strict=True) if y > 0]):.3f}; "
        f"ours {statistics.median(a) * 1000:.1f} ms, trafilatura "
        f"{statistics.median(b) * 1000:.1f} ms a page (medians)"
    )


if __name__ == "__main__":
    main()
