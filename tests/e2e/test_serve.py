"""`mkdocs serve` rebuilds when an editor changes a template, the registry or an article.

Nothing here sleeps: the server says when it is serving (its log), and MkDocs' live
reload endpoint answers once a rebuild is visible, as it does for a browser tab.
"""

from __future__ import annotations

import os
import re
import shutil
import socket
import subprocess
import sys
import threading
import urllib.request
from pathlib import Path

import pytest

from generator.render import BUILTIN_TEMPLATES
from tests.conftest import copy_project

# Rebuilds to wait through for one change (an editor's save can make more than one).
REBUILDS = 3


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def fetch(url: str) -> str:
    with urllib.request.urlopen(url, timeout=120) as response:
        return response.read().decode("utf-8")


class Served:
    def __init__(self, project: Path, base: str) -> None:
        self.project, self.base = project, base
        self.epoch = self.epoch_of(fetch(f"{base}/"))

    @staticmethod
    def epoch_of(page: str) -> int:
        """The build a served page comes from (MkDocs writes it into its reload script)."""
        found = re.search(r"livereload\((\d+),", page)
        assert found, "no live reload script in the served page"
        return int(found[1])

    def after_change(self, url: str, text: str) -> str:
        """The page at ``url`` once a rebuild shows ``text`` in it."""
        for _ in range(REBUILDS):
            # Answered when a newer build is visible (or after MkDocs' own minute).
            self.epoch = int(fetch(f"{self.base}/livereload/{self.epoch}/0"))
            page = fetch(f"{self.base}{url}")
            if text in page:
                return page
        raise AssertionError(f"{text!r} never appeared at {url}")


def serve(project: Path, command: list[str]):
    """``command`` (serving ``project``, taking ``-a ADDRESS``) running; its ``Served``."""
    port = free_port()
    server = subprocess.Popen(
        [*command, "-a", f"127.0.0.1:{port}"],
        cwd=project,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
    )
    try:
        assert server.stderr is not None
        log = []
        for line in server.stderr:  # the first build, then "Serving on" once it watches
            log.append(line)
            if "Serving on" in line:
                break
        else:
            raise AssertionError("the server stopped:\n" + "".join(log))
        # The rest of its log is read and dropped, so that the server never blocks on it.
        threading.Thread(target=server.stderr.read, daemon=True).start()
        yield Served(project, f"http://127.0.0.1:{port}")
    finally:
        server.terminate()
        server.wait(timeout=30)


@pytest.fixture
def served(tmp_path: Path):
    project = copy_project(tmp_path)
    config = str(project / "mkdocs.yml")
    yield from serve(project, [sys.executable, "-m", "mkdocs", "serve", "-f", config])


@pytest.fixture
def served_without_templates(tmp_path: Path):
    """``digest serve`` of a project that has no templates folder (yet)."""
    project = copy_project(tmp_path)
    shutil.rmtree(project / "templates")
    config = str(project / "mkdocs.yml")
    yield from serve(project, [sys.executable, "-m", "generator.cli", "-f", config, "serve"])


def test_serve_rebuilds_on_template_registry_and_article_changes(served: Served) -> None:
    project = served.project
    assert "Qatar" in fetch(f"{served.base}/actors/qatar/")
    # A template override in the editors' folder.
    override = (BUILTIN_TEMPLATES / "actor.md.j2").read_text(encoding="utf-8")
    (project / "templates/actor.md.j2").write_text(override + "\n\nTemplate-override-marker\n", encoding="utf-8")
    served.after_change("/actors/qatar/", "Template-override-marker")
    # The registry.
    registry = project / "content/actors.yml"
    text = registry.read_text(encoding="utf-8")
    qatar = text.index("id: qatar")
    start = text.index("description:", qatar)
    end = text.index("\n", start)
    registry.write_text(text[:start] + "description: Registry-edit-marker." + text[end:], encoding="utf-8")
    served.after_change("/actors/qatar/", "Registry-edit-marker")
    # A new raw page.
    (project / "content/raw/zzz_new.txt").write_text(
        "Serve-marker talks open in Doha\nPublished: 3 March 2025\n\n"
        "Qatar hosted a new round of talks in Doha on March 2, 2025, officials said, as mediators "
        "pressed both sides to agree on the second phase of the ceasefire deal.\n",
        encoding="utf-8",
    )
    served.after_change("/articles/", "Serve-marker talks open in Doha")
    # A template with a syntax error: the server goes on answering, with the last good pages
    # (issue 20: a failed rebuild left every request hanging until it was fixed).
    (project / "templates/actor.md.j2").write_text("# {{ actor.name\n", encoding="utf-8")
    served.epoch = int(fetch(f"{served.base}/livereload/{served.epoch}/0"))
    assert "Registry-edit-marker" in fetch(f"{served.base}/actors/qatar/")


def test_digest_serve_watches_a_templates_folder_made_after_it_started(
    served_without_templates: Served,
) -> None:
    served = served_without_templates
    project = served.project
    assert not (project / "templates").exists()
    before = fetch(f"{served.base}/actors/qatar/")
    (project / "templates").mkdir()
    override = (BUILTIN_TEMPLATES / "actor.md.j2").read_text(encoding="utf-8")
    (project / "templates/actor.md.j2").write_text(override + "\n\nLate-folder-marker\n", encoding="utf-8")
    served.after_change("/actors/qatar/", "Late-folder-marker")
    # Once watched, an edit inside it shows as any other (``--dirty``: only what changed).
    (project / "templates/actor.md.j2").write_text(override + "\n\nSecond-marker\n", encoding="utf-8")
    page = served.after_change("/actors/qatar/", "Second-marker")
    assert "Late-folder-marker" not in page and "Late-folder-marker" not in before
