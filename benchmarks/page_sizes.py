"""The built site's page sizes and chronology pages, for a corpus a user brings.

    python benchmarks/page_sizes.py OUT --corpus DIR [DIR ...] [--registry suggest|empty]
    python benchmarks/page_sizes.py /tmp/union --corpus ../shared/corpora/timeline17-dev/*/raw

Copies the pages of every DIR into OUT/raw (prefixed by their folder's parent name, so two
stories' files never clash; nothing is written into the repository), writes OUT/mkdocs.yml
from the project's (Material, the same nav), a registry made by accepting
`digest actors suggest --limit 40` as it is, runs one `mkdocs build` with this worktree's
code, then prints the number of pages, the largest HTML pages, the chronology pages beside
the story's years, and whether timeline.json was written. Done-when of issue 16: no page
over 300 KB; chronology pages at most the story's years plus three.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
LIMIT_KB = 300


def write_project(out: Path, corpora: list[Path], registry: str) -> None:
    raw = out / "raw"
    if raw.exists():
        shutil.rmtree(raw)
    raw.mkdir(parents=True)
    for corpus in corpora:
        prefix = corpus.resolve().parent.name
        for page in sorted(p for p in corpus.iterdir() if p.is_file()):
            shutil.copyfile(page, raw / f"{prefix}-{page.name}")
    config = yaml.safe_load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"))
    config["site_name"] = out.name
    config.pop("site_description", None)
    config["docs_dir"] = "docs"
    config["site_dir"] = "site"
    for plugin in config["plugins"]:
        if isinstance(plugin, dict) and "digest" in plugin:
            plugin["digest"].update(
                title=out.name, corpus="raw", articles="articles", registry="actors.yml",
                intro="docs/index.md", templates="templates",
            )  # fmt: skip
    (out / "docs").mkdir(exist_ok=True)
    (out / "mkdocs.yml").write_text(yaml.safe_dump(config, sort_keys=False), encoding="utf-8")
    (out / "actors.yml").write_text("actors: []\n", encoding="utf-8")
    if registry == "suggest":
        found = digest(out, "actors", "suggest", "--limit", "40")
        (out / "actors.yml").write_text(found.stdout, encoding="utf-8")


def digest(out: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    command = [sys.executable, "-m", "generator.cli", "-f", str(out / "mkdocs.yml"), *args]
    return subprocess.run(command, env=env, capture_output=True, text=True, check=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("--corpus", type=Path, nargs="+", required=True)
    parser.add_argument("--registry", choices=("suggest", "empty"), default="suggest")
    parser.add_argument("--top", type=int, default=8)
    args = parser.parse_args()
    out = args.out.resolve()
    out.mkdir(parents=True, exist_ok=True)
    write_project(out, args.corpus, args.registry)
    env = {**os.environ, "PYTHONPATH": str(ROOT), "NO_MKDOCS_2_WARNING": "1"}
    start = time.perf_counter()
    subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "-q", "-f", str(out / "mkdocs.yml")],
        env=env, check=True,
    )  # fmt: skip
    seconds = time.perf_counter() - start
    site = out / "site"
    pages = sorted(site.rglob("*.html"), key=lambda p: -p.stat().st_size)
    articles = len(list((out / "raw").iterdir()))
    print(f"{articles} pages in, {len(pages)} HTML pages out, mkdocs build {seconds:.1f} s")
    for page in pages[: args.top]:
        print(f"  {page.stat().st_size / 1024:8.1f} KB  {page.relative_to(site)}")
    over = [p for p in pages if p.stat().st_size > LIMIT_KB * 1024]
    print(f"pages over {LIMIT_KB} KB: {len(over)}")
    chronology = sorted(p.relative_to(site).as_posix() for p in (site / "chronology").rglob("*.html"))
    timeline = site / "timeline.json"
    dates = len(json.loads(timeline.read_text(encoding="utf-8"))["events"]) if timeline.is_file() else None
    found = json.loads(digest(out, "timeline", "--json", "--k", "1").stdout)
    span = found["span"]
    years = int(span["to"][:4]) - int(span["from"][:4]) + 1 if span["from"] else 0
    print(f"story span {span['from']} to {span['to']} ({years} years); chronology pages "
          f"{len(chronology)} (at most {years + 3}): {', '.join(chronology)}")
    print(f"timeline.json: {dates} key dates" if dates is not None else "timeline.json missing")


if __name__ == "__main__":
    main()
