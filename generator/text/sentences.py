"""Sentences: where one ends, and text cut at the end of one.

One rule for every stage (events, quotes, the tense of a clause, page descriptions): a
sentence ends at ``.``, ``!`` or ``?`` (with any closing quotes or brackets after it)
when white space and the start of another sentence follow (a capital or a digit, maybe
after an opening quote or bracket); never after an abbreviation ("Mr.", "U.S.", "Sept.")
or a single letter (an initial, "a.m."); and always at a line break.

A line of page text ends a sentence when its last mark is one, in any script
(``ENDS_SENTENCE``): the readers of pages tell prose from headlines and menus by it.
"""

from __future__ import annotations

import re

from generator.text.calendar import MONTH_ABBREVIATIONS

# Words written with a full stop that does not end the sentence.
ABBREVIATIONS = (
    "Mr", "Mrs", "Ms", "Dr", "Prof", "Gen", "Lt", "Col", "Sgt", "Capt", "Sen", "Rep",
    "Gov", "St", "Jr", "Sr", "No", "vs", "etc", "U.S", "U.N", "U.K", "E.U",
    *MONTH_ABBREVIATIONS,
)  # fmt: skip
_END = re.compile(r"[.!?]+[\"”’')\]»]*(?=\s+[\"“‘'(\[«]?[A-Z0-9])|(?=\n)")
# Read on the last few characters up to a full stop: the longest abbreviation is five.
_ABBREVIATED = re.compile(
    rf"(?:\b(?:{'|'.join(re.escape(word) for word in ABBREVIATIONS)})|\b[A-Za-z])\.$"
)
_TAIL = 7

# A text that ends a sentence: its last mark (before closing quotes and brackets) ends
# one in some script: Latin, Chinese and Japanese (。！？), Devanagari (। ॥), Ethiopic
# (።), Arabic (؟); a colon or semicolon ends a line of prose too (a list follows).
ENDS_SENTENCE = re.compile(r"[.!?…:;\"”’»)\]。！？．।॥።؟]['\"”’»)」』）]*$")


def sentence_ends(text: str) -> list[int]:
    """Where each sentence of ``text`` ends (just after its last mark), but the last."""
    ends = []
    for match in _END.finditer(text):
        stop = match.start() + 1  # just after the first mark: what precedes it decides
        if text[match.start()] == "." and _ABBREVIATED.search(text[max(0, stop - _TAIL) : stop]):
            continue
        if ends and not text[ends[-1] : match.end()].strip():
            continue  # ". \n" ends one sentence, not two
        ends.append(match.end())
    return ends


def split_sentences(text: str) -> list[tuple[int, str]]:
    """(offset, sentence) pairs, white space between sentences left out."""
    out: list[tuple[int, str]] = []
    start = 0
    for end in [*sentence_ends(text), len(text)]:
        if text[start:end].strip():
            out.append((start, text[start:end]))
        start = end
        while start < len(text) and text[start].isspace():
            start += 1
    return out


def summary(text: str, limit: int = 200) -> str:
    """Whole sentences up to ``limit`` characters, else whole words and an ellipsis."""
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    ends = [end for end in sentence_ends(text) if end <= limit]
    if ends and ends[-1] > limit // 2:
        return text[: ends[-1]]
    cut = text[: limit + 1]
    return cut[: cut.rfind(" ")].rstrip(",;:") + "…" if " " in cut else cut[:limit] + "…"
