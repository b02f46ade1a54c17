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

import functools
import re

from generator.text.calendar import MONTH_ABBREVIATIONS, MONTH_NAMES, MONTHS

# Sentences a process remembers the reading of, per pure function over them: above the
# dated sentences of 10,000 generated articles (about 75,000), so that a rebuild of
# `mkdocs serve`, which reads them all again in order, never evicts what it reads next.
SENTENCE_MEMO = 2**18

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


# -- whether a sentence can be read on its own ---------------------------------------------

# A connective that opens a sentence only ties it to the one before: without it the
# sentence says the same ("But the army withdrew on Friday." -> "The army withdrew ...")
# unless a pronoun follows, which leans back too ("But he added ...").
_CONNECTIVE = re.compile(
    r"^(?:But|And|Yet|Still|However|Also|Meanwhile|Instead|Then|Thus|Therefore|Indeed|"
    r"Moreover|Nevertheless|Nonetheless)\b,?\s+(?=[\"“‘']?\w)(?![\"“‘']?(?:he|she|it|they|"
    r"we|i|you|his|her|its|their|this|that|these|those|such|there|so|then)\b)",
    re.I,
)
# A sentence opening with a connective or a pronoun leans on the one before it.
_LEANS_BACK = re.compile(
    r"^(?:But|And|Or|So|Yet|Still|However|Also|Meanwhile|Instead|Then|Thus|Therefore|"
    r"He|She|It|They|We|I|You|His|Her|Its|Their|This|That|These|Those|Such|Another)\b"
)
_UNCLOSED = (("(", ")"), ("[", "]"), ("“", "”"))
# A caption or title the scraper glued to the next sentence: a capitalised function word
# after a lower-case word, with no mark between ("... in Haiti's slums We followed ...").
_GLUED = re.compile(
    r"\b[a-z]+,? (?:The|A|An|In|On|At|It|He|She|They|We|This|Those|These|His|Her|Their|"
    r"But|And|There) (?=[a-z])"
)
_MONTH = "(?:" + "|".join(MONTH_NAMES) + ")"
# A timeline page's date heading the scraper glued between two entries, right after a
# lower-case word: "... denies any wrongdoing On 8 February, 2010, he appeared ..." (a
# capitalised preposition) or "... during the trial 29 September 2011 His bodyguard
# testifies ..." (a full date with no preposition, then a capital).
_GLUED_DATE = re.compile(
    rf"(?<=[a-z] )(?:(?:On|In|By|From|Since|Until) (?P<d1>\d{{1,2}}) (?P<m1>{_MONTH})\b"
    rf"|(?:On|In|By|From|Since|Until) (?P<m2>{_MONTH}) (?P<d2>\d{{1,2}})\b"
    rf"|(?P<d3>\d{{1,2}}) (?P<m3>{_MONTH}),? \d{{4}} (?=[A-Z])"
    rf"|(?P<m4>{_MONTH}) (?P<d4>\d{{1,2}}),? \d{{4}} (?=[A-Z]))"
)
_PREPOSITION_BEFORE = re.compile(
    r"\b(?:on|in|by|from|since|until|to|of|before|after|between|and|or|dated) $"
)
# The writer speaking for themself outside quotation marks: a column, a blog, a reader's
# comment, not a report ("For one, I think ...").
_FIRST_PERSON = re.compile(r"\b(?:I|I['’](?:m|ve|d|ll)|my)\b")
_QUOTED = re.compile(r"“[^”]*”|\"[^\"]*\"")
# A subordinate clause with no main clause after a comma: "When he returned to the hotel."
_FRAGMENT = re.compile(
    r"^(?:When|While|If|Because|Although|Though|Whereas|Unless|Until|As|Since|After|Before)"
    r"\b[^,;:]*$"
)
# A quote credited to a pronoun ("..., he added."): who said it is in another sentence.
_PRONOUN_SPEAKER = re.compile(
    r"[,.!?…][\"”’']\s+(?:he|she|they|it)\s+(?:[a-z]+ly\s+)?[a-z]+(?:ed|s)\b", re.I
)
# A transcript's speaker label ("COOPER:", "SIR JOHN SMITH FOR THE BBC:"): talk, not a report.
_SPEAKER = re.compile(r"^[A-Z][A-Z.,' -]{1,60}:\s")
# Calibrated by reading key-date summaries: shorter sentences are fragments ("ET)."),
# longer ones run-on paragraphs the scraper did not split.
STANDALONE_WORDS = (6, 60)


def is_transcript(paragraph: str) -> bool:
    """A paragraph of a broadcast transcript, opening with its speaker's label
    ("ANDERSON COOPER, CNN ANCHOR: ..."): talk, not a report, whatever its sentences say."""
    return _SPEAKER.match(paragraph.lstrip()) is not None


def without_connective(sentence: str) -> str:
    """The sentence without an opening connective ("But", "Meanwhile,"), unless a pronoun
    follows it: "But he said ..." keeps its "But" (the pronoun leans back anyway)."""
    text = sentence.strip()
    match = _CONNECTIVE.match(text)
    if not match or not text[:1].isupper():
        return text
    rest = text[match.end() :]
    return rest[0].upper() + rest[1:]


# Pure: a sentence read again (every rebuild of `mkdocs serve` reads the whole corpus) is
# answered from memory.
@functools.lru_cache(maxsize=SENTENCE_MEMO)
def stands_alone(sentence: str) -> bool:
    """Whether a reader who sees only this sentence knows what it is about."""
    text = sentence.strip()
    head = text.lstrip("\"“‘'")
    if not head or not head[0].isupper() or _LEANS_BACK.match(text):  # a quote may say "we"
        return False
    if _SPEAKER.match(text) or _PRONOUN_SPEAKER.search(text) or _FRAGMENT.match(text):
        return False
    if _GLUED.search(text) or _FIRST_PERSON.search(_QUOTED.sub(" ", text)):
        return False
    words = len(text.split())
    if not STANDALONE_WORDS[0] <= words <= STANDALONE_WORDS[1]:
        return False
    if any(text.count(a) != text.count(b) for a, b in _UNCLOSED) or text.count('"') % 2:
        return False
    # A statement, not a question (a reader's prompt, a headline's tease), quoted or not.
    return text.rstrip("\"”’' ")[-1:] in (".", "!")


def glued_entries(sentence: str) -> list[tuple[tuple[int, int] | None, str]]:
    """A sentence cut where a timeline page's date heading was glued into it: each entry
    with the (month, day) of the heading that opens it (None for the text before the
    first heading). A sentence with no glued heading is one entry."""
    cuts: list[tuple[int, int, tuple[int, int]]] = []
    for match in _GLUED_DATE.finditer(sentence):
        if _PREPOSITION_BEFORE.search(sentence[: match.start()]):
            continue
        groups = match.groupdict()
        n = next(i for i in "1234" if groups[f"m{i}"])
        day = (MONTHS[groups[f"m{n}"].lower()], int(groups[f"d{n}"]))
        # A heading without a preposition is left out of the entry; "On 8 February, ..."
        # opens its sentence.
        cuts.append((match.start(), match.start() if n in "12" else match.end(), day))
    if not cuts:
        return [(None, sentence)]
    entries = [(None, sentence[: cuts[0][0]].strip())]
    for i, (_, begin, day) in enumerate(cuts):
        end = cuts[i + 1][0] if i + 1 < len(cuts) else len(sentence)
        entries.append((day, sentence[begin:end].strip()))
    return entries
