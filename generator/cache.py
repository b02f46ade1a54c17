"""Per-page cache of the two expensive, pure stages: cleaning (ingest) and extraction.

A record is found by what produced it, never by a file's name or date:

* cleaning: the page's bytes and name, under the code version of the ingest stage;
* extraction: the cleaned article, under the code version of the extract stage and
  the hash of the registry (a registry edit re-extracts without re-cleaning);
* the parsed registry: its path and bytes, under the code version of the registry loader;
* the merged corpus (duplicates found across pages): the keys of every cleaned page;
* the rendered site: every input at once (articles, registry, templates, options), so a
  rebuild with nothing changed renders nothing; only the latest one is kept.

Code versions are hashes of the source of every ``generator`` module the stage imports,
found by reading the imports, plus the versions of the libraries it parses with. So any
edit to the code a stage runs invalidates that stage's records, and nothing else does.

Records live under ``<cache_dir>/<stage>-<version>/ab/<key>.pkl``; the folder is safe to
delete at any time. Each record is written to a temporary file and renamed into place,
so a reader sees a whole record or none; a record whose checksum, key or pickle does not
check out (a truncated disk write, a hand edit) is deleted and rebuilt, never trusted.
Pickle is used because the records hold the stage dataclasses as they are; the folder
is as trusted as the code that writes it, like ``__pycache__``. A cache that cannot be
written or cleaned (a read-only mount) only costs speed: no write or removal may fail a build.

One build (or ``digest ingest``) at a time works on a project: ``ProjectLock`` is held
from the start of a build to the end of its outputs, so two overlapping builds run one
after the other instead of writing the same cache, site and search index at once.
"""

from __future__ import annotations

import ast
import contextlib
import copy
import dataclasses
import hashlib
import importlib.metadata
import os
import pickle
import re
import shutil
import sys
import tempfile
import threading
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

PACKAGE_DIR = Path(__file__).resolve().parent
# Bumped when the record layout itself changes.
FORMAT = b"digest-cache-1\n"
_DIGEST_SIZE = 32
# Third-party libraries whose behaviour is part of a stage's output.
_LIBRARIES = {
    "clean": ("charset-normalizer", "trafilatura", "htmldate", "dateparser", "pyyaml"),
    "extract": ("pyahocorasick", "dateparser", "countryinfo", "pyyaml"),
    "registry": ("countryinfo", "pyyaml"),
    "corpus": ("charset-normalizer", "trafilatura", "htmldate", "dateparser", "pyyaml"),
    "render": ("jinja2", "pyyaml", "markupsafe"),
}
# The module whose import closure is each stage's code.
_STAGE_MODULES = {
    "clean": ("generator.ingest.corpus",),
    # Duplicates merged across the corpus: a pure function of all cleaned pages together.
    "corpus": ("generator.ingest.corpus",),
    "extract": ("generator.extract",),
    # The parsed registry: YAML composed with line numbers is slow for hundreds of actors.
    "registry": ("generator.extract.actors.registry",),
    # The whole site's Markdown: model + render, a pure function of every input together.
    "render": ("generator.render",),
}


# --- code versions ------------------------------------------------------------------------


def _module_file(module: str) -> Path | None:
    parts = module.split(".")
    if parts[0] != "generator":
        return None
    base = PACKAGE_DIR.joinpath(*parts[1:])
    for candidate in (base.with_suffix(".py"), base / "__init__.py"):
        if candidate.is_file():
            return candidate
    return None


def imported_names(path: Path, module: str) -> set[str]:
    """Every module name one source file imports, at the top or inside a function,
    absolute or relative (``module`` is the file's own dotted name)."""
    tree = ast.parse(path.read_bytes())
    package = module if path.name == "__init__.py" else module.rpartition(".")[0]
    found: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = package.split(".")
                anchor = anchor[: len(anchor) - node.level + 1]
                base = ".".join([*anchor, base] if base else anchor)
            found.add(base)
            found.update(f"{base}.{alias.name}" for alias in node.names)
    return found


@cache
def _imports(path: Path, module: str) -> frozenset[str]:
    """``generator`` modules imported by one source file (absolute or relative imports).

    Remembered for the process, like ``code_version``: the stages share most modules."""
    try:
        found = imported_names(path, module)
    except (SyntaxError, ValueError):
        return frozenset()
    out = set()
    for name in found:
        # "generator.ingest.reader" also runs "generator.ingest/__init__.py", and so on up.
        parts = name.split(".")
        out.update(".".join(parts[:i]) for i in range(1, len(parts) + 1))
    return frozenset(m for m in out if m.startswith("generator"))


@cache
def _file_digest(path: Path) -> bytes:
    return hashlib.sha256(path.read_bytes()).digest()


def module_closure(*roots: str) -> list[Path]:
    """Source files of ``roots`` and every ``generator`` module they import, transitively."""
    seen: dict[str, Path] = {}
    todo = list(roots)
    while todo:
        module = todo.pop()
        if module in seen:
            continue
        path = _module_file(module)
        if path is None:
            continue
        seen[module] = path
        todo.extend(_imports(path, module) - seen.keys())
    return sorted(set(seen.values()))


