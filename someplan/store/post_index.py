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
import marshal
from collections.abc import Callable, Iterator, Mapping, Sequence
from typing import Any, NamedTuple

POSTS = "posts"
EARNED = "earned"  # the stored surface of an earned post (domain/post.py: Surface.EARNED)


class PostIndex(NamedTuple):
    days: list[str]  # the distinct first ten characters of the text dates, sorted
    ids: Sequence[list[tuple[int, str]]]  # for each of `days`: (position in the store's order, post id)
    by_category: Mapping[str, list[str]]  # category id → its posts' non-empty date texts, sorted
    backlog: list[tuple[int, str]]  # undated drafts and ready posts
    assets: dict[str, list[Any]]  # post id → the asset references it stores (posts with any)
    latest: dict[str, str]  # category id → the last of its date texts (the rotation's "last post")
    pending: dict[str, int]  # category id → its drafts and ready posts, dated or not (the rotation's backlog)
    earned: list[tuple[int, str, str]]  # (position, post id, month_of) of the earned posts (the header's permissions)


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
    pending: dict[str, int] = {}
    earned: list[tuple[int, str, str]] = []
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
            if doc.get("status") in ("draft", "ready"):
                category = doc.get("category")
                if isinstance(category, str):
                    pending[category] = pending.get(category, 0) + 1
            if doc.get("surface") == EARNED:
                earned.append((position, rid, month_of(doc)))
    finally:
        if collecting:
            gc.enable()
    days = sorted(by_day)
    for dates in by_category.values():
        dates.sort()
    latest = {category: dates[-1] for category, dates in by_category.items()}
    return PostIndex(days, [by_day[day] for day in days], by_category, backlog, assets, latest, pending, earned)


# Kept, the index grows with the years: the ids of every dated post, the dates of every category.
# A reader asked for a week needs the ids of a few days and the last date of each category, so the
# read cache keeps the ids month by month and the dates apart, each where `keep` put it, and reads
# them back when first asked for; `days`, the backlog, the assets, the latest dates and the
# categories' pending counts and the earned posts are small and kept with the index itself.

Where = tuple[int, int, int]  # what `keep` returned: where the kept bytes lie (offset, length, CRC)


class Unreadable(Exception):
    """A part of a kept index did not read back as it was kept: make the index again from the posts."""


def pack(index: PostIndex, keep: Callable[[bytes], Where]) -> tuple[Any, ...]:
    """`index` as marshal keeps it, its large parts handed to `keep` (see `unpack`)."""
    bounds: dict[str, list[int]] = {}  # a month's days lie side by side: sorted texts, one prefix
    for at, day in enumerate(index.days):
        bounds.setdefault(day[:7], [at, at])[1] = at + 1
    months = {month: (start, keep(marshal.dumps(list(index.ids[start:end])))) for month, (start, end) in bounds.items()}
    dates = keep(marshal.dumps(dict(index.by_category)))
    return (index.days, months, dates, index.backlog, index.assets, index.latest, index.pending, index.earned)


def unpack(packed: tuple[Any, ...], read: Callable[[Where], Any]) -> PostIndex:
    """The index `pack` kept; `read(where)` gives back what was kept there (raising `Unreadable`
    when it does not read), a month's ids when one of its days is first asked for, the dates of
    the categories when they are. Raises ValueError (or TypeError) when `packed` is no index."""
    days, months, dates, backlog, assets, latest, pending, earned = packed
    kinds = (list, dict, tuple, list, dict, dict, dict, list)
    if not all(isinstance(part, kind) for part, kind in zip(packed, kinds, strict=True)):
        raise ValueError("not an index")
    return PostIndex(days, _DaysByMonth(days, months, read), _Later(read, dates), backlog, assets, latest, pending, earned)


class _DaysByMonth(Sequence[list[tuple[int, str]]]):
    """The ids of each of `days`, a month's read when one of its days is first asked for."""

    def __init__(self, days: list[str], months: dict[str, tuple[int, Where]], read: Callable[[Where], Any]) -> None:
        self._days, self._months, self._read = days, months, read
        self._read_months: dict[str, list[list[tuple[int, str]]]] = {}

    def __len__(self) -> int:
        return len(self._days)

    def __getitem__(self, at: Any) -> Any:
        if isinstance(at, slice):
            return [self[i] for i in range(*at.indices(len(self._days)))]
        if at < 0:
            at += len(self._days)
        if not 0 <= at < len(self._days):
            raise IndexError("index out of range")
        month = self._days[at][:7]
        start, where = self._months[month]
        found = self._read_months.get(month)
        if found is None:
            found = self._read_months[month] = self._read(where)
            if not isinstance(found, list):
                raise Unreadable(month)
        return found[at - start]


class _Later(Mapping[str, list[str]]):
    """A dict kept at `where`, read when first asked for."""

    def __init__(self, read: Callable[[Where], Any], where: Where) -> None:
        self._read: Callable[[Where], Any] | None = read
        self.where = where
        self._found: dict[str, list[str]] = {}

    def _dict(self) -> dict[str, list[str]]:
        if self._read is not None:
            found = self._read(self.where)
            if not isinstance(found, dict):
                raise Unreadable("dates")
            self._found, self._read = found, None
        return self._found

    def __getitem__(self, key: str) -> list[str]:
        return self._dict()[key]

    def __iter__(self) -> Iterator[str]:
        return iter(self._dict())

    def __len__(self) -> int:
        return len(self._dict())
