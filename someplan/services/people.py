"""The people registry: who may appear in posts, their consent, and when they were featured."""

from __future__ import annotations

import datetime as dt
from typing import Any

from someplan.domain.person import Featured, Person, featured, long_unfeatured
from someplan.domain.post import Post
from someplan.i18n import _
from someplan.services.catalog import PEOPLE, Catalog
from someplan.services.errors import UserError
from someplan.services.named_records import edit_record, unique_name
from someplan.store.workspace import new_record_id

STALE_DAYS = 180  # "not featured for a long time": half a year, as the courses suggest


def add_person(catalog: Catalog, name: str, **fields: Any) -> Person:
    person = Person(id=new_record_id(), name=unique_name(catalog.people(), name), **fields)
    catalog.workspace.insert(PEOPLE, person.to_doc(), person.id)
    return person


def edit_person(catalog: Catalog, which: str, **fields: Any) -> Person:
    person = catalog.person(which)
    return edit_record(catalog, PEOPLE, person, catalog.people(), fields)


def remove_person(catalog: Catalog, which: str) -> Person:
    """Posts keep the id of a removed person; `someplan` shows them as "removed person"."""
    person = catalog.person(which)
    catalog.workspace.delete(PEOPLE, person.id)
    return person


def featured_by_person(catalog: Catalog, today: dt.date) -> dict[str, Featured]:
    return featured(posts_with_people(catalog), today)


def stale_people(catalog: Catalog, today: dt.date, days: int = STALE_DAYS) -> list[Person]:
    return long_unfeatured(catalog.people(), posts_with_people(catalog), today, days)


def posts_with_people(catalog: Catalog) -> list[Post]:
    """The posts that name anyone, in the store's order, decoded once per workspace version:
    only they say who was featured, and on a long history they are few (the people screen
    opened on 3,000 posts spent most of its time decoding the others)."""
    return catalog.posts_where("posts_with_people", lambda doc: bool(doc.get("people")))


def people_by_names(catalog: Catalog, text: str) -> list[Person]:
    """ "Kari, Ola Nordmann" → those people, in that order; an unknown name is refused."""
    names = [name.strip() for name in text.split(",") if name.strip()]
    found = [catalog.person(name) for name in names]
    if len({p.id for p in found}) != len(found):
        raise UserError(_("a person is named twice"))
    return found
