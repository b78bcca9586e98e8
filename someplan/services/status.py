"""The week at a glance: what `someplan status` shows and its JSON carries."""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from someplan.domain.attention import Attention
from someplan.domain.capacity import Capacity
from someplan.domain.category import Category
from someplan.domain.channel import Channel
from someplan.domain.figures import average, engagement_numerator, post_rates
from someplan.domain.plan import planned_vs_target, week_plan
from someplan.domain.post import Post, Status
from someplan.domain.rotation import RotationState, board_from_dates
from someplan.domain.weeks import IsoWeek, week_label
from someplan.i18n import language
from someplan.rounding import rounded
from someplan.services.attention import attention_in
from someplan.services.calendar_data import calendar_problems_as_problems, days_between
from someplan.services.capacity import capacity_json, capacity_of
from someplan.services.catalog import Catalog, effective_today
from someplan.services.idea_folder import ideas_root
from someplan.store.problems import Problem

FIGURE_WEEKS = 4


@dataclass(frozen=True)
class PostLine:
    id: str
    time: str  # HH:MM or ""
    channel: str
    category: str
    colour: str
    title: str
    status: str
    network: str = ""  # the channel's network ("facebook"): the plan's compact channel mark


@dataclass(frozen=True)
class DayLine:
    date: dt.date
    marks: tuple[str, ...]  # holidays, flag days, observance days
    posts: tuple[PostLine, ...]


@dataclass(frozen=True)
class Load:
    channel: str
    planned: int
    target: int


@dataclass(frozen=True)
class Due:
    category: str
    colour: str
    state: str  # overdue or due
    next_due: dt.date
    days_overdue: int


@dataclass(frozen=True)
class NextProposal:
    """The rotation's first proposal from today: what to plan next."""

    date: dt.date
    time: str  # HH:MM or ""
    channel: str
    category: str
    colour: str
    reason: str  # overdue, due or ahead
    backlog_title: str | None  # the ready/draft post it would place; None: a new draft
    time_from: str = ""  # why that time: "category", "learned" (best times) or "" (no time)


@dataclass(frozen=True)
class Figures:
    weeks: int
    first: dt.date
    last: dt.date
    posts: int  # published posts in the period
    reach_rate: float | None  # mean of per-post reach ÷ followers × 100
    engagement_rate: float | None  # mean of per-post engagements ÷ reach × 100
    numerators: tuple[str, ...]  # which counts made up engagements, per network seen


@dataclass(frozen=True)
class WeekLines:
    """One week's days, channel load and campaigns: what the planner's week plan draws on every
    key, without the rest of the status report (figures, due categories, the next proposal)."""

    week: IsoWeek
    today: dt.date
    days: tuple[DayLine, ...]
    load: tuple[Load, ...]
    campaigns: tuple[str, ...]


@dataclass(frozen=True)
class StatusReport:
    workspace: str
    week: IsoWeek
    label: str
    today: dt.date
    today_note: str | None
    days: tuple[DayLine, ...]
    load: tuple[Load, ...]
    due: tuple[Due, ...]
    campaigns: tuple[str, ...]
    figures: Figures
    problems: tuple[Problem, ...] = field(default=())
    next_proposal: NextProposal | None = None
    assets: dict[str, int] | None = None  # files, new, unused, missing (services.asset_counts)
    ideas: int | None = None  # new ideas in the ideas inbox (new_ideas)
    goals: tuple[Any, ...] = ()  # services.goals.GoalStanding of the goals under way (status_goals)
    attention: tuple[Attention, ...] = field(default=())  # over the posts loaded here (services/attention.py)
    capacity: Capacity | None = None  # the week's hours needed against the hours there are


def build_status(
    catalog: Catalog,
    week: IsoWeek | None = None,
    on: dt.date | None = None,
    today: dt.date | None = None,
    today_note: str | None = None,
) -> StatusReport:
    """The week of `on`, else `week`, else today's; `today` (and why it is not the real one,
    `today_note`: see `effective_today`) is looked up unless given."""
    today, note = (today, today_note) if today else effective_today(catalog)
    if on is not None:
        week = IsoWeek.of(on)
    week = week or IsoWeek.of(today)
    locale = language()  # the language spoken: the workspace's, unless the user or $SOMEPLAN_LANG chose
    first_figure_day = (week - (FIGURE_WEEKS - 1)).monday
    posts = catalog.posts_between(min(first_figure_day, today), max(week.sunday, today))
    channels = catalog.channels()
    categories = {c.id: c for c in catalog.categories()}
    channel_names = {c.id: c.name for c in channels}
    lines = week_lines(catalog, week, today, posts)
    reference = today if today in week else week.sunday
    due = tuple(
        Due(r.category.name, r.category.colour, r.state.value, r.next_due, r.days_overdue)
        for r in board_from_dates(categories.values(), catalog.last_post_dates(), reference)
        if r.state in (RotationState.OVERDUE, RotationState.DUE)
    )
    return StatusReport(
        workspace=catalog.name(),
        week=week,
        label=week_label(week, locale),
        today=today,
        today_note=note,
        days=lines.days,
        load=lines.load,
        due=due,
        campaigns=lines.campaigns,
        figures=_figures(catalog, posts, channels, week),
        problems=tuple(catalog.workspace.problems) + calendar_problems_as_problems() + asset_folder_problems(catalog),
        next_proposal=next_proposal(catalog, today, categories, channel_names),
        attention=tuple(attention_in(catalog, posts, today)),
        capacity=capacity_of(catalog, week, posts),
    )


