"""Dated events of one article: each sentence that says something happened at a date."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from generator.extract.actors import Mention
from generator.extract.dates import Basis, DateMention, Modifier, find_date_mentions
from generator.text.sentences import split_sentences, without_connective

# Attribution that says who reported, not what happened: trimmed from event text.
_TRAILING_ATTRIBUTION = re.compile(
    r",?\s+(?:(?:the|a|an)\s+)?[\w .’'-]{0,60}?\s+(?:said|says|reported|reports|told\s+[\w .’'-]+|"
    r"according to [\w .’'-]+)(?:\s+(?:on\s+)?\w+day)?(?:\s+in a statement)?\s*\.?$",
    re.I,
)
# Every trailing attribution holds one of these words after a space: a cheap test before
# the costly pattern (opening with \s, it is tried only at spaces).
_ATTRIBUTION_WORD = re.compile(r"\s(?:said|says|report|told|according to)", re.I)
_LEADING_ATTRIBUTION = re.compile(r"^(?:according to [^,]{1,80},\s*)", re.I)
# A date used as a time reference for something else: "since October 7, 2023".
# ("before January 20" is a deadline, news in itself: not background.)
_SINCE = re.compile(r"\b(?:since|following)\s+(?:the\s+)?$", re.I)
# A dateline opening a story: "DOHA, Qatar —", "ISTANBUL (AA) -".
_DATELINE = re.compile(
    r"^(?:[A-Z][A-Z.' -]{2,30}(?:,\s*[A-Z][\w .]{1,30})?\s*(?:\([A-Za-z.]{1,10}\))?"
    # or in title case, then only with its agency: "Cairo, Egypt (CNN) --"
    r"|[A-Z][\w.' -]{2,30}(?:,\s*[A-Z][\w .]{1,30})?\s*\([A-Za-z.]{2,10}\))\s*[—–-]+\s+"
)
# A date inside a noun phrase naming a past happening: "its October 7, 2023 attack".
_NAMED_BEFORE = re.compile(r"(?:\b(?:its|the|their|his|her|that|an?)|\w['’]s)\s+$", re.I)
_NAMED_AFTER = re.compile(
    r"^\s*((?:[A-Z][\w-]+\s+)?[a-z][a-z-]+"
    r"(?:\s+(?:on|in|against)(?:\s+[A-Za-z][\w-]*){1,3}?(?=[,.;:]))?)"
)
_QUOTE_MARKS = re.compile(r"[\"“”«»]")


@dataclass(frozen=True)
class EventMention:
    """A sentence of one article stating that something happened at a resolved date."""

    value: str
    modifier: Modifier | None
    text: str
    sentence: str
    date_text: str
    paragraph: int
    actor_ids: tuple[str, ...]  # named anywhere in the sentence
    # "since October 7, 2023": the date is context, not news; kept once across the corpus.
    background: bool = False
    # For background dates: the happening the date names ("the October 7, 2023 attack").
    named: str = ""
    # What the date was resolved against ("publication": a year-less day whose year the
    # article's date gave, which the corpus may know better; "estimated": counted from a
    # publication date that is only a lower bound).
    basis: Basis = "absolute"
    # Named in ``text``, the sentence as shown (not in a trimmed "..., Qatar's ministry said").
    text_actor_ids: tuple[str, ...] = ()


def without_dateline(sentence: str) -> str:
    """The sentence without the dateline that opens a story ("DOHA, Qatar — ")."""
    text = sentence.strip()
    return _DATELINE.sub("", text) if text[:1].isupper() else text


def event_text(sentence: str) -> str:
    """The sentence trimmed of who-said-it and of an opening connective ("But"), so the
    entry says what happened on its own.

    A sentence that quotes someone keeps its attribution: the speaker is the news.
    """
    text = _LEADING_ATTRIBUTION.sub("", _DATELINE.sub("", without_connective(sentence)))
    trimmed = _TRAILING_ATTRIBUTION.sub("", text) if _ATTRIBUTION_WORD.search(text) else text
    if len(trimmed.split()) >= 3 and not _QUOTE_MARKS.search(text):
        text = trimmed
    text = text.strip().rstrip(",;:")
    if text and text[-1] not in '.!?"”’':
        text += "."
    return text[0].upper() + text[1:] if text else text


def find_events(
    paragraphs: list[str],
    mentions: list[list[Mention]],
    published: dt.date | None,
    published_exact: bool = True,
) -> list[EventMention]:
    """Every sentence of the article that dates something, with the actors it names
    (``published_exact`` False: the publication date is an estimate, a lower bound)."""
    events: list[EventMention] = []
    by_paragraph = _dates_by_paragraph(paragraphs, published, published_exact)
    for index, (paragraph, dates) in enumerate(zip(paragraphs, by_paragraph, strict=True)):
        if not dates:
            continue
        for offset, sentence in split_sentences(paragraph):
            end = offset + len(sentence)
            inside = [d for d in dates if offset <= d.start < end]
            if not inside:
                continue
            chosen, background, named = _main_date(paragraph, inside)
            named_here = [m for m in mentions[index] if offset <= m.start < end]
            text = event_text(sentence)
            shown = {m.actor_id for m in named_here if m.text in text}
            events.append(
                EventMention(
                    value=chosen.value,
                    modifier=chosen.modifier,
                    text=text,
                    sentence=sentence.strip(),
                    date_text=chosen.text,
                    paragraph=index,
                    actor_ids=tuple(sorted({m.actor_id for m in named_here})),
                    background=background,
                    named=named,
                    basis=chosen.basis,
                    text_actor_ids=tuple(sorted(shown)),
                )
            )
    return events


def _dates_by_paragraph(
    paragraphs: list[str], published: dt.date | None, published_exact: bool
) -> list[list[DateMention]]:
    """Dates found over the whole text at once, so "two weeks later" and a year written in
    an earlier paragraph anchor what follows; offsets are made paragraph-relative."""
    text = "\n\n".join(paragraphs)
    starts, position = [], 0
    for paragraph in paragraphs:
        starts.append(position)
        position += len(paragraph) + 2
    out: list[list[DateMention]] = [[] for _ in paragraphs]
    index = 0
    for mention in find_date_mentions(text, published, published_exact):
        while index + 1 < len(starts) and mention.start >= starts[index + 1]:
            index += 1
        shift = starts[index]
        if mention.end - shift > len(paragraphs[index]):
            continue  # a span across a paragraph break is no date of either
        out[index].append(mention.moved(-shift))
    return out


def _background(paragraph: str, date: DateMention) -> tuple[bool, str]:
    """Whether the date is background, and the happening it names if it names one."""
    named = _named_happening(paragraph, date)
    if named:
        return True, named
    before = paragraph[max(0, date.start - 20) : date.start]
    return bool(_SINCE.search(before)), named


def _named_happening(paragraph: str, date: DateMention) -> str:
    """ "The October 7, 2023 attack in southern Israel" when the date names a happening."""
    before = paragraph[max(0, date.start - 20) : date.start]
    if not _NAMED_BEFORE.search(before):
        return ""
    after = _NAMED_AFTER.match(paragraph[date.end : date.end + 60])
    if not after:
        return ""
    return f"The {date.text} {after.group(1).strip()}"


def _main_date(paragraph: str, dates: list[DateMention]) -> tuple[DateMention, bool, str]:
    """The date the sentence is about: the first one that is not mere background; with
    whether it is background (only when all are) and the happening it names."""
    first: tuple[DateMention, bool, str] | None = None
    for date in dates:
        background, named = _background(paragraph, date)
        if not background:
            return date, False, named
        if first is None:
            first = (date, True, named)
    assert first is not None
    return first
