from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from someplan.domain.cadence import Cadence
from someplan.i18n import set_language


@pytest.mark.parametrize(
    "text, cadence",
    [
        ("weekly", Cadence("week", 1)),
        ("every 2 weeks", Cadence("week", 2)),
        ("every 3 weeks", Cadence("week", 3)),
        ("twice a month", Cadence("month", 2)),
        ("monthly", Cadence("month", 1)),
        ("ukentlig", Cadence("week", 1)),
        ("annenhver uke", Cadence("week", 2)),
        ("to ganger i måneden", Cadence("month", 2)),
        ("månedlig", Cadence("month", 1)),
        ("  Every   Other Week ", Cadence("week", 2)),
        ("hver tredje uke", Cadence("week", 3)),
        ("hver 4. uke", Cadence("week", 4)),
        ("3 times a month", Cadence("month", 3)),
    ],
)
def test_parse(text, cadence):
    assert Cadence.parse(text) == cadence


@pytest.mark.parametrize("text", ["", "daily", "every 0 weeks", "every banana weeks", "sometimes"])
def test_parse_refuses_unknown_text(text):
    with pytest.raises(ValueError):
        Cadence.parse(text)


@given(st.sampled_from(["week", "month"]), st.integers(1, 12))
def test_stored_and_norwegian_forms_parse_back(unit, n):
    cadence = Cadence(unit, n)
    assert Cadence.parse(str(cadence)) == cadence
    assert Cadence.parse(cadence.label("nb")) == cadence


def test_stored_form_is_english():
    assert [str(Cadence("week", n)) for n in (1, 2)] == ["weekly", "every 2 weeks"]
    assert [str(Cadence("month", n)) for n in (1, 2)] == ["monthly", "twice a month"]


def test_labels_are_in_the_language_asked_for_or_spoken_and_the_stored_form_never_changes():
    cadences = [Cadence("week", 1), Cadence("week", 2), Cadence("week", 3), Cadence("month", 2), Cadence("month", 4)]
    nb = ["ukentlig", "annenhver uke", "hver 3. uke", "to ganger i måneden", "4 ganger i måneden"]
    en = ["weekly", "every 2 weeks", "every 3 weeks", "twice a month", "4 times a month"]
    assert [c.label("nb") for c in cadences] == nb and [c.label("en") for c in cadences] == en
    assert [c.label() for c in cadences] == en  # the tests speak English
    set_language("nb")
    assert [c.label() for c in cadences] == nb and [c.label("en") for c in cadences] == en
    assert [str(c) for c in cadences] == en  # what is written to the workspace


def test_interval_days():
    assert Cadence("week", 1).interval_days == 7
    assert Cadence("week", 3).interval_days == 21
    assert Cadence("month", 2).interval_days == 15
    assert Cadence("month", 1).interval_days == 30


def test_next_after_follows_the_calendar_for_months():
    assert Cadence("month", 1).next_after(date(2026, 1, 31)) == date(2026, 2, 28)
    assert Cadence("month", 1).next_after(date(2026, 3, 15)) == date(2026, 4, 15)
    assert Cadence("month", 2).next_after(date(2026, 3, 1)) == date(2026, 3, 16)
    assert Cadence("week", 2).next_after(date(2026, 12, 28)) == date(2027, 1, 11)


@given(st.sampled_from(["week", "month"]), st.integers(1, 6), st.dates())
def test_next_is_always_later(unit, n, day):
    cadence = Cadence(unit, n)
    if day.year < 9999:
        assert cadence.next_after(day) > day


@given(st.dates(min_value=date(1990, 1, 1), max_value=date(2100, 12, 31)))
def test_a_month_later_is_what_arrow_says_without_importing_it(day):
    import arrow

    from someplan.domain.cadence import _one_month_after

    assert _one_month_after(day) == arrow.Arrow(day.year, day.month, day.day).shift(months=1).date()


def test_the_days_of_a_month_are_calendars():
    import calendar

    from someplan.domain.weeks import days_in_month

    for year in (1, 1900, 2000, 2023, 2024, 2100, 9999):
        for month in range(1, 13):
            assert days_in_month(year, month) == calendar.monthrange(year, month)[1]
