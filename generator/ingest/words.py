"""Word lists and script/language tests for telling prose from site furniture.

Stopword lists are jusText's (shipped with trafilatura's dependency): read from the
package's data files without importing it, so a text dump never loads an HTML stack.
They stay the ingest stage's own, not ``text/``'s: sixteen languages' lists tuned by
jusText to tell a paragraph of prose from a menu (a stopword share), which is a judgement
about page lines; the shared English lists in ``text/words.py`` say what a sentence is
about. Month and weekday names, sentence ends and tense are ``text/``'s.
"""

from __future__ import annotations

import importlib.util
import re
from collections import Counter
from functools import lru_cache
from pathlib import Path

_LANGUAGES = (
    "English",
    "French",
    "German",
    "Spanish",
    "Italian",
    "Portuguese",
    "Dutch",
    "Turkish",
    "Azerbaijani",
    "Indonesian",
    "Polish",
    "Russian",
    "Ukrainian",
    "Arabic",
    "Persian",
    "Hebrew",
)


def _stoplist_dir() -> Path | None:
    spec = importlib.util.find_spec("justext")
    if spec is None or not spec.submodule_search_locations:
        return None
    path = Path(next(iter(spec.submodule_search_locations))) / "stoplists"
    return path if path.is_dir() else None


@lru_cache(maxsize=1)
def _stoplists() -> dict[str, frozenset[str]]:
    folder = _stoplist_dir()
    out = {}
    for lang in _LANGUAGES:
        path = folder / f"{lang}.txt" if folder else None
        if path and path.is_file():
            out[lang] = frozenset(
                w.strip().lower()
                for w in path.read_text(encoding="utf-8").splitlines()
                if w.strip()
            )
    if "English" not in out:  # jusText missing: a minimal English list keeps prose detectable
        out["English"] = frozenset(
            "a an the and or but of to in on at for with by from as is are was were be been has "
            "have had it its this that these those he she they we you i his her their our not "
            "no said says will would could should can may after before over about into than"
        ).split()
    return out


STOPWORDS: frozenset[str] = frozenset().union(*_stoplists().values())

# Words that make up navigation bars, site headers and footers.
_FURNITURE_TEXT = """
    home homepage news world politics business economy markets sport sports opinion opinions
    culture arts video videos photo photos gallery galleries live latest menu search login
    logout log sign register subscribe subscription account profile contact about advertise
    advertising privacy terms cookies cookie policy sitemap rss archive archives topic topics tag
    tags more categories category tech technology science health lifestyle entertainment travel
    weather region regions local national europe asia africa americas podcast podcasts
    newsletter newsletters dark light mode theme night_theme logo back top next previous prev
    skip content navigation toggle close open edition language english français español
    deutsch русский عربي print share comments comment facebook twitter instagram youtube
    telegram whatsapp linkedin tiktok x email e-mail app apps store market play google apple
    feed feeds breaking trending popular most read watch listen shop jobs careers events
    multimedia infographics interactive section sections main page pages all view en ru ar fr
    de es tr az uk hy arm eng rus a+ a- aa save saved bookmark gift follow following like
    """
FURNITURE_WORDS = frozenset(_FURNITURE_TEXT.split())  # noqa: SIM905

_SCRIPT_RANGES = (
    ("cyrillic", re.compile(r"[\u0400-\u04ff]")),
    ("arabic", re.compile(r"[\u0600-\u06ff\u0750-\u077f]")),
    ("hebrew", re.compile(r"[\u0590-\u05ff]")),
    ("greek", re.compile(r"[\u0370-\u03ff]")),
    ("cjk", re.compile(r"[\u3040-\u30ff\u4e00-\u9fff\uac00-\ud7af]")),
    ("armenian", re.compile(r"[\u0530-\u058f]")),
    ("georgian", re.compile(r"[\u10a0-\u10ff]")),
    ("devanagari", re.compile(r"[\u0900-\u097f]")),
    ("bengali", re.compile(r"[\u0980-\u09ff]")),
    ("tamil", re.compile(r"[\u0b80-\u0bff]")),
    ("thai", re.compile(r"[\u0e00-\u0e7f]")),
    ("ethiopic", re.compile(r"[\u1200-\u137f]")),
)
# Scripts whose languages have stopword lists here: elsewhere prose is told by its length
# and its sentence marks alone.
STOPLIST_SCRIPTS = frozenset(("latin", "cyrillic", "arabic", "hebrew"))
_THREE_LATIN = re.compile(r"(?:[^A-Za-z]*[A-Za-z]){3}")
_LATIN = re.compile(r"[A-Za-z\u00c0-\u024f]")


