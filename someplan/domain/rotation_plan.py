"""The rotation engine: propose posts for a range of weeks so that every category keeps its cadence.

`propose(categories, channels, posts, weeks, today, holidays)` looks at each ISO week in turn,
earliest first, and returns a `RotationPlan`: per week, where each category stands (overdue, due,
ahead, ok, paused), the empty slots per channel, and proposals that fill them. Nothing is written:
the caller shows the proposals as a preview and turns the accepted ones into posts. Pure and
deterministic: the same input gives the same plan, whatever the order of the input lists
(categories, channels and posts are taken by id, so ids must be unique, as the workspace makes them).

The rules, in the order they apply to a week:

- **What is planned.** Every dated post counts, whatever its status (an idea on a day holds its
  slot, as in `plan.planned_vs_target`). Proposals made for earlier weeks of the range count as
  planned for the weeks after them, so a long range does not propose the same overdue category
  every week.
- **Cadence, by week.** A category is due in a week when the date its cadence gives after its last
  post before that week (`rotation.next_due`; a category that never had a post is due at once)
  falls in or before the week. It then needs a post somewhere in that week: on its preferred
  weekday if possible, even if that is a few days before the due date. The cadence is kept by the
  week, not by the day, because that is how the plan is made; monthly cadences therefore come out
  as every 4 or 5 weeks. A cadence of five or more times a month can need two posts in a week.
- **Days open for proposals:** days of the week from `today` on, without `holidays` (dates the
  caller passes, e.g. the dict `norwegian_calendar.public_holidays` gives) unless `allow_holidays`,
  in which case holidays are ordinary days and the proposals on them carry `on_holiday`. Weeks
  wholly before `today` get standings but no proposals.
- **Slots.** A channel's empty slots in a week are its `target_per_week` minus the posts already
  planned on it that week (never below 0). A channel with target 0 has no target, hence no slots:
  proposals never go there. Planned + proposed never exceeds the target.
- **Who gets a slot.** First the categories the cadence asks for (overdue before due, then the
  earliest due date, then the user's rotation order: `category.rotation_order`), each as many posts as it still needs. Then, if
  `fill_ahead` (the default), the slots left go to active categories with no post in the week,
  one post each, "ahead" of their cadence: the ripest first, i.e. the largest share of its cadence
  interval gone since its last post by the start of the week (then the earliest due date, name,
  id), and only once at least half of it is gone (a monthly category is not pulled forward within
  two weeks of its last post, nor a fortnightly one within the same week). Spare slots are thus
  shared in proportion to the cadences the user set, and the mix stays the user's rather than
  every category going weekly. Slots left after that stay empty
  (`Slot.left`). Paused categories are never proposed. `fill_ahead=False` proposes only what the
  cadence asks for.
- **Channel:** the category's preferred channel when it has an empty slot, otherwise the channel
  with the most empty slots left (ties: channel id).
- **Day:** among the open days that do not already hold a post of the category (unless
  `allow_same_day`), the first by: fewest posts on the chosen channel that day (a day with none
  is "free"), closest to the preferred weekday (no preference: all equally close), fewest posts on
  any channel that day, earliest. So the preferred weekday wins when it is free, otherwise the
  nearest free day, the earlier of two equally near ones.
- **A slot is a channel, a day and a time:** a day whose channel already holds a post (or a
  proposal) at the category's preferred time is passed over, and so is a channel with no such
  day left (the next channel by the rule above); only when every channel with room has its slot
  at that time taken on every open day does the proposal go out without a time.
- **Time:** the category's preferred time; without one, the time learned for the channel and
  weekday (`best_times`: `domain.best_times.preferred_times`) when that slot is free; else None
  (no time: the planner picks one). `Proposal.time_from` says which it was.
- **Backlog:** the category's undated posts with status ready or draft, oldest id first (ids are
  ULIDs/UUIDv7, so that is creation order). Ready posts go before drafts; a post already tied to a
  channel only goes to a proposal on that channel. They are handed out to the proposals in date
  order, so the readiest post goes out first; a proposal with no backlog post left means a new
  draft. A draft or ready post that has a date, even one in the past that never went out, is part
  of the plan (it holds its day and counts for the cadence), not of the backlog: moving it is the
  user's call, not the engine's.

**No starvation, and what "enough slots" means.** A week has enough slots when its channels'
empty slots add up to at least the posts its overdue and due categories need (one per category
for every cadence of one post a week or less often, i.e. all but five or more times a month; at
most two for five or six times a month) and it has an open day for each post a category needs
(one day for the usual cadences; any one day with `allow_same_day`). In such a week every
category the cadence asks for gets its post(s) in that week, before any slot is filled ahead. So
if every week of the range has enough slots, no active category goes past the week its next post
is due. A category that does not get what it needs is listed in the week's `unplaced`, most
urgent first.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right, insort
from collections import Counter
from collections.abc import Collection, Iterable, Mapping
from dataclasses import dataclass, field, replace
from datetime import date, time, timedelta
from enum import StrEnum

from someplan.domain.cadence import Cadence
from someplan.domain.category import Category, rotation_order
from someplan.domain.channel import Channel
from someplan.domain.post import Post, Status
from someplan.domain.rotation import next_due
from someplan.domain.weeks import IsoWeek


class Standing(StrEnum):
    """Where a category stands in one week, before that week's proposals."""

    OVERDUE = "overdue"  # its post was due before the week (before today, in the current week); none planned
    DUE = "due"  # its post is due in the week; none planned
    AHEAD = "ahead"  # a post is planned in the week although the next one is not due until later
    OK = "ok"  # what the cadence asks of the week is planned, or it asks nothing
    PAUSED = "paused"  # not active