def _data_files(sources: list[Path]) -> list[Path]:
    """Non-Python files (word lists, tables) next to the stage's modules, in subpackages."""
    out: set[Path] = set()
    for folder in {p.parent for p in sources if p.parent != PACKAGE_DIR}:
        for path in folder.rglob("*"):
            if path.is_file() and path.suffix not in (".py", ".pyc") and "__pycache__" not in (
                path.parts
            ):
                out.add(path)
    return sorted(out)


@cache
def code_version(stage: str) -> str:
    """A short hash of everything that decides a stage's output, except its input."""
    digest = hashlib.sha256(FORMAT)
    digest.update(f"{sys.version_info[:2]}".encode())
    sources = module_closure(*_STAGE_MODULES[stage])
    for path in [*sources, *_data_files(sources)]:
        digest.update(path.relative_to(PACKAGE_DIR).as_posix().encode() + b"\0")
        digest.update(_file_digest(path))
    for library in _LIBRARIES[stage]:
        try:
            version = importlib.metadata.version(library)
        except importlib.metadata.PackageNotFoundError:
            version = "-"
        digest.update(f"{library}={version}\0".encode())
    return digest.hexdigest()[:16]


# --- keys ---------------------------------------------------------------------------------


def clean_key(data: bytes, name: str) -> str:
    """A page's cleaning depends on its bytes and its name (the name becomes its source)."""
    digest = hashlib.sha256(name.encode("utf-8", "surrogatepass") + b"\0")
    digest.update(data)
    return digest.hexdigest()


# Where an article came from, not what it says: extraction never reads these, and they
# change when a duplicate of the page turns up elsewhere in the corpus.
PROVENANCE = {"lines": [], "source": "", "duplicates": []}


def article_hash(article: Any) -> str:
    """Everything of the article that extraction may read, and nothing of its provenance."""
    if dataclasses.is_dataclass(article) and not isinstance(article, type):
        names = {f.name for f in dataclasses.fields(article)}
        article = dataclasses.replace(
            article, **{k: copy.copy(v) for k, v in PROVENANCE.items() if k in names}
        )
    return hashlib.sha256(pickle.dumps(article, protocol=5)).hexdigest()


def extract_key(article: Any, registry_hash: str) -> str:
    return hashlib.sha256(f"{registry_hash}\0{article_hash(article)}".encode()).hexdigest()


# --- the store ----------------------------------------------------------------------------


@dataclass
class Stats:
    hits: int = 0
    misses: int = 0
    corrupt: int = 0
    writes: int = 0


class PageCache:
    """The record store. ``PageCache(None)`` is a cache that never hits and never writes."""

    def __init__(self, root: Path | None) -> None:
        self.root = root
        self.stats = {stage: Stats() for stage in _STAGE_MODULES}

    def _path(self, stage: str, key: str) -> Path:
        assert self.root is not None
        return self.root / f"{stage}-{code_version(stage)}" / key[:2] / f"{key}.pkl"

    def get(self, stage: str, key: str) -> Any | None:
        """The stored value, or None when absent or not trustworthy (then it is removed)."""
        stats = self.stats[stage]
        if self.root is None:
            stats.misses += 1
            return None
        path = self._path(stage, key)
        try:
            data = path.read_bytes()
        except OSError:
            stats.misses += 1
            return None
        value = _decode(data, key)
        if value is _BAD:
            stats.corrupt += 1
            stats.misses += 1
            _remove(path)
            return None
        stats.hits += 1
        return value

    def holds_any(self, stage: str) -> bool:
        """Whether the stage has records of the running code at all (a cold build has none)."""
        return self.root is not None and (self.root / f"{stage}-{code_version(stage)}").is_dir()

    def put(self, stage: str, key: str, value: Any) -> None:
        """Store atomically; a cache that cannot be written only costs speed."""
        if self.root is None:
            return
        path = self._path(stage, key)
        data = _encode(key, value)
        try:
            try:
                write_atomic(path, data)
            except FileNotFoundError:  # the record's folder is made on first use only
                path.parent.mkdir(parents=True, exist_ok=True)
                write_atomic(path, data)
        except OSError:
            return
        self.stats[stage].writes += 1

    def put_only(self, stage: str, key: str, value: Any) -> None:
        """Store, and remove the stage's other records (for large, whole-site records)."""
        self.put(stage, key, value)
        if self.root is None:
            return
        folder = self._path(stage, key).parent.parent
        for path in folder.glob("*/*.pkl"):
            if path.stem != key:
                _remove(path)

    def prune_versions(self) -> list[Path]:
        """Remove record folders of code versions other than the running one."""
        if self.root is None or not self.root.is_dir():
            return []
        current = {f"{stage}-{code_version(stage)}" for stage in _STAGE_MODULES}
        removed = []
        for folder in self.root.iterdir():
            stage = folder.name.partition("-")[0]
            if folder.is_dir() and stage in _STAGE_MODULES and folder.name not in current:
                shutil.rmtree(folder, ignore_errors=True)
                removed.append(folder)
        return removed


