"""Beyond one machine: the clean-and-extract map on Dask writes the records the build reads."""

from __future__ import annotations

import importlib.util
import sys
from dataclasses import replace
from pathlib import Path

import pytest

pytest.importorskip("distributed")

from generator.pipeline import build  # noqa: E402
from tests.conftest import project_options  # noqa: E402

ROOT = Path(__file__).resolve().parents[2]


def _load(name: str):
    if name in sys.modules:
        return sys.modules[name]
    spec = importlib.util.spec_from_file_location(name, ROOT / "benchmarks" / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module


@pytest.mark.slow
def test_build_after_dask_map_finds_every_page_cached(tmp_path: Path) -> None:
    _load("gen_corpus").generate(16, tmp_path, seed=5)
    options = project_options(tmp_path)
    done, result, _ = _load("dask_map").run(options, workers=2)
    assert len(done) == 16 and not any(d.cached for d in done)
    assert result.work.cleaned == []
    # Extraction ran on Dask too: only articles whose duplicates lent them metadata re-run.
    merged = {e.article.source for e in result.digest.articles if e.article.duplicates}
    assert set(result.work.extracted) <= merged
    plain = build(replace(options, cache_dir=None))
    assert [p.content for p in result.pages] == [p.content for p in plain.pages]
