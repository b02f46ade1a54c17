"""Markdown with YAML front matter: already-clean articles, read as they are and written back.

``digest ingest`` writes each cleaned page in this form, so an editor can correct a
title or a date by hand and the next build takes the file as it is.
"""

from __future__ import annotations

import re
from datetime import date, datetime

import yaml

from generator.ingest.article import Article, Block
from generator.ingest.pubdate import parse_iso
from generator.text.safe_yaml import (
    FRONT_MATTER_CHARS,
    FRONT_MATTER_NODES,
    Limits,
    YamlLimitError,
    load_yaml,
    shown,
)

# One page's front matter: small, never aliased; see generator.text.safe_yaml.
_LIMITS = Limits(nodes=FRONT_MATTER_NODES, chars=FRONT_MATTER_CHARS)
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
        meta = load_yaml(match.group(1), _LIMITS) or {}
    except YamlLimitError as exc:
        # The front matter starts on the file's line 2 (after the opening ---).
        raise FrontMatterError(f"front matter not read: {exc} (line {exc.line + 1})") from None
    except yaml.YAMLError as exc:
        raise FrontMatterError(f"front matter is not valid YAML ({_yaml_problem(exc)})") from None
    except (ValueError, TypeError, OverflowError) as exc:  # an unquoted 2024-02-30
        problem = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
        raise FrontMatterError(f"front matter has an impossible value ({problem})") from None
    except RecursionError:  # not expected within the limits; never a traceback if it is
        raise FrontMatterError("front matter is nested too deeply") from None
    if not isinstance(meta, dict):
        raise FrontMatterError("front matter is not a mapping of keys to values")
    for key in ("title", "id", "outlet", "author", "url", "summary", "source"):
        meta[key] = _text(meta, key)
    for key in ("captions", "date_evidence", "sources"):
        meta[key] = _texts(meta, key)
    body = text[match.end() :]
    blocks: list[Block] = []
    captions = list(meta["captions"])
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
    published = _published(meta)
    confidence = meta.get("date_confidence") or ("high" if published else "none")
    if confidence not in ("high", "low", "none"):
        raise FrontMatterError(
            f"date_confidence must be high, low or none, not {shown(confidence)}"
        )
    evidence = meta["date_evidence"] or (["front matter"] if published else [])
    sources = meta["sources"]
    return Article(
        title=str(meta.get("title") or filename),
        blocks=blocks,
        published=published,
        date_confidence=confidence,
        date_evidence=evidence,
        outlet=meta.get("outlet"),
        author=meta.get("author"),
        url=meta.get("url"),
        summary=meta.get("summary"),
        captions=captions,
        # The raw page this file was written from (and so replaces), else the file itself.
        source=str(meta.get("source") or (sources[0] if sources else filename)),
        duplicates=sources[1:],
        id=meta.get("id"),
    )


def _yaml_problem(exc: yaml.YAMLError) -> str:
    """PyYAML's error in one line: where and what ("line 3: found unexpected end of stream")."""
    mark = getattr(exc, "problem_mark", None)
    problem = getattr(exc, "problem", None) or str(exc).splitlines()[0]
    # The front matter starts on the file's line 2 (after the opening ---).
    return f"line {mark.line + 2}: {problem}" if mark is not None else problem


_SCALAR = (str, int, float, date)


def _text(meta: dict, key: str) -> str | None:
    value = meta.get(key)
    if value is None or value == "":
        return None
    if isinstance(value, bool) or not isinstance(value, _SCALAR):
        kind = type(value).__name__.replace("dict", "mapping")
        raise FrontMatterError(f"front matter '{key}' must be text, not a {kind}")
    return str(value)


def _texts(meta: dict, key: str) -> list[str]:
    value = meta.get(key)
    if value is None:
        return []
    if isinstance(value, str):
        return [value]
    if not isinstance(value, list) or not all(
        isinstance(v, _SCALAR) and not isinstance(v, bool) for v in value
    ):
        raise FrontMatterError(f"front matter '{key}' must be a list of texts, not {shown(value)}")
    return [str(v) for v in value]


def _published(meta: dict) -> datetime | None:
    key = "published" if "published" in meta else "date"
    value = meta.get(key)
    if value is None or value == "":
        return None
    published = parse_iso(value) if not isinstance(value, bool) else None
    if published is None:
        raise FrontMatterError(
            f"front matter '{key}: {shown(value)}' is not a date (write it as 2024-11-19 or "
            "2024-11-19T18:00, or leave it empty for an undated article)"
        )
    if not 1900 <= published.year <= 2100:
        raise FrontMatterError(
            f"front matter '{key}: {shown(value)}' is not a plausible publication date"
        )
    return published


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
