"""The pipeline at scale: the cache, the process pool and the serve session change speed only.

A synthetic corpus from ``benchmarks/gen_corpus.py`` (several layouts, duplicates, undated
pages) is built every way; the generated pages must be the same every time, and only the
pages whose input changed may be cleaned or extracted again.
"""

from __future__ import annotations

import copy
import os
import subprocess
import sys
from pathlib import Path

import pytest

from generator import session as session_module
from generator import work
from generator.cache import PageCache
from generator.ingest import Article
from generator.pipeline import Result, build
from generator.session import Session
from tests.conftest import benchmark_module, project_options

ROOT = Path(__file__).resolve().parents[2]
N = 24


@pytest.fixture(scope="module")
def corpus_root(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("scale")
    benchmark_module("gen_corpus").generate(N, root, seed=3)
    return root


@pytest.fixture
def project(corpus_root: Path, tmp_path: Path) -> Path:
    """A private copy, so tests may edit pages and the registry."""
    import shutil

    shutil.copytree(corpus_root / "content", tmp_path / "content")
    return tmp_path


options = project_options


def contents(result: Result) -> list[tuple[str, str]]:
    return [(page.path, page.content) for page in result.pages]


@pytest.fixture(scope="module")
def reference(corpus_root: Path) -> list[tuple[str, str]]:
    """The site built the plain way: serial, no cache."""
    return contents(build(options(corpus_root, cache_dir=None)))


def edit_one_page(root: Path) -> str:
    """Change one sentence of one page; returns its name."""
    path = sorted((root / "content" / "raw").iterdir())[5]
    text = path.read_text(encoding="utf-8")
    marker = "Diplomats described the latest round as constructive but inconclusive."
    changed = "Diplomats described the latest round as tense and unfinished, officials said."
    if marker in text:
        text = text.replace(marker, changed, 1)
    else:
        paragraphs = text.split("\n\n")
        longest = max(range(len(paragraphs)), key=lambda i: len(paragraphs[i]))
        paragraphs[longest] += " " + changed
        text = "\n\n".join(paragraphs)
    path.write_text(text, encoding="utf-8")
    return path.name


def test_corpus_has_duplicates_and_several_layouts(corpus_root: Path) -> None:
    result = build(options(corpus_root, cache_dir=None))
    assert len(result.digest.articles) < N  # syndicated copies merged
    assert any(entry.article.duplicates for entry in result.digest.articles)


def test_pool_and_serial_give_identical_pages(project: Path, reference) -> None:
    pooled = build(options(project, workers=2, pool_threshold=4))
    assert pooled.work.pooled
    assert contents(pooled) == reference


def test_cached_build_is_identical_and_does_no_work(project: Path, reference) -> None:
    cold = build(options(project))
    assert len(cold.work.cleaned) == N
    warm = build(options(project))
    assert (warm.work.cleaned, warm.work.extracted) == ([], [])
    assert contents(cold) == contents(warm) == reference


def test_warm_build_after_cold_pool_build_needs_no_work(project: Path, reference) -> None:
    build(options(project, workers=2, pool_threshold=4))
    warm = build(options(project))
    assert (warm.work.cleaned, warm.work.extracted) == ([], [])
    assert contents(warm) == reference


def test_one_changed_page_is_the_only_one_cleaned_and_extracted(project: Path) -> None:
    build(options(project))
    name = edit_one_page(project)
    after = build(options(project))
    assert after.work.cleaned == [name]
    assert after.work.extracted == [name]
    assert contents(after) == contents(build(options(project, cache_dir=None)))


def test_registry_change_re_extracts_without_re_cleaning(project: Path) -> None:
    build(options(project))
    registry = project / "content" / "actors.yml"
    registry.write_text(
        registry.read_text(encoding="utf-8").replace(
            "aliases:\n  - Qatari", "aliases:\n  - Qatari\n  - Doha", 1
        ),
        encoding="utf-8",
    )
    after = build(options(project))
    assert after.work.cleaned == []
    assert len(after.work.extracted) == len(after.digest.articles)
    assert contents(after) == contents(build(options(project, cache_dir=None)))


def test_corrupt_record_is_rebuilt_not_trusted(project: Path, reference) -> None:
    build(options(project))
    records = sorted((project / ".cache").glob("clean-*/*/*.pkl"))
    records[0].write_bytes(records[0].read_bytes()[:100])
    after = build(options(project))
    assert len(after.work.cleaned) == 1
    assert contents(after) == reference


def test_session_reads_only_pages_whose_stat_changed(
    project: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    session = Session()
    build(options(project, cache_dir=None), session)
    reads: list[str] = []
    real = session_module.load_file

    def counting(path: Path, name: str):
        reads.append(name)
        return real(path, name)

    monkeypatch.setattr(session_module, "load_file", counting)
    monkeypatch.setattr(work, "load_file", counting)
    again = build(options(project, cache_dir=None), session)
    assert reads == []
    assert (again.work.cleaned, again.work.extracted) == ([], [])
    name = edit_one_page(project)
    after = build(options(project, cache_dir=None), session)
    assert reads == [name]
    assert after.work.cleaned == [name]
    assert contents(after) == contents(build(options(project, cache_dir=None)))


def test_session_touch_without_change_is_not_re_cleaned(project: Path) -> None:
    session = Session()
    build(options(project, cache_dir=None), session)
    path = sorted((project / "content" / "raw").iterdir())[3]
    stat = path.stat()
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns + 10**9))
    after = build(options(project, cache_dir=None), session)
    assert after.work.cleaned == []


