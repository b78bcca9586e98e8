"""Ambition against hours: what the plan of a week takes to make, against the hours there are.

A post takes the minutes of its format (a reel 120, an image 30; the workspace may change any),
or of its category when the category says more (an employee portrait 45, whatever its format):
the larger of the two, because a portrait made as a reel is still a reel to cut. A post with
neither takes `UNKNOWN_MINUTES`. Every dated post of the week counts, published ones too: the
work was needed in that week. The hours there are: the hours a week each person in the people
registry has for content.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from enum import StrEnum

from someplan.domain.category import Category
from someplan.domain.post import Post, PostFormat
from someplan.domain.weeks import IsoWeek
from someplan.i18n import _, language

DEFAULT_FORMAT_MINUTES: Mapping[PostFormat, int] = {
    PostFormat.IMAGE: 30,
    PostFormat.CAROUSEL: 60,
    PostFormat.VIDEO: 90,
    PostFormat.REEL: 120,
    PostFormat.STORY: 15,
    PostFormat.TEXT: 20,
    PostFormat.LINK: 15,
}
UNKNOWN_MINUTES = 30  # a post whose format and category say nothing: about an image post
TIGHT_SHARE = 0.9  # from here on a week is "tight": warn before it is overbooked
# A batch session shares what each post made one by one needs on its own: booking the person,
# setting up light and camera, tidying away.
SETUP_MINUTES = 20


class Load(StrEnum):
    UNKNOWN = "unknown"  # nobody has hours recorded
    OK = "ok"
    TIGHT = "tight"
    OVER = "over"


@dataclass(frozen=True)
class Minutes:
    """How long posts take: per format (defaults with the workspace's changes) and per category id."""

    by_format: Mapping[PostFormat, int]
    by_category: Mapping[str, int]

    @classmethod
    def of(cls, format_minutes: Mapping[str, int], categories: Iterable[Category]) -> Minutes:
        """From the workspace's `format_minutes` ("reel" → 120; unknown formats ignored) and the categories."""
        by_format = dict(DEFAULT_FORMAT_MINUTES)
        for name, minutes in format_minutes.items():
            if name in PostFormat.__members__.values():
                by_format[PostFormat(name)] = minutes
        return cls(by_format, {c.id: c.minutes for c in categories if c.minutes is not None})

    def of_post(self, post: Post) -> int:
        return self.of_kind(post.format, post.category)

    def of_kind(self, format: PostFormat | None, category: str | None) -> int:
        """A post's minutes from the two fields they depend on."""
        known = [
            minutes
            for minutes in (
                self.by_format.get(format) if format else None,
                self.by_category.get(category) if category else None,
            )
            if minutes is not None
        ]
        return max(known) if known else UNKNOWN_MINUTES


@dataclass(frozen=True)
class Capacity:
    """One week: the minutes its posts need and the minutes the people have (None: none recorded)."""

    week: IsoWeek
    posts: int
    needed: int
    available: int | None

    @property
    def load(self) -> Load:
        if not self.available:
            return Load.UNKNOWN if self.available is None else (Load.OVER if self.needed else Load.OK)
        if self.needed > self.available:
            return Load.OVER
        return Load.TIGHT if self.needed >= TIGHT_SHARE * self.available else Load.OK

    @property
    def share(self) -> float | None:
        """Needed ÷ available (1.0 is full); None without hours."""
        return self.needed / self.available if self.available else None

    def with_posts(self, posts: Iterable[Post], minutes: Minutes) -> Capacity:
        """This week with `posts` added (a fill's or a batch's proposals in the week)."""
        extra = [minutes.of_post(p) for p in posts if p.date is not None and p.date in self.week]
        return Capacity(self.week, self.posts + len(extra), self.needed + sum(extra), self.available)


def available_minutes(hours: Iterable[float | None]) -> int | None:
    """The minutes a week the people with these `hours` have for content; None when nobody has hours recorded."""
    known = [h for h in hours if h is not None]
    return round(sum(known) * 60) if known else None


def week_capacity(posts: Iterable[Post], week: IsoWeek, minutes: Minutes, available: int | None) -> Capacity:
    """The week's need from the dated posts in it (any others in `posts` are ignored)."""
    needs = [minutes.of_post(p) for p in posts if p.date is not None and p.date in week]
    return Capacity(week, len(needs), sum(needs), available)


def weeks_capacity(
    posts: Iterable[Post], weeks: Iterable[IsoWeek], minutes: Minutes, available: int | None
) -> dict[IsoWeek, Capacity]:
    """`week_capacity` for many weeks (the year wheel), reading `posts` once."""
    return sized_weeks_capacity(((p.date, p.format, p.category) for p in posts), weeks, minutes, available)


def sized_weeks_capacity(
    posts: Iterable[tuple[dt.date | None, PostFormat | None, str | None]],
    weeks: Iterable[IsoWeek],
    minutes: Minutes,
    available: int | None,
) -> dict[IsoWeek, Capacity]:
    """`weeks_capacity` from each post's date, format and category: all a post's minutes depend
    on (the year wheel reads a year of them from the stored fields, without making posts)."""
    wanted = list(weeks)
    needs: dict[IsoWeek, list[int]] = {week: [] for week in wanted}
    for day, format, category in posts:
        if day is not None and (week := IsoWeek.of(day)) in needs:
            needs[week].append(minutes.of_kind(format, category))
    return {week: Capacity(week, len(needs[week]), sum(needs[week]), available) for week in wanted}


@dataclass(frozen=True)
class BatchSaving:
    """A batch session's posts made in one sitting against the same posts made one by one."""

    posts: int
    one_by_one: int  # minutes
    in_batch: int

    @property
    def saved(self) -> int:
        return self.one_by_one - self.in_batch


def batch_saving(post_minutes: Iterable[int]) -> BatchSaving:
    """Each post made alone needs its setup (`SETUP_MINUTES`, inside its minutes); a batch sets up
    once. A post shorter than the setup is taken to be all setup, so nothing goes negative."""
    each = list(post_minutes)
    if not each:
        return BatchSaving(0, 0, 0)
    one_by_one = sum(each)
    setups = sum(min(SETUP_MINUTES, m) for m in each)
    in_batch = one_by_one - setups + max(min(SETUP_MINUTES, m) for m in each)
    return BatchSaving(len(each), one_by_one, in_batch)


def hours_number(minutes: int) -> str:
    """ "1.5" / "1,5", "12": hours to one decimal, with the decimal sign of the language spoken."""
    number = f"{minutes / 60:.1f}".removesuffix(".0")
    return number.replace(".", ",") if language() == "nb" else number


def hours_label(minutes: int) -> str:
    """ "1.5 h" / "1,5 t"."""
    return _("{hours} h").format(hours=hours_number(minutes))


def capacity_label(capacity: Capacity) -> str:
    """ "12 / 15 h": needed against available; "12 h" when nobody has hours recorded."""
    if capacity.available is None:
        return hours_label(capacity.needed)
    return _("{needed} / {available} h").format(needed=hours_number(capacity.needed), available=hours_number(capacity.available))


# Not ⚠: the planner's header keeps that for the workspace's problems.
LOAD_MARKS = {Load.UNKNOWN: "", Load.OK: "✓", Load.TIGHT: "◐", Load.OVER: "✗"}
