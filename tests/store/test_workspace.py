import json
import shutil

import pytest

from someplan.store.device import IdentityStore
from someplan.store.layout import WORKSPACE_FILE
from someplan.store.ops import encode
from someplan.store.problems import ReadOnlyWorkspace, WorkspaceError
from someplan.store.workspace import Workspace


from tests.store.conftest import copy_device_files as _sync


def _pair(machine):
    kari, ola = machine("kari"), machine("ola")
    ws_k = Workspace.init(kari.folder, kari.identities)
    shutil.copytree(kari.folder, ola.folder)
    return kari, ola, ws_k, ola.open()


def test_a_new_workspace_opens_and_round_trips(workspace):
    rid = workspace.insert("posts", {"title": "Hei", "assets": ["a.jpg"]})
    again = Workspace.open(workspace.root, workspace._identities)
    assert again.view("posts") == {rid: {"title": "Hei", "assets": ["a.jpg"]}}
    assert again.problems == []


def test_a_folder_that_is_not_a_workspace_gives_one_clear_line(tmp_path):
    with pytest.raises(WorkspaceError, match="not a someplan workspace.*someplan init"):
        Workspace.open(tmp_path)
    with pytest.raises(WorkspaceError, match="no such folder"):
        Workspace.open(tmp_path / "nope")


def test_a_newer_format_is_read_but_never_written(workspace, machine):
    rid = workspace.insert("posts", {"title": "Hei"})
    meta_path = workspace.root / WORKSPACE_FILE
    meta = json.loads(meta_path.read_text())
    meta["format"] = 99
    meta_path.write_text(json.dumps(meta))
    before = sorted(p.name for p in workspace.root.rglob("*"))
    newer = Workspace.open(workspace.root, machine("ola").identities)
    assert newer.view("posts")[rid] == {"title": "Hei"}
    assert [p.code for p in newer.problems] == ["newer-format"]
    with pytest.raises(ReadOnlyWorkspace, match="format 99.*update someplan"):
        newer.update("posts", rid, {"title": "no"})
    assert sorted(p.name for p in workspace.root.rglob("*")) == before


@pytest.mark.parametrize(
    "name, content, code",
    [
        ("000002.jsonl", b"", "empty"),
        ("000002.jsonl", b"\x00\x01garbage\xff", "damaged"),
        ("000002.jsonl", b"{not json", "damaged"),
        ("snapshot.json", b"{truncated", None),
        ("device.json", b"\xff\xfe", "unreadable"),
        (".000003.jsonl.icloud", b"bplist", "placeholder"),
        ("notes.txt", b"hello", "foreign"),
        (".~someplan-abc.tmp", b"half", None),
    ],
)
def test_odd_files_are_reported_left_alone_and_do_not_stop_the_load(workspace, name, content, code):
    rid = workspace.insert("posts", {"title": "Hei"})
    odd = workspace.root / "devices" / "zzzzzzzzzzzz" / name
    odd.parent.mkdir(parents=True, exist_ok=True)
    odd.write_bytes(content)
    again = Workspace.open(workspace.root, workspace._identities)
    again.insert("posts", {"title": "another"})
    assert again.view("posts")[rid] == {"title": "Hei"}
    assert [p.code for p in again.problems] == ([code] if code else [])
    assert odd.read_bytes() == content