_URGENCY = {Standing.OVERDUE: 0, Standing.DUE: 1, Standing.AHEAD: 2, Standing.OK: 3, Standing.PAUSED: 4}


@dataclass(frozen=True)
class CategoryWeek:
    """One category in one week."""

    category: str  # category id
    state: Standing
    last_post: date | None  # its latest post before the week
    due: date | None  # when its next post is due as the week begins; None when paused
    needed: int  # posts the cadence asks for in the week
    planned: int  # posts of the category already in the week
    proposed: int = 0  # proposals for it in the week


@dataclass(frozen=True)
class Slot:
    """A channel's posting slots in one week: its weekly target minus what is planned."""

    channel: str  # channel id
    target: int
    planned: int  # posts already planned on the channel in the week
    proposed: int = 0  # proposals for it in the week

    @property
    def empty(self) -> int:
        return max(self.target - self.planned, 0)

    @property
    def left(self) -> int:
        """Empty slots that no proposal fills."""
        return self.empty - self.proposed


@dataclass(frozen=True)
class Proposal:
    """A post to plan: a category on a channel on a day, from the backlog or as a new draft."""

    category: str  # category id
    channel: str  # channel id
    date: date
    time: time | None
    post: str | None = None  # id of the backlog post to place there; None: write a new draft
    reason: Standing = Standing.DUE  # OVERDUE or DUE: the cadence asks for it; AHEAD: fills a slot early
    on_holiday: bool = False  # only with allow_holidays
    # Why this time: "category" (its preferred time), "learned" (best times), "" (none). An
    # explanation, not part of what is proposed: two proposals of one slot are equal.
    time_from: str = field(default="", compare=False)

    @property
    def week(self) -> IsoWeek:
        return IsoWeek.of(self.date)


@dataclass(frozen=True)
class WeekRotation:
    week: IsoWeek
    categories: tuple[CategoryWeek, ...]  # every category, most urgent first
    slots: tuple[Slot, ...]  # every channel with a target, by id
    proposals: tuple[Proposal, ...]  # by date, time, channel
    unplaced: tuple[str, ...]  # ids of categories the cadence asks for that got too few proposals

    def in_state(self, state: Standing) -> tuple[str, ...]:
        return tuple(entry.category for entry in self.categories if entry.state is state)

    @property
    def overdue(self) -> tuple[str, ...]:
        return self.in_state(Standing.OVERDUE)

    @property
    def due(self) -> tuple[str, ...]:
        return self.in_state(Standing.DUE)

    @property
    def ahead(self) -> tuple[str, ...]:
        return self.in_state(Standing.AHEAD)


