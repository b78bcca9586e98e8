"""The mix of the plan in the workspace: a week's, a month's or a year's against the target mix,
the targets set per field, and the format and surface read from the user's words."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from someplan.domain.figures_stats import GroupFigures, averages_by, rate_all
from someplan.domain.mix import DIMENSIONS, UNKNOWN, Mix, MixLine, mix_of, month_key, targets_for
from someplan.domain.post import PostFormat, Status, Surface
from someplan.domain.settings import MIX_PREFIX
from someplan.domain.weeks import IsoWeek, month_name, week_label, weeks_touching
from someplan.i18n import _, language, pgettext
from someplan.services import labels
from someplan.services.catalog import SETTINGS, SETTINGS_ID, Catalog
from someplan.services.errors import UserError
from someplan.services.user_input import is_none_word

PERIODS = ("week", "month", "year")


@dataclass(frozen=True)
class MixPeriod:
    kind: str  # week, month or year
    first: dt.date
    last: dt.date
    month: str | None  # "2026-12": whose targets hold; None: the general ones (a year)

    def label(self) -> str:
        locale = language()
        if self.kind == "week":
            return week_label(IsoWeek.of(self.first), locale)
        if self.kind == "month":
            return f"{month_name(self.first.month, locale)} {self.first.year}"
        return str(self.first.year)

    def weeks(self) -> list[IsoWeek]:
        """The weeks with a day in the period (a month's first and last may be partly outside it)."""
        return weeks_touching(self.first, self.last)

    def step(self, steps: int) -> MixPeriod:
        """The period `steps` before (negative) or after this one, of the same kind."""
        if self.kind == "week":
            return period_of("week", (IsoWeek.of(self.first) + steps).monday)
        if self.kind == "month":
            index = self.first.year * 12 + self.first.month - 1 + steps
            return period_of("month", dt.date(index // 12, index % 12 + 1, 1))
        return period_of("year", dt.date(self.first.year + steps, 1, 1))


def period_of(kind: str, day: dt.date) -> MixPeriod:
    """The week, month or year holding `day`. A week takes its month's targets from its Thursday."""
    if kind == "week":
        week = IsoWeek.of(day)
        return MixPeriod("week", week.monday, week.sunday, month_key(week.monday + dt.timedelta(days=3)))
    if kind == "month":
        following = dt.date(day.year + day.month // 12, day.month % 12 + 1, 1)
        return MixPeriod("month", day.replace(day=1), following - dt.timedelta(days=1), month_key(day))
    return MixPeriod("year", dt.date(day.year, 1, 1), dt.date(day.year, 12, 31), None)


def mix_for(catalog: Catalog, period: MixPeriod) -> Mix:
    targets = targets_for(catalog.settings().mix_targets, period.month)
    return mix_of(catalog.posts_between(period.first, period.last), period.first, period.last, targets)


def value_label(line: MixLine) -> str:
    """A line's value as the user reads it: "reel", "betalt"; a purpose as typed."""
    if line.dimension == "format":
        return pgettext("format", "unknown") if line.value == UNKNOWN else labels.post_format(line.value)
    if line.dimension == "surface":
        return labels.surface(line.value)
    return line.value


def dimension_label(dimension: str) -> str:
    return {"format": _("Format"), "surface": _("Surface"), "purpose": _("Purpose")}[dimension]


def mix_json(period: MixPeriod, mix: Mix) -> dict[str, Any]:
    return {
        "period": {"kind": period.kind, "first": period.first.isoformat(), "last": period.last.isoformat(),
                   "label": period.label(), "targets_of": period.month},  # fmt: skip
        "posts": mix.posts,
        **{
            dimension: [
                {"value": line.value, "posts": line.posts, "share_percent": round(line.share, 1),
                 "target_percent": line.target, "on_target": line.on_target}  # fmt: skip
                for line in mix.of(dimension)
            ]
            for dimension in DIMENSIONS
        },
    }


def _choice(text: str, members: Iterable[Any], what: str) -> Any | None:
    if is_none_word(text):
        return None
    wanted = text.strip().casefold()
    for member in members:
        if wanted in (member.value, member.label("nb").casefold(), member.label("en").casefold()):
            return member
    known = ", ".join(m.label() for m in members)
    raise UserError(_("unknown {what} {text!r}; known: {known}").format(what=what, text=text, known=known))


def parse_format(text: str) -> PostFormat | None:
    """ "reel", "karusell", "bilde"; None for "none"/"ingen"/"" (clears it)."""
    return _choice(text, tuple(PostFormat), _("format"))


def parse_surface(text: str) -> Surface | None:
    """ "owned", "fortjent", "paid"; None for "none"/"ingen"/"" (clears it: owned)."""
    return _choice(text, tuple(Surface), _("surface"))


def set_targets(catalog: Catalog, assignments: Iterable[str], month: str | None = None) -> dict[str, int]:
    """ "format:reel=20", "surface:earned=10" (percent; "none" removes one) for every month, or for
    `month` ("2026-12") alone; each target one settings field, so colleagues' targets merge."""
    changes = []
    for text in assignments:
        key, _sep, value = text.partition("=")
        dimension, _colon, name = key.strip().casefold().partition(":")
        if dimension == "format":
            found = parse_format(name)
            name = found.value if found else ""
        elif dimension == "surface":
            surface = parse_surface(name)
            name = surface.value if surface else ""
        elif dimension == "purpose":
            name = name.strip()
        if dimension not in DIMENSIONS or not name or name == UNKNOWN:
            wrong = _("a target is DIMENSION:VALUE=PERCENT, e.g. format:reel=20 or surface:earned=10: {text!r}")
            raise UserError(wrong.format(text=text))
        number: int | None
        if is_none_word(value):
            number = None
        else:
            try:
                number = int(value.strip().rstrip("%").strip())
            except ValueError:
                number = -1
            if not 0 <= number <= 100:
                raise UserError(_("a target is a whole percent from 0 to 100: {text!r}").format(text=text))
        field = f"{month}/{dimension}:{name}" if month else f"{dimension}:{name}"
        changes.append((SETTINGS, SETTINGS_ID, MIX_PREFIX + field, number))
    catalog.workspace.write(changes)
    return dict(catalog.settings().mix_targets)


def rates_by(catalog: Catalog, period: MixPeriod) -> dict[str, list[GroupFigures]]:
    """Average reach and engagement rates of the period's published posts by format and by surface."""
    posts = [p for p in catalog.posts_between(period.first, period.last) if p.status is Status.PUBLISHED]
    rated = rate_all(posts, {c.id: c for c in catalog.channels()}, catalog.category_names())
    return {grouping: averages_by(rated, grouping) for grouping in ("format", "surface")}
