"""Temporal expressions in news text, resolved against the article's publication date.

`find_date_mentions` makes one pass over the text (`patterns.candidates`: a scan for
the words a date can start with, then the compiled rules that can start with that
word) and resolves each candidate span with calendar arithmetic; the tense of the
sentence (`generator.text.tense`) places year-less dates and weekdays before or after
publication. dateparser is not called: every span shape the rules admit is
resolved directly, in microseconds, while `DateDataParser.get_date_data` costs
about a millisecond a span and fills missing parts from the reference date ("late
October" becoming a precise day), which a chronology must not do.

Conventions for values (ISO with the granularity the text really gives):

- A day, a month or a year: "2023-10-07", "2024-11", "2012"; "early", "mid" and
  "late" (also "the beginning/middle/end of") become the modifier.
- Weeks and weekends ("next week", "last weekend") have no ISO form here, so they
  are given as the month holding the week's Thursday (the ISO rule for which month
  a week belongs to) with the third of that month as the modifier: days 1-10
  "early", 11-20 "mid", 21-31 "late". "next week" from Tuesday 2024-11-19 is the
  week of 25 November: ("2024-11", "late"). A weekend is the week of its Saturday.
  Week offsets ("two weeks later", "a week ago") are the month and third of the
  shifted day. Never a precise day: the text does not give one.
- A year-less date takes the year the sentence's tense points to: the latest such
  day on or before publication for the past (the default in news), the first on or
  after it for the future, the nearest for the present ("takes office on January
  20"). A month and day seen earlier in the text with a year keep that year.
- Ranges ("May 2-3", "7-8 October") take their first day; holidays on fixed days
  (Christmas, New Year's Day/Eve, Halloween, Valentine's Day) are days.
- "this month" is the month of publication with no modifier; "earlier this month"
  is the same month, "early" only when publication falls in the first third (the
  span before publication then lies wholly in it), else no modifier.
  "later this month", "earlier/later this year" follow the same rule.
- "a year ago", "two months ago", "three days ago" take the granularity of their
  unit: ("2023"), ("2024-09"), ("2024-11-16") from 2024-11-19.
- Offsets ("two days later", "the next day", "that year") count from the previous
  date found in the text, and only when that date is at least as fine as the unit.
- Without a publication date only expressions absolute on their own are resolved.
- A publication date estimated from the text (``published_exact=False``) is only a lower
  bound: the article was written on it or later. The bound is raised to the latest day
  the text itself writes out in full in a clause that does not look ahead ("met on March
  5, 2024"), and a weekday counted from it is the first such day on or after the bound
  ("reported Thursday": the Thursday after that meeting, not the one before the guessed
  date). Mentions counted from the bound have the basis "estimated".
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field, replace
from datetime import date, datetime, timedelta
from typing import Literal

from generator.extract.dates.patterns import (
    COUNT_NOUNS,
    FUNCTION_WORDS,
    HOLIDAYS,
    MODIFIER_WORDS,
    MONTH_CUES,
    NUMBER_WORDS,
    QUANTITY_WORDS,
    RULES,
    YEAR_CUES,
    candidates,
)
from generator.text.calendar import MONTHS, WEEKDAYS, month_name
from generator.text.tense import Tense, TenseIndex

Modifier = Literal["early", "mid", "late"]
Basis = Literal["absolute", "publication", "context", "estimated"]


@dataclass(frozen=True)
class DateMention:
    start: int
    end: int
    text: str
    value: str  # ISO with its true granularity: 2023-10-07, 2024-11 or 2012
    modifier: Modifier | None = None
    # What the value was resolved against: nothing, the publication date, the previous
    # date in the text, or a publication date known only as a lower bound ("estimated").
    # Later stages trust "absolute" dates most.
    basis: Basis = "absolute"

    @property
    def granularity(self) -> Literal["day", "month", "year"]:
        return granularity(self.value)

    def moved(self, shift: int) -> DateMention:
        """The same mention with its offsets shifted (dataclasses.replace, ten times faster)."""
        return DateMention(
            self.start + shift, self.end + shift, self.text, self.value, self.modifier, self.basis
        )


def granularity(value: str) -> Literal["day", "month", "year"]:
    return {4: "year", 7: "month"}.get(len(value), "day")  # type: ignore[return-value]


@dataclass
class _Resolved:
    value: str
    modifier: Modifier | None = None
    basis: Basis = "absolute"
    end: int | None = None  # a shorter span than the match, when its tail is not a date
    # (month, day) of a day whose year was inferred, for a later explicit mention to fix.
    inferred: tuple[int, int] | None = None


@dataclass
class _Context:
    text: str
    published: date | None
    previous: DateMention | None = None
    # Years seen with a month and day, so a later "October 7" means the same day.
    known_years: dict[tuple[int, int], int] = field(default_factory=dict)
    tenses: TenseIndex | None = None
    # The publication date is a lower bound (estimated from the text), not the day itself.
    bound_only: bool = False

    def tense(self, start: int, end: int) -> Tense:
        if self.tenses is None:
            self.tenses = TenseIndex(self.text)
        return self.tenses.tense_at(start, end)


_ISO_VALUE = re.compile(r"(?!0000)\d{4}(?:-\d{2}(?:-\d{2})?)?")


def find_date_mentions(
    text: str, published: date | datetime | None, published_exact: bool = True
) -> list[DateMention]:
    """Every temporal expression in `text`, in order, resolved against `published`
    (a lower bound only when not `published_exact`)."""
    if not isinstance(text, str) or not text:
        return []
    pub = published.date() if isinstance(published, datetime) else published
    if pub is None or published_exact:
        return _find(text, _Context(text, pub))
    found = _find(text, _Context(text, pub, bound_only=True))
    bound = _raised_bound(found, pub, _Context(text, pub))
    if bound != pub:
        found = _find(text, _Context(text, bound, bound_only=True))
    return [
        replace(m, basis="estimated") if m.basis == "publication" else m for m in found
    ]


def _raised_bound(found: list[DateMention], pub: date, ctx: _Context) -> date:
    """The latest day the text writes out in full (day, month and year) in a clause that
    does not look ahead: the article was written on it or later."""
    latest = pub
    for m in found:
        if m.basis != "absolute" or len(m.value) != 10 or m.value <= latest.isoformat():
            continue
        if ctx.tense(m.start, m.end) != "future":
            latest = date.fromisoformat(m.value)
    return latest


def _find(text: str, ctx: _Context) -> list[DateMention]:
    out: list[DateMention] = []
    inferred: list[tuple[int, tuple[int, int]]] = []
    for kind, match in candidates(text):
        parts = RULES[kind].fullmatch(match.group())
        if parts is None:  # pragma: no cover - the master and the rules agree by construction
            continue
        try:
            resolved = _RESOLVERS[kind](parts, match.start(), match.end(), ctx)
        except (ValueError, OverflowError):
            resolved = None
        if resolved is None or not _ISO_VALUE.fullmatch(resolved.value):
            continue  # off the ends of the calendar (year 0, year 10000): no date at all
        end = resolved.end if resolved.end is not None else match.end()
        mention = DateMention(
            match.start(), end, text[match.start() : end], resolved.value, resolved.modifier,
            resolved.basis,
        )  # fmt: skip
        if resolved.inferred:
            inferred.append((len(out), resolved.inferred))
        out.append(mention)
        ctx.previous = mention
    # "Since October 7 ... the October 7, 2023 attack": the year written out later
    # in the text beats the one inferred from the publication date.
    for i, (month, day) in inferred:
        if (month, day) in ctx.known_years:
            value = date(ctx.known_years[(month, day)], month, day).isoformat()
            out[i] = replace(out[i], value=value, basis="context")
    return out


# -- small calendar helpers ---------------------------------------------------------


def _third(day: int) -> Modifier:
    return "early" if day <= 10 else "mid" if day <= 20 else "late"


def _week(day: date) -> tuple[str, Modifier]:
    thursday = day - timedelta(days=day.weekday()) + timedelta(days=3)
    return f"{thursday:%Y-%m}", _third(thursday.day)


def _around(day: date) -> tuple[str, Modifier]:
    """A day known only to within a few days ("two weeks later"): its month and third."""
    return f"{day:%Y-%m}", _third(day.day)


def _month(year: int, month: int) -> str:
    year += (month - 1) // 12
    month = (month - 1) % 12 + 1
    return f"{year:04d}-{month:02d}"


def _modifier(raw: str | None) -> Modifier | None:
    if not raw:
        return None
    for word in re.findall(r"[a-z]+", raw.lower()):
        if word in MODIFIER_WORDS:
            return MODIFIER_WORDS[word]  # type: ignore[return-value]
    return None


def _number(raw: str) -> int:
    raw = raw.lower()
    return NUMBER_WORDS[raw] if raw in NUMBER_WORDS else int(raw)


_PUNCT = ".,;:!?\"'()[]“”‘’—–-"


def _word_before(text: str, start: int) -> str:
    """The word just before `start`, over at most two marks of punctuation."""
    chunk = text[max(0, start - 30) : start].rstrip()
    core = chunk.rstrip(_PUNCT)
    if len(chunk) - len(core) > 2:
        return ""
    parts = core.split()
    word = parts[-1].lstrip(_PUNCT) if parts else ""
    return word if word.isalpha() else ""


def _word_after(text: str, end: int) -> str:
    m = re.match(r"\s*([^\W\d_]+)", text[end : end + 30])
    return m.group(1) if m else ""


def _sentence_start(text: str, start: int) -> bool:
    before = text[max(0, start - 40) : start].rstrip(" \t\"'“‘(")
    return not before or before[-1] in ".!?:\n—–-"


_CLAUSE_VERBS = frozenset(
    ("was", "is", "saw", "marked", "has", "had", "will", "brought", "ended", "began", "became")
)


def _opens_clause(text: str, end: int) -> bool:
    """A month or year that opens a sentence as its subject: "July is on track to..."."""
    return _word_after(text, end).lower() in _CLAUSE_VERBS


def _in_a_name(text: str, start: int) -> bool:
    """A capitalised word before the span makes it part of a name: "Bloody Sunday"."""
    word = _word_before(text, start)
    if not word or not word[0].isupper() or word.lower() in FUNCTION_WORDS:
        return False
    between = text[max(0, start - 30) : start]
    return bool(re.search(r"[^\W\d_]\s+$", between))


def _shift_tense(ctx: _Context, start: int, end: int, rel: str | None) -> Tense | str:
    """The clause's tense, or the explicit "last", "next" or "this" before the name."""
    rel = (rel or "").lower()
    if rel in ("last", "past"):
        return "last"
    if rel in ("next", "coming"):
        return "next"
    if rel == "this":
        return "this"
    before = _word_before(ctx.text, start).lower()
    if before == "since" or _heads_an_item(ctx.text, start, end):
        return "past"
    if _DEADLINE.search(ctx.text[max(0, start - 30) : start]):
        return "future"  # "gave them a deadline of New Year's Day": ahead of the giving
    tense = ctx.tense(start, end)
    if tense == "none" and before in _DEADLINE_WORDS:
        return "future"  # "wants an agreement by January 20"; "had left by May 2" is past
    return tense


