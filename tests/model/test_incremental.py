"""The model updated edit by edit (``model.incremental``) renders exactly the pages a fresh
``build_digest`` of the same inputs renders, after every edit of random edit sequences on a
small generated corpus: sentences copied between pages (repetition, shared days), years
taken out of dates (the corpus's stated years), paragraphs dropped, pages copied (an
outlet's sentence on two pages), deleted and put back."""

from __future__ import annotations

import dataclasses
import random
import re
from datetime import timedelta

import pytest

from generator.extract import extract
from generator.extract.actors import load_registry
from generator.ingest import read_page
from generator.model import build_digest, incremental
from generator.model.incremental import ModelState
from generator.render import Renderer, render_site
from tests.conftest import ROOT, benchmark_module

N = 24
STEPS = 14
_DATED_YEAR = re.compile(r"((?:January|February|March|April|May|June|July|August|September|"
                         r"October|November|December) \d{1,2}), (20\d\d)")  # fmt: skip


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    root = tmp_path_factory.mktemp("incremental")
    benchmark_module("gen_corpus").generate(N, root, seed=11)
    raw = root / "content" / "raw"
    pages = {p.name: p.read_text(encoding="utf-8") for p in sorted(raw.iterdir())}
    return pages, load_registry(root / "content" / "actors.yml"), root


def _body_lines(text: str) -> list[int]:
    lines = text.split("\n")
    return [i for i, line in enumerate(lines) if len(line) > 80 and ". " in line]


def _edit(rng: random.Random, pages: dict[str, str], history: dict[str, str]) -> None:
    """One random edit of the corpus, in place."""
    names = sorted(pages)
    name = rng.choice(names)
    lines = pages[name].split("\n")
    body = _body_lines(pages[name])
    kind = rng.choice(["sentence", "sentence", "year", "drop", "copy", "delete", "restore"])
    if kind == "sentence" and body:
        other = pages[rng.choice(names)].split("\n")
        donors = [other[i] for i in _body_lines("\n".join(other))]
        if donors:
            donor = rng.choice(donors).split(". ")
            target = rng.choice(body)
            sentences = lines[target].split(". ")
            sentences[rng.randrange(len(sentences))] = rng.choice(donor).rstrip(".")
            lines[target] = ". ".join(sentences)
    elif kind == "year":
        dated = [i for i, line in enumerate(lines) if _DATED_YEAR.search(line)]
        if dated:
            i = rng.choice(dated)
            lines[i] = _DATED_YEAR.sub(r"\1", lines[i], count=1)
    elif kind == "drop" and len(body) > 1:
        del lines[rng.choice(body)]
    elif kind == "copy":
        pages[f"{len(history) + 90000:05d}_copy.txt"] = pages[name]
        history[f"{len(history) + 90000:05d}_copy.txt"] = ""
        return
    elif kind == "delete" and len(pages) > 3:
        history[name] = pages.pop(name)
        return
    elif kind == "restore":
        gone = sorted(n for n, text in history.items() if text and n not in pages)
        if gone:
            back = rng.choice(gone)
            pages[back] = history[back]
            return
    pages[name] = "\n".join(lines)


def _read(pages: dict[str, str], registry, known: dict):
    articles, facts = [], []
    for name in sorted(pages):
        key = (name, pages[name])
        if key not in known:  # an unchanged page is the same Article, as in a session
            article = read_page(pages[name], name)
            known[key] = (article, extract(article, registry))
        article, found = known[key]
        articles.append(article)
        facts.append(found)
    return articles, facts


def _site(digest) -> dict[str, str]:
    return {p.path: p.content for p in render_site(digest, Renderer())}


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_random_edits_render_what_a_fresh_build_renders(corpus, seed):
    pages, registry, root = corpus
    pages = dict(pages)
    rng = random.Random(seed)
    state = ModelState(registry)
    known: dict = {}
    history: dict[str, str] = {}
    moved = 0
    for step in range(STEPS + 1):
        if step:
            _edit(rng, pages, history)
        articles, facts = _read(pages, registry, known)
        fresh = build_digest(articles, facts, registry, "Story", "Intro.")
        updated = state.update(articles, facts, registry, "Story", "Intro.")
        expected, got = _site(fresh), _site(updated)
        assert sorted(got) == sorted(expected), f"step {step}: other pages"
        for path in expected:
            assert got[path] == expected[path], f"step {step}: {path} differs"
        if step:
            assert not state.last.fresh
            moved += state.last.parts_in
    assert moved >= STEPS // 2  # the edits did reach the model


def test_an_unchanged_corpus_updates_nothing(corpus):
    pages, registry, root = corpus
    known: dict = {}
    articles, facts = _read(pages, registry, known)
    state = ModelState(registry)
    state.update(articles, facts, registry, "Story", "Intro.")
    assert state.last.fresh and state.last.parts_in == len(articles)
    state.update(articles, facts, registry, "Story", "Intro.")
    assert (state.last.parts_in, state.last.parts_out, state.last.merged) == (0, 0, 0)


def test_a_new_registry_starts_afresh(corpus):
    pages, registry, root = corpus
    articles, facts = _read(pages, registry, {})
    state = ModelState(registry)
    state.update(articles, facts, registry, "Story", "Intro.")
    other = load_registry(root / "content" / "actors.yml")  # read again: a new registry
    state.update(articles, facts, other, "Story", "Intro.")
    assert state.last.fresh


