"""Language rules every stage shares, each written once, here.

``sentences`` (where a sentence ends; text cut at one; whether a line ends one, in any
script), ``calendar`` (month and weekday names, English, and month names of other
languages for full dates), ``words`` (the stop word list; a fast pattern for a word
list), ``tense`` (which way in time a clause points), ``folding`` (accents, apostrophes,
hyphens and spaces folded one character for one; characters no reader sees removed), and
``safe_yaml`` (YAML from files we do not control, read within limits on nesting and alias
expansion: front matter and the registry).

Kept apart on purpose: ``ingest/words.py`` (jusText's stop lists in sixteen languages,
the words of menus, scripts and languages of page lines: how the ingest stage tells prose
from page furniture, a judgement about pages rather than a rule of a language) and
``extract/actors/suggest/`` (its own tokens).
"""
