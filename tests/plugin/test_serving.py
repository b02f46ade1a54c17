"""Inputs watched even when they do not exist when the server starts (``InputWatcher``),
against a stand-in for MkDocs' server that records what it is asked to watch. Nothing here
sleeps: each step waits on an event the watcher's thread sets, with a timeout."""

from __future__ import annotations

import queue
import shutil
from pathlib import Path

from generator.plugin.serving import InputWatcher, remove_files

WAIT_S = 30  # far above the watcher's polling (0.5 s): only a broken watcher waits it out


class Server:
    """What ``InputWatcher`` uses of MkDocs' ``LiveReloadServer``: ``watch``, ``unwatch``."""

    def __init__(self) -> None:
        self.calls: queue.Queue[tuple[str, str]] = queue.Queue()
        self.watched: set[str] = set()

    def watch(self, path: str) -> None:
        self.watched.add(path)
        self.calls.put(("watch", path))

    def unwatch(self, path: str) -> None:
        self.watched.discard(path)
        self.calls.put(("unwatch", path))

    def next_call(self) -> tuple[str, str]:
        return self.calls.get(timeout=WAIT_S)


def test_a_folder_made_after_start_is_watched_and_a_rebuild_asked_for(tmp_path: Path) -> None:
    templates, registry = tmp_path / "templates", tmp_path / "actors.yml"
    registry.write_text("actors: []\n", encoding="utf-8")
    server = Server()
    watcher = InputWatcher(server, [templates, registry])
    try:
        trigger = watcher.trigger
        # At start: its own trigger folder, and the inputs that exist.
        assert server.next_call() == ("watch", str(trigger))
        assert server.next_call() == ("watch", str(registry))
        templates.mkdir()
        assert server.next_call() == ("watch", str(templates))
        # Deleted, then made again (a new folder of the same name): watched afresh.
        shutil.rmtree(templates)
        assert server.next_call() == ("unwatch", str(templates))
        # The thread wrote its trigger (a rebuild asked for) before it looked again.
        assert (trigger / "changed").is_file()
        templates.mkdir()
        assert server.next_call() == ("watch", str(templates))
        # A file an editor's tool replaces (written elsewhere, renamed over it).
        fresh = tmp_path / "actors.yml.new"
        fresh.write_text("actors: []\n# edited\n", encoding="utf-8")
        fresh.replace(registry)
        assert server.next_call() == ("unwatch", str(registry))
        assert server.next_call() == ("watch", str(registry))
    finally:
        watcher.stop()
    assert not watcher.trigger.exists()  # a temporary folder: removed


def test_the_trigger_folder_given_is_used_and_kept(tmp_path: Path) -> None:
    server = Server()
    watcher = InputWatcher(server, [tmp_path / "templates"], tmp_path / ".cache" / "trigger")
    try:
        assert server.next_call() == ("watch", str(tmp_path / ".cache" / "trigger"))
    finally:
        watcher.stop()
    assert (tmp_path / ".cache" / "trigger").is_dir()


def test_files_of_pages_that_are_gone_are_deleted_with_their_empty_folders(
    tmp_path: Path,
) -> None:
    site = tmp_path / "site"
    gone = site / "articles" / "old" / "index.html"
    kept = site / "articles" / "new" / "index.html"
    outside = tmp_path / "elsewhere.html"
    for path in (gone, kept, outside):
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text("x", encoding="utf-8")
    assert remove_files({str(gone), str(outside), str(site / "missing.html")}, site) == 1
    assert not gone.parent.exists() and kept.is_file() and outside.is_file()