def test_a_half_synced_segment_gives_what_it_has_and_says_so(workspace, machine):
    ids = [workspace.insert("posts", {"title": f"t{i}"}) for i in range(5)]
    own = next(workspace.root.glob("devices/*/000001.jsonl"))
    data = own.read_bytes()
    other = machine("ola")
    shutil.copytree(workspace.root, other.folder)
    (other.folder / own.relative_to(workspace.root)).write_bytes(data[: len(data) * 2 // 3])
    half = Workspace.open(other.folder, other.identities, writable=False)
    assert 0 < len(half.view("posts")) < 5
    assert set(half.view("posts")) <= set(ids)
    [problem] = half.problems
    assert problem.code == "damaged" and "left alone" in problem.message


@pytest.mark.parametrize(
    "stray",
    [
        "000001 (Kari's conflicted copy 2026-11-22).jsonl",
        "000001 (Kopi med konflikt fra Kari 2026-11-22).jsonl",
        "000001.sync-conflict-20261122-101010-ABCDEFG.jsonl",
        "000001 (conflicted copy 2026-11-22 101010).jsonl",
        "000001-KARIS-LAPTOP.jsonl",
        "000001 2.jsonl",
        "000001(1).jsonl",
    ],
)
def test_stray_copies_of_a_segment_merge_by_op_id(machine, stray):
    kari, ola, ws_k, ws_o = _pair(machine)
    first = ws_k.insert("posts", {"title": "first"})
    folder = next(kari.folder.glob("devices/*/000001.jsonl")).parent
    older = (folder / "000001.jsonl").read_bytes()
    second = ws_k.insert("posts", {"title": "second"})
    (folder / stray).write_bytes(older + encode("1000000000000-0000-zzzzzzzzzzzz", "posts", "r9", "title", "only in the copy", None))
    again = kari.open()
    assert set(again.view("posts")) == {first, second, "r9"}
    assert [p.code for p in again.problems] == ["stray-copy"]
    assert [v.value for v in again.history("posts", first)["title"]] == ["first"]  # not twice


def test_a_missing_file_is_not_a_deletion(machine):
    kari, ola, ws_k, ws_o = _pair(machine)
    rid = ws_k.insert("posts", {"title": "Hei"})
    _sync(kari.folder, ola.folder)
    assert rid in ws_o.refresh() or rid in ws_o.view("posts")
    for segment in ola.folder.glob(f"devices/{ws_k.identity.device_id}/*.jsonl"):
        segment.unlink()  # online-only, or not synced yet
    ws_o.refresh()
    assert rid in ws_o.view("posts")


def test_a_concurrent_edit_keeps_the_loser_listed_as_superseded(machine):
    kari, ola, ws_k, ws_o = _pair(machine)
    rid = ws_k.insert("posts", {"caption": "draft"})
    _sync(kari.folder, ola.folder)
    ws_o.refresh()
    ws_k.update("posts", rid, {"caption": "Kari's"})
    ws_o.update("posts", rid, {"caption": "Ola's"})
    _sync(kari.folder, ola.folder)
    _sync(ola.folder, kari.folder)
    ws_k.refresh(), ws_o.refresh()
    assert ws_k.view("posts") == ws_o.view("posts")
    versions = {v.value: v.status for v in ws_k.history("posts", rid)["caption"]}
    winner = ws_k.view("posts")[rid]["caption"]
    loser = ({"Kari's", "Ola's"} - {winner}).pop()
    assert versions == {"draft": "replaced", winner: "current", loser: "superseded"}


def test_delete_with_a_concurrent_edit_stays_deleted_and_restores_with_the_edit(machine):
    kari, ola, ws_k, ws_o = _pair(machine)
    rid = ws_k.insert("posts", {"title": "Hei", "caption": "old"})
    _sync(kari.folder, ola.folder)
    ws_o.refresh()
    ws_k.delete("posts", rid)
    ws_o.update("posts", rid, {"caption": "new"})
    _sync(kari.folder, ola.folder)
    _sync(ola.folder, kari.folder)
    for ws in (ws_k, ws_o):
        ws.refresh()
        assert rid not in ws.view("posts") and ws.deleted("posts") == [rid]
    ws_o.restore("posts", rid)
    assert ws_o.view("posts")[rid] == {"title": "Hei", "caption": "new"}


def test_a_laptop_hours_behind_still_wins_with_an_edit_made_after_seeing_the_other(machine):
    hour = 3_600_000
    kari, ola = machine("kari"), machine("ola")
    clock = {"kari": 1_800_000_000_000, "ola": 1_800_000_000_000 - 5 * hour}
    ws_k = Workspace.init(kari.folder, kari.identities, now_ms=lambda: clock["kari"])
    shutil.copytree(kari.folder, ola.folder)
    rid = ws_k.insert("posts", {"title": "Kari's"})
    _sync(kari.folder, ola.folder)
    ws_o = Workspace.open(ola.folder, ola.identities, now_ms=lambda: clock["ola"])
    ws_o.update("posts", rid, {"title": "Ola's, after seeing Kari's"})
    _sync(ola.folder, kari.folder)
    ws_k.refresh()
    assert ws_k.view("posts")[rid]["title"] == "Ola's, after seeing Kari's"
    [problem] = ws_o.problems  # which of the two clocks is wrong cannot be known; both are told
    assert problem.code == "clock-ahead" and "5 hours" in problem.message


def test_a_clock_jumping_backwards_never_reorders_our_own_edits(workspace):
    now = {"t": 1_800_000_000_000}
    ws = Workspace.open(workspace.root, workspace._identities, now_ms=lambda: now["t"])
    rid = ws.insert("posts", {"title": "1"})
    now["t"] -= 86_400_000
    ws.update("posts", rid, {"title": "2"})
    again = Workspace.open(workspace.root, workspace._identities, now_ms=lambda: now["t"])
    assert again.view("posts")[rid]["title"] == "2"
    again.update("posts", rid, {"title": "3"})
    assert Workspace.open(workspace.root, workspace._identities).view("posts")[rid]["title"] == "3"


def test_a_device_a_year_ahead_is_reported_and_an_edit_after_seeing_it_still_wins(machine):
    year = 365 * 86_400_000
    kari, ola = machine("kari"), machine("ola")
    now = 1_800_000_000_000
    ws_k = Workspace.init(kari.folder, kari.identities, now_ms=lambda: now + year)
    shutil.copytree(kari.folder, ola.folder)
    rid = ws_k.insert("posts", {"title": "from the future"})
    _sync(kari.folder, ola.folder)
    ws_o = Workspace.open(ola.folder, ola.identities, now_ms=lambda: now)
    [problem] = ws_o.problems
    assert problem.code == "clock-ahead" and "365 days ahead" in problem.message
    ws_o.update("posts", rid, {"title": "fixed"})
    _sync(ola.folder, kari.folder)
    ws_k.refresh()
    assert ws_k.view("posts")[rid]["title"] == "fixed"


def test_identity_lives_in_the_xdg_dirs(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "cfg"))
    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path / "state"))
    ws = Workspace.init(tmp_path / "ws")
    ws.insert("posts", {"title": "x"})
    assert (tmp_path / "cfg" / "someplan" / "device.json").exists()
    assert list((tmp_path / "state" / "someplan" / "workspaces").rglob("000001.jsonl"))
    config = json.loads((tmp_path / "cfg" / "someplan" / "device.json").read_text())
    assert [p.name for p in (tmp_path / "ws" / "devices").iterdir()] == [config["device_id"]]
    assert not [p for p in (tmp_path / "ws").rglob("*") if p.is_file() and b'"machine"' in p.read_bytes()]


