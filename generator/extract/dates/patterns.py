"""The lexicon and the one compiled pattern that finds candidate temporal spans.

Every rule is written once with named groups; the master pattern is the union of
the rules with their inner names removed, so one left-to-right pass finds every
candidate and `RULES[kind].fullmatch` re-reads a found span to get its parts.
Matching is case-sensitive on purpose: news capitalises month and weekday names,
so "may" the verb and "march" the noun never start a match.
"""

from __future__ import annotations

import re

from generator.text.calendar import MONTHS, WEEKDAYS
from generator.text.words import trie

NUMBER_WORDS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
}  # fmt: skip
MODIFIER_WORDS = {
    "early": "early", "start": "early", "beginning": "early",
    "mid": "mid", "middle": "mid",
    "late": "late", "end": "late",
}  # fmt: skip


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


# Words before a bare year or a bare month that make it a calendar reference.
YEAR_CUES = _words(
    "in since of by until till from to through throughout during before after circa the "
    "year between for fiscal spring summer autumn fall winter and or its their his her our a an"
)
MONTH_CUES = _words(
    "in since by until till from to through throughout during of before after between and or that"
)
# A number before one of these counts things; it is not a year ("2000 people").
COUNT_NOUNS = _words(
    "people persons civilians soldiers troops fighters militants hostages prisoners "
    "detainees captives children kids women men residents families homes houses "
    "buildings trucks vehicles rockets missiles drones shells bombs tons tonnes km "
    "kilometres kilometers miles metres meters feet acres hectares dollars euros "
    "pounds shekels votes views words pages units times members cases deaths "
    "casualties dead wounded injured killed years days hours minutes seconds "
    "points students workers employees patients refugees visitors users"
)
QUANTITY_WORDS = _words(
    "about some over nearly almost around roughly approximately least than "
    "only just total estimated additional another extra"
)
# Function words that may stand capitalised before a weekday or month at the
# start of a sentence without making it part of a name ("On Sunday").
FUNCTION_WORDS = _words(
    "on in since by until till from to through during before after last next this "
    "that early late mid and or but as at of the then also"
)


def _title_or_upper(words: list[str]) -> str:
    return trie([form for w in words for form in (w.capitalize(), w.upper())])


_FULL_MONTHS = list(MONTHS)[:12]
_ABBR_MONTHS = list(MONTHS)[12:]

MONTH_ANY = (
    rf"(?P<month>(?:{_title_or_upper(_FULL_MONTHS)})|(?:{_title_or_upper(_ABBR_MONTHS)})\.?)"
)
MONTH_FULL = rf"(?P<month>{_title_or_upper(_FULL_MONTHS)})"
WEEKDAY = rf"(?P<weekday>{_title_or_upper(list(WEEKDAYS))})"
WEEKDAY_PREFIX = rf"(?:{_title_or_upper(list(WEEKDAYS))}),?\s+(?:the\s+)?"
DAY = r"(?P<day>[0-3]?[0-9])(?:st|nd|rd|th)?(?:\s*[-–]\s*[0-3]?[0-9](?:st|nd|rd|th)?)?"
YEAR = r"(?P<year>(?:1[6-9]|20)[0-9]{2})(?![0-9])"
DASH = r"[-‐‑–—]"
# "early", "mid-", "late", "the end of", "the beginning of", "end-".
MODIFIER = (
    rf"(?P<mod>(?i:(?:early|late|mid)(?:\s*{DASH}\s*|\s+)"
    rf"|(?:the\s+)?(?:very\s+)?(?:end|start|beginning|middle)\s+of\s+(?:the\s+month\s+of\s+)?"
    rf"|end\s*{DASH}\s*))"
)
NUMBER = rf"(?P<num>[0-9]{{1,2}}|(?i:{'|'.join(sorted(NUMBER_WORDS, key=len, reverse=True))}))"
UNIT = r"(?P<unit>(?i:day|week|month|year)s?)"
PART_OF_DAY = r"(?:\s+(?i:morning|afternoon|evening|night))?"
RELATIVE_YEAR = r"(?P<ryear>(?i:last|this|next)\s+year)"
# "Jan 2, 2003", "2 January 2003", and "Jan 2,2003" as scraped text often has it.
YEAR_AFTER = rf"(?:(?:,\s*|\s+)(?:{YEAR}|(?:of\s+)?{RELATIVE_YEAR}))?"
# Holidays on a fixed day of the Gregorian calendar.
HOLIDAYS = {
    "christmas": (12, 25), "christmas day": (12, 25), "christmas eve": (12, 24),
    "new year's day": (1, 1), "new year's eve": (12, 31), "halloween": (10, 31),
    "valentine's day": (2, 14),
}  # fmt: skip
HOLIDAY = (
    r"(?P<holiday>Christmas(?:\s+(?:Day|Eve))?|New\s+Year['’]s\s+(?:Day|Eve)|Halloween"
    r"|Valentine['’]s\s+Day)"
)
TIME = r"(?:[T ][0-2]?[0-9]:[0-5][0-9](?::[0-5][0-9](?:\.[0-9]+)?)?(?:Z|[+-][0-9]{2}:?[0-9]{2})?)?"

