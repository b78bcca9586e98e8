"""The report of a month, a quarter or a year: what `someplan report` and the planner's `R` write.

`build_report` gathers the figures (no I/O but reading the workspace and the thumbnails);
`exports.report_html` lays them out and `report_file` writes the file. Decisions:

- The period's figures are those of its published posts, rated as the figures view rates them
  (`domain.figures_stats`); the previous period is the one of the same kind just before it
  (October against September, Q4 against Q3, 2026 against 2025).
- Without a period the report is of the last whole month: a monthly report is written after the
  month, and the month under way would always look short.
- Planned against published per channel: every dated post of the period counts as planned (an
  idea on a day holds that slot, as in the week plan), the target is the channel's weekly target
  over the period's days.
- New follows come from the page-level imports (follower counts by date on the channel): the
  count at the period's end against the one before it starts, only where both are known.
- Goals (issue 19) and the ideas inbox (issue 20) do not exist yet: `goals` and `ideas` are
  seams, lists of ready-made lines a caller may pass; None leaves their section out.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass

from someplan.domain.channel import Channel, followers_on
from someplan.domain.figures import average
from someplan.domain.figures_stats import GroupFigures, RatedPost, averages_by, ranked, rate_all, reuse_candidates
from someplan.domain.post import Post, Status
from someplan.domain.weeks import PLAN_YEARS, IsoWeek, week_word
from someplan.i18n import language, pgettext
from someplan.services.catalog import POSTS, Catalog
from someplan.services.errors import UserError
from someplan.services.exports.common import one_line
from someplan.services.exports.digest import Period

TOP_POSTS = 3
REUSE_SHOWN = 5
REUSE_AFTER_WEEKS = 8


@dataclass(frozen=True)
class GoalLine:
    """One target of a goal as the report shows it (issue 19 fills these)."""

    goal: str
    target: str  # "engasjementsrate 6 %"
    now: str  # "5,1 %"
    reached: bool | None = None  # None: not yet known


@dataclass(frozen=True)
class IdeaLine:
    """An idea that came in during the period (the ideas inbox fills these)."""

    who: str
    day: dt.date
    text: str
    outcome: str = ""  # "became a draft", "set aside", …


@dataclass(frozen=True)
class Rates:
    posts: int
    reach_rate: float | None
    engagement_rate: float | None


@dataclass(frozen=True)
class Share:
    """A part of the mix: how many of the period's published posts, and their share in per cent."""

    name: str
    posts: int
    share: float


@dataclass(frozen=True)
class ReportPost:
    title: str
    day: dt.date
    channel: str
    category: str
    reach_rate: float | None
    engagement_rate: float | None
    thumbnail: str | None  # a data: URI of a small JPEG, or None


@dataclass(frozen=True)
class ChannelPlan:
    channel: str
    target: int
    planned: int
    published: int


@dataclass(frozen=True)
class Follows:
    channel: str
    before: int
    after: int

    @property
    def new(self) -> int:
        return self.after - self.before


@dataclass(frozen=True)
class Report:
    workspace: str
    locale: str
    period: Period
    label: str  # "oktober 2026"
    previous_label: str
    made: dt.date
    now: Rates
    before: Rates
    weeks: tuple[GroupFigures, ...]  # per ISO week the period touches, named "uke 44"
    by_category: tuple[GroupFigures, ...]
    by_channel: tuple[GroupFigures, ...]
    by_format: tuple[GroupFigures, ...]  # empty until posts know their format
    top: tuple[ReportPost, ...]
    bottom: tuple[ReportPost, ...]
    plan: tuple[ChannelPlan, ...]
    reuse: tuple[ReportPost, ...]
    follows: tuple[Follows, ...]
    wheel_svg: str  # the year wheel of the period's (first) year, an inline <svg>
    goals: tuple[GoalLine, ...] | None = None
    ideas: tuple[IdeaLine, ...] | None = None
    mix_categories: tuple[Share, ...] = ()
    mix_funnel: tuple[Share, ...] = ()  # empty when no post of the period names its funnel stage

    @property
    def title(self) -> str:
        heading = pgettext("report", "Report {period}").format(period=self.label)
        return f"{self.workspace} · {heading}" if self.workspace else heading

    def slug(self) -> str:
        return period_slug(self.period)


# -- periods ------------------------------------------------------------------------------------

_QUARTER = re.compile(
    r"^(?:(\d{4})\s*[-/ ]?\s*q([1-4])|q([1-4])(?:\s*[-/ ]?\s*(\d{4}))?|([1-4])\.?\s*kv(?:artal)?\.?\s*(\d{4})?)$"
)


