"""Explainer Digest: scraped news pages in, a searchable explainer site out.

The pipeline runs one way: ``ingest`` (raw page -> Article) -> ``extract``
(mentions, dates, events) -> ``model`` (the whole Digest) -> ``render``
(Jinja2 -> Markdown pages) -> ``plugin`` (MkDocs).
"""

__version__ = "0.1.0"
