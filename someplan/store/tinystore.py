"""TinyDB over the merged state: the query API the rest of someplan uses.

`WorkspaceStorage.read()` returns the merged view ``{table: {id: doc}}`` (a copy, as TinyDB's
contract expects) and `write(data)` diffs the new data against the view and appends ops for the
changed fields only: a removed document becomes a tombstone, a removed key an unset op.
`RecordTable` gives records string ids (ULIDs) instead of TinyDB's integer counter, reads the live
view for queries and drops its query cache whenever a colleague's ops changed the state.

Do not put TinyDB's `JSONStorage` or `CachingMiddleware` over a workspace: the first rewrites one
file in place, the second never sees colleagues' edits.
"""

from __future__ import annotations

import copy
from collections.abc import Mapping
from typing import Any

from tinydb import TinyDB
from tinydb.storages import Storage
from tinydb.table import Document, Table

from someplan.store.ops import DELETED, UNSET
from someplan.store.workspace import Change, Workspace, _same, new_record_id


class WorkspaceStorage(Storage):
    def __init__(self, workspace: Workspace, auto_refresh: bool = True) -> None:
        self.workspace = workspace
        self.auto_refresh = auto_refresh

    def read(self) -> dict[str, dict[str, Any]]:
        with self.workspace.lock:
            self.refresh()
            return {table: self.copy_table(table) for table in self.workspace.state.tables()}

    def copy_table(self, table: str) -> dict[str, dict[str, Any]]:
        return {rid: _copy_doc(doc) for rid, doc in self.workspace.view(table).items()}

    def write(self, data: dict[str, dict[str, Any]]) -> None:
        with self.workspace.lock:
            tables = set(data) | self.workspace.state.tables()
            self.workspace.write([c for t in sorted(tables) for c in self.diff_table(t, data.get(t, {}))])

    def write_table(self, table: str, new: dict[str, dict[str, Any]]) -> None:
        with self.workspace.lock:
            self.workspace.write(self.diff_table(table, new))

    def diff_table(self, table: str, new: Mapping[Any, Mapping[str, Any]]) -> list[Change]:
        state = self.workspace.state
        old = state.view(table)
        new = {str(rid): doc for rid, doc in new.items()}
        changes: list[Change] = []
        for record_id, doc in new.items():
            before = old.get(record_id)
            if before is None and state.is_deleted((table, record_id)):
                changes.append((table, record_id, DELETED, False))
            before = before or {}
            changes += [(table, record_id, k, v) for k, v in doc.items() if k not in before or not _same(before[k], v)]
            changes += [(table, record_id, k, UNSET) for k in before if k not in doc]
        changes += [(table, rid, DELETED, True) for rid in old if rid not in new]
        return changes

    def refresh(self) -> None:
        if self.auto_refresh:
            self.workspace.refresh()

    def close(self) -> None:
        pass


def _copy_doc(doc: Mapping[str, Any]) -> dict[str, Any]:
    return {k: copy.deepcopy(v) if isinstance(v, (list, dict)) else v for k, v in doc.items()}


class Record(Document):
    """A document with a string id; nested lists and dicts are copies, never the live state."""

    def __init__(self, value: Mapping, doc_id: str) -> None:
        super().__init__(_copy_doc(value), doc_id)


class RecordTable(Table):
    document_class = Record
    document_id_class = str

    def __init__(self, storage: WorkspaceStorage, name: str, **kwargs) -> None:
        super().__init__(storage, name, **kwargs)
        self._seen_version = -1

    def _get_next_id(self) -> str:
        return new_record_id()

    def _read_table(self) -> dict[str, Mapping]:
        storage: WorkspaceStorage = self._storage
        storage.refresh()
        self._forget_stale_queries()
        return storage.workspace.view(self.name)

    def _update_table(self, updater) -> None:
        # The lock keeps a colleague's ops from merging between TinyDB's read and write, where
        # the diff would otherwise mistake them for edits of ours and undo them. Only this
        # table is copied: TinyDB's own version copies the whole database on every update.
        storage: WorkspaceStorage = self._storage
        with storage.workspace.lock:
            storage.refresh()
            table = storage.copy_table(self.name)
            updater(table)
            storage.write_table(self.name, table)
        self.clear_cache()

    def search(self, cond):
        self._storage.refresh()
        self._forget_stale_queries()
        return super().search(cond)

    def _forget_stale_queries(self) -> None:
        version = self._storage.workspace.version
        if version != self._seen_version:
            self._query_cache.clear()
            self._seen_version = version


class WorkspaceDB(TinyDB):
    table_class = RecordTable
    default_table_name = "posts"


def open_db(workspace: Workspace, auto_refresh: bool = True) -> WorkspaceDB:
    return WorkspaceDB(workspace, auto_refresh, storage=WorkspaceStorage)
