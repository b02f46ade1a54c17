"""Registry loading: every editor mistake is one RegistryError naming file and line."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from generator.extract.actors import (
    KINDS,
    Actor,
    Registry,
    RegistryError,
    Role,
    find_mentions,
    load_registry,
    parse_registry,
)

ROOT = Path(__file__).resolve().parents[2]


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "actors.yml"
    path.write_text(text, encoding="utf-8")
    return path


def error_for(tmp_path: Path, text: str) -> str:
    path = write(tmp_path, text)
    with pytest.raises(RegistryError) as info:
        load_registry(path)
    message = str(info.value)
    assert "\n" not in message
    return message


# (registry text, line the error must name, words the message must contain)
BROKEN = {
    "bad yaml": ("actors:\n  - id: a\n    name: A\n    aliases: [x, y\n", None, "invalid YAML"),
    "tab indent": ("actors:\n  - id: a\n\t  name: A\n", 3, "invalid YAML"),
    "alias claimed twice": (
        "actors:\n  - id: qatar\n    name: Qatar\n    aliases: [Doha]\n"
        "  - id: other\n    name: Other\n    aliases:\n      - Elsewhere\n      - Doha\n",
        9,
        "'Doha' is claimed by both 'qatar' (line 4) and 'other'",
    ),
    "name claimed as alias": (
        "actors:\n  - id: qatar\n    name: Qatar\n  - id: b\n    name: B\n    aliases: [Qatar]\n",
        6,
        "'Qatar' is claimed by both",
    ),
    "alias differing only by apostrophe": (
        "actors:\n  - id: a\n    name: A\n    aliases: [Qatar's office]\n"
        "  - id: b\n    name: B\n    aliases: [Qatar’s office]\n",
        7,
        "claimed by both",
    ),
    "unknown kind": (
        "actors:\n  - id: a\n    name: A\n    kind: militia\n",
        4,
        "unknown kind 'militia'",
    ),
    "unknown parent": (
        "actors:\n  - id: a\n    name: A\n    parent: nobody\n",
        4,
        "parent 'nobody'",
    ),
    "parent loop": (
        "actors:\n  - id: a\n    name: A\n    parent: b\n  - id: b\n    name: B\n    parent: c\n"
        "  - id: c\n    name: C\n    parent: a\n",
        4,
        "loop of parents: a -> b -> c -> a",
    ),
    "own parent": ("actors:\n  - id: a\n    name: A\n    parent: a\n", 4, "loop of parents"),
    "duplicate id": (
        "actors:\n  - id: a\n    name: A\n  - id: a\n    name: B\n",
        4,
        "duplicate actor id 'a' (first on line 2)",
    ),
    "unsafe slug": ("actors:\n  - id: Qatar State\n    name: A\n", 2, "not a safe slug"),
    "slug with slash": ("actors:\n  - id: ../etc\n    name: A\n", 2, "not a safe slug"),
    "reserved id": ("actors:\n  - name: A\n    id: search\n", 3, "reserved page name"),
    "missing name": ("actors:\n  - id: a\n    kind: person\n", 2, "'name' is missing"),
    "missing id": ("actors:\n  - name: A\n", 2, "has no 'id'"),
    "unknown field": (
        "actors:\n  - id: a\n    name: A\n    alias: [B]\n",
        4,
        "unknown actor field 'alias'",
    ),
    "key given twice": ("actors:\n  - id: a\n    name: A\n    name: B\n", 4, "given twice"),
    "alias not text": (
        "actors:\n  - id: a\n    name: A\n    aliases:\n      - 12\n",
        5,
        "not a non-empty",
    ),
    "role date": (
        "actors:\n  - id: a\n    name: A\n    roles:\n      - title: PM\n        from: soon\n",
        6,
        "must be like 2024-11-05",
    ),
    "role backwards": (
        "actors:\n  - id: a\n    name: A\n    roles:\n      - {title: PM, from: 2024, to: 2020}\n",
        5,
        "ends (2020) before it starts (2024)",
    ),
    "unknown link": (
        "actors:\n  - id: a\n    name: A\n    links:\n      twitter: x\n",
        5,
        "unknown link",
    ),
    "bad wikidata": (
        "actors:\n  - id: a\n    name: A\n    links: {wikidata: 123}\n",
        4,
        "wikidata",
    ),
    "impossible date": (
        "actors:\n  - id: a\n    name: A\n    roles:\n      - {title: PM, from: 2024-02-30}\n",
        5,
        "day is out of range",
    ),
    "nested too deeply": ("actors: " + "[" * 3000 + "]" * 3000 + "\n", 1, "nested too deeply"),
    # A billion laughs: 10**9 names once the aliases are expanded (issue 20: 6 GB, then).
    "alias bomb": (
        "ignore: &l0 [ha, ha, ha, ha, ha, ha, ha, ha, ha, ha]\n"
        + "".join(f"x{i}: &l{i} [" + ", ".join([f"*l{i - 1}"] * 10) + "]\n" for i in range(1, 9))
        + "actors:\n  - id: a\n    name: A\n    aliases: *l8\n",
        6,  # x5: the first list past a million values
        "once aliases are expanded",
    ),
    "alias loop": ("actors: &a\n  - *a\n", 1, "part of"),
    "python tag": (
        "actors:\n  - id: a\n    name: !!python/object:os.system x\n",
        3,
        "invalid YAML",
    ),
    "not a mapping": ("- a\n- b\n", 1, "expected a mapping"),
    "actors not a list": ("actors: Qatar\n", 1, "'actors' must be a list"),
    "unknown top-level": ("actors: []\nactor: []\n", 2, "unknown top-level key 'actor'"),
    "unknown deriver": ("derive: wikipedia\nactors: []\n", 1, "unknown 'derive' source"),
    "outlet claims alias": (
        "actors:\n  - id: israel\n    name: Israel\noutlets:\n  - {name: Israel}\n",
        5,
        "claimed by both",
    ),
}


@pytest.mark.parametrize("case", sorted(BROKEN))
def test_broken_registry_names_file_and_line(tmp_path: Path, case: str) -> None:
    text, line, words = BROKEN[case]
    message = error_for(tmp_path, text)
    match = re.match(r"(.+):(\d+): ", message)
    assert match, message
    assert match.group(1) == str(tmp_path / "actors.yml")
    if line is not None:
        assert int(match.group(2)) == line, message
    assert words in message


def test_missing_and_undecodable_files(tmp_path: Path) -> None:
    with pytest.raises(RegistryError, match="cannot read"):
        load_registry(tmp_path / "nope.yml")
    path = tmp_path / "latin1.yml"
    path.write_bytes("actors:\n  - id: a\n    name: Caf\xe9\n".encode("latin-1"))
    with pytest.raises(RegistryError, match="latin1.yml:1: cannot read"):
        load_registry(path)


def test_empty_registry_is_valid_and_matches_nothing(tmp_path: Path) -> None:
    registry = load_registry(write(tmp_path, ""))
    assert len(registry) == 0
    assert find_mentions("Qatar and Israel", registry) == []


def test_full_entry_is_read() -> None:
    registry = parse_registry(
        """
