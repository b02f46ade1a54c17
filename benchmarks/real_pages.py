"""Ingest on real pages: bodies, metadata and speed, beside trafilatura, htmldate and jusText.

    python benchmarks/real_pages.py                  # both sets, both paths, baselines, speed
    python benchmarks/real_pages.py --set readability --path text
    python benchmarks/real_pages.py --failures 15    # also the worst pages, to read them
    python benchmarks/real_pages.py --dump /tmp/rp   # ours / expected text of every page
    python benchmarks/real_pages.py --quick          # baselines from the cache, no timing

The pages are the shared development sets (../shared/corpora, see its README), never
copied into the repository:

- ``readability/``: 130 pages with the article body a reader view keeps and its metadata.
  Body: precision, recall and F1 of word 4-gram shingles (counted with multiplicity) of
  our body (paragraphs and subheadings, in order) against the expected body's text,
  averaged over pages. Title, byline and publication day are scored where the page has one.
- ``pubdates/``: 799 pages with their true publication day. Date: right (same day),
  wrong, none; and how many wrong dates we gave with high confidence.

Each page is read twice: as HTML (``read_page`` on the page's bytes) and as a text dump
(the page flattened with ``html_text.extract_text(html, guess_layout=True)``, close to a
browser's innerText). Baselines in the same run: trafilatura.extract (HTML bodies; by
default, and without comments, in its fast mode, favouring precision, favouring recall),
jusText on the dump's lines and keep-everything (text bodies), htmldate (dates, on the
HTML and on the dump). Speed: our HTML path and ``trafilatura.extract`` timed on each page
one after the other (CPU time of this process), medians and the ratio of the totals.

Every figure is also given for two halves of each set (split by a hash of the page's name):
rules tuned while looking at half A should hold on half B.
"""

from __future__ import annotations

import argparse
import contextlib
import gzip
import hashlib
import json
import re
import statistics
import sys
import time
import traceback
import warnings
from collections import Counter
from dataclasses import dataclass, field
from html import escape
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from generator.ingest import read_page  # noqa: E402
from generator.ingest.encoding import decode  # noqa: E402

# ../shared/corpora beside the project (or beside the folder of its worktrees).
CORPORA = next(
    (
        p
        for p in (ROOT.parent / "shared" / "corpora", ROOT.parents[1] / "shared" / "corpora")
        if p.is_dir()
    ),
    ROOT.parent / "shared" / "corpora",
)
CACHE = Path.home() / ".cache" / "explainer-digest" / "real_pages_baselines.json"
_WORD = re.compile(r"\w+")
SHINGLE = 4


# --- scoring ---------------------------------------------------------------------------


def shingles(text: str) -> Counter:
    words = _WORD.findall(text.lower())
    if len(words) < SHINGLE:
        return Counter([tuple(words)]) if words else Counter()
    return Counter(tuple(words[i : i + SHINGLE]) for i in range(len(words) - SHINGLE + 1))


def prf(got: str, want: str) -> tuple[float, float, float]:
    g, w = shingles(got), shingles(want)
    common = sum((g & w).values())
    p = common / sum(g.values()) if g else (1.0 if not w else 0.0)
    r = common / sum(w.values()) if w else 1.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return p, r, f


def _norm(s: str | None) -> str:
    s = (s or "").replace("’", "'").replace("‘", "'").replace("“", '"').replace("”", '"')
    return " ".join(s.split()).casefold()


def _key(s: str | None) -> str:
    return re.sub(r"\W+", "", _norm(s))


def title_ok(got: str | None, want: str | None) -> bool:
    return _norm(got) == _norm(want)


def byline_ok(got: str | None, want: str | None) -> bool:
    """A byline is right when its name is the expected byline's (a "By", a role around it aside)."""
    if not want:
        return not got
    if not got:
        return False
    g, w = _key(got), _key(re.sub(r"^\s*by\s+", "", want, flags=re.I))
    return bool(g) and (g == w or g in w or w in g)


def date_verdict(got, confidence: str, want: str | None) -> str:
    """right / wrong / none / extra (a date where the page has none)."""
    if not want:
        return "extra" if got is not None else "right"
    if got is None:
        return "none"
    return "right" if got.date().isoformat() == want[:10] else "wrong"


def half(name: str) -> str:
    return "A" if hashlib.md5(name.encode()).digest()[0] & 1 == 0 else "B"


# --- pages -----------------------------------------------------------------------------


@dataclass
class Page:
    set: str
    name: str
    html: str
    data: bytes
    body: str | None = None  # expected body text (readability)
    meta: dict = field(default_factory=dict)  # title, byline, published

    @property
    def half(self) -> str:
        return half(self.name)


def _flatten(html: str) -> str:
    import html_text

    return html_text.extract_text(html, guess_layout=True)


