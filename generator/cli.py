"""The ``digest`` command: ingest, generate, check, build, serve, and registry help for
editors."""

from __future__ import annotations

import argparse
import dataclasses
import json
import logging
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from generator.cache import HELD_ENV, ProjectLock, lock_path, write_atomic, write_if_changed
from generator.config import Options, is_under
from generator.extract.actors import RegistryError

log = logging.getLogger("mkdocs.plugins.digest")


def load_options(config_file: str) -> Options:
    return load_site(config_file)[0]


def load_site(config_file: str) -> tuple[Options, Path]:
    """The digest plugin's options as mkdocs.yml sets them: one place for configuration."""
    from mkdocs.config import load_config
    from mkdocs.exceptions import ConfigurationError

    from generator.plugin.plugin import DigestPlugin, options_from

    try:
        config = load_config(config_file)
    except ConfigurationError as exc:
        raise SystemExit(f"digest: {config_file}: {exc}") from None
    plugin = next((p for p in config.plugins.values() if isinstance(p, DigestPlugin)), None)
    if plugin is None:
        raise SystemExit(f"digest: {config_file} does not enable the 'digest' plugin")
    options = options_from(
        plugin.config,
        config.config_file_path,
        config.site_url,
        config.use_directory_urls,
        config.site_name,
    )
    return options, Path(config.docs_dir)


def project_lock(config_file: str, options: Options) -> ProjectLock:
    """The lock a build of this project takes (see ``generator.cache.ProjectLock``)."""
    project = Path(config_file).resolve().parent
    return ProjectLock(lock_path(options.cache_dir, project))


def _waiting(path: Path) -> None:
    print(f"Waiting for another build of this project to finish (it holds {path}).")


def cmd_ingest(args: argparse.Namespace) -> int:
    """Write cleaned articles for review; a file an editor has changed is never overwritten
    (see ``generator.ingest.review``)."""
    from generator.ingest.review import ingest

    if args.explain:
        return _explain(Path(args.explain))
    options = load_options(args.config)
    lock = project_lock(args.config, options)
    lock.acquire(waiting=_waiting)
    try:
        report = ingest(options.corpus, options.articles)
    finally:
        lock.release()
    for problem in report.skipped:
        kind = "info" if problem.severity == "info" else "warning"
        print(f"{kind}: {_line(str(problem))}", file=sys.stderr)
    for problem in report.failed:
        print(f"warning: {_line(str(problem))}", file=sys.stderr)
    if report.temporaries:
        print(f"Removed {_count(report.temporaries, 'temporary file')} an interrupted run left.")
    print(
        f"{options.articles}: {_count(report.written, 'article')} written, "
        f"{report.unchanged} unchanged, {report.kept} edited kept (not overwritten), "
        f"{len(report.failed)} failed."
    )
    return 0


def _explain(path: Path) -> int:
    """Why each line of one page is kept or dropped; one line and exit 1 if it cannot be."""
    from generator.ingest import IngestError, explain_page
    from generator.ingest.corpus import load_file

    shown = _line(str(path))
    data = load_file(path.resolve(), shown)
    if not isinstance(data, bytes):
        problem = data.message.removeprefix("skipped: ")
        print(f"digest ingest --explain: {shown}: {problem}", file=sys.stderr)
        return 1
    try:
        lines = explain_page(data, path.name)
    except IngestError as exc:
        problem = _line(str(exc).removeprefix(f"{path.name}: "))
        print(f"digest ingest --explain: {shown}: {problem}", file=sys.stderr)
        return 1
    for line in lines:
        print(f"{line.line_no:4d} {line.verdict:<8} {line.reason:<24} {_line(line.text)}")
    return 0


def cmd_generate(args: argparse.Namespace) -> int:
    options, docs = load_site(args.config)
    # Zensical resolves raw HTML links from the page's file; MkDocs copies them as they are.
    options = dataclasses.replace(options, source_links=args.builder == "zensical")
    with project_lock(args.config, options):
        return _generate(options, docs, Path(args.out).resolve())


