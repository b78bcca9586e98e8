"""Every acknowledged edit stays visible on the machine that made it, and a reason is given
when the shared folder lacks it (issue 18, items 1 and 3)."""

from __future__ import annotations

import errno
import os
import shutil

from someplan.store import atomic
from someplan.store.device import IdentityStore
from someplan.store.ops import encode
from someplan.store.workspace import Workspace


def _codes(ws: Workspace) -> set[str]:
    return {p.code for p in ws.problems}


def _reader(machine) -> Workspace:
    return machine.open(writable=False)


def test_a_reader_sees_what_a_stale_restore_took_from_the_shared_folder(machine):
    kari = machine("kari")
    ws = Workspace.init(kari.folder, kari.identities)
    first = ws.insert("posts", {"title": "one"})
    segment = next((kari.folder / "devices" / ws.identity.device_id).glob("*.jsonl"))
    stale = segment.read_bytes()
    second = ws.insert("posts", {"title": "two"})
    segment.write_bytes(stale)  # the sync tool restores the older version

    reader = _reader(kari)
    assert set(reader.view("posts")) == {first, second}
    problems = [p for p in reader.problems if p.code == "private-only"]
    assert len(problems) == 1 and problems[0].params == {"count": 1}
    assert segment.read_bytes() == stale, "a reader heals nothing"
    # a colleague (another machine) sees only what the shared folder holds
    other = Workspace.open(kari.folder, IdentityStore(kari.folder.parent / "c2", kari.folder.parent / "s2"), writable=False)
    assert set(other.view("posts")) == {first}

    healed = kari.open()
    assert "private-only" not in _codes(healed) and "restored" in _codes(healed)
    assert "private-only" not in _codes(_reader(kari))


def test_a_reader_sees_our_edits_when_a_clone_replaced_our_segment(machine):
    kari = machine("kari")
    ws = Workspace.init(kari.folder, kari.identities)
    mine = ws.insert("posts", {"title": "mine"})
    me = ws.identity.device_id
    segment = kari.folder / "devices" / me / "000001.jsonl"
    segment.write_bytes(encode(f"{ws.state.max_stamp[:13]}-0009-{me}", "posts", "clone", "title", "the clone's", None))
    reader = _reader(kari)
    assert set(reader.view("posts")) == {mine, "clone"}
    assert "private-only" in _codes(reader)


class _FullSharedFolder:
    def __init__(self, monkeypatch, folder):
        real = atomic._write_all
        self.on = True

        def write_all(fd, data):
            if self.on and os.readlink(f"/proc/self/fd/{fd}").startswith(str(folder)):
                raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
            return real(fd, data)

        monkeypatch.setattr(atomic, "_write_all", write_all)


def test_a_full_shared_folder_shows_the_edit_from_the_private_copy_and_says_so(machine, monkeypatch):
    kari = machine("kari")
    ws = Workspace.init(kari.folder, kari.identities)
    ws.insert("posts", {"title": "one"})
    full = _FullSharedFolder(monkeypatch, kari.folder)
    rid = kari.open().insert("posts", {"title": "two"})  # one command: saved privately only

    reader = _reader(kari)  # the next command, e.g. `list` or `doctor`
    assert reader.view("posts")[rid] == {"title": "two"}
    assert "private-only" in _codes(reader)
    writer = kari.open()  # a write command while the disk is still full: warned, not silent
    assert writer.view("posts")[rid] == {"title": "two"}
    assert "unsynced" in _codes(writer) and "private-only" not in _codes(writer)
    full.on = False
    assert _codes(kari.open()) == {"restored"}
    assert _codes(_reader(kari)) == set()


def test_a_read_only_shared_folder_is_not_silent(machine):
    kari = machine("kari")
    ws = Workspace.init(kari.folder, kari.identities)
    ws.insert("posts", {"title": "one"})
    folder = kari.folder / "devices" / ws.identity.device_id
    folder.chmod(0o555)
    try:
        if os.access(folder, os.W_OK):  # root ignores modes
            return
        session = kari.open()
        rid = session.insert("posts", {"title": "two"})
        assert "unsynced" in _codes(session)
        reader = _reader(kari)
        assert rid in reader.view("posts") and "private-only" in _codes(reader)
    finally:
        folder.chmod(0o755)


def test_earlier_ids_carried_over_are_not_reported_as_missing(machine, monkeypatch):
    kari = machine("kari")
    ws = Workspace.init(kari.folder, kari.identities)
    ws.insert("posts", {"title": "one"})
    shutil.rmtree(kari.folder / "devices" / ws.identity.device_id)  # a colleague tidied up
    renamed = IdentityStore(kari.identities.config, kari.identities.state, fingerprint=lambda: "renamed laptop")
    again = Workspace.open(kari.folder, renamed)
    assert again.identity.device_id != ws.identity.device_id
    assert "private-only" not in _codes(Workspace.open(kari.folder, renamed, writable=False))


def test_simultaneous_first_commands_on_a_new_machine_agree_on_one_device_id(tmp_path, monkeypatch):
    import threading

    from someplan.store import device

    store = IdentityStore(tmp_path / "config", tmp_path / "state")
    everyone_minting = threading.Barrier(6)
    real_mint = IdentityStore._mint

    def mint(self, name):
        try:  # without the lock all six get here at once; with it only the first does
            everyone_minting.wait(timeout=0.5)
        except threading.BrokenBarrierError:
            pass
        return real_mint(self, name)

    monkeypatch.setattr(IdentityStore, "_mint", mint)
    ids: list[str] = []
    threads = [threading.Thread(target=lambda: ids.append(store.load().device_id)) for _ in range(6)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert len(ids) == 6 and len(set(ids)) == 1
    assert device.IdentityStore(tmp_path / "config", tmp_path / "state").load().device_id == ids[0]


def test_identity_dirs_given_as_text_work_for_readers(machine):
    kari = machine("kari")
    ws = Workspace.init(kari.folder, kari.identities)
    rid = ws.insert("posts", {"title": "one"})
    identities = IdentityStore(str(kari.identities.config), str(kari.identities.state))
    assert rid in Workspace.open(str(kari.folder), identities, writable=False).view("posts")
