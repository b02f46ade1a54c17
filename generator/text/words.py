"""Word lists shared by the stages, and a fast pattern for a list of words.

(``ingest/words.py`` keeps jusText's stop lists in many languages, which tell prose from
page furniture; that is the ingest stage's own business, not a shared rule.)
"""

from __future__ import annotations

import functools
import re

# English function words that say nothing of what a text is about: left out of the
# words a page is searched by. It is lunr's English stop word filter, as shipped in
# Material's search worker: a search never matches these words, so the search index need
# not hold them.
STOPWORDS = frozenset(
    {
        "a", "able", "about", "across", "after", "all", "almost", "also", "am", "among",
        "an", "and", "any", "are", "as", "at", "be", "because", "been", "but", "by", "can",
        "cannot", "could", "dear", "did", "do", "does", "either", "else", "ever", "every",
        "for", "from", "get", "got", "had", "has", "have", "he", "her", "hers", "him",
        "his", "how", "however", "i", "if", "in", "into", "is", "it", "its", "just",
        "least", "let", "like", "likely", "may", "me", "might", "most", "must", "my",
        "neither", "no", "nor", "not", "of", "off", "often", "on", "only", "or", "other",
        "our", "own", "rather", "said", "say", "says", "she", "should", "since", "so",
        "some", "than", "that", "the", "their", "them", "then", "there", "these", "they",
        "this", "tis", "to", "too", "twas", "us", "wants", "was", "we", "were", "what",
        "when", "where", "which", "while", "who", "whom", "why", "will", "with", "would",
        "yet", "you", "your",
    }
)  # fmt: skip


# English function words: what a bag of words leaves out to keep what a sentence is about
# (articles, pronouns, auxiliaries, prepositions, conjunctions, quantifiers, reporting verbs,
# the possessive "s"), so "war", "died" or "army" always count. Weighing sentences (key
# dates' centroids, the corpus's years for a day) needs more than search's list above.
_FUNCTION_LIST = """
    a an the this that these those some any each every all both either neither no none
    i me my mine we us our ours you your yours he him his she her hers it its they them
    their theirs who whom whose which what whatever whoever where when why how there here
    be am is are was were been being have has had having do does did doing done
    will would shall should can could may might must ought
    not nor and or but if then than so because as while although though unless whether
    of to in on at by for with from into onto upon about above below over under after
    before between among through during without within against along across around
    behind beyond toward towards up down out off again further once also just only even
    still yet already very too more most less least much many few several such same other
    another own s t d ll m re ve said says say told tell added according
"""
FUNCTION_WORDS: frozenset[str] = frozenset(_FUNCTION_LIST.split())
_WORD = re.compile(r"[^\W_]+")


@functools.lru_cache(maxsize=65536)
def content_words(text: str) -> tuple[str, ...]:
    """The words a sentence is about, in order: lower case, function words left out.
    One rule for weighing sentences (key dates' summaries), telling two reports of one
    happening apart (events) and the corpus's year for a day. Remembered: a sentence is
    read for the corpus's word frequencies, then again for its date's summary."""
    return tuple(w for w in _WORD.findall(text.lower()) if w not in FUNCTION_WORDS)


def trie(words: list[str]) -> str:
    """An alternation of words as a prefix tree: Python's re tries alternatives in
    turn, so sharing prefixes ("th(?:at|e|is)") halves the cost of a scan."""
    tree: dict = {}
    for word in words:
        node = tree
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}

    def emit(node: dict) -> str:
        alts = [re.escape(c) + emit(sub) for c, sub in sorted(node.items()) if c]
        if not alts:
            return ""
        body = alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"
        return f"(?:{body})?" if "" in node else body

    return emit(tree)
