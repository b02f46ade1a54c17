"""The MkDocs plugin: the only code, with ``generator.cli``, that imports MkDocs or Material."""

from generator.plugin.plugin import DigestConfig, DigestPlugin

__all__ = ["DigestConfig", "DigestPlugin"]
