"""Spreading a batch, the people registry's rules, coverage strips and the batch session record."""

from datetime import date, time, timedelta

from hypothesis import given
from hypothesis import strategies as st

from someplan.domain.batch import BatchSession, Step
from someplan.domain.cadence import Cadence
from someplan.domain.category import Category, rotation_order
from someplan.domain.channel import Channel
from someplan.domain.person import ConsentState, Person, consent_state, featured, long_unfeatured
from someplan.domain.post import Post
from someplan.domain.rotation import coverage
from someplan.domain.rotation_plan import spread
from someplan.domain.weeks import IsoWeek

W48 = IsoWeek(2026, 48)  # Monday 23 – Sunday 29 November 2026
TODAY = date(2026, 11, 22)


def test_spread_one_a_week_on_the_preferred_day_channel_and_time():
    staff = Category("staff", weekday=1, time=time(9), channel="fb")
    placed = spread(staff, 5, [Channel("fb", target_per_week=3)], [], W48, TODAY)
    assert [p.date for p in placed] == [(W48 + i).monday + timedelta(days=1) for i in range(5)]
    assert {(p.channel, p.time, p.category, p.post) for p in placed} == {("fb", time(9), "staff", None)}


def test_spread_follows_the_cadence_or_the_given_step():
    staff = Category("staff", weekday=0, channel="fb", cadence=Cadence("week", 2))
    fb = [Channel("fb", target_per_week=3)]
    assert [IsoWeek.of(p.date) - W48 for p in spread(staff, 3, fb, [], W48, TODAY)] == [0, 2, 4]
    assert [IsoWeek.of(p.date) - W48 for p in spread(staff, 3, fb, [], W48, TODAY, every_weeks=1)] == [0, 1, 2]


def test_spread_skips_holidays_and_full_weeks():
    staff = Category("staff", weekday=3, channel="fb")
    full = [Post(f"x{d}", channel="fb", date=(W48 + 1).monday + timedelta(days=d)) for d in range(2)]
    holiday = W48.monday + timedelta(days=3)
    placed = spread(staff, 2, [Channel("fb", target_per_week=2)], full, W48, TODAY, {holiday})
    assert placed[0].date == holiday - timedelta(days=1)  # the nearest day, the earlier of two
    assert IsoWeek.of(placed[1].date) == W48 + 2  # week 49 is full: the rest moves a week on


def test_spread_to_a_channel_without_target_one_a_week():
    staff = Category("staff", weekday=0, channel="tt")
    placed = spread(staff, 3, [Channel("tt", target_per_week=0)], [], W48, TODAY)
    assert [(p.channel, IsoWeek.of(p.date) - W48) for p in placed] == [("tt", 0), ("tt", 1), ("tt", 2)]


def test_spread_never_before_today():
    staff = Category("staff", weekday=0, channel="fb")
    placed = spread(staff, 1, [Channel("fb", target_per_week=3)], [], W48 - 1, date(2026, 11, 25))
    assert placed[0].date == date(2026, 11, 25)


def test_spread_starts_after_the_interview_day():
    """Issue 17.5: interviews on Wednesday; Monday's slot of that week is before there is anything to post."""
    staff = Category("staff", weekday=0, channel="fb")
    interview = W48.monday + timedelta(days=2)
    placed = spread(staff, 2, [Channel("fb", target_per_week=3)], [], W48, TODAY, after=interview)
    assert [p.date for p in placed] == [interview + timedelta(days=1), (W48 + 1).monday]


