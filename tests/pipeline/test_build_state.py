"""The build's own state (issue 20): a read-only cache costs speed only, the search index
is written whole and once per page, and one build at a time holds a project."""

from __future__ import annotations

import errno
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from generator import cache as cache_module
from generator.cache import HELD_ENV, ProjectLock, lock_path
from generator.pipeline import build
from generator.plugin.material_search import add_entries
from generator.render.search import SearchEntry
from tests.conftest import ROOT, copy_project, project_options


@pytest.fixture
def project(tmp_path: Path) -> Path:
    return copy_project(tmp_path)


def contents(result) -> list[tuple[str, str]]:
    return [(page.path, page.content) for page in result.pages]


def read_only(monkeypatch: pytest.MonkeyPatch, folder: Path) -> None:
    """The cache folder as a read-only mount behaves: reads work, every change fails."""

    def refuse(*args, **kwargs):
        raise OSError(errno.EROFS, "Read-only file system")

    original_unlink = Path.unlink

    def unlink(self: Path, missing_ok: bool = False) -> None:
        if self.is_relative_to(folder):
            refuse()
        original_unlink(self, missing_ok=missing_ok)

    monkeypatch.setattr(cache_module, "write_atomic", refuse)
    monkeypatch.setattr(Path, "unlink", unlink)
    monkeypatch.setattr(cache_module.shutil, "rmtree", lambda *a, **k: None)


def test_a_read_only_cache_costs_speed_only(project: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    options = project_options(project)
    build(options)  # fills the cache
    page = sorted((project / "content" / "raw").iterdir())[2]
    page.write_text(
        page.read_text(encoding="utf-8").replace("\n\n", "\n\nA new first paragraph.\n\n", 1)
    )
    read_only(monkeypatch, options.cache_dir)
    after = build(options)  # the render record of the old site cannot be removed
    monkeypatch.undo()
    assert after.work.cleaned == [page.name]
    assert contents(after) == contents(build(project_options(project, cache_dir=None)))


# --- the search index ---------------------------------------------------------------------


def index_with(tmp_path: Path, docs: list[dict]) -> Path:
    path = tmp_path / "search" / "search_index.json"
    path.parent.mkdir(parents=True)
    path.write_text(json.dumps({"config": {"lang": ["en"]}, "docs": docs}), encoding="utf-8")
    return path


ENTRIES = [
    ("actors/lumen/", SearchEntry("Lumen Republic", "A republic on a delta.", body="delta")),
    ("articles/toll-talks/", SearchEntry("Toll talks", "Talks about river tolls.")),
]


def test_entries_added_twice_are_in_the_index_once(tmp_path: Path) -> None:
    theirs = [{"location": "about/", "title": "About", "text": "A hand-written page."}]
    path = index_with(tmp_path, theirs)
    add_entries(tmp_path, ENTRIES)
    once = path.read_bytes()
    add_entries(tmp_path, ENTRIES)  # a build that overlapped, or ran on the same index
    assert path.read_bytes() == once
    docs = json.loads(once)["docs"]
    assert [d["location"] for d in docs] == ["about/", "actors/lumen/", "articles/toll-talks/"]


def test_a_full_disk_leaves_the_index_whole(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = index_with(tmp_path, [{"location": "about/", "title": "About", "text": "x"}])
    before = path.read_bytes()
    real_fdopen = os.fdopen

    class FullDisk:
        def __init__(self, handle) -> None:
            self.handle = handle

        def __enter__(self):
            return self

        def __exit__(self, *exc) -> None:
            self.handle.close()

        def write(self, data: bytes) -> None:
            self.handle.write(data[: len(data) // 2])
            raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(cache_module.os, "fdopen", lambda fd, mode: FullDisk(real_fdopen(fd, mode)))
    with pytest.raises(OSError, match="No space"):
        add_entries(tmp_path, ENTRIES)
    monkeypatch.undo()
    assert path.read_bytes() == before
    assert sorted(p.name for p in path.parent.iterdir()) == ["search_index.json"]


# --- one build at a time ------------------------------------------------------------------


TAKE_LOCK = """
import sys
sys.path.insert(0, {root!r})
from pathlib import Path
from generator.cache import ProjectLock
lock = ProjectLock(Path({path!r}))
lock.acquire(waiting=lambda path: print("waiting", flush=True))
print("locked", flush=True)
"""


def other_process_takes(path: Path, env: dict[str, str] | None = None) -> subprocess.Popen:
    script = TAKE_LOCK.format(root=str(ROOT), path=str(path))
    return subprocess.Popen(
        [sys.executable, "-c", script], stdout=subprocess.PIPE, text=True, env=env
    )


def test_a_second_process_waits_for_the_lock(tmp_path: Path) -> None:
    path = lock_path(tmp_path / "cache", tmp_path)
    assert path.parent == tmp_path / "cache"
    lock = ProjectLock(path)
    lock.acquire()
    other = other_process_takes(path)
    try:
        assert other.stdout.readline() == "waiting\n"
    finally:
        lock.release()
    assert other.stdout.readline() == "locked\n"
    assert other.wait(timeout=60) == 0


def test_the_lock_is_reentrant_and_passed_to_a_child(tmp_path: Path) -> None:
    path = lock_path(None, tmp_path)  # no cache: the temporary folder
    outer, inner = ProjectLock(path), ProjectLock(path)
    with outer:
        inner.acquire()  # the same process: no wait on itself
        inner.release()
        child = other_process_takes(path, env={**os.environ, HELD_ENV: str(path)})
        assert child.stdout.readline() == "locked\n"  # held for it by this process
        assert child.wait(timeout=60) == 0
    # Released: another process takes it without waiting.
    free = other_process_takes(path)
    assert free.stdout.readline() == "locked\n"
    assert free.wait(timeout=60) == 0


def test_a_cache_folder_that_cannot_be_made_locks_in_the_temporary_folder(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("a file where the cache folder should be")
    path = lock_path(blocker / "digest", tmp_path)
    assert path.parent != blocker / "digest"
    with ProjectLock(path):
        pass
