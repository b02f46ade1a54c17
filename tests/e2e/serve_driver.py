"""The rebuilds of ``mkdocs serve --dirty`` (``digest serve``), one per line read, in one
process, into a site folder that stays: what MkDocs' server does at each change, without
the server (``mkdocs/commands/serve.py``: startup events once, then ``build(config,
serve_url=..., dirty=True)`` with a freshly loaded config at each rebuild, the plugins
kept).

    python tests/e2e/serve_driver.py PROJECT/mkdocs.yml SITE_DIR

Each line on stdin asks for a rebuild; each rebuild answers one line on stdout: ``built``
or ``failed: <error>``. Run in its own process because MkDocs keeps a plugin that has
startup events for the life of the process (a test's later builds would get it).
"""

from __future__ import annotations

import logging
import sys

from mkdocs.commands.build import build
from mkdocs.config import load_config

SERVE_URL = "http://127.0.0.1:8000/"


def main(config_file: str, site_dir: str) -> None:
    logging.basicConfig(level=logging.WARNING, stream=sys.stderr)
    config = load_config(config_file=config_file, site_dir=site_dir)
    config.plugins.on_startup(command="serve", dirty=True)
    try:
        for _ in sys.stdin:
            if config is None:
                config = load_config(config_file=config_file, site_dir=site_dir)
            try:
                build(config, serve_url=SERVE_URL, dirty=True)
            except Exception as exc:  # noqa: BLE001 - the server goes on, and so do we
                print(f"failed: {exc!r}".replace("\n", " "), flush=True)
            else:
                print("built", flush=True)
            config = None
    finally:
        load_config(config_file=config_file, site_dir=site_dir).plugins.on_shutdown()


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
