"""What users type, read into domain values: dates, times, weeks, months, statuses, networks,
cadences, weekdays and campaign kinds, in Bokmål or English. Anything else is a UserError that
says what to type. One place for the command line and the planner alike.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Iterable
from typing import TypeVar

from someplan.domain.cadence import Cadence
from someplan.domain.channel import Network
from someplan.domain.event import EventKind
from someplan.domain.post import Status
from someplan.domain.weeks import PLAN_YEARS, IsoWeek, month_name, weekday_name
from someplan.domain.weeks import parse_week as read_week
from someplan.i18n import _
from someplan.services.errors import UserError

NONE_WORDS = ("none", "ingen", "-", "")  # "no such value" (no end, no preferred time …), in either language
T = TypeVar("T")


def is_none_word(text: str) -> bool:
    """Whether `text` clears a field: "none", "ingen", "-" or nothing."""
    return text.strip().casefold() in NONE_WORDS


def unless_none(text: str, read: Callable[[str], T]) -> T | None:
    """None for a word that clears the field (`is_none_word`), else what `read` makes of `text`."""
    return None if is_none_word(text) else read(text)


def parse_date(text: str, today: dt.date | None = None) -> dt.date:
    """YYYY-MM-DD, DD.MM.YYYY, DD.MM (this year), today/tomorrow/i dag/i morgen, or a weekday
    ("fredag", "friday", "fre"): the next one, today included."""
    found = _parse_date(text, today)
    if found.year not in PLAN_YEARS:
        raise UserError(
            _("{text!r} is outside the years someplan plans ({first}–{last})").format(
                text=text, first=PLAN_YEARS.start, last=PLAN_YEARS.stop - 1
            )
        )
    return found


def _parse_date(text: str, today: dt.date | None) -> dt.date:
    raw = text.strip().lower()
    if today and raw in ("today", "i dag", "idag"):
        return today
    if today and raw in ("tomorrow", "i morgen", "imorgen"):
        return today + dt.timedelta(days=1)
    weekday = _weekday(raw)
    if today and weekday is not None:
        return today + dt.timedelta(days=(weekday - today.weekday()) % 7)
    try:
        return dt.date.fromisoformat(raw)
    except ValueError:
        pass
    parts = raw.rstrip(".").split(".")
    try:
        if len(parts) == 3:
            return dt.date(int(parts[2]), int(parts[1]), int(parts[0]))
        if len(parts) == 2 and today:
            return dt.date(today.year, int(parts[1]), int(parts[0]))
    except ValueError:
        pass
    raise UserError(_("not a date: {text!r} (use 2026-11-23 or 23.11.2026)").format(text=text))


def _weekday(raw: str) -> int | None:
    word = raw.rstrip(".")
    for number in range(7):
        if word in {weekday_name(number, locale, short).lower() for locale in ("nb", "en") for short in (False, True)}:
            return number
    return None


# 09:30, 9.30, 0930, 930, 9, kl. 9.30, 09:30:00 (the hour's digits are taken first, so "930"
# is 9:30 and "1230" is 12:30)
_TIME = re.compile(r"^(?:kl\.?\s*)?(\d{1,2})(?:[:.]?(\d{2}))?(?::(\d{2}))?$")


def parse_time(text: str) -> dt.time:
    found = _TIME.match(text.strip().lower())
    if found:
        hour, minute, second = (int(part or 0) for part in found.groups())
        if hour < 24 and minute < 60 and second < 60:
            return dt.time(hour, minute, second)
    raise UserError(_("not a time: {text!r} (use 09:30)").format(text=text))


def parse_status(text: str) -> Status:
    wanted = text.strip().lower()
    for status in Status:
        if wanted in (status.value, status.label("nb").lower(), status.label("en").lower()):
            return status
    known = ", ".join(s.label() for s in Status)
    raise UserError(_("unknown status {text!r}; known: {known}").format(text=text, known=known))


def parse_week(text: str, today: dt.date) -> IsoWeek:
    """ "47", "2026-W47", "uke 47" (this year unless given)."""
    try:
        return read_week(text, today.year)
    except ValueError:
        raise UserError(_("not a week: {text!r} (use 47, 2026-W47 or 'uke 47')").format(text=text)) from None


def parse_statuses(texts: Iterable[str]) -> frozenset[Status] | None:
    """ "ready", "ready,draft" (repeatable); None when none is given."""
    found = {parse_status(part) for text in texts for part in text.split(",") if part.strip()}
    return frozenset(found) or None


_MONTH_NUMBER = re.compile(r"^(?:(\d{4})[-/.](\d{1,2})|(\d{1,2})(?:[-/.](\d{4}))?)$")


def parse_month(text: str, today: dt.date) -> tuple[int, int]:
    """(year, month) of "2026-11", "11", "11.2026", "nov", "november 2026", "des" (this year
    unless given)."""
    raw = " ".join(text.strip().lower().split())
    found = _MONTH_NUMBER.match(raw)
    year, month = today.year, None
    if found:
        if found.group(1):
            year, month = int(found.group(1)), int(found.group(2))
        else:
            month = int(found.group(3))
            year = int(found.group(4)) if found.group(4) else today.year
    else:
        word, _space, rest = raw.partition(" ")
        if rest.isdigit() and len(rest) == 4:
            year = int(rest)
        elif rest:
            word = ""
        for number in range(1, 13):
            names = {month_name(number, loc, short).lower().rstrip(".") for loc in ("nb", "en") for short in (False, True)}
            if word.rstrip(".") in names:
                month = number
    if month is None or not 1 <= month <= 12 or year not in PLAN_YEARS:
        raise UserError(_("not a month: {text!r} (use 2026-11, 11 or november)").format(text=text))
    return year, month


def parse_network(text: str) -> Network:
    try:
        return Network(text.strip().lower())
    except ValueError:
        known = ", ".join(n.value for n in Network)
        raise UserError(_("unknown network {text!r}; known: {known}").format(text=text, known=known)) from None


def parse_cadence(text: str) -> Cadence:
    try:
        return Cadence.parse(text)
    except ValueError as error:
        raise UserError(
            _("not a cadence: {text!r} (try weekly, every 2 weeks, twice a month, monthly)").format(text=text)
        ) from error


def parse_weekday(text: str) -> int | None:
    """ "tirsdag", "Tuesday", "tue" → 1; "none" or "" → None (no preferred day)."""
    if is_none_word(text):
        return None
    wanted = text.strip().lower().rstrip(".")
    for number in range(7):
        names = {weekday_name(number, locale, short).lower() for locale in ("nb", "en") for short in (False, True)}
        if wanted in names:
            return number
    raise UserError(_("not a weekday: {text!r} (use monday … sunday or mandag … søndag)").format(text=text))


KIND_WORDS = {
    EventKind.CAMPAIGN: ("campaign", "kampanje"),
    EventKind.SEASON: ("season", "sesong"),
    EventKind.OBSERVANCE: ("observance", "merkedag"),
}

def parse_kind(text: str) -> EventKind:
    """ "campaign", "season", "observance" (or kampanje, sesong, merkedag)."""
    wanted = text.strip().casefold()
    for kind, words in KIND_WORDS.items():
        if wanted in words:
            return kind
    raise UserError(_("unknown kind {kind!r}; use campaign, season or observance").format(kind=text))
