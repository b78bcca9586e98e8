"""The merged state: for every (table, record, field) the value of the op with the greatest stamp.

A last-writer-wins map is commutative, associative and idempotent, so every machine reaches the
same state whatever order, duplication or split the op files arrive in. Ops are deduplicated by
(stamp, CRC): a stray conflicted copy of a segment adds nothing twice.

The state also keeps a *view* per table, ``{record id: {field: value}}`` without tombstoned
records and without internal fields (those starting with ``_``): what TinyDB and the app read.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any, NamedTuple

from someplan.store.ops import DELETED, UNSET, Op, order_key

RecordRef = tuple[str, str]  # (table, record id)


class Cell(NamedTuple):
    """The winning op of one field."""

    key: str  # Op.order_key of the winner (its real stamp: ops.real_stamp)
    value: Any
    prev: str | None


class MergedState:
    def __init__(self) -> None:
        self._cells: dict[RecordRef, dict[str, Cell]] = {}
        self._load_cells: Callable[[], dict[RecordRef, dict[str, Cell]]] | None = None
        self._views: dict[str, dict[str, dict[str, Any]]] = {}
        # A table whose records are read only when first asked for (the posts, from a cache that
        # also answers by date without them: see Workspace.post_docs).
        self._pending: tuple[str, Callable[[], dict[str, dict[str, Any]]]] | None = None
        self.max_stamp = ""  # the greatest stamp up to the horizon: what our clock may follow
        self.horizon = "~"  # stamps beyond it are too far ahead to follow (set by the reader)

    @property
    def cells(self) -> dict[RecordRef, dict[str, Cell]]:
        if self._load_cells is not None:
            load, self._load_cells = self._load_cells, None
            self._cells = load()
        return self._cells

    @property
    def views(self) -> dict[str, dict[str, dict[str, Any]]]:
        if self._pending is not None:
            table, load = self._pending
            self._pending = None
            self._views[table] = load()
        return self._views

    @views.setter
    def views(self, views: dict[str, dict[str, dict[str, Any]]]) -> None:
        self._views, self._pending = views, None

    @property
    def deferred_table(self) -> str | None:
        """The table not read yet: nothing was merged, written or asked of all of it since."""
        return self._pending[0] if self._pending is not None else None

    @property
    def cells_deferred(self) -> bool:
        """The cells are not read yet: nothing was merged or written since the views were taken."""
        return self._load_cells is not None

    def defer_cells(
        self,
        views: dict[str, dict[str, dict[str, Any]]],
        load: Callable[[], dict[RecordRef, dict[str, Cell]]],
        max_stamp: str,
        table: tuple[str, Callable[[], dict[str, dict[str, Any]]]] | None = None,
    ) -> None:
        """Take ready views now and the cells only when first needed (a snapshot's fast start:
        reading needs the views; only merging or writing needs the per-field stamps); `table`,
        one table's name and what reads its records, when first asked for."""
        self.views, self._load_cells, self.max_stamp = views, load, max_stamp
        self._pending = table

    def apply(self, ops: Iterable[Op], update_views: bool = True) -> set[RecordRef]:
        """Merge ops; the records whose visible state may have changed."""
        # The hot loop of every start: tuples and index access, no attribute lookups. `changed`
        # is a dict, not a set, so that new records join their table's view in the order they
        # were written (TinyDB's documents keep their insertion order), not in hash order.
        changed: dict[RecordRef, None] = {}
        cells = self.cells
        max_stamp = self.max_stamp
        horizon = self.horizon
        new = tuple.__new__
        for op in ops:
            stamp = op[0]
            key = stamp + op[6]
            prev = op[5]
            if prev is not None and prev > stamp:
                key = order_key(stamp, op[6], prev)
            if max_stamp < stamp <= horizon:
                max_stamp = stamp
            ref = (op[1], op[2])
            record = cells.get(ref)
            if record is None:
                record = cells[ref] = {}
            cell = record.get(op[3])
            if cell is None or cell[0] < key:
                record[op[3]] = new(Cell, (key, op[4], op[5]))
                changed[ref] = None
        self.max_stamp = max_stamp
        if update_views:
            for ref in changed:
                self.refresh_view(ref)
        return set(changed)

    def rebuild_views(self) -> None:
        self.views.clear()
        for ref in self.cells:
            self.refresh_view(ref)

    def refresh_view(self, ref: RecordRef) -> None:
        table, record_id = ref
        view = self.views.setdefault(table, {})
        record = self.cells[ref]
        if is_deleted(record):
            view.pop(record_id, None)
            return
        view[record_id] = {
            name: cell.value for name, cell in record.items() if not name.startswith("_") and cell.value is not UNSET
        }

    # -- questions the app asks ------------------------------------------------------------

    def view(self, table: str) -> dict[str, dict[str, Any]]:
        if self._pending is not None and table != self._pending[0]:
            return self._views.get(table, {})  # another table: the deferred one stays unread
        return self.views.get(table, {})

    def deleted_ids(self, table: str) -> list[str]:
        return [rid for (t, rid), record in self.cells.items() if t == table and is_deleted(record)]

    def is_deleted(self, ref: RecordRef) -> bool:
        record = self.cells.get(ref)
        return record is not None and is_deleted(record)

    def current_key(self, ref: RecordRef, field: str) -> str | None:
        record = self.cells.get(ref)
        cell = record.get(field) if record else None
        return cell.key if cell else None

    def value(self, ref: RecordRef, field: str, default: Any = None) -> Any:
        record = self.cells.get(ref)
        cell = record.get(field) if record else None
        return default if cell is None or cell.value is UNSET else cell.value

    def tables(self) -> set[str]:
        return {table for table, _ in self.cells} | set(self.views)

    def fingerprint(self) -> dict[str, dict[str, dict[str, Any]]]:
        """Every table's full field state, tombstones included: equal on converged machines."""
        result: dict[str, dict[str, dict[str, Any]]] = {}
        for (table, rid), record in self.cells.items():
            result.setdefault(table, {})[rid] = {
                name: (cell.value if cell.value is not UNSET else "<unset>") for name, cell in record.items()
            }
        return result


def is_deleted(record: dict[str, Cell]) -> bool:
    cell = record.get(DELETED)
    return cell is not None and cell.value is True
