"""Snapshots: a device's saved copy of the merged state, so a start need not replay every op.

A snapshot holds the visible records (the views), the winning op of every field, and the digest
of every file it covers. Loading one and then merging only the files whose digest differs gives
exactly the state of merging everything, because merging is idempotent. The views are parsed at
once; the per-field stamps only when something has to be merged or written. The losers of
concurrent edits are not in a snapshot; they stay in the segments, where history reads them. A
snapshot that does not verify is ignored: it is only ever an optimisation.

Only this device's own snapshot is read. A file in a colleague's folder can be made to pass every
check of its own (true digests of real segments, with empty or invented views) and would then hide
the workspace or show records no op ever made; checking one record by record costs as much as
reading the segments. Even our own is held to the files it claims (`trusted`): each must still be
there, and unchanged by inode, size and mtime, or else hashed and found the same or grown.

File layout, three lines: a header (format, stamps, digests of the other two lines), the views,
the cells.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from someplan.store.atomic import atomic_write, read_regular
from someplan.store.layout import SNAPSHOT_FILE
from someplan.store.merge import Cell, MergedState, RecordRef
from someplan.store.ops import UNSET

SNAPSHOT_FORMAT = 3  # 3: covers hold [digest, problem, max stamp, inode, size, mtime_ns, settled] per file
SETTLED_NS = 2_000_000_000  # a file last changed this long before the snapshot is taken as still


# Rebuilds the cells from the ops, when a snapshot's turn out not to parse.
Replay = Callable[[], dict[RecordRef, dict[str, Cell]]]


def digest(data: bytes) -> str:
    from hashlib import blake2b  # deferred: a start whose files are all as noted hashes nothing

    return blake2b(data, digest_size=16).hexdigest()


def _dumps(value: object) -> bytes:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":")).encode()


def write(device_dir: Path, state: MergedState, covers: dict[str, list[Any]]) -> Path:
    rows = []
    for (table, record), fields in state.cells.items():
        for name, cell in fields.items():
            row = [table, record, name, cell.key, cell.prev]
            if cell.value is not UNSET:
                row.append(cell.value)
            rows.append(row)
    views, cells = _dumps(state.views), _dumps(rows)
    header = {
        "snapshot": SNAPSHOT_FORMAT,
        "max_stamp": state.max_stamp,
        "covers": covers,
        "views": digest(views),
        "cells": digest(cells),
    }
    path = device_dir / SNAPSHOT_FILE
    device_dir.mkdir(parents=True, exist_ok=True)
    atomic_write(path, b"\n".join([_dumps(header), views, cells]))
    return path


@dataclass
class Loaded:
    covers: dict[str, list[Any]]
    views: dict[str, dict[str, dict[str, Any]]]
    max_stamp: str
    cells_line: bytes

    def trusted(
        self, found: dict[str, tuple[int, int, int]], read: Callable[[str], bytes]
    ) -> tuple[dict[str, list[Any]], list[str]] | None:
        """The covers that still hold for the files `found` now ({relpath: (inode, size, mtime_ns)}),
        and the covered files that grew since (merge their ops again); None when a covered file is
        gone, shorter or different: then the snapshot is not what the segments say. `read(relpath)`
        gives a file's bytes, asked only of files changed since the snapshot."""
        holding: dict[str, list[Any]] = {}
        grown: list[str] = []
        for relpath, cover in self.covers.items():
            now = found.get(relpath)
            if now is None:
                return None
            if list(now) == cover[3:6] and cover[6]:
                holding[relpath] = cover
                continue
            try:
                data = read(relpath)
            except OSError:
                return None
            if digest(data) == cover[0]:
                holding[relpath] = cover
            elif len(data) > cover[4] and digest(data[: cover[4]]) == cover[0]:
                grown.append(relpath)
            else:
                return None
        return holding, grown

    def fill(self, state: MergedState, replay: Replay) -> None:
        state.defer_cells(self.views, lambda: _cells(self.cells_line, replay), self.max_stamp)


def load_own(device_dir: Path) -> Loaded | None:
    """This device's snapshot if it parses and its digests hold (not yet checked against the files)."""
    try:
        header_line, views_line, cells_line = read_regular(device_dir / SNAPSHOT_FILE).split(b"\n")
        header = json.loads(header_line)
        if header.get("snapshot") != SNAPSHOT_FORMAT or header.get("views") != digest(views_line):
            return None
        if header.get("cells") != digest(cells_line):
            return None
        views, covers, max_stamp = json.loads(views_line), header["covers"], header["max_stamp"]
        if not (isinstance(views, dict) and isinstance(covers, dict) and isinstance(max_stamp, str)):
            return None
        if not all(_valid_cover(c) for c in covers.values()):
            return None
        if not all(isinstance(t, dict) and all(isinstance(d, dict) for d in t.values()) for t in views.values()):
            return None
    except (OSError, ValueError, AttributeError, KeyError, RecursionError):
        return None
    return Loaded(covers, views, max_stamp, cells_line)


def _valid_cover(cover: object) -> bool:
    if not (isinstance(cover, list) and len(cover) == 7 and isinstance(cover[0], str) and isinstance(cover[2], str)):
        return False
    if not (all(type(n) is int for n in cover[3:6]) and isinstance(cover[6], bool)):
        return False
    problem = cover[1]
    if problem is None:
        return True
    keys = {"severity", "code", "message", "path"}
    # "params": the values of the message's fields (since problems are shown in the reader's language)
    return isinstance(problem, dict) and set(problem) in (keys, keys | {"params"}) and isinstance(problem.get("params", {}), dict)


def _cells(line: bytes, replay: Replay) -> dict[RecordRef, dict[str, Cell]]:
    # Runs at the first merge or write after a fast start: plain type checks and tuple.__new__,
    # as in MergedState.apply, keep it to a few tens of milliseconds for 40,000 fields.
    new = tuple.__new__
    try:
        cells: dict[RecordRef, dict[str, Cell]] = {}
        for row in json.loads(line):
            table, record, name, key, prev = row[:5]
            if type(table) is not str or type(record) is not str or type(name) is not str or type(key) is not str:
                raise ValueError
            ref = (table, record)
            fields = cells.get(ref)
            if fields is None:
                fields = cells[ref] = {}
            fields[name] = new(Cell, (key, row[5] if len(row) > 5 else UNSET, prev))
        return cells
    except (ValueError, TypeError, AttributeError, RecursionError):
        return replay()  # digest-valid but not ours to understand: fall back to the ops
