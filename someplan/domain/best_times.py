"""Best times, learned: per channel and weekday, the hour whose posts reached and engaged most.

The decisions (what the figures view and fill say when they use it):

- Learned from published posts with a time and at least one of the two rates, of the last
  `LEARN_WEEKS` weeks (a season's habits shift; older posts say less about today's audience).
- **Enough posts**: a channel needs `MIN_CHANNEL_POSTS` such posts before anything is said about
  it, and an hour on a weekday `MIN_SLOT_POSTS` of them before it can be that weekday's best;
  below that the channel reports how many it has and how many it needs, and nothing is used.
  Twenty posts is roughly a quarter at a post or two a week, the least that smooths out one
  lucky post; three per hour keeps one viral post from naming the hour by itself.
- **Most reached and engaged**: each post's reach rate and engagement rate are divided by the
  channel's mean of that rate (so the two count alike whatever their scale), and averaged; an
  hour's score is the mean of its posts' scores, 1.0 being the channel's average. Ties: the
  earlier hour.
- **The time**: the hour's most common time of posting (ties: the earliest), so a channel whose
  posts go out at 09:30 is proposed 09:30, not 09:00.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from math import fsum
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # the status's next proposal reads best times without the figures' machinery
    from someplan.domain.figures_stats import RatedPost

LEARN_WEEKS = 52
MIN_CHANNEL_POSTS = 20
MIN_SLOT_POSTS = 3


@dataclass(frozen=True)
class BestTime:
    weekday: int  # 0 = Monday
    hour: int
    time: dt.time  # the hour's most common time of posting
    posts: int
    score: float  # mean of the posts' rates relative to the channel's means; 1.0 = average
    reach_rate: float | None
    engagement_rate: float | None


@dataclass(frozen=True)
class ChannelTimes:
    channel: str  # channel id
    posts: int  # posts it was learned from
    best: Mapping[int, BestTime]  # weekday → its best hour; empty when there are too few posts

    @property
    def enough(self) -> bool:
        return self.posts >= MIN_CHANNEL_POSTS

    def time_for(self, weekday: int) -> BestTime | None:
        return self.best.get(weekday) if self.enough else None


def _mean(values: Iterable[float]) -> float | None:
    present = list(values)
    return fsum(present) / len(present) if present else None


def learn(rated: Iterable[RatedPost], today: dt.date, weeks: int = LEARN_WEEKS) -> dict[str, ChannelTimes]:
    """Per channel id, its best hours by weekday (the rules are in the module's docstring)."""
    first = today - dt.timedelta(weeks=weeks)
    by_channel: dict[str, list[RatedPost]] = {}
    for item in rated:
        post = item.post
        if post.channel and post.time is not None and first <= item.day <= today:
            if item.reach_rate is not None or item.engagement_rate is not None:
                by_channel.setdefault(post.channel, []).append(item)
    return {channel: _channel(channel, items) for channel, items in sorted(by_channel.items())}


def _channel(channel: str, items: list[RatedPost]) -> ChannelTimes:
    if len(items) < MIN_CHANNEL_POSTS:
        return ChannelTimes(channel, len(items), {})
    reach_mean = _mean(r.reach_rate for r in items if r.reach_rate is not None)
    engagement_mean = _mean(r.engagement_rate for r in items if r.engagement_rate is not None)
    cells: dict[tuple[int, int], list[RatedPost]] = {}
    for item in items:
        assert item.post.time is not None  # kept only with a time
        cells.setdefault((item.day.weekday(), item.post.time.hour), []).append(item)
    best: dict[int, BestTime] = {}
    for (weekday, hour), posts in sorted(cells.items()):
        if len(posts) < MIN_SLOT_POSTS:
            continue
        scores = [s for r in posts if (s := _score(r, reach_mean, engagement_mean)) is not None]
        if not scores:
            continue
        times = Counter(r.post.time for r in posts)
        common = min(times, key=lambda t: (-times[t], t))
        assert common is not None
        found = BestTime(weekday, hour, common, len(posts), fsum(scores) / len(scores),
                         _mean(r.reach_rate for r in posts if r.reach_rate is not None),
                         _mean(r.engagement_rate for r in posts if r.engagement_rate is not None))  # fmt: skip
        if weekday not in best or found.score > best[weekday].score:
            best[weekday] = found
    return ChannelTimes(channel, len(items), best)


def _score(item: RatedPost, reach_mean: float | None, engagement_mean: float | None) -> float | None:
    parts = []
    if item.reach_rate is not None and reach_mean:
        parts.append(item.reach_rate / reach_mean)
    if item.engagement_rate is not None and engagement_mean:
        parts.append(item.engagement_rate / engagement_mean)
    return fsum(parts) / len(parts) if parts else None


def preferred_times(learned: Mapping[str, ChannelTimes]) -> dict[tuple[str, int], dt.time]:
    """(channel id, weekday) → the learned time, for the channels with enough posts: what fill uses
    when a category has no time of its own."""
    return {(channel, weekday): best.time for channel, times in learned.items() if times.enough
            for weekday, best in times.best.items()}  # fmt: skip
