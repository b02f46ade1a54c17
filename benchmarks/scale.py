"""Scale benchmark: our digest against Material's blog plugin and MkDocs alone, same articles.

    python benchmarks/scale.py --n 100 1000 [--runs 3] [--json benchmarks/out/scale.json]

For each N it generates a corpus (``gen_corpus.py``), then times ``mkdocs build`` in a
fresh process for: a cold build (no cache), a warm rebuild (nothing changed), one article
changed, one template overridden, the registry changed. Side by side, in the same run:
the same N articles as posts of Material's blog plugin (archive per month, a category
per actor), and MkDocs alone on our generated pages written to disk (``digest
generate``), which is what the warm rebuild overhead is measured against.

Times are medians of ``--runs`` runs, wall clock and CPU (user+system, our process and
its workers): on a shared machine CPU time is the steadier of the two. Memory is sampled
every 0.1 s over the build and every process it started: the peak of their summed PSS
(shared pages split between the processes that share them: the memory in use), next to
the peak of their summed RSS and the build's peak plus its largest worker's (``peak MB``,
exact but an upper bound: it counts what a forked process shares with the build twice).

With ``--serve``, the same run then times the editor's loop (issue 21): ``digest serve``
(``mkdocs serve --dirty``) started on a cold cache (``serve first s``), then per run an
article edit (one word of a dated sentence the article's page shows) and an override of
the actor template (then removed again), each from the file write until the served page's
HTML holds the change, fetched over HTTP as a browser's reload does; ``article/first`` and
``template/first`` divide them by the server's first build (targets: 0.25 and 0.5).

MkDocs alone on N plain pages with a small menu, built in the same run, is the yardstick
the issue sets the 10,000-article cold build against (about 53 s on the machine it was
written on, where the target was under 90 s: ``cold/plain`` at most 1.70).
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import platform
import resource
import shutil
import statistics
import subprocess
import sys
import threading
import time
from collections.abc import Callable
from datetime import date, datetime, timezone
from pathlib import Path

import yaml

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(HERE))

import gen_corpus  # noqa: E402

SCENARIOS = ("cold", "warm", "one_article", "template", "registry")


# --- one build in a child process ------------------------------------------------------------


def child(config: str) -> None:
    """Run ``mkdocs build`` here and report peak memory as JSON on stdout's last line."""
    import logging

    from mkdocs.__main__ import cli

    stages: dict[str, float] = {}

    class Stages(logging.Handler):
        def emit(self, record: logging.LogRecord) -> None:
            message = record.getMessage()
            if message.startswith("Digest stage seconds: "):
                stages.update(json.loads(message.partition(": ")[2]))

    digest_log = logging.getLogger("mkdocs.plugins.digest")
    digest_log.addHandler(Stages(logging.DEBUG))
    digest_log.setLevel(logging.DEBUG)
    try:
        cli.main(args=["build", "--strict", "-q", "-f", config], standalone_mode=False)
    finally:
        me = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        kids = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
        print(json.dumps({"rss_mb": me, "worker_rss_mb": kids, "stages": stages}))


def child_pipeline(config: str) -> None:
    """Only our pipeline (what the plugin does before MkDocs renders), for corpora too big
    to build whole in the time at hand; peak memory as in ``child``."""
    from generator.cli import load_options
    from generator.pipeline import build

    start = time.perf_counter()
    result = build(load_options(config))
    stages = dict(result.work.seconds, total=time.perf_counter() - start)
    me = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    kids = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    print(json.dumps({"rss_mb": me, "worker_rss_mb": kids, "stages": stages}))