def script_of(text: str) -> str | None:
    """The script most of the letters of ``text`` are in, if it has at least three letters."""
    if text.isascii():
        return "latin" if _THREE_LATIN.match(text) else None
    counts = Counter({"latin": len(_LATIN.findall(text))})
    for name, pattern in _SCRIPT_RANGES:
        n = len(pattern.findall(text))
        if n:
            counts[name] = n
    total = sum(counts.values())
    if total < 3:
        return None
    name, n = counts.most_common(1)[0]
    return name if n * 2 > total else None


@lru_cache(maxsize=1)
def _distinctive() -> dict[str, str]:
    """Stopwords that belong to exactly one of the languages: word -> language."""
    seen: Counter[str] = Counter()
    lists = _stoplists()
    for words in lists.values():
        seen.update(words)
    return {w: lang for lang, words in lists.items() for w in words if seen[w] == 1 and len(w) > 1}


def distinctive_words() -> dict[str, str]:
    """Stopwords that belong to exactly one language: word -> language."""
    return _distinctive()


def stopwords_of(language: str) -> frozenset[str]:
    """A language's stoplist (empty when it has none)."""
    return _stoplists().get(language, frozenset())


_TOKEN = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?")
# The same tokens in ASCII text, where a letter is [A-Za-z]: a plain set, tested faster.
_ASCII_TOKEN = re.compile(r"[A-Za-z]+(?:'[A-Za-z]+)?")


def language_of(text_lower: str, tokens: list[str] | None = None) -> str | None:
    """The language whose distinctive stopwords dominate ``text_lower``, if one clearly does."""
    if tokens is None:
        tokens = (_ASCII_TOKEN if text_lower.isascii() else _TOKEN).findall(text_lower)
    langs = list(filter(None, map(_distinctive().get, tokens)))
    if not langs:
        return None
    if langs.count(langs[0]) == len(langs):  # one language only (most lines): no ranking
        return langs[0] if len(langs) >= 2 else None
    counts = Counter(langs)  # in order of first sight, as ties are broken below
    ranked = sorted(counts.items(), key=lambda kv: -kv[1])
    top, n = ranked[0]
    second = ranked[1][1] if len(ranked) > 1 else 0
    return top if n >= 2 and n >= 2 * second else None


_NON_WORD = re.compile(r"\W+")
# The ASCII characters that are not word characters (re's \W), to delete with str.translate.
_ASCII_NON_WORD = dict.fromkeys(i for i in range(128) if not (chr(i).isalnum() or chr(i) == "_"))


_ASCII_NON_WORD_BYTES = bytes(_ASCII_NON_WORD)


def word_chars(text: str) -> str:
    """``text`` without its non-word characters (re's \\W): ``re.sub(r"\\W+", "", text)``."""
    if text.isascii():  # bytes.translate: some twenty times faster than str.translate
        return text.encode("ascii").translate(None, _ASCII_NON_WORD_BYTES).decode("ascii")
    key = text.translate(_ASCII_NON_WORD)  # much faster than the regex on ASCII
    if key.isascii() or key.isalnum():
        return key
    return _NON_WORD.sub("", key)


def text_key(text: str) -> str:
    """Letters and digits only, lowercased: "Times Of Israel" and "times-of-israel" compare."""
    return word_chars(text.lower())


# The characters re.IGNORECASE equates with an ASCII letter although str.lower() does not
# make them that letter ("İ" lowers to two characters, "ı" and "ſ" stay themselves).
IGNORECASE_FOLD = {0x130: "i", 0x131: "i", 0x17F: "s"}


def folded(text: str, low: str | None = None) -> str:
    """``text`` lowered as re.IGNORECASE compares it, one character for one.

    A case-insensitive pattern's words, lowercased, are in this text wherever the pattern
    matches (cheap guards look for them first); ``low`` is ``text.lower()`` if at hand.
    """
    if text.isascii():
        return text.lower() if low is None else low
    if "\u0130" in text or "\u0131" in text or "\u017f" in text:  # rare: translate then
        return text.translate(IGNORECASE_FOLD).lower()
    return text.lower() if low is None else low