def test_a_config_copied_to_another_machine_mints_a_new_id(tmp_path):
    first = IdentityStore(tmp_path / "cfg", tmp_path / "state", fingerprint=lambda: "laptop-1")
    original = first.load()
    assert first.load().device_id == original.device_id  # stable on its own machine
    shutil.copytree(tmp_path / "cfg", tmp_path / "cfg2")
    copied = IdentityStore(tmp_path / "cfg2", tmp_path / "state2", fingerprint=lambda: "laptop-2").load()
    assert copied.device_id != original.device_id and copied.name == original.name


def test_an_unreadable_identity_file_is_set_aside(tmp_path):
    (tmp_path / "cfg").mkdir()
    (tmp_path / "cfg" / "device.json").write_text("{garbage")
    identity = IdentityStore(tmp_path / "cfg", tmp_path / "state").load()
    assert identity.device_id
    assert [p.name for p in (tmp_path / "cfg").iterdir() if "unreadable" in p.name]


def test_a_snapshot_gives_the_same_state_as_the_full_replay(machine):
    kari, ola, ws_k, ws_o = _pair(machine)
    ids = [ws_k.insert("posts", {"title": f"t{i}"}) for i in range(20)]
    ws_o.update  # ola edits one after syncing
    _sync(kari.folder, ola.folder)
    ws_o.refresh()
    ws_o.update("posts", ids[3], {"title": "ola"})
    ws_o.delete("posts", ids[4])
    assert ws_o.write_snapshot() is not None
    ws_o.update("posts", ids[5], {"title": "after the snapshot"})
    from_snapshot = ola.open()
    assert from_snapshot.state.fingerprint() == ws_o.state.fingerprint()
    (next(ola.folder.glob("devices/*/snapshot.json"))).write_bytes(b"damaged")
    assert ola.open().state.fingerprint() == ws_o.state.fingerprint()


