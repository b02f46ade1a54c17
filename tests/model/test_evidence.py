"""The corpus's reading of dated sentences: verbatim repetition, the year the corpus gives."""

from __future__ import annotations

from generator.model.evidence import FURNITURE_PAGES, Repetition


def test_repeated_text_counts_once_per_outlet_and_a_sidebar_not_at_all() -> None:
    recycled = "The dam was built in 1961 and last inspected in 2019."
    sidebar = "Read our guide to the valley's best walks, updated February 10."
    items = [("Valley Press", "a", recycled), ("Valley Press", "b", recycled)]
    items += [("River Desk", "c", recycled)]  # another outlet's copy is its own source
    items += [("Valley Press", f"page{i}", sidebar) for i in range(FURNITURE_PAGES)]
    repetition = Repetition.of(items)
    assert repetition.weight("Valley Press", recycled) == 0.5
    assert repetition.weight("River Desk", recycled) == 1.0
    assert repetition.weight("Valley Press", sidebar) == 0.0
    # Case and punctuation aside, it is the same text.
    assert repetition.count("Valley Press", recycled.upper().rstrip(".")) == 2
    assert repetition.weight("Valley Press", "A sentence only this page has.") == 1.0
