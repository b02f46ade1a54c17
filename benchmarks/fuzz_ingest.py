"""Fuzz ingest: many generated pages through ``read_page``; any exception but IngestError is a crash.

Pages are mutations of the sample corpus (byte flips, splices, invalid UTF-8, NUL bytes,
other encodings and BOMs, shuffled or joined lines, odd line endings, hostile HTML and
Markdown, front matter fences with random YAML, HTML wrappers), front matter of the shapes
that once stopped a build (nested thousands deep, alias bombs, aliases into themselves,
merge keys that double, JSON-escaped surrogates, huge lists), plus random bytes, random
Unicode and hostile token soup. Every page is a pure function of (seed, index), so a run
can be repeated and any page regenerated. Work is spread over worker processes.

Two more modes work on whole folders (issue 20). ``--corpora N`` builds N small corpus
folders of odd file names (litter, ``_x``, ``.x``, ``README``, names with newlines and
HTML), links (to files inside and outside, to folders, to nothing, to themselves, through
``..``) and pipes, and reads each with ``read_corpus``: a crash is an exception, a file
read from outside the corpus, or a file neither read nor named in a problem. ``--builds N``
runs N rounds of two overlapping ``mkdocs build`` of one project: a crash is a failed
build or a search index that is not valid JSON with each entry once.

A crash is an exception other than ``IngestError``, an Article that breaks its contract
(title not text, a block of an unknown kind), or a page taking longer than ``--slow``
seconds. Each distinct crash (exception type and the innermost frame in ``generator/``) is
saved once under ``benchmarks/out/fuzz/`` (gitignored) as the page bytes plus a report.

    python benchmarks/fuzz_ingest.py --pages 100000 --workers 2
    python benchmarks/fuzz_ingest.py --pages 0 --corpora 2000
    python benchmarks/fuzz_ingest.py --pages 0 --builds 10
    python benchmarks/fuzz_ingest.py --replay benchmarks/out/fuzz/crash-....bin
"""

from __future__ import annotations

import argparse
import contextlib
import hashlib
import multiprocessing
import os
import random
import signal
import statistics
import sys
import time
import traceback
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from generator.ingest import Article, IngestError, read_page  # noqa: E402
from generator.parallel import start_worker  # noqa: E402 - workers end with the run

OUT = ROOT / "benchmarks" / "out" / "fuzz"
SAMPLES = [p.read_bytes() for p in sorted((ROOT / "content" / "raw").iterdir()) if p.is_file()]
HOSTILE = [
    p.read_bytes()
    for p in sorted((ROOT / "tests" / "hostile").iterdir())
    if p.is_file() and p.name != "README.md"
]

TOKENS = [
    "<script>alert(1)</script>", "<img src=x onerror=alert(1)>", "<div onclick='x'>", "</div>",
    "<!--", "-->", "<![CDATA[", "]]>", "&lt;", "&amp;", "&#0;", "&#xD800;", "<html>", "<body>",
    "<p>", "</p>", "<meta charset=utf-16>", "<title>", "</title>", "<article>", "<br>",
    "[link](javascript:alert(1))", "![img](x.png)", "{{ config }}", "{% raw %}", "{: onclick=x }",
    "---", "...", "***", "===", "```", "!!! note", "# ", "## ", "> ", "- ", "* ", "1. ", "| a |",
    "12 March 2024", "March 2024", "2024-02-30", "2023-02-29", "0000-00-00", "9999-12-31",
    "31/12/2023", "12.03.2024", "Published: 7 June 2024, 10:02 GMT", "Updated 2 hours ago",
    "last Tuesday", "two weeks ago", "Oct. 7", "since October 7, 2023", "By John Smith",
    "© 2024 Example News. All rights reserved.", "Share on Facebook", "Read more", "Comments (3)",
    "Qatar", "Hamas", "Israel's", "Netanyahu", "Doha", "Reuters", "AP", "(Photo: AFP/Getty)",
    "\n", "\n\n", "\r\n", "\r", "\u2028", "\u2029", "\x85", "\x0b", "\x0c", "\x00", "\x1b",
    "\u00a0", "\u200b", "\u200f", "\u202e", "\ufeff", "\ufffd", "e\u0301", "\U0001f600",
    "\u0627\u0644\u0642\u0627\u0647\u0631\u0629", "Москва", "東京", "İstanbul", "ß", "ﬁ",
    "The talks resumed on Monday.", "the", "said that", "word", " ", "  ", "\t",
]  # fmt: skip
YAML_KEYS = ["title", "published", "date", "outlet", "author", "summary", "id", "url", "source",
             "sources", "captions", "date_confidence", "date_evidence", "x"]  # fmt: skip