def quarter(year: int, number: int) -> Period:
    last = Period.month(year, number * 3).last
    return Period(dt.date(year, number * 3 - 2, 1), last, "quarter")


def year_period(year: int) -> Period:
    return Period(dt.date(year, 1, 1), dt.date(year, 12, 31), "year")


def parse_quarter(text: str, today: dt.date) -> Period:
    """ "2026-Q4", "Q4", "q4 2026", "4. kvartal 2026" (this year unless given)."""
    found = _QUARTER.match(" ".join(text.strip().lower().split()))
    if found:
        year_text = found.group(1) or found.group(4) or found.group(6)
        number = int(found.group(2) or found.group(3) or found.group(5))
        year = int(year_text) if year_text else today.year
        if year in PLAN_YEARS:
            return quarter(year, number)
    raise UserError(pgettext("report", "not a quarter: {text!r} (use 2026-Q4 or Q4)").format(text=text))


def parse_year(text: str) -> Period:
    if text.strip().isdigit() and int(text) in PLAN_YEARS:
        return year_period(int(text))
    raise UserError(pgettext("report", "not a year: {text!r} (use 2026)").format(text=text))


def last_whole_month(today: dt.date) -> Period:
    before = today.replace(day=1) - dt.timedelta(days=1)
    return Period.month(before.year, before.month)


