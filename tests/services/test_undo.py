"""Undo as a service: each write returns what undoes it; one stack writes it back as one batch."""

import dataclasses
import datetime as dt

import pytest

from someplan.domain.event import Event
from someplan.domain.post import Post, Status
from someplan.services import campaigns, planning, rotation_fill
from someplan.services.batch import undo_drafts
from someplan.services.catalog import EVENTS, POSTS
from someplan.services.undo import Undo, UndoStack
from someplan.store.problems import ReadOnlyWorkspace

TODAY = dt.date(2026, 11, 18)


def batches_of(catalog):
    written = []
    real = catalog.workspace.write
    catalog.workspace.write = lambda changes: written.append(list(changes)) or real(changes)
    return written


def test_add_change_delete_are_undone_newest_first(catalog):
    stack = UndoStack()
    added = planning.plan_post(catalog, Post("", title="Quiz", date=dt.date(2026, 11, 20), status=Status.IDEA))
    stack.push(added)
    post = catalog.post(added.post)
    stack.push(planning.change_post(catalog, post, dataclasses.replace(post, title="Quiz!", date=dt.date(2026, 11, 21))))
    stack.push(planning.change_post(catalog, post, post))  # nothing changed: nothing to undo
    stack.push(planning.delete_post(catalog, added.post))
    assert len(stack) == 3 and catalog.workspace.get(POSTS, added.post) is None
    assert stack.undo(catalog).what == "deleting “Quiz!”"
    assert catalog.post(added.post).title == "Quiz!"
    assert stack.undo(catalog).what == "changing “Quiz!”"
    assert catalog.post(added.post).title == "Quiz" and catalog.post(added.post).date == dt.date(2026, 11, 20)
    assert stack.undo(catalog).what == "adding “Quiz”"
    assert catalog.workspace.get(POSTS, added.post) is None
    assert stack.undo(catalog) is None


def test_a_fill_is_undone_in_one_batch(catalog):
    weeks = rotation_fill.next_weeks(rotation_fill.IsoWeek.of(TODAY), 2)
    plan = rotation_fill.fill_plan(catalog, weeks, TODAY)
    assert plan.proposals
    before = {pid: dict(doc) for pid, doc in catalog.workspace.view(POSTS).items()}
    created, placed, undo = rotation_fill.fill(catalog, plan.proposals)
    written = batches_of(catalog)
    stack = UndoStack()
    stack.push(undo)
    assert stack.undo(catalog).what.startswith(f"filling {len(created) + len(placed)} post")
    assert len(written) == 1
    after = catalog.workspace.view(POSTS)
    assert set(after) == set(before)
    for pid in placed:
        assert {k: after[pid].get(k) for k in ("date", "time", "channel")} == {k: before[pid].get(k) for k in ("date", "time", "channel")}


def test_campaigns_and_batch_drafts_return_their_undo(catalog):
    stack = UndoStack()
    event, undo = campaigns.add_campaign_with_undo(catalog, Event("", "Julebord", dt.date(2026, 12, 1), dt.date(2026, 12, 5)))
    stack.push(undo)
    stack.push(campaigns.save_campaign_with_undo(catalog, event, dataclasses.replace(event, notes="Ny")))
    stack.push(campaigns.remove_campaign_with_undo(catalog, event.id)[1])
    stack.undo(catalog)
    assert catalog.workspace.get(EVENTS, event.id)["notes"] == "Ny"
    stack.undo(catalog)
    assert not catalog.workspace.get(EVENTS, event.id).get("notes")
    stack.undo(catalog)
    assert catalog.workspace.get(EVENTS, event.id) is None
    drafts = [planning.add_post(catalog, Post("", title=t, status=Status.DRAFT)) for t in "ab"]
    stack.push(undo_drafts(drafts))
    assert stack.undo(catalog).what == "2 drafts from the batch session"
    assert all(catalog.workspace.get(POSTS, d) is None for d in drafts)


def test_a_failed_undo_stays_on_the_stack(catalog, monkeypatch):
    stack = UndoStack()
    stack.push(planning.plan_post(catalog, Post("", title="Quiz", status=Status.IDEA)))
    stack.push(Undo("nothing", ()))  # an empty undo is not an entry
    assert len(stack) == 1

    def refuse(changes):
        raise ReadOnlyWorkspace("read-only")

    monkeypatch.setattr(catalog.workspace, "write", refuse)
    with pytest.raises(ReadOnlyWorkspace):
        stack.undo(catalog)
    assert len(stack) == 1
