"""Ingest, HTML body (issue 15, round three): what a reader does not see, what a reader
calls the article. Small pages written for these tests."""

from __future__ import annotations

from generator.ingest import read_page

_LEAD = (
    "The ferry between the two islands will run twice a day again from Monday, the harbour "
    "office said, after a month in which storms kept the boat in port on most days."
)
_SECOND = (
    "Islanders had crossed on fishing boats in the meantime, and the school on the smaller "
    "island taught its pupils from the village hall until the teachers could come back."
)
_HIDDEN = (
    "Thank you for subscribing to our morning letter, you will receive the first one "
    "tomorrow at seven, and you can change your choice at any time from your account page."
)


def _page(body: str) -> str:
    return (
        "<!DOCTYPE html><html><head><meta charset='utf-8'><title>Ferry runs again</title>"
        f"</head><body><h1>Ferry runs again</h1>{body}</body></html>"
    )


def test_text_the_page_hides_is_not_read_into_a_short_article():
    # A short article (read with the extractor's full cascade) beside a dialog, a player's
    # notice and a block hidden by its style: none of their text is the article's.
    for hidden in (
        f'<div role="dialog" aria-hidden="true"><p>{_HIDDEN}</p></div>',
        f'<p style="display: none">{_HIDDEN}</p>',
        f"<div hidden><p>{_HIDDEN}</p></div>",
        f'<section style="visibility:hidden"><p>{_HIDDEN}</p></section>',
    ):
        article = read_page(_page(f"<p>{_LEAD}</p>{hidden}<p>{_SECOND}</p>"), "ferry.html")
        assert article.paragraphs == [_LEAD, _SECOND], hidden


def test_a_page_that_hides_its_whole_text_until_a_script_shows_it_keeps_it():
    hidden = f"<div style='display:none'><article><p>{_LEAD}</p><p>{_SECOND}</p></article></div>"
    article = read_page(_page(hidden + "<div>Loading</div>"), "script.html")
    assert article.paragraphs == [_LEAD, _SECOND]


def _article_with(*extra: str) -> str:
    """A long article (read in trafilatura's fast mode) with ``extra`` paragraphs amid it."""
    more = [
        f"On the {n}th day the harbour master walked the quay again and counted the boats that "
        "had come back, writing their names in the book that the office has kept since the war."
        for n in range(5, 9)
    ]
    paras = [_LEAD, *extra, _SECOND, *more]
    return _page("<article>" + "".join(f"<p>{p}</p>" for p in paras) + "</article>")


def test_a_labelled_link_to_another_story_is_dropped_in_several_languages():
    links = [
        "See also: Storms close the northern harbour for a third week in a row",
        "Lire aussi : La tempête ferme le port du nord pour la troisième semaine",
        "Lesen Sie auch: Sturm schließt den Hafen im Norden zum dritten Mal",
        "Leggi anche » La tempesta chiude il porto del nord per la terza settimana",
    ]
    article = read_page(_article_with(*links), "links.html")
    assert not set(links) & set(article.paragraphs)
    assert _LEAD in article.paragraphs and _SECOND in article.paragraphs


def test_a_sentence_that_mentions_related_work_is_kept():
    prose = (
        "Related work on the northern pier began last spring, when the council found money "
        "for new stones after a winter of floods had washed half of the old ones away."
    )
    assert prose in read_page(_article_with(prose), "prose.html").paragraphs


def test_photo_credits_and_bylines_in_other_languages_are_dropped():
    lines = ["Foto: Jana Beck / dpa", "(Bild: Tom Weber)", "Crédit photo : Marie Roux",
             "von Jana Beck", "Par Marie Roux"]  # fmt: skip
    article = read_page(_article_with(*lines), "credits.html")
    assert not set(lines) & set(article.paragraphs)
    assert len(article.paragraphs) == 6


def test_a_call_to_sign_up_for_the_newsletter_is_dropped_a_report_about_one_is_not():
    call = "Don't miss a story from the islands - sign up to our morning newsletter here."
    report = (
        "The harbour office said islanders who sign up for its newsletter would hear of "
        "cancelled crossings the evening before, instead of at the quay in the morning."
    )
    paragraphs = read_page(_article_with(call, report), "letter.html").paragraphs
    assert call not in paragraphs and report in paragraphs


def test_teasers_cut_short_below_the_article_are_dropped():
    teasers = []
    for n, what in enumerate(("bridge", "school", "market"), start=1):
        teasers += [
            f"The {what} reopens",
            f"After {n} months of work the {what} on the island opens its doors again, and the "
            f"people who waited for it say that the …/ more",
        ]
    # The article ends on a short sentence; the teasers stand inside the article's element
    # (the extractor keeps them).
    paragraphs = [*read_page(_article_with(), "teasers.html").paragraphs, "Nobody was hurt."]
    with_teasers = read_page(
        _page(
            "<article>"
            + "".join(f"<p>{p}</p>" for p in paragraphs)
            + "".join(
                f"<h3>{t}</h3>" if i % 2 == 0 else f"<p>{t}</p>" for i, t in enumerate(teasers)
            )
            + "</article>"
        ),
        "teasers.html",
    )
    assert with_teasers.paragraphs == paragraphs


