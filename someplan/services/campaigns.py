"""Campaigns and seasons (the workspace's "events"): add, edit, remove, restore, find by name.

Every change is one batch of ops; only the fields that changed are written, so a colleague's
edit of another field is kept.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from typing import Any

from someplan.domain.event import Event, EventKind
from someplan.i18n import N_, _, ngettext, pgettext
from someplan.services.catalog import EVENTS, Catalog
from someplan.services.errors import UserError
from someplan.services.named_records import Kind, find_titled, restore_titled
from someplan.services.undo import Undo
from someplan.store.workspace import new_record_id

CAMPAIGN_WORDS = Kind(
    EVENTS,
    lambda n: ngettext("{n} campaign is called {title!r}; give its id: {ids}",
                       "{n} campaigns are called {title!r}; give one of their ids: {ids}", n),
    N_("campaign {id} is removed; bring it back with: someplan campaign restore {id}"),
    N_("no campaign {text!r} (see: someplan campaign list)"),
    N_("no removed campaign with id {id!r}"),
)  # fmt: skip


def kind_label(kind: EventKind) -> str:
    """ "campaign" / "kampanje", in the language spoken."""
    if kind is EventKind.SEASON:
        return pgettext("campaign kind", "season")
    if kind is EventKind.OBSERVANCE:
        return pgettext("campaign kind", "observance day")
    return pgettext("campaign kind", "campaign")


def checked(event: Event) -> Event:
    """The event with its title trimmed, or a UserError saying what is missing or wrong."""
    title = event.title.strip()
    if not title:
        raise UserError(_("a campaign needs a title"))
    if event.start is None or event.end is None:
        raise UserError(_("a campaign needs a start and an end date"))
    if event.end < event.start:
        raise UserError(
            _("the end ({end}) is before the start ({start})").format(end=event.end.isoformat(), start=event.start.isoformat())
        )
    return dataclasses.replace(event, title=title)


def campaigns(catalog: Catalog, first: dt.date | None = None, last: dt.date | None = None) -> list[Event]:
    """Every campaign and season by start (undated last); with a range, those touching it."""
    found = catalog.events()
    if first is not None and last is not None:
        found = [event for event in found if event.overlaps(first, last)]
    return sorted(found, key=lambda e: (e.start is None, e.start or dt.date.max, e.title.casefold(), e.id))


def find_campaign(catalog: Catalog, text: str) -> Event:
    """A campaign by id, by a unique start of its id (6+ characters) or by its title."""
    return find_titled(catalog, catalog.events(), text, CAMPAIGN_WORDS)


def add_campaign(catalog: Catalog, event: Event) -> Event:
    event = checked(dataclasses.replace(event, id=event.id or new_record_id()))
    doc = {name: value for name, value in event.to_doc().items() if value not in (None, "")}
    catalog.workspace.insert(EVENTS, doc, event.id)
    return event


def save_campaign(catalog: Catalog, original: Event, edited: Event) -> dict[str, object]:
    """Write the fields that differ between `original` (as opened) and `edited`; returns the
    original values of those fields (what an undo writes back)."""
    edited = checked(edited)
    if catalog.workspace.get(EVENTS, original.id) is None:
        raise UserError(_("no campaign with id {id}").format(id=original.id))
    before, after = original.to_doc(), edited.to_doc()
    changed = {name: before.get(name) for name, value in after.items() if before.get(name) != value}
    catalog.workspace.write([(EVENTS, original.id, name, after[name]) for name in changed])
    return changed


def edit_campaign(catalog: Catalog, which: str, **fields: Any) -> Event:
    event = find_campaign(catalog, which)
    edited = dataclasses.replace(event, **fields)
    save_campaign(catalog, event, edited)
    return checked(edited)


def remove_campaign(catalog: Catalog, which: str) -> Event:
    event = find_campaign(catalog, which)
    catalog.workspace.delete(EVENTS, event.id)
    return event


def restore_campaign(catalog: Catalog, which: str) -> str:
    return restore_titled(catalog, which, CAMPAIGN_WORDS)


# What the planner calls: the same writes, each with what undoes it (services/undo.py).


def add_campaign_with_undo(catalog: Catalog, event: Event) -> tuple[Event, Undo]:
    added = add_campaign(catalog, event)
    return added, Undo.of_insert(_("adding “{title}”").format(title=added.title), EVENTS, added.id)


def save_campaign_with_undo(catalog: Catalog, original: Event, edited: Event) -> Undo | None:
    before = save_campaign(catalog, original, edited)
    if not before:
        return None
    return Undo.of_fields(_("changing “{title}”").format(title=edited.title), EVENTS, original.id, before)


def remove_campaign_with_undo(catalog: Catalog, event_id: str) -> tuple[Event, Undo]:
    event = remove_campaign(catalog, event_id)
    return event, Undo.of_delete(_("deleting “{title}”").format(title=event.title), EVENTS, event.id)
