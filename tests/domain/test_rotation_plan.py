from collections import Counter
from dataclasses import replace
from datetime import date, time, timedelta
from typing import NamedTuple

from hypothesis import given
from hypothesis import strategies as st

from someplan.domain.cadence import Cadence
from someplan.domain.category import Category
from someplan.domain.channel import Channel
from someplan.domain.post import Post, Status
from someplan.domain.rotation_plan import Proposal, Slot, Standing, posts_needed, propose
from someplan.domain.weeks import IsoWeek

W47 = IsoWeek(2026, 47)  # Monday 16 – Sunday 22 November 2026
MON, TUE, WED, THU, FRI, SAT, SUN = W47.dates()


def test_preferred_day_time_and_channel_when_free():
    category = Category("tips", cadence=Cadence("week", 1), weekday=1, time=time(10), channel="ig")
    plan = propose([category], [Channel("fb", target_per_week=3), Channel("ig", target_per_week=1)], [], [W47], MON)
    assert plan.proposals == (Proposal("tips", "ig", TUE, time(10), None, Standing.DUE),)
    assert plan.weeks[0].slots == (Slot("fb", 3, 0, 0), Slot("ig", 1, 0, 1))


def test_a_holiday_moves_the_post_to_the_nearest_free_day_the_earlier_of_two():
    category = Category("tips", weekday=2, channel="fb")
    plan = propose([category], [Channel("fb", target_per_week=1)], [], [W47], MON, {WED})
    assert [p.date for p in plan.proposals] == [TUE]


def test_allowed_holidays_are_used_and_flagged():
    category = Category("tips", weekday=2, channel="fb")
    plan = propose([category], [Channel("fb", target_per_week=1)], [], [W47], MON, {WED}, allow_holidays=True)
    assert [(p.date, p.on_holiday) for p in plan.proposals] == [(WED, True)]


def test_a_full_preferred_channel_gives_way_to_the_one_with_most_room():
    category = Category("tips", weekday=0, channel="li")
    channels = [Channel("li", target_per_week=1), Channel("ig", target_per_week=2), Channel("fb", target_per_week=2)]
    planned = [Post("x", channel="li", date=MON)]
    plan = propose([category], channels, planned, [W47], MON)
    assert [(p.channel, p.date) for p in plan.proposals] == [("fb", MON)]  # fb and ig tie: by id


def test_a_day_busy_on_the_channel_is_passed_over_for_a_free_one():
    category = Category("tips", weekday=0, channel="fb")
    plan = propose([category], [Channel("fb", target_per_week=2)], [Post("x", channel="fb", date=MON)], [W47], MON)
    assert [p.date for p in plan.proposals] == [TUE]


def test_never_before_today():
    category = Category("tips", weekday=0, channel="fb")
    plan = propose([category], [Channel("fb", target_per_week=1)], [], [W47 - 1, W47], THU)
    assert [p.date for p in plan.proposals] == [THU]
    assert plan.weeks[0].proposals == () and plan.weeks[0].unplaced == ()


def test_ready_backlog_posts_first_then_drafts_then_new_drafts():
    category = Category("tips", channel="fb")
    backlog = [
        Post("b-draft", category="tips", status=Status.DRAFT),
        Post("c-ready-for-ig", category="tips", status=Status.READY, channel="ig"),
        Post("d-ready", category="tips", status=Status.READY),
        Post("a-idea", category="tips", status=Status.IDEA),
        Post("e-dated-draft", category="tips", status=Status.DRAFT, date=date(2026, 1, 5)),
    ]
    plan = propose([category], [Channel("fb", target_per_week=1)], backlog, [W47 + i for i in range(3)], MON)
    assert [p.post for p in plan.proposals] == ["d-ready", "b-draft", None]


def test_standings():
    categories = [
        Category("late", name="Late"),  # weekly, last post two weeks ago
        Category("due", name="Due", cadence=Cadence("week", 2)),  # last post two weeks ago on Friday
        Category("ahead", name="Ahead", cadence=Cadence("week", 2)),  # posted last week and this week
        Category("fine", name="Fine", cadence=Cadence("month", 1)),
        Category("never", name="Never"),
        Category("paused", name="Paused", active=False),
    ]
    posts = [
        Post("1", category="late", date=date(2026, 11, 3)),
        Post("2", category="due", date=date(2026, 11, 6)),
        Post("3", category="ahead", date=date(2026, 11, 10)),
        Post("4", category="ahead", date=THU),
        Post("5", category="fine", date=date(2026, 11, 2)),
    ]
    week = propose(categories, [], posts, [W47], WED).weeks[0]
    states = {entry.category: (entry.state, entry.due) for entry in week.categories}
    assert states == {
        "late": (Standing.OVERDUE, date(2026, 11, 10)),
        "due": (Standing.DUE, FRI),
        "never": (Standing.DUE, WED),
        "ahead": (Standing.AHEAD, date(2026, 11, 24)),
        "fine": (Standing.OK, date(2026, 12, 2)),
        "paused": (Standing.PAUSED, None),
    }
    assert [entry.category for entry in week.categories] == ["late", "never", "due", "ahead", "fine", "paused"]
    assert (week.overdue, week.due, week.ahead) == (("late",), ("never", "due"), ("ahead",))
    assert week.unplaced == ("late", "never", "due")  # no channel has a target: nowhere to propose


