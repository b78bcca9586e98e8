"""Key figures over a period, for `someplan figures` and the planner's figures view.

The period is the last `weeks` ISO weeks up to and including the week of `today`; only
published posts count. Rates and averages are computed in `domain.figures_stats`.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass

from someplan import rounding
from someplan.domain.channel import Channel
from someplan.domain.figures_stats import (
    GroupFigures,
    RatedPost,
    averages_by,
    ranked,
    rate_all,
    reuse_candidates,
    top_quartile_threshold,
    trend,
)  # fmt: skip
from someplan.domain.weeks import IsoWeek
from someplan.i18n import N_, _
from someplan.services.catalog import POSTS, Catalog

DEFAULT_WEEKS = 8
REUSE_AFTER_WEEKS = 8


@dataclass(frozen=True)
class PageWeek:
    """A channel's page-level figures in one ISO week, from its daily exports (None: not known)."""

    channel: str  # channel name
    week: IsoWeek
    reach: int | None  # the sum of the daily page reach (people reached per day, summed)
    new_follows: int | None


@dataclass(frozen=True)
class FiguresReport:
    weeks: tuple[IsoWeek, ...]  # oldest first
    rated: tuple[RatedPost, ...]  # published posts of the period
    numerators: tuple[str, ...]  # "facebook: reactions+comments+shares+clicks", per network seen
    reuse: tuple[RatedPost, ...]  # over all published posts, not only the period
    quartile: float | None  # the engagement rate a reuse candidate reaches
    page: tuple[PageWeek, ...] = ()  # per channel with daily exports, per week of the period

    @property
    def first(self) -> dt.date:
        return self.weeks[0].monday

    @property
    def last(self) -> dt.date:
        return self.weeks[-1].sunday

    def by(self, grouping: str) -> list[GroupFigures]:
        return averages_by(self.rated, grouping)

    def trend(self, grouping: str) -> dict[str, list[GroupFigures]]:
        return trend(self.rated, list(self.weeks), grouping)

    def overall(self) -> GroupFigures:
        from someplan.domain.figures import average

        return GroupFigures("all", len(self.rated), average(r.reach_rate for r in self.rated),
                            average(r.engagement_rate for r in self.rated))  # fmt: skip

    def ranked(self) -> list[RatedPost]:
        return ranked(self.rated)


def figures_report(catalog: Catalog, today: dt.date, weeks: int = DEFAULT_WEEKS,
                   reuse_after_weeks: int = REUSE_AFTER_WEEKS) -> FiguresReport:  # fmt: skip
    """The report, made once per workspace version for a period: the planner's figures view
    and its key-figures pane ask again on every open and redraw."""
    key = f"figures_report {today.isoformat()} {weeks} {reuse_after_weeks}"
    return catalog._derived(key, lambda: _report(catalog, today, weeks, reuse_after_weeks))


def _report(catalog: Catalog, today: dt.date, weeks: int, reuse_after_weeks: int) -> FiguresReport:
    last = IsoWeek.of(today)
    period = tuple(last - (weeks - 1 - i) for i in range(weeks))
    channels = {c.id: c for c in catalog.channels()}
    categories = catalog.category_names()
    published = [p for p in catalog.published_posts() if p.date]
    everything = rate_all(published, channels, categories)
    rated = tuple(r for r in everything if period[0].monday <= r.day <= period[-1].sunday)
    numerators = sorted({f"{channels[r.post.channel].network.value}: {r.numerator}"
                         for r in rated if r.numerator and r.post.channel in channels})  # fmt: skip
    reused = {doc["reused_from"] for doc in catalog.workspace.view(POSTS).values() if doc.get("reused_from")}
    reuse = reuse_candidates(everything, today, reuse_after_weeks, reused)
    return FiguresReport(period, rated, tuple(numerators), tuple(reuse), top_quartile_threshold(everything),
                         page_weeks(channels.values(), period))  # fmt: skip


def page_weeks(channels: Iterable[Channel], period: tuple[IsoWeek, ...]) -> tuple[PageWeek, ...]:
    found = []
    for channel in sorted(channels, key=lambda c: c.name.casefold()):
        if not channel.daily_reach and not channel.daily_follows:
            continue
        for week in period:
            days = [week.monday + dt.timedelta(days=i) for i in range(7)]
            reach = [channel.daily_reach[d] for d in days if d in channel.daily_reach]
            follows = [channel.daily_follows[d] for d in days if d in channel.daily_follows]
            found.append(PageWeek(channel.name, week, sum(reach) if reach else None, sum(follows) if follows else None))
    return tuple(found)


def rounded(value: float | None, places: int = 2) -> float | None:
    return rounding.rounded(value, places)


COUNTS = {"reactions": N_("reactions"), "comments": N_("comments"), "shares": N_("shares"), "clicks": N_("clicks"),
          "likes": N_("likes"), "saves": N_("saves"), "views": N_("views")}  # fmt: skip


def numerator_text(numerator: str) -> str:
    """ "facebook: reactions+comments" with the counts named in the language spoken."""
    network, _colon, counts = numerator.rpartition(": ")
    counts, by_views, _views = counts.partition(" / views")
    named = "+".join(_(COUNTS[count]) if count in COUNTS else count for count in counts.split("+"))
    if by_views:
        named = _("{counts} per view (no reach in the export)").format(counts=named)
    return f"{network}: {named}" if network else named
