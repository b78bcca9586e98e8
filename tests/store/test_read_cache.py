"""Snapshots and this machine's read cache stand in for the segments only as far as they can be
checked against them: a reader sees what a full replay of the files there would give."""

import json
import os
import shutil
import tempfile
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from someplan.store import snapshot as snapshots
from someplan.store.device import IdentityStore
from someplan.store.ops import UNSET
from someplan.store.workspace import Workspace
from tests.store.conftest import Machine
from tests.store.conftest import copy_device_files as _sync


def _replayed(folder: Path, base: Path, machine: Machine | None = None) -> Workspace:
    """What a machine that never saw this folder reads: every segment, no snapshot, no cache;
    with `machine`, also that machine's private copies of its own segments, which every reader
    of that machine merges (an edit saved there shows there, whatever the shared folder lost)."""
    fresh = Path(tempfile.mkdtemp(dir=base))
    private = machine.identities.state / "workspaces" if machine else None
    if private is not None and private.exists():
        shutil.copytree(private, fresh / "state" / "workspaces")
    return Workspace.open(folder, IdentityStore(fresh / "cfg", fresh / "state"), writable=False)


def _same(a: Workspace, b: Workspace) -> None:
    # First, while `a` may still hold its cells unread: who changed each record last, as the
    # read cache keeps it for the detail pane, is what the cells say.
    for table, rid in list(b.state.cells):
        mine, theirs = a.last_change(table, rid), b.last_change(table, rid)
        assert (mine and (mine.device, mine.who, mine.wall_ms)) == (theirs and (theirs.device, theirs.who, theirs.wall_ms))
    assert a.state.fingerprint() == b.state.fingerprint()
    assert {t: v for t, v in a.state.views.items() if v} == {t: v for t, v in b.state.views.items() if v}
    assert sorted((p.code, p.path) for p in a.problems) == sorted((p.code, p.path) for p in b.problems)


def _forge(snapshot: Path, views: dict, into: Path) -> None:
    """A snapshot that passes its own checks: a real one's covers (true digests of real segments)
    with other views, its digests redone, in another device's folder."""
    header, _views, cells = snapshot.read_bytes().split(b"\n")
    meta = json.loads(header)
    data = json.dumps(views).encode()
    meta["views"], meta["cells"] = snapshots.digest(data), snapshots.digest(b"[]")
    into.mkdir(parents=True, exist_ok=True)
    (into / "snapshot.json").write_bytes(b"\n".join([json.dumps(meta).encode(), data, b"[]"]))
    later = snapshot.stat().st_mtime_ns + 10**9  # the newest snapshot there
    os.utime(into / "snapshot.json", ns=(later, later))


def test_a_colleagues_snapshot_that_lies_neither_hides_the_workspace_nor_shows_phantoms(machine, tmp_path):
    kari, ola = machine("kari"), machine("ola")
    ws = Workspace.init(kari.folder, kari.identities)
    channel = ws.insert("channels", {"name": "Facebook", "network": "facebook"})
    post = ws.insert("posts", {"title": "real", "channel": channel})
    genuine = ws.write_snapshot()
    _forge(genuine, {"posts": {"phantom": {"title": "ghost"}}}, kari.folder / "devices" / "zzzzzzzzzzzz")
    shutil.copytree(kari.folder, ola.folder)

    for reader in (ola.open(writable=False), ola.open()):
        assert set(reader.view("posts")) == {post}
        assert set(reader.view("channels")) == {channel}
    _forge(genuine, {}, ola.folder / "devices" / "zzzzzzzzzzzz")
    shutil.rmtree(ola.identities.state)  # no read cache either: a first start on this machine
    assert set(ola.open(writable=False).view("posts")) == {post}


