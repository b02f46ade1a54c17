"""`digest actors suggest` judged against hand-written actor lists of five real stories.

Run by hand: ``python benchmarks/actors_suggest.py [--stories H1N1 MJ] [--union] [-v]``.

For each story of ``../shared/corpora/timeline17-dev`` it makes a fresh project (its raw
articles, an empty registry), runs ``digest actors suggest --limit 40`` as an editor
would and takes the YAML as it is. It reports, against the hand list in
``benchmarks/data/actors_gold/<story>.yml``:

- recall of the hand list in the top 40, and of the story's twelve most-named actors
  (mentions counted over the corpus with the hand list's aliases);
- kind accuracy of the matched entries, and whether the top 12's persons are
  ``person`` and countries ``country``;
- junk in the top 30, classified by the rules below (furniture, pairs "X and Y",
  titles stuck on, truncations, places, the corpus's own reporters), plus duplicates
  (a second entry for an actor already suggested); with ``-v`` every entry is listed
  with its verdict for checking by hand;
- the command's wall time; ``--union`` also times all stories together (1,396 articles).
"""

from __future__ import annotations

import argparse
import os
import re
import resource
import statistics
import subprocess
import sys
import tempfile
import time
import unicodedata
from collections import Counter
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
# ../shared beside the repository (a worktree sits one level deeper); DIGEST_CORPORA overrides.
CORPORA = next(
    (
        p / "timeline17-dev"
        for p in (
            Path(os.environ.get("DIGEST_CORPORA", "/nonexistent")),
            ROOT.parent / "shared" / "corpora",
            ROOT.parent.parent / "shared" / "corpora",
        )
        if (p / "timeline17-dev").is_dir()
    ),
    ROOT.parent / "shared" / "corpora" / "timeline17-dev",
)
GOLD = ROOT / "benchmarks" / "data" / "actors_gold"
LIMIT, JUNK_TOP = 40, 30

# Junk rules (the benchmark's, not the suggester's): words of page furniture, titles and
# roles that should have been stripped, and words that make a name a place.
FURNITURE = {
    "privacy", "terms", "policy", "conduct", "comments", "comment", "click", "subscribe",
    "share", "print", "email", "e-mail", "rss", "copyright", "newsletter", "login", "sign",
    "blog", "blogs", "feeds", "update", "updates", "retweet", "related", "advertisement",
    "mobile", "follow", "abuse", "reply", "views", "editing", "reporting", "photo",
    "photograph", "image", "video", "read", "more", "skip", "home", "contact",
}  # fmt: skip
TITLES = {
    "president", "minister", "secretary", "executive", "officer", "chief", "director",
    "general", "gen", "mr", "mrs", "ms", "dr", "sir", "lord", "judge", "king", "queen",
    "prince", "senator", "sen", "governor", "mayor", "spokesman", "spokeswoman", "deputy",
    "vice", "prime", "foreign", "former", "acting", "leader", "chairman", "ambassador",
    "envoy", "correspondent", "editor", "professor", "prof", "adm", "col", "lt", "capt",
    "sgt", "rev", "pope", "sheikh", "health", "defence", "defense", "interior", "justice",
}  # fmt: skip
ORG_WORDS = {"ministry", "office", "department", "council", "court", "committee", "agency"}
PLACE_WORDS = {
    "sea", "ocean", "river", "gulf", "mountains", "mount", "lake", "island", "islands",
    "peninsula", "bay", "valley", "desert", "square", "street", "road", "avenue", "bridge",
    "canal", "airport", "province", "region", "county", "city", "district", "coast",
    "strait", "hemisphere", "stadium", "arena", "park", "hospital", "museum",
}  # fmt: skip
REGIONS = {
    "africa", "asia", "europe", "americas", "oceania", "middle east", "north africa",
    "latin america", "north america", "south america", "central america", "caribbean",
    "east asia", "south asia", "southeast asia", "west africa", "east africa",
    "the west", "west", "arab world", "gulf", "balkans", "scandinavia",
}  # fmt: skip


def key(name: str) -> str:
    text = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    text = re.sub(r"[’']s$", "", text.replace("’", "'"))
    return " ".join(re.sub(r"[^\w\s]", " ", text.lower().replace(".", "")).split())


def load_gold(story: str) -> dict:
    data = yaml.safe_load((GOLD / f"{story}.yml").read_text(encoding="utf-8"))
    for actor in data["actors"]:
        actor["aliases"] = list(actor.get("aliases") or [])
    data["places"] = list(data.get("places") or [])
    data["reporters"] = list(data.get("reporters") or [])
    return data


def article_texts(story: str) -> list[str]:
    out = []
    for path in sorted((CORPORA / story / "raw").glob("*.md")):
        text = path.read_text(encoding="utf-8", errors="replace")
        parts = text.split("\n---\n", 1)
        out.append(parts[1] if len(parts) == 2 else text)
    return out


