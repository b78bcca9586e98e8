from datetime import date, timedelta
from itertools import pairwise

import pytest
from hypothesis import given
from hypothesis import strategies as st

from someplan.domain.weeks import IsoWeek, parse_week, range_label, week_label, week_of, weeks_in_year, weeks_touching

days = st.dates(min_value=date(1950, 1, 8), max_value=date(2900, 12, 24))  # arithmetic stays in PLAN_YEARS
shifts = st.integers(min_value=-2000, max_value=2000)


@given(days)
def test_the_week_of_a_day_contains_it(day):
    week = week_of(day)
    assert day in week
    assert day in week.dates()


@given(days)
def test_a_week_is_monday_to_sunday_consecutive(day):
    dates = week_of(day).dates()
    assert [d.weekday() for d in dates] == list(range(7))
    assert all(b - a == timedelta(days=1) for a, b in pairwise(dates))


@given(days, shifts)
def test_adding_then_subtracting_weeks_is_identity(day, n):
    week = week_of(day)
    assert (week + n) - n == week
    assert (week + n) - week == n


@given(days)
def test_next_week_starts_the_day_after_this_week_ends(day):
    week = week_of(day)
    assert (week + 1).monday == week.sunday + timedelta(days=1)


def test_2026_has_week_53_and_2025_does_not():
    assert weeks_in_year(2026) == 53
    assert weeks_in_year(2025) == 52
    assert IsoWeek(2026, 53).dates()[0] == date(2026, 12, 28)
    with pytest.raises(ValueError):
        IsoWeek(2025, 53)


def test_week_arithmetic_crosses_year_ends():
    assert IsoWeek(2026, 52) + 1 == IsoWeek(2026, 53)
    assert IsoWeek(2026, 53) + 1 == IsoWeek(2027, 1)
    assert IsoWeek(2025, 52) + 1 == IsoWeek(2026, 1)
    assert IsoWeek(2026, 1) - 1 == IsoWeek(2025, 52)
    assert week_of(date(2025, 12, 29)) == IsoWeek(2026, 1)  # a Monday in December, week 1
    assert week_of(date(2027, 1, 3)) == IsoWeek(2026, 53)


@pytest.mark.parametrize(
    "text, expected",
    [
        ("47", IsoWeek(2026, 47)),
        (" 7 ", IsoWeek(2026, 7)),
        ("uke 47", IsoWeek(2026, 47)),
        ("Uke 47", IsoWeek(2026, 47)),
        ("week 47", IsoWeek(2026, 47)),
        ("w47", IsoWeek(2026, 47)),
        ("2026-W47", IsoWeek(2026, 47)),
        ("2027-w03", IsoWeek(2027, 3)),
        ("2026W53", IsoWeek(2026, 53)),
        ("uke 12 2027", IsoWeek(2027, 12)),
        ("47/2025", IsoWeek(2025, 47)),
        ("53", IsoWeek(2026, 53)),
    ],
)
def test_parse_week(text, expected):
    assert parse_week(text, reference_year=2026) == expected


@pytest.mark.parametrize("text", ["", "uke", "0", "54", "2025-W53", "uke 47b", "2026-47", "forty"])
def test_parse_week_refuses_what_is_not_a_week(text):
    with pytest.raises(ValueError):
        parse_week(text, reference_year=2026)


def test_53_without_a_year_is_refused_in_a_52_week_year():
    with pytest.raises(ValueError):
        parse_week("53", reference_year=2025)


@pytest.mark.parametrize(
    "week, locale, label",
    [
        (IsoWeek(2026, 47), "nb", "uke 47 · 16.–22. nov"),
        (IsoWeek(2026, 47), "en", "week 47 · 16–22 Nov"),
        (IsoWeek(2026, 49), "nb", "uke 49 · 30. nov–6. des"),
        (IsoWeek(2026, 49), "en", "week 49 · 30 Nov–6 Dec"),
        (IsoWeek(2026, 1), "nb", "uke 1 · 29. des–4. jan"),
        (IsoWeek(2026, 19), "nb", "uke 19 · 4.–10. mai"),
    ],
)
def test_week_label(week, locale, label):
    assert week_label(week, locale) == label


