"""Using the machine: worker processes, and what the garbage collector need not scan.

Cleaning and extraction take one page each, so they are mapped over a process pool
(``pool_map``). Rendering needs the whole digest, which is costly to send anywhere: its
parts run in forked workers, which have it already (``fork_map``); the pages come back.

A build keeps almost everything it makes until it ends (the articles, their facts, the
model, the pages), and Python's cyclic collector rescans every live object in each full
collection: at 10,000 articles that was seconds of a build for nothing to collect. So
what a stage made is moved out of the collector's sight once it is made (``keep``),
and given back once the build is over (``release``). These two and ``pool_map`` are the
only places that touch the collector.
"""

from __future__ import annotations

import gc
import multiprocessing
import sys
import threading
from collections.abc import Callable, Sequence
from concurrent.futures import ProcessPoolExecutor
from typing import Any, TypeVar

T = TypeVar("T")
# The parts a fork_map runs: set before its workers fork, so they inherit them.
_PARTS: Sequence[Callable[[], Any]] = ()


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
            results = list(pool.map(function, tasks, chunksize=chunk))
    finally:
        if collecting:
            gc.enable()
    keep()
    return results


def fork_map(parts: Sequence[Callable[[], T]], workers: int) -> list[T]:
    """Each part's result, in the parts' order, the parts run by forked worker processes:
    they inherit the parts and all they refer to, and send back only their results. Run
    here instead where forking is not safe (see ``can_fork``) or there is one worker."""
    global _PARTS
    if workers < 2 or len(parts) < 2 or not can_fork():
        return [part() for part in parts]
    _PARTS = parts
    try:
        return pool_map(_run_part, list(range(len(parts))), workers)
    finally:
        _PARTS = ()


def _run_part(index: int) -> Any:
    return _PARTS[index]()


def keep() -> None:
    """Everything alive now lives to the end of the build: out of the collector's scans."""
    gc.freeze()


def release() -> None:
    """The build is over: what it kept may be collected again (``mkdocs serve`` goes on)."""
    gc.unfreeze()
