"""Acting on several posts at once (the marks of the planner's selection mode): a status, a move,
a duplicate. Each is one atomic batch with one undo for the lot."""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Callable, Iterable

from someplan.domain.post import Post, Status
from someplan.i18n import _, ngettext
from someplan.services.catalog import POSTS, Catalog
from someplan.services.errors import UserError
from someplan.services.undo import Change, Undo
from someplan.store.workspace import new_record_id


@dataclasses.dataclass(frozen=True)
class Outcome:
    """What a change to marked posts did: its undo (None: nothing changed), how many posts it
    changed, and the posts it left as they were with the reason (title, why)."""

    undo: Undo | None
    changed: int
    skipped: tuple[tuple[str, str], ...] = ()


def _posts(catalog: Catalog, ids: Iterable[str]) -> list[Post]:
    """The posts still there, in plan order; one a colleague deleted meanwhile is left out."""
    found = []
    for post_id in ids:
        try:
            found.append(catalog.post(post_id))
        except UserError:
            continue
    return sorted(found, key=lambda p: (p.date or dt.date.max, p.time or dt.time.min, p.id))


def _edit(catalog: Catalog, ids: Iterable[str], edit: Callable[[Post], Post | str], what: str) -> Outcome:
    changes: list[Change] = []
    parts: list[Undo] = []
    skipped: list[tuple[str, str]] = []
    for post in _posts(catalog, ids):
        edited = edit(post)
        if isinstance(edited, str):
            skipped.append((post.title, edited))
            continue
        before, after = post.to_doc(), edited.to_doc()
        changed = [name for name, value in after.items() if before.get(name) != value]
        changes += [(POSTS, post.id, name, after[name]) for name in changed]
        if changed:
            parts.append(Undo.of_fields("", POSTS, post.id, {name: before[name] for name in changed}, post=post.id))
    if not changes:
        return Outcome(None, 0, tuple(skipped))
    catalog.workspace.write(changes)
    return Outcome(Undo.group(what.format(count=len(parts)), parts), len(parts), tuple(skipped))


def set_status(catalog: Catalog, ids: Iterable[str], status: Status, today: dt.date) -> Outcome:
    """Give the posts `status`. Published is a fact about the past: a post dated after today, or
    without a date, keeps its status (and is named among the skipped)."""
    def edit(post: Post) -> Post | str:
        if status is Status.PUBLISHED and (post.date is None or post.date > today):
            return _("not published yet") if post.date else _("no date")
        return dataclasses.replace(post, status=status)

    ids = list(ids)
    what = ngettext("setting {count} post to “{status}”", "setting {count} posts to “{status}”", len(ids))
    return _edit(catalog, ids, edit, what.replace("{status}", status.label()))


def move_posts(catalog: Catalog, ids: Iterable[str], days: int) -> Outcome:
    """Move the posts `days` days; a post without a date stays where it is."""
    def edit(post: Post) -> Post | str:
        if post.date is None:
            return _("no date")
        return dataclasses.replace(post, date=post.date + dt.timedelta(days=days))

    ids = list(ids)
    what = ngettext("moving {count} post", "moving {count} posts", len(ids))
    return _edit(catalog, ids, edit, what)


def duplicate_posts(catalog: Catalog, ids: Iterable[str]) -> Outcome:
    """A reuse copy of each post (a draft without figures, on the same day): one batch."""
    changes: list[Change] = []
    parts: list[Undo] = []
    for post in _posts(catalog, ids):
        record_id = new_record_id()
        doc = dataclasses.replace(post.reuse(), id=record_id).to_doc()
        changes += [(POSTS, record_id, name, value) for name, value in doc.items() if value not in (None, "", [])]
        parts.append(Undo.of_insert("", POSTS, record_id, post=record_id))
    if not changes:
        return Outcome(None, 0)
    catalog.workspace.write(changes)
    what = ngettext("duplicating {count} post", "duplicating {count} posts", len(parts))
    return Outcome(Undo.group(what.format(count=len(parts)), parts), len(parts))
