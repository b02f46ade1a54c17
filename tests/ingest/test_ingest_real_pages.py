"""Ingest on real pages (issue 15): the body first, metadata best-effort, failure classes.

The pages here are small ones written for these tests; the last test runs every page of
the shared development sets (../shared/corpora) and is skipped when they are absent.
"""

from __future__ import annotations

import gzip
import json
from datetime import datetime
from pathlib import Path

import pytest

from generator.ingest import read_page

_PARAS = [
    "The harbour board agreed on Monday to dredge the northern channel before the winter "
    "storms, after two cargo ships ran aground there within a month.",
    "Engineers told the board that silt carried down by the spring floods had cut the depth "
    "of the channel by almost a metre since the last survey was made.",
    "The work will take about six weeks and cost the port some four million euros, which "
    "the board hopes to recover from a small rise in berth fees next year.",
    "Fishing crews, who use the channel every day, said they welcomed the decision but "
    "asked to be told in advance when the dredgers would be working.",
]
_HEADLINE = "Harbour board orders channel dredged after ships run aground"


def _body(paras: list[str] = _PARAS) -> str:
    return "".join(f"<p>{p}</p>" for p in paras)


def _page(head: str, body: str) -> str:
    return (
        f"<!DOCTYPE html><html><head><meta charset='utf-8'>{head}</head><body>{body}</body></html>"
    )


def _article_html(head: str = "", extra_body: str = "") -> str:
    return _page(
        f"<title>{_HEADLINE}</title>{head}",
        f"<article><h1>{_HEADLINE}</h1>{extra_body}{_body()}</article>",
    )


# --- every head field: missing or empty values never cost the body --------------------

_META_KEYS = [
    ("name", "author"),
    ("property", "article:author"),
    ("name", "parsely-author"),
    ("name", "dc.creator"),
    ("property", "og:title"),
    ("name", "twitter:title"),
    ("property", "og:site_name"),
    ("name", "application-name"),
    ("name", "description"),
    ("property", "og:description"),
    ("property", "og:url"),
    ("property", "article:published_time"),
    ("name", "pubdate"),
    ("itemprop", "datePublished"),
]
_VALUES = {
    "missing": "",
    "empty": " content=''",
    "blank": " content='   '",
    "not a date": " content='soon'",
}


@pytest.mark.parametrize("attr,key", _META_KEYS)
@pytest.mark.parametrize("value", sorted(_VALUES))
def test_meta_tag_without_a_usable_value(attr, key, value):
    html = _article_html(f"<meta {attr}='{key}'{_VALUES[value]}>")
    article = read_page(html, "meta.html")
    assert article.paragraphs == _PARAS
    assert article.warnings == []
    if value != "not a date":
        assert article.title == _HEADLINE
        assert article.author is None and article.published is None


@pytest.mark.parametrize(
    "head",
    [
        "<meta content='Ship News'>",  # a value with no key
        "<meta property=''>",
        "<link rel='canonical'>",
        "<link rel='canonical' href=''>",
        "<script type='application/ld+json'></script>",
        "<script type='application/ld+json'>{not json</script>",
        "<script type='application/ld+json'>[1, \"two\", null]</script>",
        '<script type=\'application/ld+json\'>{"@graph": "none"}</script>',
        '<script type="application/ld+json">{"@type": "NewsArticle", "author": [null, 3, {}],'
        ' "publisher": {"name": null}, "datePublished": 20240301, "headline": ["a"],'
        ' "url": {}, "mainEntityOfPage": {"name": "x"}}</script>',
        '<script type="application/ld+json">{"@type": ["NewsArticle", 7], '
        '"author": {"@id": "#nobody"}, "datePublished": ""}</script>',
    ],
)
def test_head_markup_malformed_or_empty(head):
    article = read_page(_article_html(head), "head.html")
    assert article.paragraphs == _PARAS
    assert article.warnings == []
    assert article.author is None


