"""Sentences: where one ends, and text cut at the end of one."""

from __future__ import annotations


def summary(text: str, limit: int = 200) -> str:
    """Whole sentences up to ``limit`` characters, else whole words and an ellipsis."""
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    cut = text[: limit + 1]
    end = max(cut.rfind(". "), cut.rfind("? "), cut.rfind("! "))
    if end >= limit // 2:
        return cut[: end + 1]
    return cut[: cut.rfind(" ")].rstrip(",;:") + "…" if " " in cut else cut[:limit] + "…"
