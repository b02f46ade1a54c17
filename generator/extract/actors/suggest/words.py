"""English word classes the actor suggester reads names by: one home for these rules.

Every list is a class of words of the language (titles, honorifics, words that make a
name an organisation or a place, media words, units), never words of a story. The
corpus's own evidence (how often a word is written in lower case, where a name stands)
does the rest; see generator/extract/actors/suggest/scan.py.
"""

from __future__ import annotations

from generator.text import calendar

# Words that are capitalised because they start a sentence or a heading, never names.
FUNCTION_WORDS = frozenset({
    "a", "an", "the", "this", "that", "these", "those", "there", "here", "it", "its",
    "he", "she", "they", "we", "i", "you", "his", "her", "their", "our", "my", "your",
    "him", "them", "us", "me", "in", "on", "at", "by", "for", "from", "to", "of", "with",
    "without", "after", "before", "during", "since", "until", "about", "as", "amid",
    "among", "between", "under", "over", "into", "through", "across", "against",
    "despite", "following", "according", "and", "but", "or", "nor", "so", "yet", "if",
    "when", "while", "where", "why", "how", "what", "who", "whom", "whose", "which",
    "whether", "although", "though", "because", "meanwhile", "however", "also", "still",
    "even", "only", "now", "then", "yesterday", "today", "tonight", "tomorrow", "earlier",
    "later", "last", "next", "some", "many", "most", "all", "both", "each", "every",
    "several", "no", "not", "more", "less", "other", "another", "such", "first", "second",
    "third", "one", "two", "three", "is", "are", "was", "were", "be", "been", "has",
    "have", "had", "do", "does", "did", "will", "would", "can", "could", "should", "may",
    "might", "must", "shall", "let", "yes", "oh", "ok", "okay", "well", "just", "please",
    "thanks", "thank", "dear", "hi", "hello", "mr", "mrs", "ms", "dr", "sir", "via", "per",
    "up", "down", "out", "off", "away", "back", "again", "instead", "indeed", "perhaps",
    "maybe", "once", "twice", "any", "few", "much", "very", "too", "almost", "nearly",
})  # fmt: skip

# Month and weekday names and abbreviations, lower-case (one table: text/calendar.py).
MONTHS = frozenset(calendar.MONTHS)
WEEKDAYS = frozenset(calendar.WEEKDAYS) | frozenset(calendar.WEEKDAY_ABBREVIATIONS)

# Titles and roles written before a name ("Foreign Minister Hakan Fidan"): stripped
# from the name and kept as the actor's role.
TITLES = frozenset({
    "president", "presidents", "vice", "prime", "minister", "ministers", "secretary",
    "secretary-general", "chancellor", "premier", "king", "queen", "prince", "princess",
    "emir", "sheikh", "sultan", "crown", "pope", "cardinal", "archbishop", "bishop",
    "imam", "ayatollah", "rabbi", "reverend", "rev", "general", "gen", "lieutenant", "lt",
    "colonel", "col", "major", "maj", "captain", "capt", "sergeant", "sgt", "corporal",
    "private", "admiral", "adm", "commander", "marshal", "field", "brigadier", "brig",
    "governor", "gov", "mayor", "senator", "sen", "rep", "representative", "congressman",
    "congresswoman", "councilman", "councillor", "judge", "justice", "magistrate",
    "attorney", "prosecutor", "sheriff", "ambassador", "envoy", "consul", "spokesman",
    "spokeswoman", "spokesperson", "director", "director-general", "chief", "head",
    "chairman", "chairwoman", "chair", "ceo", "executive", "officer", "founder",
    "president-elect", "leader", "speaker", "professor", "prof", "doctor", "dr", "mr",
    "mrs", "ms", "miss", "sir", "dame", "lord", "lady", "baroness", "baron", "mp",
    "deputy", "acting", "former", "interim", "assistant", "associate", "senior",
    "superintendent", "inspector", "detective", "constable", "coroner", "correspondent",
    "editor", "reporter", "anchor", "presenter", "host", "coach", "manager", "singer",
    "star", "actor", "actress", "rapper", "musician", "mogul", "billionaire", "tycoon",
    "activist", "blogger", "cleric", "militant", "rebel", "warlord", "dictator",
    "strongman", "adviser", "advisor", "aide", "official", "negotiator", "mediator",
    "commissioner", "administrator", "principal", "dean", "vp",
    "laureate", "producer", "producers", "presenters", "correspondents", "editors",
})  # fmt: skip
# Titles that alone are enough to call the name a person (honorifics and offices).
PERSON_TITLES = TITLES - {"crown", "field", "chief", "head", "executive", "official", "major"}
# Abbreviations whose full stop does not end a sentence.
ABBREVIATIONS = frozenset({
    "mr", "mrs", "ms", "dr", "st", "gen", "lt", "col", "maj", "capt", "sgt", "adm", "brig",
    "rep", "sen", "gov", "rev", "prof", "jr", "sr", "no", "vs", "mt", "ft", "ave", "inc",
    "corp", "co", "ltd", "dept", "univ", "approx", "est", "fig", "vol",
})  # fmt: skip

