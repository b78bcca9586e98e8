"""TinyDB over the merged state: TinyDB's query API on a workspace.

`WorkspaceStorage.read()` returns the merged view ``{table: {id: doc}}`` (a copy, as TinyDB's
contract expects) and `write(data)` diffs the new data against the view and appends ops for the
changed fields only: a removed document becomes a tombstone, a removed key an unset op.
`RecordTable` gives records string ids (ULIDs) instead of TinyDB's integer counter, reads the live
view for queries and drops its query cache whenever a colleague's ops changed the state.

Otherwise it behaves as TinyDB over its own storage (tests/store/test_tinystore.py drives both
side by side; TinyDB's own test suite passes but for its integer ids), with these differences,
each for the workspace's sake:

- ids are strings: ULIDs for new documents, ``str(doc_id)`` for a `Document` given one;
- a field name is text of 1–128 characters not starting with ``_`` (the workspace keeps its own
  bookkeeping there); other keys are turned into text as TinyDB's JSON storage does (``1`` is
  ``"1"``), anything else is a ValueError before anything is written;
- a removed document stays restorable (a tombstone), so a table whose documents were all
  removed is still listed by `tables()` after the database is opened again, and `drop_table`
  is not final either; a document written again under a removed one's id comes last, as in
  TinyDB, but back at the removed one's place once the workspace is opened again;
- values are what JSON holds, as with TinyDB's JSON storage (a tuple reads back as a list); NaN,
  infinities and other values JSON cannot hold are refused before anything is written;
- `persist_empty=True` lists the new empty table in `tables()` for the life of the database
  object (an empty table has no ops to share), and never empties a table that has documents
  (TinyDB's own would).

Do not put TinyDB's `JSONStorage` or `CachingMiddleware` over a workspace: the first rewrites one
file in place, the second never sees colleagues' edits.
"""

from __future__ import annotations

import copy
import json
from collections.abc import Iterable, Mapping
from typing import Any

from tinydb import TinyDB
from tinydb.storages import Storage
from tinydb.table import Document, Table

from someplan.store.ops import DELETED, MAX_NAME_LEN, UNSET
from someplan.store.workspace import Change, Workspace, _same, new_record_id


class WorkspaceStorage(Storage):
    def __init__(self, workspace: Workspace, auto_refresh: bool = True) -> None:
        self.workspace = workspace
        self.auto_refresh = auto_refresh
        self.empty_tables: set[str] = set()  # made with persist_empty=True, no documents yet
        self.dropped: set[str] = set()  # dropped by this database, no documents since

    def read(self) -> dict[str, dict[str, Any]]:
        with self.workspace.lock:
            self.refresh()
            tables = (self.workspace.state.tables() - self.dropped) | self.empty_tables
            tables |= {t for t in self.dropped if self.workspace.view(t)}  # a colleague's since
            return {table: self.copy_table(table) for table in tables}

    def copy_table(self, table: str) -> dict[str, dict[str, Any]]:
        return {rid: _copy_doc(doc) for rid, doc in self.workspace.view(table).items()}

    def write(self, data: dict[str, dict[str, Any]]) -> None:
        with self.workspace.lock:
            tables = set(data) | self.workspace.state.tables() | self.empty_tables
            self.workspace.write([c for t in sorted(tables) for c in self.diff_table(t, data.get(t, {}))])
            for table in tables:
                self._note(table, data.get(table))

    def write_table(self, table: str, new: dict[str, dict[str, Any]]) -> None:
        with self.workspace.lock:
            self.workspace.write(self.diff_table(table, new))
            self._note(table, new)

    def _note(self, table: str, docs: Mapping | None) -> None:
        if docs is None:
            self.dropped.add(table)
            self.empty_tables.discard(table)
        else:
            self.dropped.discard(table)
            if docs:
                self.empty_tables.discard(table)

    def diff_table(self, table: str, new: Mapping[Any, Mapping[str, Any]]) -> list[Change]:
        state = self.workspace.state
        old = state.view(table)
        new = {str(rid): _fields(doc) for rid, doc in new.items()}
        changes: list[Change] = []
        for record_id, doc in new.items():
            before = old.get(record_id)
            if before is None and state.is_deleted((table, record_id)):
                # A removed record written again is this document, not the one it was: the
                # tombstone's own fields are unset unless the document has them.
                changes.append((table, record_id, DELETED, False))
                before = _tombstone_fields(state.cells[(table, record_id)])
            elif before is None and not doc:
                changes.append((table, record_id, DELETED, False))  # TinyDB stores `{}` too: an op to exist
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


def _tombstone_fields(cells: Mapping[str, Any]) -> dict[str, Any]:
    return {name: cell.value for name, cell in cells.items() if not name.startswith("_") and cell.value is not UNSET}


def _fields(doc: Mapping[Any, Any]) -> dict[str, Any]:
    """A document's fields with names as stored: keys that are not text become text as TinyDB's
    JSON storage makes them (``1`` -> ``"1"``, ``True`` -> ``"true"``)."""
    if not isinstance(doc, Mapping):
        raise ValueError("Document is not a Mapping")
    fields = {}
    for key, value in doc.items():
        name = key if isinstance(key, str) else _json_key(key)
        if not 0 < len(name) <= MAX_NAME_LEN or name.startswith("_"):
            raise ValueError(f"not a field name here: {name!r} (1 to {MAX_NAME_LEN} characters, not starting with _)")
        fields[name] = value
    return fields


def _json_key(key: Any) -> str:
    try:
        return next(iter(json.loads(json.dumps({key: None}))))
    except TypeError:
        raise ValueError(f"not a field name: {key!r}") from None


class Record(Document):
    """A document with a string id; nested lists and dicts are copies, never the live state."""

    def __init__(self, value: Mapping, doc_id: str) -> None:
        super().__init__(_copy_doc(value), doc_id)


class RecordTable(Table):
    document_class = Record
    document_id_class = str

    def __init__(self, storage: WorkspaceStorage, name: str, cache_size: int = Table.default_query_cache_capacity,
                 persist_empty: bool = False) -> None:  # fmt: skip
        # TinyDB's own persist_empty empties the table, documents and all: here it only lists it.
        super().__init__(storage, name, cache_size)
        self._seen_version = -1
        if persist_empty and not storage.workspace.view(name):
            storage.empty_tables.add(name)
            storage.dropped.discard(name)

    def insert(self, document: Mapping) -> str:
        return super().insert(_as_record(document))

    def insert_multiple(self, documents: Iterable[Mapping]) -> list[str]:
        return super().insert_multiple(_as_record(document) for document in documents)

    def upsert(self, document: Mapping, cond=None) -> list[str]:
        return super().upsert(_as_record(document), cond)

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


def _as_record(document):
    """A TinyDB `Document` given with its id keeps that id (as text), as TinyDB's insert and
    upsert promise; any other mapping gets a new one."""
    if isinstance(document, Document) and not isinstance(document, Record):
        return Record(document, str(document.doc_id))
    return document


class WorkspaceDB(TinyDB):
    table_class = RecordTable
    default_table_name = "posts"


def open_db(workspace: Workspace, auto_refresh: bool = True) -> WorkspaceDB:
    return WorkspaceDB(workspace, auto_refresh, storage=WorkspaceStorage)
