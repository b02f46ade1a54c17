"""Which way in time a clause points: news reports the past unless a verb says otherwise.

A date without a year ("March 5", "in April") or a bare weekday ("on Tuesday") is
placed before or after the publication date by the nearest tense marker in its
sentence: "said on Tuesday" looks back, "will meet on Tuesday" looks forward, "the
vote is on Tuesday" takes the nearest such day, and silence means the past.

Markers are read from word tokens with set lookups rather than one big regex: the
finder must stay under a couple of milliseconds per article.

(``ingest/dating.py`` still tells a future date line its own way: it is being rewritten
elsewhere and will switch to this detector.)
"""

from __future__ import annotations

import bisect
import re
from typing import Literal

from generator.text.sentences import sentence_ends
from generator.text.words import trie

Tense = Literal["past", "future", "present", "none"]


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


_PAST = _words(
    "was were had did said told took began came went fled left met gave held made saw "
    "sent fell rose won lost struck brought fought thought knew became broke built caught "
    "chose drove felt found got grew kept led meant paid ran sat sold shot spoke stood "
    "stole swore threw understood woke wrote spent withdrew says ago since"
)
_ED_NOT_PAST = _words(
    "need indeed proceed exceed succeed speed feed seed breed greed hundred kindred "
    "sacred naked wicked red bed shed armed alleged united based related occupied "
    "detailed limited beloved wounded"
)
_PRESENT = _words(
    "is are begins starts opens ends closes expires runs meets holds arrives returns "
    "takes falls marks lasts goes continues remains begin start open expire meet arrive "
    "continue remain"
)
# A marker after the date and past a comma usually governs another clause ("died on
# Feb. 16, and his funeral will..."); it still counts when nothing nearer does.
_COMMA_PENALTY = 40
_MODALS = _words("will shall won't must should would could might")
# A planning word is a future marker when "to", "for" or an article follows it.
_PLANS = _words(
    "set due expected scheduled slated poised going planning planned plans plan intends aims"
)
_FUTURE = _words("upcoming forthcoming next coming")
# Words between a modal and its verb: "will not be held", "would also have".
_AUXILIARY = _words("not also likely probably then soon again still only now be have been being")
_REPORTING = _words("said says told added noted stated")


def _trie(words: frozenset[str]) -> str:
    return trie(sorted(words))


# One pass over the lower-cased text finds every marker, multi-word ones whole:
# "will not be held" and "expected to be signed" are one future marker each.
_MARKER = re.compile(
    rf"\b(?:(?P<modal>{_trie(_MODALS)}|[a-z]+['’]ll)(?:\s+{_trie(_AUXILIARY)}\b)*(?:\s+[a-z]+)?"
    r"(?:\s+[a-z]+ed\b)?"  # "will stay closed": the participle belongs to the future
    rf"|{_trie(_PLANS)}\s+(?:to|for|an?)\b(?:\s+be\b)?(?:\s+[a-z]+)?"
    rf"|to\s+be\s+[a-z]+|ahead\s+of|(?P<future>{_trie(_FUTURE)})"
    rf"|(?P<perfect>(?:has|have)\s+been)|(?P<passive>(?:is|are|am|be|being)\s+[a-z]+ed)"
    rf"|(?P<past>{_trie(_PAST)})"
    rf"|(?P<present>{_trie(_PRESENT)})|(?P<ed>[a-z]+ed))\b"
)
_ASCII_LOWER = str.maketrans("ABCDEFGHIJKLMNOPQRSTUVWXYZ", "abcdefghijklmnopqrstuvwxyz")
_REACH = 160

Marker = tuple[int, int, Tense, bool]  # start, end, tense, is a reporting verb


def _lower(text: str) -> str:
    lower = text.lower()
    if len(lower) != len(text):  # "İ" lowers to two characters: keep offsets aligned
        lower = text.translate(_ASCII_LOWER)
    return lower


