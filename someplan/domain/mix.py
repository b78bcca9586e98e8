"""The mix: which formats, surfaces and purposes the plan is made of, against the target mix.

Every dated post of the period counts, whatever its status: the mix of a plan is what it plans.
A post without a format counts as "unknown" (so the shares add up to 100 %), one without a
surface as owned, one without a purpose is left out of the purposes.

Targets are percent of a period's posts per "dimension:value" ("format:reel" → 20). The
workspace keeps targets for every month ("format:reel") and for one month ("2026-12/format:reel"),
the one month's overriding the general one key by key. A week is held to the targets of the month
its Thursday falls in (the month ISO gives the week), a year to the general ones.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from someplan.domain.post import Post, PostFormat, Surface

DIMENSIONS = ("format", "surface", "purpose")
UNKNOWN = "unknown"
ON_TARGET_POINTS = 5  # within this many percentage points of its target a share is on target


@dataclass(frozen=True)
class MixLine:
    dimension: str  # format, surface or purpose
    value: str  # "reel", "earned", "rekruttering"; "unknown" for posts without a format
    posts: int
    share: float  # percent of the period's posts
    target: int | None  # percent; None: no target

    @property
    def gap(self) -> float | None:
        """Percentage points above (+) or below (−) the target."""
        return None if self.target is None else self.share - self.target

    @property
    def on_target(self) -> bool | None:
        return None if self.gap is None else abs(self.gap) <= ON_TARGET_POINTS


@dataclass(frozen=True)
class Mix:
    first: dt.date
    last: dt.date
    posts: int
    lines: tuple[MixLine, ...]

    def of(self, dimension: str) -> tuple[MixLine, ...]:
        return tuple(line for line in self.lines if line.dimension == dimension)


def month_key(day: dt.date) -> str:
    return f"{day.year:04d}-{day.month:02d}"


def targets_for(targets: Mapping[str, int], month: str | None) -> dict[str, int]:
    """The targets that hold in `month` ("2026-12"), or the general ones for None."""
    found = {key: value for key, value in targets.items() if "/" not in key}
    if month is not None:
        prefix = month + "/"
        found.update({key[len(prefix) :]: value for key, value in targets.items() if key.startswith(prefix)})
    return found


def post_values(post: Post) -> dict[str, str | None]:
    return {
        "format": post.format.value if post.format else UNKNOWN,
        "surface": post.surface_or_owned.value,
        "purpose": post.purpose.strip().casefold() or None,
    }


def _order(dimension: str, value: str) -> tuple[int, str]:
    known: tuple[str, ...] = {"format": tuple(PostFormat), "surface": tuple(Surface)}.get(dimension, ())
    return (known.index(value) if value in known else len(known), value)


def mix_of(posts: Iterable[Post], first: dt.date, last: dt.date, targets: Mapping[str, int]) -> Mix:
    """The mix of the dated posts from `first` to `last`; `targets` those that hold (`targets_for`).

    A value with a target but no posts is listed too (0 %): a missing format is what the user
    needs to see.
    """
    counts: dict[str, Counter[str]] = {dimension: Counter() for dimension in DIMENSIONS}
    total = 0
    for post in posts:
        if post.date is None or not first <= post.date <= last:
            continue
        total += 1
        for dimension, value in post_values(post).items():
            if value is not None:
                counts[dimension][value] += 1
    for key in targets:
        dimension, _sep, value = key.partition(":")
        if dimension in counts and value:
            counts[dimension].setdefault(value, 0)
    lines = tuple(
        MixLine(dimension, value, count, 100 * count / total if total else 0.0, targets.get(f"{dimension}:{value}"))
        for dimension in DIMENSIONS
        for value, count in sorted(counts[dimension].items(), key=lambda item: _order(dimension, item[0]))
    )
    return Mix(first, last, total, lines)
