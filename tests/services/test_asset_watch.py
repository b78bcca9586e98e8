"""The asset watcher on a real folder (watchdog), and its growing-file rule on a fake clock."""

import os
import shutil
import threading
import time

import pytest

from someplan.domain.assets import Move
from someplan.services.asset_watch import Added, AssetWatcher, Moved, Removed

WAIT_S = 10  # an upper bound for a slow machine; the tests wait on the watcher's delivery, not on time


class Recorder:
    def __init__(self):
        self.changes = []
        self.arrived = threading.Condition()

    def __call__(self, changes):
        with self.arrived:
            self.changes.extend(changes)
            self.arrived.notify_all()

    def wait_for(self, predicate):
        with self.arrived:
            assert self.arrived.wait_for(lambda: predicate(self.changes), timeout=WAIT_S), self.changes


@pytest.fixture
def watched(tmp_path):
    root = tmp_path / "assets"
    (root / "natur").mkdir(parents=True)
    (root / "mat").mkdir()  # made before watching: a folder made just before a move may not be watched yet
    recorder = Recorder()
    watcher = AssetWatcher(root, recorder).start()
    yield root, recorder
    watcher.stop()


def added(changes, key):
    return [c for c in changes if isinstance(c, Added) and c.key == key]


def test_a_new_file_arrives_once_with_its_size(watched):
    root, recorder = watched
    (root / "natur" / "ny.jpg").write_bytes(b"x" * 5000)
    recorder.wait_for(lambda cs: added(cs, "natur/ny.jpg"))
    assert added(recorder.changes, "natur/ny.jpg")[0].entry.size == 5000


def test_rename_move_and_delete(watched):
    root, recorder = watched
    (root / "natur" / "a.jpg").write_bytes(b"a")
    recorder.wait_for(lambda cs: added(cs, "natur/a.jpg"))
    os.rename(root / "natur" / "a.jpg", root / "natur" / "b.jpg")
    recorder.wait_for(lambda cs: any(isinstance(c, Moved) for c in cs))
    os.rename(root / "natur" / "b.jpg", root / "mat" / "b.jpg")
    recorder.wait_for(lambda cs: Moved(Move("natur/b.jpg", "mat/b.jpg")) in cs)
    os.rename(root / "mat", root / "mat-2026")
    recorder.wait_for(lambda cs: Moved(Move("mat", "mat-2026", is_folder=True)) in cs)
    os.remove(root / "mat-2026" / "b.jpg")
    recorder.wait_for(lambda cs: Removed("mat-2026/b.jpg") in cs)
    assert Moved(Move("natur/a.jpg", "natur/b.jpg")) in recorder.changes


def test_temp_files_are_ignored_and_arrive_under_their_final_name(watched):
    root, recorder = watched
    temp = root / "natur" / ".~sync-123.tmp"
    temp.write_bytes(b"y" * 100)
    (root / "natur" / ".DS_Store").write_bytes(b"z")
    (root / "natur" / "film.mp4.part").write_bytes(b"z")
    os.rename(temp, root / "natur" / "endelig.jpg")
    recorder.wait_for(lambda cs: added(cs, "natur/endelig.jpg"))
    keys = {getattr(c, "key", None) for c in recorder.changes}
    assert keys == {"natur/endelig.jpg"}


def test_a_folder_copied_in_arrives_with_its_files(watched, tmp_path):
    root, recorder = watched
    source = tmp_path / "kopi"
    source.mkdir()
    for i in range(5):
        (source / f"IMG_{i}.jpg").write_bytes(b"i" * i)
    shutil.copytree(source, root / "tur")
    recorder.wait_for(lambda cs: all(added(cs, f"tur/IMG_{i}.jpg") for i in range(5)))


def test_a_file_still_growing_is_delivered_only_when_it_stopped(tmp_path):
    root = tmp_path / "assets"
    root.mkdir()
    recorder = Recorder()
    watcher = AssetWatcher(root, recorder, stable_s=1.0).start()
    try:
        with open(root / "video.mp4", "wb") as file:
            for _ in range(8):  # writing a chunk every 0.1 s: a copy in progress
                file.write(b"v" * 10_000)
                file.flush()
                time.sleep(0.1)
        recorder.wait_for(lambda cs: added(cs, "video.mp4"))
        assert [c.entry.size for c in added(recorder.changes, "video.mp4")] == [80_000]
    finally:
        watcher.stop()


def test_growing_rule_on_a_fake_clock(tmp_path):
    root = tmp_path / "assets"
    root.mkdir()
    watcher = AssetWatcher(root, lambda changes: None, stable_s=0.5)
    path = root / "a.jpg"
    path.write_bytes(b"1")
    event = [("created", str(path), "", False)]
    assert watcher.changes(event, now=100.0) == []  # first look: remember size and mtime
    with open(path, "ab") as file:
        file.write(b"2")
    os.utime(path, (1, 1))
    assert watcher.changes([], now=100.5) == []  # it changed: look again later
    assert watcher.changes([], now=100.6) == []  # unchanged, but not for long enough
    [change] = watcher.changes([], now=101.0)
    assert change.key == "a.jpg" and change.entry.size == 2
    assert watcher.changes([], now=102.0) == []
