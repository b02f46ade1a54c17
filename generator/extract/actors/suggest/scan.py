"""Reading names out of running text by their shape, for the actor suggester.

Two passes over the corpus. The first learns how the corpus writes each word: a word
written in lower case more often than capitalised in mid-sentence ("police",
"president", "new") is a common word, whatever its capital at a sentence start; the
multi-word names seen in mid-sentence are remembered so that a sentence-initial
"New York" is not read as "York". The second pass cuts runs of capitalised words at
their real boundaries (titles and roles before a name split off and kept as a role,
"X and Y" kept for later splitting, possessives and "-led" tails dropped) and records
each mention with the evidence the later steps need: where it stands, what precedes
it, an apposition after it, an acronym defined beside it, a byline around it.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field, replace

from generator.extract.actors.suggest.words import (
    ABBREVIATIONS,
    CONNECTORS,
    FUNCTION_WORDS,
    HYPHEN_TAILS,
    LEADING_PARTICLES,
    LOCATIVES,
    MEDIA_NOUNS,
    MONTHS,
    NAME_PARTICLES,
    NOT_NAMES,
    ORG_WORDS,
    PLACE_WORDS,
    PRESENTER_VERBS,
    PROGRAMME_NOUNS,
    REPORTER_ROLES,
    TITLES,
    WEEKDAYS,
)
from generator.text.folding import fold

# A sentence with this share of capitalised words (and a capitalised small word such as
# "Of" or "The" inside it) is a headline of another page, not running text. Calibrated on
# the five timeline17-dev stories: sidebar headlines sit above 0.6, news prose below 0.4.
HEADLINE_SHARE = 0.6
# A sentence with this many upper-case words (3+ letters) is shouting or a heading.
SHOUT_WORDS = 4
# Paragraphs at an article's top: its example sentences are preferred (comments and
# sidebars sit lower down).
LEAD_PARAGRAPHS = 4
# No name is longer: "International Committee of the Red Cross" has 6 words, the longest
# names on timeline17-dev 8. Longer runs are lists or headings (and hostile text).
MAX_NAME_WORDS = 12
# An apposition longer than this many words is a clause, not a description.
APPOSITION_WORDS = 12

_TOKEN = re.compile(
    r"(?P<acr>(?:[A-Za-z]\.){2,}(?![A-Za-z]))"
    r"|(?P<word>[^\W\d_][\w'’\-&]*(?<![-'’&]))"
    r"|(?P<num>\d(?:[\d,.:]*\d)?[^\W\d_]*)"
    r"|(?P<punct>[^\w\s])"
)
_SENTENCE_END = frozenset(".!?")
# Capitalisation after these is not evidence of a name.
_OPENERS = frozenset("“\"‘'`([{:;—–|•*>#")
_APPOSITION = re.compile(
    r",\s*((?:the |a |an |[A-Z][\w.&'’-]*(?:'s|’s) )?[a-z][^,;:.!?\"“”()\[\]]{2,120}?)\s*[,.;]"
)
# A credit line: every name in it is one of the corpus's own journalists.
_CREDIT = re.compile(
    r"contributed to (?:this|the) (?:report|story|article)|contributed reporting"
    r"|(?:additional )?reporting by|(?:writing|editing|compiled|produced) by",
    re.IGNORECASE,
)
_NOT_APPOSITION = frozenset({
    "who", "which", "that", "and", "but", "or", "said", "says", "told", "is", "was", "has",
    "had", "have", "will", "would", "could", "can", "may", "might", "as", "if", "when",
    "where", "while", "after", "before", "because", "so", "then", "also", "in", "on", "at",
    "for", "with", "from", "to", "by", "of", "not", "according", "added", "wrote", "tweeted",
    "did", "does", "do", "are", "were", "be", "been", "being", "they", "he", "she", "it",
    "we", "you", "i", "there", "this", "these", "those", "its", "his", "her", "their",
})  # fmt: skip


# Verbs that follow a name as its subject: "Mubarak says", not an adjective's noun.
_VERBS = frozenset({
    "says", "has", "is", "was", "does", "tells", "wants", "adds", "claims", "denies",
    "remains", "seems", "insists", "warns", "urges", "needs", "plans", "hopes", "believes",
    "thinks", "knows", "says,", "spoke", "speaks", "went", "came", "made", "gave", "took",
    "can", "must", "should", "may", "might", "shall", "had", "did",
})  # fmt: skip


_COPULAS = frozenset({"is", "are", "was", "were", "be", "been", "say", "said", "says"})


@dataclass(slots=True)
class Token:
    text: str  # the name part: possessive and "-led" tail removed
    start: int
    end: int
    kind: str  # "acr", "word", "num", "punct"
    initial: bool = False  # capitalisation here may be the sentence's, not the name's
    cut_after: bool = False  # a possessive or adjective tail: the name ends here


@dataclass
class Profile:
    """How the corpus writes each word, learnt in the first pass (then ``finish``)."""

    lower: Counter = field(default_factory=Counter)  # folded lower-case form -> count
    capital_mid: Counter = field(default_factory=Counter)  # capitalised, not sentence-initial
    runs_mid: set[str] = field(default_factory=set)  # multi-word runs seen in mid-sentence
    # Raw spellings counted while learning, folded once by ``finish`` (folding each token
    # as it comes costs a third of the first pass).
    raw_lower: Counter = field(default_factory=Counter)
    raw_capital: Counter = field(default_factory=Counter)
    _folded: dict[str, str] = field(default_factory=dict)

    def finish(self) -> None:
        for raw, target in ((self.raw_lower, self.lower), (self.raw_capital, self.capital_mid)):
            for word, n in raw.items():
                target[self.fold(word)] += n
            raw.clear()

    def fold(self, word: str) -> str:
        folded = self._folded.get(word)
        if folded is None:
            folded = self._folded[word] = fold(word).lower()
        return folded

    def common(self, word: str) -> bool:
        """More often written in lower case than capitalised inside a sentence."""
        low = self.fold(word)
        return self.lower[low] > self.capital_mid[low]

    def proper(self, word: str) -> bool:
        """A word the corpus capitalises inside sentences and rarely writes in lower case."""
        low = self.fold(word)
        return self.capital_mid[low] > 0 and self.lower[low] * 2 < self.capital_mid[low]


@dataclass(frozen=True)
class Mention:
    """One name as written in one place, with the evidence around it."""

    name: str
    initial: bool  # at a sentence start (its capital proves nothing)
    role: str = ""  # a title written before it, "Foreign Minister"
    titled: bool = False  # a person's title or honorific before it (also in lower case)
    after_the: bool = False  # "the Pentagon": organisations and places, rarely persons
    locative: bool = False  # "in Cairo" (not "in Mubarak's speech")
    after_number: bool = False  # "8 a.m. ET", "2100 GMT": a unit, not a name
    reporter: bool = False  # byline, "CNN's Jane Doe", ", BBC correspondent"
    apposition: str = ""  # ", Acme's chief executive,"
    pair: tuple[str, str] | None = None  # "Tunisia and Egypt" -> both parts
    acronym: str = ""  # "World Health Organization (WHO)" -> "WHO"
    plain: bool = False  # every word an ordinary word ("Swine Flu"): not a person's name
    common_first: bool = False  # starts with an ordinary word: not a given name
    before_noun: bool = False  # "Arab countries": written as an adjective here
    next_word: str = ""  # the lower-case word right after it ("militants", "said")
    aged: bool = False  # "Jane Doe, 57, said": only people have ages in apposition
    media: bool = False  # "the AFP news agency", "told newspaper X": an outlet
    sentence: str = ""
    lead: bool = False  # in an article's first paragraphs: the reporter's words, not comments


def tokens(text: str) -> list[Token]:
    """Words, dotted acronyms, numbers and punctuation, with sentence-initial flags."""
    out: list[Token] = []
    initial = True
    prev: Token | None = None
    for match in _TOKEN.finditer(text):
        kind = match.lastgroup or "punct"
        raw = match.group()
        token = Token(raw, match.start(), match.end(), kind, initial)
        if kind == "word":
            _trim_word(token)
        out.append(token)
        if kind == "punct":
            if raw in _SENTENCE_END:
                initial = not (
                    prev is not None
                    and prev.kind == "word"
                    and (prev.text.lower() in ABBREVIATIONS or _is_initial_letter(prev.text))
                    and prev.end == match.start()
                )
            elif raw in _OPENERS or raw == "-" and _spaced(text, match.start()):
                initial = True
            elif raw not in "'’":
                initial = False
        elif kind == "acr":
            initial = raw[-2].islower() and match.end() < len(text)  # "p.m. Cairo"
        else:
            initial = False
        prev = token
    return out


def _spaced(text: str, i: int) -> bool:
    return (i == 0 or text[i - 1].isspace()) and (i + 1 >= len(text) or text[i + 1].isspace())


def _trim_word(token: Token) -> None:
    text = token.text
    if "'" not in text and "’" not in text and "-" not in text:
        return
    if text.endswith(("'s", "’s")) and len(text) > 2:
        token.text, token.cut_after = text[:-2], True
    elif text.endswith(("'", "’")):
        token.text, token.cut_after = text.rstrip("'’"), True
    head, sep, tail = token.text.rpartition("-")
    if sep and head and tail.lower() in HYPHEN_TAILS:
        token.text, token.cut_after = head, True


def _is_initial_letter(word: str) -> bool:
    return len(word) == 1 and word.isupper()


def is_capitalised(word: str) -> bool:
    """Starts with a capital (after a particle such as "al-"): a name word by shape."""
    if not word:
        return False
    if word[0].isupper():
        return True
    if "-" not in word:
        return False
    lower = word.lower()
    for particle in NAME_PARTICLES:
        if lower.startswith(particle) and len(word) > len(particle):
            word = word[len(particle) :]
            break
    return bool(word) and word[0].isupper()


def is_acronym(word: str) -> bool:
    letters = [c for c in word if c.isalpha()]
    return 2 <= len(letters) <= 6 and all(c.isupper() for c in letters)


def _sentences(toks: list[Token]) -> Iterable[list[Token]]:
    start = 0
    for i, token in enumerate(toks):
        if i > start and token.initial and toks[i - 1].text in _SENTENCE_END:
            yield toks[start:i]
            start = i
    if start < len(toks):
        yield toks[start:]


def _skip_sentence(sentence: list[Token]) -> bool:
    """A headline of another page, or shouting: its capitals are not evidence of names."""
    words = [t for t in sentence if t.kind == "word"]
    if len(words) < 4:
        return False
    upper = sum(1 for t in words if len(t.text) >= 3 and t.text.isupper())
    if upper >= SHOUT_WORDS and upper * 2 >= len(words):
        return True
    capital = [t for t in words if t.text[0].isupper()]
    small = any(t.text.lower() in FUNCTION_WORDS and not t.initial for t in capital)
    return small and len(capital) >= HEADLINE_SHARE * len(words)


def learn(paragraphs: Iterable[str], profile: Profile) -> None:
    """First pass: lower-case and mid-sentence capital counts, mid-sentence runs."""
    for paragraph in paragraphs:
        toks = tokens(paragraph)
        for sentence in _sentences(toks):
            if _skip_sentence(sentence):
                continue
            run: list[str] = []
            for token in sentence:
                if token.kind != "word":
                    if len(run) > 1 and token.text != ".":
                        profile.runs_mid.add(_key(run))
                    if token.text != "." or not run or not _is_initial_letter(run[-1]):
                        run = []
                    continue
                word = token.text
                if word[0].islower() and not is_capitalised(word):
                    profile.raw_lower[word] += 1
                    if word.lower() in CONNECTORS and run:
                        run.append(word)
                        continue
                    if len(run) > 1:
                        profile.runs_mid.add(_key(_trim_connectors(run)))
                    run = []
                elif not token.initial:
                    profile.raw_capital[word] += 1
                    if not run or sentence[0] is not token:
                        run.append(word)
                else:
                    run = []
                if token.cut_after:
                    if len(run) > 1:
                        profile.runs_mid.add(_key(_trim_connectors(run)))
                    run = []
            if len(run) > 1:
                profile.runs_mid.add(_key(_trim_connectors(run)))


def _trim_connectors(run: list[str]) -> list[str]:
    while run and run[-1].lower() in CONNECTORS:
        run = run[:-1]
    return run


def _key(words: list[str]) -> str:
    return " ".join(fold(w).lower() for w in words)


def scan(paragraphs: Iterable[str], profile: Profile, outlets: frozenset[str]) -> list[Mention]:
    """Second pass over one article: every name mention with its evidence."""
    out: list[Mention] = []
    for index, paragraph in enumerate(paragraphs):
        toks = tokens(paragraph)
        for sentence in _sentences(toks):
            if _skip_sentence(sentence):
                continue
            text = paragraph[sentence[0].start : sentence[-1].end]
            credit = _CREDIT.search(text) is not None
            for run, before, after in _runs(sentence, profile):
                if len(run) > MAX_NAME_WORDS:
                    continue  # a list or a heading run together, not a name
                for part, part_before in _parts(run, before, profile):
                    found = _read_run(part, part_before, after, paragraph, text, profile, outlets)
                    if found and (index < LEAD_PARAGRAPHS or credit):
                        lead = index < LEAD_PARAGRAPHS
                        found = [
                            replace(m, lead=lead, reporter=m.reporter or credit) for m in found
                        ]
                    out += found
    return out


_CONTRACTION = re.compile(r"['’](?:ve|ll|re|d|m|t)$", re.I)


def _name_like(token: Token, following: Token | None, profile: Profile) -> bool:
    """A token that can be part of a name, by its shape (and drop a common "-word" tail)."""
    if token.kind == "acr":
        return token.text[0].isupper()  # "U.S.", not "a.m."
    text = token.text
    if token.kind != "word" or not is_capitalised(text):
        return False
    if text.lower() in MONTHS or text.lower() in WEEKDAYS or text == "I":
        return False
    if any(c.isdigit() for c in text) or _CONTRACTION.search(text):
        return False  # codes ("H1N1"), "I've"
    if text.isupper() and len(text) > 6:
        return False  # shouting
    if text.isupper() and len(text) > 2 and following is not None and following.text == ":":
        return False  # a speaker's label "DIMON:"
    head, sep, tail = text.rpartition("-")
    if sep and head and tail.islower() and profile.lower[tail] >= 2:
        alone, joined = (
            profile.capital_mid[fold(head).lower()],
            profile.capital_mid[fold(text).lower()],
        )
        if alone > joined:
            token.text, token.cut_after = head, True  # "Tamiflu-resistant", not "Ki-moon"
    return True


def _joins(word: str, previous: str) -> bool:
    """A small word continues a name: "of the", "bin", "Centers for"; not "and for", nor
    "the" after a name ("Tamiflu the GLA")."""
    if word == "the":
        return previous in ("of", "and", "for")
    if previous in CONNECTORS:
        return word in LEADING_PARTICLES
    return True


def _runs(
    sentence: list[Token], profile: Profile
) -> Iterable[tuple[list[Token], list[Token], list[Token]]]:
    """Runs of name-shaped tokens, with the tokens before and after each."""
    run: list[Token] = []
    start = 0
    i = 0
    n = len(sentence)
    while i < n:
        token = sentence[i]
        name_like = _name_like(token, sentence[i + 1] if i + 1 < n else None, profile)
        if name_like:
            if not run:
                start = i
            run.append(token)
            dot_next = i + 1 < n and sentence[i + 1].text == "."
            if _is_initial_letter(token.text) and dot_next and run[0] is not token:
                i += 1  # "George W. Bush": the initial's full stop stays in the name
            if token.cut_after:
                yield run, sentence[max(0, start - 3) : start], sentence[i + 1 : i + 4]
                run = []
        elif (
            run
            and token.kind == "word"
            and token.text.lower() in CONNECTORS
            and _joins(token.text.lower(), run[-1].text.lower())
        ):
            run.append(token)
        else:
            if run:
                yield run, sentence[max(0, start - 3) : start], sentence[i : i + 4]
            run = []
        i += 1
    if run:
        yield run, sentence[max(0, start - 3) : start], []


def _parts(
    run: list[Token], before: list[Token], profile: Profile
) -> list[tuple[list[Token], list[Token]]]:
    """A run cut where two names meet: "U.S. | Centers for Disease Control", "Anne Doe of | WHO"."""
    from generator.extract.actors.suggest.places import country_of

    words = [t.text.lower() for t in run]
    if len(run) >= 2 and before and _numeric(before[-1]) and is_acronym(run[0].text):
        return _parts(run[1:], [*before, run[0]][-3:], profile)  # "08.43 BST Tony Blair"
    country = country_of(run[0].text) if len(run) >= 2 else None
    if country is not None and words[1] not in CONNECTORS:
        rest = run[1:]
        # "U.S. State Department", "Egyptian Hosni Mubarak"; not "Jordan Henderson", nor an
        # organisation named with its demonym ("Syrian National Council").
        written = fold(run[0].text).lower()
        adjective = written != fold(country.name).lower()
        demonym = written.rstrip("s") == fold(country.demonym).lower()
        org = any(w in ORG_WORDS for w in words[1:]) and not demonym
        if (len(run) >= 3 or adjective) and (org or _names_person(rest, profile)):
            return [([run[0]], before), *_parts(rest, [*before, run[0]][-3:], profile)]
    for joint in ("of", "for"):
        if joint not in words:
            continue
        i = words.index(joint)
        left, right = run[:i], run[i + 1 :]
        while right and right[0].text.lower() in ("the", "of"):
            right = right[1:]
        if left and right and _names_person(left, profile):
            return [(left, before), (right, [*before, *left][-3:])]
    return [(run, before)]


def _names_person(run: list[Token], profile: Profile) -> bool:
    """Proper words only, after any titles: "Dr Anne Doe" (of the WHO)."""
    titles = [j for j, t in enumerate(run) if t.text.lower().rstrip(".") in TITLES]
    i = titles[-1] + 1 if titles else 0  # after "Foreign Minister", "Dr"
    return 0 < len(run) - i and all(_person_part(t, profile) for t in run[i:])


def _person_part(token: Token, profile: Profile) -> bool:
    word = token.text.lower()
    if word in TITLES or word in ORG_WORDS or word in PLACE_WORDS or word in FUNCTION_WORDS:
        return False
    return token.kind == "word" and not is_acronym(token.text) and profile.proper(token.text)


def _small(token: Token) -> bool:
    """A word that may be a small word ("The", "And"); "US" and "WHO" are names."""
    return token.kind == "word" and not (len(token.text) > 1 and token.text.isupper())


def _read_run(
    run: list[Token],
    before: list[Token],
    after: list[Token],
    paragraph: str,
    sentence: str,
    profile: Profile,
    outlets: frozenset[str],
) -> list[Mention]:
    while (
        run
        and _small(run[-1])
        and (run[-1].text.lower() in CONNECTORS or run[-1].text.lower() in FUNCTION_WORDS)
    ):
        run = run[:-1]  # "Haiti There", a missing full stop
    if not run:
        return []
    initial = run[0].initial
    # A sentence start's capital proves nothing: drop leading small words, and a
    # common first word unless the corpus writes the whole run mid-sentence too.
    while (
        run
        and _small(run[0])
        and (
            run[0].text.lower() in FUNCTION_WORDS
            or run[0].text.lower() in CONNECTORS
            and run[0].text.lower() not in LEADING_PARTICLES
        )
    ):
        before = [*before, run[0]][-3:]
        run = run[1:]
        initial = True
    if not run:
        return []
    words = [t.text for t in run]
    if (
        initial
        and len(run) > 1
        and profile.common(words[0])
        and words[0].lower() not in TITLES
        and _key(words) not in profile.runs_mid
    ):
        before = [*before, run[0]][-3:]
        run = run[1:]
        words = words[1:]
    role, run = _split_role(run, profile)
    if len(run) > 1 and len({t.text.lower() for t in run}) == 1:
        run = run[:1]  # "Jacmel Jacmel": a heading run into its text
    if not run:
        return []
    words = [t.text for t in run]
    name = _join(run)
    if not _worth(run, initial and not role, profile):
        return []
    prev = [t.text.lower() for t in before if t.kind == "word"]
    prev_word = prev[-1] if prev else ""
    titled = bool(role) or prev_word in TITLES
    mention_start, mention_end = run[0].start, run[-1].end
    apposition = _apposition(paragraph, mention_end)
    reporter = _reporter(before, prev, apposition, outlets, sentence, run[0]) or _presenter(
        run, after
    )
    pair = _pair(run)
    acronym = _acronym_beside(after, words)
    out = [
        Mention(
            name=name,
            initial=initial and not role,
            role=role,
            titled=titled,
            after_the=prev_word == "the",
            locative=prev_word in LOCATIVES and not run[-1].cut_after,
            after_number=len(run) == 1 and bool(before) and _numeric(before[-1]),
            reporter=reporter,
            apposition=apposition,
            pair=pair,
            acronym=acronym,
            plain=all(profile.common(w) or w.lower() in CONNECTORS for w in words),
            common_first=profile.common(words[0]),
            before_noun=_before_noun(after),
            aged=_aged(after),
            next_word=after[0].text
            if after and after[0].kind == "word" and after[0].text.islower()
            else "",
            media=_beside_media(before, after),
            sentence=sentence if mention_start >= 0 else "",
        )
    ]
    return out


def _split_role(run: list[Token], profile: Profile) -> tuple[str, list[Token]]:
    """("Egyptian President", [Hosni, Mubarak]) from "Egyptian President Hosni Mubarak"."""
    last = -1
    for i, token in enumerate(run):
        word = token.text.lower().rstrip(".")
        if token.kind == "word" and word in CONNECTORS:
            continue
        if word in TITLES or word in ORG_WORDS or not _proper_token(token, profile):
            last = i
    if last < 0 or last == len(run) - 1:
        return "", run
    head = run[: last + 1]
    if not any(t.text.lower().rstrip(".") in TITLES for t in head):
        return "", run
    tail = run[last + 1 :]
    if tail[0].kind == "word" and tail[0].text.lower() in CONNECTORS:
        return "", run
    while head and head[0].text.lower() in FUNCTION_WORDS:
        head = head[1:]
    return _join(head), tail


def _numeric(token: Token) -> bool:
    return token.kind == "num" or token.kind == "acr" and token.text.islower()


def _proper_token(token: Token, profile: Profile) -> bool:
    if token.kind == "acr" or is_acronym(token.text):
        return True
    if _is_initial_letter(token.text):
        return True
    return not profile.common(token.text)


def _worth(run: list[Token], initial: bool, profile: Profile) -> bool:
    """Whether a cut run is a name at all (not a lone common or sentence-start word)."""
    words = [t.text for t in run]
    lowered = [w.lower().rstrip(".") for w in words]
    small = [w in TITLES or w in FUNCTION_WORDS or w in CONNECTORS for w in lowered]
    if all(s and _small(t) for s, t in zip(small, run, strict=True)):
        return False
    if len(lowered) > 2 and lowered[0] in TITLES and lowered[1] == "of":
        return False  # a role, not a name: "Leader of the House of Commons"
    if len(run) == 1:
        word = words[0]
        if lowered[0] in NOT_NAMES:
            return False
        if run[0].kind == "acr" or is_acronym(word):
            return True  # "WHO", "US": upper case is the name's own
        if lowered[0] in FUNCTION_WORDS:
            return False
        if _is_initial_letter(word) or len(word) < 2:
            return False
        if initial:
            return profile.proper(word)
        return not profile.common(word)
    if all(profile.common(w) or w.lower() in CONNECTORS for w in words) and initial:
        return _key(words) in profile.runs_mid
    return True


def _join(run: list[Token]) -> str:
    parts: list[str] = []
    for token in run:
        text = token.text
        if token.kind == "word" and _is_initial_letter(text):
            text += "."
        parts.append(text)
    return " ".join(parts)


def _aged(after: list[Token]) -> bool:
    """ ", 57," right after the name."""
    return (
        len(after) >= 3
        and after[0].text == ","
        and after[1].kind == "num"
        and after[1].text.isdigit()
        and len(after[1].text) <= 3
        and after[2].text == ","
    )


def _beside_media(before: list[Token], after: list[Token]) -> bool:
    """ "the AFP news agency", "told newspaper X": a media noun written in lower case beside it."""
    return any(
        side and side[0].kind == "word" and side[0].text.islower() and side[0].text in MEDIA_NOUNS
        for side in (after[:1], before[-1:])
    )


def _before_noun(after: list[Token]) -> bool:
    """The next word is a lower-case word that is no verb or small word: "Arab leaders"."""
    if not after or after[0].kind != "word":
        return False
    word = after[0].text
    return (
        word.islower()
        and word not in _NOT_APPOSITION
        and word not in _VERBS
        and not word.endswith("ed")
    )


def _apposition(paragraph: str, end: int) -> str:
    match = _APPOSITION.match(paragraph, end)
    if not match:
        return ""
    phrase = " ".join(match.group(1).split())
    words = phrase.split()
    if not words or len(words) > APPOSITION_WORDS:
        return ""
    if words[0].lower() in _NOT_APPOSITION or any(
        w.lower() in ("said", "says", "told") for w in words
    ):
        return ""
    # A description names a role ("Acme's chief executive", "a former minister") or starts
    # like one ("the group's leader"); "now Ali ..." is a clause cut short.
    first = words[0]
    if len(words[-1]) == 1:
        return ""  # cut at an abbreviation's full stop: "director of the U"
    possessive = first[0].isupper() and first.endswith(("'s", "’s"))
    if possessive and first[:-2].lower() in _NOT_APPOSITION:
        return ""  # "It's", "Who's"
    if len(words) < 3 or any(w.lower() in _VERBS or w.lower() in _COPULAS for w in words):
        return ""
    if not (first.lower() in ("the", "a", "an") or possessive or first.lower() in TITLES):
        return ""
    if first.lower() in ("the", "a", "an") and words[1][:1].isupper():
        return ""  # "UN, the World Bank, ...": a list of names, not a description
    if not any(w.lower().strip(",") in TITLES or w.lower() in ORG_WORDS for w in words):
        return ""
    return phrase


def _outlet_end(before: list[Token], outlets: frozenset[str]) -> bool:
    """The tokens before end with one of the corpus's outlets, in one word or two."""
    words = [fold(t.text).lower() for t in before[-2:] if t.kind == "word"]
    return bool(words) and (words[-1] in outlets or "".join(words) in outlets)


