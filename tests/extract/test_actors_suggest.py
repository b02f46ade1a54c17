"""`digest actors suggest`: a registry worth keeping, read from the corpus's own evidence.

Every corpus here is a handful of short articles written for the test; each test
isolates one rule (names cut at titles, pairs split, surnames merged, furniture and
reporters left out, places apart) and the YAML is loaded by the registry loader.
"""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from generator.extract.actors import find_mentions, parse_registry
from generator.extract.actors.suggest import (
    Source,
    Suggestion,
    Suggestions,
    suggest,
    suggest_actors,
)
from generator.extract.actors.suggest.output import suggestions_yaml, write_suggestions

EMPTY = parse_registry("")

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
    "Foreign Minister Hakan Fidan later flew home, and Abdel Fattah el-Sisi called him.",
]


def by_name(suggestions: Suggestions | list[Suggestion]) -> dict[str, Suggestion]:
    items = suggestions.actors if isinstance(suggestions, Suggestions) else suggestions
    return {s.name: s for s in items}


def test_titles_are_cut_off_and_kept_as_the_role() -> None:
    found = by_name(suggest(CORPUS, REGISTRY))
    fidan = found["Hakan Fidan"]
    assert (fidan.kind, fidan.role) == ("person", "Foreign Minister")
    assert (fidan.documents, fidan.count) == (4, 5)
    assert "Abdel Fattah el-Sisi" in found
    assert not any("Minister" in name or "President" in name for name in found)


def test_registry_names_months_weekdays_and_sentence_starts_are_not_suggested() -> None:
    names = set(by_name(suggest(CORPUS, REGISTRY, limit=100)))
    for name in names:
        assert not find_mentions(name, REGISTRY), name  # nothing the registry covers
        assert not {"Monday", "Tuesday", "Sunday", "October"} & set(name.split()), name
        assert not name.startswith(("On ", "As ", "After ", "Following ", "The ", "In ")), name
    assert "Times of Israel" not in " ".join(names)
    assert "Hostages and Missing Families Forum" in names  # an organisation's own "and"


def test_limit() -> None:
    assert len(suggest(CORPUS, REGISTRY, limit=1).actors) == 1
    assert suggest(CORPUS, REGISTRY, limit=0).actors == ()
    assert suggest_actors([], REGISTRY) == []


SINGLE_WORDS = [
    "Acme Plc said on Monday it would close two plants, and Acme shares fell.",
    "Acme told its workers the plants would shut. Union leaders met Acme managers.",
    "The Federal Emergency Management Agency (FEMA) sent teams. Acme donated water.",
    "FEMA said the flood was the worst in decades. Officials at FEMA asked for patience.",
    "Investors asked whether Acme could pay its debts. FEMA opened shelters.",
]


def test_single_words_acronyms_and_company_suffixes() -> None:
    found = by_name(suggest(SINGLE_WORDS, EMPTY))
    assert "Acme" in found and "Acme Plc" not in found
    assert "Acme Plc" in found["Acme"].aliases
    assert found["Acme"].documents == 4
    fema = found["Federal Emergency Management Agency"]
    assert "FEMA" in fema.aliases and fema.kind == "organisation"
    assert "FEMA" not in found  # one entry, not two
    assert fema.documents == 3


PAIRS = [
    "Protests spread from Tunisia and Egypt to Yemen.",
    "Tunisia was the first to fall; Egypt followed within weeks.",
    "Crowds in Yemen cheered the news from Tunisia.",
    "Egypt closed its border while Tunisia voted.",
]


def test_pairs_are_split_and_countries_found_by_countryinfo() -> None:
    found = by_name(suggest(PAIRS, EMPTY))
    assert not any(" and " in name for name in found)
    for country in ("Tunisia", "Egypt", "Yemen"):
        assert found[country].kind == "country"
    assert found["Tunisia"].documents == 4


SURNAMES = [
    "Prime Minister Jane Holloway flew to Brasilia on Monday, as Prime Minister Jane "
    "Holloway had promised.",
    "Holloway said the talks had gone well, and Brazilian officials agreed.",
    "Jane Holloway, the leader of the Liberal Alliance, met Brazil's president.",
    "Holloway, the leader of the Liberal Alliance, returned on Friday. Bill Marsh and Anna "
    "Marsh, two farmers, protested.",
    "Bill Marsh said the deal was unfair. Anna Marsh agreed. Marsh would not say more.",
    "Marsh later left. The Brazilians declined to comment.",
]


