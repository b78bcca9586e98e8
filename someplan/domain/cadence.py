"""How often a category should get a post: "weekly", "every 2 weeks", "twice a month", "monthly"."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta
from gettext import NullTranslations
from typing import Literal

from someplan.domain.weeks import days_in_month
from someplan.i18n import N_, _, translator

_NUMBER_WORDS = {
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "other": 2,
    "en": 1,
    "ett": 1,
    "ei": 1,
    "to": 2,
    "tre": 3,
    "fire": 4,
    "fem": 5,
    "seks": 6,
    "andre": 2,
    "tredje": 3,
    "fjerde": 4,
    "femte": 5,
    "sjette": 6,
}
_N = r"(\d+|[a-zæøå]+)"
# (pattern, unit, n) — n None: the number is in the text.
_SPOKEN: tuple[tuple[str, Literal["week", "month"], int | None], ...] = (
    (r"weekly|every week|ukentlig|hver uke", "week", 1),
    (rf"every {_N} weeks?", "week", None),
    (r"fortnightly|annenhver uke|annen hver uke", "week", 2),
    (rf"hver {_N}\.? uke", "week", None),
    (r"monthly|every month|once a month|månedlig|hver måned|en gang i (?:måneden|mnd)", "month", 1),
    (r"twice a month", "month", 2),
    (rf"{_N} times (?:a|per) month", "month", None),
    (rf"{_N} ganger (?:i|per) (?:måneden|måned|mnd)", "month", None),
)
_PATTERNS = tuple((re.compile(f"^(?:{text})$"), unit, n) for text, unit, n in _SPOKEN)


def _number(word: str) -> int | None:
    return int(word) if word.isdigit() else _NUMBER_WORDS.get(word)


# Bounds keep every date a cadence computes within the calendar ("every 600000 weeks" once ended
# `status` and the planner with an OverflowError), also for a colleague's stored value.
MAX_WEEKS = 104
MAX_TIMES_A_MONTH = 31


@dataclass(frozen=True)
class Cadence:
    """Every `n` weeks (unit "week") or `n` times a month (unit "month")."""

    unit: Literal["week", "month"] = "week"
    n: int = 1

    def __post_init__(self) -> None:
        limit = MAX_WEEKS if self.unit == "week" else MAX_TIMES_A_MONTH
        if self.unit not in ("week", "month") or not isinstance(self.n, int) or not 1 <= self.n <= limit:
            raise ValueError(_("not a cadence: {unit} {n}").format(unit=self.unit, n=self.n))

    @classmethod
    def parse(cls, text: str) -> Cadence:
        """Read English or Norwegian; raises ValueError on anything else."""
        spoken = " ".join(text.strip().lower().split())
        for pattern, unit, n in _PATTERNS:
            match = pattern.match(spoken)
            if match:
                n = n or _number(match.group(1))
                if n and n > (MAX_WEEKS if unit == "week" else MAX_TIMES_A_MONTH):
                    raise ValueError(
                        _("not a cadence: {text!r} (at most every {weeks} weeks, or {times} times a month)").format(
                            text=text, weeks=MAX_WEEKS, times=MAX_TIMES_A_MONTH
                        )
                    )
                if n:
                    return cls(unit, n)
        raise ValueError(_("not a cadence: {text!r}").format(text=text))

    def __str__(self) -> str:
        """The stored form, in English whatever language is spoken; `parse` reads it back."""
        return self._spoken(None)

    def label(self, locale: str | None = None) -> str:
        """ "every 2 weeks" / "annenhver uke": in `locale` ("nb", "en"), else in the language spoken now."""
        return self._spoken(translator(locale))

    def _spoken(self, catalog: NullTranslations | None) -> str:
        # Every form is a whole message (Bokmål says "annenhver uke" for every 2 weeks);
        # catalog None: the English source.
        if self.unit == "week":
            template = N_("weekly") if self.n == 1 else N_("every 2 weeks") if self.n == 2 else N_("every {n} weeks")
        else:
            template = N_("monthly") if self.n == 1 else N_("twice a month") if self.n == 2 else N_("{n} times a month")
        return (catalog.gettext(template) if catalog else template).format(n=self.n)

    @property
    def interval_days(self) -> int:
        """The usual gap between posts in days (a month counts 30.44); exact dates: `next_after`."""
        return 7 * self.n if self.unit == "week" else round(30.44 / self.n)

    def next_after(self, last: date) -> date:
        """When the next post is due after one on `last`.

        Monthly follows the calendar (31 Jan → 28 Feb, 15 Mar → 15 Apr) rather than a fixed
        30 days, so a "first Tuesday of the month" habit does not drift.
        """
        if self.unit == "week":
            return last + timedelta(weeks=self.n)
        month_later = _one_month_after(last)
        return last + timedelta(days=(month_later - last).days // self.n)


def _one_month_after(day: date) -> date:
    """The same day a month later, or that month's last day (31 Jan → 28 Feb), as arrow's and
    dateutil's month shift gives it; worked out here, since importing arrow costs `someplan
    status` 25 ms of its start-up budget."""
    year, month = (day.year + 1, 1) if day.month == 12 else (day.year, day.month + 1)
    return date(year, month, min(day.day, days_in_month(year, month)))


WEEKLY = Cadence("week", 1)