def _generate(options: Options, docs: Path, out: Path) -> int:
    from generator.pipeline import build

    result = build(options)
    wanted = {page.path for page in result.pages}
    changed = sum(write_if_changed(out / page.path, page.content) for page in result.pages)
    # Hand-written pages come along, so `out` is a complete docs folder. Inputs are told by
    # where they are, then by what they are (a link into an input is one too).
    inputs = options.inputs
    docs = docs.resolve()  # as the inputs are, so that they compare by where they are
    for path in sorted(docs.rglob("*")):
        rel = path.relative_to(docs).as_posix()
        if any(path.is_relative_to(p) for p in inputs) or is_under(path, inputs):
            continue
        if path.is_file() and rel not in wanted:
            wanted.add(rel)
            changed += write_bytes_if_changed(out / rel, path.read_bytes())
    removed = 0
    for path in sorted(out.rglob("*"), reverse=True):
        if path.is_file() and path.relative_to(out).as_posix() not in wanted:
            path.unlink()
            removed += 1
    print(
        f"{len(wanted)} pages in {out}: {changed} written, {removed} removed, the rest unchanged."
    )
    return 0


def write_bytes_if_changed(path: Path, data: bytes) -> bool:
    if path.is_file() and path.read_bytes() == data:
        return False
    path.parent.mkdir(parents=True, exist_ok=True)
    write_atomic(path, data)
    return True


def cmd_check(args: argparse.Namespace) -> int:
    from generator.ingest.corpus import read_corpus

    options = load_options(args.config)
    corpus = read_corpus(options.corpus, options.articles)
    errors = not_pages = 0
    for problem in corpus.problems:
        if problem.severity == "info":
            print(f"info: {_line(str(problem))}")
            not_pages += 1
        else:
            # A page that could not be read is lost from the site: an error here.
            print(f"error: {_line(str(problem))}")
            errors += 1
    lost = errors
    for article in sorted(corpus.articles, key=lambda a: a.source):
        source = _line(article.source)
        for warning in article.warnings:  # a metadata step failed; the article stands
            print(f"warning: {_line(str(warning))}")
        if article.published is None:
            print(f"warning: {source}: undated (listed under 'Undated')")
        elif article.date_confidence == "low":
            print(
                f"warning: {source}: doubtful date {article.published:%Y-%m-%d}: "
                f"{_doubt(article.date_evidence)}"
            )
        if article.duplicates:
            print(f"info: {source}: same article as {_line(', '.join(article.duplicates))}")
    try:
        from generator.extract.actors import load_registry

        load_registry(options.registry)
    except RegistryError as exc:
        print(f"error: {_line(str(exc))}")
        errors += 1
    print(
        f"{_count(len(corpus.articles), 'article')}, {_count(lost, 'page')} not read, "
        f"{_count(not_pages, 'file')} skipped as no page, {_count(errors, 'error')}."
    )
    return 1 if errors else 0


def _count(n: int, word: str) -> str:
    return f"{n} {word}{'s' * (n != 1)}"


# Why a date is doubtful, by the first words of the date reader's evidence, in the order tried.
_DOUBTS = (
    ("conflict:", "other dates on the page weigh almost as much"),
    ("estimate:", "the page's own date looks like the site's, so it is estimated from the text"),
    ("no second source", "only one place on the page gives it"),
)


def _doubt(evidence: list[str]) -> str:
    """Why a date is doubtful, in a few words (``digest ingest --explain`` has the scores)."""
    why = next(
        (words for start, words in _DOUBTS if any(e.startswith(start) for e in evidence)),
        "the page gives no sure date",
    )
    return f"{why}; set 'published' in its reviewed file to settle it"


def cmd_build(args: argparse.Namespace) -> int:
    """``mkdocs build`` into a new folder beside the site, which replaces the site only if
    the build succeeds: a mistake never takes the last good site down. (``mkdocs build``
    itself empties the site folder first, and a failed build leaves it empty or half made.)
    ``--dirty`` builds update the site in place, as they must."""
    from mkdocs.config import load_config
    from mkdocs.exceptions import ConfigurationError

    options = load_options(args.config)
    picked = argparse.ArgumentParser(add_help=False)
    picked.add_argument("-d", "--site-dir")
    known, rest = picked.parse_known_args(args.mkdocs_args)
    try:
        site = Path(known.site_dir or load_config(args.config).site_dir).resolve()
    except ConfigurationError as exc:
        raise SystemExit(f"digest: {args.config}: {exc}") from None
    command = [sys.executable, "-m", "mkdocs", "build", "-f", args.config, *rest]
    lock = project_lock(args.config, options)
    lock.acquire(waiting=_waiting)
    try:
        env = {**os.environ, HELD_ENV: str(lock.path)}  # the build inside takes it from us
        if "--dirty" in rest:
            return subprocess.call([*command, "--site-dir", str(site)], env=env)
        return _build_beside(site, command, env)
    finally:
        lock.release()


