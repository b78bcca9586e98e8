"""Flag days and observance days: the rules in the shipped data file against dates worked out by
hand for 2026 and 2027 (Easter Sunday: 5 April 2026, 28 March 2027), week 53 of 2026 included."""

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from someplan.domain.norwegian_calendar import (
    LAST,
    SUNDAY,
    THURSDAY,
    CalendarDataError,
    EasterOffset,
    Fixed,
    NthWeekday,
    WeekdayOnOrAfter,
    calendar_days,
    entries_in,
    parse_calendar,
    parse_rule,
)
from someplan.services.calendar_data import shipped_file

SHIPPED, SHIPPED_PROBLEMS = parse_calendar(shipped_file().read_text(encoding="utf-8"))

FLAG_DAYS = {  # name: (2026, 2027)
    "Første nyttårsdag": (date(2026, 1, 1), date(2027, 1, 1)),
    "Prinsesse Ingrid Alexandras fødselsdag": (date(2026, 1, 21), date(2027, 1, 21)),
    "Samefolkets dag": (date(2026, 2, 6), date(2027, 2, 6)),
    "Kong Harald Vs fødselsdag": (date(2026, 2, 21), date(2027, 2, 21)),
    "Første påskedag": (date(2026, 4, 5), date(2027, 3, 28)),
    "Offentlig høytidsdag": (date(2026, 5, 1), date(2027, 5, 1)),
    "Frigjøringsdagen": (date(2026, 5, 8), date(2027, 5, 8)),
    "Grunnlovsdag": (date(2026, 5, 17), date(2027, 5, 17)),
    "Første pinsedag": (date(2026, 5, 24), date(2027, 5, 16)),
    "Unionsoppløsningen": (date(2026, 6, 7), date(2027, 6, 7)),
    "Dronning Sonjas fødselsdag": (date(2026, 7, 4), date(2027, 7, 4)),
    "Kronprins Haakon Magnus' fødselsdag": (date(2026, 7, 20), date(2027, 7, 20)),
    "Olsokdagen": (date(2026, 7, 29), date(2027, 7, 29)),
    "Kronprinsesse Mette-Marits fødselsdag": (date(2026, 8, 19), date(2027, 8, 19)),
    "Første juledag": (date(2026, 12, 25), date(2027, 12, 25)),
}

OBSERVANCES = {
    "Morsdag": (date(2026, 2, 8), date(2027, 2, 14)),  # 2nd Sunday of February; 2027: Valentine's too
    "Valentinsdag": (date(2026, 2, 14), date(2027, 2, 14)),
    "Fastelavn": (date(2026, 2, 15), date(2027, 2, 7)),  # Easter − 49 days
    "Kvinnedagen": (date(2026, 3, 8), date(2027, 3, 8)),
    "Sankthansaften": (date(2026, 6, 23), date(2027, 6, 23)),
    "22. juli-dagen": (date(2026, 7, 22), date(2027, 7, 22)),
    "FN-dagen": (date(2026, 10, 24), date(2027, 10, 24)),
    "Halloween": (date(2026, 10, 31), date(2027, 10, 31)),
    "Farsdag": (date(2026, 11, 8), date(2027, 11, 14)),  # 2nd Sunday of November
    "Black Friday": (date(2026, 11, 27), date(2027, 11, 26)),  # the day after the 4th Thursday
    "Cyber Monday": (date(2026, 11, 30), date(2027, 11, 29)),  # the Monday after
    "Første søndag i advent": (date(2026, 11, 29), date(2027, 11, 28)),
    "Andre søndag i advent": (date(2026, 12, 6), date(2027, 12, 5)),
    "Tredje søndag i advent": (date(2026, 12, 13), date(2027, 12, 12)),
    "Fjerde søndag i advent": (date(2026, 12, 20), date(2027, 12, 19)),
    "Luciadagen": (date(2026, 12, 13), date(2027, 12, 13)),
    "Lille julaften": (date(2026, 12, 23), date(2027, 12, 23)),
    "Julaften": (date(2026, 12, 24), date(2027, 12, 24)),
    "Nyttårsaften": (date(2026, 12, 31), date(2027, 12, 31)),
}


