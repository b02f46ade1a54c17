"""The lines of a text dump, each described by what it is: its words, marks and shape.

Paragraphs hard-wrapped over several lines are joined back first.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from itertools import repeat

from generator.ingest.words import FURNITURE_WORDS, STOPWORDS, text_key
from generator.text.sentences import ENDS_SENTENCE

SPACES = re.compile(r"[\s\u00a0\u2000-\u200b\u202f\u205f\u3000\ufeff]+")
MD_IMAGE = re.compile(r"!\[[^\]]*\]\([^)]*\)")
MD_LINK = re.compile(r"\[([^\]]*)\]\((?:[^)(]|\([^)]*\))*\)")
BARE_URL = re.compile(r"https?://\S+|www\.\S+\.\S+")
MD_HEADING = re.compile(r"^#{1,6}\s+")
BULLET = re.compile(r"^(?:[-*•·▪►»>]+|\d{1,2}[.)])\s+")
# "NextImg:Qatar confirms": a scraper's token glued to the text.
GLUED_PREFIX = re.compile(r"^[A-Za-z][a-z]+[A-Z][A-Za-z]*:(?=[A-Z\"“‘'])")
# Scripts written without spaces between words (Chinese, Japanese kana): their length is
# counted in characters, two to a word (calibrated so that a 20-character Chinese headline
# counts as a 10-word one, as its English translation would).
CJK = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
_CHARS_PER_WORD = 2
WORD = re.compile(r"[^\W\d_][\w'’-]*")
QUOTE_START = re.compile(r"^[\"“‘'«„]")
NUMBER_START = re.compile(r"^[\d$€£%]")


@dataclass
class Line:
    no: int  # 1-based line number in the raw page (first line of a joined paragraph)
    nos: tuple[int, ...]
    raw: str
    text: str
    words: int
    stop: int
    furniture: int
    ends_sentence: bool
    heading_hint: bool = False
    bullet: bool = False
    links: int = 0
    label: str = ""  # good | short | boiler | meta | caption
    reason: str = ""
    end_mark: bool = False
    # A gallery's counter ("3/50 ..."): the lines after it are a picture's caption.
    gallery: bool = False
    # An end mark that may stand inside the article too (an inline "Related" box).
    soft_end: bool = False
    date: object = None
    author: str | None = None
    # A name read from a bare line ("Jane Doe" beside the date), not from a "By" or a role.
    weak_author: bool = False
    key: str = ""
    lower: list[str] | None = None
    cjk: int = 0  # characters of a script written without spaces

    @property
    def stop_ratio(self) -> float:
        return self.stop / self.words if self.words else 0.0


def _clean(raw: str) -> tuple[str, bool, bool, int]:
    # Each pattern runs only when its marker is there: this is done for every line.
    text = " ".join(raw.split()) if raw.isascii() else SPACES.sub(" ", raw).strip()
    if not text:
        return text, False, False, 0
    heading = text[0] == "#" and bool(MD_HEADING.match(text))
    if heading:
        text = MD_HEADING.sub("", text)
    links = 0
    if "](" in text:
        links = len(MD_LINK.findall(text)) + len(MD_IMAGE.findall(text))
        if links:
            text = MD_IMAGE.sub(" ", text)
            text = MD_LINK.sub(r"\1", text)
    if "**" in text or "__" in text:
        text = text.replace("**", "").replace("__", "")
    if len(text) > 2 and text[0] == text[-1] and text[0] in "_*":
        text = text[1:-1].strip()  # a Markdown emphasis line: often a caption
    bullet = (
        bool(text)
        and not text[0].isalpha()
        and bool(BULLET.match(text))
        and not NUMBER_START.match(text)
    )
    if bullet:
        text = BULLET.sub("", text)
    if ":" in text[:16]:
        text = GLUED_PREFIX.sub("", text).strip()
    return text, heading, bullet, links


_TOKEN_MARKS = ".,:;!?\"“”'’()[]«»"  # stripped from a token's ends


def describe(no: int, raw: str) -> Line | None:
    if not raw or raw.isspace():
        return None
    text, heading, bullet, links = _clean(raw)
    if not text:
        return None
    # Lowering the whole text first gives the same tokens: no character lowers to a space
    # or to one of the stripped marks.
    lower = list(map(str.strip, text.lower().split(), repeat(_TOKEN_MARKS)))
    cjk = 0 if text.isascii() else len(CJK.findall(text))
    words = len(lower)
    if cjk:
        spaced = sum(1 for w in lower if not CJK.search(w))
        words = max(words, spaced + (cjk + 1) // _CHARS_PER_WORD)
    return Line(
        key=text_key(text),
        lower=lower,
        no=no,
        nos=(no,),
        raw=raw,
        text=text,
        words=words,
        cjk=cjk,
        stop=sum(map(STOPWORDS.__contains__, lower)),
        furniture=sum(map(FURNITURE_WORDS.__contains__, lower)),
        ends_sentence=bool(ENDS_SENTENCE.search(text)),
        heading_hint=heading,
        bullet=bullet,
        links=links,
    )


def wrap_width(raw_lines: list[str]) -> int | None:
    """The width a page was hard-wrapped at, if it was (long lines all end near one width)."""
    lengths = sorted(len(r.rstrip()) for r in raw_lines if len(r.strip()) >= 40)
    if len(lengths) < 5:
        return None
    width = lengths[int(len(lengths) * 0.95) - 1]
    if width > 120:
        return None
    near = sum(1 for n in lengths if n >= width - 15)
    return width if near >= 0.5 * len(lengths) else None


def join_wrapped(lines: list[Line], width: int | None) -> list[Line]:
    """Rejoin paragraphs hard-wrapped over several lines.

    On a page wrapped at a width, a line that reaches the width goes on in the next
    line; anywhere, a line that continues in lowercase after a line without a full stop
    is the same sentence.
    """
    out: list[Line] = []
    for line in lines:
        prev = out[-1] if out else None
        if prev is None or line.no != prev.nos[-1] + 1 or prev.heading_hint or prev.bullet:
            out.append(line)
            continue
        last_raw = prev.raw.rsplit("\n", 1)[-1].rstrip()
        emphasis = last_raw[:1] in "_*" and last_raw[-1:] in "_*"  # a caption line
        wrapped = (
            not emphasis
            and width is not None
            and width - 20 <= len(last_raw) <= width + 2  # longer lines were not wrapped
            and not line.heading_hint
            and not line.bullet
        )
        continued = prev.words >= 6 and not prev.ends_sentence and line.text[:1].islower()
        if wrapped or continued:
            merged = describe(prev.no, prev.text + " " + line.text)
            assert merged is not None
            merged.nos = prev.nos + (line.no,)
            merged.raw = prev.raw + "\n" + line.raw
            out[-1] = merged
        else:
            out.append(line)
    return out
