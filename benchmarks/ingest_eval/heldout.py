"""Held-out layouts: six more kinds of site, written after the cleaner's rules were set.

    python benchmarks/ingest_eval/heldout.py   # writes benchmarks/ingest_eval/heldout/

They wrap the same written articles (articles.yml) in furniture the cleaner was not
tuned on: menus on one line, a newsletter promotion inside the body, agency datelines,
relative times, a blog sidebar with prose in it, "Source: X and news agencies" lines.
Scores on them are reported apart in the README, as the better guess of how the
cleaner does on sites it has not seen.
"""

from __future__ import annotations

import json
import random
from datetime import timedelta
from pathlib import Path

import yaml
from assemble import COMMENTS, TEASERS, _d, _long, _with_captions, expected

HERE = Path(__file__).resolve().parent
OUT = HERE / "heldout"


def _paras(a: dict) -> list[str]:
    return [p[3:] if p.startswith("## ") else p for p in a["body"]]


def broadcaster(a, rng):
    pub = _d(a["published"])
    lines = [
        "Skip to content",
        "Home News Sport Business Innovation Culture Travel Earth Video Live",
        "Advertisement",
        a["title"],
    ]
    lines += [f"{_long(pub)}", "Share", "Save"]
    if a["author"]:
        lines += [a["author"], "Europe correspondent"]
    lines += _with_captions(a, _paras(a), after=2)
    lines += [
        "Related",
        *[h for h, _ in rng.sample(TEASERS, 3)],
        "More from the newsroom",
        *[f"{h}\n{s}\n{rng.randint(1, 9)} hrs ago" for h, s in rng.sample(TEASERS, 2)],
        "Copyright 2024 National Broadcaster. The National Broadcaster is not responsible for "
        "the content of external sites. Read about our approach to external linking.",
    ]
    return lines, {"outlet": "National Broadcaster", "author": a["author"]}


def quality_paper(a, rng):
    pub = _d(a["published"])
    p = _paras(a)
    mid = len(p) // 2
    lines = ["World news", a["title"]]
    if a.get("summary"):
        lines.append(a["summary"])
    lines += [
        f"{a['author']} in Warsaw" if a["author"] else "Staff and agencies",
        f"{pub:%a} {pub.day} {pub:%b %Y} {pub:%H.%M} BST",
    ]
    lines += p[:mid]
    lines += [
        "skip past newsletter promotion",
        "Sign up to Morning Briefing",
        "Free daily newsletter",
        "Start your day with the stories you need to know, delivered to your inbox every morning.",
        "Privacy Notice: Newsletters may contain info about charities, online ads, and content "
        "funded by outside parties. For more information see our Privacy Policy.",
        "after newsletter promotion",
    ]
    lines += p[mid:]
    lines += [
        "Explore more on these topics",
        "Europe",
        "Weather",
        "news",
        "Share",
        "Reuse this content",
        "Most viewed",
        *[h for h, _ in rng.sample(TEASERS, 4)],
    ]
    return lines, {"outlet": None, "author": a["author"]}


def agency(a, rng):
    pub = _d(a["published"])
    p = _paras(a)
    first = "WARSAW (AP) — " + p[0].split(" - ", 1)[-1] if "(Reuters)" in p[0] else p[0]
    if "(AP)" not in first:
        first = f"WARSAW (AP) — {first}"
    lines = [a["title"]]
    if a["author"]:
        lines.append(f"By {a['author'].upper()}")
    lines += [
        f"Updated {pub:%I:%M %p} GMT+2, {pub:%B} {pub.day}, {pub.year}",
        "Share",
        first,
        *p[1:],
        "___",
        "Associated Press writer Maria Grazia contributed to this report.",
        f"Copyright {pub.year} The Associated Press. All Rights Reserved.",
    ]
    outlet = "Associated Press"
    # The contributor line is part of an agency story's text.
    exp_body = [first, *p[1:], "Associated Press writer Maria Grazia contributed to this report."]
    return lines, {"outlet": outlet, "author": a["author"], "body": exp_body}