def readability_pages() -> list[Page]:
    folder = CORPORA / "readability"
    pages = []
    for d in sorted(p for p in folder.iterdir() if p.is_dir()):
        data = gzip.decompress((d / "source.html.gz").read_bytes())
        expected = gzip.decompress((d / "expected.html.gz").read_bytes()).decode("utf-8")
        meta = json.loads((d / "expected-metadata.json").read_text(encoding="utf-8"))
        html = decode(data)
        pages.append(
            Page(
                "readability",
                d.name,
                html,
                data,
                body=_flatten(expected),
                meta={
                    "title": meta.get("title"),
                    "byline": meta.get("byline"),
                    "published": meta.get("publishedTime"),
                },
            )
        )
    return pages


def pubdate_pages() -> list[Page]:
    folder = CORPORA / "pubdates"
    truth = json.loads((folder / "dates.json").read_text(encoding="utf-8"))
    pages = []
    for name in sorted(truth):
        path = folder / "pages" / (name + ".gz")
        if not path.is_file():
            continue
        data = gzip.decompress(path.read_bytes())
        html = decode(data)  # the page's own charset, as read_page reads it
        pages.append(
            Page("pubdates", name, html, data, meta={"published": truth[name]["published"]})
        )
    return pages


# --- baselines ---------------------------------------------------------------------------


def trafilatura_body(html: str, **options) -> str:
    import trafilatura

    try:
        return trafilatura.extract(html, **options) or ""
    except Exception:  # noqa: BLE001 - a baseline's crash is its empty body
        return ""


# trafilatura's other settings, scored beside its default (which keeps reader comments).
TRAFILATURA_VARIANTS = {
    "traf. -comments": {"include_comments": False},
    "traf. fast": {"include_comments": False, "fast": True},
    "traf. precision": {"include_comments": False, "favor_precision": True},
    "traf. recall": {"include_comments": False, "favor_recall": True},
}


def justext_lines(text: str) -> str:
    """jusText's context-free classification applied to the lines of a dump: 'good' kept."""
    from justext import get_stoplist
    from justext.core import classify_paragraphs
    from justext.paragraph import Paragraph

    class _Path:
        dom = "p"
        xpath = "/p"

    paragraphs = []
    for line in text.splitlines():
        if line.strip():
            p = Paragraph(_Path())
            p.text_nodes = [line.strip()]
            p.chars_count_in_links = 0
            p.tags_count = 0
            paragraphs.append(p)
    classify_paragraphs(paragraphs, get_stoplist("English"))
    return "\n".join(p.text for p in paragraphs if p.cf_class in ("good", "neargood"))


def htmldate_day(document: str) -> str | None:
    from htmldate import find_date

    try:
        return find_date(document, original_date=True, extensive_search=True)
    except Exception:  # noqa: BLE001 - a baseline's crash is its "none"
        return None


def _versions() -> str:
    import htmldate
    import justext  # noqa: F401
    import trafilatura

    return f"trafilatura {trafilatura.__version__}, htmldate {htmldate.__version__}"


def baseline_results(page: Page, text: str, cache: dict, use_cache: bool) -> dict:
    key = f"{page.set}/{page.name}"
    wanted = ("trafilatura", *TRAFILATURA_VARIANTS) if page.body is not None else ()
    if use_cache and key in cache and all(k in cache[key] for k in wanted):
        return cache[key]
    out: dict = {}
    if page.body is not None:
        out["trafilatura"] = prf(trafilatura_body(page.html), page.body)
        for name, options in TRAFILATURA_VARIANTS.items():
            out[name] = prf(trafilatura_body(page.html, **options), page.body)
        out["jusText lines"] = prf(justext_lines(text), page.body)
        out["keep everything"] = prf("\n".join(ln for ln in text.splitlines()), page.body)
    out["htmldate html"] = htmldate_day(page.html)
    # htmldate reads HTML only: the dump is given as one preformatted block.
    out["htmldate text"] = htmldate_day("<html><body><pre>" + escape(text) + "</pre></body></html>")
    cache[key] = out
    return out


# --- our reader --------------------------------------------------------------------------


@dataclass
class Result:
    page: Page
    path: str  # html | text
    body: str = ""
    scores: tuple[float, float, float] = (0.0, 0.0, 0.0)
    title: str | None = None
    author: str | None = None
    published: object = None
    confidence: str = "none"
    error: str | None = None
    warnings: list[str] = field(default_factory=list)
    evidence: list[str] = field(default_factory=list)


