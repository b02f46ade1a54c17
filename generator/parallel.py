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
import sys
import tempfile
import threading
from collections.abc import Callable, Sequence
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path
from typing import Any, TypeVar

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
    with ProcessPoolExecutor(max_workers=workers, mp_context=context) as pool:
        return list(pool.map(function, tasks, chunksize=chunk))


def run_parts(
    parts: Sequence[Callable[[], T]], workers: int = 1, first: Sequence[int] = ()
) -> list[T]:
    """Each part's result, in the parts' order.

    With ``workers`` > 1 and forking safe, a forked helper takes parts too, from a counter
    both processes share, so neither waits on a plan made in advance; ``first``: parts to
    take before the others (the longest, so the short ones even out the end). The helper
    leaves each result in a file, read once both are done: sent through a pipe, results
    would wait on a thread of this busy process. A part the helper did not deliver (it
    failed or died) is run here, so an error is raised here as in a serial run.
    """
    if workers < 2 or len(parts) < 2 or not can_fork():
        return [part() for part in parts]
    context = multiprocessing.get_context("fork")
    counter = context.Value("i", 0)
    order = [*first, *(i for i in range(len(parts)) if i not in set(first))]
    with tempfile.TemporaryDirectory(prefix="digest-parts-") as folder:
        # Objects made so far move out of the collector's reach: a collection in either
        # process would otherwise write to every one of them and unshare their memory.
        gc.freeze()
        try:
            helper = context.Process(
                target=_help, args=(parts, order, counter, Path(folder)), daemon=True
            )
            helper.start()
        except OSError:
            gc.unfreeze()
            return [part() for part in parts]
        results: dict[int, T] = {}
        try:
            while (position := _claim(counter)) < len(order):
                results[order[position]] = parts[order[position]]()
        finally:
            with counter.get_lock():
                counter.value = len(order)  # after an error here: the helper stops too
            helper.join()
            gc.unfreeze()
        for path in Path(folder).glob("*.pickle"):
            results[int(path.stem)] = pickle.loads(path.read_bytes())
    return [results[i] if i in results else parts[i]() for i in range(len(parts))]


def _claim(counter: Any) -> int:
    with counter.get_lock():
        position = counter.value
        counter.value += 1
    return position


def _help(parts: Sequence[Callable[[], Any]], order: list[int], counter: Any, folder: Path) -> None:
    try:
        while (position := _claim(counter)) < len(order):
            index = order[position]
            data = pickle.dumps(parts[index](), pickle.HIGHEST_PROTOCOL)
            partial = folder / f"{index}.partial"
            partial.write_bytes(data)
            partial.rename(folder / f"{index}.pickle")  # whole, or not there at all
    except BaseException:  # noqa: BLE001 - the parent runs this part again and reports it
        pass
