"""Values that would overflow a date or a calendar field are refused on entry and tamed when a
colleague's op carries them (issue 18, items 7 and 8)."""

import datetime as dt

import pytest

from someplan.domain.cadence import WEEKLY, Cadence
from someplan.domain.category import Category
from someplan.domain.doc_fields import doc_problems
from someplan.domain.weeks import IsoWeek
from someplan.services.catalog import CATEGORIES
from someplan.services.status import build_status

TODAY = dt.date(2026, 11, 18)


@pytest.mark.parametrize("text", ["every 600000 weeks", "every 105 weeks", "32 times a month", "hver 999999999999 uke"])
def test_a_cadence_beyond_the_bounds_is_refused_on_entry(text):
    with pytest.raises(ValueError, match="at most every 104 weeks"):
        Cadence.parse(text)


def test_the_largest_cadences_still_compute_dates():
    assert Cadence.parse("every 104 weeks").next_after(dt.date(2026, 1, 1)) == dt.date(2027, 12, 30)
    assert Cadence.parse("31 times a month").next_after(dt.date(2026, 1, 31)) == dt.date(2026, 1, 31)


def test_a_colleagues_huge_cadence_is_read_as_weekly_reported_and_status_works(catalog):
    doc = {"name": "Huge", "cadence": "every 600000 weeks"}
    assert Category.from_doc(doc, "x").cadence == WEEKLY
    assert doc_problems(Category, doc)
    first = catalog.categories()[0]
    catalog.workspace.update(CATEGORIES, first.id, {"cadence": "every 600000 weeks"})
    report = build_status(catalog, IsoWeek(2026, 47), today=TODAY)
    assert report is not None


@pytest.mark.parametrize("year", [2088, 2090, 2286])
def test_an_edit_stamped_after_2088_exports_a_calendar_with_a_32_bit_sequence(year):
    from icalendar import Calendar

    from someplan.domain.post import Post
    from tests.services.test_exports_ics import export

    post = Post("p1", title="A", channel="fb", date=dt.date(2026, 11, 23))
    edited = dt.datetime(year, 12, 31, 23, 59, tzinfo=dt.UTC)
    [event] = Calendar.from_ical(export([post], {"p1": edited})).walk("VEVENT")
    assert 0 <= int(event["SEQUENCE"]) <= 2**31 - 1