@dataclass(frozen=True)
class RotationPlan:
    weeks: tuple[WeekRotation, ...]  # the weeks asked for, earliest first, each once

    @property
    def proposals(self) -> tuple[Proposal, ...]:
        return tuple(proposal for week in self.weeks for proposal in week.proposals)

    @property
    def unplaced(self) -> tuple[tuple[IsoWeek, str], ...]:
        return tuple((week.week, category) for week in self.weeks for category in week.unplaced)


def propose(
    categories: Iterable[Category],
    channels: Iterable[Channel],
    posts: Iterable[Post],
    weeks: Iterable[IsoWeek],
    today: date,
    holidays: Collection[date] = frozenset(),
    *,
    allow_same_day: bool = False,
    allow_holidays: bool = False,
    fill_ahead: bool = True,
    best_times: Mapping[tuple[str, int], time] | None = None,
) -> RotationPlan:
    """Standings, empty slots and proposals for `weeks`; the rules are in the module docstring."""
    planner = _Planner(categories, channels, posts, today, frozenset(holidays), allow_same_day, allow_holidays, best_times)
    return RotationPlan(tuple(planner.week(week, fill_ahead) for week in sorted(set(weeks))))


def spread(
    category: Category,
    count: int,
    channels: Iterable[Channel],
    posts: Iterable[Post],
    first_week: IsoWeek,
    today: date,
    holidays: Collection[date] = frozenset(),
    *,
    every_weeks: int | None = None,
    allow_holidays: bool = False,
    horizon_weeks: int = 104,
    after: date | None = None,
) -> tuple[Proposal, ...]:
    """Days for `count` new posts of `category`, one every `every_weeks` weeks from `first_week`.

    Batch production: five interviews in one day make five posts, spread out so the category
    keeps its cadence instead of flooding one week. `every_weeks` defaults to the category's
    cadence in whole weeks (at least 1). Each post goes into a free slot of its week by the
    rules `propose` uses (preferred channel if it has room, else the channel with the most room;
    the preferred weekday or the nearest free day; never two posts of the category on one day;
    no holidays unless `allow_holidays`; never before `today`, nor on or before `after`: the
    interview day, before which there is nothing to post). A week with no free slot pushes
    that post, and the ones after it, a week on; after `horizon_weeks` weeks without room the
    rest are left out, so the result may be shorter than `count`.

    A category whose preferred channel has no weekly target still gets one post a week there:
    the user asked for these posts, and a channel without a target has no slots to overfill.
    """
    if after is not None:
        today = max(today, after + timedelta(days=1))
    planner = _Planner([category], channels, posts, today, frozenset(holidays), False, allow_holidays)
    step = every_weeks or max(1, round(category.cadence.interval_days / 7))
    week = max(first_week, IsoWeek.of(today))
    last = week + horizon_weeks
    placed: list[Proposal] = []
    while len(placed) < count and week <= last:
        room = planner.room(week)
        if category.channel is not None and category.channel not in room:
            room[category.channel] = 1
        elif category.channel is None and not room:
            room[""] = 1  # no channel has a target and none is preferred: a draft without a channel
        proposal = planner._place(category, planner.open_days(week), room, Standing.DUE)
        if proposal is None:
            week += 1
            continue
        placed.append(proposal)
        week += step
    return tuple(placed)


def posts_needed(cadence: Cadence, due: date, start: date, sunday: date) -> int:
    """How many posts `cadence` asks for up to `sunday` when the next is due on `due`.

    A post that is already late counts once (it goes out on `start` at the earliest), not once
    for every period missed.
    """
    if due > sunday:
        return 0
    needed, step = 1, cadence.next_after(max(due, start))
    while step <= sunday:
        needed, step = needed + 1, cadence.next_after(step)
    return needed


