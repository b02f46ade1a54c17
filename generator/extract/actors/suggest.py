"""Names the corpus keeps using that the registry does not cover, for editors to add.

A candidate is a run of capitalised words ("Hakan Fidan", "International Court of
Justice"), with the words that merely start a sentence, titles ("Foreign Minister"),
months and weekdays trimmed off, and with every part the registry already knows
(actors, outlets, ignored phrases) cut out. Single words are not suggested: they are
too often just a capitalised word.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

import yaml

from generator.extract.actors import RESERVED_IDS, Registry
from generator.text.folding import fold

_MONTHS = {
    "january", "february", "march", "april", "may", "june", "july", "august",
    "september", "october", "november", "december", "jan", "feb", "mar", "apr",
    "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
}  # fmt: skip
_WEEKDAYS = {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"}
# Words that are capitalised because they start a sentence or a heading.
_COMMON = {
    "a", "an", "the", "this", "that", "these", "those", "there", "here", "it", "its",
    "he", "she", "they", "we", "i", "you", "his", "her", "their", "our", "my", "your",
    "in", "on", "at", "by", "for", "from", "to", "of", "with", "without", "after",
    "before", "during", "since", "until", "about", "as", "amid", "among", "between",
    "under", "over", "into", "through", "across", "against", "despite", "following",
    "according", "and", "but", "or", "nor", "so", "yet", "if", "when", "while",
    "where", "why", "how", "what", "who", "which", "whether", "although", "though",
    "because", "meanwhile", "however", "also", "still", "even", "only", "now",
    "then", "yesterday", "today", "tomorrow", "earlier", "later", "last", "next",
    "some", "many", "most", "all", "both", "each", "every", "several", "no", "not",
    "more", "less", "other", "another", "such", "new", "first", "second", "read",
    "file", "photo", "image", "video", "watch", "share", "click", "subscribe",
    "advertisement", "sponsored", "views", "comment", "reply", "leave", "please",
}  # fmt: skip
# Titles before a name: "Foreign Minister Hakan Fidan" suggests "Hakan Fidan".
_TITLES = {
    "president", "prime", "minister", "ministers", "foreign", "defence", "defense",
    "interior", "finance", "secretary", "state", "general", "gen", "director",
    "chief", "head", "sheikh", "emir", "king", "queen", "prince", "crown",
    "mr", "mrs", "ms", "dr", "sir", "senator", "sen", "rep", "representative",
    "gov", "governor", "mayor", "ambassador", "envoy", "special", "deputy", "vice",
    "spokesperson", "spokesman", "spokeswoman", "elect", "president-elect", "former",
    "colonel", "col", "lieutenant", "lt", "major", "maj", "captain", "capt",
    "admiral", "commander", "judge", "justice", "chairman", "chair", "leader",
    "speaker", "pope", "rabbi", "imam", "supreme", "acting", "army", "us", "u.s.",
}  # fmt: skip
_CONNECTORS = {"of", "and", "for", "the", "bin", "ibn", "bint", "al", "el", "abu",
               "de", "da", "di", "du", "van", "von", "der", "den", "la", "le"}  # fmt: skip
_ORG_WORDS = {
    "forum", "court", "council", "agency", "ministry", "committee", "organisation",
    "organization", "association", "union", "party", "movement", "office",
    "authority", "institute", "university", "company", "corporation", "bank", "fund",
    "commission", "department", "foundation", "group", "network", "service",
    "services", "bureau", "parliament", "assembly", "cabinet", "government",
    "coalition", "alliance", "federation", "centre", "center", "program",
    "programme", "news", "times", "post", "press", "television", "radio",
}  # fmt: skip
_PARTICLES = {"al", "el", "ad", "as", "an", "ar", "az", "at", "ash"}
_ARMED_WORDS = {"brigades", "brigade", "militia", "jihad", "front", "forces", "army"}
_WORD = re.compile(r"[^\W\d_][\w'’.\-]*", re.UNICODE)
_SENTENCE = re.compile(r"[^.!?\n]+(?:[.!?]+|$)")


@dataclass
class Suggestion:
    name: str
    count: int  # occurrences in the corpus
    documents: int  # texts (articles) it appears in
    example: str  # one sentence where it appears
    kind: str = "person"  # a guess for the editor to check


def suggest_actors(
    texts: Iterable[str | Sequence[str]], registry: Registry, limit: int = 20
) -> list[Suggestion]:
    """The most frequent uncovered capitalised names, most widespread first.

    Each item is one text; give an article as the list of its paragraphs so that
    ``documents`` counts articles.
    """
    found: dict[str, Suggestion] = {}
    for item in texts:
        text = item if isinstance(item, str) else "\n\n".join(p for p in item if isinstance(p, str))
        if not text.strip():
            continue
        seen_here: set[str] = set()
        covered = _covered(text, registry)
        for sentence in _SENTENCE.finditer(text):
            for name, titled in _candidates(text, sentence.start(), sentence.end(), covered):
                if not name.isprintable():
                    continue
                key = fold(name).lower()
                entry = found.get(key)
                if entry is None:
                    example = " ".join(sentence.group().split())
                    entry = found[key] = Suggestion(
                        name, 0, 0, _shorten(example), _guess_kind(name)
                    )
                if titled and entry.kind == "other":
                    entry.kind = "person"
                entry.count += 1
                if key not in seen_here:
                    seen_here.add(key)
                    entry.documents += 1
    ranked = sorted(found.values(), key=lambda s: (-s.documents, -s.count, s.name))
    return ranked[: max(limit, 0)]


def _covered(text: str, registry: Registry) -> list[bool]:
    flags = [False] * len(text)
    for start, end, _key in registry.matcher.spans(text):
        for i in range(start, end):
            flags[i] = True
    return flags


def _candidates(text: str, start: int, end: int, covered: list[bool]) -> list[tuple[str, bool]]:
    """(name, after a title?) for runs of capitalised words the registry does not cover."""
    out: list[tuple[str, bool]] = []
    run: list[str] = []
    prev_end = start
    for match in _WORD.finditer(text, start, end):
        raw = match.group()
        possessive = raw.endswith(("'s", "’s"))
        word = (raw[:-2] if possessive else raw).rstrip(".'’-")
        between = text[prev_end : match.start()]
        prev_end = match.end()
        if not word:
            continue
        if covered[match.start()] or (run and any(c in ',;:()[]"“”–—/|' for c in between)):
            out += _finish(run)
            run = []
            if covered[match.start()]:
                continue
        if _is_capitalised(word) or (run and word.lower() in _CONNECTORS):
            run.append(word)
        else:
            out += _finish(run)
            run = []
        if possessive:
            out += _finish(run)
            run = []
    out += _finish(run)
    return out


def _is_capitalised(word: str) -> bool:
    head, _, rest = word.partition("-")
    if rest and head.lower() in _PARTICLES:
        word = rest  # el-Sisi, al-Ansari
    letters = [c for c in word if c.isalpha()]
    if not letters or not letters[0].isupper():
        return False
    # A whole upper-case word is a heading or a shout, not a name (acronyms are short).
    return not (len(letters) > 5 and all(c.isupper() for c in letters))


def _finish(run: list[str]) -> list[tuple[str, bool]]:
    words = list(run)
    titled = False
    # "CIA Director William Burns", "Turkish Foreign Minister Hakan Fidan": the name
    # follows the last title; "Ministry of Foreign Affairs" has one word after it, stays.
    for i in range(len(words) - 1, -1, -1):
        if words[i].lower() in _TITLES:
            after = [w for w in words[i + 1 :] if _is_capitalised(w)]
            if len(after) >= 2:
                words, titled = words[i + 1 :], True
            break
    while words and (_trim(words[0]) or words[0].lower() in _CONNECTORS):
        titled = titled or words[0].lower() in _TITLES
        words.pop(0)
    while words and (_trim(words[-1], tail=True) or words[-1].lower() in _CONNECTORS):
        words.pop()
    capitalised = [w for w in words if _is_capitalised(w)]
    if len(capitalised) < 2 or not any(any(c.islower() for c in w) for w in capitalised):
        return []
    if any(w.lower() in _MONTHS | _WEEKDAYS for w in words):
        return []
    return [(" ".join(words), titled)]


def _trim(word: str, tail: bool = False) -> bool:
    lower = word.lower().rstrip("'’s") if word.lower().endswith(("'s", "’s")) else word.lower()
    if lower in _COMMON or lower in _MONTHS or lower in _WEEKDAYS:
        return True
    return not tail and lower in _TITLES


def _guess_kind(name: str) -> str:
    words = {w.lower() for w in name.split()}
    if words & _ARMED_WORDS:
        return "armed group"
    if words & _ORG_WORDS:
        return "organisation"
    return "other"  # "person" once a title is seen before it: "Foreign Minister Hakan Fidan"


def _shorten(sentence: str, limit: int = 160) -> str:
    return sentence if len(sentence) <= limit else sentence[: limit - 1].rstrip() + "…"


def _printable(text: str) -> str:
    """One line of text YAML accepts in a comment."""
    return " ".join("".join(c if c.isprintable() else " " for c in text).split())


def slug(name: str) -> str:
    ascii_name = unicodedata.normalize("NFKD", fold(name)).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_name.lower()).strip("-") or "actor"


def suggestions_yaml(suggestions: Iterable[Suggestion]) -> str:
    """A YAML snippet to paste under ``actors:`` in the registry, one commented entry each."""
    items = list(suggestions)
    if not items:
        return "# Every frequent capitalised name is already covered by the registry.\n"
    lines = [
        f"# {len(items)} frequent names the registry does not cover, most widespread first.",
        "# Check each one, fix kind and description, then paste under `actors:`.",
    ]
    used: set[str] = set(RESERVED_IDS)
    for item in items:
        base = slug(item.name)
        actor_id, n = base, 2
        while actor_id in used:
            actor_id, n = f"{base}-{n}", n + 1
        used.add(actor_id)
        example = _printable(item.example)
        mentions = "mention" if item.count == 1 else "mentions"
        articles = "text" if item.documents == 1 else "texts"
        lines.append(f"  # {item.count} {mentions} in {item.documents} {articles}, e.g.: {example}")
        entry = {"id": actor_id, "name": item.name, "kind": item.kind, "description": ""}
        dumped = yaml.safe_dump([entry], allow_unicode=True, sort_keys=False, width=1000)
        dumped = dumped.replace(f"kind: {item.kind}", f"kind: {item.kind}  # a guess", 1)
        lines += ["  " + line for line in dumped.splitlines()]
    return "\n".join(lines) + "\n"
