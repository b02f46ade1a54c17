"""`digest actors suggest` over a whole real story of ../shared/corpora (skipped without it).

The benchmark (benchmarks/actors_suggest.py) runs all five stories; this test keeps the
smallest one honest in the suite: its twelve most-named actors (from the hand list in
benchmarks/data/actors_gold/) all among the 40 suggestions with the right kind, and at
most three junk entries in the top 30.
"""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest

from generator.extract.actors import parse_registry
from generator.extract.actors.suggest import Source, suggest
from generator.extract.actors.suggest.output import suggestions_yaml
from generator.ingest.corpus import read_corpus

ROOT = Path(__file__).resolve().parents[2]
_spec = importlib.util.spec_from_file_location(
    "actors_suggest", ROOT / "benchmarks" / "actors_suggest.py"
)
assert _spec and _spec.loader
bench = importlib.util.module_from_spec(_spec)
sys.modules["actors_suggest"] = bench
_spec.loader.exec_module(bench)

STORY = "MJ"
pytestmark = pytest.mark.skipif(
    not (bench.CORPORA / STORY / "raw").is_dir(), reason="../shared/corpora is absent"
)


def test_the_twelve_most_named_actors_are_suggested_with_their_kinds() -> None:
    gold = bench.load_gold(STORY)
    counts = bench.mention_counts(gold, bench.article_texts(STORY))
    top12 = [name for name, _ in counts.most_common(12)]
    corpus = read_corpus(bench.CORPORA / STORY / "raw")
    sources = [Source(tuple(a.paragraphs), a.outlet or "") for a in corpus.articles]
    text = suggestions_yaml(suggest(sources, parse_registry(""), limit=40))
    parse_registry(text)  # accepted as it is
    entries = bench.parse_output(text)
    index = bench.gold_index(gold)
    kinds = {a["name"]: a["kind"] for a in gold["actors"]}
    found = {}
    for entry in entries:
        found.setdefault(bench.match(entry, index), entry)
    for actor in top12:
        assert actor in found, actor
        if kinds[actor] in ("person", "country"):
            assert found[actor]["kind"] == kinds[actor], actor
    junk = [
        e["name"]
        for e in entries[:30]
        if bench.match(e, index) is None and bench.junk_reason(e["name"], gold)
    ]
    assert len(junk) <= 3, junk