# Small words inside a name: "Bank of America", "Abu Bakr al-Baghdadi", "van der Leyen".
CONNECTORS = frozenset({
    "of", "and", "for", "the", "de", "da", "di", "du", "des", "del", "della", "dos", "das",
    "van", "von", "der", "den", "la", "le", "al", "el", "bin", "ibn", "bint", "abu", "y",
    "&",
})  # fmt: skip
# Of those, the ones a name can start with: "Abu Ghraib", "La Toya", "al Qaeda".
LEADING_PARTICLES = frozenset({
    "de", "da", "di", "du", "des", "del", "della", "dos", "das", "van", "von", "der", "den",
    "la", "le", "al", "el", "bin", "ibn", "bint", "abu",
})  # fmt: skip
# Lower-case particles joined by a hyphen that start a name: "al-Qaida", "el-Sisi".
NAME_PARTICLES = ("al-", "el-", "ad-", "ash-", "as-", "an-", "ar-", "az-", "at-", "bin-")
# Hyphenated tails that make a name an adjective: "Hamas-led", "UK-based".
HYPHEN_TAILS = frozenset({
    "led", "based", "backed", "born", "style", "era", "run", "controlled", "owned", "made",
    "funded", "sponsored", "linked", "related", "bound", "wide", "like", "type",
    "affiliated", "allied", "appointed", "dominated", "friendly", "inspired", "registered",
    "supported", "ruled", "held", "occupied", "brokered", "mediated", "area", "region",
})  # fmt: skip

# Words that make a name an organisation.
ORG_WORDS = frozenset({
    "agency", "agencies", "alliance", "army", "assembly", "association", "authority",
    "bank", "board", "brigade", "brigades", "brotherhood", "bureau", "cabinet", "centre",
    "center", "centers", "centres", "church", "coalition", "college", "commission",
    "committee", "company", "congress", "corporation", "corp", "council", "court",
    "department", "directorate", "federation", "force", "forces", "forum", "foundation",
    "front", "fund", "group", "guard", "inc", "institute", "institution", "league",
    "ltd", "media", "military", "ministry", "movement", "navy", "network", "office",
    "organisation", "organization", "parliament", "party", "plc", "police", "programme",
    "program", "relief", "school", "senate", "service", "services", "society", "tribunal",
    "trust", "union", "university", "watch", "international", "aid", "commonwealth",
    "administration", "government", "regime", "house", "club", "team", "laboratories",
    "laboratory", "pharmaceuticals", "airlines", "airways", "holdings", "partners",
    "capital", "industries", "systems", "technologies", "motors", "brothers",
    "electric", "energy", "oil", "petroleum", "telecom", "communications", "records",
    "studios", "pictures", "entertainment", "sciences", "rescue",
    "emergency", "rights", "secretariat",
    "mission", "corps", "division", "unit", "battalion", "regiment", "militia", "faction",
})  # fmt: skip
# Of those, words that make an organisation an armed group.
ARMED_WORDS = frozenset({
    "brigade", "brigades", "militia", "militias", "battalion", "jihad", "mujahideen",
    "faction", "insurgents", "rebels", "guerrillas",
})  # fmt: skip
# Company suffixes that a name is also written without: "Acme Plc" -> "Acme".
COMPANY_SUFFIXES = frozenset({
    "plc", "inc", "ltd", "corp", "co", "llc", "ag", "sa", "nv", "group", "holding", "holdings",
})  # fmt: skip

# Words that make a name a place.
PLACE_WORDS = frozenset({
    "sea", "ocean", "river", "gulf", "mountains", "mountain", "mount", "mt", "lake",
    "island", "islands", "peninsula", "bay", "valley", "desert", "square", "street", "st",
    "road", "avenue", "boulevard", "bridge", "canal", "airport", "province", "region",
    "county", "city", "town", "village", "district", "coast", "strait", "straits",
    "hemisphere", "stadium", "arena", "park", "plaza", "beach", "harbour", "harbor", "port",
    "border", "crossing", "highway", "camp", "refugee", "prison", "hotel", "palace",
    "museum", "temple", "mosque", "cathedral", "church", "hall", "tower", "towers",
    "center", "centre", "hospital", "state", "territory", "territories", "governorate",
    "quarter", "neighbourhood", "neighborhood", "heights", "hills", "falls", "zone",
    "strip", "bank", "basin", "delta", "plain", "plains", "forest", "glacier", "cape",
})  # fmt: skip
# Of those, the ones that never end an organisation's name.
PURE_PLACE_WORDS = PLACE_WORDS - ORG_WORDS - {"state", "city", "prison", "hospital"}
# Points of the compass that make a region of a continent: "North Africa", "Middle East".
COMPASS = frozenset({
    "north", "south", "east", "west", "northern", "southern", "eastern", "western",
    "central", "middle", "far", "near", "upper", "lower", "northeast", "northwest",
    "southeast", "southwest", "north-east", "north-west", "south-east", "south-west",
})  # fmt: skip
# Prepositions of place: "in Cairo", "near Basra".
LOCATIVES = frozenset({
    "in", "near", "outside", "inside", "across", "throughout", "around", "at", "from", "to",
    "into", "towards", "toward", "through", "between", "within", "off",
})  # fmt: skip
STRONG_LOCATIVES = frozenset({"in", "near", "outside", "inside", "throughout", "across", "into"})

