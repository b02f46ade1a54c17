"""Builds are deterministic (issue 8): the same inputs give a byte-identical ``site/``.

What could make two builds of the same corpus differ, and how each run here varies it:

- the order the file system lists a folder in: every ``os.scandir`` and ``os.listdir``
  (so ``Path.iterdir``, ``rglob``, ``os.walk``, ``glob``) returns entries shuffled, with a
  different seed per run;
- set and dict order of strings: a different ``PYTHONHASHSEED`` per run;
- creation order and location: the second project is written in reverse order, in
  another folder at another depth (absolute paths must not leak into pages);
- serial or worker processes: one run forces the process pool on a small corpus;
- cold cache, warm cache, and a cache whose every entry is corrupt.

The corpus holds the cases where order decides something: two articles asking for the
same id, two titles giving the same slug, the same article in two files, a page in a
subfolder, and a reviewed article file replacing its raw page.

The one thing MkDocs stamps is the build date in ``sitemap.xml`` (and its gzip, whose
header also holds a time): ``<lastmod>`` is removed from both before comparing, nothing else.
"""

from __future__ import annotations

import gzip
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import ROOT, copy_project

HOSTILE = Path(__file__).resolve().parents[1] / "hostile"

# Runs MkDocs with a file system that lists folders in a shuffled order.
SHUFFLED_MKDOCS = r"""
import dataclasses, os, random, runpy, sys

rng = random.Random(int(os.environ["SHUFFLE_SEED"]))
_scandir, _listdir = os.scandir, os.listdir


class Shuffled:
    def __init__(self, iterator):
        with iterator:
            self.entries = list(iterator)
        rng.shuffle(self.entries)
        self.iterator = iter(self.entries)

    def __iter__(self):
        return self

    def __next__(self):
        return next(self.iterator)

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        return False

    def close(self):
        pass


def scandir(path="."):
    return Shuffled(_scandir(path))


def listdir(path="."):
    names = _listdir(path)
    rng.shuffle(names)
    return names


os.scandir, os.listdir = scandir, listdir

if os.environ.get("FORCE_POOL"):
    import generator.plugin.plugin as plugin

    _options_from = plugin.options_from

    def options_from(*args, **kwargs):
        options = _options_from(*args, **kwargs)
        fields = {f.name for f in dataclasses.fields(options)}
        if "pool_threshold" in fields:
            options = dataclasses.replace(options, pool_threshold=1, workers=2)
        return options

    plugin.options_from = options_from

sys.argv = ["mkdocs", "build", "-f", sys.argv[1]]
runpy.run_module("mkdocs", run_name="__main__")
"""

PROSE = (
    "The mediators said that the talks would continue after the holiday, and that both "
    "sides had agreed to send their delegations to Cairo for the next round of talks."
)


def corpus_files() -> dict[str, bytes]:
    """Relative path under content/ -> bytes: the sample, the hostile pages, order traps."""
    files = {f"raw/{p.name}": p.read_bytes() for p in sorted((ROOT / "content" / "raw").iterdir())}
    for page in sorted(HOSTILE.iterdir()):
        if page.name != "README.md":
            files[f"raw/{page.name}"] = page.read_bytes()
    sample = sorted((ROOT / "content" / "raw").iterdir())
    files["raw/copies/zz_same_article.txt"] = sample[0].read_bytes()  # a duplicate, by body
    files["raw/aa_same_article.txt"] = sample[0].read_bytes()
    files["raw/sub/folder/nested.txt"] = (
        f"A nested page about the talks\n\n13 March 2024\n\n{PROSE}\n\n"
        "The ministry said that it would publish the full text once both had signed it.\n"
    ).encode()
    files["articles/reviewed.md"] = (
        "---\ntitle: A reviewed article replacing its raw page\npublished: 2024-03-20\n"
        f"source: {sample[1].name}\n---\n\n{PROSE}\n"
    ).encode()
    return files


def make_project(dest: Path, reverse: bool) -> Path:
    dest.mkdir(parents=True)
    copy_project(dest)
    shutil.rmtree(dest / "content" / "raw")
    items = sorted(corpus_files().items(), reverse=reverse)
    for rel, data in items:
        path = dest / "content" / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
    return dest


