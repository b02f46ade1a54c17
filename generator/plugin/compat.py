"""Which MkDocs-compatible builders the plugin is tested with, and a guard against the others.

MkDocs 1.6 is MkDocs' last release with plugins; its 2.0 pre-releases drop them. ProperDocs is
a maintained fork of MkDocs 1.6 that runs MkDocs plugins unchanged: under ``properdocs``,
``import mkdocs`` gives the ``properdocs`` module (it aliases every ``mkdocs.*`` import), so the
module's own name tells the two apart. An untested major version stops the build with one
line saying what to install, rather than a traceback from deep inside the build.
"""

from __future__ import annotations

import logging
import sys

log = logging.getLogger("mkdocs.plugins.digest")

# Builder (its module's name) -> the release series the test suite runs the plugin on
# (tests/e2e/test_builders.py builds the sample with each; pins in pyproject.toml).
TESTED_SERIES = {"mkdocs": "1.6", "properdocs": "1.6"}
DISPLAY_NAMES = {"mkdocs": "MkDocs", "properdocs": "ProperDocs"}


class UntestedBuilder(Exception):
    """The running builder is of a major version the plugin was never tested with."""


def running_builder() -> tuple[str, str]:
    """The name and version of the builder that imported us: ``("mkdocs", "1.6.1")``."""
    module = sys.modules.get("mkdocs")
    if module is None:
        import mkdocs as module
    return module.__name__, str(getattr(module, "__version__", "unknown"))


def tested_list() -> str:
    return " and ".join(f"{DISPLAY_NAMES[n]} {s}.x" for n, s in TESTED_SERIES.items())


def check_builder(name: str, version: str) -> str | None:
    """None for a tested series; a warning for another minor release of a tested major
    version; raises ``UntestedBuilder`` (one line) for any other builder or major version."""
    series = TESTED_SERIES.get(name)
    shown = f"{DISPLAY_NAMES.get(name, name)} {version}"
    if series is None or version.split(".")[0] != series.split(".")[0]:
        raise UntestedBuilder(
            f"The digest plugin is tested with {tested_list()}, not {shown}: "
            f'install "mkdocs>=1.6,<1.7" or build with ProperDocs 1.6 ("properdocs build").'
        )
    if version.split(".")[:2] != series.split("."):
        return f"The digest plugin is tested with {tested_list()}; this is {shown}."
    return None


def require_tested_builder() -> None:
    """Stop on an untested builder; log a warning on an untested minor release."""
    warning = check_builder(*running_builder())
    if warning:
        log.warning(warning)
