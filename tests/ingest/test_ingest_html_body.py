"""Ingest, HTML body (issue 15, round two): how the extractor's blocks are read back.

Small pages written for these tests: layout tables, text standing between blocks,
inline markup, characters a reader never sees.
"""

from __future__ import annotations

from generator.ingest import read_page

_PARAS = [
    "The valley's last bakery will close at the end of the month, its owner said on "
    "Thursday, after forty years of baking bread for the villages along the river.",
    "Flour and energy now cost twice what they did three years ago, and the shop's few "
    "customers could not be asked to pay twice as much for a loaf.",
    "The mayor said the council would look for someone to take over the ovens, which are "
    "in good order, and would offer the building at a low rent for two years.",
    "Until then, a van from the town will bring bread to the square every morning except "
    "Sunday, starting on the first day of next month.",
]
_HEADLINE = "The valley's last bakery closes after forty years"


def _page(body: str, head: str = "") -> str:
    return (
        "<!DOCTYPE html><html><head><meta charset='utf-8'>"
        f"<title>{_HEADLINE}</title>{head}</head><body>{body}</body></html>"
    )


def test_layout_table_cell_of_paragraphs_gives_paragraphs_not_one_merged_line():
    cell = "".join(f"<p>{p}</p>" for p in _PARAS)
    html = _page(
        f"<table><tr><td><a href='/'>Home</a></td><td><h1>{_HEADLINE}</h1>{cell}</td></tr></table>"
    )
    article = read_page(html, "layout.html")
    assert article.paragraphs[-4:] == _PARAS


def test_blocks_inside_a_cell_never_run_words_together():
    rows = "".join(
        f"<tr><td>Opening hours<p>{day}</p></td></tr>" for day in ("Monday", "Tuesday", "Friday")
    )
    body = "<article>" + "".join(f"<p>{p}</p>" for p in _PARAS) + f"<table>{rows}</table></article>"
    article = read_page(_page(body), "cells.html")
    text = "\n".join(article.paragraphs)
    assert "hoursMonday" not in text
    assert "Opening hours Monday" in text


def test_text_between_blocks_is_not_split_by_inline_markup():
    lead = (
        "Residents signed a letter asking the <b>regional council</b> to help, and "
        "<i>more than</i> three hundred names were on it by Friday evening."
    )
    body = f"<article><div>{lead}" + "".join(f"<p>{p}</p>" for p in _PARAS) + "</div></article>"
    article = read_page(_page(body), "inline.html")
    assert any(
        p.startswith("Residents signed a letter") and p.endswith("Friday evening.")
        for p in article.paragraphs
    )


def test_data_table_with_one_paragraph_per_cell_stays_a_data_table():
    rows = "".join(
        f"<tr><td>{name}</td><td><p>{what}</p></td></tr>"
        for name, what in (
            ("North mill", "Closed in 1998 after the flood."),
            ("South mill", "Still grinding, three days a week."),
        )
    )
    body = (
        "<article>"
        + "".join(f"<p>{p}</p>" for p in _PARAS)
        + f"<table><tr><th>Mill</th><th>Now</th></tr>{rows}</table></article>"
    )
    article = read_page(_page(body), "data.html")
    assert "North mill | Closed in 1998 after the flood." in article.paragraphs


def test_soft_hyphens_and_zero_width_spaces_never_split_words():
    hyphenated = _PARAS[0].replace("bakery", "bak&shy;ery").replace("villages", "vil\u00adlages")
    body = f"<article><p>{hyphenated}</p>" + "".join(f"<p>{p}</p>" for p in _PARAS[1:])
    body = body.replace("customers", "cus\u200btomers") + "</article>"
    article = read_page(_page(body), "shy.html")
    assert article.paragraphs[:4] == _PARAS


def test_soft_hyphens_leave_a_text_dump_too():
    dump = _HEADLINE + "\n\n" + "\n\n".join(_PARAS).replace("forty", "for\u00adty")
    article = read_page(dump, "shy.txt")
    assert "forty years" in " ".join(article.paragraphs)
    assert "\u00ad" not in " ".join(article.paragraphs)


def test_cookie_notices_of_any_length_are_furniture_a_sentence_about_cookies_is_not():
    from generator.ingest.textdump import paragraph_furniture

    notices = [
        "We use cookies and similar tools to run this site, to measure how it is read and to "
        "show you offers that suit you. You can change your choices at any time in the "
        "settings, and by clicking Accept you agree to all of this for the next twelve months, "
        "as set out at length in the policy that we update from time to time.",
        "Wir verwenden Cookies, um die Seite zu verbessern. Mit der weiteren Nutzung stimmen "
        "Sie dem zu.",
        "Nous utilisons des cookies pour mesurer l'audience de ce site.",
    ]
    for notice in notices:
        assert paragraph_furniture(notice) == "cookie or consent notice", notice
    prose = (
        "The bakery's cookies sold out by noon, and the owner said she would bake twice as "
        "many on Saturday for the village fair."
    )
    assert paragraph_furniture(prose) is None