@pytest.mark.parametrize("title", ["<title></title>", "<title>   </title>", ""])
def test_page_without_a_title_still_has_its_body(title):
    html = _page(title, f"<article>{_body()}</article>")
    article = read_page(html, "untitled.html")
    assert article.paragraphs == _PARAS
    assert article.title  # something to show, never empty


def test_empty_author_elements_and_time_without_a_value():
    extra = (
        "<span itemprop='author'></span><a rel='author'> </a><time itemprop='datePublished'></time>"
    )
    article = read_page(_article_html(extra_body=extra), "authors.html")
    assert article.paragraphs == _PARAS
    assert article.author is None
    assert article.warnings == []


# --- a step that fails: a warning naming the file and the step, the body kept -------------


def test_failing_html_metadata_step_is_a_warning_not_a_lost_body(monkeypatch):
    from generator.ingest.html import reader

    def broken(*args):
        raise KeyError("surprise")

    monkeypatch.setattr(reader, "choose_author", broken)
    monkeypatch.setattr(reader, "choose_title", broken)
    article = read_page(_article_html("<meta name='author' content='Ana Reyes'>"), "x.html")
    assert article.paragraphs == _PARAS
    assert article.author is None
    assert article.title  # the fallback title
    assert len(article.warnings) == 2
    assert all(w.startswith("x.html: ") for w in article.warnings)
    assert any("author skipped" in w and "KeyError" in w for w in article.warnings)
    assert any("title skipped" in w for w in article.warnings)


def test_failing_text_dump_metadata_step_is_a_warning_not_a_lost_body(monkeypatch):
    from generator.ingest.textdump import reader

    def broken(*args):
        raise ValueError("no")

    monkeypatch.setattr(reader, "choose_date", broken)
    text = f"{_HEADLINE}\n\nBy Ana Reyes\n\n3 March 2024\n\n" + "\n\n".join(_PARAS)
    article = read_page(text, "dump.txt")
    assert article.paragraphs == _PARAS
    assert article.published is None and article.date_confidence == "none"
    assert article.warnings == ["dump.txt: publication date skipped (ValueError: no)"]


def test_extractor_finding_nothing_falls_back_to_the_visible_text(monkeypatch):
    from generator.ingest.html import reader

    monkeypatch.setattr(reader, "extract_body", lambda tree: ([], []))
    article = read_page(_article_html(), "nobody.html")
    assert article.paragraphs == _PARAS


# --- HTML: what the extractor keeps -------------------------------------------------------


def test_long_sentence_about_an_app_or_a_newsletter_is_kept():
    from generator.ingest.textdump import paragraph_furniture

    for sentence in (
        "The council said residents who sign up for the new parking app before March will "
        "receive their first month free, a scheme critics called a gimmick.",
        "Readers of the weekly newsletter, which the museum has published since 1998, were "
        "the first to learn that the collection would move to the old customs house.",
    ):
        assert paragraph_furniture(sentence) is None


def test_promotion_addressed_to_the_reader_is_still_dropped():
    from generator.ingest.textdump import paragraph_furniture

    assert paragraph_furniture("Sign up for our newsletter") is not None
    assert (
        paragraph_furniture(
            "Subscribe to our morning briefing and get the most important stories of the day "
            "delivered to your inbox before breakfast."
        )
        is not None
    )


def test_data_table_kept_as_rows_layout_table_as_text():
    table = (
        "<table><tr><th>Ship</th><th>Tonnes</th></tr>"
        "<tr><td>Northern Star</td><td>12,400</td></tr>"
        "<tr><td>Grey Heron</td><td>8,150</td></tr></table>"
    )
    article = read_page(_article_html(extra_body=table), "table.html")
    assert "Northern Star | 12,400" in article.paragraphs
    assert "Grey Heron | 8,150" in article.paragraphs


