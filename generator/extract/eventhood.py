"""Eventhood: is a dated sentence a report that something happened on its date?

A dated sentence is one of
- ``happened``: it reports something that took place on or before the day it was written;
- ``expected``: a forecast, plan, deadline or schedule: its date is after the day it was
  written ("will appear on Thursday", "must be resolved before January 20"), or it is the
  day itself and the clause looks ahead ("will meet later today");
- ``background``: the date is a point of reference, not news ("since October 7, 2023");
- ``furniture``: page furniture, not the article: a reader comment's or a live blog's time
  stamp, a byline with a time, a transcript or caption marker, a navigation line;
- ``uncertain``: a day known only relative to a publication date that was itself guessed
  from the text ("reported Thursday" in a page whose date is an estimate, a lower bound).

Told apart by the sentence's shape and tense only (no outlet's or story's words), so it
holds for any site. Text repeated word for word on several pages of one outlet is judged
at the corpus level (``model/evidence.py``): it is the site's, not a new source each time.
"""

from __future__ import annotations

import functools
import itertools
import re
from dataclasses import dataclass
from datetime import date
from typing import Literal

from generator.text.sentences import SENTENCE_MEMO
from generator.text.tense import tense_at

Kind = Literal["happened", "expected", "background", "furniture", "uncertain"]

# A clock time: "5:42 pm", "11:06 AM ET", "18:00 BST", "6.30pm".
_CLOCK = r"\b[0-2]?[0-9][:.][0-5][0-9]\s*(?:[ap]\.?m\.?(?!\w))?(?:\s*[A-Z]{2,4}\b)?"
# A stamp: a date with its year glued to a clock time, in either order, with only "at" or
# punctuation between ("February 1, 2011 at 5:42 pm", "June 4, 2010; 11:06 AM ET",
# "6:30 pm ET February 11, 2013", "Tuesday 1 February 2005 00.01 GMT"). Prose puts a
# preposition before such a date ("struck on 12 January 2010 at 16:53 local time").
_AFTER_DATE = re.compile(rf"^[\s,;|@–—-]*(?:at\s+)?{_CLOCK}", re.I)
_BEFORE_DATE = re.compile(rf"{_CLOCK}[\s,;|@–—-]*$", re.I)
_YEAR = re.compile(r"\b(?:1[6-9]|20)[0-9]{2}\b")
_PREPOSITION = re.compile(
    r"\b(?:on|in|of|since|until|till|by|from|before|after|between|and|to)\s*$", re.I
)
# Columns of a navigation bar or a comment's footer: news prose never uses " | ".
_BAR = re.compile(r"\s\|\s|\s\|$|^\|\s")
# "By Jane Doe | June 4, 2010" or "By JANE DOE, Staff Writer": a byline.
_BYLINE = re.compile(r"^By\s+[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,3}\s*(?:[|,;–—-]|$)")
# A programme listing's time slot ("7.00-10.30 pm"); a bracketed marker in capitals
# ("(BEGIN VIDEO CLIP)", "[COMMERCIAL BREAK]") or a photo credit in brackets ("(AP
# Photo/...)"); a credit before a colon ("Photograph: Jane Doe/Agency") or as a name and its
# agency around a slash ("Jane Doe/Agency Images"). Each is looked for only when the
# character it cannot do without is there: most sentences have none of them.
_SLOT = re.compile(r"\b[0-2]?[0-9][.:][0-5][0-9]\s*[-–]\s*[0-2]?[0-9][.:][0-5][0-9]\b")
_BRACKETED = re.compile(
    r"[(\[][A-Z][A-Z .'/-]{3,}[)\]]|[(\[][^)\]]{0,30}\bPhotos?\b[^)\]]{0,40}[)\]]"
)
_CREDIT = re.compile(r"\b(?:Photo|Photograph|Picture)s?:\s")
_SLASH_CREDIT = re.compile(
    r"\b(?!(?:The|A|An|In|On|At|Of|And|To|For|From|By)\b)[A-Z][a-z]+ [A-Z][\w'-]+\\?/[A-Z]"
)
# A promotion for a correspondent's piece: an outlet's correspondent, by name, in the
# present ("The Herald's Jo Smith describes ...", "Valley Radio's Ann Lee reports from ...").
_PROMO = re.compile(
    r"^(?:The )?[A-Z][\w.]*(?: [A-Z][\w.]*)?['’]s? [A-Z][\w'-]+ [A-Z][\w'-]+ (?:describes|reports|"
    r"looks|explains|speaks|talks|visits|meets|examines|investigates|assesses|considers|asks|"
    r"travels|joins|presents|sends)\b"
)
# A page's call to its reader, in the imperative: news never opens a sentence that way.
_IMPERATIVE = re.compile(
    r"^(?:Click|Tap|Skip|Watch|Listen|Read|Share|Follow|Subscribe|Sign up|Download|Scroll|"
    r"View|See (?:also|more|our|the full)|Get (?:the|our|more)|Email|Join|Comment|Register|"
    r"Log in|Find out|Tell us|Send us)\b"
)
_MARKERS = (
    ("|", _BAR), ("(", _BRACKETED), ("[", _BRACKETED), (":", _CREDIT), ("/", _SLASH_CREDIT),
    ("-", _SLOT), ("–", _SLOT), ("'", _PROMO), ("’", _PROMO),
)  # fmt: skip
_WORD = re.compile(r"[^\W\d_]{2,}")
# A sentence with fewer words than this besides its date says nothing that happened.
MIN_WORDS = 4


