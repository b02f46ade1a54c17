"""Property-based tests (issue 8): arbitrary Unicode in, no crash, safe slugs, text stays text.

Strategies mix plain arbitrary text with the pieces hostile pages are made of (HTML,
Markdown, Jinja2, YAML fences, attribute lists, admonitions, dates, actor names, odd
whitespace and control characters), so the interesting cases are drawn often, not once
in a million. Example counts are modest: the whole module runs in well under a minute.
"""

from __future__ import annotations

import re
import unicodedata
from datetime import date, datetime
from pathlib import Path

import markdown
import pytest
from bs4 import BeautifulSoup
from hypothesis import HealthCheck, assume, example, given, settings
from hypothesis import strategies as st

from generator.extract.actors import Mention, find_mentions, load_registry
from generator.extract.dates import find_date_mentions
from generator.ingest import Article, IngestError, read_page
from generator.model.slugs import RESERVED, is_safe_slug, slugify, unique_slugs
from generator.render.escape import escape, escape_html_inline, html_link, link
from tests.conftest import ROOT

# The Markdown extensions of the site (mkdocs.yml), as MkDocs hands them to Python-Markdown.
EXTENSIONS = ["attr_list", "md_in_html", "admonition", "tables", "toc"]
CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\x7f]")

PIECES = [
    "<script>alert(1)</script>", "<img src=x onerror=alert(1)>", "<div onclick='x'>", "</div>",
    "<!--", "-->", "<![CDATA[", "]]>", "&lt;", "&amp;", "&#60;", "&#x3c;", "&", "<", ">",
    "[link](javascript:alert(1))", "![img](x.png)", "[x]: http://e.com", "<http://e.com>",
    "{{ config }}", "{% raw %}", "{#", "#}", "{: #id .cls onclick=x }", "{:", "}",
    "---", "...", "***", "___", "===", "~~~", "```", "    ", "\t", "!!! note", "??? x",
    "# ", "## ", "> ", "- ", "+ ", "* ", "1. ", "2) ", "| a | b |", "|---|", ": ", "[^1]",
    "\\", "`", "*", "_", "[", "]", "(", ")", "!", "|", "#", "=", "~", ":", "'", '"',
    "12 March 2024", "March 2024", "2024-02-30", "2024-13-01", "31/12/2023", "last Tuesday",
    "two weeks ago", "on Monday", "Oct. 7", "since October 7, 2023", "9999", "0001-01-01",
    "Qatar", "Hamas", "Israel's", "Netanyahu", "Benjamin Netanyahu", "Trump", "Doha",
    "\n", "\n\n", "\r\n", "\r", "\u2028", "\u2029", "\x85", "\x0b", "\x0c", "\x00", "\x02",
    "\x03", "\x1b", "\x7f", "\u00a0", "\u200b", "\u200f", "\u202e", "\ufeff", "\ufffd",
    "e\u0301", "\U0001f600", "\u0627\u0644\u0642\u0627\u0647\u0631\u0629", "Москва", "東京",
    " ", " ", " ", "word", "The talks resumed.", "said that", "the",
]  # fmt: skip
piece_text = st.lists(st.sampled_from(PIECES), max_size=25).map("".join)
any_text = st.one_of(
    st.text(max_size=200),
    piece_text,
    st.lists(st.one_of(st.text(max_size=8), st.sampled_from(PIECES)), max_size=20).map("".join),
)


PROSE = (
    "The mediators said that the talks would continue after the holiday, and that both "
    "sides had agreed to send their delegations to Cairo for the next round."
)


def fold(text: str) -> str:
    return " ".join(CONTROL.sub("", text).split())


# --- Markdown escaping ---------------------------------------------------------------

_md = markdown.Markdown(extensions=EXTENSIONS)


def to_html(source: str) -> BeautifulSoup:
    _md.reset()
    return BeautifulSoup(_md.convert(source), "html.parser")