def test_text_after_a_list_in_the_same_container_is_kept():
    tail = (
        "<div><ul><li>the northern channel will close at night</li>"
        "<li>pilots will guide every ship above 5,000 tonnes</li></ul>"
        "Both rules apply until the dredging is finished, the harbour master said on Monday "
        "evening in a notice to all crews.</div>"
    )
    article = read_page(_article_html(extra_body=tail), "tail.html")
    body = " ".join(article.paragraphs)
    assert "Both rules apply until the dredging is finished" in body


def test_hyphenated_word_opening_a_paragraph_is_no_caption():
    from generator.ingest.textdump import paragraph_furniture

    line = (
        "File-by-file comparison is how the archive finds what changed: it reads both copies, "
        "compares them line by line and keeps only the difference (see the appendix/notes)."
    )
    assert paragraph_furniture(line) is None


# --- dates ------------------------------------------------------------------------------------


def test_utc_instant_votes_for_the_local_day_the_page_shows():
    head = "<meta property='article:published_time' content='2024-03-05T02:10:00Z'>"
    byline = "<p class='byline'>By Ana Reyes</p><p>March 4, 2024 at 9:10 p.m.</p>"
    article = read_page(_article_html(head, byline), "utc.html")
    assert article.published is not None
    assert article.published.date() == datetime(2024, 3, 4).date()


def test_markup_date_alone_is_not_sure_seconded_it_is():
    # 6 March 2024 is a Wednesday: the text ("on Monday") names no weekday of it.
    alone = read_page(
        _article_html("<meta property='article:published_time' content='2024-03-06'>"), "a.html"
    )
    assert alone.published == datetime(2024, 3, 6)
    assert alone.date_confidence == "low"
    seconded = read_page(
        _article_html(
            "<meta property='article:published_time' content='2024-03-06'>",
            "<p>Published 6 March 2024</p>",
        ),
        "b.html",
    )
    assert seconded.published == datetime(2024, 3, 6)
    assert seconded.date_confidence == "high"


def test_markup_and_visible_byline_disagreeing_is_doubtful():
    article = read_page(
        _article_html(
            "<meta property='article:published_time' content='2024-03-08'>",
            "<p>By Ana Reyes | 6 March 2024</p>",
        ),
        "c.html",
    )
    assert article.date_confidence == "low"
    assert any("conflict" in e for e in article.date_evidence)


def test_agreeing_sources_outvote_one_heavier_source():
    from generator.ingest.pubdate import Candidate, choose_date

    candidates = [
        Candidate(datetime(2024, 3, 9), "metadata", None, "<meta>"),
        Candidate(datetime(2024, 3, 4), "byline", 3, "4 March 2024"),
        Candidate(datetime(2024, 3, 4), "footer", 40, "Posted 04.03.2024"),
        Candidate(datetime(2024, 3, 4), "header", 1, "Monday 4 March 2024"),
    ]
    assert choose_date(candidates, "The board met.").published == datetime(2024, 3, 4)


# --- text dumps: the article's region -----------------------------------------------------------


def _dump(*parts: str) -> str:
    return "\n\n".join(parts)


_OPINIONS = [
    "I have sailed through that channel for thirty years and it has never been this shallow, "
    "so the dredging is long overdue in my opinion, and the board should have acted in spring.",
    "Four million euros seems a lot for six weeks of work, and the berth fees will hit the "
    "small operators hardest of all, as they always do when the port needs money for anything.",
    "My brother works on one of the dredgers and says the silt is worse than the survey shows, "
    "so I would not be surprised if the work took twice as long as the board is telling us.",
]


def _thread(n: int) -> list[str]:
    """A comment thread: a name and a time, a long opinion, a reply link; ``n`` times."""
    out = []
    for k in range(n):
        out += [f"Reader{k} · March 5, 2024 at {8 + k % 9}:1{k % 6} AM", _OPINIONS[k % 3]]
    return out


def test_long_comment_thread_after_the_article_is_not_body():
    # The thread outweighs the article: only its header stops the region.
    text = _dump(
        _HEADLINE, "By Ana Reyes", "March 4, 2024", *_PARAS, "There are 12 comments", *_thread(12)
    )
    assert read_page(text, "comments.txt").paragraphs == _PARAS


