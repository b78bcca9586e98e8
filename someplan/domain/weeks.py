"""ISO 8601 weeks, the way Norwegians plan: Monday first, week 1 holds the first Thursday."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta

import arrow.locales

from someplan.i18n import _

# Day and month names from arrow's locales (nb, en); short weekdays are the first three letters,
# "man"/"Mon", as Norwegian planners abbreviate them.
_NB, _EN = arrow.locales.get_locale("nb"), arrow.locales.get_locale("en")
_MONTHS_NB = tuple(_NB.month_abbreviations[1:])
_MONTHS_EN = tuple(_EN.month_abbreviations[1:])
WEEKDAYS_NB = tuple(_NB.day_names[1:])
WEEKDAYS_EN = tuple(_EN.day_names[1:])


def _english(locale: str) -> bool:
    return locale.startswith("en")


def weekday_name(day: date | int, locale: str = "nb", short: bool = False) -> str:
    """ "mandag" / "Monday", or with `short` "man" / "Mon"; `day` a date or 0 = Monday … 6."""
    index = day if isinstance(day, int) else day.weekday()
    name = (WEEKDAYS_EN if _english(locale) else WEEKDAYS_NB)[index]
    return name[:3] if short else name


def month_name(month: int, locale: str = "nb", short: bool = False) -> str:
    """ "november" / "November", or with `short` "nov" / "Nov"."""
    names = (_EN if _english(locale) else _NB).month_abbreviations if short else (_EN if _english(locale) else _NB).month_names
    return names[month]


def day_label(day: date, locale: str = "nb", weekday: str | None = "long", year: bool = False) -> str:
    """ "mandag 23. nov" / "Monday 23 Nov"; `weekday` "long", "short" or None; `year` adds it."""
    if _english(locale):
        text = f"{day.day} {month_name(day.month, locale, short=True)}"
    else:
        text = f"{day.day}. {month_name(day.month, locale, short=True)}"
    if year:
        text += f" {day.year}"
    if weekday:
        text = f"{weekday_name(day, locale, short=weekday == 'short')} {text}"
    return text


def days_label(first: date, last: date, locale: str = "nb") -> str:
    """ "23.–30. nov", "13. nov–19. des", "1. des 2026–31. mar 2027" (en: "23–30 Nov"); one day: "5. des"."""
    if first == last:
        return day_label(first, locale, weekday=None)
    if (first.year, first.month) == (last.year, last.month):
        return f"{first.day}{'' if _english(locale) else '.'}–{day_label(last, locale, weekday=None)}"
    years = first.year != last.year
    return f"{day_label(first, locale, weekday=None, year=years)}–{day_label(last, locale, weekday=None, year=years)}"


def week_word(locale: str = "nb") -> str:
    """ "uke" / "week", as in "uke 48"."""
    return "week" if _english(locale) else "uke"


_ISO_FORM = re.compile(r"^(\d{4})\s*-?\s*w\s*(\d{1,2})$")
# "47", "uke 47", "week 47", "w47", "v. 47", optionally followed by a year: "uke 47 2026", "47/2026"
_SPOKEN_FORM = re.compile(r"^(?:(?:uke|week|wk|w|u|v)\.?\s*)?(\d{1,2})(?:\s*[,/\s]\s*(\d{4}))?$")


# Dates a plan can hold. Far-off years are typos or hand edits, and near year 1 or 9999 the
# date arithmetic of weeks and cadences overflows.
PLAN_YEARS = range(1900, 3000)


def weeks_in_year(year: int) -> int:
    """52 or 53: 28 December is always in the year's last week."""
    return date(year, 12, 28).isocalendar().week


@dataclass(frozen=True, order=True)
class IsoWeek:
    """A week of an ISO year. `week + 1` is the next week, `later - earlier` counts weeks."""

    year: int
    week: int

    def __post_init__(self):
        if self.year not in PLAN_YEARS:
            raise ValueError(
                _("{year} is outside the years someplan plans ({first}–{last})").format(
                    year=self.year, first=PLAN_YEARS.start, last=PLAN_YEARS.stop - 1
                )
            )
        if not 1 <= self.week <= weeks_in_year(self.year):
            raise ValueError(_("{year} has no week {week}").format(year=self.year, week=self.week))

    @classmethod
    def of(cls, day: date) -> IsoWeek:
        iso = day.isocalendar()
        return cls(iso.year, iso.week)

    @property
    def monday(self) -> date:
        return date.fromisocalendar(self.year, self.week, 1)

    @property
    def sunday(self) -> date:
        return self.monday + timedelta(days=6)

    def dates(self) -> tuple[date, ...]:
        """Monday to Sunday."""
        return tuple(self.monday + timedelta(days=offset) for offset in range(7))

    def __contains__(self, day: object) -> bool:
        return isinstance(day, date) and self.monday <= day <= self.sunday

    def __add__(self, weeks: int) -> IsoWeek:
        if not isinstance(weeks, int):
            return NotImplemented
        return IsoWeek.of(self.monday + timedelta(weeks=weeks))

    def __sub__(self, other):
        if isinstance(other, int):
            return self + -other
        if isinstance(other, IsoWeek):
            return (self.monday - other.monday).days // 7
        return NotImplemented

    def __str__(self) -> str:
        return f"{self.year}-W{self.week:02d}"


def week_of(day: date) -> IsoWeek:
    return IsoWeek.of(day)


def parse_week(text: str, reference_year: int) -> IsoWeek:
    """Read "47", "uke 47", "week 47", "2026-W47" or "uke 47 2026".

    A week without a year is in `reference_year` (the ISO year of the week on screen).
    Raises ValueError for anything else, including week 53 in a 52-week year.
    """
    spoken = text.strip().lower()
    match = _ISO_FORM.match(spoken)
    if match:
        year, week = int(match.group(1)), int(match.group(2))
    else:
        match = _SPOKEN_FORM.match(spoken)
        if not match:
            raise ValueError(_("not a week: {text!r}").format(text=text))
        week = int(match.group(1))
        year = int(match.group(2)) if match.group(2) else reference_year
    return IsoWeek(year, week)


def week_label(week: IsoWeek, locale: str = "nb") -> str:
    """ "uke 47 · 16.–22. nov" (nb) or "week 47 · 16–22 Nov" (en); months named only when needed."""
    first, last = week.monday, week.sunday
    if _english(locale):
        start = f"{first.day}" if first.month == last.month else f"{first.day} {_MONTHS_EN[first.month - 1]}"
        return f"week {week.week} · {start}–{last.day} {_MONTHS_EN[last.month - 1]}"
    start = f"{first.day}." if first.month == last.month else f"{first.day}. {_MONTHS_NB[first.month - 1]}"
    return f"uke {week.week} · {start}–{last.day}. {_MONTHS_NB[last.month - 1]}"
