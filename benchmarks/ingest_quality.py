"""Ingest quality on the annotated evaluation set: body P/R/F1 and metadata accuracy.

    python benchmarks/ingest_quality.py            # our cleaner, with baselines
    python benchmarks/ingest_quality.py -v         # also each page's scores
    python benchmarks/ingest_quality.py DIR        # another set laid out the same way

Body scores compare word shingles (4-word windows, counted with multiplicity) of the
extracted body (paragraphs and subheadings) with the expected body; each page's P, R
and F1 are averaged over pages. Metadata accuracy is the share of pages whose title,
date (same day; same month when only the month is annotated; absent when absent),
outlet (the same outlet after normalisation, or none) and author are right.

Baselines: "keep everything" (every line of a text dump), jusText's context-free
classes applied to the lines of a text dump (good and near-good lines kept), and for HTML,
trafilatura alone with its default settings.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from statistics import mean

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from generator.ingest import read_page  # noqa: E402
from generator.ingest.encoding import decode  # noqa: E402
from generator.ingest.outlet import outlet_key  # noqa: E402

sys.path.insert(0, str(Path(__file__).resolve().parent))
from real_pages import prf  # noqa: E402  (one body score for every ingest benchmark)

SET = Path(__file__).resolve().parent / "ingest_eval" / "pages"


def _norm(s: str | None) -> str:
    return " ".join((s or "").replace("’", "'").split()).casefold()


def meta_checks(article, exp: dict) -> dict[str, bool]:
    want_date = exp["published"]
    if want_date is None:
        date_ok = article.published is None
    elif article.published is None:
        date_ok = False
    else:
        date_ok = article.published.date().isoformat().startswith(want_date)
    want_outlet = exp["outlet"]
    outlet_ok = (
        (article.outlet is None)
        if want_outlet is None
        else (article.outlet is not None and outlet_key(article.outlet) == outlet_key(want_outlet))
    )
    want_author = exp["author"]
    author_ok = (
        (article.author is None)
        if want_author is None
        else (_norm(article.author) == _norm(want_author))
    )
    return {
        "title": _norm(article.title) == _norm(exp["title"]),
        "date": date_ok,
        "outlet": outlet_ok,
        "author": author_ok,
    }


def keep_everything(text: str) -> str:
    return "\n".join(line for line in text.splitlines() if line.strip())


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


def trafilatura_alone(text: str) -> str:
    import trafilatura

    return trafilatura.extract(text) or ""


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("folder", nargs="?", type=Path, default=SET)
    parser.add_argument("-v", "--verbose", action="store_true")
    args = parser.parse_args()

    rows: dict[str, list] = {"text": [], "html": []}
    base: dict[str, dict[str, list]] = {
        "text": {"keep everything": [], "jusText lines": []},
        "html": {"trafilatura alone": []},
    }
    metas: dict[str, list] = {"text": [], "html": []}
    for exp_path in sorted(args.folder.glob("*.expected.json")):
        page = exp_path.with_name(exp_path.name[: -len(".expected.json")])
        exp = json.loads(exp_path.read_text(encoding="utf-8"))
        data = page.read_bytes()
        article = read_page(data, page.name)
        got = "\n".join(b.text for b in article.blocks)
        want = "\n".join(exp["body"])
        kind = exp.get("kind", "text")
        score = prf(got, want)
        rows[kind].append(score)
        checks = meta_checks(article, exp)
        metas[kind].append(checks)
        text = decode(data)
        if kind == "text":
            base[kind]["keep everything"].append(prf(keep_everything(text), want))
            base[kind]["jusText lines"].append(prf(justext_lines(text), want))
        else:
            base[kind]["trafilatura alone"].append(prf(trafilatura_alone(text), want))
        if args.verbose:
            wrong = ", ".join(k for k, ok in checks.items() if not ok)
            print(
                f"{page.name:48} P {score[0]:.3f} R {score[1]:.3f} F1 {score[2]:.3f}"
                + (f"  wrong: {wrong}" if wrong else "")
            )
    if args.verbose:
        print()
    for kind in ("text", "html"):
        if not rows[kind]:
            continue
        label = "text dumps" if kind == "text" else "HTML pages"
        print(f"{label}: {len(rows[kind])} pages")
        for name, scores in [("ours", rows[kind]), *base[kind].items()]:
            p, r, f = (mean(s[i] for s in scores) for i in range(3))
            print(f"  body {name:18} P {p:.3f}  R {r:.3f}  F1 {f:.3f}")
        fields = metas[kind][0].keys()
        acc = "  ".join(f"{k} {mean(m[k] for m in metas[kind]):.2f}" for k in fields)
        allok = mean(all(m.values()) for m in metas[kind])
        print(f"  metadata accuracy: {acc}  (all four right: {allok:.2f})")


if __name__ == "__main__":
    main()
