from datetime import date, timedelta

from hypothesis import given
from hypothesis import strategies as st

from someplan.domain.cadence import Cadence
from someplan.domain.category import Category
from someplan.domain.post import Post, Status
from someplan.domain.rotation import RotationState, last_post_dates, rotation, rotation_board

cadences = st.builds(Cadence, st.sampled_from(["week", "month"]), st.integers(1, 6))
days = st.dates(min_value=date(2000, 1, 1), max_value=date(2100, 1, 1))


@given(cadences, days)
def test_a_category_posted_today_is_not_overdue(cadence, today):
    status = rotation(Category("c", cadence=cadence), today, today)
    assert status.state is not RotationState.OVERDUE
    assert status.days_overdue == 0
    assert status.next_due > today


@given(cadences, days, st.integers(0, 400), st.integers(0, 400))
def test_overdue_grows_with_days_since_last_post(cadence, today, a, b):
    category = Category("c", cadence=cadence)
    sooner, later = sorted((a, b))
    recent = rotation(category, today - timedelta(days=sooner), today)
    older = rotation(category, today - timedelta(days=later), today)
    assert older.days_overdue >= recent.days_overdue


@given(cadences, days, st.integers(1, 400))
def test_overdue_means_past_the_due_date_by_that_many_days(cadence, today, since):
    status = rotation(Category("c", cadence=cadence), today - timedelta(days=since), today)
    assert (status.state is RotationState.OVERDUE) == (status.days_overdue > 0)
    assert status.next_due + timedelta(days=status.days_overdue) >= today


def test_weekly_states_through_a_week():
    weekly = Category("c", cadence=Cadence("week", 1))
    last = date(2026, 11, 9)  # Monday week 46, so due Monday week 47
    assert rotation(weekly, last, date(2026, 11, 13)).state is RotationState.OK
    assert rotation(weekly, last, date(2026, 11, 16)).state is RotationState.DUE
    late = rotation(weekly, last, date(2026, 11, 19))
    assert (late.state, late.days_overdue) == (RotationState.OVERDUE, 3)


def test_due_later_this_week_is_due():
    weekly = Category("c", cadence=Cadence("week", 1))
    assert rotation(weekly, date(2026, 11, 13), date(2026, 11, 16)).state is RotationState.DUE  # Fri → Fri


def test_never_posted_is_due_today():
    status = rotation(Category("c"), None, date(2026, 11, 18))
    assert (status.state, status.next_due, status.days_overdue) == (RotationState.DUE, date(2026, 11, 18), 0)


def test_inactive_category_is_paused():
    status = rotation(Category("c", active=False), date(2020, 1, 1), date(2026, 11, 18))
    assert status.state is RotationState.PAUSED


def test_last_post_counts_planned_posts_of_every_status():
    posts = [
        Post("1", category="tips", date=date(2026, 11, 2), status=Status.PUBLISHED),
        Post("2", category="tips", date=date(2026, 11, 30), status=Status.IDEA),
        Post("3", category="staff", date=date(2026, 10, 1)),
        Post("4", category="staff"),  # undated: not in the plan
        Post("5", date=date(2026, 12, 1)),  # no category
    ]
    assert last_post_dates(posts) == {"tips": date(2026, 11, 30), "staff": date(2026, 10, 1)}


def test_board_puts_the_most_urgent_first():
    categories = [
        Category("ok", name="OK", cadence=Cadence("month", 1)),
        Category("late", name="Late"),
        Category("paused", name="Paused", active=False),
    ]
    posts = [Post("1", category="ok", date=date(2026, 11, 10)), Post("2", category="late", date=date(2026, 10, 1))]
    board = rotation_board(categories, posts, today=date(2026, 11, 18))
    assert [r.category.id for r in board] == ["late", "ok", "paused"]
