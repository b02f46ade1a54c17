"""A title one outlet gives to many different articles is the site's, not theirs."""

from __future__ import annotations

from pathlib import Path

from generator.ingest.article import Article, Block
from generator.ingest.corpus import read_corpus
from generator.ingest.shared_titles import SHARED_TITLE_MIN, retitle_shared


def article(source: str, title: str, *paragraphs: str, outlet: str = "ledger") -> Article:
    blocks = [Block("paragraph", p) for p in paragraphs]
    return Article(title=title, blocks=blocks, outlet=outlet, source=source)


BANNER = "You are reading the international edition."
STORIES = [
    ("Ferry operators halted crossings on Tuesday as the storm reached the strait.", "More."),
    ("The port authority reopened the northern terminal after three days of repairs.", "More."),
    ("Harbour pilots voted to strike over the new night-shift rules, their union said.", "More."),
]


def test_a_title_shared_by_different_articles_of_one_outlet_gives_way_to_their_own_lead():
    articles = [article(f"{i}.txt", BANNER, *story) for i, story in enumerate(STORIES)]
    titles = [a.title for a in retitle_shared(articles)]
    assert titles == [story[0] for story in STORIES]


def test_one_warning_names_the_group_on_its_first_file():
    articles = [article(f"{i}.txt", BANNER, *story) for i, story in enumerate(STORIES)]
    warnings = [w for a in retitle_shared(articles) for w in a.warnings]
    assert len(warnings) == 1
    assert warnings[0].startswith("0.txt: ") and "1.txt, 2.txt" in warnings[0]


def test_two_articles_sharing_a_headline_or_three_outlets_sharing_one_keep_it():
    pair = [article(f"{i}.txt", "Storm closes the strait", *STORIES[i]) for i in range(2)]
    assert [a.title for a in retitle_shared(pair)] == ["Storm closes the strait"] * 2
    assert SHARED_TITLE_MIN == 3
    spread = [
        article(f"{i}.txt", "Storm closes the strait", *STORIES[i], outlet=f"outlet{i}")
        for i in range(3)
    ]
    assert [a.title for a in retitle_shared(spread)] == ["Storm closes the strait"] * 3


def test_a_lead_sentence_the_group_shares_is_furniture_too():
    promo = "Watch the evening bulletin at 8 p.m. on channel four."
    articles = [article(f"{i}.txt", BANNER, promo, story[0]) for i, story in enumerate(STORIES)]
    assert [a.title for a in retitle_shared(articles)] == [story[0] for story in STORIES]


def test_a_long_lead_is_cut_at_a_word_with_an_ellipsis():
    long = "The harbour " + "authority said that " * 20 + "repairs would last {} weeks."
    articles = [article(f"{i}.txt", BANNER, long.format(i + 2)) for i in range(3)]
    for a in retitle_shared(articles):
        assert a.title.endswith("…") and len(a.title) <= 111 and a.title.startswith("The harbour")


def test_read_corpus_applies_it(tmp_path: Path):
    raw = tmp_path / "raw"
    raw.mkdir()
    for i, story in enumerate(STORIES):
        text = f"---\ntitle: {BANNER}\noutlet: ledger\npublished: 2024-03-0{i + 1}\n---\n\n"
        (raw / f"{i}.md").write_text(text + "\n\n".join(story) + "\n", encoding="utf-8")
    corpus = read_corpus(raw)
    assert sorted(a.title for a in corpus.articles) == sorted(story[0] for story in STORIES)
