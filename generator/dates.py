"""Temporal expressions in news text, resolved against the article's publication date.

First version: absolute dates only. The chronology issue deepens it.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date
from typing import Literal

Modifier = Literal["early", "mid", "late"]

_MONTHS = {name.lower(): i for i, name in enumerate(calendar.month_name) if name}
_MONTH_RE = "|".join(_MONTHS)
_ABSOLUTE = re.compile(rf"\b(?P<month>{_MONTH_RE})\s+(?P<day>\d{{1,2}}),\s+(?P<year>\d{{4}})\b", re.I)


@dataclass(frozen=True)
class DateMention:
    start: int
    end: int
    text: str
    value: str  # ISO with its true granularity: 2023-10-07, 2024-11 or 2012
    modifier: Modifier | None = None

    @property
    def granularity(self) -> Literal["day", "month", "year"]:
        return granularity(self.value)


def granularity(value: str) -> Literal["day", "month", "year"]:
    return {4: "year", 7: "month"}.get(len(value), "day")  # type: ignore[return-value]


def find_dates(text: str, published: date | None) -> list[DateMention]:
    out = []
    for m in _ABSOLUTE.finditer(text):
        month = _MONTHS[m.group("month").lower()]
        try:
            value = date(int(m.group("year")), month, int(m.group("day"))).isoformat()
        except ValueError:
            continue
        out.append(DateMention(m.start(), m.end(), m.group(0), value))
    return out


_MODIFIER_RANK = {"early": 0, None: 1, "mid": 1, "late": 2}


def sort_key(value: str, modifier: Modifier | None = None) -> tuple[str, int]:
    """Sort partial dates among precise ones: "late October 2024" after mid-October days."""
    parts = value.split("-")
    if len(parts) == 3:
        return (value, 1)
    if len(parts) == 2:
        day = {"early": "05", "mid": "15", "late": "25"}.get(modifier or "", "32")
        return (f"{value}-{day}", 2)
    month = {"early": "02", "mid": "06", "late": "10"}.get(modifier or "", "13")
    return (f"{value}-{month}-32", 3)


def display_date(value: str, modifier: Modifier | None = None) -> str:
    """Write a date as precisely as it is known, never more: "late October 2024"."""
    parts = [int(p) for p in value.split("-")]
    if len(parts) == 3:
        text = f"{parts[2]} {calendar.month_name[parts[1]]} {parts[0]}"
    elif len(parts) == 2:
        text = f"{calendar.month_name[parts[1]]} {parts[0]}"
    else:
        text = str(parts[0])
    return f"{modifier} {text}" if modifier else text
