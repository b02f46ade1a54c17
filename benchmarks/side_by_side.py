"""Two versions of the project built side by side: the same generated corpus, cold (and
warm), alternating which goes first in each round, so a busy spell slows both.

    git archive e1284f4 | tar -x -C /root/old      # the other version, as a plain tree
    python benchmarks/side_by_side.py --old /root/old --new . --n 1000 --rounds 3

Each build runs that tree's own ``benchmarks/scale.py`` (so its own code) with
``--runs 1 --no-baselines --no-reference``; work folders go under ``--work`` (keep it off
``/tmp`` on a slow disk). Prints each build, then medians and the per-round ratio new/old.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
from pathlib import Path


def build(tree: Path, n: int, scenarios: list[str], work: Path, out: Path) -> dict:
    """One scale.py run of ``tree``: its row of results."""
    command = [
        sys.executable, "benchmarks/scale.py", "--n", str(n), "--runs", "1",
        "--scenarios", *scenarios, "--no-baselines", "--no-reference",
        "--work", str(work), "--json", str(out),
    ]  # fmt: skip
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    subprocess.run(command, cwd=tree, env=env, check=True, capture_output=True, text=True)
    return json.loads(out.read_text(encoding="utf-8"))["results"][str(n)]


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--old", type=Path, required=True)
    parser.add_argument("--new", type=Path, default=Path(__file__).resolve().parent.parent)
    parser.add_argument("--n", type=int, default=1000)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--scenarios", nargs="+", default=["cold", "warm"])
    parser.add_argument("--work", type=Path, default=Path.home() / "side-by-side")
    args = parser.parse_args(argv)
    rows: dict[str, list[dict]] = {"old": [], "new": []}
    for r in range(1, args.rounds + 1):
        for side in ("old", "new") if r % 2 else ("new", "old"):
            tree = (args.old if side == "old" else args.new).resolve()
            out = args.work / f"{side}_r{r}.json"
            out.parent.mkdir(parents=True, exist_ok=True)
            row = build(tree, args.n, args.scenarios, args.work / side, out)
            rows[side].append(row)
            shown = ", ".join(f"{s} {row[f'{s}_s']} s" for s in args.scenarios)
            print(f"round {r} {side}: {shown} (cpu {row['cold_cpu_s']} s)", flush=True)
    for scenario in args.scenarios:
        key = f"{scenario}_s"
        old = [row[key] for row in rows["old"]]
        new = [row[key] for row in rows["new"]]
        ratios = [round(b / a, 3) for a, b in zip(old, new, strict=True)]
        print(
            f"{scenario}: old median {statistics.median(old):.2f} s, new median "
            f"{statistics.median(new):.2f} s, new/old per round {ratios}"
        )


if __name__ == "__main__":
    main()