def _chronological(proposal: Proposal) -> tuple[object, ...]:
    return (proposal.date, proposal.time is None, proposal.time or time.min, proposal.channel, proposal.category)


class _Planner:
    """The plan as it grows: existing posts plus the proposals made so far, indexed for lookups."""

    def __init__(
        self,
        categories: Iterable[Category],
        channels: Iterable[Channel],
        posts: Iterable[Post],
        today: date,
        holidays: frozenset[date],
        allow_same_day: bool,
        allow_holidays: bool,
        best_times: Mapping[tuple[str, int], time] | None = None,
    ) -> None:
        self.best_times = best_times or {}
        self.categories = sorted(categories, key=lambda category: category.id)
        self.by_id = {category.id: category for category in self.categories}
        self.targets = {channel.id: channel.target_per_week for channel in channels if channel.target_per_week > 0}
        self.today, self.holidays = today, holidays
        self.allow_same_day, self.allow_holidays = allow_same_day, allow_holidays
        self.dates: dict[str, list[date]] = {}  # category id → dates of its posts, sorted
        self.on_channel_day: Counter[tuple[str | None, date]] = Counter()
        self.on_day: Counter[date] = Counter()
        self.taken_times: set[tuple[str | None, date, time]] = set()  # (channel, day, time) held by a post
        self.backlog: dict[str, list[Post]] = {}  # category id → undated ready/draft posts
        for post in sorted(posts, key=lambda post: post.id):
            if post.date is not None:
                self._add(post.category, post.channel, post.date, post.time)
            elif post.category and post.status in (Status.READY, Status.DRAFT):
                self.backlog.setdefault(post.category, []).append(post)

    def _add(self, category: str | None, channel: str | None, day: date, at: time | None = None) -> None:
        if at is not None:
            self.taken_times.add((channel, day, at))
        if category:
            insort(self.dates.setdefault(category, []), day)
        self.on_channel_day[channel, day] += 1
        self.on_day[day] += 1

    def _dates_in(self, category: str, first: date, last: date) -> list[date]:
        dates = self.dates.get(category, [])
        return dates[bisect_left(dates, first) : bisect_right(dates, last)]

    def _standing(self, category: Category, week: IsoWeek, start: date) -> CategoryWeek:
        planned = len(self._dates_in(category.id, week.monday, week.sunday))
        dates = self.dates.get(category.id, [])
        before = bisect_left(dates, week.monday)
        last = dates[before - 1] if before else None
        if not category.active:
            return CategoryWeek(category.id, Standing.PAUSED, last, None, 0, planned)
        due = next_due(category, last, start)
        needed = posts_needed(category.cadence, due, start, week.sunday)
        if planned < needed:
            state = Standing.OVERDUE if due < start else Standing.DUE
        elif planned and not needed:
            state = Standing.AHEAD
        else:
            state = Standing.OK
        return CategoryWeek(category.id, state, last, due, needed, planned)

    def open_days(self, week: IsoWeek) -> list[date]:
        return [day for day in week.dates() if day >= self.today and self._open(day)]

    def room(self, week: IsoWeek) -> dict[str, int]:
        """Empty slots per channel in `week`, proposals made so far included."""
        return {
            channel: max(target - sum(self.on_channel_day[channel, day] for day in week.dates()), 0)
            for channel, target in self.targets.items()
        }

    def week(self, week: IsoWeek, fill_ahead: bool) -> WeekRotation:
        # "Overdue" is judged on today in the current week, on its Monday in the others.
        start = self.today if self.today in week else week.monday
        standings = sorted((self._standing(category, week, start) for category in self.categories), key=self._urgency)
        planned = {channel: sum(self.on_channel_day[channel, day] for day in week.dates()) for channel in self.targets}
        room = {channel: max(target - planned[channel], 0) for channel, target in self.targets.items()}
        open_days = self.open_days(week)
        proposals: list[Proposal] = []
        unplaced: list[str] = []
        if week.sunday >= self.today:
            for entry in standings:  # what the cadence asks for, most urgent first
                for _ in range(entry.needed - entry.planned):
                    proposal = self._place(self.by_id[entry.category], open_days, room, entry.state)
                    if proposal is None:
                        unplaced.append(entry.category)
                        break
                    proposals.append(proposal)
            if fill_ahead:
                idle = [
                    entry
                    for entry in standings
                    if entry.state is Standing.OK and not entry.planned and self._ripeness(entry, start) >= 0.5
                ]
                for entry in sorted(idle, key=lambda entry: (-self._ripeness(entry, start), self._urgency(entry))):
                    if not any(room.values()):
                        break
                    proposal = self._place(self.by_id[entry.category], open_days, room, Standing.AHEAD)
                    proposals += [proposal] if proposal else []
        proposals = self._from_backlog(sorted(proposals, key=_chronological))
        per_category = Counter(proposal.category for proposal in proposals)
        per_channel = Counter(proposal.channel for proposal in proposals)
        return WeekRotation(
            week,
            tuple(replace(entry, proposed=per_category[entry.category]) for entry in standings),
            tuple(Slot(c, self.targets[c], planned[c], per_channel[c]) for c in sorted(self.targets)),
            tuple(proposals),
            tuple(unplaced),
        )

    def _open(self, day: date) -> bool:
        return self.allow_holidays or day not in self.holidays

    def _ripeness(self, entry: CategoryWeek, start: date) -> float:
        """The share of its cadence interval gone since the category's last post (not due: it has one)."""
        if entry.last_post is None:
            return float("inf")
        return (start - entry.last_post).days / max(self.by_id[entry.category].cadence.interval_days, 1)

    def _urgency(self, entry: CategoryWeek) -> tuple[object, ...]:
        category = self.by_id[entry.category]
        return (_URGENCY[entry.state], entry.due or date.max, *rotation_order(category))

    def _place(self, category: Category, open_days: list[date], room: dict[str, int], reason: Standing) -> Proposal | None:
        """Propose one post of `category` and add it to the plan; None when there is no room."""
        preferred = category.channel or ""  # "": a draft without a channel (`spread`)
        with_room = sorted((c for c in room if room[c] > 0), key=lambda c: (c != preferred, -room[c], c))
        taken = set()
        if open_days and not self.allow_same_day:
            taken = set(self._dates_in(category.id, open_days[0], open_days[-1]))
        days = [day for day in open_days if day not in taken]
        if not with_room or not days:
            return None
        at = category.time
        # The first channel, in the order of preference, with a day whose slot at the category's
        # time is free; when every such slot is taken, the first channel with no time (the
        # planner picks one) rather than a second post in a slot that holds one.
        fitting = ((c, [d for d in days if (c, d, at) not in self.taken_times]) for c in with_room)
        channel, free = next(((c, free) for c, free in fitting if free), (with_room[0], []))
        if at is not None and not free:
            at, free = None, days

        def preference(day: date) -> tuple[object, ...]:
            distance = abs(day.weekday() - category.weekday) if category.weekday is not None else 0
            return (self.on_channel_day[channel, day], distance, self.on_day[day], day)

        day = min(free, key=preference)
        time_from = "category" if at is not None else ""
        if category.time is None:
            learned = self.best_times.get((channel, day.weekday()))
            if learned is not None and (channel, day, learned) not in self.taken_times:
                at, time_from = learned, "learned"
        room[channel] -= 1
        self._add(category.id, channel, day, at)
        return Proposal(category.id, channel, day, at, None, reason, day in self.holidays, time_from)

    def _from_backlog(self, proposals: list[Proposal]) -> list[Proposal]:
        """Hand out backlog posts to `proposals` (in date order): ready first, then drafts, oldest first."""
        placed = []
        for proposal in proposals:
            backlog = self.backlog.get(proposal.category, [])
            fitting = [post for post in backlog if post.channel in (None, proposal.channel)]
            best = min(fitting, key=lambda post: (post.status is not Status.READY, post.id), default=None)
            if best is not None:
                backlog.remove(best)
                proposal = replace(proposal, post=best.id)
            placed.append(proposal)
        return placed
