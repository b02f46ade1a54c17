"""Render: the Digest -> Markdown pages (and Atom feeds), through Jinja2 templates
editors can override. Imports no MkDocs: the plugin hands the pages to MkDocs.

``pages`` (which template makes which page), ``environment`` (the Jinja2 environment:
template lookup, filters), ``helpers`` (links, event lines, paragraphs for templates),
``page`` (a generated page and its front matter), ``urls``, ``escape``, ``feeds``,
``search`` (lean search entries), ``chart`` (the timeline SVG), ``templates/`` (every
page's wording; ``_strings.md.j2`` for what is not a page body).
"""

from generator.render.environment import BUILTIN_TEMPLATES, Renderer, TemplateProblem
from generator.render.page import Page, fill_fragments
from generator.render.pages import render_site
from generator.render.urls import relative_url

__all__ = [
    "BUILTIN_TEMPLATES",
    "Page",
    "Renderer",
    "TemplateProblem",
    "fill_fragments",
    "relative_url",
    "render_site",
]
