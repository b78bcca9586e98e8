import shutil
import threading

from someplan.store.watcher import ChangeFeed
from someplan.store.workspace import Workspace
from tests.store.conftest import copy_device_files as _copy_devices


def test_a_colleagues_files_arriving_are_announced_once_per_burst(machine):
    kari, ola = machine("kari"), machine("ola")
    ws_k = Workspace.init(kari.folder, kari.identities)
    shutil.copytree(kari.folder, ola.folder)
    ws_o = ola.open()
    ids = {ws_k.insert("posts", {"title": f"t{i}"}) for i in range(30)}
    got: list[set] = []
    arrived = threading.Event()

    def on_change(changed):
        got.append(changed)
        if {rid for _, rid in set().union(*got)} >= ids:
            arrived.set()

    with ChangeFeed(ws_o) as feed:
        feed.subscribe(on_change)
        _copy_devices(kari.folder, ola.folder)
        assert arrived.wait(5), got
    assert {rid for _, rid in set().union(*got)} == ids
    assert feed.refreshes <= 2  # the burst of files became one merge (two if split by timing)
    assert set(ws_o.view("posts")) == ids


def test_our_own_writes_announce_nothing_and_stop_ends_the_threads(workspace):
    got = []
    feed = ChangeFeed(workspace).start()
    feed.subscribe(got.append)
    workspace.insert("posts", {"title": "mine"})
    done = threading.Event()
    original = feed._deliver

    def deliver():
        original()
        done.set()

    feed._deliver = deliver
    workspace.insert("posts", {"title": "mine too"})
    done.wait(5)
    feed.stop()
    assert got == []
    assert not feed._thread.is_alive()
    assert not any(t.name == "someplan-change-feed" and t.is_alive() for t in threading.enumerate())


def test_a_file_that_only_brings_a_problem_is_announced(workspace):
    """Issue 17.12: a garbage segment changes no record, but the planner's ⚠ count must follow."""
    got: list[set] = []
    arrived = threading.Event()

    def on_change(changed):
        got.append(changed)
        arrived.set()

    with ChangeFeed(workspace) as feed:
        feed.subscribe(on_change)
        folder = workspace.root / "devices" / "zzzzzzzzzzzz"
        folder.mkdir()
        (folder / "000001.jsonl").write_bytes(b"\x00garbage\xff\n")
        assert arrived.wait(5)
    assert got == [set()] and workspace.problems


def test_a_refresh_works_out_the_problems_once(workspace, monkeypatch):
    feed = ChangeFeed(workspace)  # not started: deliveries run here, one after the other
    looks = []
    real = Workspace.problems

    monkeypatch.setattr(Workspace, "problems", property(lambda self: looks.append(1) or real.fget(self)))
    feed._deliver()
    first = len(looks)
    feed._deliver()
    feed._deliver()
    assert len(looks) - first == 2
