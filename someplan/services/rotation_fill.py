"""Filling weeks from the rotation: a proposal to preview, then the accepted lines written as one batch."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, Any

from someplan.domain.category import Category
from someplan.domain.post import Status
from someplan.domain.rotation_plan import Proposal, RotationPlan, propose, spread
from someplan.domain.weeks import IsoWeek
from someplan.i18n import _, language, ngettext
from someplan.services.catalog import POSTS, Catalog
from someplan.services.holiday_cache import cached_public_holidays
from someplan.store.workspace import Change, new_record_id

if TYPE_CHECKING:
    from someplan.services.undo import Undo

MAX_FILL_WEEKS = 26


def holidays_between(first: dt.date, last: dt.date, locale: str = "nb") -> dict[dt.date, str]:
    found: dict[dt.date, str] = {}
    for year in range(first.year, last.year + 1):
        found.update(cached_public_holidays(year, locale))
    return {day: name for day, name in found.items() if first <= day <= last}


def fill_plan(catalog: Catalog, weeks: Sequence[IsoWeek], today: dt.date, *, allow_holidays: bool = False) -> RotationPlan:
    """The rotation's proposal for `weeks` (nothing written); a category without a time of its
    own gets the time learned for the channel and weekday (services.best_times)."""
    from someplan.domain.best_times import preferred_times
    from someplan.services.best_times import learned_times

    first, last = min(weeks), max(weeks)
    holidays = holidays_between(first.monday, last.sunday, language())
    posts = catalog.rotation_posts(min(first.monday, today), last.sunday)
    categories = catalog.categories()
    # Learning reads a year of posts: only when some category leaves the time open.
    best = preferred_times(learned_times(catalog, today)) if any(c.time is None for c in categories) else {}
    return propose(categories, catalog.channels(), posts, weeks, today, holidays, allow_holidays=allow_holidays,
                   best_times=best)  # fmt: skip


def why_nothing_to_fill(plan: RotationPlan) -> str:
    """Why `plan` proposes nothing, as the user would check it: due categories without room, full
    channels, or every category on track with its cadence while slots stay empty."""
    unplaced = len(plan.unplaced)
    if unplaced:
        why = ngettext("{count} due category has no free slot", "{count} due categories have no free slot", unplaced)
        return why.format(count=unplaced)
    empty = sum(slot.left for week in plan.weeks for slot in week.slots)
    if not empty:
        return _("every channel is at its target")
    why = ngettext("every category is on track with its cadence ({count} empty slot left for later)",
                   "every category is on track with its cadence ({count} empty slots left for later)", empty)  # fmt: skip
    return why.format(count=empty)


def next_weeks(start: IsoWeek, count: int) -> list[IsoWeek]:
    return [start + offset for offset in range(max(1, min(count, MAX_FILL_WEEKS)))]


def spread_preview(
    catalog: Catalog, category: Category, count: int, first_week: IsoWeek, today: dt.date, every_weeks: int | None = None,
    after: dt.date | None = None,
) -> tuple[Proposal, ...]:
    """Where `count` new posts of `category` would go, one every `every_weeks` weeks from `first_week`,
    none on or before `after` (the interview day)."""
    horizon = first_week + 104
    holidays = holidays_between(first_week.monday, horizon.sunday, language())
    posts = catalog.rotation_posts(min(first_week.monday, today))
    return spread(category, count, catalog.channels(), posts, first_week, today, holidays, every_weeks=every_weeks, after=after)


def draft_fields(category: Category | None, proposal: Proposal, **extra: Any) -> dict[str, Any]:
    """The fields of a new draft for `proposal`: named after its category, its question as notes."""
    fields: dict[str, Any] = {
        "title": category.name if category else _("New post"),
        "status": Status.DRAFT.value,
        "category": proposal.category,
        "channel": proposal.channel or None,
        "date": proposal.date.isoformat(),
        "time": proposal.time.strftime("%H:%M") if proposal.time else None,
        "notes": category.question if category else "",
    }
    fields.update(extra)
    return {name: value for name, value in fields.items() if value not in (None, "", [])}


def changes_for(catalog: Catalog, proposals: Iterable[Proposal]) -> tuple[list[Change], list[str], list[str]]:
    """The ops that plan `proposals`: (changes, ids of new drafts, ids of backlog posts placed)."""
    categories = {c.id: c for c in catalog.categories()}
    posts = catalog.workspace.view(POSTS)
    changes: list[Change] = []
    created, placed = [], []
    for proposal in proposals:
        if proposal.post and proposal.post in posts:
            fields = {"date": proposal.date.isoformat(), "channel": proposal.channel or None}
            if proposal.time:
                fields["time"] = proposal.time.strftime("%H:%M")
            changes += [(POSTS, proposal.post, k, v) for k, v in fields.items() if posts[proposal.post].get(k) != v]
            placed.append(proposal.post)
        else:
            record = new_record_id()
            changes += [(POSTS, record, k, v) for k, v in draft_fields(categories.get(proposal.category), proposal).items()]
            created.append(record)
    return changes, created, placed


def apply_proposals(catalog: Catalog, proposals: Iterable[Proposal]) -> tuple[list[str], list[str]]:
    """Write the accepted proposals as one batch: all of them land, or none (a crash, a full disk).

    Returns (new draft ids, backlog post ids placed).
    """
    created, placed, _undo = fill(catalog, proposals)
    return created, placed


def fill(catalog: Catalog, proposals: Iterable[Proposal]) -> tuple[list[str], list[str], Undo]:
    """`apply_proposals`, with what undoes the whole fill in one batch: the new drafts removed,
    the backlog posts back on their old day, time and channel."""
    changes, created, placed = changes_for(catalog, proposals)
    posts = catalog.workspace.view(POSTS)
    before = {post_id: {k: posts[post_id].get(k) for k in ("date", "time", "channel")} for post_id in placed}
    catalog.workspace.write(changes)
    from someplan.services.undo import Undo  # deferred: status only proposes, it never fills

    parts = [Undo.of_insert("", POSTS, post_id) for post_id in created]
    parts += [Undo.of_fields("", POSTS, post_id, fields) for post_id, fields in before.items()]
    count = len(created) + len(placed)
    what = ngettext("filling {count} post from the rotation", "filling {count} posts from the rotation", count)
    return created, placed, Undo.group(what.format(count=count), parts)
