"""Key dates against journalist-written timelines (timeline17-dev), beside two baselines.

    python benchmarks/key_dates.py [--corpora ../shared/corpora/timeline17-dev]
        [--stories MJ haiti] [--registry suggest|empty] [--sample 10] [--fresh]

Runs the product as a user would: one project per story (a mkdocs.yml whose corpus is the
story's raw/ folder) under .cache/key_dates/, a registry made by accepting
`digest actors suggest --limit 40` as it is, then `digest timeline --json`. Projects, the
registry and the page cache are kept, so a rerun costs the timeline stage and scoring
(--fresh starts over).

Protocol (news-tls, Ghalandari & Ifrim 2020), per reference timeline: the system's ranked
dates that fall inside the reference's first and last date, top k (k = the reference's number
of dates); Date-F1 is the F1 of the two date sets; AR1-F is tilse's alignment-based ROUGE-1
F, many-to-one (`evaluate_align_date_content_costs_many_to_one`, ROUGE reimplementation).
Reference summaries are tokenised Penn-Treebank style, so every system's sentences are
tokenised the same way before scoring (whitespace-split "attack." would never match
"attack"); the untokenised figure is printed too.

Compared, on the same digest:
- pub-count: days ranked by the number of articles published on them (summary: the first
  two sentences of the day's first article by file name);
- mention-count: days ranked by the number of distinct articles with a sentence dated that
  day (summary: that day's first two sentences, articles by file name);
- in-brief: the starting system, events ranked by the "In brief" importance
  (`render.importance`), each date taken at its best event (summary: its best two events);
- key-dates: `digest timeline --json`.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import shutil
import statistics
import subprocess
import sys
import time
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

# ../shared/corpora beside the repository (or beside the folder of worktrees).
DEFAULT_CORPORA = next(
    (
        folder / "shared" / "corpora" / "timeline17-dev"
        for folder in ROOT.parents
        if (folder / "shared" / "corpora" / "timeline17-dev").is_dir()
    ),
    ROOT.parent / "shared" / "corpora" / "timeline17-dev",
)
WORK = ROOT / ".cache" / "key_dates"
SUMMARY_SENTENCES = 2  # every system's per-date budget, as the product's summaries

Ranked = list[tuple[str, list[str]]]  # (YYYY-MM-DD, sentences), most important first

MKDOCS_YML = """\
site_name: {story}
docs_dir: docs
plugins:
  - digest:
      title: {story}
      corpus: {corpus}
      articles: articles
      registry: actors.yml
      intro: docs/index.md
"""


# -- the story's project, as a user sets it up ---------------------------------------------


def digest_command(project: Path, *args: str) -> subprocess.CompletedProcess[str]:
    """`digest -f project/mkdocs.yml ...` running this worktree's code."""
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    command = [sys.executable, "-m", "generator.cli", "-f", str(project / "mkdocs.yml"), *args]
    return subprocess.run(command, env=env, capture_output=True, text=True, check=True)


def suggested_registry(project: Path) -> str:
    """Accept `digest actors suggest --limit 40` as it is: it prints a whole registry."""
    (project / "actors.yml").write_text("actors: []\n", encoding="utf-8")
    return digest_command(project, "actors", "suggest", "--limit", "40").stdout


REGISTRIES: dict[str, Callable[[Path], str]] = {
    "suggest": suggested_registry,
    "empty": lambda project: "actors: []\n",
}


def story_project(story: Path, registry: str, fresh: bool) -> Path:
    project = WORK / registry / story.name
    if fresh and project.exists():
        shutil.rmtree(project)
    (project / "docs").mkdir(parents=True, exist_ok=True)
    config = MKDOCS_YML.format(story=story.name, corpus=(story / "raw").resolve())
    (project / "mkdocs.yml").write_text(config, encoding="utf-8")
    done = project / "actors.ready"
    if not done.exists():
        (project / "actors.yml").write_text(REGISTRIES[registry](project), encoding="utf-8")
        done.touch()
    return project


# -- rankings ------------------------------------------------------------------------------


def system_ranking(project: Path) -> tuple[Ranked, float, dict]:
    start = time.perf_counter()
    found = json.loads(digest_command(project, "timeline", "--json").stdout)
    seconds = time.perf_counter() - start
    ranked = [(d["date"], d["summary"]) for d in found["dates"] if len(d["date"]) == 10]
    return ranked, seconds, found


def _day(value: str) -> bool:
    return len(value) == 10


def _first_sentences(paragraphs: list[str], n: int) -> list[str]:
    from generator.text.sentences import split_sentences

    out: list[str] = []
    for paragraph in paragraphs:
        for _, sentence in split_sentences(paragraph):
            out.append(sentence.strip())
            if len(out) == n:
                return out
    return out


