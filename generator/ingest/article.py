"""The Article: what every later stage knows of a page."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Literal

DateConfidence = Literal["high", "low", "none"]


@dataclass(frozen=True)
class Block:
    """One piece of body text, in page order: a paragraph or a section subheading."""

    kind: Literal["paragraph", "heading"]
    text: str


@dataclass(frozen=True)
class LineDecision:
    """Why one line of the raw page was kept, dropped or read as metadata (for --explain)."""

    line_no: int
    text: str
    verdict: Literal["kept", "dropped", "metadata"]
    reason: str


@dataclass(frozen=True)
class Article:
    """A page as every later stage knows it; made once by a reader, never changed after
    (``dataclasses.replace`` makes a changed copy)."""

    title: str
    blocks: list[Block]
    published: datetime | None = None
    date_confidence: DateConfidence = "none"
    date_evidence: list[str] = field(default_factory=list)
    outlet: str | None = None
    author: str | None = None
    url: str | None = None
    summary: str | None = None
    captions: list[str] = field(default_factory=list)
    source: str = ""
    # Other files that held the same article (duplicates merged at corpus level).
    duplicates: list[str] = field(default_factory=list)
    # Explicit id from front matter; otherwise the model derives one from the title.
    id: str | None = None
    lines: list[LineDecision] = field(default_factory=list, repr=False, compare=False)
    # Reading steps that failed on this page, one line each ("file: author skipped (...)"):
    # the article stands without what they would have given.
    warnings: list[str] = field(default_factory=list, compare=False)

    @property
    def paragraphs(self) -> list[str]:
        return [b.text for b in self.blocks if b.kind == "paragraph"]

    @property
    def subheadings(self) -> list[tuple[int, str]]:
        """(index of the paragraph the heading stands before, heading text)."""
        out, n = [], 0
        for block in self.blocks:
            if block.kind == "heading":
                out.append((n, block.text))
            else:
                n += 1
        return out


def fallback_title(blocks: list[Block], filename: str) -> str:
    """A title for a page that shows none: its first subheading, else its first words."""
    for b in blocks:
        if b.kind == "heading":
            return b.text
    if blocks:
        words = blocks[0].text.split()
        return " ".join(words[:12]) + ("…" if len(words) > 12 else "")
    return filename


# A run of at least this many paragraphs found again, in order, is the article rendered twice.
_RENDERING_RUN = 3


def drop_second_rendering(blocks: list[Block]) -> tuple[list[Block], list[Block]]:
    """The blocks without a second copy of the article: a run of paragraphs seen before.

    Some pages hold the same article twice (two renderings, a print version): its text
    once. A single repeated paragraph (a refrain, a pull quote) is left alone.
    """
    keys = ["".join(b.text.lower().split()) for b in blocks]
    first_at: dict[str, int] = {}
    drop: set[int] = set()
    for j, key in enumerate(keys):
        i = first_at.get(key)
        if i is not None and j not in drop:
            run = 0
            while j + run < len(keys) and i + run < j and keys[i + run] == keys[j + run]:
                run += 1
            if run >= _RENDERING_RUN:
                drop.update(range(j, j + run))
        first_at.setdefault(key, j)
    kept = [b for n, b in enumerate(blocks) if n not in drop]
    return kept, [b for n, b in enumerate(blocks) if n in drop]