def regional_network(a, rng):
    pub = _d(a["published"])
    lines = [
        "Click here to share on social media",
        "Skip links",
        "Skip to Content",
        "Live",
        "Navigation menu",
        "News|Europe",
        a["title"],
    ]
    if a.get("summary"):
        lines.append(a["summary"])
    if a["author"]:
        lines.append(f"By {a['author']}")
    lines += [
        f"Published On {pub.day} {pub:%b %Y}",
        f"{pub.day} {pub:%b %Y}",
        "Save articles to read later and create your own reading list.",
    ]
    lines += _with_captions(a, _paras(a), after=1)
    lines += [
        "Source: Gulf Network and news agencies",
        "Advertisement",
        "Listen to these stories",
        *[h for h, _ in rng.sample(TEASERS, 3)],
    ]
    return lines, {"outlet": "Gulf Network", "author": a["author"]}


def state_agency(a, rng):
    pub = _d(a["published"])
    p = _paras(a)
    lines = [
        "ru",
        "en",
        "All news",
        "Russia",
        "World",
        "Economy",
        "Science",
        a["title"],
        f"{pub:%B} {pub.day}, {pub.year}, {pub:%I:%M %p}",
        "UPDATED:",
        f"{pub:%B} {pub.day + 1 if pub.day < 28 else pub.day}, {pub.year}",
        *p,
        "Tags",
        "World",
        "Read more",
        *[h for h, _ in rng.sample(TEASERS, 2)],
        "Все права защищены",
        "© 2024 Agency news",
    ]
    return lines, {"outlet": "Agency news", "author": None}  # the copyright line names it


def blog(a, rng):
    pub = _d(a["published"])
    lines = [a["title"], f"{pub:%d/%m/%Y}", f"by {a['author'] or 'admin'}", "Leave a comment"]
    lines += _with_captions(a, _paras(a), after=2)
    lines += [
        "Posted in News",
        "Previous post",
        rng.choice(TEASERS)[0],
        "Next post",
        rng.choice(TEASERS)[0],
        "About Me",
        "I am a retired teacher who has been writing about local news and politics for over "
        "ten years. Opinions are my own.",
        "Archives",
        f"{(pub - timedelta(days=30)):%B %Y} (12)",
        f"{pub:%B %Y} (9)",
        "Categories",
        "News (120)",
        "Politics (45)",
        "Recent Comments",
        f"{COMMENTS[0][0]} on {rng.choice(TEASERS)[0]}",
        "Blog at WordPress.com.",
    ]
    return lines, {"outlet": None, "author": a["author"]}


SITES = [broadcaster, quality_paper, agency, regional_network, state_agency, blog]


def main() -> None:
    articles = yaml.safe_load((HERE / "articles.yml").read_text(encoding="utf-8"))["articles"]
    OUT.mkdir(exist_ok=True)
    for old in OUT.iterdir():
        old.unlink()
    for a in articles:
        for site in SITES:
            rng = random.Random(f"{a['id']}-{site.__name__}")
            lines, meta = site(a, rng)
            text = "\n".join(lines) + "\n"
            exp = expected(
                a,
                published=_d(a["published"]),
                outlet=meta.get("outlet"),
                author=meta.get("author"),
            )
            if "body" in meta:
                exp["body"] = meta["body"]
            exp["kind"] = "text"
            name = f"{a['id']}-{site.__name__}.txt"
            (OUT / name).write_text(text, encoding="utf-8")
            (OUT / f"{name}.expected.json").write_text(
                json.dumps(exp, indent=1, ensure_ascii=False) + "\n", encoding="utf-8"
            )
    print(f"{len(articles) * len(SITES)} pages written to {OUT}")


if __name__ == "__main__":
    main()
