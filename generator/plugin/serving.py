"""Rebuilds under ``mkdocs serve --dirty`` (what ``digest serve`` runs) that leave the site
a full build would make, and inputs watched even when their folder is made later.

MkDocs' dirty build renders only the files whose ``is_modified()`` is true and leaves the
other files of the last build where they are. That gives the site a full build gives when
a page is reported modified whenever anything its HTML shows changed, and nothing else
goes stale. ``DirtyBuilds`` sees to it, with MkDocs' public objects only:

- a generated page is modified when its *frame* changed: its Markdown and raw HTML, the
  pages its sidebar lists (with their titles), the feeds it announces, the pages before
  and after it and the sections above it, and the site's own frame (``mkdocs.yml``, every
  hand-written page, which the navigation is made of, the sections' titles and the theme
  overrides of ``custom_dir``);
- a page MkDocs does not read again keeps the title it would have had (its front
  matter's), so the pages that list it in their sidebar name it as a full build does;
- pages Material's search plugin indexes itself (the home page, hand-written pages) are
  rendered every time, so its index is whole (see ``material_search.fresh_index``);
- the files of pages that are gone are deleted, and folders they leave empty.
"""

from __future__ import annotations

import json
import logging
import os
import shutil
import tempfile
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any

import jinja2
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files

from generator.plugin.navigation import SiteSection, neighbours_of
from generator.render import Page
from generator.render.environment import CompiledTemplates

log = logging.getLogger("mkdocs.plugins.digest")

# How often the inputs that did not exist are looked for: as often as MkDocs' own
# watcher polls (its PollingObserver's default).
POLL_SECONDS = 0.5


class GeneratedFile(File):
    """A generated page that knows whether it changed since the previous build, so that
    a dirty build renders only the pages that did."""

    changed: bool = True

    def is_modified(self) -> bool:
        return self.changed


class ThemeTemplates:
    """The theme's compiled templates, kept across the rebuilds of ``mkdocs serve`` for
    environments of the same settings (the code Jinja2 compiles depends on them)."""

    def __init__(self) -> None:
        self.settings: tuple = ()
        self.code = CompiledTemplates()

    def for_settings(self, env: jinja2.Environment) -> CompiledTemplates:
        settings = (
            type(env.loader).__name__, getattr(env.loader, "searchpath", None),
            tuple(sorted(env.extensions)), env.autoescape, env.trim_blocks,
            env.lstrip_blocks, env.keep_trailing_newline, env.optimized,
            env.block_start_string, env.variable_start_string, env.comment_start_string,
            env.line_statement_prefix, env.line_comment_prefix, env.newline_sequence,
        )  # fmt: skip
        if settings != self.settings:
            self.settings, self.code = settings, CompiledTemplates()
        return self.code


def _always(*_: object) -> bool:
    return True


def front_matter(page: Page) -> dict[str, Any]:
    """A generated page's metadata (one line of JSON: ``render.page.front_matter``)."""
    if not page.content.startswith("---\n"):
        return {}
    line = page.content[4 : page.content.find("\n", 4)]
    try:
        meta = json.loads(line)
    except ValueError:
        return {}
    return meta if isinstance(meta, dict) else {}


class DirtyBuilds:
    """What the last build showed of each file, and which files it wrote."""

    def __init__(self) -> None:
        self.frames: dict[str, Any] = {}  # src_uri -> its frame at the last good build
        self.pending: dict[str, Any] = {}  # this build's, kept once it succeeds
        self.outputs: set[str] = set()  # every file the last good build wrote or kept

    def mark(
        self,
        config: MkDocsConfig,
        files: Files,
        pages: dict[str, Page],
        sections: list[SiteSection],
        feeds: Callable[[str], list[tuple[str, str]]],
        searched: bool,
    ) -> int:
        """Report each file modified or not (see the module's docstring); the number of
        files that will be written. ``feeds``: the (path, title) of the feeds a page
        announces; ``searched``: whether Material's search plugin indexes pages."""
        metas = {uri: front_matter(page) for uri, page in pages.items()}
        for file in files:
            # First every title, as reading the page would give it: a page's frame names
            # its neighbours, wherever they stand in the files.
            meta = metas.get(file.src_uri)
            title = meta.get("title") if meta else None
            if file.page is not None and file.page.title is None and isinstance(title, str):
                file.page.title = title
        site = (site_frame(config, files), section_titles(sections))
        self.pending = {}
        count = 0
        for file in files:
            ours = pages.get(file.src_uri)
            if ours is None or not isinstance(file, GeneratedFile):
                if file.is_documentation_page():
                    file.is_modified = _always  # type: ignore[method-assign]
                    count += 1
                continue
            frame: tuple = (ours.content, ours.fragments)
            if file.is_documentation_page() and file.page is not None:
                meta = metas[file.src_uri]
                shown = [
                    [(p.file.src_uri, p.title) for p in listed]
                    for listed in neighbours_of(sections, file.page)
                ]
                frame = (site, frame, shown, feeds(file.src_uri), around(file.page))
                indexed = ours.search is None and not (meta.get("search") or {}).get("exclude")
                if searched and indexed:
                    frame = (object(),)  # Material indexes it: rendered every time
            self.pending[file.src_uri] = frame
            file.changed = self.frames.get(file.src_uri) != frame
            count += file.changed
        return count

    def done(self, files: Files, site_dir: str) -> int:
        """After a build that succeeded: keep its frames, delete what is gone since the
        last one; the number of files deleted."""
        self.frames, self.pending = self.pending, {}
        now = {file.abs_dest_path for file in files}
        gone = self.outputs - now
        self.outputs = now
        return remove_files(gone, Path(site_dir))

    def forget(self) -> None:
        """After a build that failed: the next one writes every file."""
        self.frames, self.pending = {}, {}


