"""Comparing key figures: per post, and averaged per category, channel, week, weekday and hour.

Every average is the mean of the per-post rates (as formats.md says courses teach it), over the
posts that have the rate; a post without reach or followers simply does not count for that rate.
Reuse candidates are the posts in the top quartile of engagement rate by reach (the third
quartile computed like a spreadsheet's QUARTILE.INC) that are older than a number of weeks.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass

from someplan.domain.channel import Channel, Network
from someplan.domain.figures import average, engagement_denominator, engagement_numerator, engagement_rate, reach_rate
from someplan.domain.post import Post
from someplan.domain.weeks import IsoWeek, weekday_name
from someplan.i18n import _, language


@dataclass(frozen=True)
class RatedPost:
    post: Post
    channel: str  # channel name
    category: str  # category name, "" without one
    reach_rate: float | None  # reach ÷ followers × 100
    engagement_rate: float | None  # engagements ÷ reach × 100
    numerator: str  # which counts made up the engagements, like "reactions+comments+shares"

    @property
    def day(self) -> dt.date:
        """The day it went out: rate_all rates dated posts only."""
        assert self.post.date is not None
        return self.post.date

    @property
    def week(self) -> IsoWeek:
        return IsoWeek.of(self.day)


@dataclass(frozen=True)
class GroupFigures:
    name: str
    posts: int
    reach_rate: float | None
    engagement_rate: float | None


def rate(post: Post, channel: Channel | None, category: str = "") -> RatedPost:
    """A post's rates; followers from the post, else the channel's count on the day."""
    network = channel.network if channel else Network.OTHER
    followers = post.followers or (channel.followers_on(post.date) if channel and post.date else None)
    return RatedPost(
        post, channel.name if channel else "", category, reach_rate(post, followers),
        engagement_rate(post, network) if channel else None, _label(post, network),
    )  # fmt: skip


def _label(post: Post, network: Network) -> str:
    """The numerator, and " / views" when the rate is by views rather than reach."""
    numerator = engagement_numerator(post, network)
    return f"{numerator} / views" if numerator and engagement_denominator(post, network) == "views" else numerator


def rate_all(posts: Iterable[Post], channels: Mapping[str, Channel], categories: Mapping[str, str]) -> list[RatedPost]:
    return [rate(p, channels.get(p.channel or ""), categories.get(p.category or "", "")) for p in posts if p.date]


# -- the groupings users compare by -------------------------------------------------------------

# Names are in the language spoken (weekdays, "(none)"); weeks are ISO ("2026-W47").
GROUPINGS: dict[str, Callable[[RatedPost], str]] = {
    "category": lambda r: r.category or _("(none)"),
    "channel": lambda r: r.channel or _("(none)"),
    "week": lambda r: f"{r.week.year}-W{r.week.week:02d}",
    "weekday": lambda r: f"{r.day.isoweekday()} {weekday_name(r.day, language())}",
    "hour": lambda r: f"{r.post.time.hour:02d}:00" if r.post.time else _("(no time)"),
    "format": lambda r: r.post.format.label() if r.post.format else _("(no format)"),
    "surface": lambda r: r.post.surface_or_owned.label(),
}


def averages_by(rated: Iterable[RatedPost], by: str) -> list[GroupFigures]:
    """Average rates per group, best engagement rate first (weeks and weekdays in their order)."""
    key = GROUPINGS[by]
    groups: dict[str, list[RatedPost]] = {}
    for item in rated:
        groups.setdefault(key(item), []).append(item)
    result = [_group(name, items) for name, items in groups.items()]
    if by in ("week", "weekday", "hour"):
        return sorted(result, key=lambda g: g.name)
    return sorted(result, key=lambda g: (g.engagement_rate is None, -(g.engagement_rate or 0), g.name))


def _group(name: str, items: list[RatedPost]) -> GroupFigures:
    return GroupFigures(name, len(items), average(i.reach_rate for i in items), average(i.engagement_rate for i in items))


def trend(rated: Iterable[RatedPost], weeks: list[IsoWeek], by: str) -> dict[str, list[GroupFigures]]:
    """Per group (category or channel), its average rates in each of `weeks` (oldest first)."""
    key = GROUPINGS[by]
    cells: dict[str, dict[IsoWeek, list[RatedPost]]] = {}
    for item in rated:
        cells.setdefault(key(item), {}).setdefault(item.week, []).append(item)
    return {
        name: [_group(f"{w.year}-W{w.week:02d}", by_week.get(w, [])) for w in weeks] for name, by_week in sorted(cells.items())
    }


def ranked(rated: Iterable[RatedPost]) -> list[RatedPost]:
    """Posts with an engagement rate, best first (ties: newer first)."""
    have = [r for r in rated if r.engagement_rate is not None]
    return sorted(have, key=lambda r: (-(r.engagement_rate or 0.0), -r.day.toordinal(), r.post.id))


def top_quartile_threshold(rated: Iterable[RatedPost]) -> float | None:
    """The third quartile of the engagement rates (QUARTILE.INC); None with fewer than 2 rates."""
    rates = [r.engagement_rate for r in rated if r.engagement_rate is not None]
    if len(rates) < 2:
        return rates[0] if rates else None
    from statistics import quantiles  # deferred: statistics brings fractions and random along

    return quantiles(rates, n=4, method="inclusive")[2]


def reuse_candidates(
    rated: list[RatedPost], today: dt.date, older_than_weeks: int = 8, reused: Iterable[str] = ()
) -> list[RatedPost]:
    """Top-quartile posts published more than `older_than_weeks` weeks ago, best first; posts
    whose ids are in `reused` (some post was made from them already) are left out."""
    threshold = top_quartile_threshold(rated)
    if threshold is None:
        return []
    cutoff = today - dt.timedelta(weeks=older_than_weeks)
    reused = set(reused)
    return [
        r for r in ranked(rated)
        if r.engagement_rate is not None and r.engagement_rate >= threshold and r.day < cutoff and r.post.id not in reused
    ]  # fmt: skip