def test_most_urgent_first_when_slots_are_short():
    categories = [Category("a", name="A"), Category("b", name="B"), Category("c", name="C")]
    posts = [Post("1", category="b", date=date(2026, 11, 2)), Post("2", category="c", date=date(2026, 11, 13))]
    plan = propose(categories, [Channel("fb", target_per_week=1)], posts, [W47], MON)
    assert [p.category for p in plan.proposals] == ["b"]  # overdue since the 9th
    assert plan.weeks[0].unplaced == ("a", "c")  # a is due today, c on Friday


def test_spare_slots_go_to_the_ripest_category_once_half_its_cadence_is_gone():
    categories = [
        Category("weekly", name="Weekly"),
        Category("fortnight", name="Fortnight", cadence=Cadence("week", 2)),
        Category("month", name="Month", cadence=Cadence("month", 1)),
        Category("fresh", name="Fresh", cadence=Cadence("month", 1)),
    ]
    posts = [
        Post("1", category="weekly", channel="fb", date=MON),
        Post("2", category="fortnight", date=date(2026, 11, 9)),  # 7 of 14 days gone: ripeness 0.5
        Post("3", category="month", date=date(2026, 10, 26)),  # 21 of 30 days gone: 0.7
        Post("4", category="fresh", date=date(2026, 11, 6)),  # 10 of 30 days: too soon
    ]
    plan = propose(categories, [Channel("fb", target_per_week=5)], posts, [W47], MON)
    assert [(p.category, p.reason) for p in plan.proposals] == [
        ("month", Standing.AHEAD),
        ("fortnight", Standing.AHEAD),
    ]
    assert plan.weeks[0].slots[0].left == 2
    assert propose(categories, [Channel("fb", target_per_week=5)], posts, [W47], MON, fill_ahead=False).proposals == ()


def test_a_category_several_times_a_week_gets_several_posts_on_different_days():
    often = Category("often", cadence=Cadence("month", 6), weekday=0)
    plan = propose([often], [Channel("fb", target_per_week=7)], [], [W47], MON, fill_ahead=False)
    assert [p.date for p in plan.proposals] == [MON, TUE]
    together = propose([often], [Channel("fb", target_per_week=7)], [], [W47], MON, allow_same_day=True, fill_ahead=False)
    assert [p.date for p in together.proposals] == [MON, TUE]  # still spread: Monday is busy on fb


def test_a_second_post_on_the_same_day_only_when_allowed():
    daily = Category("daily", cadence=Cadence("month", 30))  # due Saturday and Sunday
    posts = [Post("1", category="daily", date=SUN)]
    args = ([daily], [Channel("fb", target_per_week=7)], posts, [W47], SAT, {SAT})
    assert propose(*args).proposals == ()
    assert propose(*args).weeks[0].unplaced == ("daily",)
    assert [p.date for p in propose(*args, allow_same_day=True).proposals] == [SUN]


def test_posts_needed():
    weekly = Cadence("week", 1)
    assert posts_needed(weekly, SUN + timedelta(days=1), MON, SUN) == 0
    assert posts_needed(weekly, MON - timedelta(days=30), MON, SUN) == 1  # late posts are not piled up
    assert posts_needed(Cadence("month", 6), MON, MON, SUN) == 2


# Property tests --------------------------------------------------------------------------------

CHANNEL_IDS = ("fb", "ig", "li")
cadences = st.one_of(
    st.builds(Cadence, st.just("week"), st.integers(1, 4)), st.builds(Cadence, st.just("month"), st.integers(1, 6))
)


class Scenario(NamedTuple):
    categories: list[Category]
    channels: list[Channel]
    posts: list[Post]
    weeks: list[IsoWeek]
    today: date
    holidays: set[date]
    allow_same_day: bool
    allow_holidays: bool

    def run(self, **changes):
        s = self._replace(**changes)
        return propose(
            s.categories, s.channels, s.posts, s.weeks, s.today, s.holidays,
            allow_same_day=s.allow_same_day, allow_holidays=s.allow_holidays,
        )  # fmt: skip

    def open_days(self, week: IsoWeek) -> list[date]:
        return [d for d in week.dates() if d >= self.today and (self.allow_holidays or d not in self.holidays)]

    def planned(self, channel: str, week: IsoWeek) -> int:
        return sum(1 for post in self.posts if post.channel == channel and post.date in week)


