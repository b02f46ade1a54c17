"""Text-dump cleaning speed on one core: pages per second, median of several runs.

    python benchmarks/ingest_speed.py [--runs 7] [--repeat 20]

The pages are the evaluation set's text dumps and the sample corpus, read into memory
first (so the disk is not measured); each run cleans all of them ``--repeat`` times.
The process is pinned to one core. The rate is given by the process's own CPU time
(what one core does, whatever else the machine is running) and by wall-clock time
(the same on an idle machine). The target is at least 200 pages per second.
"""

from __future__ import annotations

import argparse
import os
import platform
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from generator.ingest import read_page  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--repeat", type=int, default=20)
    args = parser.parse_args()
    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {min(os.sched_getaffinity(0))})  # one core
    folder = ROOT / "benchmarks" / "ingest_eval" / "pages"
    pages = [(p.name, p.read_bytes()) for p in sorted(folder.glob("*.txt"))]
    pages += [(p.name, p.read_bytes()) for p in sorted((ROOT / "content" / "raw").glob("*.txt"))]
    for name, data in pages:  # warm up: imports, caches, compiled patterns
        read_page(data, name)
    cpu_rates, wall_rates = [], []
    for _ in range(args.runs):
        cpu, wall = time.process_time(), time.perf_counter()
        for _ in range(args.repeat):
            for name, data in pages:
                read_page(data, name)
        n = len(pages) * args.repeat
        cpu_rates.append(n / (time.process_time() - cpu))
        wall_rates.append(n / (time.perf_counter() - wall))
    size = sum(len(d) for _, d in pages) / len(pages)
    print(
        f"{len(pages)} text-dump pages (mean {size / 1024:.1f} KiB), {args.runs} runs of "
        f"{args.repeat} passes, one core, Python {platform.python_version()}"
    )
    for label, rates in (("CPU time", cpu_rates), ("wall clock", wall_rates)):
        print(
            f"{label:>10}: median {statistics.median(rates):.0f} pages/s "
            f"(min {min(rates):.0f}, max {max(rates):.0f})"
        )


if __name__ == "__main__":
    main()
