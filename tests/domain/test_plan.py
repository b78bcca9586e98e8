from datetime import date, time

from someplan.domain.channel import Channel
from someplan.domain.plan import planned_vs_target, week_plan
from someplan.domain.post import Post
from someplan.domain.weeks import IsoWeek

WEEK = IsoWeek(2026, 47)  # 16–22 Nov


def test_week_plan_has_seven_days_and_only_this_weeks_posts():
    posts = [
        Post("in", date=date(2026, 11, 18)),
        Post("before", date=date(2026, 11, 15)),
        Post("after", date=date(2026, 11, 23)),
        Post("undated"),
    ]
    plan = week_plan(posts, WEEK)
    assert [day.date for day in plan.days] == list(WEEK.dates())
    assert [post.id for post in plan.posts] == ["in"]
    assert [post.id for post in plan.days[2].posts] == ["in"]


def test_a_day_is_sorted_by_time_then_title_untimed_last():
    day = date(2026, 11, 17)
    posts = [
        Post("untimed-b", title="b", date=day),
        Post("late", title="a", date=day, time=time(18, 0)),
        Post("untimed-a", title="A", date=day),
        Post("early-b", title="b", date=day, time=time(8, 30)),
        Post("early-a", title="a", date=day, time=time(8, 30)),
        Post("midnight", title="z", date=day, time=time(0, 0)),
    ]
    order = [post.id for post in week_plan(posts, WEEK).days[1].posts]
    assert order == ["midnight", "early-a", "early-b", "late", "untimed-a", "untimed-b"]


def test_planned_vs_target_per_channel():
    channels = [Channel("fb", target_per_week=3), Channel("ig", target_per_week=2), Channel("li")]
    posts = [
        Post("1", channel="fb", date=date(2026, 11, 16)),
        Post("2", channel="fb", date=date(2026, 11, 22)),
        Post("3", channel="ig", date=date(2026, 11, 20)),
        Post("4", channel="ig", date=date(2026, 11, 20)),
        Post("5", channel="ig", date=date(2026, 11, 20)),
        Post("6", channel="fb", date=date(2026, 11, 23)),  # next week
        Post("7", channel="gone", date=date(2026, 11, 20)),
    ]
    loads = planned_vs_target(posts, channels, WEEK)
    assert [(load.channel.id, load.planned, load.target, load.missing) for load in loads] == [
        ("fb", 2, 3, 1),
        ("ig", 3, 2, 0),
        ("li", 0, 0, 0),
    ]
