"""Rendering: hostile text stays text, editors can override templates, errors say where."""

from __future__ import annotations

import html
import json
import posixpath
import xml.etree.ElementTree as ET
from datetime import datetime, timedelta
from pathlib import Path
from urllib.parse import urljoin

import markdown
import pytest
from bs4 import BeautifulSoup
from hypothesis import given, settings
from hypothesis import strategies as st
from markupsafe import Markup
from mkdocs.utils.meta import get_data

from generator.extract import extract
from generator.extract.actors import parse_registry
from generator.ingest import Article, Block
from generator.model import ArticleEntry, Digest, Event, Month, Source, build_digest
from generator.model.ranking import MONTH_EVENTS
from generator.render import Page, Renderer, TemplateProblem, fill_fragments, render_site
from generator.render.chart import ChartText, timeline_svg
from generator.render.page import front_matter as render_front_matter
from generator.render.pages import CHRONOLOGY_SPLIT, in_brief, summary
from generator.render.urls import relative_path, relative_url
from tests.render.digests import REGISTRY, hostile_article, hostile_digest

# The Markdown extensions of mkdocs.yml: what the pages are read with.
EXTENSIONS = ["attr_list", "md_in_html", "admonition", "tables", "toc"]

def front_matter(page: Page) -> tuple[str, dict]:
    """The page's Markdown and front matter, as MkDocs reads them."""
    return get_data(page.content)


def html_of(page: Page) -> BeautifulSoup:
    body, _ = front_matter(page)
    return BeautifulSoup(markdown.markdown(body, extensions=EXTENSIONS), "html.parser")


@pytest.fixture(scope="module", params=[False, True], ids=["quoted", "full_text"])
def hostile_pages(request: pytest.FixtureRequest) -> dict[str, Page]:
    """The hostile digest's pages, with article pages quoting passages or the whole text."""
    return {p.path: p for p in render_site(hostile_digest(), Renderer(full_text=request.param))}


@pytest.fixture(scope="module")
def full_text_pages() -> dict[str, Page]:
    return {p.path: p for p in render_site(hostile_digest(), Renderer(full_text=True))}


def test_hostile_text_renders_as_text_on_every_page(hostile_pages: dict[str, Page]) -> None:
    md_pages = [p for p in hostile_pages.values() if p.path.endswith(".md")]
    assert any(p.path.startswith("articles/") and p.path != "articles/index.md" for p in md_pages)
    for page in md_pages:
        soup = html_of(page)
        assert soup.find("script") is None, page.path
        assert soup.find("img") is None, page.path
        assert soup.find("pre") is None, page.path  # no indented or fenced code block
        assert not soup.select("div.admonition"), page.path
        for element in soup.find_all(True):
            assert not any(a.startswith("on") for a in element.attrs), (page.path, element)
            assert "evil" not in element.get("class", []), page.path
            assert element.get("id") != "fake-id", page.path
        for a in soup.find_all("a", href=True):
            assert not a["href"].lower().startswith(("javascript:", "http://evil")), page.path
        assert "49" not in soup.get_text(), page.path  # {{ 7*7 }} was never evaluated


def test_article_body_keeps_every_hostile_paragraph_as_its_own_text(
    full_text_pages: dict[str, Page],
) -> None:
    (page,) = [
        p
        for p in full_text_pages.values()
        if p.path.startswith("articles/") and "index" not in p.path
    ]
    soup = html_of(page)
    text = soup.get_text(" ")
    for needle in (
        "<script>alert('x')</script>",
        "[click me](javascript:alert(1))",
        "{{ 7*7 }}",
        "!!! danger",
        '{: .evil onclick="alert(1)" }',
        "# not a heading",
        "<div markdown>**bold**</div> &amp; &lt;b&gt;",
        "1. not a list",
        "<script>alert(1)</script> {{ title }}",
    ):
        assert needle in text, needle
    # One heading for the title and one for the subheading, none from the body.
    assert len(soup.find_all(["h1", "h2"])) == 2 + 1  # + "Events in this article"
    assert soup.find("hr") is not None and len(soup.find_all("hr")) == 1  # the attribution rule
    assert soup.find("table") is None
    assert soup.find("ol") is None