@st.composite
def scenarios(draw, roomy: bool = False) -> Scenario:
    first = IsoWeek.of(draw(st.dates(date(2025, 1, 1), date(2027, 12, 31))))
    weeks = [first + i for i in range(draw(st.integers(1, 6)))]
    today = first.monday + timedelta(days=draw(st.integers(-10, 12)))
    channel_ids = draw(st.lists(st.sampled_from(CHANNEL_IDS), unique=True, max_size=3))
    channels = [Channel(id, target_per_week=draw(st.integers(0, 4))) for id in channel_ids]
    if roomy:
        channels.append(Channel("roomy", target_per_week=12))  # no existing post is on it
    categories = [
        Category(
            f"c{i}",
            name=draw(st.sampled_from(["A", "b", "B"])),
            cadence=draw(cadences),
            weekday=draw(st.none() | st.integers(0, 6)),
            time=draw(st.none() | st.just(time(9))),
            channel=draw(st.none() | st.sampled_from(CHANNEL_IDS + ("gone",))),
            active=draw(st.integers(0, 4)) > 0,
        )
        for i in range(draw(st.integers(1, 5)))
    ]
    span = st.dates(first.monday - timedelta(days=42), weeks[-1].sunday + timedelta(days=7))
    category_ids = [c.id for c in categories] + ["other"]
    posts = [
        Post(
            f"p{i:02d}",
            category=draw(st.none() | st.sampled_from(category_ids)),
            channel=draw(st.none() | st.sampled_from(CHANNEL_IDS)),
            date=draw(st.none() | span),
            status=draw(st.sampled_from(Status)),
        )
        for i in range(draw(st.integers(0, 12)))
    ]
    holidays = set(draw(st.lists(st.dates(first.monday, weeks[-1].sunday), max_size=10)))
    return Scenario(categories, channels, posts, weeks, today, holidays, draw(st.booleans()), draw(st.booleans()))


def backlog_fits(post: Post, proposal: Proposal) -> bool:
    return (
        post.date is None
        and post.category == proposal.category
        and post.status in (Status.READY, Status.DRAFT)
        and post.channel in (None, proposal.channel)
    )


@given(scenarios())
def test_proposals_keep_targets_days_holidays_and_pauses(s: Scenario):
    plan = s.run()
    assert [week.week for week in plan.weeks] == sorted(set(s.weeks))
    active = {c.id for c in s.categories if c.active}
    targets = {c.id: c.target_per_week for c in s.channels}
    for week in plan.weeks:
        for proposal in week.proposals:
            assert proposal.date in week.week and proposal.date >= s.today
            assert proposal.category in active  # paused categories are never proposed
            assert proposal.on_holiday == (proposal.date in s.holidays)
            assert s.allow_holidays or not proposal.on_holiday
        proposed = Counter(proposal.channel for proposal in week.proposals)
        for channel, count in proposed.items():
            assert s.planned(channel, week.week) + count <= targets.get(channel, 0)
        assert {slot.channel: slot.proposed for slot in week.slots if slot.proposed} == dict(proposed)
        assert all(slot.left >= 0 and slot.empty == max(slot.target - slot.planned, 0) for slot in week.slots)
    if not s.allow_same_day:
        on_day = Counter((p.category, p.date) for p in [*s.posts, *plan.proposals] if p.date)
        assert all(on_day[proposal.category, proposal.date] == 1 for proposal in plan.proposals)


@given(scenarios())
def test_ready_backlog_posts_go_first_and_once(s: Scenario):
    proposals = s.run().proposals
    placed = [proposal.post for proposal in proposals if proposal.post]
    assert len(placed) == len(set(placed))
    posts = {post.id: post for post in s.posts}
    unused = [post for post in s.posts if post.id not in placed]
    for proposal in proposals:
        if proposal.post:
            assert backlog_fits(posts[proposal.post], proposal)
        better = [Status.READY, Status.DRAFT] if proposal.post is None else [Status.READY]
        if proposal.post is None or posts[proposal.post].status is Status.DRAFT:
            assert not any(backlog_fits(post, proposal) and post.status in better for post in unused)


