"""Days Norwegian content planners plan around: public holidays, flag days and "merkedager".

Public holidays come from the `holidays` package. Flag days and observance days are not in it;
they are data — a kind, a name in each language and a rule — kept in `calendar_days.toml`
beside this module (and, for a user's own days, in their config dir). This module reads the
text of such a file (`parse_calendar`) and works the rules out for a year; the services open
the files, since the domain does no I/O.

Rules, as written in the file:

    fixed MM-DD                         every year on that date (02-29: leap years only)
    nth-weekday MM WEEKDAY N [+D|-D]    the Nth (1–4 or "last") WEEKDAY of month MM, ±D days
    weekday-on-or-after MM-DD WEEKDAY   the first WEEKDAY on or after the date (1st Advent)
    easter +D|-D                        D days from Easter Sunday (Fastelavn: easter -49)
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Literal, NamedTuple

from dateutil.easter import easter

from someplan.domain.weeks import days_in_month

Kind = Literal["holiday", "flag_day", "observance"]
KINDS_IN_FILES = ("flag_day", "observance")
MONDAY, TUESDAY, WEDNESDAY, THURSDAY, FRIDAY, SATURDAY, SUNDAY = range(7)
LAST = -1  # "last" in nth-weekday: the last such weekday of the month

WEEKDAY_WORDS = {
    **{name: index for index, name in enumerate(("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"))},
    **{name: index for index, name in enumerate(("mandag", "tirsdag", "onsdag", "torsdag", "fredag", "lørdag", "søndag"))},
}


@dataclass(frozen=True)
class Fixed:
    month: int
    day: int

    def date_in(self, year: int) -> date | None:
        """None when the year has no such day (29 February outside leap years)."""
        if self.month == 2 and self.day == 29 and days_in_month(year, 2) == 28:
            return None
        return date(year, self.month, self.day)


@dataclass(frozen=True)
class NthWeekday:
    """The `n`th (or LAST) `weekday` of `month`, then `offset` days on (Black Friday: 4th Thursday + 1)."""

    month: int
    weekday: int
    n: int
    offset: int = 0

    def date_in(self, year: int) -> date:
        if self.n == LAST:
            last = date(year, self.month, days_in_month(year, self.month))
            found = last - timedelta(days=(last.weekday() - self.weekday) % 7)
        else:
            first = date(year, self.month, 1)
            found = first + timedelta(days=(self.weekday - first.weekday()) % 7, weeks=self.n - 1)
        return found + timedelta(days=self.offset)


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
    kind: Kind = "observance"

    def name_in(self, locale: str) -> str:
        return self.name_en if locale.startswith("en") else self.name


class CalendarDay(NamedTuple):
    date: date
    name: str
    kind: Kind


class CalendarDataError(ValueError):
    """A rule or a file of calendar days that cannot be read; the message is one line."""


# -- reading rules -----------------------------------------------------------------------------

_MONTH_DAY = re.compile(r"^(\d{1,2})-(\d{1,2})$")
_OFFSET = re.compile(r"^[+-]\d{1,3}$")


def _month_day(text: str) -> tuple[int, int]:
    match = _MONTH_DAY.match(text)
    if not match:
        raise CalendarDataError(f"not a month and day: {text!r} (use MM-DD, e.g. 05-17)")
    month, day = int(match.group(1)), int(match.group(2))
    try:
        date(2024, month, day)  # a leap year: 02-29 is a date
    except ValueError:
        raise CalendarDataError(f"no such day: {text!r}") from None
    return month, day


def _month(text: str) -> int:
    if not text.isdigit() or not 1 <= int(text) <= 12:
        raise CalendarDataError(f"not a month: {text!r} (use 01–12)")
    return int(text)


def _weekday(text: str) -> int:
    try:
        return WEEKDAY_WORDS[text.lower()]
    except KeyError:
        raise CalendarDataError(f"not a weekday: {text!r} (use monday … sunday)") from None


def _offset(text: str) -> int:
    if not _OFFSET.match(text):
        raise CalendarDataError(f"not a number of days: {text!r} (use +1 or -49)")
    return int(text)


def parse_rule(text: str) -> Rule:
    """A rule from its text, e.g. "nth-weekday 11 thursday 4 +1"; CalendarDataError if it is none."""
    words = str(text).split()
    name, args = (words[0].lower(), words[1:]) if words else ("", [])
    if name == "fixed" and len(args) == 1:
        return Fixed(*_month_day(args[0]))
    if name == "nth-weekday" and len(args) in (3, 4):
        if args[2].lower() == "last":
            n = LAST
        elif args[2] in ("1", "2", "3", "4"):
            n = int(args[2])
        else:
            raise CalendarDataError(f"not a week of the month: {args[2]!r} (use 1–4 or last)")
        offset = _offset(args[3]) if len(args) == 4 else 0
        return NthWeekday(_month(args[0]), _weekday(args[1]), n, offset)
    if name == "weekday-on-or-after" and len(args) == 2:
        month, day = _month_day(args[0])
        if (month, day) == (2, 29):
            raise CalendarDataError("weekday-on-or-after cannot start on 02-29")
        return WeekdayOnOrAfter(month, day, _weekday(args[1]))
    if name == "easter" and len(args) == 1:
        return EasterOffset(_offset(args[0]) if args[0] != "0" else 0)
    raise CalendarDataError(
        f"not a rule: {text!r} (use fixed MM-DD, nth-weekday MM WEEKDAY N [+D], weekday-on-or-after MM-DD WEEKDAY, or easter ±D)"
    )


def parse_calendar(text: str) -> tuple[list[Entry], list[str]]:
    """The days in the text of a calendar file, and one line for each day that could not be read.

    A file that is not TOML at all gives no days and one problem; a bad day is skipped and the
    others are kept.
    """
    import tomllib  # deferred: a start that finds the days kept in its cache parses no TOML

    try:
        doc = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        return [], [f"not a TOML file: {error}"]
    days = doc.get("day", [])
    if not isinstance(days, list):
        return [], ["[[day]] entries expected"]
    entries, problems = [], []
    for number, item in enumerate(days, start=1):
        try:
            entries.append(_entry(item))
        except CalendarDataError as error:
            name = item.get("nb") or item.get("en") if isinstance(item, dict) else None
            label = f"day {number}" + (f" ({name})" if isinstance(name, str) and name else "")
            problems.append(f"{label}: {error}")
    return entries, problems


def _entry(item: object) -> Entry:
    if not isinstance(item, dict):
        raise CalendarDataError("a day must be a table with kind, rule, nb and en")
    kind = item.get("kind")
    if kind not in KINDS_IN_FILES:
        raise CalendarDataError(f"kind must be flag_day or observance, not {kind!r}")
    nb, en = item.get("nb"), item.get("en")
    if not (isinstance(nb, str) and nb.strip() and isinstance(en, str) and en.strip()):
        raise CalendarDataError("needs a name in nb and in en")
    rule = item.get("rule")
    if not isinstance(rule, str):
        raise CalendarDataError("needs a rule")
    return Entry(nb.strip(), en.strip(), parse_rule(rule), kind)


# -- the days of a range -----------------------------------------------------------------------

_KIND_ORDER = {"holiday": 0, "flag_day": 1, "observance": 2}


def public_holidays(year: int, locale: str = "nb") -> dict[date, str]:
    """The 12 Norwegian public holidays (Sundays not counted as holidays)."""
    import holidays  # deferred: it takes ~90 ms to import, and most commands never need it

    language = "en_US" if locale.startswith("en") else "no"
    return dict(holidays.country_holidays("NO", years=year, language=language))


def entries_in(entries: Iterable[Entry], year: int, locale: str = "nb") -> list[CalendarDay]:
    """The entries' days in `year`, named in `locale`."""
    found = []
    for entry in entries:
        day = entry.rule.date_in(year)
        if day is not None:
            found.append(CalendarDay(day, entry.name_in(locale), entry.kind))
    return found


