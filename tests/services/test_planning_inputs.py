"""Dates and times as people type them: "fredag", "friday", "0930" as well as ISO."""

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from someplan.domain.weeks import WEEKDAYS_EN, WEEKDAYS_NB
from someplan.services.errors import UserError
from someplan.services.user_input import parse_date, parse_time

SATURDAY = dt.date(2026, 12, 5)


@pytest.mark.parametrize("text, day", [
    ("fredag", dt.date(2026, 12, 11)), ("Friday", dt.date(2026, 12, 11)), ("fre", dt.date(2026, 12, 11)),
    ("lørdag", SATURDAY), ("søndag", dt.date(2026, 12, 6)), ("man.", dt.date(2026, 12, 7)),
    ("i morgen", dt.date(2026, 12, 6)), ("2026-12-24", dt.date(2026, 12, 24)), ("24.12", dt.date(2026, 12, 24)),
])  # fmt: skip
def test_a_weekday_is_the_next_one_today_included(text, day):
    assert parse_date(text, SATURDAY) == day


@given(st.dates(dt.date(2025, 1, 1), dt.date(2030, 12, 31)), st.integers(0, 6), st.sampled_from(["nb", "en"]))
def test_every_weekday_name_lands_within_the_coming_week(today, weekday, locale):
    name = (WEEKDAYS_NB if locale == "nb" else WEEKDAYS_EN)[weekday]
    found = parse_date(name, today)
    assert found.weekday() == weekday and 0 <= (found - today).days < 7


@given(st.times().map(lambda t: t.replace(second=0, microsecond=0)))
def test_a_time_reads_back_however_it_is_written(time):
    for text in (f"{time:%H:%M}", f"{time:%H%M}", f"{time.hour}.{time:%M}", f"{time.hour}{time:%M}", f"kl. {time:%H.%M}"):
        assert parse_time(text) == time, text


@pytest.mark.parametrize("text, time", [("9", dt.time(9)), ("09", dt.time(9)), ("930", dt.time(9, 30)),
                                        ("09:30:15", dt.time(9, 30, 15))])  # fmt: skip
def test_short_times(text, time):
    assert parse_time(text) == time


@pytest.mark.parametrize("text", ["2400", "0960", "12345", "ni", "", "9:3"])
def test_not_a_time(text):
    with pytest.raises(UserError, match="not a time"):
        parse_time(text)


def test_not_a_date():
    with pytest.raises(UserError, match="not a date"):
        parse_date("fredagen", SATURDAY)
