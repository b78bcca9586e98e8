"""Best times learned from the published posts (domain.best_times), for the figures view and fill."""

from __future__ import annotations

import datetime as dt
from typing import Any

from someplan.domain.best_times import LEARN_WEEKS, BestTime, ChannelTimes, learn
from someplan.services.catalog import Catalog


def learned_times(catalog: Catalog, today: dt.date) -> dict[str, ChannelTimes]:
    """Per channel id, its best hours by weekday over the last LEARN_WEEKS weeks (kept between
    commands while the workspace and today are the same: services/derived_cache.py)."""
    from someplan.services.derived_cache import cached

    def compute() -> dict[str, ChannelTimes]:
        from someplan.services.published import rated_between  # the figures' machinery: on a miss only

        return learn(rated_between(catalog, today - dt.timedelta(weeks=LEARN_WEEKS), today), today)

    return cached(catalog, "best-times", today.isoformat(), compute, _encode, _decode)


def _encode(learned: dict[str, ChannelTimes]) -> dict[str, Any]:
    return {channel: {"posts": times.posts, "best": [
        [b.weekday, b.hour, b.time.strftime("%H:%M"), b.posts, b.score, b.reach_rate, b.engagement_rate]
        for b in times.best.values()]} for channel, times in learned.items()}  # fmt: skip


def _decode(value: dict[str, Any]) -> dict[str, ChannelTimes]:
    return {
        channel: ChannelTimes(channel, int(entry["posts"]), {
            int(w): BestTime(int(w), int(h), dt.time.fromisoformat(t), int(n), float(s), r, e)
            for w, h, t, n, s, r, e in entry["best"]
        })  # fmt: skip
        for channel, entry in value.items()
    }


SHOWN_DAYS = 3  # weekdays named per channel: its best three


def best_time_lines(catalog: Catalog, today: dt.date) -> list[str]:
    """The figures view's lines: per channel with enough posts its best weekdays and times (the
    three that scored highest, in weekday order), then the channels with too few, with counts."""
    from someplan.domain.best_times import MIN_CHANNEL_POSTS
    from someplan.domain.weeks import weekday_name
    from someplan.i18n import _, language
    from someplan.textsafe import literal

    names = catalog.channel_names()
    learned = learned_times(catalog, today)
    lines, short = [], []
    for channel_id, times in sorted(learned.items(), key=lambda item: names.get(item[0], "").casefold()):
        name = literal(names.get(channel_id, channel_id))
        if not times.enough or not times.best:
            short.append(f"{name} {times.posts}")
            continue
        top = sorted(times.best.values(), key=lambda b: -b.score)[:SHOWN_DAYS]
        days = ", ".join(f"{weekday_name(b.weekday, language(), short=True)} {b.time.strftime('%H:%M')}"
                         for b in sorted(top, key=lambda b: b.weekday))  # fmt: skip
        lines.append(_("Best times, {channel}: {days} (learned from {count} posts)").format(
            channel=name, days=days, count=times.posts))  # fmt: skip
    if short:
        lines.append(_("Too few posts to learn best times from ({needed} a channel): {channels}").format(
            needed=MIN_CHANNEL_POSTS, channels=", ".join(short)))  # fmt: skip
    return lines


def best_times_json(catalog: Catalog, today: dt.date) -> list[dict[str, Any]]:
    """`someplan figures --json`'s "best_times": per channel, how many posts it was learned from,
    whether that is enough, and each weekday's best time (weekday 0 is Monday)."""
    from someplan.domain.best_times import MIN_CHANNEL_POSTS

    names = catalog.channel_names()
    return [
        {"channel": names.get(channel, channel), "posts": times.posts, "enough": times.enough, "needed": MIN_CHANNEL_POSTS,
         "best": [{"weekday": b.weekday, "time": b.time.strftime("%H:%M"), "posts": b.posts, "score": round(b.score, 3)}
                  for b in sorted(times.best.values(), key=lambda b: b.weekday)] if times.enough else []}
        for channel, times in sorted(learned_times(catalog, today).items(), key=lambda item: names.get(item[0], item[0]))
    ]  # fmt: skip
