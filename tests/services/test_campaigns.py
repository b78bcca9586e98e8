"""Campaigns and seasons: written one batch per action, found by title or id, shown in the week
they touch (partly too) and on the year wheel."""

import datetime as dt

import pytest

from someplan.domain.event import Event, EventKind
from someplan.domain.weeks import IsoWeek
from someplan.services import campaigns as service
from someplan.services.errors import UserError
from someplan.services.status import build_status
from someplan.services.user_input import parse_kind
from someplan.services.year_wheel import build_year_wheel

TODAY = dt.date(2026, 11, 18)


@pytest.fixture
def writes(catalog, monkeypatch):
    """The batches written, each a list of changes."""
    batches = []
    original = catalog.workspace.write

    def write(changes):
        changes = list(changes)
        batches.append(changes)
        return original(changes)

    monkeypatch.setattr(catalog.workspace, "write", write)
    return batches


def test_add_edit_remove_restore_each_one_batch(catalog, writes):
    event = service.add_campaign(catalog, Event("", "  Nyttårskampanje ", dt.date(2026, 12, 28), dt.date(2027, 1, 6)))
    assert event.title == "Nyttårskampanje" and len(writes) == 1
    assert {field for _, _, field, _ in writes[0]} == {"title", "start", "end", "kind"}  # empty notes are not written
    assert service.find_campaign(catalog, "nyttårskampanje").id == event.id
    assert service.find_campaign(catalog, event.id[:8]).id == event.id

    edited = service.edit_campaign(catalog, "Nyttårskampanje", end=dt.date(2027, 1, 3), kind=EventKind.SEASON)
    assert len(writes) == 2 and {field for _, _, field, _ in writes[1]} == {"end", "kind"}
    assert edited.end == dt.date(2027, 1, 3) and service.find_campaign(catalog, event.id).kind is EventKind.SEASON

    service.remove_campaign(catalog, event.id)
    assert len(writes) == 3 and event.id not in {e.id for e in catalog.events()}
    with pytest.raises(UserError, match="restore"):
        service.find_campaign(catalog, event.id)
    assert service.restore_campaign(catalog, event.id[:10]) == event.id
    assert len(writes) == 4 and service.find_campaign(catalog, event.id).end == dt.date(2027, 1, 3)


def test_saving_writes_only_what_changed_and_returns_the_old_values(catalog):
    original = service.find_campaign(catalog, "Black Week")
    before = service.save_campaign(catalog, original, Event(**{**original.__dict__, "notes": "Ny tekst"}))
    assert before == {"notes": original.notes}
    assert service.save_campaign(catalog, original, original) == {}


@pytest.mark.parametrize(
    "event, message",
    [
        (Event("", "  ", dt.date(2026, 1, 1), dt.date(2026, 1, 2)), "needs a title"),
        (Event("", "X", None, dt.date(2026, 1, 2)), "start and an end"),
        (Event("", "X", dt.date(2026, 1, 3), dt.date(2026, 1, 2)), "before the start"),
    ],
)
def test_a_campaign_needs_a_title_and_dates_in_order(catalog, event, message):
    with pytest.raises(UserError, match=message):
        service.add_campaign(catalog, event)
    assert len(catalog.events()) == 6


def test_unknown_and_ambiguous_names(catalog):
    with pytest.raises(UserError, match="no campaign 'Sommer'"):
        service.find_campaign(catalog, "Sommer")
    service.add_campaign(catalog, Event("", "Black Week", dt.date(2027, 11, 22), dt.date(2027, 11, 29)))
    with pytest.raises(UserError, match="2 campaigns are called 'black week'"):
        service.find_campaign(catalog, "black week")
    assert parse_kind("Sesong") is EventKind.SEASON
    with pytest.raises(UserError):
        parse_kind("festival")


def test_campaigns_partly_in_a_week_show_in_its_status(catalog):
    def shown(week: int) -> tuple[str, ...]:
        return build_status(catalog, IsoWeek(2026, week), today=TODAY).campaigns

    assert "Sommersesong 2026" in shown(20)  # starts Friday 15 May
    assert "Sommersesong 2026" in shown(38)  # ends Tuesday 15 September
    assert "Sommersesong 2026" not in shown(39)
    assert set(shown(49)) == {"Julebordsesongen", "Black Week", "Vintersesong"}  # Black Week ends Monday 30 Nov
    assert [e.title for e in service.campaigns(catalog, dt.date(2026, 11, 30), dt.date(2026, 11, 30))] == [
        "Julebordsesongen", "Black Week"]


def test_the_year_wheel_of_the_sample(catalog):
    wheel = build_year_wheel(catalog, 2026, "nb")
    assert len(wheel.weeks) == 53
    assert [s.event.title for s in wheel.spans] == [
        "Sommersesong 2026", "Høstferie", "Julebordsesongen", "Black Week", "Vintersesong"]
    status = build_status(catalog, IsoWeek(2026, 47), today=TODAY)
    assert wheel.weeks[46].posts == sum(len(day.posts) for day in status.days)
    assert wheel.target == sum(c.target_per_week for c in catalog.channels())
    names = {m.name for m in wheel.weeks[47].marks}
    assert {"Black Friday", "Første søndag i advent"} <= names
    english = build_year_wheel(catalog, 2026, "en")
    assert {"Black Friday", "First Sunday of Advent"} <= {m.name for m in english.weeks[47].marks}
