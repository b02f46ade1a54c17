"""The ``digest`` command: ingest, generate, check, build, and registry help for editors."""

from __future__ import annotations

import argparse
import dataclasses
import hashlib
import json
import logging
import os
import subprocess
import sys
import tempfile
from pathlib import Path

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
        plugin.config, config.config_file_path, config.site_url, config.use_directory_urls
    )
    return options, Path(config.docs_dir)


def write_if_changed(path: Path, content: str) -> bool:
    """Write atomically, and only when the content differs, so watchers do not loop."""
    try:
        if path.read_text(encoding="utf-8") == content:
            return False
    except (OSError, UnicodeDecodeError):
        pass
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as handle:
            handle.write(content)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return True


INGEST_RECORD = ".ingested.json"


def _sha(data: str) -> str:
    return hashlib.sha256(data.encode("utf-8", "surrogatepass")).hexdigest()


def cmd_ingest(args: argparse.Namespace) -> int:
    """Write cleaned articles for review; a file an editor has changed is never overwritten.

    ``.ingested.json`` in the articles folder records the checksum of what ingest last wrote
    to each file: a file that still has it is ingest's own and may be refreshed when its raw
    page changes; any other existing file is the editor's.
    """
    from generator.ingest import Article, explain_page, to_markdown
    from generator.ingest.corpus import corpus_files, read_file

    if args.explain:
        path = Path(args.explain)
        for line in explain_page(path.read_bytes(), path.name):
            print(f"{line.line_no:4d} {line.verdict:<8} {line.reason:<24} {line.text}")
        return 0
    options = load_options(args.config)
    record_path = options.articles / INGEST_RECORD
    try:
        record = json.loads(record_path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        record = {}
    written = kept = failed = 0
    for path in corpus_files(options.corpus):
        name = path.relative_to(options.corpus).as_posix()
        target = options.articles / Path(name).with_suffix(".md")
        key = target.relative_to(options.articles).as_posix()
        existing = target.read_text(encoding="utf-8", errors="replace") if target.exists() else None
        if existing is not None and _sha(existing) != record.get(key):
            # Not what ingest last recorded writing: the editor's, unless it is exactly what
            # ingest would write now (a run interrupted between the file and its record).
            result = read_file(path, name)
            if isinstance(result, Article) and to_markdown(result) == existing:
                record[key] = _sha(existing)
            else:
                kept += 1
            continue
        result = read_file(path, name)
        if not isinstance(result, Article):
            print(f"warning: {result}", file=sys.stderr)
            failed += 1
            continue
        text = to_markdown(result)
        written += write_if_changed(target, text)
        record[key] = _sha(text)
    # Once, at the end: an interrupted run loses only records, which the next run recovers.
    write_if_changed(record_path, json.dumps(record, indent=1, sort_keys=True) + "\n")
    print(f"{written} articles written to {options.articles}, {kept} edited kept, {failed} failed.")
    return 0


def cmd_generate(args: argparse.Namespace) -> int:
    from generator.pipeline import build

    options, docs = load_site(args.config)
    # Zensical resolves raw HTML links from the page's file; MkDocs copies them as they are.
    options = dataclasses.replace(options, source_links=args.builder == "zensical")
    out = Path(args.out).resolve()
    result = build(options)
    wanted = {page.path for page in result.pages}
    changed = sum(write_if_changed(out / page.path, page.content) for page in result.pages)
    # Hand-written pages come along, so `out` is a complete docs folder.
    inputs = options.inputs
    for path in sorted(docs.rglob("*")):
        rel = path.relative_to(docs).as_posix()
        if path.is_file() and not is_under(path, inputs) and rel not in wanted:
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
    path.write_bytes(data)
    return True


def cmd_check(args: argparse.Namespace) -> int:
    from generator.ingest.corpus import read_corpus

    options = load_options(args.config)
    corpus = read_corpus(options.corpus, options.articles)
    errors = 0
    for problem in corpus.problems:
        print(f"error: {problem}")
        errors += 1  # a page that could not be read is lost from the site: an error here
    for article in sorted(corpus.articles, key=lambda a: a.source):
        for warning in article.warnings:  # a metadata step failed; the article stands
            print(f"warning: {warning}")
        if article.published is None:
            print(f"warning: {article.source}: undated (listed under 'Undated')")
        elif article.date_confidence == "low":
            evidence = "; ".join(article.date_evidence) or "conflicting evidence"
            print(
                f"warning: {article.source}: doubtful date {article.published:%Y-%m-%d}: {evidence}"
            )
        if article.duplicates:
            print(f"info: {article.source}: same article as {', '.join(article.duplicates)}")
    try:
        from generator.extract.actors import load_registry

        load_registry(options.registry)
    except RegistryError as exc:
        print(f"error: {exc}")
        errors += 1
    print(
        f"{len(corpus.articles)} articles, {len(corpus.problems)} pages skipped, {errors} errors."
    )
    return 1 if errors else 0


def cmd_build(args: argparse.Namespace) -> int:
    command = [sys.executable, "-m", "mkdocs", "build", "-f", args.config, *args.mkdocs_args]
    return subprocess.call(command)


def cmd_actors_suggest(args: argparse.Namespace) -> int:
    from generator.extract.actors import load_registry
    from generator.extract.actors.suggest import Source, suggest
    from generator.extract.actors.suggest.output import suggestions_yaml, write_suggestions
    from generator.ingest.corpus import read_corpus

    options = load_options(args.config)
    try:
        registry = load_registry(options.registry)
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

    build = sub.add_parser("build", help="run mkdocs build (extra arguments go to mkdocs)")
    build.add_argument("mkdocs_args", nargs=argparse.REMAINDER)
    build.set_defaults(run=cmd_build)

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
    args = parser().parse_args(argv)
    return args.run(args)


if __name__ == "__main__":
    sys.exit(main())
