"""The week plan: what goes out on which day, and whether each channel gets enough."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, time

from someplan.domain.channel import Channel
from someplan.domain.post import Post
from someplan.domain.weeks import IsoWeek


@dataclass(frozen=True)
class DayPlan:
    date: date
    posts: tuple[Post, ...]


@dataclass(frozen=True)
class WeekPlan:
    week: IsoWeek
    days: tuple[DayPlan, ...]  # always seven, Monday first, empty days included

    @property
    def posts(self) -> tuple[Post, ...]:
        return tuple(post for day in self.days for post in day.posts)


def day_order(post: Post) -> tuple[object, ...]:
    """Timed posts by time, then untimed ones ("some time that day"), each by title."""
    return (post.time is None, post.time or time.min, post.title.casefold(), post.id)


def week_plan(posts: Iterable[Post], week: IsoWeek) -> WeekPlan:
    by_day: dict[date, list[Post]] = {day: [] for day in week.dates()}
    for post in posts:
        if post.date in by_day:
            by_day[post.date].append(post)
    days = tuple(DayPlan(day, tuple(sorted(found, key=day_order))) for day, found in by_day.items())
    return WeekPlan(week, days)


@dataclass(frozen=True)
class ChannelLoad:
    channel: Channel
    planned: int

    @property
    def target(self) -> int:
        return self.channel.target_per_week

    @property
    def missing(self) -> int:
        return max(self.target - self.planned, 0)


def planned_vs_target(posts: Iterable[Post], channels: Iterable[Channel], week: IsoWeek) -> tuple[ChannelLoad, ...]:
    """Posts in the week per channel, every status counted (an idea on a day holds that slot).

    One entry per channel in `channels`, in that order; posts on other channels are not counted.
    """
    counts: dict[str | None, int] = {}
    for post in posts:
        if post.date is not None and post.date in week:
            counts[post.channel] = counts.get(post.channel, 0) + 1
    return tuple(ChannelLoad(channel, counts.get(channel.id, 0)) for channel in channels)