def cmd_serve(args: argparse.Namespace) -> int:
    """``mkdocs serve --dirty``: a rebuild writes only the files an edit changed.

    MkDocs' server renders every page at every rebuild unless it runs with ``--dirty``,
    and no configuration key or plugin event can ask for that (its ``serve`` passes the
    flag to each build itself); so the project's way to serve is this command. The
    digest plugin reports as modified every page an edit can change
    (``generator.plugin.serving``), so the site served equals a clean build's.
    ``--clean`` (MkDocs' own) renders every page, as plain ``mkdocs serve`` does."""
    picked = argparse.ArgumentParser(add_help=False)
    picked.add_argument("-f", "--config-file", default=args.config)
    known, rest = picked.parse_known_args(args.mkdocs_args)  # `digest serve -f x.yml` too
    config = known.config_file
    load_options(config)  # a missing or broken configuration is named here
    if "--dirty" not in rest and "--clean" not in rest:
        rest.append("--dirty")
    from mkdocs.__main__ import cli

    # In this process, so that a signal to `digest serve` reaches the server.
    try:
        cli.main(args=["serve", "-f", config, *rest], standalone_mode=False)
    except KeyboardInterrupt:
        return 130
    return 0


def _build_beside(site: Path, command: list[str], env: dict[str, str]) -> int:
    """Build into a new folder beside ``site``, then swap it in (two renames)."""
    site.parent.mkdir(parents=True, exist_ok=True)
    # Folders an interrupted run left (we hold the lock: none is another run's).
    for stale in sorted(site.parent.glob(f".{site.name}.building-*")):
        shutil.rmtree(stale, ignore_errors=True)
    for stale in sorted(site.parent.glob(f".{site.name}.old-*")):
        shutil.rmtree(stale, ignore_errors=True)
    fresh = Path(tempfile.mkdtemp(prefix=f".{site.name}.building-", dir=site.parent))
    code = subprocess.call([*command, "--site-dir", str(fresh)], env=env)
    if code != 0:
        shutil.rmtree(fresh, ignore_errors=True)
        kept = "the last good site is still there" if site.exists() else "there is no site yet"
        print(f"digest build: the build failed; {site}: {kept}.", file=sys.stderr)
        return code
    old = site.parent / f".{site.name}.old-{os.getpid()}"
    try:
        if site.exists():
            os.replace(site, old)
        os.replace(fresh, site)
    except OSError as exc:  # a mount point, say: the new build stays where it is
        print(f"digest build: cannot replace {site} ({exc.strerror}); the new build is in {fresh}")
        return 1
    shutil.rmtree(old, ignore_errors=True)
    print(f"digest build: {site} replaced by the new build.")
    return 0


def cmd_actors_suggest(args: argparse.Namespace) -> int:
    from generator.extract.actors import load_registry, parse_registry
    from generator.extract.actors.suggest import Source, suggest
    from generator.extract.actors.suggest.output import suggestions_yaml, write_suggestions
    from generator.ingest.corpus import read_corpus

    options = load_options(args.config)
    try:
        # A new story has no registry yet: suggest against an empty one (``--write`` creates it).
        registry = (
            load_registry(options.registry)
            if Path(options.registry).exists()
            else parse_registry("", str(options.registry))
        )
    except RegistryError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    corpus = read_corpus(options.corpus, options.articles)
    sources = [
        Source(tuple(a.paragraphs), a.outlet or "", a.author or "")
        for a in sorted(corpus.articles, key=lambda a: a.source)  # any reading order, one result
    ]
    found = suggest(sources, registry, limit=args.limit)
    if not args.write:
        sys.stdout.write(suggestions_yaml(found))
        return 0
    try:
        actors, places = write_suggestions(options.registry, found)
    except RegistryError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    print(f"{actors} actors and {places} places added to {options.registry}.")
    return 0


def _iso_day(text: str) -> str:
    """YYYY-MM-DD, YYYY-MM or YYYY, for --between; argparse prints the one-line error."""
    from datetime import date

    padded = {4: f"{text}-01-01", 7: f"{text}-01"}.get(len(text), text)
    try:
        date.fromisoformat(padded)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a date (YYYY-MM-DD): {text!r}") from None
    return text