YAML_VALUES = ["2024-03-01", "'2024-03-01'", "2024-03-01T10:00:00+14:00", "high", "low", "none",
               "~", "''", "[a, b]", "{a: 1}", "7", "-1", "1e999", ".nan", "true", "'../../x'",
               "\"<script>\"", "\"\\ud800\"", "&a x", "*a", "!!binary aGk=", "|\n  block",
               "[unclosed", "a: b: c", "'it''s'", "@x", "`x`", "%TAG"]  # fmt: skip
ENCODINGS = ["utf-8", "utf-16", "utf-16-le", "utf-32", "cp1252", "cp1251", "latin-1", "utf-8-sig",
             "shift_jis", "koi8-r", "gb18030"]  # fmt: skip


# --- page generators -------------------------------------------------------------------


def token_soup(r: random.Random, n: int) -> str:
    return "".join(r.choice(TOKENS) for _ in range(n))


def random_unicode(r: random.Random, n: int) -> str:
    out = []
    for _ in range(n):
        plane = r.random()
        if plane < 0.6:
            out.append(chr(r.randrange(0x20, 0x7F)))
        elif plane < 0.8:
            out.append(chr(r.randrange(0x80, 0x3000)))
        elif plane < 0.95:
            out.append(chr(r.randrange(0x3000, 0x10000)))
        else:
            out.append(chr(r.randrange(0x10000, 0x110000)))
    return "".join(out)


def front_matter(r: random.Random) -> str:
    lines = [f"{r.choice(YAML_KEYS)}: {r.choice(YAML_VALUES)}" for _ in range(r.randrange(0, 7))]
    return "---\n" + "\n".join(lines) + "\n" + r.choice(["---", "...", "--", ""]) + "\n\n"


def deep_yaml(r: random.Random) -> str:
    """Nesting around the loader's limit, and far past Python's stack."""
    depth = r.choice([5, 48, 49, 50, 51, 52, 300, 3000, 30000])
    key = r.choice(YAML_KEYS)
    shape = r.randrange(4)
    if shape == 0:
        return f"{key}: " + "[" * depth + r.choice(["x", "", "*a"]) + "]" * depth
    if shape == 1:
        return f"{key}: " + "{a: " * depth + "x" + "}" * depth
    depth = min(depth, 3000)  # block nesting costs indentation: keep pages under a few MB
    if shape == 2:
        return "\n".join("  " * i + f"k{i}:" for i in range(depth)) + " x"
    return "\n".join("  " * i + "-" for i in range(depth)) + " x"


def aliased_yaml(r: random.Random) -> str:
    """Anchors and aliases: billion laughs of any size, loops, doubling merge keys."""
    shape = r.randrange(4)
    key = r.choice(YAML_KEYS)
    if shape == 0:  # billion laughs: fan ** levels values
        fan, levels = r.randrange(2, 12), r.randrange(2, 12)
        lines = ["l0: &l0 [" + ", ".join(["ha"] * fan) + "]"]
        lines += [
            f"l{i}: &l{i} [" + ", ".join([f"*l{i - 1}"] * fan) + "]" for i in range(1, levels)
        ]
        return "\n".join([*lines, f"{key}: *l{levels - 1}"])
    if shape == 1:  # an alias inside its own value
        return r.choice([f"{key}: &a [x, *a]", "a: &a {b: *a}", f"{key}: &a\n  - *a"])
    if shape == 2:  # merge keys, each level doubling the one before
        levels = r.randrange(2, 40)
        lines = ["m0: &m0 {a: 1, b: 2}"]
        lines += [f"m{i}: &m{i} {{<<: [*m{i - 1}, *m{i - 1}], k{i}: 1}}" for i in range(1, levels)]
        return "\n".join([*lines, f"{key}: *m{levels - 1}"])
    count = r.choice([10, 999, 1000, 1001, 5000])  # many aliases of one small value
    return f"a: &a x\n{key}: [" + ", ".join(["*a"] * count) + "]"


