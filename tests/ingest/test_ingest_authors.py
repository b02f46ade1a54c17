"""Ingest: who wrote a page (bylines of many shapes, never a guess) and huge one-block HTML pages."""

from __future__ import annotations

import json
import textwrap

import pytest

from generator.ingest import read_page
from generator.ingest.outlet import (
    author_in_line,
    byline_author,
    clean_authors,
    person_names,
    wire_credit,
)

# --- the pieces -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("line", "want"),
    [
        ("By Jane Doe and John Smith", "Jane Doe and John Smith"),
        (
            "By Lucía Fernández, Tomás Ortega and Ines Duarte",
            "Lucía Fernández, Tomás Ortega and Ines Duarte",
        ),
        ("By Abdullah al-Mansouri", "Abdullah al-Mansouri"),
        ("By Maria de la Cruz | 3 June 2023", "Maria de la Cruz"),
        ("By Pieter van den Berg, Rotterdam Courier", "Pieter van den Berg"),
        ("BY HENRIK LARSEN", "HENRIK LARSEN"),
        ("By Grace Mwangi, Africa correspondent | 3 June 2023", "Grace Mwangi"),
        ("By Grace Mwangi with AFP", "Grace Mwangi"),
        ("By Grace Mwangi, AFP", "Grace Mwangi"),
        ("By Élodie Martin and Łukasz Nowak", "Élodie Martin and Łukasz Nowak"),
        ("By AFP", None),
        ("By Grace", None),
        ("By the end of the week, the ships had gone.", None),
        ("By Staff", None),
        ("By Editorial Team", None),
        ("By Web Desk", None),
        ("By coastlinevoice.com", None),
    ],
)
def test_byline_lines(line: str, want: str | None) -> None:
    assert byline_author(line) == want


@pytest.mark.parametrize(
    ("line", "want"),
    [
        ("Noura bin Khalid · 6 min read", "Noura bin Khalid"),
        ("Tobias Ek | 11 minute read", "Tobias Ek"),
        ("Grace Mwangi, Senior reporter", "Grace Mwangi"),
        ("Hiroshi Tanaka - Diplomatic correspondent", "Hiroshi Tanaka"),
        ("Posted 4 May 2023 by Ines Duarte", "Ines Duarte"),
        ("Admin · 3 min read", None),
    ],
)
def test_author_in_date_and_role_lines(line: str, want: str | None) -> None:
    assert author_in_line(line) == want


@pytest.mark.parametrize(
    ("line", "want"),
    [
        ("Reporting by Tomás Ortega; Editing by Alison Hart", "Tomás Ortega"),
        (
            "(Reporting by Grace Mwangi in Nairobi; Additional reporting by Ali Musa; "
            "Writing by Tom Reid; Editing by Alison Hart)",
            "Grace Mwangi",
        ),
        (
            "Reporting by Grace Mwangi and Ali Musa; Editing by Alison Hart",
            "Grace Mwangi and Ali Musa",
        ),
        ("Editing by Alison Hart", None),
        ("Reporting by staff; editing by the desk", None),
    ],
)
def test_wire_footers_credit_the_reporter_not_the_editor(line: str, want: str | None) -> None:
    assert wire_credit(line) == want


@pytest.mark.parametrize(
    "line",
    [
        "Police said nothing.",  # a short body sentence
        "New Delhi",
        "United Nations",
        "South China Sea",
        "Middle East",
        "Supreme Court",
        "Coastline Voice Network",
        "Breaking News",
        "Tuesday March",
        "Jane Doe said",
    ],
)
def test_lines_that_are_not_persons(line: str) -> None:
    assert person_names(line) is None


def test_bare_name_lines() -> None:
    assert person_names("Omar Haddad") == "Omar Haddad"
    assert person_names("Lena Vogel and Marco Rossi") == "Lena Vogel and Marco Rossi"
    assert person_names("Ursula von der Leyen") == "Ursula von der Leyen"


def test_clean_authors_drops_outlets_desks_and_urls() -> None:
    assert clean_authors("Lena Vogel, Coastline Voice", outlet="Coastline Voice") == "Lena Vogel"
    assert clean_authors("Coastline Voice", outlet="The Coastline Voice") is None
    assert clean_authors("https://example.org/people/lena") is None
    assert clean_authors("Editorial team") is None
    assert clean_authors("Lena Vogel; Marco Rossi") == "Lena Vogel; Marco Rossi"


# --- whole pages ------------------------------------------------------------------