def section_titles(sections: list[SiteSection]) -> tuple:
    """The title of every section's index page (a section without a title in the nav is
    named after it, in every page's navigation)."""
    return tuple((s.folder, s.index.title) for s in sections)


def around(page: Any) -> tuple:
    """The pages before and after ``page`` in the navigation, with their titles (a theme's
    footer links them) and the sections above it (its breadcrumb)."""
    def named(other: Any) -> tuple | None:
        return (other.file.src_uri, other.title) if other is not None else None

    parents = []
    parent = page.parent
    while parent is not None:
        parents.append(parent.title)
        parent = parent.parent
    return (named(page.previous_page), named(page.next_page), tuple(parents))


def site_frame(config: MkDocsConfig, files: Files) -> tuple:
    """What every page shows besides its own content and sidebar: the configuration
    (the nav, the theme, extra CSS) and the hand-written pages the nav may name."""
    path = config.config_file_path
    configured = Path(path).read_bytes() if path and os.path.isfile(path) else b""
    written = []
    for file in files.documentation_pages():
        if not isinstance(file, GeneratedFile) and file.abs_src_path:
            try:
                written.append((file.src_uri, Path(file.abs_src_path).read_bytes()))
            except OSError:
                written.append((file.src_uri, b""))
    return (configured, tuple(config.extra_css), tuple(sorted(written)), theme_files(config))


def theme_files(config: MkDocsConfig) -> tuple:
    """The theme overrides of the project (``custom_dir``) by name, size and modification
    time: with ``--watch-theme`` an edit of one rebuilds, and every page shows it."""
    folder = config.theme.custom_dir
    if not folder or not os.path.isdir(folder):
        return ()
    out = []
    for path in sorted(Path(folder).rglob("*")):
        try:
            st = path.stat()
        except OSError:
            continue
        out.append((path.relative_to(folder).as_posix(), st.st_size, st.st_mtime_ns))
    return tuple(out)


def remove_files(paths: set[str], root: Path) -> int:
    """Delete the files (under ``root`` only) and the folders they leave empty."""
    root = root.resolve()
    removed = 0
    for name in sorted(paths):
        path = Path(name).resolve()
        if not path.is_relative_to(root) or path == root:
            continue
        try:
            path.unlink()
            removed += 1
        except FileNotFoundError:
            pass
        except OSError as exc:
            log.warning("%s: cannot delete a page that is gone (%s)", path, exc.strerror or exc)
            continue
        folder = path.parent
        while folder != root and folder.is_relative_to(root):
            try:
                folder.rmdir()
            except OSError:
                break  # not empty
            folder = folder.parent
    return removed


class InputWatcher:
    """Watches inputs that do not exist yet (a ``templates/`` folder made after the
    server started) or are deleted and made again: once one appears, ``mkdocs serve``
    watches it and rebuilds.

    MkDocs' watcher cannot watch a path that does not exist, and stops watching a
    folder that is deleted. This thread looks for each path every POLL_SECONDS; when one
    appears (or is a new folder of the same name) it asks the server to watch it and
    touches a file in a folder of its own that the server watches, which is how a
    rebuild is asked for through the server's public ``watch``. That folder is
    ``trigger`` when given (in the project's cache: a server stopped by a signal leaves
    nothing behind), else a temporary one.
    """

    def __init__(self, server: Any, paths: list[Path], trigger: Path | None = None) -> None:
        self.server = server
        self.paths = paths
        self.temporary = trigger is None
        if trigger is None:
            trigger = Path(tempfile.mkdtemp(prefix="digest-serve-"))
        else:
            trigger.mkdir(parents=True, exist_ok=True)
        self.trigger = trigger
        server.watch(str(self.trigger))
        self.seen = {path: self._identity(path) for path in paths}
        self.watched: set[Path] = set()
        for path in paths:
            if self.seen[path] is not None:
                server.watch(str(path))
                self.watched.add(path)
        self.stopping = threading.Event()
        self.thread = threading.Thread(target=self._run, name="digest-inputs", daemon=True)
        self.thread.start()

    @staticmethod
    def _identity(path: Path) -> tuple[int, int] | None:
        try:
            st = path.stat()
        except OSError:
            return None
        return (st.st_dev, st.st_ino)

    def _run(self) -> None:
        count = 0
        while not self.stopping.wait(POLL_SECONDS):
            for path in self.paths:
                now = self._identity(path)
                if now == self.seen[path]:
                    continue
                self.seen[path] = now
                if path in self.watched:
                    self.server.unwatch(str(path))
                    self.watched.discard(path)
                if now is not None:
                    self.server.watch(str(path))
                    self.watched.add(path)
                log.info("%s %s: rebuilding", path, "appeared" if now else "is gone")
                count += 1
                (self.trigger / "changed").write_text(str(count), encoding="utf-8")

    def stop(self) -> None:
        self.stopping.set()
        self.thread.join(timeout=5 * POLL_SECONDS)
        if self.temporary:
            shutil.rmtree(self.trigger, ignore_errors=True)
