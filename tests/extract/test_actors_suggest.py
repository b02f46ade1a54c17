"""`digest actors suggest`: frequent uncovered names as a YAML snippet to paste in."""

from __future__ import annotations

import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from generator.extract.actors import find_mentions, parse_registry
from generator.extract.actors.suggest import Suggestion, suggest_actors, suggestions_yaml

REGISTRY = parse_registry(
    """
actors:
  - id: qatar
    name: Qatar
    kind: country
    aliases: [Qatari, Doha]
  - id: hamas
    name: Hamas
    kind: armed group
  - id: netanyahu
    name: Benjamin Netanyahu
    kind: person
    aliases: [Netanyahu]
outlets:
  - {name: The Times of Israel}
"""
)

CORPUS = [
    "As talks continue, Turkish Foreign Minister Hakan Fidan met Hamas leaders in Doha. "
    "On Monday, The Times of Israel reported it.",
    "Hakan Fidan said on Tuesday that Qatar would keep mediating. In October the "
    "Hostages and Missing Families Forum rallied.",
    "Benjamin Netanyahu spoke to Hakan Fidan. The Hostages and Missing Families Forum said "
    "Sunday that Hakan Fidan's plan failed.",
    "Following the meeting, Prime Minister Benjamin Netanyahu left. After Qatar's Sheikh "
    "Tamim spoke, Egyptian President Abdel Fattah el-Sisi agreed.",
]


def test_uncovered_names_ranked_with_counts_and_example() -> None:
    suggestions = suggest_actors(CORPUS, REGISTRY)
    by_name = {s.name: s for s in suggestions}
    assert suggestions[0].name == "Hakan Fidan"
    assert (by_name["Hakan Fidan"].documents, by_name["Hakan Fidan"].count) == (3, 4)
    assert by_name["Hakan Fidan"].kind == "person"  # seen after a title
    assert "Turkish Foreign Minister Hakan Fidan met" in by_name["Hakan Fidan"].example
    forum = by_name["Hostages and Missing Families Forum"]
    assert (forum.documents, forum.count, forum.kind) == (2, 2, "organisation")
    assert "Abdel Fattah el-Sisi" in by_name


def test_registry_names_months_weekdays_and_sentence_starts_are_not_suggested() -> None:
    names = {s.name for s in suggest_actors(CORPUS, REGISTRY, limit=100)}
    for name in names:
        assert not find_mentions(name, REGISTRY), name  # nothing the registry covers
        assert not {"Monday", "Tuesday", "Sunday", "October"} & set(name.split()), name
        assert not name.startswith(("On ", "As ", "After ", "Following ", "The ", "In ")), name
    assert "Times of Israel" not in " ".join(names)
    assert "Prime Minister" not in names
    assert "Turkish Foreign Minister Hakan Fidan" not in names


def test_limit() -> None:
    assert len(suggest_actors(CORPUS, REGISTRY, limit=1)) == 1
    assert suggest_actors(CORPUS, REGISTRY, limit=0) == []
    assert suggest_actors([], REGISTRY) == []


def test_yaml_snippet_pastes_into_the_registry() -> None:
    snippet = suggestions_yaml(suggest_actors(CORPUS, REGISTRY))
    assert "# 4 mentions in 3 texts, e.g.:" in snippet
    entries = yaml.safe_load("actors:\n" + snippet)["actors"]
    assert {
        "id": "hakan-fidan",
        "name": "Hakan Fidan",
        "kind": "person",
        "description": "",
    } in entries
    # The pasted entries make a valid registry together with the existing actors.
    registry = parse_registry("actors:\n" + snippet)
    assert registry["hakan-fidan"].name == "Hakan Fidan"


def test_yaml_snippet_quotes_awkward_names_and_unique_ids() -> None:
    items = [
        Suggestion("Search", 2, 2, "a: b # c", "other"),
        Suggestion("Al-Qassam: Brigades", 2, 1, "line\nbreak", "armed group"),
        Suggestion("al Qassam Brigades", 1, 1, "x", "armed group"),
    ]
    snippet = suggestions_yaml(items)
    entries = yaml.safe_load("actors:\n" + snippet)["actors"]
    assert [e["id"] for e in entries] == ["search-2", "al-qassam-brigades", "al-qassam-brigades-2"]
    assert entries[1]["name"] == "Al-Qassam: Brigades"
    parse_registry("actors:\n" + snippet)


def test_nothing_to_suggest() -> None:
    assert suggestions_yaml([]).startswith("#")


@settings(max_examples=150, deadline=None)
@given(st.lists(st.text(max_size=120), max_size=5))
def test_arbitrary_text_never_crashes(texts: list[str]) -> None:
    snippet = suggestions_yaml(suggest_actors(texts, REGISTRY))
    yaml.safe_load("actors:\n" + snippet)


def test_articles_given_as_paragraph_lists_count_once() -> None:
    articles = [
        ["Hakan Fidan arrived.", "Later Hakan Fidan left."],
        ["Hakan Fidan spoke."],
    ]
    [fidan] = suggest_actors(articles, REGISTRY)
    assert (fidan.name, fidan.documents, fidan.count) == ("Hakan Fidan", 2, 3)