# Order matters where two rules can start at the same place: longest first.
RULE_TEXT: dict[str, str] = {
    "iso": rf"(?P<year>[0-9]{{4}})[-/](?P<month>[01]?[0-9])[-/](?P<day>[0-3]?[0-9]){TIME}",
    "numeric": r"(?P<a>[0-3]?[0-9])(?P<sep>[/.-])(?P<b>[0-3]?[0-9])[/.-](?P<year>[0-9]{4})",
    "dmy": rf"(?:{WEEKDAY_PREFIX})?(?:the\s+)?{DAY}(?:\s+of)?\s+{MONTH_ANY}{YEAR_AFTER}",
    "mdy": rf"(?:{WEEKDAY_PREFIX})?{MONTH_ANY}\s+(?:the\s+)?{DAY}(?![0-9]){YEAR_AFTER}",
    "month_year": rf"{MODIFIER}?{MONTH_ANY},?\s+{YEAR}",
    "month": (
        rf"{MODIFIER}?(?:(?P<rel>(?i:last|next|this|coming|past))\s+)?{MONTH_FULL}"
        rf"(?:,?\s+(?:of\s+)?{RELATIVE_YEAR})?"
    ),
    "holiday": rf"{HOLIDAY}(?:,?\s+{YEAR})?",
    "year": rf"{MODIFIER}?{YEAR}",
    "deictic": (
        r"(?P<deictic>(?i:the\s+day\s+(?:before\s+yesterday|after\s+tomorrow)"
        r"|yesterday|today|tomorrow|tonight|last\s+night"
        r"|this\s+(?:morning|afternoon|evening)|(?:earlier|later)\s+today))" + PART_OF_DAY
    ),
    "rel_unit": (
        rf"{MODIFIER}?(?P<rel>(?i:(?:earlier|later)\s+this|this\s+past|last|this|next|coming"
        r"|the(?=\s+weekend)))\s+"
        r"(?P<unit>(?i:weekend|week|month|year))"
    ),
    "the_unit": (
        r"(?P<mod>(?i:the\s+(?:very\s+)?(?:end|start|beginning|middle)\s+of))\s+"
        r"(?i:the|this)\s+(?P<unit>(?i:week|month|year))"
    ),
    "ago": rf"{NUMBER}\s+{UNIT}\s+(?i:ago)",
    "offset": (
        # "two days before" counts back only when nothing follows: "a day before the
        # vote" is relative to an event, not to a date.
        rf"{NUMBER}\s+{UNIT}\s+(?P<dir>(?i:later|earlier|afterwards?)"
        r"(?!\s+(?:than|the|a|an|his|her|its|their)\b)|(?i:before)(?=\s*(?:[.,;:!?)]|$)))"
    ),
    "anchor": (
        r"(?P<rel>(?i:the\s+(?:next|following|previous|preceding|same)|that(?:\s+same)?))\s+"
        r"(?P<unit>(?i:day|week|month|year|morning|afternoon|evening|night|weekend))"
        r"|(?i:the\s+day\s+(?P<dir>before|after))(?!\s+\w+\s+\w)"
    ),
    "weekday": (
        r"(?:(?P<rel>(?i:last|next|this|coming|past))\s+)?(?:(?i:early|late)\s+(?:(?i:on)\s+)?)?"
        + WEEKDAY
        + PART_OF_DAY
    ),
}

# Boundaries around each rule: no digit glued to a number, no letter glued to a word.
_BEFORE = {
    "iso": r"(?<![0-9\w])",
    "numeric": r"(?<![0-9\w/.,-])",
    "dmy": r"(?<![\w,.:/$€£#%-])",
    "year": r"(?<![\w,.:/$€£#])",
}
_AFTER = {
    "iso": r"(?![0-9])",
    "numeric": r"(?![0-9/.])",
    "year": r"(?![0-9]|[.,][0-9]|\s*%|\s*(?i:percent|per\s+cent))",
}

_NAME = re.compile(r"\(\?P<\w+>")

RULES: dict[str, re.Pattern[str]] = {k: re.compile(v) for k, v in RULE_TEXT.items()}
_WORD_BEFORE = r"(?<!\w)"
_WORD_AFTER = r"(?!\w)"


def _wrapped(kind: str, text: str) -> str:
    before, after = _BEFORE.get(kind, _WORD_BEFORE), _AFTER.get(kind, _WORD_AFTER)
    return f"(?P<{kind}>{before}(?:{_NAME.sub('(?:', text)}){after})"


MASTER: re.Pattern[str] = re.compile("|".join(_wrapped(k, v) for k, v in RULE_TEXT.items()))