def test_an_article_whose_paragraphs_trail_off_keeps_them():
    # Two paragraphs trailing off in a row, then the article goes on: none is a teaser.
    trailing = [
        "She looked at the empty quay, then at the sea, and said only that she had waited …",
        "And waited, and waited, the way her mother had waited for the boat before her …",
    ]
    article = read_page(_article_with(*trailing), "trailing.html")
    assert all(t in article.paragraphs for t in trailing)


def test_a_recipe_s_fractions_are_no_gallery_counters():
    from generator.ingest.textdump import paragraph_furniture

    for line in ("1/2 cup of rolled oats", "2/3 tsp ground cinnamon", "1/2 Teelöffel Zimt"):
        assert paragraph_furniture(line) is None, line
    # A gallery's counter before its caption is still one.
    assert paragraph_furniture("4/20 Fishing boats wait in the harbour") is not None


def test_headlines_stamped_with_their_date_below_the_article_are_a_listing():
    stamped = [
        "Bridge to the mainland opens a week early 4 March 2024",
        "School on the small island gets a new roof 2 March 2024",
        "Fish market moves back to the harbour 28 February 2024",
    ]
    article = read_page(_article_with(), "stamped.html")
    listed = read_page(
        _page(
            "<article>"
            + "".join(f"<p>{p}</p>" for p in article.paragraphs + stamped)
            + "</article>"
        ),
        "stamped.html",
    )
    assert listed.paragraphs == article.paragraphs


def test_a_box_of_other_columns_below_the_article_is_cut():
    article = read_page(_article_with(), "columns.html")
    box = ["<h3>Other opinion columns</h3>"] + [
        f"<h4>Column {n}</h4><p>JANE DOE The harbour needs a new pier more than it needs a "
        f"new car park, and the council should say so before the money is spent on week {n}.</p>"
        for n in range(1, 5)
    ]
    boxed = read_page(
        _page(
            "<article>"
            + "".join(f"<p>{p}</p>" for p in article.paragraphs)
            + "".join(box)
            + "</article>"
        ),
        "columns.html",
    )
    assert boxed.paragraphs == article.paragraphs


def test_reading_time_in_other_languages_is_a_counter():
    from generator.ingest.textdump import paragraph_furniture

    for line in ("Temps de lecture : 4 min", "Lesezeit: 3 Min.", "Tiempo de lectura: 2 minutos"):
        assert paragraph_furniture(line) == "counter", line
    assert paragraph_furniture("Lesezeit ist Lernzeit, sagen die Lehrer der Inselschule.") is None


def test_contributor_notes_author_addresses_and_header_image_captions_are_dropped():
    notes = [
        "Jane Doe and Tom Roe contributed reporting to this story.",
        "Mara Lind can be reached at mlind@example.com.",
        "Header image: The old ferry at its winter mooring in the north harbour",
        "From our morning briefing to a weekly letter on the islands, get it delivered to "
        "your inbox.",
    ]
    article = read_page(_article_with(*notes), "notes.html")
    assert not set(notes) & set(article.paragraphs)
    assert len(article.paragraphs) == 6


def test_a_sentence_about_an_inbox_or_a_contribution_is_kept():
    prose = [
        "If a message about the ferry lands in your inbox asking for your card number, do not "
        "answer it, the harbour office warned on Monday.",
        "Fishermen contributed to this report by the council, which asked them where the "
        "storms had done the most harm to the quay.",
    ]
    article = read_page(_article_with(*prose), "inbox.html")
    assert all(p in article.paragraphs for p in prose)


def test_ad_labels_share_lines_and_comment_counts_in_other_languages_are_dropped():
    lines = ["Anzeige", "Werbung", "Artikel teilen", "Partager", "5 Kommentare"]
    article = read_page(_article_with(*lines), "labels.html")
    assert not set(lines) & set(article.paragraphs)
    assert len(article.paragraphs) == 6


def _restored(middle: str) -> list[str]:
    from generator.ingest.article import Block
    from generator.ingest.html.restore import restore_lists
    from generator.ingest.html.tree import parse_html

    tree = parse_html(
        f"<html><body><article><p>{_LEAD}</p>{middle}<p>{_SECOND}</p></article></body></html>"
    )
    blocks = [Block("paragraph", _LEAD), Block("paragraph", _SECOND)]
    restore_lists(tree, blocks)
    return [b.text for b in blocks]


def test_a_list_dropped_between_two_kept_paragraphs_is_put_back_where_it_stands():
    items = ["Bring warm clothes for the crossing.", "Keep your ticket until you land."]
    got = _restored("<p></p><ul>" + "".join(f"<li>{t}</li>" for t in items) + "</ul>")
    assert got == [_LEAD, *items, _SECOND]


def test_a_list_of_links_or_a_hidden_list_between_paragraphs_stays_out():
    links = "<ul><li><a href='/a'>Storm closes the port</a></li><li><a href='/b'>Ferry fares rise</a></li></ul>"
    hidden = "<ul style='display:none'><li>Bring warm clothes.</li><li>Keep your ticket.</li></ul>"
    assert _restored(links) == [_LEAD, _SECOND]
    assert _restored(hidden) == [_LEAD, _SECOND]
