"""Render: the Digest -> Markdown pages (and Atom feeds), through Jinja2 templates
editors can override. Imports no MkDocs: the plugin hands the pages to MkDocs.
"""

from generator.render.page import Page, fill_fragments
from generator.render.pages import BUILTIN_TEMPLATES, Renderer, TemplateProblem, render_site
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
