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
    header = {
        "snapshot": snapshots.SNAPSHOT_FORMAT,
        "max_stamp": "",
        "covers": {},
        "views": snapshots.digest(DEEP),
        "cells": snapshots.digest(DEEP),
    }
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

    from someplan.store import history

    reads: list[Path] = []
    real = workspace_module.read_regular

    def counting(path):
        reads.append(Path(path))
        return real(path)

    monkeypatch.setattr(workspace_module, "read_regular", counting)
    monkeypatch.setattr(history, "read_regular", counting)
    for writable in (False, True):
        again = kari.open(writable=writable)
        assert rid in again.view("posts") and "damaged" in _codes(again), "still reported"
        assert again.history("posts", rid)
    assert garbage not in reads

    with garbage.open("ab") as handle:  # it changed: read again
        handle.write(encode(f"{ws.state.max_stamp[:13]}-0000-{OTHER}", "posts", "late", "title", "late", None))
    assert "late" in kari.open(writable=False).view("posts")
    assert garbage in reads


@pytest.mark.parametrize("make", ["folder", "fifo", "symlink"])
@pytest.mark.parametrize("where", ["colleague", "own"])
def test_a_folder_pipe_or_link_named_like_a_segment_is_reported_never_opened(shared, make, where, tmp_path):
    import os

    kari, ws, rid, folder = shared
    if where == "own":
        folder = kari.folder / "devices" / ws.identity.device_id
    for name in ("000007.jsonl", "snapshot.json"):
        path = folder / name
        if make == "folder":
            path.mkdir()
        elif make == "fifo":
            os.mkfifo(path)
        else:
            (tmp_path / "outside").write_bytes(b"secret")
            path.symlink_to(tmp_path / "outside")
    for writable in (False, True):
        again = kari.open(writable=writable)
        assert rid in again.view("posts")
        assert {p.path for p in again.problems if p.code == "not-a-file"} == {
            f"devices/{folder.name}/000007.jsonl", f"devices/{folder.name}/snapshot.json"}
        again.history("posts", rid)
        again.insert("posts", {"title": "more"}) if writable else None


def test_devices_as_a_file_and_odd_folders_are_reported(shared):
    kari, ws, rid, folder = shared
    odd = kari.folder / "devices" / "Kari's laptop"
    odd.mkdir()
    assert "odd-folder" in _codes(kari.open(writable=False))
    tree = kari.folder / "devices"
    tree.rename(kari.folder / "devices-moved")
    tree.write_bytes(b"not a folder")
    reader = kari.open(writable=False)
    assert [p.code for p in reader.problems if p.severity == "error"] == ["devices-not-a-folder"]
    assert rid in reader.view("posts"), "this machine's own edits still show, from its private copy"
    writer = kari.open()
    assert rid in writer.view("posts") and "devices-not-a-folder" in _codes(writer)


def test_field_values_of_the_wrong_type_or_nan_are_reported(shared):
    from someplan.services.catalog import Catalog
    from someplan.services.record_check import record_problems

    kari, ws, rid, folder = shared
    stamp = ws.state.max_stamp[:13]
    lines = [
        _with_crc(
            b'"i":"'
            + f"{stamp}-000{i}-{OTHER}".encode()
            + b'","t":"posts","r":"'
            + rid.encode()
            + b'","f":"'
            + field
            + b'","p":null,"v":'
            + value
            + b"}"
        )
        for i, (field, value) in enumerate([(b"reach", b"NaN"), (b"title", b"5"), (b"date", b"[1]")])
    ]
    (folder / "000001.jsonl").write_bytes(b"".join(lines))
    catalog = Catalog(kari.open(writable=False))
    problems = record_problems(catalog)
    assert {p.params["problem"].split(":")[0] for p in problems} == {"reach", "title", "date"}
    assert all(p.params["record"] == rid and p.code == "bad-value" for p in problems)
    assert "nan" in " ".join(p.message for p in problems)


def test_stale_temp_files_of_this_machine_are_removed_on_open_and_no_others(shared, tmp_path):
    import os
    import subprocess
    import sys
    import time

    from someplan.store import atomic

    kari, *_ = shared
    exports = kari.folder / "exports"
    exports.mkdir()
    finished = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True, text=True)
    dead = int(finished.stdout)
    me = atomic._machine()
    names = {
        "crashed": f"{atomic.TEMP_PREFIX}{me}-{dead}-0123456789ab.tmp",
        "writing": f"{atomic.TEMP_PREFIX}{me}-{os.getppid()}-0123456789ab.tmp",
        "other machine": f"{atomic.TEMP_PREFIX}{'0' * 6 if me != '0' * 6 else '1' * 6}-{dead}-0123456789ab.tmp",
        "old, unnamed": f"{atomic.TEMP_PREFIX}0123456789ab.tmp",
        "new, unnamed": f"{atomic.TEMP_PREFIX}ba9876543210.tmp",
    }
    for name in names.values():
        (exports / name).write_bytes(b"x" * 1000)
    hours_ago = time.time() - 2 * atomic.STALE_TEMP_S
    os.utime(exports / names["old, unnamed"], (hours_ago, hours_ago))
    kari.open(writable=False)
    assert len(list(exports.iterdir())) == 5, "a reader removes nothing"
    kari.open()
    left = {label for label, name in names.items() if (exports / name).exists()}
    assert left == {"writing", "other machine", "new, unnamed"}


@pytest.mark.parametrize("bad_id", ["../../../evil", "a/b", "", "x" * 65, "ok\n"])
def test_a_workspace_id_that_is_not_a_plain_name_is_refused(shared, bad_id):
    """The id names this machine's state and cache files for the workspace: one from the shared
    folder must never lead a write out of those folders."""
    kari, *_ = shared
    path = kari.folder / "someplan-workspace.json"
    meta = json.loads(path.read_text())
    path.write_text(json.dumps({**meta, "id": bad_id}))
    with pytest.raises(WorkspaceError, match="not a someplan workspace file"):
        kari.open(writable=False)
    assert json.loads(path.read_text())["id"] == bad_id  # left as it is
