"""Finding posts with TinyDB's queries, the query layer over the workspace: only the posts that
match are turned into `Post` objects (a week out of years of posts costs a week's worth)."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from someplan.domain.doc_fields import parse_date
from someplan.domain.post import Post
from someplan.services.catalog import POSTS, Catalog

if TYPE_CHECKING:
    from tinydb.queries import QueryLike


def find_posts(catalog: Catalog, cond: QueryLike) -> list[Post]:
    from someplan.store.tinystore import open_db

    # No refresh: the catalog's other reads do not refresh either (the planner's watcher does).
    table = open_db(catalog.workspace, auto_refresh=False).table(POSTS)
    return [Post.from_doc(doc, doc.doc_id) for doc in table.search(cond)]


def dated(first: dt.date | None = None, last: dt.date | None = None) -> QueryLike:
    """Posts with a date (as `Post` reads it), from `first` and up to `last` when given."""
    from tinydb import Query

    def within(value: object) -> bool:
        day = parse_date(value)
        return day is not None and (first is None or first <= day) and (last is None or day <= last)

    return Query().date.test(within)
