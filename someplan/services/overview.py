"""What the planner's side panes show: rotation and key figures over weeks (the asset folder: services.assets)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from someplan.domain.figures import average, post_rates
from someplan.domain.plan import planned_vs_target
from someplan.domain.post import Post, Status
from someplan.domain.rotation import Rotation, board_from_dates, coverage
from someplan.domain.weeks import IsoWeek
from someplan.services.catalog import Catalog

# -- rotation ----------------------------------------------------------------------------------


COVERAGE_WEEKS = 12


@dataclass(frozen=True)
class RotationRow:
    rotation: Rotation
    backlog: int  # drafts and ready posts not yet published
    coverage: tuple[int, ...] = ()  # posts in each of the last COVERAGE_WEEKS weeks, this week last


def rotation_rows(catalog: Catalog, today: dt.date) -> list[RotationRow]:
    """Every category in the user's rotation order, with its state, backlog and coverage."""
    backlog = catalog.pending_by_category()
    board = {r.category.id: r for r in board_from_dates(catalog.categories(), catalog.last_post_dates(), today)}
    this_week = IsoWeek.of(today)
    first = (this_week - (COVERAGE_WEEKS - 1)).monday
    strips = coverage(catalog.posts_between(first, this_week.sunday), this_week, COVERAGE_WEEKS)
    empty = (0,) * COVERAGE_WEEKS
    return [
        RotationRow(board[c.id], backlog.get(c.id, 0), strips.get(c.id, empty)) for c in catalog.rotation()
    ]


# -- key figures -------------------------------------------------------------------------------


@dataclass(frozen=True)
class WeekFigures:
    week: IsoWeek
    posts: int
    reach_rate: float | None
    engagement_rate: float | None


@dataclass(frozen=True)
class WeekLoad:
    """A coming week's posts (every status: an idea on a day holds its slot) against the sum of
    the channels' weekly targets (0: no channel has a target)."""

    week: IsoWeek
    planned: int
    target: int


@dataclass(frozen=True)
class FiguresSummary:
    weeks: tuple[WeekFigures, ...]  # oldest first
    best_category: str | None
    best_category_rate: float | None
    top_posts: tuple[tuple[Post, float], ...]  # by engagement rate by reach
    # Over all the weeks' posts: the mean of the per-post rates (formats.md), not of the weeks'
    # means, which weighed a week of two posts like a week of ten.
    reach_rate: float | None = None
    engagement_rate: float | None = None
    coming: tuple[WeekLoad, ...] = ()  # from the last week on


COMING_WEEKS = 4


def coming_load(catalog: Catalog, first: IsoWeek, count: int = COMING_WEEKS) -> tuple[WeekLoad, ...]:
    """Planned vs target of `count` weeks from `first`."""
    channels = catalog.channels()
    last = first + (count - 1)
    posts = catalog.posts_between(first.monday, last.sunday)
    loads = []
    for index in range(count):
        week = first + index
        per_channel = planned_vs_target(posts, channels, week)
        loads.append(WeekLoad(week, sum(load.planned for load in per_channel), sum(load.target for load in per_channel)))
    return tuple(loads)


def figures_summary(catalog: Catalog, last_week: IsoWeek, count: int = 8, coming: int = 0) -> FiguresSummary:
    """The `count` weeks up to `last_week`, and planned vs target of `coming` weeks from it."""
    first = last_week - (count - 1)
    posts = [p for p in catalog.posts_between(first.monday, last_week.sunday) if p.status is Status.PUBLISHED]
    channels = {c.id: c for c in catalog.channels()}
    categories = catalog.category_names()
    rates = {post.id: post_rates(post, channels) for post in posts}
    weeks = []
    for index in range(count):
        week = first + index
        in_week = [p for p in posts if p.date in week]
        weeks.append(WeekFigures(week, len(in_week), average(rates[p.id][0] for p in in_week),
                                 average(rates[p.id][1] for p in in_week)))  # fmt: skip
    by_category: dict[str, list[float | None]] = {}
    for post in posts:
        if post.category in categories:
            by_category.setdefault(categories[post.category], []).append(rates[post.id][1])
    averaged = {name: value for name, values in by_category.items() if (value := average(values)) is not None}
    best = max(averaged, key=lambda name: averaged[name], default=None)
    ranked = sorted(((p, rate) for p in posts if (rate := rates[p.id][1]) is not None), key=lambda pr: -pr[1])
    return FiguresSummary(
        tuple(weeks), best, averaged.get(best) if best else None, tuple(ranked[:5]),
        reach_rate=average(rates[p.id][0] for p in posts), engagement_rate=average(rates[p.id][1] for p in posts),
        coming=coming_load(catalog, last_week, coming) if coming else (),
    )  # fmt: skip
