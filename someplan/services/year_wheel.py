"""The year wheel of a workspace: its posts, campaigns and seasons, and the calendar's days."""

from __future__ import annotations

from someplan.domain.doc_fields import parse_date
from someplan.domain.year_wheel import YearWheel, wheel_range, year_wheel
from someplan.services.calendar_data import days_between
from someplan.services.catalog import Catalog


def build_year_wheel(catalog: Catalog, year: int, locale: str) -> YearWheel:
    """The wheel of `year`; calendar days named in `locale` ("nb" or "en")."""
    first, last = wheel_range(year)
    # Only the dates count: read from the stored fields, no post decoded (a year is ~600 posts
    # on a long history, and the planner's wheel decodes them once more for the hours).
    dates = (parse_date(doc.get("date")) for _id, doc in catalog.docs_between(first, last))
    target = sum(channel.target_per_week for channel in catalog.channels())
    return year_wheel(year, dates, catalog.events(), days_between(first, last, locale), target)