def test_surnames_join_the_full_name_and_shared_ones_are_dropped() -> None:
    found = by_name(suggest(SURNAMES, EMPTY))
    holloway = found["Jane Holloway"]
    assert holloway.count == 5 and holloway.kind == "person"
    assert holloway.description == "The leader of the Liberal Alliance"
    assert "Holloway" not in found
    assert "Marsh" not in found  # Bill's or Anna's: given to neither
    brazil = found["Brazil"]
    assert brazil.kind == "country"
    assert {"Brazilian", "Brazilians", "Brasilia"} <= set(brazil.aliases)


FURNITURE = "Read our Terms of Service and the Privacy Policy before you comment."
REPORTED = [
    [f"By Kim Sato. The Zanzibar Trust said on Monday it had raised funds. {n}", FURNITURE]
    for n in ("One.", "Two.", "Three.")
] + [
    ["The Daily Gazette's Kim Sato reports that the Zanzibar Trust spent the money."],
    ["Officials told the Daily Gazette that the Zanzibar Trust was audited in Springfield."],
    ["Workers in Springfield said the Zanzibar Trust paid them. Towns near Springfield agreed."],
]


def test_furniture_bylines_and_reporters_are_left_out_and_places_listed_apart() -> None:
    sources = [Source(tuple(p), outlet="Daily Gazette") for p in REPORTED]
    result = suggest(sources, EMPTY)
    found = by_name(result)
    assert "Zanzibar Trust" in found
    assert "Kim Sato" not in found  # the corpus's own reporter
    assert not {"Terms of Service", "Privacy Policy"} & set(found)
    assert "Daily Gazette" not in found  # the outlet itself
    assert "Springfield" not in found
    assert "Springfield" in {p.name for p in result.places}


def test_regions_and_headlines_are_not_actors() -> None:
    texts = [
        "Aid arrived in North Africa and the Middle East. The Red Crescent helped.",
        "Storms hit North Africa again, the Red Crescent said.",
        "Floods Leave Thousands Homeless In The Region Of Kadoma Province",
        "Floods Leave Thousands Homeless In The Region Of Kadoma Province",
    ]
    result = suggest(texts, EMPTY)
    found = by_name(result)
    assert "Red Crescent" in found
    assert "North Africa" not in found and "Floods Leave Thousands Homeless" not in found
    assert "North Africa" in {p.name for p in result.places}


def test_yaml_is_a_registry_the_loader_accepts_as_it_is() -> None:
    found = suggest(SURNAMES + PAIRS + SINGLE_WORDS, EMPTY)
    text = suggestions_yaml(found)
    registry = parse_registry(text, "suggested.yml")
    assert registry["jane-holloway"].kind == "person"
    assert registry["jane-holloway"].role == "Prime Minister"
    assert registry["brazil"].kind == "country"
    assert "Brazilian" in registry["brazil"].aliases
    assert "FEMA" in registry["federal-emergency-management-agency"].aliases
    # The evidence is a comment above each entry.
    assert "  # 6 mentions in 4 articles, e.g.: Acme Plc said on Monday" in text
    lines = text.splitlines()
    for i, line in enumerate(lines):
        if line.startswith("  - id: "):
            assert lines[i - 1].startswith("  # "), line


def test_yaml_quotes_awkward_names_and_keeps_ids_and_aliases_unique() -> None:
    items = [
        Suggestion("Search", 2, 2, "a: b # c", "other"),
        Suggestion("Al-Qassam: Brigades", 2, 1, "line\nbreak", "armed group", aliases=("AQB",)),
        Suggestion("al Qassam Brigades", 1, 1, "x", "armed group", aliases=("AQB", "Search")),
    ]
    text = suggestions_yaml(items)
    entries = yaml.safe_load(text)["actors"]
    assert [e["id"] for e in entries] == ["search-2", "al-qassam-brigades", "al-qassam-brigades-2"]
    assert entries[1]["name"] == "Al-Qassam: Brigades"
    assert "aliases" not in entries[2]  # AQB and Search are taken
    parse_registry(text)


def test_nothing_to_suggest_is_still_a_valid_registry() -> None:
    text = suggestions_yaml([])
    assert text.startswith("#")
    assert len(parse_registry(text)) == 0


