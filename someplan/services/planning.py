"""Planning posts: add, edit, move, delete, restore — each one atomic batch of ops."""

from __future__ import annotations

import dataclasses

from someplan.domain.post import Post
from someplan.i18n import _
from someplan.services.catalog import POSTS, Catalog
from someplan.services.errors import UserError
from someplan.services.undo import Undo
from someplan.store.workspace import new_record_id

# The parsers live in services.user_input; their old names stay importable from here for code
# written before they moved (branches in flight), until that code imports them from there.
from someplan.services.user_input import parse_date, parse_status, parse_time  # noqa: E402, F401, I001


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
