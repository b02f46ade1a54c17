"""Language rules every stage shares, each written once, here.

``sentences`` (where a sentence ends; text cut at one), ``calendar`` (month and weekday
names), ``words`` (the stop word list; a fast pattern for a word list), ``tense`` (which
way in time a clause points), ``folding`` (accents, apostrophes, hyphens and spaces
folded one character for one), and ``safe_yaml`` (YAML from files we do not control,
read within limits on nesting and alias expansion: front matter and the registry).

Not yet switched to these: ``ingest/textdump.py``, ``ingest/dating.py`` and
``ingest/html.py`` (their own sentence breaks, month tables and future-tense test), and
``extract/actors/suggest.py``; they are being rewritten and will switch once merged.
"""
