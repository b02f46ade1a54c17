"""Language rules every stage shares: each rule written once, here.

``folding`` (one character for one: accents, apostrophes, hyphens, spaces) and
``sentences`` (where a sentence ends, and text cut at one).
"""
