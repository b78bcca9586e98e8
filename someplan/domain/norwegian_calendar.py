"""Days Norwegian content planners plan around: public holidays, flag days and "merkedager".

Public holidays come from the `holidays` package. Flag days and observance days are not in it;
they are kept below as data — a name and a rule — so adding one is a line, not a function.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from typing import Literal, NamedTuple

from dateutil.easter import easter

Kind = Literal["holiday", "flag_day", "observance"]
MONDAY, TUESDAY, WEDNESDAY, THURSDAY, FRIDAY, SATURDAY, SUNDAY = range(7)


@dataclass(frozen=True)
class Fixed:
    month: int
    day: int

    def date_in(self, year: int) -> date:
        return date(year, self.month, self.day)


@dataclass(frozen=True)
class NthWeekday:
    """The `n`th `weekday` of `month`, then `offset` days on (Black Friday: 4th Thursday + 1)."""

    month: int
    weekday: int
    n: int
    offset: int = 0

    def date_in(self, year: int) -> date:
        first = date(year, self.month, 1)
        first_match = first + timedelta(days=(self.weekday - first.weekday()) % 7)
        return first_match + timedelta(weeks=self.n - 1, days=self.offset)


@dataclass(frozen=True)
class WeekdayOnOrAfter:
    """The first `weekday` on or after a date (1st Advent: the Sunday from 27 November)."""

    month: int
    day: int
    weekday: int

    def date_in(self, year: int) -> date:
        start = date(year, self.month, self.day)
        return start + timedelta(days=(self.weekday - start.weekday()) % 7)


@dataclass(frozen=True)
class EasterOffset:
    days: int

    def date_in(self, year: int) -> date:
        return easter(year) + timedelta(days=self.days)


Rule = Fixed | NthWeekday | WeekdayOnOrAfter | EasterOffset


class Entry(NamedTuple):
    name: str  # Norwegian (bokmål)
    name_en: str
    rule: Rule


# Official flag days (flaggdager), from the regulations on flag days. The day of a Storting
# election is also one, but it is set by decree, not by a rule, so it is left out.
FLAG_DAYS: tuple[Entry, ...] = (
    Entry("Nyttårsdag", "New Year's Day", Fixed(1, 1)),
    Entry("Prinsesse Ingrid Alexandras fødselsdag", "Princess Ingrid Alexandra's birthday", Fixed(1, 21)),
    Entry("Samefolkets dag", "Sami National Day", Fixed(2, 6)),
    Entry("Kong Harald Vs fødselsdag", "King Harald V's birthday", Fixed(2, 21)),
    Entry("Første påskedag", "Easter Sunday", EasterOffset(0)),
    Entry("Offentlig høytidsdag", "Labour Day", Fixed(5, 1)),
    Entry("Frigjøringsdagen", "Liberation Day", Fixed(5, 8)),
    Entry("Grunnlovsdagen", "Constitution Day", Fixed(5, 17)),
    Entry("Første pinsedag", "Whit Sunday", EasterOffset(49)),
    Entry("Unionsoppløsningen", "Dissolution of the union", Fixed(6, 7)),
    Entry("Dronning Sonjas fødselsdag", "Queen Sonja's birthday", Fixed(7, 4)),
    Entry("Kronprins Haakon Magnus' fødselsdag", "Crown Prince Haakon Magnus's birthday", Fixed(7, 20)),
    Entry("Olsokdagen", "St. Olaf's Day", Fixed(7, 29)),
    Entry("Kronprinsesse Mette-Marits fødselsdag", "Crown Princess Mette-Marit's birthday", Fixed(8, 19)),
    Entry("Første juledag", "Christmas Day", Fixed(12, 25)),
)

OBSERVANCES: tuple[Entry, ...] = (
    Entry("Morsdag", "Mother's Day", NthWeekday(2, SUNDAY, 2)),
    Entry("Valentinsdag", "Valentine's Day", Fixed(2, 14)),
    Entry("Fastelavn", "Shrovetide", EasterOffset(-49)),
    Entry("Sankthansaften", "Midsummer Eve", Fixed(6, 23)),
    Entry("22. juli-dagen", "22 July memorial day", Fixed(7, 22)),
    Entry("FN-dagen", "United Nations Day", Fixed(10, 24)),
    Entry("Halloween", "Halloween", Fixed(10, 31)),
    Entry("Farsdag", "Father's Day", NthWeekday(11, SUNDAY, 2)),
    Entry("Black Friday", "Black Friday", NthWeekday(11, THURSDAY, 4, offset=1)),
    Entry("Cyber Monday", "Cyber Monday", NthWeekday(11, THURSDAY, 4, offset=4)),
    Entry("Første søndag i advent", "First Sunday of Advent", WeekdayOnOrAfter(11, 27, SUNDAY)),
    Entry("Julaften", "Christmas Eve", Fixed(12, 24)),
    Entry("Nyttårsaften", "New Year's Eve", Fixed(12, 31)),
)


class CalendarDay(NamedTuple):
    date: date
    name: str
    kind: Kind


_KIND_ORDER = {"holiday": 0, "flag_day": 1, "observance": 2}


def public_holidays(year: int, locale: str = "nb") -> dict[date, str]:
    """The 12 Norwegian public holidays (Sundays not counted as holidays)."""
    import holidays  # deferred: it takes ~90 ms to import, and most commands never need it

    language = "en_US" if locale.startswith("en") else "no"
    return dict(holidays.country_holidays("NO", years=year, language=language))


def _entries_in(entries: tuple[Entry, ...], year: int, kind: Kind, locale: str) -> list[CalendarDay]:
    english = locale.startswith("en")
    return [CalendarDay(e.rule.date_in(year), e.name_en if english else e.name, kind) for e in entries]


def calendar_days(first: date, last: date, locale: str = "nb", holidays_of=None) -> list[CalendarDay]:
    """Every holiday, flag day and observance day from `first` to `last` inclusive, by date.

    A day can appear more than once (17 May is a holiday and a flag day); holidays come first.
    `holidays_of(year, locale)` may stand in for `public_holidays`, e.g. a cached copy of it.
    """
    days: list[CalendarDay] = []
    for year in range(first.year, last.year + 1):
        found = (holidays_of or public_holidays)(year, locale)
        days += [CalendarDay(day, name, "holiday") for day, name in found.items()]
        days += _entries_in(FLAG_DAYS, year, "flag_day", locale)
        days += _entries_in(OBSERVANCES, year, "observance", locale)
    in_range = (day for day in days if first <= day.date <= last)
    return sorted(in_range, key=lambda day: (day.date, _KIND_ORDER[day.kind], day.name))