actors:
  - id: israel
    name: Israel
    kind: country
  - id: mossad
    name: Mossad
    kind: organisation
    parent: israel
  - id: david-barnea
    name: David Barnea
    kind: person
    parent: mossad
    description: Head of the Mossad.
    aliases: [Dadi Barnea]
    roles:
      - {title: Deputy head of the Mossad, from: 2019, to: 2021-06}
      - {title: Director of the Mossad, from: 2021-06-01}
    links: {wikipedia: David Barnea, wikidata: Q106460590, website: "https://example.org"}
""",
        "x.yml",
    )
    barnea = registry["david-barnea"]
    assert barnea.role == "Director of the Mossad"  # the role still held
    assert barnea.roles[0] == Role("Deputy head of the Mossad", "2019", "2021-06")
    assert barnea.roles[1].start == "2021-06-01"
    assert barnea.links["wikipedia"] == "https://en.wikipedia.org/wiki/David_Barnea"
    assert barnea.links["wikidata"] == "Q106460590"
    assert registry["david-barnea"].parent == "mossad" and registry["mossad"].parent == "israel"
    assert registry["israel"].kind in KINDS


def test_plain_role_wins_over_roles() -> None:
    registry = parse_registry(
        "actors:\n  - id: a\n    name: A B\n    role: Envoy\n    roles:\n      - {title: PM, from: 2020}\n"
    )
    assert registry["a"].role == "Envoy"
    assert registry["a"].roles == (Role("PM", "2020", None),)


def test_countryinfo_derives_demonym_capital_and_plural() -> None:
    registry = parse_registry(
        """