def test_cookie_notice_below_an_html_article_is_dropped():
    notice = (
        "This website uses cookies to improve your experience. By continuing to browse the "
        "site you consent to our use of cookies."
    )
    body = "<article>" + "".join(f"<p>{p}</p>" for p in _PARAS) + f"<p>{notice}</p></article>"
    article = read_page(_page(body), "consent.html")
    assert article.paragraphs == _PARAS


def test_relative_time_stamps_of_listings_in_other_languages_end_an_article():
    from generator.ingest.textdump import patterns as pat

    for line in ("vor 3 Minuten", "il y a 2 heures", "hace 4 horas", "3 ore fa", "2 часа назад"):
        assert pat.LISTING_TIME.match(line), line
    assert not pat.LISTING_TIME.match("vor 30 Jahren wurde die Brücke gebaut")


def test_a_written_label_names_the_publication_beside_an_update():
    from generator.ingest.pubdate import label_of

    assert label_of("Written: 2024-03-05 09:10 / Updated: 2024-03-06 11:00") == "published"


def test_a_caption_with_its_credit_run_on_at_its_end_is_a_caption():
    from generator.ingest.textdump import paragraph_furniture

    captions = [
        "Fishermen mend their nets on the quay at dawn before the storm. Credit: Ana Reyes",
        "Fishermen mend their nets on the quay at dawn. Ana Reyes/AFP/Getty Images",
        "Fishermen mend their nets on the quay at dawn. Ana Reyes / Reuters",
    ]
    for caption in captions:
        assert paragraph_furniture(caption).startswith("photo caption"), caption
    for prose in (
        "The survey, run for the council by Reuters/Ipsos, found most residents undecided.",
        "He bought the boat on credit: the bank agreed within a week.",
    ):
        assert paragraph_furniture(prose) is None, prose


def test_a_bracketed_note_of_abbreviations_ending_prose_is_no_credit():
    from generator.ingest.textdump import paragraph_furniture

    prose = (
        "The old bridge was closed for good in the spring, and the ferry took its traffic "
        "until the new one opened in the autumn. [see part 2 / part 3]"
    )
    assert paragraph_furniture(prose) is None
    assert paragraph_furniture("Ferries wait at the quay in the fog [Jane Doe/Getty Images]")


def test_a_heading_that_names_a_social_network_is_no_share_bar():
    from generator.ingest.textdump import paragraph_furniture

    for bar in ("Share on Facebook", "Follow us on Twitter", "Facebook Twitter Email"):
        assert paragraph_furniture(bar) == "share and social links", bar
    for heading in (
        "Why the council left Facebook",
        "Regulators turn to YouTube's recommendations",
    ):
        assert paragraph_furniture(heading) is None, heading


def test_menus_sidebars_and_footer_are_set_aside_and_put_back_whole():
    from lxml import etree

    from generator.ingest.html.body import set_aside
    from generator.ingest.html.tree import parse_html

    page = _page(
        "<nav>Home<aside>Sport</aside></nav>after the menu<article>"
        + "".join(f"<p>{p}</p>" for p in _PARAS)
        + "</article><footer>© 2024 Valley Courier</footer>after the footer"
    )
    tree = parse_html(page)
    before = etree.tostring(tree)
    with set_aside(tree):
        inside = etree.tostring(tree)
    assert b"<nav>" not in inside and b"Valley Courier" not in inside
    assert b"after the menu" in inside and b"after the footer" in inside
    assert etree.tostring(tree) == before
    article = read_page(page, "aside.html")
    assert article.paragraphs == _PARAS
    assert article.outlet == "Valley Courier"  # the footer's copyright line is still read


def test_dates_of_a_sidebar_are_not_the_markup_s_date():
    from generator.ingest.html.dates import markup_candidates
    from generator.ingest.html.head import read_head
    from generator.ingest.html.tree import marked_elements, parse_html

    body = (
        "<aside><h3>Most read</h3><ul><li><a href='/a'>Ferry strike ends</a> "
        "<time datetime='2019-01-01T10:00'>1 January 2019</time></li></ul></aside>"
        f"<article><h1>{_HEADLINE}</h1>" + "".join(f"<p>{p}</p>" for p in _PARAS) + "</article>"
    )
    tree = parse_html(_page(body))
    found = markup_candidates(tree, read_head(tree), marked_elements(tree))
    assert all(c.value.year != 2019 for c in found)