def cmd_timeline(args: argparse.Namespace) -> int:
    """The key dates, most important first: as lines to read, or as the JSON contract."""
    from generator.model.key_dates import timeline, to_json
    from generator.pipeline import build_model

    if args.k is not None and args.k < 1:
        raise SystemExit("digest timeline: --k must be at least 1")
    between = tuple(args.between) if args.between else None
    shared = min(len(between[0]), len(between[1])) if between else 0
    if between and between[0][:shared] > between[1][:shared]:
        raise SystemExit(f"digest timeline: --between {between[0]} {between[1]}: FROM after TO")
    result = build_model(load_options(args.config))
    for problem in result.problems:
        print(f"warning: {problem}", file=sys.stderr)
    found = timeline(result.digest, k=args.k, between=between)
    if args.json:
        print(json.dumps(to_json(found), ensure_ascii=False, indent=1))
        return 0
    if found.span:
        print(f"{_line(found.title)}: {found.span.start} to {found.span.end}")
    for item in found.dates:
        sources = f"{len(item.sources)} source{'s' * (len(item.sources) != 1)}"
        print(f"{item.rank:>4}. {item.date}  {_line(item.headline)} ({sources})")
        for sentence in item.summary:
            print(f"        {_line(sentence)}")
    return 0


def _line(text: str) -> str:
    """Web text as one terminal line: no control characters (escape sequences) or breaks."""
    return " ".join("".join(c if c.isprintable() else " " for c in text).split())


def parser() -> argparse.ArgumentParser:
    root = argparse.ArgumentParser(prog="digest", description=__doc__)
    root.add_argument("-f", "--config", default="mkdocs.yml", help="the site's mkdocs.yml")
    sub = root.add_subparsers(dest="command", required=True)

    ingest = sub.add_parser("ingest", help="clean raw pages into reviewable article files")
    ingest.add_argument(
        "--explain", metavar="FILE", help="show why each line of FILE is kept or dropped"
    )
    ingest.set_defaults(run=cmd_ingest)

    generate = sub.add_parser("generate", help="write the generated Markdown pages to a folder")
    generate.add_argument("--out", default="generated", help="folder to write (default: generated)")
    generate.add_argument(
        "--for",
        dest="builder",
        choices=("mkdocs", "zensical"),
        default="mkdocs",
        help="the builder that will read the folder; it decides how links are written"
        " (default: mkdocs, exactly what the plugin hands MkDocs)",
    )
    generate.set_defaults(run=cmd_generate)

    check = sub.add_parser("check", help="report problems in the corpus; non-zero exit on errors")
    check.set_defaults(run=cmd_check)

    build = sub.add_parser(
        "build",
        help="run mkdocs build into a new folder that replaces the site only if the build"
        " succeeds (extra arguments go to mkdocs)",
    )
    build.add_argument("mkdocs_args", nargs=argparse.REMAINDER)
    build.set_defaults(run=cmd_build)

    serve = sub.add_parser(
        "serve",
        help="run mkdocs serve so that an edit rebuilds only the pages it changes"
        " (mkdocs serve --dirty; extra arguments go to mkdocs)",
    )
    serve.add_argument("mkdocs_args", nargs=argparse.REMAINDER)
    serve.set_defaults(run=cmd_serve)

    key_dates = sub.add_parser("timeline", help="the story's key dates, most important first")
    key_dates.add_argument("--k", type=int, help="only the first K (default: every candidate)")
    key_dates.add_argument(
        "--between", nargs=2, metavar=("FROM", "TO"), type=_iso_day,
        help="only dates from FROM to TO, inclusive (YYYY-MM-DD, YYYY-MM or YYYY)",
    )  # fmt: skip
    key_dates.add_argument("--json", action="store_true", help="print the JSON contract")
    key_dates.set_defaults(run=cmd_timeline)

    actors = sub.add_parser("actors", help="help with the actor registry")
    actors_sub = actors.add_subparsers(dest="actors_command", required=True)
    suggest = actors_sub.add_parser(
        "suggest", help="actors and places the corpus names and the registry lacks, as YAML"
    )
    suggest.add_argument("--limit", type=int, default=40, help="actors to suggest (default 40)")
    suggest.add_argument(
        "--write", action="store_true", help="add them to the registry file, keeping its entries"
    )
    suggest.set_defaults(run=cmd_actors_suggest)
    return root


def main(argv: list[str] | None = None) -> int:
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s: %(message)s")
    root = parser()
    args, extra = root.parse_known_args(argv)
    if extra and args.command not in ("build", "serve"):
        root.error(f"unrecognized arguments: {' '.join(extra)}")
    if extra:  # `digest build --strict`: argparse leaves options it does not know here
        args.mkdocs_args = [*extra, *args.mkdocs_args]
    return args.run(args)


if __name__ == "__main__":
    sys.exit(main())
