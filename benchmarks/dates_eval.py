"""Precision, recall and F1 of find_date_mentions values against hand-annotated news sentences.

Usage: python benchmarks/dates_eval.py [dev|test|test2|all] [--errors]

dev was written first and used while building; test and test2 were written later
and each scored once before any change (see data/dates/README.md for the history).

A prediction matches a gold expression when their spans overlap (one to one, in
text order); it counts as correct when its value is identical, granularity
included ("2024-10" is not "2024-10-07"). The same scoring is applied to
dateparser.search_dates as a baseline, once as it is (every hit is a day) and
once with each hit re-read by DateDataParser.get_date_data to get its period.
"""

from __future__ import annotations

import sys
import warnings
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

import yaml

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from generator.extract.dates import find_date_mentions  # noqa: E402

DATA = Path(__file__).parent / "data" / "dates"
SETS = ("dev", "test", "test2")

Prediction = tuple[int, int, str, str | None]  # start, end, value, modifier


@dataclass
class Item:
    pub: date | None
    text: str
    gold: list[Prediction]


@dataclass
class Score:
    gold: int = 0
    predicted: int = 0
    overlap: int = 0
    value: int = 0
    value_modifier: int = 0

    def prf(self, hits: int) -> tuple[float, float, float]:
        p = hits / self.predicted if self.predicted else 0.0
        r = hits / self.gold if self.gold else 0.0
        return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def load(names: list[str]) -> list[Item]:
    items = []
    for name in names:
        for raw in yaml.safe_load((DATA / f"{name}.yaml").read_text(encoding="utf-8")):
            text, gold, cursor = raw["text"], [], 0
            for entry in raw["dates"]:
                span, value = entry[0], str(entry[1])
                modifier = entry[2] if len(entry) > 2 else None
                start = text.index(span, cursor)
                cursor = start + len(span)
                gold.append((start, cursor, value, modifier))
            items.append(Item(raw["pub"], text, gold))
    return items


def ours(item: Item) -> list[Prediction]:
    return [(m.start, m.end, m.value, m.modifier) for m in find_date_mentions(item.text, item.pub)]


def _search_dates(item: Item, with_period: bool) -> list[Prediction]:
    from dateparser import DateDataParser
    from dateparser.search import search_dates

    settings = {}
    if item.pub:
        settings["RELATIVE_BASE"] = datetime(item.pub.year, item.pub.month, item.pub.day)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        found = search_dates(item.text, languages=["en"], settings=settings) or []
    out, cursor = [], 0
    parser = DateDataParser(languages=["en"], settings=settings)
    for span, when in found:
        start = item.text.find(span, cursor)
        if start < 0:
            continue
        cursor = start + len(span)
        value = when.date().isoformat()
        if with_period:
            period = parser.get_date_data(span).period
            value = {"year": value[:4], "month": value[:7]}.get(period or "day", value)
        out.append((start, cursor, value, None))
    return out


def dateparser_plain(item: Item) -> list[Prediction]:
    return _search_dates(item, with_period=False)


def dateparser_period(item: Item) -> list[Prediction]:
    return _search_dates(item, with_period=True)


def score(items: list[Item], system: Callable[[Item], list[Prediction]], errors: bool) -> Score:
    total = Score()
    for item in items:
        predicted = system(item)
        total.gold += len(item.gold)
        total.predicted += len(predicted)
        used: set[int] = set()
        wrong = []
        for g in item.gold:
            match = next(
                (
                    i
                    for i, p in enumerate(predicted)
                    if i not in used and p[0] < g[1] and g[0] < p[1]
                ),
                None,
            )
            if match is None:
                wrong.append(f"  missed {item.text[g[0] : g[1]]!r} = {g[2]} {g[3] or ''}")
                continue
            used.add(match)
            p = predicted[match]
            total.overlap += 1
            if p[2] == g[2]:
                total.value += 1
                total.value_modifier += p[3] == g[3]
                if p[3] != g[3]:
                    wrong.append(f"  modifier {item.text[p[0] : p[1]]!r}: {p[3]} != {g[3]}")
            else:
                wrong.append(f"  wrong {item.text[p[0] : p[1]]!r} = {p[2]}, gold {g[2]}")
        for i, p in enumerate(predicted):
            if i not in used:
                wrong.append(f"  spurious {item.text[p[0] : p[1]]!r} = {p[2]}")
        if errors and wrong:
            print(f"[{item.pub}] {item.text}")
            print("\n".join(wrong))
    return total


def main(argv: list[str]) -> None:
    which = next((a for a in argv if not a.startswith("-")), "all")
    if which == "all":
        for name in SETS:
            main([name, *argv[1:]] if argv else [name])
            print()
        names = list(SETS)
    else:
        names = [which]
    items = load(names)
    errors = "--errors" in argv
    systems = {"find_date_mentions": ours}
    if not errors:
        systems |= {
            "search_dates": dateparser_plain,
            "search_dates+period": dateparser_period,
        }
    print(f"{'+'.join(names)}: {len(items)} sentences, {sum(len(i.gold) for i in items)} dates")
    print(
        f"{'system':22} {'value P':>8} {'R':>6} {'F1':>6}   {'span F1':>7}   {'+modifier F1':>12}"
    )
    for name, system in systems.items():
        s = score(items, system, errors)
        p, r, f = s.prf(s.value)
        print(
            f"{name:22} {p:8.3f} {r:6.3f} {f:6.3f}   {s.prf(s.overlap)[2]:7.3f}"
            f"   {s.prf(s.value_modifier)[2]:12.3f}"
        )


if __name__ == "__main__":
    main(sys.argv[1:])