def build(project: Path, tmp: Path, seed: int, force_pool: bool = False) -> Path:
    runner = tmp / "shuffled_mkdocs.py"
    runner.write_text(SHUFFLED_MKDOCS)
    env = {
        **os.environ,
        "NO_MKDOCS_2_WARNING": "1",
        "SHUFFLE_SEED": str(seed),
        "PYTHONHASHSEED": str(seed),
        "FORCE_POOL": "1" if force_pool else "",
    }
    shutil.rmtree(project / "site", ignore_errors=True)
    result = subprocess.run(
        [sys.executable, str(runner), str(project / "mkdocs.yml")],
        capture_output=True,
        text=True,
        env=env,
        cwd=project,
        timeout=600,
    )
    assert result.returncode == 0, result.stderr[-4000:]
    assert "Traceback" not in result.stderr, result.stderr[-4000:]
    return project / "site"


_LASTMOD = re.compile(rb"\s*<lastmod>[^<]*</lastmod>")


def snapshot(site: Path) -> dict[str, bytes]:
    """Every file of a built site, with MkDocs's build date taken out of the sitemap."""
    out = {}
    for path in sorted(site.rglob("*")):
        if not path.is_file():
            continue
        rel = path.relative_to(site).as_posix()
        data = path.read_bytes()
        if rel == "sitemap.xml.gz":
            data = gzip.decompress(data)
        if rel in ("sitemap.xml", "sitemap.xml.gz"):
            data = _LASTMOD.sub(b"", data)
        out[rel] = data
    return out


def differences(a: dict[str, bytes], b: dict[str, bytes]) -> list[str]:
    diffs = [f"only in first: {p}" for p in sorted(a.keys() - b.keys())]
    diffs += [f"only in second: {p}" for p in sorted(b.keys() - a.keys())]
    for path in sorted(a.keys() & b.keys()):
        if a[path] != b[path]:
            x, y = a[path], b[path]
            at = next((i for i, (c, d) in enumerate(zip(x, y, strict=False)) if c != d), 0)
            diffs.append(
                f"{path}: {x[max(0, at - 60) : at + 60]!r} != {y[max(0, at - 60) : at + 60]!r}"
            )
    return diffs


@pytest.fixture(scope="module")
def first(tmp_path_factory: pytest.TempPathFactory) -> dict[str, bytes]:
    tmp = tmp_path_factory.mktemp("determinism-a")
    return snapshot(build(make_project(tmp / "project", reverse=False), tmp, seed=1))


@pytest.fixture(scope="module")
def second_project(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    tmp = tmp_path_factory.mktemp("determinism-b")
    return make_project(tmp / "elsewhere" / "deeper" / "p", reverse=True), tmp


def test_the_corpus_has_the_order_traps(first: dict[str, bytes]) -> None:
    """The comparison means something only if order-sensitive cases reached the site (the
    corpus files behind an article page are in its data-corpus-files attribute)."""
    pages = {p for p in first if p.startswith("articles/")}
    assert {"articles/shared-id/index.html", "articles/shared-id-2/index.html"} <= pages
    assert {
        "articles/qatar-talks-resume/index.html",
        "articles/qatar-talks-resume-2/index.html",
    } <= pages
    assert any(b"sub/folder/nested.txt" in data for data in first.values())
    assert any(b"aa_same_article.txt" in data for data in first.values())


def test_shuffled_listing_other_hash_seed_and_place_give_the_same_site(
    first: dict[str, bytes], second_project: tuple[Path, Path]
) -> None:
    project, tmp = second_project
    second = snapshot(build(project, tmp, seed=2, force_pool=True))
    assert differences(first, second) == []


def test_warm_and_corrupt_cache_give_the_same_site(
    first: dict[str, bytes], second_project: tuple[Path, Path]
) -> None:
    project, tmp = second_project
    if not (project / "site").is_dir():
        build(project, tmp, seed=2)
    warm = snapshot(build(project, tmp, seed=3))
    assert differences(first, warm) == []
    entries = [p for p in (project / ".cache").rglob("*") if p.is_file()]
    assert entries, "the build kept no cache: nothing to corrupt"
    for n, entry in enumerate(entries):
        data = entry.read_bytes()
        if n % 3 == 0:
            entry.write_bytes(data[: len(data) // 2])  # truncated
        elif n % 3 == 1:
            entry.write_bytes(b"\x80\x04garbage" + data[::-1][:64])  # not what was written
        else:
            entry.write_bytes(b"")
    corrupt = snapshot(build(project, tmp, seed=4))
    assert differences(first, corrupt) == []