def test_comment_thread_without_a_header_is_cut_off():
    text = _dump(_HEADLINE, "By Ana Reyes", "March 4, 2024", *_PARAS, *_thread(12))
    assert read_page(text, "thread.txt").paragraphs == _PARAS


def test_comment_section_headers_in_other_languages_end_the_article():
    for header in ("Kommentare", "Laisser un commentaire", "Deja un comentario"):
        text = _dump(_HEADLINE, "March 4, 2024", *_PARAS, header, *_OPINIONS * 4)
        assert read_page(text, "foreign.txt").paragraphs == _PARAS, header


def test_short_article_beats_a_longer_teaser_list_below_it():
    teasers = []
    for n in range(6):
        teasers += [
            f"Ferry Operator Adds Winter Crossings To The Islands {n}",
            "The company said the extra sailings, which begin next month, would run on "
            f"weekdays only and be reviewed in the spring after a trial of {n + 3} weeks.",
        ]
    text = _dump("Menu", "Home", _HEADLINE, "March 4, 2024", *_PARAS[:2], "More stories", *teasers)
    assert read_page(text, "teasers.txt").paragraphs == _PARAS[:2]


def test_inline_related_box_does_not_cut_the_article_in_two():
    text = _dump(
        _HEADLINE,
        "March 4, 2024",
        *_PARAS[:2],
        "Related",
        "Storm damage closes the southern pier",
        *_PARAS[2:],
        "Tags: harbour, shipping",
        "Most read",
        "Ferry Operator Adds Winter Crossings",
    )
    assert read_page(text, "related.txt").paragraphs == _PARAS


def test_title_cased_headlines_are_not_prose():
    from generator.ingest.textdump.classify import is_prose
    from generator.ingest.textdump.lines import describe

    headline = describe(
        1, "Local Baker Wins National Prize For Rye Bread After Ten Years Of Trying!"
    )
    sentence = describe(
        2, "Die Stadt hat am Montag beschlossen, den Hafen vor dem Winter ausbaggern zu lassen."
    )
    assert not is_prose(headline)
    assert is_prose(sentence)


def test_chinese_article_kept_and_the_page_script_is_its_own():
    paras = [
        "港务局周一决定在冬季风暴来临之前疏浚北部航道，此前一个月内有两艘货船在那里搁浅。",
        "工程师告诉港务局，春季洪水带来的淤泥使航道深度比上次测量时减少了将近一米。",
        "这项工程大约需要六周时间，耗资约四百万欧元，港务局希望通过明年小幅提高泊位费来收回成本。",
    ]
    menu = ["Home", "News", "Sport", "Weather", "Login", "Subscribe to our newsletter today"]
    text = _dump(*menu, "港务局下令疏浚航道", *paras, "Copyright 2024 Harbour Daily")
    article = read_page(text, "zh.txt")
    assert article.paragraphs == paras


def test_chinese_lines_without_a_final_mark_but_with_pauses_are_prose():
    paras = [
        "港务局周一决定在冬季风暴来临之前疏浚北部航道 此前一个月内有两艘货船在那里搁浅",
        "工程师告诉港务局 春季洪水带来的淤泥使航道深度比上次测量时减少了将近一米",
        "这项工程大约需要六周时间 耗资约四百万欧元 港务局希望通过明年小幅提高泊位费来收回成本",
    ]
    teasers = ["港口新闻 货船搁浅事件最新进展 新华社 3/9 18:01", "天气预报 本周末有风暴 12:30"]
    text = _dump("首页", "新闻", "港务局下令疏浚航道", *paras, "相关新闻", *teasers)
    article = read_page(text, "zh-blog.txt")
    assert article.paragraphs == paras


def test_small_page_of_short_lines_is_kept_whole_garbage_is_not():
    note = read_page("Harbour closed today\nReopens Tuesday\nAsk at the office", "note.txt")
    assert note.paragraphs == ["Harbour closed today", "Reopens Tuesday", "Ask at the office"]
    garbage = bytes(range(0x80, 0x100)) * 20
    assert read_page(garbage, "garbage.txt").paragraphs == []