def test_actors_are_linked_at_first_mention_per_paragraph(hostile_pages: dict[str, Page]) -> None:
    (page,) = [
        p
        for p in hostile_pages.values()
        if p.path.startswith("articles/") and "index" not in p.path
    ]
    soup = html_of(page)
    for p in soup.find_all("p"):
        targets = [a["href"] for a in p.find_all("a", href=True) if "actors/" in a["href"]]
        assert len(targets) == len(set(targets)), p  # never twice in one paragraph
    headings = soup.find_all(["h1", "h2"])
    assert all(h.find("a") is None for h in headings)
    assert any(a["href"] == "../../actors/qatar/" for a in soup.find_all("a", href=True))


def test_a_registry_description_is_text_too(hostile_pages: dict[str, Page]) -> None:
    soup = html_of(hostile_pages["actors/qatar.md"])
    assert soup.find("b") is None
    assert "Gulf state <b>bold</b> [link](javascript:alert(1)) {{ 7*7 }}" in soup.get_text()


def test_front_matter_survives_hostile_titles(hostile_pages: dict[str, Page]) -> None:
    article = next(
        p
        for p in hostile_pages.values()
        if p.path.startswith("articles/a")
        or (p.path.startswith("articles/") and p.path != "articles/index.md")
    )
    body, meta = front_matter(article)
    # Themes print titles and descriptions raw into HTML: they arrive HTML-escaped.
    title = "<script>alert(1)</script> {{ title }} [t](javascript:x) ---"
    assert html.unescape(meta["title"]).replace("\u2060", "") == title
    assert "<" not in meta["title"] and "<" not in Markup(meta["title"]).striptags().replace(
        "<\u2060", ""
    )
    assert meta["description"].startswith("!!! note summary {{ s }}")
    assert body.lstrip().startswith("# ")
    for page in hostile_pages.values():
        if page.path.endswith(".md") and page.path != "index.md":
            _, meta = front_matter(page)
            assert isinstance(meta["title"], str) and meta["title"], page.path
    # The home page has none: its browser tab shows the site's name, not the name twice.
    assert "title" not in front_matter(hostile_pages["index.md"])[1]


# --- Editors' override folder ------------------------------------------------------------


def test_a_template_in_the_editors_folder_replaces_the_builtin_one(tmp_path: Path) -> None:
    (tmp_path / "actor.md.j2").write_text(
        "# {{ term.name | md }}\n\nEDITED PAGE for {{ term.id }}\n", encoding="utf-8"
    )
    pages = {p.path: p.content for p in render_site(hostile_digest(), Renderer(tmp_path))}
    assert "EDITED PAGE for qatar" in pages["actors/qatar.md"]
    # Templates not overridden still come from the built-in set.
    assert "EDITED PAGE" not in pages["months/2024-03.md"]
    assert "## Key dates" in pages["months/2024-03.md"]


def test_an_override_can_import_the_builtin_macros(tmp_path: Path) -> None:
    (tmp_path / "month.md.j2").write_text(
        '{% from "_macros.md.j2" import event_list with context %}\n'
        "# {{ term.name }}\n\n{{ event_list(term.events) }}\n",
        encoding="utf-8",
    )
    pages = {p.path: p.content for p in render_site(hostile_digest(), Renderer(tmp_path))}
    assert "<li><strong>5 March 2024</strong>" in pages["months/2024-03.md"]


def test_an_undefined_variable_names_the_template_file_and_line(tmp_path: Path) -> None:
    (tmp_path / "month.md.j2").write_text(
        "# {{ term.name }}\n\nfine\n{{ no_such_thing.value }}\n", encoding="utf-8"
    )
    with pytest.raises(TemplateProblem) as caught:
        render_site(hostile_digest(), Renderer(tmp_path))
    message = str(caught.value)
    assert f"{tmp_path / 'month.md.j2'}:4" in message
    assert "no_such_thing" in message


