"""The per-page cache: hits, misses, corrupt records, atomic writes, and what keys depend on."""

from __future__ import annotations

import dataclasses
import os
import pickle
from datetime import datetime
from pathlib import Path

import pytest

from generator import cache as cache_module
from generator.cache import (
    FORMAT,
    PageCache,
    clean_key,
    code_version,
    extract_key,
    module_closure,
    write_atomic,
)
from generator.ingest import Article, Block


def article(*paragraphs: str, **fields) -> Article:
    return Article(
        title="Talks resume in Doha",
        blocks=[Block("paragraph", p) for p in paragraphs],
        published=datetime(2024, 3, 5),
        **fields,
    )


def record_path(store: PageCache, stage: str, key: str) -> Path:
    return store._path(stage, key)


def test_miss_then_hit_returns_an_equal_value(tmp_path: Path) -> None:
    store = PageCache(tmp_path)
    key = clean_key(b"page bytes", "a.txt")
    assert store.get("clean", key) is None
    value = article("Qatar hosted the talks on March 5.")
    store.put("clean", key, value)
    assert store.get("clean", key) == value
    assert (store.stats["clean"].hits, store.stats["clean"].misses) == (1, 1)


def test_disabled_cache_never_hits_and_writes_nothing(tmp_path: Path) -> None:
    store = PageCache(None)
    store.put("clean", "k" * 64, article("x"))
    assert store.get("clean", "k" * 64) is None
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize(
    "damage",
    [
        lambda data: data[: len(data) // 2],  # truncated write
        lambda data: data[:-1] + bytes([data[-1] ^ 0xFF]),  # flipped bit in the payload
        lambda data: b"",  # empty file
        lambda data: b"not a cache record at all",
        lambda data: FORMAT + b"\0" * 32 + data[len(FORMAT) + 32 :],  # wrong checksum
    ],
)
def test_damaged_record_is_a_miss_and_is_removed(tmp_path: Path, damage) -> None:
    store = PageCache(tmp_path)
    key = clean_key(b"page", "a.txt")
    store.put("clean", key, article("Text."))
    path = record_path(store, "clean", key)
    path.write_bytes(damage(path.read_bytes()))
    assert store.get("clean", key) is None
    assert not path.exists()
    assert store.stats["clean"].corrupt == 1
    store.put("clean", key, article("Text."))
    assert store.get("clean", key) == article("Text.")


def test_valid_checksum_over_an_unloadable_pickle_is_not_trusted(tmp_path: Path) -> None:
    import hashlib

    store = PageCache(tmp_path)
    key = clean_key(b"page", "a.txt")
    payload = b"\x80\x05garbage that is not a pickle"
    path = record_path(store, "clean", key)
    path.parent.mkdir(parents=True)
    path.write_bytes(FORMAT + hashlib.sha256(payload).digest() + payload)
    assert store.get("clean", key) is None
    assert store.stats["clean"].corrupt == 1


def test_a_record_moved_under_another_key_is_not_trusted(tmp_path: Path) -> None:
    store = PageCache(tmp_path)
    one, other = clean_key(b"one", "a.txt"), clean_key(b"other", "a.txt")
    store.put("clean", one, article("One."))
    target = record_path(store, "clean", other)
    target.parent.mkdir(parents=True, exist_ok=True)
    os.replace(record_path(store, "clean", one), target)
    assert store.get("clean", other) is None


def test_failed_write_keeps_the_old_record_and_leaves_no_temporary_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    store = PageCache(tmp_path)
    key = clean_key(b"page", "a.txt")
    store.put("clean", key, article("Old."))

    def broken_replace(src, dst):
        raise OSError("disk full")

    monkeypatch.setattr(cache_module.os, "replace", broken_replace)
    store.put("clean", key, article("New."))  # a cache that cannot be written only costs speed
    monkeypatch.undo()
    assert store.get("clean", key) == article("Old.")
    folder = record_path(store, "clean", key).parent
    assert [p.name for p in folder.iterdir()] == [f"{key}.pkl"]


def test_write_atomic_replaces_whole_files(tmp_path: Path) -> None:
    path = tmp_path / "record.pkl"
    write_atomic(path, b"first")
    write_atomic(path, b"second")
    assert path.read_bytes() == b"second"
    assert [p.name for p in tmp_path.iterdir()] == ["record.pkl"]


def test_unwritable_cache_folder_does_not_raise(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("a file where the cache folder should be")
    store = PageCache(blocker)
    store.put("clean", "a" * 64, article("x"))
    assert store.get("clean", "a" * 64) is None


def test_clean_key_depends_on_bytes_and_name() -> None:
    assert clean_key(b"a", "x.txt") == clean_key(b"a", "x.txt")
    assert clean_key(b"a", "x.txt") != clean_key(b"b", "x.txt")
    assert clean_key(b"a", "x.txt") != clean_key(b"a", "y.txt")


def test_extract_key_follows_text_and_registry_not_provenance() -> None:
    base = article("Qatar hosted the talks on March 5.")
    key = extract_key(base, "registry-1")
    moved = article("Qatar hosted the talks on March 5.", source="other.txt", duplicates=["b"])
    assert extract_key(moved, "registry-1") == key
    assert extract_key(base, "registry-2") != key
    assert extract_key(article("Egypt hosted the talks on March 5."), "registry-1") != key
    later = dataclasses.replace(base, published=datetime(2024, 3, 6))
    assert extract_key(later, "registry-1") != key


def test_stage_code_is_found_by_reading_imports() -> None:
    clean = {p.relative_to(cache_module.PACKAGE_DIR).as_posix() for p in module_closure(
        "generator.ingest.corpus")}  # fmt: skip
    extract = {p.relative_to(cache_module.PACKAGE_DIR).as_posix() for p in module_closure(
        "generator.extract")}  # fmt: skip
    assert {"ingest/corpus.py", "ingest/reader.py", "ingest/article.py"} <= clean
    assert {"extract/facts.py", "extract/dates/resolve.py", "extract/actors/matcher.py"} <= extract
    for downstream in ("render/", "model/", "plugin/", "pipeline.py", "cache.py"):
        assert not any(path.startswith(downstream) for path in clean | extract)
    assert code_version("clean") != code_version("extract")


def test_records_of_old_code_versions_are_pruned(tmp_path: Path) -> None:
    store = PageCache(tmp_path)
    store.put("clean", "a" * 64, article("x"))
    stale = tmp_path / "clean-0000000000000000"
    stale.mkdir()
    (stale / "x.pkl").write_bytes(pickle.dumps(1))
    unrelated = tmp_path / "notes"
    unrelated.mkdir()
    assert store.prune_versions() == [stale]
    assert unrelated.exists()
    assert store.get("clean", "a" * 64) == article("x")
