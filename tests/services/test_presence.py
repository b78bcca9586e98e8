"""Who else is here (services/presence.py): a heartbeat in this device's own folder, at most once a
minute, atomic, removed on exit, stale after a few minutes; colleagues' heartbeats only read."""

import json

import pytest

from someplan.services.presence import BEAT_S, STALE_S, Presence
from someplan.store.layout import PRESENCE_FILE, Kind, classify
from someplan.store.workspace import Workspace

JONAS = "7zkhmhw1sgnk"  # "Jonas (resepsjonen)" in the sample


class Clock:
    def __init__(self, now: float = 1_795_000_000.0) -> None:
        self.now = now

    def __call__(self) -> float:
        return self.now


@pytest.fixture
def workspace(sample_copy):
    workspace = Workspace.open(sample_copy)
    yield workspace
    workspace.close()


def _colleague_beat(workspace, device: str, beat: float, raw: bytes | None = None) -> None:
    path = workspace.root / "devices" / device / PRESENCE_FILE
    path.write_bytes(raw if raw is not None else json.dumps({"presence": 1, "device": device, "beat": beat}).encode())


def test_the_heartbeat_is_written_in_the_own_folder_at_most_once_a_minute_and_removed_on_leave(workspace):
    clock = Clock()
    presence = Presence(workspace, now=clock)
    own = workspace.root / "devices" / workspace.identity.device_id
    assert presence.beat()
    doc = json.loads((own / PRESENCE_FILE).read_text())
    assert doc["beat"] == round(clock.now) and doc["device"] == workspace.identity.device_id
    clock.now += BEAT_S - 1
    assert not presence.beat()
    clock.now += 1
    assert presence.beat()
    assert [p.name for p in own.iterdir() if p.name.startswith(".~")] == []  # atomic: no temp left
    presence.leave()
    assert not (own / PRESENCE_FILE).exists()
    writable = [p for p in (workspace.root / "devices").rglob(PRESENCE_FILE)]
    assert writable == []


def test_colleagues_with_a_fresh_heartbeat_are_here_stale_and_garbage_ones_not(workspace):
    clock = Clock()
    presence = Presence(workspace, now=clock)
    others = sorted(p.name for p in (workspace.root / "devices").iterdir() if p.name != workspace.identity.device_id)
    fresh, stale, *rest = others
    _colleague_beat(workspace, fresh, clock.now - 30)
    _colleague_beat(workspace, stale, clock.now - STALE_S - 1)
    for device in rest:
        _colleague_beat(workspace, device, 0, raw=b"[1, 2")
    presence.beat()
    here = presence.here()
    assert [c.device for c in here] == [fresh]  # not ourselves, not the stale one, not garbage
    assert here[0].name == workspace.device_name(fresh)
    _colleague_beat(workspace, fresh, clock.now + 3600)  # a clock an hour ahead: not believed
    assert presence.here() == []


def test_the_store_skips_heartbeats_and_the_doctor_does_not_report_them(workspace, sample_copy):
    assert classify(JONAS, PRESENCE_FILE).kind is Kind.PRESENCE
    _colleague_beat(workspace, JONAS, 1)
    reopened = Workspace.open(sample_copy)
    try:
        assert not [p for p in reopened.problems if PRESENCE_FILE in (p.path or "")]
    finally:
        reopened.close()


def test_a_read_only_workspace_gets_no_heartbeat(sample_copy):
    workspace = Workspace.open(sample_copy, writable=False)
    try:
        assert not Presence(workspace).beat()
        assert not list((workspace.root / "devices").rglob(PRESENCE_FILE))
    finally:
        workspace.close()


def test_the_change_feed_ignores_a_colleagues_heartbeat(workspace):
    from watchdog.events import FileMovedEvent

    from someplan.store.watcher import ChangeFeed, _Handler

    feed = ChangeFeed(workspace)
    pokes = []
    feed.poke = lambda: pokes.append(1)
    folder = workspace.root / "devices" / JONAS
    _Handler(feed).on_any_event(FileMovedEvent(str(folder / ".~someplan-x.tmp"), str(folder / PRESENCE_FILE)))
    assert pokes == []
    _Handler(feed).on_any_event(FileMovedEvent(str(folder / ".~someplan-x.tmp"), str(folder / "000002.jsonl")))
    assert pokes == [1]
