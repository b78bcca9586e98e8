"""A week's or a month's plan as a document to send: what `markdown` and `html` render.

The digest holds text already in the language spoken (day and week labels from
`domain.weeks`), so the two renderers only lay it out and escape it.

- Days: a week lists all seven; a longer period only the days with posts, a holiday, a flag or
  observance day, or a campaign starting or ending.
- Campaigns and seasons touching the period are listed on top with their dates, and marked on
  the days they start and end.
- Planned vs target per channel, for each ISO week the period touches (whole weeks, every status
  counted, as in the week plan): the weekly target is the unit planners work with.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from someplan.domain.channel import Channel
from someplan.domain.event import Event, events_between
from someplan.domain.norwegian_calendar import CalendarDay, kinds_by_name
from someplan.domain.plan import planned_vs_target
from someplan.domain.post import Post
from someplan.domain.weeks import IsoWeek, day_label, month_name, range_label, week_label, week_word, weeks_touching
from someplan.i18n import _, pgettext
from someplan.services.exports.common import Names, one_line, plan_order


@dataclass(frozen=True)
class Period:
    """Inclusive dates; `kind` is "week", "month" or "range" (it decides the label)."""

    first: dt.date
    last: dt.date
    kind: str = "range"

    @classmethod
    def week(cls, week: IsoWeek) -> Period:
        return cls(week.monday, week.sunday, "week")

    @classmethod
    def month(cls, year: int, month: int) -> Period:
        following = dt.date(year + month // 12, month % 12 + 1, 1)
        return cls(dt.date(year, month, 1), following - dt.timedelta(days=1), "month")

    @property
    def days(self) -> int:
        return (self.last - self.first).days + 1

    def weeks(self) -> list[IsoWeek]:
        return weeks_touching(self.first, self.last)

    def label(self, locale: str) -> str:
        """ "uke 48 · 23.–29. nov 2026", "november 2026", "1. nov 2026–6. des 2026"."""
        if self.kind == "week":
            return f"{week_label(IsoWeek.of(self.first), locale)} {self.last.year}"
        if self.kind == "month":
            return f"{month_name(self.first.month, locale)} {self.first.year}"
        first = day_label(self.first, locale, weekday=None, year=True)
        return first if self.first == self.last else f"{first}–{day_label(self.last, locale, weekday=None, year=True)}"

    def slug(self) -> str:
        """For file names: 2026-w48, 2026-11, 2026-11-23_2026-12-06."""
        if self.kind == "week":
            week = IsoWeek.of(self.first)
            return f"{week.year}-w{week.week:02d}"
        if self.kind == "month":
            return f"{self.first:%Y-%m}"
        return f"{self.first.isoformat()}_{self.last.isoformat()}"


@dataclass(frozen=True)
class DigestPost:
    time: str  # "09:30" or ""
    channel: str
    category: str
    colour: str | None  # the category's colour, "#rrggbb"
    status: str  # the status's value: idea, draft, …
    status_label: str  # in the language spoken
    title: str


@dataclass(frozen=True)
class DigestDay:
    date: dt.date
    label: str  # "mandag 23. nov"
    marks: tuple[str, ...]  # "Første juledag (public holiday)", "Black Week starts"
    posts: tuple[DigestPost, ...]


@dataclass(frozen=True)
class DigestCampaign:
    title: str
    kind: str  # campaign, season, observance
    dates: str  # "23.–30. nov"


@dataclass(frozen=True)
class LoadRow:
    channel: str
    cells: tuple[tuple[int, int], ...]  # (planned, target) per week in `Digest.weeks`


@dataclass(frozen=True)
class Digest:
    workspace: str
    period: Period
    title: str  # "Fjordhotellet Solvik · uke 48 · 23.–29. nov 2026"
    days: tuple[DigestDay, ...]
    campaigns: tuple[DigestCampaign, ...]
    weeks: tuple[str, ...]  # "uke 48"
    load: tuple[LoadRow, ...]
    locale: str

    @property
    def post_count(self) -> int:
        return sum(len(day.posts) for day in self.days)


_KIND_WORDS = {
    "holiday": lambda: pgettext("export", "public holiday"),
    "flag_day": lambda: pgettext("export", "flag day"),
    "observance": lambda: pgettext("export", "observance day"),
}


def build_digest(
    workspace: str,
    period: Period,
    posts: Iterable[Post],
    names: Names,
    channels: Sequence[Channel],
    events: Iterable[Event],
    calendar: Iterable[CalendarDay],
    locale: str,
    load_posts: Iterable[Post] | None = None,
) -> Digest:
    """`posts`: the selected posts (those outside the period are left out); `load_posts`: what the
    planned-vs-target table counts (every post of the weeks on `channels`), default `posts`."""
    shown = sorted((p for p in posts if p.date and period.first <= p.date <= period.last), key=plan_order)
    by_day: dict[dt.date, list[DigestPost]] = {}
    for post in shown:
        if post.date is not None:  # always: `shown` holds dated posts
            by_day.setdefault(post.date, []).append(_post(post, names, locale))
    on_day: dict[dt.date, list[CalendarDay]] = {}
    for day in calendar:
        if period.first <= day.date <= period.last:
            on_day.setdefault(day.date, []).append(day._replace(name=one_line(day.name)))
    marks: dict[dt.date, list[str]] = {
        date: [f"{name} ({', '.join(_KIND_WORDS[kind]() for kind in kinds)})" for name, kinds in kinds_by_name(found).items()]
        for date, found in on_day.items()
    }
    campaigns = []
    for event in events_between(events, period.first, period.last):
        if event.start is None or event.end is None:  # never: an event without dates touches no range
            continue
        title = one_line(event.title)
        campaigns.append(DigestCampaign(title, event.kind.value, range_label(event.start, event.end, locale)))
        if period.first <= event.start <= period.last:
            marks.setdefault(event.start, []).append(_("{campaign} starts").format(campaign=title))
        if period.first <= event.end <= period.last and event.end != event.start:
            marks.setdefault(event.end, []).append(_("{campaign} ends").format(campaign=title))
    every_day = period.days <= 7
    days = []
    for offset in range(period.days):
        date = period.first + dt.timedelta(days=offset)
        if every_day or by_day.get(date) or marks.get(date):
            days.append(DigestDay(date, day_label(date, locale), tuple(marks.get(date, ())), tuple(by_day.get(date, ()))))
    weeks = period.weeks()
    counted = list(shown if load_posts is None else load_posts)
    loads = [planned_vs_target(counted, channels, week) for week in weeks]
    load = tuple(
        LoadRow(one_line(channel.name), tuple((week_load[i].planned, week_load[i].target) for week_load in loads))
        for i, channel in enumerate(channels)
    )
    label = period.label(locale)
    title = f"{one_line(workspace)} · {label}" if one_line(workspace) else label
    return Digest(
        workspace=one_line(workspace),
        period=period,
        title=title,
        days=tuple(days),
        campaigns=tuple(campaigns),
        weeks=tuple(f"{week_word(locale)} {week.week}" for week in weeks),
        load=load,
        locale=locale,
    )


def _post(post: Post, names: Names, locale: str) -> DigestPost:
    return DigestPost(
        time=post.time.strftime("%H:%M") if post.time else "",
        channel=one_line(names.channel(post)),
        category=one_line(names.category(post)),
        colour=names.colour(post),
        status=post.status.value,
        status_label=post.status.label(locale),
        title=one_line(post.title) or one_line(post.caption)[:80],
    )

