"""Planning posts: add, edit, move, delete, restore — each one atomic batch of ops."""

from __future__ import annotations

import dataclasses
import datetime as dt

from someplan.domain.post import Post, Status
from someplan.domain.weeks import PLAN_YEARS
from someplan.i18n import _
from someplan.services.catalog import POSTS, Catalog
from someplan.services.errors import UserError
from someplan.services.undo import Undo
from someplan.store.workspace import new_record_id


def parse_date(text: str, today: dt.date | None = None) -> dt.date:
    """YYYY-MM-DD, DD.MM.YYYY, DD.MM (this year), or today/tomorrow/i dag/i morgen."""
    found = _parse_date(text, today)
    if found.year not in PLAN_YEARS:
        raise UserError(
            _("{text!r} is outside the years someplan plans ({first}–{last})").format(
                text=text, first=PLAN_YEARS.start, last=PLAN_YEARS.stop - 1
            )
        )
    return found


def _parse_date(text: str, today: dt.date | None) -> dt.date:
    raw = text.strip().lower()
    if today and raw in ("today", "i dag", "idag"):
        return today
    if today and raw in ("tomorrow", "i morgen", "imorgen"):
        return today + dt.timedelta(days=1)
    try:
        return dt.date.fromisoformat(raw)
    except ValueError:
        pass
    parts = raw.rstrip(".").split(".")
    try:
        if len(parts) == 3:
            return dt.date(int(parts[2]), int(parts[1]), int(parts[0]))
        if len(parts) == 2 and today:
            return dt.date(today.year, int(parts[1]), int(parts[0]))
    except ValueError:
        pass
    raise UserError(_("not a date: {text!r} (use 2026-11-23 or 23.11.2026)").format(text=text))


def parse_time(text: str) -> dt.time:
    raw = text.strip().replace(".", ":")
    if raw.isdigit() and len(raw) <= 2:
        raw += ":00"
    try:
        return dt.time.fromisoformat(raw if len(raw) > 4 else "0" + raw)
    except ValueError:
        raise UserError(_("not a time: {text!r} (use 09:30)").format(text=text)) from None


def parse_status(text: str) -> Status:
    wanted = text.strip().lower()
    for status in Status:
        if wanted in (status.value, status.label("nb").lower(), status.label("en").lower()):
            return status
    known = ", ".join(s.label() for s in Status)
    raise UserError(_("unknown status {text!r}; known: {known}").format(text=text, known=known))


def _empty(value) -> bool:
    return value in (None, "", [])


def add_post(catalog: Catalog, post: Post) -> str:
    return plan_post(catalog, post).post


def plan_post(catalog: Catalog, post: Post, what: str | None = None) -> Undo:
    """Add `post`; its undo names the new post's id (`.post`)."""
    record_id = post.id or new_record_id()
    # Empty fields are simply absent: fewer ops, and a history that shows what was really set.
    doc = {name: value for name, value in post.to_doc().items() if not _empty(value)}
    catalog.workspace.insert(POSTS, doc, record_id)
    return Undo.of_insert(what or _("adding “{title}”").format(title=post.title), POSTS, record_id, post=record_id)


def save_post(catalog: Catalog, post: Post) -> list[str]:
    """Write what differs from the stored post; the names of the fields that changed."""
    stored = catalog.workspace.view(POSTS).get(post.id)
    if stored is None:
        raise UserError(_("no post with id {id}").format(id=post.id))
    new = post.to_doc()
    changed = [
        name for name, value in new.items() if stored.get(name) != value and not (_empty(value) and _empty(stored.get(name)))
    ]
    catalog.workspace.write([(POSTS, post.id, name, new[name]) for name in changed])
    return changed


def save_changes(catalog: Catalog, original: Post, edited: Post) -> list[str]:
    """Write the fields that differ between `original` (as the user opened it) and `edited`.

    Diffing against what the user started from, not against what is stored now, keeps a
    colleague's edit of another field that arrived while the editor was open.
    """
    undo = change_post(catalog, original, edited)
    return [name for _table, _record, name, _value in undo.changes] if undo else []


def change_post(catalog: Catalog, original: Post, edited: Post) -> Undo | None:
    """`save_changes`, returning what undoes it (None: nothing changed)."""
    before, after = original.to_doc(), edited.to_doc()
    changed = [name for name, value in after.items() if before.get(name) != value]
    catalog.workspace.write([(POSTS, edited.id, name, after[name]) for name in changed])
    if not changed:
        return None
    what = _("changing “{title}”").format(title=edited.title)
    return Undo.of_fields(what, POSTS, edited.id, {name: before[name] for name in changed}, post=edited.id)


def edit_post(catalog: Catalog, post_id: str, **fields) -> Post:
    post = catalog.post(post_id)
    updated = dataclasses.replace(post, **fields)
    save_post(catalog, updated)
    return updated


def remove_post(catalog: Catalog, post_id: str) -> Post:
    post = catalog.post(post_id)
    catalog.workspace.delete(POSTS, post.id)
    return post


def delete_post(catalog: Catalog, post_id: str) -> Undo:
    """`remove_post`, returning what brings it back."""
    post = remove_post(catalog, post_id)
    return Undo.of_delete(_("deleting “{title}”").format(title=post.title), POSTS, post.id, post=post.id)


def deleted_ids(catalog: Catalog, table: str, which: str) -> list[str]:
    """Removed records of `table` whose id is `which`, or starts with it (six characters or more)."""
    wanted = which.strip().lower()
    return [rid for rid in catalog.workspace.deleted(table) if rid == wanted or (len(wanted) >= 6 and rid.startswith(wanted))]


def restore_post(catalog: Catalog, post_id: str) -> str:
    wanted = post_id.strip().lower()
    deleted = deleted_ids(catalog, POSTS, post_id)
    if len(deleted) != 1:
        if any(p.id == wanted for p in catalog.posts()):
            raise UserError(_("post {id} is not deleted").format(id=wanted))
        raise UserError(_("no deleted post with id {text!r}").format(text=post_id))
    catalog.workspace.restore(POSTS, deleted[0])
    return deleted[0]