def test_entries_kept_only_while_their_slugs_and_order_hold(corpus):
    """An edit of an article's text keeps the entries' slugs and order; a new title (a
    new slug) or a new publication date (another place, newest first) makes them again."""
    pages, registry, root = corpus
    articles, facts = _read(pages, registry, {})
    state = ModelState(registry)
    state.update(articles, facts, registry, "Story", "Intro.")
    dated = [i for i, a in enumerate(articles) if a.published is not None]
    i, j = dated[0], dated[-1]
    text = dataclasses.replace(articles[i], blocks=articles[i].blocks[:-1])
    renamed = dataclasses.replace(articles[i], title="Zzz a title sorted last")
    redated = dataclasses.replace(articles[j], published=articles[i].published - timedelta(900))
    for index, article, kept in ((i, text, True), (i, renamed, False), (j, redated, False)):
        edited = [*articles[:index], article, *articles[index + 1 :]]
        found = [*facts[:index], extract(article, registry), *facts[index + 1 :]]
        fresh = build_digest(edited, found, registry, "Story", "Intro.")
        updated = state.update(edited, found, registry, "Story", "Intro.")
        assert state.last.entries_kept is kept
        assert [e.slug for e in updated.articles] == [e.slug for e in fresh.articles]
        assert _site(updated) == _site(fresh)
        state.update(articles, facts, registry, "Story", "Intro.")  # the edit undone


TALKS = [
    "Qatar hosted talks in Doha on March 5, 2024 with envoys.",
    "Qatar hosted talks in Doha on March 5, 2024 about hostages.",
    "Qatar hosted talks in Doha on March 5, 2024 about ceasefire.",
]
OTHER = "Officials in the region said on April {d}, 2024 that the {w} question was open."


def _articles(other: list[str], registry):
    texts = [f"Talks report {i}\nPublished: 6 March 2024\n\n{r}\n" for i, r in enumerate(TALKS)]
    texts.append("Other news\nPublished: 20 April 2024\n\n" + "\n\n".join(other) + "\n")
    articles = [read_page(text, f"p{i}.txt") for i, text in enumerate(texts)]
    return articles, [extract(a, registry) for a in articles]


def _told(digest) -> list[tuple[str, str]]:
    return [(e.value, e.text) for e in digest.events]


def test_a_word_made_common_elsewhere_rechooses_a_days_text():
    """Three reports of one day, alike but for one word each: the most central is the one
    whose own word is commonest in the corpus. Another day's article making "hostages"
    common changes which one the day shows, though none of its reports changed: the day
    is settled again (not merged again), with as many sentences (some IDFs move) and with
    one more (every IDF moves)."""
    registry = load_registry(ROOT / "content" / "actors.yml")
    state = ModelState(registry)
    versions = [
        [OTHER.format(d=d, w="border") for d in (2, 3, 4)],
        [OTHER.format(d=d, w=w) for d, w in ((2, "hostages"), (3, "hostages"), (4, "border"))],
        [OTHER.format(d=d, w="ceasefire") for d in (2, 3, 4, 5)],
    ]
    shown = []
    for other in versions:
        articles, facts = _articles(other, registry)
        fresh = build_digest(articles, facts, registry, "Story", "Intro.")
        updated = state.update(articles, facts, registry, "Story", "Intro.")
        assert _told(updated) == _told(fresh)
        assert _site(updated) == _site(fresh)
        shown.append(next(text for value, text in _told(fresh) if value == "2024-03-05"))
        if len(shown) > 1:
            assert state.last.parts_in == 1 and state.last.settled >= 1
    assert shown == [TALKS[0], TALKS[1], TALKS[2]]


def test_a_new_lead_sentence_changes_a_kept_key_date():
    """An article that opens with a new undated sentence changes what its day's key date
    says, though the day's dated sentences, rank and evidence are the same: the key date
    is made again, not taken from the last build (``KeyDateMemo``)."""
    registry = load_registry(ROOT / "content" / "actors.yml")
    state = ModelState(registry)
    other = [OTHER.format(d=d, w="border") for d in (2, 3, 4)]
    lead = "Qatar said the envoys talked about hostages and a ceasefire in Doha for hours."
    summaries = []
    for opening in ("", lead, ""):
        articles, facts = _articles(other, registry)
        if opening:
            articles[0] = read_page(
                f"Talks report 0\nPublished: 6 March 2024\n\n{opening}\n\n{TALKS[0]}\n", "p0.txt"
            )
            facts[0] = extract(articles[0], registry)
        fresh = build_digest(articles, facts, registry, "Story", "Intro.")
        updated = state.update(articles, facts, registry, "Story", "Intro.")
        assert updated.key_dates == fresh.key_dates
        assert _site(updated) == _site(fresh)
        summaries.append(next(k.summary for k in fresh.key_dates if k.date == "2024-03-05"))
    assert summaries[0] != summaries[1] == (TALKS[1],) and summaries[2] == summaries[0]


def test_an_update_that_fails_leaves_no_half_counted_state(corpus, monkeypatch):
    """An update that fails halfway (here: merging a day, after the counts moved) leaves
    no half-counted state: the next update starts afresh and is what a fresh build gives."""
    pages, registry, root = corpus
    articles, facts = _read(pages, registry, {})
    state = ModelState(registry)
    state.update(articles, facts, registry, "Story", "Intro.")

    def broken(*args, **kwargs):
        raise RuntimeError("merging failed")

    monkeypatch.setattr(incremental, "merge_day", broken)
    with pytest.raises(RuntimeError):
        state.update(articles[1:], facts[1:], registry, "Story", "Intro.")
    monkeypatch.undo()
    updated = state.update(articles[1:], facts[1:], registry, "Story", "Intro.")
    assert state.last.fresh
    fresh = build_digest(articles[1:], facts[1:], registry, "Story", "Intro.")
    assert _site(updated) == _site(fresh)
