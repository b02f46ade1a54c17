"""Leave-one-story-out check of key dates' tunable constants on timeline17-dev.

    python benchmarks/key_dates_loso.py [--only NEWS_LAG_DAYS ...]

For each constant, every value of its grid is scored on every story (in-process, on the
same projects as benchmarks/key_dates.py); then for each story the value best on the other
four (by the mean of Date-F1 and AR1-F) is scored on it. A constant whose held-out mean is
close to its in-sample best, and whose chosen value is the same for every fold, is not
fitted to one story.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

import key_dates as bench  # noqa: E402

from generator.model import build_digest, evidence, summaries  # noqa: E402
from generator.model import key_dates as module  # noqa: E402

# Constant: (its module, its grid, whether the digest must be built again for it: the
# corpus's reading of each sentence is made when the digest is).
GRID = {
    "NEWS_LAG_DAYS": (module, [0, 1, 2], False),
    "LATER_MENTION_WEIGHT": (module, [1.0, 1.5, 2.0, 3.0], False),
    "LEAD_SENTENCES": (module, [1, 3, 5], False),
    "REDUNDANT": (summaries, [0.3, 0.5, 0.7], False),
    "SUPPORT_DAMPING": (summaries, [20, 40, 60, 100], False),
    "FURNITURE_PAGES": (evidence, [3, 5, 10], True),
}


def rebuilt(digest):
    """The digest built again from its articles and facts, with the constants as they are."""
    entries = digest.articles
    return build_digest(
        [e.article for e in entries], [e.facts for e in entries], digest.registry,
        digest.title, digest.intro,
    )  # fmt: skip


def scores(digests, rebuild: bool = False) -> dict[str, tuple[float, float, float]]:
    out = {}
    for name, (digest, references) in digests.items():
        found = module.timeline(rebuilt(digest) if rebuild else digest)
        ranked = [(d.date, list(d.summary)) for d in found.dates if len(d.date) == 10]
        each = [bench.score(ranked, reference) for reference in references]
        out[name] = (
            statistics.mean(s.date_f1 for s in each),
            statistics.mean(s.ar1_f for s in each),
            statistics.mean(s.ar1_f_raw for s in each),
        )
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--only", nargs="*")
    args = parser.parse_args()
    digests = {}
    for story in sorted(p for p in bench.DEFAULT_CORPORA.iterdir() if p.is_dir()):
        project = bench.story_project(story, "suggest", fresh=False)
        references = json.loads((story / "timelines.json").read_text(encoding="utf-8"))
        digests[story.name] = (bench.load_model(project), references)
    for constant, (owner, values, rebuild) in GRID.items():
        if args.only and constant not in args.only:
            continue
        default = getattr(owner, constant)
        table = {}
        for value in values:
            setattr(owner, constant, value)
            table[value] = scores(digests, rebuild)
        setattr(owner, constant, default)
        print(f"\n{constant} (default {default}): mean over stories, Date-F1 / AR1-F (untokenised)")
        for value, per in table.items():
            f1, ar, raw = (statistics.mean(x[i] for x in per.values()) for i in range(3))
            print(f"  {value!s:>5}: {f1:.3f} / {ar:.3f} ({raw:.3f})")
        held, chosen = [], []
        for story in digests:
            def objective(value, story=story, table=table):
                others = [v for s, v in table[value].items() if s != story]
                return statistics.mean((a + b) / 2 for a, b, _ in others)

            best = max(values, key=objective)
            chosen.append(f"{story}:{best}")
            held.append(table[best][story])
        f1, ar, raw = (statistics.mean(x[i] for x in held) for i in range(3))
        print(f"  leave-one-story-out: {f1:.3f} / {ar:.3f} ({raw:.3f})   chosen {' '.join(chosen)}")


if __name__ == "__main__":
    main()
