"""How the planner shows numbers, dates and states, in the language spoken.

Dates come from `someplan.domain.weeks` ("man 16. nov" / "Mon 16 Nov"); a rate is "59,2 %" in
Bokmål and "59.2 %" in English. States the domain keeps as English words (rotation, funnel,
the fill's reasons) are translated here, each with a context so that a short word such as
"due" can read differently elsewhere.
"""

from __future__ import annotations

import datetime as dt

from someplan.domain.post import Status
from someplan.domain.weeks import day_label
from someplan.i18n import language, pgettext


def day(date: dt.date, weekday: str | None = None, year: bool = False) -> str:
    """ "16. nov" / "16 Nov"; with `weekday` ("short" or "long") and `year` as `day_label`."""
    return day_label(date, language(), weekday=weekday, year=year)


def date_field(day: dt.date | None) -> str:
    """How a date stands in an editable field: 13.12.2026, the form the workplace writes (and
    `planning.parse_date` reads back, with ISO and "i dag"), in either language."""
    return f"{day.day}.{day.month}.{day.year}" if day else ""


def status(value: str) -> str:
    """A post's status ("published") as the domain names it in the language spoken."""
    try:
        return Status(value).label(language())
    except ValueError:
        return value


def rotation_state(value: str) -> str:
    return {
        "ok": pgettext("rotation state", "ok"),
        "due": pgettext("rotation state", "due"),
        "overdue": pgettext("rotation state", "overdue"),
        "paused": pgettext("rotation state", "paused"),
    }.get(value, value)


def standing(value: str) -> str:
    """Why the fill proposes a category: overdue, due, ahead of its cadence."""
    return {
        "overdue": pgettext("fill reason", "overdue"),
        "due": pgettext("fill reason", "due"),
        "ahead": pgettext("fill reason", "ahead"),
        "ok": pgettext("fill reason", "ok"),
    }.get(value, value)


def funnel(value: str) -> str:
    return {
        "awareness": pgettext("funnel", "awareness"),
        "consideration": pgettext("funnel", "consideration"),
        "conversion": pgettext("funnel", "conversion"),
    }.get(value, value)


def severity(value: str) -> str:
    """How bad a workspace problem is: error, warning, info."""
    return {
        "error": pgettext("problem", "error"),
        "warning": pgettext("problem", "warning"),
        "info": pgettext("problem", "info"),
    }.get(value, value)