_DEADLINE_WORDS = frozenset(("by", "before", "until", "till"))
_DEADLINE = re.compile(r"\bdeadline\s+(?:of|for|on|set\s+for)?\s*$", re.I)
_ITEM_MARK = re.compile(r"\s*[-–—:]\s")


def _heads_an_item(text: str, start: int, end: int) -> bool:
    """ "June 16 - the firm agrees ...": a dated entry of a list tells what happened."""
    return _sentence_start(text, start) and _ITEM_MARK.match(text, end) is not None


def _day_year(month: int, day: int, pub: date, tense: str) -> date:
    """The year that places month/day where the clause's tense points."""
    years = range(pub.year - 8, pub.year + 9)
    candidates = []
    for y in years:
        try:
            candidates.append(date(y, month, day))
        except ValueError:
            continue
    if not candidates:
        raise ValueError("no such day")
    before = [d for d in candidates if d <= pub]
    after = [d for d in candidates if d >= pub]
    if tense in ("future", "next") and after:
        return after[0]
    if tense == "present" and before and after:
        return min(before[-1], after[0], key=lambda d: abs((d - pub).days))
    if tense == "this":
        same = [d for d in candidates if d.year == pub.year]
        if same:
            return same[0]
    return before[-1] if before else after[0]


def _month_year(month: int, pub: date, tense: str) -> int:
    if tense == "last":
        return pub.year if month < pub.month else pub.year - 1
    if tense == "next":
        return pub.year if month > pub.month else pub.year + 1
    if tense == "this":
        return pub.year
    if tense == "future":
        return pub.year if month >= pub.month else pub.year + 1
    past = pub.year if month <= pub.month else pub.year - 1
    if tense == "present":
        future = pub.year if month >= pub.month else pub.year + 1
        back = (pub.year - past) * 12 + pub.month - month
        ahead = (future - pub.year) * 12 + month - pub.month
        return future if ahead < back else past
    return past