# Every rule starts with a digit, a month or weekday name, or one of a few words;
# the first token decides which rules can match there. Scanning for first tokens
# and trying only their rules keeps the pass fast (about 1 ms for 600 words)
# where trying fourteen rules at every word would not.
_MODIFIER_FIRST = "early late mid end start beginning middle very"
_FIRST: dict[str, tuple[str, tuple[str, ...]]] = {
    "digit": ("", ("iso", "numeric", "dmy", "year", "ago", "offset")),
    "month": ("", ("mdy", "month_year", "month")),
    "weekday": ("", ("dmy", "mdy", "weekday")),
    "the": (
        "the",
        ("dmy", "month_year", "month", "year", "deictic", "rel_unit", "the_unit", "anchor"),
    ),
    "holiday": ("christmas new halloween valentine", ("holiday",)),
    "modifier": (_MODIFIER_FIRST, ("month_year", "month", "year", "rel_unit", "weekday")),
    "relative": ("last next this coming past", ("month", "deictic", "rel_unit", "weekday")),
    "comparative": ("earlier later", ("deictic", "rel_unit")),
    "deictic": ("yesterday today tomorrow tonight", ("deictic",)),
    "number": (" ".join(NUMBER_WORDS), ("ago", "offset")),
    "that": ("that", ("anchor",)),
}
FIRST_CLASS: dict[str, str] = {
    word: name for name, (words, _) in _FIRST.items() for word in words.split()
}
SUBMASTERS: dict[str, re.Pattern[str]] = {
    name: re.compile("|".join(_wrapped(k, RULE_TEXT[k]) for k in RULE_TEXT if k in kinds))
    for name, (_, kinds) in _FIRST.items()
}


def _forms(words) -> list[str]:
    return [form for word in words for form in (word, word.capitalize(), word.upper())]


# The commonest first words ("the", "a", "that") start a date only before a few
# words; checking those here spares trying their rules at every "the".
_GUARDED = {
    "the": r"[0-9]|very|end|start|beginning|middle|day|next|following|previous|preceding"
    r"|same|weekend",
    "number": r"(?:day|week|month|year)s?",
    "that": r"same|day|week|month|year|morning|afternoon|evening|night|weekend",
}
_NUMBERS = [w for w, name in FIRST_CLASS.items() if name == "number"]
_TRIGGER_WORDS = _forms(w for w in FIRST_CLASS if w not in _NUMBERS and w not in _GUARDED) + [
    form for word in (*MONTHS, *WEEKDAYS) for form in (word.capitalize(), word.upper())
]
_TRIGGER_GROUPS: list[tuple[list[str], str]] = [
    (list("0123456789"), ""),
    (_TRIGGER_WORDS, r"(?!\w)"),
    (_forms(["the"]), rf"(?=\s+(?i:{_GUARDED['the']})(?!\w))"),
    (_forms(_NUMBERS), rf"(?=\s+(?i:{_GUARDED['number']})(?!\w))"),
    (_forms(["that"]), rf"(?=\s+(?i:{_GUARDED['that']})(?!\w))"),
]
TRIGGER: re.Pattern[str] = re.compile(
    r"(?<!\w)(?:" + "|".join(trie(words) + suffix for words, suffix in _TRIGGER_GROUPS) + ")"
)
# Commoner first letters of English words first: a word start tries the alternatives in turn.
_LETTER_ORDER = "tTaAoOsSwWcCbBpPhHfFmMiIdDrRlLeEnNgGuUvVyYjJkKqQxXzZ"


def _by_first_char(groups: list[tuple[list[str], str]]) -> str:
    """The alternation of the groups (each a trie of words, then a suffix) rewritten as
    one alternative per first character, so a word start walks one list of letters, and
    behind a look-ahead over those characters, so other words are dropped at once.
    Within a first character the groups keep their order: the matches are the same."""
    firsts: dict[str, list[str]] = {}
    for words, suffix in groups:
        for char in sorted({w[0] for w in words}):
            rest = trie(sorted({w[1:] for w in words if w[0] == char}))
            firsts.setdefault(char, []).append(rest + suffix)
    chars = sorted(firsts, key=lambda c: (_LETTER_ORDER + c).index(c))
    body = "|".join(
        re.escape(c) + (firsts[c][0] if len(firsts[c]) == 1 else f"(?:{'|'.join(firsts[c])})")
        for c in chars
    )
    return f"(?=[{''.join(re.escape(c) for c in chars)}])(?:{body})"


# The same triggers, read from the non-word character before them: a pattern opening
# with a set of characters is tried only where one of them stands, not at every letter.
# A trigger is made of word characters, so that character is never inside the one
# before, and the scan finds every trigger but one at the very start of the text.
_TRIGGER_AFTER: re.Pattern[str] = re.compile(rf"\W({_by_first_char(_TRIGGER_GROUPS)})")


def _triggers(text: str):
    """(start, token) of each TRIGGER match, in order."""
    first = TRIGGER.match(text)
    if first is not None:
        yield 0, first.group()
    for trigger in _TRIGGER_AFTER.finditer(text):
        yield trigger.start(1), trigger.group(1)


def candidates(text: str):
    """(kind, match) for each candidate span, in order, not overlapping."""
    scanned = 0
    for start, token in _triggers(text):
        if start < scanned:
            continue
        if token[0].isdigit():
            name = "digit"
        else:
            lower = token.lower()
            name = FIRST_CLASS.get(lower) or ("month" if lower in MONTHS else "weekday")
        match = SUBMASTERS[name].match(text, start)
        if match is not None:
            scanned = match.end()
            yield match.lastgroup or "", match
