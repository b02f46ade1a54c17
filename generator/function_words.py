"""English function words: what a bag of words leaves out to keep what a sentence is about.

Only words that carry no topic (articles, pronouns, auxiliaries, prepositions,
conjunctions, quantifiers, reporting verbs and the possessive "s"), so "war", "died" or
"army" always count. Weighing sentences (key dates' centroids) needs more than the
model's short merging list; both belong in one language module after the restructure.
"""

from __future__ import annotations

_LIST = """
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
FUNCTION_WORDS: frozenset[str] = frozenset(_LIST.split())
