"""What a grouped name is: an actor of some kind, a place, or a name to leave out.

Outlets (the corpus's own, names with a media word, names beside "news agency"),
reporters (bylines, "CNN's Jane Doe"), adjectives and lone generic words are left out;
places go to a list of their own; every actor gets a kind from evidence, and the aliases,
role and description an editor sees.
"""

from __future__ import annotations

from generator.extract.actors.suggest.entity import (
    THE_SHARE,
    TITLED_SHARE,
    Entity,
    most_common,
    name_key,
    person_like,
)
from generator.extract.actors.suggest.places import (
    country_of,
    is_province,
    is_region,
    is_region_adjective,
)
from generator.extract.actors.suggest.scan import is_acronym
from generator.extract.actors.suggest.words import (
    ARMED_NOUNS,
    ARMED_WORDS,
    COMPASS,
    MEDIA_WORDS,
    ORG_NOUNS,
    ORG_WORDS,
    PLACE_WORDS,
    PURE_PLACE_WORDS,
    TITLES,
)
from generator.text.folding import fold

# A name whose mentions are this share bylines or "CNN's Jane Doe" is a reporter.
# Calibrated on timeline17-dev: correspondents sit at 0.4-0.9, quoted officials below 0.1.
REPORTER_SHARE = 0.25
# A name written after "in", "near", ... at least this often is a place (people and
# organisations sit below 0.2 on timeline17-dev, towns above 0.5).
LOCATIVE_SHARE = 0.3
# A name written beside "news agency", "newspaper" this often is an outlet ("AFP" 0.6 on
# timeline17-dev; actors below 0.05).
MEDIA_SHARE = 0.2
# A name followed by "shares", "employees", "officials" this often is an organisation.
# People are rarely followed by such nouns ("Obama officials" is an administration);
# on timeline17-dev persons sit below 0.03.
ORG_NOUN_SHARE = 0.05
# A name followed by "militants", "fighters" this often is an armed group.
ARMED_SHARE = 0.05
# A single word written before a lower-case noun this often is an adjective ("Arab
# countries", "Islamic world"): on timeline17-dev such words sit at 0.8-0.98 (Arab,
# Islamic, Asian, Kurdish 0.97), names at most 0.67 ("Labor party"; "Mubarak regime" 0.38).
# Set high: an organisation written attributively ("Acme shares") must stay.
ADJECTIVE_SHARE = 0.85


def is_outlet(entity: Entity, outlets: frozenset[str]) -> bool:
    """The corpus's own outlets (as its articles name them: "cnn", "washingtonpost"), names
    with a media word, names written beside "news agency" or "newspaper"."""
    words = entity.key.split()
    joined = entity.key.replace(" ", "")
    if entity.key in outlets or words[0] in outlets or joined in outlets:
        return True
    if entity.media >= 2 and entity.share(entity.media) >= MEDIA_SHARE and not entity.country:
        return True
    if words[-1] in MEDIA_WORDS or any(w in ("news", "tv", "television", "radio") for w in words):
        return not entity.country
    return False


def not_a_name(entity: Entity) -> bool:
    """A lone generic word ("Council", "Producer") or an adjective ("Arab countries")."""
    words = entity.key.split()
    if entity.country or len(words) > 1:
        return False
    if words[0] in ORG_WORDS or words[0] in TITLES or words[0] in PLACE_WORDS:
        return True
    return not is_acronym(entity.name) and entity.share(entity.before_noun) >= ADJECTIVE_SHARE


def is_reporter(entity: Entity, authors: set[str]) -> bool:
    if entity.key in authors:
        return True
    return entity.reporter >= 2 and entity.share(entity.reporter) >= REPORTER_SHARE


def is_place(entity: Entity) -> bool:
    if entity.country:
        return False
    words = entity.key.split()
    if is_region(entity.name) or is_region_adjective(entity.name):
        return True
    if is_province(entity.name) and entity.share(entity.person_titled) < TITLED_SHARE:
        return True
    if len(words) > 1 and words[0] in COMPASS:
        rest = " ".join(words[1:])
        if (
            is_region(rest)
            or rest in COMPASS
            or country_of(rest) is not None
            or rest in _CONTINENTS
        ):
            return True
    if words[-1] in PURE_PLACE_WORDS:
        return True
    if any(w in ORG_WORDS for w in words) or is_acronym(entity.name):
        return False
    if entity.share(entity.person_titled) >= TITLED_SHARE:
        return False
    return entity.share(entity.locative) >= LOCATIVE_SHARE


