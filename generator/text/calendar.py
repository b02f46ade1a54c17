"""Month and weekday names: the one table every stage reads them from.

English names and abbreviations for every reader; month names of other languages for
the readers of full dates on pages from anywhere ("14 mars 2024", "14. März 2024").
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
# Lower-case weekday abbreviations as page headers write them ("Tue, 4 June", "Thurs.").
WEEKDAY_ABBREVIATIONS: dict[str, int] = {
    "mon": 0, "tue": 1, "tues": 1, "wed": 2, "thu": 3, "thur": 3, "thurs": 3, "fri": 4,
    "sat": 5, "sun": 6,
}  # fmt: skip

# Month names and their usual abbreviations in French, German, Spanish, Italian,
# Portuguese, Dutch, Turkish and Russian (Russian in the genitive a date uses, and the
# nominative), lower-case, by month number. A reader takes them only in full dates, a day
# and a year on either side: several are words of English or of each other ("mars",
# "set", "mag").
FOREIGN_MONTH_NAMES: dict[int, tuple[str, ...]] = {
    1: ("janvier", "janv", "januar", "jänner", "jän", "enero", "ene", "gennaio", "gen",
        "janeiro", "januari", "ocak", "января", "январь"),
    2: ("février", "fevrier", "févr", "fevr", "februar", "febrero", "febbraio", "fevereiro",
        "februari", "şubat", "февраля", "февраль"),
    3: ("mars", "märz", "mär", "marzo", "março", "maart", "mrt", "mart", "марта", "март"),
    4: ("avril", "avr", "abril", "abr", "aprile", "april", "nisan", "апреля", "апрель"),
    5: ("mai", "mayo", "maggio", "mag", "maio", "mei", "mayıs", "мая", "май"),
    6: ("juin", "junio", "giugno", "giu", "junho", "juni", "haziran", "июня", "июнь"),
    7: ("juillet", "juil", "julio", "luglio", "lug", "julho", "juli", "temmuz", "июля",
        "июль"),
    8: ("août", "aout", "agosto", "ago", "augustus", "ağustos", "августа", "август"),
    9: ("septembre", "septiembre", "settembre", "set", "setembro", "september", "eylül",
        "сентября", "сентябрь"),
    10: ("octobre", "oktober", "okt", "octubre", "ottobre", "ott", "outubro", "ekim",
         "октября", "октябрь"),
    11: ("novembre", "noviembre", "novembro", "november", "kasım", "ноября", "ноябрь"),
    12: ("décembre", "decembre", "déc", "dezember", "dez", "diciembre", "dic", "dicembre",
         "dezembro", "december", "aralık", "декабря", "декабрь"),
}  # fmt: skip


def month_name(number: int) -> str:
    """ "November" for 11."""
    return MONTH_NAMES[number - 1]