def _remove(path: Path) -> None:
    """Remove a record if the cache can be written; a read-only cache keeps it."""
    with contextlib.suppress(OSError):
        path.unlink(missing_ok=True)


_BAD = object()


def _encode(key: str, value: Any) -> bytes:
    payload = pickle.dumps((key, value), protocol=5)
    return FORMAT + hashlib.sha256(payload).digest() + payload


def _decode(data: bytes, key: str) -> Any:
    head = len(FORMAT)
    if not data.startswith(FORMAT) or len(data) < head + _DIGEST_SIZE:
        return _BAD
    checksum, payload = data[head : head + _DIGEST_SIZE], data[head + _DIGEST_SIZE :]
    if hashlib.sha256(payload).digest() != checksum:
        return _BAD
    try:
        stored_key, value = pickle.loads(payload)
    except Exception:  # a record from other code: any unpickling failure means rebuild
        return _BAD
    return value if stored_key == key else _BAD


# The temporary files ``write_atomic`` makes, for a run that holds the lock to clean up.
TEMPORARY = re.compile(r"\..+\.\d+\.\d+\.tmp")


def write_atomic(path: Path, data: bytes) -> None:
    """Write to a temporary file beside ``path`` and rename it over: readers never see half,
    and a full disk leaves the old file whole.

    The temporary name is unique to this process and thread, which is all that can write
    at once (``mkstemp``'s random names cost more than the write, thousands of times over).
    """
    tmp = os.path.join(path.parent, f".{path.name}.{os.getpid()}.{threading.get_ident()}.tmp")
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o644)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise


def write_if_changed(path: Path, content: str) -> bool:
    """Write text atomically, and only when it differs, so watchers do not loop."""
    data = content.encode("utf-8", "replace")  # a lone surrogate: "?", not a crash
    try:
        if path.read_bytes() == data:
            return False
    except OSError:
        pass
    path.parent.mkdir(parents=True, exist_ok=True)
    write_atomic(path, data)
    return True


# --- one build at a time ------------------------------------------------------------------

# Set by a process that holds the lock for a child it runs (``digest build`` runs MkDocs).
HELD_ENV = "DIGEST_PROJECT_LOCK_HELD"
_held: dict[str, int] = {}  # lock path -> how many holders in this process


def lock_path(cache_dir: Path | None, project: Path) -> Path:
    """The project's lock file: in its cache folder, or (no cache, or one that cannot be
    written) in the temporary folder under a name made from the project's folder."""
    if cache_dir is not None:
        try:
            cache_dir.mkdir(parents=True, exist_ok=True)
            path = cache_dir / "build.lock"
            path.touch(exist_ok=True)
            return path
        except OSError:
            pass
    name = hashlib.sha256(str(project.resolve()).encode("utf-8", "surrogatepass")).hexdigest()
    return Path(tempfile.gettempdir()) / f"digest-{name[:16]}.lock"


class ProjectLock:
    """An exclusive lock on a project for as long as one build or ingest runs.

    The operating system releases it when the process ends, however it ends (``kill -9``
    too), so a crashed build never leaves a project locked. Re-entrant within a process,
    and in a child run under ``HELD_ENV`` (``digest build`` holds it around MkDocs)."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.handle: Any = None

    def acquire(self, waiting: Callable[[Path], None] | None = None) -> None:
        """Take the lock, calling ``waiting`` first if another process has it."""
        key = str(self.path)
        if self.handle is not None:
            return
        if key in _held or os.environ.get(HELD_ENV) == key:
            _held[key] = _held.get(key, 0) + 1
            self.handle = _NESTED
            return
        handle = open(self.path, "a+b")  # noqa: SIM115 - held across calls, closed in release
        try:
            if not _lock(handle, block=False):
                if waiting is not None:
                    waiting(self.path)
                _lock(handle, block=True)
        except BaseException:
            handle.close()
            raise
        _held[key] = 1
        self.handle = handle

    def release(self) -> None:
        if self.handle is None:
            return
        key = str(self.path)
        _held[key] = _held.get(key, 1) - 1
        if _held[key] <= 0:
            del _held[key]
        if self.handle is not _NESTED:
            self.handle.close()  # closing the file releases the lock
        self.handle = None

    def __enter__(self) -> ProjectLock:
        self.acquire()
        return self

    def __exit__(self, *exc: object) -> None:
        self.release()


_NESTED = object()

try:
    import fcntl

    def _lock(handle: Any, block: bool) -> bool:
        try:
            fcntl.flock(handle.fileno(), fcntl.LOCK_EX | (0 if block else fcntl.LOCK_NB))
        except BlockingIOError:
            return False
        return True

except ImportError:  # Windows: a lock on the file's first byte
    import msvcrt
    import time

    def _lock(handle: Any, block: bool) -> bool:
        while True:
            try:
                handle.seek(0)
                msvcrt.locking(handle.fileno(), msvcrt.LK_NBLCK, 1)
                return True
            except OSError:
                if not block:
                    return False
                time.sleep(0.2)
