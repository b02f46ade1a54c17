"""The key-dates stage's cost beside a cold build of the same project.

    python benchmarks/gen_corpus.py --n 1000 --out /tmp/n1000
    python benchmarks/key_dates_speed.py /tmp/n1000/mkdocs.yml [--cold] [--repeat 3]

Times `key_dates.timeline` on the project's model (built through the page cache first, so
only the stage is timed), median of --repeat runs; with --cold, also one `mkdocs build`
with the page cache removed, and prints the stage's share of it. Heavy: run by hand, once.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("config", type=Path)
    parser.add_argument("--cold", action="store_true", help="also time one cold mkdocs build")
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    config = args.config.resolve()
    cold = None
    if args.cold:
        shutil.rmtree(config.parent / ".cache", ignore_errors=True)
        env = {**os.environ, "PYTHONPATH": str(ROOT), "NO_MKDOCS_2_WARNING": "1"}
        start = time.perf_counter()
        subprocess.run(
            [sys.executable, "-m", "mkdocs", "build", "-q", "-f", str(config)],
            env=env, check=True,
        )  # fmt: skip
        cold = time.perf_counter() - start
    from generator.cli import load_options
    from generator.model.key_dates import timeline
    from generator.pipeline import build_model

    digest = build_model(load_options(str(config))).digest
    times, dates = [], 0
    for _ in range(args.repeat):
        start = time.perf_counter()
        dates = len(timeline(digest).dates)
        times.append(time.perf_counter() - start)
    stage = statistics.median(times)
    print(f"{len(digest.articles)} articles, {dates} key dates: stage median {stage:.3f} s "
          f"(runs {', '.join(f'{t:.3f}' for t in times)})")
    if cold is not None:
        print(f"cold mkdocs build {cold:.1f} s; stage / cold build = {stage / cold:.3f}")


if __name__ == "__main__":
    main()