def _weekday(wd: int, pub: date, tense: str) -> date:
    back = (pub.weekday() - wd) % 7
    ahead = (wd - pub.weekday()) % 7
    if tense == "last":
        return pub - timedelta(days=back or 7)
    if tense == "next":
        return pub + timedelta(days=ahead or 7)
    if tense in ("future", "this"):
        return pub + timedelta(days=ahead)
    if tense == "present":
        return pub + timedelta(days=ahead) if ahead < back else pub - timedelta(days=back)
    return pub - timedelta(days=back)


# -- resolvers, one per rule ----------------------------------------------------------


def _year_then_count(parts: re.Match[str], start: int, ctx: _Context) -> int | None:
    """Where the year group really counts things ("October 7, 2000 people"), the end
    of the span before it; else None."""
    if (
        parts.group("year")
        and _word_after(ctx.text, start + parts.end("year")).lower() in COUNT_NOUNS
    ):
        return start + parts.start("year")
    return None


def _calendar_day(parts: re.Match[str], start: int, end: int, ctx: _Context) -> _Resolved | None:
    month = MONTHS[parts.group("month").rstrip(".").lower()]
    day = int(parts.group("day"))
    if not 1 <= day <= 31:
        return None
    cut = _year_then_count(parts, start, ctx)
    if parts.group("ryear"):
        if ctx.published is None:
            return None
        year = ctx.published.year + _YEAR_STEP[parts.group("ryear").split()[0].lower()]
        return _Resolved(date(year, month, day).isoformat(), None, "publication")
    if parts.group("year") and cut is None:
        year = int(parts.group("year"))
        value = date(year, month, day)
        ctx.known_years[(month, day)] = year
        return _Resolved(value.isoformat())
    new_end = None
    if cut is not None:
        new_end = start + len(ctx.text[start:cut].rstrip(" ,"))
    if (month, day) in ctx.known_years and ctx.published is not None:
        year = ctx.known_years[(month, day)]
        return _Resolved(date(year, month, day).isoformat(), None, "context", new_end)
    if ctx.published is None:
        return None
    date(2000, month, day)  # raises on 31 April, 30 February
    tense = _shift_tense(ctx, start, new_end or end, None)
    value = _day_year(month, day, ctx.published, tense)
    return _Resolved(value.isoformat(), None, "publication", new_end, (month, day))


