"""Aliases derived from data rather than typed: country demonyms and capitals, surnames.

countryinfo ships its country data as JSON inside the wheel, so derivation works
offline. Only what news actually writes is kept: ISO codes ("QA", "QAT") and
non-Latin native names are dropped; an editor adds "US" or "UK" by hand.
"""

from __future__ import annotations

from functools import lru_cache

from generator.text.calendar import MONTH_NAMES, WEEKDAY_NAMES

# Particles that belong to a surname: "Al Thani", "el-Sisi", "van der Leyen".
_PARTICLES = frozenset(
    {"al", "el", "al-", "bin", "ibn", "bint", "abu", "van", "von", "der", "den", "de", "da",
     "di", "du", "del", "della", "dos", "das", "le", "la", "ter", "ten", "st"}
)  # fmt: skip
# Surnames that are also calendar words would turn every "in May" into a person.
_CALENDAR = frozenset(name.lower() for name in (*MONTH_NAMES, *WEEKDAY_NAMES))
# Article prefixes joined by a hyphen that writers also drop: "Al-Ansari" / "Ansari".
_PREFIXES = ("al-", "el-", "ad-", "ash-", "as-", "an-", "ar-", "az-", "at-")


class DeriveError(ValueError):
    """The derivation source is missing or does not know the country."""


@lru_cache(maxsize=512)
def country_aliases(country: str) -> tuple[str, ...]:
    """Demonym (and plural), capital and common alternative names of a country."""
    try:
        from countryinfo import CountryInfo
    except ImportError:
        raise DeriveError("'derive: countryinfo' needs the countryinfo package installed") from None
    try:
        info = CountryInfo(country).info()
    except Exception:  # countryinfo raises its own error types and KeyError across versions
        raise DeriveError(f"countryinfo does not know a country called {country!r}") from None
    iso = info.get("ISO") or {}
    codes = {str(v).upper() for v in iso.values() if v} if isinstance(iso, dict) else set()
    out: list[str] = []
    demonym = info.get("demonym")
    if isinstance(demonym, str) and demonym:
        out.append(demonym)
        if demonym.endswith(("i", "an")):
            out.append(demonym + "s")
    capital = info.get("capital")
    if isinstance(capital, str) and capital:
        out.append(capital)
        # "Washington D.C." is written "Washington" in running text.
        words = capital.split()
        while len(words) > 1 and "." in words[-1]:
            words.pop()
        out.append(" ".join(words))
    for spelling in info.get("altSpellings") or ():
        if not isinstance(spelling, str) or "," in spelling:
            continue
        bare = spelling.replace(".", "")
        if bare.upper() in codes or (bare.isupper() and len(bare) <= 3):
            continue
        if all(c.isascii() or c.isalpha() and _latin(c) for c in spelling):
            out.append(spelling)
    name = info.get("name")
    return tuple(dict.fromkeys(a for a in out if a and a != name))


def _latin(char: str) -> bool:
    return ord(char) < 0x250 or 0x1E00 <= ord(char) < 0x1F00


def surname_forms(name: str, surname: str = "") -> tuple[str, ...]:
    """A person's name by surname alone: "Majed Al-Ansari" -> Al-Ansari, Al Ansari, Ansari."""
    words = name.split()
    if not surname:
        if len(words) < 2:
            return ()
        tail = [words[-1]]
        i = len(words) - 2
        while i > 0 and words[i].lower() in _PARTICLES:
            tail.insert(0, words[i])
            i -= 1
        surname = " ".join(tail)
        if surname.lower() in _CALENDAR:
            return ()
    forms = [surname]
    lower = surname.lower()
    for prefix in _PREFIXES:
        if lower.startswith(prefix) and len(surname) > len(prefix) + 1:
            rest = surname[len(prefix) :]
            forms += [surname[: len(prefix) - 1] + " " + rest, rest]
    first, _, rest = surname.partition(" ")
    if rest and first.lower() in ("al", "el"):
        forms += [first + "-" + rest, rest]
    return tuple(dict.fromkeys(forms))
