"""A digest built from one hostile article: markup, template syntax and control
characters where the site shows text. Shared by the render tests."""

from __future__ import annotations

from datetime import datetime

from generator.extract import extract
from generator.extract.actors import parse_registry
from generator.ingest import Article, Block
from generator.model import Digest, build_digest

REGISTRY = """
actors:
  - id: qatar
    name: Qatar
    kind: country
    description: "Gulf state <b>bold</b> [link](javascript:alert(1)) {{ 7*7 }}"
    aliases: [Doha]
  - id: hamas
    name: Hamas
    kind: armed group
    description: Palestinian group.
"""

HOSTILE = [
    "<script>alert('x')</script> Qatar said on March 5, 2024 that talks went on.",
    # An event line must carry markup as text too (an event's text stands alone: it starts
    # with a capital).
    "Qatar said on March 5, 2024 that <b>talks</b> {{ 7*7 }} went on [x](javascript:y).",
    "[click me](javascript:alert(1)) and ![img](http://evil.example/x.png) in Doha",
    "{{ 7*7 }} and {% raw %} and {# comment #} reached Hamas",
    "---",
    '!!! danger "Admonition"',
    "    indented code in Qatar",
    '{: .evil onclick="alert(1)" } Hamas { #fake-id } {onclick=x}',
    "# not a heading",
    "<div markdown>**bold**</div> &amp; &lt;b&gt;",
    "| a | b |",
    "1. not a list",
    "=====",
    "```",
    "Text with a control\x07char, a lone \udcff surrogate and RTL \u202e override.",
]


def hostile_article(**overrides) -> Article:
    fields = dict(
        title="<script>alert(1)</script> {{ title }} [t](javascript:x) ---",
        blocks=[Block("heading", "## <i>Sub</i> {{ h }} [h](javascript:y)")]
        + [Block("paragraph", text) for text in HOSTILE],
        published=datetime(2024, 3, 6),
        date_confidence="high",
        outlet="<b>Outlet</b> {{ o }}",
        author="[Author](javascript:z)",
        url="javascript:alert(1)",
        summary="!!! note\n    summary {{ s }}",
        source="raw/evil\n\n<div onclick=alert(1)>x</div>\n\n`name`.txt",
    )
    fields.update(overrides)
    return Article(**fields)


def hostile_digest() -> Digest:
    registry = parse_registry(REGISTRY)
    article = hostile_article()
    return build_digest(
        [article], [extract(article, registry)], registry, "Title <script>", "# Intro\n\nHello."
    )