def tree_memory(pid: int) -> tuple[float, float] | None:
    """(RSS, PSS) in MB summed over a process and its descendants, now; None without
    Linux's /proc. A forked process shares its parent's pages: RSS counts a shared page
    in every process, PSS splits it between them, so the PSS sum is the memory in use."""
    pids, rss, pss = [pid], 0, 0
    try:
        for pid in pids:
            for children in Path(f"/proc/{pid}/task").glob("*/children"):
                pids += [int(c) for c in children.read_text().split()]
            for line in Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines():
                if line.startswith("Rss:"):
                    rss += int(line.split()[1])
                elif line.startswith("Pss:"):
                    pss += int(line.split()[1])
    except (OSError, ValueError):
        if not rss:
            return None  # no /proc, or the process has just exited
    return rss / 1024, pss / 1024


def timed_build(config: Path, mode: str = "--child") -> dict[str, float]:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "PYTHONPATH": str(ROOT)}
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    proc = subprocess.Popen(
        [sys.executable, str(Path(__file__).resolve()), mode, str(config)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
    )
    peaks = [0.0, 0.0]  # summed RSS, summed PSS of the build's processes, sampled

    def sample() -> None:
        while proc.poll() is None:
            now = tree_memory(proc.pid)
            if now:
                peaks[:] = [max(peaks[0], now[0]), max(peaks[1], now[1])]
            time.sleep(0.1)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    stdout, stderr = proc.communicate()
    wall = time.perf_counter() - start
    sampler.join()
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if proc.returncode != 0:
        raise SystemExit(f"build of {config} failed:\n{stdout[-3000:]}\n{stderr[-3000:]}")
    memory = json.loads(stdout.strip().splitlines()[-1])
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    stages = {f"stage_{k}": v for k, v in memory["stages"].items()}
    return {
        "wall": wall,
        "cpu": cpu,
        # Exact, but an upper bound: the build's peak plus its largest child's, counting
        # pages a forked child shares with the build twice, at whatever times they peaked.
        "rss_mb": memory["rss_mb"] + memory["worker_rss_mb"],
        "tree_rss_mb": peaks[0] or None,
        "pss_mb": peaks[1] or None,
    } | stages


# --- the three projects ----------------------------------------------------------------------


def articles_project(
    corpus: Path,
    dest: Path,
    posts: str,
    page: Callable[[dict], str],
    docs: dict[str, str],
    config: dict,
) -> Path:
    """A MkDocs project, with our theme, of the corpus's articles as Markdown files in the
    folder ``posts`` (``page`` writes one from its manifest record), plus ``docs`` files."""
    if dest.exists():
        shutil.rmtree(dest)
    (dest / "docs" / posts).mkdir(parents=True)
    for name, text in docs.items():
        (dest / "docs" / name).write_text(text, encoding="utf-8")
    for line in (corpus / "manifest.jsonl").read_text(encoding="utf-8").splitlines():
        record = json.loads(line)
        path = dest / "docs" / posts / f"{Path(record['file']).stem}.md"
        path.write_text(page(record), encoding="utf-8")
    ours = yaml.safe_load((corpus / "mkdocs.yml").read_text(encoding="utf-8"))
    config = {
        "site_name": config.pop("site_name"),
        "theme": ours["theme"],
        "markdown_extensions": ours.get("markdown_extensions", []),
        **config,
    }
    (dest / "mkdocs.yml").write_text(yaml.safe_dump(config, sort_keys=False), encoding="utf-8")
    return dest / "mkdocs.yml"


def blog_project(corpus: Path, dest: Path) -> Path:
    """The same articles as blog posts: what a user of Material has today."""
    registry = yaml.safe_load((corpus / "content" / "actors.yml").read_text(encoding="utf-8"))
    names = {actor["id"]: actor["name"] for actor in registry["actors"]}

    def post(record: dict) -> str:
        meta = {
            "date": date.fromisoformat(record["date"] or gen_corpus.STORY_START.isoformat()),
            "categories": [names[a] for a in record["actors"]],
        }
        body = "\n\n".join(record["paragraphs"])
        return f"---\n{yaml.safe_dump(meta, sort_keys=False)}---\n\n# {record['title']}\n\n{body}\n"

    blog = {
        "archive_date_format": "MMMM yyyy",
        "archive_url_date_format": "yyyy/MM",
        "post_readtime": True,
    }
    return articles_project(
        corpus,
        dest,
        "blog/posts",
        post,
        {"index.md": "# Synthetic digest\n", "blog/index.md": "# Articles\n"},
        {"site_name": "Synthetic blog", "plugins": ["search", {"blog": blog}]},
    )


def reference_project(corpus: Path, dest: Path) -> Path:
    """The issue's yardstick for 10,000 cold: MkDocs alone on N plain pages (each article's
    title and paragraphs) with a small menu. The machine's speed drifts by a third within a
    day, so a cold build is compared with this, built in the same run."""

    def page(record: dict) -> str:
        body = "\n\n".join(record["paragraphs"])
        return f"# {record['title']}\n\n{body}\n"

    return articles_project(
        corpus,
        dest,
        "pages",
        page,
        {"index.md": "# Plain pages\n", "about.md": "# About\n\nPlain pages.\n"},
        {
            "site_name": "Plain pages",
            "nav": [{"Home": "index.md"}, {"About": "about.md"}],
            "plugins": ["search"],
        },
    )


def plain_project(corpus: Path, dest: Path) -> Path:
    """Our generated pages written to disk, built by MkDocs with no digest plugin."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "PYTHONPATH": str(ROOT)}
    if dest.exists():
        shutil.rmtree(dest)
    subprocess.run(
        [sys.executable, "-m", "generator.cli", "-f", str(corpus / "mkdocs.yml"), "generate",
         "--out", str(dest / "docs")],  # fmt: skip
        check=True,
        capture_output=True,
        env=env,
    )
    config = yaml.safe_load((corpus / "mkdocs.yml").read_text(encoding="utf-8"))
    config["docs_dir"] = "docs"
    config["plugins"] = ["search"]
    (dest / "mkdocs.yml").write_text(yaml.safe_dump(config, sort_keys=False), encoding="utf-8")
    return dest / "mkdocs.yml"


# --- edits between rebuilds ------------------------------------------------------------------


def edit_article(corpus: Path, run: int) -> None:
    path = sorted((corpus / "content" / "raw").iterdir())[len(os.listdir(corpus / "content" / "raw")) // 2]
    lines = path.read_text(encoding="utf-8").split("\n")
    longest = max(range(len(lines)), key=lambda i: len(lines[i]))
    lines[longest] = lines[longest].split(" [edit")[0] + f" [edit {run}] Officials said more."
    path.write_text("\n".join(lines), encoding="utf-8")


def edit_template(corpus: Path, run: int) -> None:
    folder = corpus / "templates"
    folder.mkdir(exist_ok=True)
    builtin = (ROOT / "generator" / "render" / "templates" / "article.md.j2").read_text(encoding="utf-8")
    (folder / "article.md.j2").write_text(builtin + f"\n<!-- edited {run} -->\n", encoding="utf-8")


def edit_registry(corpus: Path, run: int) -> None:
    path = corpus / "content" / "actors.yml"
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    actor = data["actors"][0]
    actor["aliases"] = [a for a in actor["aliases"] if not a.startswith("Edited")]
    actor["aliases"].append(f"Edited Alias {run}")
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")


# --- measuring -------------------------------------------------------------------------------


def folder_mb(folder: Path) -> float:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file()) / 1e6


def _peak(runs: list[dict[str, float]], key: str) -> float | None:
    values = [r[key] for r in runs if r.get(key)]
    return round(max(values), 1) if values else None


def median(runs: list[dict[str, float]], key: str) -> float:
    return statistics.median(r[key] for r in runs)


EDITS = {"one_article": edit_article, "template": edit_template, "registry": edit_registry}


def measure(
    n: int,
    runs: int,
    work: Path,
    seed: int,
    scenarios=SCENARIOS,
    baselines: bool = True,
    with_reference: bool = True,
) -> dict[str, float | None]:
    corpus = work / f"n{n}" / "digest"
    print(f"[n={n}] generating corpus", flush=True)
    gen_corpus.generate(n, corpus, seed)
    config = corpus / "mkdocs.yml"
    results: dict[str, list[dict[str, float]]] = {s: [] for s in SCENARIOS}
    blog_runs: list[dict[str, float]] = []
    reference_runs: list[dict[str, float]] = []
    plain_runs: list[dict[str, float]] = []
    blog = work / f"n{n}" / "blog" / "mkdocs.yml"
    plain = work / f"n{n}" / "plain" / "mkdocs.yml"
    reference = work / f"n{n}" / "reference" / "mkdocs.yml"
    for run in range(runs):
        shutil.rmtree(corpus / ".cache", ignore_errors=True)
        shutil.rmtree(corpus / "site", ignore_errors=True)
        shutil.rmtree(corpus / "templates", ignore_errors=True)
        results["cold"].append(timed_build(config))  # always: it fills the cache
        if with_reference:
            if run == 0:
                reference = reference_project(corpus, reference.parent)
            reference_runs.append(timed_build(reference))
        if baselines:
            # Interleaved with ours, run by run: a busy spell on a shared machine then
            # slows both sides of a ratio rather than one.
            if run == 0:
                print(f"[n={n}] writing the blog and MkDocs-alone projects", flush=True)
                blog = blog_project(corpus, blog.parent)
                plain = plain_project(corpus, plain.parent)
            blog_runs.append(timed_build(blog))
            plain_runs.append(timed_build(plain))
        for scenario in scenarios:
            if scenario in EDITS:
                EDITS[scenario](corpus, run)
            if scenario != "cold":
                results[scenario].append(timed_build(config))
        shown = [f"{s} {results[s][-1]['wall']:.1f}s" for s in SCENARIOS if results[s]]
        if with_reference:
            shown.append(f"plain pages {reference_runs[-1]['wall']:.1f}s")
        if baselines:
            shown += [f"blog {blog_runs[-1]['wall']:.1f}s", f"alone {plain_runs[-1]['wall']:.1f}s"]
        print(f"[n={n}] run {run + 1}: " + ", ".join(shown), flush=True)
    site = corpus / "site"
    index = site / "search" / "search_index.json"

    def med(rows: list[dict[str, float]], key: str) -> float | None:
        return round(median(rows, key), 2) if rows else None

    row: dict = {f"{s}_s": med(results[s], "wall") for s in SCENARIOS}
    row |= {f"{s}_cpu_s": med(results[s], "cpu") for s in SCENARIOS}
    done = [r for s in SCENARIOS for r in results[s]]
    row |= {
        "peak_rss_mb": round(max(r["rss_mb"] for r in done), 1),
        "peak_tree_rss_mb": _peak(done, "tree_rss_mb"),
        "peak_pss_mb": _peak(done, "pss_mb"),
        "site_mb": round(folder_mb(site), 2),
        "site_kb_per_article": round(folder_mb(site) * 1000 / n, 1),
        "search_index_mb": round(index.stat().st_size / 1e6, 2) if index.exists() else 0.0,
        "pages_per_s": round(n / row["cold_s"], 1),
        "blog_plugin_s": med(blog_runs, "wall"),
        "blog_plugin_cpu_s": med(blog_runs, "cpu"),
        "blog_peak_rss_mb": round(max(r["rss_mb"] for r in blog_runs), 1) if blog_runs else None,
        "blog_peak_pss_mb": _peak(blog_runs, "pss_mb"),
        "blog_site_mb": round(folder_mb(blog.parent / "site"), 2) if blog_runs else None,
        "mkdocs_alone_s": med(plain_runs, "wall"),
        "mkdocs_alone_cpu_s": med(plain_runs, "cpu"),
        "reference_s": med(reference_runs, "wall"),
        "reference_cpu_s": med(reference_runs, "cpu"),
        "runs": runs,
    }
    # Where our time goes (seconds inside the digest plugin, medians), per scenario.
    row["stages"] = {
        s: {
            key[len("stage_") :]: round(median(results[s], key), 2)
            for key in results[s][0]
            if key.startswith("stage_")
        }
        for s in SCENARIOS
        if results[s]
    }

    def ratio(a: float | None, b: float | None, minus: float = 0.0) -> float | None:
        return round(a / b - minus, 3) if a is not None and b else None

    row["ratio_vs_blog"] = ratio(row["cold_s"], row["blog_plugin_s"])
    row["ratio_vs_blog_cpu"] = ratio(row["cold_cpu_s"], row["blog_plugin_cpu_s"])
    row["cold_vs_reference"] = ratio(row["cold_s"], row["reference_s"])
    row["warm_overhead"] = ratio(row["warm_s"], row["mkdocs_alone_s"], 1)
    row["warm_overhead_cpu"] = ratio(row["warm_cpu_s"], row["mkdocs_alone_cpu_s"], 1)
    return row


# --- the editor's loop: `digest serve` ------------------------------------------------------

# How often the served page is fetched while waiting for an edit to show (a browser's live
# reload asks the server without a pause; 20 ms keeps the poller off the two cores).
POLL_S = 0.02
# An edit not visible after this long counts as never (the "never": a folder that
# is not watched).
VISIBLE_TIMEOUT_S = 120.0


def fetch_text(url: str) -> str | None:
    import urllib.error
    import urllib.request

    try:
        with urllib.request.urlopen(url, timeout=30) as response:
            return response.read().decode("utf-8", "replace")
    except (urllib.error.URLError, OSError):
        return None


def visible_after(url: str, marker: str, since: float) -> float | None:
    """Seconds from ``since`` (the file write) until the page at ``url`` holds ``marker``."""
    while time.perf_counter() - since < VISIBLE_TIMEOUT_S:
        page = fetch_text(url)
        if page is not None and marker in page:
            return time.perf_counter() - since
        time.sleep(POLL_S)
    return None


def gone_after(url: str, marker: str, since: float) -> float | None:
    """Seconds from ``since`` until the page at ``url`` no longer holds ``marker``."""
    while time.perf_counter() - since < VISIBLE_TIMEOUT_S:
        page = fetch_text(url)
        if page is not None and marker not in page:
            return time.perf_counter() - since
        time.sleep(POLL_S)
    return None


def edited_article(corpus: Path) -> tuple[Path, str, str]:
    """A raw page, the URL of its article page, and a dated sentence of it the page
    shows: the article edit changes a word of that sentence."""
    from generator.cli import load_options
    from generator.pipeline import build_model

    digest = build_model(load_options(str(corpus / "mkdocs.yml"))).digest
    entries = sorted(digest.articles, key=lambda e: e.article.source)
    for entry in entries[len(entries) // 2 :]:
        path = corpus / "content" / "raw" / entry.article.source
        text = path.read_text(encoding="utf-8")
        for event in entry.events:
            if event.sources and event.sources[0].article is entry and event.text in text:
                return path, f"/articles/{entry.slug}/", event.text
    raise SystemExit("no article with an event sentence found")


def measure_serve(n: int, runs: int, work: Path) -> dict[str, float | None]:
    """``digest serve`` on the corpus ``measure`` made: its first build (cold cache), then
    ``runs`` article edits and actor-template edits, each timed from the file write until
    the served page's HTML shows it (fetched over HTTP, as a browser's reload does)."""
    import socket

    corpus = work / f"n{n}" / "digest"
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "PYTHONPATH": str(ROOT)}
    raw, url, sentence = edited_article(corpus)
    shutil.rmtree(corpus / ".cache", ignore_errors=True)
    shutil.rmtree(corpus / "templates", ignore_errors=True)
    (corpus / "templates").mkdir()
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    base = f"http://127.0.0.1:{port}"
    start = time.perf_counter()
    server = subprocess.Popen(
        [sys.executable, "-m", "generator.cli", "-f", str(corpus / "mkdocs.yml"), "serve",
         "-a", f"127.0.0.1:{port}"],  # fmt: skip
        cwd=corpus,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
    )
    log: list[str] = []
    try:
        assert server.stderr is not None
        for line in server.stderr:
            log.append(line)
            if "Serving on" in line:
                break
        else:
            raise SystemExit("digest serve stopped:\n" + "".join(log[-30:]))
        first = time.perf_counter() - start
        threading.Thread(target=lambda: log.extend(server.stderr), daemon=True).start()
        print(f"[n={n}] serve: first build {first:.1f}s", flush=True)
        builtin = (ROOT / "generator" / "render" / "templates" / "actor.md.j2").read_text(
            encoding="utf-8"
        )
        article_s: list[float | None] = []
        template_s: list[float | None] = []
        word = max(sentence.split(), key=len)
        original = raw.read_text(encoding="utf-8")
        for run in range(runs):
            # From the original text each time: one word differs from the last run's.
            marker = f"Servemarker{run}x"
            edited = sentence.replace(word, f"{word} {marker}", 1)
            raw.write_text(original.replace(sentence, edited, 1), encoding="utf-8")
            article_s.append(visible_after(base + url, marker, time.perf_counter()))
            marker = f"Templatemarker{run}x"
            (corpus / "templates" / "actor.md.j2").write_text(
                builtin + f"\n\n{marker}\n", encoding="utf-8"
            )
            template_s.append(visible_after(base + "/actors/qatar/", marker, time.perf_counter()))
            # The override removed again: an editor's template makes its pages depend on
            # every input (docs/serve.md), which the next run's article edit would pay for.
            (corpus / "templates" / "actor.md.j2").unlink()
            gone_after(base + "/actors/qatar/", marker, time.perf_counter())
            print(f"[n={n}] serve run {run + 1}: article {article_s[-1]}, template "
                  f"{template_s[-1]}", flush=True)  # fmt: skip
        raw.write_text(original, encoding="utf-8")
    finally:
        server.terminate()
        server.wait(timeout=60)

    def med(values: list[float | None]) -> float | None:
        done = [v for v in values if v is not None]
        return round(statistics.median(done), 2) if len(done) == len(values) else None

    row = {
        "serve_first_s": round(first, 2),
        "serve_article_s": med(article_s),
        "serve_template_s": med(template_s),
    }
    row["serve_article_ratio"] = (
        round(row["serve_article_s"] / first, 3) if row["serve_article_s"] else None
    )
    row["serve_template_ratio"] = (
        round(row["serve_template_s"] / first, 3) if row["serve_template_s"] else None
    )
    return row


def pipeline_only(n: int, work: Path, seed: int) -> dict:
    corpus = work / f"n{n}" / "digest"
    if not (corpus / "manifest.jsonl").is_file() or len(
        (corpus / "manifest.jsonl").read_text(encoding="utf-8").splitlines()
    ) != n:
        gen_corpus.generate(n, corpus, seed)
    shutil.rmtree(corpus / ".cache", ignore_errors=True)
    out = {}
    for label in ("cold", "warm"):
        result = timed_build(corpus / "mkdocs.yml", "--child-pipeline")
        out[label] = {k: round(v, 2) for k, v in result.items()}
        print(f"[n={n}] pipeline only, {label}: {out[label]}", flush=True)
    return out


def machine() -> dict[str, str]:
    memory = ""
    with contextlib.suppress(OSError):
        memory = subprocess.run(["free", "-h"], capture_output=True, text=True).stdout
    return {
        "date": datetime.now(timezone.utc).isoformat(timespec="minutes"),
        "nproc": str(os.cpu_count()),
        "python": platform.python_version(),
        "platform": platform.platform(),
        "memory": memory.strip(),
        "load_average": " ".join(f"{x:.2f}" for x in os.getloadavg()),
    }


COLUMNS = [
    ("cold_s", "cold s"), ("warm_s", "warm s"), ("one_article_s", "1 article s"),
    ("template_s", "template s"), ("registry_s", "registry s"), ("peak_rss_mb", "peak MB"),
    ("peak_pss_mb", "peak PSS MB"), ("peak_tree_rss_mb", "peak RSS sum MB"),
    ("site_mb", "site MB"), ("site_kb_per_article", "KB/article"),
    ("search_index_mb", "index MB"), ("pages_per_s", "pages/s"), ("blog_plugin_s", "blog s"),
    ("ratio_vs_blog", "ours/blog"), ("ratio_vs_blog_cpu", "ours/blog cpu"),
    ("mkdocs_alone_s", "mkdocs alone s"), ("warm_overhead", "warm overhead"),
    ("warm_overhead_cpu", "warm overhead cpu"), ("reference_s", "plain pages s"),
    ("cold_vs_reference", "cold/plain"), ("serve_first_s", "serve first s"),
    ("serve_article_s", "serve article s"), ("serve_article_ratio", "article/first"),
    ("serve_template_s", "serve template s"), ("serve_template_ratio", "template/first"),
]  # fmt: skip


def table(rows: dict[str, dict[str, float]]) -> str:
    keys = list(rows)
    width = max(len(label) for _, label in COLUMNS)
    lines = [f"{'N':<{width}} " + " ".join(f"{k:>10}" for k in keys)]
    for key, label in COLUMNS:
        cells = (str(rows[k].get(key)) if rows[k].get(key) is not None else "-" for k in keys)
        lines.append(f"{label:<{width}} " + " ".join(f"{c:>10}" for c in cells))
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--n", type=int, nargs="+", default=[100])
    parser.add_argument("--runs", type=int, default=None, help="default: 3, or 1 above 1,000")
    parser.add_argument("--json", type=Path, default=None)
    parser.add_argument("--work", type=Path, default=HERE / "out" / "scale")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--scenarios", nargs="+", choices=SCENARIOS, default=list(SCENARIOS))
    parser.add_argument(
        "--no-baselines", action="store_true", help="skip the blog plugin and MkDocs alone"
    )
    parser.add_argument(
        "--no-reference",
        action="store_true",
        help="skip MkDocs alone on N plain pages with a small menu (the 10,000 cold yardstick)",
    )
    parser.add_argument(
        "--pipeline-only",
        action="store_true",
        help="time only our pipeline (cold, warm), no MkDocs: for N too large to build whole",
    )
    parser.add_argument(
        "--serve",
        action="store_true",
        help="also time `digest serve`: its first build, then an article edit and an actor"
        " template edit until the served page shows them",
    )
    parser.add_argument("--child", help=argparse.SUPPRESS)
    parser.add_argument("--child-pipeline", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child:
        child(args.child)
        return
    if args.child_pipeline:
        child_pipeline(args.child_pipeline)
        return
    if args.pipeline_only:
        for n in args.n:
            print(json.dumps({str(n): pipeline_only(n, args.work, args.seed)}, indent=1))
        return
    rows: dict[str, dict[str, float]] = {}
    for n in args.n:
        runs = args.runs or (3 if n <= 1000 else 1)
        rows[str(n)] = measure(
            n,
            runs,
            args.work,
            args.seed,
            args.scenarios,
            not args.no_baselines,
            not args.no_reference,
        )
        if args.serve:
            rows[str(n)] |= measure_serve(n, runs, args.work)
        if args.json:
            report = {"machine": machine(), "results": rows}
            args.json.parent.mkdir(parents=True, exist_ok=True)
            args.json.write_text(json.dumps(report, indent=2) + "\n", encoding="utf-8")
    info = machine()
    print(f"\n{info['date']}  nproc={info['nproc']}  python {info['python']}  "
          f"load {info['load_average']}")  # fmt: skip
    print(table(rows))


if __name__ == "__main__":
    main()