HEAD = "Skip to main content\nHome | World | Business | Sport\nSearch\n"
TITLE = "Ferry operators cut winter sailings as fuel bills climb"
BODY = (
    "Two ferry companies said on Monday they would cut winter sailings to the outer islands "
    "after fuel costs rose for the fourth month in a row.\n"
    "The larger operator will run one crossing a day instead of three from November, while "
    "its smaller rival will suspend its evening service until the spring.\n"
    "Island councils said the cuts would leave hospital patients and schoolchildren stranded "
    "on stormy days, when a single cancelled crossing can mean a night away from home.\n"
    "“We understand the pressure on the companies, but people here have no other way to reach "
    "the mainland,” said a councillor who represents two of the smaller islands.\n"
    "The transport department said it was reviewing the subsidy it pays for the routes and "
    "would publish its findings before the end of the year.\n"
)
FOOT = "Most read\nMore from Business\nCopyright 2023 Coastline Voice. All rights reserved.\n"


def page(above: str = "", below: str = "", after_body: str = "", lead: str = "") -> str:
    parts = [HEAD, above, TITLE, below, lead + BODY, after_body, FOOT]
    return "\n".join(p.strip("\n") for p in parts if p) + "\n"


@pytest.mark.parametrize(
    ("above", "below", "after_body", "want"),
    [
        ("", "Lena Vogel\nStaff writer\n4 October 2023", "", "Lena Vogel"),
        ("", "4 October 2023\nLena Vogel\nSenior reporter", "", "Lena Vogel"),
        ("", "Lena Vogel and Marco Rossi\n4 October 2023", "", "Lena Vogel and Marco Rossi"),
        ("", "Lena Vogel · 4 min read\n4 October 2023", "", "Lena Vogel"),
        ("", "Lena Vogel | 4 October 2023", "", "Lena Vogel"),
        ("", "By Lena Vogel, Coastline Voice\n4 October 2023", "", "Lena Vogel"),
        ("", "Youssef el-Amrani in Tangier\n4 October 2023", "", "Youssef el-Amrani"),
        ("", "4 October 2023\nPieter van der Berg", "", "Pieter van der Berg"),
        ("Lena Vogel", "4 October 2023", "", "Lena Vogel"),
        ("", "4 October 2023", "(Reporting by Lena Vogel; Editing by Alison Hart)", "Lena Vogel"),
    ],
)
def test_author_layouts(above: str, below: str, after_body: str, want: str) -> None:
    a = read_page(page(above, below, after_body), "ferries.txt")
    assert a.title == TITLE
    assert a.author == want
    assert len(a.paragraphs) == 5  # the byline never enters the body, nor the body the byline


@pytest.mark.parametrize(
    ("above", "below", "lead"),
    [
        # A place on the date line, named again in the dateline of the first paragraph.
        ("", "Kirkwall | 4 October 2023", "KIRKWALL, Oct 4 - "),
        ("", "4 October 2023\nSanta Cruz de Tenerife", ""),
        # A kicker naming the article's subject, who the text then quotes.
        (
            "Alison Hart",
            "4 October 2023",
            "Alison Hart, the islands' MP, said the cuts were wrong. ",
        ),
        # The outlet's name beside the date.
        ("", "Coastline Voice\n4 October 2023", ""),
        ("", "Coastline Voice Staff\n4 October 2023", ""),
        # A section label and a short sentence.
        ("Island Affairs", "4 October 2023", ""),
        ("", "4 October 2023\nSailings cut.", ""),
        ("", "By Admin | 4 October 2023", ""),
    ],
)
def test_no_author_is_invented(above: str, below: str, lead: str) -> None:
    a = read_page(page(above, below, lead=lead), "ferries.txt")
    assert a.author is None


def test_teasers_bylines_below_the_article_are_not_its_author() -> None:
    teasers = "Related\nCouncil approves new bus lanes\nBy Tom Reid\nHarbour dredging delayed again\nBy Ali Musa"
    a = read_page(page(below="4 October 2023", after_body=teasers), "ferries.txt")
    assert a.author is None
    a = read_page(page(below="By Lena Vogel\n4 October 2023", after_body=teasers), "ferries.txt")
    assert a.author == "Lena Vogel"


def test_an_author_box_below_the_article_names_its_writer() -> None:
    box = "About the author\nLena Vogel\nTransport correspondent"
    a = read_page(page(below="4 October 2023", after_body=box), "ferries.txt")
    assert a.author == "Lena Vogel"


# --- HTML pages ---------------------------------------------------------------------

HTML_BODY = "".join(f"<p>{t}</p>\n" for t in BODY.strip().split("\n"))


def html_page(head: str = "", byline: str = "", foot: str = "") -> str:
    return f"""<!DOCTYPE html><html><head><title>{TITLE} | Coastline Voice</title>
<meta property="og:site_name" content="Coastline Voice">
<meta property="article:published_time" content="2023-10-04T08:00:00Z">
{head}</head><body><header><nav><a href="/">Home</a> <a href="/business">Business</a></nav>
</header><article><h1>{TITLE}</h1>{byline}
{HTML_BODY}{foot}</article><footer>Copyright 2023 Coastline Voice</footer></body></html>"""


