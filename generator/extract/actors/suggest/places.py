"""Countries and world regions from countryinfo's data, for the actor suggester.

countryinfo ships its data in the wheel, so this works offline. A country is found by
its name, its Latin alternative spellings, its demonym (and plural) and its capital;
regions and subregions ("Africa", "Western Asia") are places, never actors.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from generator.text.folding import fold

# The English short forms news writes for a few countries that countryinfo spells out
# only as ISO codes or not at all (the codes themselves are dropped: "IT", "AM", "IN"
# are words in upper-case text).
_ENGLISH_FORMS = {
    "United States": ("US", "U.S.", "USA", "U.S.A.", "America"),
    "United Kingdom": ("UK", "U.K.", "Britain", "Great Britain"),
    "United Arab Emirates": ("UAE", "U.A.E."),
}


@dataclass(frozen=True)
class Country:
    name: str
    demonym: str
    capital: str
    population: int


def _key(text: str) -> str:
    return " ".join(fold(text).lower().replace(".", "").replace("-", " ").split())


@lru_cache(maxsize=1)
def _index() -> tuple[dict[str, Country], frozenset[str], frozenset[str]]:
    """folded name -> country; folded names of world regions; of provinces and states."""
    forms: dict[str, list[Country]] = {}
    regions: set[str] = set()
    provinces: set[str] = set()
    for info in _all_countries():
        name = info.get("name")
        if not isinstance(name, str) or not name:
            continue
        demonym = info.get("demonym") if isinstance(info.get("demonym"), str) else ""
        capital = info.get("capital") if isinstance(info.get("capital"), str) else ""
        population = info.get("population") if isinstance(info.get("population"), int) else 0
        country = Country(name, demonym, _bare_capital(capital), population)
        names = [name, *_ENGLISH_FORMS.get(name, ())]
        iso = info.get("ISO") if isinstance(info.get("ISO"), dict) else {}
        codes = {str(v).upper() for v in iso.values()}
        for spelling in info.get("altSpellings") or ():
            if _usable_spelling(spelling, codes):
                names.append(spelling)
        if demonym:
            names += [demonym, *_plurals(demonym)]
        if country.capital:
            names.append(country.capital)
        for form in names:
            forms.setdefault(_key(form), []).append(country)
        for province in info.get("provinces") or ():
            if isinstance(province, str) and all(ord(c) < 0x250 for c in province):
                provinces.add(_key(province))
        for field in ("region", "subregion", "intermediateregion"):
            value = info.get(field)
            if isinstance(value, str) and value:
                # "Latin America and the Caribbean" is two regions
                regions.update(_key(part) for part in value.replace(" the ", " ").split(" and "))
    # A form shared by several countries ("Chinese", "Georgia") goes to the one whose own
    # name it is, else to the most populous.
    index = {
        form: max(owners, key=lambda c: (_key(c.name) == form, c.population))
        for form, owners in forms.items()
    }
    return index, frozenset(regions - set(index)), frozenset(provinces - set(index))


def _usable_spelling(spelling: object, codes: set[str]) -> bool:
    """An alternative name news writes: Latin letters, no ISO code, no "Republic, the"."""
    if not isinstance(spelling, str) or spelling.upper() in codes or "," in spelling:
        return False
    return len(spelling) > 3 and all(ord(c) < 0x250 for c in spelling)


def _all_countries() -> list[dict]:
    """Every country's data, across countryinfo's versions (none if it is missing)."""
    try:
        import countryinfo
    except ImportError:  # a dependency; without it no country is known
        return []
    if hasattr(countryinfo, "all_countries"):
        return [c.info() for c in countryinfo.all_countries()]
    return list(countryinfo.CountryInfo().all().values())


def _bare_capital(capital: str) -> str:
    words = capital.split()
    while len(words) > 1 and "." in words[-1]:
        words.pop()  # "Washington D.C." is written "Washington"
    return " ".join(words)


def _plurals(demonym: str) -> list[str]:
    if demonym.endswith(("i", "an")):
        return [demonym + "s"]
    return []


def country_of(name: str) -> Country | None:
    """The country a name stands for: "Egypt", "Egyptians", "U.S.", "Cairo"."""
    return _index()[0].get(_key(name))


def is_region(name: str) -> bool:
    """A world region or subregion ("Africa", "Western Asia")."""
    return _key(name) in _index()[1]


def is_province(name: str) -> bool:
    """A province or state of some country ("California", "Veracruz")."""
    return _key(name) in _index()[2]


def is_region_adjective(name: str) -> bool:
    """ "Asian", "European", "African": the adjective of a world region, not a name."""
    key = _key(name)
    return any(
        key.endswith(tail) and (is_region(key[: -len(tail)]) or is_region(key[: -len(tail)] + "e"))
        for tail in ("n", "an", "ern")
    )