def named(year: int, kind: str) -> dict[str, date]:
    days = calendar_days(date(year, 1, 1), date(year, 12, 31), entries=SHIPPED)
    return {day.name: day.date for day in days if day.kind == kind}


def test_the_shipped_file_reads_without_problems():
    assert SHIPPED_PROBLEMS == []
    assert len(SHIPPED) == len(FLAG_DAYS) + len(OBSERVANCES)


@pytest.mark.parametrize("year_index, year", [(0, 2026), (1, 2027)])
def test_every_flag_day(year_index, year):
    assert named(year, "flag_day") == {name: dates[year_index] for name, dates in FLAG_DAYS.items()}


@pytest.mark.parametrize("year_index, year", [(0, 2026), (1, 2027)])
def test_every_observance_day(year_index, year):
    assert named(year, "observance") == {name: dates[year_index] for name, dates in OBSERVANCES.items()}


def test_public_holidays_come_from_the_holidays_package_in_norwegian():
    holidays_2026 = named(2026, "holiday")
    assert len(holidays_2026) == 12
    assert holidays_2026["Første påskedag"] == date(2026, 4, 5)
    assert holidays_2026["Kristi himmelfartsdag"] == date(2026, 5, 14)
    holidays_2027 = named(2027, "holiday")
    assert holidays_2027["Skjærtorsdag"] == date(2027, 3, 25)
    may_17 = calendar_days(date(2027, 5, 17), date(2027, 5, 17), entries=SHIPPED)
    assert [(d.name, d.kind) for d in may_17] == [  # Whit Monday on Constitution Day: two names, not one
        ("Andre pinsedag", "holiday"), ("Grunnlovsdag", "holiday"), ("Grunnlovsdag", "flag_day"),
    ]


def test_week_53_of_2026_runs_into_2027():
    days = calendar_days(date(2026, 12, 28), date(2027, 1, 3), entries=SHIPPED)
    assert [(d.date, d.name, d.kind) for d in days] == [
        (date(2026, 12, 31), "Nyttårsaften", "observance"),
        (date(2027, 1, 1), "Første nyttårsdag", "holiday"),
        (date(2027, 1, 1), "Første nyttårsdag", "flag_day"),
    ]


def test_first_advent_is_the_sunday_from_27_november_to_3_december():
    for year in range(2000, 2101):
        advent = named(year, "observance")["Første søndag i advent"]
        assert advent.weekday() == 6
        assert date(year, 11, 27) <= advent <= date(year, 12, 3)


def test_a_day_can_be_holiday_and_flag_day_holiday_first():
    may_17 = calendar_days(date(2026, 5, 17), date(2026, 5, 17), entries=SHIPPED)
    assert [day.kind for day in may_17] == ["holiday", "flag_day"]


def test_range_is_inclusive_sorted_and_spans_years():
    days = calendar_days(date(2026, 12, 24), date(2027, 1, 1), entries=SHIPPED)
    assert [d.date for d in days] == sorted(d.date for d in days)
    assert days[0].date == date(2026, 12, 24)
    assert days[-1].date == date(2027, 1, 1)
    assert {d.date.year for d in days} == {2026, 2027}


def test_english_names():
    days = calendar_days(date(2026, 11, 8), date(2026, 11, 8), locale="en", entries=SHIPPED)
    assert [(d.name, d.kind) for d in days] == [("Father's Day", "observance")]
    may_17 = calendar_days(date(2026, 5, 17), date(2026, 5, 17), locale="en", entries=SHIPPED)
    assert [d.name for d in may_17] == ["Constitution Day", "Constitution Day"]


# -- the rules and the file format ---------------------------------------------------------------


@pytest.mark.parametrize(
    "text, rule",
    [
        ("fixed 05-17", Fixed(5, 17)),
        ("fixed 5-7", Fixed(5, 7)),
        ("nth-weekday 11 sunday 2", NthWeekday(11, SUNDAY, 2)),
        ("nth-weekday 11 thursday 4 +1", NthWeekday(11, THURSDAY, 4, 1)),
        ("nth-weekday 05 søndag last -7", NthWeekday(5, SUNDAY, LAST, -7)),
        ("weekday-on-or-after 11-27 sunday", WeekdayOnOrAfter(11, 27, SUNDAY)),
        ("easter -49", EasterOffset(-49)),
        ("easter 0", EasterOffset(0)),
        ("Easter +39", EasterOffset(39)),
    ],
)
def test_rules_are_read_from_text(text, rule):
    assert parse_rule(text) == rule