@dataclass(frozen=True)
class DatedSentence:
    """What eventhood reads: one sentence, the date it is filed under, and its article's day."""

    sentence: str
    date_text: str
    value: str  # ISO with its granularity, as the date finder gives it
    published: date | None
    background: bool = False  # "since October 7": the extractor's own reading
    # False when the publication date is an estimate from the text (a lower bound only).
    publication_exact: bool = True


# Pure: a sentence read again (every rebuild of `mkdocs serve` reads the whole corpus) is
# answered from memory.
@functools.lru_cache(maxsize=SENTENCE_MEMO)
def kind_of(item: DatedSentence) -> Kind:
    """The sentence's class; furniture first, since a stamp has a date but no tense."""
    if is_furniture(item.sentence, item.date_text):
        return "furniture"
    if item.published is None:
        return "background" if item.background else "happened"
    if not item.publication_exact and _counts_from_publication(item.date_text):
        return "uncertain"
    written = item.published.isoformat()[: len(item.value)]
    if item.value > written:
        return "expected"  # whatever else it is: nothing after the writing has happened
    if item.background:
        return "background"
    if item.value == written and (
        _FORWARD.match(item.date_text) or _looks_ahead(item.sentence, item.date_text)
    ):
        return "expected"
    return "happened"


# A date that points ahead of the writing by itself ("next week", "tomorrow", "the coming
# days", "later this month"): a forecast even when it falls in the article's own month.
_FORWARD = re.compile(r"(?:the\s+|this\s+)?(?:next|tomorrow|coming|later\s+this)\b", re.I)


_NAMED_DATE = re.compile(
    r"\b(?:1[6-9]|20)[0-9]{2}\b|\b(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\b", re.I
)


def _counts_from_publication(date_text: str) -> bool:
    """ "Thursday", "yesterday", "last week": no month or year of its own."""
    return _NAMED_DATE.search(date_text) is None


def _looks_ahead(sentence: str, date_text: str) -> bool:
    start = sentence.find(date_text) if date_text else -1
    if start < 0:
        return False
    return tense_at(sentence, start, start + len(date_text)) == "future"


def is_furniture(sentence: str, date_text: str = "") -> bool:
    """Page furniture by its shape: a bar, a byline, a bracketed marker or a photo credit,
    a correspondent's promotion, a call to the reader, a date stamped with a clock time,
    or almost nothing but the date."""
    text = sentence.strip()
    if text.startswith("By") and _BYLINE.match(text) or _IMPERATIVE.match(text):
        return True
    if any(mark in text and pattern.search(text) for mark, pattern in _MARKERS):
        return True
    start = text.find(date_text) if date_text else -1
    if start < 0:
        return False
    end = start + len(date_text)
    rest = text[:start] + " " + text[end:]
    if sum(1 for _ in itertools.islice(_WORD.finditer(rest), MIN_WORDS)) < MIN_WORDS:
        return True
    if not _YEAR.search(date_text) or _PREPOSITION.search(text[:start]):
        return False
    return bool(_AFTER_DATE.match(text[end:]) or _BEFORE_DATE.search(text[:start]))
