"""Direct quotes and who said them, for the "What they said" section of actor pages.

News attributes quotes in a handful of shapes: ``"…," X said``, ``"…," said X``,
``X said: "…"``, ``X said there had been "…"`` and ``"…," he added``. A quote is kept
only when the speaker is a registered actor named right next to the speech verb, so
"a senior Hamas official said" is not credited to Hamas and "Netanyahu's spokesperson
said" is not credited to Netanyahu.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from generator.actors import Mention, Registry

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
_SENTENCE_END = re.compile(r"[.!?]+[\"”’»)]*(?=\s+[\"“«(]?[A-Z0-9])")
_PRONOUN_SPEECH = re.compile(rf"\b(?:[Hh]e|[Ss]he)\s+(?:{_VERBS})\b")
_PRONOUNS = _PRONOUN_PERSON | _PRONOUN_BODY
_MARKS = '“”"«»„'
_TAIL = re.compile(rf"\s*,?\s*(?P<np>[^.!?;:“”\"«»„]{{0,100}}?)\s*(?P<verb>{_VERBS})\b")
_FOLLOW = re.compile(r"\s+(?P<np>[^.!?;,“”\"«»„]{1,100})")


@dataclass(frozen=True)
class Quote:
    paragraph_index: int
    text: str  # the quoted words, without the quotation marks
    actor_id: str
    sentence: str  # the sentence (or sentences) holding the quote and its attribution


def quote_spans(text: str) -> list[tuple[int, int]]:
    """(opening mark, closing mark) positions of closed quotations, outermost only."""
    spans = []
    i, n = 0, len(text)
    while i < n:
        char = text[i]
        close = _PAIRS.get(char) or ('"' if char == '"' else None)
        if close is None:
            i += 1
            continue
        j = text.find(close, i + 1)
        if j < 0:
            break  # a quote running on into the next paragraph: no attribution here
        spans.append((i, j))
        i = j + 1
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
        mentions = (
            list(mentions_per_paragraph[index]) if index < len(mentions_per_paragraph) else []
        )
        mentions.sort(key=lambda m: m.start)
        spans = quote_spans(text)
        for open_at, close_at in spans:
            words = text[open_at + 1 : close_at].strip().rstrip(",;:").strip()
            state.read_mentions(mentions, index, before=open_at)
            if len(words.split()) < 2:
                continue
            speaker, attr_end = _attribute(
                text, open_at, close_at, mentions, state, index, registry
            )
            if speaker is None:
                continue
            state.spoke(speaker, index)
            sentence = _sentence(text, open_at, max(close_at + 1, attr_end), spans)
            out.append(Quote(index, words, speaker, sentence))
        state.read_mentions(mentions, index, before=len(text) + 1)
        if _PRONOUN_SPEECH.search(_outside(text, spans)):
            state.touch(index)
    return out


class _Speakers:
    """Who "he", "she" and "it" can refer to: the latest person or body, if recent."""

    def __init__(self, registry: Registry) -> None:
        self.registry = registry
        self.person: tuple[str | None, int] = (None, -9)
        self.body: tuple[str | None, int] = (None, -9)
        self.seen: set[tuple[int, int]] = set()

    def read_mentions(self, mentions: list[Mention], index: int, before: int) -> None:
        for m in mentions:
            if m.start >= before or (index, m.start) in self.seen:
                continue
            self.seen.add((index, m.start))
            self.note(m.actor_id, index)

    def note(self, actor_id: str, index: int) -> None:
        actor = self.registry.get(actor_id)
        if actor is None:
            return
        if actor.kind == "person":
            self.person = (actor_id, index)
        elif actor.kind in _BODY_KINDS:
            self.body = (actor_id, index)

    def spoke(self, actor_id: str, index: int) -> None:
        self.note(actor_id, index)

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
    text: str,
    open_at: int,
    close_at: int,
    mentions: list[Mention],
    state: _Speakers,
    index: int,
    registry: Registry,
) -> tuple[str | None, int]:
    """The speaker of one quotation and where its attribution ends."""
    after = close_at + 1
    # '"…," X said' puts the comma inside the quote or right after it: that is the attribution.
    tight = text[open_at + 1 : close_at].rstrip().endswith(",") or text[after:].lstrip()[:1] == ","
    if not tight:
        found, speaker = _leading(text, open_at, mentions, state, index, registry)
        if found:
            return speaker, after
    _, speaker, end = _trailing(text, after, mentions, state, index, registry)
    return speaker, end


def _trailing(
    text: str,
    after: int,
    mentions: list[Mention],
    state: _Speakers,
    index: int,
    registry: Registry,
) -> tuple[bool, str | None, int]:
    """'"…," X said', '"…," he added', '"…," said X'."""
    tail = _TAIL.match(text, after)
    if not tail:
        return False, None, after
    verb_end = tail.end()
    np = tail.group("np")
    if np.lower() in _PRONOUNS:
        return True, state.pronoun(np.lower(), index), verb_end
    if np:
        speaker = _subject(text, tail.start("np"), tail.start("verb"), mentions, registry)
        if speaker is None:
            state.unknown_speaker(index)
        return True, speaker, verb_end
    follow = _FOLLOW.match(text, verb_end)
    if not follow:
        return False, None, verb_end
    word = follow.group("np").split()[0].lower()
    if word in _PRONOUNS:
        return True, state.pronoun(word, index), follow.end()
    speaker = _object(text, follow.start("np"), follow.end(), mentions)
    if speaker is None:
        state.unknown_speaker(index)
    return True, speaker, follow.end()


def _leading(
    text: str,
    open_at: int,
    mentions: list[Mention],
    state: _Speakers,
    index: int,
    registry: Registry,
) -> tuple[bool, str | None]:
    """'X said: "…"' and 'X said on Tuesday there had been "…"'."""
    start = _sentence_start(text, open_at)
    lead = text[start:open_at]
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
    speaker = _subject(text, start, start + verb.start(), mentions, registry)
    if speaker is None:
        state.unknown_speaker(index)
    return True, speaker


def _subject(
    text: str, np_start: int, verb_start: int, mentions: list[Mention], registry: Registry
) -> str | None:
    """The actor heading the noun phrase right before a speech verb, if it is one."""
    for m in reversed(mentions):
        if not np_start <= m.start < verb_start or m.end > verb_start:
            continue
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


def _object(text: str, np_start: int, np_end: int, mentions: list[Mention]) -> str | None:
    """The speaker after the verb: ``said Qatari spokesperson Majed Al-Ansari``."""
    inside = [m for m in mentions if np_start <= m.start and m.end <= np_end]
    if not inside:
        return None
    head = inside[-1]
    between = text[np_start : head.start]
    rest = text[head.end : np_end]
    if (
        _NOT_HEAD.search(between)
        or rest.strip()
        and not re.match(r"\s+(?:on|in|at|last|this|during|after|before|when|while)\b", rest)
    ):
        return None
    return head.actor_id


def _no_quote_between(text: str, start: int, end: int) -> bool:
    return not any(c in text[start:end] for c in '“”"«»')


def _sentence_start(text: str, pos: int) -> int:
    start = 0
    for m in _SENTENCE_END.finditer(text):
        if m.end() > pos:
            break
        start = m.end()
    return start + (len(text[start:]) - len(text[start:].lstrip()))


def _outside(text: str, spans: list[tuple[int, int]]) -> str:
    """The text with quoted words masked, so their full stops end no sentence."""
    chars = list(text)
    for a, b in spans:
        for i in range(a + 1, b):
            chars[i] = "X"
    return "".join(chars)


def _sentence(text: str, start: int, end: int, spans: list[tuple[int, int]]) -> str:
    """The sentence(s) from before the quote to the end of its attribution."""
    plain = _outside(text, spans)
    first = 0
    for m in _SENTENCE_END.finditer(plain):
        if m.end() > start:
            break
        first = m.end()
    last = len(text)
    for m in _SENTENCE_END.finditer(plain, end):
        last = m.end()
        break
    return text[first:last].strip()
