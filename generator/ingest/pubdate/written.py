"""Dates as pages write them: "7 June 2024", "2024-06-07T10:02", "Jun. 7", "14 mars 2024".

The grammar every reader shares: :func:`find_dates` finds each date in a text, with or
without a year; :func:`date_line` says whether a line is mostly a date (a byline's or a
page header's); :func:`label_of` says what a date line calls its date.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass, replace
from datetime import date, datetime, timedelta
from typing import Literal

from generator.ingest.words import folded
from generator.text.calendar import (
    FOREIGN_MONTH_NAMES,
    MONTHS,
    WEEKDAY_ABBREVIATIONS,
    WEEKDAYS,
)
from generator.text.words import trie

Granularity = Literal["day", "month", "year"]

# Month names: English ones in any date, other languages' only in full dates ("14 mars
# 2024", "14. März 2024", "14 de marzo de 2024", "14 марта 2024"), where a day and a year
# stand on either side (the table: text.calendar).
_MONTH_NAMES: dict[str, int] = dict(MONTHS)
for _i, _names in FOREIGN_MONTH_NAMES.items():
    for _name in _names:
        _MONTH_NAMES.setdefault(_name, _i)
_FOREIGN_NAMES = frozenset(n for ns in FOREIGN_MONTH_NAMES.values() for n in ns)
_FOREIGN_MONTH = "(?:" + "|".join(sorted(_FOREIGN_NAMES, key=len, reverse=True)) + ")"
# Where a foreign month name can start a date ("Dezember 26, 2019"): for the prefilters below.
_FOREIGN_INITIALS = "".join(sorted({c for n in _FOREIGN_NAMES for c in (n[0], n[0].upper())}))
_FOREIGN_PREFIXES = "|".join(sorted({n[:3] for n in _FOREIGN_NAMES}))
_MONTH = f"(?:{trie(sorted(MONTHS))})"
_WEEKDAY = f"(?:{trie(sorted({*WEEKDAYS, *WEEKDAY_ABBREVIATIONS}))})\\.?"
_DAY = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?"
_YEAR = r"(?:19|20)\d\d"
# A two-digit year below this is of the 2000s ("02/11/23"), else of the 1900s ("12.05.98").
_CENTURY_PIVOT = 70
_TIME = r"(?:[01]?\d|2[0-3])[:.h][0-5]\d(?::[0-5]\d)?(?:\.\d+)?\s*(?:[ap]\.?m\.?)?"

# Each alternative names its groups; the order matters (longest forms first).
_DATE_RE = re.compile(
    rf"""
    # Every alternative starts with a digit or one of these words: cheap tests first, so
    # the long alternation runs only where a date can start (3.5x faster, same matches).
    (?=[\dJFMASONDELBIUTjfmasondelbiut{_FOREIGN_INITIALS}])
    (?=\d|jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|early|mid|late|end|beg|
       in|since|until|by|during|from|last|this|next|{_FOREIGN_PREFIXES})
    (?:
    (?P<iso>(?P<iy>{_YEAR})-(?P<im>0[1-9]|1[0-2])-(?P<id>0[1-9]|[12]\d|3[01])
        (?:[T\s]+(?P<itime>{_TIME}))?)
  | (?P<num>(?<![\d.])(?P<na>\d{{1,2}})(?P<sep>[./])\s?(?P<nb>\d{{1,2}})(?P=sep)\s?
        (?P<ny>{_YEAR})(?!\d))
  | (?P<ymd>(?<![\d./])(?P<yy>{_YEAR})(?P<sep3>[./])(?P<ym>0?[1-9]|1[0-2])(?P=sep3)
        (?P<yd>[12]\d|3[01]|0?[1-9])(?![\d./]))
  | (?P<num2>(?<![\d./])(?P<na2>\d{{1,2}})(?P<sep2>[./])(?P<nb2>\d{{1,2}})(?P=sep2)
        (?P<ny2>\d\d)(?![\d./]))
  | (?P<dmy>(?P<d1>{_DAY})\.?(?:\s+of)?[\s-]+(?P<m1>{_MONTH})\.?,?[\s-]+(?P<y1>{_YEAR})(?!\d))
  | (?P<fdmy>(?P<d6>{_DAY})\.?\s+(?:de\s+)?(?P<m8>{_FOREIGN_MONTH})\.?,?\s+(?:de\s+)?
        (?P<y6>{_YEAR})\b)
  | (?P<mdy>(?P<m2>{_MONTH})\.?\s+(?P<d2>{_DAY}),?\s+(?P<y2>{_YEAR})(?!\d))
  | (?P<fmdy>(?P<m9>{_FOREIGN_MONTH})\.?\s+(?P<d9>{_DAY}),?\s+(?P<y9>{_YEAR})(?!\d))
  | (?P<my>(?P<m3>{_MONTH})\.?,?\s+(?P<y3>{_YEAR})\b)
  | (?P<md>(?P<m4>{_MONTH})\.?\s+(?P<d4>{_DAY})\b(?!:))
  | (?P<dm>(?<![\d,.])(?P<d5>{_DAY})\s+(?P<m5>{_MONTH})\b)
  | (?P<mod>(?P<modifier>early|mid|late|end\s+of|beginning\s+of)[\s-]+(?P<m6>{_MONTH})\b)
  | (?P<inm>\b(?:in|since|until|by|during|from|last|this|next)\s+(?P<m7>{_MONTH})\b(?!\.?,?\s*\d))
    )
    """,
    re.I | re.X,
)
_DIGIT = re.compile(r"\d")
# Where a date can start, searched for in a case-folded copy of the text: the first digit
# of a number, or a word that can open a date (case-sensitive: the engine scans it fast).
# _DATE_RE is tried only at those places, not inside numbers or words ("Janet 5").
_DATE_START = re.compile(
    r"(?<!\d)\d|\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|early|mid|late|end|beg)|"
    # "in", "by", "from"... open a date only before a month's name ("in March"): tried
    # only there, not at every "in" of the text
    r"\b(?:in|since|until|by|during|from|last|this|next)\s+(?=jan|feb|mar|apr|may|jun|jul|aug|"
    r"sep|oct|nov|dec)"
)
# A foreign month name that starts a date ("Dezember 26, 2019"): a day follows it.
_FOREIGN_START = re.compile(rf"[{_FOREIGN_INITIALS.lower()}][^\W\d_]{{2,9}}(?=\.?\s+\d)")


def _date_matches(text: str) -> list[re.Match[str]]:
    """``_DATE_RE.finditer(text)``, trying the full pattern only where a date can start."""
    low = folded(text)
    if len(low) != len(text):  # pragma: no cover - a character lowering to several
        return list(_DATE_RE.finditer(text))
    out = []
    end = 0
    match = _DATE_RE.match
    starts = [m.start() for m in _DATE_START.finditer(low)]
    # A word followed by a number, where the word is a foreign month's name: found by a
    # pattern that starts with a character set (which the engine scans for fast).
    foreign = [
        m.start()
        for m in _FOREIGN_START.finditer(low)
        if m.group() in _FOREIGN_NAMES and (m.start() == 0 or not low[m.start() - 1].isalnum())
    ]
    if foreign:
        starts = sorted({*starts, *foreign})
    for pos in starts:
        if pos < end:
            continue
        m = match(text, pos)  # lookbehinds still see the text before pos
        if m:
            out.append(m)
            end = m.end()
    return out


_TIME_RE = re.compile(rf"(?<![\d:])({_TIME})(?![\d:])", re.I)
_WEEKDAY_RE = re.compile(rf"\b({_WEEKDAY})\b", re.I)
# Words of a date line besides the date itself ("Published: Friday 7 June 2024, 10:02 GMT").
_DATE_LINE_WORDS = re.compile(
    r"\b(published|posted|written|updated|last|modified|first|created|date|on|at|am|pm|gmt|utc|"
    r"[a-z]{2,4}t|time|timestamp|news|today|edited|read|more|of|this|story|min|mins|"
    r"ago|hours?|h|"
    # the same words in other languages (German, French, Spanish, Italian, Portuguese, Dutch)
    r"veröffentlicht|erschienen|aktualisiert|geändert|stand|datum|vom|am|um|uhr|"
    r"publié|publiée|mis à jour|modifié|le|à|publicado|actualizado|el|a las|fecha|"
    r"pubblicato|aggiornato|il|alle|ore|data|publicado|atualizado|em|às|"
    r"gepubliceerd|bijgewerkt|op|om|"
    # "by" and its equivalents: a byline's name stays, its preposition is no prose
    r"by|von|par|por|di|da|door)\b",
    re.I,
)
_LABEL_PUBLISHED = re.compile(
    r"\b(published|posted|first published|written|date|created|issued|veröffentlicht|"
    r"erschienen|publié|publiée|publicado|pubblicato|gepubliceerd|opublikowano|опубликовано)\b",
    re.I,
)
_LABEL_UPDATED = re.compile(
    r"\b(updated|modified|last updated|edited|revised|aktualisiert|geändert|mis à jour|"
    r"modifié|actualizado|aggiornato|ultima modifica|atualizado|bijgewerkt|обновлено)\b",
    re.I,
)
# A date after these words is one a line looks ahead to ("valid from", "ab", "à partir du").
_FROM_ON = re.compile(
    r"\b(?:from|until|till|starting|before|by|ab|bis|vor|à partir du|jusqu'au|avant|desde|"
    r"hasta|dal|fino al|vanaf|tot)\s*$",
    re.I,
)
# A line of this many words at most may be a byline's parts, one of them its date.
_PARTS_LINE_WORDS = 16
# What separates the parts of a byline or date line: "By Jane Doe | 4 May 2024 | 3 min".
_LINE_PARTS = re.compile(r"\s+(?:[|·•⋅/–—-]|//)\s+|\s*\|\s*")


@dataclass(frozen=True)
class DateHit:
    """One date written in a line of text."""

    start: int
    end: int
    text: str
    year: int | None
    month: int
    day: int | None
    hour: int | None = None
    minute: int | None = None
    second: int | None = None
    modifier: str | None = None
    # "02/08/2024": day-month or month-day, both readings possible (US sites write it so).
    swappable: bool = False

    @property
    def granularity(self) -> Granularity:
        return "day" if self.day else "month"

    def resolve(self, anchor: date | None, future: bool = False) -> tuple[date, date] | None:
        """The (first, last) day this hit can mean, the year taken from ``anchor`` if absent.

        A date without a year is the latest such date not after the anchor (news
        reports what has happened), unless ``future`` says the sentence looks ahead.
        """
        year = self.year
        if year is None:
            if anchor is None:
                return None
            year = anchor.year
            first, _ = _span(year, self.month, self.day, self.modifier)
            if future and first < anchor:
                year += 1
            elif not future and first > anchor + timedelta(days=1):
                year -= 1
        try:
            return _span(year, self.month, self.day, self.modifier)
        except ValueError:
            return None

    def value(self) -> datetime | None:
        """The datetime this hit names, if it names a day."""
        if self.year is None or self.day is None:
            return None
        try:
            return datetime(
                self.year, self.month, self.day, self.hour or 0, self.minute or 0, self.second or 0
            )
        except ValueError:
            return None


def _span(year: int, month: int, day: int | None, modifier: str | None) -> tuple[date, date]:
    if day:
        d = date(year, month, day)
        return d, d
    last = calendar.monthrange(year, month)[1]
    lo, hi = 1, last
    if modifier:
        modifier = modifier.lower()
        if modifier == "early" or modifier.startswith("beginning"):
            hi = 10
        elif modifier == "mid":
            lo, hi = 10, 20
        elif modifier in ("late",) or modifier.startswith("end"):
            lo = 20
    return date(year, month, lo), date(year, month, hi)


def _day(text: str) -> int:
    return int(re.match(r"\d+", text).group(0))  # type: ignore[union-attr]


def _time(text: str | None) -> tuple[int | None, int | None, int | None]:
    if not text:
        return None, None, None
    m = re.match(r"(\d{1,2})[:.h](\d\d)(?::(\d\d))?\s*([ap])?", text, re.I)
    if not m:
        return None, None, None
    hour, minute = int(m.group(1)), int(m.group(2))
    if m.group(4):
        hour = hour % 12 + (12 if m.group(4).lower() == "p" else 0)
    return hour, minute, int(m.group(3)) if m.group(3) else None


def find_dates(text: str) -> list[DateHit]:
    """Every date written in ``text``, with or without a year, in order."""
    hits = []
    for m in _date_matches(text):
        g = m.groupdict()
        year = day = None
        modifier = None
        hour = minute = second = None
        if g["iso"]:
            year, month, day = int(g["iy"]), int(g["im"]), int(g["id"])
            hour, minute, second = _time(g["itime"])
        elif g["num"]:
            a, b, year = int(g["na"]), int(g["nb"]), int(g["ny"])
            # Day first (most of the world) unless that cannot be a date.
            day, month = (a, b) if b <= 12 else (b, a)
            if month > 12 or day > 31:
                continue
        elif g["ymd"]:
            year, month, day = int(g["yy"]), int(g["ym"]), int(g["yd"])
        elif g["num2"]:
            a, b, yy = int(g["na2"]), int(g["nb2"]), int(g["ny2"])
            # "02/11/23": day first; the century the one that puts it before 2070.
            day, month, year = a, b, (2000 if yy < _CENTURY_PIVOT else 1900) + yy
            if month > 12 or day > 31:
                continue
        elif g["dmy"]:
            day, month, year = _day(g["d1"]), _month(g["m1"]), int(g["y1"])
        elif g["fdmy"]:
            day, month, year = _day(g["d6"]), _MONTH_NAMES[g["m8"].lower()], int(g["y6"])
        elif g["mdy"]:
            month, day, year = _month(g["m2"]), _day(g["d2"]), int(g["y2"])
        elif g["fmdy"]:
            month, day, year = _MONTH_NAMES[g["m9"].lower()], _day(g["d9"]), int(g["y9"])
        elif g["my"]:
            month, year = _month(g["m3"]), int(g["y3"])
        elif g["md"]:
            month, day = _month(g["m4"]), _day(g["d4"])
        elif g["dm"]:
            month, day = _month(g["m5"]), _day(g["d5"])
        elif g["mod"]:
            month, modifier = _month(g["m6"]), " ".join(g["modifier"].lower().split())
        elif g["inm"]:
            month = _month(g["m7"])
        else:  # pragma: no cover - the pattern has no other branch
            continue
        # Without a year, a month must be written as a name ("May 5", not "may 5").
        name = g["m4"] or g["m5"] or g["m6"] or g["m7"]
        if name and not name[0].isupper():
            continue
        if hour is None:
            tm = _TIME_RE.match(text, m.end()) or _TIME_RE.search(text[m.end() : m.end() + 12])
            if tm:
                hour, minute, second = _time(tm.group(1))
        if day is not None:
            try:
                date(year or 2000, month, day)
            except ValueError:
                continue
        hit = DateHit(m.start(), m.end(), m.group(0), year, month, day, hour, minute, second)
        if modifier:
            hit = replace(hit, modifier=modifier)
        slash = g["sep"] == "/" if g["num"] else g["sep2"] == "/" if g["num2"] else False
        if slash and day != month and day <= 12 and month <= 12:
            hit = replace(hit, swappable=True)
        hits.append(hit)
    return hits


def _month(name: str) -> int:
    name = name.lower().rstrip(".")
    return _MONTH_NAMES.get(name) or _MONTH_NAMES[name[:3]]


def date_line(text: str) -> DateHit | None:
    """The date of a line that is mostly a date ("Friday, 22 November 2024 | 18:00")."""
    if len(text) > 120 or not _DIGIT.search(text):
        return None
    hits = [h for h in find_dates(text) if h.year is not None and h.day is not None]
    if not hits:
        return None
    hit = hits[0]
    if _FROM_ON.search(text[max(0, hit.start - 16) : hit.start]):
        return None  # "Tickets from 01.01.2024": a date the line looks ahead to
    if _mostly_date(text, hit.start, hit.end):
        return hit
    # A line of parts ("Jane Doe · 4 May 2024 · Leave a comment"): the date's part alone.
    if len(text.split()) > _PARTS_LINE_WORDS:
        return None
    start = 0
    for sep in (*_LINE_PARTS.finditer(text), None):
        end = sep.start() if sep else len(text)
        if start <= hit.start and hit.end <= end:
            part = text[start:end]
            return hit if _mostly_date(part, hit.start - start, hit.end - start) else None
        start = sep.end() if sep else start
    return None


def _mostly_date(text: str, start: int, end: int) -> bool:
    """ "By Jane Doe | 7 May 2024" is a date line; "On 7 May 2024, everything changed." is prose."""
    rest = text[:start] + " " + text[end:]
    rest = _TIME_RE.sub(" ", rest)
    rest = _WEEKDAY_RE.sub(" ", rest)
    rest = _DATE_LINE_WORDS.sub(" ", rest)
    words = re.findall(r"[^\W\d_]{2,}", rest)
    lowercase = sum(1 for w in words if w[0].islower())
    # A sentence ends with its mark; a line of metadata rarely does.
    allowed = 1 if text.rstrip()[-1:] in ".!?" else 2
    return len(words) <= 4 and lowercase <= allowed


def label_of(text: str, at: int | None = None) -> str | None:
    """What a date line calls its date at ``at`` (its first date by default), if it says.

    The label is the last one written before the date: in "First published 3 May ·
    Updated 4 May" the first date is the publication's.
    """
    if at is None:
        hit = date_line(text)
        at = hit.start if hit else len(text)
    before = text[:at]
    labels = [(m.end(), "updated") for m in _LABEL_UPDATED.finditer(before)]
    labels += [(m.end(), "published") for m in _LABEL_PUBLISHED.finditer(before)]
    if labels:
        return max(labels)[1]
    if _LABEL_UPDATED.search(text) and not _LABEL_PUBLISHED.search(text):
        return "updated"
    return "published" if _LABEL_PUBLISHED.search(text) else None