def kinds_by_name(days: Iterable[CalendarDay]) -> dict[str, list[Kind]]:
    """Each name once, in the order met, with every kind it has (17 May: holiday, flag day)."""
    found: dict[str, list[Kind]] = {}
    for day in days:
        kinds = found.setdefault(day.name, [])
        if day.kind not in kinds:
            kinds.append(day.kind)
    return found


def calendar_days(
    first: date,
    last: date,
    locale: str = "nb",
    holidays_of: Callable[[int, str], Mapping[date, str]] | None = None,
    entries: Iterable[Entry] = (),
) -> list[CalendarDay]:
    """Every holiday and every day of `entries` from `first` to `last` inclusive, by date.

    A day can appear more than once (17 May is a holiday and a flag day); holidays come first.
    `holidays_of(year, locale)` may stand in for `public_holidays`, e.g. a cached copy of it.
    """
    days: list[CalendarDay] = []
    for year in range(first.year, last.year + 1):
        found = (holidays_of or public_holidays)(year, locale)
        # Two holidays on one day come as one name, "Andre pinsedag; Grunnlovsdag" (17 May 2027).
        days += [CalendarDay(day, part, "holiday") for day, names in found.items() for part in names.split("; ")]
    for year in range(first.year - 1, last.year + 2):  # a rule's offset may cross New Year
        days += entries_in(entries, year, locale)
    in_range = (day for day in days if first <= day.date <= last)
    return sorted(in_range, key=lambda day: (day.date, _KIND_ORDER[day.kind], day.name))