def test_close_saves_a_snapshot_only_when_a_start_would_replay_many_ops(workspace, monkeypatch):
    import someplan.store.workspace as module

    monkeypatch.setattr(module, "SNAPSHOT_AFTER_OPS", 10)
    workspace.insert("posts", {"title": "one"})
    workspace.close()
    assert not list(workspace.root.glob("devices/*/snapshot.json"))
    workspace.write([("posts", f"r{i}", "title", str(i)) for i in range(12)])
    reopened = Workspace.open(workspace.root, workspace._identities)
    reopened.close()
    [snapshot] = workspace.root.glob("devices/*/snapshot.json")
    fast = Workspace.open(workspace.root, workspace._identities, writable=False)
    assert fast.view("posts") == reopened.view("posts") and len(fast.view("posts")) == 13
    assert fast.state.fingerprint() == reopened.state.fingerprint()


def test_a_snapshot_whose_cells_do_not_parse_falls_back_to_the_ops(workspace):
    import json as _json

    from someplan.store import snapshot as snapshots

    rid = workspace.insert("posts", {"title": "one"})
    path = workspace.write_snapshot()
    header, views, _ = path.read_bytes().split(b"\n")
    cells = b'[[1, 2]]'
    meta = _json.loads(header)
    meta["cells"] = snapshots.digest(cells)
    path.write_bytes(b"\n".join([_json.dumps(meta).encode(), views, cells]))
    again = Workspace.open(workspace.root, workspace._identities)
    again.update("posts", rid, {"title": "two"})  # needs the cells
    assert Workspace.open(workspace.root, workspace._identities).view("posts")[rid] == {"title": "two"}


def test_two_processes_of_one_device_never_replace_each_others_segments(machine, monkeypatch):
    """The planner and a `someplan` command on one machine write as one device."""
    import someplan.store.writer as writer

    monkeypatch.setattr(writer, "SEGMENT_BYTES", 600)  # roll over often
    kari = machine("kari")
    Workspace.init(kari.folder, kari.identities)
    tui, cli = kari.open(), kari.open()
    written = []
    for i in range(12):
        for name, ws in (("tui", tui), ("cli", cli)):
            written.append(ws.insert("posts", {"title": f"{name} {i}"}))
    fresh = kari.open()
    assert set(fresh.view("posts")) == set(written)
    assert all(fresh.history("posts", rid) for rid in written)
    assert fresh.problems == []


def test_a_stamp_beyond_any_clock_is_not_taken_over_and_writing_goes_on(workspace):
    poison = workspace.root / "devices" / "zzzzzzzzzzzz" / "000001.jsonl"
    poison.parent.mkdir(parents=True)
    poison.write_bytes(encode("9999999999999-ffff-zzzzzzzzzzzz", "posts", "p", "title", "from 2286", None))
    again = Workspace.open(workspace.root, workspace._identities)
    rid = again.insert("posts", {"title": "still works"})
    assert again.view("posts")[rid] == {"title": "still works"}
    assert "clock-ahead" in [p.code for p in again.problems]


