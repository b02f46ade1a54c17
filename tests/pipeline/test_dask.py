"""Beyond one machine: the clean-and-extract map on Dask writes the records the build reads."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

pytest.importorskip("distributed")

from generator.pipeline import build  # noqa: E402
from tests.conftest import benchmark_module, project_options  # noqa: E402

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.slow
def test_build_after_dask_map_finds_every_page_cached(tmp_path: Path) -> None:
    benchmark_module("gen_corpus").generate(16, tmp_path, seed=5)
    options = project_options(tmp_path)
    done, result, _ = benchmark_module("dask_map").run(options, workers=2)
    assert len(done) == 16 and not any(d.cached for d in done)
    assert result.work.cleaned == []
    # Extraction ran on Dask too: only articles whose duplicates lent them metadata re-run.
    merged = {e.article.source for e in result.digest.articles if e.article.duplicates}
    assert set(result.work.extracted) <= merged
    plain = build(replace(options, cache_dir=None))
    assert [p.content for p in result.pages] == [p.content for p in plain.pages]
