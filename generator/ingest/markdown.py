"""Markdown with YAML front matter: already-clean articles, read as they are and written back.

``digest ingest`` writes each cleaned page in this form, so an editor can correct a
title or a date by hand and the next build takes the file as it is.
"""

from __future__ import annotations

import re
from datetime import datetime

import yaml

from generator.ingest.article import Article, Block
from generator.ingest.dating import parse_iso

FRONT_MATTER = re.compile(r"\A---[ \t]*\n(.*?)\n(?:---|\.\.\.)[ \t]*(?:\n|\Z)", re.S)
_CAPTION = re.compile(r"^\*(?:Caption|Photo):\s*(.*?)\*$")


class FrontMatterError(ValueError):
    pass


def has_front_matter(text: str) -> bool:
    return bool(FRONT_MATTER.match(text))


def read_markdown(text: str, filename: str) -> Article:
    match = FRONT_MATTER.match(text)
    assert match
    try:
        meta = yaml.safe_load(match.group(1)) or {}
    except yaml.YAMLError as exc:
        raise FrontMatterError(f"front matter is not valid YAML: {exc}") from None
    if not isinstance(meta, dict):
        raise FrontMatterError("front matter is not a mapping of keys to values")
    body = text[match.end() :]
    blocks: list[Block] = []
    captions = [str(c) for c in meta.get("captions") or []]
    for chunk in re.split(r"\n\s*\n", body):
        chunk = chunk.strip()
        if not chunk:
            continue
        if chunk.startswith("#"):
            blocks.append(Block("heading", chunk.lstrip("#").strip()))
        elif m := _CAPTION.match(chunk):
            captions.append(m.group(1))
        else:
            blocks.append(Block("paragraph", " ".join(chunk.split())))
    published = parse_iso(meta.get("published") or meta.get("date"))
    confidence = meta.get("date_confidence") or ("high" if published else "none")
    if confidence not in ("high", "low", "none"):
        raise FrontMatterError(f"date_confidence must be high, low or none, not {confidence!r}")
    evidence = meta.get("date_evidence") or (["front matter"] if published else [])
    sources = meta.get("sources") or []
    return Article(
        title=str(meta.get("title") or filename),
        blocks=blocks,
        published=published,
        date_confidence=confidence,
        date_evidence=[str(e) for e in evidence],
        outlet=meta.get("outlet"),
        author=meta.get("author"),
        url=meta.get("url"),
        summary=meta.get("summary"),
        captions=captions,
        # The raw page this file was written from (and so replaces), else the file itself.
        source=str(meta.get("source") or (sources[0] if sources else filename)),
        duplicates=[str(s) for s in sources[1:]],
        id=meta.get("id"),
    )


def to_markdown(article: Article) -> str:
    """The article as Markdown with front matter; :func:`read_markdown` reads it back."""
    meta: dict[str, object] = {"title": article.title}
    if article.id:
        meta["id"] = article.id
    meta["published"] = _iso(article.published) if article.published else None
    meta["date_confidence"] = article.date_confidence
    if article.date_evidence:
        meta["date_evidence"] = list(article.date_evidence)
    for key in ("outlet", "author", "url", "summary"):
        value = getattr(article, key)
        if value:
            meta[key] = value
    if article.captions:
        meta["captions"] = list(article.captions)
    meta["sources"] = [article.source, *article.duplicates]
    front = yaml.safe_dump(meta, sort_keys=False, allow_unicode=True, width=100)
    parts = []
    for block in article.blocks:
        parts.append(f"## {block.text}" if block.kind == "heading" else block.text)
    return f"---\n{front}---\n\n" + "\n\n".join(parts) + "\n"


def _iso(value: datetime) -> str:
    if value.hour or value.minute or value.second:
        return value.isoformat(timespec="minutes" if not value.second else "seconds")
    return value.date().isoformat()