def test_a_syntax_error_names_the_template_file_and_line(tmp_path: Path) -> None:
    (tmp_path / "sources.md.j2").write_text("# Sources\n\n{% if %}\n", encoding="utf-8")
    with pytest.raises(TemplateProblem) as caught:
        render_site(hostile_digest(), Renderer(tmp_path))
    assert f"{tmp_path / 'sources.md.j2'}:3" in str(caught.value)


def test_a_builtin_macro_error_points_into_the_macro_file(tmp_path: Path) -> None:
    (tmp_path / "_macros.md.j2").write_text(
        "{% macro event_list(events, show_sources=True) %}{{ events.nope }}{% endmacro %}\n"
        "{% macro article_list(entries) %}x{% endmacro %}\n"
        "{% macro month_link(key, text=None) %}x{% endmacro %}\n"
        "{% macro month_a(key, text=None) %}x{% endmacro %}\n"
        "{% macro key_date_list(dates, sources=8, sentences=2) %}x{% endmacro %}\n",
        encoding="utf-8",
    )
    with pytest.raises(TemplateProblem) as caught:
        render_site(hostile_digest(), Renderer(tmp_path))
    assert "_macros.md.j2:1" in str(caught.value)


# --- Month pages, chronology, chart ---------------------------------------------------------


def _entry(slug: str, when: datetime | None = None) -> ArticleEntry:
    article = Article(title=slug, blocks=[Block("paragraph", "x")], published=when, source=slug)
    from generator.extract import ArticleFacts

    return ArticleEntry(slug, article, ArticleFacts([[]]))


def synthetic_digest(events_per_year: int, years: range) -> Digest:
    registry = parse_registry(REGISTRY)
    entry = _entry("only", datetime(years.start, 1, 2))
    events, months = [], {}
    for year in years:
        for i in range(events_per_year):
            key = f"{year}-{i % 12 + 1:02d}"
            event = Event(f"{key}-{i % 28 + 1:02d}", None, f"Event {i} of {year}.", [], [])
            event.sources.append(Source(entry, event.text, "date"))
            events.append(event)
            months.setdefault(key, Month(key)).events.append(event)
    months[f"{years.start}-01"].articles.append(entry)
    events.sort(key=lambda e: e.sort_key)
    keys = sorted(months)
    for before, key, after in zip([None, *keys[:-1]], keys, [*keys[1:], None], strict=True):
        months[key].previous, months[key].next = before, after
    return Digest("T", "# T", registry, [entry], events, {}, {k: months[k] for k in keys}, [])