_YEAR_STEP = {"last": -1, "this": 0, "next": 1}


def _holiday(parts: re.Match[str], start: int, end: int, ctx: _Context) -> _Resolved | None:
    name = " ".join(parts.group("holiday").lower().replace("’", "'").split())
    month, day = HOLIDAYS[name]
    if parts.group("year"):
        return _Resolved(date(int(parts.group("year")), month, day).isoformat())
    if ctx.published is None:
        return None
    value = _day_year(month, day, ctx.published, _shift_tense(ctx, start, end, None))
    return _Resolved(value.isoformat(), None, "publication")


def _iso(parts: re.Match[str], start: int, end: int, ctx: _Context) -> _Resolved | None:
    value = date(int(parts.group("year")), int(parts.group("month")), int(parts.group("day")))
    return _Resolved(value.isoformat())


def _numeric(parts: re.Match[str], start: int, end: int, ctx: _Context) -> _Resolved | None:
    a, b, year = int(parts.group("a")), int(parts.group("b")), int(parts.group("year"))
    if not 1900 <= year <= 2099:
        return None
    # Slashes are ambiguous; US order unless the first number cannot be a month.
    # Dots and dashes are written day first.
    if parts.group("sep") == "/" and a <= 12:
        month, day = a, b
    else:
        day, month = a, b
    return _Resolved(date(year, month, day).isoformat())


