"""The published posts of a period, rated, read from only the fields a rate needs.

Best times and goals look at a year of posts on every `someplan status` (the next proposal's
time, the goals under way); decoding every field of five thousand posts cost a quarter of a
second, reading the dozen a rate needs costs a fraction of it.
"""

from __future__ import annotations

import datetime as dt

from someplan.domain.doc_fields import DocReader, parse_count
from someplan.domain.figures_stats import RatedPost, rate_all
from someplan.domain.post import FIGURE_FIELDS, FunnelStage, Post, Status
from someplan.services.catalog import Catalog


def published_between(catalog: Catalog, first: dt.date, last: dt.date) -> list[Post]:
    """The published posts dated `first` to `last`, with channel, category, funnel, date, time,
    followers and the figures (no title, caption or assets)."""
    found = []
    published = Status.PUBLISHED.value
    for rid, doc in catalog.docs_between(first, last):
        if doc.get("status") != published:
            continue
        reader = DocReader(doc)
        counts = {name: _count(doc.get(name)) for name in FIGURE_FIELDS}
        found.append(Post(
            rid, channel=reader.optional_text("channel"), category=reader.optional_text("category"),
            funnel=reader.optional_choice("funnel", FunnelStage) if doc.get("funnel") else None,
            date=reader.date("date"), time=reader.time("time"), status=Status.PUBLISHED,
            followers=_count(doc.get("followers")), **counts,  # type: ignore[arg-type]  # FIGURE_FIELDS are ints
        ))  # fmt: skip
    return found


def _count(value: object) -> int | None:
    """`doc_fields.parse_count` with the usual case (a stored int, or nothing) first."""
    if value is None:
        return None
    if type(value) is int and value >= 0:
        return value
    return parse_count(value)


def rated_between(catalog: Catalog, first: dt.date, last: dt.date) -> list[RatedPost]:
    channels = {c.id: c for c in catalog.channels()}
    return rate_all(published_between(catalog, first, last), channels, {})
