"""Clean and extract a corpus on Dask, then build: every page is found in the cache.

Cleaning and extraction are a pure function per page (``work.process_file``) that
writes its results as cache records. A corpus too large for one machine is therefore a
map over its pages on an existing engine; here Dask's ``LocalCluster``, in production a
``distributed.Client`` pointed at a real scheduler, with ``cache_dir`` on storage every
worker and the build machine share. The build then only reads records, models and renders.

    python benchmarks/dask_map.py --config benchmarks/out/n1000/mkdocs.yml [--workers 2]

Requires ``pip install "dask[distributed]"`` (the ``dask`` extra of the project).
"""

from __future__ import annotations

import argparse
import time

from generator.config import Options
from generator.pipeline import Result, build
from generator.work import Receipt, page_files, process_file_receipt, read_registry


def map_on_dask(options: Options, client) -> list[Receipt]:
    """Submit one task per page; the records land in ``options.cache_dir``."""
    if options.cache_dir is None:
        raise ValueError("a cache_dir is needed: it is where the workers' results go")
    _, registry_hash = read_registry(options.registry)
    files = page_files(options)
    futures = client.map(
        process_file_receipt,
        [str(path) for path, _ in files],
        [name for _, name in files],
        cache_dir=str(options.cache_dir),
        registry_path=str(options.registry),
        registry_hash=registry_hash,
        pure=False,
    )
    return client.gather(futures)


def run(options: Options, workers: int = 2) -> tuple[list[Receipt], Result, dict[str, float]]:
    from distributed import Client, LocalCluster

    seconds: dict[str, float] = {}
    start = time.perf_counter()
    with (
        LocalCluster(n_workers=workers, threads_per_worker=1, processes=True) as cluster,
        Client(cluster) as client,
    ):
        seconds["cluster_start"] = time.perf_counter() - start
        start = time.perf_counter()
        done = map_on_dask(options, client)
        seconds["dask_map"] = time.perf_counter() - start
    start = time.perf_counter()
    # Serial: the build is expected to find everything in the cache.
    result = build(Options(**{**options.__dict__, "workers": 1}))
    seconds["build"] = time.perf_counter() - start
    return done, result, seconds


def main(argv: list[str] | None = None) -> None:
    from generator.cli import load_options

    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--config", default="mkdocs.yml")
    parser.add_argument("--workers", type=int, default=2)
    args = parser.parse_args(argv)
    options = load_options(args.config)
    if options.cache_dir is None:
        raise SystemExit("dask_map: the site's digest plugin has no cache_dir")
    done, result, seconds = run(options, args.workers)
    cached = sum(d.cached for d in done)
    print(f"Dask map: {len(done)} pages ({cached} already cached) in {seconds['dask_map']:.1f} s "
          f"on {args.workers} workers (cluster start {seconds['cluster_start']:.1f} s)")  # fmt: skip
    print(f"Build: {result.work.pages} pages, {len(result.work.cleaned)} cleaned and "
          f"{len(result.work.extracted)} extracted afresh, {seconds['build']:.1f} s")  # fmt: skip
    if result.work.extracted:
        print("  (re-extracted: articles whose merged duplicates changed their metadata)")


if __name__ == "__main__":
    main()
