"""Which way in time a clause points: news reports the past unless a verb says otherwise.

A date without a year ("March 5", "in April") or a bare weekday ("on Tuesday") is
placed before or after the publication date by the nearest tense marker in its
clause: "said on Tuesday" looks back, "will meet on Tuesday" looks forward, "the
vote is on Tuesday" takes the nearest such day, and silence means the past.
"""

from __future__ import annotations

import re
from typing import Literal

Tense = Literal["past", "future", "present", "none"]

_IRREGULAR_PAST = (
    "said told was were had did took began came went fled left met gave held made saw "
    "sent fell rose won lost struck brought fought thought knew became broke built caught "
    "chose drove felt found got grew kept led meant paid ran sat sold shot spoke stood "
    "stole swore threw understood woke wrote spent withdrew arrived says"
)
_ED_NOT_PAST = frozenset(
    [
        "need",
        "indeed",
        "proceed",
        "exceed",
        "succeed",
        "speed",
        "feed",
        "seed",
        "breed",
        "greed",
        "hundred",
        "kindred",
        "sacred",
        "naked",
        "wicked",
        "red",
        "bed",
        "shed",
        "armed",
        "alleged",
        "united",
        "based",
        "related",
        "so-called",
        "occupied",
        "detailed",
        "limited",
        "beloved",
        "wounded",
    ]
)
_MARKERS = re.compile(
    r"(?P<future>\b(?:will|shall|won't|wo\s+n't|must|should|would|could|might)"
    r"(?:\s+(?:not|also|likely|probably|then|soon|again|still|only|now|be|have|been|being))*"
    r"(?:\s+[a-z]+)?"
    r"|\b(?:set|due|expected|scheduled|slated|poised|going|planning|plans?|intends?|aims?)"
    r"\s+(?:to|for)\b"
    r"|\b(?:upcoming|forthcoming|ahead\s+of|next|coming|to\s+be\s+held)\b"
    r"|\w+'ll\b|\w+’ll\b)"
    r"|(?P<past>\b(?:has|have)\s+been\b|\b(?:" + "|".join(_IRREGULAR_PAST.split()) + r"|ago|since"
    r"|last)\b|(?<![-\w'’])(?P<ed>[a-z]{2,}ed)\b)"
    r"|(?P<present>\b(?:is|are|begins|starts|opens|ends|falls|marks|takes\s+place)\b)"
)
_BOUNDARY = re.compile(r"[.!?;]\s|\n")
_REACH = 160


def tense_at(text: str, start: int, end: int) -> Tense:
    """The tense of the marker nearest to text[start:end] within its sentence."""
    lo, hi = max(0, start - _REACH), min(len(text), end + _REACH)
    left = text[lo:start]
    cuts = [m.end() for m in _BOUNDARY.finditer(left)]
    if cuts:
        lo += cuts[-1]
    right = _BOUNDARY.search(text, end, hi)
    if right:
        hi = right.start()
    best: tuple[int, Tense] | None = None
    for m in _MARKERS.finditer(text, lo, hi):
        if start <= m.start() < end:
            continue
        if m.group("ed") and m.group("ed") in _ED_NOT_PAST:
            continue
        distance = start - m.end() if m.end() <= start else m.start() - end
        kind: Tense = m.lastgroup if m.lastgroup in ("future", "present") else "past"  # type: ignore[assignment]
        if best is None or distance < best[0]:
            best = (distance, kind)
    return best[1] if best else "none"
