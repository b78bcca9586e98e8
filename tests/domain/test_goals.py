"""Goals: the stored form, and where a target stands (now, trend, at this pace)."""

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from someplan.domain.channel import Channel, Network
from someplan.domain.figures_stats import RatedPost
from someplan.domain.goals import (
    Direction,
    Goal,
    Pace,
    Target,
    TargetKind,
    Trend,
    judge,
    line_fit,
    project_level,
    standing,
    trend_of,
    whole_weeks,
)  # fmt: skip
from someplan.domain.post import FunnelStage, Post, Status

START, END = dt.date(2026, 10, 5), dt.date(2026, 12, 27)  # Monday of week 41 to Sunday of week 52
GOAL = Goal("g1", "Fylle julebordene", START, END)


def rated(id, day, rate=None, reach=None, channel="fb", category="c1", funnel=None):
    post = Post(id, channel=channel, category=category, date=day, time=dt.time(9), status=Status.PUBLISHED, funnel=funnel)
    return RatedPost(post, "Facebook", "Ansatte", reach, rate, "reactions")


def weekly_posts(rates, first=START, channel="fb", category="c1"):
    """One post a week from `first`, with these engagement rates."""
    return [rated(f"p{i}", first + dt.timedelta(weeks=i, days=1), rate, channel=channel, category=category)
            for i, rate in enumerate(rates)]  # fmt: skip


def test_a_goal_keeps_its_targets_and_counts_through_the_stored_form():
    target = Target("a1b2c3", TargetKind.COUNT, 40, Direction.AT_MOST, label="telefoner",
                    recorded={dt.date(2026, 10, 9): 55.0, dt.date(2026, 10, 16): 48.0})  # fmt: skip
    share = Target("d4e5f6", TargetKind.SHARE, 30, category="c1")
    goal = Goal("g1", "Færre telefoner", START, END, "notat", (target, share))
    doc = goal.to_doc()
    assert doc["count.a1b2c3.2026-10-09"] == 55.0 and doc["target.d4e5f6"]["category"] == "c1"
    assert Goal.from_doc(doc, "g1") == goal


def test_a_dropped_or_unreadable_target_is_left_out_and_the_rest_read():
    doc = {"title": "x", "start": "2026-10-05", "end": "2026-12-27", "target.aa": None,
           "target.bb": {"kind": "no-such-kind", "value": 3}, "target.cc": {"kind": "share", "value": "x"},
           "target.dd": {"kind": "engagement_rate", "value": 6}, "count.dd.not-a-date": 3}  # fmt: skip
    assert [t.id for t in Goal.from_doc(doc, "g").targets] == ["dd"]


def test_whole_weeks_leave_out_the_week_under_way():
    weeks = whole_weeks(START, END, dt.date(2026, 10, 21))  # a Wednesday of week 43
    assert [w.week for w in weeks] == [41, 42]


def test_engagement_rate_now_is_the_mean_of_the_last_four_weeks_and_the_line_carries_the_pace():
    target = Target("t", TargetKind.ENGAGEMENT_RATE, 6)
    posts = weekly_posts([3, 3.5, 4, 4.5, 5, 5.5])  # weeks 41-46, half a point a week
    today = dt.date(2026, 11, 18)  # week 47: weeks 41-46 are whole
    found = standing(GOAL, target, posts, {}, today)
    assert found.now == pytest.approx((4 + 4.5 + 5 + 5.5) / 4)
    assert found.trend is Trend.UP
    assert found.projected == pytest.approx(3 + 0.5 * 11)  # week 52 is index 11
    assert found.pace is Pace.ON_TRACK
    assert found.movers == ()  # no post above 6 % yet


def test_a_falling_rate_is_behind_and_the_posts_above_the_target_moved_it_most():
    target = Target("t", TargetKind.ENGAGEMENT_RATE, 6)
    posts = weekly_posts([9, 8, 7, 6, 5])
    found = standing(GOAL, target, posts, {}, dt.date(2026, 11, 11))
    assert found.trend is Trend.DOWN and found.pace is Pace.BEHIND
    assert found.movers == ("p0", "p1", "p2")


def test_too_few_weeks_say_so_instead_of_guessing():
    target = Target("t", TargetKind.REACH_RATE, 20)
    posts = [rated("a", START + dt.timedelta(days=1), reach=25.0)]
    found = standing(GOAL, target, posts, {}, dt.date(2026, 10, 20))
    assert found.now == 25.0 and found.projected is None
    assert found.pace is Pace.UNKNOWN and found.note == "too_few_weeks"
    assert standing(GOAL, target, posts, {}, START).pace is Pace.NOT_STARTED


def test_posts_per_week_count_only_the_channel_named():
    target = Target("t", TargetKind.POSTS_PER_WEEK, 2, channel="fb")
    posts = weekly_posts([1, 1, 1, 1]) + weekly_posts([1, 1, 1, 1], first=START + dt.timedelta(days=2)) \
        + weekly_posts([1, 1, 1, 1], channel="ig")
    found = standing(GOAL, target, posts, {}, dt.date(2026, 11, 2))
    assert found.weekly == (2.0, 2.0, 2.0, 2.0) and found.now == 2.0
    assert found.trend is Trend.FLAT and found.pace is Pace.ON_TRACK


