"""The people registry edits a person as channels and categories are edited (named_records):
a unique name, and a field given as None (no hours) written, not left out."""

import pytest

from someplan.services.catalog import PEOPLE
from someplan.services.errors import UserError
from someplan.services.people import add_person, edit_person


def test_a_person_is_renamed_only_to_a_free_name_and_hours_are_cleared(catalog):
    kari = add_person(catalog, "Kari Nordmann", role="kokk", hours=7.5)
    add_person(catalog, "Ola Nordmann")
    with pytest.raises(UserError, match="already one named 'ola nordmann'"):
        edit_person(catalog, kari.id, name="ola nordmann")
    with pytest.raises(UserError, match="already one named"):
        add_person(catalog, " OLA NORDMANN ")
    edited = edit_person(catalog, "Kari Nordmann", name=" Kari N. ", hours=None)
    assert (edited.name, edited.hours, edited.role) == ("Kari N.", None, "kokk")
    doc = catalog.workspace.get(PEOPLE, kari.id)
    assert doc["name"] == "Kari N." and doc.get("hours") is None and doc["role"] == "kokk"
    assert catalog.person("Kari N.").hours is None