def _month_year_rule(parts: re.Match[str], start: int, end: int, ctx: _Context) -> _Resolved | None:
    month = MONTHS[parts.group("month").rstrip(".").lower()]
    if _word_after(ctx.text, end).lower() in COUNT_NOUNS:
        return None
    return _Resolved(_month(int(parts.group("year")), month), _modifier(parts.group("mod")))


def _month_only(parts: re.Match[str], start: int, end: int, ctx: _Context) -> _Resolved | None:
    name = parts.group("month")
    month = MONTHS[name.lower()]
    mod, rel = parts.group("mod"), parts.group("rel")
    if not mod and not rel:
        cue = _word_before(ctx.text, start).lower()
        weak = name.lower() == "may" and cue in ("and", "or", "that")
        possessive = ctx.text.startswith(("'s", "’s"), end)
        opening = _sentence_start(ctx.text, start) and _opens_clause(ctx.text, end)
        if not (cue in MONTH_CUES or possessive or opening) or weak:
            return None
        if _in_a_name(ctx.text, start):
            return None
    if (rel or "").lower() == "past":
        return None  # "the past October"? not a calendar reference we can place
    if ctx.published is None:
        return None
    if parts.group("ryear"):
        year = ctx.published.year + _YEAR_STEP[parts.group("ryear").split()[0].lower()]
        return _Resolved(_month(year, month), _modifier(mod), "publication")
    tense = _shift_tense(ctx, start, end, rel)
    year = _month_year(month, ctx.published, tense)
    return _Resolved(_month(year, month), _modifier(mod), "publication")


def _year(parts: re.Match[str], start: int, end: int, ctx: _Context) -> _Resolved | None:
    text = ctx.text
    mod = parts.group("mod")
    after = _word_after(text, end).lower()
    if after in COUNT_NOUNS:
        return None
    if not mod:
        before = _word_before(text, start).lower()
        glued = text[max(0, start - 1) : start]
        possessive = text.startswith(("'s", "’s"), end)
        joined = (
            ctx.previous is not None
            and ctx.previous.granularity == "year"
            and start - ctx.previous.end <= 6
        )
        if before in QUANTITY_WORDS:
            return None
        if before in ("and", "or") and not joined:
            return None
        opening = _sentence_start(text, start) and _opens_clause(text, end)
        # "(1998)" or "(2003, 2005)"; not "(2033 in Cairo)", a 24-hour clock time.
        bracketed = glued == "(" and re.match(r"\s*[),;–-]", text[end : end + 3]) is not None
        if not (before in YEAR_CUES or bracketed or possessive or joined or opening):
            return None
    return _Resolved(parts.group("year"), _modifier(mod))


def _deictic(parts: re.Match[str], start: int, end: int, ctx: _Context) -> _Resolved | None:
    pub = ctx.published
    word = parts.group("deictic").lower()
    if pub is None or (
        word[0] == "t" and ctx.text[start].isupper() and _in_a_name(ctx.text, start)
    ):
        return None
    shift = {"yesterday": -1, "tomorrow": 1}.get(word, 0)
    if word.startswith("last"):
        shift = -1
    elif word.startswith("the"):
        shift = -2 if word.endswith("yesterday") else 2
    return _Resolved((pub + timedelta(days=shift)).isoformat(), None, "publication")


_DURATION_WORDS = frozenset(("over", "for", "during", "within", "throughout", "the"))


def _duration_before(text: str, start: int) -> bool:
    """ "over the next week", "for the past year": a stretch of time, not a date."""
    return _word_before(text, start).lower() in _DURATION_WORDS