def ours(page: Page, path: str, text: str) -> Result:
    res = Result(page, path)
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        try:
            article = read_page(page.data if path == "html" else text, f"{page.name}.{path}")
        except Exception as exc:  # noqa: BLE001 - counted and shown, the run goes on
            res.error = f"{type(exc).__name__}: {exc}"
            if "-x" in sys.argv:
                traceback.print_exc()
            article = None
    res.warnings = [str(w.message) for w in caught]
    if article is not None:
        res.body = "\n".join(b.text for b in article.blocks)
        res.title, res.author = article.title, article.author
        res.published, res.confidence = article.published, article.date_confidence
        res.evidence = list(article.date_evidence)
    if page.body is not None:
        res.scores = prf(res.body, page.body)
    return res


# --- timing ---------------------------------------------------------------------------------


def time_pair(page: Page) -> tuple[float, float]:
    """CPU seconds of our HTML path and of trafilatura.extract on one page, side by side."""
    import trafilatura

    t0 = time.process_time()
    with contextlib.suppress(Exception):  # a crash is counted in the quality figures
        read_page(page.data, page.name)
    t1 = time.process_time()
    trafilatura.extract(page.html)
    t2 = time.process_time()
    return t1 - t0, t2 - t1


# --- report ---------------------------------------------------------------------------------


def _mean3(scores: list[tuple[float, float, float]]) -> str:
    if not scores:
        return "-"
    p, r, f = (statistics.fmean(s[i] for s in scores) for i in range(3))
    return f"F1 {f:.3f} (P {p:.3f}, R {r:.3f})"


def _halves(rows: list, fn) -> str:
    a = [r for r in rows if _page_of(r).half == "A"]
    b = [r for r in rows if _page_of(r).half == "B"]
    return f"{fn(rows)}   [A: {fn(a)} | B: {fn(b)}]"


def _page_of(row) -> Page:
    return row.page if isinstance(row, Result) else row[0]


def _dates(rows: list[Result]) -> str:
    verdicts = [
        (r, date_verdict(r.published, r.confidence, r.page.meta["published"])) for r in rows
    ]
    c = Counter(v for r, v in verdicts if r.page.meta["published"])
    high = sum(1 for r, v in verdicts if v == "wrong" and r.confidence == "high")
    extra = sum(1 for _, v in verdicts if v == "extra")
    n = sum(c.values())
    return (
        f"right {c['right']}/{n} ({c['right'] / max(n, 1):.1%}), wrong {c['wrong']} ({high} high),"
        f" none {c['none']}" + (f", dated where undated {extra}" if extra else "")
    )


def _baseline_dates(rows: list[tuple[Page, dict]], key: str) -> str:
    rows = [(p, b) for p, b in rows if p.meta["published"]]
    right = sum(1 for p, b in rows if b[key] and b[key][:10] == p.meta["published"][:10])
    none = sum(1 for p, b in rows if not b[key])
    return f"right {right}/{len(rows)} ({right / max(len(rows), 1):.1%}), wrong {len(rows) - right - none}, none {none}"


def report(results: dict, baselines: dict, timings: list, args) -> None:
    for set_name in ("readability", "pubdates"):
        base = baselines.get(set_name, [])
        if not base:
            continue
        print(f"\n== {set_name}: {len(base)} pages ==")
        for path in ("html", "text"):
            rows = results.get((set_name, path), [])
            if not rows:
                continue
            print(f"-- {path} path --")
            errors = [r for r in rows if r.error]
            lost = [r for r in rows if r.page.body and not r.body.strip()]
            print(f"  raised: {len(errors)}   empty body where one is expected: {len(lost)}")
            warned = Counter(w.split(": ", 1)[-1].split(" (")[0] for r in rows for w in r.warnings)
            if warned:
                print(f"  warnings: {dict(warned.most_common(6))}")
            if set_name == "readability":
                print(
                    f"  body ours            {_halves(rows, lambda rs: _mean3([r.scores for r in rs]))}"
                )
                names = (
                    ("trafilatura", *TRAFILATURA_VARIANTS)
                    if path == "html"
                    else ("jusText lines", "keep everything")
                )
                for name in names:
                    print(
                        f"  body {name:16}"
                        f"{_halves(base, lambda bs, n=name: _mean3([b[n] for _, b in bs]))}"
                    )
                titled = [r for r in rows if r.page.meta["title"]]
                print(
                    f"  title right {sum(title_ok(r.title, r.page.meta['title']) for r in titled)}"
                    f"/{len(titled)}   byline right "
                    f"{sum(byline_ok(r.author, r.page.meta['byline']) for r in rows)}/{len(rows)}"
                    f" (expected {sum(1 for r in rows if r.page.meta['byline'])}, "
                    f"ours given {sum(1 for r in rows if r.author)})"
                )
            print(f"  date ours            {_halves(rows, _dates)}")
            key = f"htmldate {path}"
            print(
                f"  date htmldate        {_halves(base, lambda bs, k=key: _baseline_dates(bs, k))}"
            )
    if timings:
        ours_t = [t[0] for t in timings]
        traf_t = [t[1] for t in timings]
        ratios = [a / b for a, b in timings if b > 0]
        print(
            f"\n== speed, HTML path, {len(timings)} pages (CPU time, side by side) ==\n"
            f"  ours: median {statistics.median(ours_t) * 1000:.1f} ms, total {sum(ours_t):.1f} s\n"
            f"  trafilatura.extract: median {statistics.median(traf_t) * 1000:.1f} ms, "
            f"total {sum(traf_t):.1f} s\n"
            f"  ratio ours/trafilatura: of totals {sum(ours_t) / sum(traf_t):.2f}, "
            f"of medians {statistics.median(ours_t) / statistics.median(traf_t):.2f}, "
            f"median per-page ratio {statistics.median(ratios):.2f}"
        )


