"""Snapshots: a device's saved copy of the merged state, so a start need not replay every op.

A snapshot holds the winning op of every field and the digest of every file it covers. Loading
one and then merging only the files whose digest differs gives exactly the state of merging
everything, because merging is idempotent. The losers of concurrent edits are not in a
snapshot; they stay in the segments, where history reads them. A snapshot that does not verify
is ignored: it is only ever an optimisation.
"""

from __future__ import annotations

import hashlib
import json
import os
from pathlib import Path

from someplan.store.atomic import atomic_write
from someplan.store.layout import DEVICES, SNAPSHOT_FILE
from someplan.store.merge import MergedState
from someplan.store.ops import UNSET

SNAPSHOT_FORMAT = 1


def digest(data: bytes) -> str:
    return hashlib.blake2b(data, digest_size=16).hexdigest()


def write(device_dir: Path, state: MergedState, covers: dict[str, str]) -> Path:
    cells = []
    for (table, record), fields in state.cells.items():
        for name, cell in fields.items():
            row = [table, record, name, cell.key, cell.prev]
            if cell.value is not UNSET:
                row.append(cell.value)
            cells.append(row)
    body = json.dumps({"covers": covers, "cells": cells}, ensure_ascii=False, separators=(",", ":")).encode()
    header = json.dumps({"snapshot": SNAPSHOT_FORMAT, "digest": digest(body)}).encode()
    path = device_dir / SNAPSHOT_FILE
    device_dir.mkdir(parents=True, exist_ok=True)
    atomic_write(path, header + b"\n" + body)
    return path


def read_latest(root: Path) -> dict | None:
    """The newest snapshot in the workspace that verifies, or None."""
    candidates = []
    try:
        for folder in os.scandir(root / DEVICES):
            path = Path(folder.path) / SNAPSHOT_FILE
            try:
                candidates.append((path.stat().st_mtime_ns, path))
            except OSError:
                continue
    except OSError:
        return None
    for _, path in sorted(candidates, reverse=True):
        snapshot = _read(path)
        if snapshot is not None:
            return snapshot
    return None


def _read(path: Path) -> dict | None:
    try:
        header, _, body = path.read_bytes().partition(b"\n")
        meta = json.loads(header)
        if meta.get("snapshot") != SNAPSHOT_FORMAT or meta.get("digest") != digest(body):
            return None
        snapshot = json.loads(body)
        if not isinstance(snapshot.get("covers"), dict) or not isinstance(snapshot.get("cells"), list):
            return None
        return snapshot
    except (OSError, ValueError, AttributeError):
        return None


def load_into(snapshot: dict, state: MergedState) -> dict[str, str]:
    """Put a snapshot's winners into `state`; the files it covers, by digest."""
    for row in snapshot["cells"]:
        table, record, name, key, prev = row[:5]
        state.apply_winners((table, record), name, key, row[5] if len(row) > 5 else UNSET, prev)
    return snapshot["covers"]
