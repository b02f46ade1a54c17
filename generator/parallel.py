"""Using more than one core: a process pool for work on single pages, and a forked helper
for work that needs the whole model.

Cleaning and extraction take one page each, so they are mapped over a pool
(``pool_map``). Rendering needs the whole digest, which is costly to send anywhere: a
forked copy of this process already has it, so ``run_parts`` forks one helper that takes
parts of the work from a shared counter and sends back only what it made.
"""

from __future__ import annotations

import gc
import multiprocessing
import pickle
import shutil
import sys
import tempfile
import threading
import time
from collections.abc import Callable, Sequence
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path
from typing import Any, Generic, TypeVar

T = TypeVar("T")


def can_fork() -> bool:
    """Whether forking is safe here: a process with other threads running (the server of
    `mkdocs serve`) can fork while another thread holds a lock, and macOS forbids it."""
    return (
        "fork" in multiprocessing.get_all_start_methods()
        and threading.active_count() == 1
        and sys.platform != "darwin"
    )


def pool_map(function: Callable[[Any], Any], tasks: list[Any], workers: int) -> list[Any]:
    """``map`` over worker processes, results in task order whatever order they finish in."""
    methods = multiprocessing.get_all_start_methods()
    if can_fork():
        context = multiprocessing.get_context("fork")  # cheapest: workers share our imports
    elif "forkserver" in methods:
        # The fork server starts threadless, so it forks safely even under `mkdocs serve`.
        context = multiprocessing.get_context("forkserver")
        context.set_forkserver_preload(["generator.pipeline"])
    else:
        context = multiprocessing.get_context("spawn")
    chunk = max(1, min(64, len(tasks) // (workers * 8)))
    # Results arrive by the thousand and are all kept: a full collection while they come
    # in would scan every one so far, and find nothing to collect.
    collecting = gc.isenabled()
    gc.disable()
    try:
        with ProcessPoolExecutor(
            max_workers=workers, mp_context=context, initializer=gc.enable
        ) as pool:
            return list(pool.map(function, tasks, chunksize=chunk))
    finally:
        if collecting:
            gc.enable()


def run_parts(
    parts: Sequence[Callable[[], T]], workers: int = 1, first: Sequence[int] = ()
) -> list[T]:
    """Each part's result, in the parts' order (see ``SharedParts``)."""
    shared = SharedParts(parts, workers, first)
    try:
        return shared.all()
    finally:
        shared.close()


class SharedParts(Generic[T]):
    """Parts of some work, done by this process and a forked helper.

    With ``workers`` > 1 and forking safe, the helper takes parts in order (``first``: the
    parts to take before the others, the longest, so the short ones even out the end)
    from a table both processes share, and leaves each result in a file; it needs nothing
    sent to it, having everything this process had when it forked. This process takes
    the next free part when it wants work (``all``), or a given part when it needs that
    one (``get``): the helper can render ahead while this process does something else.
    A part the helper did not deliver (it failed or died) is run here, so an error is
    raised here as in a serial run.
    """

    def __init__(
        self,
        parts: Sequence[Callable[[], T]],
        workers: int = 1,
        first: Sequence[int] = (),
        mine: Sequence[int] = (),
    ) -> None:
        """``mine``: parts the helper leaves to this process."""
        self.parts = parts
        self.done: dict[int, T] = {}
        self.helper: Any = None
        if workers < 2 or len(parts) < 2 or not can_fork():
            return
        context = multiprocessing.get_context("fork")
        self.order = [*first, *(i for i in range(len(parts)) if i not in set(first))]
        self.taken = context.Array("b", len(parts))  # 1: taken by the helper, 2: by us
        for index in mine:
            self.taken[index] = 2
        self.folder = Path(tempfile.mkdtemp(prefix="digest-parts-"))
        # Objects made so far move out of the collector's reach: a collection in either
        # process would otherwise write to every one of them and unshare their memory.
        gc.freeze()
        helper = context.Process(target=self._help, daemon=True)
        try:
            helper.start()
        except OSError:
            self.close()
            return
        self.helper = helper

    def all(self) -> list[T]:
        """Every part's result: this process takes free parts until none is left."""
        if self.helper is not None:
            while (index := self._take(by=2)) is not None:
                self.done[index] = self.parts[index]()
        return [self.get(i) for i in range(len(self.parts))]

    def get(self, index: int) -> T:
        """One part's result: done here if no one has taken it, else the helper's."""
        if index in self.done:
            return self.done[index]
        if self.helper is not None:
            with self.taken.get_lock():
                mine = self.taken[index] != 1  # free, or left to us
                self.taken[index] = 1 if not mine else 2
            path = self.folder / f"{index}.pickle"
            while not mine and not path.exists() and self.helper.is_alive():
                # Rather than wait, take a part the helper would come to last.
                spare = self._take(by=2, last=True)
                if spare is None:
                    time.sleep(0.002)
                else:
                    self.done[spare] = self.parts[spare]()
            if not mine and path.exists():
                self.done[index] = pickle.loads(path.read_bytes())
                path.unlink()
                return self.done[index]
        self.done[index] = self.parts[index]()
        return self.done[index]

    def claim(self, index: int) -> T | None:
        """The helper's result for a part it took (waited for); None if it did not take it,
        or failed on it: the part is then this process's, to do its own way (none of the
        parts' functions is run here). Claim each part once: its result is not kept."""
        if self.helper is None:
            return None
        with self.taken.get_lock():
            if self.taken[index] != 1:
                self.taken[index] = 2
                return None
        path = self.folder / f"{index}.pickle"
        while not path.exists() and self.helper.is_alive():
            time.sleep(0.002)
        if not path.exists():
            return None
        result = pickle.loads(path.read_bytes())
        path.unlink()
        return result

    def close(self) -> None:
        """Stop the helper (it finishes the part at hand) and remove its files."""
        if not hasattr(self, "folder"):
            return
        with self.taken.get_lock():
            for i in range(len(self.parts)):
                self.taken[i] = self.taken[i] or 2
        if self.helper is not None:
            self.helper.join()
            self.helper = None
        shutil.rmtree(self.folder, ignore_errors=True)
        del self.folder
        gc.unfreeze()

    def _take(self, by: int, last: bool = False) -> int | None:
        with self.taken.get_lock():
            for index in reversed(self.order) if last else self.order:
                if self.taken[index] == 0:
                    self.taken[index] = by
                    return index
        return None

    def _help(self) -> None:
        """The helper's loop, in the forked process."""
        try:
            while (index := self._take(by=1)) is not None:
                data = pickle.dumps(self.parts[index](), pickle.HIGHEST_PROTOCOL)
                partial = self.folder / f"{index}.partial"
                partial.write_bytes(data)
                partial.rename(self.folder / f"{index}.pickle")  # whole, or not at all
        except BaseException:  # noqa: BLE001 - this part is run again by the parent
            pass
