"""The worker pool: results in task order, workers that collect garbage while the parent,
which keeps every result, does not; and no fork while another thread runs."""

from __future__ import annotations

import gc
import os
import threading

import pytest

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


STUCK_BUILD = """
import os, sys, threading
sys.path.insert(0, {root!r})
from generator.parallel import pool_map

def stuck(n):
    os.write(1, f"worker {{os.getpid()}} working\\n".encode())  # one write: lines never mix
    threading.Event().wait()  # a page that takes forever

if __name__ == "__main__":
    pool_map(stuck, list(range(8)), 2)
"""


@pytest.mark.parametrize("signal_name", ["SIGTERM", "SIGKILL"])
def test_killing_the_build_ends_its_workers(tmp_path, signal_name: str) -> None:
    """Issue 20: workers that outlived a killed build held its output open, so that
    `mkdocs build | tee log` never ended. The output must close once the build is gone."""
    import signal
    import subprocess
    import sys

    from tests.conftest import ROOT

    script = tmp_path / "stuck.py"
    script.write_text(STUCK_BUILD.format(root=str(ROOT)))
    build = subprocess.Popen([sys.executable, str(script)], stdout=subprocess.PIPE, text=True)
    workers = [build.stdout.readline(), build.stdout.readline()]
    assert all(line.startswith("worker ") for line in workers), workers
    build.send_signal(getattr(signal, signal_name))
    build.wait()
    try:
        # Reaches the end only once every process holding the pipe has ended. The timeout
        # guards the test run; a correct build closes the pipe at once.
        rest = subprocess.run(["cat"], stdin=build.stdout, capture_output=True, timeout=60)
    except subprocess.TimeoutExpired:
        pids = [int(line.split()[1]) for line in workers]
        for pid in pids:
            os.kill(pid, signal.SIGKILL)
        pytest.fail(f"workers {pids} outlived the build")
    assert rest.returncode == 0
