"""Goals: a business goal in the user's words ("færre telefoner til sentralbordet"), broken down
into measurable targets over a period, and where each target stands.

A goal is one record of the workspace's `goals` table. Each target is a field of its own
(`target.<id>`, a small object), and each count recorded by hand another (`count.<id>.<date>`),
so two colleagues who change different targets, or record counts on different days, never
overwrite each other: the workspace merges field by field.

Where a target stands (`standing`) is computed from the published posts of the goal's period
and, for new followers, the channels' page-level daily exports. The decisions:

- Only **whole ISO weeks** before today count (the week under way is always short, and its
  posts' lifetime figures are still growing). A goal's first week is the first whole week of its
  period (a goal from Thursday 1 October counts from Monday 5 October: three days are no week of
  posting); its last is the week of its end.
- **Now**: for reach and engagement rate the mean of the per-post rates over the last
  `NOW_WEEKS` whole weeks (as the figures everywhere else are means of per-post rates); for posts
  per week the mean count over those weeks; for a share of the mix the share over the period so
  far; for new followers the sum since the start; for a count by hand the latest one recorded.
- **Trend**: the slope of a least-squares line through the weekly values (weeks without a value
  left out): up, down or flat (a change of less than `FLAT_SHARE` of the level over the period).
- **At this pace**: the line carried to the period's last week for the levels (rates, posts per
  week, counts), at least `MIN_WEEKS` weekly values needed; the share so far for a share; the sum
  so far scaled to the whole period for new followers. A finished period is judged on where it
  ended: reached or missed.
- **Moved it most**: for the rate targets, the posts of the period whose own rate lies furthest
  on the good side of the target (at most `MOVERS`); the figures view marks them.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from enum import StrEnum
from math import fsum, isfinite
from typing import Any

from someplan.domain.channel import Channel
from someplan.domain.doc_fields import DocReader, date_text, parse_date
from someplan.domain.figures_stats import RatedPost
from someplan.domain.post import FunnelStage
from someplan.domain.weeks import IsoWeek

NOW_WEEKS = 4
MIN_WEEKS = 3
FLAT_SHARE = 0.02
MOVERS = 3
TARGET_PREFIX = "target."
COUNT_PREFIX = "count."


class TargetKind(StrEnum):
    REACH_RATE = "reach_rate"  # per cent of followers
    ENGAGEMENT_RATE = "engagement_rate"  # per cent of reach
    POSTS_PER_WEEK = "posts_per_week"  # published, on a channel (or all)
    NEW_FOLLOWERS = "new_followers"  # over the whole period, from page-level imports
    SHARE = "share"  # per cent of the period's published posts in a category or funnel stage
    COUNT = "count"  # recorded by hand: calls to the switchboard a week, tables booked …


RATE_KINDS = (TargetKind.REACH_RATE, TargetKind.ENGAGEMENT_RATE)
PERCENT_KINDS = (TargetKind.REACH_RATE, TargetKind.ENGAGEMENT_RATE, TargetKind.SHARE)


class Direction(StrEnum):
    AT_LEAST = "at_least"
    AT_MOST = "at_most"


class Pace(StrEnum):
    NOT_STARTED = "not_started"  # no whole week of the period yet
    UNKNOWN = "unknown"  # too little to go on (see Standing.note)
    ON_TRACK = "on_track"  # reached at this pace
    BEHIND = "behind"  # not reached at this pace
    REACHED = "reached"  # the period is over and the target was met
    MISSED = "missed"  # the period is over and it was not


class Trend(StrEnum):
    UP = "up"
    DOWN = "down"
    FLAT = "flat"
    UNKNOWN = "unknown"


@dataclass(frozen=True)
class Target:
    id: str
    kind: TargetKind
    value: float
    direction: Direction = Direction.AT_LEAST
    channel: str | None = None  # channel id: only its posts (its page, for new followers)
    category: str | None = None  # category id: only its posts; for SHARE, the category whose share counts
    funnel: FunnelStage | None = None  # for SHARE: the funnel stage whose share counts
    label: str = ""  # the user's words for a count by hand ("telefoner til sentralbordet")
    recorded: Mapping[dt.date, float] = field(default_factory=dict)  # COUNT: the counts by day

    def meets(self, value: float) -> bool:
        return value >= self.value if self.direction is Direction.AT_LEAST else value <= self.value

    def to_doc(self) -> dict[str, Any]:
        doc: dict[str, Any] = {"kind": self.kind.value, "value": self.value, "direction": self.direction.value}
        for name, value in (("channel", self.channel), ("category", self.category),
                            ("funnel", self.funnel.value if self.funnel else None), ("label", self.label)):  # fmt: skip
            if value:
                doc[name] = value
        return doc

    @classmethod
    def from_doc(cls, doc: object, id: str) -> Target | None:
        """None when the stored object is not a target this version can read (left as it is)."""
        reader = DocReader(doc)
        kind = reader.optional_choice("kind", TargetKind)
        value = reader.value("value", _number, None)
        if kind is None or value is None:
            return None
        return cls(id, kind, value, reader.choice("direction", Direction, Direction.AT_LEAST),
                   reader.optional_text("channel"), reader.optional_text("category"),
                   reader.optional_choice("funnel", FunnelStage), reader.text("label"))  # fmt: skip


@dataclass(frozen=True)
class Goal:
    """`start` and `end` are inclusive; a goal without both is kept but has no standing."""

    id: str
    title: str = ""  # the goal in the user's words
    start: dt.date | None = None
    end: dt.date | None = None
    notes: str = ""
    targets: tuple[Target, ...] = ()

    @classmethod
    def from_doc(cls, doc: object, id: str) -> Goal:
        return cls.read(DocReader(doc), id)

    @classmethod
    def read(cls, doc: DocReader, id: str) -> Goal:
        keys = sorted(doc.keys())
        counts: dict[str, dict[dt.date, float]] = {}
        for key in keys:
            if key.startswith(COUNT_PREFIX):
                target_id, _dot, day_text = key[len(COUNT_PREFIX) :].rpartition(".")
                day, number = parse_date(day_text), _number(doc.raw(key))
                if target_id and day is not None and number is not None:
                    counts.setdefault(target_id, {})[day] = number
        targets = []
        for key in keys:
            value = doc.raw(key)
            if key.startswith(TARGET_PREFIX) and value is not None:
                target_id = key[len(TARGET_PREFIX) :]
                target = Target.from_doc(value, target_id)
                if target is not None:
                    targets.append(_with_counts(target, counts.get(target_id, {})))
        start, end = doc.date("start"), doc.date("end")
        if start and end and end < start:
            start, end = end, start
        return cls(id, doc.text("title"), start, end, doc.text("notes"), tuple(targets))

    def to_doc(self) -> dict[str, Any]:
        doc: dict[str, Any] = {"title": self.title, "start": date_text(self.start), "end": date_text(self.end),
                               "notes": self.notes}  # fmt: skip
        for target in self.targets:
            doc[TARGET_PREFIX + target.id] = target.to_doc()
            for day, count in target.recorded.items():
                doc[f"{COUNT_PREFIX}{target.id}.{day.isoformat()}"] = count
        return doc


def _with_counts(target: Target, counts: Mapping[dt.date, float]) -> Target:
    if not counts:
        return target
    return Target(target.id, target.kind, target.value, target.direction, target.channel, target.category,
                  target.funnel, target.label, dict(sorted(counts.items())))  # fmt: skip


def _number(value: object) -> float | None:
    if isinstance(value, bool) or not isinstance(value, int | float):
        return None
    number = float(value)
    return number if isfinite(number) else None


# -- where a target stands ----------------------------------------------------------------------


@dataclass(frozen=True)
class Standing:
    now: float | None
    projected: float | None  # the value at the period's end at this pace
    weekly: tuple[float | None, ...]  # per whole week of the period so far, oldest first
    trend: Trend
    pace: Pace
    note: str = ""  # why the pace is unknown: "no_page_figures", "too_few_weeks", "no_posts", "no_period"
    movers: tuple[str, ...] = ()  # ids of the posts that moved the target most


def first_week(start: dt.date) -> IsoWeek:
    """The period's first whole week: the start's, when it starts on a Monday, else the next."""
    week = IsoWeek.of(start)
    return week if start == week.monday else week + 1


def whole_weeks(start: dt.date, end: dt.date, today: dt.date) -> list[IsoWeek]:
    """The ISO weeks of the period (its first whole week to the end's week) that ended before today."""
    weeks, week, last = [], first_week(start), IsoWeek.of(end)
    while week <= last and week.sunday < today:
        weeks.append(week)
        week += 1
    return weeks


def period_weeks(start: dt.date, end: dt.date) -> int:
    return max(IsoWeek.of(end) - first_week(start) + 1, 1)


def line_fit(points: Sequence[tuple[float, float]]) -> tuple[float, float] | None:
    """(intercept, slope) of the least-squares line through `points`; None with fewer than two
    distinct x."""
    if len({x for x, _y in points}) < 2:
        return None
    n = len(points)
    mean_x = fsum(x for x, _y in points) / n
    mean_y = fsum(y for _x, y in points) / n
    sxx = fsum((x - mean_x) ** 2 for x, _y in points)
    sxy = fsum((x - mean_x) * (y - mean_y) for x, y in points)
    slope = sxy / sxx
    return mean_y - slope * mean_x, slope


def trend_of(weekly: Sequence[float | None]) -> Trend:
    points = [(float(i), v) for i, v in enumerate(weekly) if v is not None]
    fit = line_fit(points)
    if fit is None:
        return Trend.UNKNOWN
    _intercept, slope = fit
    level = max(abs(fsum(v for _x, v in points) / len(points)), 1e-9)
    change = slope * (points[-1][0] - points[0][0])
    if abs(change) < FLAT_SHARE * level:
        return Trend.FLAT
    return Trend.UP if slope > 0 else Trend.DOWN


def project_level(weekly: Sequence[float | None], at: int, minimum: int = MIN_WEEKS) -> float | None:
    """The line through the weekly values carried to week index `at`; never below 0 (no rate or
    count is negative). None with fewer than `minimum` values."""
    points = [(float(i), v) for i, v in enumerate(weekly) if v is not None]
    if len(points) < minimum:
        return None
    fit = line_fit(points)
    if fit is None:
        return None
    intercept, slope = fit
    return max(intercept + slope * at, 0.0)


def judge(target: Target, projected: float | None, final: float | None, ended: bool) -> Pace:
    """The verdict: at the end of the period on `final`, before it on `projected`."""
    if ended:
        if final is None:
            return Pace.UNKNOWN
        return Pace.REACHED if target.meets(final) else Pace.MISSED
    if projected is None:
        return Pace.UNKNOWN
    return Pace.ON_TRACK if target.meets(projected) else Pace.BEHIND


def _mean(values: Iterable[float | None]) -> float | None:
    present = [v for v in values if v is not None]
    return fsum(present) / len(present) if present else None


def _matches(target: Target, rated: RatedPost) -> bool:
    post = rated.post
    if target.channel is not None and post.channel != target.channel:
        return False
    return not (target.category is not None and target.kind is not TargetKind.SHARE and post.category != target.category)


def _in_share(target: Target, rated: RatedPost) -> bool:
    if target.funnel is not None:
        return rated.post.funnel is target.funnel
    return target.category is not None and rated.post.category == target.category


def _rate(target: Target, rated: RatedPost) -> float | None:
    return rated.reach_rate if target.kind is TargetKind.REACH_RATE else rated.engagement_rate


def standing(goal: Goal, target: Target, rated: Iterable[RatedPost], channels: Mapping[str, Channel], today: dt.date) -> Standing:
    """Where `target` of `goal` stands on `today`; `rated`: the published posts, rated (any
    superset of the goal's period; `figures_stats.rate_all`). The rules are in the module's
    docstring."""
    if goal.start is None or goal.end is None:
        return Standing(None, None, (), Trend.UNKNOWN, Pace.UNKNOWN, "no_period")
    weeks = whole_weeks(goal.start, goal.end, today)
    if not weeks:
        return Standing(None, None, (), Trend.UNKNOWN, Pace.NOT_STARTED)
    ended = today > goal.end and IsoWeek.of(goal.end).sunday < today
    first, last = weeks[0].monday, weeks[-1].sunday
    at_end = period_weeks(goal.start, goal.end) - 1
    posts = [r for r in rated if first <= r.day <= last and _matches(target, r)]
    by_week: dict[IsoWeek, list[RatedPost]] = {}
    for item in posts:
        by_week.setdefault(item.week, []).append(item)
    recent = weeks[-NOW_WEEKS:]
    kind = target.kind
    movers: tuple[str, ...] = ()
    note = ""
    if kind in RATE_KINDS:
        weekly = tuple(_mean(_rate(target, r) for r in by_week.get(w, [])) for w in weeks)
        now = _mean(_rate(target, r) for w in recent for r in by_week.get(w, []))
        projected = project_level(weekly, at_end)
        movers = _movers(target, posts)
    elif kind is TargetKind.POSTS_PER_WEEK:
        weekly = tuple(float(len(by_week.get(w, []))) for w in weeks)
        now = _mean(weekly[-NOW_WEEKS:])
        projected = project_level(weekly, at_end)
    elif kind is TargetKind.SHARE:
        weekly = tuple(_share(target, by_week.get(w, [])) for w in weeks)
        now = _share(target, posts)
        projected = now
    elif kind is TargetKind.NEW_FOLLOWERS:
        weekly, now, projected, note = _follows(target, channels, weeks, goal)
    else:
        weekly = tuple(_latest(target.recorded, w.monday, w.sunday) for w in weeks)
        recorded = [v for d, v in sorted(target.recorded.items()) if d <= last]
        now = recorded[-1] if recorded else None
        projected = project_level(weekly, at_end)
    if not note and projected is None and not ended:
        note = "no_posts" if kind is TargetKind.SHARE else "too_few_weeks"
    final = now
    if ended and kind not in (TargetKind.SHARE, TargetKind.NEW_FOLLOWERS):
        final = _mean(weekly[-NOW_WEEKS:])  # where the period ended, not a line carried past it
    return Standing(now, projected, weekly, trend_of(weekly), judge(target, projected, final, ended), note, movers)


def _share(target: Target, posts: Sequence[RatedPost]) -> float | None:
    if not posts:
        return None
    return sum(1 for r in posts if _in_share(target, r)) / len(posts) * 100


def _latest(recorded: Mapping[dt.date, float], first: dt.date, last: dt.date) -> float | None:
    days = [d for d in recorded if first <= d <= last]
    return recorded[max(days)] if days else None


def _follows(
    target: Target, channels: Mapping[str, Channel], weeks: Sequence[IsoWeek], goal: Goal
) -> tuple[tuple[float | None, ...], float | None, float | None, str]:
    assert goal.start is not None and goal.end is not None
    chosen = [c for c in channels.values() if target.channel in (None, c.id) and c.daily_follows]
    if not chosen:
        return tuple(None for _w in weeks), None, None, "no_page_figures"
    start = goal.start
    weekly: list[float | None] = []
    for week in weeks:
        counts = [c.daily_follows[d] for c in chosen for d in week.dates() if d in c.daily_follows]
        weekly.append(float(sum(counts)) if counts else None)
    last = min(weeks[-1].sunday, goal.end)
    # A total over the period: its first days count, whole week or not.
    known = [(d, c.daily_follows[d]) for c in chosen for d in c.daily_follows if start <= d <= last]
    if not known:
        return tuple(weekly), None, None, "no_page_figures"
    now = float(sum(count for _d, count in known))
    known_days = [d for d, _count in known]
    elapsed = (max(known_days) - start).days + 1
    whole = (goal.end - start).days + 1
    return tuple(weekly), now, now / elapsed * whole, ""


def _movers(target: Target, posts: Sequence[RatedPost]) -> tuple[str, ...]:
    sign = 1.0 if target.direction is Direction.AT_LEAST else -1.0
    scored = [(sign * (rate - target.value), r) for r in posts if (rate := _rate(target, r)) is not None]
    best = sorted((item for item in scored if item[0] > 0), key=lambda item: (-item[0], item[1].post.id))
    return tuple(r.post.id for _score, r in best[:MOVERS])