def escaped_yaml(r: random.Random) -> str:
    """JSON-style escapes: surrogate pairs, lone halves, reversed pairs, astral escapes."""
    parts = []
    for _ in range(r.randrange(1, 8)):
        high, low = r.randrange(0xD800, 0xDC00), r.randrange(0xDC00, 0xE000)
        parts.append(
            r.choice(
                [f"\\u{high:04X}\\u{low:04x}", f"\\u{high:04x}", f"\\u{low:04X}",
                 f"\\u{low:04x}\\u{high:04x}", f"\\U{r.randrange(0x10000, 0x110000):08x}",
                 token_soup(r, 1).replace("\\", "").replace('"', "")]
            )
        )  # fmt: skip
    return f'{r.choice(YAML_KEYS)}: "{"".join(parts)}"'


def big_yaml(r: random.Random) -> str:
    """Large but plain: long lists, long texts, long keys."""
    n = r.choice([1000, 60_000, 200_000])
    shape = r.randrange(3)
    if shape == 0:
        return f"{r.choice(YAML_KEYS)}: [" + ", ".join(["[x]"] * (n // 2)) + "]"
    if shape == 1:
        return f"{r.choice(YAML_KEYS)}: '" + "long " * n + "'"
    return "x" * n + ": 1"


def fault_front_matter(r: random.Random) -> str:
    shape = r.choice([deep_yaml, aliased_yaml, escaped_yaml, big_yaml])
    return "---\n" + shape(r) + "\n---\n\n"


def encode(r: random.Random, text: str) -> bytes:
    name = r.choice(ENCODINGS)
    return text.encode(name, errors=r.choice(["replace", "ignore", "xmlcharrefreplace"]))


def as_text(data: bytes, r: random.Random) -> str:
    return data.decode(r.choice(["utf-8", "latin-1", "cp1252"]), errors="replace")


def mutate_bytes(r: random.Random, data: bytes) -> bytes:
    buf = bytearray(data)
    for _ in range(r.randrange(1, 8)):
        op = r.randrange(8)
        at = r.randrange(len(buf) + 1)
        if op == 0 and buf:  # flip bits
            i = r.randrange(len(buf))
            buf[i] ^= 1 << r.randrange(8)
        elif op == 1:  # random bytes
            buf[at:at] = r.randbytes(r.randrange(1, 32))
        elif op == 2 and buf:  # delete a range
            del buf[at : at + r.randrange(1, 400)]
        elif op == 3 and buf:  # duplicate a range
            end = min(len(buf), at + r.randrange(1, 400))
            buf[at:at] = buf[at:end] * r.randrange(1, 4)
        elif op == 4:  # invalid UTF-8
            buf[at:at] = r.choice(
                [b"\xff", b"\xc3", b"\xed\xa0\x80", b"\xf4\x90\x80\x80", b"\x80\x80"]
            )
        elif op == 5:  # splice another page
            other = r.choice(SAMPLES + HOSTILE)
            start = r.randrange(len(other) + 1)
            buf[at:at] = other[start : start + r.randrange(1, 2000)]
        elif op == 6:  # truncate
            del buf[at:]
        else:  # a NUL now and then (a binary page)
            if r.random() < 0.2:
                buf[at:at] = b"\x00"
    return bytes(buf)


def mutate_lines(r: random.Random, text: str) -> str:
    lines = text.splitlines()
    for _ in range(r.randrange(1, 6)):
        op = r.randrange(7)
        if not lines:
            lines = [token_soup(r, 5)]
        i = r.randrange(len(lines))
        if op == 0:
            r.shuffle(lines)
        elif op == 1:
            lines.insert(i, token_soup(r, r.randrange(1, 12)))
        elif op == 2:
            del lines[i : i + r.randrange(1, 20)]
        elif op == 3:
            lines[i:i] = lines[i : i + r.randrange(1, 10)] * r.randrange(2, 30)
        elif op == 4:  # join into one long line
            lines = [" ".join(lines[i:]) if r.random() < 0.5 else "".join(lines)]
        elif op == 5:
            lines[i] = lines[i].upper() if r.random() < 0.5 else lines[i][::-1]
        else:
            lines.insert(i, r.choice(TOKENS) + lines[i])
    return r.choice(["\n", "\r\n", "\r", "\n\n", "\u2028"]).join(lines)


def page(seed: int, index: int) -> bytes:
    """Page ``index`` of a run: a pure function of (seed, index)."""
    r = random.Random(seed * 1_000_003 + index)
    kind = r.random()
    if kind < 0.35:
        return mutate_bytes(r, r.choice(SAMPLES + HOSTILE))
    if kind < 0.6:
        text = mutate_lines(r, as_text(r.choice(SAMPLES + HOSTILE), r))
        return encode(r, text) if r.random() < 0.3 else text.encode("utf-8", "surrogatepass")
    if kind < 0.66:
        body = as_text(r.choice(SAMPLES), r) if r.random() < 0.6 else token_soup(r, 80)
        return (front_matter(r) + body).encode("utf-8", "surrogatepass")
    if kind < 0.72:
        body = as_text(r.choice(SAMPLES), r)
        return (fault_front_matter(r) + body).encode("utf-8", "surrogatepass")
    if kind < 0.8:
        body = mutate_lines(r, as_text(r.choice(SAMPLES), r))
        tags = ["p", "div", "article", "span", "li", "td", "h1", "script", "style"]
        html = "".join(f"<{r.choice(tags)}>{line}" for line in body.split("\n"))
        return f"<!DOCTYPE html><html><head><title>{token_soup(r, 4)}</title></head><body>{html}".encode(
            "utf-8", "surrogatepass"
        )
    if kind < 0.88:
        return token_soup(r, r.randrange(1, 300)).encode("utf-8", "surrogatepass")
    if kind < 0.95:
        return encode(r, random_unicode(r, r.randrange(0, 3000)))
    return r.randbytes(r.randrange(0, 4000))


# --- running ---------------------------------------------------------------------------


SLOWEST = 5
RETIME = 0.5  # seconds


class Slow(Exception):
    pass


def _alarm(signum, frame):  # noqa: ARG001
    raise Slow()


@dataclass
class Chunk:
    pages: int = 0
    ingest_errors: int = 0
    articles: int = 0
    seconds: list[float] = field(default_factory=list)
    crashes: dict[str, tuple[int, str]] = field(default_factory=dict)  # signature -> index, report
    slowest: list[tuple[float, int]] = field(default_factory=list)  # (seconds, index), top few


def signature(exc: BaseException) -> str:
    frames = [f for f in traceback.extract_tb(exc.__traceback__) if "/generator/" in f.filename]
    where = f"{Path(frames[-1].filename).name}:{frames[-1].lineno}" if frames else "?"
    return f"{type(exc).__name__} at {where}"


def check(article: Article) -> None:
    if not isinstance(article, Article):
        raise TypeError(f"read_page returned {type(article).__name__}")
    if not isinstance(article.title, str):
        raise TypeError(f"title is {type(article.title).__name__}")
    for block in article.blocks:
        if block.kind not in ("paragraph", "heading") or not isinstance(block.text, str):
            raise TypeError(f"bad block {block!r:.80}")
    if article.date_confidence not in ("high", "low", "none"):
        raise ValueError(f"date_confidence {article.date_confidence!r}")


_WARM_UP = [
    b"<html><body><p>A paragraph of text that is long enough to be read.</p></body></html>",
    b"<!DOCTYPE html><html><head><title>x</title></head><body><td>",  # jusText's first load
    b"---\ntitle: x\npublished: 2024-03-01\n---\n\nThe talks resumed on Monday.\n",
    SAMPLES[0] if SAMPLES else b"text",
]
_warm = False


def warm_up() -> None:
    """Load what ingest loads lazily (trafilatura, jusText stoplists) before timing pages."""
    global _warm
    if not _warm:
        for data in _WARM_UP:
            # A crash here is found again, and reported, in the run itself.
            with contextlib.suppress(Exception):
                read_page(data, "warm-up.html")
        _warm = True


def run_chunk(args: tuple[int, int, int, float]) -> Chunk:
    seed, start, count, slow = args
    warm_up()
    signal.signal(signal.SIGALRM, _alarm)
    out = Chunk()
    for index in range(start, start + count):
        data = page(seed, index)
        began = time.perf_counter()
        signal.setitimer(signal.ITIMER_REAL, slow)
        try:
            check(read_page(data, f"fuzz-{index}.txt"))
            out.articles += 1
        except IngestError:
            out.ingest_errors += 1
        except Slow:
            out.crashes.setdefault(f"Slow (> {slow:g} s)", (index, "page took too long"))
        except Exception as exc:  # noqa: BLE001 - finding these is the point
            out.crashes.setdefault(signature(exc), (index, traceback.format_exc()))
        finally:
            signal.setitimer(signal.ITIMER_REAL, 0)
        took = time.perf_counter() - began
        if RETIME < took < slow:
            # The first page down a new path pays for lazy imports and model loading once
            # per process; time a slow page again so the list shows slow pages, not first ones.
            again = time.perf_counter()
            with contextlib.suppress(Exception):
                read_page(data, f"fuzz-{index}.txt")
            took = min(took, time.perf_counter() - again)
        out.seconds.append(took)
        out.slowest = sorted([*out.slowest, (took, index)], reverse=True)[:SLOWEST]
        out.pages += 1
    return out


def save(seed: int, crashes: dict[str, tuple[int, str]]) -> list[Path]:
    OUT.mkdir(parents=True, exist_ok=True)
    saved = []
    for sig, (index, report) in sorted(crashes.items()):
        name = "crash-" + hashlib.sha1(sig.encode()).hexdigest()[:10]
        (OUT / f"{name}.bin").write_bytes(page(seed, index))
        (OUT / f"{name}.txt").write_text(f"{sig}\nseed {seed} index {index}\n\n{report}")
        saved.append(OUT / f"{name}.bin")
    return saved


def run_pages(args: argparse.Namespace) -> int:
    """The page mode: ``args.pages`` pages through ``read_page``; returns distinct crashes."""
    jobs = [
        (args.seed, start, min(args.chunk, args.pages - start), args.slow)
        for start in range(0, args.pages, args.chunk)
    ]
    total = Chunk()
    began = time.perf_counter()
    with multiprocessing.Pool(args.workers, start_worker, (os.getpid(),)) as pool:
        for n, chunk in enumerate(pool.imap_unordered(run_chunk, jobs), 1):
            total.pages += chunk.pages
            total.ingest_errors += chunk.ingest_errors
            total.articles += chunk.articles
            total.seconds += chunk.seconds
            for sig, found in chunk.crashes.items():
                total.crashes.setdefault(sig, found)
            total.slowest = sorted(total.slowest + chunk.slowest, reverse=True)[:SLOWEST]
            if n % 20 == 0 or n == len(jobs):
                rate = total.pages / (time.perf_counter() - began)
                print(
                    f"  {total.pages:>7} pages, {rate:,.0f} pages/s, {len(total.crashes)} crashes",
                    flush=True,
                )
    wall = time.perf_counter() - began
    saved = save(args.seed, total.crashes)
    ms = sorted(s * 1000 for s in total.seconds)
    print(f"pages:          {total.pages:,} (seed {args.seed}, {args.workers} workers)")
    print(f"articles:       {total.articles:,}; IngestError (documented): {total.ingest_errors:,}")
    print(f"throughput:     {total.pages / wall:,.0f} pages/s ({wall:,.1f} s wall)")
    print(
        f"per page:       median {statistics.median(ms):.2f} ms, p99 {ms[int(len(ms) * 0.99)]:.1f} ms, "
        f"max {ms[-1]:.0f} ms"
    )
    print(f"crashes:        {len(total.crashes)} distinct")
    for sig, (index, _) in sorted(total.crashes.items()):
        print(f"  {sig} (first at page {index})")
    for path in saved:
        print(f"  saved {path.relative_to(ROOT)}")
    OUT.mkdir(parents=True, exist_ok=True)
    for took, index in total.slowest:
        path = OUT / f"slow-{args.seed}-{index}.bin"
        path.write_bytes(page(args.seed, index))
        print(f"slow page:      {took * 1000:,.0f} ms, {path.relative_to(ROOT)}")
    return len(total.crashes)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=int, default=100_000)
    parser.add_argument("--corpora", type=int, default=0, help="corpus folders to read")
    parser.add_argument("--builds", type=int, default=0, help="rounds of two overlapping builds")
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--seed", type=int, default=8)
    parser.add_argument("--chunk", type=int, default=500)
    parser.add_argument(
        "--slow", type=float, default=10.0, help="seconds before a page counts as a hang"
    )
    parser.add_argument(
        "--replay", metavar="FILE", help="read one saved page and show the traceback"
    )
    args = parser.parse_args()
    if args.replay:
        read_page(Path(args.replay).read_bytes(), Path(args.replay).name)
        print("no crash")
        return 0
    from fuzz_folders import run_builds, run_corpora  # the folder modes

    crashes = run_pages(args) if args.pages else 0
    if args.corpora:
        crashes += run_corpora(args.corpora, args.seed, args.workers, args.slow, page)
    if args.builds:
        crashes += run_builds(args.builds, args.seed)
    return 1 if crashes else 0


if __name__ == "__main__":
    sys.exit(main())
