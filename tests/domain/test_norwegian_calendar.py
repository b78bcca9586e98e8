from datetime import date

import pytest

from someplan.domain.norwegian_calendar import FLAG_DAYS, OBSERVANCES, calendar_days


def named(year: int, kind: str) -> dict[str, date]:
    return {day.name: day.date for day in calendar_days(date(year, 1, 1), date(year, 12, 31)) if day.kind == kind}


@pytest.mark.parametrize(
    "name, expected",
    [
        ("Morsdag", date(2026, 2, 8)),
        ("Valentinsdag", date(2026, 2, 14)),
        ("Fastelavn", date(2026, 2, 15)),
        ("Sankthansaften", date(2026, 6, 23)),
        ("22. juli-dagen", date(2026, 7, 22)),
        ("FN-dagen", date(2026, 10, 24)),
        ("Halloween", date(2026, 10, 31)),
        ("Farsdag", date(2026, 11, 8)),
        ("Black Friday", date(2026, 11, 27)),
        ("Cyber Monday", date(2026, 11, 30)),
        ("Første søndag i advent", date(2026, 11, 29)),
        ("Julaften", date(2026, 12, 24)),
        ("Nyttårsaften", date(2026, 12, 31)),
    ],
)
def test_observances_2026(name, expected):
    assert named(2026, "observance")[name] == expected


@pytest.mark.parametrize(
    "name, expected",
    [
        ("Morsdag", date(2027, 2, 14)),  # same day as Valentinsdag that year
        ("Fastelavn", date(2027, 2, 7)),  # Easter 2027 is 28 March
        ("Farsdag", date(2027, 11, 14)),
        ("Black Friday", date(2027, 11, 26)),
        ("Cyber Monday", date(2027, 11, 29)),
        ("Første søndag i advent", date(2027, 11, 28)),
    ],
)
def test_observances_2027(name, expected):
    assert named(2027, "observance")[name] == expected


def test_first_advent_is_the_sunday_from_27_november_to_3_december():
    for year in range(2000, 2101):
        advent = named(year, "observance")["Første søndag i advent"]
        assert advent.weekday() == 6
        assert date(year, 11, 27) <= advent <= date(year, 12, 3)


def test_flag_days_2026():
    flags = named(2026, "flag_day")
    assert flags["Samefolkets dag"] == date(2026, 2, 6)
    assert flags["Første påskedag"] == date(2026, 4, 5)
    assert flags["Første pinsedag"] == date(2026, 5, 24)
    assert {(d.month, d.day) for d in flags.values()} >= {
        (1, 1), (1, 21), (2, 6), (2, 21), (5, 1), (5, 8), (5, 17), (6, 7),
        (7, 4), (7, 20), (7, 29), (8, 19), (12, 25),
    }  # fmt: skip
    assert len(flags) == len(FLAG_DAYS)


def test_public_holidays_come_from_the_holidays_package_in_norwegian():
    holidays = named(2026, "holiday")
    assert len(holidays) == 12
    assert holidays["Første påskedag"] == date(2026, 4, 5)
    assert holidays["Kristi himmelfartsdag"] == date(2026, 5, 14)


def test_a_day_can_be_holiday_and_flag_day_holiday_first():
    may_17 = calendar_days(date(2026, 5, 17), date(2026, 5, 17))
    assert [day.kind for day in may_17] == ["holiday", "flag_day"]


def test_range_is_inclusive_sorted_and_spans_years():
    days = calendar_days(date(2026, 12, 24), date(2027, 1, 1))
    assert [d.date for d in days] == sorted(d.date for d in days)
    assert days[0].date == date(2026, 12, 24)
    assert days[-1].date == date(2027, 1, 1)
    assert {d.date.year for d in days} == {2026, 2027}


def test_english_names():
    days = calendar_days(date(2026, 11, 8), date(2026, 11, 8), locale="en")
    assert [(d.name, d.kind) for d in days] == [("Father's Day", "observance")]
    may_17 = calendar_days(date(2026, 5, 17), date(2026, 5, 17), locale="en")
    assert [d.name for d in may_17] == ["Constitution Day", "Constitution Day"]


def test_every_entry_has_both_names():
    for entry in FLAG_DAYS + OBSERVANCES:
        assert entry.name and entry.name_en