def week_lines(catalog: Catalog, week: IsoWeek, today: dt.date, posts: list[Post] | None = None) -> WeekLines:
    """The days of `week` with their posts and calendar marks, the load per channel and the
    campaigns running; `posts` may be any list that holds the week's posts."""
    if posts is None:
        posts = catalog.posts_between(week.monday, week.sunday)
    channels = catalog.channels()
    categories = {c.id: c for c in catalog.categories()}
    channel_names = {c.id: c.name for c in channels}
    networks = {c.id: c.network.value for c in channels}
    marks: dict[dt.date, list[str]] = {}
    for day in days_between(week.monday, week.sunday, language()):
        if day.name not in marks.setdefault(day.date, []):
            marks[day.date].append(day.name)
    days = tuple(
        DayLine(day.date, tuple(marks.get(day.date, ())), tuple(_line(p, channel_names, categories, networks) for p in day.posts))
        for day in week_plan(posts, week).days
    )
    load = tuple(Load(load.channel.name, load.planned, load.target) for load in planned_vs_target(posts, channels, week))
    campaigns = tuple(
        e.title for e in catalog.events() if e.start and e.end and e.start <= week.sunday and e.end >= week.monday
    )
    return WeekLines(week, today, days, load, campaigns)


PROPOSAL_WEEKS = 4  # how far ahead the next proposal is looked for


def next_proposal(
    catalog: Catalog, today: dt.date, categories: Mapping[str, Category], channel_names: Mapping[str, str]
) -> NextProposal | None:
    """The rotation's first proposal from today, kept between commands while the workspace,
    today and someplan's code are the same (services/derived_cache.py): a warm status
    neither imports the rotation engine nor plans four weeks to print one line."""
    from someplan.services.derived_cache import cached

    depends = today.isoformat()
    return cached(catalog, "next-proposal", depends, lambda: _next_proposal(catalog, today, categories, channel_names),
                  _proposal_kept, _proposal_from_kept)  # fmt: skip


def _proposal_kept(proposal: NextProposal | None) -> list[Any] | None:
    if proposal is None:
        return None
    return [proposal.date.isoformat(), *(getattr(proposal, f.name) for f in dataclasses.fields(proposal)[1:])]


def _proposal_from_kept(value: list[Any] | None) -> NextProposal | None:
    if value is None:
        return None
    day, *rest = value
    return NextProposal(dt.date.fromisoformat(day), *rest)


def _next_proposal(
    catalog: Catalog, today: dt.date, categories: Mapping[str, Category], channel_names: Mapping[str, str]
) -> NextProposal | None:
    from someplan.services.rotation_fill import fill_plan, next_weeks

    plan = fill_plan(catalog, next_weeks(IsoWeek.of(today), PROPOSAL_WEEKS), today)
    first = next(iter(plan.proposals), None)
    if first is None:
        return None
    category = categories.get(first.category)
    backlog = catalog.post(first.post).title if first.post else None
    return NextProposal(
        first.date,
        first.time.strftime("%H:%M") if first.time else "",
        channel_names.get(first.channel, "–"),
        category.name if category else "",
        category.colour if category else "",
        first.reason.value,
        backlog,
        first.time_from,
    )


def _line(
    post: Post, channel_names: Mapping[str, str], categories: Mapping[str, Category], networks: Mapping[str, str] | None = None
) -> PostLine:
    category = categories.get(post.category) if post.category is not None else None
    return PostLine(
        id=post.id,
        time=post.time.strftime("%H:%M") if post.time else "",
        channel=channel_names.get(post.channel, "–") if post.channel is not None else "–",
        category=category.name if category else "",
        colour=category.colour if category else "",
        title=post.title,
        status=post.status.value,
        network=(networks or {}).get(post.channel, "") if post.channel is not None else "",
    )


