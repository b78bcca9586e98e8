"""Batch sessions: start, save as they go, resume, and end in drafts spread over the weeks."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import replace

from someplan.domain.batch import BatchSession, Step
from someplan.domain.category import Category
from someplan.domain.person import Person, consent_state, ConsentState
from someplan.domain.rotation_plan import Proposal
from someplan.domain.weeks import day_label
from someplan.i18n import _, language, ngettext
from someplan.services.catalog import BATCHES, POSTS, Catalog
from someplan.services.errors import UserError
from someplan.services.rotation_fill import draft_fields
from someplan.services.undo import Undo
from someplan.store.workspace import new_record_id


def unfinished(catalog: Catalog) -> BatchSession | None:
    """The newest session not yet ended (ids are ULIDs: newest sorts last)."""
    open_ones = [session for session in catalog.batches() if not session.finished]
    return max(open_ones, key=lambda s: s.id, default=None)


def start_session(catalog: Catalog) -> BatchSession:
    session = BatchSession(id=new_record_id())
    catalog.workspace.insert(BATCHES, session.to_doc(), session.id)
    return session


def save_session(catalog: Catalog, before: BatchSession, after: BatchSession) -> BatchSession:
    """Write the fields that changed since `before` (what this window last saved)."""
    old, new = before.to_doc(), after.to_doc()
    catalog.workspace.write([(BATCHES, after.id, k, v) for k, v in new.items() if old.get(k) != v])
    return after


def discard_session(catalog: Catalog, session: BatchSession) -> None:
    catalog.workspace.delete(BATCHES, session.id)


def consent_warnings(people: Sequence[Person], day: dt.date) -> list[str]:
    """One line per person who may not be shown on `day`: no consent, or an expired one."""
    lines = []
    for person in people:
        state = consent_state(person, day)
        if state is ConsentState.MISSING:
            lines.append(_("{name}: no consent registered").format(name=person.name))
        elif state is ConsentState.EXPIRED:
            ended = day_label(person.consent_until, language(), weekday=None, year=True)
            lines.append(_("{name}: consent expired {day}").format(name=person.name, day=ended))
    return lines


def draft_title(category: Category | None, person: Person | None) -> str:
    if person and category:
        return f"{category.name}: {person.name}"
    return (person.name if person else "") or (category.name if category else _("New post"))


def finish_session(
    catalog: Catalog,
    session: BatchSession,
    proposals: Sequence[Proposal],
    people: Sequence[Person],
    stored: bool = True,
) -> list[str]:
    """Write one draft per person on its proposal's day and end the session, in one batch.

    `proposals[i]` is the slot for `people[i]`. The draft carries the person (so the registry
    knows when they were featured), their notes and their asset. A session that is not `stored`
    yet (the command line plans one in a single go) is written whole in the same batch.
    """
    if len(proposals) != len(people):
        raise UserError(
            _("{people} people but {slots} free slots; choose a later start or fewer weeks apart").format(
                people=len(people), slots=len(proposals)
            )
        )
    categories = {c.id: c for c in catalog.categories()}
    category = categories.get(session.category or "")
    changes, created = [], []
    for proposal, person in zip(proposals, people):
        record = new_record_id()
        asset = session.assets.get(person.id)
        fields = draft_fields(
            category,
            proposal,
            title=draft_title(category, person),
            notes=session.notes.get(person.id, "") or (category.question if category else ""),
            people=[person.id],
            assets=[asset] if asset else [],
        )
        changes += [(POSTS, record, k, v) for k, v in fields.items()]
        created.append(record)
    ended = replace(session, step=Step.DONE, drafts=tuple(created))
    old = session.to_doc() if stored else {}
    changes += [(BATCHES, session.id, k, v) for k, v in ended.to_doc().items() if old.get(k) != v]
    catalog.workspace.write(changes)
    return created


def undo_drafts(created: Sequence[str]) -> Undo:
    """What undoes a finished session in the plan: its drafts removed, in one batch (the session
    itself stays done, so `b` does not offer to resume it)."""
    parts = [Undo.of_insert("", POSTS, post_id) for post_id in created]
    what = ngettext("{count} draft from the batch session", "{count} drafts from the batch session", len(created))
    return Undo.group(what.format(count=len(created)), parts)