def _rel_unit(parts: re.Match[str], start: int, end: int, ctx: _Context) -> _Resolved | None:
    pub = ctx.published
    rel = " ".join(parts.group("rel").lower().split())
    if pub is None or (
        rel != "the" and not parts.group("mod") and _duration_before(ctx.text, start)
    ):
        return None
    unit = parts.group("unit").lower()
    mod = _modifier(parts.group("mod"))
    step = {"last": -1, "this past": -1, "next": 1, "coming": 1}.get(rel, 0)
    if unit == "weekend":
        value, week_mod = _week(_weekend(pub, rel, ctx.tense(start, end)))
        return _Resolved(value, week_mod, "publication")
    if unit == "week":
        if rel == "coming":
            return None  # "the coming week" is a stretch, not a week we can name
        value, week_mod = _week(pub + timedelta(weeks=step))
        return _Resolved(value, week_mod, "publication")
    if unit == "month":
        value = _month(pub.year, pub.month + step)
        if rel == "earlier this":
            mod = "early" if pub.day <= 10 else None
        elif rel == "later this":
            mod = "late" if pub.day >= 21 else None
        return _Resolved(value, mod, "publication")
    if rel == "earlier this":
        mod = "early" if pub.month <= 4 else None
    elif rel == "later this":
        mod = "late" if pub.month >= 9 else None
    return _Resolved(str(pub.year + step), mod, "publication")


def _weekend(pub: date, rel: str, tense: str) -> date:
    """The Saturday of the weekend meant: the one just gone unless the text looks ahead."""
    recent = pub - timedelta(days=(pub.weekday() - 5) % 7)
    upcoming = pub + timedelta(days=(5 - pub.weekday()) % 7)
    in_weekend = pub.weekday() >= 5
    if rel in ("last", "this past"):
        return recent - timedelta(weeks=1) if in_weekend else recent
    if rel == "next":
        return upcoming + timedelta(weeks=1) if in_weekend else upcoming
    if rel in ("this", "coming"):
        return recent if tense == "past" else upcoming
    return upcoming if tense in ("future", "present") else recent


def _the_unit(parts: re.Match[str], start: int, end: int, ctx: _Context) -> _Resolved | None:
    pub = ctx.published
    if pub is None:
        return None
    unit = parts.group("unit").lower()
    mod = _modifier(parts.group("mod"))
    if unit == "week":
        value, week_mod = _week(pub)
        return _Resolved(value, week_mod, "publication")
    if unit == "month":
        return _Resolved(_month(pub.year, pub.month), mod, "publication")
    return _Resolved(str(pub.year), mod, "publication")


def _shifted(origin: str, unit: str, n: int) -> _Resolved | None:
    """origin moved by n units, at the unit's granularity, or None if origin is coarser."""
    kind = granularity(origin)
    if unit == "year":
        return _Resolved(str(int(origin[:4]) + n))
    if unit == "month":
        if kind == "year":
            return None
        return _Resolved(_month(int(origin[:4]), int(origin[5:7]) + n))
    if kind != "day":
        return None
    day = date.fromisoformat(origin)
    if unit == "week":
        value, mod = _around(day + timedelta(weeks=n))
        return _Resolved(value, mod)
    return _Resolved((day + timedelta(days=n)).isoformat())


def _unit(raw: str) -> str:
    raw = raw.lower()
    return raw[:-1] if raw.endswith("s") else raw


def _ago(parts: re.Match[str], start: int, end: int, ctx: _Context) -> _Resolved | None:
    if ctx.published is None:
        return None
    n = _number(parts.group("num"))
    resolved = _shifted(ctx.published.isoformat(), _unit(parts.group("unit")), -n)
    if resolved:
        resolved.basis = "publication"
    return resolved