def _figures(catalog: Catalog, posts: Iterable[Post], channels: Iterable[Channel], week: IsoWeek) -> Figures:
    first, last = (week - (FIGURE_WEEKS - 1)).monday, week.sunday
    by_id = {c.id: c for c in channels}
    published = [p for p in posts if p.status is Status.PUBLISHED and p.date and first <= p.date <= last]
    reach: list[float | None] = []
    engagement: list[float | None] = []
    numerators: set[str] = set()
    for post in published:
        rates = post_rates(post, by_id)
        reach.append(rates[0])
        engagement.append(rates[1])
        channel = by_id.get(post.channel) if post.channel is not None else None
        if channel and post.reach:
            numerators.add(f"{channel.network.value}: {engagement_numerator(post, channel.network)}")
    return Figures(FIGURE_WEEKS, first, last, len(published), average(reach), average(engagement), tuple(sorted(numerators)))


def report_as_json(report: StatusReport) -> dict[str, Any]:
    figures = report.figures
    return {
        "workspace": report.workspace,
        "week": {"year": report.week.year, "week": report.week.week, "label": report.label,
                 "first": report.week.monday.isoformat(), "last": report.week.sunday.isoformat()},
        "today": report.today.isoformat(),
        "today_note": report.today_note,
        "campaigns": list(report.campaigns),
        "days": [
            {
                "date": day.date.isoformat(),
                "marks": list(day.marks),
                "posts": [
                    {"id": p.id, "time": p.time or None, "channel": p.channel, "category": p.category,
                     "title": p.title, "status": p.status}
                    for p in day.posts
                ],
            }
            for day in report.days
        ],
        "channels": [{"channel": load.channel, "planned": load.planned, "target": load.target} for load in report.load],
        "categories_due": [
            {"category": d.category, "state": d.state, "next_due": d.next_due.isoformat(), "days_overdue": d.days_overdue}
            for d in report.due
        ],
        "next_proposal": _proposal_json(report.next_proposal),
        "figures": {
            "weeks": figures.weeks, "first": figures.first.isoformat(), "last": figures.last.isoformat(),
            "published_posts": figures.posts,
            "reach_rate_percent": _round(figures.reach_rate),
            "engagement_rate_by_reach_percent": _round(figures.engagement_rate),
            "engagement_numerators": list(figures.numerators),
        },
        "problems": [p.as_dict() for p in report.problems],
        **({"assets": report.assets} if report.assets is not None else {}),
        **({"ideas": {"new": report.ideas}} if report.ideas is not None else {}),
        "goals": _goals_json(report.goals),
        "attention": [{"id": a.post, "kind": a.kind.value, "message": a.message, "title": a.title,
                       "date": a.date.isoformat() if a.date else None} for a in report.attention],  # fmt: skip
        **({"capacity": capacity_json(report.capacity)} if report.capacity is not None else {}),
    }


GOAL_SHOWN_DAYS = 28  # a goal whose period ended shows its verdict this long after


def status_goals(catalog: Catalog, today: dt.date) -> tuple[Any, ...]:
    """The goals under way (started, and not ended more than GOAL_SHOWN_DAYS ago) with where
    their targets stand; nothing is imported or computed for a workspace without goals."""
    if not catalog.workspace.view("goals"):
        return ()
    from someplan.services.goals import goals, standings

    shown = [g for g in goals(catalog) if g.start and g.end and g.start <= today <= g.end + dt.timedelta(days=GOAL_SHOWN_DAYS)]
    return tuple(standings(catalog, today, shown)) if shown else ()


def _goals_json(found: tuple[Any, ...]) -> list[dict[str, Any]]:
    if not found:
        return []
    from someplan.services.goals import goal_json

    return [goal_json(entry) for entry in found]


def _proposal_json(proposal: NextProposal | None) -> dict[str, Any] | None:
    if proposal is None:
        return None
    return {"date": proposal.date.isoformat(), "time": proposal.time or None, "channel": proposal.channel,
            "category": proposal.category, "reason": proposal.reason, "backlog_title": proposal.backlog_title,
            "time_from": proposal.time_from or None}  # fmt: skip


def _round(value: float | None) -> float | None:
    return rounded(value, 2)


def asset_folder_problems(catalog: Catalog) -> tuple[Problem, ...]:
    """A shared asset folder this machine will not read, said where the user looks first."""
    if (catalog.settings().asset_folder or "assets/").rstrip("/") == "assets":
        return ()  # the usual case: no need to import the asset service (start-up budget)
    from someplan.services.assets import asset_folder_problems as problems

    return problems(catalog)


def new_ideas(catalog: Catalog) -> int:
    """New ideas in the inbox; the ideas service (and the asset machinery it reads the folder
    with) is imported only when there is an ideas folder (start-up budget)."""
    if not ideas_root(catalog).is_dir():
        return 0
    from someplan.services.ideas import new_count

    return new_count(catalog)