def test_any_reading_order_gives_the_same_yaml() -> None:
    texts = SURNAMES + PAIRS + SINGLE_WORDS + CORPUS
    forward = suggestions_yaml(suggest(texts, EMPTY))
    backward = suggestions_yaml(suggest(list(reversed(texts)), EMPTY))
    assert forward == backward


@settings(max_examples=150, deadline=None)
@given(st.lists(st.text(max_size=120), max_size=5))
def test_arbitrary_text_never_crashes_and_always_loads(texts: list[str]) -> None:
    parse_registry(suggestions_yaml(suggest(texts, REGISTRY)))


def test_articles_given_as_paragraph_lists_count_once() -> None:
    articles = [
        ["Hakan Fidan arrived.", "Later Hakan Fidan left."],
        ["Hakan Fidan spoke."],
    ]
    [fidan] = suggest_actors(articles, REGISTRY)
    assert (fidan.name, fidan.documents, fidan.count) == ("Hakan Fidan", 2, 3)


EDITED = """\
# My registry: hand-made, keep my comments.
actors:
  - id: jane-holloway
    name: Jane Holloway
    kind: person
    description: My own words.   # keep this comment too
places:
- Kadoma
"""


def test_write_merges_into_the_registry_without_touching_the_editors_lines(tmp_path: Path) -> None:
    path = tmp_path / "actors.yml"
    path.write_text(EDITED, encoding="utf-8")
    found = suggest(SURNAMES + PAIRS, EMPTY)
    actors, places = write_suggestions(path, found)
    text = path.read_text(encoding="utf-8")
    original = EDITED.splitlines()
    new = text.splitlines()
    # Every line the editor wrote is still there, in order.
    it = iter(new)
    assert all(any(line == other for other in it) for line in original)
    registry = parse_registry(text)
    assert registry["jane-holloway"].description == "My own words."
    assert "jane-holloway-2" not in registry  # already there: not suggested again
    assert registry["tunisia"].kind == "country"
    assert actors == len(registry) - 1
    assert "Kadoma" in registry.places
    # Writing again adds nothing.
    assert write_suggestions(path, suggest(SURNAMES + PAIRS, registry)) == (0, 0)
    assert path.read_text(encoding="utf-8") == text


def test_write_into_a_missing_or_empty_registry(tmp_path: Path) -> None:
    path = tmp_path / "actors.yml"
    actors, _ = write_suggestions(path, suggest(PAIRS, EMPTY))
    assert actors == 3
    assert {"tunisia", "egypt", "yemen"} == set(parse_registry(path.read_text()).actors)
    empty = tmp_path / "empty.yml"
    empty.write_text("actors: []\n", encoding="utf-8")
    write_suggestions(empty, suggest(PAIRS, EMPTY))
    assert len(parse_registry(empty.read_text())) == 3


def test_places_in_the_registry_are_never_read_as_actors() -> None:
    registry = parse_registry(
        "actors:\n  - {id: mexico, name: Mexico, kind: country}\nplaces: [Mexico City]\n"
    )
    assert registry.places == ("Mexico City",)
    assert [m.actor_id for m in find_mentions("Mexico City and Mexico", registry)] == ["mexico"]
    with pytest.raises(Exception, match="claimed by both"):
        parse_registry("actors:\n  - {id: cairo, name: Cairo, kind: other}\nplaces: [Cairo]\n")


def test_a_people_is_other_but_a_name_ending_in_s_is_not() -> None:
    texts = [
        "The Kurds voted; one Kurd said the Zemblas movement would win.",
        "Kurdish leaders met Zemblas officials. The Kurds and Zemblas agreed.",
        "Zemblas said the Kurds were allies.",
    ]
    found = by_name(suggest(texts, EMPTY))
    assert found["Kurds"].kind == "other"
    assert found["Zemblas"].kind != "other"


def test_acronyms_that_spell_small_words_are_names() -> None:
    texts = [
        "WHO said the virus had spread. US officials agreed with WHO experts.",
        "The US sent doses, and WHO thanked the US.",
        "Aid from the US arrived; WHO staff met it.",
    ]
    found = by_name(suggest(texts, EMPTY))
    assert found["United States"].count == 4 and "US" in found["United States"].aliases
    assert found["WHO"].count == 4