def test_share_of_a_category_or_a_funnel_stage_over_the_period_so_far():
    posts = weekly_posts([1, 1, 1]) + weekly_posts([1], category="c2")
    by_category = standing(GOAL, Target("t", TargetKind.SHARE, 80, category="c1"), posts, {}, dt.date(2026, 10, 26))
    assert by_category.now == pytest.approx(75.0) and by_category.pace is Pace.BEHIND
    funnel = [rated("a", START, funnel=FunnelStage.CONVERSION), rated("b", START)]
    conversion = Target("t", TargetKind.SHARE, 50, funnel=FunnelStage.CONVERSION)
    by_funnel = standing(GOAL, conversion, funnel, {}, dt.date(2026, 10, 26))
    assert by_funnel.now == 50.0 and by_funnel.pace is Pace.ON_TRACK


def test_new_followers_from_the_page_imports_scaled_to_the_whole_period():
    follows = {START + dt.timedelta(days=i): 2 for i in range(14)}
    channel = Channel("ig", "Instagram", Network.INSTAGRAM, daily_follows=follows)
    target = Target("t", TargetKind.NEW_FOLLOWERS, 100, channel="ig")
    found = standing(GOAL, target, [], {"ig": channel}, dt.date(2026, 10, 20))
    assert found.now == 28.0 and found.projected == pytest.approx(28 / 14 * 84)
    assert found.pace is Pace.ON_TRACK
    bare = standing(GOAL, target, [], {"ig": Channel("ig", "Instagram")}, dt.date(2026, 10, 20))
    assert bare.pace is Pace.UNKNOWN and bare.note == "no_page_figures"


def test_a_count_by_hand_at_most_and_a_finished_period_is_reached_or_missed():
    calls = {START + dt.timedelta(weeks=i): 60.0 - 5 * i for i in range(12)}
    target = Target("t", TargetKind.COUNT, 40, Direction.AT_MOST, label="telefoner", recorded=calls)
    during = standing(GOAL, target, [], {}, dt.date(2026, 10, 27))
    assert during.now == 50.0 and during.trend is Trend.DOWN and during.pace is Pace.ON_TRACK
    after = standing(GOAL, target, [], {}, dt.date(2027, 1, 10))
    assert after.pace is Pace.REACHED
    strict = Target("t", TargetKind.COUNT, 5, Direction.AT_MOST, label="x", recorded=calls)
    assert standing(GOAL, strict, [], {}, dt.date(2027, 1, 10)).pace is Pace.MISSED


def test_a_goal_without_a_period_has_no_standing():
    found = standing(Goal("g"), Target("t", TargetKind.ENGAGEMENT_RATE, 5), [], {}, START)
    assert found.pace is Pace.UNKNOWN and found.note == "no_period"


finite = st.floats(min_value=-1e6, max_value=1e6, allow_nan=False)


@given(st.lists(st.integers(0, 30), min_size=2, max_size=20, unique=True), finite, st.floats(-100, 100))
def test_line_fit_gives_back_a_line_exactly(xs, intercept, slope):
    fit = line_fit([(float(x), intercept + slope * x) for x in xs])
    assert fit is not None
    assert fit[0] == pytest.approx(intercept, abs=1e-6 * (1 + abs(intercept) + abs(slope) * 30))
    assert fit[1] == pytest.approx(slope, abs=1e-6 * (1 + abs(slope) + abs(intercept)))


@given(st.lists(st.one_of(st.none(), st.floats(0, 1000)), max_size=20), st.floats(0, 1000))
def test_a_constant_added_to_every_week_does_not_change_the_direction_of_the_slope(weekly, shift):
    shifted = [None if v is None else v + shift for v in weekly]
    direction = {Trend.UP: 1, Trend.DOWN: -1}
    before, after = trend_of(weekly), trend_of(shifted)
    assert (before is Trend.UNKNOWN) == (after is Trend.UNKNOWN)
    assert direction.get(before, 0) * direction.get(after, 0) >= 0  # never reversed


@given(st.floats(0, 1000), st.one_of(st.none(), st.floats(0, 1000)), st.booleans())
def test_at_most_is_the_mirror_of_at_least(value, projected, ended):
    # a value at least the target is exactly a negated value at most the negated target
    least = Target("t", TargetKind.COUNT, value)
    most = Target("t", TargetKind.COUNT, -value, Direction.AT_MOST)
    mirrored = None if projected is None else -projected
    assert judge(least, projected, projected, ended) is judge(most, mirrored, mirrored, ended)


@given(st.lists(st.one_of(st.none(), st.floats(0, 100)), max_size=15), st.integers(0, 30))
def test_a_projection_is_never_negative_and_needs_three_weeks(weekly, at):
    projected = project_level(weekly, at)
    assert (projected is None) == (sum(v is not None for v in weekly) < 3)
    assert projected is None or projected >= 0


def test_a_goal_starting_midweek_counts_from_its_first_whole_week_but_follows_from_its_first_day():
    thursday = dt.date(2026, 10, 1)
    goal = Goal("g", "x", thursday, END)
    assert [w.week for w in whole_weeks(thursday, END, dt.date(2026, 10, 20))] == [41, 42]
    target = Target("t", TargetKind.POSTS_PER_WEEK, 1)
    posts = [rated("sunday", dt.date(2026, 10, 4))] + weekly_posts([1, 1])
    assert standing(goal, target, posts, {}, dt.date(2026, 10, 20)).weekly == (1.0, 1.0)  # Sunday 4 Oct: no week
    assert standing(goal, target, posts, {}, dt.date(2026, 10, 5)).pace is Pace.NOT_STARTED
    follows = Channel("ig", "Instagram", Network.INSTAGRAM, daily_follows={thursday: 5, dt.date(2026, 10, 6): 2})
    found = standing(goal, Target("f", TargetKind.NEW_FOLLOWERS, 10, channel="ig"), [], {"ig": follows}, dt.date(2026, 10, 20))
    assert found.now == 7.0 and found.weekly == (2.0, None)
