"""The year wheel (årshjul): a year at a glance, by ISO week and by month.

The wheel of year Y has the ISO weeks of Y, 52 or 53 rows from the Monday of week 1 (which
may lie in late December of Y-1) to the Sunday of the last week (which may lie in early January
of Y+1), and the twelve months of the calendar year. Its span is the union of the two, so that
both views can show what lies in it.

For each week and month: how many posts are planned (every status counts, as in the week plan)
and a heat level from 0 (none) to 4. With weekly targets on the channels the level says how
the load compares with the target — 1 under half of it, 2 under it, 3 at it (up to half as much
again), 4 well over it; without targets it is relative to the busiest week (or month) of the
year. Campaigns and seasons are spans clipped to the wheel, each given a lane so that spans in
one lane never share a week. Holidays, flag days and observance days are the calendar days
passed in.
"""

from __future__ import annotations

import calendar
import math
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, timedelta

from someplan.domain.event import Event
from someplan.domain.norwegian_calendar import CalendarDay
from someplan.domain.weeks import IsoWeek, weeks_in_year

HEAT_LEVELS = 5  # 0 none … 4 heavy


def heat(posts: int, target: float, busiest: int) -> int:
    """0 for no posts; else 1–4 against `target` (posts the period should hold), or, without a
    target, against the `busiest` period's count."""
    if posts <= 0:
        return 0
    if target > 0:
        ratio = posts / target
        return 1 if ratio < 0.5 else 2 if ratio < 1 else 3 if ratio < 1.5 else 4
    return max(1, min(4, math.ceil(4 * posts / max(busiest, posts))))


@dataclass(frozen=True)
class Span:
    """A campaign or season on the wheel: its days inside the wheel, and its lane."""

    event: Event
    first: date
    last: date
    lane: int = 0

    @property
    def start(self) -> date:
        """The event's first day (an event without dates makes no span)."""
        return self.event.start or self.first

    @property
    def end(self) -> date:
        return self.event.end or self.last

    @property
    def cut_before(self) -> bool:
        """It began before the wheel's first day."""
        return self.event.start is not None and self.event.start < self.first

    @property
    def cut_after(self) -> bool:
        return self.event.end is not None and self.event.end > self.last

    def covers(self, day: date) -> bool:
        return self.first <= day <= self.last

    def touches(self, first: date, last: date) -> bool:
        return self.first <= last and first <= self.last


@dataclass(frozen=True)
class WheelWeek:
    week: IsoWeek
    posts: int
    heat: int
    marks: tuple[CalendarDay, ...]  # by date

    @property
    def first(self) -> date:
        return self.week.monday

    @property
    def last(self) -> date:
        return self.week.sunday


@dataclass(frozen=True)
class WheelMonth:
    month: int
    first: date
    last: date
    posts: int
    heat: int
    marks: tuple[CalendarDay, ...]


@dataclass(frozen=True)
class YearWheel:
    year: int
    weeks: tuple[WheelWeek, ...]
    months: tuple[WheelMonth, ...]
    spans: tuple[Span, ...]  # by first day, then title
    target: int  # posts per week over all channels; 0: none set
    posts_by_day: dict[date, int] = field(default_factory=dict)
    marks_by_day: dict[date, tuple[CalendarDay, ...]] = field(default_factory=dict)

    @property
    def first(self) -> date:
        """The wheel's first day: the Monday of week 1 or 1 January, whichever is earlier."""
        return min(self.weeks[0].first, self.months[0].first)

    @property
    def last(self) -> date:
        return max(self.weeks[-1].last, self.months[-1].last)

    @property
    def lanes(self) -> int:
        return max((span.lane for span in self.spans), default=-1) + 1

    def week_row(self, day: date) -> WheelWeek | None:
        """The row holding `day`, or None when that day's ISO week belongs to another year."""
        iso = day.isocalendar()
        return self.weeks[iso.week - 1] if iso.year == self.year else None

    def spans_between(self, first: date, last: date) -> list[Span]:
        return [span for span in self.spans if span.touches(first, last)]

    def marks_on(self, day: date) -> tuple[CalendarDay, ...]:
        return self.marks_by_day.get(day, ())


def wheel_range(year: int) -> tuple[date, date]:
    """The first and last day a wheel of `year` covers."""
    first_week, last_week = IsoWeek(year, 1), IsoWeek(year, weeks_in_year(year))
    return min(first_week.monday, date(year, 1, 1)), max(last_week.sunday, date(year, 12, 31))


def assign_lanes(spans: Iterable[Span]) -> list[Span]:
    """Each span in the lowest lane where it shares no week with another (a week column shows
    one span per lane); by start, greedily, which is optimal for intervals. The result is
    sorted by first day, then title."""
    ordered = sorted(spans, key=lambda s: (s.first, -(s.last - s.first).days, s.event.title, s.event.id))
    lane_ends: list[date] = []  # the Sunday of the last week each lane holds
    placed = []
    for span in ordered:
        lane = next((index for index, end in enumerate(lane_ends) if end < span.first), len(lane_ends))
        sunday = span.last + timedelta(days=6 - span.last.weekday())
        if lane == len(lane_ends):
            lane_ends.append(sunday)
        else:
            lane_ends[lane] = sunday
        placed.append(Span(span.event, span.first, span.last, lane))
    return placed


def year_wheel(
    year: int,
    post_dates: Iterable[date | None],
    events: Iterable[Event],
    days: Iterable[CalendarDay],
    target_per_week: int = 0,
) -> YearWheel:
    """The wheel of `year` from the dates of posts, the events and the calendar days.

    Dates outside the wheel's span are ignored; events without dates are not on the wheel.
    """
    first, last = wheel_range(year)
    posts_by_day = Counter(day for day in post_dates if day is not None and first <= day <= last)
    marks: dict[date, list[CalendarDay]] = {}
    for mark in sorted(days, key=lambda d: d.date):
        if first <= mark.date <= last:
            marks.setdefault(mark.date, []).append(mark)
    marks_by_day = {day: tuple(found) for day, found in marks.items()}

    def between(low: date, high: date) -> tuple[int, tuple[CalendarDay, ...]]:
        count, found = 0, list[CalendarDay]()
        day = low
        while day <= high:
            count += posts_by_day.get(day, 0)
            found += marks_by_day.get(day, ())
            day += timedelta(days=1)
        return count, tuple(found)

    week_rows = []
    for number in range(1, weeks_in_year(year) + 1):
        week = IsoWeek(year, number)
        week_rows.append((week, *between(week.monday, week.sunday)))
    busiest_week = max((count for _, count, _ in week_rows), default=0)
    weeks = tuple(WheelWeek(week, count, heat(count, target_per_week, busiest_week), found) for week, count, found in week_rows)

    month_rows = []
    for month in range(1, 13):
        low, high = date(year, month, 1), date(year, month, calendar.monthrange(year, month)[1])
        month_rows.append((month, low, high, *between(low, high)))
    busiest_month = max((count for *_, count, _ in month_rows), default=0)
    months = tuple(
        WheelMonth(month, low, high, count, heat(count, target_per_week * ((high - low).days + 1) / 7, busiest_month), found)
        for month, low, high, count, found in month_rows
    )

    spans = [
        Span(event, max(event.start, first), min(event.end, last))
        for event in events
        if event.start is not None and event.end is not None and event.overlaps(first, last) and event.start <= event.end
    ]
    return YearWheel(year, weeks, months, tuple(assign_lanes(spans)), target_per_week, dict(posts_by_day), marks_by_day)