def _offset(parts: re.Match[str], start: int, end: int, ctx: _Context) -> _Resolved | None:
    if ctx.published is None or ctx.previous is None:
        return None
    n = _number(parts.group("num"))
    sign = -1 if parts.group("dir").lower() in ("earlier", "before") else 1
    resolved = _shifted(ctx.previous.value, _unit(parts.group("unit")), sign * n)
    if resolved is None:
        return None
    # "still waiting 30 years later" counted from a date it does not follow: a day after
    # the article was written is only possible in a clause that looks ahead.
    ahead = resolved.value > ctx.published.isoformat()[: len(resolved.value)]
    if ahead and ctx.tense(start, end) != "future":
        return None
    resolved.basis = "context"
    return resolved


def _anchor(parts: re.Match[str], start: int, end: int, ctx: _Context) -> _Resolved | None:
    if ctx.published is None or ctx.previous is None:
        return None
    rel = " ".join((parts.group("rel") or "").lower().split())
    unit = (parts.group("unit") or "day").lower()
    if rel.startswith("the next") and _duration_before(ctx.text, start):
        return None
    if parts.group("dir"):
        step = -1 if parts.group("dir").lower() == "before" else 1
    elif rel.endswith(("next", "following")):
        step = 1
    elif rel.endswith(("previous", "preceding")):
        step = -1
    else:
        step = 0
    if unit in ("morning", "afternoon", "evening", "night"):
        unit = "day"
    if unit == "weekend":
        return None
    origin = ctx.previous.value
    if step == 0 and granularity(origin) != "day" and unit in ("week", "day"):
        return None
    if step == 0:
        cut = {"day": 10, "month": 7, "year": 4}.get(unit)
        if cut is None or len(origin) < cut:
            return None
        return _Resolved(
            origin[:cut], ctx.previous.modifier if len(origin) == cut else None, "context"
        )
    resolved = _shifted(origin, unit, step)
    if resolved:
        resolved.basis = "context"
    return resolved


def _weekday_rule(parts: re.Match[str], start: int, end: int, ctx: _Context) -> _Resolved | None:
    if ctx.published is None:
        return None
    rel = parts.group("rel")
    if parts.start("weekday") == 0 and _in_a_name(ctx.text, start):
        return None  # "Bloody Sunday"; but "Israel late on Saturday" is a date
    if _word_before(ctx.text, start).lower() in ("every", "each", "on every"):
        return None
    if (rel or "").lower() == "past":
        rel = "last"
    tense = _shift_tense(ctx, start, end, rel)
    if ctx.bound_only and tense not in ("last", "next"):
        tense = "this"  # written on the bound or later: the first such day from the bound
    wd = WEEKDAYS[parts.group("weekday").lower()]
    return _Resolved(_weekday(wd, ctx.published, tense).isoformat(), None, "publication")


_RESOLVERS = {
    "iso": _iso,
    "numeric": _numeric,
    "dmy": _calendar_day,
    "mdy": _calendar_day,
    "month_year": _month_year_rule,
    "month": _month_only,
    "holiday": _holiday,
    "year": _year,
    "deictic": _deictic,
    "rel_unit": _rel_unit,
    "the_unit": _the_unit,
    "ago": _ago,
    "offset": _offset,
    "anchor": _anchor,
    "weekday": _weekday_rule,
}


# -- ordering and display -------------------------------------------------------------


def sort_key(value: str, modifier: Modifier | None = None) -> tuple[str, int]:
    """Sort partial dates among precise ones: "late October 2024" after mid-October days."""
    parts = value.split("-")
    if len(parts) == 3:
        return (value, 1)
    if len(parts) == 2:
        day = {"early": "05", "mid": "15", "late": "25"}.get(modifier or "", "32")
        return (f"{value}-{day}", 2)
    month = {"early": "02", "mid": "06", "late": "10"}.get(modifier or "", "13")
    return (f"{value}-{month}-32", 3)


@functools.lru_cache(maxsize=65536)
def display_date(value: str, modifier: Modifier | None = None) -> str:
    """Write a date as precisely as it is known, never more: "late October 2024"."""
    parts = [int(p) for p in value.split("-")]
    if len(parts) == 3:
        return f"{parts[2]} {month_name(parts[1])} {parts[0]}"
    text = f"{month_name(parts[1])} {parts[0]}" if len(parts) == 2 else str(parts[0])
    return f"{modifier} {text}" if modifier else text
