"""The forked helper of ``run_parts``: same results in the same order as a serial run,
work really shared, and a failing or dying helper costs time, never a result."""

from __future__ import annotations

import multiprocessing
import os
import sys
import threading
import time

import pytest

from generator import parallel
from generator.parallel import SharedParts, can_fork, run_parts

pytestmark = pytest.mark.skipif(
    "fork" not in multiprocessing.get_all_start_methods() or sys.platform == "darwin",
    reason="run_parts forks only where fork is available",
)


@pytest.fixture(autouse=True)
def forkable(monkeypatch: pytest.MonkeyPatch) -> None:
    """Other tests leave idle daemon threads behind (Dask's), which makes ``can_fork``
    refuse; these tests are about what happens once forked."""
    monkeypatch.setattr(parallel, "can_fork", lambda: True)


def test_no_fork_while_another_thread_runs(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.undo()
    stop = threading.Event()
    thread = threading.Thread(target=stop.wait)
    thread.start()
    try:
        assert not can_fork()
        results = run_parts([slow_part(i) for i in range(6)], workers=2)
        assert {pid for _, pid, _ in results} == {os.getpid()}
    finally:
        stop.set()
        thread.join()


def slow_part(i: int, seconds: float = 0.02):
    def part() -> tuple[int, int, list[int]]:
        time.sleep(seconds)  # long enough that both processes take parts
        return i, os.getpid(), list(range(i))

    return part


def test_results_come_back_in_order_and_the_helper_takes_some_parts() -> None:
    parts = [slow_part(i) for i in range(40)]
    results = run_parts(parts, workers=2, first=[39])
    assert [(i, r) for i, _, r in results] == [(i, list(range(i))) for i in range(40)]
    pids = {pid for _, pid, _ in results}
    assert os.getpid() in pids
    assert len(pids) == 2  # the helper rendered some parts


def test_one_worker_runs_every_part_here() -> None:
    results = run_parts([slow_part(i) for i in range(5)], workers=1)
    assert {pid for _, pid, _ in results} == {os.getpid()}


def test_an_error_in_a_part_is_raised_here_whichever_process_met_it() -> None:
    parent = os.getpid()

    def failing() -> None:
        time.sleep(0.02)
        raise ValueError(f"part failed in {'parent' if os.getpid() == parent else 'helper'}")

    parts = [slow_part(i) for i in range(10)] + [failing] * 10
    with pytest.raises(ValueError, match="part failed in parent"):
        run_parts(parts, workers=2)


def test_a_helper_that_dies_leaves_its_parts_to_this_process() -> None:
    parent = os.getpid()

    def dies_in_helper(i: int):
        def part() -> int:
            time.sleep(0.02)
            if os.getpid() != parent:
                os._exit(3)
            return i

        return part

    assert run_parts([dies_in_helper(i) for i in range(20)], workers=2) == list(range(20))


def test_parts_left_to_this_process_are_done_here_at_once() -> None:
    parts = [slow_part(i, 0.05) for i in range(30)]
    shared = SharedParts(parts, workers=2, mine=[0, 29])
    try:
        assert shared.helper is not None
        began = time.perf_counter()
        assert shared.get(29)[1] == os.getpid()  # not waited for: the helper never takes it
        assert shared.get(0)[1] == os.getpid()
        assert time.perf_counter() - began < 0.5
        # The rest, asked for one by one as MkDocs reads pages: the helper did some.
        results = [shared.get(i) for i in range(30)]
    finally:
        shared.close()
    assert [r[0] for r in results] == list(range(30))
    assert len({pid for _, pid, _ in results}) == 2


def _collector_on(_: int) -> bool:
    import gc

    return gc.isenabled()


def test_pool_workers_collect_garbage_while_the_parent_collects_results() -> None:
    import gc

    from generator.parallel import pool_map

    assert gc.isenabled()
    assert pool_map(_collector_on, list(range(8)), 2) == [True] * 8
    assert gc.isenabled()  # restored once the results are in


def test_claim_gives_the_helpers_result_or_leaves_the_part_to_the_caller() -> None:
    parent = os.getpid()
    ran_here: list[int] = []

    def part(i: int):
        def run() -> tuple[int, int]:
            if os.getpid() == parent:
                ran_here.append(i)
            if i == 5 and os.getpid() != parent:
                os._exit(3)  # the helper dies on part 5
            time.sleep(0.02)
            return i, os.getpid()

        return run

    # The helper goes from the last part backwards, the caller claims from the first.
    shared = SharedParts([part(i) for i in range(12)], workers=2, first=range(11, -1, -1))
    try:
        assert shared.helper is not None
        claimed = []
        for i in range(12):
            claimed.append(shared.claim(i))
            time.sleep(0.08)  # what MkDocs does with a part before it needs the next
    finally:
        shared.close()
    assert ran_here == []  # claim never runs a part here
    assert claimed[0] is None  # the caller got there first
    assert claimed[5] is None  # the helper died on it: the caller's to do
    by_helper = [c for c in claimed if c is not None]
    assert by_helper and all(pid != parent for _, pid in by_helper)
    assert [i for i, _ in by_helper] == [i for i, c in enumerate(claimed) if c is not None]
    assert all(i > 5 for i, _ in by_helper)  # it took the last parts first, then died