def test_transliterations_merge_and_companies_named_like_people_are_organisations() -> None:
    texts = [
        "Colonel Muammar Gaddafi spoke on television. Gaddafi said he would stay.",
        "Muammar Qaddafi's forces advanced, and Qaddafi vowed to fight.",
        "Rebels said Moammar Gadhafi had fled. Vandermeer Hollis shares fell again.",
        "Vandermeer Hollis shares dropped; Vandermeer Hollis employees were told to leave.",
        "Vandermeer Hollis executives met regulators. Gaddafi was not seen.",
    ]
    found = by_name(suggest(texts, EMPTY))
    leader = [s for s in found.values() if s.name.endswith("afi")]
    assert len(leader) == 1 and leader[0].kind == "person", found
    assert found["Vandermeer Hollis"].kind == "organisation"


def test_reporters_credited_together_and_by_a_two_word_outlet_are_left_out() -> None:
    paragraphs = [
        ("Mayor Rosa Ibarra closed the port. (Reporting by Tom Aske and Lena Moor)",),
        ("Rosa Ibarra said the port would reopen. Reporting by Tom Aske and Lena Moor.",),
        ("The Harbour Ledger's Ivo Lind says Rosa Ibarra was right.",),
        ("The Harbour Ledger's Ivo Lind reports that Rosa Ibarra won again.",),
    ]
    sources = [Source(p, outlet="harbourledger") for p in paragraphs]
    found = by_name(suggest(sources, EMPTY))
    assert "Rosa Ibarra" in found
    assert not {"Tom Aske", "Lena Moor", "Ivo Lind", "Harbour Ledger"} & set(found), found


def test_an_organisation_named_with_a_demonym_keeps_it() -> None:
    texts = [
        "The Syrian National Council met in Istanbul. U.S. State Department officials came.",
        "The Syrian National Council said the U.S. State Department had promised aid.",
        "Leaders of the Syrian National Council thanked the State Department.",
    ]
    found = by_name(suggest(texts, EMPTY))
    assert "Syrian National Council" in found and "National Council" not in found
    assert "State Department" in found and "U.S. State Department" not in found


def test_an_age_in_apposition_makes_a_single_name_a_person() -> None:
    texts = [
        "Okonkwo, 57, denied the charges on Monday.",
        "The lawyers for Okonkwo said the trial would be long.",
        "The court heard that Okonkwo had left the country.",
    ]
    assert by_name(suggest(texts, EMPTY))["Okonkwo"].kind == "person"


def test_names_in_a_credit_line_are_reporters() -> None:
    texts = [
        "Governor Ada Quist declared an emergency. Jon Pell and Mia Roan contributed to this report.",
        "Ada Quist toured the dam. Jon Pell and Mia Roan contributed to this report.",
        "Ada Quist said repairs would take weeks. Jon Pell, Mia Roan contributed to this report.",
    ]
    found = by_name(suggest([[t] for t in texts], EMPTY))
    assert "Ada Quist" in found
    assert not {"Jon Pell", "Mia Roan"} & set(found)


def test_the_presenters_of_broadcast_listings_are_reporters() -> None:
    texts = [
        "Governor Ada Quist declared an emergency. Tova Brink presents the evening news review.",
        "Ada Quist toured the dam. The band plays live on Tova Brink's late show tonight.",
        "Ada Quist said repairs would take weeks. Tova Brink presents a phone-in from the coast.",
    ]
    found = by_name(suggest([[t] for t in texts], EMPTY))
    assert "Ada Quist" in found
    assert "Tova Brink" not in found


def test_the_never_joins_two_names() -> None:
    texts = [
        "Stocks of Veltrax the GLA bought ran low. Veltrax was sold out.",
        "Doctors gave Veltrax to patients. The GLA ordered more Veltrax.",
        "Veltrax supplies held, the GLA said.",
    ]
    found = by_name(suggest(texts, EMPTY))
    assert "Veltrax" in found and not any(" the " in name for name in found)


def test_a_person_named_by_title_and_one_name_keeps_the_title_as_an_alias() -> None:
    texts = [
        "Saudi King Abdullah met the envoy. King Abdullah said little.",
        "Talks with King Abdullah resumed on Monday.",
        "Abdullah later flew to Riyadh.",
    ]
    abdullah = by_name(suggest(texts, EMPTY))["Abdullah"]
    assert abdullah.kind == "person" and abdullah.role == "King"
    assert abdullah.aliases[0] == "King Abdullah"


def test_hostile_runs_of_names_do_not_crash() -> None:
    texts = ["Egypt " * 5000, "U.S. " * 3000 + "and Acme", "A" * 100_000, "Acme and " * 2000]
    parse_registry(suggestions_yaml(suggest(texts, EMPTY)))