def test_our_own_snapshot_does_not_stand_in_for_a_segment_that_was_cut_or_restored_older(machine, tmp_path):
    kari, ola = machine("kari"), machine("ola")
    ws_k = Workspace.init(kari.folder, kari.identities)
    first = ws_k.insert("posts", {"title": "one"})
    shutil.copytree(kari.folder, ola.folder)
    [segment] = kari.folder.glob("devices/*/000001.jsonl")
    older = segment.read_bytes()
    second = ws_k.insert("posts", {"title": "two"})
    _sync(kari.folder, ola.folder)
    ws_o = ola.open()
    assert set(ws_o.view("posts")) == {first, second}
    ws_o.write_snapshot()
    shutil.rmtree(ola.identities.state / "read-cache")
    # Ola's sync tool brings back the older version of Kari's segment
    (ola.folder / segment.relative_to(kari.folder)).write_bytes(older)
    reader = ola.open(writable=False)
    assert set(reader.view("posts")) == {first}
    _same(reader, _replayed(ola.folder, tmp_path))


def test_a_reader_with_a_warm_cache_reads_no_segment_and_a_grown_one_merges_onto_it(workspace, tmp_path):
    rid = workspace.insert("posts", {"title": "one"})
    _age(workspace.root)
    Workspace.open(workspace.root, workspace._identities, writable=False)  # notes the files as still
    warm = Workspace.open(workspace.root, workspace._identities, writable=False)
    assert warm._replayed == 0 and not warm._cache_stale
    assert warm.view("posts") == {rid: {"title": "one"}}
    workspace.update("posts", rid, {"title": "two"})
    grown = Workspace.open(workspace.root, workspace._identities, writable=False)
    assert grown.view("posts") == {rid: {"title": "two"}}
    _same(grown, _replayed(workspace.root, tmp_path))


def test_a_damaged_read_cache_is_rebuilt(workspace):
    rid = workspace.insert("posts", {"title": "one"})
    Workspace.open(workspace.root, workspace._identities, writable=False)
    [cache] = (workspace._identities.state / "read-cache").iterdir()
    data = bytearray(cache.read_bytes())
    data[-5] ^= 0xFF  # in the cells: found only when a merge needs them
    cache.write_bytes(bytes(data))
    workspace.update("posts", rid, {"title": "two"})
    assert Workspace.open(workspace.root, workspace._identities, writable=False).view("posts") == {rid: {"title": "two"}}
    cache.write_bytes(b"spcache2" + b"0" * 60)
    assert Workspace.open(workspace.root, workspace._identities, writable=False).view("posts") == {rid: {"title": "two"}}


def _age(folder: Path, seconds: int = 60) -> None:
    """Time passes: every file's mtime moves back (a sync tool keeps the times it was given)."""
    for path in folder.rglob("*"):
        if path.is_file():
            stat = path.stat()
            os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns - seconds * 10**9))


STEPS = st.lists(
    st.one_of(
        st.tuples(st.just("edit"), st.sampled_from("ko"), st.integers(0, 5), st.sampled_from(["set", "unset", "delete"])),
        st.tuples(st.just("sync"), st.sampled_from(["ko", "ok"])),
        st.tuples(st.just("cut"), st.sampled_from("ko"), st.integers(0, 10_000)),
        st.tuples(st.just("restore"), st.sampled_from("ko"), st.integers(0, 50)),
        st.tuples(st.just("snapshot"), st.sampled_from("ko")),
        st.tuples(st.just("age"), st.sampled_from("ko")),
        st.tuples(st.just("read"), st.sampled_from("ko")),
    ),
    min_size=1,
    max_size=14,
)