def test_broken_registry_is_reported_even_after_a_cached_good_one(project: Path) -> None:
    from generator.extract.actors import RegistryError

    build(options(project))
    registry = project / "content" / "actors.yml"
    registry.write_text(registry.read_text(encoding="utf-8") + "  - id: Not A Slug\n", "utf-8")
    with pytest.raises(RegistryError):
        build(options(project))


def test_site_render_is_reused_only_while_every_input_is_the_same(project: Path) -> None:
    first = build(options(project))
    assert first.work.rendered
    again = build(options(project))
    assert not again.work.rendered
    assert contents(again) == contents(first)
    templates = project / "templates"
    templates.mkdir()
    builtin = ROOT / "generator" / "render" / "templates" / "article.md.j2"
    (templates / "article.md.j2").write_text(
        builtin.read_text(encoding="utf-8") + "\nEDITED-TEMPLATE-MARK\n", encoding="utf-8"
    )
    edited = build(options(project))
    assert edited.work.rendered
    assert any("EDITED-TEMPLATE-MARK" in content for _, content in contents(edited))
    retitled = build(options(project, title="Another title"))
    assert retitled.work.rendered
    name = edit_one_page(project)
    changed = build(options(project, title="Another title"))
    assert changed.work.rendered and changed.work.cleaned == [name]


def test_duplicate_merge_runs_again_only_when_a_page_changed(
    project: Path, monkeypatch: pytest.MonkeyPatch, reference
) -> None:
    calls: list[int] = []
    real = session_module.merge_duplicates

    def counting(articles, known=None):
        calls.append(len(articles))
        return real(articles, known)

    monkeypatch.setattr(session_module, "merge_duplicates", counting)
    build(options(project))
    warm = build(options(project))
    assert len(calls) == 1
    assert contents(warm) == reference
    edit_one_page(project)
    build(options(project))
    assert len(calls) == 2


def test_shingles_from_workers_give_the_merge_computed_in_the_parent(project: Path) -> None:
    from generator.ingest import merge_duplicates
    from generator.ingest.dedupe import article_shingles

    pages = [
        work.process_page(path, name, None, None)
        for path, name in work.page_files(options(project))
    ]
    articles = [p.cleaned for p in pages if isinstance(p.cleaned, Article)]
    assert all(p.shingles == article_shingles(p.cleaned) for p in pages if p.shingles)
    known = [p.shingles for p in pages if isinstance(p.cleaned, Article)]
    alone = merge_duplicates([copy.copy(a) for a in articles])
    given = merge_duplicates([copy.copy(a) for a in articles], known)
    assert [(a.source, a.duplicates) for a in given] == [(a.source, a.duplicates) for a in alone]
    assert any(a.duplicates for a in alone)  # the generated corpus has copies to merge


def test_shingles_are_the_same_in_every_process_whatever_its_hash_seed() -> None:
    from generator.ingest.dedupe import shingles

    text = "Qatar's prime minister met both delegations in Doha on Tuesday, officials said."
    code = f"from generator.ingest.dedupe import shingles; print(sorted(shingles({text!r})))"
    seen = set()
    for seed in ("1", "2", "random"):
        env = {**os.environ, "PYTHONHASHSEED": seed}
        out = subprocess.run(
            [sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True
        ).stdout
        seen.add(out)
    assert seen == {f"{sorted(shingles(text))}\n"}


def test_a_page_is_one_record_file_and_a_warm_build_reads_no_other(
    project: Path, reference, monkeypatch: pytest.MonkeyPatch
) -> None:
    cold = build(options(project, workers=2, pool_threshold=4))
    cache = project / ".cache"
    clean_files = list(cache.glob("clean-*/*/*.pkl"))
    extract_files = list(cache.glob("extract-*/*/*.pkl"))
    assert len(clean_files) == N
    # Facts are kept with the page's cleaning; only an article that merging changed (a copy
    # lending it an outlet or author) has facts of its own, extracted after the merge.
    assert cold.work.extracted and len(extract_files) < N // 4

    reads: list[str] = []
    real_get = PageCache.get

    def counting_get(self, stage, key):
        reads.append(stage)
        return real_get(self, stage, key)

    monkeypatch.setattr(PageCache, "get", counting_get)
    warm = build(options(project))
    assert contents(warm) == reference
    assert (warm.work.cleaned, warm.work.extracted) == ([], [])
    assert reads.count("extract") == len(extract_files)