def expected_text(text: str) -> str:
    """What a reader should see: the text, whitespace folded, control characters dropped,
    lone surrogates as U+FFFD (UTF-8 cannot carry them)."""
    return fold(re.sub(r"[\ud800-\udfff]", "\ufffd", text))


@settings(max_examples=600, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(any_text)
@example("\x02wzxhzdk:0\x03")  # Python-Markdown's own placeholder for stashed HTML
@example("\ud800 lone surrogate")
@example("- item\n1. one\n> quote\n    code\n---\n===")
def test_escaped_text_renders_as_exactly_that_text(text: str) -> None:
    html = to_html(escape(text))
    assert {e.name for e in html.find_all(True)} <= {"p"}, (text, str(html))
    assert fold(html.get_text()) == expected_text(text), (text, escape(text), str(html))


@settings(max_examples=300, deadline=None)
@given(any_text, st.sampled_from(["../actors/qatar.md", "x.md#m2024-11", "https://e.com/a?b=c"]))
@example("a]: b", "../actors/qatar.md")  # once read as a link reference definition
def test_a_link_is_one_link_whatever_its_text(text: str, target: str) -> None:
    assume(fold(expected_text(text)))
    html = to_html(link(text, target))
    anchors = html.find_all("a")
    assert len(anchors) == 1 and anchors[0]["href"] == target, str(html)
    assert {e.name for e in html.find_all(True)} <= {"p", "a"}
    assert fold(anchors[0].get_text()) == expected_text(text)


@settings(max_examples=300, deadline=None)
@given(any_text, st.lists(st.integers(min_value=0, max_value=400), max_size=6))
@example("1. \x02Netanyahu said", [4, 13])
def test_pieces_escaped_inline_between_links_keep_the_text(text: str, cuts: list[int]) -> None:
    """escape_html_inline + html_link, as a paragraph with actors linked is put together."""
    text = " ".join(text.split())
    bounds = sorted({0, len(text), *(c for c in cuts if c <= len(text))})
    pieces = [text[a:b] for a, b in zip(bounds, bounds[1:], strict=False)]
    # Every other piece is a link, as an actor's mention is (a mention has no edge spaces).
    source = ""
    for i, piece in enumerate(pieces):
        # A mention is a name: no space or control character at its edges.
        edge = r"[\s\x00-\x08\x0e-\x1f\x7f]*"
        lead, word, trail = re.fullmatch(f"({edge})(.*?)({edge})", piece, re.S).groups()
        if i % 2 and word:
            source += escape_html_inline(lead) + html_link(word, "../x/") + escape_html_inline(trail)
        else:
            source += escape_html_inline(piece)
    html = to_html(f"<p>{source.strip()}</p>")
    assert {e.name for e in html.find_all(True)} <= {"p", "a"}, (text, source)
    assert fold(html.get_text()) == expected_text(text), (text, source)


# --- slugs ------------------------------------------------------------------------------


@settings(max_examples=500, deadline=None)
@given(any_text)
@example("../../etc/passwd")
@example("..")
@example("index")
def test_slugify_is_always_one_safe_path_segment(text: str) -> None:
    slug = slugify(text)
    assert is_safe_slug(slug), (text, slug)
    assert slug == slugify(text)  # a function of the text alone


@settings(max_examples=200, deadline=None)
@given(
    st.lists(
        st.tuples(st.text(max_size=20), st.one_of(any_text, st.integers(), st.just("index"))),
        max_size=12,
        unique_by=lambda kv: kv[0],
    ),
    st.randoms(use_true_random=False),
)
def test_unique_slugs_are_safe_distinct_and_independent_of_order(keys, random) -> None:
    slugs = unique_slugs(keys)
    assert sorted(slugs) == sorted(k for k, _ in keys)
    assert len(set(slugs.values())) == len(keys)
    assert all(is_safe_slug(s) and s not in RESERVED for s in slugs.values()), slugs
    shuffled = list(keys)
    random.shuffle(shuffled)
    assert unique_slugs(shuffled) == slugs


# --- ingest, dates, mentions: no exception but the documented one -----------------------

front_matter = st.tuples(
    st.lists(
        st.tuples(
            st.sampled_from(
                [
                    "title",
                    "published",
                    "date",
                    "outlet",
                    "author",
                    "summary",
                    "id",
                    "url",
                    "source",
                    "date_confidence",
                    "x",
                ]  # fmt: skip
            ),
            st.one_of(
                st.sampled_from(
                    [
                        "2024-03-01",
                        "'2024-03-01'",
                        "high",
                        "none",
                        "~",
                        "''",
                        "'../../x'",
                        "'<script>'",
                        '"\\ud800"',
                        "a: b",
                        "[a, b]",
                        "{a: 1}",
                        "7",
                        "true",
                        "2024-02-30",
                        "0001-01-01",
                        "9999-12-31",
                    ]
                ),  # fmt: skip
                piece_text.map(lambda t: t.replace("\n", " ")[:40]),
            ),
        ),
        max_size=6,
    ),
    any_text,
).map(lambda kv: "---\n" + "".join(f"{k}: {v}\n" for k, v in kv[0]) + "---\n\n" + kv[1])

page_text = st.one_of(
    any_text, front_matter, piece_text.map(lambda t: "<html><body><p>" + t + "</p></body></html>")
)
page_bytes = st.one_of(
    st.binary(max_size=300),
    page_text.map(lambda t: t.encode("utf-8", "surrogatepass")),
    page_text.map(lambda t: t.encode("cp1252", "replace")),
    page_text.map(lambda t: t.encode("utf-16")),
)


@pytest.mark.parametrize("value", ["title: 2024-02-30", "published: 2023-02-29"])
def test_an_impossible_yaml_date_in_front_matter_is_an_ingest_error(value: str) -> None:
    with pytest.raises(IngestError, match="page.md"):
        read_page(f"---\n{value}\n---\n\n{PROSE}\n", "page.md")


def check_article(article: Article) -> None:
    assert isinstance(article.title, str)
    for block in article.blocks:
        assert block.kind in ("paragraph", "heading") and isinstance(block.text, str)
    assert article.published is None or isinstance(article.published, datetime)
    assert article.date_confidence in ("high", "low", "none")


@settings(max_examples=250, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.one_of(page_text, page_bytes))
@example("---\ntitle: x\n---\n\n\x00")
@example(b"\xff\xfe\x00\xd8")
@example("---\n---\n")
def test_read_page_raises_nothing_but_ingest_error(page: str | bytes) -> None:
    try:
        article = read_page(page, "page.txt")
    except IngestError as exc:
        assert str(exc)
        return
    check_article(article)
    # An article's title becomes a slug: always a safe one.
    assert is_safe_slug(slugify(article.title, fallback="article"))


@settings(max_examples=300, deadline=None)
@given(
    any_text,
    st.one_of(
        st.none(),
        st.dates(min_value=date(1, 1, 1), max_value=date(9999, 12, 31)),
        st.datetimes(min_value=datetime(1900, 1, 1), max_value=datetime(2200, 1, 1)),
    ),
)
@example("in the year 9999 and on 31 December 9999, the next day", date(9999, 12, 31))
@example("on 1 January 0001, the day before, last year", date(1, 1, 1))
@example("two weeks ago, ten years ago", date(1000, 1, 1))
def test_find_dates_never_raises_and_spans_are_real(text: str, published) -> None:
    found = find_date_mentions(text, published)
    check_dates(text, found)
    assert all("0001" <= m.value[:4] <= "9999" for m in found)


def check_dates(text: str, found) -> None:
    for mention in found:
        assert 0 <= mention.start < mention.end <= len(text)
        assert mention.text == text[mention.start : mention.end]
        assert re.fullmatch(r"\d{4}(?:-\d\d(?:-\d\d)?)?", mention.value), mention


@pytest.mark.parametrize(
    "text, published",
    [
        ("last month, last year, in December", date(1, 1, 1)),
        ("next year, next month", date(9999, 12, 31)),
        ("two weeks ago", date(1000, 1, 1)),
    ],
)
def test_find_dates_at_the_ends_of_the_calendar(text: str, published: date) -> None:
    found = find_date_mentions(text, published)
    check_dates(text, found)
    assert all("0001" <= m.value[:4] <= "9999" for m in found)


@pytest.fixture(scope="module")
def registry():
    return load_registry(ROOT / "content" / "actors.yml")


@settings(
    max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(any_text)
@example("QATAR'S qatar Qatar-led Qatari\u0301 Netanyahu's Netanyahu\u200b")
def test_find_mentions_never_raises_and_spans_are_real(registry, text: str) -> None:
    found = find_mentions(text, registry)
    previous_end = 0
    for mention in found:
        assert isinstance(mention, Mention)
        assert 0 <= mention.start < mention.end <= len(text)
        assert mention.text == text[mention.start : mention.end]
        assert mention.actor_id in registry.actors
        assert mention.start >= previous_end  # in order, not overlapping
        previous_end = mention.end


# --- render: a paragraph with its actors linked ----------------------------------------


def render_linked(registry, text: str) -> BeautifulSoup:
    """A paragraph as article.md.j2 renders it: an escaped HTML block, actors linked,
    through Markdown."""
    from generator.model import ActorEntry
    from generator.render import Renderer

    mentions = find_mentions(text, registry)
    actors = {m.actor_id: ActorEntry(registry.actors[m.actor_id]) for m in mentions}
    for entry in actors.values():
        entry.articles.append(None)  # named in some article: it has a page
    template = Renderer(None).env.from_string("{{ linked(text, mentions) }}")
    digest = _Digest(actors)
    source = template.render(text=text, mentions=mentions, digest=digest, page_path="articles/x.md")
    html = to_html(source)
    assert {e.name for e in html.find_all(True)} <= {"p", "a"}, (text, source)
    linked = {a["href"] for a in html.find_all("a")}
    assert linked <= {f"../../actors/{actor_id}/" for actor_id in actors}
    return html


@settings(
    max_examples=200, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(any_text)
def test_linked_paragraph_keeps_the_text_and_adds_only_links(registry, text: str) -> None:
    text = " ".join(text.split())  # a paragraph is one line by the time it is rendered
    html = render_linked(registry, text)
    assert fold(html.get_text()) == expected_text(text), text


@pytest.mark.parametrize("text", ["1. \x02Netanyahu said", "Qatar\x1b and Hamas"])
def test_a_control_character_next_to_a_mention_keeps_the_space(registry, text: str) -> None:
    html = render_linked(registry, text)
    assert fold(html.get_text()) == expected_text(text)


class _Digest:
    def __init__(self, actors) -> None:
        self.actors = actors


# --- a whole site from arbitrary article text ------------------------------------------

article_text = st.lists(
    st.one_of(piece_text, st.text(min_size=1, max_size=60)).map(lambda t: t.strip()),
    min_size=1,
    max_size=4,
)


@settings(
    max_examples=2,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@pytest.mark.slow
@given(st.lists(st.tuples(piece_text, article_text), min_size=3, max_size=6))
def test_pages_with_arbitrary_text_build_with_mkdocs_strict(tmp_path_factory, articles) -> None:
    from tests.conftest import copy_project, mkdocs_build

    # Article pages reproduce the whole text: every paragraph must reach its page.
    project = copy_project(tmp_path_factory.mktemp("arbitrary"), full_text=True)
    raw = project / "content" / "raw"
    expected = {}
    for n, (title, paragraphs) in enumerate(articles):
        # A page needs some prose to be an article at all; the arbitrary text comes after.
        # Its own words too, or corpus.merge_duplicates rightly merges pages that differ
        # only by symbols.
        # Control characters next to a mention: see the xfail above.
        paragraphs = [f"{PROSE} (Copy {n}.)"] + [CONTROL.sub("", p) for p in paragraphs if fold(p)]
        name = f"arbitrary_{n}.md"
        title = title.replace("\r", " ").replace("\n", " ")
        safe_title = title.replace("\\", "\\\\").replace('"', '\\"')
        body = "\n\n".join(p.replace("\r", " ").replace("\n", " ") for p in paragraphs)
        (raw / name).write_text(
            f'---\ntitle: "{_yaml_safe(safe_title)}"\npublished: 2024-03-0{n + 1}\n---\n\n{body}\n',
            encoding="utf-8",
        )
        expected[name] = read_page((raw / name).read_bytes(), name)
    result = mkdocs_build(project)
    assert result.returncode == 0, result.stderr[-3000:]
    site = Path(project) / "site"
    pages = sorted((site / "articles").glob("*/index.html"))
    texts = [fold(BeautifulSoup(p.read_text(encoding="utf-8"), "lxml").get_text()) for p in pages]
    for name, article in expected.items():
        wanted = [expected_text(b.text) for b in article.blocks if expected_text(b.text)]
        assert any(all(w in t for w in wanted) for t in texts), (name, wanted)


def _yaml_safe(text: str) -> str:
    """Characters YAML cannot hold in a double-quoted scalar, written as escapes."""
    out = []
    for ch in text:
        code = ord(ch)
        if (
            code < 0x20
            or code == 0x7F
            or 0xD800 <= code <= 0xDFFF
            or code in (0xFEFF, 0x85, 0x2028, 0x2029)
        ):
            out.append(f"\\u{code:04x}" if code <= 0xFFFF else ch)
        elif unicodedata.category(ch) == "Cs":
            out.append("\ufffd")
        else:
            out.append(ch)
    return "".join(out)


# --- the whole pipeline: every generated page path is safe ----------------------------------


def _bytes(page: str | bytes) -> bytes:
    return page if isinstance(page, bytes) else page.encode("utf-8", "surrogatepass")


_PAGE_PATH = re.compile(
    r"(?:[a-z0-9]+(?:-[a-z0-9]+)*/)*[a-z0-9]+(?:-[a-z0-9]+)*\.(?:md|xml|json|css)"
)


@settings(
    max_examples=15,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(st.lists(st.one_of(page_text, front_matter, page_bytes), min_size=1, max_size=4))
def test_the_pipeline_over_arbitrary_pages_writes_only_safe_paths(tmp_path_factory, pages) -> None:
    from generator.config import Options
    from generator.ingest.encoding import decode
    from generator.pipeline import build

    folder = tmp_path_factory.mktemp("pipeline")
    raw = folder / "raw"
    raw.mkdir()
    for n, page in enumerate(pages):
        (raw / f"page-{n}.txt").write_bytes(_bytes(page))
    options = Options(
        corpus=raw,
        articles=folder / "articles",
        registry=ROOT / "content" / "actors.yml",
        templates=folder / "templates",
        intro=folder / "index.md",
        workers=1,
    )
    result = build(options)
    paths = [page.path for page in result.pages]
    assert len(paths) == len(set(paths))
    for path in paths:
        assert _PAGE_PATH.fullmatch(path) or path == "index.md", path
    # Every page is an article, a duplicate of one, or a problem: none silently lost.
    covered = {p.file for p in result.problems}
    for entry in result.digest.articles:
        covered |= {entry.article.source, *entry.article.duplicates}
    # (A front-matter page may name the raw page it stands for with `source:`.)
    names = {f"page-{n}.txt" for n in range(len(pages))}
    declared = {f"page-{n}.txt" for n, p in enumerate(pages) if "source" in decode(_bytes(p))}
    assert names - declared <= covered
