"""The folder modes of ``fuzz_ingest.py`` (issue 20): whole corpus folders of odd names,
links and pipes through ``read_corpus``, and overlapping builds of one project.

A corpus folder is a pure function of (seed, index). A crash is an exception, a page that
took longer than ``--slow`` seconds, text from outside the corpus folder in an article, or a
file that is neither read (an article's source or duplicate) nor named in a problem. A
build round is two ``mkdocs build`` of one project, the second started up to 3 s after the
first; a crash is a failed build or a search index that is not valid JSON with each entry
once.

    python benchmarks/fuzz_ingest.py --pages 0 --corpora 2000
    python benchmarks/fuzz_ingest.py --pages 0 --builds 10
"""

from __future__ import annotations

import collections
import contextlib
import json
import multiprocessing
import os
import random
import shutil
import signal
import subprocess
import sys
import tempfile
import time
import traceback
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from generator.ingest.corpus import read_corpus  # noqa: E402
from generator.parallel import start_worker  # noqa: E402

SECRET = "zqx-outside-marker"
OUTSIDE = (
    f"The ledger kept outside the corpus says {SECRET}; no site may ever show it, and the "
    "mediators said that they had never read it either.\n"
) * 4
PROSE = (
    "The negotiators met again on Tuesday in a hotel near the harbour ({n}), and both sides "
    "said that the next round would follow within a week.\n\n"
    "A spokesman said that the delegations had exchanged written proposals on the release "
    "of prisoners and on the reopening of the crossings ({n}).\n"
)
LITTER = [".DS_Store", "Thumbs.db", "desktop.ini", "._page.txt", ".page.txt.swp", "page.txt~",
          "#page.txt#", ".#page.txt", "page.html.part", ".page.md.12.34.tmp"]  # fmt: skip
ODD = ["_x.txt", ".x.txt", "README_x.txt", "readme-x.txt", "README.md", "readme", "README.txt",
       "same.txt", "same.html", "same.md", "Same.TXT", "x.txt.md", "..txt", "...", " x.txt",
       "x .txt", "ü.txt", "\u202e.txt", "x" * 200 + ".txt", "-x.txt", "--help.txt",
       'evil\n\n<b onclick="x">b</b>.txt', "tab\there.txt", "back\\slash.txt", "\u2215.txt",
       "noext", "page.TXT", "page.HTM", "page.jpg"]  # fmt: skip
FOLDERS = ["", "", "", "a/", "a/b/", ".hidden/", ".git/", "_drafts/", "README/"]


def _name(r: random.Random) -> str:
    if r.random() < 0.3:
        length = r.randrange(1, 40)
        chars = [chr(r.randrange(0x20, 0x3000)) for _ in range(length)]
        return "".join(c for c in chars if c not in "/\x00") or "x"
    return r.choice(ODD + LITTER)


def make_corpus(
    seed: int, index: int, root: Path, page_of: Callable[[int, int], bytes]
) -> tuple[Path, Path]:
    """A corpus folder and an articles folder under ``root``, and files outside them."""
    r = random.Random(seed * 7_000_003 + index)
    raw, articles = root / "project" / "raw", root / "project" / "articles"
    raw.mkdir(parents=True)
    (root / "outside.txt").write_text(OUTSIDE)
    (root / "outdir").mkdir()
    (root / "outdir" / "page.txt").write_text(OUTSIDE)
    for k in range(r.randrange(1, 14)):
        path = raw / r.choice(FOLDERS) / _name(r)
        path.parent.mkdir(parents=True, exist_ok=True)
        if path.exists() or path.is_symlink():
            continue
        kind = r.random()
        try:
            if kind < 0.45:
                path.write_text(PROSE.format(n=f"{index}-{k}"))
            elif kind < 0.55:
                path.write_bytes(page_of(seed, index * 100 + k))
            elif kind < 0.63:  # out of the corpus: absolute, relative, through a link inside
                target = r.choice([root / "outside.txt", Path(*[".."] * 6) / "outside.txt"])
                path.symlink_to(target)
            elif kind < 0.67:
                path.symlink_to(root / "outdir", target_is_directory=True)
            elif kind < 0.73:  # inside, maybe not there (yet), maybe a chain out
                path.symlink_to(raw / _name(r))
            elif kind < 0.76:
                path.symlink_to(path.name)  # itself
            elif kind < 0.79:
                path.symlink_to(raw, target_is_directory=True)  # a loop of folders
            elif kind < 0.83:
                os.mkfifo(path)
            else:
                path.write_text(PROSE.format(n=f"{index}-{k}"))
        except OSError:  # a name the file system refuses (too long, say)
            continue
    if r.random() < 0.3:
        review = (articles / _name(r)).with_suffix(".md")
        review.parent.mkdir(parents=True, exist_ok=True)
        with contextlib.suppress(OSError):  # a name the file system refuses
            review.write_bytes(page_of(seed, index * 100 + 99))
        articles.mkdir(parents=True, exist_ok=True)
        if r.random() < 0.5:
            (articles / "out.md").symlink_to(root / "outside.txt")
    return raw, articles