# Media words: a name with one is a news outlet, cited as a source, not an actor.
MEDIA_WORDS = frozenset({
    "news", "times", "post", "tv", "television", "radio", "press", "journal", "herald",
    "tribune", "telegraph", "gazette", "daily", "channel", "broadcasting", "broadcaster",
    "newspaper", "magazine", "observer", "independent", "guardian", "chronicle", "mail",
    "express", "mirror", "sun", "standard", "wire", "newswire",
    ".com", "online", "fm",
})  # fmt: skip
# Words of an apposition that make the person one of the corpus's own reporters.
REPORTER_ROLES = frozenset({
    "correspondent", "reporter", "reporters", "editor", "producer", "presenter", "anchor",
    "columnist", "journalist", "photographer", "photojournalist", "contributor", "writer",
    "blogger", "host", "reporting", "writing", "editing", "compiled", "filed", "presenters",
    "producers", "correspondents", "editors", "hosts", "anchors",
})  # fmt: skip
# A name that fronts a broadcast is one of the outlet's presenters: "X presents ...",
# "X's show", "X's live session" (radio and TV listings carried by news sites).
PRESENTER_VERBS = frozenset({"presents"})
PROGRAMME_NOUNS = frozenset({"show", "programme", "program", "session", "sessions"})
# Nouns around a name that make it a news outlet: "the AFP news agency", "told newspaper X".
MEDIA_NOUNS = frozenset({
    "agency", "newspaper", "network", "channel", "broadcaster", "magazine", "daily",
    "website", "tv", "television", "radio", "station", "news", "paper", "tabloid", "affiliate",
    "wire", "newswire",
})  # fmt: skip
# Nouns after a name that make it an organisation, however personal its name sounds:
# "Goldman Sachs shares", "Lehman Brothers employees".
ORG_NOUNS = frozenset({
    "shares", "stock", "stocks", "shareholders", "investors", "executives", "employees",
    "staff", "workers", "spokesman", "spokeswoman", "spokesperson", "officials", "board",
    "chairman", "ceo", "headquarters", "subsidiary", "bankruptcy", "profits", "profit",
    "revenue", "earnings", "customers", "members", "leadership", "branch", "branches",
})  # fmt: skip
# Nouns after a name that make it an armed group: "al-Qaida militants".
ARMED_NOUNS = frozenset({
    "militants", "fighters", "insurgents", "terrorists", "gunmen", "rebels", "guerrillas",
    "militiamen", "jihadists", "bombers", "operatives", "militia", "cell", "cells",
})  # fmt: skip

# Upper-case words that are units, times or common nouns, not names.
NOT_NAMES = frozenset({
    "am", "pm", "gmt", "bst", "utc", "et", "est", "edt", "pst", "pdt", "cst", "cdt", "cet",
    "ist", "tv", "ceo", "cfo", "coo", "gdp", "dna", "hiv", "aids", "cpr", "dj", "mp", "mps",
    "gp", "gps", "ngo", "ngos", "pr", "pc", "ok", "fm", "id", "vip", "usb", "sms", "faq",
    "rss", "pdf", "url", "www", "http", "html", "api", "km", "kg", "mph", "mw", "ft", "in",
    "iq", "ii", "iii", "iv", "vi", "vii", "viii", "ix", "xi", "xii", "uk time", "pm et",
    "a.m", "p.m", "nb", "ps", "re", "fyi", "lol", "omg", "wmd", "ied", "ieds", "rpg",
    "suv", "atm", "icu", "er", "ad", "bc", "usd", "eur", "gbp", "ph", "inaudible",
    "crosstalk", "end", "video", "photo", "audio", "update", "updated", "breaking",
    "live", "note", "sixties", "seventies", "eighties", "nineties", "twenties", "thirties",
    "forties", "fifties",
})  # fmt: skip
