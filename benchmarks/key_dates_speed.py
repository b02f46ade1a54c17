"""The key-dates stage's cost beside a cold build of the same project.

    python benchmarks/gen_corpus.py --n 1000 --out /tmp/n1000
    python benchmarks/key_dates_speed.py /tmp/n1000/mkdocs.yml [--cold] [--repeat 3]

Times, on the project's articles and facts (read through the page cache first, so only
the model is timed), median of --repeat runs: the whole model stage (`build_digest`) and
the parts issue 16 added to it, the corpus's reading of every dated sentence
(`read_evidence`, `gather`), merging events with their best sentence (`merge_events`) and
the site's key dates (`site_key_dates`); and `timeline` with every candidate date
summarised, as `digest timeline` runs it. With --cold, also one `mkdocs build` with the
page cache removed, and each part's share of it. Heavy: run by hand, once.
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
    from generator.model import build_digest
    from generator.model.events import merge_events
    from generator.model.evidence import read_evidence
    from generator.model.key_dates import gather, site_key_dates, timeline
    from generator.pipeline import build_model

    digest = build_model(load_options(str(config))).digest
    entries = digest.articles
    articles, facts = [e.article for e in entries], [e.facts for e in entries]
    found = gather(entries)
    parts = {
        "model stage (build_digest)": lambda: build_digest(
            articles, facts, digest.registry, digest.title, digest.intro
        ),
        "  reading (read_evidence + gather)": lambda: (read_evidence(entries), gather(entries)),
        "  events (merge_events)": lambda: merge_events(entries, found.idf),
        "  site key dates": lambda: site_key_dates(digest),
        "timeline, every date (digest timeline)": lambda: timeline(digest),
    }
    print(f"{len(entries)} articles, {len(timeline(digest).dates)} candidate key dates, "
          f"{len(digest.key_dates)} on the site")
    for label, run in parts.items():
        times = []
        for _ in range(args.repeat):
            start = time.perf_counter()
            run()
            times.append(time.perf_counter() - start)
        median = statistics.median(times)
        share = f"  {median / cold:6.1%} of the cold build" if cold else ""
        print(f"  {label:<40} median {median:6.3f} s{share}")
    if cold is not None:
        print(f"cold mkdocs build {cold:.1f} s")


if __name__ == "__main__":
    main()