@given(scenarios(roomy=True))
def test_no_active_category_starves_given_enough_slots(s: Scenario):
    """"Enough": empty slots for two posts per active category (what ≤ 6 times a month can need), an
    open day for the first post and, for all it needs, a second one or `allow_same_day`."""
    plan = s.run()
    active = [c for c in s.categories if c.active]
    dated = [p for p in [*s.posts, *plan.proposals] if p.date]
    for week in plan.weeks:
        empty = sum(max(c.target_per_week - s.planned(c.id, week.week), 0) for c in s.channels)
        open_days = len(s.open_days(week.week))
        if not open_days or empty < 2 * len(active):
            continue
        if open_days > 1 or s.allow_same_day:
            assert week.unplaced == ()
        for category in active:
            dates = [p.date for p in dated if p.category == category.id]
            before = [d for d in dates if d < week.week.monday]
            if not before or category.cadence.next_after(max(before)) <= week.week.sunday:
                assert any(d in week.week for d in dates), (category, week.week)


@given(scenarios(), st.randoms(use_true_random=False))
def test_same_input_same_plan_whatever_the_order(s: Scenario, random):
    def shuffled(items):
        items = list(items)
        random.shuffle(items)
        return items

    plan = s.run()
    again = s.run(
        categories=shuffled(s.categories),
        channels=shuffled(s.channels),
        posts=shuffled(s.posts),
        weeks=shuffled(s.weeks + s.weeks[:1]),
        holidays=set(shuffled(s.holidays)),
    )
    assert again == plan


@given(scenarios())
def test_filling_a_range_equals_filling_week_by_week_and_accepting(s: Scenario):
    """Proposals for earlier weeks count as planned for the later ones, exactly as accepted posts."""
    posts = list(s.posts)
    by_id = {post.id: post for post in posts}
    weeks = []
    for week in sorted(set(s.weeks)):
        result = s.run(posts=posts, weeks=[week]).weeks[0]
        weeks.append(result)
        for n, proposal in enumerate(result.proposals):
            if proposal.post:
                posts.remove(by_id[proposal.post])
            new = Post(proposal.post or f"new-{week}-{n}", category=proposal.category, channel=proposal.channel)
            posts.append(replace(new, date=proposal.date, time=proposal.time, status=Status.DRAFT))
    assert tuple(weeks) == s.run().weeks


def test_a_slot_that_holds_a_post_at_the_preferred_time_is_not_proposed_again():
    """Issue 17.4: Sunday 20:00 on Instagram holds "Jul på Solvik"; the only open day is Sunday."""
    category = Category("insp", weekday=6, time=time(20), channel="ig")
    channels = [Channel("ig", target_per_week=5), Channel("fb", target_per_week=5)]
    held = [Post("jul", channel="ig", date=SUN, time=time(20))]
    plan = propose([category], channels, held, [W47], SUN)
    assert [(p.channel, p.date, p.time) for p in plan.proposals] == [("fb", SUN, time(20))]
    both = [*held, Post("jul-fb", channel="fb", date=SUN, time=time(20))]
    plan = propose([category], channels, both, [W47], SUN)
    assert [(p.channel, p.date, p.time) for p in plan.proposals] == [("ig", SUN, None)]  # no time, not a clash


@given(scenarios())
def test_no_proposal_takes_a_channels_slot_at_a_time_already_held(s: Scenario):
    timed = [replace(p, time=time(9)) if p.date and p.id[-1] in "02468" else p for p in s.posts]
    plan = s.run(posts=timed)
    held = Counter((p.channel, p.date, p.time) for p in [*timed, *plan.proposals] if p.date and p.time)
    assert all(held[p.channel, p.date, p.time] == 1 for p in plan.proposals if p.time)


def test_a_category_without_a_time_gets_the_learned_best_time_and_says_so():
    untimed = Category("tips", weekday=1, channel="fb")
    timed = Category("ansatte", weekday=3, time=time(14), channel="fb")
    best = {("fb", 1): time(9, 30), ("fb", 3): time(19)}
    plan = propose([untimed, timed], [Channel("fb", target_per_week=2)], [], [W47], MON, best_times=best)
    found = {p.category: (p.date, p.time, p.time_from) for p in plan.proposals}
    assert found == {"tips": (TUE, time(9, 30), "learned"), "ansatte": (THU, time(14), "category")}


def test_a_learned_time_whose_slot_is_taken_is_not_used():
    untimed = Category("tips", weekday=1, channel="fb")
    held = [Post("x", channel="fb", date=TUE, time=time(9, 30))]
    only_tuesday = {WED, THU, FRI, SAT, SUN}
    plan = propose([untimed], [Channel("fb", target_per_week=3)], held, [W47], TUE, only_tuesday,
                   best_times={("fb", 1): time(9, 30)})  # fmt: skip
    assert [(p.date, p.time, p.time_from) for p in plan.proposals] == [(TUE, None, "")]