def _scan(text: str, lower: str, lo: int, hi: int) -> list[Marker]:
    out: list[Marker] = []
    for m in _MARKER.finditer(lower, lo, hi):
        start, end = m.span()
        if m.group("past") is not None:
            out.append((start, end, "past", m.group() in _REPORTING))
        elif m.group("ed") is not None:
            if m.group() not in _ED_NOT_PAST and text[start - 1 : start] != "-":
                out.append((start, end, "past", False))
        elif m.group("present") is not None or m.group("passive") is not None:
            out.append((start, end, "present", False))
        elif m.group("perfect") is not None:
            out.append((start, end, "past", False))
        elif m.group("modal") is not None and " have " in f"{m.group()} ":
            out.append((start, end, "past", False))  # "might have leaked": a modal perfect
        else:
            out.append((start, end, "future", False))
    return out


# A marker is made of lower-case letters, apostrophes and spaces only, so it never
# holds a character that is none of these nor a word character ("." "," ")"), and at
# such a character a scan of the whole text starts afresh and \b sees a non-word
# character, as at the end of a string. Cutting the text there, the markers of each
# piece, read only when a date near it asks for its tense, are those a scan of the
# whole text finds in it.
_BARRIER = re.compile(r"[^\w\s'’]")
_CHUNK = 200


class TenseIndex:
    """Sentence boundaries and tense markers of one text, each piece read on first need."""

    def __init__(self, text: str) -> None:
        self.text = text
        self._cuts: list[int] | None = None
        self._lower = ""
        self._bounds: list[int] = []
        self._pieces: dict[int, list[Marker]] = {}

    def _build(self) -> list[int]:
        text = self.text
        self._cuts = sentence_ends(text)
        self._lower = lower = _lower(text)
        bounds = [0]
        pos, n = _CHUNK, len(lower)
        while pos < n:
            barrier = _BARRIER.search(lower, pos)
            if barrier is None:
                break
            bounds.append(barrier.start())
            pos = barrier.start() + _CHUNK
        bounds.append(n)
        self._bounds = bounds
        return self._cuts

    def _piece(self, k: int) -> list[Marker]:
        piece = self._pieces.get(k)
        if piece is None:
            bounds = self._bounds
            piece = _scan(self.text, self._lower, bounds[k], bounds[k + 1])
            self._pieces[k] = piece
        return piece

    def sentence(self, start: int, end: int) -> tuple[int, int]:
        """The sentence around text[start:end], at most _REACH characters either side."""
        cuts = self._cuts if self._cuts is not None else self._build()
        lo, hi = max(0, start - _REACH), min(len(self.text), end + _REACH)
        i = bisect.bisect_right(cuts, start)
        if i and cuts[i - 1] > lo:
            lo = cuts[i - 1]
        j = bisect.bisect_left(cuts, end)
        if j < len(cuts) and cuts[j] < hi:
            hi = cuts[j]
        return lo, hi

    def tense_at(self, start: int, end: int) -> Tense:
        """The tense of the marker nearest to text[start:end] within its sentence."""
        lo, hi = self.sentence(start, end)
        text = self.text
        best: tuple[int, Tense] | None = None
        bounds = self._bounds
        first = max(0, bisect.bisect_right(bounds, lo) - 1)
        last = min(len(bounds) - 2, bisect.bisect_left(bounds, hi) - 1)
        markers = self._piece(first)
        for k in range(first + 1, last + 1):
            markers = markers + self._piece(k)
        for m_start, m_end, kind, reporting in markers:
            if m_start < lo:
                continue
            if m_start >= hi:
                break
            if m_end > hi or (m_end > start and m_start < end):
                continue
            between = text[m_end:start] if m_end <= start else text[end:m_start]
            if reporting and "," in between:
                continue  # attribution after a comma says when it was said, not when it happens
            distance = len(between)
            if m_start >= end and "," in between:
                distance += _COMMA_PENALTY
            if best is None or distance < best[0]:
                best = (distance, kind)
        return best[1] if best else "none"


def tense_at(text: str, start: int, end: int) -> Tense:
    """The tense of the marker nearest to text[start:end] within its sentence."""
    return TenseIndex(text).tense_at(start, end)
