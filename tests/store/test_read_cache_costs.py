"""What an open costs through this machine's read cache: one listing of devices/, no file read
twice, no private copy read again while it is as noted, and the cells read only when needed,
from the same cache file the views came from."""

import os
from pathlib import Path

import pytest

from someplan.store import atomic, read_cache
from someplan.store import workspace as workspace_module
from someplan.store.workspace import Workspace


def _age(folder: Path, seconds: int = 60) -> None:
    for path in folder.rglob("*"):
        if path.is_file():
            stat = path.stat()
            os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns - seconds * 10**9))


def _reader(ws: Workspace) -> Workspace:
    return Workspace.open(ws.root, ws._identities, writable=False)


@pytest.fixture
def warm(workspace):
    """A workspace with a post, its files settled and noted in the read cache."""
    rid = workspace.insert("posts", {"title": "one"})
    _age(workspace.root)
    _age(workspace._identities.state / "workspaces")
    _reader(workspace)
    return workspace, rid


def _count_replays(monkeypatch) -> list[int]:
    calls: list[int] = []
    real = Workspace._replay_all

    def counting(self):
        calls.append(1)
        return real(self)

    monkeypatch.setattr(Workspace, "_replay_all", counting)
    return calls


def test_another_process_saving_the_cache_does_not_make_a_running_reader_replay(warm, monkeypatch):
    ws, rid = warm
    running = _reader(ws)
    assert running.state.cells_deferred
    ws.update("posts", rid, {"title": "two"})
    _reader(ws)  # another process: merges the grown segment and saves a new cache in its place
    replays = _count_replays(monkeypatch)
    running.refresh()  # merging needs the cells: those of the cache its views came from
    assert running.view("posts") == {rid: {"title": "two"}}
    assert replays == []


def test_a_warm_start_reads_no_private_copy(warm, monkeypatch):
    ws, _rid = warm
    private = ws._identities.state / "workspaces"
    assert any(private.rglob("*.jsonl"))
    _reader(ws)
    reads: list[Path] = []
    real = Path.read_bytes

    def counting(path):
        reads.append(path)
        return real(path)

    monkeypatch.setattr(Path, "read_bytes", counting)
    reader = _reader(ws)
    assert not [p for p in reads if private in p.parents]
    assert not reader._cache_stale


@pytest.mark.parametrize("writable", [False, True])
def test_an_open_lists_devices_once(warm, monkeypatch, writable):
    ws, _rid = warm
    listings: list[int] = []
    real = Workspace._entries

    def counting(self):
        listings.append(1)
        return real(self)

    monkeypatch.setattr(Workspace, "_entries", counting)
    Workspace.open(ws.root, ws._identities, writable=writable)
    assert len(listings) == 1


def test_a_grown_segment_is_read_once(warm, monkeypatch):
    ws, rid = warm
    ws.update("posts", rid, {"title": "two"})
    reads: list[Path] = []
    real, real_bytes = workspace_module.read_regular, Path.read_bytes

    def counting(path):
        reads.append(Path(path))
        return real(path)

    def counting_bytes(path):
        reads.append(path)
        return real_bytes(path)

    monkeypatch.setattr(workspace_module, "read_regular", counting)
    monkeypatch.setattr(Path, "read_bytes", counting_bytes)
    reader = _reader(ws)
    assert reader.view("posts") == {rid: {"title": "two"}}
    segments = [p for p in reads if p.suffix == ".jsonl"]
    assert segments and len(segments) == len(set(segments))


def test_a_cache_saved_after_a_start_that_merged_nothing_does_not_read_the_cells(warm, monkeypatch):
    ws, rid = warm
    [segment] = ws.root.glob("devices/*/000001.jsonl")
    os.utime(segment)  # a sync tool touched it: the same bytes, a new mtime
    replays = _count_replays(monkeypatch)
    reader = _reader(ws)
    assert reader.state.cells_deferred and not reader._cache_stale
    # the cells carried over are still the right ones
    later = Workspace.open(ws.root, ws._identities)
    later.update("posts", rid, {"title": "two"})
    assert later.state.fingerprint()["posts"][rid]["title"] == "two"
    assert replays == []


def test_the_cache_is_written_by_the_stores_atomic_write(warm, monkeypatch):
    ws, _rid = warm
    written: list[Path] = []
    real = read_cache.atomic_write

    def spy(path, data, durable=True):
        written.append(path)
        assert durable is False  # rebuilt at any time: not worth an fsync
        return real(path, data, durable)

    monkeypatch.setattr(read_cache, "atomic_write", spy)
    for path in (ws._identities.state / "read-cache").iterdir():
        path.unlink()
    _reader(ws)
    assert [p.parent.name for p in written] == ["read-cache"]


def test_temp_files_name_the_machine_by_its_fingerprint(monkeypatch):
    monkeypatch.setattr("someplan.store.machine.machine_fingerprint", lambda: "abcdef0123456789")
    monkeypatch.setattr(atomic, "_machine_token", None)
    assert atomic._machine() == "abcdef"


def test_settled_is_defined_once():
    store = Path(workspace_module.__file__).parent
    definitions = [p.name for p in store.glob("*.py") if "\nSETTLED_NS = " in p.read_text(encoding="utf-8")]
    assert definitions == ["snapshot.py"]
