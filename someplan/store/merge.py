"""The merged state: for every (table, record, field) the value of the op with the greatest stamp.

A last-writer-wins map is commutative, associative and idempotent, so every machine reaches the
same state whatever order, duplication or split the op files arrive in. Ops are deduplicated by
(stamp, CRC): a stray conflicted copy of a segment adds nothing twice.

The state also keeps a *view* per table, ``{record id: {field: value}}`` without tombstoned
records and without internal fields (those starting with ``_``): what TinyDB and the app read.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from someplan.store.ops import DELETED, UNSET, Op

RecordRef = tuple[str, str]  # (table, record id)


@dataclass(slots=True)
class Cell:
    """The winning op of one field."""

    key: str  # Op.order_key of the winner
    value: Any
    prev: str | None


class MergedState:
    def __init__(self) -> None:
        self.cells: dict[RecordRef, dict[str, Cell]] = {}
        self.views: dict[str, dict[str, dict[str, Any]]] = {}
        self.max_stamp = ""
        self.op_count = 0  # winning or not, deduplicated by key
        self._seen: set[str] = set()

    def apply(self, ops: Iterable[Op]) -> set[RecordRef]:
        """Merge ops; the records whose visible state may have changed."""
        changed: set[RecordRef] = set()
        seen, cells = self._seen, self.cells
        for op in ops:
            key = op.stamp + op.crc
            if key in seen:
                continue
            seen.add(key)
            self.op_count += 1
            if op.stamp > self.max_stamp:
                self.max_stamp = op.stamp
            ref = (op.table, op.record)
            record = cells.get(ref)
            if record is None:
                record = cells[ref] = {}
            cell = record.get(op.field)
            if cell is not None and cell.key >= key:
                continue
            record[op.field] = Cell(key, op.value, op.prev)
            changed.add(ref)
        for ref in changed:
            self._refresh_view(ref)
        return changed

    def apply_winners(self, ref: RecordRef, field: str, key: str, value: Any, prev: str | None) -> None:
        """Take a winner from a snapshot (its losers stay in the log files)."""
        record = self.cells.setdefault(ref, {})
        cell = record.get(field)
        if cell is None or cell.key < key:
            record[field] = Cell(key, value, prev)
        if key[:-8] > self.max_stamp:
            self.max_stamp = key[:-8]

    def rebuild_views(self) -> None:
        self.views.clear()
        for ref in self.cells:
            self._refresh_view(ref)

    def _refresh_view(self, ref: RecordRef) -> None:
        table, record_id = ref
        view = self.views.setdefault(table, {})
        record = self.cells[ref]
        if is_deleted(record):
            view.pop(record_id, None)
            return
        view[record_id] = {
            name: cell.value
            for name, cell in record.items()
            if not name.startswith("_") and cell.value is not UNSET
        }

    # -- questions the app asks ------------------------------------------------------------

    def view(self, table: str) -> dict[str, dict[str, Any]]:
        return self.views.get(table, {})

    def deleted_ids(self, table: str) -> list[str]:
        return [rid for (t, rid), record in self.cells.items() if t == table and is_deleted(record)]

    def exists(self, ref: RecordRef) -> bool:
        return ref in self.cells

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
        return {table for table, _ in self.cells}

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
