"""Character folding shared by alias keys and the text they are matched in.

Folding maps every character to exactly one character, so offsets found in the
folded text are offsets into the original: mentions keep the writer's spelling.
"""

from __future__ import annotations

import re
import unicodedata

_EXTRA = {
    "\u0131": "i",  # dotless i (Turkish)
    "\u0141": "L",
    "\u0142": "l",
    "\u00d8": "O",
    "\u00f8": "o",
    "\u0110": "D",
    "\u0111": "d",
}
_APOSTROPHES = "\u2018\u2019\u201b\u02bc\u02bb\u02b9\u00b4\u0060\uff07\u2032"
_HYPHENS = "\u00ad\u2010\u2011\u2012\u2013\u2212\ufe63\uff0d"


def _table() -> dict[int, str]:
    table: dict[int, str] = {}
    for code in [*range(0xC0, 0x250), *range(0x1E00, 0x1F00)]:
        char = chr(code)
        parts = unicodedata.normalize("NFKD", char)
        base = parts[:1]
        if (
            base.isascii()
            and base.isalpha()
            and all(unicodedata.category(p).startswith("M") for p in parts[1:])
            and len(parts) > 1
        ):
            table[code] = base
    for char, repl in _EXTRA.items():
        table[ord(char)] = repl
    for char in _APOSTROPHES:
        table[ord(char)] = "'"
    for char in _HYPHENS:
        table[ord(char)] = "-"
    for code in range(0x80, 0x3100):
        if unicodedata.category(chr(code)) == "Zs":
            table[code] = " "
    for char in "\t\n\r\v\f\u0085\u2028\u2029":
        table[ord(char)] = " "
    return table


_FOLD = _table()


def fold(text: str) -> str:
    """Fold accents, apostrophes, hyphens and spaces; same length as ``text``."""
    return text.translate(_FOLD)


def _is_word_char(char: str) -> bool:
    return char.isalnum() or char == "_" or unicodedata.category(char).startswith("M")


class _WordChars(dict):
    """char -> whether it is a word character, each answered once."""

    def __missing__(self, char: str) -> bool:
        answer = self[char] = _is_word_char(char)
        return answer


# Look-ups in this table cost a fraction of a call of _is_word_char.
WORD_CHARS: dict[str, bool] = _WordChars()


def squash_spaces(text: str) -> str:
    return " ".join(text.split())


# Characters a reader never sees that sit inside words: the soft hyphen (German and
# French sites hyphenate long words with it), zero-width space, word joiner, invisible
# operators, the byte-order mark. Left in, "Mit\u00adtel\u00adal\u00adter" is four words
# to every later reader. (Zero-width joiners and non-joiners are spelling in Persian,
# Indic scripts and emoji: kept.)
# (A pattern, not str.translate: on a page's worth of text it is twenty times faster.)
_INVISIBLE = re.compile("[\u00ad\u200b\u2060-\u2064\ufeff]")


def strip_invisible(text: str) -> str:
    """``text`` without the invisible characters that split words (soft hyphens...)."""
    return _INVISIBLE.sub("", text)
