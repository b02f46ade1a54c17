"""Dates corrected with what the whole corpus says, where one article cannot know.

``find_dates`` reads one article at a time: a day written without its year ("hostages
abducted on October 7") takes the year the article's own date and tense point to. When
other articles of the corpus write that same day with a year, and never with the year the
article inferred, the corpus knows which happening it is: "the October 7, 2023 attack".

Pure functions over (article, date text, value) triples, so the key-date stage can use them
now and the model can once the extraction is restructured (docs/key-dates.md, phase 2).
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

from generator.dates_patterns import MONTHS

_YEAR = re.compile(r"(?<!\d)(?:1[6-9]|20)\d{2}(?!\d)")
_DAY = re.compile(r"(?<!\d)[0-3]?\d(?!\d)")
_MONTH_WORD = re.compile(r"[A-Za-z]+")
# A year counts as the corpus's when this many distinct articles write the day with it.
STATED_BY = 2


def names_month_and_day(date_text: str) -> bool:
    """ "October 7" or "7 Oct": a calendar day written without its year."""
    months = [w for w in _MONTH_WORD.findall(date_text) if w.lower().rstrip(".") in MONTHS]
    return bool(months) and _DAY.search(date_text) is not None and not _YEAR.search(date_text)


@dataclass(frozen=True)
class StatedYears:
    """For each (month, day), how many articles write it with each year."""

    years: dict[tuple[int, int], Counter[int]]

    @classmethod
    def of(cls, mentions: Iterable[tuple[str, str, str]]) -> StatedYears:
        """From (article id, date text, ISO value) triples."""
        seen: dict[tuple[int, int], dict[int, set[str]]] = defaultdict(lambda: defaultdict(set))
        for article, date_text, value in mentions:
            if len(value) == 10 and _YEAR.search(date_text):
                year, month, day = int(value[:4]), int(value[5:7]), int(value[8:])
                seen[(month, day)][year].add(article)
        return cls(
            {key: Counter({y: len(a) for y, a in by.items()}) for key, by in seen.items()}
        )

    def corrected(self, date_text: str, value: str) -> str:
        """The value, or the same day in the year the corpus gives it when the text gave
        none, the corpus never writes the inferred year, and the corpus's year is earlier
        (a happening referred back to, not a plan)."""
        if len(value) != 10 or not names_month_and_day(date_text):
            return value
        stated = self.years.get((int(value[5:7]), int(value[8:])))
        if not stated or stated.get(int(value[:4]), 0):
            return value
        year, articles = max(stated.items(), key=lambda item: (item[1], -item[0]))
        if articles < STATED_BY or year >= int(value[:4]):
            return value
        return f"{year:04d}{value[4:]}"