def pub_count_ranking(digest) -> Ranked:
    days: dict[str, list] = defaultdict(list)
    for entry in digest.articles:
        if entry.article.published:
            days[f"{entry.article.published:%Y-%m-%d}"].append(entry)
    order = sorted(days, key=lambda d: (-len(days[d]), d))
    return [
        (d, _first_sentences(min(days[d], key=lambda e: e.article.source).article.paragraphs,
                             SUMMARY_SENTENCES))
        for d in order
    ]


def mention_count_ranking(digest) -> Ranked:
    articles: dict[str, set[str]] = defaultdict(set)
    sentences: dict[str, list[tuple[str, int, str]]] = defaultdict(list)
    for entry in digest.articles:
        for mention in entry.facts.events:
            if _day(mention.value):
                articles[mention.value].add(entry.article.source)
                sentences[mention.value].append(
                    (entry.article.source, mention.paragraph, mention.sentence)
                )
    order = sorted(articles, key=lambda d: (-len(articles[d]), d))
    return [(d, [s for *_, s in sorted(sentences[d])[:SUMMARY_SENTENCES]]) for d in order]


def in_brief_ranking(digest) -> Ranked:
    from generator.model.ranking import importance, prominence

    centrality = prominence(digest)
    events = sorted(digest.events, key=lambda e: (-importance(e, centrality), e.sort_key))
    texts: dict[str, list[str]] = {}
    for event in events:
        if _day(event.value) and len(texts.setdefault(event.value, [])) < SUMMARY_SENTENCES:
            texts[event.value].append(event.text)
    return list(texts.items())  # dicts keep insertion order: the rank of each date's best event


BASELINES = {
    "pub-count": pub_count_ranking,
    "mention-count": mention_count_ranking,
    "in-brief": in_brief_ranking,
}


# -- scoring -------------------------------------------------------------------------------


def _tokenised(sentence: str) -> str:
    from nltk.tokenize import TreebankWordTokenizer

    return " ".join(TreebankWordTokenizer().tokenize(sentence))


@dataclass
class Score:
    date_f1: float
    ar1_f: float
    ar1_f_raw: float  # without tokenising the system's sentences


def top_dates(ranked: Ranked, reference: list[tuple[str, list[str]]]) -> dict[date, list[str]]:
    """The protocol's pick: the first k ranked dates inside the reference's first and last."""
    days = {date.fromisoformat(d) for d, _ in reference}
    first, last = min(days), max(days)
    chosen: dict[date, list[str]] = {}
    for value, sentences in ranked:
        day = date.fromisoformat(value)
        if first <= day <= last and day not in chosen and sentences:
            chosen[day] = sentences
        if len(chosen) == len(days):
            break
    return chosen


def score_dates(ranked: Ranked, reference: list[tuple[str, list[str]]]) -> float:
    days = {date.fromisoformat(d) for d, _ in reference}
    chosen = top_dates(ranked, reference)
    hits = len(set(chosen) & days)
    p, r = (hits / len(chosen) if chosen else 0.0), hits / len(days)
    return 2 * p * r / (p + r) if p + r else 0.0


def score(ranked: Ranked, reference: list[tuple[str, list[str]]]) -> Score:
    from tilse.data.timelines import GroundTruth
    from tilse.data.timelines import Timeline as TilseTimeline
    from tilse.evaluation.rouge import TimelineRougeEvaluator

    ref = {date.fromisoformat(d): [s.strip() for s in sentences] for d, sentences in reference}
    chosen = top_dates(ranked, reference)
    f1 = score_dates(ranked, reference)
    evaluator = TimelineRougeEvaluator(measures={"rouge_1"}, rouge_computation="reimpl")
    truth = GroundTruth([TilseTimeline(ref)])

    def ar1(tokenise: bool) -> float:
        system = {d: [_tokenised(s) if tokenise else s for s in ss] for d, ss in chosen.items()}
        result = evaluator.evaluate_align_date_content_costs_many_to_one(
            TilseTimeline(system), truth
        )
        return result["rouge_1"]["f_score"]

    return Score(f1, ar1(True), ar1(False))


# -- the run -------------------------------------------------------------------------------


def load_model(project: Path):
    from generator.cli import load_options
    from generator.pipeline import build_model

    return build_model(load_options(str(project / "mkdocs.yml"))).digest


