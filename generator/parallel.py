"""Using the machine: worker processes for work on single pages, and what the garbage
collector need not scan.

Cleaning and extraction take one page each, so they are mapped over a process pool
(``pool_map``). Everything else runs in this process.

A build keeps almost everything it makes until it ends (the articles, their facts, the
model, the pages), and Python's cyclic collector rescans every live object in each full
collection: at 10,000 articles that was seconds of a build for nothing to collect. So
what a stage made is moved out of the collector's sight once it is made (``keep``),
and given back once the build is over (``release``). These two and ``pool_map`` are the
only places that touch the collector.
"""

from __future__ import annotations

import contextlib
import ctypes
import gc
import multiprocessing
import os
import signal
import sys
import threading
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor
from typing import Any


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
    parent = os.getpid() if context.get_start_method() == "fork" else None
    try:
        with ProcessPoolExecutor(
            max_workers=workers,
            mp_context=context,
            initializer=start_worker,
            initargs=(parent,),
        ) as pool:
            results = list(pool.map(function, tasks, chunksize=chunk))
    finally:
        if collecting:
            gc.enable()
    keep()
    return results


def start_worker(parent: int | None) -> None:
    """Make a worker end with the process that started it.

    A worker waits on its task queue forever, holding the output it inherited: when the
    build is killed (``kill``, a closed terminal), workers that outlive it hang, and keep
    ``mkdocs build | tee log`` from ever ending. On Linux the kernel sends the worker
    SIGTERM when its parent dies; elsewhere a thread watches for a new parent.
    ``parent``: the pid expected as parent (None under a fork server, whose workers end
    when it does)."""
    gc.enable()  # the parent's pool_map disabled it while forking
    if _die_with_parent():
        if parent is not None and os.getppid() != parent:
            os._exit(1)  # the parent died before the kernel was asked
        return
    expected = os.getppid()

    def watch() -> None:
        while os.getppid() == expected:
            threading.Event().wait(1.0)
        os._exit(1)

    threading.Thread(target=watch, name="parent-watch", daemon=True).start()


_PR_SET_PDEATHSIG = 1


def _die_with_parent() -> bool:
    """Ask Linux to send SIGTERM when the parent dies; False where that cannot be asked."""
    if not sys.platform.startswith("linux"):
        return False
    with contextlib.suppress(OSError, AttributeError):
        libc = ctypes.CDLL(None, use_errno=True)
        return libc.prctl(_PR_SET_PDEATHSIG, signal.SIGTERM, 0, 0, 0) == 0
    return False


def keep() -> None:
    """Everything alive now lives to the end of the build: out of the collector's scans."""
    gc.freeze()


def release() -> None:
    """The build is over: what it kept may be collected again (``mkdocs serve`` goes on)."""
    gc.unfreeze()