def _walked(folder: Path) -> list[str]:
    """Every file, link or pipe below ``folder``, as names under it (links not followed)."""
    found = []
    for where, dirs, files in os.walk(folder):
        here = Path(where)
        for name in files + [d for d in dirs if (here / d).is_symlink()]:
            found.append((here / name).relative_to(folder).as_posix())
    return found


def check_corpus(raw: Path, articles: Path) -> None:
    corpus = read_corpus(raw, articles if articles.is_dir() else None)
    named = {p.file for p in corpus.problems}
    covered = set(named)
    for article in corpus.articles:
        text = " ".join(
            [article.title, *(b.text for b in article.blocks), *article.captions,
             article.summary or ""]
        )  # fmt: skip
        if SECRET in text:
            raise AssertionError(f"{article.source}: text from outside the corpus was read")
        covered |= {article.source, *article.duplicates}
    for name in _walked(raw):
        parents = {"/".join(name.split("/")[:i]) for i in range(1, name.count("/") + 1)}
        if name not in covered and not parents & named:
            raise AssertionError(f"{name!r}: neither read nor named in a problem")


def _alarm(signum, frame):  # noqa: ARG001
    raise TimeoutError("corpus took too long")


def run_corpus_chunk(task: tuple[int, int, int, float, Callable]) -> dict[str, tuple[int, str]]:
    seed, start, count, slow, page_of = task
    signal.signal(signal.SIGALRM, _alarm)
    crashes: dict[str, tuple[int, str]] = {}
    for index in range(start, start + count):
        with tempfile.TemporaryDirectory(prefix="fuzz-corpus-") as folder:
            raw, articles = make_corpus(seed, index, Path(folder), page_of)
            signal.setitimer(signal.ITIMER_REAL, slow * 10)
            try:
                check_corpus(raw, articles)
            except Exception as exc:  # noqa: BLE001 - finding these is the point
                where = traceback.extract_tb(exc.__traceback__)[-1]
                key = f"{type(exc).__name__} at {Path(where.filename).name}:{where.lineno}"
                crashes.setdefault(key, (index, f"{exc}"[:300]))
            finally:
                signal.setitimer(signal.ITIMER_REAL, 0)
    return crashes


def run_corpora(count: int, seed: int, workers: int, slow: float, page_of: Callable) -> int:
    began = time.perf_counter()
    chunk = 50
    tasks = [(seed, s, min(chunk, count - s), slow, page_of) for s in range(0, count, chunk)]
    crashes: dict[str, tuple[int, str]] = {}
    with multiprocessing.Pool(workers, start_worker, (os.getpid(),)) as pool:
        for found in pool.imap_unordered(run_corpus_chunk, tasks):
            for key, value in found.items():
                crashes.setdefault(key, value)
    wall = time.perf_counter() - began
    print(f"corpora:        {count:,} folders (seed {seed}), {wall:,.1f} s wall, "
          f"{len(crashes)} crashes")  # fmt: skip
    for key, (index, report) in sorted(crashes.items()):
        print(f"  {key} (first at corpus {index}): {report}")
    return len(crashes)


def _copy_project(dest: Path) -> Path:
    shutil.copy(ROOT / "mkdocs.yml", dest / "mkdocs.yml")
    shutil.copytree(ROOT / "content", dest / "content", ignore=shutil.ignore_patterns("articles"))
    shutil.copytree(ROOT / "templates", dest / "templates")
    return dest


def run_builds(rounds: int, seed: int) -> int:
    """Two overlapping builds of one project per round; the pages change between rounds."""
    r = random.Random(seed)
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "PYTHONPATH": str(ROOT)}
    failures: list[str] = []
    began = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="fuzz-builds-") as folder:
        project = _copy_project(Path(folder))
        command = [sys.executable, "-m", "mkdocs", "build", "-q", "-f", str(project / "mkdocs.yml")]
        for n in range(rounds):
            page = r.choice(sorted((project / "content" / "raw").iterdir()))
            with page.open("a", encoding="utf-8") as handle:
                handle.write(f"\nThe mediators met again on round {n}, officials said.\n")
            first = subprocess.Popen(command, env=env, stderr=subprocess.PIPE, text=True)
            time.sleep(r.uniform(0, 3))  # a benchmark, not a test: overlap by chance
            second = subprocess.Popen(command, env=env, stderr=subprocess.PIPE, text=True)
            for build in (first, second):
                _, err = build.communicate(timeout=600)
                if build.returncode != 0:
                    failures.append(f"round {n}: build failed: {err.strip()[-300:]}")
            index = project / "site" / "search" / "search_index.json"
            try:
                docs = json.loads(index.read_text(encoding="utf-8"))["docs"]
            except (OSError, ValueError, KeyError) as exc:
                failures.append(f"round {n}: search index unreadable ({exc})")
                continue
            twice = [
                k for k, v in collections.Counter(d["location"] for d in docs).items() if v > 1
            ]
            if twice:
                failures.append(f"round {n}: {len(twice)} entries twice, e.g. {twice[0]}")
    wall = time.perf_counter() - began
    print(f"builds:         {rounds} rounds of two overlapping builds, {wall:,.1f} s wall, "
          f"{len(failures)} failures")  # fmt: skip
    for failure in failures:
        print(f"  {failure}")
    return len(failures)