def median_seconds(run: Callable[[], object], repeat: int = 3) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        run()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def hand_sample(story: str, found: dict, references: list, n: int, seed: int) -> None:
    """Key dates to read by hand: per story, n of the top-k (k = the largest reference)."""
    k = max(len(r) for r in references)
    top = found["dates"][:k]
    picked = sorted(random.Random(f"{seed}:{story}").sample(top, min(n, len(top))),
                    key=lambda d: d["rank"])
    print(f"\n  hand sample, {story}: {len(picked)} of the top {len(top)}")
    for item in picked:
        newest = max((s["published"] or "" for s in item["sources"]), default="")
        print(f"   #{item['rank']:<3} {item['date']} (newest source {newest or '?'}, "
              f"{len(item['sources'])} sources) {item['headline']}")
        for sentence in item["summary"]:
            print(f"        | {sentence[:220]}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpora", type=Path, default=DEFAULT_CORPORA)
    parser.add_argument("--stories", nargs="*")
    parser.add_argument("--registry", choices=sorted(REGISTRIES), default="suggest")
    parser.add_argument("--sample", type=int, default=0, help="key dates per story to read by hand")
    parser.add_argument("--seed", type=int, default=16)
    parser.add_argument("--fresh", action="store_true", help="rebuild projects and caches")
    parser.add_argument("--json", type=Path, help="write every score here")
    args = parser.parse_args()
    if not args.corpora.is_dir():
        raise SystemExit(f"no corpora at {args.corpora}")
    stories = sorted(p for p in args.corpora.iterdir() if (p / "timelines.json").is_file())
    if args.stories:
        stories = [s for s in stories if s.name in args.stories]
    systems = [*BASELINES, "key-dates"]
    rows: list[tuple[str, str, str, Score]] = []  # story, timeline, system, score
    costs = []
    for story in stories:
        references = json.loads((story / "timelines.json").read_text(encoding="utf-8"))
        project = story_project(story, args.registry, args.fresh)
        digest = load_model(project)
        rankings = {name: ranking(digest) for name, ranking in BASELINES.items()}
        rankings["key-dates"], cli_seconds, found = system_ranking(project)
        from generator.model.key_dates import timeline

        stage = median_seconds(lambda digest=digest: timeline(digest))
        costs.append((story.name, len(digest.articles), stage, cli_seconds))
        for index, reference in enumerate(references):
            for name in systems:
                rows.append((story.name, str(index), name, score(rankings[name], reference)))
        late = [
            d["date"] for d in found["dates"]
            if d["date"] > max((s["published"] or "" for s in d["sources"]), default="")
        ]  # fmt: skip
        print(f"{story.name}: {len(found['dates'])} key dates, {len(late)} later than their "
              f"newest source{': ' + ', '.join(late[:5]) if late else ''}")
        if args.sample:
            hand_sample(story.name, found, references, args.sample, args.seed)
    report(rows, systems, costs)
    if args.json:
        args.json.write_text(json.dumps([
            {"story": s, "timeline": t, "system": n, **vars(sc)} for s, t, n, sc in rows
        ], indent=1), encoding="utf-8")


def report(rows, systems, costs) -> None:
    print("\nper timeline: Date-F1 / AR1-F (AR1-F untokenised in brackets)")
    header = f"{'story':<16}{'tl':>3}  " + "".join(f"{n:>24}" for n in systems)
    print(header)
    table: dict[tuple[str, str], dict[str, Score]] = defaultdict(dict)
    for story, tl, name, sc in rows:
        table[(story, tl)][name] = sc
    for (story, tl), scores in table.items():
        cells = "".join(
            f"{scores[n].date_f1:>9.3f} {scores[n].ar1_f:.3f} ({scores[n].ar1_f_raw:.3f})"
            for n in systems
        )
        print(f"{story:<16}{tl:>3}  {cells}")
    per_story: dict[str, dict[str, list[Score]]] = defaultdict(lambda: defaultdict(list))
    for story, _, name, sc in rows:
        per_story[story][name].append(sc)
    print("\nper story (mean over its timelines), then the mean over stories and over timelines")
    print(f"{'story':<19}" + "".join(f"{n:>24}" for n in systems))
    means: dict[str, list[Score]] = defaultdict(list)
    for story, by_name in per_story.items():
        cells = ""
        for n in systems:
            f1 = statistics.mean(s.date_f1 for s in by_name[n])
            ar = statistics.mean(s.ar1_f for s in by_name[n])
            raw = statistics.mean(s.ar1_f_raw for s in by_name[n])
            means[n].append(Score(f1, ar, raw))
            cells += f"{f1:>9.3f} {ar:.3f} ({raw:.3f})"
        print(f"{story:<19}{cells}")
    for label, pool in (("mean of stories", means), ("mean of timelines", None)):
        cells = ""
        for n in systems:
            scores = pool[n] if pool is not None else [sc for _, _, m, sc in rows if m == n]
            cells += (f"{statistics.mean(s.date_f1 for s in scores):>9.3f} "
                      f"{statistics.mean(s.ar1_f for s in scores):.3f} "
                      f"({statistics.mean(s.ar1_f_raw for s in scores):.3f})")
        print(f"{label:<19}{cells}")
    print("\nstage cost: key dates from the model, median of 3 in-process; whole `digest timeline`")
    for story, n, stage, cli in costs:
        print(f"  {story:<16} {n:>5} articles  key dates {stage * 1000:8.1f} ms   command {cli:6.2f} s")


if __name__ == "__main__":
    main()