_CONTINENTS = frozenset({"africa", "asia", "europe", "america", "americas", "east", "west"})


def kind_of(entity: Entity) -> str:
    return entity.kind or kind(entity, frozenset())


def kind(entity: Entity, known: frozenset[str]) -> str:
    """person, country, organisation, armed group or other, from the evidence."""
    if entity.country:
        return "country"
    words = entity.key.split()
    armed = sum(n for word, n in entity.next_words.items() if word in ARMED_NOUNS)
    if any(w in ARMED_WORDS for w in words) or armed >= 3 and entity.share(armed) >= ARMED_SHARE:
        return "armed group"
    if entity.share(entity.person_titled) >= TITLED_SHARE and not entity.abbreviated:
        return "person"
    org_nouns = sum(n for word, n in entity.next_words.items() if word in ORG_NOUNS)
    if org_nouns >= 3 and entity.share(org_nouns) >= ORG_NOUN_SHARE:
        return "organisation"  # "Goldman Sachs shares"
    if entity.surnames and person_like(entity, known):
        return "person"
    if any(w in ORG_WORDS for w in words) or is_acronym(entity.name) or entity.abbreviated:
        return "organisation"
    if _plural_of_known(entity.key, entity, known) and not any(w in ORG_WORDS for w in words):
        return "other"  # a people or a faith: "the Kurds", "Shias" (not "Hamas")
    if entity.share(entity.after_the) >= THE_SHARE:
        return "organisation"
    if person_like(entity, known):
        return "person"
    if len(words) > 1 and entity.share(entity.plain) > 0.5:
        return "other"  # "Swine Flu": ordinary words, no organisation word
    return "organisation"


def _plural_of_known(key: str, entity: Entity, known: frozenset[str]) -> bool:
    """ "Kurds" when "Kurd" is a name too, or when the entity merged both forms; "Sunni
    Arabs" likewise."""
    if not key.endswith("s") or len(key.split()[-1]) < 4:
        return False
    singular = key[:-1]
    return singular in known or any(name_key(f) == singular for f in entity.forms)


def aliases_of(entity: Entity, kind: str) -> tuple[str, ...]:
    """Other forms the corpus writes for the entity, most used first."""
    name = entity.name
    seen = {fold(name).lower()}
    out: list[str] = []
    role = role_of(entity, kind)
    if role and len(name.split()) == 1:
        out.append(f"{role.split()[-1]} {name}")  # "King Abdullah": how such people are named
        seen.add(fold(out[0]).lower())
    for form, _ in sorted(entity.forms.items(), key=lambda kv: (-kv[1], kv[0])):
        folded = fold(form).lower()  # "U.S." and "US" both: the registry matches exact forms
        if folded in seen or not form.strip() or form.split()[0] in ("for", "of", "and", "the"):
            continue
        if kind == "person" and len(form.split()) == 1 and len(name.split()) > 1:
            continue  # the registry gives a person's surname by itself
        seen.add(folded)
        out.append(form)
    return tuple(out[:12])


def role_of(entity: Entity, kind: str) -> str:
    """The title written most often before the full name, twice at least (once may be a
    joke or another bearer of the surname)."""
    if kind != "person" or not entity.roles:
        return ""
    role = most_common(entity.roles)
    return role if entity.roles[role] >= 2 else ""


def description_of(entity: Entity, kind: str) -> str:
    """The apposition written most often after the name; one written once only if it is
    someone's role ("Google's head of marketing"): "Tamiflu, the college principal, said"
    is a clause, not a description."""
    if kind == "country":
        return ""
    chosen = [
        (n, phrase) for phrase, n in entity.appositions.items()
        if not phrase.split()[-1].endswith("ing")
        and (n >= 2 or phrase.split()[0].endswith(("'s", "’s")))
    ]  # fmt: skip
    if not chosen:
        return ""
    _, phrase = max(chosen, key=lambda item: (item[0], -len(item[1]), item[1]))
    return phrase[0].upper() + phrase[1:]
