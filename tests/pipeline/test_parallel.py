"""The worker pool: results in task order, workers that collect garbage while the parent,
which keeps every result, does not; and no fork while another thread runs."""

from __future__ import annotations

import gc
import os
import threading

from generator.parallel import can_fork, pool_map


def _square(n: int) -> int:
    return n * n


def _collector_on(_: int) -> bool:
    return gc.isenabled()


def _pid(_: int) -> int:
    return os.getpid()


def test_results_come_back_in_task_order() -> None:
    assert pool_map(_square, list(range(50)), 2) == [n * n for n in range(50)]


def test_pool_workers_collect_garbage_while_the_parent_collects_results() -> None:
    assert gc.isenabled()
    assert pool_map(_collector_on, list(range(8)), 2) == [True] * 8
    assert gc.isenabled()  # restored once the results are in
    gc.unfreeze()  # pool_map keeps what it returns out of the collector's scans


def test_no_fork_while_another_thread_runs() -> None:
    stop = threading.Event()
    thread = threading.Thread(target=stop.wait)
    thread.start()
    try:
        assert not can_fork()
        # The pool still works, started without forking this process.
        assert os.getpid() not in pool_map(_pid, list(range(4)), 2)
    finally:
        stop.set()
        thread.join()