def json_ld(obj: dict) -> str:
    return f'<script type="application/ld+json">{json.dumps(obj)}</script>'


@pytest.mark.parametrize(
    ("head", "byline", "foot", "want"),
    [
        ('<meta name="author" content="Lena Vogel">', "", "", "Lena Vogel"),
        (
            json_ld(
                {
                    "@context": "https://schema.org",
                    "@graph": [
                        {"@type": "NewsArticle", "author": {"@id": "https://cv.example/#p1"}},
                        {"@type": "Person", "@id": "https://cv.example/#p1", "name": "Lena Vogel"},
                    ],
                }
            ),
            "",
            "",
            "Lena Vogel",
        ),
        # Trafilatura's "Admin" from the byline box is refused; the metadata's person is taken.
        (
            '<meta name="author" content="Lena Vogel">',
            '<div class="byline">By admin</div>',
            "",
            "Lena Vogel",
        ),
        ("", "<p>By Lena Vogel and Marco Rossi</p>", "", "Lena Vogel and Marco Rossi"),
        ("", "<p>Lena Vogel | 4 October 2023</p>", "", "Lena Vogel"),
        ("", "", "<p>(Reporting by Lena Vogel; Editing by Alison Hart)</p>", "Lena Vogel"),
        # Not persons: the outlet, a desk, a profile URL, an organisation, a placeholder.
        ('<meta name="author" content="Coastline Voice">', "", "", None),
        ('<meta name="author" content="Editorial Team">', "", "", None),
        ('<meta name="author" content="Staff Reporter">', "", "", None),
        (
            '<meta property="article:author" content="https://facebook.com/coastlinevoice">',
            "",
            "",
            None,
        ),
        (
            json_ld(
                {"@type": "NewsArticle", "author": {"@type": "Organization", "name": "CV Media"}}
            ),
            "",
            "",
            None,
        ),
        ("", '<div class="byline">By admin</div>', "", None),
        ("", "<p>Kirkwall | 4 October 2023</p>", "", None),
    ],
)
def test_html_authors(head: str, byline: str, foot: str, want: str | None) -> None:
    page = html_page(head, byline, foot)
    if "Kirkwall" in byline:  # the place is the dateline's too
        page = page.replace("<p>Two ferry", "<p>KIRKWALL - Two ferry")
    a = read_page(page, "ferries.html")
    assert a.author == want
    assert len(a.paragraphs) == 5


# --- one huge block of text (no <p>) -------------------------------------------------

SUBJECTS = ["The council", "The harbour master", "A spokeswoman for the port", "Residents"]
PLACES = ["the north pier", "the fish market", "the ferry ramp", "the old customs house"]


def prose(i: int) -> str:
    return (
        f"{SUBJECTS[i % 4]} said on Tuesday that work on {PLACES[i // 4 % 4]} would begin in "
        f"week {i} of the programme, and that the cost of stage {i} was put at {i + 3} million."
    )


def block_page(paragraphs: list[str], sep: str) -> str:
    return (
        "<!DOCTYPE html><html><head><title>Harbour wall to be rebuilt</title></head><body>"
        "<nav><a href='/'>Home</a></nav><div id='content'><h1>Harbour wall to be rebuilt</h1>"
        f"<div class='text'>{sep.join(paragraphs)}</div></div></body></html>"
    )


@pytest.mark.parametrize("sep", ["<br><br>", "<br>\n<br>\n", "<br/>", "<br>\n", "\n\n", "\n"])
def test_a_huge_block_is_split_into_its_paragraphs(sep: str) -> None:
    paragraphs = [prose(i) for i in range(60)]
    a = read_page(block_page(paragraphs, sep), "wall.html")
    assert a.paragraphs == paragraphs


def test_a_one_megabyte_block_is_split_into_its_paragraphs() -> None:
    paragraphs = [prose(i) for i in range(6000)]
    page = block_page(paragraphs, "<br><br>\n")
    assert len(page) > 1_000_000
    a = read_page(page, "wall.html")
    assert len(a.paragraphs) == 6000
    assert a.paragraphs[0] == paragraphs[0] and a.paragraphs[-1] == paragraphs[-1]


def test_normal_paragraphs_and_wrapped_source_lines_are_not_split() -> None:
    # A paragraph with a line break in it (an address, a verse) is one paragraph.
    short = prose(1) + "<br>" + prose(2)
    a = read_page(block_page([short], ""), "wall.html")
    assert a.paragraphs == [prose(1) + " " + prose(2)]
    # A long paragraph whose source is wrapped at 70 columns: the newlines end no sentence.
    long = " ".join(prose(i) for i in range(20))
    wrapped = "\n".join(textwrap.wrap(long, 70))
    a = read_page(block_page([wrapped], ""), "wall.html")
    assert a.paragraphs == [long]
