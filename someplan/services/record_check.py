"""Stored field values no reader can use (a wrong type, NaN, a broken date): `doctor` lists them.

Readers already fall back to the field's default (see `someplan.domain.doc_fields`); this only
says what was ignored, so that a colleague's broken client or a hand edit does not go unseen.
"""

from __future__ import annotations

from someplan.domain.batch import BatchSession
from someplan.domain.category import Category
from someplan.domain.channel import Channel
from someplan.domain.doc_fields import doc_problems
from someplan.domain.event import Event
from someplan.domain.person import Person
from someplan.domain.post import Post
from someplan.domain.settings import WorkspaceSettings
from someplan.i18n import N_
from someplan.services.catalog import BATCHES, CATEGORIES, CHANNELS, EVENTS, PEOPLE, POSTS, SETTINGS, Catalog
from someplan.store.problems import Problem

RECORD_TYPES = {
    POSTS: Post,
    CHANNELS: Channel,
    CATEGORIES: Category,
    PEOPLE: Person,
    EVENTS: Event,
    SETTINGS: WorkspaceSettings,
    BATCHES: BatchSession,
}
BAD_VALUE = N_("{table} {record}: {problem}; ignored, the rest of the record is used")


def record_problems(catalog: Catalog) -> list[Problem]:
    found = []
    workspace = catalog.workspace
    with workspace.lock:
        for table, kind in RECORD_TYPES.items():
            for record_id, doc in sorted(workspace.view(table).items()):
                for problem in doc_problems(kind, doc):
                    params = {"table": table, "record": record_id, "problem": problem}
                    found.append(Problem("warning", "bad-value", BAD_VALUE, None, params))
    return found
