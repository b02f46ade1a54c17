"""Editors' templates: an override that extends a built-in and replaces one block changes
that block only; the wording outside page bodies comes from the ``_strings`` template."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import pytest

from generator.extract import extract
from generator.extract.actors import parse_registry
from generator.ingest import Article, Block
from generator.model import Digest, build_digest
from generator.render import BUILTIN_TEMPLATES, Renderer, TemplateProblem, render_site
from generator.render.chart import ChartText, timeline_svg

REGISTRY = """
actors:
  - id: lumen
    name: Lumen Republic
    kind: country
    description: A small republic on a river delta.
  - id: ferro
    name: Ferro League
    kind: organisation
    description: A trade league of river towns.
"""


def small_digest() -> Digest:
    registry = parse_registry(REGISTRY)
    texts = [
        "The Lumen Republic and the Ferro League met on May 3, 2024 to talk about tolls.",
        "“We will open the locks again,” the Ferro League said after the meeting.",
    ]
    article = Article(
        title="Toll talks on the delta",
        blocks=[Block("paragraph", text) for text in texts],
        published=datetime(2024, 5, 4),
        date_confidence="high",
        outlet="Delta Post",
        source="delta.txt",
    )
    return build_digest([article], [extract(article, registry)], registry, "Delta", "# Delta")


def pages(template_dir: Path | None = None) -> dict[str, str]:
    return {p.path: p.content for p in render_site(small_digest(), Renderer(template_dir))}


def test_an_override_extending_the_builtin_replaces_one_block_only(tmp_path: Path) -> None:
    (tmp_path / "actor.md.j2").write_text(
        '{% extends "builtin/actor.md.j2" %}\n'
        "{% block articles %}\nARTICLES REPLACED for {{ actor.name }}\n{% endblock %}\n",
        encoding="utf-8",
    )
    default, edited = pages(), pages(tmp_path)
    assert default.keys() == edited.keys()
    actor_pages = [path for path in default if path.startswith("actors/") and path != "actors/index.md"]
    assert actor_pages
    for path in default:
        if path not in actor_pages:
            assert edited[path] == default[path], path
    for path in actor_pages:
        page = default[path]
        start = page.index("## Articles")  # the last section
        name = "Lumen Republic" if path == "actors/lumen.md" else "Ferro League"
        expected = page[:start] + f"ARTICLES REPLACED for {name}\n"
        assert edited[path] == expected


def test_an_override_of_a_whole_template_still_wins(tmp_path: Path) -> None:
    (tmp_path / "month.md.j2").write_text("# Only {{ term.name }}\n", encoding="utf-8")
    assert pages(tmp_path)["months/2024-05.md"].endswith("\n\n# Only May 2024\n")


def test_wording_comes_from_the_strings_template(tmp_path: Path) -> None:
    builtin = (BUILTIN_TEMPLATES / "_strings.md.j2").read_text(encoding="utf-8")
    edited = (
        builtin.replace("}Actors{", "}Who is who{")
        .replace("}: newest articles{", "}: latest reports{")
        .replace("Also written as: ", "Known as: ")
    )
    assert edited != builtin
    (tmp_path / "_strings.md.j2").write_text(edited, encoding="utf-8")
    default, changed = pages(), pages(tmp_path)
    assert '"title": "Actors"' in default["actors/index.md"]
    assert '"title": "Who is who"' in changed["actors/index.md"]
    assert "\n# Who is who\n" in changed["actors/index.md"]  # the page's heading follows it
    assert "<title>Delta: latest reports</title>" in changed["feeds/articles.xml"]
    assert "<title>Delta: newest articles</title>" in default["feeds/articles.xml"]


def test_built_in_wording_reads_as_before() -> None:
    text = Renderer().text
    assert text("default_intro", "Delta") == (
        "# Delta\n\nAn explainer built from the articles in this digest."
    )
    assert text("chronology_title", "2024") == "Chronology: 2024"
    assert text("chronology_title") == "Chronology"
    assert text("month_description", "May 2024", 1, 2) == (
        "What happened in May 2024: 1 event, 2 articles."
    )
    assert text("event_entry_summary", "Talks.", 2, ["A", "B"]) == "Talks. (2 sources: A, B)"


def test_event_lines_are_worded_by_the_template() -> None:
    line = Renderer().text(
        "event_line", "3 May 2024", "Talks <began>.", ["<a>L</a>"], [("<a>x</a>", "P & Q")], 11, 3
    )
    assert line == (
        "<strong>3 May 2024</strong>: Talks &lt;began&gt;. (<a>L</a>)\n"
        "<small>11 sources: <a>x</a> (P &amp; Q); and 3 more</small>"
    )
    assert Renderer().text("event_line", "2024", "Talks.", [], None, 1, -7) == (
        "<strong>2024</strong>: Talks."
    )


class Month:
    def __init__(self, key: str) -> None:
        self.key, self.events, self.articles, self.name = key, [1], [1, 2], f"Month {key}"


def test_the_chart_says_when_it_shows_only_the_latest_months() -> None:
    text = ChartText.from_wording(Renderer().text)
    months = [Month("2001-01"), Month("2024-01")]
    svg = timeline_svg(months, lambda key: key, text, max_months=12)
    assert "Events and articles per month (latest 12 months). Each bar links" in svg
    assert 'aria-label="Month 2024-01: 1 event, 2 articles"' in svg
    assert "(latest" not in timeline_svg(months, lambda key: key, text, max_months=400)


def test_a_strings_template_missing_a_macro_is_a_template_problem(tmp_path: Path) -> None:
    (tmp_path / "_strings.md.j2").write_text("{% macro other() %}x{% endmacro %}\n")
    with pytest.raises(TemplateProblem, match=r"^_strings.md.j2: no macro '\w+'"):
        pages(tmp_path)


# A mistake on the line marked <-, and the words the error must give (issue 20: errors
# were named one line late, at the token after an unclosed tag or at the end of the file).
SYNTAX_ERRORS = {
    "unclosed print": ("# {{ title }}\n\n{{ page_path <-\n\nSome text.\n", "end of print"),
    "unclosed tag": ("# Title\n{% if page_path <-\nmore text\n", "end of statement"),
    "unclosed if": ("# Title\n\n{% if page_path %} <-\ntext\n\nmore text\n", "endif"),
    "unclosed inner for": (
        "{% if page_path %}\n{% for x in [1] %} <-\n{{ x }}\n{% endif %}\n", "endfor"
    ),
    "unclosed block set": ("{% set x %} <-\nabc\n\n", "endset"),
    "bad expression": ("# Title\n\n{{ 1 + }} <-\n\ntext\n", "unexpected"),
    "multi-line tag": ("# Title\n{{ page_path\n  | nosuchfilter }} <-\n", "nosuchfilter"),
}


@pytest.mark.parametrize("case", sorted(SYNTAX_ERRORS))
def test_a_template_syntax_error_names_its_real_line(tmp_path: Path, case: str) -> None:
    source, words = SYNTAX_ERRORS[case]
    lines = source.splitlines()
    meant = next(n for n, line in enumerate(lines, 1) if line.endswith("<-"))
    (tmp_path / "overview.md.j2").write_text(source.replace(" <-", ""), encoding="utf-8")
    with pytest.raises(TemplateProblem) as found:
        pages(tmp_path)
    message = str(found.value)
    assert f"overview.md.j2:{meant}: " in message, message
    assert words in message and "\n" not in message