derive: countryinfo
actors:
  - id: qatar
    name: Qatar
    kind: country
  - id: israel
    name: Israel
    kind: country
    exclude_aliases: [Jerusalem]
  - id: united-states
    name: United States
    kind: country
    aliases: [US]
  - id: france
    name: France
    kind: country
    derive: false
"""
    )
    assert {"Qatari", "Qataris", "Doha"} <= set(registry["qatar"].aliases)
    assert "QA" not in registry["qatar"].aliases  # ISO codes are not what news writes
    assert "Israeli" in registry["israel"].aliases
    assert "Jerusalem" not in registry["israel"].aliases
    assert "Washington" in registry["united-states"].aliases
    assert registry["france"].aliases == ()
    found = {
        (m.text, m.actor_id) for m in find_mentions("Qataris in Doha met Israeli envoys.", registry)
    }
    assert found == {("Qataris", "qatar"), ("Doha", "qatar"), ("Israeli", "israel")}


def test_countryinfo_per_actor_with_lookup_name() -> None:
    registry = parse_registry(
        "actors:\n  - id: tr\n    name: Türkiye\n    kind: country\n"
        "    derive: countryinfo\n    country: Turkey\n"
    )
    assert "Ankara" in registry["tr"].aliases
    assert "Turkish" in registry["tr"].aliases


def test_unknown_country_is_an_error_with_line() -> None:
    with pytest.raises(RegistryError, match=r"^r.yml:5: .*Atlantis"):
        parse_registry(
            "actors:\n  - id: x\n    name: Atlantis\n    kind: country\n    derive: countryinfo\n",
            "r.yml",
        )


def test_registry_built_in_code_rejects_conflicting_aliases() -> None:
    actors = {
        "a": Actor("a", "Alpha", "other", aliases=("Shared",)),
        "b": Actor("b", "Beta", "other", aliases=("Shared",)),
    }
    # Built in code, it has no file lines: the error names none (never a made-up one).
    with pytest.raises(RegistryError, match=r"^<registry>: alias 'Shared' is claimed by both"):
        Registry(actors)


def test_sample_registry_loads() -> None:
    registry = load_registry(ROOT / "content" / "actors.yml")
    assert registry["mossad"].parent == "israel"
    assert registry["hamas-political-bureau"].parent == "hamas"
    assert {o.name for o in registry.outlets} >= {
        "CNN",
        "Agence France-Presse",
        "The Times of Israel",
    }
    for actor in registry:
        assert actor.description, actor.id


yaml_chars = st.sampled_from(list("actors:-[]{}\n  idnamekindparent\"'&*!|>#%@`\t,?\\ü’"))


@settings(max_examples=300, deadline=None)
@given(st.text(yaml_chars, max_size=120) | st.text(max_size=80))
def test_arbitrary_text_raises_only_registry_error(text: str) -> None:
    try:
        parse_registry(text, "fuzz.yml")
    except RegistryError as exc:
        assert str(exc).startswith("fuzz.yml:")


def test_roles_are_read_in_order_with_their_dates() -> None:
    registry = parse_registry(
        """
actors:
  - id: trump
    name: Donald Trump
    roles:
      - {title: President, from: 2017-01-20, to: 2021-01-20}
      - {title: President-elect, from: 2024-11-06, to: 2025-01-20}
      - {title: President, from: 2025-01-20}
"""
    )
    trump = registry["trump"]
    assert trump.role == "President"
    assert [(r.title, r.start, r.end) for r in trump.roles] == [
        ("President", "2017-01-20", "2021-01-20"),
        ("President-elect", "2024-11-06", "2025-01-20"),
        ("President", "2025-01-20", None),
    ]
