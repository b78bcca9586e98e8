"""Planning posts: add, edit, move, delete, restore — each one atomic batch of ops."""

from __future__ import annotations

import dataclasses
import datetime as dt
import re

from someplan.domain.post import Post, Status
from someplan.domain.weeks import PLAN_YEARS, weekday_name
from someplan.i18n import _
from someplan.services.catalog import POSTS, Catalog
from someplan.services.errors import UserError
from someplan.store.workspace import new_record_id


def parse_date(text: str, today: dt.date | None = None) -> dt.date:
    """YYYY-MM-DD, DD.MM.YYYY, DD.MM (this year), today/tomorrow/i dag/i morgen, or a weekday
    ("fredag", "friday", "fre"): the next one, today included."""
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
    weekday = _weekday(raw)
    if today and weekday is not None:
        return today + dt.timedelta(days=(weekday - today.weekday()) % 7)
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


def _weekday(raw: str) -> int | None:
    word = raw.rstrip(".")
    for number in range(7):
        if word in {weekday_name(number, locale, short).lower() for locale in ("nb", "en") for short in (False, True)}:
            return number
    return None


# 09:30, 9.30, 0930, 930, 9, kl. 9.30, 09:30:00 (the hour's digits are taken first, so "930"
# is 9:30 and "1230" is 12:30)
_TIME = re.compile(r"^(?:kl\.?\s*)?(\d{1,2})(?:[:.]?(\d{2}))?(?::(\d{2}))?$")


def parse_time(text: str) -> dt.time:
    found = _TIME.match(text.strip().lower())
    if found:
        hour, minute, second = (int(part or 0) for part in found.groups())
        if hour < 24 and minute < 60 and second < 60:
            return dt.time(hour, minute, second)
    raise UserError(_("not a time: {text!r} (use 09:30)").format(text=text))


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
    record_id = post.id or new_record_id()
    # Empty fields are simply absent: fewer ops, and a history that shows what was really set.
    doc = {name: value for name, value in post.to_doc().items() if not _empty(value)}
    catalog.workspace.insert(POSTS, doc, record_id)
    return record_id


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
    before, after = original.to_doc(), edited.to_doc()
    changed = [name for name, value in after.items() if before.get(name) != value]
    catalog.workspace.write([(POSTS, edited.id, name, after[name]) for name in changed])
    return changed


def edit_post(catalog: Catalog, post_id: str, **fields) -> Post:
    post = catalog.post(post_id)
    updated = dataclasses.replace(post, **fields)
    save_post(catalog, updated)
    return updated


def remove_post(catalog: Catalog, post_id: str) -> Post:
    post = catalog.post(post_id)
    catalog.workspace.delete(POSTS, post.id)
    return post


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
