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
