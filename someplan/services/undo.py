"""Undo: an action's undo is the list of changes that put back what it changed.

The service that makes a change returns its `Undo` (it knows what it overwrote); the planner keeps
one `UndoStack` for all its screens and writes an entry back as one atomic batch, like the action
was written. Nothing here knows about screens, so the stack works the same headless.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable, Iterator, Mapping
from typing import Any

from someplan.services.catalog import Catalog
from someplan.store.ops import DELETED

Change = tuple[str, str, str, Any]


@dataclasses.dataclass(frozen=True)
class Undo:
    """What undoes one action: `what` names it in the notice ("deleting “Quiz”"), `changes` are
    written back as one batch, `post` is the post to show afterwards (None: none in particular)."""

    what: str
    changes: tuple[Change, ...]
    post: str | None = None

    @classmethod
    def of_insert(cls, what: str, table: str, record_id: str, post: str | None = None) -> Undo:
        return cls(what, ((table, record_id, DELETED, True),), post)

    @classmethod
    def of_delete(cls, what: str, table: str, record_id: str, post: str | None = None) -> Undo:
        return cls(what, ((table, record_id, DELETED, False),), post)

    @classmethod
    def of_fields(cls, what: str, table: str, record_id: str, before: Mapping[str, Any], post: str | None = None) -> Undo:
        return cls(what, tuple((table, record_id, name, value) for name, value in before.items()), post)

    @classmethod
    def group(cls, what: str, parts: Iterable[Undo]) -> Undo:
        """Several undos written back as one batch (a fill, a batch session): all or nothing."""
        parts = list(parts)
        changes = tuple(change for part in parts for change in part.changes)
        return cls(what, changes, parts[-1].post if parts else None)


class UndoStack:
    """The planner's one undo stack: the week plan, the year wheel and the views on top share it."""

    def __init__(self) -> None:
        self._entries: list[Undo] = []

    def push(self, undo: Undo | None) -> None:
        if undo is not None and undo.changes:
            self._entries.append(undo)

    def __len__(self) -> int:
        return len(self._entries)

    def __iter__(self) -> Iterator[Undo]:
        return iter(self._entries)

    def peek(self) -> Undo | None:
        return self._entries[-1] if self._entries else None

    def undo(self, catalog: Catalog) -> Undo | None:
        """Write back the newest entry and drop it; None when there is nothing to undo. A write
        that fails (read-only, full disk) raises and leaves the entry on the stack to try again."""
        if not self._entries:
            return None
        entry = self._entries[-1]
        catalog.workspace.write(entry.changes)
        self._entries.pop()
        return entry
