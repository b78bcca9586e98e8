"""Rotation: which categories are due a post, given their cadence and their last post."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from someplan.domain.category import Category
from someplan.domain.post import Post
from someplan.domain.weeks import IsoWeek


class RotationState(StrEnum):
    OK = "ok"  # next due date after this week
    DUE = "due"  # due today or later this week
    OVERDUE = "overdue"  # due date has passed
    PAUSED = "paused"  # category not active


@dataclass(frozen=True)
class Rotation:
    category: Category
    last_post: date | None
    next_due: date
    state: RotationState
    days_overdue: int


def last_post_dates(posts: Iterable[Post]) -> dict[str, date]:
    """The latest dated post of each category, whatever its status and even in the future.

    Planned posts count, not only published ones: the question the rotation answers is "what
    do I still have to plan?", and a category with a post planned for next week is covered.
    """
    latest: dict[str, date] = {}
    for post in posts:
        if post.category and post.date and (post.category not in latest or post.date > latest[post.category]):
            latest[post.category] = post.date
    return latest


def next_due(category: Category, last_post: date | None, today: date) -> date:
    """A category that never had a post is due today."""
    return category.cadence.next_after(last_post) if last_post else today


def rotation(category: Category, last_post: date | None, today: date) -> Rotation:
    """Where `category` stands on `today`; `last_post` as from `last_post_dates`."""
    due = next_due(category, last_post, today)
    days_overdue = max((today - due).days, 0)
    if not category.active:
        state = RotationState.PAUSED
    elif due < today:
        state = RotationState.OVERDUE
    elif due <= IsoWeek.of(today).sunday:
        state = RotationState.DUE
    else:
        state = RotationState.OK
    return Rotation(category, last_post, due, state, days_overdue)


def rotation_board(categories: Iterable[Category], posts: Iterable[Post], today: date) -> list[Rotation]:
    """Every category's rotation, most urgent first: overdue, due, ok, paused."""
    return board_from_dates(categories, last_post_dates(posts), today)


def board_from_dates(categories: Iterable[Category], latest: Mapping[str, date], today: date) -> list[Rotation]:
    """`rotation_board` when the last post of each category is known already (by category id)."""
    rank = {RotationState.OVERDUE: 0, RotationState.DUE: 1, RotationState.OK: 2, RotationState.PAUSED: 3}
    board = [rotation(category, latest.get(category.id), today) for category in categories]
    return sorted(board, key=lambda r: (rank[r.state], r.next_due, r.category.name.casefold()))


def coverage(posts: Iterable[Post], last_week: IsoWeek, weeks: int = 12) -> dict[str, tuple[int, ...]]:
    """Per category id, its dated posts in each of the `weeks` weeks up to `last_week`, oldest first."""
    first = last_week - (weeks - 1)
    counts: dict[str, list[int]] = {}
    for post in posts:
        if post.category and post.date and first.monday <= post.date <= last_week.sunday:
            index = (post.date - first.monday).days // 7
            counts.setdefault(post.category, [0] * weeks)[index] += 1
    return {category: tuple(row) for category, row in counts.items()}