def mention_counts(gold: dict, texts: list[str]) -> Counter:
    """Mentions of each hand-listed actor: case-sensitive, whole words, longest first."""
    owner: dict[str, str] = {}
    for actor in gold["actors"]:
        for form in (actor["name"], *actor["aliases"]):
            owner.setdefault(form, actor["name"])
    forms = sorted(owner, key=len, reverse=True)
    pattern = re.compile(r"(?<![\w-])(" + "|".join(re.escape(f) for f in forms) + r")(?![\w])")
    counts: Counter = Counter()
    for text in texts:
        for match in pattern.finditer(text):
            counts[owner[match.group(1)]] += 1
    return counts


def run_suggest(raw: Path, limit: int, root: Path = ROOT) -> tuple[str, float]:
    """``digest actors suggest`` (the code at ``root``) in a fresh project reading ``raw``."""
    with tempfile.TemporaryDirectory(prefix="suggest-bench-") as tmp:
        project = Path(tmp)
        (project / "content").mkdir()
        (project / "content" / "raw").symlink_to(raw, target_is_directory=True)
        (project / "content" / "actors.yml").write_text("", encoding="utf-8")
        (project / "mkdocs.yml").write_text(
            "site_name: Bench\ndocs_dir: content\ntheme:\n  name: material\nplugins:\n"
            "  - digest:\n      corpus: content/raw\n      articles: content/articles\n"
            "      registry: content/actors.yml\n",
            encoding="utf-8",
        )
        env = dict(os.environ, PYTHONPATH=str(root))
        command = [sys.executable, "-m", "generator.cli", "-f", str(project / "mkdocs.yml"),
                   "actors", "suggest", "--limit", str(limit)]  # fmt: skip
        started = time.perf_counter()
        done = subprocess.run(
            command, env=env, cwd=root, capture_output=True, text=True, check=False
        )
        elapsed = time.perf_counter() - started
        if done.returncode != 0:
            raise SystemExit(f"digest actors suggest failed:\n{done.stderr}")
        return done.stdout, elapsed


def parse_output(text: str) -> list[dict]:
    """Entries as the editor would accept them: a whole registry, or a snippet for `actors:`."""
    data = yaml.safe_load(text)
    if isinstance(data, list):
        entries = data
    elif isinstance(data, dict):
        entries = data.get("actors") or []
    else:
        data = yaml.safe_load("actors:\n" + text)
        entries = (data or {}).get("actors") or []
    out = []
    for entry in entries:
        aliases = [a for a in entry.get("aliases") or [] if isinstance(a, str)]
        aliases += [a for a in entry.get("short_aliases") or [] if isinstance(a, str)]
        out.append({"name": str(entry["name"]), "kind": entry.get("kind", "other"),
                    "aliases": aliases})  # fmt: skip
    return out


def gold_index(gold: dict) -> dict[str, str]:
    index: dict[str, str] = {}
    for actor in gold["actors"]:
        for form in (actor["name"], *actor["aliases"]):
            index.setdefault(key(form), actor["name"])
    return index


def match(entry: dict, index: dict[str, str]) -> str | None:
    for form in (entry["name"], *entry["aliases"]):
        if key(form) in index:
            return index[key(form)]
    return None


def junk_reason(name: str, gold: dict) -> str | None:
    """Why a suggestion that matches no hand-listed actor is junk, by rule; None if not."""
    k = key(name)
    words = k.split()
    if not words:
        return "furniture"
    if k in {key(r) for r in gold["reporters"]}:
        return "reporter"
    if k in {key(p) for p in gold["places"]} or k in REGIONS:
        return "place"
    if words[-1] in PLACE_WORDS:
        return "place"
    if " and " in f" {k} " or "&" in name:
        return "pair"
    if set(words) & FURNITURE:
        return "furniture"
    if words[0] in TITLES and words[-1] not in ORG_WORDS:
        return "title"
    if re.search(r"\b[A-Z]\.?$", name.strip()) and len(words) > 1:
        return "truncation"  # "George W"
    known = [key(f) for a in gold["actors"] for f in (a["name"], *a["aliases"])]
    known += [key(p) for p in gold["places"]] + [key(r) for r in gold["reporters"]]
    for longer in known:
        contained = longer != k and f" {k} " in f" {longer} " and len(longer.split()) > len(words)
        if contained and not any(k == key(f) for f in known):
            return "truncation"
    return None