@pytest.mark.parametrize(
    "first, last, locale, label",
    [
        (date(2026, 12, 5), date(2026, 12, 5), "nb", "5. des"),
        (date(2026, 11, 23), date(2026, 11, 30), "nb", "23.–30. nov"),
        (date(2026, 11, 23), date(2026, 11, 30), "en", "23–30 Nov"),
        (date(2026, 11, 13), date(2026, 12, 19), "nb", "13. nov–19. des"),
        (date(2026, 12, 28), date(2027, 1, 3), "nb", "28. des 2026–3. jan 2027"),
        (date(2026, 12, 28), date(2027, 1, 3), "en", "28 Dec 2026–3 Jan 2027"),
    ],
)
def test_range_label_names_the_month_and_year_only_when_they_change(first, last, locale, label):
    assert range_label(first, last, locale) == label


def test_str_is_the_iso_form_and_parses_back():
    assert str(IsoWeek(2026, 7)) == "2026-W07"
    assert parse_week(str(IsoWeek(2026, 7)), 1999) == IsoWeek(2026, 7)


def test_weeks_outside_the_planned_years_are_refused():
    import pytest

    from someplan.domain.weeks import IsoWeek

    with pytest.raises(ValueError, match="outside the years"):
        IsoWeek(9999, 1)
    with pytest.raises(ValueError):
        IsoWeek(2999, 52) + 1


def test_day_and_month_names_are_arrows():
    # weeks.py spells the names out so `someplan status` need not import arrow; arrow's locales
    # stay the reference for the spelling.
    import arrow.locales

    from someplan.domain import weeks

    for code, weekdays, months in (("nb", weeks.WEEKDAYS_NB, weeks.MONTHS_NB), ("en", weeks.WEEKDAYS_EN, weeks.MONTHS_EN)):
        locale = arrow.locales.get_locale(code)
        assert weekdays == tuple(locale.day_names[1:])
        assert months == tuple(locale.month_names[1:])
        assert tuple(weeks.month_name(m, code, short=True) for m in range(1, 13)) == tuple(locale.month_abbreviations[1:])


@pytest.mark.parametrize(
    "first, last, locale, year, label",
    [
        (date(2026, 12, 5), date(2026, 12, 5), "nb", None, "5. des"),
        (date(2026, 11, 23), date(2026, 11, 30), "nb", None, "23.–30. nov"),
        (date(2026, 11, 23), date(2026, 11, 30), "en", None, "23–30 Nov"),
        (date(2026, 11, 13), date(2026, 12, 19), "nb", None, "13. nov–19. des"),
        (date(2026, 12, 1), date(2027, 3, 31), "nb", None, "1. des 2026–31. mar 2027"),
        (date(2026, 12, 28), date(2027, 1, 3), "en", False, "28 Dec–3 Jan"),
        (date(2026, 11, 23), date(2026, 11, 30), "nb", True, "23.–30. nov 2026"),
    ],
)
def test_range_label(first, last, locale, year, label):
    assert range_label(first, last, locale, year) == label


@given(days, st.integers(min_value=-10, max_value=800))
def test_the_weeks_touching_a_span_are_the_weeks_of_its_days(first, length):
    last = min(first + timedelta(days=length), date(2900, 12, 24))
    by_day = sorted({IsoWeek.of(first + timedelta(days=d)) for d in range((last - first).days + 1)})
    assert weeks_touching(first, last) == by_day


def test_a_year_of_53_weeks_and_a_month_across_two_years():
    assert len(weeks_touching(date(2026, 1, 1), date(2026, 12, 31))) == 53
    assert [str(w) for w in weeks_touching(date(2026, 12, 1), date(2026, 12, 31))][-2:] == ["2026-W52", "2026-W53"]
    assert [str(w) for w in weeks_touching(date(2027, 1, 1), date(2027, 1, 31))][0] == "2026-W53"
