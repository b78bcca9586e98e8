"""Every value a record's fields have had, and which of them lost to a concurrent edit.

Ops carry the stamp of the value they replaced (``prev``), as their writer saw it. Following
those links back from a field's winner gives the values that were knowingly replaced; any other
op of that field was *superseded*: made without knowing of the winner, and lost to it. Those
are the ones to show ("Kari's caption from 10:12 was replaced by Ola's") and to offer back.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from someplan.store.atomic import read_regular
from someplan.store.hlc import stamp_device, stamp_wall_ms
from someplan.store.ops import UNSET, Op, decode

CURRENT, REPLACED, SUPERSEDED = "current", "replaced", "superseded"


@dataclass(frozen=True)
class Version:
    field: str
    value: Any  # UNSET when the op removed the field
    stamp: str
    device: str
    who: str
    wall_ms: int
    status: str  # current, replaced (a later edit saw it) or superseded (lost to a concurrent edit)
    winner: str | None = None  # for superseded values: the stamp of the value that won

    @property
    def removed(self) -> bool:
        return self.value is UNSET


def ops_of_record(files: Iterable[Path], table: str, record_id: str) -> list[Op]:
    found: dict[str, Op] = {}
    marker = record_id.encode()
    for path in files:
        try:
            data = read_regular(path)
        except OSError:
            continue
        if marker not in data:
            continue  # most files never mention the record: skip decoding them
        for op in decode(data).ops:
            if op.table == table and op.record == record_id:
                found[op.stamp + op.crc] = op
    return sorted(found.values(), key=lambda op: op.order_key)


def record_history(files: Iterable[Path], table: str, record_id: str, names: dict[str, str]) -> dict[str, list[Version]]:
    """Per field, oldest first."""
    by_field: dict[str, list[Op]] = {}
    for op in ops_of_record(files, table, record_id):
        by_field.setdefault(op.field, []).append(op)
    return {name: _versions(ops, names) for name, ops in by_field.items()}


def _versions(ops: list[Op], names: dict[str, str]) -> list[Version]:
    winner = ops[-1]  # sorted by order key
    by_stamp = {op.stamp: op for op in ops}
    known: set[str] = set()
    link: Op | None = winner
    while link is not None and link.stamp not in known:
        known.add(link.stamp)
        if link.prev and link.prev > link.stamp:
            # Made after seeing a stamp far ahead, and named that one (see ops.order_key): so did
            # this device's earlier edits of the field since then, which this one replaced.
            device = stamp_device(link.stamp)
            known |= {
                op.stamp for op in ops if op.prev == link.prev and stamp_device(op.stamp) == device and op.stamp < link.stamp
            }
        link = by_stamp.get(link.prev) if link.prev else None
    result = []
    for op in ops:
        if op is winner:
            status = CURRENT
        elif op.stamp in known:
            status = REPLACED
        else:
            status = SUPERSEDED
        device = stamp_device(op.stamp)
        result.append(
            Version(
                op.field,
                op.value,
                op.stamp,
                device,
                names.get(device, device),
                stamp_wall_ms(op.stamp),
                status,
                winner.stamp if status == SUPERSEDED else None,
            )
        )
    return result