def evaluate(story: str, verbose: bool) -> dict:
    gold = load_gold(story)
    counts = mention_counts(gold, article_texts(story))
    top12 = [name for name, _ in counts.most_common(12)]
    output, elapsed = run_suggest(CORPORA / story / "raw", LIMIT)
    entries = parse_output(output)[:LIMIT]
    index = gold_index(gold)
    kinds = {a["name"]: a["kind"] for a in gold["actors"]}
    found: dict[str, dict] = {}
    junk: Counter = Counter()
    lines = []
    for rank, entry in enumerate(entries, 1):
        actor = match(entry, index)
        if actor is not None and actor not in found:
            found[actor] = entry
            ok = "ok" if entry["kind"] == kinds[actor] else f"KIND {kinds[actor]}"
            verdict = f"= {actor} ({ok})"
        elif actor is not None:
            verdict = f"DUPLICATE of {actor}"
            if rank <= JUNK_TOP:
                junk["duplicate"] += 1
        else:
            reason = junk_reason(entry["name"], gold)
            verdict = f"JUNK {reason}" if reason else "(not in hand list)"
            if reason and rank <= JUNK_TOP:
                junk[reason] += 1
        lines.append(f"  {rank:2d}. {entry['name']!r:42} {entry['kind']:12} {verdict}")
    matched_kinds = [found[a]["kind"] == kinds[a] for a in found]
    top_ok = [a for a in top12 if a in found]
    strict = [
        a for a in top_ok
        if kinds[a] not in ("person", "country") or found[a]["kind"] == kinds[a]
    ]  # fmt: skip
    result = {
        "story": story,
        "articles": len(list((CORPORA / story / "raw").glob("*.md"))),
        "recall": len(found) / len(gold["actors"]),
        "hand": len(gold["actors"]),
        "found": len(found),
        "top12": len(top_ok),
        "top12_kinds": len(strict),
        "kind_acc": sum(matched_kinds) / len(matched_kinds) if matched_kinds else 0.0,
        "junk": sum(junk.values()),
        "junk_by": dict(junk),
        "seconds": elapsed,
        "missing_top12": [a for a in top12 if a not in found],
        "top12_names": [f"{a} ({counts[a]})" for a in top12],
    }
    if verbose:
        print(f"== {story}: top 12 by mentions: {', '.join(result['top12_names'])}")
        print("\n".join(lines))
        print(
            f"  missing from the hand list: {[a['name'] for a in gold['actors'] if a['name'] not in found]}"
        )
    return result


def time_union(roots: list[Path], rounds: int = 3) -> None:
    """Wall and CPU time over all stories at once (1,396 articles), roots interleaved."""
    wall: dict[Path, list[float]] = {r: [] for r in roots}
    cpu: dict[Path, list[float]] = {r: [] for r in roots}
    with tempfile.TemporaryDirectory(prefix="suggest-union-") as tmp:
        for page in sorted(CORPORA.glob("*/raw/*.md")):
            (Path(tmp) / page.name).symlink_to(page)
        for _ in range(rounds):
            for root in roots:
                before = resource.getrusage(resource.RUSAGE_CHILDREN)
                wall[root].append(run_suggest(Path(tmp), LIMIT, root)[1])
                after = resource.getrusage(resource.RUSAGE_CHILDREN)
                cpu[root].append(
                    after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime
                )
    for root in roots:
        print(
            f"union of all stories ({root}): wall {statistics.median(wall[root]):.1f} s, "
            f"CPU {statistics.median(cpu[root]):.1f} s (medians of {rounds})"
        )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--stories", nargs="*", default=None)
    parser.add_argument("--union", action="store_true", help="also time all stories at once")
    parser.add_argument(
        "--against", type=Path, help="with --union: also time this checkout, runs interleaved"
    )
    parser.add_argument("-v", "--verbose", action="store_true")
    args = parser.parse_args()
    if not CORPORA.is_dir():
        print(f"no corpora at {CORPORA}")
        return 1
    stories = args.stories or sorted(p.stem for p in GOLD.glob("*.yml"))
    results = [evaluate(story, args.verbose) for story in stories]
    print(
        "| story | articles | hand list found in top 40 | top 12 found | top 12 right kind "
        "| kind accuracy | junk in top 30 | seconds |"
    )
    print("|---|---|---|---|---|---|---|---|")
    for r in results:
        junk = ", ".join(f"{k} {v}" for k, v in sorted(r["junk_by"].items()))
        print(
            f"| {r['story']} | {r['articles']} | {r['found']}/{r['hand']} ({r['recall']:.0%}) "
            f"| {r['top12']}/12 | {r['top12_kinds']}/12 | {r['kind_acc']:.0%} "
            f"| {r['junk']}{f' ({junk})' if junk else ''} | {r['seconds']:.1f} |"
        )
    for r in results:
        if r["missing_top12"]:
            print(f"{r['story']}: top 12 missing: {', '.join(r['missing_top12'])}")
    if args.union:
        time_union([ROOT, *([args.against] if args.against else [])])
    return 0


if __name__ == "__main__":
    sys.exit(main())