def test_a_long_chronology_is_split_into_one_page_per_year() -> None:
    digest = synthetic_digest(CHRONOLOGY_SPLIT // 2 + 1, range(2021, 2024))
    pages = {p.path: p.content for p in render_site(digest, Renderer())}
    for year in ("2021", "2022", "2023"):
        assert f"chronology/{year}.md" in pages
        assert f"(../chronology/{year}.md#m{year}-05)" in pages[f"months/{year}-05.md"]
        assert f"{{ #m{year}-05 }}" in pages[f"chronology/{year}.md"]
        assert f"Event 0 of {year}." in pages[f"chronology/{year}.md"]
        other = str(int(year) + 1)
        assert f"of {other}." not in pages[f"chronology/{year}.md"]
    assert "(2022.md)" in pages["chronology/index.md"]


def test_a_short_chronology_stays_one_page() -> None:
    digest = synthetic_digest(10, range(2023, 2025))
    pages = {p.path: p.content for p in render_site(digest, Renderer())}
    assert not any(p.startswith("chronology/20") for p in pages)
    assert "(../chronology/index.md#m2024-05)" in pages["months/2024-05.md"]


def test_in_brief_ranks_by_sources_then_central_actors() -> None:
    entries = [_entry(f"a{i}") for i in range(3)]
    lone = Event("2024-11-02", None, "Lone.", ["minor"], [Source(entries[0], "", "")])
    central = Event("2024-11-03", None, "Central.", ["qatar"], [Source(entries[0], "", "")])
    widely = Event("2024-11-20", None, "Widely.", [], [Source(e, "", "") for e in entries])
    ranked = in_brief([lone, central, widely], {"qatar": 1.0, "minor": 0.1}, n=2)
    assert [e.text for e in ranked] == ["Central.", "Widely."]  # top two, in date order


CHART_TEXT = ChartText.from_wording(Renderer().text)


class FakeMonth:
    def __init__(self, key: str, events: int, articles: int, name: str) -> None:
        self.key, self.events, self.articles, self.name = key, [0] * events, [0] * articles, name


def test_chart_is_well_formed_svg_with_a_link_per_month() -> None:
    months = [
        FakeMonth("2023-10", 3, 1, "<script>October</script> & co"),
        FakeMonth("2024-02", 0, 2, "February 2024"),
    ]
    html = timeline_svg(months, lambda key: f'../months/{key}/?a=1&b="2"', CHART_TEXT)
    root = ET.fromstring(html)  # well-formed XML: every text escaped
    ns = "{http://www.w3.org/2000/svg}"
    links = root.iter("a") if root.find(".//a") is not None else root.iter(f"{ns}a")
    hrefs = [a.get("href") for a in links]
    assert hrefs == ['../months/2023-10/?a=1&b="2"', '../months/2024-02/?a=1&b="2"']
    assert "<script>" not in html and "&lt;script&gt;October" in html
    assert "script" not in {el.tag for el in root.iter()}
    # Five slots: October 2023 to February 2024, empty months included but not linked.
    assert html.count("<rect") - 2 == 2 * 3  # two legend squares; 3 rects per linked month


def test_chart_without_months_is_empty() -> None:
    assert timeline_svg([], lambda key: key, CHART_TEXT) == ""


def test_chart_links_resolve_from_the_page_they_are_on() -> None:
    assert relative_url("months/2024-11.md", "index.md") == "months/2024-11/"
    assert relative_url("months/2024-11.md", "months/index.md") == "2024-11/"
    assert relative_url("months/2024-11.md", "actors/qatar.md") == "../../months/2024-11/"


# --- Paths, search, descriptions ----------------------------------------------------------

_SEGMENT = st.sampled_from(["a", "b", "months", "actors", "x-1"])


@given(
    st.lists(_SEGMENT, min_size=0, max_size=3),
    st.lists(_SEGMENT, min_size=0, max_size=3),
    st.sampled_from(["index.md", "q.md", "f.xml"]),
)
def test_relative_path_agrees_with_posixpath(folders, here, name) -> None:
    path = "/".join([*folders, name])
    here_dir = "/".join(here)
    assert relative_path(path, here_dir) == posixpath.relpath(path, here_dir or ".")


def test_article_sections_keep_order_and_link_each_paragraphs_own_mentions() -> None:
    from types import SimpleNamespace

    from generator.extract.actors import Actor, Mention
    from generator.model import ActorEntry

    blocks = [
        Block("paragraph", "Qatar hosted talks."),
        Block("heading", "What comes next"),
        Block("paragraph", "Envoys met <again>."),
        Block("paragraph", "Then Qatar spoke."),
    ]
    qatar = ActorEntry(Actor("qatar", "Qatar", "country"))
    qatar.articles.append(None)  # named in some article: it has a page
    mentions = [[Mention(0, 5, "Qatar", "qatar")], [], [Mention(5, 10, "Qatar", "qatar")]]
    term = SimpleNamespace(article=SimpleNamespace(blocks=blocks), facts=SimpleNamespace(mentions=mentions))
    template = Renderer(None).env.from_string(
        "{% for h, html in article_sections(term) %}[{{ h }}]{{ html }}|{% endfor %}"
    )
    digest = SimpleNamespace(actors={"qatar": qatar})
    out = template.render(term=term, digest=digest, page_path="articles/x.md")
    link = '<a href="../../actors/qatar/">Qatar</a>'
    assert out == (
        f"[None]<p>{link} hosted talks.</p>|"
        f"[What comes next]<p>Envoys met &lt;again&gt;.</p>\n<p>Then {link} spoke.</p>|"
    )
def test_an_empty_digest_renders_a_site_that_says_so() -> None:
    registry = parse_registry(REGISTRY)
    digest = Digest("Empty", "# Empty\n\nNothing.", registry, [], [], {}, {}, [])
    pages = {p.path: p.content for p in render_site(digest, Renderer())}
    assert "Nothing here yet" in pages["index.md"]
    assert "No dated events yet." in pages["chronology/index.md"]
    assert not any(p.startswith(("actors/", "months/")) and "index" not in p for p in pages)


def test_meta_descriptions_are_short_and_end_cleanly() -> None:
    assert summary("One. Two.") == "One. Two."
    text = "First sentence is here. " + "Word " * 100
    assert summary(text, limit=40) == "First sentence is here."
    # Where no sentence ends (an abbreviation, a lower-case word after the stop): words.
    assert summary("The talks with the envoy Mr. Bell went on" + " and on" * 9, limit=40) == (
        "The talks with the envoy Mr. Bell went…"
    )
    assert summary("Prices rose by approx. ten per cent" + " and on" * 9, limit=40) == (
        "Prices rose by approx. ten per cent and…"
    )
    cut = summary("word " * 100, limit=60)
    assert cut.endswith("…") and len(cut) <= 61 and "wor…" not in cut


def test_descriptions_cannot_leave_their_attribute() -> None:
    article = hostile_article(summary='He said "stop" <b>now</b> & left onmouseover=alert(1)')
    registry = parse_registry(REGISTRY)
    digest = build_digest([article], [extract(article, registry)], registry, "T", "# T")
    page = next(
        p
        for p in render_site(digest, Renderer())
        if p.path.startswith("articles/") and "index" not in p.path
    )
    _, meta = front_matter(page)
    attribute = f'<meta name="description" content="{meta["description"]}">'
    soup = BeautifulSoup(attribute, "html.parser")
    assert list(soup.meta.attrs) == ["name", "content"]
    assert soup.meta["content"] == 'He said "stop" <b>now</b> & left onmouseover=alert(1)'


def test_the_footer_cites_the_outlet_not_the_corpus_file(
    hostile_pages: dict[str, Page],
) -> None:
    (page,) = [
        p
        for p in hostile_pages.values()
        if p.path.startswith("articles/") and "index" not in p.path
    ]
    soup = html_of(page)
    assert soup.find("div", onclick=True) is None
    footer = soup.select_one("div.digest-attribution small")
    # The corpus file is where the digest read the article, not a source to cite.
    assert "evil" not in footer.get_text() and "name" not in footer.get_text()
    assert "<b>Outlet</b> {{ o }}" in footer.get_text()


@settings(max_examples=300, deadline=None)
@given(st.text(), st.text())
def test_front_matter_reads_back_as_mkdocs_reads_it(title: str, description: str) -> None:
    page = Page(
        "x.md",
        f"---\n{render_front_matter({'title': title, 'description': description, 'search': {'boost': 3}})}\n---\n\n# x\n",
    )
    body, meta = get_data(page.content)
    assert body.strip() == "# x"
    assert meta["search"] == {"boost": 3}
    for key, value in (("title", title), ("description", description)):
        read = meta[key]
        assert isinstance(read, str)
        assert len(read) == len(value)
        assert all(a == b or b == " " for a, b in zip(value, read, strict=True))


def test_a_dense_year_page_shows_each_months_key_events_and_links_the_rest() -> None:
    digest = synthetic_digest(CHRONOLOGY_SPLIT * 2, range(2022, 2024))
    pages = {p.path: p.content for p in render_site(digest, Renderer())}
    year = pages["chronology/2023.md"]
    assert 12 <= year.count("<li><strong>") <= 12 * 5  # some, at most five events a month
    assert "[All 50 events of May 2023](../months/2023-05.md)" in year
    assert "{ #m2023-05 }" in year
    # The month page leads with the most reported events and links the rest: every event
    # once across the month's pages.
    month = pages["months/2023-05.md"]
    assert month.count("<li><strong>") == MONTH_EVENTS
    assert "[The other 10 events of May 2023, by date](2023-05-more.md)" in month
    assert pages["months/2023-05-more.md"].count("<li><strong>") == 50 - MONTH_EVENTS


def test_an_event_links_each_actor_rightly_from_every_actor_page() -> None:
    """An event on two actors' pages links to the page itself ("./") on one and to the
    other page on the other, whichever page is rendered first."""
    registry = parse_registry(REGISTRY)
    article = hostile_article(
        blocks=[Block("paragraph", "Qatar hosted Hamas envoys in Doha on March 5, 2024.")]
    )
    digest = build_digest([article], [extract(article, registry)], registry, "T", "# T")
    assert any({"qatar", "hamas"} <= set(e.actor_ids) for e in digest.events)
    for renderer in (Renderer(), Renderer(fragments=True)):
        pages = {p.path: p for p in render_site(digest, renderer)}
        for actor_id, name in (("qatar", "Qatar"), ("hamas", "Hamas")):
            here = f"https://example.org/actors/{actor_id}/"
            page = pages[f"actors/{actor_id}.md"]
            html = fill_fragments(page.content, page.fragments)
            links = {
                (a.get_text(), urljoin(here, a["href"]))
                for a in BeautifulSoup(html, "html.parser").find_all("a", href=True)
            }
            for other_id, other in (("qatar", "Qatar"), ("hamas", "Hamas")):
                targets = {url for text, url in links if text == other}
                assert targets == {f"https://example.org/actors/{other_id}/"}, (name, targets)


def _chronology_story():
    """Two years of a story with more events than one chronology page holds, history from
    long before it and a forecast years ahead."""
    registry = parse_registry(REGISTRY)
    articles = []
    start = datetime(2021, 1, 4)
    for n in range(CHRONOLOGY_SPLIT + 30):
        day = start + timedelta(days=2 * n)
        text = (
            f"Inspectors closed footbridge number {n} on {day:%B} {day.day}, {day.year} "
            f"after finding rust on its girders."
        )
        extra = []
        if n % 50 == 0:
            extra = [
                f"The town's first mill, number {n}, was built in {1850 + n // 50} by the river.",
                f"The repaired footbridge number {n} will reopen in {2031 + n // 50}, the council said.",
            ]
        articles.append(
            hostile_article(
                title=f"Footbridge {n}", blocks=[Block("paragraph", t) for t in [text, *extra]],
                published=day + timedelta(days=1), source=f"bridge-{n:03d}.md", outlet="Valley Press",
                url=None, summary="", author=None,
            )
        )  # fmt: skip
    facts = [extract(a, registry) for a in articles]
    return build_digest(articles, facts, registry, "Footbridges", "# Footbridges")


def test_chronology_pages_are_the_storys_years_plus_three_and_timeline_json_is_written() -> None:
    digest = _chronology_story()
    assert len(digest.events) > CHRONOLOGY_SPLIT
    assert digest.background and digest.expected
    pages = {p.path: p.content for p in render_site(digest, Renderer())}
    chronology = sorted(p for p in pages if p.startswith("chronology/"))
    years = digest.span.years
    assert chronology == sorted(
        ["chronology/index.md", "chronology/background.md", "chronology/expected.md"]
        + [f"chronology/{year}.md" for year in years]
    )
    assert "1850" not in "".join(pages[f"chronology/{year}.md"] for year in years)
    assert "(expected, as reported on" in pages["chronology/expected.md"]
    assert "was built in 1850" in pages["chronology/background.md"]
    found = json.loads(pages["timeline.json"])
    assert found["events"] and all(e["start_date"]["year"] in years for e in found["events"])
    assert len(found["events"]) == len(digest.key_dates)
