"""The forked helper of ``run_parts``: same results in the same order as a serial run,
work really shared, and a failing or dying helper costs time, never a result."""

from __future__ import annotations

import os
import time

import pytest

from generator.parallel import can_fork, run_parts

pytestmark = pytest.mark.skipif(not can_fork(), reason="run_parts forks only where fork is safe")


def slow_part(i: int):
    def part() -> tuple[int, int, list[int]]:
        time.sleep(0.02)  # long enough that both processes take parts
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
