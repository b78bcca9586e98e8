"""How the planner shows numbers, dates and states, in the language spoken.

Dates come from `someplan.domain.weeks` ("man 16. nov" / "Mon 16 Nov"); a rate is "59,2 %" in
Bokmål and "59.2 %" in English. The words for the domain's states (status, rotation, funnel,
the fill's reasons, severity, a post's format and surface) are services.labels', shared with the command line.
"""

from __future__ import annotations

import datetime as dt

from someplan.domain.weeks import day_label
from someplan.i18n import language
from someplan.services.labels import funnel, post_format, rotation_state, severity, standing, status, surface

__all__ = ["date_field", "day", "funnel", "post_format", "rotation_state", "severity", "standing", "status", "surface"]


def day(date: dt.date, weekday: str | None = None, year: bool = False) -> str:
    """ "16. nov" / "16 Nov"; with `weekday` ("short" or "long") and `year` as `day_label`."""
    return day_label(date, language(), weekday=weekday, year=year)


def date_field(day: dt.date | None) -> str:
    """How a date stands in an editable field: 13.12.2026, the form the workplace writes (and
    `planning.parse_date` reads back, with ISO and "i dag"), in either language."""
    return f"{day.day}.{day.month}.{day.year}" if day else ""