def _reporter(
    before: list[Token],
    prev: list[str],
    apposition: str,
    outlets: frozenset[str],
    sentence: str,
    first: Token,
) -> bool:
    """A byline, "CNN's Jane Doe", "our correspondent Jane Doe", ", BBC medical correspondent"."""
    if before:
        last = before[-1]
        if last.kind == "word" and last.cut_after and _outlet_end(before, outlets):
            return True  # "CNN's Jane Doe", "The Washington Post's Jane Doe"
        if last.text == "s" and _outlet_end(before[:-1], outlets):
            return True  # "CNN s Jane Doe": the apostrophe lost
        if last.text == "By" or (
            prev and prev[-1] == "by" and len(prev) > 1 and prev[-2] in REPORTER_ROLES
        ):
            return True
        if prev and prev[-1] in REPORTER_ROLES:
            return True
    return any(w.strip("'’").lower() in REPORTER_ROLES for w in apposition.split())


def _presenter(run: list[Token], after: list[Token]) -> bool:
    """ "X presents ...", "X's show", "X's guest session": a broadcast's presenter."""
    words = [t.text.lower() for t in after[:2] if t.kind == "word"]
    if not words:
        return False
    if run[-1].cut_after:
        return any(word in PROGRAMME_NOUNS for word in words)
    return words[0] in PRESENTER_VERBS


def _pair(run: list[Token]) -> tuple[str, str] | None:
    words = [t.text for t in run]
    for i, word in enumerate(words):
        if word in ("and", "&") and 0 < i < len(words) - 1:
            left, right = run[:i], run[i + 1 :]
            if left and right:
                return _join(left), _join(right)  # "the" kept: "X and the Y" is two names
    return None


def _acronym_beside(after: list[Token], words: list[str]) -> str:
    """ "World Health Organization (WHO)": the acronym in brackets right after a name."""
    if len(after) >= 3 and after[0].text == "(" and after[2].text == ")":
        candidate = after[1].text
        if (after[1].kind == "acr" or is_acronym(candidate)) and len(words) > 1:
            return candidate
    return ""
