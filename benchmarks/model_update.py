"""The model step of a ``mkdocs serve`` rebuild, before and after ``model.incremental``:
``build_digest`` over the whole corpus against ``ModelState.update``, side by side in one
run, on generated corpora (``gen_corpus.py``), for three kinds of edit of one article:

- ``word``: a word added to one dated sentence (as many dated sentences as before: a few
  IDFs move);
- ``sentence``: a dated sentence added (one more sentence moves every IDF: every day's text
  is chosen again);
- ``add``: a new article (a copy of one under another name: an outlet's sentences now on
  two pages).

Both are handed the same articles and facts (the edited article read and extracted
again), and must give the same events and key dates (checked at every edit). Garbage is
collected before each timing, so neither pays for the other's. Medians of ``--edits``
edits of each kind; every edit is undone (also an update) before the next.

    python benchmarks/model_update.py --n 100 1000 3000 --edits 7
"""

from __future__ import annotations

import argparse
import dataclasses
import gc
import random
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

import gen_corpus  # noqa: E402

from generator.cli import load_options  # noqa: E402
from generator.extract import extract  # noqa: E402
from generator.ingest import read_page  # noqa: E402
from generator.model import build_digest  # noqa: E402
from generator.model.incremental import ModelState  # noqa: E402
from generator.pipeline import build_model  # noqa: E402

KINDS = ("word", "sentence", "add")


def _fingerprint(digest) -> tuple:
    events = [(e.value, e.text, tuple(e.actor_ids), len(e.sources)) for e in digest.events]
    return tuple(events), tuple((k.date, k.summary, k.score) for k in digest.key_dates)


def _edited(rng: random.Random, corpus: Path, articles, facts, kind: str):
    """The inputs after one edit of one article (its file's text, read and extracted again)."""
    index = rng.choice([i for i, f in enumerate(facts) if f.events])
    article = articles[index]
    text = (corpus / article.source).read_text(encoding="utf-8")
    sentence = facts[index].events[0].sentence
    if kind == "word" and sentence in text:
        first, rest = sentence.split(" ", 1)
        text = text.replace(sentence, f"{first} reportedly {rest}", 1)
        name = article.source
    elif kind == "sentence" and sentence in text:
        text = text.replace(sentence, f"{sentence} Envoys met again on 2 March 2024.", 1)
        name = article.source
    else:
        name = f"copy-{rng.randrange(10**9)}.txt"
    new = read_page(text, name)
    found = extract(new, REGISTRY[0])
    if name == article.source:
        return [*articles[:index], new, *articles[index + 1 :]], [
            *facts[:index], found, *facts[index + 1 :]
        ]  # fmt: skip
    return [*articles, new], [*facts, found]


REGISTRY: list = []


def run(n: int, edits: int, out: Path) -> dict[str, tuple[float, float, str]]:
    folder = out / f"n{n}"
    if not (folder / "mkdocs.yml").exists():
        gen_corpus.generate(n, folder)
    options = dataclasses.replace(
        load_options(str(folder / "mkdocs.yml")), cache_dir=folder / ".cache"
    )
    result = build_model(options)
    registry = result.digest.registry
    REGISTRY[:] = [registry]
    articles = [e.article for e in result.digest.articles]
    facts = [e.facts for e in result.digest.articles]
    state = ModelState(registry)
    state.update(articles, facts, registry, "T", "I")
    rng = random.Random(n)
    figures: dict[str, tuple[float, float, str]] = {}
    for kind in KINDS:
        before: list[float] = []
        after: list[float] = []
        work: list[tuple[int, int, int, int]] = []
        for _ in range(edits):
            edited, edited_facts = _edited(rng, options.corpus, articles, facts, kind)
            gc.collect()  # neither is timed with the other's garbage
            clock = time.perf_counter()
            fresh = build_digest(edited, edited_facts, registry, "T", "I")
            before.append(time.perf_counter() - clock)
            gc.collect()
            clock = time.perf_counter()
            updated = state.update(edited, edited_facts, registry, "T", "I")
            after.append(time.perf_counter() - clock)
            last = state.last
            work.append((last.parts_in, last.reread, last.merged, last.settled))
            assert _fingerprint(updated) == _fingerprint(fresh), f"n={n} {kind}: not equal"
            # Back to the corpus as it was (an edit undone: also an update).
            state.update(articles, facts, registry, "T", "I")
        done = "/".join(str(round(statistics.median(w[i] for w in work))) for i in range(4))
        figures[kind] = (statistics.median(before), statistics.median(after), done)
    return figures


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--n", type=int, nargs="+", default=[100, 1000])
    parser.add_argument("--edits", type=int, default=7)
    parser.add_argument("--out", type=Path, default=ROOT / "benchmarks" / "out")
    args = parser.parse_args(argv)
    print("| articles | edit | build_digest (s) | update (s) | ratio | new/reread/merged/settled |")
    print("| ---: | --- | ---: | ---: | ---: | --- |")
    for n in args.n:
        for kind, (before, after, done) in run(n, args.edits, args.out).items():
            ratio = after / before if before else float("nan")
            print(f"| {n:,} | {kind} | {before:.3f} | {after:.3f} | {ratio:.2f} | {done} |")


if __name__ == "__main__":
    main()