# --- every page of the shared development sets ---------------------------------------------------

# ../shared/corpora beside the project (or beside the folder of its worktrees).
_ROOT = Path(__file__).resolve().parents[2]  # the project: tests/ingest/this file
CORPORA = next(
    (
        p
        for p in (_ROOT.parent / "shared" / "corpora", _ROOT.parents[1] / "shared" / "corpora")
        if p.is_dir()
    ),
    _ROOT.parent / "shared" / "corpora",
)


def _shared_pages():
    if not CORPORA.is_dir():
        return []
    pages = []
    for folder in sorted((CORPORA / "readability").iterdir()):
        if (folder / "source.html.gz").is_file():
            expected = gzip.decompress((folder / "expected.html.gz").read_bytes()).decode()
            pages.append((folder / "source.html.gz", _has_text(expected)))
    # The date set has no expected bodies (some of its pages show none without scripts):
    # its pages must read without a failed step.
    dates = json.loads((CORPORA / "pubdates" / "dates.json").read_text(encoding="utf-8"))
    for name in sorted(dates):
        path = CORPORA / "pubdates" / "pages" / (name + ".gz")
        if path.is_file():
            pages.append((path, False))
    return pages


def _has_text(html: str) -> bool:
    import html_text

    return bool(html_text.extract_text(html).strip())


@pytest.mark.slow
@pytest.mark.skipif(not CORPORA.is_dir(), reason="no shared corpora beside the project")
def test_every_shared_page_keeps_a_body_on_both_paths():
    import html_text

    from generator.ingest.encoding import decode

    lost = []
    for path, expects_text in _shared_pages():
        data = gzip.decompress(path.read_bytes())
        dump = html_text.extract_text(decode(data), guess_layout=True)
        for kind, page in (("html", data), ("text", dump)):
            article = read_page(page, f"{path.parent.name}/{path.name}.{kind}")
            if expects_text and not article.blocks:
                lost.append(f"{path.parent.name}/{path.name} ({kind})")
            assert not [w for w in article.warnings if "skipped" in w], article.warnings
    assert lost == []


# --- dates as real pages write them ---------------------------------------------------------


@pytest.mark.parametrize(
    "line,day",
    [
        ("Publié le 04/03/24 à 16h33", (2024, 3, 4)),  # two-digit year, French label
        ("Veröffentlicht am 4. März 2024 von Ana", (2024, 3, 4)),
        ("Posted 4. March 2024 by Ana Reyes", (2024, 3, 4)),  # a dot after the day
        ("März 4, 2024 von Ana · Hinterlasse einen Kommentar", (2024, 3, 4)),  # month first
        ("4. Mär. 2024 // Ana Reyes", (2024, 3, 4)),  # abbreviated foreign month
        ("2024/03/04", (2024, 3, 4)),
        ("4. 3. 2024", (2024, 3, 4)),
        ("Von A. R. am 04.03.2024 um 09:07 Uhr in Hafen", (2024, 3, 4)),
        ("By Ana Reyes | 04.03.2024 09:54 | Kommentare", (2024, 3, 4)),
        ("March 4, 2024November 5, 2024 by Ana Reyes", (2024, 3, 4)),  # dates run together
    ],
)
def test_date_lines_real_pages_write(line, day):
    from generator.ingest.pubdate import date_line

    hit = date_line(line)
    assert hit is not None and (hit.year, hit.month, hit.day) == day


@pytest.mark.parametrize(
    "line",
    [
        "The harbour board said on 4 March 2024 that the work would begin in spring.",
        "Die neuen Hafengebühren gelten ab 01.04.2024",  # a date the line looks ahead to
        "Berth fees from 1 April 2024",
        "— Harbour Watch (@harbourwatch) March 4, 2024",  # an embedded post's signature
    ],
)
def test_lines_that_are_no_date_line(line):
    from collections import Counter

    from generator.ingest.textdump.classify import classify
    from generator.ingest.textdump.lines import describe

    ln = describe(1, line)
    classify(ln, None, None, "latin", Counter())
    assert ln.date is None