@pytest.mark.parametrize(
    "text",
    ["", "fixed", "fixed 13-01", "fixed 02-30", "fixed 17.05", "nth-weekday 11 sundy 2", "nth-weekday 11 sunday 5",
     "nth-weekday 0 sunday 1", "easter 49", "easter +x", "weekday-on-or-after 02-29 monday", "every day"],
)  # fmt: skip
def test_bad_rules_say_what_is_wrong(text):
    with pytest.raises(CalendarDataError) as error:
        parse_rule(text)
    assert "\n" not in str(error.value) and str(error.value)


def test_29_february_only_in_leap_years():
    entries, problems = parse_calendar(
        '[[day]]\nkind = "observance"\nrule = "fixed 02-29"\nnb = "Skuddårsdagen"\nen = "Leap day"\n'
    )
    assert problems == []
    assert [d.date for d in entries_in(entries, 2028)] == [date(2028, 2, 29)]
    assert entries_in(entries, 2026) == []


def test_the_last_weekday_of_a_month():
    assert NthWeekday(5, SUNDAY, LAST).date_in(2026) == date(2026, 5, 31)
    assert NthWeekday(2, SUNDAY, LAST).date_in(2027) == date(2027, 2, 28)


def test_a_bad_day_is_skipped_and_named_the_others_kept():
    text = """
[[day]]
kind = "observance"
rule = "fixed 04-01"
nb = "Aprilsnarr"
en = "April Fools' Day"

[[day]]
kind = "observance"
rule = "nth-weekday 11 sundy 2"
nb = "Farsdag"
en = "Father's Day"

[[day]]
kind = "birthday"
rule = "fixed 01-01"
nb = "X"
en = "X"

[[day]]
kind = "flag_day"
rule = "fixed 01-01"
nb = "Uten engelsk navn"
"""
    entries, problems = parse_calendar(text)
    assert [e.name for e in entries] == ["Aprilsnarr"]
    assert len(problems) == 3
    assert problems[0].startswith("day 2 (Farsdag): not a weekday: 'sundy'")
    assert "kind must be flag_day or observance" in problems[1]
    assert "needs a name in nb and in en" in problems[2]


def test_a_file_that_is_not_toml_gives_no_days_and_one_problem():
    entries, problems = parse_calendar("[[day]\nkind = ")
    assert entries == [] and len(problems) == 1 and problems[0].startswith("not a TOML file")
    assert parse_calendar("day = 3") == ([], ["[[day]] entries expected"])


@given(st.integers(1950, 2200))
def test_rules_land_where_they_say(year):
    days = {
        d.name: d.date
        for d in calendar_days(date(year, 1, 1), date(year, 12, 31), entries=SHIPPED, holidays_of=lambda year, language: {})
    }
    assert days["Morsdag"].weekday() == SUNDAY and 8 <= days["Morsdag"].day <= 14
    assert days["Farsdag"].weekday() == SUNDAY and 8 <= days["Farsdag"].day <= 14
    assert days["Black Friday"].weekday() == 4 and 23 <= days["Black Friday"].day <= 29
    assert (days["Cyber Monday"] - days["Black Friday"]).days == 3
    assert (days["Første påskedag"] - days["Fastelavn"]).days == 49
    assert (days["Fjerde søndag i advent"] - days["Første søndag i advent"]).days == 21


def test_kinds_by_name_keeps_each_name_once_with_every_kind():
    from someplan.domain.norwegian_calendar import CalendarDay, kinds_by_name

    may17 = date(2026, 5, 17)
    days = [CalendarDay(may17, "Grunnlovsdag", "holiday"), CalendarDay(may17, "Grunnlovsdag", "flag_day"),
            CalendarDay(may17, "Andre pinsedag", "holiday"), CalendarDay(may17, "Grunnlovsdag", "flag_day")]  # fmt: skip
    assert kinds_by_name(days) == {"Grunnlovsdag": ["holiday", "flag_day"], "Andre pinsedag": ["holiday"]}