def previous(period: Period) -> Period:
    """The period of the same kind just before `period`."""
    if period.kind == "month":
        before = period.first - dt.timedelta(days=1)
        return Period.month(before.year, before.month)
    if period.kind == "quarter":
        before = period.first - dt.timedelta(days=1)
        return quarter(before.year, (before.month - 1) // 3 + 1)
    if period.kind == "year":
        return year_period(period.first.year - 1)
    length = period.last - period.first
    last = period.first - dt.timedelta(days=1)
    return Period(last - length, last, period.kind)


def period_label(period: Period, locale: str) -> str:
    if period.kind == "quarter":
        number = (period.first.month - 1) // 3 + 1
        return pgettext("report", "Q{quarter} {year}").format(quarter=number, year=period.first.year)
    if period.kind == "year":
        return str(period.first.year)
    return period.label(locale)


def period_slug(period: Period) -> str:
    """For file names: 2026-10, 2026-q4, 2026."""
    if period.kind == "quarter":
        return f"{period.first.year}-q{(period.first.month - 1) // 3 + 1}"
    if period.kind == "year":
        return str(period.first.year)
    return period.slug()


# -- the figures ----------------------------------------------------------------------------------


def rates_of(rated: Sequence[RatedPost]) -> Rates:
    return Rates(len(rated), average(r.reach_rate for r in rated), average(r.engagement_rate for r in rated))


def weekly(rated: Sequence[RatedPost], period: Period, locale: str) -> tuple[GroupFigures, ...]:
    """The average rates of each ISO week the period touches, empty weeks included."""
    by_week: dict[IsoWeek, list[RatedPost]] = {}
    for item in rated:
        by_week.setdefault(item.week, []).append(item)
    word = week_word(locale)
    return tuple(
        GroupFigures(f"{word} {week.week}", *_rates_tuple(by_week.get(week, []))) for week in period.weeks()
    )


def _rates_tuple(items: Sequence[RatedPost]) -> tuple[int, float | None, float | None]:
    rates = rates_of(items)
    return rates.posts, rates.reach_rate, rates.engagement_rate


def mix(names: Sequence[str | None]) -> tuple[Share, ...]:
    """Each name's count and share of all `names` (None counts in the whole but is not listed),
    most first."""
    counts: dict[str, int] = {}
    for name in names:
        if name:
            counts[name] = counts.get(name, 0) + 1
    total = len(names)
    return tuple(Share(name, n, n / total * 100) for name, n in sorted(counts.items(), key=lambda item: (-item[1], item[0])))


def funnel_label(value: str) -> str:
    words = {"awareness": pgettext("funnel", "awareness"), "consideration": pgettext("funnel", "consideration"),
             "conversion": pgettext("funnel", "conversion")}  # fmt: skip
    return words.get(value, value)


def by_format(rated: Sequence[RatedPost], format_of: Callable[[Post], str | None]) -> tuple[GroupFigures, ...]:
    """Average rates per format, for the posts whose format is known; empty when none is."""
    groups: dict[str, list[RatedPost]] = {}
    for item in rated:
        name = format_of(item.post)
        if name:
            groups.setdefault(one_line(name), []).append(item)
    found = [GroupFigures(name, *_rates_tuple(items)) for name, items in groups.items()]
    return tuple(sorted(found, key=lambda g: (g.engagement_rate is None, -(g.engagement_rate or 0), g.name)))


def post_format(post: Post) -> str | None:
    """A post's format in the language spoken, where the post knows it."""
    return post.format.label() if post.format else None


def channel_plan(posts: Sequence[Post], channels: Iterable[Channel], period: Period) -> tuple[ChannelPlan, ...]:
    rows = []
    for channel in channels:
        mine = [p for p in posts if p.channel == channel.id and p.date and period.first <= p.date <= period.last]
        target = round(channel.target_per_week * period.days / 7)
        published = sum(1 for p in mine if p.status is Status.PUBLISHED)
        if target or mine:
            rows.append(ChannelPlan(one_line(channel.name), target, len(mine), published))
    return tuple(rows)


def follows(channels: Iterable[Channel], period: Period) -> tuple[Follows, ...]:
    found = []
    for channel in channels:
        before = followers_on(channel.followers, period.first - dt.timedelta(days=1))
        after = followers_on(channel.followers, period.last)
        noted_inside = any(period.first <= day <= period.last for day in channel.followers)
        if before is not None and after is not None and noted_inside:
            found.append(Follows(one_line(channel.name), before, after))
    return tuple(found)


def report_post(rated: RatedPost, thumbnail: Callable[[Post], str | None]) -> ReportPost:
    post = rated.post
    return ReportPost(one_line(post.title) or one_line(post.caption)[:80], rated.day, one_line(rated.channel),
                      one_line(rated.category), rated.reach_rate, rated.engagement_rate, thumbnail(post))  # fmt: skip


def top_and_bottom(rated: Sequence[RatedPost], count: int = TOP_POSTS) -> tuple[list[RatedPost], list[RatedPost]]:
    """The best `count` by engagement rate, and the weakest `count` that are not among the best
    (weakest first)."""
    order = ranked(rated)
    top = order[:count]
    rest = order[len(top):]
    return top, list(reversed(rest[-count:]))


# -- the use case ---------------------------------------------------------------------------------


def build_report(
    catalog: Catalog,
    period: Period,
    today: dt.date,
    goals: Sequence[GoalLine] | None = None,
    ideas: Sequence[IdeaLine] | None = None,
    format_of: Callable[[Post], str | None] = post_format,
) -> Report:
    from someplan.services.exports.wheel_svg import wheel_svg
    from someplan.services.report_thumbnails import Thumbnails
    from someplan.services.year_wheel import build_year_wheel

    locale = language()
    before = previous(period)
    channels = catalog.channels()
    channel_map = {c.id: c for c in channels}
    categories = catalog.category_names()
    everything = catalog.posts()
    published = [p for p in everything if p.status is Status.PUBLISHED and p.date]
    rated_all = rate_all(published, channel_map, categories)
    now = [r for r in rated_all if period.first <= r.day <= period.last]
    then = [r for r in rated_all if before.first <= r.day <= before.last]
    thumbnails = Thumbnails.of(catalog)
    top, bottom = top_and_bottom(now)
    reused = {doc["reused_from"] for doc in catalog.workspace.view(POSTS).values() if doc.get("reused_from")}
    reuse = reuse_candidates(rated_all, today, REUSE_AFTER_WEEKS, reused)[:REUSE_SHOWN]
    in_period = [p for p in everything if p.date and period.first <= p.date <= period.last]
    wheel = build_year_wheel(catalog, period.first.year, locale)
    return Report(
        workspace=one_line(catalog.name()),
        locale=locale,
        period=period,
        label=period_label(period, locale),
        previous_label=period_label(before, locale),
        made=today,
        now=rates_of(now),
        before=rates_of(then),
        weeks=weekly(now, period, locale),
        by_category=tuple(averages_by(now, "category")),
        by_channel=tuple(averages_by(now, "channel")),
        by_format=by_format(now, format_of),
        top=tuple(report_post(r, thumbnails) for r in top),
        bottom=tuple(report_post(r, thumbnails) for r in bottom),
        plan=channel_plan(in_period, channels, period),
        reuse=tuple(report_post(r, thumbnails) for r in reuse),
        follows=follows(channels, period),
        wheel_svg=wheel_svg(wheel, locale, today, catalog.name(), standalone=False),
        mix_categories=mix([one_line(r.category) or pgettext("report", "(no category)") for r in now]),
        mix_funnel=mix([funnel_label(r.post.funnel.value) if r.post.funnel else None for r in now])
        if any(r.post.funnel for r in now) else (),
        goals=None if goals is None else tuple(goals),
        ideas=None if ideas is None else tuple(ideas),
    )