def test_us_two_digit_year_date_is_read_both_ways():
    from generator.ingest.pubdate import find_dates

    (hit,) = find_dates("By Ana Reyes • 11/08/23 5:19pm")
    assert hit.swappable and (hit.year, hit.day, hit.month) == (2023, 11, 8)


def test_a_date_line_deep_in_the_body_is_no_byline():
    text = _dump(
        _HEADLINE,
        "March 4, 2024",
        *_PARAS[:3],
        "Dredging schedule 12.05.2024",
        _PARAS[3],
    )
    article = read_page(text, "deep.txt")
    assert article.published == datetime(2024, 3, 4)
    assert not any("2024-05-12" in e and "byline" in e for e in article.date_evidence)


# --- text dumps: what stands inside the article --------------------------------------------------


def test_short_list_items_between_paragraphs_are_kept():
    items = ["the northern channel", "the inner basin", "the ferry berth"]
    text = _dump(
        _HEADLINE,
        "March 4, 2024",
        _PARAS[0],
        "The dredgers will work in three places:",
        *items,
        *_PARAS[1:],
    )
    article = read_page(text, "list.txt")
    assert [p for p in article.paragraphs if p in items] == items
    assert article.paragraphs[-1] == _PARAS[-1]


def test_short_lines_after_the_article_are_not_list_items():
    text = _dump(_HEADLINE, "March 4, 2024", *_PARAS, "More from the port:", "Ferry times", "Tides")
    assert read_page(text, "trailing.txt").paragraphs == _PARAS


def test_a_bar_of_links_is_furniture_whatever_its_script():
    from generator.ingest.textdump import paragraph_furniture

    assert paragraph_furniture("Home | News | Sport | Weather | Culture") is not None
    assert paragraph_furniture("首页 | 新闻 | 图片 | 评论 | 体育 | 财经") is not None
    assert paragraph_furniture("Profits rose | costs fell") is None  # two items: no bar


def test_a_picture_gallery_after_the_article_is_not_body():
    gallery = []
    for n in range(1, 7):
        gallery += [
            f"{n}/6 Boats in the harbour",
            "A fishing boat returns to the harbour at dawn, its crew sorting the catch on deck "
            f"before the market opens, picture number {n} of the series.",
        ]
    text = _dump(_HEADLINE, "March 4, 2024", *_PARAS, *gallery)
    assert read_page(text, "gallery.txt").paragraphs == _PARAS


def test_the_article_rendered_twice_is_kept_once():
    text = _dump(_HEADLINE, "March 4, 2024", *_PARAS, "Print this article", *_PARAS)
    assert read_page(text, "twice.txt").paragraphs == _PARAS
    html = _article_html(extra_body="<div class='print'>" + _body() + "</div>")
    assert read_page(html, "twice.html").paragraphs == _PARAS


def test_a_paragraph_said_twice_is_kept_twice():
    from generator.ingest.article import Block, drop_second_rendering

    refrain = Block("paragraph", "The sea gives and the sea takes.")
    blocks = [refrain, Block("paragraph", _PARAS[0]), refrain, Block("paragraph", _PARAS[1])]
    assert drop_second_rendering(blocks)[0] == blocks


@pytest.mark.parametrize(
    "notice",
    [
        "A version of this article appears in print on March 5, 2024, on Page B2 of the "
        "Harbour Times with the headline: Channel to be dredged.",
        "This article was originally published in the Coastal Review and is republished here "
        "with permission.",
        "This post contains affiliate links: if you buy something through them, we may earn a "
        "small commission at no cost to you.",
    ],
)
def test_reprint_and_affiliate_notices_are_not_body(notice):
    from generator.ingest.textdump import paragraph_furniture

    assert paragraph_furniture(notice) is not None
    text = _dump(_HEADLINE, "March 4, 2024", *_PARAS, notice)
    assert read_page(text, "notice.txt").paragraphs == _PARAS