def test_problems_of_files_a_snapshot_covers_are_still_reported(workspace):
    workspace.insert("posts", {"title": "x"})
    bad = workspace.root / "devices" / "zzzzzzzzzzzz" / "000001.jsonl"
    bad.parent.mkdir(parents=True)
    bad.write_bytes(b"garbage")
    workspace.refresh()
    workspace.write_snapshot()
    again = Workspace.open(workspace.root, workspace._identities, writable=False)
    assert [p.code for p in again.problems] == ["damaged"]


def test_ops_saved_only_privately_under_an_earlier_id_reach_the_workspace_under_the_new_one(machine, monkeypatch):
    import someplan.store.atomic as atomic

    kari = machine("kari")
    ws = Workspace.init(kari.folder, kari.identities)
    shared = str(kari.folder)
    real = atomic.atomic_write

    def workspace_is_offline(path, data):
        if str(path).startswith(shared) and path.name.endswith(".jsonl"):
            raise OSError(28, "No space left on device")
        return real(path, data)

    monkeypatch.setattr("someplan.store.writer.atomic_write", workspace_is_offline)
    rid = ws.insert("posts", {"title": "only in the private copy"})
    assert "unsynced" in [p.code for p in ws.problems]
    monkeypatch.setattr("someplan.store.writer.atomic_write", real)
    renamed = IdentityStore(kari.identities.config, kari.identities.state, fingerprint=lambda: "renamed laptop")
    again = Workspace.open(kari.folder, renamed)
    assert again.identity.device_id != ws.identity.device_id
    other = Workspace.open(kari.folder, IdentityStore(kari.folder.parent / "c3", kari.folder.parent / "s3"), writable=False)
    assert other.view("posts")[rid] == {"title": "only in the private copy"}


def test_our_own_writes_are_not_read_back_and_counted_again(workspace):
    workspace.insert("posts", {"title": "x"})
    replayed = workspace._replayed
    for i in range(5):
        workspace.insert("posts", {"title": str(i)})
        assert workspace.refresh() == set()
    assert workspace._replayed == replayed  # no snapshot churn from reading our own ops back


def test_a_device_that_followed_a_fast_clock_is_not_itself_reported(machine):
    hour = 3_600_000
    kari, ola = machine("kari"), machine("ola")
    ws_k = Workspace.init(kari.folder, kari.identities, now_ms=lambda: 1_800_000_000_000 + 5 * hour)
    shutil.copytree(kari.folder, ola.folder)
    ws_k.insert("posts", {"title": "ahead"})
    _sync(kari.folder, ola.folder)
    ws_o = Workspace.open(ola.folder, ola.identities, now_ms=lambda: 1_800_000_000_000)
    ws_o.insert("posts", {"title": "after seeing it"})
    ws_o.refresh()
    assert [p.path for p in ws_o.problems] == [f"devices/{ws_k.identity.device_id}"]


def test_last_change_names_who_changed_a_record_last_and_when(machine):
    kari, ola, ws_k, ws_o = _pair(machine)
    rid = ws_k.insert("posts", {"caption": "draft", "channel": "fb"})
    assert ws_k.last_change("posts", rid).mine and ws_k.last_change("posts", rid, others_only=True) is None
    _sync(kari.folder, ola.folder)
    ws_o.refresh()
    ws_o.update("posts", rid, {"caption": "Ola's"})
    _sync(ola.folder, kari.folder)
    ws_k.refresh()
    change = ws_k.last_change("posts", rid)
    assert not change.mine and change.who == ws_k.device_name(change.device) == ws_o.identity.name
    assert change.wall_ms == max(op.wall_ms for op in ws_k.history("posts", rid)["caption"])
    assert ws_k.last_change("posts", rid, others_only=True) == change
    ws_k.update("posts", rid, {"channel": "ig"})
    assert ws_k.last_change("posts", rid).mine and ws_k.last_change("posts", rid, others_only=True) == change
    assert ws_k.last_change("posts", "no-such-record") is None