@settings(max_examples=int(os.environ.get("SOMEPLAN_CACHE_EXAMPLES", "25")))
@given(STEPS)
def test_reading_through_the_cache_equals_a_full_replay(steps):
    base = Path(tempfile.mkdtemp(prefix="someplan-cache-"))
    try:
        machines = {"k": Machine(base, "kari"), "o": Machine(base, "ola")}
        Workspace.init(machines["k"].folder, machines["k"].identities).close()
        shutil.copytree(machines["k"].folder, machines["o"].folder)
        versions: list[tuple[Path, bytes]] = []  # every segment version a sync tool may bring back
        for step in steps:
            kind, who = step[0], machines[step[1][0]]
            if kind == "edit":
                ws = who.open()
                record = f"r{step[2]}"
                if step[3] == "set" or record not in ws.view("posts"):
                    ws.write([("posts", record, "title", f"{who.label} {len(versions)}")])
                elif step[3] == "unset":
                    ws.write([("posts", record, "title", UNSET)])
                else:
                    ws.delete("posts", record)
                ws.close()
            elif kind == "sync":
                src, dst = machines[step[1][0]], machines[step[1][1]]
                for path in sorted(src.folder.glob("devices/*/*.jsonl")):
                    versions.append((path.relative_to(src.folder), path.read_bytes()))
                _sync(src.folder, dst.folder)
            elif kind == "cut":
                segments = sorted(who.folder.glob("devices/*/*.jsonl"))
                if segments:
                    path = segments[step[2] % len(segments)]
                    data = path.read_bytes()
                    path.write_bytes(data[: step[2] % (len(data) + 1)])
            elif kind == "restore" and versions:
                relpath, data = versions[step[2] % len(versions)]
                (who.folder / relpath).parent.mkdir(parents=True, exist_ok=True)
                (who.folder / relpath).write_bytes(data)
            elif kind == "snapshot":
                who.open().write_snapshot()
            elif kind == "age":
                _age(who.folder)
            for m in machines.values():
                if kind == "read" and m is not who:
                    continue
                _same(m.open(writable=False), _replayed(m.folder, base, m))
    finally:
        shutil.rmtree(base, ignore_errors=True)


def test_who_changed_a_record_last_is_read_without_its_cells_from_a_warm_cache(workspace):
    """The detail pane's "changed by" at start: from the read cache's newest changes, not from
    every cell of the workspace; once a merge reads the cells, from them."""
    rid = workspace.insert("posts", {"title": "one"})
    workspace.update("posts", rid, {"title": "two"})
    other = workspace.insert("posts", {"title": "other"})
    _age(workspace.root)
    Workspace.open(workspace.root, workspace._identities, writable=False)  # notes the files as still
    warm = Workspace.open(workspace.root, workspace._identities, writable=False)
    assert warm.state.cells_deferred
    first, second = warm.last_change("posts", rid), warm.last_change("posts", other)
    assert warm.state.cells_deferred, "every cell was read"
    assert warm.last_change("posts", "nobody") is None
    assert warm.state.cells_deferred
    whole = Workspace.open(workspace.root, workspace._identities, writable=False)
    whole.state.cells  # noqa: B018 - read them: the slow way
    assert (first, second) == (whole.last_change("posts", rid), whole.last_change("posts", other))
    assert first is not None and second is not None and first.wall_ms <= second.wall_ms


def test_a_cache_whose_newest_changes_do_not_read_falls_back_to_the_cells(workspace):
    rid = workspace.insert("posts", {"title": "one"})
    _age(workspace.root)
    Workspace.open(workspace.root, workspace._identities, writable=False)
    warm = Workspace.open(workspace.root, workspace._identities, writable=False)
    warm._cells_from._newest_at = (0, 1, 0)  # a part that does not read back as noted
    change = warm.last_change("posts", rid)
    assert change is not None and change.device and not warm.state.cells_deferred


def test_the_cache_a_start_read_from_is_let_go_once_the_cells_are_read(workspace):
    rid = workspace.insert("posts", {"title": "one"})
    _age(workspace.root)
    Workspace.open(workspace.root, workspace._identities, writable=False)
    warm = Workspace.open(workspace.root, workspace._identities, writable=False)
    assert warm.last_change("posts", rid) is not None and warm._cells_from is not None
    warm.state.cells  # noqa: B018 - a merge or a write reads them
    assert warm.last_change("posts", rid) is not None and warm._cells_from is None
