"""Outlet and author: from explicit signals on the page, normalised; unknown stays unknown."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from generator.ingest.words import folded, word_chars
from generator.text.calendar import MONTH_NAMES, WEEKDAY_NAMES

# News agencies' own tags as they stand in a dateline: "ISTANBUL (AA) -".
AGENCIES = {
    "aa": "Anadolu Agency",
    "afp": "AFP",
    "ap": "Associated Press",
    "reuters": "Reuters",
    "upi": "UPI",
    "dpa": "dpa",
    "ani": "ANI",
    "pti": "PTI",
    "ians": "IANS",
    "wam": "WAM",
    "qna": "QNA",
    "spa": "SPA",
    "kuna": "KUNA",
    "irna": "IRNA",
    "tass": "TASS",
    "xinhua": "Xinhua",
    "efe": "EFE",
    "ansa": "ANSA",
    "apa": "APA",
    "wafa": "WAFA",
    "mena": "MENA",
    "yonhap": "Yonhap",
    "kyodo": "Kyodo",
    "cna": "CNA",
}
_DATELINE_TAG = re.compile(r"^[A-Z][A-Za-z .,'’-]{1,60}?\s*\((?P<tag>[A-Za-z]{2,8})\)\s*[-—–:]")
_NAME = r"(?:The\s+)?[A-Z][\w&'’.-]*(?:\s+(?:of|the|and|for|de|al|el|[A-Z][\w&'’.-]*)){0,5}"
# _NAME written to start with a capital ("The" taken after it): the regex engine then skips
# to the next capital instead of trying the pattern at every character (same matches).
_NAME_FROM_CAPITAL = (
    r"[A-Z](?:(?<=T)he\s+[A-Z])?[\w&'’.-]*(?:\s+(?:of|the|and|for|de|al|el|[A-Z][\w&'’.-]*)){0,5}"
)
# "Caliber.Az reports", "told The Times of Israel", "X has learned", "according to X sources".
# Each with words one of which the text must contain for the pattern to match at all.
_SELF_SIGNALS = (
    (
        ("reports", "reported", "learned", "understands"),
        re.compile(
            rf"(?P<name>{_NAME_FROM_CAPITAL})\s+"
            r"(?:reports|reported|has learned|learned|understands)\b"
        ),
    ),
    # "told" first (a literal the engine searches for fast), then the \b before it.
    (("told",), re.compile(rf"told(?<!\wtold)\s+(?P<name>{_NAME})\b")),
    (
        ("in an interview with", "speaking to", "in a statement to"),
        re.compile(
            rf"\b(?:in an interview with|speaking to|in a statement to)\s+(?P<name>{_NAME})\b"
        ),
    ),
)
# Trailing lowercase-led or weekday words are not part of a name.
_NAME_TAIL = re.compile(rf"\s+(?:on|in|that|this|last|{'|'.join(WEEKDAY_NAMES)})\b.*$")
_COPYRIGHT = re.compile(r"©|\(c\)|\bcopyright\b|\ball rights reserved\b", re.I)
_COPYRIGHT_WORDS = ("©", "(c)", "copyright", "all rights reserved")
_COPYRIGHT_NOISE = re.compile(
    r"©|\(c\)|\bcopyright\b|\ball rights reserved\b\.?|\b(?:19|20)\d\d\b|[-–—|,.]\s*$|"
    r"^\s*[-–—|,.]|\b(?:inc|ltd|limited|llc|plc|pty|gmbh|media network|media group|corporation)"
    r"\b\.?|\b(?:s\.a|b\.v)\.",
    re.I,
)
_DOMAIN = re.compile(
    r"\b(?:www\.)?([A-Za-z][\w-]{1,40}\.(?:[a-z]{2,3}|com|net|org|news|info|tv))\b", re.I
)
_GENERIC_TLD = re.compile(r"\.(?:com|net|org|news|info|tv|co\.uk)$", re.I)
_LEADING_THE = re.compile(r"^the\s+")
_STOP_NAMES = {
    "he",
    "she",
    "it",
    "they",
    "we",
    "i",
    "you",
    "the",
    "this",
    "that",
    "media",
    "officials",
    "sources",
    "reuters",
    "reporters",
    "journalists",
    "police",
    "the ministry",
    "the report",
    "a source",
    "the source",
    "he said",
    "the agency",
    "report",
    "state media",
    "local media",
}


def outlet_key(name: str) -> str:
    """One key per outlet: "Caliber.Az" is "Caliber.az", "Times Of Israel" "The Times of Israel"."""
    key = name.strip().lower().removeprefix("www.")
    if "." in key:
        key = _GENERIC_TLD.sub("", key)
    if key.startswith("the"):
        key = _LEADING_THE.sub("", key)
    return word_chars(key)


@dataclass
class OutletSignals:
    """Evidence for the outlet, collected while a page is read; :meth:`best` decides."""

    scores: Counter[str] = field(default_factory=Counter)
    forms: dict[str, Counter[str]] = field(default_factory=dict)
    strong: set[str] = field(default_factory=set)
    furniture: Counter[str] = field(default_factory=Counter)

    def add(self, name: str, points: float, *, strong: bool = False, form_weight: int = 1) -> None:
        """Credit ``name`` with ``points``; a strong signal (copyright, agency tag) may stand alone.

        ``form_weight`` says how much this sighting's spelling counts when several spellings
        of one outlet compete for its display name.
        """
        name = " ".join(name.split()).strip(" .,:;-–—|")
        if not name or name.lower() in _STOP_NAMES or len(name) > 60:
            return
        key = outlet_key(name)
        if not key:
            return
        self.scores[key] += points
        self.forms.setdefault(key, Counter())[name] += form_weight
        if strong:
            self.strong.add(key)

    def add_furniture(self, line: str) -> None:
        """A short line of site furniture: corroborates a name seen elsewhere, nothing alone."""
        self.furniture[outlet_key(line)] += 1

    def best(self) -> str | None:
        ranked = []
        for key, score in self.scores.items():
            score += min(self.furniture.get(key, 0), 3)
            # A lone prose signal ("told AFP", "CNN reported") names a source as often as
            # the outlet itself: it counts only when the page corroborates it.
            if key not in self.strong and score < 2:
                continue
            ranked.append((score, key))
        if not ranked:
            return None
        ranked.sort(reverse=True)
        key = ranked[0][1]
        if key in AGENCIES:
            return AGENCIES[key]
        return self.forms[key].most_common(1)[0][0]


_SOURCE_LINE = re.compile(
    r"^(?:read (?:the )?(?:full|original) (?:story|article) (?:at|on|in)|source:|sources:|"
    r"originally (?:published|appeared) (?:at|on|in|by)|via:?|"
    r"this (?:article|story) (?:first |originally )?(?:appeared|was published) (?:at|on|in))"
    rf"\s+(?P<name>{_NAME}?)(?:,?\s+(?:and|with|&)\s+(?:news |wire )?agenc(?:y|ies)|"
    r",?\s+and wires)?\s*\.?$",
    re.I,
)


def source_attribution(line: str) -> str | None:
    """The outlet an aggregator credits: "Read the full story at The Coastal Times"."""
    m = _SOURCE_LINE.match(line.strip())
    return m.group("name") if m else None


def copyright_name(line: str) -> str | None:
    """The holder named in a copyright line: "Caliber.az © 2024." -> "Caliber.az"."""
    low = folded(line)  # a cheap guard first: most lines have none of the words
    if not any(w in low for w in _COPYRIGHT_WORDS) or not _COPYRIGHT.search(line):
        return None
    # "Copyright 2024 Daily Meridian. We are not responsible ...": the clause with the mark.
    clauses = [
        c for c in re.split(r"(?<=[a-z]{2})[.|]\s+|\s+[|·•]\s+", line) if _COPYRIGHT.search(c)
    ]
    line = clauses[0] if clauses else line
    if len(line.split()) > 14:
        return None
    domain = _DOMAIN.search(line)
    if domain:
        return domain.group(1)
    name = line
    for _ in range(3):
        name = _COPYRIGHT_NOISE.sub(" ", name)
    name = " ".join(name.split()).strip(" .,:;-–—|")
    if not name or len(name.split()) > 5 or not name[0].isupper():
        return None
    return name


def agency_tag(paragraph: str) -> str | None:
    """The agency of a dateline: "ISTANBUL (AA) - ..." -> "aa" (a key of AGENCIES)."""
    m = _DATELINE_TAG.match(paragraph)
    if m and m.group("tag").lower() in AGENCIES:
        return m.group("tag").lower()
    return None


def self_mentions(text: str) -> list[str]:
    """Names the prose gives itself or its interviewers: "X reports", "told X"."""
    out = []
    for words, pattern in _SELF_SIGNALS:
        if not any(w in text for w in words):
            continue
        for m in pattern.finditer(text):
            out.append(_NAME_TAIL.sub("", m.group("name")))
    return out


# --- authors ------------------------------------------------------------------

# Name particles written in lower case: "Abdullah al-Mansouri", "Pieter van der Berg".
_PARTICLE = (
    r"(?:al|el|bin|bint|ibn|abu|ben|de|da|das|dos|del|della|van|von|der|den|la|le|di|du|ter)"
)
# A capital, Latin, accented or Cyrillic: "Élodie Martin", "Łukasz Nowak", "Иван Петров".
_UPPER = "A-ZÀ-ÖØ-ÞĀĂĄĆĈĊČĎĐĒĖĘĚĞĠĢĪĮİĶĹĻĽŁŃŅŇŌŐŒŔŘŚŜŞŠŢŤŪŮŰŲŹŻŽА-ЯЁΑ-Ω"
_CAP = rf"[{_UPPER}][\w'’.-]+"
# Case-sensitive even inside a case-insensitive pattern: "By the end" is not a name.
_PERSON = rf"(?-i:{_CAP}(?:\s+(?:{_PARTICLE}[\s-])*{_CAP}){{0,3}})"
_JOIN = r"(?-i:\s*,\s*(?:and\s+)?|\s+and\s+|\s*&\s*)"
_NAMES = rf"{_PERSON}(?:{_JOIN}{_PERSON}){{0,4}}"
_BYLINE = re.compile(
    rf"^\(?(?:by|written by|words by|author:|authors:|reporting by|story by|text:?)\s*[:\-]?\s*"
    rf"(?P<name>{_NAMES})"
    rf"(?P<rest>.*)$",
    re.I,
)
_NOT_A_NAME = re.compile(
    r"\b(?:staff|reporter|reporters|correspondent|agency|agencies|news|desk|editor|editors|"
    r"editorial|team|admin|administrator|webmaster|newsroom|wire|wires|media|times|post|press|"
    r"daily|online|guest|anonymous|unknown|user|author|contributor|contributors|"
    r"herald|tribune|journal|gazette|chronicle|telegraph|observer|courier|inquirer|examiner|"
    r"magazine|radio|tv|television|broadcasting|network|channel|newspaper|bulletin|weekly|"
    r"sponsored|partner|content|service)\b",
    re.I,
)
# Words that make a capitalised phrase a place, an institution or a section, not a person.
_PLACE_FIRST = {
    "new", "san", "santa", "sao", "são", "los", "las", "saint", "st", "st.", "port", "fort",
    "mount", "lake", "north", "south", "east", "west", "upper", "lower", "greater", "central",
    "united", "middle", "far", "great", "breaking", "live", "latest", "exclusive", "opinion",
    "analysis", "explainer", "watch", "read", "more", "top", "world", "home", "the",
}  # fmt: skip
_PLACE_ANY = {
    "city", "state", "states", "county", "province", "region", "district", "island", "islands",
    "republic", "kingdom", "nations", "emirates", "ministry", "department", "council",
    "committee", "commission", "parliament", "party", "union", "association", "institute",
    "university", "college", "school", "hospital", "airport", "street", "avenue", "square",
    "authority", "government", "office", "centre", "center", "club", "league", "federation",
    "organisation", "organization", "forces", "army", "police", "company", "group", "bank",
    "coast", "valley", "bay", "gulf", "sea", "ocean", "river", "strip", "peninsula", "heights",
    "court", "crisis", "war", "election", "elections", "update", "updates", "politics",
    "business", "sport", "sports", "economy", "climate", "health", "science", "technology",
    "today", "yesterday", "min", "read",
    # Month and weekday names, but May (a first name too).
    *(name.lower() for name in (*MONTH_NAMES, *WEEKDAY_NAMES) if name != "May"),
}  # fmt: skip
_URLISH = re.compile(r"https?:|www\.|@|\.(?:com|net|org|co|uk|news|info|tv|io|az|ru)\b", re.I)
_SPLIT_NAMES = re.compile(r"\s*,\s*(?:and\s+)?|\s+and\s+|\s*&\s*")


def plausible_person(name: str) -> bool:
    """Whether one name ("Jane Doe") can be a person: not a desk, an outlet, a place or a URL."""
    name = " ".join(name.split())
    if not name or _URLISH.search(name) or any(ch.isdigit() for ch in name):
        return False
    if _NOT_A_NAME.search(name):
        return False
    words = [w.lower().strip(".,") for w in name.split()]
    return words[0] not in _PLACE_FIRST and not any(w in _PLACE_ANY for w in words)


def clean_authors(value: str | None, outlet: str | None = None) -> str | None:
    """The persons in an author value, desks, outlets, places and URLs left out.

    "Jane Doe, Harbour Herald" -> "Jane Doe"; "Staff" -> None; "Jane Doe and John Smith" stays.
    """
    if not value:
        return None
    value = " ".join(value.split()).strip(" ,;|·•-–—")
    parts = [p for p in _SPLIT_NAMES.split(value) if p]
    okey = outlet_key(outlet) if outlet else None
    # One word is an agency ("Reuters"), a credential ("PhD") or a first name alone: no author.
    keep = [
        p
        for p in parts
        if len(p.split()) >= 2 and plausible_person(p) and (okey is None or outlet_key(p) != okey)
    ]
    if not keep:
        return None
    if len(keep) == len(parts):
        return value
    return keep[0] if len(keep) == 1 else ", ".join(keep[:-1]) + " and " + keep[-1]


_ROLE_WORDS = (
    r"(?:(?:senior |chief |staff |special |political |foreign |economics |business |"
    r"diplomatic |security |defence |defense |health |science |technology |investigations |"
    r"[A-Z][a-z]+ )?"
    r"(?:correspondent|reporter|editor|writer|journalist|contributor|columnist|analyst))"
)
_ROLE_LINE = re.compile(rf"^(?P<name>{_PERSON})\s*[|,–—-]\s*(?i:{_ROLE_WORDS})\b")
_BY_IN_LINE = re.compile(rf"\bby\s+(?P<name>{_PERSON})\s*(?:$|[|,;•·–—(])")
# "Posted: 17.04.2025 | Author: Jane Doe  Views: 120": a labelled name, up to the next label.
_LABELLED_AUTHOR = re.compile(
    rf"\b(?i:author|written by|posted by|reporter|text)\s*:\s*(?P<name>{_PERSON})"
    r"(?=\s*(?:$|[|,;•·–—(]|[A-Z][\w ]{0,20}:))"
)
# "Jane Doe · 5 min read", "Jane Doe | 4 minute read"
_READ_TIME = re.compile(
    rf"^(?P<name>{_NAMES})\s*[|·•–—-]\s*\d{{1,3}}\s*(?:-\s*)?(?i:min(?:ute)?s?\.?\s+read)\s*$"
)


_OTHER_CREDIT = re.compile(
    r"(?i)[;|,]?\s*(?:additional reporting|editing|edited|photos?|graphics|"
    r"video|translated|compiled|writing)\s+by\b"
)


def author_in_line(line: str) -> str | None:
    """The author named in a date or role line: "Posted on May 5 by A B", "A B | Reporter"."""
    line = line.strip().lstrip("(").strip()
    # "Reporting by A; Editing by B": B edited, A wrote.
    if "by" in line.lower():
        line = _OTHER_CREDIT.split(line)[0]
    m = _READ_TIME.match(line)
    if m:
        return clean_authors(m.group("name"))
    # Each search only where its literal is: "by", the label's colon.
    m = (
        _ROLE_LINE.match(line)
        or ("by" in line and _BY_IN_LINE.search(line))
        or (":" in line and _LABELLED_AUTHOR.search(line))
    )
    if not m:
        return None
    return clean_authors(m.group("name"))


_PERSON_LINE = re.compile(rf"^(?P<name>{_PERSON})$")
_PERSONS_LINE = re.compile(rf"^(?P<name>{_NAMES})$")
_PLACED = re.compile(rf"^(?P<name>{_PERSON}) in (?:[A-Z][\w'’.-]+\s?){{1,3}}$")


def person_name(line: str) -> str | None:
    """A line that is only a person's name (two to four capitalised words)."""
    m = _PERSON_LINE.match(line.strip())
    if not m or not 2 <= len(m.group("name").split()) <= 4 or not plausible_person(line):
        return None
    return m.group("name")


