"""The year wheel of a workspace: its posts, campaigns and seasons, and the calendar's days."""

from __future__ import annotations

from someplan.domain.year_wheel import YearWheel, wheel_range, year_wheel
from someplan.services.calendar_data import days_between
from someplan.services.catalog import Catalog


def build_year_wheel(catalog: Catalog, year: int, locale: str) -> YearWheel:
    """The wheel of `year`; calendar days named in `locale` ("nb" or "en")."""
    first, last = wheel_range(year)
    dates = (post.date for post in catalog.posts_between(first, last))
    target = sum(channel.target_per_week for channel in catalog.channels())
    return year_wheel(year, dates, catalog.events(), days_between(first, last, locale), target)
