"""Dispatch a raw page to the reader for what it contains.

First version: a simple line classifier. The ingest issue deepens it.
"""

from __future__ import annotations

import re
from datetime import datetime

import yaml

from generator.ingest.article import Article, Block, LineDecision


class IngestError(ValueError):
    """A page that cannot be read as an article; the message names the problem."""


_FRONT_MATTER = re.compile(r"\A---\s*\n(.*?)\n---\s*\n", re.S)
_SENTENCE = re.compile(r"[.!?\"”’)]\s*$")


def decode(data: str | bytes) -> str:
    if isinstance(data, str):
        return data
    for encoding in ("utf-8-sig", "cp1252"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    return data.decode("utf-8", errors="replace")


def read_page(data: str | bytes, filename: str) -> Article:
    text = decode(data).replace("\r\n", "\n").replace("\r", "\n")
    if "\x00" in text:
        raise IngestError("binary file (contains NUL bytes)")
    if not text.strip():
        raise IngestError("empty page")
    if _FRONT_MATTER.match(text):
        return _read_markdown(text, filename)
    return _read_text_dump(text, filename)


def explain_page(data: str | bytes, filename: str) -> list[LineDecision]:
    return read_page(data, filename).lines


def _read_markdown(text: str, filename: str) -> Article:
    match = _FRONT_MATTER.match(text)
    assert match
    meta = yaml.safe_load(match.group(1)) or {}
    body = text[match.end():]
    blocks = []
    for chunk in re.split(r"\n\s*\n", body):
        chunk = chunk.strip()
        if chunk.startswith("#"):
            blocks.append(Block("heading", chunk.lstrip("#").strip()))
        elif chunk:
            blocks.append(Block("paragraph", " ".join(chunk.split())))
    published = meta.get("published")
    if isinstance(published, str):
        published = datetime.fromisoformat(published)
    return Article(
        title=str(meta.get("title") or filename),
        blocks=blocks,
        published=published,
        date_confidence=meta.get("date_confidence", "high" if published else "none"),
        outlet=meta.get("outlet"),
        author=meta.get("author"),
        url=meta.get("url"),
        summary=meta.get("summary"),
        source=filename,
        id=meta.get("id"),
    )


def _read_text_dump(text: str, filename: str) -> Article:
    lines = text.split("\n")
    decisions: list[LineDecision] = []
    blocks: list[Block] = []
    title = None
    for no, raw in enumerate(lines, 1):
        line = raw.strip()
        if not line:
            continue
        words = line.split()
        if len(words) >= 12 and _SENTENCE.search(line):
            blocks.append(Block("paragraph", line))
            decisions.append(LineDecision(no, line, "kept", "sentence"))
        elif title is None and len(words) >= 5:
            title = line
            decisions.append(LineDecision(no, line, "metadata", "title"))
        else:
            decisions.append(LineDecision(no, line, "dropped", "short line"))
    return Article(
        title=title or filename,
        blocks=blocks,
        source=filename,
        lines=decisions,
    )