@given(
    count=st.integers(1, 8),
    step=st.one_of(st.none(), st.integers(1, 4)),
    weekday=st.one_of(st.none(), st.integers(0, 6)),
    target=st.integers(1, 4),
    busy=st.lists(st.integers(0, 60), max_size=30),
    holidays=st.lists(st.integers(0, 60), max_size=10),
    offset=st.integers(-10, 10),
)
def test_spread_properties(count, step, weekday, target, busy, holidays, offset):
    staff = Category("staff", weekday=weekday, channel="fb", cadence=Cadence("week", 1))
    today = W48.monday + timedelta(days=offset)
    posts = [Post(f"p{i}", channel="fb", date=W48.monday + timedelta(days=d)) for i, d in enumerate(busy)]
    days_off = {W48.monday + timedelta(days=d) for d in holidays}
    channels = [Channel("fb", target_per_week=target)]
    placed = spread(staff, count, channels, posts, W48, today, days_off, every_weeks=step)
    assert placed == spread(staff, count, channels, list(reversed(posts)), W48, today, days_off, every_weeks=step)
    assert len(placed) == count  # two years always have room
    dates = [p.date for p in placed]
    assert dates == sorted(dates) and len(set(dates)) == count
    assert all(day >= today and day not in days_off for day in dates)
    weeks = [IsoWeek.of(day) for day in dates]
    assert all(later - earlier >= (step or 1) for earlier, later in zip(weeks, weeks[1:]))
    for week in set(weeks):
        assert weeks.count(week) <= target - sum(1 for p in posts if p.date in week)  # never over the target


def test_consent_states():
    day = date(2026, 11, 22)
    assert consent_state(Person("a"), day) is ConsentState.MISSING
    assert consent_state(Person("a", consent=True), day) is ConsentState.VALID
    assert consent_state(Person("a", consent=True, consent_until=day), day) is ConsentState.EXPIRING
    assert consent_state(Person("a", consent=True, consent_until=day + timedelta(days=31)), day) is ConsentState.VALID
    assert consent_state(Person("a", consent=True, consent_until=day - timedelta(days=1)), day) is ConsentState.EXPIRED


def test_featured_and_long_unfeatured():
    day = date(2026, 11, 22)
    people = [Person("kari", "Kari"), Person("ola", "Ola"), Person("per", "Per"), Person("siv", "Siv"), Person("ny", "Ny")]
    posts = [
        Post("1", date=date(2026, 1, 10), people=("kari",)),
        Post("2", date=date(2026, 10, 1), people=("ola",)),
        Post("3", date=date(2025, 1, 10), people=("per",)),
        Post("4", date=date(2026, 12, 1), people=("per",)),  # planned: not waiting
        Post("5", date=date(2025, 6, 1), people=("siv", "siv")),
        Post("6", people=("ny",)),  # undated: not a feature
    ]
    seen = featured(posts, day)
    assert seen["per"].last == date(2025, 1, 10) and seen["per"].next == date(2026, 12, 1) and seen["per"].posts == 2
    assert seen["siv"].posts == 1
    assert [p.id for p in long_unfeatured(people, posts, day)] == ["ny", "siv", "kari"]


def test_coverage_strip_counts_posts_per_week_oldest_first():
    posts = [
        Post("1", category="a", date=W48.monday),
        Post("2", category="a", date=W48.sunday),
        Post("3", category="a", date=(W48 - 2).monday),
        Post("4", category="a", date=(W48 - 12).monday),  # before the strip
        Post("5", category="b", date=(W48 + 1).monday),  # after it
    ]
    assert coverage(posts, W48, 4) == {"a": (0, 1, 0, 2)}


def test_rotation_order_ranked_first_then_by_name():
    categories = [Category("1", "b"), Category("2", "a"), Category("3", "z", rank=0), Category("4", "y", rank=1)]
    assert [c.name for c in sorted(categories, key=rotation_order)] == ["z", "y", "a", "b"]


def test_batch_session_round_trip_and_schedule():
    session = BatchSession(
        "s", "staff", ("kari", "ola", "per"), date(2026, 11, 24), time(10), 15, "Hva?", Step.SESSION, 1,
        {"kari": "svar"}, {"kari": "folk/kari.jpg"}, (),
    )
    assert BatchSession.from_doc(session.to_doc(), "s") == session
    assert session.active == "ola"
    assert session.schedule() == [(time(10), "kari"), (time(10, 15), "ola"), (time(10, 30), "per")]


def test_batch_session_reads_bad_data_safely():
    session = BatchSession.from_doc({"people": ["a", 3], "current": 9, "notes": "x", "step": "??", "minutes": 0}, "s")
    assert session.people == ("a",) and session.current == 0 and session.notes == {}
    assert session.step is Step.CATEGORY and session.minutes == 1