def test_an_authors_biography_at_the_foot_is_not_body():
    bio = (
        "Ana Reyes is a senior reporter at the Harbour Times, covering shipping and the "
        "port's finances since 2015."
    )
    text = _dump(_HEADLINE, "March 4, 2024", *_PARAS, bio)
    assert read_page(text, "bio.txt").paragraphs == _PARAS
    # The same shape at the top of the article is a paragraph of it.
    opening = "Ana Reyes is a harbour pilot who has guided ships through the channel for years."
    text = _dump(_HEADLINE, "March 4, 2024", opening, *_PARAS)
    assert read_page(text, "opening.txt").paragraphs[0] == opening


def test_a_ranked_list_of_other_stories_is_not_body():
    ranked = [
        f"{n} Ferry operator adds winter crossings to the islands Coast News 3/{n + 1} 18:0{n}"
        for n in range(1, 6)
    ]
    text = _dump(_HEADLINE, "March 4, 2024", *_PARAS, "Ranking", *ranked)
    assert read_page(text, "ranked.txt").paragraphs == _PARAS


def test_numbered_steps_in_the_article_are_kept():
    steps = ["1. Close the northern channel", "2. Move the buoys", "3. Start the dredgers"]
    text = _dump(_HEADLINE, "March 4, 2024", _PARAS[0], *steps, *_PARAS[1:])
    article = read_page(text, "steps.txt")
    assert [p for p in article.paragraphs if p[0].isdigit()] == steps


def test_html_box_of_other_stories_after_the_article_is_not_body():
    box = (
        "<h3>More stories</h3>"
        "<p>Ferry operator adds winter crossings</p><p>Lighthouse reopens to visitors</p>"
        "<p>New fish market hall approved by the council</p>"
    )
    article = read_page(_article_html(extra_body=""), "a.html")
    boxed = read_page(
        _page(
            f"<title>{_HEADLINE}</title>",
            f"<article><h1>{_HEADLINE}</h1>{_body()}{box}</article>",
        ),
        "boxed.html",
    )
    assert boxed.paragraphs == article.paragraphs == _PARAS


def test_html_gallery_items_are_not_body_however_long():
    from generator.ingest.textdump import paragraph_furniture

    item = "3/12 Boats at dawn " + "A fishing boat returns to the harbour at first light. " * 6
    assert paragraph_furniture(item) is not None


def test_a_headline_the_page_repeats_at_the_articles_start_is_its_title():
    headline = "3 things the harbour board decided at its long meeting on Monday"
    text = _dump(headline, "News", headline, *_PARAS)
    article = read_page(text, "repeat.txt")
    assert article.title == headline
    assert article.paragraphs == _PARAS


@pytest.mark.parametrize(
    "caption",
    [
        "Fishing boats wait at the harbour mouth for the tide. | Photo: Coast Agency",
        "Die Bagger im nördlichen Kanal am Montag · Foto: Hafenamt",
        "Media caption The harbour master explains why the channel silted up",
    ],
)
def test_captions_without_a_bracketed_credit_are_captions(caption):
    from collections import Counter

    from generator.ingest.textdump.classify import classify
    from generator.ingest.textdump.lines import describe

    ln = describe(1, caption)
    classify(ln, None, None, "latin", Counter())
    assert ln.label == "caption"


def test_the_last_link_of_an_inline_related_box_is_no_subheading():
    text = _dump(
        _HEADLINE,
        "By Ana Reyes",
        _PARAS[0],
        _PARAS[1],
        "Artículos relacionados",
        "Storm closes the northern harbour for a week",
        "Pilots strike over night shifts at the port",
        _PARAS[2],
        _PARAS[3],
    )
    article = read_page(text, "related.txt")
    assert article.paragraphs == _PARAS
    assert article.subheadings == []
