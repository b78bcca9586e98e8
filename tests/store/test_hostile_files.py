"""No file a colleague's machine (or a sync tool) puts in the workspace crashes a command
(issue 18, items 6, 9, 15 and 16): it is reported, left alone, and the rest loads."""

from __future__ import annotations

import json
import zlib

import pytest

from someplan.store import snapshot as snapshots
from someplan.store.device import IdentityStore
from someplan.store.ops import PREFIX, encode
from someplan.store.problems import WorkspaceError
from someplan.store.workspace import Workspace

DEEP = b"[" * 100_000 + b"]" * 100_000
OTHER = "zzzzzzzzzzzz"


def _with_crc(rest: bytes) -> bytes:
    return PREFIX + f'{zlib.crc32(rest):08x}",'.encode() + rest + b"\n"


@pytest.fixture
def shared(machine):
    kari = machine("kari")
    ws = Workspace.init(kari.folder, kari.identities)
    rid = ws.insert("posts", {"title": "kept"})
    folder = kari.folder / "devices" / OTHER
    folder.mkdir()
    return kari, ws, rid, folder


def _codes(ws):
    return {p.code for p in ws.problems}


def test_a_deeply_nested_device_file_is_reported_and_skipped(shared):
    kari, _ws, rid, folder = shared
    (folder / "device.json").write_bytes(DEEP)
    for writable in (False, True):
        again = kari.open(writable=writable)
        assert rid in again.view("posts") and "unreadable" in _codes(again)


def test_a_deeply_nested_segment_line_with_a_valid_crc_is_a_damaged_line(shared):
    kari, ws, rid, folder = shared
    good = encode(f"{ws.state.max_stamp[:13]}-0000-{OTHER}", "posts", "theirs", "title", "theirs", None)
    bad = _with_crc(b'"i":"' + ws.state.max_stamp[:13].encode() + b"-0001-" + OTHER.encode() + b'","v":' + DEEP + b"}")
    (folder / "000001.jsonl").write_bytes(good + bad)
    again = kari.open(writable=False)
    assert set(again.view("posts")) == {rid, "theirs"}
    [problem] = again.problems
    assert problem.code == "damaged" and problem.params["bad"] == 1


def test_a_deeply_nested_snapshot_with_valid_digests_is_ignored(shared):
    kari, ws, rid, folder = shared
    header = {"snapshot": snapshots.SNAPSHOT_FORMAT, "max_stamp": "", "covers": {}, "views": snapshots.digest(DEEP), "cells": snapshots.digest(DEEP)}
    (folder / "snapshot.json").write_bytes(b"\n".join([json.dumps(header).encode(), DEEP, DEEP]))
    assert rid in kari.open(writable=False).view("posts")


def test_a_deeply_nested_workspace_file_is_one_clear_line(shared):
    kari, *_ = shared
    (kari.folder / "someplan-workspace.json").write_bytes(DEEP)
    with pytest.raises(WorkspaceError, match="cannot be read"):
        kari.open(writable=False)


def test_a_deeply_nested_identity_file_is_set_aside(tmp_path):
    (tmp_path / "config").mkdir()
    (tmp_path / "config" / "device.json").write_bytes(DEEP)
    identity = IdentityStore(tmp_path / "config", tmp_path / "state").load()
    assert identity.device_id and list((tmp_path / "config").glob("device.json.unreadable-*"))


def test_a_large_garbage_file_is_remembered_and_not_read_again_while_it_stays_the_same(shared, monkeypatch):
    from pathlib import Path

    from someplan.store import workspace as workspace_module

    monkeypatch.setattr(workspace_module, "SKIP_UNREADABLE_BYTES", 4096)
    kari, ws, rid, folder = shared
    garbage = folder / "000001.jsonl"
    garbage.write_bytes(b"\x00garbage\n" * 1000)
    first = kari.open(writable=False)
    assert rid in first.view("posts") and "damaged" in _codes(first)

    reads: list[Path] = []
    real = Path.read_bytes

    def counting(path):
        reads.append(Path(path))
        return real(path)

    monkeypatch.setattr(Path, "read_bytes", counting)
    for writable in (False, True):
        again = kari.open(writable=writable)
        assert rid in again.view("posts") and "damaged" in _codes(again), "still reported"
        assert again.history("posts", rid)
    assert garbage not in reads

    with garbage.open("ab") as handle:  # it changed: read again
        handle.write(encode(f"{ws.state.max_stamp[:13]}-0000-{OTHER}", "posts", "late", "title", "late", None))
    assert "late" in kari.open(writable=False).view("posts")
    assert garbage in reads
