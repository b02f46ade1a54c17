"""Month and weekday names: the one table every stage reads them from.

(``ingest/dating.py`` and ``extract/actors/suggest.py`` still hold their own tables:
they are being rewritten elsewhere and will switch to this one.)
"""

from __future__ import annotations

MONTH_NAMES = (
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
)  # fmt: skip
WEEKDAY_NAMES = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
# The abbreviations news writes, each followed by a full stop or not ("Sept." "Oct").
MONTH_ABBREVIATIONS = {
    "Jan": 1, "Feb": 2, "Mar": 3, "Apr": 4, "Jun": 6, "Jul": 7, "Aug": 8,
    "Sep": 9, "Sept": 9, "Oct": 10, "Nov": 11, "Dec": 12,
}  # fmt: skip

# Lower-case name or abbreviation -> month number (1-12): full names first, in order.
MONTHS: dict[str, int] = {
    **{name.lower(): n for n, name in enumerate(MONTH_NAMES, start=1)},
    **{abbr.lower(): n for abbr, n in MONTH_ABBREVIATIONS.items()},
}
# Lower-case weekday name -> number (Monday 0, as datetime.weekday()).
WEEKDAYS: dict[str, int] = {name.lower(): n for n, name in enumerate(WEEKDAY_NAMES)}


def month_name(number: int) -> str:
    """ "November" for 11."""
    return MONTH_NAMES[number - 1]
