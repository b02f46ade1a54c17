"""Dates corrected with what the whole corpus says, where one article cannot know.

``find_dates`` reads one article at a time: a day written without its year ("hostages
abducted on October 7") takes the year the article's own date and tense point to. When
other articles of the corpus write that same day with a year, and never with the year the
article inferred, the corpus knows which happening it is: "the October 7, 2023 attack".

Pure functions over (article, date text, value) triples, so the key-date stage can use them
now and the model can once the extraction is restructured (docs/key-dates.md, phase 2).
"""

from __future__ import annotations

import functools
import re
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

from generator.text.calendar import MONTHS, WEEKDAYS
from generator.text.sentences import SENTENCE_MEMO
from generator.text.words import content_words

_YEAR = re.compile(r"(?<!\d)(?:1[6-9]|20)\d{2}(?!\d)")
_DAY = re.compile(r"(?<!\d)[0-3]?\d(?!\d)")
_MONTH_WORD = re.compile(r"[A-Za-z]+")
# A year counts as the corpus's when this many distinct articles write the day with it.
STATED_BY = 2
# A year-less sentence is about the same happening when it shares this many words (other
# than dates and function words) with the sentences that write the day with that year.
# Read on timeline17-dev: with none, a 2004 offensive "on November 8" joined a UN resolution
# of November 8, 2002; with 1, a 2005 newsletter "dated 7 March" joined 7 March 2003; with 2
# neither does, while "Lord Goldsmith's minute of March 7" still joins March 7, 2003.
SHARED_WORDS = 2
_DATE_WORDS = frozenset(MONTHS) | frozenset(WEEKDAYS)


# Pure: a sentence read again (every rebuild of `mkdocs serve` reads the whole corpus) is
# answered from memory.
@functools.lru_cache(maxsize=SENTENCE_MEMO)
def _content_words(sentence: str) -> frozenset[str]:
    return frozenset(
        w[:-1] if w.endswith("s") and len(w) > 3 else w
        for w in content_words(sentence)
        if w.isalpha() and w not in _DATE_WORDS and len(w) > 2
    )


def names_month_and_day(date_text: str) -> bool:
    """ "October 7" or "7 Oct": a calendar day written without its year."""
    months = [w for w in _MONTH_WORD.findall(date_text) if w.lower().rstrip(".") in MONTHS]
    return bool(months) and _DAY.search(date_text) is not None and not _YEAR.search(date_text)


def stated_day(
    date_text: str, value: str, sentence: str
) -> tuple[tuple[int, int, int], frozenset[str]] | None:
    """(month, day, year) and the sentence's words, when the date text writes a day with
    its year; else None."""
    if len(value) != 10 or not _YEAR.search(date_text):
        return None
    return (int(value[5:7]), int(value[8:]), int(value[:4])), _content_words(sentence)


@dataclass(frozen=True)
class StatedYears:
    """For each (month, day), the years the corpus writes it with: how many articles, and
    the words of the sentences that do."""

    years: dict[tuple[int, int], Counter[int]]
    words: dict[tuple[int, int, int], frozenset[str]]

    @classmethod
    def of(cls, mentions: Iterable[tuple[str, str, str, str]]) -> StatedYears:
        """From (article id, date text, ISO value, sentence) tuples."""
        seen: dict[tuple[int, int], dict[int, set[str]]] = defaultdict(lambda: defaultdict(set))
        words: dict[tuple[int, int, int], set[str]] = defaultdict(set)
        for article, date_text, value, sentence in mentions:
            found = stated_day(date_text, value, sentence)
            if found is not None:
                (month, day, year), said = found
                seen[(month, day)][year].add(article)
                words[(month, day, year)] |= said
        return cls(
            {key: Counter({y: len(a) for y, a in by.items()}) for key, by in seen.items()},
            {key: frozenset(w) for key, w in words.items()},
        )

    def corrected(self, date_text: str, value: str, sentence: str) -> str:
        """The value, or the same day in the year the corpus gives it when the text gave
        none, the corpus never writes the inferred year, the corpus's year is earlier (a
        happening referred back to, not a plan) and the sentence speaks of the same
        happening (shares SHARED_WORDS words with the sentences that give the year)."""
        if len(value) != 10 or not names_month_and_day(date_text):
            return value
        month, day = int(value[5:7]), int(value[8:])
        stated = self.years.get((month, day))
        if not stated or stated.get(int(value[:4]), 0):
            return value
        year, articles = max(stated.items(), key=lambda item: (item[1], -item[0]))
        if articles < STATED_BY or year >= int(value[:4]):
            return value
        shared = _content_words(sentence) & self.words.get((month, day, year), frozenset())
        if len(shared) < SHARED_WORDS:
            return value
        return f"{year:04d}{value[4:]}"
