"""The posts by date: what the catalog looks posts up by, and how this machine's read cache
splits the posts so that a start reads only the months it is asked for.

Made from the stored fields alone, in one walk over the posts (ISO dates compare as text;
anything else is left to `Post.from_doc`'s tolerant reading): a text sorts before a day exactly
when its first ten characters do, so the per-category lists answer "latest before" by bisection.
The store keeps it beside the posts in the read cache (`someplan.store.read_cache`), so a warm
`someplan status` neither walks nor even reads the whole history.
"""

from __future__ import annotations

import gc
from typing import Any, NamedTuple

POSTS = "posts"


class PostIndex(NamedTuple):
    days: list[str]  # the distinct first ten characters of the text dates, sorted
    ids: list[list[tuple[int, str]]]  # for each of `days`: (position in the store's order, post id)
    by_category: dict[str, list[str]]  # category id → its posts' non-empty date texts, sorted
    backlog: list[tuple[int, str]]  # undated drafts and ready posts
    assets: dict[str, list[Any]]  # post id → the asset references it stores (posts with any)


def month_of(doc: dict[str, Any]) -> str:
    """The part of the posts a post is kept in: the month of its date text ("" undated)."""
    day = doc.get("date")
    return day[:7] if isinstance(day, str) else ""


def make(posts: dict[str, dict[str, Any]]) -> PostIndex:
    # Posts are bucketed by day, so only the few thousand distinct days are sorted; the
    # collector is held off while tens of thousands of long-lived tuples are made.
    by_day: dict[str, list[tuple[int, str]]] = {}
    by_category: dict[str, list[str]] = {}
    backlog: list[tuple[int, str]] = []
    assets: dict[str, list[Any]] = {}
    collecting = gc.isenabled()
    gc.disable()
    try:
        for position, (rid, doc) in enumerate(posts.items()):
            day = doc.get("date")
            if isinstance(day, str):
                bucket = by_day.get(day[:10])
                if bucket is None:
                    by_day[day[:10]] = [(position, rid)]
                else:
                    bucket.append((position, rid))
                category = doc.get("category")
                if isinstance(category, str) and day:
                    by_category.setdefault(category, []).append(day)
            elif doc.get("status") in ("draft", "ready"):
                backlog.append((position, rid))
            refs = doc.get("assets")
            if isinstance(refs, list) and refs:
                assets[rid] = refs
    finally:
        if collecting:
            gc.enable()
    days = sorted(by_day)
    for dates in by_category.values():
        dates.sort()
    return PostIndex(days, [by_day[day] for day in days], by_category, backlog, assets)