def failures(results: dict, n: int) -> None:
    for (set_name, path), rows in results.items():
        if set_name == "readability":
            print(f"\n== worst bodies: {set_name}, {path} ==")
            for r in sorted(rows, key=lambda r: r.scores[2])[:n]:
                p, rc, f = r.scores
                extra = f"  ERROR {r.error}" if r.error else ""
                print(f"  {r.page.name:40} [{r.page.half}] F1 {f:.3f} P {p:.3f} R {rc:.3f}{extra}")
        bad = [
            r
            for r in rows
            if date_verdict(r.published, r.confidence, r.page.meta["published"])
            in ("wrong", "extra")
        ]
        bad.sort(key=lambda r: (r.confidence != "high", r.page.name))
        print(f"\n== wrong dates: {set_name}, {path} ({len(bad)}) ==")
        for r in bad[:n]:
            got = r.published.date().isoformat() if r.published else None
            print(
                f"  {r.page.name:40} [{r.page.half}] want {r.page.meta['published']} "
                f"got {got} ({r.confidence})  {r.evidence[0][:110] if r.evidence else ''}"
            )
        undated = [r for r in rows if r.page.meta["published"] and r.published is None]
        print(f"\n== undated: {set_name}, {path} ({len(undated)}) ==")
        for r in undated[:n]:
            print(f"  {r.page.name:40} [{r.page.half}] want {r.page.meta['published']}")


def dump(results: dict, folder: Path) -> None:
    for (set_name, path), rows in results.items():
        if set_name != "readability":
            continue
        out = folder / path
        out.mkdir(parents=True, exist_ok=True)
        for r in rows:
            (out / f"{r.page.name}.ours.txt").write_text(r.body, encoding="utf-8")
            (out / f"{r.page.name}.want.txt").write_text(r.page.body or "", encoding="utf-8")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--set", choices=("readability", "pubdates", "both"), default="both")
    parser.add_argument("--path", choices=("html", "text", "both"), default="both")
    parser.add_argument("--half", choices=("A", "B", "all"), default="all")
    parser.add_argument("--failures", type=int, default=0, metavar="N")
    parser.add_argument("--dump", type=Path, metavar="DIR")
    parser.add_argument("--quick", action="store_true", help="cached baselines, no timing")
    parser.add_argument("--only", help="pages whose name contains this")
    parser.add_argument("-x", action="store_true", help="print tracebacks")
    args = parser.parse_args()
    if not CORPORA.is_dir():
        sys.exit(f"no corpora at {CORPORA}")
    warnings.simplefilter("ignore")
    cache = json.loads(CACHE.read_text()) if CACHE.is_file() else {}
    if cache.get("__versions__") != _versions():
        cache = {"__versions__": _versions()}
    sets = ("readability", "pubdates") if args.set == "both" else (args.set,)
    paths = ("html", "text") if args.path == "both" else (args.path,)
    results: dict = {}
    baselines: dict = {}
    timings: list = []
    for set_name in sets:
        pages = readability_pages() if set_name == "readability" else pubdate_pages()
        if args.half != "all":
            pages = [p for p in pages if p.half == args.half]
        if args.only:
            pages = [p for p in pages if args.only in p.name]
        if not args.quick and pages and "html" in paths:
            time_pair(pages[0])  # warm up imports and caches
        for page in pages:
            text = _flatten(page.html)
            baselines.setdefault(set_name, []).append(
                (page, baseline_results(page, text, cache, args.quick))
            )
            for path in paths:
                results.setdefault((set_name, path), []).append(ours(page, path, text))
            if not args.quick and "html" in paths:
                timings.append(time_pair(page))
    CACHE.parent.mkdir(parents=True, exist_ok=True)
    CACHE.write_text(json.dumps(cache))
    report(results, baselines, timings, args)
    if args.failures:
        failures(results, args.failures)
    if args.dump:
        dump(results, args.dump)


if __name__ == "__main__":
    main()
