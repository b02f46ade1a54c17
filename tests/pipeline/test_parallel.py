"""The worker pools: results in task order, workers that collect garbage while the parent,
which keeps every result, does not; forked parts that need nothing sent; no fork while
another thread runs."""

from __future__ import annotations

import gc
import os
import threading

import pytest

from generator.parallel import can_fork, fork_map, pool_map


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


def test_forked_parts_need_nothing_sent_and_come_back_in_order() -> None:
    shared = {"rows": list(range(30))}  # a closure over this: nothing is pickled but results

    def part(i: int):
        return lambda: (i, sum(shared["rows"][: i + 1]), os.getpid())

    results = fork_map([part(i) for i in range(12)], workers=2)
    assert [(i, total) for i, total, _ in results] == [(i, sum(range(i + 1))) for i in range(12)]
    if can_fork():
        assert os.getpid() not in {pid for _, _, pid in results}
    assert fork_map([part(i) for i in range(3)], workers=1)[0][2] == os.getpid()


class PartFailed(Exception):
    pass


def test_an_error_in_a_forked_part_is_raised_here() -> None:
    def failing() -> None:
        raise PartFailed("part 3 failed")

    with pytest.raises(PartFailed, match="part 3 failed"):
        fork_map([lambda: 1, lambda: 2, failing, lambda: 4], workers=2)
