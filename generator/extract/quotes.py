"""Direct quotes and who said them, for the "What they said" section of actor pages.

News attributes quotes in a handful of shapes: ``"…," X said``, ``"…," said X``,
``X said: "…"``, ``X said there had been "…"`` and ``"…," he added``. A quote is kept
only when the speaker is a registered actor named right next to the speech verb, so
"a senior Hamas official said" is not credited to Hamas and "Netanyahu's spokesperson
said" is not credited to Netanyahu.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from dataclasses import dataclass

from generator.extract.actors import Mention, Registry
from generator.text.sentences import sentence_ends

_VERBS = (
    "said|says|say|added|adds|told|tells|wrote|writes|stated|states|declared|declares|"
    "warned|warns|insisted|insists|noted|notes|explained|explains|stressed|stresses|"
    "emphasi[sz]ed|emphasi[sz]es|argued|argues|asked|asks|replied|replies|remarked|"
    "announced|announces|promised|promises|vowed|vows|pledged|pledges|posted|tweeted|"
    "continued|concluded|acknowledged|acknowledges|admitted|admits|claimed|claims|"
    "confirmed|confirms|urged|urges|recalled|predicted|cautioned|reiterated|conceded"
)
_VERB = re.compile(rf"\b(?:{_VERBS})\b")
# Between a speaker and the verb: an aside in commas, and adverbs of time or manner.
_BRIDGE = re.compile(
    r"(?:\s*,[^,.;:!?“”\"«»]{1,120},)?"
    r"(?:\s+(?:also|later|earlier|then|again|previously|once|has|had|have|would|"
    r"on\s+\w+|last\s+\w+|this\s+\w+))*\s*"
)
# What a speaker's noun phrase may not contain: a speaker who is someone else's.
_NOT_HEAD = re.compile(
    r"\b(?:of|for|to|with|by|from|at|in|on|near|close|and|or|who|that|which)\b|['’]s\b|[,;:]"
)
_PRONOUN_PERSON = frozenset({"he", "she"})
_PRONOUN_BODY = frozenset({"it"})
_BODY_KINDS = frozenset({"organisation", "armed group", "country"})
_PAIRS = {"“": "”", "«": "»", "„": "“"}
_OPENING = re.compile('[“«„"]')
_PRONOUN_SPEECH = re.compile(rf"\b(?:[Hh]e|[Ss]he)\s+(?:{_VERBS})\b")
# What every match of _PRONOUN_SPEECH holds; a scan for it skips from "e" to "e".
_PRONOUN_SPEECH_TAIL = re.compile(rf"e\s+(?:{_VERBS})\b")
_PRONOUNS = _PRONOUN_PERSON | _PRONOUN_BODY
_MARKS = '“”"«»„'
_TAIL = re.compile(rf"\s*,?\s*(?P<np>[^.!?;:“”\"«»„]{{0,100}}?)\s*(?P<verb>{_VERBS})\b")
# How far back from a quote or a verb the attribution is looked for (hostile text
# can hold one enormous paragraph; attribution is always local).
_WINDOW = 400
_FOLLOW = re.compile(r"\s+(?P<np>[^\s.!?;,“”\"«»„][^.!?;,“”\"«»„]{0,99})")


@dataclass(frozen=True)
class Quote:
    paragraph_index: int
    text: str  # the quoted words, without the quotation marks
    actor_id: str
    sentence: str  # the sentence (or sentences) holding the quote and its attribution


def quote_spans(text: str) -> list[tuple[int, int]]:
    """(opening mark, closing mark) positions of closed quotations, outermost only."""
    spans = []
    i = 0
    while opening := _OPENING.search(text, i):
        start = opening.start()
        end = text.find(_PAIRS.get(text[start], '"'), start + 1)
        if end < 0:
            break  # a quote running on into the next paragraph: no attribution here
        spans.append((start, end))
        i = end + 1
    return spans


def find_quotes(
    paragraphs: Sequence[str],
    mentions_per_paragraph: Sequence[Sequence[Mention]],
    registry: Registry,
) -> list[Quote]:
    """Quotes attributed to registered actors, in article order."""
    state = _Speakers(registry)
    out: list[Quote] = []
    for index, text in enumerate(paragraphs):
        given = mentions_per_paragraph[index] if index < len(mentions_per_paragraph) else ()
        para = _Paragraph(text, given)
        seen = 0
        for open_at, close_at in para.spans:
            while seen < len(para.mentions) and para.mentions[seen].start < open_at:
                state.note(para.mentions[seen].actor_id, index)
                seen += 1
            words = text[open_at + 1 : close_at].strip().rstrip(",;:").strip()
            if len(words.split()) < 2:
                continue
            speaker, attr_end = _attribute(para, open_at, close_at, state, index, registry)
            if speaker is None:
                continue
            state.note(speaker, index)
            sentence = para.sentence(open_at, max(close_at + 1, attr_end))
            out.append(Quote(index, words, speaker, sentence))
        for mention in para.mentions[seen:]:
            state.note(mention.actor_id, index)
        plain = para.plain
        if _PRONOUN_SPEECH_TAIL.search(plain) and _PRONOUN_SPEECH.search(plain):
            state.touch(index)
    return out


class _Paragraph:
    """One paragraph with what every quote in it needs, computed once."""

    def __init__(self, text: str, mentions: Sequence[Mention]) -> None:
        self.text = text
        self.mentions = sorted(mentions, key=lambda m: m.start)
        self.starts = [m.start for m in self.mentions]
        self.spans = quote_spans(text)
        # Quoted words masked, so their full stops end no sentence.
        if self.spans:
            pieces, pos = [], 0
            for a, b in self.spans:
                pieces += (text[pos : a + 1], "X" * (b - a - 1))
                pos = b
            pieces.append(text[pos:])
            self.plain = "".join(pieces)
        else:
            self.plain = text
        self._ends: list[int] | None = None

    @property
    def ends(self) -> list[int]:
        """Where sentences end, found on first need: most paragraphs hold no quote."""
        if self._ends is None:
            self._ends = sentence_ends(self.plain)
        return self._ends

    def sentence_start(self, pos: int) -> int:
        i = bisect_right(self.ends, pos)
        start = self.ends[i - 1] if i else 0
        while start < pos and self.text[start].isspace():
            start += 1
        return start

    def sentence(self, start: int, end: int) -> str:
        """The sentence(s) from before the quote to the end of its attribution."""
        i = bisect_left(self.ends, end)
        last = self.ends[i] if i < len(self.ends) else len(self.text)
        return self.text[self.sentence_start(start) : last].strip()

    def between(self, start: int, end: int) -> list[Mention]:
        """Mentions starting in [start, end) and ending by ``end``."""
        lo, hi = bisect_left(self.starts, start), bisect_left(self.starts, end)
        return [m for m in self.mentions[lo:hi] if m.end <= end]


class _Speakers:
    """Who "he", "she" and "it" can refer to: the latest person or body, if recent."""

    def __init__(self, registry: Registry) -> None:
        self.registry = registry
        self.person: tuple[str | None, int] = (None, -9)
        self.body: tuple[str | None, int] = (None, -9)

    def note(self, actor_id: str, index: int) -> None:
        actor = self.registry.get(actor_id)
        if actor is None:
            return
        if actor.kind == "person":
            self.person = (actor_id, index)
        elif actor.kind in _BODY_KINDS:
            self.body = (actor_id, index)

    def unknown_speaker(self, index: int) -> None:
        """An unregistered speaker: a later "he said" must not fall back to someone else."""
        self.person = (None, index)
        self.body = (None, index)

    def touch(self, index: int) -> None:
        if self.person[0] is not None and self.person[1] >= index - 1:
            self.person = (self.person[0], index)

    def pronoun(self, word: str, index: int) -> str | None:
        actor_id, seen_at = self.person if word in _PRONOUN_PERSON else self.body
        return actor_id if seen_at >= index - 1 else None


def _attribute(
    para: _Paragraph,
    open_at: int,
    close_at: int,
    state: _Speakers,
    index: int,
    registry: Registry,
) -> tuple[str | None, int]:
    """The speaker of one quotation and where its attribution ends."""
    text = para.text
    after = close_at + 1
    # '"…," X said' puts the comma inside the quote or right after it: that is the attribution.
    tight = text[open_at + 1 : close_at].rstrip().endswith(",") or text[
        after : after + 3
    ].lstrip().startswith(",")
    if not tight:
        found, speaker = _leading(para, open_at, state, index, registry)
        if found:
            return speaker, after
    return _trailing(para, after, state, index, registry)


def _trailing(
    para: _Paragraph, after: int, state: _Speakers, index: int, registry: Registry
) -> tuple[str | None, int]:
    """'"…," X said', '"…," he added', '"…," said X'."""
    text = para.text
    tail = _TAIL.match(text, after)
    if not tail:
        return None, after
    verb_end = tail.end()
    np = tail.group("np")
    if np.lower() in _PRONOUNS:
        return state.pronoun(np.lower(), index), verb_end
    if np:
        speaker = _subject(para, tail.start("np"), tail.start("verb"), registry)
        if speaker is None:
            state.unknown_speaker(index)
        return speaker, verb_end
    follow = _FOLLOW.match(text, verb_end)
    if not follow:
        return None, verb_end
    word = follow.group("np").split()[0].lower()
    if word in _PRONOUNS:
        return state.pronoun(word, index), follow.end()
    speaker = _object(para, follow.start("np"), follow.end())
    if speaker is None:
        state.unknown_speaker(index)
    return speaker, follow.end()


def _leading(
    para: _Paragraph, open_at: int, state: _Speakers, index: int, registry: Registry
) -> tuple[bool, str | None]:
    """'X said: "…"' and 'X said on Tuesday there had been "…"'."""
    start = max(para.sentence_start(open_at), open_at - _WINDOW)
    lead = para.text[start:open_at]
    verbs = list(_VERB.finditer(lead))
    if not verbs or any(c in lead for c in _MARKS):
        return False, None
    verb = verbs[-1]
    if len(lead[verb.end() :].split()) > 12:
        return False, None
    before = lead[: verb.start()].split()
    word = before[-1].lower() if before else ""
    if word in _PRONOUNS:
        return True, state.pronoun(word, index)
    speaker = _subject(para, start, start + verb.start(), registry)
    if speaker is None:
        state.unknown_speaker(index)
    return True, speaker


def _subject(para: _Paragraph, np_start: int, verb_start: int, registry: Registry) -> str | None:
    """The actor heading the noun phrase right before a speech verb, if it is one."""
    text = para.text
    for m in reversed(para.between(max(np_start, verb_start - _WINDOW), verb_start)):
        if not _BRIDGE.fullmatch(text[m.end : verb_start]):
            continue
        prefix = text[np_start : m.start]
        if _NOT_HEAD.search(prefix) and not _sentence_initial(prefix):
            return None
        actor = registry.get(m.actor_id)
        if actor is None:
            return None
        if actor.kind != "person" and prefix.strip().lower() not in ("", "the"):
            return None
        return m.actor_id
    return None


def _sentence_initial(prefix: str) -> bool:
    """A lead-in clause ending before the speaker: "On Sunday, Netanyahu said"."""
    parts = re.split(r"[,;:]\s*", prefix)
    return len(parts) > 1 and not _NOT_HEAD.search(parts[-1])


def _object(para: _Paragraph, np_start: int, np_end: int) -> str | None:
    """The speaker after the verb: ``said Qatari spokesperson Majed Al-Ansari``."""
    inside = para.between(np_start, np_end)
    if not inside:
        return None
    head = inside[-1]
    between = para.text[np_start : head.start]
    rest = para.text[head.end : np_end]
    if (
        _NOT_HEAD.search(between)
        or rest.strip()
        and not re.match(r"\s+(?:on|in|at|last|this|during|after|before|when|while)\b", rest)
    ):
        return None
    return head.actor_id
