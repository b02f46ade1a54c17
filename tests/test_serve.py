"""`mkdocs serve` rebuilds when an editor changes a template, the registry or an article."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from generator.render import BUILTIN_TEMPLATES
from tests.conftest import copy_project


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def fetch(url: str) -> str:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.read().decode("utf-8")
    except OSError:
        return ""


def wait_for(url: str, text: str, seconds: float = 90) -> str:
    deadline = time.monotonic() + seconds
    page = ""
    while time.monotonic() < deadline:
        page = fetch(url)
        if text in page:
            return page
        time.sleep(0.5)
    raise AssertionError(f"{text!r} never appeared at {url}")


@pytest.fixture
def served(tmp_path: Path):
    project = copy_project(tmp_path)
    port = free_port()
    server = subprocess.Popen(
        [sys.executable, "-m", "mkdocs", "serve", "-f", str(project / "mkdocs.yml"), "-a", f"127.0.0.1:{port}"],
        cwd=project,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
    )
    try:
        wait_for(f"http://127.0.0.1:{port}/actors/qatar/", "Qatar")
        yield project, f"http://127.0.0.1:{port}"
    finally:
        server.terminate()
        server.wait(timeout=30)


def test_serve_rebuilds_on_template_registry_and_article_changes(served) -> None:
    project, base = served
    # A template override in the editors' folder.
    override = (BUILTIN_TEMPLATES / "actor.md.j2").read_text(encoding="utf-8")
    (project / "templates/actor.md.j2").write_text(override + "\n\nTemplate-override-marker\n", encoding="utf-8")
    wait_for(f"{base}/actors/qatar/", "Template-override-marker")
    # The registry.
    registry = project / "content/actors.yml"
    text = registry.read_text(encoding="utf-8")
    qatar = text.index("id: qatar")
    start = text.index("description:", qatar)
    end = text.index("\n", start)
    registry.write_text(text[:start] + "description: Registry-edit-marker." + text[end:], encoding="utf-8")
    wait_for(f"{base}/actors/qatar/", "Registry-edit-marker")
    # A new raw page.
    (project / "content/raw/zzz_new.txt").write_text(
        "Serve-marker talks open in Doha\nPublished: 3 March 2025\n\n"
        "Qatar hosted a new round of talks in Doha on March 2, 2025, officials said, as mediators "
        "pressed both sides to agree on the second phase of the ceasefire deal.\n",
        encoding="utf-8",
    )
    wait_for(f"{base}/articles/", "Serve-marker talks open in Doha")
