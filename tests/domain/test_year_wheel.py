"""The year wheel: weeks and months of a year, post load, campaigns as clipped spans in lanes."""

from datetime import date, timedelta

from hypothesis import given
from hypothesis import strategies as st

from someplan.domain.event import Event, EventKind
from someplan.domain.norwegian_calendar import calendar_days, parse_calendar
from someplan.domain.weeks import IsoWeek, weeks_in_year
from someplan.domain.year_wheel import heat, wheel_range, year_wheel
from someplan.services.calendar_data import shipped_file

years = st.integers(1901, 2998)


def days_of(first: date, last: date) -> list[date]:
    return [first + timedelta(days=n) for n in range((last - first).days + 1)]


@given(years)
def test_every_day_of_the_weeks_is_in_exactly_one_week_row(year):
    wheel = year_wheel(year, [], [], [])
    assert len(wheel.weeks) == weeks_in_year(year)
    shown = [day for row in wheel.weeks for day in row.week.dates()]
    assert shown == days_of(IsoWeek(year, 1).monday, IsoWeek(year, weeks_in_year(year)).sunday)


# The day may fall in the next year, whose next year must still be one someplan plans.
@given(st.integers(1901, 2997), st.integers(0, 365))
def test_every_calendar_day_has_one_row_in_the_wheels_of_its_year_and_the_neighbours(year, offset):
    day = date(year, 1, 1) + timedelta(days=offset)
    rows = {y: year_wheel(y, [], [], []).week_row(day) for y in (day.year - 1, day.year, day.year + 1)}
    holding = [y for y, row in rows.items() if row is not None]
    assert holding == [day.isocalendar().year]
    assert day in rows[holding[0]].week


@given(years)
def test_the_months_cover_the_calendar_year(year):
    wheel = year_wheel(year, [], [], [])
    assert [m.month for m in wheel.months] == list(range(1, 13))
    assert [d for m in wheel.months for d in days_of(m.first, m.last)] == days_of(date(year, 1, 1), date(year, 12, 31))
    assert (wheel.first, wheel.last) == wheel_range(year)


def event_in(year: int):
    return st.tuples(st.integers(-400, 760), st.integers(0, 200), st.sampled_from(list(EventKind))).map(
        lambda t: Event(f"e{t[0]}-{t[1]}", f"E {t[0]}", date(year, 1, 1) + timedelta(days=t[0]),
                        date(year, 1, 1) + timedelta(days=t[0] + t[1]), t[2])
    )  # fmt: skip


@given(
    st.integers(2020, 2030).flatmap(lambda y: st.tuples(st.just(y), st.lists(event_in(y), max_size=8, unique_by=lambda e: e.id)))
)
def test_spans_cover_exactly_their_days_inside_the_wheel_and_lanes_share_no_week(case):
    year, events = case
    wheel = year_wheel(year, [], events, [])
    first, last = wheel_range(year)
    by_id = {span.event.id: span for span in wheel.spans}
    for event in events:
        inside = [d for d in days_of(event.start, event.end) if first <= d <= last]
        span = by_id.get(event.id)
        if not inside:
            assert span is None
            continue
        assert [d for d in days_of(first, last) if span.covers(d)] == inside
        assert span.cut_before == (event.start < first) and span.cut_after == (event.end > last)
    for a in wheel.spans:
        for b in wheel.spans:
            if a is not b and a.lane == b.lane:
                weeks_a = {IsoWeek.of(d) for d in days_of(a.first, a.last)}
                assert not weeks_a & {IsoWeek.of(d) for d in days_of(b.first, b.last)}
    assert wheel.lanes <= len(wheel.spans)


@given(years.flatmap(lambda y: st.tuples(st.just(y),
                                          st.lists(st.integers(-20, 390).map(lambda n: date(y, 1, 1) + timedelta(days=n))))),
       st.integers(0, 30))  # fmt: skip
def test_posts_are_counted_in_their_week_and_month_and_heat_is_zero_only_without_posts(case, target):
    year, dates = case
    wheel = year_wheel(year, dates, [], [], target)
    first_week, last_week = wheel.weeks[0].first, wheel.weeks[-1].last
    assert sum(row.posts for row in wheel.weeks) == sum(first_week <= d <= last_week for d in dates)
    assert sum(m.posts for m in wheel.months) == sum(d.year == year for d in dates)
    for row in [*wheel.weeks, *wheel.months]:
        assert 0 <= row.heat <= 4
        assert (row.heat == 0) == (row.posts == 0)


def test_heat_against_a_target_and_without_one():
    assert [heat(n, 10, 99) for n in (0, 1, 4, 5, 9, 10, 14, 15, 40)] == [0, 1, 1, 2, 2, 3, 3, 4, 4]
    assert [heat(n, 0, 8) for n in (0, 1, 2, 3, 4, 6, 8)] == [0, 1, 1, 2, 2, 3, 4]


def test_2026_has_53_weeks_and_week_53_runs_into_2027_with_new_years_eve_and_day():
    entries, _ = parse_calendar(shipped_file().read_text(encoding="utf-8"))
    first, last = wheel_range(2026)
    assert (first, last) == (date(2025, 12, 29), date(2027, 1, 3))
    days = calendar_days(first, last, "nb", entries=entries)
    wheel = year_wheel(2026, [date(2026, 12, 31), date(2027, 1, 2), date(2027, 1, 4)], [], days)
    week_53 = wheel.weeks[-1]
    assert str(week_53.week) == "2026-W53" and (week_53.first, week_53.last) == (date(2026, 12, 28), date(2027, 1, 3))
    assert [(m.date, m.name, m.kind) for m in week_53.marks] == [
        (date(2026, 12, 31), "Nyttårsaften", "observance"),
        (date(2027, 1, 1), "Første nyttårsdag", "holiday"),
        (date(2027, 1, 1), "Første nyttårsdag", "flag_day"),
    ]
    assert week_53.posts == 2  # 4 January 2027 is in week 1 of 2027
    assert wheel.months[-1].posts == 1
    assert wheel.week_row(date(2027, 1, 1)) is week_53
    assert wheel.week_row(date(2025, 12, 29)).week.week == 1


def test_a_winter_season_is_clipped_to_the_wheel_and_lanes_keep_overlaps_apart():
    winter = Event("w", "Vintersesong", date(2026, 12, 1), date(2027, 3, 31), EventKind.SEASON)
    black_week = Event("b", "Black Week", date(2026, 11, 23), date(2026, 11, 30))
    christmas = Event("c", "Julebord", date(2026, 11, 13), date(2026, 12, 19))
    undated = Event("u", "Some day")
    wheel = year_wheel(2026, [], [winter, black_week, christmas, undated], [])
    spans = {s.event.title: s for s in wheel.spans}
    assert set(spans) == {"Vintersesong", "Black Week", "Julebord"}
    assert (spans["Vintersesong"].first, spans["Vintersesong"].last) == (date(2026, 12, 1), date(2027, 1, 3))
    assert spans["Vintersesong"].cut_after and not spans["Vintersesong"].cut_before
    # Black Week ends on Monday 30 Nov and winter starts Tuesday 1 Dec: one week, two lanes.
    assert len({s.lane for s in wheel.spans}) == 3
    assert [s.event.title for s in wheel.spans_between(date(2026, 11, 30), date(2026, 12, 6))] == [
        "Julebord",
        "Black Week",
        "Vintersesong",
    ]
    next_year = year_wheel(2027, [], [winter], [])
    assert next_year.spans[0].first == date(2027, 1, 1) and next_year.spans[0].cut_before  # the wheel holds 1 January
