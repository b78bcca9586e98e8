"""What the planner's import screen needs besides the import itself: where exports land (the
user's Downloads folder), which files there look like exports, and the past posts that were never
marked published (so have no figures), with the one change that marks them."""

from __future__ import annotations

import datetime as dt
import stat
from dataclasses import dataclass
from pathlib import Path

from someplan.domain.post import FIGURE_FIELDS, Status
from someplan.services.catalog import POSTS, Catalog
from someplan.store.user_dirs import downloads_dir

EXPORT_SUFFIXES = (".csv", ".xlsx", ".xls")
PAST_WEEKS = 8


def downloads_folder() -> Path:
    """Where a browser saves the networks' exports (store.user_dirs keeps this user's folders)."""
    return downloads_dir()


def export_files(folder: Path, limit: int = 200) -> list[Path]:
    """The CSV and XLSX files in `folder`, newest first."""
    try:
        names = [p for p in folder.iterdir() if p.suffix.casefold() in EXPORT_SUFFIXES]
    except OSError:
        return []
    found = []
    for path in names:
        try:  # one look a file: the browser or a sync tool may move it away meanwhile
            info = path.stat()
        except OSError:
            continue
        if stat.S_ISREG(info.st_mode):
            found.append((info.st_mtime, path))
    return [path for _mtime, path in sorted(found, key=lambda item: item[0], reverse=True)[:limit]]


@dataclass(frozen=True)
class PastPost:
    id: str
    date: dt.date
    title: str
    channel: str  # channel name


def past_without_figures(catalog: Catalog, today: dt.date, weeks: int = PAST_WEEKS) -> list[PastPost]:
    """Posts dated in the last `weeks` weeks before today that are not published and have no figures."""
    first = today - dt.timedelta(weeks=weeks)
    names = catalog.channel_names()
    found = []
    for post in catalog.posts_between(first, today - dt.timedelta(days=1)):
        if post.date is None or not first <= post.date < today or post.status in (Status.PUBLISHED, Status.IDEA):
            continue
        if any(getattr(post, name) is not None for name in FIGURE_FIELDS):
            continue
        found.append(PastPost(post.id, post.date, post.title, names.get(post.channel, "") if post.channel is not None else ""))
    return sorted(found, key=lambda p: (p.date, p.title), reverse=True)


def mark_published(catalog: Catalog, post_id: str) -> str:
    """Mark one post published; returns the status it had (for undo)."""
    before = str(catalog.workspace.view(POSTS).get(post_id, {}).get("status") or "")
    catalog.workspace.write([(POSTS, post_id, "status", Status.PUBLISHED.value)])
    return before
