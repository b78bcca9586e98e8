"""What the planner's side panes show: rotation, key figures over weeks, the asset folder."""

from __future__ import annotations

import datetime as dt
import os
from dataclasses import dataclass
from pathlib import Path

from someplan.domain.figures import average, engagement_rate, reach_rate
from someplan.domain.post import Post, Status
from someplan.domain.rotation import Rotation, board_from_dates, coverage
from someplan.domain.weeks import IsoWeek
from someplan.services.catalog import Catalog

def post_rates(post: Post, channels: dict) -> tuple[float | None, float | None]:
    """Reach rate and engagement rate by reach of a post; followers from the post, else the
    channel's count on the day."""
    channel = channels.get(post.channel)
    followers = post.followers or (channel.followers_on(post.date) if channel and post.date else None)
    return reach_rate(post, followers), engagement_rate(post, channel.network) if channel else None


# -- rotation ----------------------------------------------------------------------------------


COVERAGE_WEEKS = 12


@dataclass(frozen=True)
class RotationRow:
    rotation: Rotation
    backlog: int  # drafts and ready posts not yet published
    coverage: tuple[int, ...] = ()  # posts in each of the last COVERAGE_WEEKS weeks, this week last


def rotation_rows(catalog: Catalog, today: dt.date) -> list[RotationRow]:
    """Every category in the user's rotation order, with its state, backlog and coverage."""
    backlog: dict[str, int] = {}
    for doc in catalog.workspace.view("posts").values():
        if doc.get("status") in (Status.DRAFT.value, Status.READY.value) and isinstance(doc.get("category"), str):
            backlog[doc["category"]] = backlog.get(doc["category"], 0) + 1
    board = {r.category.id: r for r in board_from_dates(catalog.categories(), catalog.last_post_dates(), today)}
    this_week = IsoWeek.of(today)
    first = (this_week - (COVERAGE_WEEKS - 1)).monday
    strips = coverage(catalog.posts_between(first, this_week.sunday), this_week, COVERAGE_WEEKS)
    empty = (0,) * COVERAGE_WEEKS
    return [
        RotationRow(board[c.id], backlog.get(c.id, 0), strips.get(c.id, empty)) for c in catalog.rotation()
    ]


# -- key figures -------------------------------------------------------------------------------


@dataclass(frozen=True)
class WeekFigures:
    week: IsoWeek
    posts: int
    reach_rate: float | None
    engagement_rate: float | None


@dataclass(frozen=True)
class FiguresSummary:
    weeks: tuple[WeekFigures, ...]  # oldest first
    best_category: str | None
    best_category_rate: float | None
    top_posts: tuple[tuple[Post, float], ...]  # by engagement rate by reach


def figures_summary(catalog: Catalog, last_week: IsoWeek, count: int = 8) -> FiguresSummary:
    first = last_week - (count - 1)
    posts = [p for p in catalog.posts_between(first.monday, last_week.sunday) if p.status is Status.PUBLISHED]
    channels = {c.id: c for c in catalog.channels()}
    categories = {c.id: c.name for c in catalog.categories()}
    rates = {post.id: post_rates(post, channels) for post in posts}
    weeks = []
    for index in range(count):
        week = first + index
        in_week = [p for p in posts if p.date in week]
        weeks.append(WeekFigures(week, len(in_week), average(rates[p.id][0] for p in in_week),
                                 average(rates[p.id][1] for p in in_week)))  # fmt: skip
    by_category: dict[str, list[float | None]] = {}
    for post in posts:
        if post.category in categories:
            by_category.setdefault(categories[post.category], []).append(rates[post.id][1])
    averaged = {name: average(values) for name, values in by_category.items()}
    averaged = {name: value for name, value in averaged.items() if value is not None}
    best = max(averaged, key=averaged.get, default=None)
    ranked = sorted(((p, rates[p.id][1]) for p in posts if rates[p.id][1] is not None), key=lambda pr: -pr[1])
    return FiguresSummary(tuple(weeks), best, averaged.get(best) if best else None, tuple(ranked[:5]))


# -- the asset folder --------------------------------------------------------------------------


@dataclass(frozen=True)
class AssetFile:
    path: str  # relative to the asset folder, with /
    size: int
    modified: float
    used_by: tuple[str, ...]  # post titles


def asset_root(catalog: Catalog) -> Path:
    folder = catalog.settings().asset_folder or "assets/"
    root = (catalog.workspace.root / folder).resolve()
    workspace = catalog.workspace.root.resolve()
    # An asset folder outside the workspace is allowed (a shared Dropbox folder), given absolutely.
    return root if Path(folder).is_absolute() or root.is_relative_to(workspace) else workspace / "assets"


AssetListing = list[tuple[float, str, int]]  # (modified, path relative to the asset root, size)


def scan_assets(root: Path) -> AssetListing:
    """Files in the asset folder, newest first; hidden files and sync tools' temp files skipped.

    os.scandir and plain strings, not Path objects: a shared folder can hold 20,000 files.
    """
    found: AssetListing = []
    pending = [(str(root), "")]
    while pending:
        folder, prefix = pending.pop()
        try:
            entries = list(os.scandir(folder))
        except OSError:
            continue
        for entry in entries:
            name = entry.name
            if name.startswith((".", "~$")):
                continue
            try:
                if entry.is_dir(follow_symlinks=False):
                    pending.append((entry.path, f"{prefix}{name}/"))
                elif entry.is_file(follow_symlinks=False) and not name.endswith((".tmp", ".part")):
                    stat = entry.stat()
                    found.append((stat.st_mtime, prefix + name, stat.st_size))
            except OSError:
                continue
    found.sort(reverse=True)
    return found


def list_assets(catalog: Catalog, listing: AssetListing | None = None, limit: int = 500) -> list[AssetFile]:
    """The newest files of a listing (scanned now when not given) with the posts that use each."""
    found = scan_assets(asset_root(catalog)) if listing is None else listing
    users: dict[str, list[str]] = {}
    for doc in catalog.workspace.view("posts").values():  # stored fields: no Post for every post
        refs, title = doc.get("assets"), doc.get("title")
        for ref in refs if isinstance(refs, list) else ():
            if isinstance(ref, str):
                users.setdefault(ref.removeprefix("assets/"), []).append(title if isinstance(title, str) else "")
    return [AssetFile(rel, size, mtime, tuple(users.get(rel, ()))) for mtime, rel, size in found[:limit]]
