"""Goals and campaigns are found alike (services/named_records.py): by id, a unique start of it,
or the title; a start several ids share is said to be ambiguous, and a removed one says how to
bring it back."""

import datetime as dt

import pytest

from someplan.domain.event import Event
from someplan.domain.goals import Goal
from someplan.services import campaigns, goals
from someplan.services.errors import UserError

DAY = dt.date(2026, 12, 1)


def add_goal(catalog, record_id: str, title: str):
    return goals.add_goal(catalog, Goal(record_id, title, DAY, DAY + dt.timedelta(days=30)))


def add_campaign(catalog, record_id: str, title: str):
    return campaigns.add_campaign(catalog, Event(record_id, title, DAY, DAY + dt.timedelta(days=30)))


KINDS = [
    pytest.param(add_goal, goals.find_goal, goals.remove_goal, goals.restore_goal, "goal", id="goals"),
    pytest.param(add_campaign, campaigns.find_campaign, campaigns.remove_campaign, campaigns.restore_campaign,
                 "campaign", id="campaigns"),
]  # fmt: skip


@pytest.mark.parametrize("add, find, remove, restore, noun", KINDS)
def test_a_start_of_two_ids_is_ambiguous_and_names_both(catalog, add, find, remove, restore, noun):
    first = add(catalog, "01kbz0aaaaaaaaaaaaaaaaaaaa", "Første")
    second = add(catalog, "01kbz0bbbbbbbbbbbbbbbbbbbb", "Andre")
    assert find(catalog, "01KBZ0A").id == first.id
    with pytest.raises(UserError) as error:
        find(catalog, "01kbz0")
    assert "ambiguous" in str(error.value) and first.id in str(error.value) and second.id in str(error.value)


@pytest.mark.parametrize("add, find, remove, restore, noun", KINDS)
def test_a_removed_one_says_how_to_bring_it_back(catalog, add, find, remove, restore, noun):
    record = add(catalog, "01kbz0cccccccccccccccccccc", "Borte")
    remove(catalog, record.id)
    with pytest.raises(UserError, match=f"{noun} {record.id} is removed; bring it back with: someplan {noun} restore"):
        find(catalog, record.id[:10])
    with pytest.raises(UserError, match=f"no {noun} 'Borte'"):
        find(catalog, "Borte")
    assert restore(catalog, record.id[:10]) == record.id
    assert find(catalog, "borte").id == record.id
    with pytest.raises(UserError, match=f"no removed {noun}"):
        restore(catalog, record.id)


@pytest.mark.parametrize("add, find, remove, restore, noun", KINDS)
def test_two_of_one_title_ask_for_the_id(catalog, add, find, remove, restore, noun):
    one = add(catalog, "", "Julebord")
    two = add(catalog, "", "julebord ")
    with pytest.raises(UserError, match=f"2 {noun}s are called 'Julebord'; give one of their ids: ") as error:
        find(catalog, "Julebord")
    assert one.id in str(error.value) and two.id in str(error.value)
