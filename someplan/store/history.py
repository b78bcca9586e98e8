"""Every value a record's fields have had, and which of them lost to a concurrent edit.

Ops carry the stamp of the value they replaced (``prev``), as their writer saw it. Following
those links back from a field's winner gives the values that were knowingly replaced; any other
op of that field was *superseded*: made without knowing of the winner, and lost to it. Those
are the ones to show ("Kari's caption from 10:12 was replaced by Ola's") and to offer back.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from typing import Any

from someplan.store.hlc import stamp_device, stamp_wall_ms
from someplan.store.layout import DEVICES, Kind, classify
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


def ops_of_record(root, table: str, record_id: str) -> list[Op]:
    found: dict[str, Op] = {}
    try:
        folders = [f for f in os.scandir(root / DEVICES) if f.is_dir(follow_symlinks=False)]
    except OSError:
        return []
    for folder in folders:
        for item in os.scandir(folder.path):
            if classify(folder.name, item.name).kind not in (Kind.SEGMENT, Kind.STRAY_SEGMENT):
                continue
            try:
                data = open(item.path, "rb").read()
            except OSError:
                continue
            marker = record_id.encode()
            if marker not in data:
                continue
            for op in decode(data).ops:
                if op.table == table and op.record == record_id:
                    found[op.stamp + op.crc] = op
    return sorted(found.values(), key=lambda op: op.order_key)


def record_history(root, table: str, record_id: str, names: dict[str, str]) -> dict[str, list[Version]]:
    """Per field, oldest first."""
    by_field: dict[str, list[Op]] = {}
    for op in ops_of_record(root, table, record_id):
        by_field.setdefault(op.field, []).append(op)
    return {name: _versions(ops, names) for name, ops in by_field.items()}


def _versions(ops: list[Op], names: dict[str, str]) -> list[Version]:
    winner = ops[-1]  # sorted by order key
    by_stamp = {op.stamp: op for op in ops}
    known: set[str] = set()
    link: Op | None = winner
    while link is not None and link.stamp not in known:
        known.add(link.stamp)
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


def superseded(history: dict[str, list[Version]]) -> list[Version]:
    return [v for versions in history.values() for v in versions if v.status == SUPERSEDED]
