"""Snapshots: a device's saved copy of the merged state, so a start need not replay every op.

A snapshot holds the visible records (the views), the winning op of every field, and the digest
of every file it covers. Loading one and then merging only the files whose digest differs gives
exactly the state of merging everything, because merging is idempotent. The views are parsed at
once; the per-field stamps only when something has to be merged or written. The losers of
concurrent edits are not in a snapshot; they stay in the segments, where history reads them. A
snapshot that does not verify is ignored: it is only ever an optimisation.

File layout, three lines: a header (format, stamps, digests of the other two lines), the views,
the cells.
"""

from __future__ import annotations

import hashlib
import json
import os
from pathlib import Path

from someplan.store.atomic import atomic_write, read_regular
from someplan.store.layout import DEVICES, SNAPSHOT_FILE
from someplan.store.merge import Cell, MergedState
from someplan.store.ops import UNSET

SNAPSHOT_FORMAT = 2  # 2: covers hold [digest, problem, max stamp] per file


def digest(data: bytes) -> str:
    return hashlib.blake2b(data, digest_size=16).hexdigest()


def _dumps(value) -> bytes:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":")).encode()


def write(device_dir: Path, state: MergedState, covers: dict[str, str]) -> Path:
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


def load_latest(root: Path, state: MergedState, replay) -> dict[str, list]:
    """Fill `state` from the newest snapshot that verifies; the files it covers (or {})."""
    candidates = []
    try:
        for folder in os.scandir(root / DEVICES):
            path = Path(folder.path) / SNAPSHOT_FILE
            try:
                candidates.append((path.stat().st_mtime_ns, path))
            except OSError:
                continue
    except OSError:
        return {}
    for _, path in sorted(candidates, reverse=True):
        covers = _load(path, state, replay)
        if covers is not None:
            return covers
    return {}


def _load(path: Path, state: MergedState, replay) -> dict[str, list] | None:
    try:
        header_line, views_line, cells_line = read_regular(path).split(b"\n")
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
    state.defer_cells(views, lambda: _cells(cells_line, replay), max_stamp)
    return covers


def _valid_cover(cover) -> bool:
    if not (isinstance(cover, list) and len(cover) == 3 and isinstance(cover[0], str) and isinstance(cover[2], str)):
        return False
    problem = cover[1]
    if problem is None:
        return True
    keys = {"severity", "code", "message", "path"}
    # "params": the values of the message's fields (since problems are shown in the reader's language)
    return isinstance(problem, dict) and set(problem) in (keys, keys | {"params"}) and isinstance(problem.get("params", {}), dict)


def _cells(line: bytes, replay) -> dict:
    # Runs at the first merge or write after a fast start: plain type checks and tuple.__new__,
    # as in MergedState.apply, keep it to a few tens of milliseconds for 40,000 fields.
    new = tuple.__new__
    try:
        cells: dict = {}
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