def person_names(line: str) -> str | None:
    """A line that is only persons' names: "Jane Doe", "Jane Doe and John Smith"."""
    line = " ".join(line.split())
    m = _PERSONS_LINE.match(line)
    if not m:
        return None
    parts = [p for p in _SPLIT_NAMES.split(line) if p]
    if not all(2 <= len(p.split()) <= 4 and plausible_person(p) for p in parts):
        return None
    return line


def placed_byline(line: str) -> str | None:
    """ "Amira Saleh in Warsaw": a byline with the reporter's place."""
    m = _PLACED.match(line.strip())
    if not m or len(m.group("name").split()) < 2 or not plausible_person(m.group("name")):
        return None
    return m.group("name")


def byline_author(line: str) -> str | None:
    """The author of a byline line ("By Vafa Guliyeva", "Written by A and B | 7 May 2024")."""
    if len(line.split()) > 16:
        return None
    # "By Jane Doe, Europe correspondent": the role is not a second name.
    line = _TRAILING_ROLE.sub("", line.strip())
    m = _BYLINE.match(line)
    if not m:
        return None
    name = m.group("name").strip()
    rest = m.group("rest")
    if rest and not re.match(r"^\s*(?:[|,;•·–—-]|$|\(|\)|on\b|in\b|for\b|at\b|with\b)", rest, re.I):
        return None  # "By the end of the week, ..." is prose
    # "By Staff Reporter", "By Al Jazeera Staff": a desk, not a person; keep the line as byline.
    return clean_authors(name)


_TRAILING_ROLE = re.compile(
    rf",\s*(?:the\s+)?(?:[A-Z][\w'’-]*\s+){{0,3}}(?i:{_ROLE_WORDS})(?=\s*(?:$|[|·•(–—-]))"
)
_WIRE_CREDIT = re.compile(
    rf"^\(?\s*(?i:reporting|reported|writing)\s+by\s+(?P<name>{_NAMES})"
    r"(?:\s+in\s+[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){0,2})?\s*(?:[;,)]|\band\b|$)"
)


def wire_credit(line: str) -> str | None:
    """The reporter of a wire footer: "(Reporting by A in Lagos; Editing by B)" -> "A"."""
    line = line.strip()
    if len(line.split()) > 45:
        return None
    m = _WIRE_CREDIT.match(line)
    return clean_authors(m.group("name")) if m else None


_BYLINE_START = re.compile(r"^\(?(?:by|written by|reporting by|author:)\s+[A-Z]", re.I)


def is_byline(line: str) -> bool:
    return bool(_BYLINE_START.match(line.strip())) and len(line.split()) <= 12
