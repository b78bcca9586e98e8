"""ISO 8601 weeks, the way Norwegians plan: Monday first, week 1 holds the first Thursday."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta
from typing import overload

from someplan.i18n import _

# Day and month names as arrow's nb and en locales spell them (a test holds them equal), written
# out because importing arrow costs `someplan status` ~14 ms of its start-up budget. Short names
# are the first three letters, "man"/"Mon", "nov"/"Nov", as Norwegian planners abbreviate them.
WEEKDAYS_NB = ("mandag", "tirsdag", "onsdag", "torsdag", "fredag", "lørdag", "søndag")
WEEKDAYS_EN = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
MONTHS_NB = ("januar", "februar", "mars", "april", "mai", "juni", "juli", "august", "september",
             "oktober", "november", "desember")  # fmt: skip
MONTHS_EN = ("January", "February", "March", "April", "May", "June", "July", "August", "September",
             "October", "November", "December")  # fmt: skip


def _english(locale: str) -> bool:
    return locale.startswith("en")


def weekday_name(day: date | int, locale: str = "nb", short: bool = False) -> str:
    """ "mandag" / "Monday", or with `short` "man" / "Mon"; `day` a date or 0 = Monday … 6."""
    index = day if isinstance(day, int) else day.weekday()
    name = (WEEKDAYS_EN if _english(locale) else WEEKDAYS_NB)[index]
    return name[:3] if short else name


def month_name(month: int, locale: str = "nb", short: bool = False) -> str:
    """ "november" / "November", or with `short` "nov" / "Nov"."""
    name = (MONTHS_EN if _english(locale) else MONTHS_NB)[month - 1]
    return name[:3] if short else name


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

    def __post_init__(self) -> None:
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

    @overload
    def __sub__(self, other: int) -> IsoWeek: ...

    @overload
    def __sub__(self, other: IsoWeek) -> int: ...

    def __sub__(self, other: object) -> IsoWeek | int:
        if isinstance(other, int):
            return self + -other
        if isinstance(other, IsoWeek):
            return (self.monday - other.monday).days // 7
        return NotImplemented

    def __str__(self) -> str:
        return f"{self.year}-W{self.week:02d}"


def week_of(day: date) -> IsoWeek:
    return IsoWeek.of(day)


def weeks_touching(first: date, last: date) -> list[IsoWeek]:
    """Every week with a day from `first` to `last`, in order (none when `last` is before `first`)."""
    if last < first:
        return []
    start, end = IsoWeek.of(first), IsoWeek.of(last)
    return [start + offset for offset in range(end - start + 1)]


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


def range_label(first: date, last: date, locale: str = "nb", year: bool | None = None) -> str:
    """ "23.–29. nov" / "23–29 Nov", "30. nov–6. des", "28. des 2026–3. jan 2027"; one day: "5. des".

    A month shared by both ends is named once. Years are shown when the range crosses New Year;
    `year` True or False shows them always or never.
    """
    years = first.year != last.year if year is None else year
    if first == last:
        return day_label(first, locale, weekday=None, year=years)
    end = day_label(last, locale, weekday=None, year=years)
    if (first.year, first.month) == (last.year, last.month):
        return f"{first.day}{'' if _english(locale) else '.'}–{end}"
    return f"{day_label(first, locale, weekday=None, year=years)}–{end}"


def week_label(week: IsoWeek, locale: str = "nb") -> str:
    """ "uke 47 · 16.–22. nov" (nb) or "week 47 · 16–22 Nov" (en); months named only when needed."""
    return f"{week_word(locale)} {week.week} · {range_label(week.monday, week.sunday, locale, year=False)}"


def days_in_month(year: int, month: int) -> int:
    """`calendar.monthrange(year, month)[1]`, without calendar (which brings locale: ~3% of a quick status)."""
    if month == 12:
        return 31
    return (date(year, month + 1, 1) - timedelta(days=1)).day
